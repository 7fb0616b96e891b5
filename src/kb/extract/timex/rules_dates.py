"""Handlers of the patterns for calendar dates: days, months, years, decades, centuries,
quarters, halves and seasons, and dates counted from the anchor ("last week", "three years ago").

Each checks the context of its match (so "May" the surname or "2000 people" are not dates)
and normalises it against the anchor day and the tense of its clause.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from kb.extract.timex import resolve
from kb.extract.timex.calendar import (
    add_months, century_value, day_value, decade_value, half_value, last_day, last_ended_quarter, month_value, number,
    quarter_of, quarter_value, ref_value, season_value, time_value, week_value, weekend_value, year_value,
)
from kb.extract.timex.found import (
    Context, Found, _anchor, _count, _day_no, _dow_no, _f, _month_no, _narrow, _next_raw, _part_of, _prev_raw,
    _prev_words, _relative_year, _safe_day, _unit_name, duration_value, premodifier,
)
from kb.extract.timex.tense import clause_tense, expected, of_habit, verb_of
from kb.extract.timex.words import (
    AMBIGUOUS_MONTHS, MONFULL, MONTH_PREPS, UNIT_CODE, VAGUE, WEAK_PREPS, YEAR, ZONE,
)
from kb.lexicon import lemma_in
from kb.lexicon import time_words as tw
from kb.lexicon.time_words import ORDINALS, SEASONS, WEEKDAYS
from kb.model import DateValue


def h_iso(m: re.Match[str], ctx: Context) -> Found | None:
    d = _safe_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        return _f(m, "TIME", time_value(d, f"{m['hh']}:{m['mm']}"))
    return _f(m, "DATE", day_value(d))


def _not_a_span_of_days(m: re.Match[str]) -> bool:
    """"March 14-15" is a span of days, dated by its first; "March 3-2" is not."""
    return bool(m.groupdict().get("d2")) and int(m["d2"]) <= _day_no(m["d"])


def h_full(m: re.Match[str], ctx: Context) -> Found | None:
    if _not_a_span_of_days(m):
        return None
    d = _safe_day(int(m["y"]), _month_no(m["mon"]), _day_no(m["d"]))
    return _f(m, "DATE", day_value(d)) if d else None


def h_numeric(m: re.Match[str], ctx: Context) -> Found | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if y < 100:
        return None
    day_first = m["sep"] == "." or any(int(x) > 12 for x in re.findall(r"\b(\d{1,2})[/.]\d{1,2}[/.]\d{4}\b", ctx.text))
    month, day = (b, a) if a > 12 or day_first else (a, b)
    d = _safe_day(y, month, day)
    return _f(m, "DATE", day_value(d)) if d else None


def _noun_after(ctx: Context, end: int, dash: bool = False) -> bool:
    """True when the parse has a noun, adjective or number right after ``end`` (or, with
    ``dash``, a dash): an ordinal there belongs to it ("the first generation", "the 18th hole")."""
    after = re.match(r"\s*", ctx.text[end:])
    tok = ctx.token(end + (after.end() if after else 0))
    return tok is not None and (tok.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or dash and tok.text in ("-", "–"))


def _ordinal_of_a_noun(m: re.Match[str], ctx: Context) -> bool:
    """True when the day said as a word is an ordinal of the noun after it ("on Tuesday the
    first generation of Macs", "March second round")."""
    return ctx.doc is not None and not any(c.isdigit() for c in m["d"]) and _noun_after(ctx, m.end())


def _days_near(anchor: dt.date, day: int, months: range) -> list[dt.date]:
    """The day of that number in each month ``months`` away from the anchor's, where it exists."""
    return [d for k in months if (d := _safe_day(*add_months(anchor.year, anchor.month, k), day))]


def h_month_day(m: re.Match[str], ctx: Context) -> Found | None:
    if (m.groupdict().get("cent") or m.groupdict().get("k")) and _a_count_follows(ctx, m.end()):
        # "on March first, two thousand people marched": the day alone
        m = m.re.match(ctx.text, m.start(), m.end("d")) or m
    if _ordinal_of_a_noun(m, ctx):
        return None
    month, day = _month_no(m["mon"]), _day_no(m["d"])
    if _not_a_span_of_days(m):
        return None
    prev = _prev_raw(ctx, m.start())
    if m["mon"] in ("May", "March") and not m["dow"] and prev[:1].isupper() and prev not in ("On", "In", "By", "Since", "Until", "From", "The") \
            and not re.fullmatch(ZONE, prev):  # (a time zone before it: "midnight EST March 21")
        return None
    if _safe_day(2000, month, day) is None:
        return None
    if _habitual(ctx, m.start("mon")):  # "the board typically meets on March 3": any year's
        return _f(m, "DATE", DateValue(f"XXXX-{month:02d}-{day:02d}", "day"))
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    if m.groupdict().get("cent") or m.groupdict().get("k"):  # "July twentieth, nineteen sixty-nine": the day of the year said
        return _f(m, "DATE", day_value(dt.date(_spoken_year(m), month, day)))
    dow = _dow_no(m["dow"]) if m["dow"] else None
    d = resolve.month_day(month, day, anchor, ctx.tense(m.start(), m.end()), dow)
    return _f(m, "DATE", day_value(d)) if d else None


def h_dow_nth(m: re.Match[str], ctx: Context) -> Found | None:
    """'Sunday the seventeenth', 'Friday the 13th', 'Tuesday 21': the day of that number, in
    the month nearest the writing, that falls on that weekday (not "on Tuesday 21 people")."""
    if _ordinal_of_a_noun(m, ctx) or m["d"].isdigit() and (ctx.doc is None or _noun_after(ctx, m.end(), dash=True)):
        return None
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    day, dow = _day_no(m["d"]), _dow_no(m["dow"])
    cands = [d for d in _days_near(anchor, day, range(-2, 3)) if d.weekday() == dow]
    if not cands:
        return None
    return _f(m, "DATE", day_value(min(cands, key=lambda d: abs((d - anchor).days))))


_ROUND_OF_GOLF = re.compile(r"\b(?:birdies?|bogeys?|eagles?|putts?|fairways?|holes?|tee\s+shot|green)\b", re.I)


def h_nth_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'open on the 17th', 'finished a poem on the 18th': a day of the month the writing is in
    or next to, placed by the clause's tense (not "the 18th hole", "the 25th anniversary")."""
    if ctx.doc is None or _noun_after(ctx, m.end(), dash=True):
        return None
    if (here := ctx.token(m.start("d"))) is not None and _ROUND_OF_GOLF.search(here.sent.text):
        return None  # "a birdie on the 18th": a hole
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None, "x")
    day = _day_no(m["d"])
    d = resolve.pick(_days_near(anchor, day, range(-1, 2)), anchor, ctx.tense(m.start("x"), m.end()))
    return _f(m, "DATE", day_value(d) if d else None, "x")


def h_week_of(m: re.Match[str], ctx: Context) -> Found | None:
    """'the week of March 6': the week that day falls in; 'the weekend of June 26-28': that
    week's weekend."""
    if _not_a_span_of_days(m):
        return None
    month, day = _month_no(m["mon"]), _day_no(m["d"])
    if m["y"]:
        d = _safe_day(int(m["y"]), month, day)
    else:
        anchor = _anchor(ctx)
        if anchor is None or _safe_day(2000, month, day) is None:
            return _f(m, "DATE", None)
        d = resolve.month_day(month, day, anchor, ctx.tense(m.start(), m.end()))
    found = _f(m, "DATE", (weekend_value(d) if m["we"] else week_value(d)) if d else None)
    if head := re.match(r"the\s+week(?=\s+end)", m[0], re.I):
        found.end = m.start() + head.end()  # "the week ended June 26": the week, and its last day a date of its own
    return found


def h_nth_week(m: re.Match[str], ctx: Context) -> Found | None:
    """'the first week of August', 'the last week of May': an ISO week of the month."""
    month = _month_no(m["mon"])
    if m["y"]:
        year = int(m["y"])
    else:
        anchor = _anchor(ctx)
        if anchor is None:
            return _f(m, "DATE", None)
        year, month = resolve.month_only(month, anchor, ctx.tense(m.start(), m.end()))
    # a week is the month's when most of its days are, as ISO counts a year's weeks: the
    # first is the one with the month's first Thursday
    n = ORDINALS.get(m["ord"].lower(), -1)
    if n < 1:
        end = last_day(year, month)
        d = end - dt.timedelta(days=(end.weekday() - 3) % 7)
    else:
        first = dt.date(year, month, 1)
        d = first + dt.timedelta(days=(3 - first.weekday()) % 7 + 7 * (n - 1))
    return _f(m, "DATE", week_value(d) if d.month == month else None)


def h_next_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'April 24 and 25': the second day is a date of its own, in the first one's month."""
    month, first, day = _month_no(m["mon"]), _day_no(m["d1"]), _day_no(m["d"])
    if day <= first or _safe_day(2000, month, day) is None:
        return None
    if m["y"]:
        d = _safe_day(int(m["y"]), month, day)
        return Found(m.start("d"), m.end(), "DATE", day_value(d) if d else None)
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None, "d")
    d = resolve.month_day(month, day, anchor, ctx.tense(m.start(), m.end("d1")))
    return _f(m, "DATE", day_value(d) if d else None, "d")


def h_month_year(m: re.Match[str], ctx: Context) -> Found | None:
    dv = month_value(int(m["y"]), _month_no(m["mon"]))
    return _f(m, "DATE", _narrow(dv, _part_of(m["mod"])))


def h_month_rel(m: re.Match[str], ctx: Context) -> Found | None:
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    y, mo = resolve.shifted_month(_month_no(m["mon"]), anchor, m["rel"].lower())
    return _f(m, "DATE", _narrow(month_value(y, mo), _part_of(m["mod"])))


def _plain_month(m: re.Match[str], ctx: Context) -> bool:
    """A month named without a preposition ("the October slaying", "figures for January" after
    no other date) is one when its name is no other word and no name runs on around it."""
    nxt, prv = _next_raw(ctx, m.end()), _prev_raw(ctx, m.start())
    # "the Labor Department's December employment figures": a possessive is a determiner
    owned = _POSSESSOR.search(ctx.text, max(0, m.start() - 4), m.start()) is not None and nxt[:1].islower()
    if m["mon"].lower() in AMBIGUOUS_MONTHS:
        # "the March accession", "a June agreement": after a determiner, modifying a noun
        # (not May, as often a name: "the May government", unless owned: "the party's May
        # conference"); or read as a date by the model ("said August sales fell")
        if m["mon"].lower() == "may" and not owned:
            return False
        tok = ctx.token(m.start("mon"))
        before = ctx.token(m.start("mon") - len(prv) - 1) if prv else None
        if before is not None and before.tag_ == "JJS" and before.lower_ == prv.lower():
            return True  # "its driest August since records began", "the wettest June": a superlative ranks a month
        if prv.lower() not in tw.MONTH_DETERMINERS and not owned \
                and (tok is None or tok.ent_type_ != "DATE"):
            return False
        return tok is not None and nxt[:1].islower() and tok.dep_ in ("compound", "nmod", "amod") \
            and tok.head.i > tok.i and tok.head.pos_ == "NOUN"
    if nxt[:1].isupper() or nxt[:1].isdigit():
        return False
    return owned or not (prv[:1].isupper() and prv.lower() not in MONTH_PREPS and prv not in ("The", "A", "An", "In", "By"))


_POSSESSOR = re.compile(r"\w['’]s\s+$")


def h_month_this_year(m: re.Match[str], ctx: Context) -> Found | None:
    """'October this year', 'April next year': the month in the year named ('July 1 next
    year': the day)."""
    yr = _relative_year(m["rel"], _anchor(ctx))
    if yr is None:
        return _f(m, "DATE", None)
    if "d" in m.re.groupindex:
        d = _safe_day(yr, _month_no(m["mon"]), _day_no(m["d"]))
        return _f(m, "DATE", day_value(d) if d else None)
    return _f(m, "DATE", _narrow(month_value(yr, _month_no(m["mon"])), _part_of(m["mod"])))


_PERIOD_TO = re.compile(r"\b(?:months|quarter|year|half|period|weeks)\s+to\s+$", re.I)
_PAIRED = re.compile(rf"\s*(?:and|or|to|through|until|-|–)\s*(?:{MONFULL}|\d{{4}})\b")


# the days or weeks of a month ("the first three weeks of May")
_UNITS_OF_A_MONTH = ("day", "days", "week", "weeks", "weekend", "weekends")


def _part_or_figures_of(ctx: Context, pos: int) -> bool:
    """A month right after days or weeks counted in it ("the first 10 days of May") or after
    figures told for it ("retail sales figures for May"): a month, not a name."""
    prev = _prev_words(ctx, pos, 2)
    return len(prev) == 2 and (prev[1] == "of" and prev[0] in _UNITS_OF_A_MONTH
                               or prev[1] == "for" and prev[0] in tw.DATED_BY_MONTH)


def _planned(ctx: Context, pos: int) -> bool:
    """A time right after a planning, expecting or deferring verb and its preposition ("set
    for August", "due for March"): the time planned for."""
    tok = ctx.token(pos)
    if tok is None or tok.i < 2:
        return False
    verb = tok.doc[tok.i - 2]
    return tok.doc[tok.i - 1].lower_ in ("for", "to", "until") and (
        verb.lower_ == "due" or lemma_in(verb, tw.PLANNING_VERBS | tw.EXPECTING_VERBS | tw.DEFERRING_VERBS))


# a month that dates a contract, a sale, a vote, a meeting or figures ("crude for May delivery",
# "before the May refunding", "a levy on the May ballot", "May's assembly election", "the
# release of May figures", "May factory orders")
_DATED_BY_MONTH = re.compile(rf"(?:['’]s)?(?:\s+[a-z][a-z-]*)?\s+(?:{tw.words_pattern(tw.DATED_BY_MONTH)})\b")


# a futures contract named by its delivery month ("May crude rose", "February Brent", "January
# unleaded gasoline"): this month's contract or one ahead, whatever the clause's tense
_DELIVERY_MONTH = re.compile(
    rf"(?:\s+(?:{tw.words_pattern(tw.GOODS_GRADES)})){{0,3}}\s+(?i:{tw.words_pattern(tw.TRADED_GOODS)})\b"
    rf"(?!\s+(?i:{tw.words_pattern(tw.GOODS_FIGURES)})\b)")


# "complained to a chaplain that August;": "that" pointing back to a year told, not opening a
# clause ("said that January had been the weakest month")
_THAT_MONTH_ENDS = re.compile(r"\s*[,.;:)]")
_THAT_BEFORE = re.compile(r"\bthat\s+$", re.I)


def h_month(m: re.Match[str], ctx: Context) -> Found | None:
    prev = _prev_words(ctx, m.start(), 1)
    that_month = prev == ["that"] and not m["mod"] and _THAT_MONTH_ENDS.match(ctx.text, m.end()) is not None
    if not m["mod"] and _DELIVERY_MONTH.match(ctx.text, m.end()) and (anchor := _anchor(ctx)) is not None:
        return _f(m, "DATE", month_value(*resolve.month_only(_month_no(m["mon"]), anchor, "future")))
    if not m["mod"]:
        after_prep = bool(prev) and prev[0] in MONTH_PREPS and not (
            (prev[0] in WEAK_PREPS or prev[0] == "for" and m["mon"].lower() == "may")  # "support for May"
            and not re.search(MONFULL + r"|\d{4}", ctx.text[max(0, m.start() - 40):m.start()])
            and not _PAIRED.match(ctx.text, m.end())  # "between March and May"
            and not _PERIOD_TO.search(ctx.text, max(0, m.start() - 30), m.start())  # "the 12 months to March"
            and not _planned(ctx, m.start())  # "set for August"
            and not _part_or_figures_of(ctx, m.start()))  # "the first three weeks of May", "sales for May"
        if not after_prep and not that_month and not _plain_month(m, ctx) and not _described(ctx, m.start("mon")) \
                and not _habitual(ctx, m.start("mon")) \
                and not (_DATED_BY_MONTH.match(ctx.text, m.end()) and _prev_raw(ctx, m.start()).islower()):
            return None
        nxt = _next_raw(ctx, m.end())
        if m["mon"] in ("May", "March") and (nxt[:1].isupper() and nxt not in ("I",) or nxt.lower() in tw.VERB_MONTH_FOLLOWERS):
            return None
    if _habitual(ctx, m.start("mon")):  # "October is usually the busiest month": any October
        return _f(m, "DATE", DateValue(f"XXXX-{_month_no(m['mon']):02d}", "month"))
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    tense = ctx.tense(m.start(), m.end())
    if tense == "present" and _month_no(m["mon"]) != anchor.month and _in_of_a_present_verb(ctx, m.start("mon")):
        tense = "future"  # "sits her final examinations in November", said in May
    if _measured(ctx, m.start("mon")):
        # "awaited the October jobs report", said in November: a month's figures come out
        # after it, so the month is not the one ahead of a report awaited; it is the
        # nearest, or one past when told as past ("March retail sales rose", said in December)
        tok = ctx.token(m.start("mon"))
        tense = "past" if tense == "past" or tok is not None and clause_tense(tok) == "past" else None
    if _extreme_reached(ctx, m.start("mon")):
        tense = "past"  # "down 35% from its March peak", "from its high in March": a level already reached
    y, mo = resolve.month_only(_month_no(m["mon"]), anchor, tense)
    found = _f(m, "DATE", _narrow(month_value(y, mo), _part_of(m["mod"])))
    if prev == ["that"]:  # "recorded that October": the October of the year told of
        found.notes["shift"] = f"month-{mo}:0"
        if that_month and (that := _THAT_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())):
            found.start = that.start()
    elif of_that := _OF_THAT_YEAR.match(ctx.text, m.end()):
        # "in June of that year": one expression, the June of the year told of
        found.end = of_that.end()
        found.notes["shift"] = f"month-{mo}:0"
    return found


_OF_THAT_YEAR = re.compile(r"\s+of\s+(?:that|the\s+same)\s+year\b", re.I)


def _measured(ctx: Context, pos: int) -> bool:
    """True for a month naming what figures or a report measure ("the Labor Department's
    December employment figures", "October retail sales", "the trade deficit for October")."""
    tok = ctx.token(pos)
    if tok is None:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i < tok.i:
        # "the trade deficit for October", "will publish sales figures for November"
        owner = tok.head.head
        return lemma_in(owner, tw.MEASURE_NOUNS) or owner.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.i < tok.i and lemma_in(c, tw.MEASURE_NOUNS) for c in owner.children)
    while tok.dep_ in ("compound", "nmod") and tok.head.i > tok.i:
        tok = tok.head
        if lemma_in(tok, tw.MEASURE_NOUNS):
            return True
    return False


_EXTREME_IN = re.compile(rf"\b(?:{tw.words_pattern(sorted(tw.EXTREME_NOUNS))})s?\s+(?:in|of)\s+(?:(?:early|late|mid)[\s-]+)?$", re.I)


def _extreme_reached(ctx: Context, pos: int) -> bool:
    """True for a month that names when a level was reached: a noun's peak, high, low or
    record ("their July peak", "its high in March"), which lies behind the writing."""
    tok = ctx.token(pos)
    if tok is None or clause_tense(tok) == "future":
        return False  # "will hit a record in March": one still to be reached
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and lemma_in(tok.head, tw.EXTREME_NOUNS):
        return True
    before = _EXTREME_IN.search(ctx.text, max(0, pos - 30), pos)
    if before is None:
        return False
    noun = ctx.token(before.start())
    return noun is not None and noun.pos_ == "NOUN"


def _in_of_a_present_verb(ctx: Context, pos: int) -> bool:
    """True for a month after "in" hung on a verb in the present ("is running for a second
    term in November", "all seats are on the ballot in November"): what the present tells
    of another month lies ahead (not a noun's month: "recovering from floods in August")."""
    tok = ctx.token(pos)
    if tok is None or tok.dep_ != "pobj" or tok.head.lower_ != "in":
        return False
    verb = tok.head.head
    if next((t for t in reversed(tok.sent) if not t.is_space), tok).pos_ != "PUNCT":
        return False  # a headline tells the past in the present ("Exports fall for eighth month in October")
    return verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("acl", "amod") and (
        verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children))


def h_day_of_period(m: re.Match[str], ctx: Context) -> Found | None:
    """'the final day of the year', 'the last trading day of 2012', 'the first day of the
    month': the first or last day (a weekday, for trading or business days) of that year or
    month, the anchor's when none is named."""
    anchor = _anchor(ctx)
    if m["y"]:
        y, first_month, last_month = int(m["y"]), 1, 12
    elif m["mon"]:
        if (told := _month_told(m, ctx, m["y2"])) is None:
            return _f(m, "DATE", None)
        y, mo = told
        first_month = last_month = mo
    elif anchor is not None and m["bare"] is not None and m["u"]:
        # "after the first of the year", "since the first of the month": the nearest such
        # first, ahead or behind as the clause tells
        tense = ctx.tense(m.start(), m.end())
        if m["u"].lower() == "year":
            return _f(m, "DATE", day_value(resolve.month_day(1, 1, anchor, tense)))
        firsts = [dt.date(*add_months(anchor.year, anchor.month, k), 1) for k in (-1, 0, 1)]
        return _f(m, "DATE", day_value(resolve.pick(firsts, anchor, tense)))
    elif anchor is not None:
        y = anchor.year
        first_month, last_month = (1, 12) if m["u"].lower() == "year" else (anchor.month, anchor.month)
    else:
        return _f(m, "DATE", None)
    d = dt.date(y, first_month, 1) if m["ord"].lower() == "first" else last_day(y, last_month)
    step = 1 if m["ord"].lower() == "first" else -1
    while m["work"] and d.weekday() >= 5:  # the first or last trading day falls on a weekday
        d += dt.timedelta(days=step)
    return _f(m, "DATE", day_value(d))


def h_month_part(m: re.Match[str], ctx: Context) -> Found | None:
    """'the first half of January', 'the last days of March 2004': a part of a month has the
    month's value, placed as the month alone would be."""
    told = _month_told(m, ctx, m["y"])
    return _f(m, "DATE", month_value(*told) if told else None)


def _month_told(m: re.Match[str], ctx: Context, year: str | None) -> tuple[int, int] | None:
    """The (year, month) of the month ``m`` names: in ``year`` when one is written, else
    placed by the clause's tense; None with neither a year nor an anchor."""
    mo = _month_no(m["mon"])
    if year:
        return int(year), mo
    anchor = _anchor(ctx)
    return resolve.month_only(mo, anchor, ctx.tense(m.start(), m.end())) if anchor is not None else None


_DIALLED = re.compile(r"\b(?:helpline|hotline|call|dial|phone|ring|text)(?:\s+the\s+(?:helpline|hotline|number))?\s*,?\s*$", re.I)


def _is_number_not_year(m: re.Match[str], ctx: Context, start: int, end: int) -> bool:
    before = ctx.text[max(0, start - 2):start]
    if before[-1:] in "'\"‘“" and ctx.text[end:end + 1] in ("'", '"', "’", "”") and before[-1:]:
        return True  # a title such as '1984'
    if re.search(r"[$£€#¥]\s*$|\d[.,]?$", before):
        return True
    if _DIALLED.search(ctx.text, max(0, start - 24), start):
        return True  # "residents can call the helpline 1913": a number to ring
    after = ctx.text[end:end + 30]
    if re.match(r"[.,]\d|\s*-\s*\d{1,2}\b(?!\s*\w)", after) and not re.match(r"-\d{2}\b", after):
        return True
    tok = ctx.token(start)
    if tok is not None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        prv = tok.nbor(-1) if tok.i > 0 else None
        if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in tw.YEAR_RESULT_NOUNS \
                and (prv is None or prv.tag_ not in ("DT", "IN", "POS", "PRP$", "NNP", "CC", "TO")):
            return True
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
            return True
        if tok.ent_type_ == "CARDINAL" and tok.dep_ == "nummod" and tok.head.tag_ == "NNS":
            return True
        if tok.dep_ == "nummod" and tok.head.tag_ == "NNS" and tok.ent_type_ != "DATE":
            return True
        if tok.ent_type_ not in ("DATE", "") and tok.ent_type_ != "EVENT":
            prev = _prev_raw(ctx, start)
            if prev[:1].isupper() and prev.lower() not in MONTH_PREPS:
                return True
    if re.match(r"\s+(?:people|troops|soldiers|votes|cases|jobs|workers|residents|deaths)\b", after, re.I):
        return True
    return False


def h_year(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_number_not_year(m, ctx, m.start("y"), m.end("y")):
        return None
    y = int(m["y"])
    dv = _narrow(year_value(y), _part_of(m["mod"]))
    return _f(m, "DATE", dv)


_YEAR_BEFORE = re.compile(r"\b(?:in|since|by|until|till|from|before|after|year|of|early|late|mid|spring|summer|autumn|fall|winter"
                          r"|between|and|to|through)[\s-]+$", re.I)
# a bare "two thousand" is a year only after these
_BARE_YEAR_BEFORE = ("in", "since", "until", "till", "year")


def _a_plural(ctx: Context, pos: int, word: str) -> bool:
    """Whether the word at ``pos`` is a plural noun (by the parse where there is one)."""
    tok = ctx.token(pos)
    if tok is not None:
        return tok.tag_ in ("NNS", "NNPS")
    return word.endswith("s") and word not in ("has", "was", "is", "does", "says", "this", "as")


def _spoken_year(m: re.Match[str]) -> int:
    """The year a "nineteen sixty-nine", "twenty oh five", "two thousand one" of a match says."""
    if m["k"]:
        return 2000 + int(number(m["krest"].lower()) or 0) if m["krest"] else 2000
    rest = re.sub(r"[\s-]+", " ", m["rest"].lower())
    tail = 0 if rest == "hundred" else number(rest.replace("oh ", "")) or 0
    return (19 if m["cent"].lower() == "nineteen" else 20) * 100 + int(tail)


def _a_count_follows(ctx: Context, end: int) -> bool:
    """True when the words before ``end`` count what follows ("nineteen twenty votes", "two
    thousand one hundred") rather than name a year."""
    after = re.match(r"\s+([a-z]+)\b", ctx.text[end:end + 20])
    return bool(after) and (after.group(1) in ("hundred", "thousand", "million") or _a_plural(ctx, end + after.start(1), after.group(1)))


def h_spoken_year(m: re.Match[str], ctx: Context) -> Found | None:
    if _a_count_follows(ctx, m.end()):
        return None  # "nineteen twenty votes", "two thousand one hundred"
    if m["k"]:
        # "two thousand" counts more often than it names a year: a year only after a word
        # that takes one ("since two thousand one", "the year two thousand")
        before = _YEAR_BEFORE.search(ctx.text, max(0, m.start("k") - 12), m.start("k"))
        if before is None or not m["krest"] and before.group(0).lower().strip(" -") not in _BARE_YEAR_BEFORE:
            return None
    year = _spoken_year(m)
    if m["mon"]:
        return _f(m, "DATE", month_value(year, _month_no(m["mon"])))
    return _f(m, "DATE", year_value(year))


def h_fiscal(m: re.Match[str], ctx: Context) -> Found | None:
    """'fiscal 1992', 'FY92', 'the 1993-94 school year': a year of its own calendar, valued
    by the year it is named by."""
    y = m["y"] or m.groupdict().get("y2") or m.groupdict().get("y3")
    return _f(m, "DATE", year_value(int(y) if len(y) == 4 else 2000 + int(y)))


def h_split_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"2021/22", "1984-85": one year running into the next (a season, a financial year),
    valued by the year it starts in; other pairs ("1992-95") are ranges of years."""
    start = int(m["y"])
    if (start + 1) % 100 != int(m["yy"]):
        return None
    return _f(m, "DATE", year_value(start))


_AGE_DECADE = re.compile(r"\b(?:his|her|their|my|our|your)\s+(?:(?:early|mid|late)[\s-]*)?"
                         r"(?:\d0s\s+(?:to|or|and)\s+(?:(?:early|mid|late)[\s-]*)?)?$", re.I)
# a sentence about the weather: "highs in the mid-40s" is a reading, not a decade
_TEMPERATURE = re.compile(r"\b(?:temperatures?|degrees|highs?|lows?|thermometers?|mercury|fahrenheit|celsius)\b|°", re.I)


def h_decade(m: re.Match[str], ctx: Context) -> Found | None:
    if _AGE_DECADE.search(ctx.text, max(0, m.start() - 40), m.start("part") if m["part"] else m.start()):
        return None  # "a man in his sixties", "in their early 20s", "in his late 30s to mid-40s": an age
    if not m["dec"] and (tok := ctx.token(m.start())) is not None and _TEMPERATURE.search(tok.sent.text):
        return None  # "temperatures in the mid-40s": a reading
    if m["dec"]:
        start = int(m["dec"])
        if start % 100 == 0 and start < 2000 and not m["part"]:  # "the 1800s"; "the 2000s" is a decade
            return _f(m, "DATE", century_value(start // 100))
    elif m["short"]:
        start = 1900 + int(m["short"])
    else:
        words = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
        start = 1900 + words[m["word"].lower()]
    return _f(m, "DATE", decade_value(start, m["part"].lower() if m["part"] else None))


def h_short_year(m: re.Match[str], ctx: Context) -> Found | None:
    """"'65": the year of that number in the writing's century, or in the one before where
    that would lie more than a few years ahead of the writing (1900s without a date)."""
    anchor = _anchor(ctx)
    year = (anchor.year // 100 if anchor else 19) * 100 + int(m["yy"])
    if anchor and year > anchor.year + 5:
        year -= 100
    return _f(m, "DATE", year_value(year), "x")


def h_nth_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    """"the first Sunday in October": that weekday of the month, the month placed by the
    year written or by the clause's tense."""
    told = _month_told(m, ctx, m["y"])
    if told is None:
        return _f(m, "DATE", None)
    n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}.get(m["ord"].lower(), -1)
    y, mo = told
    d = resolve.nth_weekday(y, mo, WEEKDAYS[m["dow"].lower()], n)
    return _f(m, "DATE", day_value(d) if d.month == mo else None)


def h_century(m: re.Match[str], ctx: Context) -> Found | None:
    raw = m["n"].lower()
    n = ORDINALS.get(raw) or (int(re.sub(r"\D", "", raw)) if re.sub(r"\D", "", raw) else None)
    if not n or n < 1:
        return None
    return _f(m, "DATE", century_value(n - 1, m["part"].lower() if m["part"] else None))


def h_turn_of_century(m: re.Match[str], ctx: Context) -> Found | None:
    """'the turn of the century': the year a century begins, the one nearest the writing
    ("by the turn of the century", said in 1996, is 2000)."""
    anchor = _anchor(ctx)
    return _f(m, "DATE", year_value(round(anchor.year / 100) * 100) if anchor else None)


def h_running_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    """'fell for the ninth consecutive quarter', 'the second quarter in a row': the latest of
    so many quarters, the one last ended."""
    anchor = _anchor(ctx)
    return _f(m, "DATE", last_ended_quarter(anchor) if anchor else None)


# words of a game told play by play, whose quarters are periods of play, not of the year
_GAME = re.compile(r"\b(?:touchdowns?|quarterback|field\s+goals?|halftime|half-time|overtime|yards?|rebounds?|free\s+throws?"
                   r"|three-pointers?|kickoff|interceptions?|fumbles?)\b", re.I)


_FISCAL = re.compile(r"\bfiscal\b", re.I)


def h_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    if m.re.groupindex.get("per") and m["per"] and not _FISCAL.search(m[0]):
        return None  # a numbered period is a quarter only as a fiscal one ("Net Fell in Fiscal 2nd Period")
    found = _quarter(m, ctx)
    if found is not None and ctx.text.startswith("Financial", found.start) and _prev_raw(ctx, found.start)[:1].isupper():
        found.start = m.start("ord")  # "Heartland Savings Financial fourth-quarter profit": a company's name
    return found


def _quarter(m: re.Match[str], ctx: Context) -> Found | None:
    q = m["q"] and int(m["q"]) or ORDINALS.get((m["ord"] or "").lower(), 0)
    if m.re.groupindex.get("mon") and m["mon"]:
        q = (_month_no(m["mon"]) - 1) // 3 + 1  # "the June quarter" ends in June
    rel = m["rel"] or m["rel0"]
    if (m["ord"] or "").lower() == "last" and not (rel or m["y"] or m["y0"] or m[0].lower().startswith("the") and not m["mod"]):
        return None  # "last quarter" is the one before this, not the year's fourth
    if q == -1:
        q = 4
    if not 1 <= q <= 4:
        return None
    if m["ord"] and not (m["y"] or m["y0"] or rel) and (tok := ctx.token(m.start("ord"))) is not None \
            and _GAME.search(tok.sent.text):
        return None  # "two touchdown passes in the fourth quarter": a period of play
    if m["ord"] and not (m["y"] or m["y0"] or rel) and re.match(r"\s+(?:in\s+a\s+row|running)\b", ctx.text[m.end():m.end() + 15]):
        return h_running_quarter(m, ctx)  # "the second quarter in a row": not the year's second
    y = m["y"] or m["y0"]
    if y:
        return _f(m, "DATE", quarter_value(int(y), q))
    anchor = _anchor(ctx)
    if rel:
        yr = _relative_year(rel, anchor)
        return _f(m, "DATE", quarter_value(yr, q) if yr else None)
    if anchor is None:
        return _f(m, "DATE", None)
    tense = ctx.tense(m.start(), m.end())
    fiscal = _FISCAL.search(ctx.text, max(0, m.start() - 12), m.end() + 30) is not None
    y = resolve.quarter_year(q, anchor, tense, fiscal)
    past = resolve.quarter_year(q, anchor, "past" if tense is None else tense, fiscal)  # its namesake last begun
    if past < anchor.year and (anchor.year - past) * 12 + anchor.month - 3 * q > 6 \
            and _FISCAL.search(ctx.text, max(0, m.start() - 12), m.end()):
        # a fiscal quarter just reported whose calendar namesake ended over half a year
        # before is numbered in a fiscal year that runs ahead of the calendar: "net income for
        # its fiscal second quarter fell", said in February, is this year's
        found = _f(m, "DATE", quarter_value(anchor.year, q))
        found.notes["fiscal_ahead"] = "1"  # a label, not a quarter still to come
        return found
    return _f(m, "DATE", quarter_value(y, q))


def h_months_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    if (_month_no(m["mon"]) - _month_no(m["m1"])) != 2:
        return None  # "the January-June period" is no quarter
    return h_quarter(m, ctx)


_HALF_YEAR_CONTEXT = re.compile(rf"\b(?:{tw.words_pattern(tw.HALF_YEAR_CONTEXT)})\b|%", re.I)
# a game's half: its words, a score's points ("a 12-point deficit") or minutes played
_GAME_CONTEXT = re.compile(rf"\b(?:{tw.words_pattern(tw.GAME_WORDS)}|\d+-point|\d+\s+minutes)\b", re.I)


def h_half(m: re.Match[str], ctx: Context) -> Found | None:
    h = int(m["h"]) if m["h"] else (1 if (m["ord"] or "").lower() in ("first", "1st") else 2)
    y = m["y"] or m["y0"]
    if y:
        return _f(m, "DATE", half_value(int(y), h))
    if not m["rel"] and not m["hq"]:
        sent = ctx.text[max(0, m.start() - 150):m.end() + 150]
        if not _HALF_YEAR_CONTEXT.search(sent) or _GAME_CONTEXT.search(sent):
            return None
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    if m["rel"] and m["rel"].lower() != "the":
        yr = _relative_year(m["rel"], anchor)
        return _f(m, "DATE", half_value(yr, h) if yr else None)
    return _f(m, "DATE", half_value(resolve.quarter_year(1 if h == 1 else 3, anchor, ctx.tense(m.start(), m.end())), h))


# what makes a sentence in the present tell what happens every year
_HABIT = re.compile(r"\b(?:" + "|".join(sorted(tw.HABIT_ADVERBS)) + r"|every\s+year|each\s+year|annually|(?:in\s+)?most\s+years|in\s+an?\s+(?:typical|normal|average|usual)\s+year)\b", re.I)


_YEAR_BOUNDARY = re.compile(r"(?:\b(?P<which>\w+)\s+)?\b(?:fiscal|financial|business)\s+year\s+(?:ends|begins|starts)\s+(?:in\s+|on\s+)?$", re.I)


def _habitual(ctx: Context, pos: int) -> bool:
    """A month told of in a present clause of habit: as its subject ("June is traditionally
    the worst month"), or in a sentence all in the present about what usually or every year
    happens ("the monsoon typically runs from June to September"), or as the day a fiscal
    year ends or begins ("its fiscal year ends Sept. 30")."""
    if (b := _YEAR_BOUNDARY.search(ctx.text, max(0, pos - 50), pos)) and (b["which"] or "").lower() not in _PARTICULAR:
        return True  # "its fiscal year ends Sept. 30": that day of every year (not "the new fiscal year begins on July 1")
    tok = ctx.token(pos)
    if tok is None:
        return False
    verb = tok.head if tok.dep_ == "nsubj" else verb_of(tok)
    if verb is not None and verb.i != tok.i and of_habit(verb):
        return True  # "June is traditionally the worst month", "the hole usually breaks up in late November"
    if verb is not None and _season_span(verb) and not tok.doc[tok.i + 1:tok.i + 2].text[:1].isdigit():
        return True  # "the monsoon season, which runs from June to September": every year's months
    if verb is not None and _month_range_at(ctx, pos) and _told_in_simple_present(verb) and not _the_season_alone(verb):
        # "is most common between October and April", "the harvest runs from October to
        # January" (not "the season runs from August to May": the season told of)
        return True
    tags = [t.tag_ for t in tok.sent if t.pos_ in ("VERB", "AUX")]
    return any(not _in_a_clause_apart(ctx, h.start(), tok) for h in _HABIT.finditer(tok.sent.text)) \
        and any(t in ("VBZ", "VBP") for t in tags) and not any(t in ("VBD", "MD") for t in tags)


# a range of two months with no year ("from October through February", "between May and September")
_MONTH_RANGE = re.compile(rf"\b(?:from|between)\s+(?:(?:about|around|early|late|mid)[\s-]+)?{MONFULL}\s+(?:to|through|until|till|and|-|–)\s+"
                          rf"(?:(?:about|around|early|late|mid)[\s-]+)?{MONFULL}\b(?!\s*,?\s*\d)")


def _month_range_at(ctx: Context, pos: int) -> bool:
    """True when the month at ``pos`` begins or ends a range of two months with no year."""
    return any(r.start() <= pos < r.end() for r in _MONTH_RANGE.finditer(ctx.text, max(0, pos - 40), pos + 60))


def _told_in_simple_present(verb: Any) -> bool:
    """True for a verb in the simple present that tells no plan or expectation ("runs", "is
    most common"; not "will run", "expects", "is expected")."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) \
        and not lemma_in(verb, tw.EXPECTING_VERBS | tw.PLANNING_VERBS) \
        and not any(c.dep_ in ("xcomp", "acomp") and lemma_in(c, tw.FUTURE_GOVERNORS) for c in verb.children)


def _in_a_clause_apart(ctx: Context, pos: int, tok: Any) -> bool:
    """True when the word at ``pos`` (in ``tok``'s sentence, counted from its start) is in a
    relative clause that ``tok`` is not in ("rain until the end of March, when the rainy
    season normally ends": the habit is the season's, not the rain's)."""
    word = ctx.token(tok.sent.start_char + pos)
    if word is None:
        return False
    clause = next((a for a in [word, *word.ancestors] if a.dep_ == "relcl"), None)
    return clause is not None and not clause.left_edge.i <= tok.i <= clause.right_edge.i


_SPAN_VERBS = frozenset({"run", "last", "stretch", "extend"})
# words that pick one season out rather than name a kind ("the new season")
_PARTICULAR = frozenset({"new", "current", "last", "next", "coming", "past", "previous", "upcoming", "first", "final", "latest"})


def _season_told(verb: Any) -> tuple[Any, bool] | None:
    """The word "season" when it is ``verb``'s subject, with whether a kind of season is named
    ("the rainy season", "the monsoon season"; not "the season", "the new season")."""
    subject = verb.head if verb.dep_ == "relcl" else next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() != "season":
        return None
    return subject, any(c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "ADJ") and c.lower_ not in _PARTICULAR
                        for c in subject.children)


def _the_season_alone(verb: Any) -> bool:
    """True for a verb whose subject is "season" with no kind of season named ("the season
    runs from August to May"): one season, the one told of."""
    told = _season_told(verb)
    return told is not None and not told[1]


def _season_span(verb: Any) -> bool:
    """A season's span told in the simple present ("the rainy season runs from May to
    October", "the dry season that lasts from December until the first rains in May"): the
    months of every year's season."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.lemma_.lower() not in _SPAN_VERBS \
            or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    told = _season_told(verb)
    return told is not None and told[1] and any(c.lower_ == "from" for c in verb.children)


def _simple_present(ctx: Context, pos: int) -> bool:
    """A season named without an article in a clause in the simple present that says what
    happens in it, not what is hoped for or awaited by then ("the water it holds back in
    summer"; not "by autumn", "if the air is thick in fall", "we expect a quiet fall", "a
    dangerous winter")."""
    tok = ctx.token(pos)
    if tok is None or _indefinite(ctx, pos) or expected(tok):
        return False
    prev = _prev_words(ctx, pos, 2)
    if any(w in ("by", "before", "until", "till") for w in prev):
        return False
    v = verb_of(tok)
    return v is not None and v.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") or c.dep_ == "mark" and c.lower_ == "if"
                                                for c in v.children)


def _described(ctx: Context, pos: int) -> bool:
    """"a snowy winter", "a hot August", "an unusually dry winter": a month or season with an
    article and an adjective of its own is the time itself, not part of a name."""
    tok = ctx.token(pos)
    if tok is None or tok.dep_ in ("compound", "nmod", "amod"):
        return False
    kids = list(tok.children)
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in kids) \
        and any(c.dep_ == "amod" and c.tag_ == "JJ" and c.i < tok.i for c in kids)


_FALL_PREPS = {"by", "until", "till", "before", "after", "since", "through", "during", "in"}


def _bare_fall(ctx: Context, pos: int, prev: list[str], nxt: str) -> bool:
    """True for "fall" alone that is the season: a noun right after a preposition of time
    and before no "in", "of", "from" or "to" ("could be cut by fall", "no rebound until
    Fall"; not "a fall in prices", "expected to fall")."""
    tok = ctx.token(pos)
    return bool(prev) and prev[0] in _FALL_PREPS and nxt not in ("in", "of", "from", "to") \
        and tok is not None and tok.pos_ in ("NOUN", "PROPN")


def h_season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower() or None
    after = _next_raw(ctx, m.end("s"))
    if m["s"][:1].isupper() and after[:1].isupper() and after != "I" and not m["y"]:
        return None  # "the last Winter Games", "the Summer Olympics", "Spring Festival": a name
    if m["y"]:
        return _year_named(_f(m, "DATE", season_value(int(m["y"]), code)))
    nxt = _next_raw(ctx, m.end()).lower()
    # "the summer season", "at the height of the winter season": the season by its name
    season_noun = _SEASON_NOUN.match(ctx.text, m.end()) if rel == "the" else None
    paired = _PAIRED_SEASON.search(ctx.text, max(0, m.start() - 40), m.start()) \
        if rel is None and not m["mod"] and not premodifier(ctx, m.start("s"), m.end("s")) else None
    if paired is not None:  # "this spring and summer", "over the summer and fall": told as the season before it
        rel = (paired["rel"] or "").lower() or None
    if rel in (None, "the") and paired is None:
        prev = _prev_words(ctx, m.start("rel") if m["rel"] else m.start("s"), 3)
        if prev[-2:] == ["at", "least"]:  # "until at least the autumn"
            prev = prev[:-2]
        from_now = prev[-2:] == ["now", "and"]  # "between now and the summer"
        prev = prev[-1:]
        if not m["mod"] and not from_now and not season_noun and (not prev or prev[0] not in tw.SEASON_PREPS) and not _described(ctx, m.start("s")) \
                and not (rel == "the" and m["s"].lower() != "fall" and _is_subject(ctx, m.start("s"))):
            return None
        if nxt == "of" or m["s"].lower() == "fall" and rel is None and not m["mod"] and not _described(ctx, m.start("s")) \
                and not _bare_fall(ctx, m.start("s"), prev, nxt):
            return None
        if m["s"].lower() == "fall" and nxt == "in" and _indefinite(ctx, m.start("s")):
            return None  # "a decent fall in the next fortnight", "a sharp fall in prices": no season
    found = _season_found(m, ctx, code, rel)
    if found is not None and season_noun is not None:
        found.end = season_noun.end()
    return found


_SEASON_NOUN = re.compile(r"\s+season\b(?!-)")


def _season_found(m: re.Match[str], ctx: Context, code: str, rel: str | None) -> Found | None:
    if told := _IN_YEAR.match(ctx.text, m.end()):  # "after a wet spring in 1998"
        return _year_named(_f(m, "DATE", season_value(int(told["y"]), code)))
    if rel in (None, "the") and (_habitual(ctx, m.start("s")) or not m["mod"] and rel is None and _simple_present(ctx, m.start("s"))):
        # "flu season usually begins in the fall", "the water it holds back in summer": any year's
        return _f(m, "DATE", DateValue(f"XXXX-{code}", "season"))
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    y = resolve.season(code, anchor, ctx.tense(m.start(), m.end()), None if rel == "the" else rel)
    return _f(m, "DATE", season_value(y, code))


def _year_named(found: Found | None) -> Found | None:
    """``found``, noted as a season whose year the text names ("the spring of 1995"): a date
    "that summer" can be told from."""
    if found is not None:
        found.notes["year_named"] = "1"
    return found


_IN_YEAR = re.compile(rf"\s+in\s+(?P<y>{YEAR})")
# a season named right before another, joined to it ("this spring and summer")
_PAIRED_SEASON = re.compile(r"\b(?:(?P<rel>last|this|next|past|coming|the)\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:and|or)\s+$", re.I)


def _indefinite(ctx: Context, pos: int) -> bool:
    """True when the noun at ``pos`` has "a" or "an" before it ("a decent fall")."""
    tok = ctx.token(pos)
    return tok is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _is_subject(ctx: Context, pos: int) -> bool:
    """"the winter had been exceptionally difficult": a season a clause tells of."""
    tok = ctx.token(pos)
    return tok is not None and tok.dep_ in ("nsubj", "nsubjpass")


def h_rel_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """last/this/next week, month, year, weekend, decade, quarter (and 'the past year')."""
    found = _rel_unit(m, ctx)
    rel = m["rel"].lower()
    if found is not None and found.dv is not None and rel in ("previous", "following") and not m["mod"] \
            and _unit_name(m["u"]) in ("year", "quarter", "month", "week", "decade"):
        # "the previous quarter" is the one before the quarter just told of ("sales rose in
        # the second quarter, against 9% in the previous quarter"), "the following week" the
        # one after the day told of; with none told, counted from the writing's
        found.notes["shift"] = f"{_unit_name(m['u'])}:{-1 if rel == 'previous' else 1}"
        found.notes["same_precision"] = "1"
    return found


def _rel_unit(m: re.Match[str], ctx: Context) -> Found | None:
    rel = m["rel"].lower()
    unit = _unit_name(m["u"])
    anchor = _anchor(ctx)
    if m["fy"] and unit == "year" and anchor is not None:  # "the last financial year": a year by name
        return _f(m, "DATE", year_value(_relative_year(rel, anchor)))  # type: ignore[arg-type]
    if m["the"] and rel in ("past", "last") and not m["mod"] and unit != "weekend":
        # (but "the past weekend", "the last weekend of the campaign": the weekend before)
        return _f(m, "DURATION", DateValue(duration_value(1.0, unit if unit in UNIT_CODE else "year"), "duration"))
    if m["the"] and rel in ("next", "coming") and unit in ("week", "month", "year", "decade") and not m["mod"]:
        return _f(m, "DURATION", DateValue(duration_value(1.0, unit), "duration"))
    if rel == "previous" and not m["the"]:
        return _f(m, "DATE", None)
    if anchor is None:
        return _f(m, "DATE", None)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel, 0)
    part = _part_of(m["mod"])
    if unit == "year":
        found = _f(m, "DATE", _narrow(year_value(anchor.year + step), part))
        if rel == "last" and not part and _compares(ctx, m.start()):
            found.notes["period_back"] = "1"  # "up from $5 million last year": that quarter last year
        return found
    if unit == "month":
        y, mo = resolve.shift_months(anchor, step)
        return _f(m, "DATE", _narrow(month_value(y, mo), part))
    if unit == "week":
        if rel == "this" and anchor.weekday() == 6 and (part == "late" or ctx.tense(m.start(), m.end()) == "future"):
            # "will vote this week", "arrives later this week", "at the end of this week", on a
            # Sunday, the week's last day: the week ahead
            return _f(m, "DATE", week_value(anchor + dt.timedelta(days=1)))
        return _f(m, "DATE", week_value(anchor + dt.timedelta(weeks=step)))
    if unit == "weekend":
        base = anchor + dt.timedelta(weeks=step)
        if rel == "this" and anchor.weekday() < 5:
            tense = ctx.tense(m.start(), m.end())
            if tense == "past":
                base = anchor - dt.timedelta(weeks=1)
        return _f(m, "DATE", weekend_value(base))
    if unit == "decade":
        return _f(m, "DATE", decade_value((anchor.year // 10 + step) * 10))
    if unit == "century":
        return _f(m, "DATE", century_value(anchor.year // 100 + step))
    if unit == "quarter":
        return _f(m, "DATE", quarter_of(anchor, step))
    return None


def _span_if_unplaced(found: Found, m: re.Match[str], ctx: Context, value: str) -> None:
    """'three days later' with no date before it to count from: the span counted, a duration
    ('later' only tells that it follows what was told before)."""
    end = m.start("dir")
    while end > m.start() and ctx.text[end - 1].isspace():
        end -= 1
    found.notes["unplaced_end"] = str(end)
    found.notes["unplaced_value"] = value


def h_ago(m: re.Match[str], ctx: Context) -> Found | None:
    unit = _unit_name(m["u"])
    direction = (m["dir"] or m["dir2"]).lower()  # "in three days' time": hence
    n = _count(m["n"])
    vague = m["n"] is None or re.fullmatch(VAGUE, m["n"].lower()) is not None
    if direction in ("before", "after", "prior") and re.match(r"\s*(?:to\s+)?[\w“\"]", ctx.text[m.end():m.end() + 8]) \
            or direction in ("earlier", "later") and re.match(r"\s+than\b", ctx.text[m.end():m.end() + 6]):
        # "a week before the vote", "a week earlier than last year": a length the point is counted by
        end = m.start("dir")
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        if m["n"] is None and re.search(r"\bthe\s+$", ctx.text[max(0, m.start() - 5):m.start()], re.I):
            # "the year after the war": a point counted from an event, not a length of time
            return Found(m.start(), end, "DATE", None)
        if m["n"] is None and ctx.text[m.end("u"):m.end("u") + 1].lower() != "s":
            return None  # "finished joint second after …", "day after day": no count, no length
        # ("10 to 12 days after exposure": a length of an uncounted number of days)
        return Found(m.start(), end, "DURATION", DateValue(duration_value(None if m["n0"] else n, unit), "duration"))
    relative = direction in ("later", "after", "earlier", "before", "prior")
    if m["n"] is None and direction in ("before", "after", "earlier", "later") and unit in ("day", "week", "month", "year") \
            and re.search(r"\bthe\s+$", ctx.text[max(0, m.start() - 5):m.start()], re.I):
        found = _f(m, "DATE", None)  # "the day before", "the year after": counted from the date told before
        found.notes["shift"] = f"{unit}:{-1 if direction in ('before', 'earlier') else 1}"
        found.notes["same_precision"] = "1"  # "the week before" a day told of is the week before its week
        return found
    if direction in ("later", "after"):
        found = _f(m, "DATE", None)
        if n is not None and n == int(n) and not vague:
            found.notes["shift"] = f"{unit}:{int(n)}"
            _span_if_unplaced(found, m, ctx, duration_value(None if m["n0"] else n, unit))
        return found
    anchor = _anchor(ctx)
    forward = direction.startswith("from") or direction in ("hence", "time")
    if vague and unit in ("hour", "minute", "second") and anchor is not None and not relative:
        return _f(m, "DATE", day_value(anchor))  # "a few hours ago": earlier the same day
    if vague:
        return _f(m, "DATE", ref_value("FUTURE_REF" if forward else "PAST_REF"))
    if n is None or n != int(n):
        return _f(m, "DATE", None)
    k = int(n) * (1 if forward else -1)
    if anchor is None:
        found = _f(m, "DATE", None)
        if relative:
            found.notes["shift"] = f"{unit}:{k}"
        return found
    if unit in ("week", "fortnight") and direction.endswith("today"):
        # "a week from today": the day that many weeks on
        return _f(m, "DATE", day_value(_days_on(anchor, k, unit)))
    found = _ago_value(m, unit, k, anchor)
    n0 = _count(m["n0"]) if m["n0"] else None
    if found is not None and found.dv is not None and n0 is not None and n0 == int(n0) and not relative:
        # "two or three years ago": what both counts share ("201X")
        other = _ago_value(m, unit, int(n0) * (1 if forward else -1), anchor)
        if other is not None and other.dv is not None:
            found.dv = _shared(found.dv, other.dv)
    if found is not None and relative:
        found.notes["shift"] = f"{unit}:{k}"
    if found is not None and unit == "year" and k == -1:
        found.notes["period_back"] = "ago"  # "up from $5m a year ago": the same quarter (or month), if one is told
    return found


def h_from_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'a week from Saturday', 'two weeks from tomorrow': the day that many weeks (or days)
    on from tomorrow or from the weekday ahead."""
    n = _count(m["n"])
    anchor = _anchor(ctx)
    if n is None or n != int(n) or anchor is None:
        return _f(m, "DATE", None)
    word = m["from"].lower()
    start = anchor + dt.timedelta(days=1) if word == "tomorrow" else resolve.weekday(WEEKDAYS[word], anchor, "future")
    return _f(m, "DATE", day_value(_days_on(start, int(n), m["u"].lower().rstrip("s"))))


def _days_on(day: dt.date, n: int, unit: str) -> dt.date:
    """The day ``n`` days, weeks or fortnights on from ``day``."""
    return day + dt.timedelta(days=n * {"day": 1, "week": 7, "fortnight": 14}[unit])


_COMPARISON = re.compile(r"\b(?:from|compared|comparable|than|versus|vs\.?|against)\b[^.;]*$", re.I)


def _compares(ctx: Context, pos: int) -> bool:
    """True when the clause before ``pos`` compares a figure with an earlier one ("up from $5
    million", "compared with a loss of"): 'a year ago' then names the same period a year back."""
    return _COMPARISON.search(ctx.text, max(0, pos - 100), pos) is not None


def _shared(a: DateValue, b: DateValue) -> DateValue:
    """The value two dates of one precision share, the rest unknown: "2012" and "2013" give
    "201X", "2015-08" and "2015-09" give "2015-XX"."""
    if a.value == b.value:
        return a
    if len(a.value) != len(b.value) or a.precision != b.precision:
        return DateValue(a.value[:4] if a.value[:4] == b.value[:4] else "XXXX", "year")
    i = next(i for i, (x, y) in enumerate(zip(a.value, b.value)) if x != y)
    if i < 4:
        return DateValue(a.value[:i] + "X" * (4 - i), "year")
    field = a.value.rfind("-", 0, i + 1) + 1
    rest = a.value[field:].split("-")[0]
    masked = "".join(c if c.isalpha() else "X" for c in rest)
    return DateValue(a.value[:field] + masked, a.precision)


_BOUNDED = re.compile(r"(?:more|less|fewer)\s+than\b|over\b|under\b|nearly\b|almost\b|at\s+least\b", re.I)


def _ago_value(m: re.Match[str], unit: str, k: int, anchor: dt.date) -> Found | None:
    if unit in ("year",):
        return _f(m, "DATE", year_value(anchor.year + k))
    if unit == "decade":
        if abs(k) == 1 and not _BOUNDED.match(m[0]):
            return _f(m, "DATE", year_value(anchor.year + 10 * k))  # "a decade ago": ten years ago
        return _f(m, "DATE", decade_value((anchor.year + 10 * k) // 10 * 10))  # "more than a decade ago", "two decades ago"
    if unit == "century":
        return _f(m, "DATE", century_value((anchor.year + 100 * k) // 100))
    if unit == "month":
        y, mo = resolve.shift_months(anchor, k)
        return _f(m, "DATE", month_value(y, mo))
    if unit == "week":
        return _f(m, "DATE", week_value(anchor + dt.timedelta(weeks=k)))
    if unit == "quarter":
        return _f(m, "DATE", quarter_of(anchor, k))
    if unit == "fortnight":
        return _f(m, "DATE", week_value(anchor + dt.timedelta(weeks=2 * k)))
    if unit == "day":
        return _f(m, "DATE", day_value(anchor + dt.timedelta(days=k)))
    if unit in ("hour", "minute", "second"):
        return _f(m, "TIME", None)
    return None

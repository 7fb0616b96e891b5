"""Handlers of the patterns for durations, sets, weekdays, times and parts of the day,
references ("now", "recently"), holidays, expressions told back to an earlier date ("that
day", "the following year") and the periods a report is about ("the quarter", "year-ago").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Callable

from kb.extract.timex import resolve
from kb.extract.timex.calendar import (
    century_value, day_value, decade_value, half_value, month_value, number, quarter_of, quarter_value, ref_value, season_value,
    time_value, unit_of, week_value, weekend_value, year_value,
)
from kb.extract.timex.found import (
    Context, Found, _anchor, _count, _dow_no, _f, _month_no, _narrow, _next_raw, _part_of, _prev_raw, _prev_words,
    _relative_year, _safe_day, _unit_name, any_weekday, duration_value, hour_of_day, premodifier,
)
from kb.extract.timex.tense import awaited, clause_tense, verb_of
from kb.extract.timex.words import AFTER_HOURS, AGE_BEFORE, DOW, MINUTES_OF_A_MEETING, MON, MONFULL, NUM, RATE_AMOUNTS, VAGUE, YEAR, ZONE
from kb.lexicon import time_words as tw
from kb.lexicon.time_words import ORDINALS, PARTS_OF_DAY, SEASONS
from kb.model import DateValue

_COUNTED_SPAN = re.compile(rf"\s+{NUM}[\s-]+(?:months|quarters|weeks|years)\b", re.I)  # "nine months"


def h_duration(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_age(m, ctx):
        return None
    if _in_a_word(m, ctx):
        return None
    unit = _unit_name(m["u"])
    count = (m["n"] or "").lower()
    if unit == "quarter" and (count in ("a", "an", "one", "half a", "half an", "three", "3")
                              and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 5])
                              or count in ("a", "an", "one", "half a", "half an")):
        return None  # "three quarters of the vote", "a quarter": a share, not a span of time
    if unit == "hour" and re.fullmatch(r"(?:[01]\d|2[0-3])[0-5]\d", m["n"] or "") \
            and (m["n"][0] == "0" or _prev_words(ctx, m.start(), 1) in (["at"], ["by"], ["until"], ["from"])):
        return None  # "at 0600 hours": a clock time
    n = _count(m["n"]) if m["n"] else None
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    if count in ("a", "an") and re.search(r"\b(?:fiscal|calendar)\s", m[0], re.I):
        return None  # "changed from a fiscal year to a calendar year": a kind of year
    if unit == "year" and re.fullmatch(r"1\d{3}|20\d\d", count) and m[0].rstrip("s").lower() != f"{count} year":
        return _f(m, "DATE", year_value(int(count)))  # "the 2013 calendar year": that year, not 2,013 of them
    if unit == "quarter" and n == 2 and (m["rel"] or "").lower() in ("first", "last") \
            and re.match(r"\s+of\s", ctx.text[m.end():m.end() + 5]):
        return None  # "the first two quarters of 1990": a half of the year
    if m["n"] and m["n"].lower() == "one" and unit == "day" and not m["rel"]:
        prev = _prev_words(ctx, m.start(), 1)
        if not prev or prev[0] not in tw.DURATION_DAY_PREPS:
            if prev and prev[0] in tw.MODAL_AUX \
                    or ctx.tense(m.start(), m.end()) == "future":  # "Islam will one day be …": some time ahead
                return _f(m, "DATE", ref_value("FUTURE_REF"))
            return None
    if unit == "second" and m["n"] and m["n"].lower() in ("a", "an", "one") \
            and (re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3])  # "a second term", "a second, smaller crowd", "a second, 48-hour stoppage"
                 or re.match(r",\s+[a-z\d]", ctx.text[m.end():m.end() + 4]) and _prev_words(ctx, m.start(), 1) not in (
                     ["for"], ["in"], ["within"], ["than"], ["about"], ["after"])) \
            and not re.match(r"\s+(?:ago|later|earlier|or|and|of|before|after)\b", ctx.text[m.end():m.end() + 10]):
        return None
    if m["n"] and m["n"].lower() in ("a", "an") and not m["rel"] and not m["q"]:
        if _after_an_amount(ctx, m.start()) or _counted_before(ctx, m.start()):
            return None  # "2.5 percent a year", "twice a day": a rate
    if m["n"] and re.fullmatch(r"\d+(?:\.\d+)?", m["n"]) and not m["rel"] and not m["q"]:
        tok = ctx.token(m.start("n"))
        if tok is not None and tok.ent_type_ in ("MONEY", "PERCENT"):
            return None
    if m["rel"] and m["rel"].lower() in ("next", "coming") and n is None:
        return _f(m, "DURATION", DateValue(duration_value(None, unit), "duration"))
    value = DateValue(duration_value(n, unit), "duration")
    if m["n0"]:  # "seven to eight hours": a length between two counts, its amount unknown
        n0 = _count(m["n0"])
        if n0 is None or n is None or n0 >= n:
            return Found(m.start("n"), m.end(), "DURATION", value)
        value = DateValue(duration_value(None, unit), "duration")
    if m["rel"] and m["n"] and m.start("rel") == m.start() and (
            m["rel"].lower() in ("past", "following") or m["rel"].lower() == "last" and _is_verb(ctx, m.start("rel"))):
        # "following a week of rain": a preposition; "expected to last ten weeks": a verb
        return Found(m.start("n"), m.end(), "DURATION", value)
    return _f(m, "DURATION", value)


def h_another_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """"wait another year", "an extra hour": a span of one unit ("another night" is one day
    of lodging, P1D)."""
    unit = m["u"].lower()
    return _f(m, "DURATION", DateValue(duration_value(1, "day" if unit == "night" else unit), "duration"))


def _is_verb(ctx: Context, pos: int) -> bool:
    tok = ctx.token(pos)
    return tok is not None and tok.pos_ in ("VERB", "AUX")


def _in_a_word(m: re.Match[str], ctx: Context) -> bool:
    """'the 1996/97 business year', 'a 60,000-barrel-a-day plant': a count inside a word."""
    return re.search(r"(?:\d/|[A-Za-z\d]-)$", ctx.text[max(0, m.start() - 2):m.start()]) is not None


def _is_age(m: re.Match[str], ctx: Context) -> bool:
    """'a 22-year-old', 'aged 30 years old', 'children older than six months': an age is no
    time expression (TimeBank leaves them out)."""
    return m[0].lower().endswith("old") or re.match(r"[-‐]olds?\b", ctx.text[m.end():m.end() + 6], re.I) is not None \
        or AGE_BEFORE.search(ctx.text[max(0, m.start() - 30):m.start()]) is not None  # "2-year-olds" too


def h_hyphen_duration(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_age(m, ctx) or _in_a_word(m, ctx):
        return None
    unit = _unit_name(m["u"])
    n = None if m["n"].lower() == "multi" else _count(m["n"]) if m["n"] else 1.0  # "several-year": PXY
    return _f(m, "DURATION", DateValue(duration_value(n, unit), "duration"))


# a superlative and a word it may take before its noun ("the busiest shopping", "the slowest")
_SUPERLATIVE = r"\b(?:\w+est|most\s+\w+|least\s+\w+)\s+(?:\w+\s+)?"
_SUPERLATIVE_BEFORE = re.compile(_SUPERLATIVE + "$", re.I)


def h_plural_units(m: re.Match[str], ctx: Context) -> Found | None:
    if AFTER_HOURS.match(ctx.text, m.start()):
        return None
    unit = _unit_name(m["u"])
    if unit == "minute" and MINUTES_OF_A_MEETING.match(ctx.text, m.end()):
        return None  # "the minutes of the Fed's meeting": its record
    if _SUPERLATIVE_BEFORE.search(ctx.text, max(0, m.start("x") - 30), m.start("x")):
        return None  # "one of the slowest months of the year": some of them, no stretch
    q = (m["q"] or "").lower()
    # "in recent years", "in the coming weeks" are stretches of so many years or weeks, as
    # the annotated examples mostly give them; "in past years", "the years ahead" only point
    if q.strip() == "past":
        return _f(m, "DATE", ref_value("PAST_REF"), "x")
    if "ahead" in (m["ahead"] or ""):
        return _f(m, "DATE", ref_value("FUTURE_REF"), "x")
    return _f(m, "DURATION", DateValue(duration_value(None, unit), "duration"), "x")


def h_set(m: re.Match[str], ctx: Context) -> Found | None:
    if m["n"] and m["n"].lower() in ("few", "several"):  # "every few days"
        return _f(m, "SET", DateValue(duration_value(None, _unit_name(m["u"])), "set")) if m["u"] else None
    n = _count(m["n"]) if m["n"] else 1.0
    if m["other"] or m["alt"]:  # "every other day", "on alternate days"
        n = 2.0
    if m["dow"]:  # "every Monday", "each Saturday morning"
        return _f(m, "SET", DateValue(any_weekday(m["dow"], m["dpod"]), "set"))
    if m["mon"]:
        return _f(m, "SET", DateValue(f"XXXX-{_month_no(m['mon']):02d}", "set"))
    if m["season"]:
        return _f(m, "SET", DateValue(f"XXXX-{SEASONS[m['season'].lower()]}", "set"))
    if m["we"]:  # "every weekday" is every working day
        return _f(m, "SET", DateValue("P1D" if m["we"].lower() == "weekday" else "XXXX-WXX-WE", "set"))
    if m["pod"]:
        return _f(m, "SET", DateValue(f"XXXX-XX-XXT{PARTS_OF_DAY[m['pod'].lower()]}", "set"))
    unit = _unit_name(m["u"])
    return _f(m, "SET", DateValue(duration_value(n, unit), "set"))


def h_nights(m: re.Match[str], ctx: Context) -> Found | None:
    n = None if re.fullmatch(VAGUE, m["n"], re.I) else _count(m["n"])
    return _f(m, "DURATION", DateValue(duration_value(n, "day"), "duration"))


# words that bound a count of hours ("up to", "fewer than", "four to")
_HOURS_BOUNDED = re.compile(r"\b(?:to|than|least|most|about|around|nearly|almost|some|over|under|roughly)\s+$|[-–]$", re.I)


def h_rate(m: re.Match[str], ctx: Context) -> Found | None:
    """'twice a year', '$5m a year', 'per day', 'seven hours a night'; not a measure's rate
    ("15 million instructions per second", "60 miles per hour")."""
    unit = "day" if m["u"].lower() == "night" else _unit_name(m["u"])
    if m["freq"] and m["freq"].lower().endswith("hours") and _HOURS_BOUNDED.search(ctx.text, max(0, m.start() - 14), m.start()):
        # "up to 18 hours a day", "four to six hours a day": the bounded hours are a length of
        # their own, and only "a day" tells how often
        return Found(m.start("art"), m.end(), "SET", DateValue(duration_value(1.0, unit), "set"))
    if not m["freq"] and (unit in ("second", "minute") or unit == "hour" and re.search(
            r"(?:miles|kilomet(?:re|er)s|km|knots|feet|met(?:re|er)s)\)?\s*$", ctx.text[max(0, m.start() - 12):m.start()], re.I)):
        return None
    if not m["freq"] and m["art"].lower() in ("a", "an"):
        if not _after_an_amount(ctx, m.start()) and not _counted_before(ctx, m.start()):
            return None
    return _f(m, "SET", DateValue(duration_value(1.0, unit), "set"))


_AMOUNT_BEFORE = re.compile(rf"(?:[\d%$£€]|\dm|\b(?:{RATE_AMOUNTS}|twice|once|thrice|miles|kilomet(?:re|er)s|km|feet"
                            rf"|met(?:re|er)s|knots))\)?$")


_MORE_OR_LESS = re.compile(r"\s+(?:more|less|extra)$")  # "$181 more a year": the amount is before it


def _after_an_amount(ctx: Context, pos: int) -> bool:
    """True when an amount or a count of times ends right before ``pos`` ("2.5 percent",
    "$5m", "40 million Canadian dollars ($40 million)", "twice", "$181 more"): "a year" after
    it is a rate."""
    before = _MORE_OR_LESS.sub("", ctx.text[max(0, pos - 25):pos].rstrip().lower())
    return bool(_AMOUNT_BEFORE.search(before))


def _counted_before(ctx: Context, pos: int) -> bool:
    """True when the words before ``pos`` count things ("30,000 vehicles", "seven hours",
    "500 kilowatt-hours"): "a day" after them is a rate."""
    tok = ctx.token(pos)
    if tok is None or tok.i == 0:
        return False
    prev = tok.doc[tok.i - 1]
    if prev.tag_ not in ("NN", "NNS", "NNPS"):
        return False
    for t in reversed(tok.doc[max(0, tok.i - 8):tok.i - 1]):
        # back through the noun phrase ("250,000 tonnes of copper", "hundreds of whales")
        if t.like_num or t.lower_ in _COUNTED_PLURALS:
            return True
        if t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct and t.text not in ("-", ","):
            return False
    return False


_COUNTED_PLURALS = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})


def h_adverb_set(m: re.Match[str], ctx: Context) -> Found | None:
    word = m[0].lower()
    tok = ctx.token(m.start())
    if word != "annually" and tok is not None and tok.pos_ not in ("ADV", "ADJ"):
        return None  # "the party daily Granma" is a newspaper
    if word in ("daily", "weekly", "monthly") and re.match(r"\s+(?-i:[A-Z][a-z])", ctx.text[m.end():m.end() + 4]) \
            and _prev_raw(ctx, m.start())[:1].isupper():
        return None  # "the Communist Party daily Granma": a paper, named after it
    unit = {"annually": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month",
            "hourly": "hour", "nightly": "day", "fortnightly": "week"}[word]
    return _f(m, "SET", DateValue(duration_value(2.0 if word == "fortnightly" else 1.0, unit), "set"))


def h_in_the_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """'later in the day': the day told of just before (left open when none is); 'earlier in
    the week', 'late in the month': the week, month or year told of just before, else the
    writing's."""
    if m["x"]:
        found = _f(m, "DATE", None, "x")
        found.notes["shift"] = "day:0"
        return found
    unit = m["u"].lower()
    anchor = _anchor(ctx)
    found = _f(m, "DATE", unit_of(anchor, unit) if anchor else None)
    found.notes["shift"] = f"{unit}:0"
    return found


def h_plural_dow(m: re.Match[str], ctx: Context) -> Found | None:
    return Found(m.start("d"), m.end("d"), "SET", DateValue(any_weekday(m["d"][:-1]), "set"))


# "today's youth", "in today's world", "many of today's personal computers": the present
# age, which is no day (nor a time expression in TempEval-3's news)
_OF_THE_AGE = re.compile(rf"['’]s\s+(?:[a-z]+\s+)?(?:{'|'.join(sorted(tw.ERA_NOUNS))})\b")


def h_deictic(m: re.Match[str], ctx: Context) -> Found | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
    if word in ("today", "tomorrow") and _OF_THE_AGE.match(ctx.text, m.end()):
        return None
    anchor = _anchor(ctx)
    shift = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
             "the day after tomorrow": 2}[word]
    if anchor is None:
        return _f(m, "TIME" if word == "tonight" else "DATE", None)
    d = anchor + dt.timedelta(days=shift)
    if word == "tonight":
        return _f(m, "TIME", time_value(d, "NI"))
    return _f(m, "DATE", day_value(d))


def h_part_of_day(m: re.Match[str], ctx: Context) -> Found | None:
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    pod = PARTS_OF_DAY[m["pod"].lower()]
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "TIME", None)
    shift = -1 if rel.endswith(("yesterday", "last")) else 1 if rel.endswith("tomorrow") else 0
    return _f(m, "TIME", time_value(anchor + dt.timedelta(days=shift), pod))


def h_next_hour(m: re.Match[str], ctx: Context) -> Found | None:
    """'the next hour', 'the past hour': a length of one hour, counted from now."""
    return _f(m, "DURATION", DateValue("PT1H", "duration"))


def h_fortnight(m: re.Match[str], ctx: Context) -> Found | None:
    """'the past fortnight', 'a turbulent fortnight': two weeks ('a fortnight ago' and 'a
    fortnight' are longer matches of other patterns)."""
    return _f(m, "DURATION", DateValue("P2W", "duration"))


# verbs that tell a run of days has reached the day named ("the strike enters its fourth day")
_RUN_REACHES = frozenset({"be", "enter", "mark", "reach"})


def h_running_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'enters its fourth day', 'it's the second day of an offensive': the day a run of days
    has reached, told in the present, is the day written (told in the past or of another
    time, it is no day the text gives)."""
    anchor = _anchor(ctx)
    tok = ctx.token(m.start("day"))
    verb = verb_of(tok) if tok is not None else None
    if anchor is None or verb is None or verb.lemma_.lower() not in _RUN_REACHES or clause_tense(tok) != "present":
        return None
    return _f(m, "DATE", day_value(anchor))


def h_sport_season(m: re.Match[str], ctx: Context) -> Found | None:
    """'last season', 'the next three seasons', 'a season': a season of a sport or trade,
    counted as a year, the last one the year before the writing."""
    if m["rel"]:
        year = _relative_year(m["rel"], _anchor(ctx))
        return _f(m, "DATE", year_value(year) if year is not None else None)
    n = 1.0 if m["a"] else _count(m["n"])
    return _f(m, "DURATION", DateValue(duration_value(n, "year"), "duration"))


def h_part_alone(m: re.Match[str], ctx: Context) -> Found | None:
    """'in the morning', 'by mid afternoon', 'by lunchtime', 'overnight': a part of the day the text is
    telling of, whose day is fixed once every expression is found (like a clock time)."""
    group = "x" if m["x"] else "x2"
    if m["x2"] and _a_kind_of_night(ctx.token(m.start(group))):
        return None
    pod = (m["pod"] or "night").lower()
    found = Found(m.start(group), m.end(group), "TIME", None, clock=PARTS_OF_DAY[pod])
    found.notes["part"] = "1"
    if m["pod"] is None:
        found.notes["night_before"] = "1"  # "overnight losses": the night before the day told of
    elif not m["pod"]:
        found.notes["night"] = "1"  # "through the night": told as past with no day, the night before the writing
    return found


# nouns that "overnight" names a kind of ("the overnight rate", "overnight lows", "the
# overnight shift", "overnight cargo flights")
_OVERNIGHT_TERMS = {"rate", "lending", "loan", "repo", "index", "market", "money", "stay", "bag",
                    "low", "high", "temperature", "shift", "flight", "train", "bus", "service"}


def _a_kind_of_night(tok: Any) -> bool:
    """'an overnight crossing', 'the overnight rate': "overnight" that says what kind a
    thing is, not when something happened ("heavy overnight rain", "overnight losses")."""
    if tok is None or tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN") or not 0 < tok.head.i - tok.i <= 2:
        return False
    noun = tok.head
    return (noun.lemma_.lower() in _OVERNIGHT_TERMS or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children))


_OF_A_WEEK = re.compile(rf"(?:\s*(?:,|and|or)\s*{DOW})+\s+of\s+(last|next|this)\s+week\b")


def h_new_year(m: re.Match[str], ctx: Context) -> Found | None:
    """'the new year': the year about to begin when told in its second half, else the one
    just begun ("put off until the new year" in December; "the first run in the new year"
    on January 3)."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    return _f(m, "DATE", year_value(anchor.year + (1 if anchor.month >= 7 else 0)))


def h_this_time(m: re.Match[str], ctx: Context) -> Found | None:
    """'this time last year', 'this time next year': the writing's month, a year back or on."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    return _f(m, "DATE", month_value(anchor.year + (1 if m["rel"].lower() == "next" else -1), anchor.month))


def h_week_on(m: re.Match[str], ctx: Context) -> Found | None:
    """'a week on Thursday', 'Thursday week': the named weekday a week after the coming one."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    dow = _dow_no(m["dow"] or m["dow2"])
    return _f(m, "DATE", day_value(anchor + dt.timedelta(days=((dow - anchor.weekday()) % 7 or 7) + 7)))


def _a_kind_of(ctx: Context, pos: int) -> bool:
    """True for a noun at ``pos`` with an indefinite article ("a Sunday timetable", "a
    limited Saturday service"): one of a kind."""
    tok = ctx.token(pos)
    return tok is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def h_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    prev = _prev_raw(ctx, m.start())
    if prev.lower() in tw.WEEKDAY_NAME_OPENERS and prev[:1].isupper():
        return None
    nxt = _next_raw(ctx, m.end("dow"))
    if nxt.lower() in tw.WEEKDAY_NAME_CLOSERS and nxt[:1].isupper():
        return None
    rel = (m["rel"] or "").lower() or None
    told = {"the previous": -1, "the following": 1, "that": 0, "the": 0}.get(re.sub(r"\s+", " ", rel or ""))
    if told is not None:  # "the previous Friday", "that Sunday", "on the Sunday": counted from the day told before, else from the writing
        rel = {-1: "last", 1: "next", 0: None}[told]
    if m["pod"] and m["pod"].lower().endswith("s"):  # "Tuesday nights": every one of them
        return _f(m, "SET", DateValue(any_weekday(m["dow"], m["pod"]), "set"))
    if not rel and prev.lower() in tw.HABIT_ADJECTIVES:  # "the regular Thursday meeting": every Thursday
        start = m.start() - len(prev) - 1 if prev.lower() == "weekly" else m.start()  # "its weekly Saturday service"
        return Found(start, m.end(), "SET", DateValue(any_weekday(m["dow"], m["pod"]), "set"))
    if not rel and not m["pod"] and nxt.lower() in tw.SCHEDULE_NOUNS:
        if _a_kind_of(ctx, ctx.text.index(nxt, m.end("dow"))):
            return None  # "run to a Sunday timetable" on a holiday: a kind of schedule, not a time
        return _f(m, "SET", DateValue(any_weekday(m["dow"], None), "set"))  # "Sunday hours": every Sunday's
    typ = "TIME" if m["pod"] else "DATE"
    if not rel and prev.lower() in ("a", "any") and not premodifier(ctx, m.start(), m.end()):
        # "on a Monday", "a Saturday afternoon": no day in particular (not "a Wednesday media
        # event"); the article is part of the expression, as "a week" is
        start = m.start() - len(prev) - 1 if ctx.text[m.start() - len(prev) - 1:m.start()].lower() == f"{prev.lower()} " else m.start()
        return Found(start, m.end(), typ, DateValue(any_weekday(m["dow"], m["pod"]), "day"))
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, typ, None)
    tense = ctx.tense(m.start("dow"), m.end("dow"))
    week = (m["wrel"] if "wrel" in m.re.groupindex else None) \
        or (w[1] if (w := _OF_A_WEEK.match(ctx.text, m.end())) else None)
    if week:  # "Wednesday of last week", "(Tuesday) and Wednesday of next week"
        k = {"last": -1, "this": 0, "next": 1}[week.lower()]
        d = anchor + dt.timedelta(days=7 * k + _dow_no(m["dow"]) - anchor.weekday())
    else:
        d = resolve.weekday(_dow_no(m["dow"]), anchor, tense, None if rel == "this" else rel)
    if m["pod"]:
        pod = m["pod"].lower()
        found = _f(m, "TIME", time_value(d, PARTS_OF_DAY.get(pod, "NI")))
        if told is not None:
            found.notes["pod"] = PARTS_OF_DAY.get(pod, "NI")
    else:
        found = _f(m, "DATE", day_value(d))
    if told is not None:
        found.notes["shift"] = f"weekday-{_dow_no(m['dow'])}:{told}"
    return found


_LATER_PART = re.compile(rf"\s+(?:(?:in\s+the|this|that|tomorrow|yesterday|last|(?:on\s+)?{DOW})\s+)?(?:afternoon|evening|night)\b|\s+tonight\b", re.I)


# a part of the day later than the morning right before a clock time ("tomorrow night at 8")
_LATER_PART_BEFORE = re.compile(r"\b(?:afternoon|evening|(?<!mid)night|tonight)\s+at\s+$", re.I)


def _later_in_the_day(m: re.Match[str], ctx: Context) -> bool:
    """True when a clock time in words is told as in the afternoon, evening or night, in its
    own words ("nine o'clock at night"), right after them ("four this afternoon") or right
    before ("tomorrow night at 8 o'clock")."""
    return bool(_LATER_PART.match(ctx.text, m.end()) or re.search(r"afternoon|evening|(?<!mid)night", m[0], re.I)
                or _LATER_PART_BEFORE.search(ctx.text, max(0, m.start() - 20), m.start()))


def h_clock_after_part(m: re.Match[str], ctx: Context) -> Found | None:
    """'tonight at 9.30', 'Saturday evening at 7.30': an hour without a.m. or p.m. after a part
    of the day later than the morning is of the afternoon or evening."""
    h, mi = int(m["h"]), int(m["mi"] or 0)
    if not 1 <= h <= 12:
        return None
    return Found(m.start("x"), m.end("x"), "TIME", None, clock=f"{h % 12 + 12:02d}:{mi:02d}")


# words that place a clock time without a.m. or p.m. in the small hours
_SMALL_HOURS = re.compile(r"\b(?:morning|dawn|daybreak|am|overnight|night|tonight|asleep|woke|awake|stayed\s+up|early\s+hours)\b|\ba\.m\.", re.I)


def _with_sentence_before(ctx: Context, pos: int) -> str | None:
    """The text of the sentence at ``pos`` and of the one before it, or None without a parse."""
    tok = ctx.token(pos)
    if tok is None:
        return None
    sent = tok.sent
    before = tok.doc[sent.start - 1].sent.text if sent.start > 0 else ""
    return before + " " + sent.text


def _waking_hour(m: re.Match[str], ctx: Context) -> bool:
    """True for "N o'clock" (one to six) where neither its sentence nor the one before tells
    of the small hours: the afternoon's hour, as news tells of the day awake ("come back at
    2 o'clock")."""
    if "clock" not in m[0].lower() or re.search(r"morning|a\.?m\b", m[0], re.I):
        return False
    told = _with_sentence_before(ctx, m.start())
    if told is None:
        return not _SMALL_HOURS.search(ctx.text, max(0, m.start() - 200), m.end() + 150)
    return not _SMALL_HOURS.search(told)


# words that tell of the evening or night, and those that tell of the morning or small hours
_EVENING_TOLD = re.compile(r"\b(?:evening|tonight|(?<!mid)night)\b", re.I)
_MORNING_TOLD_NEAR = re.compile(r"\b(?:morning|dawn|daybreak|overnight|midnight|early\s+hours|breakfast)\b|\ba\.m\.|\d\s*am\b", re.I)


def _evening_hour(m: re.Match[str], ctx: Context, h: int) -> bool:
    """True for an hour from seven to eleven told without a.m. or p.m. where its sentence or the
    one before tells of the evening or night and neither tells of the morning ("Friday night
    before boarding a bus at 11:30", "Not tonight. The Senate adjourned at a quarter past
    seven"): the evening's hour."""
    if not 7 <= h <= 11:
        return False
    told = _with_sentence_before(ctx, m.start())
    return told is not None and bool(_EVENING_TOLD.search(told)) and not _MORNING_TOLD_NEAR.search(told)


def h_spoken_clock(m: re.Match[str], ctx: Context) -> Found | None:
    """'three-thirty this morning', 'ten-fifteen p.m.': a clock time said in words."""
    h = int(number(m["sh"]) or 0)
    mi = int(number(re.sub(r"^o[\s-]", "", m["sm"].lower())) or 0)
    ap = (m["ap"] or "").lower().replace(".", "")
    if not 1 <= h <= 12 or not 0 < mi < 60:
        return None
    if (ap == "pm" or not ap and (_later_in_the_day(m, ctx) or _evening_hour(m, ctx, h))) and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    return Found(m.start(), m.end(), "TIME", None, clock=f"{h:02d}:{mi:02d}")


_BETWEEN_BEFORE = re.compile(r"\bbetween\s+\S+\s+$", re.I)
_NOW_LEAD = re.compile(r"it(?:['’]s|\s+is)\s", re.I)


def h_clock_bare(m: re.Match[str], ctx: Context) -> Found | None:
    """'at 10:30', 'from 00:01', 'between 23:00 and 07:00': a clock time in figures after its
    preposition, told without its preposition; "It's 7:42" is the time of the writing."""
    lead = ctx.text[m.start():m.start("x")]
    if lead[:3].lower() == "and" and not _BETWEEN_BEFORE.search(ctx.text, max(0, m.start() - 30), m.start()):
        return None  # "2:15 and 3:40": no span of the day told
    found = h_clock(m, ctx)
    if found is not None:
        found.start, found.end = m.start("x"), m.end("x")
        if _NOW_LEAD.match(lead):
            found.notes["now"] = "1"
        if not m["h"].startswith("0") and _evening_hour(m, ctx, int(m["h"])):
            found.clock = f"{int(m['h']) + 12:02d}:{m['mi']}"
    return found


def h_clock_past(m: re.Match[str], ctx: Context) -> Found | None:
    """'ten past two', 'a quarter to ten', 'one minute after midnight': minutes counted from
    an hour. Not a range or odds ("two to three", "ten to one"): before the hour only a
    quarter or minutes said as such, and after it only minutes said as such."""
    mw, rel = m["mw"].lower(), m["rel"].lower()
    quarter = mw.endswith("quarter")
    if rel in ("to", "before", "after") and not (quarter or m["mins"]):
        return None
    mi = 15 if quarter else 30 if mw == "half" else int(number(mw) or 0)
    if not 0 < mi < 60 or mw == "half" and rel != "past":
        return None
    hw = m["hw"].lower()
    h = 0 if hw == "midnight" else 12 if hw == "noon" else int(number(hw) or 0)
    if hw not in ("midnight", "noon") and h < 12 and (_later_in_the_day(m, ctx) or _evening_hour(m, ctx, h)):
        h += 12
    minutes = (h * 60 + (mi if rel in ("past", "after") else -mi)) % (24 * 60)
    return Found(m.start(), m.end(), "TIME", None, clock=f"{minutes // 60:02d}:{minutes % 60:02d}")


# a time zone right after a clock time
_ZONE_AFTER = re.compile(rf"\s+{ZONE}", re.I)


def h_clock(m: re.Match[str], ctx: Context) -> Found | None:
    if m["word"]:
        w = m["word"].lower()
        clock = "12:00" if w in ("noon", "midday") else "24:00"
    elif m["oc"]:
        h = int(number(m["oc"]) or 0)
        if not 1 <= h <= 12:
            return None
        # "the one in the morning", "two this afternoon": a clock time in words only after its
        # preposition; "1:15 this morning" is one anywhere
        if (m["ocp"] or m["ocl"] is not None) and not (m["ocm"] and ":" in m[0]) and _prev_words(ctx, m.start(), 1) not in (
                ["at"], ["about"], ["around"], ["until"], ["till"], ["by"], ["before"], ["after"], ["past"], ["from"], ["since"]):
            return None
        if h == 12 and re.search(r"\b(?:morning|night)\b", m[0], re.I):
            h = hour_of_day(h, pm=False)  # "12:01 this morning": a minute after midnight
        elif h < 12 and _later_in_the_day(m, ctx):
            h += 12  # "five o'clock in the afternoon", "2 in the afternoon"
        elif h <= 6 and _waking_hour(m, ctx):
            h += 12  # "told to come back at 2 o'clock": an hour of the day awake, unless the sentence tells of the small hours
        clock = f"{h:02d}:{m['ocm'] or '00'}"
    else:
        h = int(number(m["h"] or m["hh"]) or 0)  # "10:30 p.m.", "six p.m."
        mi = int(m["mi"]) if m["mi"] else 0
        ap = (m["ap"] or "").lower().replace(".", "")
        if h > 24 or mi > 59 or (ap and h > 12):
            return None
        clock = f"{hour_of_day(h, ap == 'pm') if ap else h:02d}:{mi:02d}"
        if ap and (zone := _ZONE_AFTER.match(ctx.text, m.end())):
            # "at 11:42 a.m. MDT, and": the zone the sentence splitter took for a new sentence
            return Found(m.start(), zone.end(), "TIME", None, clock=clock)
    return Found(m.start(), m.end(), "TIME", None, clock=clock)


def h_monthly_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'the second Monday of each month': a day that comes once a month."""
    return _f(m, "SET", DateValue("P1M", "set"))


def h_range_start(m: re.Match[str], ctx: Context) -> Found | None:
    """'from 7 to 10 a.m.', 'at 8 and 10:30 a.m.': an hour that opens a range takes the half
    of the day of the clock time closing it, or the other half when it is later than that
    time ("from 11 to 2 p.m.": 11 a.m.)."""
    h, h2 = int(m["h"]), int(m["h2"])
    mi = int(m["mi"]) if m["mi"] else 0
    if not (1 <= h <= 12 and 1 <= h2 <= 12) or mi > 59:
        return None
    pm = m["ap"].lower().startswith("p")
    if h > h2 and h != 12:
        pm = not pm
    return Found(m.start("x"), m.end("x"), "TIME", None, clock=f"{hour_of_day(h, pm):02d}:{mi:02d}")


def h_ref(m: re.Match[str], ctx: Context) -> Found | None:
    w = re.sub(r"\s+", " ", m["x"].lower())
    if w in tw.PRESENT_WORDS:
        return _f(m, "DATE", ref_value("PRESENT_REF"), "x")
    if w.endswith(("future", "term")):
        return _f(m, "DATE", ref_value("FUTURE_REF"), "x")
    return _f(m, "DATE", ref_value("PAST_REF"), "x")




def h_ref_adj(m: re.Match[str], ctx: Context) -> Found | None:
    """'the current weakness', 'a recent filing': an adjective placing its noun now (PRESENT_REF)
    or a little before (PAST_REF); 'the then current price' is a past one."""
    word = m["w"].lower()
    tok = ctx.token(m.start("w"))
    if tok is None or tok.pos_ != "ADJ" or tok.dep_ != "amod" or tok.head.i <= tok.i:
        return None  # "the current" of a river, "is recent", "most recent"
    if word == "current" and (tok.head.lower_ in tw.CURRENT_TERMS or _next_raw(ctx, m.end()).lower() in tw.CURRENT_TERMS):
        return None
    if tok.i > 0 and tok.nbor(-1).lower_ in tw.DEGREE_WORDS:
        return None
    value = "PAST_REF" if word == "recent" or m["then"] else "PRESENT_REF"
    return _f(m, "DATE", ref_value(value), "x")


def _movable(m: re.Match[str], ctx: Context, day_in: Callable[[int], dt.date],
             value: Callable[[dt.date], DateValue] = day_value, within: int = 0) -> Found:
    """A feast whose day moves from year to year: the one of the year named, else the one
    two weeks or less from the writing, either way ("ballots received before Election Day
    will be counted", told the day after), else the one the tense picks (a week of it: the
    one the anchor falls in, when it does)."""
    if m["y"]:
        return _f(m, "DATE", value(day_in(int(m["y"]))))
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    cands = [day_in(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    d = next((c for c in cands if 0 <= (c - anchor).days < within), None) \
        or next((c for c in cands if abs((c - anchor).days) <= resolve.NEAR_DAYS), None) \
        or resolve.pick(cands, anchor, _feast_tense(m, ctx))
    return _f(m, "DATE", value(d) if d else None)


def h_holiday(m: re.Match[str], ctx: Context) -> Found | None:
    prev = _prev_words(ctx, m.start(), 1)
    if prev in (["happy"], ["merry"]):
        return None  # "Happy Thanksgiving": a greeting
    nxt = re.match(r"\s+([A-Za-z]+)\b", ctx.text[m.end():m.end() + 20])
    if nxt and nxt.group(1).lower() in tw.FEAST_THING_NOUNS and not m["y"]:
        return None  # "Christmas trees", "the Easter Vigil": a thing named after the feast
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'").replace("st. ", "st ")
    if m["season"]:  # "the Christmas season", "the Christmas holidays": that December
        found = _fixed_feast(m, ctx, (12, 25))
        if found is not None and found.dv is not None and found.dv.start:
            found.dv = month_value(int(found.dv.start[:4]), 12)
        return found
    if name in ("easter week", "holy week"):  # the week Easter Sunday ends
        return _movable(m, ctx, resolve.easter, week_value, within=7)
    if name in ("new year", "new year's") and prev and prev[0] in tw.OTHER_NEW_YEARS:
        return None  # "Lunar New Year", "Jewish New Year": not January 1
    canadian = _told_of_canada(ctx, m.start())
    day_in = _feast_day(name, canadian)
    md = tw.FIXED_FEASTS.get(name)
    if prev in (["every"], ["each"]) and md is not None and not m["y"]:
        # "every Fourth of July, every Christmas": that day of each year
        return Found(m.start() - len(prev[0]) - 1, m.end(), "SET", DateValue(f"XXXX-{md[0]:02d}-{md[1]:02d}", "set"))
    anchor = _anchor(ctx)
    if prev in (["last"], ["next"]) and anchor is not None and not m["y"] and day_in is not None:
        # "last Thanksgiving", "next New Year's Eve": the one before or after the writing
        cands = [day_in(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        later = prev[0] == "next"
        d = min((c for c in cands if (c > anchor if later else c < anchor)), key=lambda c: abs((c - anchor).days))
        return Found(m.start() - len(prev[0]) - 1, m.end(), "DATE", day_value(d))
    if (movable := _movable_day(name, canadian)) is not None:
        return _movable(m, ctx, movable)
    return _fixed_feast(m, ctx, md) if md else None


def _movable_day(name: str, canadian: bool = False) -> Callable[[int], dt.date] | None:
    """The day of a feast that moves with the weekday ("Labor Day", the first Monday of
    September; not "Labour Day", May 1 in much of the world), with US Thanksgiving (the
    fourth Thursday of November, "Black Friday") or with Easter ("Good Friday") in a given
    year; None for any other name. Told of Canada, Thanksgiving is the second Monday of
    October."""
    if canadian and name in ("thanksgiving", "thanksgiving day"):
        return lambda y: resolve.nth_weekday(y, 10, 0, 2)
    if name in tw.WEEKDAY_FEASTS:
        month, weekday, n, after = tw.WEEKDAY_FEASTS[name]
        return lambda y: resolve.nth_weekday(y, month, weekday, n) + dt.timedelta(days=after)
    for days, feast in ((tw.THANKSGIVING_DAYS, resolve.thanksgiving), (tw.EASTER_DAYS, resolve.easter)):
        if name in days:
            shift = dt.timedelta(days=days[name])
            return lambda y: feast(y) + shift
    return None


_CANADA = re.compile(r"\bCanad(?:a|ians?)\b")
# a Canadian province or city, or a province's dateline abbreviation after its town ("GUELPH, Ont.")
_CANADIAN_PLACE = re.compile(r"\bCanad(?:a|ian)\b|" + "|".join(
    rf", {re.escape(p)}" if p.endswith(".") else rf"\b(?:{re.escape(p)}|{re.escape(p.upper())})\b" for p in tw.CANADIAN_PLACES))
# how much of a story's opening tells where it is from (its headline and dateline)
_OPENING = 300


def _told_of_canada(ctx: Context, pos: int) -> bool:
    """Whether the sentence at ``pos`` names Canada ("after the Thanksgiving weekend in Canada"),
    or the story opens in Canada ("GUELPH, Ont. —", "HALIFAX — A food pantry in Halifax's
    north end")."""
    tok = ctx.token(pos)
    return (tok is not None and bool(_CANADA.search(tok.sent.text))) or bool(_CANADIAN_PLACE.search(ctx.text, 0, _OPENING))


# the feasts a weekend is named after, by the names the weekend pattern writes them with
_WEEKEND_FEAST_NAMES = {"independence day": "fourth of july"}


def _feast_day(name: str, canadian: bool = False) -> Callable[[int], dt.date] | None:
    """The day of a named feast in a given year, or None for a feast kb does not know."""
    if (day_in := _movable_day(name, canadian)) is not None:
        return day_in
    md = tw.FIXED_FEASTS.get(_WEEKEND_FEAST_NAMES.get(name, name))
    return (lambda y: dt.date(y, *md)) if md else None


def _fixed_feast(m: re.Match[str], ctx: Context, md: tuple[int, int]) -> Found | None:
    """A feast on a fixed day: of the year named, else placed by the clause's tense."""
    if m["y"]:
        d = _safe_day(int(m["y"]), *md)
        return _f(m, "DATE", day_value(d) if d else None)
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    d = resolve.month_day(md[0], md[1], anchor, _feast_tense(m, ctx))
    return _f(m, "DATE", day_value(d) if d else None)


def _feast_tense(m: re.Match[str], ctx: Context) -> str | None:
    """The tense that places a feast named without a year. A past clause does not place a
    feast something was done for or ahead of ("came home for Christmas", "shoppers crowded
    stores before Easter"): that is the nearest one, ahead or behind."""
    tense = ctx.tense(m.start(), m.end())
    tok = ctx.token(m.start())
    return None if tense == "past" and tok is not None and awaited(tok) else tense


def h_same(m: re.Match[str], ctx: Context) -> Found | None:
    """Anaphoric expressions ('that day', 'the following year'): resolved later from the
    date they refer back to, when the text gives one."""
    words = [w for w in m["x"].lower().split() if w not in ("earlier", "later", "early", "late")]
    if words[-1] in ("before", "after"):  # "the night before", "the morning after"
        words = ["the", "previous" if words[-1] == "before" else "next", words[1]]
    unit = words[-1]
    last = ctx.token(m.end("x") - 1)
    if unit == "fall" and last is not None and (last.dep_ == "relcl" or last.i > 0 and last.doc[last.i - 1].tag_ == "WDT"):
        return None  # "loans that fall due", "prices that fall sharply": the verb
    typ = "TIME" if unit in ("morning", "afternoon", "evening", "night") else "DATE"
    found = _f(m, typ, None, "x")
    k = 1 if words[1] in ("following", "next") else -1 if words[1] == "previous" else 0
    if unit in ("day", "week", "month", "quarter", "year"):
        found.notes["shift"] = f"{unit}:{k}"
    elif unit in SEASONS:  # "the following spring": the first spring after the date told of
        found.notes["shift"] = f"season-{SEASONS[unit]}:{k}"
        anchor = _anchor(ctx)
        if anchor is not None:  # with no date told before, the writing's ("that spring")
            rel = {1: "next", -1: "last"}.get(k)
            found.dv = season_value(resolve.season(SEASONS[unit], anchor, ctx.tense(m.start("x"), m.end("x")), rel), SEASONS[unit])
    elif unit in PARTS_OF_DAY:  # "the next morning": a part of the day after the one told of
        found.notes["shift"] = f"day:{k}"
        found.notes["pod"] = PARTS_OF_DAY[unit]
    elif unit in tw.MONTHS:  # "the following March": the first March after the date told of
        if last is not None and last.dep_ in ("compound", "nmod") and last.head.i > last.i:
            return None  # "ahead of the previous July high": a record of some earlier July
        found.notes["shift"] = f"month-{tw.MONTHS[unit]}:{k}"
        anchor = _anchor(ctx)
        if anchor is not None:  # with no date told before, counted from the writing's
            found.dv = month_value(*resolve.shifted_month(tw.MONTHS[unit], anchor, "next" if k > 0 else "last"))
    return found


def h_unit_told(m: re.Match[str], ctx: Context) -> Found | None:
    """'during the month', 'for most of the week', 'for most of the decade': the month, week
    or decade the story is telling of, the one of the date told just before, else the
    writing's."""
    unit = m["u"].lower()
    anchor = _anchor(ctx)
    if unit == "week":
        found = h_the_week(m, ctx)  # with no date told, the writing's week (the one before, told as past on a Monday)
    else:
        if unit == "month" and anchor is not None and anchor.day <= 10 and ctx.tense(m.start("x"), m.end("x")) == "past":
            # "consumer spending rose 0.8% for the month", told as past in a month's first
            # days: the month just ended, whose figures come out then
            anchor = anchor.replace(day=1) - dt.timedelta(days=1)
        found = _f(m, "DATE", None if anchor is None else unit_of(anchor, unit), "x")
    found.notes["shift"] = f"{unit}:0"
    return found


_BY_LIMIT = re.compile(r"\b(?:by|before|until|till)\s+$", re.I)


def h_edge(m: re.Match[str], ctx: Context) -> Found | None:
    """'the end of the week', 'the rest of the year', 'the end of the current quarter', 'the
    end of the century': the anchor's own week, month, quarter, year, decade or century."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    unit = m["u"].lower()
    part = _part_of(m["mod"])
    if unit == "decade":
        return _f(m, "DATE", decade_value(anchor.year // 10 * 10))
    if unit == "century":
        return _f(m, "DATE", century_value(anchor.year // 100))
    if unit == "year" and part == "late" and not m["q"] and _year_ended(m, ctx, anchor):
        return _f(m, "DATE", _narrow(year_value(anchor.year - 1), part))
    value = unit_of(anchor, unit)
    found = _f(m, "DATE", _narrow(value, part) if value is not None and unit in ("year", "month") else value)
    if unit == "quarter" and not m["q"]:
        found.notes["period"] = "same"  # "the end of the quarter": the one the text reports on, if it told one
    if unit == "month" and not m["q"] and ctx.tense(m.start(), m.end()) not in ("future", "present") \
            and not _BY_LIMIT.search(ctx.text, max(0, m.start() - 10), m.start()):
        # "had a poor February, … after a rally in the middle of the month": the month just
        # told of; a month still running or a deadline is the writing's ("Ramadan, which
        # begins at the end of the month"; "ordered the files handed over by the end of the month")
        found.notes["shift"] = "month:0"
    return found


def h_year_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """'year-ago', 'the year-earlier quarter', 'the quarter a year ago': the period a year before the one the text
    reports on (a quarter when one was just named, else the year before the anchor's). Before
    a counted span ("the year-earlier nine months") it is that span's, a length of time."""
    unit = re.search(r"quarter|period", m[0], re.I)
    if not unit and _COUNTED_SPAN.match(ctx.text, m.end()):
        return None
    anchor = _anchor(ctx)
    found = _f(m, "DATE", year_value(anchor.year - 1) if anchor else None)
    if anchor is not None and unit and unit.group(0).lower() == "quarter":
        # "the year-earlier quarter" with no quarter told: the last one ended, a year back
        found.dv = quarter_of(anchor, -5)
    found.notes["period_back"] = "1"
    if unit:
        found.notes["period_named"] = "1"  # "the year-ago period": the one the text reports on
    if m["ord"]:
        q = ORDINALS[m["ord"].lower()]
        found.notes["quarter"] = str(q)
        if anchor is not None:
            found.dv = quarter_value(anchor.year - 1, q)
    return found


_YEAR_TO = re.compile(rf"\s+to\s+(?:the\s+(?:end|middle)\s+of\s+|mid-?)?(?P<mon>{MONFULL})\b(?:\s+\d{{1,2}}\b)?(?:,?\s+(?P<y>{YEAR}))?")


_QUARTER_ENDS = re.compile(rf",?\s+(?:which\s+|that\s+)?(?P<v>ended|ending|ends)\s+(?:on\s+)?(?P<mon>{MON})\s+(?P<d>\d{{1,2}})\b(?:,?\s+(?P<y>{YEAR}))?", re.I)


# "the busiest shopping day of", "one of the slowest months of": a superlative's time
_OF_A_SUPERLATIVE = re.compile(_SUPERLATIVE + r"(?:days?|nights?|weekends?|weeks?|months?|times?|periods?|seasons?)\s+of\s+$", re.I)


def _present_clause(ctx: Context, pos: int) -> bool:
    """True when the clause of the word at ``pos`` is told in the present."""
    tok = ctx.token(pos)
    return tok is not None and clause_tense(tok) == "present"


def h_the_period(m: re.Match[str], ctx: Context) -> Found | None:
    """'the quarter', 'the latest period', 'the fiscal year': the period the text reports on.
    A year is the anchor's ("the year ended March 31", "the year to March" are a year long, but
    the year to December is the calendar year); a quarter or period is the one last named,
    resolved once every expression is found."""
    unit = m["u"].lower()
    quals = (m["q"] or "").lower().split()
    after = ctx.text[m.end():m.end() + 30]
    if unit == "period" and not quals or m["own"] and not set(quals) & {"latest", "current", "comparable"}:
        return None  # (not "the period", "its year", "its fiscal year": "its latest quarter" is)
    if re.match(r"\s+(?:of\b(?!\s*(?:[$€£¥]|\d|[A-Z]{1,2}\$))|(?:before|after|when|in\s+which)\b)", after, re.I):
        return None  # "the year of the election"; not "a high for the year of $42.875"
    anchor = _anchor(ctx)
    to = _YEAR_TO.match(ctx.text, m.end())
    if unit == "year" and to and _month_no(to["mon"]) == 12 and anchor is not None:
        return _f(m, "DATE", year_value(int(to["y"]) if to["y"] else anchor.year - (anchor.month < 12)))
    if unit == "year" and not quals and _OF_A_SUPERLATIVE.search(ctx.text, max(0, m.start() - 60), m.start()) \
            and _present_clause(ctx, m.start()) and not re.match(r"\s+(?:so\s+far|yet)\b", after):
        return None  # "traditionally the busiest shopping day of the year": of any year
    if unit == "year":
        if (re.match(r"\s+(?:that\s+)?(?:ended|ending|ends)\b", after, re.I) or to) and "current" not in quals:
            return _f(m, "DURATION", DateValue("P1Y", "duration"))
        if anchor is None:
            return _f(m, "DATE", None)
        if anchor.month <= 3 and _prev_words(ctx, m.start(), 1) == ["for"] and ctx.tense(m.start(), m.end()) == "past":
            # "For the full year, the company earned $302 million", in February: the year just ended
            return _f(m, "DATE", year_value(anchor.year - 1))
        return _f(m, "DATE", year_value(anchor.year))
    found = _f(m, "DATE", None)
    if anchor is not None and "current" in quals:
        found.dv = quarter_of(anchor)
    ends = _QUARTER_ENDS.match(ctx.text, m.end()) if unit == "quarter" else None
    if ends is not None and anchor is not None:
        # "the quarter ended Sept. 30": the three months up to that day (a quarter ended Jan.
        # 30 is mostly the calendar's fourth), unless a fiscal quarter was named before
        if ends["y"]:
            end: dt.date | None = _safe_day(int(ends["y"]), _month_no(ends["mon"]), int(ends["d"]))
        else:
            end = resolve.month_day(_month_no(ends["mon"]), int(ends["d"]), anchor,
                                    "past" if ends["v"].lower() == "ended" else None)
        if end is not None:
            found.notes["ends_quarter"] = quarter_of(end - dt.timedelta(days=45)).value
    found.notes["period"] = "same"
    if "latest" in quals and unit == "quarter" or quals == ["latest"]:
        found.notes["latest"] = "1"  # the quarter last ended, not one to come
    return found


def h_year_period(m: re.Match[str], ctx: Context) -> Found | None:
    """'the 1988 third quarter'; 'the 1988 period': the period the text reports on, in 1988."""
    y = int(m["y"])
    if m["ord"]:
        n = ORDINALS[m["ord"].lower()]
        if m["u"].lower() == "half":
            return _f(m, "DATE", half_value(y, n) if n in (1, 2) else None)
        return _f(m, "DATE", quarter_value(y, n) if 1 <= n <= 4 else None)
    found = _f(m, "DATE", year_value(y))
    found.notes["period_year"] = str(y)
    return found


def h_the_week(m: re.Match[str], ctx: Context) -> Found | None:
    """'up 1.8% for the week', 'finished the week higher': the writing's week, or the one before
    when told as past on a Monday."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None, "x")
    if anchor.weekday() == 0 and ctx.tense(m.start("x"), m.end("x")) == "past":
        anchor -= dt.timedelta(days=7)
    return _f(m, "DATE", week_value(anchor), "x")


def h_year_end(m: re.Match[str], ctx: Context) -> Found | None:
    """'by year end', "by year's end": the end of the anchor's year; the year before's when
    told as past ("the percentage change is since year-end", said in October)."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    return _f(m, "DATE", _narrow(year_value(anchor.year - 1 if _year_ended(m, ctx, anchor) else anchor.year), "late"))


def _year_ended(m: re.Match[str], ctx: Context, anchor: dt.date) -> bool:
    """True for a year's end told as past, at or since it ("stood at $718.9 billion at the end
    of the year", said in February): before December, that is the end of the year before."""
    prev = _prev_words(ctx, m.start(), 2)
    return anchor.month < 12 and bool(prev) and (prev[-1] in ("at", "since") or prev == ["as", "of"]) \
        and ctx.tense(m.start(), m.end()) == "past"


_WEEKENDS_TOLD = {"the", "both", "those", "these", "two", "three", "four", "five", "few", "several", "consecutive",
                  "successive", "straight", "last", "past", "next", "coming", "recent", "previous", "following"}


def h_weekends(m: re.Match[str], ctx: Context) -> Found | None:
    """'open at weekends', 'works weekends', 'from 6 a.m. to 8 p.m. weekdays': every weekend,
    every working day; not weekends told of ("the last two weekends")."""
    prev = _prev_words(ctx, m.start(), 1)
    if prev and (prev[0] in _WEEKENDS_TOLD or prev[0].isdigit()):
        return None
    if m["x"].lower() == "weekdays":
        return _f(m, "SET", DateValue("XXXX-WXX-WD", "set"), "x")
    return _f(m, "SET", DateValue("XXXX-WXX-WE", "set"), "x")


def h_weekend_np(m: re.Match[str], ctx: Context) -> Found | None:
    """'the weekend' with no preposition before it, as a subject or object ("said the weekend
    would be mild"); not "the weekend edition", where it says what kind."""
    tok = ctx.token(m.end("x") - 1)
    if tok is None or tok.dep_ in ("compound", "amod", "nmod") or tok.head.i > tok.i and tok.head.pos_ in ("NOUN", "PROPN"):
        return None
    return h_weekend(m, ctx)


_FEAST_YEAR = re.compile(rf"\s+(?:in|of)\s+(?P<y>{YEAR})\b")
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before)\s+$", re.I)


def h_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None, "x")
    tense = ctx.tense(m.start("x"), m.end("x"))
    feast = _feast_day(re.sub(r"\s+", " ", m["feast"].lower()).replace("’", "'"), _told_of_canada(ctx, m.start())) \
        if m["feast"] else None
    if feast is not None:
        # "the Labor Day weekend": the weekend nearest the feast ("Thanksgiving" the one after
        # it), or the one of the year told right after it ("the Columbus Day weekend in 1990")
        if told := _FEAST_YEAR.match(ctx.text, m.end()):
            day = feast(int(told["y"]))
        else:
            day = resolve.pick([feast(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)], anchor, tense)
        assert day is not None
        saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7)
        if (saturday - day).days > 3:
            saturday -= dt.timedelta(days=7)
        return _f(m, "DATE", weekend_value(saturday), "x")
    before = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    after = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7) if anchor.weekday() < 5 else anchor
    if anchor.weekday() == 4:
        d = after  # said on a Friday, whatever the tense: the weekend about to begin ("left for the weekend")
    elif tense is None:  # "continued through the weekend": the nearer one
        d = before if (anchor - before) < (after - anchor) else after
    elif tense == "past" and 2 <= anchor.weekday() <= 4 and _AHEAD_OF.search(ctx.text, max(0, m.start("x") - 12), m.start("x")):
        d = after  # "gains were capped by selling ahead of the weekend", said on a Friday: the coming one
    else:
        d = before if tense == "past" else after
    return _f(m, "DATE", weekend_value(d), "x")


def h_midweek(m: re.Match[str], ctx: Context) -> Found | None:
    """'by midweek', 'stocks fell midweek': the week of the Wednesday nearest the writing on
    the side the clause tells of (the coming one unless told as past)."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    if ctx.tense(m.start(), m.end()) == "past":
        wednesday = anchor - dt.timedelta(days=(anchor.weekday() - 2) % 7)
    else:
        wednesday = anchor + dt.timedelta(days=(2 - anchor.weekday()) % 7)
    return _f(m, "DATE", week_value(wednesday))

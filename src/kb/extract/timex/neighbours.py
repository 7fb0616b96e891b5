"""Time expressions read with their neighbours: a clock time and its day ("10 p.m.
Wednesday"), the words before a day or year that make one expression with it ("the early
hours of Friday", "the spring of last year", "the day after Labor Day"), a feast and its
part of the day ("Thanksgiving night"), days listed beside a month ("January 13, 14 and
22", "5 and 12 April"), lengths in two units ("two hours and 14 minutes"), a weekday listed beside one that recurs ("every Tuesday and
Thursday"), a month in the year told beside it ("in June 2014 … in July"), and two months
named as a range ("between March and May"), two weekdays named as one ("from Thursday
until Tuesday"), and a fiscal year named by the day it begins ("the fiscal year that begins
Oct. 1").

Works on spaCy tokens by duck typing (``ctx`` has ``doc``, ``text`` and ``tense``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import Any, Callable

from kb.extract.timex.calendar import day_value, month_value, season_value, time_value, week_value, year_value
from kb.extract.timex.found import Found, _safe_day, any_weekday, hour_of_day
from kb.extract.timex.resolve import SEASON_ORDER
from kb.extract.timex.tense import clause_tense, verb_of
from kb.extract.timex.words import DAY, DAY_LIST, DOW
from kb.lexicon.time_words import PARTS_OF_DAY, SEASONS
from kb.model import DateValue


_CLOCK_DAY_GAP = re.compile(r"[ \t]*,?[ \t]*(?:\n[ \t]*)?")  # (a line may wrap between them, a paragraph may not)
_DAY_CLOCK_GAP = re.compile(r"[ \t]*,?[ \t]*(?P<at>at[ \t]+)?")
# what a stamp line opens with before its day: "Updated: ", "Posted ", "| Last updated: "
_STAMP_LABEL = re.compile(r"(?:^|\n|\|)[ \t]*(?:[A-Z][a-z]+(?:[ \t]+[a-z]+)?:?[ \t]*)?$")
_PART_OF_DAY = re.compile(r"T(?P<code>MO|AF|EV|NI)$")


_EARLY_HOURS = re.compile(r"\bthe\s+(?:early|small|wee)\s+hours\s+of\s+$", re.I)


def _join_leads(found: list[Found], text: str, lead_re: re.Pattern[str], width: int,
                join: Callable[[Found, re.Match[str]], Found | None]) -> list[Found]:
    """Each expression with words right before it (``lead_re``, searched ``width``
    characters back) that ``join`` makes one expression with it; what was found inside those
    words without a value of its own is dropped ("early hours", "day" still to be counted),
    and a join that would overlap anything else is not made."""
    out: list[Found] = []
    for f in found:
        lead = lead_re.search(text, max(0, f.start - width), f.start)
        joined = join(f, lead) if lead is not None else None
        if joined is not None:
            while out and out[-1].end > lead.start() and out[-1].dv is None:  # type: ignore[union-attr]
                out.pop()
            if not out or out[-1].end <= lead.start():  # type: ignore[union-attr]
                f = joined
        out.append(f)
    return out


def _early_hours(f: Found, lead: re.Match[str]) -> Found | None:
    if f.dv is None or f.dv.precision not in ("day", "time") or not f.dv.start or f.type not in ("DATE", "TIME"):
        return None
    d = f.dv.start
    # "the early hours of tomorrow morning" keeps its part of the day; a day takes its morning
    value = f.dv.value if f.dv.precision == "time" and not f.dv.value[11:12].isdigit() else f"{d}TMO"
    return Found(lead.start(), f.end, "TIME", DateValue(value, "time", d, d), rank=f.rank)


def join_early_hours(found: list[Found], text: str) -> list[Found]:
    """"the early hours of Friday", "the small hours of Nov. 17": the first hours of that
    day, one expression (TIME, its morning)."""
    return _join_leads(found, text, _EARLY_HOURS, 30, _early_hours)


_FEAST_PART = re.compile(r"[ \t]+(?P<part>morning|afternoon|evening|night)\b", re.I)


def join_feast_parts(found: list[Found], text: str) -> list[Found]:
    """"Thanksgiving night", "Christmas morning": that part of the feast's day, one
    expression (TIME)."""
    out: list[Found] = []
    for i, f in enumerate(found):
        m = _FEAST_PART.match(text, f.end)
        nxt = found[i + 1] if i + 1 < len(found) else None
        if m is not None and f.notes.get("pattern") == "holiday" and f.dv is not None and f.dv.precision == "day" \
                and f.dv.start and (nxt is None or nxt.start >= m.end()):
            d = f.dv.start
            f = Found(f.start, m.end(), "TIME", DateValue(f"{d}T{PARTS_OF_DAY[m['part'].lower()]}", "time", d, d),
                      rank=f.rank, notes=dict(f.notes))
        out.append(f)
    return out


_SEASON_OF = re.compile(r"\b(?:the\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+of\s+$", re.I)


def _season_of(f: Found, lead: re.Match[str]) -> Found | None:
    if f.type != "DATE" or f.dv is None or f.dv.precision != "year" or not re.fullmatch(r"\d{4}", f.dv.value):
        return None
    return Found(lead.start(), f.end, "DATE", season_value(int(f.dv.value), SEASONS[lead["s"].lower()]), rank=f.rank)


def join_season_of(found: list[Found], text: str) -> list[Found]:
    """"the spring of last year", "the winter of nineteen ninety-four": that season of the
    year told, one expression (DATE)."""
    return _join_leads(found, text, _SEASON_OF, 20, _season_of)


_NEXT_TO = re.compile(r"\bthe\s+(?P<unit>day|week)\s+(?P<side>after|before)\s+$", re.I)


def _next_to(f: Found, lead: re.Match[str]) -> Found | None:
    if f.type != "DATE" or f.dv is None or f.dv.precision != "day" or not f.dv.start:
        return None
    step = dt.timedelta(days=1 if lead["unit"].lower() == "day" else 7)
    d = dt.date.fromisoformat(f.dv.start) + (step if lead["side"].lower() == "after" else -step)
    return Found(lead.start(), f.end, "DATE", day_value(d) if step.days == 1 else week_value(d), rank=f.rank)


def join_next_to(found: list[Found], text: str) -> list[Found]:
    """"the day after Labor Day", "the week before Christmas", "the day before last
    Tuesday's hearing": the day or week next to a day, one expression (DATE)."""
    return _join_leads(found, text, _NEXT_TO, 20, _next_to)


def join_clock_days(found: list[Found], text: str) -> list[Found]:
    """A clock time right before its day is one expression: "10 p.m. Wednesday",
    "5 p.m. EST, Nov. 6", "midnight Friday", "one o'clock this morning" (TIME, the day's
    value with the clock's). So is a dated day right before its clock time ("Mar 07, 2017
    6:04 AM EST"), a day right before its noon or midnight ("by Wednesday noon"), and a stamp
    line's day and time ("Updated: Wednesday, November 8, 2000 at 6:15 a.m.")."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and f.clock is not None and f.dv is None and prev.dv is not None \
                and prev.dv.precision == "day" and prev.dv.start and prev.notes.get("pattern") in ("mdy", "dmy", "md", "dm") \
                and (gap := _DAY_CLOCK_GAP.fullmatch(text, prev.end, f.start)) \
                and (not gap["at"] or _STAMP_LABEL.search(text, max(0, prev.start - 40), prev.start)):
            out[-1] = Found(prev.start, f.end, "TIME", DateValue(f"{prev.dv.start}T{f.clock}", "time", prev.dv.start, prev.dv.start),
                            rank=prev.rank, notes=dict(prev.notes))
            continue
        if prev is not None and f.clock is not None and f.dv is None and prev.dv is not None and prev.dv.precision == "day" \
                and prev.dv.start and re.fullmatch(r"[ \t]", text[prev.end:f.start]) \
                and text[f.start:f.end].lower() in ("noon", "midday", "midnight"):
            # "by Wednesday noon": the day's noon
            out[-1] = Found(prev.start, f.end, "TIME", DateValue(f"{prev.dv.start}T{f.clock}", "time", prev.dv.start, prev.dv.start),
                            rank=prev.rank, notes=dict(prev.notes))
            continue
        if prev is not None and prev.clock is not None and prev.dv is None and f.dv is not None and f.dv.start \
                and (f.dv.precision == "day" or _PART_OF_DAY.search(f.dv.value)) and \
                _CLOCK_DAY_GAP.fullmatch(text, prev.end, f.start) \
                and not (_TO_WEEKDAY.match(text, f.end) and not _starts_a_stretch(out, text)) \
                and not (AND_DAY.match(text, f.end) and hours_range_before(out, text)) and "shift" not in f.notes:
            # (not the first day of a range after hours, "from 7am to 7pm, Monday to Friday",
            # nor of a list after a range of hours, "from 8 a.m. to 3 p.m. Wednesday and Thursday",
            # as "from noon Wednesday through Monday morning" is one; nor a day
            # counted from one told before, "10 p.m. that Friday", whose clock time takes its
            # day once that is counted); a clock time of the morning is an a.m. one ("12:01
            # this morning" is a minute after midnight)
            clock = prev.clock
            if f.dv.value.endswith("TMO") and clock[:2].isdigit() and int(clock[:2]) <= 12:
                clock = f"{hour_of_day(int(clock[:2]), pm=False):02d}{clock[2:]}"
            out[-1] = Found(prev.start, f.end, "TIME", DateValue(f"{f.dv.start}T{clock}", "time", f.dv.start, f.dv.start),
                            rank=prev.rank, notes=dict(prev.notes))
            continue
        out.append(f)
    return out


# hours of a range: "from 9 a.m. to 8 p.m.", "between 8am and 10pm"
HOURS_FROM = re.compile(r"\b(?:from|between)\s+$", re.I)
HOURS_JOINED = re.compile(r"\s*(?:to|until|till|and|-|–)\s*", re.I)


def hours_range_before(out: list[Found], text: str) -> bool:
    """True when the last two times in ``out`` are the two ends of a range of hours."""
    return len(out) >= 2 and hours_range(out[-2], out[-1], text)


def hours_range(a: Found, b: Found, text: str) -> bool:
    """True when clock times ``a`` and ``b`` are the two ends of a range of hours ("from 9
    a.m. to 8 p.m.", "between noon and 4 pm")."""
    return a.clock is not None and b.clock is not None and a.end < b.start \
        and HOURS_JOINED.fullmatch(text, a.end, b.start) is not None \
        and HOURS_FROM.search(text, max(0, a.start - 9), a.start) is not None


def _starts_a_stretch(out: list[Found], text: str) -> bool:
    """True when the last clock time in ``out`` follows "from" (or "between") and does not end a range of
    hours ("from noon Wednesday through Monday morning"; not "from 7am to 7pm, Monday to
    Friday", nor "until 9 p.m. Monday through Thursday")."""
    clock = out[-1]
    ends_hours = len(out) >= 2 and out[-2].clock is not None and HOURS_JOINED.fullmatch(text, out[-2].end, clock.start) is not None
    return not ends_hours and HOURS_FROM.search(text, max(0, clock.start - 8), clock.start) is not None


_DAY_LIST = re.compile(DAY_LIST)
_LISTED_DAY = re.compile(rf"\s*(?:,\s*|,?\s+(?:and|or)\s+)(?P<d>{DAY})")


_DAY_BEFORE = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s*,\s*|,?\s+(?:and|or|to)\s+|\s*[-–]\s*)$")


def _days_before(f: Found, text: str) -> list[Found]:
    """"on 5, 12 and 19 April": the days listed before a day and its month, each a date of
    its own in that month."""
    if f.notes.get("pattern") not in ("dm", "dmy") or f.dv is None or f.dv.start is None:
        return []
    last = dt.date.fromisoformat(f.dv.start)
    pos, days = f.start, []
    while (m := _DAY_BEFORE.search(text, max(0, pos - 16), pos)) and 0 < int(m["d"]) < last.day:
        last = last.replace(day=int(m["d"]))
        days.append(Found(m.start("d"), m.end("d"), "DATE", day_value(last), rank=f.rank))
        pos = m.start()
    return days[::-1]


def listed_days(found: list[Found], text: str) -> list[Found]:
    """"January 13, 14, 22 and 23", "5 and 12 April": each day listed beside a day and its
    month is a date of its own, in that month."""
    out: list[Found] = []
    for f in found:
        out.extend(g for g in _days_before(f, text) if not out or out[-1].end <= g.start)
        out.append(f)
        if f.notes.get("pattern") != "md" or f.dv is None or f.dv.start is None \
                or not _DAY_LIST.match(text, f.end):
            continue
        first = dt.date.fromisoformat(f.dv.start)
        pos, last = f.end, first.day
        while m := _LISTED_DAY.match(text, pos):
            day = int(re.match(r"\d+", m["d"])[0])  # type: ignore[index]
            if day <= last or day > 31:
                break
            with contextlib.suppress(ValueError):
                d = first.replace(day=day)
                out.append(Found(m.start("d"), m.end("d"), "DATE", day_value(d), rank=f.rank))
            pos, last = m.end(), day
    return out


_DAY_SET = re.compile(r"XXXX-WXX-(?P<d>[1-7])(?P<part>T\w+)?$")
_TO_WEEKDAY = re.compile(rf"\s*(?:to|through|-|–)\s*{DOW}")
# what joins two days told together ("Friday and Saturday", "Tuesday to Sunday")
DAYS_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or|to|through|&|-|–)\s*")
_RANGE_WORD = re.compile(r"\s*(?:to|through|-|–)\s*")
_WEEKDAY = re.compile(DOW)
_AND_OR = re.compile(r"\s*(?:,\s*)?(?:and|or)\s+")
# a day joined to the one before it ("Wednesday and Thursday", "today and tomorrow")
AND_DAY = re.compile(rf"{_AND_OR.pattern}(?:{DOW}|tomorrow)\b")
# what the value of a season ends in (a part of the day's: _PART_OF_DAY)
_SEASON_CODE = re.compile(r"-(?P<code>SP|SU|FA|WI)$")


def days_of_a_set(found: list[Found], ctx: Any, sent_of: Any) -> None:
    """"every Tuesday and Thursday", "Friday and Saturday nights": a weekday listed beside
    a weekday that recurs recurs too (with its part of the day, or the other's). So do the
    days of a timetable: "open Tuesday through Sunday from 10 a.m. to 5 p.m.", "runs five
    times a day, Monday to Saturday" (a range of weekdays in a sentence with a clock time
    or a set; "from Monday to Friday" only in the simple present: "the gallery is open from
    Tuesday to Sunday, 9am to 5pm", not "will run demonstrations at 11am each day from Monday
    to Friday"); and a season or part of the day listed after a recurring one of its kind
    ("every spring and fall", "each morning and evening")."""
    text = ctx.text
    for a, b in zip(found, found[1:]):
        if not DAYS_JOINED.fullmatch(text, a.end, b.start):
            continue
        if _AND_OR.fullmatch(text, a.end, b.start) and a.type == "SET" and a.dv is not None \
                and b.type != "SET" and not _WEEKDAY.search(text, b.start, b.end):
            # (a part of the day still waiting for its day has its code as its clock)
            own_value = b.dv.value if b.dv is not None else f"T{b.clock}" if b.clock in ("MO", "AF", "EV", "NI") else ""
            for every_one, kind in (("XXXX-", _SEASON_CODE), ("XXXX-XX-XXT", _PART_OF_DAY)):
                told, own = kind.search(a.dv.value), kind.search(own_value)
                if told and own and a.dv.value == every_one + told["code"]:
                    b.type, b.dv, b.clock = "SET", DateValue(every_one + own["code"], "set"), None
        for day, every in ((b, a), (a, b)):
            if _weekday(day, text) and every.type == "SET" and every.dv is not None \
                    and (told := _DAY_SET.match(every.dv.value)):
                _recur(day, text, told["part"] or "")
        if _weekday(a, text) and _weekday(b, text) and _RANGE_WORD.fullmatch(text, a.end, b.start) \
                and (not HOURS_FROM.search(text, max(0, a.start - 8), a.start) or _simple_present(ctx, a)) \
                and any(f.clock is not None or f.type == "SET" for f in found
                        if f is not a and f is not b and sent_of(f.start) == sent_of(a.start)):
            _recur(a, text, "")
            _recur(b, text, "")


def _simple_present(ctx: Any, f: Found) -> bool:
    """True for a time told in a clause in the simple present ("the market trades from
    Monday to Saturday")."""
    tok = ctx.token(f.start)
    verb = verb_of(tok) if tok is not None else None
    # (not a plural noun the tagger read as a verb: "will issue public status reports every
    # three hours from Friday evening", where "reports" is the object)
    return verb is not None and verb.tag_ in ("VBZ", "VBP") and verb.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass") \
        and clause_tense(tok) == "present"


def _weekday(f: Found, text: str) -> bool:
    return f.type != "SET" and f.notes.get("pattern") in ("weekday", "weekday_s") and bool(_WEEKDAY.search(text, f.start, f.end))


def _recur(day: Found, text: str, told_part: str) -> None:
    name = _WEEKDAY.search(text, day.start, day.end)
    if name is None:
        return
    own = _PART_OF_DAY.search(day.dv.value) if day.dv is not None else None
    day.type, day.dv = "SET", DateValue(any_weekday(name.group(0), own.group(0) if own else told_part), "set")


_DURATION_PARTS = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?")
_AND_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")


def _sum_of_lengths(a: str, b: str) -> str | None:
    """'PT2H' and 'PT14M' as one length, 'PT2H14M', when every unit of ``b`` is smaller
    than every unit of ``a``; else None."""
    pa, pb = _DURATION_PARTS.fullmatch(a), _DURATION_PARTS.fullmatch(b)
    if not pa or not pb:
        return None
    ia = [i for i, v in enumerate(pa.groups()) if v]
    ib = [i for i, v in enumerate(pb.groups()) if v]
    if not ia or not ib or max(ia) >= min(ib):
        return None
    parts = [x or y for x, y in zip(pa.groups(), pb.groups())]
    date = "".join(f"{v}{u}" for v, u in zip(parts[:4], "YMWD") if v)
    time = "".join(f"{v}{u}" for v, u in zip(parts[4:], "HMS") if v)
    return f"P{date}" + (f"T{time}" if time else "")


# a length left open after it: "a year or more", "the next two years or so", "a day or two"
_OR_MORE = re.compile(r" or (?:more|longer|so)\b")
_OR_A_FEW = re.compile(r" or (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b"
                       r"(?!\s+(?:more\s+)?(?:minute|hour|day|night|week|month|year|decade|centur)|[-.,]?\d)", re.I)


def _left_open(f: Found, text: str) -> Found:
    """A length with what leaves it open ("a year or more", "a day or two": a day or some)."""
    if f.type != "DURATION" or f.dv is None:
        return f
    if m := _OR_MORE.match(text, f.end):
        return Found(f.start, m.end(), f.type, f.dv, rank=f.rank, notes=dict(f.notes))
    if (m := _OR_A_FEW.match(text, f.end)) and (vague := re.sub(r"^(PT?)\d+(?=[A-Z]+$)", r"\1X", f.dv.value)) != f.dv.value:
        return Found(f.start, m.end(), f.type, DateValue(vague, "duration"), rank=f.rank, notes=dict(f.notes))
    return f


# "over the next five years, a day after the president spoke": a second length after a
# comma is counted from an event, not part of the first ("17 hours and 42 minutes after" is one)
_COUNTED_FROM = re.compile(r"\s+(?:after|before)\b", re.I)


def join_lengths(found: list[Found], text: str) -> list[Found]:
    """"two hours and 14 minutes", "six years, three months": one length; "a year or more",
    "a day or two": one length left open."""
    out: list[Found] = []
    for f in map(lambda g: _left_open(g, text), found):
        prev = out[-1] if out else None
        if prev is not None and prev.type == f.type == "DURATION" and prev.dv is not None and f.dv is not None \
                and (gap := _AND_GAP.fullmatch(text, prev.end, f.start)) \
                and not ("and" not in gap[0] and _COUNTED_FROM.match(text, f.end)) \
                and (value := _sum_of_lengths(prev.dv.value, f.dv.value)):
            out[-1] = Found(prev.start, f.end, "DURATION", DateValue(value, "duration"), rank=prev.rank, notes=dict(prev.notes))
            continue
        out.append(f)
    return out


_NOT_A_FRAME = re.compile(r"\b(?:since|from|after|before|until|by|than)\s+$", re.I)


def _clause_verb(ctx: Any, f: Found) -> Any | None:
    """The verb a date is an adverbial of ("arrested in June 2014"), or None when it hangs on
    a noun ("its launch in 2003") or no verb."""
    span = ctx.doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    tok = span.root
    if tok.dep_ == "pobj":
        tok = tok.head
    head = tok.head
    return head if tok.dep_ in ("prep", "npadvmod") and head.pos_ in ("VERB", "AUX") else None


_THE = re.compile(r"the\b", re.I)


_WHEN_AFTER = re.compile(r"\s*,\s*when\b[^,;:.]*")


def months_of_a_told_year(found: list[Found], ctx: Any, sent_of: Any) -> None:
    """"was arrested in June 2014 and pleaded guilty in July", "in 2014, he was arrested in
    June", "two years ago it was late, and vendors went unpaid until the middle of July": a
    month named without a year, after a date of the same clause that names or tells one, is
    of that year (when it does not come before that date's month)."""
    text = ctx.text
    for i, f in enumerate(found):
        if f.notes.get("pattern") != "month" or f.dv is None or not re.fullmatch(r"\d{4}-\d\d", f.dv.value):
            continue
        for g in reversed(found[:i]):
            if sent_of(g.start) != sent_of(f.start):
                break
            if g.dv is None or g.dv.precision not in ("year", "month", "day") or not re.match(r"\d{4}", g.dv.value) \
                    or not (re.search(r"\b\d{4}\b", text[g.start:g.end])
                            or g.dv.precision == "year" and not _THE.match(text, g.start)):
                continue  # a year written, or one told ("two years ago, … until the middle of July"; not "the year")
            if g.dv.precision == "year" and re.fullmatch(r"\d{4}", text[g.start:g.end]) and _WHEN_AFTER.fullmatch(text, g.end, f.start):
                # "the worst since 1974, when an April outbreak killed 70 people": the clause
                # tells of that year
                f.dv = month_value(int(g.dv.value[:4]), int(f.dv.value[5:7]))
                break
            if _NOT_A_FRAME.search(text, max(0, g.start - 8), g.start):
                break  # "since 2008, … in March": a starting point is no frame for the month
            v, w = _clause_verb(ctx, g), _clause_verb(ctx, f)
            if v is None or w is None or not (v.i == w.i or w.dep_ == "conj" and w.head.i == v.i):
                break  # only within one clause, or the next verb of a row ("arrested …, and pleaded …")
            year, month = int(g.dv.value[:4]), int(f.dv.value[5:7])
            if g.dv.precision == "year" or month >= int(g.dv.value[5:7]):
                f.dv = month_value(year, month)
            break


_RANGE_GAP = re.compile(r"\s*(?:and|or|to|through|until|-|–)\s*", re.I)
_SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_SEASONS_JOINED = re.compile(r"\s*(?:and|or)\s*")


def paired_seasons(found: list[Found], text: str) -> None:
    """"in the autumn and winter", "the spring and summer": the second season of a pair is
    the first of its name from the first one on (said in May, "sales rose in the spring and
    summer" are this year's spring and summer, "could return in the autumn and winter" this
    year's autumn and the winter that follows it)."""
    for a, b in zip(found, found[1:]):
        if a.dv is None or b.dv is None or not _SEASONS_JOINED.fullmatch(text, a.end, b.start):
            continue
        first, second = _SEASON_VALUE.fullmatch(a.dv.value), _SEASON_VALUE.fullmatch(b.dv.value)
        if first and second:
            year = int(first[1]) + (SEASON_ORDER.index(second[2]) < SEASON_ORDER.index(first[2]))
            b.dv = season_value(year, second[2])


# a fiscal year and the day it begins on: "the fiscal year that begins", "the budget year, which started"
_FISCAL_YEAR = re.compile(r"(?:the\s+)?(?:(?:new|next|coming|current|past|last|previous)\s+)?(?:fiscal|financial|budget)\s+year", re.I)
_FISCAL_START = re.compile(r"\s*,?\s*(?:(?:that|which)\s+)?(?:begins|began|starts|started|beginning|starting|commences|commenced)"
                           r"\s+(?:on\s+|in\s+)?", re.I)


def fiscal_years_by_their_start(found: list[Found], text: str) -> None:
    """"the fiscal year that begins July 1", "the budget year starting Oct. 1": a fiscal year
    told with the day it begins is the calendar year holding most of its months, or the one
    it begins in when they are split evenly (one that begins on Oct. 1, 1989 is 1990; one
    that begins on July 1, 1995 is 1995). A fiscal year told by its end ("the fiscal year
    ended Jan. 31") is left a length, as TimeBank marks it."""
    for a, b in zip(found, found[1:]):
        if a.dv is None or b.dv is None or not b.dv.start or b.dv.precision not in ("day", "month") \
                or not _FISCAL_YEAR.fullmatch(text, a.start, a.end) or not _FISCAL_START.fullmatch(text, a.end, b.start):
            continue
        told = dt.date.fromisoformat(b.dv.start)
        a.type, a.dv = "DATE", year_value(told.year + (1 if told.month > 7 else 0))


# between a day and "a Sunday" that names its weekday: "on July 9, 1989, a Sunday", "when
# Christmas falls on a Sunday"
_WEEKDAY_OF_GAP = re.compile(r"\s*,\s*|\s+(?:(?:this|that|next|last)\s+year\s+)?(?:falls?|fell|will\s+fall|is|was)\s+on\s+", re.I)


def weekdays_of_dates(found: list[Found], text: str) -> None:
    """'a Sunday' right after a day it names the weekday of ("on July 9, 1989, a Sunday",
    "because Christmas falls on a Sunday"): that day, when the weekday fits."""
    for a, b in zip(found, found[1:]):
        if a.dv is None or b.dv is None or a.dv.precision != "day" or a.dv.start is None \
                or not text[b.start:b.end].lower().startswith(("a ", "an ")):
            continue
        weekday = _DAY_SET.match(b.dv.value)
        if weekday and not weekday["part"] and _WEEKDAY_OF_GAP.fullmatch(text, a.end, b.start) \
                and dt.date.fromisoformat(a.dv.start).isoweekday() == int(weekday["d"]):
            b.dv = a.dv


def _years_on(d: dt.date, n: int) -> dt.date | None:
    return _safe_day(d.year + n, d.month, d.day)  # None for a February 29 moved to a common year


def order_ranges(found: list[Found], ctx: Any) -> None:
    """"between March and May": two months named without a year, in order; read in a past
    clause, the range ends before the writing. So two days named without a year ("between
    December 2 and December 5", "from Dec. 30 to Jan. 3") are in order and less than a year
    apart."""
    text = ctx.text
    for a, b in zip(found, found[1:]):
        if _year_of_the_end(a, b, text):
            continue
        if _overnight_hours(a, b, text):
            # "a curfew from 11 p.m. to 5 a.m., beginning tonight": the hours run past midnight,
            # so the end is of the next day
            d = dt.date.fromisoformat(b.dv.value[:10]) + dt.timedelta(days=1)  # type: ignore[union-attr]
            b.dv = time_value(d, b.dv.value[11:])  # type: ignore[union-attr]
            continue
        if a.dv is not None and b.dv is not None and a.dv.precision == b.dv.precision == "day" \
                and _RANGE_GAP.fullmatch(text, a.end, b.start) \
                and not re.search(r"\d{4}", text[a.start:a.end] + text[b.start:b.end]) \
                and all(re.search(r"[A-Za-z]", text[f.start:f.end]) and re.search(r"\d", text[f.start:f.end]) for f in (a, b)):
            # "between December 2 and December 5", "from Dec. 30 to Jan. 3": two days named
            # without a year, in order and less than a year apart
            da, db = (dt.date.fromisoformat(f.dv.value) for f in (a, b))  # type: ignore[union-attr]
            if db < da and (later := _years_on(db, 1)) is not None and later >= da:
                b.dv = day_value(later)
            elif (db - da).days > 366:  # a year too far apart: the past end comes back, else the start moves on
                past = "past" in (ctx.tense(a.start, a.end), ctx.tense(b.start, b.end))
                if past and (earlier := _years_on(db, -1)) is not None:
                    b.dv = day_value(earlier)
                elif not past and (later := _years_on(da, 1)) is not None:
                    a.dv = day_value(later)
            continue
        if a.dv is None or b.dv is None or a.dv.precision != "month" or b.dv.precision != "month" \
                or not _RANGE_GAP.fullmatch(text, a.end, b.start) \
                or re.search(r"\d", text[a.start:a.end] + text[b.start:b.end]) or a.dv.value <= b.dv.value:
            continue
        (ya, ma), (yb, mb) = (map(int, f.dv.value.split("-")) for f in (a, b))  # type: ignore[union-attr]
        past = ctx.tense(b.start, b.end) == "past"
        if ma <= mb and not past and ctx.anchor is not None and ya > yb \
                and abs(dt.date(ya, mb, 1) - ctx.anchor) < abs(dt.date(yb, ma, 1) - ctx.anchor):
            # "a normal harvest in October and November", said in May: placed apart by a
            # hair, the two months go to the year that keeps the range nearer the writing
            b.dv = month_value(ya, mb)
        elif past or ma <= mb:
            a.dv = month_value(yb if ma <= mb else yb - 1, ma)
        else:
            b.dv = month_value(ya + 1, mb)


_CLOCK_OF = re.compile(r"\d{4}-\d\d-\d\dT(\d\d):\d\d$")


def _overnight_hours(a: Found, b: Found, text: str) -> bool:
    """True for two clock times of one day given as a range of hours from an evening to an
    earlier hour ("from 11 p.m. to 5 a.m.", "between 10pm and 6am")."""
    if a.dv is None or b.dv is None or not hours_range(a, b, text):
        return False
    ca, cb = _CLOCK_OF.match(a.dv.value), _CLOCK_OF.match(b.dv.value)
    return ca is not None and cb is not None and a.dv.value[:10] == b.dv.value[:10] \
        and 18 <= int(ca[1]) < 24 and int(cb[1]) < 12


def _year_of_the_end(a: Found, b: Found, text: str) -> bool:
    """"between April and July 1994", "from March 3 to June 1, 1990": the start of a range
    named without a year is of the year its end names (or the year before, when its month
    comes later in the calendar: "December and January 1990"). True when it moved ``a``."""
    start = _MONTH_OR_DAY.fullmatch(a.dv.value) if a.dv is not None else None
    end = _MONTH_OR_DAY.fullmatch(b.dv.value) if b.dv is not None else None
    if start is None or end is None or not _RANGE_GAP.fullmatch(text, a.end, b.start) \
            or re.search(r"\d{4}|['’]\d\d", text[a.start:a.end]) or not re.search(r"\d{4}", text[b.start:b.end]):
        return False
    ma, da = int(start["m"]), int(start["d"] or 0)
    y = int(end["y"]) - ((ma, da) > (int(end["m"]), int(end["d"] or 0)))
    if not start["d"]:
        a.dv = month_value(y, ma)
    elif (d := _safe_day(y, ma, da)) is not None:
        a.dv = day_value(d)
    return True


_MONTH_OR_DAY = re.compile(r"(?P<y>\d{4})-(?P<m>\d\d)(?:-(?P<d>\d\d))?")


# what lies between the weekdays of a range: "until", "to 6am on", "and"
_WEEKDAY_RANGE_GAP = re.compile(r"\s*(?:-|–|to|through|until|till|and)\s+(?:[\w.:]+\s+){0,3}?(?:on\s+)?", re.I)
_WEEKDAY_RANGE_OPENING = re.compile(r"\b(?:from|between)\s+(?:[\w.:]+\s+){0,3}?(?:on\s+)?$", re.I)


_AND = re.compile(r"\s+(?:and|or)\s+")
_LISTED_AFTER = re.compile(r"(?=[^.;]*(?:,|\band\b))[^.;]{1,80}")


def _verb_between(ctx: Any, start: int, end: int) -> bool:
    """True when a verb stands between two points: a new clause, not a list of things each
    on its day ("will start next Monday … and will review it on Thursday")."""
    doc = getattr(ctx, "doc", None)
    return doc is None or any(t.pos_ in ("VERB", "AUX") for t in doc.char_span(start, end, alignment_mode="expand") or [])


def order_weekday_ranges(found: list[Found], ctx: Any) -> None:
    """"from 6pm on Thursday until 6am on Tuesday", "between Thursday and Monday": the second
    weekday of a range comes after the first (told as past, the first goes back a week); of
    two days named together, the second one the day after the first is that day, and one
    named after a day still to come comes after it."""
    text = ctx.text
    days = [f for f in found if _weekday_alone(f, text)]
    led: set[int] = set()
    for a, b in zip(days, days[1:]):
        if not (a.dv.start and b.dv.start):  # type: ignore[union-attr]
            continue  # "on a Monday or a Tuesday": no day in particular
        da, db = (dt.date.fromisoformat(f.dv.start) for f in (a, b))  # type: ignore[union-attr,arg-type]
        if text[b.start:b.end].lower().startswith("next"):
            continue
        if text[a.start:a.end].lower().startswith("next") or id(a) in led:
            if db < da and _LISTED_AFTER.fullmatch(text, a.end, b.start) and not _verb_between(ctx, a.end, b.start):
                # "notes to be auctioned next Tuesday, bonds on Wednesday and bills on
                # Thursday": days listed after one of next week follow it
                b.dv = _on_day(b, da + dt.timedelta(days=(db.weekday() - da.weekday()) % 7))
                led.add(id(b))
            continue
        if _AND.fullmatch(text, a.end, b.start) and (db.weekday() - da.weekday()) % 7 == 1:
            b.dv = _on_day(b, da + dt.timedelta(days=1))  # "cancelled for Saturday and Sunday": the day after
            continue
        if _AND.fullmatch(text, a.end, b.start) and db < da and ctx.anchor is not None and da > ctx.anchor:
            # "to cancel operations on Friday and Monday", said on a Wednesday: a day named
            # after one still to come is the first such day after it
            b.dv = _on_day(b, da + dt.timedelta(days=(db.weekday() - da.weekday()) % 7))
            continue
        if not _WEEKDAY_RANGE_GAP.fullmatch(text, a.end, b.start) \
                or not _WEEKDAY_RANGE_OPENING.search(text, max(0, a.start - 40), a.start):
            continue
        if db > da:
            continue
        # ("from Tuesday morning through Friday night": a part of the day stays with its day)
        if ctx.tense(b.start, b.end) == "past":
            a.dv = _on_day(a, da - dt.timedelta(days=7 * ((da - db).days // 7 + 1)))
        else:
            b.dv = _on_day(b, db + dt.timedelta(days=7 * ((da - db).days // 7 + 1)))


_WEEKDAY_ALONE = re.compile(rf"(?:next\s+)?{DOW}(?P<pod>\s+(?:morning|afternoon|evening|night))?")


def _weekday_alone(f: Found, text: str) -> bool:
    """True for a weekday, or a weekday's part of the day, found as one ("Friday", "next
    Tuesday", "Friday night"), valued as that day or that part of it."""
    m = _WEEKDAY_ALONE.fullmatch(text, f.start, f.end)
    return f.notes.get("pattern") == "weekday" and f.dv is not None and m is not None \
        and f.dv.precision == ("time" if m["pod"] else "day")


def _on_day(f: Found, d: dt.date) -> DateValue:
    """``f``'s value moved to day ``d``, keeping its part of the day ("Friday night")."""
    return time_value(d, f.dv.value[11:]) if f.dv is not None and f.dv.precision == "time" else day_value(d)

"""Patterns for time expressions and the rules that give each its TimeML value.

Every pattern is a regular expression over the text plus a handler that checks the
context (so "May" the surname or "2000 people" are not dates) and normalises the match
against the anchor day and the tense of its clause. Month and weekday names must be
capitalised; everything else matches in any case.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Protocol

from kb.extract.timex import resolve
from kb.extract.timex.calendar import (
    MONTHS, NUMBER_WORDS, ORDINALS, PARTS_OF_DAY, SEASONS, WEEKDAYS, century_value, day_value,
    decade_value, half_value, month_value, number, quarter_value, ref_value, season_value,
    time_value, week_value, weekend_value, year_value,
)
from kb.model import DateValue


class Context(Protocol):
    """What handlers may ask about the text around a match."""

    text: str
    anchor: dt.date | None

    def tense(self, start: int, end: int) -> str | None: ...

    def token(self, pos: int) -> Any | None: ...


@dataclass
class Found:
    start: int
    end: int
    type: str
    dv: DateValue | None
    clock: str | None = None  # "15:00", "EV": a time of a day still to be fixed
    rank: int = 0
    notes: dict[str, str] = field(default_factory=dict)


# --- building blocks -------------------------------------------------------------------
_MON_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
MONFULL = rf"(?-i:{_MON_FULL}|{_MON_FULL.upper()})"
MON = rf"(?-i:(?:{_MON_FULL}|{_MON_FULL.upper()})\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|\b(?=\s*\d)))"
_DOW_FULL = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DOW = rf"(?-i:{_DOW_FULL}|{_DOW_FULL.upper()})"
DOWA = rf"(?-i:(?:{_DOW_FULL})\b|(?:Mon|Tues?|Wed|Thur?s?|Fri|Sat|Sun)\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[5-9]\d\d|20\d\d)\b"
COMMA = r"(?:\s*,\s*|\s+)"
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?|(?:a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:hundred|thousand)\b|(?:{NUMBER_WORDS})\b)"
VAGUE_COUNTS = (r"a\s+few", r"a\s+couple\s+of", r"couple\s+of", "several", "few", "many", "some", r"dozens\s+of",
                r"hundreds\s+of", r"thousands\s+of")
VAGUE = f"(?:{'|'.join(VAGUE_COUNTS)})"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie)|millenni(?:um|a))"
PART = r"(?:early|mid|late)"
EDGE = r"(?:(?:the\s+)?(?:end|start|beginning|middle|turn|close)\s+of\s+(?:the\s+)?)"
MODP = rf"(?:{EDGE}|(?:early|mid|late|earlier|later)(?:\s+in)?[\s-]+|mid-)"
QUAL = r"(?:about|around|nearly|almost|some|more\s+than|less\s+than|fewer\s+than|at\s+least|up\s+to|roughly|approximately|close\s+to|well\s+over|just\s+over|just\s+under)"

UNIT_CODE = {
    "second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"), "week": ("", "W"),
    "fortnight": ("", "2W"), "month": ("", "M"), "quarter": ("", "Q"), "year": ("", "Y"), "decade": ("", "DE"),
    "century": ("", "CE"), "centurie": ("", "CE"), "millennium": ("", "ML"), "millennia": ("", "ML"),
}
MONTH_PREPS = {"in", "since", "by", "until", "till", "during", "before", "after", "throughout", "from",
               "around", "through", "early", "late", "mid", "to", "between", "and", "or", "of", "last",
               "next", "this", "for", "beginning", "end", "start", "middle", "least", "than", "as"}
WEAK_PREPS = {"to", "and", "or", "between", "of", "for"}
DOW_BLOCK_BEFORE = {"bloody", "black", "good", "super", "ash", "holy", "palm", "easter", "cyber", "maundy", "shrove"}
DOW_BLOCK_AFTER = {"times", "telegraph", "mirror", "express", "herald", "post", "mail", "star", "tribune",
                   "independent", "observer", "journal", "sport", "magazine", "edition", "show", "club", "people",
                   "night", "massacre", "league"}


# Words between a duration's count and its unit ("three more years", "two full days").
_COUNT_WORDS = ("more", "full", "long", "straight", "consecutive", "additional", "further", "whole", "single",
                "trading", "business", "working", "fiscal", "calendar", "school")
_COUNT_WORDS_RX = "|".join(word + r"\s+" for word in _COUNT_WORDS)


def _part_of(mod: str | None) -> str | None:
    """'early', 'mid', 'late' (or None) from a modifier like 'the end of'."""
    if not mod:
        return None
    m = mod.lower()
    if any(w in m for w in ("early", "start", "beginning", "earlier")):
        return "early"
    if any(w in m for w in ("mid", "middle")):
        return "mid"
    if any(w in m for w in ("late", "end", "close", "turn", "later")):
        return "late"
    return None


def _narrow(dv: DateValue, part: str | None) -> DateValue:
    """Narrow start/end of a year or month to its early/mid/late third."""
    if not part or dv.start is None or dv.end is None or dv.precision not in ("year", "month"):
        return dv
    a, b = dt.date.fromisoformat(dv.start), dt.date.fromisoformat(dv.end)
    span = (b - a).days + 1
    lo, hi = {"early": (0, span // 3), "mid": (span // 3, 2 * span // 3), "late": (2 * span // 3, span)}[part]
    return DateValue(dv.value, dv.precision, (a + dt.timedelta(days=lo)).isoformat(), (a + dt.timedelta(days=hi - 1)).isoformat())


def _month_no(text: str) -> int:
    t = text.lower().rstrip(".")
    return MONTHS[t] if t in MONTHS else MONTHS[t[:3]]


def _dow_no(text: str) -> int:
    t = text.lower().rstrip(".")
    return WEEKDAYS.get(t, WEEKDAYS.get(t[:3], 0))


def _day_no(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _prev_words(ctx: Context, pos: int, n: int = 2) -> list[str]:
    words = re.findall(r"[A-Za-z']+|\d+|[^\sA-Za-z\d]", ctx.text[max(0, pos - 60):pos])
    return [w.lower() for w in words[-n:]]


def _prev_raw(ctx: Context, pos: int) -> str:
    words = re.findall(r"[A-Za-z']+|\d+|[^\sA-Za-z\d]", ctx.text[max(0, pos - 40):pos])
    return words[-1] if words else ""


def _next_raw(ctx: Context, pos: int) -> str:
    m = re.match(r"\s*([A-Za-z']+|\d+|[^\sA-Za-z\d])", ctx.text[pos:pos + 40])
    return m.group(1) if m else ""


def _anchor(ctx: Context) -> dt.date | None:
    return ctx.anchor


def _safe_day(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --- handlers ----------------------------------------------------------------------------
Handler = Callable[[re.Match[str], Context], "Found | None"]


def _f(m: re.Match[str], typ: str, dv: DateValue | None, group: str | int = 0) -> Found:
    return Found(m.start(group), m.end(group), typ, dv)


def h_iso(m: re.Match[str], ctx: Context) -> Found | None:
    d = _safe_day(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        return _f(m, "TIME", time_value(d, f"{m['hh']}:{m['mm']}"))
    return _f(m, "DATE", day_value(d))


def h_full(m: re.Match[str], ctx: Context) -> Found | None:
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


def h_month_day(m: re.Match[str], ctx: Context) -> Found | None:
    month, day = _month_no(m["mon"]), _day_no(m["d"])
    if m["mon"] in ("May", "March") and not m["dow"] and _prev_raw(ctx, m.start())[:1].isupper() and _prev_raw(ctx, m.start()) not in ("On", "In", "By", "Since", "Until", "From", "The"):
        return None
    if _safe_day(2000, month, day) is None:
        return None
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    dow = _dow_no(m["dow"]) if m["dow"] else None
    d = resolve.month_day(month, day, anchor, ctx.tense(m.start(), m.end()), dow)
    return _f(m, "DATE", day_value(d)) if d else None


def h_week_of(m: re.Match[str], ctx: Context) -> Found | None:
    """'the week of March 6': the week that day falls in."""
    month, day = _month_no(m["mon"]), _day_no(m["d"])
    if m["y"]:
        d = _safe_day(int(m["y"]), month, day)
    else:
        anchor = _anchor(ctx)
        if anchor is None or _safe_day(2000, month, day) is None:
            return _f(m, "DATE", None)
        d = resolve.month_day(month, day, anchor, ctx.tense(m.start(), m.end()))
    return _f(m, "DATE", week_value(d) if d else None)


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


# Month names that are also a modal, a verb, an adjective or a given name.
AMBIGUOUS_MONTHS = {"may", "march", "april", "june", "august"}


def _plain_month(m: re.Match[str], ctx: Context) -> bool:
    """A month named without a preposition ("the October slaying", "figures for January" after
    no other date) is one when its name is no other word and no name runs on around it."""
    nxt, prv = _next_raw(ctx, m.end()), _prev_raw(ctx, m.start())
    if m["mon"].lower() in AMBIGUOUS_MONTHS:
        # "the March accession", "a June agreement": after a determiner, modifying a noun
        # (not May, as often a name: "the May government")
        if m["mon"].lower() == "may" or prv.lower() not in ("the", "a", "an", "its", "their", "his", "her", "that"):
            return False
        tok = ctx.token(m.start("mon"))
        return tok is not None and nxt[:1].islower() and tok.dep_ in ("compound", "nmod", "amod") \
            and tok.head.i > tok.i and tok.head.pos_ == "NOUN"
    if nxt[:1].isupper() or nxt[:1].isdigit():
        return False
    return not (prv[:1].isupper() and prv.lower() not in MONTH_PREPS and prv not in ("The", "A", "An", "In", "By"))


def h_month_this_year(m: re.Match[str], ctx: Context) -> Found | None:
    """'October this year', 'April next year': the month in the year named."""
    yr = _relative_year(m["rel"], _anchor(ctx))
    if yr is None:
        return _f(m, "DATE", None)
    return _f(m, "DATE", _narrow(month_value(yr, _month_no(m["mon"])), _part_of(m["mod"])))


def h_month(m: re.Match[str], ctx: Context) -> Found | None:
    prev = _prev_words(ctx, m.start(), 1)
    if not m["mod"]:
        after_prep = bool(prev) and prev[0] in MONTH_PREPS and not (
            prev[0] in WEAK_PREPS and not re.search(MONFULL + r"|\d{4}", ctx.text[max(0, m.start() - 40):m.start()]))
        if not after_prep and not _plain_month(m, ctx):
            return None
        nxt = _next_raw(ctx, m.end())
        if m["mon"] in ("May", "March") and (nxt[:1].isupper() and nxt not in ("I",) or nxt.lower() in ("have", "be", "not", "also", "said", "says")):
            return None
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    y, mo = resolve.month_only(_month_no(m["mon"]), anchor, ctx.tense(m.start(), m.end()))
    return _f(m, "DATE", _narrow(month_value(y, mo), _part_of(m["mod"])))


def _is_number_not_year(m: re.Match[str], ctx: Context, start: int, end: int) -> bool:
    before = ctx.text[max(0, start - 2):start]
    if before[-1:] in "'\"‘“" and ctx.text[end:end + 1] in ("'", '"', "’", "”") and before[-1:]:
        return True  # a title such as '1984'
    if re.search(r"[$£€#¥]\s*$|\d[.,]?$", before):
        return True
    after = ctx.text[end:end + 30]
    if re.match(r"[.,]\d|\s*-\s*\d{1,2}\b(?!\s*\w)", after) and not re.match(r"-\d{2}\b", after):
        return True
    tok = ctx.token(start)
    if tok is not None:
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        prv = tok.nbor(-1) if tok.i > 0 else None
        if nxt is not None and nxt.tag_ == "NNS" and (prv is None or prv.tag_ not in ("DT", "IN", "POS", "PRP$", "NNP", "CC", "TO")):
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


_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
# A year said in words, as broadcasts write it: "nineteen ninety-six", "nineteen oh five".
SPOKEN_YEAR = (rf"(?P<cent>nineteen|twenty)[\s-]+(?P<rest>(?:{_TENS_WORDS})(?:[\s-](?:{_UNITS_WORDS}))?"
               rf"|{_TEENS}|hundred|oh[\s-](?:{_UNITS_WORDS}))")


def h_spoken_year(m: re.Match[str], ctx: Context) -> Found | None:
    if re.match(r"\s+[a-z]+s\b", ctx.text[m.end():m.end() + 20]):  # "nineteen twenty people"
        return None
    rest = re.sub(r"[\s-]+", " ", m["rest"].lower())
    tail = 0 if rest == "hundred" else number(rest.replace("oh ", "")) or 0
    year = (19 if m["cent"].lower() == "nineteen" else 20) * 100 + int(tail)
    if m["mon"]:
        return _f(m, "DATE", month_value(year, _month_no(m["mon"])))
    return _f(m, "DATE", year_value(year))


def h_fiscal(m: re.Match[str], ctx: Context) -> Found | None:
    y = m["y"] or m["y2"]
    return _f(m, "DATE", year_value(int(y) if len(y) == 4 else 2000 + int(y)))


def h_decade(m: re.Match[str], ctx: Context) -> Found | None:
    if m["dec"]:
        start = int(m["dec"])
        if start % 100 == 0 and not m["part"]:
            return _f(m, "DATE", century_value(start // 100))
    elif m["short"]:
        start = 1900 + int(m["short"])
    else:
        words = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}
        start = 1900 + words[m["word"].lower()]
    return _f(m, "DATE", decade_value(start, m["part"].lower() if m["part"] else None))


def h_century(m: re.Match[str], ctx: Context) -> Found | None:
    raw = m["n"].lower()
    n = ORDINALS.get(raw) or (int(re.sub(r"\D", "", raw)) if re.sub(r"\D", "", raw) else None)
    if not n or n < 1:
        return None
    return _f(m, "DATE", century_value(n - 1, m["part"].lower() if m["part"] else None))


def _relative_year(rel: str | None, anchor: dt.date | None) -> int | None:
    if anchor is None:
        return None
    return anchor.year + {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1}.get((rel or "this").lower(), 0)


def h_quarter(m: re.Match[str], ctx: Context) -> Found | None:
    q = m["q"] and int(m["q"]) or ORDINALS.get((m["ord"] or "").lower(), 0)
    rel = m["rel"] or m["rel0"]
    if q == -1:
        q = 4
    if not 1 <= q <= 4:
        return None
    y = m["y"] or m["y0"]
    if y:
        return _f(m, "DATE", quarter_value(int(y), q))
    anchor = _anchor(ctx)
    if rel:
        yr = _relative_year(rel, anchor)
        return _f(m, "DATE", quarter_value(yr, q) if yr else None)
    if anchor is None:
        return _f(m, "DATE", None)
    return _f(m, "DATE", quarter_value(resolve.quarter_year(q, anchor, ctx.tense(m.start(), m.end())), q))


_MONEY_WORDS = re.compile(r"\b(?:profit|profits|revenue|revenues|sales|earnings|loss|losses|growth|economy|gdp|"
                          r"output|income|turnover|margin|shares|quarter|year|inflation|exports|imports|deficit)\b", re.I)


def h_half(m: re.Match[str], ctx: Context) -> Found | None:
    h = int(m["h"]) if m["h"] else (1 if (m["ord"] or "").lower() in ("first", "1st") else 2)
    y = m["y"] or m["y0"]
    if y:
        return _f(m, "DATE", half_value(int(y), h))
    if not m["rel"] and not m["hq"]:
        sent = ctx.text[max(0, m.start() - 150):m.end() + 150]
        if not _MONEY_WORDS.search(sent):
            return None
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    if m["rel"]:
        yr = _relative_year(m["rel"], anchor)
        return _f(m, "DATE", half_value(yr, h) if yr else None)
    return _f(m, "DATE", half_value(resolve.quarter_year(1 if h == 1 else 3, anchor, ctx.tense(m.start(), m.end())), h))


def h_season(m: re.Match[str], ctx: Context) -> Found | None:
    code = SEASONS[m["s"].lower()]
    rel = (m["rel"] or "").lower() or None
    if m["y"]:
        return _f(m, "DATE", season_value(int(m["y"]), code))
    nxt = _next_raw(ctx, m.end()).lower()
    if rel in (None, "the"):
        prev = _prev_words(ctx, m.start("rel") if m["rel"] else m.start("s"), 1)
        if not m["mod"] and (not prev or prev[0] not in ("in", "during", "by", "until", "till", "since", "over", "through", "throughout", "before", "after", "for", "into", "from", "this", "last", "next")):
            return None
        if nxt == "of" or m["s"].lower() == "fall" and rel is None and not m["mod"]:
            return None
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    y = resolve.season(code, anchor, ctx.tense(m.start(), m.end()), None if rel == "the" else rel)
    return _f(m, "DATE", season_value(y, code))


def _unit_name(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u.rstrip("s") if u.endswith("s") and u != "s" else u


def h_rel_unit(m: re.Match[str], ctx: Context) -> Found | None:
    """last/this/next week, month, year, weekend, decade, quarter (and 'the past year')."""
    rel = m["rel"].lower()
    unit = _unit_name(m["u"])
    anchor = _anchor(ctx)
    if m["the"] and rel in ("past", "last") and not m["mod"]:
        return _f(m, "DURATION", DateValue(duration_value(1.0, unit if unit in UNIT_CODE else "year"), "duration"))
    if m["the"] and rel in ("next", "coming") and unit in ("week", "month", "year", "decade") and not m["mod"]:
        return _f(m, "DURATION", DateValue(duration_value(1.0, unit), "duration"))
    if rel == "following" or (rel == "previous" and not m["the"]):
        return _f(m, "DATE", None)
    if anchor is None:
        return _f(m, "DATE", None)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
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
        k = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return _f(m, "DATE", quarter_value(k // 4, k % 4 + 1))
    return None


# ISO 8601 has no decades or centuries: a counted one is written in years ("two decades" is
# P20Y, as TimeML values are); an uncounted number of them keeps its unit ("decades", PXDE).
_YEARS_IN = {"decade": 10, "century": 100, "centurie": 100, "millennium": 1000, "millennia": 1000}


def duration_value(n: float | None, unit: str) -> str:
    pre, code = UNIT_CODE.get(unit, ("", "Y"))
    if n is None:
        return f"P{pre}X{code}"
    if unit in _YEARS_IN:
        return f"P{n * _YEARS_IN[unit]:g}Y"
    if n != int(n):  # "2 1/2 years" is P2Y6M, "half an hour" PT30M
        smaller = {"hour": ("T", "H", 60, "M"), "year": ("", "Y", 12, "M"), "day": ("", "D", 24, "H"),
                   "minute": ("T", "M", 60, "S")}.get(unit)
        if smaller is None:
            return f"P{pre}{n:g}{code}"
        t, big, k, small = smaller
        whole, part = int(n), round((n - int(n)) * k)
        if unit == "day":
            return f"P{whole}DT{part}H" if whole else f"PT{part}H"
        return f"P{t}{whole}{big}{part}{small}" if whole else f"P{t}{part}{small}"
    if code == "2W":
        return f"P{int(n) * 2}W"
    return f"P{pre}{int(n)}{code}"


def _count(text: str | None) -> float | None:
    if not text:
        return None
    t = re.sub(r"\s+", " ", text.lower())
    if t in ("a couple of", "couple of"):
        return 2
    if t in ("one and a half", "a year and a half"):
        return 1.5
    if re.fullmatch(VAGUE, t):
        return None
    return number(t)


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
    direction = m["dir"].lower()
    n = _count(m["n"])
    vague = m["n"] is None or re.fullmatch(VAGUE, m["n"].lower()) is not None
    if direction in ("before", "after", "prior") and re.match(r"\s*(?:to\s+)?[\w“\"]", ctx.text[m.end():m.end() + 8]):
        end = m.start("dir")
        while end > m.start() and ctx.text[end - 1].isspace():
            end -= 1
        return Found(m.start(), end, "DURATION", DateValue(duration_value(n, unit), "duration"))
    relative = direction in ("later", "after", "earlier", "before", "prior")
    if m["n"] is None and direction in ("before", "after", "earlier", "later") and unit in ("day", "week", "month", "year") \
            and re.search(r"\bthe\s+$", ctx.text[max(0, m.start() - 5):m.start()]):
        found = _f(m, "DATE", None)  # "the day before", "the year after": counted from the date told before
        found.notes["shift"] = f"{unit}:{-1 if direction in ('before', 'earlier') else 1}"
        return found
    if direction in ("later", "after"):
        found = _f(m, "DATE", None)
        if n is not None and n == int(n) and not vague:
            found.notes["shift"] = f"{unit}:{int(n)}"
            _span_if_unplaced(found, m, ctx, duration_value(n, unit))
        return found
    anchor = _anchor(ctx)
    forward = "now" in direction or direction == "hence"
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
    found = _ago_value(m, unit, k, anchor)
    if found is not None and relative:
        found.notes["shift"] = f"{unit}:{k}"
    if found is not None and unit == "year" and k == -1:
        found.notes["period_back"] = "1"  # "up from $5m a year ago": the same quarter, if one is told
    return found


_COMPARISON = re.compile(r"\b(?:from|compared|comparable|than|versus|vs\.?|against)\b[^.;]*$", re.I)


def _compares(ctx: Context, pos: int) -> bool:
    """True when the clause before ``pos`` compares a figure with an earlier one ("up from $5
    million", "compared with a loss of"): 'a year ago' then names the same period a year back."""
    return _COMPARISON.search(ctx.text, max(0, pos - 100), pos) is not None


def _ago_value(m: re.Match[str], unit: str, k: int, anchor: dt.date) -> Found | None:
    if unit in ("year",):
        return _f(m, "DATE", year_value(anchor.year + k))
    if unit == "decade":
        return _f(m, "DATE", decade_value((anchor.year + 10 * k) // 10 * 10))
    if unit == "century":
        return _f(m, "DATE", century_value((anchor.year + 100 * k) // 100))
    if unit == "month":
        y, mo = resolve.shift_months(anchor, k)
        return _f(m, "DATE", month_value(y, mo))
    if unit == "week":
        return _f(m, "DATE", week_value(anchor + dt.timedelta(weeks=k)))
    if unit == "quarter":
        q = anchor.year * 4 + (anchor.month - 1) // 3 + k
        return _f(m, "DATE", quarter_value(q // 4, q % 4 + 1))
    if unit == "fortnight":
        return _f(m, "DATE", week_value(anchor + dt.timedelta(weeks=2 * k)))
    if unit == "day":
        return _f(m, "DATE", day_value(anchor + dt.timedelta(days=k)))
    if unit in ("hour", "minute", "second"):
        return _f(m, "TIME", None)
    return None


def h_duration(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_age(m):
        return None
    unit = _unit_name(m["u"])
    count = (m["n"] or "").lower()
    if unit == "quarter" and (count in ("a", "an", "one", "half a", "half an", "three", "3")
                              and re.match(r"\s+of\b", ctx.text[m.end():m.end() + 5])
                              or count in ("a", "an", "one", "half a", "half an")):
        return None  # "three quarters of the vote", "a quarter": a share, not a span of time
    n = _count(m["n"]) if m["n"] else None
    if n is not None and m["half"]:
        n += 0.5  # "a minute and a half"
    if count in ("a", "an") and re.search(r"\b(?:fiscal|calendar)\s", m[0], re.I):
        return None  # "changed from a fiscal year to a calendar year": a kind of year
    if unit == "quarter" and n == 2 and (m["rel"] or "").lower() in ("first", "last") \
            and re.match(r"\s+of\s", ctx.text[m.end():m.end() + 5]):
        return None  # "the first two quarters of 1990": a half of the year
    if m["n"] and m["n"].lower() == "one" and unit == "day" and not m["rel"]:
        prev = _prev_words(ctx, m.start(), 1)
        if not prev or prev[0] not in ("for", "in", "within", "after", "than", "of", "only", "just", "a", "the"):
            if prev and prev[0] in ("will", "would", "shall", "could", "might", "may", "can") \
                    or ctx.tense(m.start(), m.end()) == "future":  # "Islam will one day be …": some time ahead
                return _f(m, "DATE", ref_value("FUTURE_REF"))
            return None
    if unit == "second" and m["n"] and m["n"].lower() in ("a", "an", "one") and re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3]) \
            and not re.match(r"\s+(?:ago|later|earlier|or|and|of|before|after)\b", ctx.text[m.end():m.end() + 10]):
        return None
    if m["n"] and m["n"].lower() in ("a", "an") and not m["rel"] and not m["q"]:
        prev = _prev_raw(ctx, m.start()).lower()
        if re.search(r"(?:[\d%$£€]|million|billion|trillion|bn|times|twice|once|thrice|tonnes|barrels|dollars|euros|pounds)$", prev):
            return None
    if m["n"] and re.fullmatch(r"\d+(?:\.\d+)?", m["n"]) and not m["rel"] and not m["q"]:
        tok = ctx.token(m.start("n"))
        if tok is not None and tok.ent_type_ in ("MONEY", "PERCENT"):
            return None
    if m["rel"] and m["rel"].lower() in ("next", "coming") and n is None:
        return _f(m, "DURATION", DateValue(duration_value(None, unit), "duration"))
    return _f(m, "DURATION", DateValue(duration_value(n, unit), "duration"))


def _is_age(m: re.Match[str]) -> bool:
    """'a 22-year-old', 'aged 30 years old': an age is no time expression (TimeBank leaves them out)."""
    return m[0].lower().endswith("old")


def h_hyphen_duration(m: re.Match[str], ctx: Context) -> Found | None:
    if _is_age(m):
        return None
    unit = _unit_name(m["u"])
    n = _count(m["n"]) if m["n"] else 1.0
    return _f(m, "DURATION", DateValue(duration_value(n, unit), "duration"))


def h_plural_units(m: re.Match[str], ctx: Context) -> Found | None:
    unit = _unit_name(m["u"])
    q = (m["q"] or "").lower()
    if "recent" in q:
        return _f(m, "DATE", ref_value("PAST_REF"), "x")
    if "coming" in q or "ahead" in (m["ahead"] or ""):
        return _f(m, "DATE", ref_value("FUTURE_REF"), "x")
    return _f(m, "DURATION", DateValue(duration_value(None, unit), "duration"), "x")


def h_set(m: re.Match[str], ctx: Context) -> Found | None:
    n = _count(m["n"]) if m["n"] else 1.0
    if m["other"]:
        n = 2.0
    if m["dow"]:
        return _f(m, "SET", DateValue(f"XXXX-WXX-{_dow_no(m['dow']) + 1}", "set"))
    if m["mon"]:
        return _f(m, "SET", DateValue(f"XXXX-{_month_no(m['mon']):02d}", "set"))
    if m["season"]:
        return _f(m, "SET", DateValue(f"XXXX-{SEASONS[m['season'].lower()]}", "set"))
    if m["pod"]:
        return _f(m, "SET", DateValue(f"TXX{PARTS_OF_DAY[m['pod'].lower()]}", "set"))
    unit = _unit_name(m["u"])
    return _f(m, "SET", DateValue(duration_value(n, unit), "set"))


def h_rate(m: re.Match[str], ctx: Context) -> Found | None:
    """'twice a year', '$5m a year', 'per day'."""
    if not m["freq"] and m["art"].lower() in ("a", "an"):
        prev = ctx.text[max(0, m.start() - 25):m.start()].rstrip().lower()
        if not re.search(r"(?:[\d%]|million|billion|trillion|bn|times|tonnes|barrels|dollars|euros|pounds|m)$", prev):
            return None
    unit = _unit_name(m["u"])
    return _f(m, "SET", DateValue(duration_value(1.0, unit), "set"))


def h_adverb_set(m: re.Match[str], ctx: Context) -> Found | None:
    word = m[0].lower()
    tok = ctx.token(m.start())
    if word != "annually" and tok is not None and tok.pos_ not in ("ADV", "ADJ"):
        return None  # "the party daily Granma" is a newspaper
    if word in ("daily", "weekly", "monthly") and re.match(r"\s+(?-i:[A-Z][a-z])", ctx.text[m.end():m.end() + 4]) \
            and _prev_raw(ctx, m.start())[:1].isupper():
        return None  # "the Communist Party daily Granma": a paper, named after it
    unit = {"annually": "year", "yearly": "year", "daily": "day", "weekly": "week", "monthly": "month",
            "hourly": "hour", "nightly": "day"}[word]
    return _f(m, "SET", DateValue(duration_value(1.0, unit), "set"))


def h_in_the_day(m: re.Match[str], ctx: Context) -> Found | None:
    """'later in the day': the day told of just before (left open when none is)."""
    found = _f(m, "DATE", None, "x")
    found.notes["shift"] = "day:0"
    return found


def h_plural_dow(m: re.Match[str], ctx: Context) -> Found | None:
    return Found(m.start("d"), m.end("d"), "SET", DateValue(f"XXXX-WXX-{_dow_no(m['d'][:-1]) + 1}", "set"))


def h_deictic(m: re.Match[str], ctx: Context) -> Found | None:
    word = re.sub(r"\s+", " ", m["w"].lower())
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


def h_part_alone(m: re.Match[str], ctx: Context) -> Found | None:
    """'in the morning', 'by mid afternoon', 'overnight': a part of the day the text is
    telling of, whose day is fixed once every expression is found (like a clock time)."""
    group = "x" if m["x"] else "x2"
    pod = (m["pod"] or "night").lower()
    found = Found(m.start(group), m.end(group), "TIME", None, clock=PARTS_OF_DAY[pod])
    found.notes["part"] = "1"
    if m["pod"] is None:
        found.notes["night_before"] = "1"  # "overnight losses": the night before the day told of
    return found


def h_weekday(m: re.Match[str], ctx: Context) -> Found | None:
    prev = _prev_raw(ctx, m.start())
    if prev.lower() in DOW_BLOCK_BEFORE and prev[:1].isupper():
        return None
    nxt = _next_raw(ctx, m.end("dow"))
    if nxt.lower() in DOW_BLOCK_AFTER and nxt[:1].isupper():
        return None
    rel = (m["rel"] or "").lower() or None
    if m["pod"] and m["pod"].lower().endswith("s"):  # "Tuesday nights": every one of them
        code = PARTS_OF_DAY.get(m["pod"].lower()[:-1], "NI")
        return _f(m, "SET", DateValue(f"XXXX-WXX-{_dow_no(m['dow']) + 1}T{code}", "set"))
    anchor = _anchor(ctx)
    typ = "TIME" if m["pod"] else "DATE"
    if anchor is None:
        return _f(m, typ, None)
    tense = ctx.tense(m.start("dow"), m.end("dow"))
    d = resolve.weekday(_dow_no(m["dow"]), anchor, tense, None if rel == "this" else rel)
    if m["pod"]:
        pod = m["pod"].lower()
        return _f(m, "TIME", time_value(d, PARTS_OF_DAY.get(pod, "NI")))
    return _f(m, "DATE", day_value(d))


def h_clock(m: re.Match[str], ctx: Context) -> Found | None:
    if m["word"]:
        w = m["word"].lower()
        clock = "12:00" if w in ("noon", "midday") else "24:00"
    else:
        h = int(m["h"])
        mi = int(m["mi"]) if m["mi"] else 0
        ap = (m["ap"] or "").lower().replace(".", "")
        if h > 24 or mi > 59 or (ap and h > 12):
            return None
        if ap == "pm" and h < 12:
            h += 12
        elif ap == "am" and h == 12:
            h = 0
        clock = f"{h:02d}:{mi:02d}"
    return Found(m.start(), m.end(), "TIME", None, clock=clock)


def h_ref(m: re.Match[str], ctx: Context) -> Found | None:
    w = re.sub(r"\s+", " ", m["x"].lower())
    if w in ("now", "currently", "presently", "nowadays", "at present", "the present", "these days",
             "the moment", "right now", "at the moment", "present day", "the present day"):
        return _f(m, "DATE", ref_value("PRESENT_REF"), "x")
    if w.endswith(("future", "term")):
        return _f(m, "DATE", ref_value("FUTURE_REF"), "x")
    return _f(m, "DATE", ref_value("PAST_REF"), "x")


# Nouns after "current" that make a fixed term, not "the one of now" ("current account").
_CURRENT_TERMS = {"account", "accounts", "assets", "liabilities", "affairs", "events", "density", "flow", "flows"}


def h_ref_adj(m: re.Match[str], ctx: Context) -> Found | None:
    """'the current weakness', 'a recent filing': an adjective placing its noun now (PRESENT_REF)
    or a little before (PAST_REF); 'the then current price' is a past one."""
    word = m["w"].lower()
    tok = ctx.token(m.start("w"))
    if tok is None or tok.pos_ != "ADJ" or tok.dep_ != "amod" or tok.head.i <= tok.i:
        return None  # "the current" of a river, "is recent", "most recent"
    if word == "current" and (tok.head.lower_ in _CURRENT_TERMS or _next_raw(ctx, m.end()).lower() in _CURRENT_TERMS):
        return None
    if tok.i > 0 and tok.nbor(-1).lower_ in ("most", "more", "less", "least"):
        return None
    value = "PAST_REF" if word == "recent" or m["then"] else "PRESENT_REF"
    return _f(m, "DATE", ref_value(value), "x")


def h_holiday(m: re.Match[str], ctx: Context) -> Found | None:
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    if name in ("easter", "easter sunday", "good friday", "easter monday"):
        shift = {"good friday": -2, "easter monday": 1}.get(name, 0)
        anchor = _anchor(ctx)
        if m["y"]:
            return _f(m, "DATE", day_value(resolve.easter(int(m["y"])) + dt.timedelta(days=shift)))
        if anchor is None:
            return _f(m, "DATE", None)
        cands = [resolve.easter(y) + dt.timedelta(days=shift) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        d = resolve.pick(cands, anchor, ctx.tense(m.start(), m.end()))
        return _f(m, "DATE", day_value(d) if d else None)
    if name in ("thanksgiving", "thanksgiving day"):  # the fourth Thursday of November
        anchor = _anchor(ctx)
        if m["y"]:
            return _f(m, "DATE", day_value(resolve.thanksgiving(int(m["y"]))))
        if anchor is None:
            return _f(m, "DATE", None)
        cands = [resolve.thanksgiving(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        rel = _prev_words(ctx, m.start(), 1)
        if rel and rel[0] in ("last", "next"):
            later = rel[0] == "next"
            d = min((c for c in cands if (c > anchor) == later), key=lambda c: abs((c - anchor).days))
            return Found(m.start() - len(rel[0]) - 1, m.end(), "DATE", day_value(d))
        d = resolve.pick(cands, anchor, ctx.tense(m.start(), m.end()))
        return _f(m, "DATE", day_value(d) if d else None)
    md = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's eve": (12, 31),
          "new year's day": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14), "boxing day": (12, 26)}.get(name)
    if md is None:
        return None
    if m["y"]:
        d = _safe_day(int(m["y"]), *md)
        return _f(m, "DATE", day_value(d) if d else None)
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    d = resolve.month_day(md[0], md[1], anchor, ctx.tense(m.start(), m.end()))
    return _f(m, "DATE", day_value(d) if d else None)


def h_same(m: re.Match[str], ctx: Context) -> Found | None:
    """Anaphoric expressions ('that day', 'the following year'): resolved later from the
    date they refer back to, when the text gives one."""
    words = [w for w in m["x"].lower().split() if w not in ("earlier", "later")]
    unit = words[-1]
    typ = "TIME" if unit in ("morning", "evening", "night") else "DATE"
    found = _f(m, typ, None, "x")
    k = 1 if words[1] in ("following", "next") else -1 if words[1] == "previous" else 0
    if unit in ("day", "week", "month", "quarter", "year"):
        found.notes["shift"] = f"{unit}:{k}"
    elif unit in PARTS_OF_DAY:  # "the next morning": a part of the day after the one told of
        found.notes["shift"] = f"day:{k}"
        found.notes["pod"] = PARTS_OF_DAY[unit]
    return found


def h_edge(m: re.Match[str], ctx: Context) -> Found | None:
    """'the end of the week', 'the start of the year': the anchor's own week, month, year."""
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None)
    unit = m["u"].lower()
    part = _part_of(m["mod"])
    if unit == "year":
        return _f(m, "DATE", _narrow(year_value(anchor.year), part))
    if unit == "month":
        return _f(m, "DATE", _narrow(month_value(anchor.year, anchor.month), part))
    if unit == "week":
        return _f(m, "DATE", week_value(anchor))
    return _f(m, "DATE", decade_value(anchor.year // 10 * 10))


def h_year_ago(m: re.Match[str], ctx: Context) -> Found | None:
    """'year-ago', 'the year-earlier quarter': the period a year before the one the text
    reports on (a quarter when one was just named, else the year before the anchor's)."""
    anchor = _anchor(ctx)
    found = _f(m, "DATE", year_value(anchor.year - 1) if anchor else None)
    found.notes["period_back"] = "1"
    if re.search(r"(?:quarter|period)$", m[0], re.I):
        found.notes["period_named"] = "1"  # "the year-ago period": the one the text reports on
    if m["ord"]:
        q = ORDINALS[m["ord"].lower()]
        found.notes["quarter"] = str(q)
        if anchor is not None:
            found.dv = quarter_value(anchor.year - 1, q)
    return found


def h_the_period(m: re.Match[str], ctx: Context) -> Found | None:
    """'the quarter', 'the latest period', 'the fiscal year': the period the text reports on.
    A year is the anchor's ("the year ended March 31" is a year long); a quarter or period is
    the one last named, resolved once every expression is found."""
    unit = m["u"].lower()
    quals = (m["q"] or "").lower().split()
    after = ctx.text[m.end():m.end() + 30]
    if unit == "period" and not quals:
        return None
    if re.match(r"\s+(?:of|before|after|when|in\s+which)\b", after, re.I):
        return None
    anchor = _anchor(ctx)
    if unit == "year":
        if re.match(r"\s+(?:that\s+)?(?:ended|ending|ends)\b", after, re.I):
            return _f(m, "DURATION", DateValue("P1Y", "duration"))
        return _f(m, "DATE", year_value(anchor.year) if anchor else None)
    found = _f(m, "DATE", None)
    if anchor is not None and "current" in quals:
        found.dv = quarter_value(anchor.year, (anchor.month - 1) // 3 + 1)
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


def h_year_end(m: re.Match[str], ctx: Context) -> Found | None:
    """'by year end', "by year's end": the end of the anchor's year."""
    anchor = _anchor(ctx)
    return _f(m, "DATE", _narrow(year_value(anchor.year), "late") if anchor else None)


def h_weekend(m: re.Match[str], ctx: Context) -> Found | None:
    anchor = _anchor(ctx)
    if anchor is None:
        return _f(m, "DATE", None, "x")
    tense = ctx.tense(m.start("x"), m.end("x"))
    if tense == "past":
        d = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7)
    else:
        d = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7) if anchor.weekday() < 5 else anchor
    return _f(m, "DATE", weekend_value(d), "x")


_HALF_OF = rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the|previous|current)\s+year))"


# --- the pattern table (longer matches win when they overlap) -----------------------------
PATTERNS: list[tuple[str, str, Handler]] = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:T(?P<hh>\d{2}):(?P<mm>\d{2}))?\b", h_iso),
    ("mdy", rf"\b(?:(?P<dow>{DOWA}){COMMA})?(?P<mon>{MON})\s*(?P<d>{DAY}){COMMA}(?P<y>{YEAR})", h_full),
    ("dmy", rf"\b(?:(?P<dow>{DOWA}){COMMA})?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s*(?P<mon>{MON}){COMMA}(?P<y>{YEAR})", h_full),
    ("numeric", r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})\b", h_numeric),
    ("md", rf"\b(?:(?P<dow>{DOWA}){COMMA})?(?P<mon>{MON})\s*(?P<d>{DAY})(?!\s*(?:,\s*)?\d|-\w|\s+(?:years?|months?|days?|weeks?)\b)", h_month_day),
    ("dm", rf"\b(?:(?P<dow>{DOWA}){COMMA})?(?:the\s+)?(?P<d>{DAY})(?:\s+of)?\s+(?P<mon>{MON})", h_month_day),
    ("week_of", rf"\bthe\s+week\s+of\s+(?P<mon>{MON})\s*(?P<d>{DAY})(?:{COMMA}(?P<y>{YEAR}))?(?!\s*(?:,\s*)?\d)", h_week_of),
    ("md_next", rf"\b(?P<mon>{MON})\s*(?P<d1>{DAY})\s*(?:and|or|to|through)\s+(?P<d>{DAY})(?:{COMMA}(?P<y>{YEAR}))?(?!\s*(?:,\s*)?\d|\s*%|[.,]\d|\s+(?:percent|per\s*cent|[a-z]+s)\b)", h_next_day),
    ("my", rf"\b(?P<mod>{MODP})?(?P<mon>{MON}){COMMA}(?:of\s+)?(?P<y>{YEAR})", h_month_year),
    ("month_rel", rf"\b(?P<mod>{MODP})?(?P<rel>(?i:last|next|this|past|coming))\s+(?P<mon>{MONFULL})\b", h_month_rel),
    ("month_this_year", rf"\b(?P<mod>{MODP})?(?P<mon>{MONFULL})\s+(?:of\s+)?(?P<rel>this|next|last)\s+year\b", h_month_this_year),
    ("month", rf"\b(?P<mod>{MODP})?(?P<mon>{MONFULL})\b(?!\s*\d)", h_month),
    ("fiscal", r"\b(?:fiscal(?:\s+year)?\s+(?P<y>\d{4})|FY\s?(?P<y2>\d{4}|\d{2}))\b", h_fiscal),
    ("year", rf"\b(?P<mod>{MODP})?(?P<y>{YEAR})(?!\s*(?:%|per\s*cent))", h_year),
    ("spoken_year", rf"\b(?:(?P<mon>{MONFULL})\s+)?{SPOKEN_YEAR}\b", h_spoken_year),
    ("decade", rf"\b(?:the\s+)?(?:(?P<part>{PART})[\s-]+)?(?:(?P<dec>(?:1[5-9]|20)\d0)'?s|(?:['’]|(?<=the\s)|(?<=early\s)|(?<=late\s)|(?<=mid\s)|(?<=mid-))(?P<short>\d0)s|(?P<word>(?-i:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)))\b", h_decade),
    ("century", rf"\b(?:the\s+)?(?:(?P<part>{PART})[\s-]+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[\s-]+centur(?:y|ies)\b", h_century),
    ("quarter", rf"\b(?:(?P<rel0>this|last|next)\s+year['’]s\s+)?(?:the\s+)?(?:(?:fiscal|financial)[\s-]+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+|financial\s+|calendar\s+)?quarter\b(?:\s+of\s+(?:(?:fiscal\s+)?(?P<y>{YEAR})|(?:the\s+)?(?P<rel>this|last|next|the|previous|current)\s+year))?(?:\s*,?\s*(?P<y0>{YEAR}))?(?P<q>)", h_quarter),
    ("q", rf"\b(?:(?P<y0>{YEAR})[\s-]*)?(?-i:Q)(?P<q>[1-4])\b(?:\s*(?P<y>{YEAR}))?(?P<ord>)(?P<rel>)(?P<rel0>)", h_quarter),
    ("half", rf"\b(?:the\s+)?(?P<ord>first|second|1st|2nd|latter|last)[\s-]+half(?![\s-]+(?:an?\s+)?(?:hours?|minutes?|dozen|miles?|points?|centur|decade)){_HALF_OF}?(?P<h>)(?P<y0>)(?P<hq>)", h_half),
    # "the first two quarters of 1990": a half
    ("two_quarters", rf"\b(?:the\s+)?(?P<ord>first|second|last)\s+(?P<hq>two\s+quarters){_HALF_OF}(?P<h>)(?P<y0>)", h_half),
    ("h", rf"\b(?:(?P<y0>{YEAR})[\s-]*)?(?-i:(?P<hq>H))(?P<h>[12])\b(?:\s*(?P<y>{YEAR}))?(?P<ord>)(?P<rel>)", h_half),
    ("season", rf"\b(?P<mod>{MODP})?(?:(?:this\s+)?(?P<rel>last|this|next|past|coming|the)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b", h_season),
    ("year_season", rf"\b(?P<y>{YEAR})\s+(?P<s>spring|summer|autumn|fall|winter)\b(?P<rel>)(?P<mod>)", h_season),
    ("rel_unit", rf"\b(?P<the>the\s+)?(?:(?P<mod>{MODP}|earlier|later|early|late)\s*)?(?:this\s+(?=past\s))?(?P<rel>last|this|next|past|coming|previous|following|current)\s+(?P<u>week|weekend|month|year|decade|century|quarter)\b(?!-)", h_rel_unit),
    ("ago", rf"\b(?:(?:{QUAL}|nearly|almost|over)\s+)?(?:(?P<n>{VAGUE}|{NUM})\s+)?(?:more\s+)?(?P<u>{UNIT})s?(?:\s+or\s+so)?\s+(?P<dir>ago|earlier|before|later|after|from\s+now|hence|prior)\b", h_ago),
    ("duration", rf"\b(?:(?P<q>{QUAL})\s+)?(?:(?:the\s+|its\s+|their\s+|his\s+|her\s+)?(?P<rel>past|last|next|coming|first|previous|following|final|latest)\s+)?(?P<n>{VAGUE}|one\s+and\s+a\s+half|half\s+an?|{NUM})\s+(?:{_COUNT_WORDS_RX})?(?P<u>{UNIT})s?\b(?P<half>\s+and\s+a\s+half\b)?(?:\s+old\b)?(?!-)", h_duration),
    ("hyphen", rf"\b(?P<n>{NUM})-(?P<u>{UNIT})(?:-(?:long|old))?\b", h_hyphen_duration),
    ("long", rf"\b(?P<n>)(?P<u>year|decade|month|week|day|century)-long\b", h_hyphen_duration),
    ("plural", rf"\b(?:for|in|over|within|after|of|spanning|lasting|than|since|take|takes|took|taken)\s+(?P<x>(?P<q>(?:the\s+)?(?:many|several|recent|past\s+few|last\s+few|coming|next\s+few|few)\s+)?(?P<u>years|months|quarters|weeks|days|decades|hours|minutes|centuries)(?P<ahead>\s+ahead)?)\b(?!\s+ago)", h_plural_units),
    ("plural_of", rf"(?<![\w-])(?P<x>(?P<q>)(?P<u>(?-i:Years|Months|Weeks|Decades|years|months|weeks|decades|centuries))(?P<ahead>))\s+of\b", h_plural_units),
    ("recent", rf"\b(?P<x>(?P<q>(?:the\s+)?(?:recent|coming|past\s+few)\s+)(?P<u>years|months|quarters|weeks|days|decades)(?P<ahead>))\b", h_plural_units),
    ("set", rf"\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?(?:(?P<u>{UNIT})s?|(?P<dow>{DOW})|(?P<mon>{MONFULL})|(?P<pod>morning|afternoon|evening|night)|(?P<season>spring|summer|autumn|fall|winter))\b", h_set),
    ("rate", rf"\b(?:(?P<freq>once|twice|three\s+times|four\s+times|\d+\s+times|{NUM}\s+times)\s+)?(?P<art>a|an|per)\s+(?P<u>{UNIT})\b(?!s|-|\s+(?:ago|earlier|later|before|after)\b)", h_rate),
    ("adverb_set", r"\b(?:annually|yearly|daily|weekly|monthly|hourly|nightly)\b", h_adverb_set),
    ("dows", rf"\bon\s+(?P<d>(?-i:Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays))\b", h_plural_dow),
    ("deictic", r"\b(?:(?:early|late|earlier|later)\s+(?=yesterday|today|tonight))?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|tonight|yesterday|tomorrow)\b", h_deictic),
    ("in_the_day", r"\b(?:earlier|later|late|early)\s+in\s+(?P<x>the\s+day)\b", h_in_the_day),
    ("pod_alone", r"\b(?:(?:in|by|during|through|until|throughout)\s+(?P<x>(?:(?:early|late|mid)[\s-]?)?(?:the\s+)?(?P<pod>morning|afternoon|evening))|(?P<x2>overnight))\b", h_part_alone),
    ("pod", r"\b(?P<rel>(?:early\s+|late\s+|earlier\s+|later\s+)?(?:this|yesterday|tomorrow|last))\s+(?P<pod>morning|afternoon|evening|night)\b", h_part_of_day),
    ("weekday", rf"\b(?:(?:early|late|earlier|later)\s+(?={DOW}))?(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<dow>{DOW})(?!')(?:\s+(?P<pod>mornings?|afternoons?|evenings?|nights?|overnight))?\b", h_weekday),
    ("weekday_s", rf"\b(?:(?P<rel>last|this|next|past|coming)\s+)?(?P<dow>{DOW})(?=['’]s)(?P<pod>)", h_weekday),
    ("clock", r"(?:\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)(?:\s+(?:GMT|UTC|ET|EST|EDT|BST|CET|CEST|local\s+time))?|\b(?P<word>noon|midday|midnight)\b)", h_clock),
    ("clock24", r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)\s*(?:GMT|UTC|hours|hrs|local\s+time)\b(?P<ap>)(?P<word>)", h_clock),
    ("ref", r"\b(?P<x>right\s+now|now|currently|presently|nowadays|at\s+present|these\s+days|at\s+the\s+moment|recently|lately|(?<=in\s)the\s+past(?!\s+(?:\w+\s+)?(?:years?|months?|weeks?|days?|decades?|hours?))|the\s+(?:(?:near|distant|immediate|foreseeable)\s+)?future(?!\s+(?:of|tense)\b)|(?<=in\s)future|the\s+(?:near|short|long)\s+term\b|(?<=in\s)recent\s+times|(?<=at\s)present|the\s+present\s+day)\b", h_ref),
    ("ref_adj", r"\b(?P<x>(?P<then>then\s+)?(?P<w>current|recent))\b", h_ref_adj),
    ("holiday", rf"\b(?P<name>(?-i:Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Thanksgiving(?:\s+Day)?))\b(?:\s+(?P<y>{YEAR}))?", h_holiday),
    ("edge", r"\b(?P<mod>(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+the\s+)(?P<u>year|month|week|decade)\b(?!\s+(?:of|before|after|in)\b)", h_edge),
    ("weekend", r"\b(?:at|over|during|on|by|until|through|for|of)\s+(?P<x>the\s+weekend)\b", h_weekend),
    ("year_ago", r"\b(?:the\s+)?(?:comparable\s+)?year-(?:ago|earlier)(?:\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:quarter|period))?\b", h_year_ago),
    ("year_period", rf"\b(?:the\s+)?(?P<y>{YEAR})\s+(?:(?P<ord>first|second|third|fourth)[\s-]+)?(?:fiscal\s+)?(?P<u>quarter|period|half)\b", h_year_period),
    ("year_end", r"\b(?<!-)year(?:['’]s)?[\s-]end\b", h_year_end),
    ("period", r"\bthe\s+(?P<q>(?:(?:latest|current|full|fiscal|comparable|calendar)\s+)*)(?P<u>year|quarter|period)\b(?!-)", h_the_period),
    ("same", r"\b(?P<x>(?:(?:earlier|later)\s+)?(?:that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+(?:day|week|month|quarter|year|morning|evening|night|weekend))\b", h_same),
]


COMPILED = [(name, re.compile(rx, re.I), handler) for name, rx, handler in PATTERNS]

# --- trying patterns only where their keywords are -------------------------------------------
# Trying ~45 patterns at every position of an article is the slow part of finding dates,
# and every pattern needs one of a few words (a month, a unit, a year...). A time
# expression lies within one sentence, so the text is cut into its sentences (a parsed
# article gives them; a plain text is one piece) and a pattern is tried only in the
# pieces that hold its keyword and what else it needs, found by a fast scan of the
# lower-cased text. A pattern without a keyword is tried everywhere. Within a piece, a
# pattern finds exactly what a scan of the whole text finds there: a look-behind or ``\b``
# at a piece's start still sees the text before it, and pieces end where the next begins.
_WORD_START = "(?<![a-z])"
_MONTH_KW = _WORD_START + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_DOW_KW = _WORD_START + "(?:mon|tue|wed|thu|fri|sat|sun)"
_UNITS = "(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni)"
_UNIT_KW = _WORD_START + _UNITS
_SEASON_KW = "spring|summer|autumn|fall|winter"
# pattern -> a keyword every match of it contains, in lower case
KEYWORDS: dict[str, str] = {
    "iso": r"-\d\d-", "mdy": _MONTH_KW, "dmy": _MONTH_KW, "numeric": r"[/.]\d", "md": _MONTH_KW, "dm": _MONTH_KW, "md_next": _MONTH_KW, "week_of": r"week\s+of",
    "my": _MONTH_KW, "month_rel": _MONTH_KW, "month_this_year": _MONTH_KW, "month": _MONTH_KW, "fiscal": "fiscal|fy",
    "year": r"1[5-9]\d\d|20\d\d", "decade": r"0'?s|ties", "century": "centur",
    "quarter": "quarter", "q": "q[1-4]", "half": "half", "two_quarters": "two\\s+quarters", "h": "h[12]", "season": _SEASON_KW, "year_season": _SEASON_KW,
    "rel_unit": _WORD_START + "(?:week|month|year|decade|centur|quarter)",
    "ago": _UNIT_KW + r"[a-z]*(?:\s+or\s+so)?\s+(?:ago|earlier|before|later|after|from|hence|prior)",
    "duration": _UNIT_KW, "hyphen": "-" + _UNITS, "long": _UNITS + "[a-z]*-long", "plural": _UNIT_KW,
    "plural_of": _UNIT_KW, "recent": _UNIT_KW, "set": "every|each", "rate": _WORD_START + r"(?:an?|per)\s+" + _UNITS,
    "adverb_set": "annually|yearly|daily|weekly|monthly|hourly|nightly", "dows": _DOW_KW,
    "deictic": "today|tonight|yesterday|tomorrow", "pod": "morning|afternoon|evening|night",
    "pod_alone": "morning|afternoon|evening|overnight",
    "in_the_day": r"in\s+the\s+day",
    "weekday": _DOW_KW, "weekday_s": _DOW_KW, "clock": r"\d\s*[ap]\.?m|noon|midday|midnight",
    "clock24": "gmt|utc|hours|hrs|local",
    "holiday": r"christmas|new\s+year|halloween|valentine|boxing|easter|good\s+friday|thanksgiving",
    "edge": r"(?:end|start|beginning|middle|close)\s+of\s+the", "weekend": "weekend",
    "year_ago": "year-", "period": "year|quarter|period", "spoken_year": "nineteen|twenty",
    "year_period": "quarter|period|half", "year_end": "year",
    "same": "day|week|month|quarter|year|morning|evening|night",
    "ref": "now|present|days|moment|recent|lately|past|future|currently|term",
    "ref_adj": "current|recent",
}
# pattern -> what every match of it also holds, in lower case
NEEDS: dict[str, str] = {
    "mdy": r"1[5-9]\d\d|20\d\d", "dmy": r"1[5-9]\d\d|20\d\d", "my": r"1[5-9]\d\d|20\d\d",  # the year
    "md": r"\d", "dm": r"\d",  # the day
    "md_next": r"\d\s*(?:and|or|to|through)\s+\d",
    "month_rel": "last|next|this|past|coming",
    "rel_unit": "last|this|next|past|coming|previous|following|current",
    "plural": "(?:year|month|quarter|week|day|decade|hour|minute)s|centuries", "recent": "recent|coming|past",
}
# one test per pattern: its keyword, then what it needs, each a compiled search (None: always try)
_GATES: list[list[re.Pattern[str]]] = [
    [re.compile(x) for x in (KEYWORDS.get(name), NEEDS.get(name)) if x] for name, _, _ in COMPILED
]  # re.compile caches: patterns sharing a keyword share its compiled search, scanned once
# Characters whose lower case is not one character: offsets in the lower-cased text would shift.
_ODD_CASE = re.compile("[\u0130\u0131\u017f]")


def _touched(rx: re.Pattern[str], low: str, starts: list[int]) -> set[int]:
    """The indexes of the pieces (starting at ``starts``) that a match of ``rx`` in ``low`` touches."""
    out: set[int] = set()
    for m in rx.finditer(low):
        first = bisect.bisect_right(starts, m.start()) - 1
        last = bisect.bisect_right(starts, max(m.end() - 1, m.start())) - 1
        out.update(range(first, last + 1))
    return out


def _matches(text: str, pieces: list[tuple[int, int]] | None = None) -> Iterator[tuple[int, str, re.Match[str]]]:
    """Every match of every pattern, with the pattern's rank and name, pattern by pattern.

    ``pieces`` are the sentences, as consecutive ``(start, end)`` spans covering the text
    (default: the whole text as one piece)."""
    if not pieces:
        pieces = [(0, len(text))]
    if _ODD_CASE.search(text):
        present = [pieces] * len(COMPILED)
    else:
        low = text.lower()
        starts = [a for a, _ in pieces]
        seen: dict[re.Pattern[str], set[int]] = {}
        present = []
        for gates in _GATES:
            keep = set(range(len(pieces)))
            for gate in gates:
                if gate not in seen:
                    seen[gate] = _touched(gate, low, starts)
                keep &= seen[gate]
            present.append([pieces[i] for i in sorted(keep)])
    for rank, (name, rx, _) in enumerate(COMPILED):
        for a, b in present[rank]:
            for m in rx.finditer(text, a, b):
                yield rank, name, m


def candidates(ctx: Context) -> Iterator[Found]:
    """Every accepted pattern match in the text, overlapping ones included."""
    handlers = [handler for _, _, handler in COMPILED]
    for rank, name, m in _matches(ctx.text, getattr(ctx, "pieces", None)):
        if m.end() == m.start():
            continue
        found = handlers[rank](m, ctx)
        if found is not None and found.end > found.start:
            found.rank = rank
            found.notes["pattern"] = name
            yield found


def select(found: list[Found]) -> list[Found]:
    """Longest first; a candidate overlapping one already kept is dropped."""
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.rank, f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)

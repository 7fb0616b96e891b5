"""What a pattern's handler is given and gives back, and the helpers the handlers share."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from kb.extract.timex.calendar import number
from kb.extract.timex.words import DAY_WORDS, UNIT_CODE, VAGUE
from kb.lexicon import time_words as tw
from kb.lexicon.time_words import MONTHS, PARTS_OF_DAY, WEEKDAYS
from kb.model import DateValue


class Context(Protocol):
    """What handlers may ask about the text around a match."""

    text: str
    anchor: dt.date | None
    doc: Any  # the parse, or None where there is none (a date typed on the command line)

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


def _part_of(mod: str | None) -> str | None:
    """'early', 'mid', 'late' (or None) from a modifier like 'the end of'."""
    if not mod:
        return None
    m = mod.lower()
    return next((part for part, words in tw.PERIOD_PARTS.items() if any(w in m for w in words)), None)


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


_PREMODIFIER_DEPS = {"compound", "nmod", "amod", "nummod", "npadvmod", "poss"}


def hour_of_day(h: int, pm: bool) -> int:
    """A 12-hour clock's hour on the 24-hour clock ("12 a.m." is 0, "12 p.m." 12)."""
    return h % 12 + (12 if pm else 0)


def premodifier(ctx: Context, start: int, end: int) -> bool:
    """True when the expression modifies a noun after it ("the Aug. 7 bombings", "the
    third-quarter loss", "a Wednesday media event"): its head hangs on a noun to its right."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if ctx.doc is not None else None
    if span is None or len(span) == 0:
        return False
    root = span.root
    head = root.head
    return head.i >= span.end and root.dep_ in _PREMODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN")


def _dow_no(text: str) -> int:
    t = text.lower().rstrip(".")
    return WEEKDAYS.get(t, WEEKDAYS.get(t[:3], 0))


def any_weekday(name: str, part: str | None = None) -> str:
    """The TimeML value of a weekday of no date, with a part of the day (a word such as
    "morning", or a code such as "TMO"): "XXXX-WXX-6", "XXXX-WXX-6TMO"."""
    if part and not part.startswith("T"):
        part = "T" + PARTS_OF_DAY.get(part.lower().rstrip("s"), "NI")
    return f"XXXX-WXX-{_dow_no(name) + 1}{part or ''}"


def _day_no(text: str) -> int:
    """A day of the month written in figures ("14", "14th") or as an ordinal word ("fourteenth")."""
    digits = re.sub(r"\D", "", text)
    return int(digits) if digits else DAY_WORDS[re.sub(r"[\s-]+", " ", text.lower())]


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


# --- a handler: a pattern's match and its context in, a Found (or None) out --------------
Handler = Callable[[re.Match[str], Context], "Found | None"]


def _f(m: re.Match[str], typ: str, dv: DateValue | None, group: str | int = 0) -> Found:
    return Found(m.start(group), m.end(group), typ, dv)


def _unit_name(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    if u.startswith("millenni"):
        return "millennium"
    return u.rstrip("s") if u.endswith("s") and u != "s" else u


# ISO 8601 has no decades or centuries: a counted one is written in years ("two decades" is
# P20Y, as TimeML values are); an uncounted number of them keeps its unit ("decades", PXDE).
def duration_value(n: float | None, unit: str) -> str:
    pre, code = UNIT_CODE.get(unit, ("", "Y"))
    if n is None:
        return f"P{pre}X{code}"
    if unit in tw.YEARS_IN_UNIT:
        return f"P{n * tw.YEARS_IN_UNIT[unit]:g}Y"
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
    if t == "a year and a half":
        return 1.5
    if t in ("half a", "half an", "a half"):  # "half an hour", "a half century"
        return 0.5
    if t.endswith(" and a half"):  # "one and a half", "two and a half"
        whole = number(t.removesuffix(" and a half"))
        return whole + 0.5 if whole is not None else None
    if re.fullmatch(VAGUE, t):
        return None
    return number(t)


def _relative_year(rel: str | None, anchor: dt.date | None) -> int | None:
    """The year "last", "this" or "next" ... (year, season, quarter) names, told at ``anchor``."""
    if anchor is None:
        return None
    # "the new fiscal year" is the one after the current one, whether it has begun or is about to
    return anchor.year + {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "following": 1, "new": 1}.get((rel or "this").lower(), 0)

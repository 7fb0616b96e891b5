"""Calendar arithmetic and TimeML values: turning a value into the days it covers.

Everything here is plain Python (no spaCy) so the query path can read date arguments.
"""

from __future__ import annotations

import datetime as dt
import re

from kb.lexicon.time_words import SMALL_NUMBERS as _SMALL
from kb.lexicon.time_words import TENS as _TENS
from kb.model import DateValue

# (first month, last month); winter starts in December of the value's year.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

NUMBER_WORDS = "|".join(
    sorted(list(_SMALL) + list(_TENS) + [rf"{t}[\s-]{u}" for t in _TENS for u in list(_SMALL)[1:10]], key=len, reverse=True)
)


def number(text: str) -> float | None:
    """Read '12', '1,500', 'twelve', 'forty-eight', 'a', 'half' as a number."""
    t = text.lower().strip().replace(",", "")
    if m := re.fullmatch(r"(\d+)\s+1/2", t):
        return int(m[1]) + 0.5
    if m := re.fullmatch(r"([a-z]+)\s+(hundred|thousand)", t):
        n = _SMALL.get(m[1])
        return None if n is None else float(n * (100 if m[2] == "hundred" else 1000))
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t)
    if t in _SMALL:
        return float(_SMALL[t])
    if t in _TENS:
        return float(_TENS[t])
    m = re.fullmatch(r"([a-z]+)[- ]([a-z]+)", t)
    if m and m.group(1) in _TENS and m.group(2) in _SMALL:
        return float(_TENS[m.group(1)] + _SMALL[m.group(2)])
    return None


def iso(d: dt.date) -> str:
    return d.isoformat()


def last_day(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def day_value(d: dt.date) -> DateValue:
    return DateValue(d.isoformat(), "day", d.isoformat(), d.isoformat())


def month_value(year: int, month: int) -> DateValue:
    return DateValue(f"{year:04d}-{month:02d}", "month", iso(dt.date(year, month, 1)), iso(last_day(year, month)))


def year_value(year: int) -> DateValue:
    """A calendar year; ``ValueError`` past the calendar's ends (years 1 and 9999)."""
    return DateValue(f"{year:04d}", "year", iso(dt.date(year, 1, 1)), iso(dt.date(year, 12, 31)))


def week_value(d: dt.date) -> DateValue:
    y, w, _ = d.isocalendar()
    monday = dt.date.fromisocalendar(y, w, 1)
    return DateValue(f"{y:04d}-W{w:02d}", "week", iso(monday), iso(monday + dt.timedelta(days=6)))


def weekend_value(d: dt.date) -> DateValue:
    y, w, _ = d.isocalendar()
    sat = dt.date.fromisocalendar(y, w, 6)
    return DateValue(f"{y:04d}-W{w:02d}-WE", "week", iso(sat), iso(sat + dt.timedelta(days=1)))


def quarter_value(year: int, q: int) -> DateValue:
    m = 3 * (q - 1) + 1
    return DateValue(f"{year:04d}-Q{q}", "quarter", iso(dt.date(year, m, 1)), iso(last_day(year, m + 2)))


def quarter_of(d: dt.date, shift: int = 0) -> DateValue:
    """The quarter ``d`` falls in, moved ``shift`` quarters."""
    k = d.year * 4 + (d.month - 1) // 3 + shift
    return quarter_value(k // 4, k % 4 + 1)


def last_ended_quarter(anchor: dt.date) -> DateValue:
    """The quarter before the one ``anchor`` falls in: the quarter last ended."""
    return quarter_of(anchor, -1)


def unit_of(d: dt.date, unit: str) -> DateValue | None:
    """The day, week, month, quarter, year or decade ``d`` falls in."""
    if unit == "day":
        return day_value(d)
    if unit == "week":
        return week_value(d)
    if unit == "month":
        return month_value(d.year, d.month)
    if unit == "quarter":
        return quarter_of(d)
    if unit == "year":
        return year_value(d.year)
    if unit == "decade":
        return decade_value(d.year // 10 * 10)
    return None


def half_value(year: int, h: int) -> DateValue:
    m = 1 if h == 1 else 7
    return DateValue(f"{year:04d}-H{h}", "half", iso(dt.date(year, m, 1)), iso(last_day(year, m + 5)))


def season_value(year: int, code: str) -> DateValue:
    first, last = SEASON_MONTHS[code]
    ey, em = add_months(year, first, last - first)
    return DateValue(f"{year:04d}-{code}", "season", iso(dt.date(year, first, 1)), iso(last_day(ey, em)))


def decade_value(decade_start: int, part: str | None = None) -> DateValue:
    """The TimeML value of a decade is its first three digits ("199" for the 1990s);
    ``part`` narrows the days: early (0-3), mid (3-6), late (7-9)."""
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(part or "", (0, 9))
    return DateValue(f"{decade_start // 10:03d}", "decade", f"{decade_start + lo:04d}-01-01", f"{decade_start + hi:04d}-12-31")


def century_value(index: int, part: str | None = None) -> DateValue:
    """``index`` is the TimeML century digits: 19 for the 1900s (the 20th century)."""
    lo, hi = {"early": (0, 32), "mid": (33, 66), "late": (67, 99)}.get(part or "", (0, 99))
    first = index * 100
    return DateValue(f"{index:02d}", "century", f"{max(first + lo, 1):04d}-01-01", f"{first + hi:04d}-12-31")


def time_value(d: dt.date, suffix: str) -> DateValue:
    """A sub-day value such as ``2021-11-24TEV`` or ``2021-11-24T15:00``."""
    return DateValue(f"{d.isoformat()}T{suffix}", "time", iso(d), iso(d))


def ref_value(value: str) -> DateValue:
    return DateValue(value, "ref")


def value_to_datevalue(value: str) -> DateValue | None:
    """The days covered by a TimeML value (the inverse of the builders above)."""
    v = value.strip().upper()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:T(.+))?", v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return time_value(d, m[4]) if m[4] else day_value(d)
        if m := re.fullmatch(r"(\d{4})-(\d{2})", v):
            return month_value(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})", v):
            return year_value(int(m[1]))
        if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", v):
            d = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return weekend_value(d) if m[3] else week_value(d)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", v):
            return quarter_value(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-H([12])", v):
            return half_value(int(m[1]), int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", v):
            return season_value(int(m[1]), m[2])
        if m := re.fullmatch(r"(\d{3})X?", v):
            return decade_value(int(m[1]) * 10)
        if m := re.fullmatch(r"(\d{2})(?:XX)?", v):
            return century_value(int(m[1]))
    except ValueError:
        return None
    if v in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return ref_value(v)
    if re.fullmatch(r"P(?:T?[\dX.]+[A-Z]+)+", v):
        return DateValue(v, "duration")
    return None

"""Placing year-less and relative expressions on the calendar, given an anchor and a tense.

Tense is "past", "future", "present" or None (unknown). Past picks the most recent
candidate on or before the anchor, future the first on or after it, otherwise the nearest.
"""

from __future__ import annotations

import datetime as dt

from kb.extract.timex.calendar import SEASON_MONTHS, add_months


NEAR_DAYS = 14


def pick(cands: list[dt.date], anchor: dt.date, tense: str | None) -> dt.date | None:
    """Choose among candidate days by tense."""
    if not cands:
        return None
    if tense == "past":
        before = [c for c in cands if c <= anchor]
        if before:
            return max(before)
    elif tense == "future":
        after = [c for c in cands if c >= anchor]
        if after:
            return min(after)
    return min(cands, key=lambda c: (abs((c - anchor).days), c > anchor))


def month_day(month: int, day: int, anchor: dt.date, tense: str | None, weekday: int | None = None) -> dt.date | None:
    """A year-less day; a weekday, when given and consistent, fixes the year."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cands.append(dt.date(y, month, day))
        except ValueError:
            pass
    if weekday is not None:
        fits = [c for c in cands if c.weekday() == weekday]
        if fits:
            return min(fits, key=lambda c: abs((c - anchor).days))
    chosen = pick(cands, anchor, tense)
    near = pick(cands, anchor, None)
    if tense == "future" and chosen is not None and near is not None \
            and 0 < (anchor - near).days <= NEAR_DAYS:
        # a day a few days behind the writing is not the one a year ahead: news would name
        # that one with its year ("to repatriate the child by Jan. 14", told on Jan. 15)
        return near
    return chosen


def month_only(month: int, anchor: dt.date, tense: str | None) -> tuple[int, int]:
    """A year-less month: compared at month granularity, so the anchor's month counts as both."""
    here = dt.date(anchor.year, anchor.month, 1)
    cands = [dt.date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
    d = pick(cands, here, tense)
    assert d is not None
    return d.year, d.month


def shifted_month(month: int, anchor: dt.date, rel: str) -> tuple[int, int]:
    """'last December' is the latest December before this month; 'next March' the first after.
    The month just before is 'last month': 'last February' said in March is a year back."""
    if rel in ("last", "past"):
        y = anchor.year if month < anchor.month - 1 else anchor.year - 1
    elif rel in ("next", "coming"):
        y = anchor.year if month > anchor.month else anchor.year + 1
    else:
        y = anchor.year
    return y, month


def weekday(dow: int, anchor: dt.date, tense: str | None, rel: str | None = None) -> dt.date:
    """A bare weekday, or one with last/next/this."""
    back = (anchor.weekday() - dow) % 7
    ahead = (dow - anchor.weekday()) % 7
    # the day before the writing would be "yesterday": "last Wednesday" said on a Thursday
    # is the one of the week before; a day up to two after it would be "tomorrow" or "on
    # Thursday": "next Thursday" said on a Tuesday or a Wednesday is the one of the week after
    if rel in ("last", "past"):
        return anchor - dt.timedelta(days=back + 7 if back <= 1 else back)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead + 7 if ahead <= 2 else ahead)
    prev_day, next_day = anchor - dt.timedelta(days=back), anchor + dt.timedelta(days=ahead)
    if tense == "past":
        return prev_day
    if tense in ("future", "present"):  # "opens on Tuesday", "is meeting Friday": scheduled
        return next_day
    return prev_day if back <= ahead else next_day


SEASON_ORDER = ["SP", "SU", "FA", "WI"]


def season_of(d: dt.date) -> tuple[int, str]:
    """The (value year, code) of the season a day falls in (December opens winter)."""
    m = d.month
    for code, (first, last) in SEASON_MONTHS.items():
        if first <= m <= last:
            return d.year, code
    return d.year - 1, "WI"  # January, February


def season(code: str, anchor: dt.date, tense: str | None, rel: str | None) -> int:
    """The year of a season named without one (winter belongs to the year its December is in)."""
    cur_y, cur = season_of(anchor)
    cur_k = cur_y * 4 + SEASON_ORDER.index(cur)

    def key(y: int) -> int:
        return y * 4 + SEASON_ORDER.index(code)

    years = [anchor.year - 2, anchor.year - 1, anchor.year, anchor.year + 1]
    if rel in ("last", "past") and code == "WI" and anchor.month <= 2:
        # as "this winter" is the writing's year, "last winter" said in January is the year
        # before: the winter the calendar year before had, not the one two Decembers back
        return anchor.year - 1
    if rel in ("last", "past"):
        return max(y for y in years if key(y) < cur_k)
    if rel in ("next", "coming"):
        return min(y for y in years if key(y) > cur_k)
    if rel == "this":  # "this fall", "this winter": the season of the writing's year
        return anchor.year
    if tense == "past":
        return max(y for y in years if key(y) <= cur_k)
    if tense == "future":
        return min(y for y in years if key(y) >= cur_k)
    # at equal distance, a present tense or none tells of the coming one ("goes on sale in the
    # autumn", "calls for talks in the fall")
    return min(years, key=lambda y: (abs(key(y) - cur_k), (key(y) > cur_k) != (tense in ("present", None))))


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month = (h + l - 7 * m + 90) // 25
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


def thanksgiving(year: int) -> dt.date:
    """US Thanksgiving: the fourth Thursday of November."""
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` (Monday 0) of a month; ``n`` -1 is the last ("the first
    Monday of September" is Labor Day, the last Monday of May Memorial Day)."""
    if n < 0:
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def quarter_year(q: int, anchor: dt.date, tense: str | None, fiscal: bool = False) -> int:
    """The year of a quarter (or half, given as its first quarter) named without one. Told
    in the past, or with no tense of its own ("a loss for the fourth quarter", said in
    January), it is the latest such quarter begun by the anchor; but with no tense, the
    quarter after this one is the coming one ("sees fourth-quarter loss", said in September).
    The quarter just ended is still this year's in the future tense: its results are yet to
    come ("will report a loss for the third quarter", said in October). Told in the future
    or the present, a quarter further back is next year's ("loans that fall due in the first
    quarter", said in December). Across the year's turn the same holds: the fourth quarter
    told of in the first weeks of a year is the one just ended, whatever the tense ("expects
    a charge in the fourth quarter", said in January), unless it is a ``fiscal`` one."""
    if q == 4 and not fiscal and (anchor - dt.date(anchor.year, 1, 1)).days < 50:
        return anchor.year - 1
    cur = (anchor.month - 1) // 3 + 1
    latest = cur + 1 if tense is None else cur  # the latest quarter still taken as this year's
    if tense in ("past", None) and q > latest:
        return anchor.year - 1
    if tense in ("future", "present") and q < cur - 1:
        return anchor.year + 1
    return anchor.year


def shift_months(anchor: dt.date, n: int) -> tuple[int, int]:
    return add_months(anchor.year, anchor.month, n)

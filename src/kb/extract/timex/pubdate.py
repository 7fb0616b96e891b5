"""The publication day of an article, read from its text alone (never from the clock).

In order of trust: a dateline ("RABAT, Nov 24 (Reuters) -", a date alone on an opening
line), an "Updated/Published 24 November 2021" stamp, a weekday with day and month whose
year the other years in the text pin down, and last the latest full date in the text. A
dateline or stamp without a year takes one only from a date in the text just before the
day it names; otherwise the day stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re

from kb.extract.timex.grammar import COMMA, DAY, DOW, DOWA, MON, YEAR
from kb.lexicon.time_words import MONTHS, WEEKDAYS

_AGENCY = r"(?:Reuters|AP|AFP|Bloomberg|UPI|dpa|DPA|IANS|PTI|ANI|Xinhua|Anadolu|MAP|APS|WAM|SPA|KUNA|CNN|BBC|EFE|ANSA|TASS|Kyodo|Yonhap)"
# a place, perhaps with its state or country: "RABAT,", "WILMINGTON, Del.,", "PORT LOUIS, Mauritius,"
_CITY = r"(?:[A-Z][A-Za-z.'’\- ]{1,40}?(?:\s*\([A-Za-z.]+\))?\s*[,:]\s*(?:[A-Z][A-Za-z.]{1,14}(?:\s[A-Z][A-Za-z.]{1,14})?\s*,\s*)?)"
_MD = rf"(?P<mon>{MON})\s*(?P<d>{DAY})"
_DM = rf"(?P<d2>{DAY})(?:\s+of)?\s*(?P<mon2>{MON})"
_FULL = rf"(?:(?:{DOWA}){COMMA})?(?:{_MD}|{_DM})(?:{COMMA}(?P<y>{YEAR}))?"

_DATELINE_AGENCY = re.compile(rf"^[ \t]*{_CITY}?{_FULL}\s*\(\s*{_AGENCY}\s*\)", re.M)
_DATELINE_LINE = re.compile(rf"^[ \t]*{_CITY}?{_FULL}[ \t]*(?:$|[-–—:|]|\(\s*{_AGENCY}\s*\))", re.M)
# "BANGALORE, JUNE 18. The monsoon ...": a city and a day opening the text, then its first sentence
_DATELINE_STOP = re.compile(rf"\A\s*{_CITY}{_FULL}\.\s+(?=[A-Z])")
# "NAKURU, Tuesday" alone on its line, or before a dash or an agency: a weekday dateline
_DATELINE_WEEKDAY = re.compile(rf"[ \t]*{_CITY}(?P<dow>{DOW})[ \t]*(?:$|[-–—:|]|\(\s*{_AGENCY}\s*\))", re.M)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")
_STAMP = re.compile(
    rf"\b(?P<kind>Updated|Published|Posted|Last\s+updated|First\s+published|Last\s+modified)(?:\s+on)?\s*:?\s*"
    rf"(?:{_FULL}|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})|(?P<num>\d{{1,2}}/\d{{1,2}}/\d{{4}}))",
    re.I,
)
_WEEKDAY_DATE = re.compile(rf"\b(?P<dow>{DOW}){COMMA}(?:the\s+)?(?:{_MD}|{_DM})(?!\s*,?\s*\d)")
_ANY_FULL = re.compile(rf"\b(?:{_MD}|{_DM}){COMMA}(?P<y>{YEAR})")
_MONTH_YEAR = re.compile(rf"\b(?P<mon>{MON}){COMMA}(?:of\s+)?(?P<y>{YEAR})(?P<d>)(?P<d2>)(?P<mon2>)")
_YEARS = re.compile(r"(?<![$£€\d.,])\b(19\d\d|20\d\d)\b(?!\s*%|[.,]\d)")


def _md(m: re.Match[str]) -> tuple[int, int]:
    mon = (m["mon"] or m["mon2"]).lower().rstrip(".")
    month = MONTHS[mon] if mon in MONTHS else MONTHS[mon[:3]]
    return month, int(re.sub(r"\D", "", m["d"] or m["d2"]))


def _day(y: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(y, month, day)
    except ValueError:
        return None


def _years(text: str) -> list[int]:
    return [int(y) for y in _YEARS.findall(text)]


def _full_dates(text: str) -> list[dt.date]:
    out = []
    for m in _ANY_FULL.finditer(text):
        month, day = _md(m)
        d = _day(int(m["y"]), month, day)
        if d:
            out.append(d)
    for m in _ISO.finditer(text):
        d = _day(int(m["y"]), int(m["m"]), int(m["d"]))
        if d:
            out.append(d)
    return out


def _weekday_year(text: str, month: int, day: int, weekday: int) -> int | None:
    """The year of a day named with its weekday: the latest fitting year not after the
    latest year mentioned (+1)."""
    years = _years(text)
    if not years:
        return None
    bound = max(years) + 1
    for y in range(bound, bound - 30, -1):
        d = _day(y, month, day)
        if d and d.weekday() == weekday:
            return y
    return None


# A year-less dateline or stamp takes its year from a date in the text only when that date
# lies this close before (or after) the day it names: the text then tells of that day's
# news, while a date further away may be history ("founded on April 4, 1949").
_NEAR_BEFORE, _NEAR_AFTER = 45, 7


def _nearby_year(text: str, month: int, day: int) -> int | None:
    """The year of a year-less day, from the full dates (and months with a year) of the text
    that fall just before it; None when no date in the text is that near."""
    near = []
    for ref in _full_dates(text):
        for y in (ref.year, ref.year + 1):
            d = _day(y, month, day)
            if d and -_NEAR_AFTER <= (d - ref).days <= _NEAR_BEFORE:
                near.append((ref, y))
    for m in _MONTH_YEAR.finditer(text):
        mon = m["mon"].lower().rstrip(".")
        ref_month = MONTHS[mon] if mon in MONTHS else MONTHS[mon[:3]]
        for y in (int(m["y"]), int(m["y"]) + 1):
            if (y * 12 + month) - (int(m["y"]) * 12 + ref_month) in (0, 1):
                near.append((dt.date(int(m["y"]), ref_month, 1), y))
    return max(near)[1] if near else None


def publication_date(text: str) -> tuple[str, str] | None:
    """``(iso_day, published_from)`` found in the text, or None.

    ``published_from`` is "dateline", "updated", "weekday" or "latest"; a dateline or stamp
    without a year that takes it from a nearby date in the text is "dateline+text" or
    "updated+text". When a year-less dateline finds no such date, the day stays unknown
    rather than borrow a year the text names for something else.
    """
    head = text[:2000]
    dateline_day: tuple[int, int] | None = None  # of a dateline without a year
    for rx in (_DATELINE_AGENCY, _DATELINE_LINE, _DATELINE_STOP):
        for m in rx.finditer(head):
            month, day = _md(m)
            if m["y"]:
                d = _day(int(m["y"]), month, day)
                if d:
                    return d.isoformat(), "dateline"
                continue
            year = _nearby_year(text, month, day)
            d = _day(year, month, day) if year else None
            if d:
                return d.isoformat(), "dateline+text"
            dateline_day = dateline_day or (month, day)
    stamps = list(_STAMP.finditer(text))
    stamps.sort(key=lambda m: 0 if "publish" in m["kind"].lower() or "posted" in m["kind"].lower() else 1)
    for m in stamps:
        d = None
        if m["iso"]:
            d = dt.date.fromisoformat(m["iso"]) if _ISO.fullmatch(m["iso"]) else None
        elif m["num"]:
            a, b, y = (int(x) for x in m["num"].split("/"))
            d = _day(y, b, a) if a > 12 else _day(y, a, b)
        elif m["y"]:
            month, day = _md(m)
            d = _day(int(m["y"]), month, day)
        else:
            month, day = _md(m)
            year = _nearby_year(text, month, day)
            d = _day(year, month, day) if year else None
            if d:
                return d.isoformat(), "updated+text"
        if d:
            return d.isoformat(), "updated"
    for m in _WEEKDAY_DATE.finditer(text):
        month, day = _md(m)
        if dateline_day and (month, day) != dateline_day:
            continue
        wd = WEEKDAYS[m["dow"].lower()]
        year = _weekday_year(text, month, day, wd)
        d = _day(year, month, day) if year else None
        if d:
            return d.isoformat(), "weekday"
    if dateline_day:
        return None  # the dateline names the day; a guess from other dates would contradict it
    full = [d for d in _full_dates(text) if 1900 <= d.year <= 2100]
    if full:
        return max(full).isoformat(), "latest"
    return None


# a weekday the text itself calls today ("on Friday (today)", "today (Friday)")
_TODAY_NAMED = re.compile(rf"\b(?P<d1>{DOW})\s*\(\s*today\s*\)|\btoday\s*\(\s*(?P<d2>{DOW})\s*\)", re.I)


# A paper printed the morning after tells the news as of its dateline's day.
_WRITTEN_BEFORE = 3


def dateline_day(text: str, published: dt.date) -> dt.date | None:
    """The day an opening dateline without a year names, when it lies one to three days
    before ``published`` ("BANGALORE, JUNE 18." in the paper of June 19; "NAKURU, Tuesday"
    in Wednesday's): the day the text was written, which its "today" and "Tuesday" are
    counted from. The dateline may follow a headline. None otherwise."""
    head = text.lstrip()[:400]
    if (told := _TODAY_NAMED.search(text)) and WEEKDAYS[(told["d1"] or told["d2"]).lower()] == published.weekday():
        return None  # "will be celebrated on Friday (today)" in Friday's paper: written as of that day
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", head)][:3]
    for pos in starts:
        wd = _DATELINE_WEEKDAY.match(head, pos)
        if wd is not None:
            for back in range(1, _WRITTEN_BEFORE + 1):
                d = published - dt.timedelta(days=back)
                if d.weekday() == WEEKDAYS[wd["dow"].lower().rstrip(".")]:
                    return d
            return None
        for rx in (_DATELINE_AGENCY, _DATELINE_LINE, _DATELINE_STOP):
            m = rx.match(head, pos)
            if m is None or m["y"]:
                continue
            month, day = _md(m)
            for year in (published.year, published.year - 1):
                d = _day(year, month, day)
                if d and 1 <= (published - d).days <= _WRITTEN_BEFORE:
                    return d
            return None
    return None

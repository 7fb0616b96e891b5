"""The publication day of an article, read from its text alone (never from the clock).

In order of trust: a dateline ("RABAT, Nov 24 (Reuters) -", a date alone on an opening
line), an "Updated/Published 24 November 2021" stamp, a weekday with day and month whose
year the other years in the text pin down, and last the latest full date in the text.
"""

from __future__ import annotations

import datetime as dt
import re

from kb.extract.timex.calendar import MONTHS, WEEKDAYS
from kb.extract.timex.grammar import COMMA, DAY, DOW, DOWA, MON, YEAR

_AGENCY = r"(?:Reuters|AP|AFP|Bloomberg|UPI|dpa|DPA|IANS|PTI|ANI|Xinhua|Anadolu|MAP|APS|WAM|SPA|KUNA|CNN|BBC|EFE|ANSA|TASS|Kyodo|Yonhap)"
_CITY = r"(?:[A-Z][A-Za-z.'’\- ]{1,40}?(?:\s*\([A-Za-z.]+\))?\s*[,:]\s*)"
_MD = rf"(?P<mon>{MON})\s*(?P<d>{DAY})"
_DM = rf"(?P<d2>{DAY})(?:\s+of)?\s*(?P<mon2>{MON})"
_FULL = rf"(?:(?:{DOWA}){COMMA})?(?:{_MD}|{_DM})(?:{COMMA}(?P<y>{YEAR}))?"

_DATELINE_AGENCY = re.compile(rf"^[ \t]*{_CITY}?{_FULL}\s*\(\s*{_AGENCY}\s*\)", re.M)
_DATELINE_LINE = re.compile(rf"^[ \t]*{_CITY}?{_FULL}[ \t]*(?:$|[-–—:|]|\(\s*{_AGENCY}\s*\))", re.M)
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


def _infer_year(text: str, month: int, day: int, weekday: int | None = None) -> int | None:
    """The year of a year-less day: the latest fitting year not after the latest year mentioned (+1)."""
    full = _full_dates(text)
    years = _years(text)
    if not years:
        return None
    bound = max(years) + 1
    if weekday is not None:
        for y in range(bound, bound - 30, -1):
            d = _day(y, month, day)
            if d and d.weekday() == weekday:
                return y
        return None
    for m in _MONTH_YEAR.finditer(text):
        mon = m["mon"].lower().rstrip(".")
        full.append(dt.date(int(m["y"]), MONTHS[mon] if mon in MONTHS else MONTHS[mon[:3]], 1))
    if full:
        latest = max(full)
        y = latest.year
        return y + 1 if (month, day) < (latest.month, latest.day) else y
    return max(years)


def publication_date(text: str) -> tuple[str, str] | None:
    """``(iso_day, published_from)`` found in the text, or None."""
    head = text[:2000]
    for rx in (_DATELINE_AGENCY, _DATELINE_LINE):
        for m in rx.finditer(head):
            month, day = _md(m)
            year = int(m["y"]) if m["y"] else _infer_year(text, month, day)
            d = _day(year, month, day) if year else None
            if d:
                return d.isoformat(), "dateline"
    stamps = list(_STAMP.finditer(text))
    stamps.sort(key=lambda m: 0 if "publish" in m["kind"].lower() or "posted" in m["kind"].lower() else 1)
    for m in stamps:
        d = None
        if m["iso"]:
            d = dt.date.fromisoformat(m["iso"]) if _ISO.fullmatch(m["iso"]) else None
        elif m["num"]:
            a, b, y = (int(x) for x in m["num"].split("/"))
            d = _day(y, b, a) if a > 12 else _day(y, a, b)
        else:
            month, day = _md(m)
            year = int(m["y"]) if m["y"] else _infer_year(text, month, day)
            d = _day(year, month, day) if year else None
        if d:
            return d.isoformat(), "updated"
    for m in _WEEKDAY_DATE.finditer(text):
        month, day = _md(m)
        wd = WEEKDAYS[m["dow"].lower()]
        year = _infer_year(text, month, day, wd)
        d = _day(year, month, day) if year else None
        if d:
            return d.isoformat(), "weekday"
    full = [d for d in _full_dates(text) if 1900 <= d.year <= 2100]
    if full:
        return max(full).isoformat(), "latest"
    return None

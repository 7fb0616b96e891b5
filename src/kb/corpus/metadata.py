"""Article metadata: publication dates written by machines, titles, front matter."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from kb.lexicon.time_words import MONTHS

_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_]|[+-]\d\d:?\d\d$|Z)")
_COMPACT = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:$|T)")
_SLASHED = re.compile(r"\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\b")
_DAY_MONTH_YEAR = re.compile(r"(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def parse_date(value: object) -> str | None:
    """The ISO day of a date as metadata writes it, or None when it is not one.

    Reads ISO 8601 ("2021-11-24", "2021-11-24T09:30:00+01:00": the day as written,
    in the publisher's own time zone), "20211124", "2021/11/24", e-mail style dates
    ("Wed, 24 Nov 2021 10:00:00 GMT"), "24 November 2021", "November 24, 2021" and Unix
    timestamps. Relative or partial dates are refused: metadata must name a day.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        stamp = float(value)
        if stamp > 1e11:  # milliseconds
            stamp /= 1000.0
        try:
            return datetime.fromtimestamp(stamp, tz=timezone.utc).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 100:
        return None
    for pattern in (_ISO, _COMPACT, _SLASHED):
        m = pattern.match(text)
        if m:
            return _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DAY_MONTH_YEAR.match(text)
    if m and m.group(2).lower() in MONTHS:
        return _day(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_DAY_YEAR.match(text)
    if m and m.group(1).lower() in MONTHS:
        return _day(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


# --- front matter -----------------------------------------------------------------------

_FRONT_OPEN = re.compile(r"\A(?:\ufeff)?[ \t]*---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$\n?", re.M)
_FRONT_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$", re.M)
_FRONT_MAX = 8_000  # a front-matter block longer than this is not one


def front_matter(text: str) -> tuple[dict[str, str], int]:
    """Read a ``---``-delimited block at the top of ``text``.

    Returns the keys (lower-cased) with their values, and where the body starts
    (0 when there is no block). Values are plain strings; quotes around them are removed.
    """
    head = _FRONT_OPEN.match(text)
    if not head:
        return {}, 0
    close = _FRONT_CLOSE.search(text, head.end(), head.end() + _FRONT_MAX)
    if not close:
        return {}, 0
    block = text[head.end() : close.start()]
    keys: dict[str, str] = {}
    for m in _FRONT_KEY.finditer(block):
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        keys.setdefault(m.group(1).lower(), value)
    if not keys:
        return {}, 0
    return keys, close.end()


# --- titles -----------------------------------------------------------------------------

TITLE_MAX = 150
_SENTENCE_END = re.compile(r"[.!?](?=\s)")


def title_from(clean: str) -> str:
    """A title for an article that has none: its first line, shortened if it is a paragraph.

    A long first line is cut at its first sentence end, else at a word boundary, with "…".
    """
    for line in clean.split("\n"):
        line = line.strip()
        if line:
            break
    else:
        return ""
    return shorten(line)


def shorten(line: str, limit: int = TITLE_MAX) -> str:
    line = " ".join(line.split())
    if len(line) <= limit:
        return line
    m = _SENTENCE_END.search(line, 20, limit)
    if m:
        return line[: m.end()]
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > 20 else limit].rstrip(" ,;:–—-") + "…"

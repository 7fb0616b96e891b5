"""Time expressions: finding them, normalising them to TimeML values, publication dates.

Contract used by the rest of kb:

- ``publication_date(text) -> (iso_day, published_from) | None``
- ``find_timexes(doc, anchor) -> list[Timex]`` (cleaned-text offsets, sentence indexes)
- ``parse_date_arg(text) -> DateValue`` for command-line dates (raises ``BadDate``)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from kb.errors import BadDate
from kb.model import DateValue, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc


def publication_date(text: str) -> tuple[str, str] | None:
    return None


def find_timexes(doc: Doc, anchor: str | None) -> list[Timex]:
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    out = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            out.append(Timex(ent.text, ent.start_char, ent.end_char, ent.label_, sentence=sent_index.get(ent.sent.start, -1)))
    return out


def parse_date_arg(text: str) -> DateValue:
    """Read YYYY, YYYY-MM or YYYY-MM-DD as given on the command line."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not m:
        raise BadDate(f"cannot read date {text!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = m.group(1), m.group(2), m.group(3)
    try:
        if day:
            d = dt.date(int(year), int(month), int(day))
            return DateValue(d.isoformat(), "day", d.isoformat(), d.isoformat())
        if month:
            first = dt.date(int(year), int(month), 1)
            nxt = dt.date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
            return DateValue(first.strftime("%Y-%m"), "month", first.isoformat(), last.isoformat())
        return DateValue(year, "year", f"{year}-01-01", f"{year}-12-31")
    except ValueError as exc:
        raise BadDate(f"cannot read date {text!r}: {exc}") from exc

"""Dates typed on the command line (``--from``, ``--to``, ``--published``), read as TimeML values.

It uses the time-expression grammar of :mod:`kb.extract.timex` on the argument alone,
with no parse and no anchor, so no spaCy is loaded: query commands stay fast.
"""

from __future__ import annotations

import datetime as dt
import re

from kb.errors import BadDate
from kb.model import DateValue


class _PlainContext:
    """A context without parse or anchor, for reading absolute dates given as arguments."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.anchor: dt.date | None = None
        self.doc = None

    def tense(self, start: int, end: int) -> str | None:
        return None

    def token(self, pos: int) -> None:
        return None


def parse_date_arg(text: str) -> DateValue:
    """Read a date given on the command line.

    Accepts ISO forms (``2021``, ``2021-11``, ``2021-11-24``), TimeML values (``2021-Q1``,
    ``2021-H2``, ``2021-W47``, ``2021-SU``, ``199X``) and written absolute dates
    (``24 November 2021``, ``Nov. 24, 2021``, ``November 2021``).
    """
    from kb.extract.timex.calendar import value_to_datevalue
    from kb.extract.timex.grammar import candidates, select

    raw = text.strip()
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", raw)
    if m:
        raw = f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else "")
    if re.fullmatch(r"\d{4}|\d{4}-\d{2}(?:-\d{2})?|\d{4}-(?:Q[1-4]|H[12]|W\d{2}|SP|SU|FA|WI)|\d{3}X", raw, re.I):
        dv = value_to_datevalue(raw)
        if dv is not None:
            return dv
        raise BadDate(f"cannot read date {text!r}: no such day")
    found = select(list(candidates(_PlainContext(raw))))
    if len(found) == 1 and found[0].dv is not None and found[0].dv.start and found[0].end - found[0].start >= len(raw.rstrip(".")) - 1:
        return found[0].dv
    raise BadDate(f"cannot read date {text!r}; use YYYY, YYYY-MM, YYYY-MM-DD, 2021-Q1, 199X or '24 November 2021'")

"""Patterns for time expressions and the rules that give each its TimeML value.

Every pattern is a regular expression over the text plus a handler that checks the
context (so "May" the surname or "2000 people" are not dates) and normalises the match
against the anchor day and the tense of its clause. Month and weekday names must be
capitalised; everything else matches in any case.

The grammar is kept in parts: :mod:`~kb.extract.timex.words` (word tables and pattern
pieces), :mod:`~kb.extract.timex.found` (what a handler gets and gives, shared helpers),
:mod:`~kb.extract.timex.rules_dates` and :mod:`~kb.extract.timex.rules_spans` (the
handlers), :mod:`~kb.extract.timex.patterns` (the pattern table) and
:mod:`~kb.extract.timex.matching` (finding matches and choosing among them). This module
gathers what the rest of the package uses.
"""

from __future__ import annotations

from kb.extract.timex.found import Context, Found, Handler, duration_value
from kb.extract.timex.matching import KEYWORDS, NEEDS, _matches, candidates, select
from kb.extract.timex.patterns import COMPILED, PATTERNS
from kb.extract.timex.words import (
    _COUNT_WORDS, COMMA, DAY, DOW, DOWA, MODP, MON, MONFULL, NUM, PART, QUAL, UNIT, UNIT_CODE, VAGUE, YEAR,
)

__all__ = [
    "COMMA", "COMPILED", "DAY", "DOW", "DOWA", "KEYWORDS", "MODP", "MON", "MONFULL", "NEEDS", "NUM", "PART",
    "PATTERNS", "QUAL", "UNIT", "UNIT_CODE", "VAGUE", "YEAR", "Context", "Found", "Handler", "_COUNT_WORDS",
    "_matches", "candidates", "duration_value", "select",
]

"""Value F1 by kind of time expression: where the points are lost.

The kinds are those where temporal taggers are known to lose points (seasons and parts of
the day, sets, present/past/future references, durations, ranges and boundaries, months
and weekdays without a year, ages and adjectives), with clock times, quarters and fiscal
periods, decades and centuries, other expressions relative to the document date, and dates
that carry their year added so that every expression has one. An expression takes the
first kind of ``KINDS`` it fits, judged from its text, type and value. Each gold
expression is classed by itself; a system expression by the gold one it matches, or by
itself when it matches none, so a kind's figures count the same pairs for precision and
recall.

For each kind the table gives the gold and system counts, value precision and recall, and
``lost``: how much the overall value F1 would rise if that kind alone were all right
(its gold expressions all found with the right value, and nothing else found in it).
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december"
           r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec")
_UNITS = r"second|minute|hour|day|night|week|weekend|month|quarter|year|decade|century"

AGE_OR_ADJECTIVE = "age or adjective"
SET = "set"
REFERENCE = "present/past/future reference"
DURATION = "duration"
SEASON_OR_DAY_PART = "season or part of day"
RANGE_OR_BOUNDARY = "range or boundary"
QUARTER = "quarter, half or fiscal period"
DECADE = "decade or century"
CLOCK = "clock time"
NO_YEAR = "month or weekday without year"
RELATIVE = "other relative to the document date"
WITH_YEAR = "date with its year"
OTHER = "other"

KINDS = (AGE_OR_ADJECTIVE, SET, REFERENCE, DURATION, SEASON_OR_DAY_PART, RANGE_OR_BOUNDARY,
         CLOCK, QUARTER, DECADE, NO_YEAR, RELATIVE, WITH_YEAR, OTHER)

_COUNT = (r"\d[\d.,/]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
          r"|thirty|forty|fifty|sixty|ninety|hundred|thousand|half|several|few|multi|many")
_AGE_OR_ADJECTIVE = re.compile(rf"-(?:{_UNITS})s?-old\b|\b(?:{_COUNT})-(?:{_UNITS})(?![\w-])", re.I)
_SEASON_OR_DAY_PART = re.compile(
    r"\b(?:spring|summer|autumn|fall|winter|morning|afternoon|evening|night|tonight|overnight"
    r"|dawn|dusk|noon|midday|midnight|daybreak|sunrise|sunset|lunchtime)\b", re.I)
_SEASON_OR_DAY_PART_VALUE = re.compile(r"-(?:SP|SU|FA|WI)$|T(?:MO|AF|EV|NI|DT|MI)$")
_RANGE_OR_BOUNDARY = re.compile(
    r"\b(?:early|mid|middle|late|end|beginning|start|close|turn|dawn of|latter|first half|second half)\b|\bmid-",
    re.I)
_QUARTER = re.compile(r"\b(?:quarter|half|fiscal|period)\b|-quarter\b|\bH[12]\b|\bQ[1-4]\b", re.I)
_DECADE = re.compile(r"\d0'?s\b|\b(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
                     r"|century|centuries|millennium)\b", re.I)
_NAMED_DAY_OR_MONTH = re.compile(rf"\b(?:{_WEEKDAYS}|{_MONTHS})\b\.?", re.I)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b|'\d\d\b|\b(?:nineteen|two thousand)\b", re.I)
_RELATIVE = re.compile(
    r"\b(?:ago|last|next|this|these|that|yesterday|today|tomorrow|tonight|earlier|later|previous|prior"
    r"|following|coming|past|recent|current|same|year-ago|before|after|since)\b", re.I)


def kind(text: str, type_: str, value: str | None) -> str:
    """The kind of one expression, from its text, TimeML type and value."""
    value = value or ""
    if _AGE_OR_ADJECTIVE.search(text):
        return AGE_OR_ADJECTIVE
    if type_ == "SET":
        return SET
    if value.endswith("_REF"):
        return REFERENCE
    if type_ == "DURATION":
        return DURATION
    if _SEASON_OR_DAY_PART.search(text) or _SEASON_OR_DAY_PART_VALUE.search(value):
        return SEASON_OR_DAY_PART
    if _RANGE_OR_BOUNDARY.search(text):
        return RANGE_OR_BOUNDARY
    if type_ == "TIME":
        return CLOCK
    if _QUARTER.search(text):
        return QUARTER
    if _DECADE.search(text):
        return DECADE
    if _NAMED_DAY_OR_MONTH.search(text) and not _YEAR.search(text):
        return NO_YEAR
    if _RELATIVE.search(text):
        return RELATIVE
    if _YEAR.search(text):
        return WITH_YEAR
    return OTHER


Span = tuple[int, int, str, str | None]


def by_kind(texts: Sequence[str], gold: Sequence[Sequence[Span]], system: Sequence[Sequence[Span]],
            pairs: Sequence[Sequence[tuple[int, int]]]) -> dict[str, dict[str, int]]:
    """Gold count, system count and right values for each kind, over documents given as
    their texts, gold and system spans and the matched (gold index, system index) pairs."""
    counts = {k: {"gold": 0, "system": 0, "right": 0} for k in KINDS}
    for text, g_spans, s_spans, doc_pairs in zip(texts, gold, system, pairs):
        g_kinds = [kind(text[g[0]:g[1]], g[2], g[3]) for g in g_spans]
        s_kinds = [kind(text[s[0]:s[1]], s[2], s[3]) for s in s_spans]
        for gi, si in doc_pairs:
            s_kinds[si] = g_kinds[gi]
            if g_spans[gi][3] == s_spans[si][3]:
                counts[g_kinds[gi]]["right"] += 1
        for k in g_kinds:
            counts[k]["gold"] += 1
        for k in s_kinds:
            counts[k]["system"] += 1
    return counts


def _f1(right: int, system: int, gold: int) -> float:
    return 2 * right / (system + gold) if system + gold else 0.0


def table(counts: dict[str, dict[str, int]]) -> list[str]:
    """The per-kind lines: counts, value P/R and the F1 points the kind loses overall."""
    total = {f: sum(c[f] for c in counts.values()) for f in ("gold", "system", "right")}
    overall = _f1(total["right"], total["system"], total["gold"])
    lines = [f"  {'kind':35} {'gold':>6} {'found':>6} {'value P':>8} {'value R':>8} {'lost':>6}"]
    for k, c in sorted(counts.items(), key=lambda kv: -kv[1]["gold"]):
        if not c["gold"] and not c["system"]:
            continue
        perfect = _f1(total["right"] - c["right"] + c["gold"], total["system"] - c["system"] + c["gold"],
                      total["gold"])
        p = 100 * c["right"] / c["system"] if c["system"] else 0.0
        r = 100 * c["right"] / c["gold"] if c["gold"] else 0.0
        lines.append(f"  {k:35} {c['gold']:6} {c['system']:6} {p:8.1f} {r:8.1f} {100 * (perfect - overall):6.1f}")
    return lines


def side_by_side(texts: Sequence[str], gold: Sequence[Sequence[Span]], systems: dict[str, Sequence[Sequence[Span]]],
                 match: Callable[[Sequence[Span], Sequence[Span]], list[tuple[int, int]]]) -> list[str]:
    """Value F1 by kind of several annotations of the same documents against one gold."""
    counts = {name: by_kind(texts, gold, found, [match(g, f) for g, f in zip(gold, found)])
              for name, found in systems.items()}
    sizes = next(iter(counts.values())) if counts else {}
    lines = [f"  {'kind':35} {'gold':>6} " + " ".join(f"{name:>18}" for name in systems)]
    for k, c in sorted(sizes.items(), key=lambda kv: -kv[1]["gold"]):
        if c["gold"]:
            lines.append(f"  {k:35} {c['gold']:6} " + " ".join(
                f"{100 * _f1(counts[name][k]['right'], counts[name][k]['system'], c['gold']):18.1f}" for name in systems))
    return lines

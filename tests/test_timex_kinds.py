"""The kinds the time-expression scorers split value F1 by (eval/timex_kinds.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import timex_kinds as tk  # noqa: E402


@pytest.mark.parametrize("text, type_, value, kind", [
    ("a 22-year-old", "DURATION", "P22Y", tk.AGE_OR_ADJECTIVE),
    ("five-minute", "DURATION", "PT5M", tk.AGE_OR_ADJECTIVE),
    ("fourth-quarter", "DATE", "1989-Q4", tk.QUARTER),
    ("every week", "SET", "P1W", tk.SET),
    ("recently", "DATE", "PAST_REF", tk.REFERENCE),
    ("90 days", "DURATION", "P90D", tk.DURATION),
    ("last summer", "DATE", "1997-SU", tk.SEASON_OR_DAY_PART),
    ("Friday afternoon", "TIME", "1998-03-06TAF", tk.SEASON_OR_DAY_PART),
    ("the end of the year", "DATE", "1998-12", tk.RANGE_OR_BOUNDARY),
    ("4:30 p.m.", "TIME", "1998-03-06T16:30", tk.CLOCK),
    ("the 1990s", "DATE", "199", tk.DECADE),
    ("August", "DATE", "1997-08", tk.NO_YEAR),
    ("Aug. 3, 1997", "DATE", "1997-08-03", tk.WITH_YEAR),
    ("two weeks ago", "DATE", "1998-W08", tk.RELATIVE),
    ("the weekend", "DATE", "1998-W10-WE", tk.OTHER),
])
def test_kind(text, type_, value, kind):
    assert tk.kind(text, type_, value) == kind


def test_a_kind_made_perfect_gains_what_it_loses():
    # One document: two gold expressions, one found with the right value and one with a
    # wrong value, plus one extra; the wrong one is a duration.
    text = "On Friday he left for 90 days and came back recently."
    gold = [[(3, 9, "DATE", "1998-03-06"), (22, 29, "DURATION", "P90D")]]
    found = [[(3, 9, "DATE", "1998-03-06"), (22, 29, "DURATION", "P3M"), (43, 51, "DATE", "PAST_REF")]]
    counts = tk.by_kind([text], gold, found, [[(0, 0), (1, 1)]])
    assert counts[tk.NO_YEAR] == {"gold": 1, "system": 1, "right": 1}
    assert counts[tk.DURATION] == {"gold": 1, "system": 1, "right": 0}
    assert counts[tk.REFERENCE] == {"gold": 0, "system": 1, "right": 0}
    lines = {line.split("  ")[1].strip(): line for line in tk.table(counts)[1:]}
    # overall F1 = 2*1/(3+2) = 40; durations all right: 2*2/(3+2) = 80, so 40 points lost.
    assert lines[tk.DURATION].split()[-1] == "40.0"
    # no extra reference: 2*1/(2+2) = 50, so 10 points lost.
    assert lines[tk.REFERENCE].split()[-1] == "10.0"


def test_kinds_side_by_side_give_each_annotations_value_f1():
    text = "On Friday he left for 90 days."
    gold = [[(3, 9, "DATE", "1998-03-06"), (22, 29, "DURATION", "P90D")]]
    one = [[(3, 9, "DATE", "1998-03-06"), (22, 29, "DURATION", "P3M")]]
    other = [[(3, 9, "DATE", "1998-02-27")]]
    lines = tk.side_by_side([text], gold, {"one": one, "other": other},
                            lambda g, f: [(i, i) for i in range(min(len(g), len(f)))])
    rows = {line[:37].strip(): line.split()[-3:] for line in lines[1:]}
    assert rows[tk.NO_YEAR] == ["1", "100.0", "0.0"]
    assert rows[tk.DURATION] == ["1", "0.0", "0.0"]

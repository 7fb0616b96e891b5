"""Counting kb's errors by who else reads each place as the gold does (eval/timex_agreement.py)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import timex_agreement as ta  # noqa: E402

GOLD = [[(0, 5, "DATE", "1998"), (10, 15, "DATE", "1998-W02"), (20, 25, "DURATION", "P1D")]]
FOUND = [[(0, 5, "DATE", "1998"), (10, 15, "DATE", "1998-W03"), (30, 35, "DATE", "PRESENT_REF")]]
OTHERS = {"second": [[(10, 15, "DATE", "1998-W02"), (30, 34, "DATE", "PRESENT_REF")]],
          "tool": [[(11, 15, "DATE", "1998-W03"), (20, 25, "DURATION", "P1D")]]}


def test_each_error_is_counted_by_who_shares_it():
    tally = ta.shared_errors(GOLD, FOUND, OTHERS)
    assert tally["wrong values; the gold's value is also given by"] == {("second",): 1}
    assert tally["wrong values; kb's value is also given by"] == {("tool",): 1}
    assert tally["expressions the gold lacks; also tagged by"] == {("second",): 1}
    assert tally["gold expressions kb misses; also tagged by"] == {("tool",): 1}


def test_an_error_nobody_shares_is_counted_as_none():
    tally = ta.shared_errors(GOLD, FOUND, {"other": [[]]})
    assert tally["wrong values; the gold's value is also given by"] == {(): 1}
    assert tally["expressions the gold lacks; also tagged by"] == {(): 1}


def test_lines_name_every_set_of_others():
    lines = ta.shared_lines(ta.shared_errors(GOLD, FOUND, OTHERS), list(OTHERS))
    assert lines[0] == ("  wrong values; the gold's value is also given by (1): "
                        "second and tool 0, second only 1, tool only 0, none 0")
    assert len(lines) == 4

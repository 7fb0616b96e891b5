"""Reading HeidelTime's TimeML back onto the scored text (eval/timex_heideltime.py)."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

import timex_heideltime as ht  # noqa: E402

HEADER = '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'


def test_expressions_land_on_their_own_characters():
    text = "AT&T said on Tuesday that sales rose last year."
    timeml = (HEADER + 'AT&amp;T said on <TIMEX3 tid="t2" type="DATE" value="1998-03-03">Tuesday</TIMEX3> that'
              ' sales rose <TIMEX3 tid="t1" type="DATE" value="1997">last year</TIMEX3>.\n\n</TimeML>\n')
    found = ht.spans_of(timeml, text)
    assert [(text[s:e], t, v) for s, e, t, v in found] == [
        ("Tuesday", "DATE", "1998-03-03"), ("last year", "DATE", "1997")]


def test_changed_spacing_is_laid_over_the_text():
    text = "Sales  fell\n\non Friday,  officials said."
    timeml = HEADER + 'Sales fell\non <TIMEX3 tid="t1" type="DATE" value="1989-10-27">Friday</TIMEX3>, officials said.\n</TimeML>'
    assert [(text[s:e], v) for s, e, _, v in ht.spans_of(timeml, text)] == [("Friday", "1989-10-27")]


def test_a_folder_without_the_jar_is_named(tmp_path, capsys):
    assert ht.main(["--home", str(tmp_path), "--limit", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and str(tmp_path) in err


def test_tempeval_documents_are_told_apart_by_collection():
    import tempeval
    if not tempeval.DATA.is_dir():
        pytest.skip(f"TempEval-3 data not found at {tempeval.DATA}")
    docs = tempeval.load(tempeval.HELD_OUT)
    parts = ht.by_collection(docs, tempeval.HELD_OUT)
    assert set(parts) == {"AQUAINT", "TimeBank"}
    assert sorted(i for part in parts.values() for i in part) == list(range(len(docs)))

"""The pipeline's lemmatizer, run by arrays, gives the lemmas spaCy's own loop gives."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from kb.nlp import lemmas

TEXTS = [
    "The ministers were meeting their counterparts; talks went better than expected and he got the deals signed.",
    "Shares fell 3% to $12.50 as analysts said they'd wait.\n\n  Prices are rising faster.",
    "Israel's defence minister visited Rabat, where the two countries' officials had signed memoranda.",
    "",
]


def test_the_pipeline_lemmatizer_works_by_arrays(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), lemmas._ArrayLemmas)
    lemmas.memoise(nlp)  # a second time changes nothing
    assert type(nlp.get_pipe("lemmatizer")).__mro__.count(lemmas._ArrayLemmas) == 1


@pytest.mark.parametrize("text", TEXTS)
def test_same_lemmas_as_spacy(nlp, parsed_until, text):
    lemmatizer = nlp.get_pipe("lemmatizer")
    doc = parsed_until(text, "lemmatizer")
    expected = Lemmatizer.__call__(lemmatizer, Doc.from_docs([doc]) if len(doc) else nlp.make_doc(""))
    got = lemmatizer(Doc.from_docs([doc]) if len(doc) else nlp.make_doc(""))
    assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert (got.to_array([LEMMA]) == expected.to_array([LEMMA])).all()
    if "got" in text:
        assert [t.lemma_ for t in got if t.text == "got"] == ["get"]  # set by the attribute rules, kept

"""Per-document views: the same answers as spaCy's own properties, computed once."""

from __future__ import annotations

from kb.extract import sents


def test_views_match_spacy(nlp) -> None:
    doc = nlp("Talks opened in Geneva on Monday.\nThe Swiss host said little. Delegates left early.")
    assert sents.doc_text(doc) == doc.text
    assert [s.text for s in sents.doc_sents(doc)] == [s.text for s in doc.sents]
    assert [(e.text, e.label_) for e in sents.doc_ents(doc)] == [(e.text, e.label_) for e in doc.ents]
    assert [t.i for t in sents.doc_tokens(doc)] == list(range(len(doc)))
    for tok in doc:
        assert sents.sentence_of(tok).start == tok.sent.start
        assert sents.doc_sents(doc)[sents.sentence_index(doc)[tok.i]] == tok.sent
    assert sents.doc_sents(doc) is sents.doc_sents(doc)  # computed once


def test_forget_drops_only_the_views(nlp) -> None:
    doc = nlp("A short text.")
    doc.user_data["other"] = 1
    sents.remember_text(doc, "A short text.")
    sents.doc_sents(doc)
    sents.forget(doc)
    assert doc.user_data == {"other": 1}
    assert sents.doc_text(doc) == "A short text."

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


def test_parsed_tokens_match_spacy(nlp) -> None:
    doc = nlp("Ghana, Kenya and Togo signed and ratified the deal in Nairobi on Thursday, officials said. "
              "It ends years of talks.")
    table = sents.parsed_tokens(doc)
    assert len(table) == len(doc)
    for tok, view in zip(doc, table):
        assert (view.i, view.idx, view.text, view.lower_, view.lemma_, view.pos_, view.tag_, view.dep_,
                view.ent_type_, len(view)) == (tok.i, tok.idx, tok.text, tok.lower_, tok.lemma_, tok.pos_, tok.tag_,
                                              tok.dep_, tok.ent_type_, len(tok))
        assert view.head.i == tok.head.i
        assert [c.i for c in view.children] == [c.i for c in tok.children]
        assert [c.i for c in view.conjuncts] == [c.i for c in tok.conjuncts]
        assert (view.left_edge.i, view.right_edge.i) == (tok.left_edge.i, tok.right_edge.i)
        assert sents.parsed(tok) is view
    assert any(view.conjuncts for view in table)  # the sentence has coordinations to compare
    sents.forget(doc)
    assert all(view.head is None for view in table)  # links dropped, so the copies are freed at once

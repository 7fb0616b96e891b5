"""The array attribute ruler gives the model's AttributeRuler's annotations exactly."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from kb.nlp.attribute_rules import ArrayAttributeRuler

TEXTS = [
    "There's nothin' he got from them, y'all know, and there are no talks planned.",
    "Israel's defence minister, Benny Gantz, signed a memorandum of understanding in Rabat on Wednesday.",
    "It wasn't the first time: Morocco had cut ties in 2000 and it gets harder, doesn't it?",
    "  Shares of  Ford fell 3%\n\nto $12.50 — the lowest since '08 — as analysts said   they'd wait.",
    "Y' know what I mean? Nothin' ever changes n't here.",
]


def _pair(nlp) -> tuple[AttributeRuler, ArrayAttributeRuler]:
    patterns = nlp.get_pipe("attribute_ruler").patterns
    spacy_ruler = AttributeRuler(nlp.vocab, "spacy_ruler")
    spacy_ruler.add_patterns(patterns)
    array_ruler = ArrayAttributeRuler(nlp.vocab, "array_ruler")
    array_ruler.add_patterns(patterns)
    return spacy_ruler, array_ruler


def test_the_pipeline_runs_the_array_ruler(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)


@pytest.mark.parametrize("text", TEXTS)
def test_same_matches_and_annotations_as_spacy(nlp, parsed_until, text):
    spacy_ruler, array_ruler = _pair(nlp)
    assert array_ruler._rules, "the model's rules should all be testable on arrays"
    doc = parsed_until(text, "attribute_ruler")
    assert array_ruler.match(doc) == spacy_ruler.match(doc)
    expected, got = spacy_ruler(Doc.from_docs([doc])), array_ruler(Doc.from_docs([doc]))
    columns = [POS, TAG, MORPH, LEMMA, DEP]
    assert (got.to_array(columns) == expected.to_array(columns)).all()


def test_rules_of_other_shapes_fall_back_to_the_matcher(nlp, parsed_until):
    patterns = [
        {"patterns": [[{"LOWER": "not"}, {"IS_PUNCT": True, "OP": "?"}, {"TAG": "VB"}]],
         "attrs": {"LEMMA": "negated"}, "index": -1},
        {"patterns": [[{"TAG": "NNP"}]], "attrs": {"POS": "PROPN"}},
    ]
    spacy_ruler = AttributeRuler(nlp.vocab, "spacy_ruler")
    spacy_ruler.add_patterns(patterns)
    array_ruler = ArrayAttributeRuler(nlp.vocab, "array_ruler")
    array_ruler.add_patterns(patterns)
    assert array_ruler._rules is None
    doc = parsed_until("They did not , go . Ahmed said they did not go.", "attribute_ruler")
    assert array_ruler.match(doc) == spacy_ruler.match(doc)
    assert any(order == 0 for order, *_ in array_ruler.match(doc))


def test_listed_values_negations_and_two_token_rules(nlp, parsed_until):
    patterns = [
        {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are", "'s"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
        {"patterns": [[{"TAG": {"NOT_IN": ["NNP", "NN", "."]}, "IS_SPACE": False}]], "attrs": {"LEMMA": "x"}},
        {"patterns": [[{"LOWER": {"REGEX": "^th"}}]], "attrs": {"LEMMA": "th"}},
        {"patterns": [[{"LOWER": {"IN": []}}], [{"TAG": {"NOT_IN": []}, "LOWER": "said"}]], "attrs": {"LEMMA": "none"}},
    ]
    spacy_ruler = AttributeRuler(nlp.vocab, "spacy_ruler")
    spacy_ruler.add_patterns(patterns)
    array_ruler = ArrayAttributeRuler(nlp.vocab, "array_ruler")
    array_ruler.add_patterns(patterns)
    assert array_ruler._rules is not None
    doc = parsed_until("There are three things, and there's the thing  they said.", "attribute_ruler")
    found = array_ruler.match(doc)
    assert found == spacy_ruler.match(doc)
    assert {order for order, *_ in found} == {0, 1, 2, 3}

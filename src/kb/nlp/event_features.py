"""The features event recognition reads for each token: its words, its parse, its context.

Shared by the component (:mod:`kb.nlp.event_mentions`) and the script that trains its
weights (``scripts/train_event_model.py``), so both see exactly the same features. They
come in two parts: what the word itself is (the same wherever it stands, so its score is
computed once per word form and kept) and where it stands in the sentence and its parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.lexicon import wordnet_nouns

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kb.extract.sents import ParsedToken

# parts of speech an event word can have (in TempEval-3's development data, 99.9% of the
# event words are verbs, nouns, auxiliaries or adjectives); any other token is never one
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
# children whose word says something about the event (its article, preposition, auxiliary)
_WORD_DEPS = frozenset({"det", "poss", "prep", "aux", "auxpass", "neg", "case"})

LexKey = tuple[str, str, str, str, bool]


def candidate(tok: ParsedToken) -> bool:
    """Whether ``tok`` is worth scoring at all."""
    return tok.pos_ in CANDIDATE_POS and any(c.isalpha() for c in tok.lower_)


def lexical_key(tok: ParsedToken, text: str) -> LexKey:
    """What :func:`lexical_features` depends on (``text``: the token's text)."""
    return tok.lower_, tok.lemma_.lower(), tok.tag_, tok.pos_, text[:1].isupper()


def lexical_features(key: LexKey) -> list[str]:
    """Features of the word itself: form, lemma, tag, suffixes, WordNet's senses of a noun."""
    low, lemma, tag, pos, cap = key
    feats = ["b", "l=" + lemma, "w=" + low, "t=" + tag, "p=" + pos, "lt=" + lemma + "|" + tag,
             "s3=" + low[-3:] + "|" + pos, "s4=" + low[-4:], "cap=" + ("1" if cap else "0") + "|" + pos]
    if pos in ("NOUN", "PROPN"):
        sense = wordnet_nouns().get(lemma)
        if sense is None:
            feats.append("wn=none")
        else:
            feats += ["wn1=" + sense.first, "wnh=" + str(round(sense.happening * 4)),
                      "wnv=" + str(int(sense.from_verb))]
    return feats


def head_key(tok: ParsedToken) -> tuple[str, str, str, str]:
    """What :func:`head_features` depends on."""
    head = tok.head
    return tok.dep_, head.pos_, head.lemma_.lower(), head.tag_


def head_features(key: tuple[str, str, str, str]) -> list[str]:
    """Features of the token's dependency and of the word it hangs on."""
    dep, head_pos, head_lemma, head_tag = key
    return ["d=" + dep, "hd=" + dep + "|" + head_pos, "hl=" + head_lemma, "ht=" + head_tag,
            "hld=" + head_lemma + "|" + dep]


def neighbour_key(tokens: list[ParsedToken], i: int) -> tuple[str, str, str, str, str]:
    """What :func:`neighbour_features` depends on."""
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return (prev.tag_ if prev is not None else "^", tokens[i].tag_, nxt.tag_ if nxt is not None else "$",
            prev.lower_ if prev is not None else "^", nxt.lower_ if nxt is not None else "$")


def neighbour_features(key: tuple[str, str, str, str, str]) -> list[str]:
    """Features of the words before and after the token."""
    prev_tag, tag, next_tag, prev_word, next_word = key
    return ["pt=" + prev_tag, "nt=" + next_tag, "pw=" + prev_word, "nw=" + next_word, "ptt=" + prev_tag + "|" + tag]


def own_features(tok: ParsedToken, ent_type: str) -> list[str]:
    """Features of the token's children and of the named entity it is part of (``ent_type``,
    "" for none)."""
    feats = ["ent=" + ent_type]
    for c in tok.children:
        feats.append("cd=" + c.dep_)
        if c.dep_ in _WORD_DEPS:
            feats.append("cw=" + c.dep_ + "|" + c.lower_)
    return feats


def entity_types(doc: Doc) -> dict[int, str]:
    """The named-entity type of each token inside an entity."""
    return {i: ent.label_ for ent in doc.ents for i in range(ent.start, ent.end)}


def token_features(tokens: list[ParsedToken], i: int, texts: list[str], ents: dict[int, str]) -> list[str]:
    """All the features of token ``i``: strings, each a name and a value (``texts``: the
    document's token texts, ``ents``: its :func:`entity_types`)."""
    tok = tokens[i]
    return (lexical_features(lexical_key(tok, texts[i])) + head_features(head_key(tok))
            + neighbour_features(neighbour_key(tokens, i)) + own_features(tok, ents.get(i, "")))

"""The features event recognition reads for each token: its words, its parse, its context.

Shared by the component (:mod:`kb.nlp.event_mentions`) and the script that trains its
weights (``scripts/train_event_model.py``), so both see exactly the same features.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.lexicon import wordnet_nouns

if TYPE_CHECKING:
    from kb.extract.sents import ParsedToken

# parts of speech an event word can have; any other token is never one
CANDIDATE_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ", "PROPN", "ADV", "NUM", "ADP", "PRON", "DET"})


def candidate(tok: ParsedToken) -> bool:
    """Whether ``tok`` is worth scoring at all."""
    return tok.pos_ in CANDIDATE_POS and any(c.isalpha() for c in tok.lower_)


def token_features(tokens: list[ParsedToken], i: int) -> list[str]:
    """The features of token ``i``: strings, each a name and a value."""
    tok = tokens[i]
    lemma, low, tag, pos, dep = tok.lemma_.lower(), tok.lower_, tok.tag_, tok.pos_, tok.dep_
    head = tok.head
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    feats = [
        "b", "l=" + lemma, "w=" + low, "t=" + tag, "p=" + pos, "d=" + dep,
        "lt=" + lemma + "|" + tag, "s3=" + low[-3:] + "|" + pos, "s4=" + low[-4:],
        "hd=" + dep + "|" + head.pos_, "hl=" + head.lemma_.lower(), "ht=" + head.tag_,
        "hld=" + head.lemma_.lower() + "|" + dep,
        "pt=" + (prev.tag_ if prev else "^"), "nt=" + (nxt.tag_ if nxt else "$"),
        "pw=" + (prev.lower_ if prev else "^"), "nw=" + (nxt.lower_ if nxt else "$"),
        "ptt=" + (prev.tag_ if prev else "^") + "|" + tag,
        "cap=" + ("1" if tok.text[:1].isupper() else "0") + "|" + pos,
        "ent=" + tok.ent_type_,
    ]
    for c in tok.children:
        feats.append("cd=" + c.dep_)
        if c.dep_ in ("det", "poss", "prep", "aux", "auxpass", "neg", "case"):
            feats.append("cw=" + c.dep_ + "|" + c.lower_)
    if pos in ("NOUN", "PROPN"):
        sense = wordnet_nouns().get(lemma)
        if sense is None:
            feats.append("wn=none")
        else:
            feats.append("wn1=" + sense.first)
            feats.append("wnh=" + str(round(sense.happening * 4)))
            feats.append("wnv=" + str(int(sense.from_verb)))
    return feats

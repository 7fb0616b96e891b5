"""The sentence of a token, computed once per document.

spaCy's ``Token.sent`` walks the document on every call; extraction asks it often.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_KEY = "kb_sentence_index"


def sentence_of(tok: Token) -> Span:
    """``tok.sent``, from an index built once per document."""
    doc: Doc = tok.doc
    index = doc.user_data.get(_KEY)
    if index is None:
        sents = list(doc.sents)
        owner = [0] * len(doc)
        for i, sent in enumerate(sents):
            for t in range(sent.start, sent.end):
                owner[t] = i
        index = doc.user_data[_KEY] = (sents, owner)
    sents, owner = index
    return sents[owner[tok.i]]

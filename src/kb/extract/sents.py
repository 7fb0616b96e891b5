"""Views of a parsed document that extraction asks for often, computed once per document.

spaCy builds them anew on every call: ``Doc.text`` joins every token, ``Doc.sents`` and
``Doc.ents`` make new spans, ``Token.sent`` walks the document, and each ``Doc[i]`` or
iteration makes a new ``Token``. The views are kept in ``doc.user_data`` until
:func:`forget` drops them (they refer back to the document, so dropping them lets it be
freed at once rather than by the cycle collector).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_PREFIX = "kb_view_"


def _cached(doc: Doc, name: str, make: Callable[[], Any]) -> Any:
    key = _PREFIX + name
    value = doc.user_data.get(key)
    if value is None:
        value = doc.user_data[key] = make()
    return value


def doc_text(doc: Doc) -> str:
    """``doc.text``."""
    return _cached(doc, "text", lambda: doc.text)


def remember_text(doc: Doc, text: str) -> None:
    """Give ``doc.text`` when the caller knows it (the string the document was parsed from)."""
    doc.user_data[_PREFIX + "text"] = text


def doc_sents(doc: Doc) -> list[Span]:
    """``list(doc.sents)``."""
    return _cached(doc, "sents", lambda: list(doc.sents))


def doc_ents(doc: Doc) -> list[Span]:
    """``list(doc.ents)``."""
    return _cached(doc, "ents", lambda: list(doc.ents))


def doc_tokens(doc: Doc) -> list[Token]:
    """``list(doc)``."""
    return _cached(doc, "tokens", lambda: list(doc))


def sentence_index(doc: Doc) -> list[int]:
    """For each token, the index of its sentence in :func:`doc_sents`."""

    def make() -> list[int]:
        owner = [0] * len(doc)
        for i, sent in enumerate(doc_sents(doc)):
            owner[sent.start:sent.end] = [i] * (sent.end - sent.start)
        return owner

    return _cached(doc, "sentence_index", make)


def sentence_of(tok: Token) -> Span:
    """``tok.sent``, from an index built once per document."""
    doc: Doc = tok.doc
    return doc_sents(doc)[sentence_index(doc)[tok.i]]


def forget(doc: Doc) -> None:
    """Drop the views kept for ``doc``."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_PREFIX)]:
        del doc.user_data[key]

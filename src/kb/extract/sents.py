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


def _strings(doc: Doc, ids: list[int]) -> dict[int, str]:
    """The string of each distinct id in ``ids`` (from ``Doc.to_array``), each looked up
    once: much cheaper than a spaCy ``Token`` per word reading its strings one by one."""
    strings = doc.vocab.strings
    return {key: strings[key] for key in set(ids)}


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


def token_texts(doc: Doc) -> list[str]:
    """``[tok.text for tok in doc]``: loops over every token that test a word's text read it
    from here rather than have spaCy look it up on each access."""
    def make() -> list[str]:
        from spacy.attrs import ORTH

        ids = doc.to_array(ORTH).tolist()
        text = _strings(doc, ids)
        return [text[key] for key in ids]

    return _cached(doc, "token_texts", make)


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


def sentence_root(tok: Token | ParsedToken) -> ParsedToken:
    """The :class:`ParsedToken` of ``tok.sent.root``: ``Span.root`` walks the sentence on every
    call, so each sentence's root is found once."""
    doc: Doc = tok.doc
    roots: dict[int, ParsedToken] = _cached(doc, "sentence_roots", dict)
    i = sentence_index(doc)[tok.i]
    root = roots.get(i)
    if root is None:
        root = roots[i] = parsed_tokens(doc)[doc_sents(doc)[i].root.i]
    return root


class ParsedToken:
    """A token's words and parse, read from spaCy once per document.

    spaCy's ``Token`` looks each string up again on every access (``dep_``, ``lemma_``…),
    makes a new object for every ``head`` and walks the whole subtree for ``children``.
    Event extraction climbs the parse and reads the same few tokens many times over, so
    it works on these instead. Same names and values as on ``Token`` for the attributes
    kept; ``children`` is a list in document order, ``conjuncts`` a tuple. Only the parse
    and the forms that parse is read by are copied (making the copies is most of their
    cost); the rest is read from spaCy when asked for.
    """

    __slots__ = ("doc", "i", "lower_", "lemma_", "pos_", "tag_", "dep_", "head", "children")

    def __init__(self, doc: Doc, i: int, lower_: str, lemma_: str, pos_: str, tag_: str, dep_: str) -> None:
        self.doc = doc
        self.i = i
        self.lower_ = lower_
        self.lemma_ = lemma_
        self.pos_ = pos_
        self.tag_ = tag_
        self.dep_ = dep_
        self.head: ParsedToken = self
        self.children: list[ParsedToken] = []

    @property
    def text(self) -> str:
        return self.doc[self.i].text

    @property
    def idx(self) -> int:
        return self.doc[self.i].idx

    @property
    def ent_type_(self) -> str:
        return self.doc[self.i].ent_type_

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return self.text

    @property
    def left_edge(self) -> ParsedToken:
        return parsed_tokens(self.doc)[self.doc[self.i].left_edge.i]

    @property
    def right_edge(self) -> ParsedToken:
        return parsed_tokens(self.doc)[self.doc[self.i].right_edge.i]

    @property
    def conjuncts(self) -> tuple[ParsedToken, ...]:
        """As ``Token.conjuncts``: the other members of its coordination, in the same order."""
        start = self
        while start.head is not start and start.dep_ == "conj":
            start = start.head
        queue = [start]
        output = [start]
        for word in queue:
            for child in word.children:
                if child.i > word.i and child.dep_ == "conj":
                    output.append(child)
                    queue.append(child)
        return tuple(w for w in output if w.i != self.i)


def parsed_tokens(doc: Doc) -> list[ParsedToken]:
    """A :class:`ParsedToken` for each token of ``doc``, heads and children linked."""

    def make() -> list[ParsedToken]:
        from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS, TAG

        ids = doc.to_array([LOWER, LEMMA, POS, TAG, DEP]).tolist()
        word = _strings(doc, [key for row in ids for key in row])
        table = [ParsedToken(doc, i, word[lower], word[lemma], word[pos], word[tag], word[dep])
                 for i, (lower, lemma, pos, tag, dep) in enumerate(ids)]
        if table:
            for view, offset in zip(table, doc.to_array(HEAD).astype("int64").tolist()):
                if offset:  # a root is its own head
                    view.head = table[view.i + offset]
                    view.head.children.append(view)
        return table

    return _cached(doc, "parsed", make)


def parsed(tok: Token | ParsedToken) -> ParsedToken:
    """The :class:`ParsedToken` of a token."""
    return parsed_tokens(tok.doc)[tok.i]


def forget(doc: Doc) -> None:
    """Drop the views kept for ``doc``."""
    for tok in doc.user_data.get(_PREFIX + "parsed", ()):
        tok.head = tok.children = None  # links between tokens would wait for the cycle collector
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_PREFIX)]:
        del doc.user_data[key]

"""Where a mention's kind is decided: :func:`typed_mentions`, and the article's word on it.

A name's kind comes from three kinds of evidence, in this order of precedence:

1. its own evidence, read by :func:`kb.extract.mentions.collect`: the ``kb_gazetteer``
   component's states, demonyms, capitals and epithets first, then the model's label
   read with the name's words and neighbours ("CAIRO —" is a place, "its Switch
   console" a product); one function (``mentions._from_ent``) decides each name of
   ``doc.ents`` by the first of its rules that holds;
2. its shape, read by :func:`kb.extract.products.shape_products`: a name shaped like a
   product ("Airbus A380", "Chevrolet Volt") replaces the names it overlaps, whatever
   they were, as it changes where names start and end, not only what they are;
3. the article, read by :func:`_article_kind`: what the article's other names are
   ("Wang" after "Wang Yi" is the person, "Meta" beside "Meta Platforms" the company).

The article's word needs the first two for every other name before it can judge one,
so it comes last and overrules them only by the rules listed in :func:`_article_kind`,
tried in order, the first that holds deciding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.extract.candidates import Cand, name_tokens
from kb.extract.clusters import surname_key
from kb.extract.mentions import collect
from kb.extract.products import shape_products
from kb.extract.roles import named_as_office
from kb.extract.sents import doc_text, doc_tokens
from kb.lexicon import names as nm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def typed_mentions(doc: Doc, sent_of: list[int], toks: list[Token]) -> list[Cand]:
    """The article's candidate names, each with its kind (see the module's docstring)."""
    cands = shape_products(doc, collect(doc, sent_of, toks), sent_of, toks)
    return article_kinds(cands, doc)


@dataclass
class _Article:
    """What the article's names say about one another, read once from their kinds before
    the article's rules run."""

    tokens: list[Token]
    surnames: set[str] = field(default_factory=set)  # folded tails of people's names: "gantz", "benny gantz"
    heads: set[str] = field(default_factory=set)  # first words of people's names, no other word of one
    org_first: set[str] = field(default_factory=set)  # "meta" of "Meta Platforms"
    org_single: set[str] = field(default_factory=set)  # one-word organisations
    products: set[str] = field(default_factory=set)  # folded product names
    by_token: dict[int, Cand] = field(default_factory=dict)

    @classmethod
    def of(cls, cands: list[Cand], doc: Doc) -> _Article:
        art = cls(doc_tokens(doc), _surnames(cands))
        tails: set[str] = set()
        for c in cands:
            toks = name_tokens(c.name)
            if c.kind == "person":
                if 2 <= len(toks) <= 4 and toks[-1] not in nm.NAME_SUFFIXES:
                    art.heads.add(toks[0])
                    tails.update(toks[1:])
            elif c.kind == "organization":
                if len(toks) >= 2 and all(t in nm.ORG_WORDS for t in toks[1:]):
                    art.org_first.add(toks[0])
                elif len(toks) == 1:
                    art.org_single.add(toks[0])
            elif c.kind == "product":
                art.products.add(nm.fold(c.name))
        art.heads -= tails | art.org_first
        art.by_token = {i: c for c in cands for i in range(c.tok_start, c.tok_end)}
        return art


def _surnames(cands: list[Cand]) -> set[str]:
    """The folded tails of people's full names ("gantz", "benny gantz" of "Benjamin Benny
    Gantz"): the names that, said alone, are a person the article names in full."""
    out: set[str] = set()
    for c in cands:
        if c.kind == "person":
            toks = name_tokens(c.name)
            if surname_key(toks):
                out.update(" ".join(toks[k:]) for k in range(1, len(toks)))
    return out


def article_kinds(cands: list[Cand], doc: Doc) -> list[Cand]:
    """The candidates with the kind the article gives each (:func:`_article_kind`). A name
    the model took for a work or product that no rule made one (``_other``: "War criminal
    Gantz") first gives way to its longest tail that ends a person's name told elsewhere
    ("Gantz"), or to nothing."""
    tokens, text = doc_tokens(doc), doc_text(doc)
    surnames = _surnames(cands)
    kept = []
    for c in cands:
        if c.kind != "_other":
            kept.append(c)
            continue
        end_char = tokens[c.tok_end - 1].idx + len(tokens[c.tok_end - 1])
        for first in range(c.tok_start, c.tok_end):  # its longest tail that is a known person's name
            tail = text[tokens[first].idx:end_char]
            if tail[:1].isupper() and nm.fold(tail) in surnames:
                kept.append(Cand("person", tail, tokens[first].idx, end_char, c.sent, first, c.tok_end, "rescued",
                                 cue=True))
                break
    art = _Article.of(kept, doc)
    out = []
    for c in kept:
        kind = _article_kind(c, art, doc)
        if kind != c.kind:
            c = Cand(kind, c.name, c.start, c.end, c.sent, c.tok_start, c.tok_end, c.via, cue=kind == "person")
        out.append(c)
    return out


def _article_kind(c: Cand, art: _Article, doc: Doc) -> str:
    """The kind of ``c`` with the whole article in view: the first rule that holds decides,
    else the kind its own evidence gave stays.

    1. a one-word organisation or place the model named that is the first word of a
       person's name ("Wang" after "Wang Yi") is the person;
    2. an organisation or place whose whole name is a person's surname, or the end of a
       person's name, told elsewhere ("Gantz" after "Benny Gantz") is the person;
    3. a name once known as a product ("the Volt" after "the Chevrolet Volt") is the product;
    4. a lone name tagged as a person that starts an organisation's name ("Meta" beside
       "Meta Platforms") is the organisation;
    5. a maker's name and one more capitalised word after "the", "its" or "new", or before
       a product noun ("the Ford Fusion", "the Apple TV"), where the maker alone is an
       organisation, is a product;
    6. a lone uncued name tagged as a person joined by "and" to an organisation ("the EU
       and Mercosur") is one;
    7. a short title-case name the model called an organisation or place, appointed to an
       office only people hold ("reappointed … and Aden Duale as defence minister"), is a
       person;
    8. a short name tagged as a person, uncued, listed only with products ("the Chevrolet
       Malibu, Chevrolet Cobalt and Saturn Aura") is a product ("Jobs and the iPad" is
       not a list of products);
    9. a title-case place of two words or more in apposition to a title ("its secretary
       general, Agnes Callamard") is a person.
    """
    kind = c.kind
    toks = name_tokens(c.name)
    tokens = art.tokens
    span_tokens = tokens[c.tok_start:c.tok_end]
    title_case = all(t.is_title for t in span_tokens)
    before = tokens[c.tok_start - 1].lower_ if c.tok_start > 0 else ""
    after = tokens[c.tok_end].lower_ if c.tok_end < len(doc) else ""
    if kind in ("organization", "place"):
        if c.via == "model" and len(toks) == 1 and toks[0] in art.heads:
            return "person"
        if c.via != "glued":
            last = tokens[c.tok_end - 1]
            whole = doc_text(doc)[tokens[c.tok_start].idx:last.idx + len(last)]
            if whole[:1].isupper() and nm.fold(whole) in art.surnames:
                return "person"
    if kind in ("person", "organization", "place") and (nm.fold(c.name) in art.products or len(toks) == 1 and (
            not c.cue and c.prefix is None) and any(nm.product_short_form(toks[0], p) for p in art.products)):
        return "product"
    if kind == "person" and len(toks) == 1 and toks[0] in art.org_first:
        return "organization"
    if kind == "organization" and len(toks) == 2 and toks[0] in art.org_single and toks[1] not in nm.ORG_WORDS \
            and span_tokens[-1].text[:1].isupper() and not span_tokens[-1].like_num and (
                before == "the" or before in nm.OWNERS or before in nm.NEW_WORDS or after in nm.PRODUCT_NOUNS):
        return "product"
    if kind == "person" and len(toks) == 1 and not person_cue(doc, c):
        tok = tokens[c.tok_start]
        near = [tok.head] if tok.dep_ == "conj" else []
        near += [ch for ch in tok.children if ch.dep_ == "conj"]
        if any(art.by_token.get(t.i) is not None and art.by_token[t.i].kind == "organization" for t in near):
            return "organization"
    if kind in ("organization", "place") and c.via == "model" and 2 <= len(toks) <= 3 and title_case \
            and named_as_office(tokens, c):
        return "person"
    if kind == "person" and 2 <= len(toks) <= 3 and not person_cue(doc, c) \
            and _listed_only_with(tokens[c.tok_end - 1], art.by_token, "product", at_least=2):
        return "product"
    if kind == "place" and c.via == "model" and len(toks) >= 2 and title_case:
        root = span_tokens[-1]
        if root.dep_ == "appos" and root.head.lower_ in nm.TITLE_HEADS:
            return "person"
    return kind


def _listed_only_with(tok: Token, by_token: dict[int, Cand], kind: str, *, at_least: int) -> bool:
    """True when the name ``tok`` heads is listed with ``at_least`` other names ("A, B and C":
    its conjuncts), all of ``kind``."""
    first = tok.head if tok.dep_ == "conj" else tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = [first, *first.conjuncts]
    kinds = []
    for t in members:
        c = by_token.get(t.i)
        if t.i != tok.i and not (c is not None and c.tok_start <= tok.i < c.tok_end):
            kinds.append(c.kind if c is not None else "")
    return len(kinds) >= at_least and all(k == kind for k in kinds)


def person_cue(doc: Doc, c: Cand) -> bool:
    """A single name in a name-like position: after an honorific or title, or as a speaker."""
    tokens = doc_tokens(doc)
    if c.prefix is not None or c.cue:
        return True
    if c.tok_start > 0:
        prev = tokens[c.tok_start - 1].lower_
        if nm.is_honorific(prev) or prev in nm.TITLE_HEADS:
            return True
    root = tokens[c.tok_end - 1]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in nm.SPEECH_VERBS:
        return True
    return c.tok_end < len(doc) and tokens[c.tok_end].tag_ == "POS"

"""A second look at each candidate's kind with the whole article in view: surnames tagged
as organisations, companies tagged as people, names once known as products."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.extract.candidates import Cand, name_tokens
from kb.extract.clusters import surname_key
from kb.extract.roles import named_as_office
from kb.extract.sents import doc_text, doc_tokens
from kb.lexicon import names as nm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token




def rescue(cands: list[Cand], doc: Doc) -> list[Cand]:
    """Re-type candidates using the rest of the article: a surname tagged ORG, "Polisario" tagged PERSON."""
    surnames: set[str] = set()
    for c in cands:
        if c.kind == "person":
            toks = name_tokens(c.name)
            if surname_key(toks):
                for k in range(1, len(toks)):
                    surnames.add(" ".join(toks[k:]))
    org_prefix: set[str] = set()
    for c in cands:
        if c.kind == "organization":
            toks = name_tokens(c.name)
            if len(toks) >= 2 and all(t in nm.ORG_SUFFIXES for t in toks[1:]):
                org_prefix.add(toks[0])
    tokens, text = doc_tokens(doc), doc_text(doc)
    out = []
    for c in cands:
        toks = name_tokens(c.name)
        if c.kind in ("organization", "place", "_other") and c.via != "glued":
            # the longest tail of the span that is a known person's surname ("War criminal Gantz")
            last = tokens[c.tok_end - 1]
            end_char = last.idx + len(last)
            for first in range(c.tok_start, c.tok_end):
                start_char = tokens[first].idx
                tail = text[start_char:end_char]  # doc[first:c.tok_end].text
                if tail[:1].isupper() and nm.fold(tail) in surnames:
                    if first == c.tok_start or c.kind == "_other":
                        out.append(Cand("person", tail, start_char, end_char, c.sent, first, c.tok_end, "rescued",
                                         cue=True))
                    break
            else:
                first = -1
            if out and out[-1].via == "rescued" and out[-1].tok_end == c.tok_end and out[-1].sent == c.sent \
                    and out[-1].start >= c.start:
                continue
        if c.kind == "person" and len(toks) == 1 and toks[0] in org_prefix:
            c = Cand("organization", c.name, c.start, c.end, c.sent, c.tok_start, c.tok_end, c.via)
        if c.kind == "_other":
            continue
        out.append(c)
    return _retype(out, doc)


def _retype(cands: list[Cand], doc: Doc) -> list[Cand]:
    """Second look at types with the whole article in view.

    A given name or surname-first family name tagged ORG ("Wang" after "Wang Yi") is the
    person; a lone "Meta" tagged PERSON next to "Meta Platforms" is the company; a name
    once known as a product stays one; "Ford Fusion" next to "Ford" is a product; a
    lone uncued PERSON joined by "and" to an organisation is one ("the EU and Mercosur");
    a two-word place in apposition to a title ("its secretary general, Agnes Callamard")
    is a person.
    """
    tokens = doc_tokens(doc)
    heads: set[str] = set()
    tails: set[str] = set()
    org_first: set[str] = set()
    org_single: set[str] = set()
    products: set[str] = set()
    for c in cands:
        toks = name_tokens(c.name)
        if c.kind == "person" and 2 <= len(toks) <= 4 and toks[-1] not in nm.NAME_SUFFIXES:
            heads.add(toks[0])
            tails.update(toks[1:])
        elif c.kind == "organization":
            if len(toks) >= 2 and all(t in nm.ORG_WORDS for t in toks[1:]):
                org_first.add(toks[0])
            elif len(toks) == 1:
                org_single.add(toks[0])
        elif c.kind == "product":
            products.add(nm.fold(c.name))
    heads -= tails | org_first
    by_token = {i: c for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    for c in cands:
        toks = name_tokens(c.name)
        kind = c.kind
        if kind in ("organization", "place") and c.via == "model" and len(toks) == 1 and toks[0] in heads:
            kind = "person"
        elif kind in ("person", "organization", "place") and (nm.fold(c.name) in products or len(toks) == 1 and (
                not c.cue and c.prefix is None) and any(nm.product_short_form(toks[0], p) for p in products)):
            kind = "product"  # "the Volt" after "the Chevrolet Volt"
        elif kind == "person" and len(toks) == 1 and toks[0] in org_first:
            kind = "organization"
        elif kind == "organization" and len(toks) == 2 and toks[0] in org_single and toks[1] not in nm.ORG_WORDS \
                and tokens[c.tok_end - 1].text[:1].isupper() and not tokens[c.tok_end - 1].like_num and (
                    c.tok_start > 0 and tokens[c.tok_start - 1].lower_ in ("the", "its", "new", "their")
                    or c.tok_end < len(doc) and tokens[c.tok_end].lower_ in nm.PRODUCT_NOUNS):
            kind = "product"  # "the Ford Fusion", "the Apple TV"
        elif kind == "person" and len(toks) == 1 and not person_cue(doc, c):
            tok = tokens[c.tok_start]
            near = [tok.head] if tok.dep_ == "conj" else []
            near += [ch for ch in tok.children if ch.dep_ == "conj"]
            if any(by_token.get(t.i) is not None and by_token[t.i].kind == "organization" for t in near):
                kind = "organization"
        elif kind in ("organization", "place") and c.via == "model" and 2 <= len(toks) <= 3 \
                and all(tokens[i].is_title for i in range(c.tok_start, c.tok_end)) and named_as_office(tokens, c):
            kind = "person"  # "reappointed … and Aden Duale as defence minister"
        elif kind == "person" and 2 <= len(toks) <= 3 and not person_cue(doc, c) \
                and _listed_only_with(tokens[c.tok_end - 1], by_token, "product", at_least=2):
            kind = "product"  # "the Chevrolet Malibu, Chevrolet Cobalt and Saturn Aura", not "Jobs and the iPad"
        elif kind == "place" and c.via == "model" and len(toks) >= 2 \
                and all(tokens[i].is_title for i in range(c.tok_start, c.tok_end)):
            root = tokens[c.tok_end - 1]
            if root.dep_ == "appos" and root.head.lower_ in nm.TITLE_HEADS:
                kind = "person"
        if kind != c.kind:
            c = Cand(kind, c.name, c.start, c.end, c.sent, c.tok_start, c.tok_end, c.via, cue=kind == "person")
        out.append(c)
    return out


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

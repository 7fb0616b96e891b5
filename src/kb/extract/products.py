"""Product names: by the model's label and context ("its Switch console"), and by their
shape ("iPhone 3GS", "Airbus A380", "Boeing 787 Dreamliner", "Chevrolet Volt")."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.extract.candidates import Cand
from kb.extract.sents import doc_sents, doc_text, doc_tokens, token_texts
from kb.lexicon import names as nm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


_MODEL_CODE = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,4}[A-Za-z]?|\d{3}[A-Za-z]?)$")
_CAMEL_PRODUCT = re.compile(r"^[ie][A-Z][A-Za-z]+$")


# A model number or code: "4", "787", "A380", "3GS", "S10", "F-35", "4.0".
_CODE = re.compile(r"^(?:[A-Z]{0,3}-?\d{1,4}[A-Za-z]{0,3}|\d{1,2}(?:\.\d{1,2}){1,2})$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
# A short capitalised word that ends a model name ("iPhone X", "Model S", "Windows XP").
_MODEL_LETTERS = re.compile(r"^[A-Z]{1,2}$")
_CAP_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")  # "PlayStation", "MacBook": a product with a number


def product_evidence(doc: Doc, s: int, e: int, label: str) -> bool:
    """True when a name is a product: the model says so, or its shape or context does.

    Shape: "iPhone"-style names, model numbers ("A350", "PlayStation 5"). Context: owned
    by a company ("its Cybertruck", "Apple's iPod"), followed by a product noun ("the Switch
    console"), or after "versions of". People, platforms, agencies and states never are.
    """
    tokens = doc_tokens(doc)
    span = tokens[s:e]
    text = doc_text(doc)[span[0].idx:span[-1].idx + len(span[-1])]  # doc[s:e].text
    if text in nm.NEWS_AGENCIES or span[0].lower_ in nm.PLATFORMS or nm.gazetteer().state_of_name(text):
        return False
    if any(t.lower_ in nm.ORG_WORDS for t in span[1:]) or span[-1].lower_ in nm.LEGAL_SUFFIXES:
        return False
    if len(span) >= 2 and span[-1].like_num and span[-2].lower_ in nm.NUMBERED_NOUNS:
        return False  # "Flight 370", "Article 5"
    if label == "PRODUCT":
        return True
    if any(_CAMEL_PRODUCT.match(t.text) for t in span):
        return True
    if e < len(doc) and (tokens[e].tag_ == "POS" or tokens[e].lower_ in nm.POSSESSIVE_ENDINGS):
        return False  # an owner: "the price of Apple's iPhone"
    if len(span) >= 2 and any(t.lower_ in nm.PRODUCT_NAME_WORDS and t.text[:1].isupper() for t in span[1:]):
        return True
    if len(span) >= 2 and span[0].text[:1].isupper() and (span[-1].like_num or _MODEL_CODE.match(span[-1].text)) \
            and not re.match(r"^G\d+$", span[-1].text) and span[-2].lower_ not in nm.NUMBERED_NOUNS:
        return True
    if len(span) == 1 and _MODEL_CODE.match(text) and not re.match(r"^(?:G|COP|C|P|B|H|N)\d+$", text):
        return True
    if label == "PERSON" and len(span) >= 2:
        return False
    prev = tokens[s - 1] if s > 0 else None
    owned = prev is not None and (prev.lower_ in nm.OWNERS
                                  or (prev.tag_ == "POS" and s >= 2 and tokens[s - 2].ent_type_ == "ORG"))
    after = tokens[e] if e < len(doc) else None
    noun_after = after is not None and after.is_lower and after.lower_ in nm.PRODUCT_NOUNS
    if owned and (noun_after or label in ("PERSON", "WORK_OF_ART") or len(span) == 1 and label == "ORG"
                  and prev.lower_ in nm.OWNERS):
        return True
    if noun_after and prev is not None and (prev.lower_ in nm.NEW_WORDS or prev.lower_ in nm.OWNERS):
        return True
    if after is not None and after.lower_ in nm.COMPANY_NOUNS:
        return False
    return s >= 2 and tokens[s - 1].lower_ == "of" and tokens[s - 2].lower_ in nm.PRODUCT_OF


def model_number(toks: list[Token], i: int) -> bool:
    """A model number or code at token ``i``: not a year, ordinal, measure, count or range."""
    tok = toks[i]
    t = tok.text
    if not _CODE.match(t) or _ORDINAL.match(t) or not any(c.isdigit() for c in t):
        return False
    if t.isdigit() and len(t) == 4 and t[:2] in ("19", "20"):
        return False  # a year
    if re.sub(r"^[A-Z]{0,3}-?[\d.]+", "", t).lower() in nm.UNIT_TAILS:
        return False  # "16GB", "5km"
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "TIME") or (i > 0 and toks[i - 1].text in ("$", "€", "£", "#")):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and (nxt.lower_ in nm.QUANTITY_WORDS or nxt.text in ("%", ":")
                            or nxt.text in nm.RANGE_MARKS and i + 2 < len(toks) and toks[i + 2].like_num):
        return False
    return True


def _model_word(tok: Token) -> bool:
    """A word that ends a model name after its family or number: "Pro", "Max", "X", "XS"."""
    if tok.ent_type_ in ("GPE", "NORP", "PERSON", "DATE", "TIME", "MONEY", "LOC"):
        return False
    t = tok.text
    if tok.lower_ in nm.PRODUCT_NAME_WORDS and t[:1].isupper():
        return True
    return bool(_MODEL_LETTERS.match(t)) and t not in nm.NOT_MODEL_LETTERS


def _title_case_lines(doc: Doc) -> list[bool]:
    """For each sentence, whether it is a headline in title case ("Boeing Delays 787
    Deliveries"): capitals say nothing there. Read once per sentence, as every capitalised
    token of a sentence asks."""
    texts = token_texts(doc)
    flags = []
    for sent in doc_sents(doc):
        words = [w for w in texts[sent.start:sent.end] if w.isalpha()]  # Token.is_alpha
        flags.append(len(words) >= 3 and sum(1 for w in words if w[:1].isupper()) >= 0.7 * len(words))
    return flags


def _plain_head(tok: Token) -> bool:
    """A capitalised word a model number may follow to name a product ("Windows 7", "Model 3"),
    not a numbered part, time or place ("Article 5", "June 4", "Flight 370")."""
    low = tok.lower_
    return (tok.text[:1].isupper() and tok.is_alpha and tok.pos_ == "PROPN" and low not in nm.NUMBERED_NOUNS and low not in nm.MONTHS
            and low not in nm.WEEKDAYS and low not in nm.TITLE_HEADS and not nm.is_honorific(low)
            and tok.ent_type_ not in ("TIME", "GPE", "NORP", "MONEY", "LAW", "EVENT")
            and nm.gazetteer().state_of_name(tok.text) is None and tok.text not in nm.gazetteer().capitals)


def _maker_model(toks: list[Token], i: int, by_tok: dict[int, Cand]) -> bool:
    """A maker followed by one capitalised model word ("Chevrolet Volt", "Nissan Leaf"), not a
    company name ("Toyota Motor", "Apple Inc."), a title ("Boeing Chief ...") or a longer name."""
    if i + 1 >= len(toks) or toks[i].text not in nm.PRODUCT_MAKERS:
        return False
    own = by_tok.get(i)
    if own is not None and (own.tok_start != i or own.tok_end > i + 2 or own.kind in ("person", "state")):
        return False
    word = toks[i + 1]
    low = word.lower_
    if not (word.is_alpha and word.is_title and word.pos_ in ("PROPN", "NOUN")) or word.ent_type_ in (
            "GPE", "NORP", "LOC", "DATE", "TIME", "PERSON") and (own is None or own.tok_end != i + 2):
        return False
    if low in nm.ORG_WORDS or low in nm.TITLE_HEADS or low in nm.TITLE_ADJECTIVES or nm.is_honorific(low) \
            or low in nm.MONTHS or low in nm.WEEKDAYS or low in nm.GENERIC_ORGS:
        return False
    other = by_tok.get(i + 1)
    if other is not None and other is not own and other.kind in ("person", "state", "organization"):
        return False
    after = toks[i + 2] if i + 2 < len(toks) else None
    return not (after is not None and after.is_title and after.pos_ == "PROPN" and not _model_word(after))


def _name_after_number(toks: list[Token], j: int) -> bool:
    """A single capitalised name closing a model name after its number ("787 Dreamliner"),
    not the first word of a longer name ("10 Downing Street") nor a plural ("the 12 Apostles")."""
    t = toks[j]
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    return (t.is_title and t.tag_ == "NNP" and t.is_alpha and not t.is_sent_start
            and t.ent_type_ not in ("GPE", "NORP", "PERSON", "DATE", "LOC", "TIME")
            and t.lower_ not in nm.ORG_WORDS and t.lower_ not in nm.TITLE_HEADS and t.lower_ not in nm.MONTHS
            and not (nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN"))


def shape_products(doc: Doc, cands: list[Cand], sent_of: list[int], toks: list[Token]) -> list[Cand]:
    """Product names read from their shape, replacing what they overlap.

    A family name or maker followed by a model number or model word ("iPhone 3GS", "Airbus
    A380", "Boeing 787 Dreamliner", "Windows 7", "iPhone XS Max", "Chevrolet Volt"); a lone
    family name in the "iPhone" style. Numbers that are years, counts, measures or numbered
    parts ("Article 5", "Flight 370", "16GB", "4 million") never make a product.
    """
    n = len(toks)
    by_tok: dict[int, Cand] = {}
    for c in cands:
        for i in range(c.tok_start, c.tok_end):
            by_tok.setdefault(i, c)
    found: list[tuple[int, int]] = []
    headlines = _title_case_lines(doc)
    texts = token_texts(doc)
    i = 0
    while i < n:
        span = _product_at(doc, toks, i, by_tok, headlines[sent_of[i]]) if _may_open_product(texts[i]) else None
        if span is None:
            i += 1
            continue
        found.append(span)
        i = span[1]
    if not found:
        return cands
    drop: set[int] = set()
    out: list[Cand] = []
    for s, e in found:
        for c in cands:
            if c.tok_start < e and s < c.tok_end:
                drop.add(id(c))
        text = doc[s:e].text
        out.append(Cand("product", text, toks[s].idx, toks[e - 1].idx + len(toks[e - 1]), sent_of[s], s, e, "shape"))
    kept = [c for c in cands if id(c) not in drop]
    return sorted(kept + out, key=lambda c: c.start)


def _may_open_product(text: str) -> bool:
    """A word a product name may start with: capitalised, "iPhone"-like or a number. Tested
    on the text alone first, as most words fail it."""
    return text[:1].isupper() or bool(_CAMEL_PRODUCT.match(text)) or text[:1].isdigit()


def _product_at(doc: Doc, toks: list[Token], s: int, by_tok: dict[int, Cand], headline: bool
                ) -> tuple[int, int] | None:
    """The token span of a product name starting at ``s``, when its shape says it is one
    (``headline``: its sentence is a headline in title case). The word at ``s`` passed
    :func:`_may_open_product`."""
    tok = toks[s]
    own = by_tok.get(s)
    if own is not None and own.tok_start != s:
        return None
    end = own.tok_end if own is not None else s + 1
    head_end = next((k for k in range(s + 1, end) if model_number(toks, k)), end)
    camel = bool(_CAMEL_PRODUCT.match(tok.text)) and head_end == s + 1
    kind = own.kind if own is not None else ""
    # a maker alone or tagged alone before its model ("Chevrolet" + "Malibu")
    maker = (own is None or own.kind == "organization" and own.tok_end == s + 1) and _maker_model(toks, s, by_tok)
    if kind == "product" or camel:
        head = "product"
    elif maker:
        head = "brand"
    elif own is None and model_number(toks, s) and not headline and s + 1 < len(toks) \
            and _name_after_number(toks, s + 1):
        return s, s + 2  # "its 787 Dreamliner"
    elif head_end == s + 1 and _CAP_CAMEL.match(tok.text):
        head = "family"  # "PlayStation": a product once a number follows
    elif kind == "organization" and head_end - s <= 2 and not any(
            t.lower_ in nm.ORG_WORDS for t in doc[s + 1:head_end]) and toks[head_end - 1].lower_ not in nm.LEGAL_SUFFIXES \
            and toks[head_end - 1].lower_ not in nm.NUMBERED_NOUNS:
        head = "brand"
    elif head_end == s + 1 and _plain_head(tok) and kind in ("", "place", "person", "organization", "_other"):
        head = "plain"
    else:
        return None
    if head != "product" and headline:
        return None
    j, codes, words = head_end, 0, 0
    coded = toks[head_end - 1].text[:1].isdigit() and model_number(toks, head_end - 1)  # "787" + "Dreamliner"
    made = maker or head in ("brand", "plain") and own is not None and head_end == end == s + 2 \
        and _maker_model(toks, s, by_tok)  # "the Chevrolet Volt" tagged as one organisation
    if made:
        j = s + 2
    while j < len(toks) and j - s < 7:
        other = by_tok.get(j)
        if other is not None and other is not own and other.kind in ("person", "state", "place") \
                and not model_number(toks, j):
            break
        if other is not None and other is not own and other.kind == "product" and other.tok_start == j and all(
                t.lower_ in nm.PRODUCT_NAME_WORDS or _MODEL_LETTERS.match(t.text) or model_number(toks, t.i)
                for t in doc[j:other.tok_end]):
            if any(model_number(toks, k) for k in range(j, other.tok_end)):
                codes += 1  # "Airbus" + "A380"
            else:
                words += 1  # "iPhone" + "XS Max" read apart
            j = other.tok_end
            continue
        if not words and model_number(toks, j):
            codes += 1
            j += 1
            continue
        t = toks[j]
        if (codes or head in ("product", "family") or made) and _model_word(t) and not t.is_sent_start:
            words += 1
            j += 1
            continue
        if head == "product" and not codes and j + 1 < len(toks) and t.is_title and t.pos_ == "PROPN" \
                and toks[j + 1].is_title and toks[j + 1].lower_ in nm.STORE_WORDS:
            words += 2  # "iTunes Music Store"
            j += 2
            continue
        if head == "product" and not codes and t.lower_ in nm.STORE_WORDS and t.is_lower:
            j += 1  # "the iTunes store": the product's own store
            break
        if (codes or coded) and not words and not headline and _name_after_number(toks, j):
            words += 1  # "787 Dreamliner"
            j += 1
        break
    if j < len(toks) and by_tok.get(j - 1) is not None and by_tok[j - 1] is not own \
            and by_tok[j - 1].tok_end > j and by_tok[j - 1].kind != "product":
        return None  # would cut another name in two
    if j == end and not made and not codes:
        return None if head != "product" or kind == "product" else (s, end)
    if head == "family" and not (codes or words):
        return None
    if head in ("brand", "plain") and not (codes or made):
        return None
    if head == "product" and kind == "product" and j == end:
        return None
    return s, j


def model_aliases(doc: Doc, cands: list[Cand], sent_of: list[int], toks: list[Token]) -> list[Cand]:
    """A model number or model name said alone after a determiner ("up two hours from the
    3GS", "its 787s", "the Dreamliner") when it ends one product name of the article
    ("iPhone 3GS", "787 Dreamliner")."""
    ends: dict[str, set[str]] = {}
    for c in cands:
        words = nm.fold(c.name).split()
        if c.kind == "product" and len(words) >= 2:
            ends.setdefault(words[-1], set()).add(" ".join(words))
    if not ends:
        return []
    taken = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    for tok in toks:
        if tok.i in taken or tok.i == 0:
            continue
        if not model_number(toks, tok.i) and not (tok.is_title and tok.tag_ == "NNP" and tok.is_alpha
                                                   and tok.lower_ not in nm.PRODUCT_NAME_WORDS):
            continue  # "the 3GS", "the Dreamliner"
        f = nm.fold(tok.text)
        hits = ends.get(f) or (ends.get(f[:-1]) if f.endswith("s") else None)
        prev = toks[tok.i - 1]
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
        if hits and len(hits) == 1 and (prev.lower_ in nm.ARTICLES or prev.lower_ in nm.POSSESSIVES
                                        or prev.tag_ == "POS") \
                and not (nxt is not None and nxt.is_alpha and nxt.is_lower and tok.head.i > tok.i
                         and tok.dep_ in ("compound", "nummod", "amod", "nmod")):
            out.append(Cand("product", tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], tok.i, tok.i + 1,
                             "alias"))
    return out

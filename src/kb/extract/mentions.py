"""Candidate mentions of one article: the model's names typed as kb's kinds.

The model's labels are mapped to kinds (person, state, organization, place, group,
product), names are cut from their titles and articles, and what the model missed is
added: news agencies, platforms, companies closed by a legal form, state names glued to
another word, acronyms defined in parentheses, surnames repeated alone.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from kb.extract.candidates import Cand, is_junk_word
from kb.extract.products import product_evidence
from kb.extract.sents import doc_ents, doc_text, doc_tokens, parsed_tokens, token_texts
from kb.lexicon import names as nm

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


_NAMED_LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "LANGUAGE"}


_GLUE = re.compile(r"^[A-Za-zÀ-ÿ]+$")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # "WesternSahara", "BlackBerry"
_JOINED_PLACE = re.compile(r"\w-" + nm.alternation(nm.PLACE_NAME_PARTICLES) + r"-\w")  # "Ivry-sur-Seine"


_NAME_CAMEL = re.compile("^" + nm.alternation(nm.CAMEL_NAME_PREFIXES) + r"[A-Z][a-z]+$")  # "McDonald"


@functools.lru_cache(maxsize=1 << 14)
def _glued_state(text: str) -> tuple[int, int, str, str] | None:
    """Find a state name glued to a lower-case word ("Moroccolink", "butRabat").

    Cached: every word of every name is tried, and the same words recur."""
    if not _GLUE.match(text) or len(text) < 5:
        return None
    gaz = nm.gazetteer()
    tables = (("name", gaz.names), ("capital", gaz.capitals), ("demonym", gaz.demonyms), ("plural", gaz.plurals))
    for cut in range(len(text) - 4, 2, -1):  # a tail of 4+ letters: "Moroccolink", not "Malibu"
        head, tail = text[:cut], text[cut:]
        if tail.islower() and head[0].isupper():
            for via, table in tables:
                if head in table:
                    return 0, cut, via, table[head]
    for cut in range(1, len(text) - 3):
        head, tail = text[:cut], text[cut:]
        if head.islower() and tail[0].isupper():
            for via, table in tables:
                if tail in table:
                    return cut, len(text), via, table[tail]
            return None
    return None


def _decamel(text: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z][a-z])", " ", text)


def strip_span(span: Span) -> tuple[int, int]:
    """Token range of a name without leading articles/honorifics/titles and trailing 's."""
    start, end = span.start, span.end
    doc = span.doc
    tokens = doc_tokens(doc)
    while end > start and (tokens[end - 1].tag_ == "POS" or tokens[end - 1].lower_ in nm.POSSESSIVE_ENDINGS
                           or tokens[end - 1].is_punct or tokens[end - 1].is_space):  # "'" and "’" are punctuation
        end -= 1
    while start < end and (tokens[start].lower_ in nm.ARTICLES or tokens[start].is_punct
                           or tokens[start].is_space):
        start += 1
    return start, end


def _strip_titles(doc: Doc, start: int, end: int) -> int:
    """Skip honorifics, titles and lower-case words at the front of a personal name."""
    tokens = doc_tokens(doc)
    while end - start > 1:
        tok = tokens[start]
        low = tok.lower_
        if (nm.is_honorific(low) or low in nm.TITLE_HEADS or low in nm.FORMER_WORDS
                or not tok.text[:1].isupper() or low in nm.gazetteer().demonyms or tok.text in nm.gazetteer().demonyms
                or (tok.pos_ == "ADJ" and tok.text in nm.gazetteer().demonyms)):
            start += 1
            continue
        if tokens[start + 1].lower_ == "of" and low in nm.TITLE_HEADS:
            start += 1
            continue
        break
    return start


def _place_use(doc: Doc, start: int, end: int) -> bool:
    """True when a capital is named as a place ("in Rabat", "visit to Rabat", "the capital Rabat")."""
    tokens = doc_tokens(doc)
    head = tokens[end - 1]
    prev = tokens[start - 1] if start > 0 else None
    if prev is not None and (prev.lower_ in nm.PLACE_PREPS or prev.lower_ in nm.PLACE_NOUNS):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in nm.PLACE_PREPS:
        return True
    if head.dep_ in ("appos", "compound") and head.head.lower_ in nm.PLACE_NOUNS:
        return True
    if end + 1 < len(doc) and tokens[end].text == "-" and tokens[end + 1].is_lower:
        return True  # "Paris-based"
    if end < len(doc) and tokens[end].text == ":" and (start == 0 or tokens[start - 1].is_space
                                                       or tokens[start].is_sent_start):
        return True  # dateline "RABAT:"
    if end < len(doc) and tokens[end].text == "," and end + 1 < len(doc) \
            and tokens[end + 1].text in nm.gazetteer().names:
        return True  # "Casablanca, Morocco"
    return False


def _fixed_ents(doc: Doc) -> list[Span]:
    """The model's names with company legal forms joined and credit lines split.

    "Airbus" + "SE" and "Chrysler Group" + "LLC" become one name; "Justin Sullivan/Getty
    Images" (a photo credit) becomes a person and an organisation.
    """
    tokens = doc_tokens(doc)
    from spacy.tokens import Span

    out: list[Span] = []
    for ent in doc_ents(doc):
        if ent.label_ not in _NAMED_LABELS:
            continue
        if ent.label_ == "ORG" and all(t.lower_ in nm.LEGAL_SUFFIXES or t.is_punct for t in ent):
            prev = out[-1] if out else None
            if prev is not None and prev.label_ == "ORG" and prev.end == ent.start:
                out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        if ent.label_ == "ORG":
            end = ent.end
            while end < len(doc) and tokens[end].lower_ in nm.LEGAL_SUFFIXES and not tokens[end].ent_type_ \
                    and (tokens[end].text[:1].isupper() or tokens[end].text == "plc"):  # "BP plc"
                end += 1
            if end != ent.end:
                ent = Span(doc, ent.start, end, label="ORG")
        if ent.label_ in ("GPE", "LOC") and ent.start > 0 and tokens[ent.start - 1].lower_ in nm.CLUB_PREFIXES \
                and tokens[ent.start - 1].text[:1].isupper() and not tokens[ent.start - 1].ent_type_:
            out.append(Span(doc, ent.start - 1, ent.end, label="ORG"))
            continue
        slash = next((t.i for t in ent if t.text == "/" and ent.start < t.i < ent.end - 1), None)
        if slash is not None and ent.label_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT"):
            first, second = doc[ent.start:slash], doc[slash + 1:ent.end]
            out.append(Span(doc, first.start, first.end, label="PERSON" if len(first) >= 2 else ent.label_))
            out.append(Span(doc, second.start, second.end, label="ORG"))
            continue
        out.append(ent)
    return out


def _scan_known_orgs(doc: Doc, sent_of: list[int], taken: set[int], toks: list[Token]) -> list[Cand]:
    """Names the model missed or mislabelled: news agencies and online platforms ("Photo:
    AFP"), company names closed by a legal form ("Apple Inc."), owned products ("its Prius
    hybrid")."""
    out: list[Cand] = []
    texts = token_texts(doc)
    i = 0
    n = len(doc)
    while i < n:
        if i in taken or not texts[i][:1].isupper():
            i += 1
            continue
        tok = toks[i]
        hit = 0
        if tok.text in nm.NEWS_AGENCY_FIRST:
            for size in (3, 2, 1):
                if i + size <= n and doc[i:i + size].text in nm.NEWS_AGENCIES \
                        and not any(j in taken for j in range(i, i + size)):
                    hit = size
                    break
        if not hit and tok.lower_ in nm.PLATFORMS and (tok.is_title or tok.is_upper):
            if tok.text != "X" or (i > 0 and toks[i - 1].lower_ in nm.PLATFORM_PREPS):
                hit = 1
        if not hit and not tok.ent_type_ and tok.pos_ == "PROPN" and i > 0 and toks[i - 1].lower_ in nm.OWNERS \
                and i + 1 < n and toks[i + 1].is_lower and toks[i + 1].lower_ in nm.PRODUCT_NOUNS:
            out.append(Cand("product", tok.text, tok.idx, tok.idx + len(tok), sent_of[i], i, i + 1, "product"))
            i += 1  # "its Prius hybrid"
            continue
        if not hit and tok.lower_ in nm.LEGAL_SUFFIXES and i > 0 and (tok.is_title or tok.is_upper):
            j = i
            while j > 0 and i - j < 3 and toks[j - 1].is_title and toks[j - 1].pos_ == "PROPN" and j - 1 not in taken \
                    and not toks[j - 1].is_sent_start:
                j -= 1
            if j == i and i > 0 and toks[i - 1].is_title and toks[i - 1].pos_ == "PROPN" and i - 1 not in taken:
                j = i - 1  # a sentence-initial company name ("Apple Inc. said")
            if j < i:
                span = doc[j:i + 1]
                out.append(Cand("organization", span.text, span.start_char, span.end_char, sent_of[i], j, i + 1,
                                 "known"))
            i += 1
            continue
        if hit:
            span = doc[i:i + hit]
            out.append(Cand("organization", span.text, span.start_char, span.end_char, sent_of[i], i, i + hit,
                             "known"))
            i += hit
            continue
        i += 1
    return out


def acronym_aliases(doc: Doc, cands: list[Cand], sent_of: list[int], toks: list[Token]
                     ) -> tuple[list[Cand], dict[str, str]]:
    """Acronyms defined in parentheses after a name ("Data Protection Commission (DPC)") and
    their later uses: new organisation mentions, and a map from acronym to the full name."""
    taken = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    defined: dict[str, str] = {}
    for c in cands:
        e = c.tok_end
        if c.kind == "organization" and e + 2 < len(doc) and toks[e].text == "(" and toks[e + 2].text == ")":
            acr = toks[e + 1].text
            if acr.isupper() and 2 <= len(acr) <= 8 and acr.isalpha() and nm.fold(acr) != nm.fold(c.name) \
                    and acr not in nm.NEWS_AGENCIES and acr[0] == c.name[:1].upper() and not c.name.isupper():
                defined[acr] = c.name
    if not defined:
        return [], {}
    out = []
    for tok in toks:
        if tok.text in defined and tok.i not in taken:
            out.append(Cand("organization", tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], tok.i, tok.i + 1,
                             "acronym"))
    return out, {nm.fold(a): nm.fold(n) for a, n in defined.items()}


def collect(doc: Doc, sent_of: list[int], toks: list[Token]) -> list[Cand]:
    """The article's names, each with the kind its own evidence gives (:func:`_from_ent`),
    and the names the model missed: news agencies, platforms, companies closed by a legal
    form, owned products, state names glued to another word."""
    gaz = nm.gazetteer()
    cands: list[Cand] = []
    for ent in _fixed_ents(doc):
        if ent.label_ not in _NAMED_LABELS:
            continue
        s, e = strip_span(ent)
        if s >= e:
            continue
        cands.extend(_split_possessive(doc, ent, s, e, sent_of[ent.start], gaz))
    kept = {i for c in cands if c.kind != "_other" for i in range(c.tok_start, c.tok_end)}
    cands = [c for c in cands if c.kind != "_other" or not any(toks[i].text in nm.NEWS_AGENCIES or toks[i].lower_ in
                                                                 nm.PLATFORMS for i in range(c.tok_start, c.tok_end))]
    found = _scan_known_orgs(doc, sent_of, kept, toks)
    cands += found
    kept.update(i for c in found for i in range(c.tok_start, c.tok_end))
    # artefacts: state names glued to other words, outside recognised names or inside junk ones
    texts = token_texts(doc)
    for i, text in enumerate(texts):
        if i in kept or text.islower() or not text.isalpha():  # Token.is_alpha
            continue
        tok = toks[i]
        if tok.ent_type_ in ("GPE", "LOC", "PERSON"):
            continue
        hit = _glued_state(tok.text)
        if hit is None:
            continue
        a, b, via, state = hit
        start = tok.idx + a
        kind = "group" if via == "plural" else "state"
        cands.append(Cand(kind, tok.text[a:b] if kind == "group" else state, start, tok.idx + b,
                           sent_of[tok.i], tok.i, tok.i + 1, "glued"))
    cands.sort(key=lambda c: c.start)
    return cands


def _split_possessive(doc: Doc, ent: Span, s: int, e: int, sent: int, gaz: nm.Gazetteer) -> list[Cand]:
    """Read "Western Sahara's Polisario Front" as two names, each typed on its own; a name
    the gazetteer knows is one ("People's Republic of China")."""
    tokens = doc_tokens(doc)
    parse = parsed_tokens(doc)
    cut = None if ent.kb_id_ else next(
        (i for i in range(s + 1, e - 1) if parse[i].tag_ == "POS" or parse[i].lower_ in nm.POSSESSIVE_ENDINGS), None)
    if cut is None:
        cand = _from_ent(doc, ent, s, e, sent, gaz)
        return [cand] if cand is not None else []
    out = []
    first = doc[s:cut]
    state = gaz.state_of_name(first.text)
    if state is not None:
        out.append(Cand("state", state, first.start_char, first.end_char, sent, s, cut, "name"))
    elif first.text[:1].isupper():
        out.extend(_split_possessive(doc, first, s, cut, sent, gaz))
    label = "ORG" if tokens[e - 1].lower_ in nm.ORG_SUFFIXES else ent.label_
    from spacy.tokens import Span

    second = Span(doc, cut + 1, e, label=label)
    cand = _from_ent(doc, second, cut + 1, e, sent, gaz)
    if cand is not None:
        out.append(cand)
    return out


def _from_ent(doc: Doc, ent: Span, s: int, e: int, sent: int, gaz: nm.Gazetteer) -> Cand | None:
    """The candidate one name of ``doc.ents`` (tokens ``s:e`` of ``ent``) makes, or none: its
    kind is decided by the first rule that holds, in this order.

    1. the gazetteer's word (``kb_id_``): a capital named as a place ("in Rabat") is the
       place, a people's plural ("Israelis") a group, any other state name, demonym,
       capital or epithet the state;
    2. a name holding a state name glued to another word is none (read word by word);
    3. a state's name tagged as a name of any kind is the state;
    4. a name in capitals opening a dateline ("CAIRO —") is the place;
    5. agreements and languages are none here (agreements are read on their own);
    6. a name shaped or placed like a product ("iPhone", "its Switch console") is the product;
    7. a platform or agency tagged as a product ("Google Cloud") is the organisation;
    8. an organisation followed by a capitalised word and a product noun ("Chevrolet
       Malibu sedans") is, with that word, the product;
    9. an organisation after a title ("Chancellor Olaf Scholz") is the person;
    10. a hashtag-style run of words ("WesternSahara") is a state or organisation, or none;
    11. a place joined by particles ("Ivry-sur-Seine") is the place;
    12. else the model's label, checked against the name's words and neighbours:
        PERSON a person (titles cut off), GPE, LOC and FAC a place, ORG an organisation
        (cut at its first common word), NORP a state by its demonym or a group, WORK_OF_ART
        and PRODUCT a name kept for the article's second look (``_other``).
    """
    tokens = doc_tokens(doc)
    words = token_texts(doc)[s:e]
    label = ent.label_
    start_char, end_char = tokens[s].idx, tokens[e - 1].idx + len(words[-1])
    text = doc_text(doc)[start_char:end_char]  # doc[s:e].text
    if ent.kb_id_:
        via, _, state = ent.kb_id_.partition(":")
        if via == "capital" and _place_use(doc, s, e):
            return Cand("place", text, start_char, end_char, sent, s, e, via)
        if via == "plural":
            return Cand("group", text, start_char, end_char, sent, s, e, via)
        return Cand("state", state, start_char, end_char, sent, s, e, via)
    if label not in ("GPE", "LOC") and any(_glued_state(w) for w in words):
        return None  # artefacts of glued words: handled token by token
    state = gaz.state_of_name(text)
    if state is not None and label in ("GPE", "LOC", "ORG", "PERSON", "NORP"):
        return Cand("state", state, start_char, end_char, sent, s, e, "name")
    if label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") and _dateline_place(doc, s, e):
        return Cand("place", text.title(), start_char, end_char, sent, s, e, "model")  # "CAIRO" is Cairo
    if label in ("LAW", "EVENT"):
        return None  # agreements are found separately
    if label == "LANGUAGE":
        return None
    if label in ("PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "FAC") and product_evidence(doc, s, e, label):
        return Cand("product", text, start_char, end_char, sent, s, e, "product")
    if label == "PRODUCT" and (tokens[s].lower_ in nm.PLATFORMS or tokens[s].text in nm.NEWS_AGENCIES):
        return Cand("organization", text, start_char, end_char, sent, s, e, "model")  # "Google Cloud"
    if label == "ORG" and e + 1 < len(doc) and tokens[e].is_title and tokens[e].pos_ == "PROPN" \
            and not tokens[e].ent_type_ \
            and tokens[e + 1].is_lower and tokens[e + 1].lower_ in nm.PRODUCT_NOUNS:
        span = doc[s:e + 1]  # "Chevrolet Malibu sedans"
        return Cand("product", span.text, span.start_char, span.end_char, sent, s, e + 1, "product")
    if label == "ORG" and 2 <= e - s <= 3 and s > 0 and tokens[s - 1].lower_ in nm.STANDALONE_TITLES \
            and tokens[s - 1].is_title and all(t.is_title and t.lower_ not in nm.ORG_WORDS for t in doc[s:e]):
        return Cand("person", text, start_char, end_char, sent, s, e, "model", cue=True)  # "Chancellor Olaf Scholz"
    if any(_GLUE.match(w) and _INNER_CAPITAL.search(w) and not _NAME_CAMEL.match(w) for w in words):
        if label in ("ORG", "PERSON") and len(words) == 1 and text[:1].isupper():
            # a hashtag-style run of words ("WesternSahara", "AmnestyInternational") or a brand ("BlackBerry")
            spaced = _decamel(text)
            state = gaz.state_of_name(spaced)
            if state is not None:
                return Cand("state", state, start_char, end_char, sent, s, e, "glued")
            if spaced.split()[-1].lower() in nm.ORG_SUFFIXES:
                return Cand("organization", spaced, start_char, end_char, sent, s, e, "glued")
            return Cand("organization", text, start_char, end_char, sent, s, e, "model")
        return None
    if "-" in text and _JOINED_PLACE.search(text) and len(words) <= 5:
        return Cand("place", text, start_char, end_char, sent, s, e, "model")  # "Ivry-sur-Seine"
    if label == "PERSON":
        ps = _strip_titles(doc, s, e)
        core = doc[ps:e]
        if any(is_junk_word(t.text) and t.lower_ not in nm.NAME_SUFFIXES and t.text not in nm.NAME_PARTICLES
               and not t.is_punct for t in core):
            if len(core) == 1 or is_junk_word(core[0].text):
                return None
        if len(core) == 1:
            tok = core[0]
            low = tok.lower_
            if low in nm.PLATFORMS:
                return Cand("organization", tok.text, tok.idx, tok.idx + len(tok), sent, ps, e, "model")
            if is_junk_word(tok.text) or low in nm.CAPTION_WORDS or low in nm.TITLE_HEADS or nm.is_honorific(low):
                return None
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                return None
            if tok.text in nm.UNITS or ps > 0 and tokens[ps - 1].like_num and tok.text.isupper() and len(tok.text) <= 3:
                return None  # "16 GB"
            if tok.text.isupper() and len(tok.text) <= 5:
                return Cand("organization", tok.text, tok.idx, tok.idx + len(tok), sent, ps, e, "model")
        if core[0].text in gaz.demonyms:
            return None
        if len(core) == 1 and core[0].tag_ == "NNPS" and ps > 0 and tokens[ps - 1].lower_ == "the":
            return Cand("organization", core.text, core.start_char, core.end_char, sent, ps, e, "model")  # "the Beatles"
        name = " ".join(t.text for t in core if not t.is_space)
        name = re.sub(r"\s*-\s*", "-", name)
        prefix = (s, ps) if ps > s else None
        return Cand("person", name, core[0].idx, core[-1].idx + len(core[-1]), sent, ps, e, "model", prefix=prefix)
    if label in ("GPE", "LOC", "FAC"):
        if len(ent) and s > 0 and tokens[s - 1].lower_ in nm.ORDINALS or any(
                t.is_sent_start is False and t.text[:1].islower() for t in doc[s:e] if t.is_alpha and t.i == s):
            return None
        if is_junk_word(tokens[s].text):
            return None
        return Cand("place", text, start_char, end_char, sent, s, e, "model")
    if label == "ORG":
        if is_junk_word(tokens[s].text):
            return None
        # "NSO Group company Pegasus": the name stops at the first common lower-case word
        for t in doc[s + 1:e]:
            if t.text in ("(", "[", ",", ";") or t.is_lower and t.is_alpha and t.lower_ not in nm.ORG_NAME_SMALL_WORDS:
                e = t.i
                text = doc[s:e].text
                end_char = tokens[e - 1].idx + len(tokens[e - 1])
                break
        low = text.lower()
        if e - s == 1 and (low in nm.TITLE_HEADS or low in nm.CAPTION_WORDS):
            return None
        if e - s == 1 and (text in nm.UNITS or s > 0 and tokens[s - 1].like_num and text.isupper() and len(text) <= 3):
            return None  # "16 GB", "USD"
        if e - s == 1 and e < len(doc) and tokens[e].lower_ in nm.TITLE_HEADS and low in nm.TITLE_ADJECTIVES:
            return None  # "Supreme" of "Supreme Leader"
        if low in nm.GENERIC_ORGS and s >= 2 and tokens[s - 1].lower_ == "of" and tokens[s - 2].lower_ in nm.TITLE_HEADS:
            return None  # "State" of "Secretary of State"
        if _place_like_org(doc, s, e):
            return Cand("place", text, start_char, end_char, sent, s, e, "model")
        if low in nm.AGREEMENT_HEADS or tokens[e - 1].lower_ in nm.AGREEMENT_HEADS:
            return None
        if low in nm.PRONOUNS or low in nm.WEEKDAYS or low in nm.MONTHS:
            return None
        if len(text) < 2:
            return None
        return Cand("organization", text, start_char, end_char, sent, s, e, "model")
    if label == "NORP":
        dem_state = gaz.state_of_demonym(text)
        if dem_state is not None:
            return Cand("state", dem_state, start_char, end_char, sent, s, e, "demonym")
        if text in gaz.plurals:
            return Cand("group", text, start_char, end_char, sent, s, e, "plural")
        if tokens[e - 1].tag_ in ("NNPS", "NNS") and text[0].isupper():
            return Cand("group", text, start_char, end_char, sent, s, e, "model")
        return None
    if label in ("WORK_OF_ART", "PRODUCT"):
        return Cand("_other", text, start_char, end_char, sent, s, e, "model")
    return None


_DATELINE_MARKS = {"(", "—", "–", "-", ":"}


def _dateline_place(doc: Doc, s: int, e: int) -> bool:
    """A name in capitals opening a line and followed by what follows a dateline's city:
    "DETROIT (AP) —", "WASHINGTON —", "RABAT:", "TOULOUSE, France, March 3, 2014 (Reuters)".
    An organisation in capitals opening a sentence ("NATO, the alliance, …") has no date
    or agency after it."""
    tokens = doc_tokens(doc)
    span = tokens[s:e]
    if not tokens[s].is_sent_start or e >= len(doc) or tokens[e - 1].idx + len(tokens[e - 1]) - tokens[s].idx <= 3 \
            or not all(t.text.isupper() or not t.is_alpha for t in span):
        return False
    nxt = tokens[e].text
    if nxt in _DATELINE_MARKS:
        return bool(tokens[e - 1].whitespace_) or nxt in ("(", ":")  # not "NATO-led"
    if nxt != ",":
        return False
    for t in tokens[e + 1:e + 8]:
        if t.ent_type_ == "DATE" or t.lower_ in nm.MONTHS or t.text in nm.NEWS_AGENCIES:
            return True
        if t.text in ("—", "–") or "\n" in t.text:
            break
    return False


def _place_like_org(doc: Doc, s: int, e: int) -> bool:
    """An ORG that is a town: "in Tangier on Thursday", named once, no company word in it."""
    tokens = doc_tokens(doc)
    if s == 0 or tokens[s - 1].lower_ not in nm.TOWN_PREPS or tokens[s].is_upper:
        return False
    span = doc[s:e]
    if any(t.lower_ in nm.ORG_WORDS or t.lower_ in nm.GENERIC_ORGS for t in span):
        return False
    after = tokens[e] if e < len(doc) else None
    if after is not None and not (after.is_punct or after.ent_type_ in ("DATE", "TIME")
                                  or after.lower_ in nm.TOWN_FOLLOWERS):
        return False
    text = span.text
    return sum(1 for ent in doc_ents(doc) if ent.text == text or ent.text == "the " + text) <= 1


def repeated_surnames(doc: Doc, cands: list[Cand], sent_of: list[int], toks: list[Token]) -> list[Cand]:
    """Single names of the article's full names that the model left untagged or mistagged.

    Surnames ("Ruto's plan", "Mulally credited..." read as an adverb), and the first word of
    a name when it is no other name's surname ("Abiy", "Wang"); also words inside long names
    ("Lula" of "Luiz Inacio Lula da Silva").
    """
    surnames: set[str] = set()
    firsts: set[str] = set()
    for c in cands:
        if c.kind == "person":
            words = c.name.split()
            if len(words) >= 2 and words[-1].lower().strip(".") not in nm.NAME_SUFFIXES and len(words[-1]) >= 3:
                surnames.add(words[-1])
                if len(words) <= 4 and len(words[0]) >= 3 and words[0][:1].isupper():
                    firsts.add(words[0])
                if len(words) >= 4:
                    surnames.update(w for w in words[1:-1] if len(w) >= 4 and w[:1].isupper())
    surnames |= firsts - {w for c in cands if c.kind == "person" for w in c.name.split()[1:]}
    surnames = {w for w in surnames if not is_junk_word(w) and w.lower() not in nm.TITLE_HEADS}
    if not surnames:
        return []
    taken = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    texts = token_texts(doc)
    for tok in (toks[i] for i, text in enumerate(texts) if text in surnames):
        if tok.i not in taken and tok.pos_ not in ("DET", "ADP", "CCONJ", "PRON", "AUX") \
                and not (tok.ent_type_ in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL") and tok.ent_iob_ == "I"):
            out.append(Cand("person", tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], tok.i, tok.i + 1,
                             "repeated", cue=True))
    return out

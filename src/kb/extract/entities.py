"""Entity mentions, one local entity per real thing within an article, roles, agreements.

Contract used by the rest of kb:

- ``add_ruler(nlp)``: add rule components (gazetteer of states, demonyms, capitals...).
- ``find_entities(doc) -> FoundEntities``: offsets are cleaned-text offsets (``doc``'s),
  ``sentence`` fields are indexes into ``list(doc.sents)``.

The ``kb_gazetteer`` component runs after the model's ``ner`` and fixes what the small
models get wrong about states: a capital tagged PERSON, "the Hebrew state" missed, an
acronym split. It writes the state's canonical name into each span's ``kb_id_``.

Kinds: person, state, organization, place, group, agreement and product (the model's
PRODUCT label, plus names shaped or placed like products: "iPhone", "Boeing 787", "its
Switch console", "versions of Windows Vista"). Within an article every mention of one
thing gets one key: surnames, family-name-first short forms ("Wang" of "Wang Yi"),
acronyms defined in parentheses, company legal forms ("Apple" / "Apple Inc."), and
definite agreement nouns ("the accord") pointing back to the agreement named before.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from kb.lexicon import events as lex
from kb.extract import gazetteer as gz
from kb.extract.sents import (
    doc_ents, doc_sents, doc_text, doc_tokens, parsed_tokens, sentence_index, sentence_of, token_texts,
)
from kb.model import Agreement, LocalEntity, Mention, Role, Timex
from kb.resolve.entities import org_stem, product_short_form

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

_NAMED_LABELS = {"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC", "LAW", "EVENT", "WORK_OF_ART", "PRODUCT", "LANGUAGE"}
# Country names that are also common first names or surnames.
_AMBIGUOUS_STATES = {"Jordan", "Chad", "Georgia", "Niger", "Guinea", "Israel", "Columbia", "Turkey", "America"}
_PLACE_PREPS = {"in", "at", "to", "from", "into", "near", "outside", "inside", "around", "across", "via", "through",
                "toward", "towards", "around", "within", "throughout", "outside", "over", "onto"}
_PLACE_NOUNS = {"capital", "city", "town", "visit", "trip", "streets", "suburbs", "airport", "hotel", "embassy"}
_GENERIC_ORGS = {"parliament", "government", "ministry", "army", "police", "defence", "defense", "court", "senate",
                 "congress", "cabinet", "military", "administration", "navy", "state", "interior", "kingdom",
                 "presidency", "foreign", "treasury", "justice", "finance", "intelligence", "opposition",
                 "commission", "conference", "committee", "council", "company", "agency", "group", "union", "bank",
                 "board", "party", "firm", "department", "university", "embassy", "consulate", "ministries"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
                  "xiii", "xiv", "xv", "xvi"}
_SPEECH_VERBS = {"say", "tell", "add", "state", "announce", "declare", "write", "tweet", "insist", "argue",
                 "note", "warn", "explain", "claim", "deny", "confirm", "stress", "urge", "call", "meet", "visit",
                 "sign", "lead", "ask", "accuse", "reiterate", "underline"}
_AGREEMENT_HEADS = {"agreement", "agreements", "accord", "accords", "treaty", "treaties", "deal", "deals", "pact",
                    "pacts", "memorandum", "memoranda", "mou", "contract", "contracts", "convention", "protocol",
                    "armistice", "ceasefire", "truce", "charter"}
_SIGN_VERBS = {"sign", "conclude", "reach", "ink", "seal", "strike", "agree", "finalize", "finalise", "negotiate",
               "ratify", "clinch", "renew", "enter"}
_APPOS_STOP_WORDS = {"by", "with", "to", "from", "and", "or", "that", "which", "who", "whom", "whose", "when",
                     "while", "as", "but", "because", "after", "before", "since", "said", "says", "told"}
_TITLE_CUT_WORDS = {"during", "at", "since", "from", "until", "with", "after", "before", "who", "which", "that",
                    "when", "while", "where", "whose", "and", "or", "but", "since", "under", "to", "between"}
_TITLE_ADJECTIVES = {"supreme", "grand", "high", "chief", "senior", "deputy", "acting", "interim", "vice", "general",
                     "principal", "executive", "assistant", "associate", "special", "honorary", "federal", "royal"}
# Words before a city that make it a sports club ("Real Madrid", "FC Barcelona").
_CLUB_PREFIXES = {"fc", "ac", "as", "sc", "cf", "afc", "real", "atletico", "atlético", "athletic", "sporting", "inter",
                  "olympique", "borussia", "dynamo", "dinamo", "racing", "rapid", "ajax", "celtic", "rangers"}
_GLUE = re.compile(r"^[A-Za-zÀ-ÿ]+$")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # "WesternSahara", "BlackBerry"
_JOINED_PLACE = re.compile(r"\w-(sur|sous|en|lès|les|le|la|de|du|des|aux)-\w")  # "Ivry-sur-Seine"


@dataclass
class FoundEntities:
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    # tokens an agreement's date may hang on: its head noun and its signing verb, by key
    agreement_anchors: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _starts: list[int] = field(default_factory=list, repr=False)
    _sorted: list[Mention] = field(default_factory=list, repr=False)
    _max_len: int = field(default=0, repr=False)

    def entity_at(self, start: int, end: int) -> str | None:
        """Key of the entity mentioned at (or overlapping) a cleaned-text span."""
        if len(self._sorted) != len(self.mentions):
            self._sorted = sorted(self.mentions, key=lambda m: (m.start_char, m.end_char))
            self._starts = [m.start_char for m in self._sorted]
            self._max_len = max((m.end_char - m.start_char for m in self._sorted), default=0)
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        hi = bisect.bisect_left(self._starts, end)
        best: Mention | None = None
        for m in self._sorted[lo:hi]:
            if m.start_char < end and start < m.end_char:
                if best is None or _overlap(m, start, end) > _overlap(best, start, end):
                    best = m
        return best.entity if best is not None else None


def _overlap(m: Mention, start: int, end: int) -> int:
    return min(m.end_char, end) - max(m.start_char, start)


# ---------------------------------------------------------------------------------------
# Pipeline component
# ---------------------------------------------------------------------------------------


def add_ruler(nlp: Language) -> None:
    """Add the ``kb_gazetteer`` component after ``ner`` (or last when there is none)."""
    if "kb_gazetteer" in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kb_gazetteer", after="ner")
    else:
        nlp.add_pipe("kb_gazetteer", last=True)


class _GazetteerComponent:
    """Relabel and add state names, demonyms, capitals and epithets in ``doc.ents``."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        gaz = gz.gazetteer()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kinds: dict[str, tuple[str, str]] = {}  # match id string -> (label, state)
        tables = (("name", "GPE", gaz.names), ("demonym", "NORP", gaz.demonyms), ("plural", "NORP", gaz.plurals),
                  ("capital", "GPE", gaz.capitals))
        make = nlp.make_doc
        for kind, label, table in tables:
            for text, state in table.items():
                mid = f"kb_{kind}\x00{text}"
                self.kinds[mid] = (label, state)
                self.exact.add(mid, [make(text)])
        for text, state in gaz.epithets.items():
            mid = f"kb_epithet\x00{text}"
            self.kinds[mid] = ("GPE", state)
            self.lower.add(mid, [make(text)])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        vocab = doc.vocab
        found = []
        for matcher in (self.exact, self.lower):
            for mid, start, end in matcher(doc):
                key = vocab.strings[mid]
                label, state = self.kinds[key]
                found.append(Span(doc, start, end, label=label, kb_id=f"{key.split(chr(0))[0][3:]}:{state}"))
        if not found:
            return doc
        ents = list(doc.ents)
        by_token: dict[int, int] = {}
        for n, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                by_token[i] = n
        drop: set[int] = set()
        add: list[Span] = []
        for span in filter_spans(found):
            hits = sorted({by_token[i] for i in range(span.start, span.end) if i in by_token})
            text = span.text
            if not hits:
                if text in _AMBIGUOUS_STATES and _in_name_context(span):
                    continue
                add.append(span)
                continue
            covering = [ents[n] for n in hits]
            if len(covering) == 1:
                ent = covering[0]
                if ent.start >= span.start and ent.end <= span.end:
                    drop.add(hits[0])
                    add.append(span)
                elif ent.start <= span.start and ent.end >= span.end:
                    rest = [t for t in ent if t.i < span.start or t.i >= span.end]
                    if all(t.lower_ in ("the", "'s", "’s", "'", "’") or t.is_punct for t in rest):
                        if ent.label_ == "PERSON" and text in _AMBIGUOUS_STATES:
                            continue
                        drop.add(hits[0])
                        add.append(Span(doc, ent.start, ent.end, label=span.label_, kb_id=span.kb_id_))
                continue
            if all(span.start <= ents[n].start and ents[n].end <= span.end for n in hits):
                drop.update(hits)
                add.append(span)
        if not add:
            return doc
        kept = [e for n, e in enumerate(ents) if n not in drop]
        doc.ents = filter_spans(kept + add)
        return doc


def _in_name_context(span: Span) -> bool:
    """True when a country-like word sits inside a personal name ("Michael Jordan")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return bool((before is not None and before.is_title and before.pos_ == "PROPN" and before.ent_type_ != "GPE")
                or (after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ != "GPE"))


def _register() -> None:
    from spacy.language import Language

    @Language.factory("kb_gazetteer")
    def make_gazetteer(nlp: Language, name: str) -> _GazetteerComponent:
        return _GazetteerComponent(nlp)


try:  # registering needs spaCy; this module is only imported on NLP paths
    _register()
except (ValueError, ImportError):  # already registered
    pass


# ---------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------


@dataclass
class _Cand:
    """A candidate mention before local clustering."""

    kind: str
    name: str  # cleaned name (state: canonical name)
    start: int  # char offsets
    end: int
    sent: int
    tok_start: int  # token span of the core name
    tok_end: int
    via: str = ""  # how it was found: name, demonym, capital, epithet, glued, model
    cue: bool = False  # preceded by an honorific/title or in a speaker position
    prefix: tuple[int, int] | None = None  # token span stripped off the front (titles)
    key: str = ""


def _state_of(kb_id: str) -> tuple[str, str]:
    via, _, state = kb_id.partition(":")
    return via, state


def _is_junk_word(text: str) -> bool:
    low = text.lower().strip(".")
    return (len(text) < 2 or low in gz.PRONOUNS or low in gz.WEEKDAYS or low in gz.MONTHS
            or not any(c.isalpha() for c in text) or not (text[0].isupper() or text[0].isdigit()))


@functools.lru_cache(maxsize=1 << 14)
def _glued_state(text: str) -> tuple[int, int, str, str] | None:
    """Find a state name glued to a lower-case word ("Moroccolink", "butRabat").

    Cached: every word of every name is tried, and the same words recur."""
    if not _GLUE.match(text) or len(text) < 5:
        return None
    gaz = gz.gazetteer()
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


def _strip_span(span: Span) -> tuple[int, int]:
    """Token range of a name without leading articles/honorifics/titles and trailing 's."""
    start, end = span.start, span.end
    doc = span.doc
    tokens = doc_tokens(doc)
    while end > start and (tokens[end - 1].tag_ == "POS" or tokens[end - 1].lower_ in ("'s", "’s", "'", "’")
                           or tokens[end - 1].is_punct or tokens[end - 1].is_space):
        end -= 1
    while start < end and (tokens[start].lower_ in ("the", "a", "an") or tokens[start].is_punct
                           or tokens[start].is_space):
        start += 1
    return start, end


def _strip_titles(doc: Doc, start: int, end: int) -> int:
    """Skip honorifics, titles and lower-case words at the front of a personal name."""
    tokens = doc_tokens(doc)
    while end - start > 1:
        tok = tokens[start]
        low = tok.lower_
        if (gz.is_honorific(low) or low in gz.TITLE_HEADS or low in ("former", "ex", "ex-", "late", "then")
                or not tok.text[:1].isupper() or low in gz.gazetteer().demonyms or tok.text in gz.gazetteer().demonyms
                or (tok.pos_ == "ADJ" and tok.text in gz.gazetteer().demonyms)):
            start += 1
            continue
        if tokens[start + 1].lower_ in ("of",) and low in gz.TITLE_HEADS:
            start += 1
            continue
        break
    return start


def _place_use(doc: Doc, start: int, end: int) -> bool:
    """True when a capital is named as a place ("in Rabat", "visit to Rabat", "the capital Rabat")."""
    tokens = doc_tokens(doc)
    head = tokens[end - 1]
    prev = tokens[start - 1] if start > 0 else None
    if prev is not None and (prev.lower_ in _PLACE_PREPS or prev.lower_ in _PLACE_NOUNS):
        return True
    if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS:
        return True
    if head.dep_ in ("appos", "compound") and head.head.lower_ in _PLACE_NOUNS:
        return True
    if end + 1 < len(doc) and tokens[end].text == "-" and tokens[end + 1].is_lower:
        return True  # "Paris-based"
    if end < len(doc) and tokens[end].text == ":" and (start == 0 or tokens[start - 1].is_space
                                                       or tokens[start].is_sent_start):
        return True  # dateline "RABAT:"
    if end < len(doc) and tokens[end].text == "," and end + 1 < len(doc) \
            and tokens[end + 1].text in gz.gazetteer().names:
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
        if ent.label_ == "ORG" and all(t.lower_ in gz.LEGAL_SUFFIXES or t.is_punct for t in ent):
            prev = out[-1] if out else None
            if prev is not None and prev.label_ == "ORG" and prev.end == ent.start:
                out[-1] = Span(doc, prev.start, ent.end, label="ORG")
            continue
        if ent.label_ == "ORG":
            end = ent.end
            while end < len(doc) and tokens[end].lower_ in gz.LEGAL_SUFFIXES and not tokens[end].ent_type_ \
                    and (tokens[end].text[:1].isupper() or tokens[end].text == "plc"):  # "BP plc"
                end += 1
            if end != ent.end:
                ent = Span(doc, ent.start, end, label="ORG")
        if ent.label_ in ("GPE", "LOC") and ent.start > 0 and tokens[ent.start - 1].lower_ in _CLUB_PREFIXES \
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


def _scan_known_orgs(doc: Doc, sent_of: list[int], taken: set[int], toks: list[Token]) -> list[_Cand]:
    """Names the model missed or mislabelled: news agencies and online platforms ("Photo:
    AFP"), company names closed by a legal form ("Apple Inc."), owned products ("its Prius
    hybrid")."""
    out: list[_Cand] = []
    texts = token_texts(doc)
    i = 0
    n = len(doc)
    while i < n:
        if i in taken or not texts[i][:1].isupper():
            i += 1
            continue
        tok = toks[i]
        hit = 0
        if tok.text in gz.NEWS_AGENCY_FIRST:
            for size in (3, 2, 1):
                if i + size <= n and doc[i:i + size].text in gz.NEWS_AGENCIES \
                        and not any(j in taken for j in range(i, i + size)):
                    hit = size
                    break
        if not hit and tok.lower_ in gz.PLATFORMS and (tok.is_title or tok.is_upper):
            if tok.text != "X" or (i > 0 and toks[i - 1].lower_ in ("on", "via")):
                hit = 1
        if not hit and not tok.ent_type_ and tok.pos_ == "PROPN" and i > 0 and toks[i - 1].lower_ in _OWNERS \
                and i + 1 < n and toks[i + 1].is_lower and toks[i + 1].lower_ in gz.PRODUCT_NOUNS:
            out.append(_Cand("product", tok.text, tok.idx, tok.idx + len(tok), sent_of[i], i, i + 1, "product"))
            i += 1  # "its Prius hybrid"
            continue
        if not hit and tok.lower_ in gz.LEGAL_SUFFIXES and i > 0 and (tok.is_title or tok.is_upper):
            j = i
            while j > 0 and i - j < 3 and toks[j - 1].is_title and toks[j - 1].pos_ == "PROPN" and j - 1 not in taken \
                    and not toks[j - 1].is_sent_start:
                j -= 1
            if j == i and i > 0 and toks[i - 1].is_title and toks[i - 1].pos_ == "PROPN" and i - 1 not in taken:
                j = i - 1  # a sentence-initial company name ("Apple Inc. said")
            if j < i:
                span = doc[j:i + 1]
                out.append(_Cand("organization", span.text, span.start_char, span.end_char, sent_of[i], j, i + 1,
                                 "known"))
            i += 1
            continue
        if hit:
            span = doc[i:i + hit]
            out.append(_Cand("organization", span.text, span.start_char, span.end_char, sent_of[i], i, i + hit,
                             "known"))
            i += hit
            continue
        i += 1
    return out


def _acronym_aliases(doc: Doc, cands: list[_Cand], sent_of: list[int], toks: list[Token]
                     ) -> tuple[list[_Cand], dict[str, str]]:
    """Acronyms defined in parentheses after a name ("Data Protection Commission (DPC)") and
    their later uses: new organisation mentions, and a map from acronym to the full name."""
    taken = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    defined: dict[str, str] = {}
    for c in cands:
        e = c.tok_end
        if c.kind == "organization" and e + 2 < len(doc) and toks[e].text == "(" and toks[e + 2].text == ")":
            acr = toks[e + 1].text
            if acr.isupper() and 2 <= len(acr) <= 8 and acr.isalpha() and gz.fold(acr) != gz.fold(c.name) \
                    and acr not in gz.NEWS_AGENCIES and acr[0] == c.name[:1].upper() and not c.name.isupper():
                defined[acr] = c.name
    if not defined:
        return [], {}
    out = []
    for tok in toks:
        if tok.text in defined and tok.i not in taken:
            out.append(_Cand("organization", tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], tok.i, tok.i + 1,
                             "acronym"))
    return out, {gz.fold(a): gz.fold(n) for a, n in defined.items()}


def _collect(doc: Doc, sent_of: list[int], toks: list[Token]) -> list[_Cand]:
    gaz = gz.gazetteer()
    cands: list[_Cand] = []
    covered: set[int] = set()
    for ent in _fixed_ents(doc):
        if ent.label_ not in _NAMED_LABELS:
            continue
        covered.update(range(ent.start, ent.end))
        s, e = _strip_span(ent)
        if s >= e:
            continue
        sent = sent_of[ent.start]
        if ent.kb_id_:
            via, state = _state_of(ent.kb_id_)
            text = doc[s:e].text
            if via == "capital":
                if _place_use(doc, s, e):
                    cands.append(_Cand("place", text, toks[s].idx, toks[e - 1].idx + len(toks[e - 1]), sent, s, e, via))
                    continue
            kind = "group" if via == "plural" else "state"
            name = text if via == "plural" else state
            cands.append(_Cand(kind, name, toks[s].idx, toks[e - 1].idx + len(toks[e - 1]), sent, s, e, via))
            continue
        cands.extend(_split_possessive(doc, ent, s, e, sent, gaz))
    kept = {i for c in cands if c.kind != "_other" for i in range(c.tok_start, c.tok_end)}
    cands = [c for c in cands if c.kind != "_other" or not any(toks[i].text in gz.NEWS_AGENCIES or toks[i].lower_ in
                                                                 gz.PLATFORMS for i in range(c.tok_start, c.tok_end))]
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
        cands.append(_Cand(kind, tok.text[a:b] if kind == "group" else state, start, tok.idx + b,
                           sent_of[tok.i], tok.i, tok.i + 1, "glued"))
    cands.sort(key=lambda c: c.start)
    return cands


def _split_possessive(doc: Doc, ent: Span, s: int, e: int, sent: int, gaz: gz.Gazetteer) -> list[_Cand]:
    """Read "Western Sahara's Polisario Front" as two names, each typed on its own."""
    tokens = doc_tokens(doc)
    parse = parsed_tokens(doc)
    cut = next((i for i in range(s + 1, e - 1) if parse[i].tag_ == "POS" or parse[i].lower_ in ("'s", "’s")), None)
    if cut is None:
        cand = _from_model_ent(doc, ent, s, e, sent, gaz)
        return [cand] if cand is not None else []
    out = []
    first = doc[s:cut]
    state = gaz.state_of_name(first.text)
    if state is not None:
        out.append(_Cand("state", state, first.start_char, first.end_char, sent, s, cut, "name"))
    elif first.text[:1].isupper():
        out.extend(_split_possessive(doc, first, s, cut, sent, gaz))
    label = "ORG" if tokens[e - 1].lower_ in gz.ORG_SUFFIXES else ent.label_
    from spacy.tokens import Span

    second = Span(doc, cut + 1, e, label=label)
    cand = _from_model_ent(doc, second, cut + 1, e, sent, gaz)
    if cand is not None:
        out.append(cand)
    return out


def _from_model_ent(doc: Doc, ent: Span, s: int, e: int, sent: int, gaz: gz.Gazetteer) -> _Cand | None:
    tokens = doc_tokens(doc)
    words = token_texts(doc)[s:e]
    label = ent.label_
    if label not in ("GPE", "LOC") and any(_glued_state(w) for w in words):
        return None  # artefacts of glued words: handled token by token
    start_char, end_char = tokens[s].idx, tokens[e - 1].idx + len(words[-1])
    text = doc_text(doc)[start_char:end_char]  # doc[s:e].text
    state = gaz.state_of_name(text)
    if state is not None and label in ("GPE", "LOC", "ORG", "PERSON", "NORP"):
        return _Cand("state", state, start_char, end_char, sent, s, e, "name")
    if label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC") and _dateline_place(doc, s, e):
        return _Cand("place", text.title(), start_char, end_char, sent, s, e, "model")  # "CAIRO" is Cairo
    if label in ("LAW", "EVENT"):
        return None  # agreements are found separately
    if label == "LANGUAGE":
        return None
    if label in ("PRODUCT", "ORG", "PERSON", "WORK_OF_ART", "FAC") and _product_evidence(doc, s, e, label):
        return _Cand("product", text, start_char, end_char, sent, s, e, "product")
    if label == "PRODUCT" and (tokens[s].lower_ in gz.PLATFORMS or tokens[s].text in gz.NEWS_AGENCIES):
        return _Cand("organization", text, start_char, end_char, sent, s, e, "model")  # "Google Cloud"
    if label == "ORG" and e + 1 < len(doc) and tokens[e].is_title and tokens[e].pos_ == "PROPN" \
            and not tokens[e].ent_type_ \
            and tokens[e + 1].is_lower and tokens[e + 1].lower_ in gz.PRODUCT_NOUNS:
        span = doc[s:e + 1]  # "Chevrolet Malibu sedans"
        return _Cand("product", span.text, span.start_char, span.end_char, sent, s, e + 1, "product")
    if label == "ORG" and 2 <= e - s <= 3 and s > 0 and tokens[s - 1].lower_ in gz.STANDALONE_TITLES \
            and tokens[s - 1].is_title and all(t.is_title and t.lower_ not in gz.ORG_WORDS for t in doc[s:e]):
        return _Cand("person", text, start_char, end_char, sent, s, e, "model", cue=True)  # "Chancellor Olaf Scholz"
    if any(_GLUE.match(w) and _INNER_CAPITAL.search(w) and not _NAME_CAMEL.match(w) for w in words):
        if label in ("ORG", "PERSON") and len(words) == 1 and text[:1].isupper():
            # a hashtag-style run of words ("WesternSahara", "AmnestyInternational") or a brand ("BlackBerry")
            spaced = _decamel(text)
            state = gaz.state_of_name(spaced)
            if state is not None:
                return _Cand("state", state, start_char, end_char, sent, s, e, "glued")
            if spaced.split()[-1].lower() in gz.ORG_SUFFIXES:
                return _Cand("organization", spaced, start_char, end_char, sent, s, e, "glued")
            return _Cand("organization", text, start_char, end_char, sent, s, e, "model")
        return None
    if "-" in text and _JOINED_PLACE.search(text) and len(words) <= 5:
        return _Cand("place", text, start_char, end_char, sent, s, e, "model")  # "Ivry-sur-Seine"
    if label == "PERSON":
        ps = _strip_titles(doc, s, e)
        core = doc[ps:e]
        if any(_is_junk_word(t.text) and t.lower_ not in _NAME_SUFFIXES and t.text not in ("-", "bin", "ben", "al", "de",
               "van", "von", "da", "el", "la", "le", "di", "du", "ibn", "abu", "bint") and not t.is_punct for t in core):
            if len(core) == 1 or _is_junk_word(core[0].text):
                return None
        if len(core) == 1:
            tok = core[0]
            low = tok.lower_
            if low in gz.PLATFORMS:
                return _Cand("organization", tok.text, tok.idx, tok.idx + len(tok), sent, ps, e, "model")
            if _is_junk_word(tok.text) or low in gz.CAPTION_WORDS or low in gz.TITLE_HEADS or gz.is_honorific(low):
                return None
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                return None
            if tok.text in _UNITS or ps > 0 and tokens[ps - 1].like_num and tok.text.isupper() and len(tok.text) <= 3:
                return None  # "16 GB"
            if tok.text.isupper() and len(tok.text) <= 5:
                return _Cand("organization", tok.text, tok.idx, tok.idx + len(tok), sent, ps, e, "model")
        if core[0].text in gaz.demonyms:
            return None
        if len(core) == 1 and core[0].tag_ == "NNPS" and ps > 0 and tokens[ps - 1].lower_ == "the":
            return _Cand("organization", core.text, core.start_char, core.end_char, sent, ps, e, "model")  # "the Beatles"
        name = " ".join(t.text for t in core if not t.is_space)
        name = re.sub(r"\s*-\s*", "-", name)
        prefix = (s, ps) if ps > s else None
        return _Cand("person", name, core[0].idx, core[-1].idx + len(core[-1]), sent, ps, e, "model", prefix=prefix)
    if label in ("GPE", "LOC", "FAC"):
        if len(ent) and s > 0 and tokens[s - 1].lower_ in ("second", "first", "third") or any(
                t.is_sent_start is False and t.text[:1].islower() for t in doc[s:e] if t.is_alpha and t.i == s):
            return None
        if _is_junk_word(tokens[s].text):
            return None
        return _Cand("place", text, start_char, end_char, sent, s, e, "model")
    if label == "ORG":
        if _is_junk_word(tokens[s].text):
            return None
        # "NSO Group company Pegasus": the name stops at the first common lower-case word
        for t in doc[s + 1:e]:
            if t.text in ("(", "[", ",", ";") or t.is_lower and t.is_alpha and t.lower_ not in ("of", "and", "for", "the", "de", "du", "des", "la", "le",
                                                               "al", "el", "on", "in", "y", "et", "und", "van", "von", "plc"):
                e = t.i
                text = doc[s:e].text
                end_char = tokens[e - 1].idx + len(tokens[e - 1])
                break
        low = text.lower()
        if e - s == 1 and (low in gz.TITLE_HEADS or low in gz.CAPTION_WORDS):
            return None
        if e - s == 1 and (text in _UNITS or s > 0 and tokens[s - 1].like_num and text.isupper() and len(text) <= 3):
            return None  # "16 GB", "USD"
        if e - s == 1 and e < len(doc) and tokens[e].lower_ in gz.TITLE_HEADS and low in _TITLE_ADJECTIVES:
            return None  # "Supreme" of "Supreme Leader"
        if low in _GENERIC_ORGS and s >= 2 and tokens[s - 1].lower_ == "of" and tokens[s - 2].lower_ in gz.TITLE_HEADS:
            return None  # "State" of "Secretary of State"
        if _place_like_org(doc, s, e):
            return _Cand("place", text, start_char, end_char, sent, s, e, "model")
        if low in _AGREEMENT_HEADS or tokens[e - 1].lower_ in _AGREEMENT_HEADS:
            return None
        if low in gz.PRONOUNS or low in gz.WEEKDAYS or low in gz.MONTHS:
            return None
        if len(text) < 2:
            return None
        return _Cand("organization", text, start_char, end_char, sent, s, e, "model")
    if label == "NORP":
        dem_state = gaz.state_of_demonym(text)
        if dem_state is not None:
            return _Cand("state", dem_state, start_char, end_char, sent, s, e, "demonym")
        if text in gaz.plurals:
            return _Cand("group", text, start_char, end_char, sent, s, e, "plural")
        if tokens[e - 1].tag_ in ("NNPS", "NNS") and text[0].isupper():
            return _Cand("group", text, start_char, end_char, sent, s, e, "model")
        return None
    if label in ("WORK_OF_ART", "PRODUCT"):
        return _Cand("_other", text, start_char, end_char, sent, s, e, "model")
    return None


# Words that, after the first word of a name, make it a product ("MacBook Pro", "Mac App Store").
_PRODUCT_NAME_WORDS = gz.PRODUCT_NAME_WORDS
_UNITS = {"GB", "MB", "TB", "KB", "GHz", "MHz", "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "INR", "RUB",
          "mph", "km", "kg", "MW", "GW", "kWh"}
_NAME_CAMEL = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|O)[A-Z][a-z]+$")
_MODEL_CODE = re.compile(r"^(?:[A-Z]{1,3}-?\d{2,4}[A-Za-z]?|\d{3}[A-Za-z]?)$")
_CAMEL_PRODUCT = re.compile(r"^[ie][A-Z][A-Za-z]+$")
_OWNERS = {"its", "their", "whose"}


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
        if t.ent_type_ == "DATE" or t.lower_ in gz.MONTHS or t.text in gz.NEWS_AGENCIES:
            return True
        if t.text in ("—", "–") or "\n" in t.text:
            break
    return False


def _product_evidence(doc: Doc, s: int, e: int, label: str) -> bool:
    """True when a name is a product: the model says so, or its shape or context does.

    Shape: "iPhone"-style names, model numbers ("A350", "PlayStation 5"). Context: owned
    by a company ("its Cybertruck", "Apple's iPod"), followed by a product noun ("the Switch
    console"), or after "versions of". People, platforms, agencies and states never are.
    """
    tokens = doc_tokens(doc)
    span = tokens[s:e]
    text = doc_text(doc)[span[0].idx:span[-1].idx + len(span[-1])]  # doc[s:e].text
    if text in gz.NEWS_AGENCIES or span[0].lower_ in gz.PLATFORMS or gz.gazetteer().state_of_name(text):
        return False
    if any(t.lower_ in gz.ORG_WORDS for t in span[1:]) or span[-1].lower_ in gz.LEGAL_SUFFIXES:
        return False
    if len(span) >= 2 and span[-1].like_num and span[-2].lower_ in gz.NUMBERED_NOUNS:
        return False  # "Flight 370", "Article 5"
    if label == "PRODUCT":
        return True
    if any(_CAMEL_PRODUCT.match(t.text) for t in span):
        return True
    if e < len(doc) and (tokens[e].tag_ == "POS" or tokens[e].lower_ in ("'s", "’s")):
        return False  # an owner: "the price of Apple's iPhone"
    if len(span) >= 2 and any(t.lower_ in _PRODUCT_NAME_WORDS and t.text[:1].isupper() for t in span[1:]):
        return True
    if len(span) >= 2 and span[0].text[:1].isupper() and (span[-1].like_num or _MODEL_CODE.match(span[-1].text)) \
            and not re.match(r"^G\d+$", span[-1].text) and span[-2].lower_ not in gz.NUMBERED_NOUNS:
        return True
    if len(span) == 1 and _MODEL_CODE.match(text) and not re.match(r"^(?:G|COP|C|P|B|H|N)\d+$", text):
        return True
    if label == "PERSON" and len(span) >= 2:
        return False
    prev = tokens[s - 1] if s > 0 else None
    owned = prev is not None and (prev.lower_ in _OWNERS
                                  or (prev.tag_ == "POS" and s >= 2 and tokens[s - 2].ent_type_ == "ORG"))
    after = tokens[e] if e < len(doc) else None
    noun_after = after is not None and after.is_lower and after.lower_ in gz.PRODUCT_NOUNS
    if owned and (noun_after or label in ("PERSON", "WORK_OF_ART") or len(span) == 1 and label == "ORG"
                  and prev.lower_ in _OWNERS):
        return True
    if noun_after and prev is not None and prev.lower_ in ("new", "latest", "its", "their", "whose"):
        return True
    if after is not None and after.lower_ in ("shares", "stock", "stocks", "shareholders", "executives"):
        return False
    return s >= 2 and tokens[s - 1].lower_ == "of" and tokens[s - 2].lower_ in gz.PRODUCT_OF


def _place_like_org(doc: Doc, s: int, e: int) -> bool:
    """An ORG that is a town: "in Tangier on Thursday", named once, no company word in it."""
    tokens = doc_tokens(doc)
    if s == 0 or tokens[s - 1].lower_ not in ("in", "near", "outside") or tokens[s].is_upper:
        return False
    span = doc[s:e]
    if any(t.lower_ in gz.ORG_WORDS or t.lower_ in _GENERIC_ORGS for t in span):
        return False
    after = tokens[e] if e < len(doc) else None
    if after is not None and not (after.is_punct or after.ent_type_ in ("DATE", "TIME")
                                  or after.lower_ in ("on", "last", "this", "and")):
        return False
    text = span.text
    return sum(1 for ent in doc_ents(doc) if ent.text == text or ent.text == "the " + text) <= 1


# ---------------------------------------------------------------------------------------
# Product names by shape: families, makers and model numbers
# ---------------------------------------------------------------------------------------

# A model number or code: "4", "787", "A380", "3GS", "S10", "F-35", "4.0".
_CODE = re.compile(r"^(?:[A-Z]{0,3}-?\d{1,4}[A-Za-z]{0,3}|\d{1,2}(?:\.\d{1,2}){1,2})$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_UNIT_TAILS = {"gb", "mb", "tb", "kb", "ghz", "mhz", "mm", "cm", "km", "kg", "m", "g", "mp", "k", "bn", "pm", "am",
               "h", "hrs", "min", "ft", "lb", "lbs", "mph", "kmh", "w", "kw", "mw", "gw", "kwh", "v"}
# A short capitalised word that ends a model name ("iPhone X", "Model S", "Windows XP").
_MODEL_LETTERS = re.compile(r"^[A-Z]{1,2}$")
_NOT_MODEL_LETTERS = {"I", "A", "US", "UK", "EU", "UN", "AM", "PM", "OK", "AT", "AN", "IN", "ON", "OF", "TO", "OR"}
_CAP_CAMEL = re.compile(r"^[A-Z][a-z]+[A-Z][a-z]+$")  # "PlayStation", "MacBook": a product with a number
_NEW_WORDS = {"new", "newest", "latest", "upcoming", "next"}


def _model_number(toks: list[Token], i: int) -> bool:
    """A model number or code at token ``i``: not a year, ordinal, measure, count or range."""
    tok = toks[i]
    t = tok.text
    if not _CODE.match(t) or _ORDINAL.match(t) or not any(c.isdigit() for c in t):
        return False
    if t.isdigit() and len(t) == 4 and t[:2] in ("19", "20"):
        return False  # a year
    if re.sub(r"^[A-Z]{0,3}-?[\d.]+", "", t).lower() in _UNIT_TAILS:
        return False  # "16GB", "5km"
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "TIME") or (i > 0 and toks[i - 1].text in ("$", "€", "£", "#")):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and (nxt.lower_ in gz.QUANTITY_WORDS or nxt.text in ("%", ":")
                            or nxt.text in ("-", "–", "/", "to") and i + 2 < len(toks) and toks[i + 2].like_num):
        return False
    return True


def _model_word(tok: Token) -> bool:
    """A word that ends a model name after its family or number: "Pro", "Max", "X", "XS"."""
    if tok.ent_type_ in ("GPE", "NORP", "PERSON", "DATE", "TIME", "MONEY", "LOC"):
        return False
    t = tok.text
    if tok.lower_ in _PRODUCT_NAME_WORDS and t[:1].isupper():
        return True
    return bool(_MODEL_LETTERS.match(t)) and t not in _NOT_MODEL_LETTERS


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
    return (tok.text[:1].isupper() and tok.is_alpha and tok.pos_ == "PROPN" and low not in gz.NUMBERED_NOUNS and low not in gz.MONTHS
            and low not in gz.WEEKDAYS and low not in gz.TITLE_HEADS and not gz.is_honorific(low)
            and tok.ent_type_ not in ("TIME", "GPE", "NORP", "MONEY", "LAW", "EVENT")
            and gz.gazetteer().state_of_name(tok.text) is None and tok.text not in gz.gazetteer().capitals)


def _maker_model(toks: list[Token], i: int, by_tok: dict[int, _Cand]) -> bool:
    """A maker followed by one capitalised model word ("Chevrolet Volt", "Nissan Leaf"), not a
    company name ("Toyota Motor", "Apple Inc."), a title ("Boeing Chief ...") or a longer name."""
    if i + 1 >= len(toks) or toks[i].text not in gz.PRODUCT_MAKERS:
        return False
    own = by_tok.get(i)
    if own is not None and (own.tok_start != i or own.tok_end > i + 2 or own.kind in ("person", "state")):
        return False
    word = toks[i + 1]
    low = word.lower_
    if not (word.is_alpha and word.is_title and word.pos_ in ("PROPN", "NOUN")) or word.ent_type_ in (
            "GPE", "NORP", "LOC", "DATE", "TIME", "PERSON") and (own is None or own.tok_end != i + 2):
        return False
    if low in gz.ORG_WORDS or low in gz.TITLE_HEADS or low in _TITLE_ADJECTIVES or gz.is_honorific(low) \
            or low in gz.MONTHS or low in gz.WEEKDAYS or low in _GENERIC_ORGS:
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
            and t.lower_ not in gz.ORG_WORDS and t.lower_ not in gz.TITLE_HEADS and t.lower_ not in gz.MONTHS
            and not (nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN"))


def _shape_products(doc: Doc, cands: list[_Cand], sent_of: list[int], toks: list[Token]) -> list[_Cand]:
    """Product names read from their shape, replacing what they overlap.

    A family name or maker followed by a model number or model word ("iPhone 3GS", "Airbus
    A380", "Boeing 787 Dreamliner", "Windows 7", "iPhone XS Max", "Chevrolet Volt"); a lone
    family name in the "iPhone" style. Numbers that are years, counts, measures or numbered
    parts ("Article 5", "Flight 370", "16GB", "4 million") never make a product.
    """
    n = len(toks)
    by_tok: dict[int, _Cand] = {}
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
    out: list[_Cand] = []
    for s, e in found:
        for c in cands:
            if c.tok_start < e and s < c.tok_end:
                drop.add(id(c))
        text = doc[s:e].text
        out.append(_Cand("product", text, toks[s].idx, toks[e - 1].idx + len(toks[e - 1]), sent_of[s], s, e, "shape"))
    kept = [c for c in cands if id(c) not in drop]
    return sorted(kept + out, key=lambda c: c.start)


def _may_open_product(text: str) -> bool:
    """A word a product name may start with: capitalised, "iPhone"-like or a number. Tested
    on the text alone first, as most words fail it."""
    return text[:1].isupper() or bool(_CAMEL_PRODUCT.match(text)) or text[:1].isdigit()


def _product_at(doc: Doc, toks: list[Token], s: int, by_tok: dict[int, _Cand], headline: bool
                ) -> tuple[int, int] | None:
    """The token span of a product name starting at ``s``, when its shape says it is one
    (``headline``: its sentence is a headline in title case). The word at ``s`` passed
    :func:`_may_open_product`."""
    tok = toks[s]
    own = by_tok.get(s)
    if own is not None and own.tok_start != s:
        return None
    end = own.tok_end if own is not None else s + 1
    head_end = next((k for k in range(s + 1, end) if _model_number(toks, k)), end)
    camel = bool(_CAMEL_PRODUCT.match(tok.text)) and head_end == s + 1
    kind = own.kind if own is not None else ""
    # a maker alone or tagged alone before its model ("Chevrolet" + "Malibu")
    maker = (own is None or own.kind == "organization" and own.tok_end == s + 1) and _maker_model(toks, s, by_tok)
    if kind == "product" or camel:
        head = "product"
    elif maker:
        head = "brand"
    elif own is None and _model_number(toks, s) and not headline and s + 1 < len(toks) \
            and _name_after_number(toks, s + 1):
        return s, s + 2  # "its 787 Dreamliner"
    elif head_end == s + 1 and _CAP_CAMEL.match(tok.text):
        head = "family"  # "PlayStation": a product once a number follows
    elif kind == "organization" and head_end - s <= 2 and not any(
            t.lower_ in gz.ORG_WORDS for t in doc[s + 1:head_end]) and toks[head_end - 1].lower_ not in gz.LEGAL_SUFFIXES \
            and toks[head_end - 1].lower_ not in gz.NUMBERED_NOUNS:
        head = "brand"
    elif head_end == s + 1 and _plain_head(tok) and kind in ("", "place", "person", "organization", "_other"):
        head = "plain"
    else:
        return None
    if head != "product" and headline:
        return None
    j, codes, words = head_end, 0, 0
    coded = toks[head_end - 1].text[:1].isdigit() and _model_number(toks, head_end - 1)  # "787" + "Dreamliner"
    made = maker or head in ("brand", "plain") and own is not None and head_end == end == s + 2 \
        and _maker_model(toks, s, by_tok)  # "the Chevrolet Volt" tagged as one organisation
    if made:
        j = s + 2
    while j < len(toks) and j - s < 7:
        other = by_tok.get(j)
        if other is not None and other is not own and other.kind in ("person", "state", "place") \
                and not _model_number(toks, j):
            break
        if other is not None and other is not own and other.kind == "product" and other.tok_start == j and all(
                t.lower_ in _PRODUCT_NAME_WORDS or _MODEL_LETTERS.match(t.text) or _model_number(toks, t.i)
                for t in doc[j:other.tok_end]):
            if any(_model_number(toks, k) for k in range(j, other.tok_end)):
                codes += 1  # "Airbus" + "A380"
            else:
                words += 1  # "iPhone" + "XS Max" read apart
            j = other.tok_end
            continue
        if not words and _model_number(toks, j):
            codes += 1
            j += 1
            continue
        t = toks[j]
        if (codes or head in ("product", "family") or made) and _model_word(t) and not t.is_sent_start:
            words += 1
            j += 1
            continue
        if head == "product" and not codes and j + 1 < len(toks) and t.is_title and t.pos_ == "PROPN" \
                and toks[j + 1].text in ("Store", "Stores"):
            words += 2  # "iTunes Music Store"
            j += 2
            continue
        if head == "product" and not codes and t.lower_ in ("store", "stores") and t.is_lower:
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


# ---------------------------------------------------------------------------------------
# Within-article clustering
# ---------------------------------------------------------------------------------------


def _tokens(name: str) -> list[str]:
    return gz.fold(name).split()


def _surname_key(toks: list[str]) -> str | None:
    core = [t for t in toks if t not in _NAME_SUFFIXES]
    if len(core) < 2 or len(core) < len(toks):
        return None  # "Mohammed VI", "Donald Trump Jr." have no bare-surname form
    return core[-1]


def _cluster_people(people: list[_Cand], others: list[_Cand], doc: Doc) -> None:
    """Give each person candidate the key of its longest full-name form in the article."""
    full: dict[str, list[_Cand]] = {}
    for c in people:
        full.setdefault(gz.fold(c.name), []).append(c)
    forms = {f: f.split() for f in full}
    by_surname: dict[str, set[str]] = {}
    by_suffix: dict[tuple[str, ...], set[str]] = {}
    for f, toks in forms.items():
        if len(toks) >= 2:
            sk = _surname_key(toks)
            if sk:
                by_surname.setdefault(sk, set()).add(f)
            for k in range(1, len(toks)):
                by_suffix.setdefault(tuple(toks[k:]), set()).add(f)
            if len(toks) >= 3 and toks[-1] not in _NAME_SUFFIXES:
                by_suffix.setdefault((toks[0], toks[-1]), set()).add(f)
    # family name first ("Wang Yi" / "Wang", "Lee Jae-myung" / "Lee"), when no name ends that way
    by_head: dict[str, set[str]] = {}
    for f, toks in forms.items():
        if 2 <= len(toks) <= 4 and toks[-1] not in _NAME_SUFFIXES:
            by_head.setdefault(toks[0], set()).add(f)
        if len(toks) >= 4:  # "Lula" of "Luiz Inacio Lula da Silva"
            for t in toks[1:-1]:
                if len(t) >= 4:
                    by_head.setdefault(t, set()).add(f)
    target: dict[str, str] = {}
    for f, toks in forms.items():
        longer = by_suffix.get(tuple(toks), set()) - {f}
        if len(toks) == 1:
            longer = longer | (by_surname.get(toks[0], set()))
            if not longer and len(by_head.get(toks[0], ())) == 1:
                longer = set(by_head[toks[0]])
        longer = {g for g in longer if len(forms[g]) > len(toks)}
        # keep the maximal forms only ("Benny Gantz" inside "Benjamin Benny Gantz")
        maximal = {g for g in longer if not any(g != h and g in by_suffix.get(tuple(forms[h]), ()) for h in longer)}
        if len(maximal) == 1:
            target[f] = next(iter(maximal))
    for c in people:
        f = gz.fold(c.name)
        hops = 0
        while f in target and hops < 5:
            f = target[f]
            hops += 1
        best = max(full[f], key=lambda x: (len(x.name), x.name))
        c.key = f"person:{best.name}"


def _acronym(words: list[str]) -> str:
    """Initials of a name, without its legal form ("General Motors Co." -> "GM")."""
    while len(words) > 1 and gz.fold(words[-1]) in gz.LEGAL_FORMS:
        words = words[:-1]
    return "".join(w[0] for w in words if w[:1].isupper() and w.lower() not in ("of", "the", "and", "for"))


def _cluster_products(products: list[_Cand], doc: Doc | None = None) -> None:
    """One key per product: a plural joins its singular ("iPhones", "787s"); a short form
    joins the one longer name it shortens ("A380" / "Airbus A380", "iTunes Store" / "iTunes
    Music Store", see :func:`product_short_form`); a family name said to be new or given a
    model number in front ("the new iPhone", "the 3G iPhone") joins that model when the
    article named it before."""
    names = {gz.fold(c.name): c.name for c in products}

    def singular(f: str) -> str:
        if not names[f].endswith("s"):
            return f  # "iPhone 3GS" is a model of its own, "iPhone 4s" a plural
        for cut in (1, 2):
            if len(f) > cut + 1 and f.endswith("es"[-cut:]) and f[:-cut] in names:
                return f[:-cut]
        return f

    forms = {singular(f) for f in names}
    target: dict[str, str] = {}
    for f in forms:
        longer = {g for g in forms if g != f and product_short_form(f, g)}
        maximal = {g for g in longer if not any(h != g and product_short_form(g, h) for h in longer)}
        if len(maximal) == 1:
            target[f] = next(iter(maximal))
    for f in forms:  # "Boeing 787" and "787 Dreamliner": one name cut either side of its number
        words = f.split()
        if len(words) >= 2 and f not in target and any(ch.isdigit() for ch in words[0]) and len(words[0]) >= 2:
            other = [g for g in forms if g != f and g.split()[-1] == words[0] and len(g.split()) >= 2]
            if len(other) == 1 and target.get(other[0]) != f:
                target[f] = other[0]
    for c in products:
        f = singular(gz.fold(c.name))
        hops = 0
        while f in target and hops < 5:
            f, hops = target[f], hops + 1
        c.key = f"product:{names[f]}"
    if doc is not None:
        _models_of_family(products, doc)


def _models_of_family(products: list[_Cand], doc: Doc) -> None:
    """"The new iPhone" after "iPhone 4" is that model; "the 3G iPhone" is "iPhone 3G"."""
    tokens = doc_tokens(doc)
    seen: list[_Cand] = []
    for c in sorted(products, key=lambda c: c.start):
        words = gz.fold(c.name).split()
        if len(words) == 1 and c.tok_start > 0:
            prev = tokens[c.tok_start - 1]
            models = [m for m in seen if gz.fold(m.name).split()[0] == words[0] and len(gz.fold(m.name).split()) > 1]
            if prev.lower_ in _NEW_WORDS and models:
                c.key = models[-1].key
            else:
                k = c.tok_start - 1  # the word before, which the tokenizer may have cut ("3" "G")
                while k > 0 and not tokens[k - 1].whitespace_ and tokens[k - 1].text.isalnum():
                    k -= 1
                code = gz.fold(doc[k:c.tok_start].text)
                same = [m for m in products if gz.fold(m.name).split() == [words[0], code]]
                if same and any(ch.isdigit() for ch in code):
                    c.key = same[0].key
        seen.append(c)


def _model_aliases(doc: Doc, cands: list[_Cand], sent_of: list[int], toks: list[Token]) -> list[_Cand]:
    """A model number or model name said alone after a determiner ("up two hours from the
    3GS", "its 787s", "the Dreamliner") when it ends one product name of the article
    ("iPhone 3GS", "787 Dreamliner")."""
    ends: dict[str, set[str]] = {}
    for c in cands:
        words = gz.fold(c.name).split()
        if c.kind == "product" and len(words) >= 2:
            ends.setdefault(words[-1], set()).add(" ".join(words))
    if not ends:
        return []
    taken = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    for tok in toks:
        if tok.i in taken or tok.i == 0:
            continue
        if not _model_number(toks, tok.i) and not (tok.is_title and tok.tag_ == "NNP" and tok.is_alpha
                                                   and tok.lower_ not in _PRODUCT_NAME_WORDS):
            continue  # "the 3GS", "the Dreamliner"
        f = gz.fold(tok.text)
        hits = ends.get(f) or (ends.get(f[:-1]) if f.endswith("s") else None)
        prev = toks[tok.i - 1]
        nxt = toks[tok.i + 1] if tok.i + 1 < len(toks) else None
        if hits and len(hits) == 1 and (prev.lower_ in ("the", "its", "their", "his", "her", "a", "an")
                                        or prev.tag_ == "POS") \
                and not (nxt is not None and nxt.is_alpha and nxt.is_lower and tok.head.i > tok.i
                         and tok.dep_ in ("compound", "nummod", "amod", "nmod")):
            out.append(_Cand("product", tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], tok.i, tok.i + 1,
                             "alias"))
    return out


def _cluster_orgs(orgs: list[_Cand], acronyms: dict[str, str] | None = None) -> None:
    """One key per organisation: names that differ only by a legal form or a group word
    ("Airbus", "Airbus SE", "Airbus Group") share the longest; a name joins the longest
    name that only adds organisation words to it ("Toyota" / "Toyota Motor Corp."), never
    one that adds a word of its own ("Apple" is not "Apple Corps Ltd"); an acronym joins
    the name it abbreviates."""
    names = {gz.fold(c.name): c.name for c in orgs}
    longest = sorted(names, key=lambda f: -len(f.split()))
    target: dict[str, str] = {a: n for a, n in (acronyms or {}).items() if a in names and n in names}
    by_stem: dict[tuple[str, ...], str] = {}
    for g in longest:
        by_stem.setdefault(org_stem(g), g)
    for f in names:
        if f in target:
            continue
        if by_stem[org_stem(f)] != f:
            target[f] = by_stem[org_stem(f)]
            continue
        toks = f.split()
        for g in longest:
            if g == f or len(g.split()) <= len(toks):
                continue
            gt = g.split()
            rest = gt[len(toks):]
            if gt[: len(toks)] == toks and all(t in gz.ORG_SUFFIXES or t in gz.LEGAL_FORMS for t in rest):
                target[f] = g
                break
            if len(toks) == 1 and names[f].isupper() and _acronym(names[g].split()) == names[f]:
                target[f] = g
                break
        if f not in target and len(org_stem(f)) == 1:
            target.update(_tail_owner(f, names))
    for c in orgs:
        f = gz.fold(c.name)
        seen = {f}
        while f in target and target[f] not in seen:  # "Toyota Inc." -> "Toyota" -> "Toyota Motor Corp."
            f = target[f]
            seen.add(f)
        c.key = f"organization:{names[f]}"


def _tail_owner(f: str, names: dict[str, str]) -> dict[str, str]:
    """A one-word name (legal form aside) that ends the article's one longer organisation
    name ("Shell", "Shell plc" after "Royal Dutch Shell plc"), unless the word is a generic
    organisation word ("Group", "Motors", "Union"): {f: that name}, or nothing."""
    word = org_stem(f)[0]
    if word in gz.ORG_WORDS or word in _GENERIC_ORGS or not names[f][:1].isupper():
        return {}
    owners = [g for g in names if g != f and len(org_stem(g)) >= 2 and org_stem(g)[-1] == word]
    return {f: owners[0]} if len(owners) == 1 else {}


def _rescue(cands: list[_Cand], doc: Doc) -> list[_Cand]:
    """Re-type candidates using the rest of the article: a surname tagged ORG, "Polisario" tagged PERSON."""
    surnames: set[str] = set()
    for c in cands:
        if c.kind == "person":
            toks = _tokens(c.name)
            if _surname_key(toks):
                for k in range(1, len(toks)):
                    surnames.add(" ".join(toks[k:]))
    org_prefix: set[str] = set()
    for c in cands:
        if c.kind == "organization":
            toks = _tokens(c.name)
            if len(toks) >= 2 and all(t in gz.ORG_SUFFIXES for t in toks[1:]):
                org_prefix.add(toks[0])
    tokens, text = doc_tokens(doc), doc_text(doc)
    out = []
    for c in cands:
        toks = _tokens(c.name)
        if c.kind in ("organization", "place", "_other") and c.via != "glued":
            # the longest tail of the span that is a known person's surname ("War criminal Gantz")
            last = tokens[c.tok_end - 1]
            end_char = last.idx + len(last)
            for first in range(c.tok_start, c.tok_end):
                start_char = tokens[first].idx
                tail = text[start_char:end_char]  # doc[first:c.tok_end].text
                if tail[:1].isupper() and gz.fold(tail) in surnames:
                    if first == c.tok_start or c.kind == "_other":
                        out.append(_Cand("person", tail, start_char, end_char, c.sent, first, c.tok_end, "rescued",
                                         cue=True))
                    break
            else:
                first = -1
            if out and out[-1].via == "rescued" and out[-1].tok_end == c.tok_end and out[-1].sent == c.sent \
                    and out[-1].start >= c.start:
                continue
        if c.kind == "person" and len(toks) == 1 and toks[0] in org_prefix:
            c = _Cand("organization", c.name, c.start, c.end, c.sent, c.tok_start, c.tok_end, c.via)
        if c.kind == "_other":
            continue
        out.append(c)
    return _retype(out, doc)


def _retype(cands: list[_Cand], doc: Doc) -> list[_Cand]:
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
        toks = _tokens(c.name)
        if c.kind == "person" and 2 <= len(toks) <= 4 and toks[-1] not in _NAME_SUFFIXES:
            heads.add(toks[0])
            tails.update(toks[1:])
        elif c.kind == "organization":
            if len(toks) >= 2 and all(t in gz.ORG_WORDS for t in toks[1:]):
                org_first.add(toks[0])
            elif len(toks) == 1:
                org_single.add(toks[0])
        elif c.kind == "product":
            products.add(gz.fold(c.name))
    heads -= tails | org_first
    by_token = {i: c for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    for c in cands:
        toks = _tokens(c.name)
        kind = c.kind
        if kind in ("organization", "place") and c.via == "model" and len(toks) == 1 and toks[0] in heads:
            kind = "person"
        elif kind in ("person", "organization", "place") and (gz.fold(c.name) in products or len(toks) == 1 and (
                not c.cue and c.prefix is None) and any(product_short_form(toks[0], p) for p in products)):
            kind = "product"  # "the Volt" after "the Chevrolet Volt"
        elif kind == "person" and len(toks) == 1 and toks[0] in org_first:
            kind = "organization"
        elif kind == "organization" and len(toks) == 2 and toks[0] in org_single and toks[1] not in gz.ORG_WORDS \
                and tokens[c.tok_end - 1].text[:1].isupper() and not tokens[c.tok_end - 1].like_num and (
                    c.tok_start > 0 and tokens[c.tok_start - 1].lower_ in ("the", "its", "new", "their")
                    or c.tok_end < len(doc) and tokens[c.tok_end].lower_ in gz.PRODUCT_NOUNS):
            kind = "product"  # "the Ford Fusion", "the Apple TV"
        elif kind == "person" and len(toks) == 1 and not _person_cue(doc, c):
            tok = tokens[c.tok_start]
            near = [tok.head] if tok.dep_ == "conj" else []
            near += [ch for ch in tok.children if ch.dep_ == "conj"]
            if any(by_token.get(t.i) is not None and by_token[t.i].kind == "organization" for t in near):
                kind = "organization"
        elif kind in ("organization", "place") and c.via == "model" and 2 <= len(toks) <= 3 \
                and all(tokens[i].is_title for i in range(c.tok_start, c.tok_end)) and _named_as_office(tokens, c):
            kind = "person"  # "reappointed … and Aden Duale as defence minister"
        elif kind == "person" and 2 <= len(toks) <= 3 and not _person_cue(doc, c) \
                and _listed_only_with(tokens[c.tok_end - 1], by_token, "product", at_least=2):
            kind = "product"  # "the Chevrolet Malibu, Chevrolet Cobalt and Saturn Aura", not "Jobs and the iPad"
        elif kind == "place" and c.via == "model" and len(toks) >= 2 \
                and all(tokens[i].is_title for i in range(c.tok_start, c.tok_end)):
            root = tokens[c.tok_end - 1]
            if root.dep_ == "appos" and root.head.lower_ in gz.TITLE_HEADS:
                kind = "person"
        if kind != c.kind:
            c = _Cand(kind, c.name, c.start, c.end, c.sent, c.tok_start, c.tok_end, c.via, cue=kind == "person")
        out.append(c)
    return out


# offices only a person holds, that "X as …" gives a name ("Aden Duale as defence minister")
_PERSONAL_OFFICES = {
    "minister", "secretary", "president", "vice-president", "premier", "governor", "ambassador", "chairman",
    "chairwoman", "chairperson", "spokesman", "spokeswoman", "spokesperson", "mayor", "speaker", "senator",
    "coach", "captain", "ceo", "chancellor", "envoy", "commissioner", "deputy", "director-general", "prosecutor",
    "judge", "chief", "head", "leader"}


_APPOINTING = {"appoint", "reappoint", "name", "nominate", "renominate", "elect", "choose", "pick", "select",
               "install", "designate", "confirm", "swear"}


def _appointing(t: Token) -> bool:
    """A verb that puts someone in an office (also past forms the lemmatiser missed)."""
    return t.pos_ == "VERB" and lex.lemma_in(t, _APPOINTING)


def _appointed_as(tokens: list[Token], c: _Cand, start: int = 0) -> bool:
    """``c`` follows an appointing verb (from ``start`` on) and is followed by "as": "named …
    Aden Duale as …", unlike "joined Manchester United as coach", where the coach is
    someone else."""
    end = c.tok_end
    return end < len(tokens) and tokens[end].lower_ == "as" \
        and any(_appointing(t) for t in tokens[max(start, c.tok_start - 12):c.tok_start])


def _named_as_office(tokens: list[Token], c: _Cand) -> bool:
    """``c`` is appointed to an office only a person holds ("named … Aden Duale as defence
    minister")."""
    if not _appointed_as(tokens, c):
        return False
    for t in tokens[c.tok_end + 1:c.tok_end + 5]:
        if t.lower_ in _PERSONAL_OFFICES and t.pos_ == "NOUN":
            return True
        if t.is_punct or t.lower_ in ("and", "or", "but"):
            break
    return False


def _listed_only_with(tok: Token, by_token: dict[int, _Cand], kind: str, *, at_least: int) -> bool:
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


def _repeated_surnames(doc: Doc, cands: list[_Cand], sent_of: list[int], toks: list[Token]) -> list[_Cand]:
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
            if len(words) >= 2 and words[-1].lower().strip(".") not in _NAME_SUFFIXES and len(words[-1]) >= 3:
                surnames.add(words[-1])
                if len(words) <= 4 and len(words[0]) >= 3 and words[0][:1].isupper():
                    firsts.add(words[0])
                if len(words) >= 4:
                    surnames.update(w for w in words[1:-1] if len(w) >= 4 and w[:1].isupper())
    surnames |= firsts - {w for c in cands if c.kind == "person" for w in c.name.split()[1:]}
    surnames = {w for w in surnames if not _is_junk_word(w) and w.lower() not in gz.TITLE_HEADS}
    if not surnames:
        return []
    taken = {i for c in cands for i in range(c.tok_start, c.tok_end)}
    out = []
    texts = token_texts(doc)
    for tok in (toks[i] for i, text in enumerate(texts) if text in surnames):
        if tok.i not in taken and tok.pos_ not in ("DET", "ADP", "CCONJ", "PRON", "AUX") \
                and not (tok.ent_type_ in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL") and tok.ent_iob_ == "I"):
            out.append(_Cand("person", tok.text, tok.idx, tok.idx + len(tok), sent_of[tok.i], tok.i, tok.i + 1,
                             "repeated", cue=True))
    return out


def _person_cue(doc: Doc, c: _Cand) -> bool:
    """A single name in a name-like position: after an honorific or title, or as a speaker."""
    tokens = doc_tokens(doc)
    if c.prefix is not None or c.cue:
        return True
    if c.tok_start > 0:
        prev = tokens[c.tok_start - 1].lower_
        if gz.is_honorific(prev) or prev in gz.TITLE_HEADS:
            return True
    root = tokens[c.tok_end - 1]
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _SPEECH_VERBS:
        return True
    return c.tok_end < len(doc) and tokens[c.tok_end].tag_ == "POS"


# ---------------------------------------------------------------------------------------
# Roles
# ---------------------------------------------------------------------------------------


def _state_in(doc: Doc, toks: Iterable[Token], by_token: dict[int, _Cand]) -> tuple[str | None, set[int]]:
    """First state or organisation named among ``toks``: its key and the tokens naming it."""
    tokens = doc_tokens(doc)
    for t in toks:
        c = by_token.get(t.i)
        if c is not None and c.kind in ("state", "organization"):
            used = set(range(c.tok_start, c.tok_end))
            nxt = c.tok_end
            if nxt < len(doc) and tokens[nxt].tag_ == "POS":
                used.add(nxt)
            return c.key, used
        if t.text in gz.gazetteer().demonyms:
            return f"state:{gz.gazetteer().demonyms[t.text]}", {t.i}
    return None, set()


def _make_role(doc: Doc, person: _Cand, toks: list[Token], by_token: dict[int, _Cand], names: dict[str, str]) -> Role | None:
    # cut the phrase at the first clause or time/place preposition ("Chief of Staff during the war")
    cut = []
    for n, t in enumerate(toks):
        low = t.lower_
        if low in _TITLE_CUT_WORDS or (low == "in" and (n + 1 >= len(toks) or toks[n + 1].lower_ != "charge")):
            if cut:
                break
        if t.text in (",", ";", "(", ")", "—", "–") and cut:
            break
        cut.append(t)
    toks = cut
    first_head = next((n for n, t in enumerate(toks) if t.lower_ in gz.TITLE_HEADS and not gz.is_honorific(t.lower_)), None)
    if first_head is not None:
        n = first_head
        while n > 0:
            t = toks[n - 1]
            if t.lower_ == "of" or t.lower_ in _TITLE_CUT_WORDS or (t.pos_ == "NOUN" and t.lower_ not in gz.TITLE_HEADS
                                                                   and t.is_lower):
                break
            n -= 1
        toks = toks[n:]
    if not toks or not any(t.lower_ in gz.TITLE_HEADS and not gz.is_honorific(t.lower_) for t in toks):
        return None
    of, used = _state_in(doc, toks, by_token)
    former = any(t.lower_ in ("former", "ex", "ex-", "then", "late", "erstwhile") for t in toks)
    words = [t for t in toks if t.i not in used and t.lower_ not in ("former", "ex", "ex-", "then", "erstwhile", "late")
             and not t.is_punct and not gz.is_honorific(t.lower_) and t.tag_ != "POS" and t.pos_ != "DET"
             and t.tag_ != "PRP$"]
    while words and words[0].lower_ in ("of", "in", "for", "and", "visiting", "current", "new", "incoming", "outgoing",
                                        "first", "second", "third", "last", "next", "top", "senior", "acting"):
        words = words[1:]
    while words and words[-1].lower_ in ("of", "in", "for", "and", "the"):
        words = words[:-1]
    if not words or not any(t.lower_ in gz.TITLE_HEADS for t in words):
        return None
    heads = [t for t in words if t.lower_ in gz.TITLE_HEADS]
    if all(h.lower_ in gz.WEAK_TITLE_HEADS for h in heads) and of is None and not any(t.lower_ == "of" for t in words):
        return None
    title = " ".join(t.text for t in words[:12])
    title = title[0].upper() + title[1:]
    return Role(entity=person.key, title=title, of=of, of_name=names.get(of) if of else None, former=former,
                sentence=person.sent)


def _roles_for(doc: Doc, c: _Cand, by_token: dict[int, _Cand], names: dict[str, str]) -> list[Role]:
    tokens = doc_tokens(doc)
    roles: list[Role] = []
    sent = sentence_of(tokens[c.tok_start])
    # 1. title run right before the name ("former US President Donald Trump")
    i = c.tok_start - 1
    run: list[Token] = []
    while i >= sent.start:
        t = tokens[i]
        low = t.lower_
        inside = by_token.get(i)
        if (low in gz.TITLE_HEADS or low in ("former", "ex", "ex-", "then", "late", "of", "'s", "’s")
                or gz.is_honorific(low) and low not in ("the", "his", "her")
                or (inside is not None and inside.kind in ("state", "organization"))
                or t.text in gz.gazetteer().demonyms
                or (t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and not t.is_sent_start
                    and by_token.get(i) is None)):
            run.append(t)
            i -= 1
            continue
        break
    run.reverse()
    while run and run[0].lower_ in ("of", "'s", "’s"):
        run = run[1:]
    if run:
        role = _make_role(doc, c, run, by_token, names)
        if role is not None:
            roles.append(role)
    end_ok = c.tok_end >= sent.end or tokens[c.tok_end].text in (",", ".", ")", ";", "and", "—", "–", "\n") or tokens[c.tok_end].is_space
    # 2. apposition before: "the Israeli Minister of Defense, Benny Gantz,"
    if not roles and c.tok_start - 1 > sent.start and tokens[c.tok_start - 1].text == "," and end_ok:
        i = c.tok_start - 2
        phrase: list[Token] = []
        while i >= sent.start and len(phrase) < 16:
            t = tokens[i]
            if t.is_punct and t.tag_ != "POS" or t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG" or t.lower_ in _APPOS_STOP_WORDS:
                break
            other = by_token.get(i)
            if other is not None and other.kind == "person":
                phrase = []
                break
            phrase.append(t)
            i -= 1
        phrase.reverse()
        if phrase:
            role = _make_role(doc, c, phrase, by_token, names)
            if role is not None:
                roles.append(role)
    # 3. apposition after: "Mr. Gantz, a former head of the Israeli army,"
    j = c.tok_end
    if j < sent.end and tokens[j].text == "," and j + 1 < sent.end:
        first = tokens[j + 1]
        if first.lower_ in ("a", "an", "the", "former", "then") or first.lower_ in gz.TITLE_HEADS or \
                first.text in gz.gazetteer().demonyms or (by_token.get(first.i) is not None and by_token[first.i].kind == "state"):
            phrase = []
            k = j + 1
            while k < sent.end and len(phrase) < 16:
                t = tokens[k]
                if (t.is_punct and t.tag_ != "POS") or t.pos_ in ("VERB", "AUX") or t.lower_ in ("who", "which", "that"):
                    break
                other = by_token.get(k)
                if other is not None and other.kind == "person":
                    phrase = []
                    break
                phrase.append(t)
                k += 1
            if phrase:
                role = _make_role(doc, c, phrase, by_token, names)
                if role is not None:
                    roles.append(role)
    # 4. put in an office: "reappointed Kithure Kindiki as interior minister", "Justin Muturi
    # was named public service minister"
    if all(r.former for r in roles):  # "Former attorney general Justin Muturi was named …"
        phrase = _office_after(tokens, c, sent.start, sent.end)
        if phrase:
            role = _make_role(doc, c, phrase, by_token, names)
            if role is not None:
                roles.append(role)
    return roles


_MONARCH_HEADS = {"king", "queen", "emir", "sultan", "emperor", "empress", "monarch", "prince", "princess", "duke",
                  "grand", "crown", "shah"}


@functools.cache
def _monarchies() -> frozenset[str]:
    """States whose head is a monarch (general knowledge, ``lexicon/data/monarchies.txt``)."""
    from importlib import resources

    text = resources.files("kb.lexicon").joinpath("data", "monarchies.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _monarch_holders(roles: Iterable[Role], cands: list[_Cand], names: dict[str, str]) -> None:
    """A monarch's title that names no state ("King Mohammed VI") takes the one monarchy its
    sentence names, itself or by its capital: "King of Morocco" where the sentence names
    Morocco and Israel."""
    states_in: dict[int, set[str]] = {}
    capitals = gz.gazetteer().capitals
    for c in cands:
        if c.kind == "state":
            states_in.setdefault(c.sent, set()).add(c.key)
        elif c.kind == "place" and c.name in capitals:  # "King Charles met … in London"
            states_in.setdefault(c.sent, set()).add(f"state:{capitals[c.name]}")
    for role in roles:
        words = role.title.lower().split()
        if role.of is not None or not words or not set(words) <= _MONARCH_HEADS:
            continue
        royal = [k for k in states_in.get(role.sentence, ()) if names.get(k, k.split(":", 1)[-1]) in _monarchies()]
        if len(royal) == 1:
            role.of, role.of_name = royal[0], names.get(royal[0], royal[0].split(":", 1)[-1])


def _office_after(tokens: list[Token], c: _Cand, start: int, end: int) -> list[Token]:
    """The office a name is put in by an appointing verb, told right after the name."""
    j = c.tok_end
    if j < end and _appointed_as(tokens, c, start):
        k = j + 1
    elif j + 1 < end and tokens[j].lemma_ == "be" and _appointing(tokens[j + 1]) and tokens[j + 1].tag_ == "VBN":
        k = j + 2 + (j + 2 < end and tokens[j + 2].lower_ == "as")
    else:
        return []
    phrase: list[Token] = []
    while k < end and len(phrase) < 8:
        t = tokens[k]
        if t.is_punct or t.pos_ in ("VERB", "AUX", "CCONJ", "ADP") and t.lower_ != "of":
            break
        phrase.append(t)
        k += 1
    return phrase if any(t.lower_ in gz.TITLE_HEADS for t in phrase) else []


# ---------------------------------------------------------------------------------------
# Agreements
# ---------------------------------------------------------------------------------------


def _agreement_phrase(doc: Doc, head: Token) -> tuple[int, int]:
    tokens = doc_tokens(doc)
    start = head.i
    while start - 1 >= sentence_of(head).start:
        t = tokens[start - 1]
        if (t.dep_ in ("compound", "nmod") or t.dep_ == "amod" and t.text[:1].isupper()) and t.head.i >= start \
                and not t.is_punct and t.pos_ != "DET" \
                and t.tag_ != "PRP$" and t.ent_type_ not in ("GPE", "NORP", "DATE", "PERSON"):
            start -= 1
            continue
        break
    end = head.i + 1
    if head.lower_ in ("memorandum", "memoranda") and end + 1 < len(doc) and tokens[end].lower_ == "of":
        end += 2
    elif head.lower_ in ("treaty", "convention", "accord", "accords", "agreement") and end + 1 < len(doc) \
            and tokens[end].lower_ == "of" and tokens[end + 1].text[:1].isupper():
        end += 1
        while end < len(doc) and tokens[end].text[:1].isupper() and tokens[end].ent_type_:
            end += 1
    return start, end


def _parties(doc: Doc, head: Token, verb: Token | None, by_token: dict[int, _Cand]) -> tuple[list[str], list[str]]:
    parties: list[str] = []
    signers: list[str] = []

    def add(tok: Token) -> None:
        for t in [tok, *tok.conjuncts]:
            c = by_token.get(t.i)
            if c is None:
                continue
            if c.kind in ("state", "organization") and c.key not in parties:
                parties.append(c.key)
            elif c.kind == "person" and c.key not in signers:
                signers.append(c.key)

    def state_noun(tok: Token) -> None:
        """"the Moroccan state", "the Israeli government": the demonym's state is the party."""
        if by_token.get(tok.i) is None and tok.lemma_.lower() in _STATE_NOUNS:
            for ch in tok.children:
                c = by_token.get(ch.i)
                if ch.dep_ in ("amod", "poss", "compound") and c is not None and c.kind == "state":
                    add(ch)

    if verb is not None:
        for ch in verb.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                add(ch)
                state_noun(ch)
            if ch.dep_ == "agent" or (ch.dep_ == "prep" and ch.lower_ in ("by", "between", "with")):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        add(p)
                        state_noun(p)
                        for q in p.subtree:
                            if q.dep_ in ("pobj", "conj", "appos", "dobj") and by_token.get(q.i):
                                add(q)
    for ch in head.children:
        if ch.dep_ == "prep" and ch.lower_ in ("between", "with"):
            for p in ch.subtree:
                if by_token.get(p.i):
                    add(p)
        if ch.dep_ == "poss":
            add(ch)
        if ch.dep_ == "appos" and by_token.get(ch.i) is not None and by_token[ch.i].kind == "person":
            add(ch)  # no agreement is a person: one hung on it names its signer (a long "by …" phrase)
        if ch.dep_ == "acl" and ch.lemma_ in _SIGN_VERBS:
            # "signed in Rabat by X and Y": the parser may hang "by" on the place
            for sub in ch.subtree:
                if sub.dep_ == "agent" or (sub.dep_ == "prep" and sub.lower_ == "by"):
                    for q in sub.subtree:
                        if by_token.get(q.i) and not _modifies_named(q, by_token):
                            add(q)
    return parties, signers


# Nouns for a state acting as one: "the Moroccan state", "the Israeli government".
_STATE_NOUNS = {"state", "government", "kingdom", "authorities", "authority", "republic", "country", "administration",
                "regime", "monarchy", "emirate"}


def _modifies_named(tok: Token, by_token: dict[int, _Cand]) -> bool:
    """A demonym or name that only describes a named party: "the Israeli firm NSO" is NSO's
    contract, not Israel's."""
    if tok.dep_ not in ("amod", "compound", "nmod") or by_token.get(tok.head.i) is not None:
        return False
    return any(ch.dep_ == "appos" and by_token.get(ch.i) is not None for ch in tok.head.children)


def _anaphoric(head: Token) -> bool:
    """A definite, unmodified agreement noun that points back ("the accord", "this deal")."""
    if head.tag_ in ("NNS", "NNPS"):
        return False
    dets = [ch for ch in head.children if ch.dep_ == "det"]
    if not dets or dets[0].lower_ not in ("the", "this", "that"):
        return False
    return not any(ch.dep_ in ("amod", "compound", "nummod", "poss") and ch.i < head.i for ch in head.children)


def _find_agreements(doc: Doc, sent_of: list[int], by_token: dict[int, _Cand], names: dict[str, str], toks: list[Token]
                     , anchors: dict[str, set[int]] | None = None) -> tuple[list[_Cand], list[Agreement]]:
    anchors = {} if anchors is None else anchors
    cands: list[_Cand] = []
    agreements: dict[str, Agreement] = {}
    done: set[int] = set()
    law_heads: dict[int, Span] = {}
    for ent in doc_ents(doc):
        if ent.label_ in ("LAW", "EVENT") and any(t.lower_ in _AGREEMENT_HEADS for t in ent):
            for t in ent:
                if t.lower_ in _AGREEMENT_HEADS:
                    law_heads[t.i] = ent
    for tok in toks:
        if tok.i in done or (tok.lower_ not in _AGREEMENT_HEADS and tok.i not in law_heads):
            continue
        if tok.pos_ not in ("NOUN", "PROPN") and tok.i not in law_heads:
            continue
        ent = law_heads.get(tok.i)
        if ent is not None:
            s, e = _strip_span(ent)
            if e < len(doc) and toks[e].lower_ == "of" and e + 1 < len(doc) and toks[e + 1].ent_type_ in ("FAC", "GPE", "LOC"):
                e += 2
                while e < len(doc) and toks[e].ent_iob_ == "I":
                    e += 1
        else:
            s, e = _agreement_phrase(doc, tok)
        done.update(range(s, e))
        span = doc[s:e]
        named = ent is not None or (span[0].text[:1].isupper() and not span[0].is_sent_start and
                                    any(t.text[:1].isupper() for t in span if t.lower_ in _AGREEMENT_HEADS))
        verb = None
        h = tok
        for _ in range(3):
            if h.head is h:
                break
            if h.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "acl", "conj", "attr") and h.head.lemma_ in _SIGN_VERBS:
                verb = h.head
                break
            if h.dep_ == "acl" or h.dep_ == "relcl":
                break
            h = h.head
        for ch in tok.children:
            if ch.dep_ in ("acl", "relcl") and ch.lemma_ in _SIGN_VERBS:
                verb = ch
        parties, signers = _parties(doc, tok, verb, by_token)
        # "this contract" points back to the last contract told of, else to the last agreement
        last = next((c for c in reversed(cands) if c.name.lower().split()[-1] in (tok.lower_, tok.lemma_.lower())),
                    cands[-1] if cands else None)
        if not named and last is not None and _anaphoric(tok) \
                and all(pk in agreements[last.key].parties for pk in parties):
            # "the accord", "the pact" after a named agreement: one more mention of it
            ag = agreements[last.key]
            ag.signatories += [pk for pk in signers if pk not in ag.signatories]
            cands.append(_Cand("agreement", last.name, span.start_char, span.end_char, sent_of[tok.i], s, e, "anaphor",
                               key=last.key))
            continue
        if not named and verb is None and not parties:
            continue
        phrase = " ".join(t.text for t in span)
        if span.text.isupper() and span.text.lower() == "mou":
            phrase = "memorandum of understanding"
        if named:
            name = phrase
        else:
            states = sorted(names.get(p, p.split(":", 1)[-1]) for p in parties)
            name = ("–".join(states) + " " if states else "") + phrase.lower()
        key = f"agreement:{name}"
        sent = sent_of[tok.i]
        cands.append(_Cand("agreement", name, span.start_char, span.end_char, sent, s, e, "pattern", key=key))
        anchors.setdefault(key, set()).update({tok.i} | ({verb.i} if verb is not None else set()))
        ag = agreements.get(key)
        if ag is None:
            agreements[key] = Agreement(entity=key, name=name, parties=parties, signatories=signers, sentence=sent)
        else:
            ag.parties += [p for p in parties if p not in ag.parties]
            ag.signatories += [p for p in signers if p not in ag.signatories]
    return cands, list(agreements.values())


def date_agreements(doc: Doc, found: FoundEntities, timexes: Iterable[Timex]) -> None:
    """Give each agreement the date its text states: a resolved time expression of its
    sentence that hangs, within a few steps of the parse, on the agreement's noun, its
    signing verb, or a noun of signing that governs it ("the signing of the Treaty of Camp
    David in 1978", "the agreement that the two states signed in July")."""
    tokens = doc_tokens(doc)
    for ag in found.agreements:
        anchors = found.agreement_anchors.get(ag.entity, set())
        if ag.date is not None or not anchors:
            continue
        for t in timexes:
            value = t.date_value()
            if value is None or value.start is None or t.type != "DATE":
                continue
            span = doc.char_span(t.start_char, t.end_char, alignment_mode="expand")
            if span is None or sentence_of(span.root).start != sentence_of(tokens[min(anchors)]).start:
                continue
            if _hangs_on(span.root, anchors):
                ag.date = value
                break


def _hangs_on(tok: Token, anchors: set[int], steps: int = 4) -> bool:
    """Whether ``tok``'s chain of heads reaches an anchor, or a signing noun or verb whose
    subtree holds one, before another verb."""
    for _ in range(steps):
        head = tok.head
        if head is tok:
            return False
        if head.i in anchors:
            return True
        if _signing_over(head, anchors):
            return True
        if head.pos_ in ("VERB", "AUX") and head.lemma_ not in _SIGN_VERBS:
            # "ended with the signing of the treaty in 1978": the date is the signing's
            return any(_signing_over(p, anchors) for ch in head.children if ch.dep_ == "prep"
                       for p in ch.children if p.dep_ == "pobj")
        tok = head
    return False


def _signing_over(tok: Token, anchors: set[int]) -> bool:
    """A noun or verb of signing whose phrase holds one of ``anchors``."""
    return tok.lemma_.lower() in _SIGNING_WORDS and any(tok.left_edge.i <= a <= tok.right_edge.i for a in anchors)


_SIGNING_WORDS = {"sign", "signing", "conclusion", "ratification", "ratify", "adoption"}


# ---------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------


def find_entities(doc: Doc) -> FoundEntities:
    """Mentions, local entities, roles and agreements of one parsed article."""
    sent_of = sentence_index(doc) + [0]
    toks = doc_tokens(doc)
    cands = _rescue(_shape_products(doc, _collect(doc, sent_of, toks), sent_of, toks), doc)
    cands += _model_aliases(doc, cands, sent_of, toks)
    cands += _repeated_surnames(doc, cands, sent_of, toks)
    acr_cands, acronyms = _acronym_aliases(doc, cands, sent_of, toks)
    cands += acr_cands
    people = [c for c in cands if c.kind == "person"]
    orgs = [c for c in cands if c.kind == "organization"]
    _cluster_people(people, cands, doc)
    _cluster_orgs(orgs, acronyms)
    _cluster_products([c for c in cands if c.kind == "product"], doc)
    for c in cands:
        if not c.key:
            c.key = f"{c.kind}:{c.name}"
    names = {c.key: c.key.split(":", 1)[1] for c in cands}
    by_token: dict[int, _Cand] = {}
    for c in cands:
        for i in range(c.tok_start, c.tok_end):
            by_token.setdefault(i, c)

    found = FoundEntities()
    roles: dict[tuple[str, str, str | None], Role] = {}
    for c in people:
        for role in _roles_for(doc, c, by_token, names):
            rk = (role.entity, gz.fold(role.title), role.of)
            if rk not in roles:
                roles[rk] = role
    found.roles = list(roles.values())
    _monarch_holders(found.roles, cands, names)

    ag_cands, found.agreements = _find_agreements(doc, sent_of, by_token, names, toks, found.agreement_anchors)
    cands += ag_cands
    for c in ag_cands:
        names[c.key] = c.name

    locals_: dict[str, LocalEntity] = {}
    cue_keys: set[str] = {r.entity for r in found.roles}
    full_keys: set[str] = set()
    for c in cands:
        if c.kind == "person":
            if _person_cue(doc, c):
                cue_keys.add(c.key)
            if len(_tokens(c.name)) >= 2:
                full_keys.add(c.key)
    text = doc_text(doc)
    for c in cands:
        ent = locals_.get(c.key)
        if ent is None:
            ent = locals_[c.key] = LocalEntity(key=c.key, kind=c.kind, name=names[c.key])
        ent.mentions += 1
        surface = text[c.start:c.end]
        if surface != ent.name and surface not in ent.aliases:
            ent.aliases.append(surface)
        found.mentions.append(Mention(surface, c.kind, c.start, c.end, c.key, c.sent))
    for ent in locals_.values():
        if ent.kind == "person" and ent.key not in full_keys and ent.key not in cue_keys:
            ent.doubtful = True
        elif ent.kind == "organization" and (ent.name.lower() in _GENERIC_ORGS or ent.name[:1].islower()):
            ent.doubtful = True
        elif ent.kind == "agreement":
            ent.doubtful = not any(a.entity == ent.key and (a.parties or a.signatories) for a in found.agreements) \
                and not ent.name[:1].isupper()
    found.entities = list(locals_.values())
    return found

"""Agreements: named or described agreements, their parties and signatories, and the
date their text states."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from kb.extract.candidates import Cand
from kb.extract.mentions import strip_span
from kb.extract.sents import doc_ents, doc_tokens, parsed_tokens, sentence_of
from kb.lexicon import names as nm
from kb.model import Agreement, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from kb.extract.entities import FoundEntities


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
    if head.lower_ in nm.MEMORANDUM_WORDS and end + 1 < len(doc) and tokens[end].lower_ == "of":
        end += 2
    elif head.lower_ in nm.PLACE_NAMED_AGREEMENT_HEADS and end + 1 < len(doc) \
            and tokens[end].lower_ == "of" and tokens[end + 1].text[:1].isupper():
        end += 1
        while end < len(doc) and tokens[end].text[:1].isupper() and tokens[end].ent_type_:
            end += 1
    return start, end


def _parties(doc: Doc, head: Token, verb: Token | None, by_token: dict[int, Cand]) -> tuple[list[str], list[str]]:
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
        if by_token.get(tok.i) is None and tok.lemma_.lower() in nm.STATE_NOUNS:
            for ch in tok.children:
                c = by_token.get(ch.i)
                if ch.dep_ in ("amod", "poss", "compound") and c is not None and c.kind == "state":
                    add(ch)

    if verb is not None:
        for ch in verb.children:
            if ch.dep_ in ("nsubj", "nsubjpass"):
                add(ch)
                state_noun(ch)
            if ch.dep_ == "agent" or (ch.dep_ == "prep" and (ch.lower_ == "by" or ch.lower_ in nm.PARTY_PREPS)):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        add(p)
                        state_noun(p)
                        for q in p.subtree:
                            if q.dep_ in ("pobj", "conj", "appos", "dobj") and by_token.get(q.i):
                                add(q)
    for ch in head.children:
        if ch.dep_ == "prep" and ch.lower_ in nm.PARTY_PREPS:
            for p in ch.subtree:
                if by_token.get(p.i):
                    add(p)
        if ch.dep_ == "poss":
            add(ch)
        if ch.dep_ == "appos" and by_token.get(ch.i) is not None and by_token[ch.i].kind == "person":
            add(ch)  # no agreement is a person: one hung on it names its signer (a long "by …" phrase)
        if ch.dep_ == "acl" and ch.lemma_ in nm.SIGN_VERBS:
            # "signed in Rabat by X and Y": the parser may hang "by" on the place
            for sub in ch.subtree:
                if sub.dep_ == "agent" or (sub.dep_ == "prep" and sub.lower_ == "by"):
                    for q in sub.subtree:
                        if by_token.get(q.i) and not _modifies_named(q, by_token):
                            add(q)
    return parties, signers


def _modifies_named(tok: Token, by_token: dict[int, Cand]) -> bool:
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
    if not dets or dets[0].lower_ not in nm.POINTING_DETERMINERS:
        return False
    return not any(ch.dep_ in ("amod", "compound", "nummod", "poss") and ch.i < head.i for ch in head.children)


def find_agreements(doc: Doc, sent_of: list[int], by_token: dict[int, Cand], names: dict[str, str], toks: list[Token]
                     , anchors: dict[str, set[int]] | None = None) -> tuple[list[Cand], list[Agreement]]:
    anchors = {} if anchors is None else anchors
    cands: list[Cand] = []
    agreements: dict[str, Agreement] = {}
    done: set[int] = set()
    law_heads: dict[int, Span] = {}
    for ent in doc_ents(doc):
        if ent.label_ in ("LAW", "EVENT") and any(t.lower_ in nm.AGREEMENT_HEADS for t in ent):
            for t in ent:
                if t.lower_ in nm.AGREEMENT_HEADS:
                    law_heads[t.i] = ent
    # the words that may head an agreement, picked from the parse's strings (a spaCy token
    # makes a new string on each access) before any token is looked at
    heads = [t.i for t in parsed_tokens(doc) if t.lower_ in nm.AGREEMENT_HEADS or t.i in law_heads]
    for tok in (toks[i] for i in heads):
        if tok.i in done:
            continue
        if tok.pos_ not in ("NOUN", "PROPN") and tok.i not in law_heads:
            continue
        ent = law_heads.get(tok.i)
        if ent is not None:
            s, e = strip_span(ent)
            if e < len(doc) and toks[e].lower_ == "of" and e + 1 < len(doc) and toks[e + 1].ent_type_ in ("FAC", "GPE", "LOC"):
                e += 2
                while e < len(doc) and toks[e].ent_iob_ == "I":
                    e += 1
        else:
            s, e = _agreement_phrase(doc, tok)
        done.update(range(s, e))
        span = doc[s:e]
        named = ent is not None or (span[0].text[:1].isupper() and not span[0].is_sent_start and
                                    any(t.text[:1].isupper() for t in span if t.lower_ in nm.AGREEMENT_HEADS))
        verb = None
        h = tok
        for _ in range(3):
            if h.head is h:
                break
            if h.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "acl", "conj", "attr") and h.head.lemma_ in nm.SIGN_VERBS:
                verb = h.head
                break
            if h.dep_ == "acl" or h.dep_ == "relcl":
                break
            h = h.head
        for ch in tok.children:
            if ch.dep_ in ("acl", "relcl") and ch.lemma_ in nm.SIGN_VERBS:
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
            cands.append(Cand("agreement", last.name, span.start_char, span.end_char, sent_of[tok.i], s, e, "anaphor",
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
        cands.append(Cand("agreement", name, span.start_char, span.end_char, sent, s, e, "pattern", key=key))
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
        if head.pos_ in ("VERB", "AUX") and head.lemma_ not in nm.SIGN_VERBS:
            # "ended with the signing of the treaty in 1978": the date is the signing's
            return any(_signing_over(p, anchors) for ch in head.children if ch.dep_ == "prep"
                       for p in ch.children if p.dep_ == "pobj")
        tok = head
    return False


def _signing_over(tok: Token, anchors: set[int]) -> bool:
    """A noun or verb of signing whose phrase holds one of ``anchors``."""
    return tok.lemma_.lower() in nm.SIGNING_WORDS and any(tok.left_edge.i <= a <= tok.right_edge.i for a in anchors)



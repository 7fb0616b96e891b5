"""What an event word tells and how: its type in the taxonomy of :mod:`kb.lexicon.events`
(by its lemma, its object or its particle: "signed a deal", "set up ties", "stepped
down") and its modality (asserted, planned, reported, denied, negated, conditional).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.extract.sents import ParsedToken, parsed_tokens, sentence_root
from kb.lexicon import events as lex
from kb.lexicon import lemma_in, past_stems

if TYPE_CHECKING:
    from spacy.tokens import Doc

def direct_object(tok: ParsedToken) -> ParsedToken | None:
    """Direct object (or passive subject) of a verb; a pronoun object of a coordinated verb
    borrows the first verb's object ("set up ties … broke them off")."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None:
        # "agree on a deal", "cut off from relations": object inside a particle/prep phrase
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("on", "to"):
                obj = next((p for p in c.children if p.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in lex.AGREEMENT_OBJECTS:
                    return obj
        return None
    if obj.pos_ == "PRON" and tok.dep_ == "conj":
        first = next((c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if first is not None:
            return first
    return obj


def is_particle(c: ParsedToken) -> bool:
    """A verb's particle or preposition ("stepped down", "called for"); the parser
    sometimes gives a particle as an adverb."""
    return c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.pos_ in ("ADV", "ADP") and c.i == c.head.i + 1)


# every verb lemma that may start an event: anything else is skipped before its parse is read
_VERB_LEMMAS = frozenset(lex.VERBS) | frozenset(lex.RELATION_VERBS) | lex.AGREEMENT_VERBS | lex.RESULT_VERBS \
    | frozenset(v for v, _ in lex.PHRASAL) | lex.DISMISSAL_VERBS


def verbs_and_nouns(doc: Doc) -> list[ParsedToken]:
    """The only tokens that can trigger an event, picked from the parse's arrays at once."""
    from spacy.symbols import NOUN, POS, VERB

    tags = doc.to_array(POS)
    tokens = parsed_tokens(doc)
    return [tokens[i] for i in ((tags == VERB) | (tags == NOUN)).nonzero()[0].tolist()]




def _battle_with_illness(tok: ParsedToken) -> bool:
    """"battle with cancer", also when the parser hangs "with cancer" on the verb."""
    obj = tok if tok.pos_ != "VERB" else direct_object(tok)
    if obj is None or obj.lemma_.lower() not in ("battle", "fight", "struggle"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("with", "against") and any(
        p.lemma_.lower() in lex.ILLNESSES or any(q.lemma_.lower() in lex.ILLNESSES for q in p.children)
        for p in c.children if p.dep_ == "pobj") for c in tok.children)


def _office_holders(obj: ParsedToken) -> bool:
    """An object naming people by their office: "the minister", "all of his ministers"."""
    if obj.lemma_.lower() in lex.AGENT_NOUNS:
        return True
    return obj.pos_ in ("PRON", "DET") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.lemma_.lower() in lex.AGENT_NOUNS for p in c.children)
        for c in obj.children)


def _verb_lemma(tok: ParsedToken) -> str:
    """The lemma, or for a past form the lemmatiser got wrong ("reappointed" → "reappointe")
    the lexicon's verb it is the past of."""
    lemma = tok.lemma_.lower()
    if lemma in _VERB_LEMMAS or tok.tag_ not in ("VBD", "VBN"):
        return lemma
    return next((stem for stem in past_stems(tok.lower_) if stem in _VERB_LEMMAS), lemma)


def trigger_type(tok: ParsedToken) -> str | None:
    lemma = _verb_lemma(tok) if tok.pos_ == "VERB" else tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in _VERB_LEMMAS and tok.dep_ not in ("amod", "compound", "prep"):
        obj = direct_object(tok)
        obj_lemma = obj.lemma_.lower() if obj is not None else ""
        if obj_lemma in lex.RELATION_OBJECTS and lemma in lex.RELATION_VERBS:
            return lex.RELATION_VERBS[lemma]
        if obj_lemma in lex.AGREEMENT_OBJECTS and lemma in lex.AGREEMENT_VERBS:
            return "agreement_signed"
        if obj_lemma in lex.RESULT_OBJECTS and lemma in lex.RESULT_VERBS:
            return "result"
        for c in tok.children:
            if is_particle(c):
                type_ = lex.PHRASAL.get((lemma, c.lower_))
                if type_:
                    return type_
        if lemma in lex.LIGHT_VERBS and obj is not None and noun_type(obj):
            return None
        if lemma in lex.DISMISSAL_VERBS and obj is not None and (
                obj.ent_type_ == "PERSON" or _office_holders(obj)):
            return "dismissal"  # "dismissed almost all of his ministers"
        if lemma == "recall":
            if obj is None:
                return None  # "he recalled that …": remembering
            if obj.ent_type_ == "PERSON" or obj.lemma_.lower() in lex.AGENT_NOUNS:
                return "relations_broken"
        if lemma == "return" and obj is not None:
            return None  # "returned the phones": given back, not gone back
        if lemma == "demonstrate" and obj is not None:
            return "launch"  # "demonstrated the new phone"; intransitive is a protest
        if lemma == "lose" and obj is not None and (_battle_with_illness(obj) or _battle_with_illness(tok)):
            return "death"  # "lost his battle with cancer"
        if lemma in ("win", "lose") and obj is not None and obj.lemma_.lower() in lex.ELECTION_OBJECTS:
            return "election"  # "lost the 2022 election"
        if lemma in ("win", "lose") and obj is not None and obj.lemma_.lower() in lex.CASE_OBJECTS:
            return "ruling"
        if lemma == "bear" and tok.tag_ != "VBN":
            return None
        return lex.VERBS.get(lemma)
    if tok.pos_ == "NOUN":
        return noun_type(tok)
    return None


def told_alongside(tok: ParsedToken, triggers: dict[int, str]) -> bool:
    """A verb outside the lexicon told alongside an event, by the same subject: "unveiled the
    phone by walking onto the stage and taking it out of his pocket", "while introducing
    the phone", "took six months off". Stative and aspectual verbs, conditions ("if …")
    and clauses with a subject of their own are no such act."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("advcl", "pcomp", "conj"):
            return False
        if cur.lemma_.lower() in lex.STATIVE_VERBS and not (
                cur.lemma_.lower() in lex.LIGHT_WITH_PARTICLE and any(is_particle(c) and c.lower_ in lex.PARTICLES
                                                                     for c in cur.children)):
            return False  # "took the phone out", "gave up" are acts; "took", "gave" alone carry another
        if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") or (c.dep_ == "dobj" and c.i in triggers)
               for c in cur.children):
            return False  # a subject of its own, or the verb only carries an event noun ("filed lawsuits")
        if any(c.dep_ == "mark" and c.lower_ in lex.CONDITION_MARKS for c in cur.children):
            return False
        head = cur.head
        if cur.dep_ == "pcomp":
            if head.dep_ != "prep" or head.lower_ in lex.CONDITION_MARKS:
                return False
            head = head.head
        if head.pos_ != "VERB" or head.i == cur.i:
            return False
        if head.i in triggers:
            return triggers[head.i] != "action"
        cur = head
    return False


def noun_type(tok: ParsedToken) -> str | None:
    if tok.pos_ != "NOUN":
        return None
    lemma = tok.lemma_.lower()
    if lemma in lex.RELATION_NOUNS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                if any(p.lemma_.lower() in lex.RELATION_OBJECTS for p in c.children if p.dep_ == "pobj"):
                    return lex.RELATION_NOUNS[lemma]
    if tok.dep_ == "compound" and tok.head.lemma_.lower() not in lex.EVENT_HEADS:
        return None
    if lemma in ("leave", "sabbatical") and _absence(tok):
        return "absence"
    if lemma in ("battle", "fight", "struggle") and (
            _battle_with_illness(tok) or tok.head.pos_ == "VERB" and _battle_with_illness(tok.head)):
        return None  # an illness, no fight
    return lex.NOUNS.get(lemma)


def _absence(tok: ParsedToken) -> bool:
    """A leave of absence: "took medical leave", "a leave of absence", "went on leave"."""
    if tok.lemma_.lower() == "sabbatical":
        return True
    if any(c.dep_ in ("amod", "compound") and c.lower_ in lex.LEAVE_KINDS for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ == "absence" for p in c.children)
           for c in tok.children):
        return True
    head = tok.head.head if tok.dep_ == "pobj" else tok.head  # "went on leave"
    return tok.dep_ in ("dobj", "pobj") and head.pos_ == "VERB" and head.lemma_.lower() in lex.LEAVE_VERBS


# verbs that only carry a noun after "for"/"into" ("filed for bankruptcy", "entered into talks")
_CARRYING_FOR = lex.LIGHT_VERBS | {"enter", "apply"}


def light_verb(noun: ParsedToken) -> ParsedToken | None:
    """The verb a nominal trigger is the object of, when that verb only carries it."""
    if noun.dep_ == "compound":  # "filed for bankruptcy protection"
        noun = noun.head
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.LIGHT_VERBS:
        return head
    # "filed for bankruptcy", "entered into talks"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "into"):
        verb = head.head
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in _CARRYING_FOR or lemma_in(verb, lex.SCHEDULING)):
            return verb  # … and "is slated for a U.S. release", "scheduled for talks"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "on" and head.head.lemma_.lower() == "go":
        return head.head  # "went on leave", "went on a tour"
    return None


# ---------------------------------------------------------------- modality

def _chain(tok: ParsedToken) -> list[ParsedToken]:
    """The trigger and the verbs/adjectives that govern it through control ("plans to",
    "is due to", "is said to")."""
    out = [tok]
    cur = tok
    while cur.dep_ in ("xcomp", "acomp") and cur.head.i != cur.i and len(out) < 5:
        cur = cur.head
        out.append(cur)
    return out


def event_modality(tok: ParsedToken, gov: ParsedToken | None) -> str:
    chain = _chain(tok)
    if gov is not None:
        chain += _chain(gov)
    sent_root = sentence_root(tok)
    # denial: "denied that it had attacked", "denies signing"
    cur = tok
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        if cur.dep_ in ("ccomp", "xcomp", "pcomp", "pobj", "prep", "dobj") and cur.head.lemma_.lower() in lex.DENY_HEADS:
            if cur.head.pos_ == "VERB":
                return "denied"
        cur = cur.head
    for t in chain:
        if any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never") for c in t.children):
            return "negated"
    # "rather than recall the phones (or offer a fix)", "instead of recalling them": the
    # road not taken
    first = tok.head if tok.dep_ == "conj" else tok
    kids = {c.lower_ for c in first.children}
    if {"rather", "than"} <= kids or (first.dep_ == "pcomp" and first.head.lower_ == "of"
                                      and any(c.lower_ == "instead" for c in first.head.children)):
        return "negated"
    if tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return "negated"
    for t in chain:
        if any(c.dep_ == "mark" and c.lower_ in lex.CONDITION_MARKS for c in t.children):
            return "conditional"  # "if expanding into Asia", "unless it signs"
    for n, t in enumerate(chain):
        auxes = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
        if any(c.lower_ in lex.MODAL_AUX for c in auxes) and not any(c.lemma_.lower() == "have" for c in auxes):
            return "planned"  # "will sign", "must inherit"; not "must have left"
        if n > 0 and (t.lemma_.lower() in lex.PLAN_HEADS or lemma_in(t, lex.SCHEDULING)):
            return "planned"
        if n > 0 and t.lemma_.lower() == "go" and any(c.lower_ == "to" for c in chain[n - 1].children):
            return "planned"
        if n > 0 and t.lemma_.lower() == "be" and any(c.lower_ == "to" and c.dep_ == "aux" for c in chain[n - 1].children):
            return "planned"
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in lex.PLAN_ADJ:
                return "planned"
            if c.dep_ == "acl" and c.lemma_.lower() in lex.PLAN_PARTICIPLES:
                return "planned"
    for t in [*chain, sent_root]:
        for c in t.children:
            if c.dep_ == "advmod" and c.lower_ in lex.HEDGE_ADV:
                return "reported"
            if c.lemma_.lower() == "accord" and any(g.lower_ == "to" for g in c.children):
                return "reported"
        if t.i != tok.i and t.lemma_.lower() in lex.HEDGE_PASSIVE and any(c.dep_ == "auxpass" for c in t.children):
            return "reported"
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            break
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in lex.HEDGE_HEADS:
            return "reported"
        cur = cur.head
    return "asserted"

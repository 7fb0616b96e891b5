"""Events from the dependency parse: trigger, type, participants, place, date, modality.

Contract used by the rest of kb:

- ``find_events(doc, found, timexes, anchor) -> list[Event]``: ``found`` is the article's
  :class:`kb.extract.entities.FoundEntities`; participants and places are its entity keys;
  sentence indexes are into ``list(doc.sents)``; trigger offsets are cleaned-text offsets.

Triggers are the event words of :mod:`kb.nlp.event_mentions` and the lexicon's triggers,
typed by :mod:`kb.lexicon.events` ("signed", "the signing", "his visit", "normalisation of
relations"; type ``"occurrence"``, or ``"state"`` for states, outside the taxonomy). Each event takes the time
expression that hangs on its own clause in the parse, else one fronted on the sentence
("On Wednesday, …"); else, for a past-tense report, the day the story was telling in the
sentences before, when that is a day of the week before publication ("Yesterday, Jobs
unveiled …. He demoed …": ``date_from="narrative"``); else, for what the article reports
as done or holding now (past or present tense), the publication date (precision
``"reported"``, ``date_from="published"``), unless its sentence tells of history (names a
time more than a month before). Never a date from another clause of the sentence, nor one
that only bounds the event ("before his departure on Tuesday").

Event keys are ``"e<token>"`` for verbal triggers and ``"n<token>"`` for nominal ones
("the visit"), so that merging can tell a narrated action from a reference back to one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.extract import gazetteer as gz
from kb.extract.sents import ParsedToken, doc_sents, parsed, parsed_tokens, sentence_index, sentence_of
from kb.lexicon import events as lex
from kb.model import GENERAL_TYPE, STATE_TYPE, UNREAL_MODALITIES, DateValue, Event, Participant, Timex
from kb.nlp.event_mentions import event_words, state_words

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from kb.extract.entities import FoundEntities

GENERAL = GENERAL_TYPE
UNTYPED = frozenset({GENERAL_TYPE, STATE_TYPE})  # the types of events outside the taxonomy
NOMINAL = ("NOUN", "PROPN", "NUM", "PRON", "DET")  # event words whose parties are read as a noun phrase's
UNREAL = frozenset(UNREAL_MODALITIES)
ACTOR_KINDS = frozenset({"person", "state", "organization", "group"})
# things an event may be about without anyone named acting ("iPhone 4 was released")
THING_KINDS = frozenset({"product"})
PLACE_KINDS = frozenset({"place", "state"})
SUBJ_DEPS = ("nsubj", "csubj")
PRONOUN_REACH = 4  # sentences back to look for the person a pronoun stands for
THING_REACH = 2  # and for the organisation or product "it" stands for
HISTORY_DAYS = 31  # a time ending this long before publication is history, not the day's news
NARRATIVE_DAYS = 7  # a day this close before publication is the story's own day
OBJ_DEPS = ("dobj", "dative", "attr", "oprd")
ROLE_RANK = {"actor": 0, "co-actor": 1, "target": 2, "theme": 3, "affiliation": 4, "location": 5}
PRECISION_RANK = {"time": 0, "day": 0, "reported": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "half": 3,
                  "year": 4, "decade": 5, "century": 6}


@dataclass
class _Args:
    """Participants collected for one trigger: (entity key, role) in order found."""

    roles: list[tuple[str, str]] = field(default_factory=list)
    place: str | None = None
    objects: list[ParsedToken] = field(default_factory=list)

    def add(self, key: str, role: str) -> None:
        for i, (k, r) in enumerate(self.roles):
            if k == key:
                if ROLE_RANK.get(role, 9) < ROLE_RANK.get(r, 9):
                    self.roles[i] = (k, role)
                return
        self.roles.append((key, role))


def _credit(tokens: list[ParsedToken], start: int, end: int, text: str) -> bool:
    """A news agency credited in brackets ("DETROIT (AP) —", "(Reuters)"): the story's
    source, never a party to what it tells."""
    return text in gz.NEWS_AGENCIES and start > 0 and end < len(tokens) \
        and tokens[start - 1].text == "(" and tokens[end].text == ")"


class _Context:
    """Per-document look-ups: token -> entity, entity -> name and kind, token -> sentence."""

    def __init__(self, doc: Doc, found: FoundEntities) -> None:
        self.doc = doc
        self.tokens = parsed_tokens(doc)
        self.sents = doc_sents(doc)
        self.sent_of = sentence_index(doc)  # token -> sentence
        self.tok_ent: dict[int, str] = {}
        self.kind: dict[str, str] = {}
        self.sent_ents: dict[int, set[str]] = {}  # sentence -> entities named in it
        self.told_of: dict[str, set[str]] = {}  # day -> entities named in sentences dated to it
        for m in found.mentions:
            self.sent_ents.setdefault(m.sentence, set()).add(m.entity)
        # one token per mention (its head): the pools pronouns and definite descriptions
        # ("he", "it", "the company") are resolved from
        heads: dict[tuple[int, int], tuple[ParsedToken, str]] = {}
        for m in found.mentions:
            span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
            if span is None or _credit(self.tokens, span.start, span.end, m.text):
                continue
            self.kind.setdefault(m.entity, m.kind)
            for t in range(span.start, span.end):
                self.tok_ent.setdefault(t, m.entity)
            if len(span):
                heads[(span.start, span.end)] = (self.tokens[span.root.i], m.entity)
        self.names: dict[str, str] = {e.key: e.name for e in getattr(found, "entities", [])}
        self.pool: dict[str, list[tuple[int, str, int]]] = {}
        # every state named, also as an adjective ("the Moroccan state"): what "the two
        # countries" stands for
        self.states_named: list[tuple[int, str]] = []
        for root, key in sorted(heads.values(), key=lambda h: h[0].i):
            kind = self.kind.get(key, "")
            if kind == "state":
                self.states_named.append((root.i, key))
            if kind == "state" and root.pos_ != "PROPN":
                continue  # states named as nouns ("Spain"), not as adjectives ("the Spanish minister")
            self.pool.setdefault(kind, []).append((root.i, key, _is_subject(root)))
        self.group: tuple[int, list[str]] = (-9, [])
        self.affiliation: dict[str, str] = {}
        for role in getattr(found, "roles", []):
            if role.of and not role.former:
                self.affiliation.setdefault(role.entity, role.of)

    def _after_dateline(self, tok: ParsedToken) -> str | None:
        """The parser may hang a sentence on its dateline ("DETROIT (AP) — General Motors
        said …": DETROIT as subject, the company in apposition): the name after the dash."""
        if self.kind.get(self.tok_ent[tok.i]) != "place" or self.sents[self.sent_of[tok.i]].start != tok.i:
            return None
        reached, todo = [], [tok]  # names in apposition, also through the credit "(Reuters)"
        while todo:
            for c in todo.pop().children:
                if c.dep_ == "appos" and c.i > tok.i:
                    reached.append(c)
                    todo.append(c)
        for c in sorted(reached, key=lambda t: -t.i):
            if c.i in self.tok_ent and any(t.text in ("—", "–", "-", "--") for t in self.tokens[tok.i + 1:c.i]):
                return self.tok_ent[c.i]
        return None

    def name(self, key: str) -> str:
        return self.names.get(key) or key.split(":", 1)[-1]

    def state_of_place(self, key: str) -> str | None:
        """The state a capital named in the article belongs to, when the article names the
        state too ("Rabat" → Morocco)."""
        if self.kind.get(key) != "place":
            return None
        state = gz.gazetteer().capitals.get(self.name(key))
        if state is None:
            return None
        return next((k for k, kind in self.kind.items() if kind == "state" and self.name(k) == state), None)

    def entity(self, tok: ParsedToken, *, depth: int = 0) -> str | None:
        """The entity a noun phrase headed by ``tok`` refers to, if any."""
        if tok.i in self.tok_ent:
            told = self._after_dateline(tok)
            return told if told is not None else self.tok_ent[tok.i]
        if depth > 2:
            return None
        if tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl":
            return self.entity(tok.head.head, depth=depth + 1)
        if tok.lower_ in lex.SINGULAR_PRONOUNS:
            return self.antecedent(tok)
        if tok.lower_ in lex.THING_PRONOUNS and tok.dep_ != "expl" and not _pleonastic(tok):
            return self.antecedent(tok, kinds=("organization", "product", "state"), reach=THING_REACH,
                                   subjects_only=True)
        for c in tok.children:
            if c.dep_ == "appos":
                key = self.entity(c, depth=depth + 1)
                if key:
                    return key
        for c in tok.children:
            # "iPod players", "the A380 aircraft": a generic noun named by its product
            if c.dep_ == "compound" and self.kind.get(self.tok_ent.get(c.i, "")) == "product":
                return self.tok_ent[c.i]
        lemma = tok.lemma_.lower()
        if lemma in lex.MEASURE_NOUNS and tok.dep_ in (*SUBJ_DEPS, "nsubjpass"):
            # "Airbus's sales rose", "shares of GM fell": the measure's owner
            owners = ACTOR_KINDS | THING_KINDS
            for c in tok.children:
                if c.dep_ in ("poss", "compound") and self.kind.get(self.tok_ent.get(c.i, "")) in owners:
                    return self.tok_ent[c.i]
                if c.dep_ == "prep" and c.lower_ == "of":
                    p = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if p is not None and self.kind.get(self.tok_ent.get(p.i, "")) in owners:
                        return self.tok_ent[p.i]
        if lemma in lex.AGENT_NOUNS:
            for c in tok.children:
                if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i in self.tok_ent:
                    key = self.tok_ent[c.i]
                    if self.kind.get(key) in ACTOR_KINDS:
                        return key
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            return self.entity(p, depth=depth + 1)
        named = [self.tok_ent[c.i] for c in tok.children if c.i in self.tok_ent
                 and c.dep_ not in ("conj", "cc", "prep", "relcl", "acl")]
        if lemma in lex.STATE_NOUNS and any(self.kind.get(k) == "state" for k in named):
            return next(k for k in named if self.kind.get(k) == "state")  # "the Hebrew state"
        if _definite(tok) and not named:
            if lemma in lex.STATE_NOUNS:
                return self.antecedent(tok, kinds=("state",), by_subject=False)
            if lemma in lex.ORG_NOUNS:
                return self.antecedent(tok, kinds=("organization",), reach=THING_REACH)
            if lemma in lex.PRODUCT_NOUNS:
                return self.antecedent(tok, kinds=("product",), reach=THING_REACH, noun=lemma)
        return None

    def antecedent(self, tok: ParsedToken, kinds: tuple[str, ...] = ("person",), *, reach: int = PRONOUN_REACH,
                   noun: str | None = None, by_subject: bool = True, subjects_only: bool = False) -> str | None:
        """What "he"/"she", "it", "the company" or "the phone" most likely stands for: an
        entity of a fitting kind named before it, in this sentence or the few before, never
        one only compared with ("as big as an iPod") nor, for an object pronoun, the subject
        of its own clause ("Ballmer described him"). One in the same sentence wins; then the
        last one named as a main clause's subject, the last subject, the last one named.
        "The phone" takes a name that contains the noun, else a product that was a subject."""
        here = self.sent_of[tok.i]
        lo, hi = _np_range(tok)
        clause = _clause_verb(tok) if tok.dep_ not in ("nsubj", "nsubjpass", "poss") else None
        own_subj = _subject(clause) if clause is not None else None
        bound = range(*_np_range(own_subj)) if own_subj is not None else range(0)
        cands = []
        for kind in kinds:
            for i, key, subj in self.pool.get(kind, []):
                if i >= tok.i or lo <= i < hi or not 0 <= here - self.sent_of[i] <= reach:
                    continue
                cand = self.tokens[i]
                if _compared(cand) or i in bound:
                    continue
                cands.append((i, key, subj))
        if noun is not None:
            named = [c for c in cands if noun in self.name(c[1]).lower()]
            if named:
                return max(named)[1]
            subjects_only = True
        same = [c for c in cands if self.sent_of[c[0]] == here]
        if same:
            cands = same  # "Ballmer mourned Jobs and described him …"
        elif subjects_only:
            cands = [c for c in cands if c[2]]
        if not cands:
            return None
        if by_subject:
            return max(cands, key=lambda c: (c[2], c[0]))[1]
        return max(cands)[1]

    def entities(self, tok: ParsedToken) -> list[tuple[str, bool]]:
        """Entities of ``tok`` and of its conjuncts: (key, is_conjunct)."""
        out: list[tuple[str, bool]] = []
        if tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp":
            # "the firm said it has settled": the reporting subject speaks of itself
            matrix = next((c for c in tok.head.head.children if c.dep_ == "nsubj"), None)
            key = self.entity(matrix) if matrix is not None else None
            if key and self.kind.get(key) in ("organization", "state", "group"):
                return [(key, False)]
            if key:
                return out  # a person said "it": not the person
        if tok.tag_ == "NNS" and tok.lemma_.lower() in lex.STATE_NOUNS and any(
                c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in tok.children):
            # "the two countries", "both nations": the last two states named before
            here = self.sent_of[tok.i]
            keys: list[str] = []
            for i, key in reversed(self.states_named):
                if i < tok.left_edge.i and here - self.sent_of[i] <= PRONOUN_REACH and key not in keys:
                    keys.append(key)
                if len(keys) == 2:
                    return [(k, n > 0) for n, k in enumerate(reversed(keys))]
            return out
        if tok.lower_ in lex.PLURAL_PRONOUNS:
            sent, keys = self.group
            if 0 <= self.sent_of[tok.i] - sent <= 1:
                return [(k, n > 0) for n, k in enumerate(keys)]
            return out
        key = self.entity(tok)
        if key:
            out.append((key, False))
        for c in tok.conjuncts:
            if c.i > tok.i:
                k = self.entity(c)
                if k and all(k != o for o, _ in out):
                    out.append((k, True))
        return out


def _is_subject(tok: ParsedToken) -> int:
    """3 for a mention heading (or inside) the main clause's subject, 2 for another
    clause's, 1 for a relative clause's, else 0: the likelier antecedent first."""
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass", "csubj"):
            verb = tok.head
            while verb.dep_ == "conj" and verb.head.i != verb.i:
                verb = verb.head
            return 3 if verb.dep_ == "ROOT" else 1 if verb.dep_ in ("relcl", "acl") else 2
        if tok.dep_ not in ("compound", "appos", "poss", "conj", "flat"):
            return 0
        tok = tok.head
    return 0


def _definite(tok: ParsedToken) -> bool:
    """"the company", "this device": a singular noun with a definite or demonstrative
    determiner."""
    return tok.pos_ == "NOUN" and tok.tag_ != "NNS" \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _pleonastic(tok: ParsedToken) -> bool:
    """"it was announced that", "it is likely that", "it was Jobs who": "it" stands for no thing."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass"):
        return False
    kids = [c.dep_ for c in head.children]
    if head.lemma_ == "be" or tok.dep_ == "nsubjpass":
        return any(d in ("ccomp", "xcomp", "csubj") for d in kids) or "attr" in kids
    return any(d == "ccomp" for d in kids) and head.lemma_.lower() in ("seem", "appear", "matter", "happen")


def _compared(tok: ParsedToken) -> bool:
    """A mention only compared with: "as big as an iPod", "faster than the Mac"."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ in ("as", "than", "like", "unlike")


def _clause_verb(tok: ParsedToken) -> ParsedToken | None:
    """The verb of the clause a word belongs to."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _np_range(tok: ParsedToken) -> tuple[int, int]:
    """Token range of the phrase a word heads (an antecedent lies outside it)."""
    return tok.left_edge.i, tok.right_edge.i + 1


def find_events(doc: Doc, found: FoundEntities, timexes: list[Timex], anchor: str | None, *,
                keep_all: bool = False) -> list[Event]:
    """The events of ``doc``: every event word the recogniser found (``doc.spans["events"]``)
    and every trigger of the typed lexicon, each with its type (``"occurrence"`` or ``"state"``
    outside the taxonomy), participants, place, modality and date. Only events with a participant are
    kept, unless ``keep_all`` (the scorers date every event word)."""
    ctx = _Context(doc, found)
    triggers: dict[int, str] = {}
    others: list[ParsedToken] = []  # verbs outside the lexicon, that may be told alongside an event
    for tok in _verbs_and_nouns(doc):
        type_ = _trigger_type(tok)
        if type_:
            triggers[tok.i] = type_
        elif tok.pos_ == "VERB" and tok.dep_ in ("advcl", "pcomp", "conj"):
            others.append(tok)
    for tok in [t for t in others if _secondary(t, triggers)]:
        triggers[tok.i] = "action"
    states = state_words(doc)
    for i in event_words(doc):
        triggers.setdefault(i, STATE_TYPE if i in states else GENERAL)
    hosts = _timex_hosts(doc, timexes, triggers)
    by_sent: dict[int, list[tuple[Timex, Span, int | None]]] = {}
    for h in hosts:
        by_sent.setdefault(ctx.sent_of[h[1].start], []).append(h)
    narrative = _narrative_times(len(ctx.sents), by_sent, anchor, ctx.tokens)
    for i, hosted in by_sent.items():  # who the story tells of on each day it names
        for tx, _, _ in hosted:
            if tx.start:
                ctx.told_of.setdefault(tx.start[:10], set()).update(ctx.sent_ents.get(i, ()))

    recognised = set(event_words(doc))
    events: list[Event] = []
    carriers = {g.i for g in (_light_verb(ctx.tokens[i]) for i in triggers if ctx.tokens[i].pos_ != "VERB")
                if g is not None}
    # "is scheduled to visit", "intends to deepen", "helped X obtain": the verb a general
    # verb governs tells the event; the governing one only frames it
    carriers |= {t.head.i for t in (ctx.tokens[i] for i in triggers)
                 if t.dep_ == "xcomp" and t.head.i != t.i and t.head.pos_ == "VERB"}
    for i, type_ in sorted(triggers.items()):
        tok = ctx.tokens[i]
        if i in carriers and type_ in UNTYPED and not keep_all:
            continue  # "filed a lawsuit": the noun tells the event, the verb only carries it
        gov = _light_verb(tok) if tok.pos_ != "VERB" else None
        args = _noun_args(ctx, tok, gov) if tok.pos_ in NOMINAL else _verb_args(ctx, tok, type_)
        if not _keep(ctx, tok, type_, args):
            if type_ not in UNTYPED and (i in recognised or keep_all):
                type_ = STATE_TYPE if i in states else GENERAL  # without the parties its type needs, still an event
            if not (keep_all or _keep(ctx, tok, type_, args)):
                continue
        modality = _modality(tok, gov)
        if type_ in UNTYPED and modality in UNREAL and not keep_all:
            continue  # what the text says did not or may not happen is no event of a timeline
        here = ctx.sent_of[tok.i]
        date, date_from, date_text = _date(ctx, tok, gov, triggers, by_sent.get(here, []),
                                           narrative[here] if here >= 0 else None, anchor, modality)
        if date_from == "narrative" and anchor and not _continues_story(ctx, narrative[here], args):
            date, date_from, date_text = DateValue(anchor, "reported", anchor, anchor), "published", None
        parties = [k for k, r in args.roles if r in ("actor", "co-actor", "target")
                   and ctx.kind.get(k) in ACTOR_KINDS]
        if len(parties) >= 2:
            ctx.group = (ctx.sent_of[tok.i], parties)
        participants = [Participant(k, r) for k, r in args.roles]
        direct = {k for k, _ in args.roles}
        for k, r in args.roles:
            aff = ctx.affiliation.get(k)
            if r in ("actor", "co-actor", "target") and aff and aff not in direct:
                direct.add(aff)
                participants.append(Participant(aff, "affiliation"))
        events.append(Event(
            key=f"{'e' if tok.pos_ == 'VERB' else 'n'}{tok.i}",
            trigger=tok.text,
            type=type_,
            sentence=ctx.sent_of[tok.i],
            trigger_start=tok.idx,
            trigger_end=tok.idx + len(tok.text),
            cameo=lex.cameo(type_),
            modality=modality,
            participants=participants,
            place=args.place,
            date=date,
            date_from=date_from,
            date_text=date_text,
            summary=_summary(ctx, tok, args, gov),
        ))
    return events


# ---------------------------------------------------------------- triggers

def _object(tok: ParsedToken) -> ParsedToken | None:
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


def _particle(c: ParsedToken) -> bool:
    """A verb's particle or preposition ("stepped down", "called for"); the parser
    sometimes gives a particle as an adverb."""
    return c.dep_ in ("prt", "prep") or (c.dep_ == "advmod" and c.pos_ in ("ADV", "ADP") and c.i == c.head.i + 1)


# every verb lemma that may start an event: anything else is skipped before its parse is read
_VERB_LEMMAS = frozenset(lex.VERBS) | frozenset(lex.RELATION_VERBS) | lex.AGREEMENT_VERBS | lex.RESULT_VERBS \
    | frozenset(v for v, _ in lex.PHRASAL) | lex.DISMISSAL_VERBS


def _verbs_and_nouns(doc: Doc) -> list[ParsedToken]:
    """The only tokens that can trigger an event, picked from the parse's arrays at once."""
    from spacy.symbols import NOUN, POS, VERB

    tags = doc.to_array(POS)
    tokens = parsed_tokens(doc)
    return [tokens[i] for i in ((tags == VERB) | (tags == NOUN)).nonzero()[0].tolist()]




def _battle_with_illness(tok: ParsedToken) -> bool:
    """"battle with cancer", also when the parser hangs "with cancer" on the verb."""
    obj = tok if tok.pos_ != "VERB" else _object(tok)
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
    return next((stem for stem in lex.past_stems(tok.lower_) if stem in _VERB_LEMMAS), lemma)


def _trigger_type(tok: ParsedToken) -> str | None:
    lemma = _verb_lemma(tok) if tok.pos_ == "VERB" else tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in _VERB_LEMMAS and tok.dep_ not in ("amod", "compound", "prep"):
        obj = _object(tok)
        obj_lemma = obj.lemma_.lower() if obj is not None else ""
        if obj_lemma in lex.RELATION_OBJECTS and lemma in lex.RELATION_VERBS:
            return lex.RELATION_VERBS[lemma]
        if obj_lemma in lex.AGREEMENT_OBJECTS and lemma in lex.AGREEMENT_VERBS:
            return "agreement_signed"
        if obj_lemma in lex.RESULT_OBJECTS and lemma in lex.RESULT_VERBS:
            return "result"
        for c in tok.children:
            if _particle(c):
                type_ = lex.PHRASAL.get((lemma, c.lower_))
                if type_:
                    return type_
        if lemma in lex.LIGHT_VERBS and obj is not None and _noun_type(obj):
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
        return _noun_type(tok)
    return None


def _secondary(tok: ParsedToken, triggers: dict[int, str]) -> bool:
    """A verb outside the lexicon told alongside an event, by the same subject: "unveiled the
    phone by walking onto the stage and taking it out of his pocket", "while introducing
    the phone", "took six months off". Stative and aspectual verbs, conditions ("if …")
    and clauses with a subject of their own are no such act."""
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("advcl", "pcomp", "conj"):
            return False
        if cur.lemma_.lower() in lex.STATIVE_VERBS and not (
                cur.lemma_.lower() in lex.LIGHT_WITH_PARTICLE and any(_particle(c) and c.lower_ in lex.PARTICLES
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


def _noun_type(tok: ParsedToken) -> str | None:
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


def _light_verb(noun: ParsedToken) -> ParsedToken | None:
    """The verb a nominal trigger is the object of, when that verb only carries it."""
    if noun.dep_ == "compound":  # "filed for bankruptcy protection"
        noun = noun.head
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.LIGHT_VERBS:
        return head
    # "filed for bankruptcy", "entered into talks"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "into"):
        verb = head.head
        if verb.pos_ == "VERB" and (verb.lemma_.lower() in _CARRYING_FOR or lex.lemma_in(verb, lex.SCHEDULING)):
            return verb  # … and "is slated for a U.S. release", "scheduled for talks"
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "on" and head.head.lemma_.lower() == "go":
        return head.head  # "went on leave", "went on a tour"
    return None


# ---------------------------------------------------------------- participants

def _subject(tok: ParsedToken) -> ParsedToken | None:
    """The subject of a verb, climbing control and coordination ("plans to sign", "set up … but
    broke off"); the noun a relative clause or participle hangs on ("the envoy, who visited")."""
    cur = tok
    for _ in range(5):
        subjects = [c for c in cur.children if c.dep_ in SUBJ_DEPS]
        if len(subjects) > 1:
            # a dateline read as a second subject (", Nov 23 (AFP) - Egypt on Saturday
            # expelled"): the one nearest the verb that is no date
            subjects = [c for c in subjects if c.doc[c.i].ent_type_ not in ("DATE", "TIME")][-1:] or subjects
        for c in subjects[:1]:
            if c.tag_ in ("WDT", "WP") and cur.dep_ == "relcl":
                return cur.head
            return c
        if cur is not tok:  # raised: "Gantz is scheduled to visit", "X was expected to sign"
            raised = next((c for c in cur.children if c.dep_ == "nsubjpass"), None)
            if raised is not None:
                return raised
        if cur.dep_ == "acl" and cur.tag_ == "VBG":
            return cur.head
        if cur.dep_ in ("acomp", "attr", "oprd") and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head  # "Israel is happy with …": the copula's subject
            continue
        if cur.dep_ == "xcomp":  # object control: "urged Iran to stop", "prompting X to file"
            obj = next((c for c in cur.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return obj
        if cur.dep_ == "conj" and cur.head.dep_ == "ccomp" and cur.tag_ == "VBD" and not any(
                c.dep_ in ("aux", "auxpass") for c in cur.children) and any(
                c.dep_ in ("aux", "auxpass") for c in cur.head.children):
            # "X acknowledged that users were having issues, but dismissed …": the parser
            # often hangs the second verb of the main clause on the complement's verb; a
            # change of tense gives it away
            cur = cur.head.head
            continue
        if cur.dep_ in ("xcomp", "conj") and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX", "ADJ"):
            cur = cur.head
            continue
        # a subjectless adverbial clause is controlled by the main subject ("While
        # introducing the phone, Jobs …"); so is a gerund after a preposition ("by walking")
        if cur.dep_ == "advcl" and cur.head.pos_ in ("VERB", "AUX"):
            cur = cur.head
            continue
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            cur = cur.head.head
            continue
        # a complement clause with neither subject nor "that" is a run-on of its head's
        if cur.dep_ == "ccomp" and cur.head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ == "mark" for c in cur.children):
            cur = cur.head
            continue
        break
    return None


def _preps(ctx: _Context, tok: ParsedToken, type_: str, args: _Args) -> None:
    """Participants and place from the prepositional phrases of a trigger."""
    for c in tok.children:
        if c.dep_ not in ("prep", "agent"):
            continue
        word = c.lower_
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            for key, _ in ctx.entities(p):
                kind = ctx.kind.get(key)
                if word not in ("in", "at", "from") and ctx.state_of_place(key):
                    key = ctx.state_of_place(key) or key  # "broke off relations with Rabat": its government
                    kind = "state"
                if word in ("in", "at") and kind in PLACE_KINDS:
                    if args.place and args.place != key and kind == "state":
                        args.add(key, "location")  # "in Casablanca, Morocco": the state it happened in
                    args.place = args.place or key
                    state = ctx.state_of_place(key)
                    if state:
                        args.add(state, "location")  # "in Rabat": in Morocco
                elif word == "to" and type_ == "visit" and kind in PLACE_KINDS:
                    args.place = args.place or key
                    if kind == "state":
                        args.add(key, "target")
                elif word == "by" or c.dep_ == "agent":
                    args.add(key, "actor")
                elif word in ("with", "against", "on", "upon", "to", "toward", "towards"):
                    args.add(key, "target")
                elif word == "from" and type_ in ("transaction", "material_cooperation", "aid", "visit"):
                    args.add(key, "target")
                elif word in ("between", "among"):
                    args.add(key, "actor")
                elif word in ("of", "over", "about", "for") and kind not in ACTOR_KINDS:
                    args.add(key, "theme")


def _misattached_place(ctx: _Context, tokens: list[ParsedToken], args: _Args) -> None:
    """"signed by X and Y in Geneva": a place hung on an argument instead of the verb."""
    if args.place:
        return
    for t in tokens:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "at"):
                for p in c.children:
                    key = ctx.entity(p) if p.dep_ == "pobj" else None
                    if key and ctx.kind.get(key) in PLACE_KINDS:
                        args.place = key
                        return


def _add_np(ctx: _Context, tok: ParsedToken, role: str, args: _Args) -> list[ParsedToken]:
    """Add a noun phrase (and its conjuncts) under ``role``; returns the tokens used."""
    ents = ctx.entities(tok)
    for key, conj in ents:
        kind = ctx.kind.get(key)
        r = role
        if role == "actor" and conj:
            r = "co-actor"
        if role in ("target", "theme") or kind in THING_KINDS:
            r = "target" if kind in ACTOR_KINDS else "theme"
        args.add(key, r)
    return [tok, *tok.conjuncts]


def _verb_args(ctx: _Context, tok: ParsedToken, type_: str) -> _Args:
    args = _Args()
    used: list[ParsedToken] = []
    subj = _subject(tok)
    if subj is not None:
        used += _add_np(ctx, subj, "actor", args)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        used += _add_np(ctx, tok.head, "theme", args)
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            used += _add_np(ctx, c, "theme" if type_ != "visit" else "target", args)
        elif c.dep_ in OBJ_DEPS:
            used += _add_np(ctx, c, "target", args)
    obj = _object(tok)
    if obj is not None and obj.pos_ != "PRON":
        args.objects = [obj]
        # "broke off relations with Rabat", "opened an office in Rabat": the object's
        # phrases name the other party and the place
        _preps(ctx, obj, type_, args)
        if obj.lemma_.lower() in lex.STAKE_OBJECTS:
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            _add_np(ctx, p, "target", args)
    _preps(ctx, tok, type_, args)
    if type_ == "visit" and not args.place:
        for key, role in args.roles:
            if role == "target" and ctx.kind.get(key) in PLACE_KINDS:
                args.place = key
                break
        for c in tok.children:
            if c.dep_ == "dobj":
                key = ctx.entity(c)
                if key and ctx.kind.get(key) == "place":
                    args.place = key
    _misattached_place(ctx, used, args)
    return args


def _noun_args(ctx: _Context, tok: ParsedToken, gov: ParsedToken | None) -> _Args:
    args = _Args()
    lemma = tok.lemma_.lower()
    type_ = _noun_type(tok) or ""
    patient = lemma in lex.PATIENT_NOUNS
    for c in tok.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in ctx.tok_ent):
            key = ctx.entity(c)
            if key:
                kind = ctx.kind.get(key)
                if patient:
                    args.add(key, "target" if kind in ACTOR_KINDS else "theme")
                elif kind in ACTOR_KINDS:
                    args.add(key, "actor")
                else:
                    args.add(key, "theme")
        elif c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.lemma_.lower() in lex.RELATION_OBJECTS:
                    _preps(ctx, p, type_, args)
                    continue
                _add_np(ctx, p, "target" if patient else "actor", args)
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by"):
                    for p in a.children:
                        if p.dep_ == "pobj":
                            _add_np(ctx, p, "actor", args)
    _preps(ctx, tok, type_, args)
    if gov is not None:
        if not any(r in ("actor", "co-actor") for _, r in args.roles):
            subj = _subject(gov)
            if subj is not None:
                _add_np(ctx, subj, "actor", args)
            elif lex.lemma_in(gov, lex.SCHEDULING):  # "It is slated for release": what is released
                scheduled = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
                if scheduled is not None:
                    _add_np(ctx, scheduled, "theme", args)
        _preps(ctx, gov, type_, args)
    return args


def _keep(ctx: _Context, tok: ParsedToken, type_: str, args: _Args) -> bool:
    kinds = ACTOR_KINDS if type_ == "statement" else ACTOR_KINDS | THING_KINDS
    if not any(ctx.kind.get(k) in kinds for k, r in args.roles):
        return False
    lemma = tok.lemma_.lower()
    if type_ != lex.VERBS.get(lemma) or any(
            _particle(c) and (lemma, c.lower_) in lex.PHRASAL for c in tok.children):
        return True  # typed by its object or particle ("set up ties", "stepped down"), already specific
    if lemma in lex.NEEDS_TARGET and tok.pos_ == "VERB":
        if any(o.lemma_.lower() in lex.SPECIFIC_OBJECTS for o in args.objects):
            return True  # "lost its court case", "cut 2,000 jobs"
        return any(r in ("target", "theme") for _, r in args.roles)
    return True


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


def _modality(tok: ParsedToken, gov: ParsedToken | None) -> str:
    chain = _chain(tok)
    if gov is not None:
        chain += _chain(gov)
    sent_root = parsed(sentence_of(tok).root)
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
        if any(c.lower_ in lex.FUTURE_AUX for c in auxes) and not any(c.lemma_.lower() == "have" for c in auxes):
            return "planned"  # "will sign", "must inherit"; not "must have left"
        if n > 0 and (t.lemma_.lower() in lex.PLAN_HEADS or lex.lemma_in(t, lex.SCHEDULING)):
            return "planned"
        if n > 0 and t.lemma_.lower() == "go" and any(c.lower_ == "to" for c in chain[n - 1].children):
            return "planned"
        if n > 0 and t.lemma_.lower() == "be" and any(c.lower_ == "to" and c.dep_ == "aux" for c in chain[n - 1].children):
            return "planned"
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in lex.PLAN_ADJ:
                return "planned"
            if c.dep_ == "acl" and c.lemma_.lower() in ("plan", "schedule", "expect", "set", "slate"):
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


# ---------------------------------------------------------------- dates

def _is_clause_head(t: ParsedToken) -> bool:
    if t.pos_ == "VERB":
        return t.dep_ not in ("amod", "compound", "prep", "aux", "auxpass")
    return t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")


def _timex_hosts(doc: Doc, timexes: list[Timex], triggers: dict[int, str]) -> list[tuple[Timex, Span, int | None]]:
    """Each time expression with its span and the token its phrase hangs on: the first
    trigger or clause head above it (``None`` for a sentence that is only a date)."""
    out: list[tuple[Timex, Span, int | None]] = []
    for tx in timexes:
        if tx.type in ("DURATION", "SET"):
            continue
        span = doc.char_span(tx.start_char, tx.end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        cur = parsed(span.root)
        host: int | None = None
        noun: ParsedToken | None = None  # the last noun passed on the way up
        while cur.head.i != cur.i:
            if cur.pos_ in ("NOUN", "PROPN") and not (span.start <= cur.i < span.end):
                noun = cur
            cur = cur.head
            if cur.i in triggers or _is_clause_head(cur):
                host = cur.i
                break
            if noun is not None and cur.dep_ == "prep" and cur.lower_ in lex.BOUNDING_PREPS:
                # "before his departure on Tuesday": the date is the departure's, and only
                # bounds the clause above it
                host = noun.i
                break
        out.append((tx, span, host))
    return out


def _usable(tx: Timex) -> bool:
    if tx.value is None or tx.precision is None:
        return False
    return tx.precision not in ("duration", "set") and not tx.value.startswith("P")


def _best(cands: list[tuple[Timex, Span, int | None]], tok: ParsedToken) -> tuple[Timex, Span, int | None]:
    return min(cands, key=lambda c: (PRECISION_RANK.get(c[0].precision or "", 7), abs(c[1].start - tok.i)))


def _is_past(verb: ParsedToken) -> bool:
    """Simple past, present perfect or past passive: a report of something done."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in lex.BACKGROUND_ADVERBS for c in verb.children):
        return False  # "has twice before sued": earlier history, not today's news
    if any(a.lemma_.lower() == "have" and a.tag_ == "VBD" for a in auxes):
        return False  # past perfect: background, earlier than the report
    if verb.tag_ == "VBD" and not auxes:
        return True
    if verb.tag_ == "VBN":
        return any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)
    return False


def _narrative_times(n_sents: int, by_sent: dict[int, list[tuple[Timex, Span, int | None]]],
                     anchor: str | None, tokens: list[ParsedToken]) -> list[Timex | None]:
    """For each sentence, the story's day as told before it (its reference time): the last
    day named by a clause above that falls in the week before publication ("Yesterday,
    Jobs unveiled …"). A later past-tense sentence with no date of its own goes on telling
    that day ("He demoed …"). An older date ("In April, …") is a flashback: it dates its
    own clause and leaves the story's day alone; a date line (a sentence that is only a
    date) is no clause; nor is a past perfect ("X had on Thursday criticised …"): it tells
    what came before the story's time."""
    out: list[Timex | None] = []
    current: Timex | None = None
    day = _iso(anchor)
    for i in range(n_sents):
        out.append(current)
        for tx, _, host in by_sent.get(i, []):
            if host is None or not _usable(tx) or tx.precision not in ("day", "time") \
                    or tx.text.lower() in lex.VAGUE_TIMES or _past_perfect(tokens[host]):
                continue
            start = _iso(tx.start)
            if day and start and 0 <= (day - start).days <= NARRATIVE_DAYS and (
                    current is None or tx.start_char > current.start_char):
                current = tx
    return out


def _continues_story(ctx: _Context, told: Timex | None, args: _Args) -> bool:
    """True when an event goes on telling the story's day: it shares someone or something
    with the sentences dated to that day ("Yesterday, Jobs unveiled the phone. … He demoed
    …"), unlike news of others told next to it ("The agency ordered checks last Thursday.
    The airline's chief said …")."""
    if told is None or not told.start:
        return False

    def with_affiliations(keys: set[str]) -> set[str]:  # "Apple CEO Steve Jobs" speaks for Apple
        return keys | {ctx.affiliation[k] for k in keys if k in ctx.affiliation}

    keys = with_affiliations({k for k, _ in args.roles})
    return bool(keys & with_affiliations(ctx.told_of.get(told.start[:10], set())))


def _past_perfect(verb: ParsedToken) -> bool:
    return verb.tag_ in ("VBN", "VBD") and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _iso(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _governing_verb(tok: ParsedToken) -> ParsedToken | None:
    """For a verb without tense or subject of its own, hung on another clause as an adverbial,
    a gerund after a preposition or a coordinate ("While introducing …", "by walking",
    "walking … and taking"), the verb of that clause; ``None`` for a clause of its own, or
    one set at another time ("later revealing")."""
    if tok.pos_ != "VERB" or tok.tag_ not in ("VBG", "VBN", "VB") \
            or tok.dep_ not in ("advcl", "pcomp", "conj", "xcomp"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") and c.lower_ not in lex.TENSELESS_MARKS
           for c in tok.children):
        return None
    if any(c.dep_ == "advmod" and c.lower_ in lex.SEQUENCE_ADVERBS for c in tok.children):
        return None
    head = tok.head
    if tok.dep_ == "pcomp":
        if head.dep_ != "prep" or head.lower_ in lex.BOUNDING_PREPS:
            return None
        head = head.head
    if tok.dep_ == "conj" and head.tag_ not in ("VBG", "VBN", "VB"):
        return None  # "… and taking": only the coordinate of a tenseless verb
    return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None


def _date(ctx: _Context, tok: ParsedToken, gov: ParsedToken | None, triggers: dict[int, str],
          in_sent: list[tuple[Timex, Span, int | None]], narrative: Timex | None, anchor: str | None,
          modality: str) -> tuple[DateValue | None, str | None, str | None]:
    sent = sentence_of(tok)
    in_sent = [h for h in in_sent if h[0].text.lower() not in lex.VAGUE_TIMES]
    own = [h for h in in_sent if h[2] == tok.i]
    if not own and tok.pos_ == "VERB":
        # "made an appearance in March": the date hangs on the noun the verb carries
        own = [h for h in in_sent if h[2] is not None and h[2] in triggers
               and ctx.tokens[h[2]].head.i == tok.i and _light_verb(ctx.tokens[h[2]]) is not None]
    if not own and tok.pos_ == "NOUN":
        clause = gov
        if clause is None:
            cur = tok
            while cur.head.i != cur.i and not _is_clause_head(cur.head):
                cur = cur.head
            clause = cur.head if _is_clause_head(cur.head) else None
            if clause is not None and clause.i in triggers and clause.lemma_.lower() != "announce":
                clause = None
        if clause is not None:
            own = [h for h in in_sent if h[2] == clause.i]
    # an unresolved time word inside a noun phrase ("day-to-day operations") dates nothing
    own = [h for h in own if _usable(h[0]) or h[1].root.dep_ not in ("amod", "compound", "nmod", "poss")]
    if own:
        usable = [h for h in own if _usable(h[0])]
        if not usable:
            return None, None, own[0][0].text
        tx = _best(usable, tok)[0]
        return tx.date_value(), "clause", tx.text
    head = _governing_verb(tok) if modality in ("asserted", "reported") else None
    if head is not None:
        # a clause without tense of its own ("While introducing the phone, Jobs …", "by
        # walking onto the stage", "later saying") is told at its governing clause's time
        return _date(ctx, head, None, triggers, in_sent, narrative, anchor, _modality(head, None))
    root = sent.root
    fronted = [h for h in in_sent if h[2] == root.i and h[1].start < root.i and root.i != tok.i]
    if fronted:
        usable = [h for h in fronted if _usable(h[0])]
        if usable:
            tx = _best(usable, tok)[0]
            return tx.date_value(), "sentence", tx.text
        return None, None, fronted[0][0].text
    stated = [h for h in in_sent if _historical(h[0], anchor)]
    if anchor and modality in ("asserted", "reported") and not stated:
        verb = _tensed(tok, gov)
        if verb is not None and _is_past(verb):
            if narrative is not None:
                d = narrative.date_value()
                if d is not None:
                    day = DateValue(d.value[:10], "day", d.start, d.start)
                    return day, "narrative", narrative.text
            return DateValue(anchor, "reported", anchor, anchor), "published", None
        if verb is not None and _is_present(verb):
            return DateValue(anchor, "reported", anchor, anchor), "published", None
    return None, None, None


def _historical(tx: Timex, anchor: str | None) -> bool:
    """A time well before publication ("in 1965", "last year"): a sentence that states one
    tells history, not the news of the day."""
    end, day = _iso(tx.end), _iso(anchor)
    return _usable(tx) and end is not None and day is not None and (day - end).days > HISTORY_DAYS


def _tensed(tok: ParsedToken, gov: ParsedToken | None) -> ParsedToken | None:
    """The verb whose tense tells when ``tok`` happened: itself, the verb carrying it, or
    for a noun or adjective the verb of its clause ("the talks were held", "is invincible")."""
    if tok.pos_ in ("VERB", "AUX"):
        return tok
    if gov is not None:
        return gov
    cur = tok
    for _ in range(4):  # up through the phrases it sits in: "at a news conference", "the start of talks"
        if cur.dep_ not in ("acomp", "attr", "nsubj", "nsubjpass", "dobj", "oprd", "pobj", "prep", "poss",
                            "compound", "appos"):
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _is_present(verb: ParsedToken) -> bool:
    """Simple present, present progressive or present passive: what holds as the article is
    written ("says", "is slipping", "are held")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:
        return verb.tag_ in ("VBZ", "VBP")
    if any(a.lemma_.lower() == "have" or a.tag_ == "MD" or a.lower_ in ("do", "does", "to") for a in auxes):
        return False
    return verb.tag_ in ("VBG", "VBN") and any(a.tag_ in ("VBZ", "VBP") for a in auxes)


# ---------------------------------------------------------------- summary

def _phrase(ctx: _Context, tok: ParsedToken) -> str:
    """A noun phrase in a few words: the entity's name, else the noun with the words that
    make it specific ("diplomatic ties", "memorandum of understanding")."""
    key = ctx.entity(tok)
    if key:
        return ctx.name(key)
    words = [t for t in ctx.tokens[tok.left_edge.i: tok.i + 1]
             if t.dep_ not in ("det", "poss", "case", "punct", "predet") and t.pos_ not in ("PRON", "DET")]
    text = " ".join(t.text for t in words[-4:])
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is not None and ctx.entity(pobj) is None and pobj.pos_ == "NOUN":
        text += " of " + pobj.text  # "memorandum of understanding"
    return text


_IRREGULAR = {"be": "is", "have": "has", "do": "does", "go": "goes"}


def _third_person(lemma: str) -> str:
    """The present-tense form a headline uses: "visit" → "visits", "cut" → "cuts"."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def _joined(names: list[str]) -> str:
    return " and ".join(dict.fromkeys(n for n in names if n))


def _summary(ctx: _Context, tok: ParsedToken, args: _Args, gov: ParsedToken | None = None) -> str:
    """Who did what to whom, headline style, from the article's names (shown later with the
    corpus's canonical ones): "Algeria cuts diplomatic ties with Morocco", "Benny Gantz
    visits Rabat", "visit by Benny Gantz to Morocco"."""
    actor_keys = [k for k, r in args.roles if r in ("actor", "co-actor")]
    actors = [ctx.name(k) for k in actor_keys]
    plural = len(actors) > 1 or any(ctx.kind.get(k) == "group" for k in actor_keys)  # "Islamists call"
    used = set(actors)
    tail: list[str] = []

    def add_preps(t: ParsedToken) -> None:  # "with Morocco", "to Rabat", "in Casablanca"
        for c in t.children:
            if c.dep_ not in ("prep", "agent") or c.lower_ == "by":
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                keys = [k for k, _ in ctx.entities(p)]
                names = [ctx.name(k) for k in keys if k in {k2 for k2, _ in args.roles} or k == args.place]
                names = [n for n in names if n not in used]
                if names:
                    used.update(names)
                    tail.append(f"{c.lower_} {_joined(names)}")

    if tok.pos_ in NOMINAL:
        head = _phrase(ctx, tok) if ctx.entity(tok) is None else tok.text
        parts = [head]
        if actors:
            parts.append("by " + _joined(actors))
        add_preps(tok)
        if gov is not None:
            add_preps(gov)  # "filed a lawsuit against Amnesty": the carrying verb's phrases
    else:
        prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if tok.pos_ == "ADJ":
            verb = ("are" if plural else "is") + " " + tok.lower_
        elif passive and not actors:
            verb = tok.lower_
            actors = [ctx.name(k) for k, r in args.roles if r in ("theme", "target")][:1]
            used.update(actors)
        else:
            lemma = tok.lemma_.lower()
            verb = lemma if plural else _third_person(lemma)
        if prt:
            verb += " " + prt[0]
        parts = [_joined(actors), verb] if actors else [verb]
        for o in args.objects:
            phrase = _phrase(ctx, o)
            if phrase and phrase not in used:
                used.add(phrase)
                parts.append(phrase)
                add_preps(o)
        for c in tok.children:
            if c.dep_ in ("dobj", "dative", "attr") and c not in args.objects:
                names = [ctx.name(k) for k, _ in ctx.entities(c) if ctx.name(k) not in used]
                if names:
                    used.update(names)
                    parts.append(_joined(names))
        add_preps(tok)
    parts += tail
    rest = [ctx.name(k) for k, r in args.roles if r in ("target", "theme") and ctx.name(k) not in used]
    if rest:
        used.update(rest)
        parts.append(_joined(rest[:2]))
    if args.place and ctx.name(args.place) not in used:
        parts.append(f"in {ctx.name(args.place)}")
    return " ".join(p for p in parts if p).strip()

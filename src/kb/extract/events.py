"""Events from the dependency parse: trigger, type, participants, place, date, modality.

Contract used by the rest of kb:

- ``find_events(doc, found, timexes, anchor) -> list[Event]``: ``found`` is the article's
  :class:`kb.extract.entities.FoundEntities`; participants and places are its entity keys;
  sentence indexes are into ``list(doc.sents)``; trigger offsets are cleaned-text offsets.

Triggers are the event words of :mod:`kb.nlp.event_mentions` and the lexicon's triggers,
typed by :mod:`kb.lexicon.events` ("signed", "the signing", "his visit", "normalisation of
relations"; type ``"occurrence"``, or ``"state"`` for states, outside the taxonomy). Each event takes the time
expression that hangs on its own clause in the parse, else one fronted on the sentence
("On Wednesday, …"); else, for a report in the simple past, the day the story is telling
(named in the sentences before, or for the lead the first one named), when that is a day
of the week before publication ("Yesterday, Jobs unveiled …. He demoed …":
``date_from="narrative"``); else, for what the article reports
as done or holding now (past or present tense), the publication date (precision
``"reported"``, ``date_from="published"``), unless its sentence tells of history (names a
time more than a month before). Never a date from another clause of the sentence, nor one
that only bounds the event ("before his departure on Tuesday").

Event keys are ``"e<token>"`` for verbal triggers and ``"n<token>"`` for nominal ones
("the visit"), so that merging can tell a narrated action from a reference back to one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.extract.coref import ACTOR_KINDS, Coreference
from kb.extract.event_dates import Hosted, event_date, narrative_times, timex_hosts
from kb.extract.event_parties import NOMINAL, noun_args, verb_args, worth_keeping
from kb.extract.event_summary import headline
from kb.extract.event_triggers import event_modality, light_verb, told_alongside, trigger_type, verbs_and_nouns
from kb.lexicon import events as lex
from kb.model import GENERAL_TYPE, STATE_TYPE, UNREAL_MODALITIES, Event, Participant, Timex
from kb.nlp.event_mentions import event_marks

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kb.extract.entities import FoundEntities
    from kb.extract.sents import ParsedToken

GENERAL = GENERAL_TYPE
UNTYPED = frozenset({GENERAL_TYPE, STATE_TYPE})  # the types of events outside the taxonomy
UNREAL = frozenset(UNREAL_MODALITIES)


def find_events(doc: Doc, found: FoundEntities, timexes: list[Timex], anchor: str | None, *,
                keep_all: bool = False) -> list[Event]:
    """The events of ``doc``: every event word the recogniser found (``doc.spans["events"]``)
    and every trigger of the typed lexicon, each with its type (``"occurrence"`` or ``"state"``
    outside the taxonomy), participants, place, modality and date. Only events with a participant are
    kept, unless ``keep_all`` (the scorers date every event word)."""
    ctx = Coreference(doc, found)
    triggers: dict[int, str] = {}
    others: list[ParsedToken] = []  # verbs outside the lexicon, that may be told alongside an event
    for tok in verbs_and_nouns(doc):
        type_ = trigger_type(tok)
        if type_:
            triggers[tok.i] = type_
        elif tok.pos_ == "VERB" and tok.dep_ in ("advcl", "pcomp", "conj"):
            others.append(tok)
    for tok in [t for t in others if told_alongside(t, triggers)]:
        triggers[tok.i] = "action"
    recognised, states = event_marks(doc)
    for i in recognised:
        triggers.setdefault(i, STATE_TYPE if i in states else GENERAL)
    hosts = timex_hosts(doc, timexes, triggers)
    by_sent: dict[int, list[Hosted]] = {}
    for h in hosts:
        by_sent.setdefault(ctx.sent_of[h[1].start], []).append(h)
    narrative = narrative_times(len(ctx.sents), by_sent, anchor, ctx.tokens)

    recognised = set(recognised)
    events: list[Event] = []
    carriers = {g.i for g in (light_verb(ctx.tokens[i]) for i in triggers if ctx.tokens[i].pos_ != "VERB")
                if g is not None}
    # "is scheduled to visit", "intends to deepen", "helped X obtain": the verb a general
    # verb governs tells the event; the governing one only frames it
    carriers |= {t.head.i for t in (ctx.tokens[i] for i in triggers)
                 if t.dep_ == "xcomp" and t.head.i != t.i and t.head.pos_ == "VERB"}
    for i, type_ in sorted(triggers.items()):
        tok = ctx.tokens[i]
        if i in carriers and type_ in UNTYPED and not keep_all:
            continue  # "filed a lawsuit": the noun tells the event, the verb only carries it
        gov = light_verb(tok) if tok.pos_ != "VERB" else None
        args = noun_args(ctx, tok, gov) if tok.pos_ in NOMINAL else verb_args(ctx, tok, type_)
        if not worth_keeping(ctx, tok, type_, args):
            if type_ not in UNTYPED and (i in recognised or keep_all):
                type_ = STATE_TYPE if i in states else GENERAL  # without the parties its type needs, still an event
            if not (keep_all or worth_keeping(ctx, tok, type_, args)):
                continue
        modality = event_modality(tok, gov)
        if type_ in UNTYPED and modality in UNREAL and not keep_all:
            continue  # what the text says did not or may not happen is no event of a timeline
        here = ctx.sent_of[tok.i]
        date, date_from, date_text = event_date(ctx, tok, gov, triggers, by_sent.get(here, []),
                                           narrative[here] if here >= 0 else None, anchor, modality)
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
            summary=headline(ctx, tok, args, gov),
        ))
    return events

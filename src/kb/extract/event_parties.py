"""Who takes part in an event: the people, states, organisations and things its words
point at, read from the dependency parse.

:func:`verb_args` and :func:`noun_args` collect an event word's participants with their
roles (actor, co-actor, target, theme, location, affiliation) and its place; which entity
a word names (directly, or through "he", "it", "the company", "the two countries") is
:class:`kb.extract.coref.Coreference`'s to say.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.extract.coref import ACTOR_KINDS, THING_KINDS, Coreference, subject_of
from kb.extract.event_triggers import direct_object, is_particle, noun_type
from kb.extract.sents import ParsedToken
from kb.lexicon import events as lex
from kb.lexicon import lemma_in

NOMINAL = ("NOUN", "PROPN", "NUM", "PRON", "DET")  # event words whose parties are read as a noun phrase's
PLACE_KINDS = frozenset({"place", "state"})
OBJ_DEPS = ("dobj", "dative", "attr", "oprd")
ROLE_RANK = {"actor": 0, "co-actor": 1, "target": 2, "theme": 3, "affiliation": 4, "location": 5}


@dataclass
class Args:
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


def prep_args(ctx: Coreference, tok: ParsedToken, type_: str, args: Args) -> None:
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
                    for a in p.children:  # "in Casablanca, Morocco"
                        named = ctx.tok_ent.get(a.i) if a.dep_ == "appos" else None
                        if named and named != key and ctx.kind.get(named) == "state":
                            args.add(named, "location")
                elif word == "to" and type_ == "visit" and kind in PLACE_KINDS:
                    args.place = args.place or key
                    if kind == "state":
                        args.add(key, "target")
                elif word == "by" or c.dep_ == "agent":
                    args.add(key, "actor")
                elif word in lex.TARGET_PREPS:
                    args.add(key, "target")
                elif word == "from" and type_ in ("transaction", "material_cooperation", "aid", "visit"):
                    args.add(key, "target")
                elif word in lex.GROUP_PREPS:
                    args.add(key, "actor")
                elif word in lex.THEME_PREPS and kind not in ACTOR_KINDS:
                    args.add(key, "theme")


def _misattached_place(ctx: Coreference, tokens: list[ParsedToken], args: Args) -> None:
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


def _add_np(ctx: Coreference, tok: ParsedToken, role: str, args: Args) -> list[ParsedToken]:
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


def verb_args(ctx: Coreference, tok: ParsedToken, type_: str) -> Args:
    args = Args()
    used: list[ParsedToken] = []
    subj = subject_of(tok)
    if subj is not None:
        used += _add_np(ctx, subj, "actor", args)
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        used += _add_np(ctx, tok.head, "theme", args)
    for c in tok.children:
        if c.dep_ == "nsubjpass":
            used += _add_np(ctx, c, "theme" if type_ != "visit" else "target", args)
        elif c.dep_ in OBJ_DEPS:
            used += _add_np(ctx, c, "target", args)
    obj = direct_object(tok)
    if obj is not None and obj.pos_ != "PRON":
        args.objects = [obj]
        # "broke off relations with Rabat", "opened an office in Rabat": the object's
        # phrases name the other party and the place
        prep_args(ctx, obj, type_, args)
        if obj.lemma_.lower() in lex.STAKE_OBJECTS:
            for c in obj.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "of"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            _add_np(ctx, p, "target", args)
    prep_args(ctx, tok, type_, args)
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


def noun_args(ctx: Coreference, tok: ParsedToken, gov: ParsedToken | None) -> Args:
    args = Args()
    lemma = tok.lemma_.lower()
    type_ = noun_type(tok) or ""
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
                    prep_args(ctx, p, type_, args)
                    continue
                _add_np(ctx, p, "target" if patient else "actor", args)
        elif c.dep_ == "acl" and c.tag_ == "VBN":
            for a in c.children:
                if a.dep_ == "agent" or (a.dep_ == "prep" and a.lower_ == "by"):
                    for p in a.children:
                        if p.dep_ == "pobj":
                            _add_np(ctx, p, "actor", args)
    prep_args(ctx, tok, type_, args)
    if gov is not None:
        if not any(r in ("actor", "co-actor") for _, r in args.roles):
            subj = subject_of(gov)
            if subj is not None:
                _add_np(ctx, subj, "actor", args)
            elif lemma_in(gov, lex.SCHEDULING):  # "It is slated for release": what is released
                scheduled = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
                if scheduled is not None:
                    _add_np(ctx, scheduled, "theme", args)
        prep_args(ctx, gov, type_, args)
    return args


def worth_keeping(ctx: Coreference, tok: ParsedToken, type_: str, args: Args) -> bool:
    kinds = ACTOR_KINDS if type_ == "statement" else ACTOR_KINDS | THING_KINDS
    if not any(ctx.kind.get(k) in kinds for k, r in args.roles):
        return False
    lemma = tok.lemma_.lower()
    if type_ != lex.VERBS.get(lemma) or any(
            is_particle(c) and (lemma, c.lower_) in lex.PHRASAL for c in tok.children):
        return True  # typed by its object or particle ("set up ties", "stepped down"), already specific
    if lemma in lex.NEEDS_TARGET and tok.pos_ == "VERB":
        if any(o.lemma_.lower() in lex.SPECIFIC_OBJECTS for o in args.objects):
            return True  # "lost its court case", "cut 2,000 jobs"
        return any(r in ("target", "theme") for _, r in args.roles)
    return True

"""Who takes part in an event: the people, states, organisations and things its words
point at, read from the dependency parse.

:class:`Context` holds what one document's events are read against: which entity each
token names, and the pools "he", "it", "the company", "the kingdom" or "the two
countries" are resolved from. :func:`verb_args` and :func:`noun_args` collect an event
word's participants with their roles (actor, co-actor, target, theme, location,
affiliation) and its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.lexicon import names as gz
from kb.extract.event_triggers import direct_object, is_particle, noun_type
from kb.extract.sents import ParsedToken, doc_sents, parsed_tokens, sentence_index
from kb.lexicon import events as lex

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kb.extract.entities import FoundEntities

NOMINAL = ("NOUN", "PROPN", "NUM", "PRON", "DET")  # event words whose parties are read as a noun phrase's
ACTOR_KINDS = frozenset({"person", "state", "organization", "group"})
# things an event may be about without anyone named acting ("iPhone 4 was released")
THING_KINDS = frozenset({"product"})
PLACE_KINDS = frozenset({"place", "state"})
SUBJ_DEPS = ("nsubj", "csubj")
PRONOUN_REACH = 4  # sentences back to look for the person a pronoun stands for
THING_REACH = 2  # and for the organisation or product "it" stands for
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


def _credit(tokens: list[ParsedToken], start: int, end: int, text: str) -> bool:
    """A news agency credited in brackets ("DETROIT (AP) —", "(Reuters)"): the story's
    source, never a party to what it tells."""
    return text in gz.NEWS_AGENCIES and start > 0 and end < len(tokens) \
        and tokens[start - 1].text == "(" and tokens[end].text == ")"


class Context:
    """Per-document look-ups: token -> entity, entity -> name and kind, token -> sentence."""

    def __init__(self, doc: Doc, found: FoundEntities) -> None:
        self.doc = doc
        self.tokens = parsed_tokens(doc)
        self.sents = doc_sents(doc)
        self.sent_of = sentence_index(doc)  # token -> sentence
        self.tok_ent: dict[int, str] = {}
        self.kind: dict[str, str] = {}
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
                if c.dep_ == "prep" and c.lower_ in ("of", "at"):  # "production at GM plants"
                    p = next((g for g in c.children if g.dep_ == "pobj"), None)
                    named = [p, *(g for g in p.children if g.dep_ == "compound")] if p is not None else []
                    key = next((self.tok_ent[g.i] for g in named if g.i in self.tok_ent), None)
                    if key is not None and self.kind.get(key) in owners:
                        return key
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
            if lemma in lex.PRODUCT_REFERENCES:
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
        own_subj = subject_of(clause) if clause is not None else None
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
            # "the two countries", "both nations": the last two states named together
            # ("Israel and Morocco"), else the last two named
            here = self.sent_of[tok.i]
            for i, key in reversed(self.states_named):
                if i >= tok.left_edge.i or here - self.sent_of[i] > PRONOUN_REACH:
                    continue
                pair = [self.tok_ent.get(c.i) for c in self.tokens[i].conjuncts]
                pair = [k for k in pair if k and k != key and self.kind.get(k) == "state"]
                if len(pair) == 1:
                    first, second = sorted([(i, key), (min(c.i for c in self.tokens[i].conjuncts), pair[0])])
                    return [(first[1], False), (second[1], True)]
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


def subject_of(tok: ParsedToken) -> ParsedToken | None:
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
        if cur.dep_ in ("acl", "xcomp") and cur.tag_ == "VB" and cur.head.pos_ == "NOUN":
            # "its decision to cut prices", "Apple's plan to sell": the noun's owner acts
            owner = next((c for c in cur.head.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner
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


def prep_args(ctx: Context, tok: ParsedToken, type_: str, args: Args) -> None:
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
                elif word in ("with", "against", "on", "upon", "to", "toward", "towards"):
                    args.add(key, "target")
                elif word == "from" and type_ in ("transaction", "material_cooperation", "aid", "visit"):
                    args.add(key, "target")
                elif word in ("between", "among"):
                    args.add(key, "actor")
                elif word in ("of", "over", "about", "for") and kind not in ACTOR_KINDS:
                    args.add(key, "theme")


def _misattached_place(ctx: Context, tokens: list[ParsedToken], args: Args) -> None:
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


def _add_np(ctx: Context, tok: ParsedToken, role: str, args: Args) -> list[ParsedToken]:
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


def verb_args(ctx: Context, tok: ParsedToken, type_: str) -> Args:
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


def noun_args(ctx: Context, tok: ParsedToken, gov: ParsedToken | None) -> Args:
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
            elif lex.lemma_in(gov, lex.SCHEDULING):  # "It is slated for release": what is released
                scheduled = next((c for c in gov.children if c.dep_ == "nsubjpass"), None)
                if scheduled is not None:
                    _add_np(ctx, scheduled, "theme", args)
        prep_args(ctx, gov, type_, args)
    return args


def worth_keeping(ctx: Context, tok: ParsedToken, type_: str, args: Args) -> bool:
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

"""Within-article coreference: which entity each word of a document names.

A word names an entity directly, as part of one of its mentions (the names
:mod:`kb.extract.clusters` has made one entity per article: "Benny Gantz", "Gantz"), or
through a pronoun ("he", "it", "they"), a definite description ("the company", "the
kingdom", "the phone"), "the two countries", a relative pronoun, an apposition, a
measure's or an agent noun's owner ("Airbus's sales", "the French side"), or the capital
of a state the article names ("Rabat" for Morocco). :class:`Coreference` answers it for
every word of one document; event participants are read through it, and it reads the
article's entities, so both see one account of who is who.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.extract.sents import ParsedToken, doc_sents, parsed_tokens, sentence_index
from kb.lexicon import events as lex
from kb.lexicon import names as gz

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kb.extract.entities import FoundEntities

ACTOR_KINDS = frozenset({"person", "state", "organization", "group"})
# things an event may be about without anyone named acting ("iPhone 4 was released")
THING_KINDS = frozenset({"product"})
SUBJ_DEPS = ("nsubj", "csubj")
PRONOUN_REACH = 4  # sentences back to look for the person a pronoun stands for
THING_REACH = 2  # and for the organisation or product "it" stands for


def _credit(tokens: list[ParsedToken], start: int, end: int, text: str) -> bool:
    """A news agency credited in brackets ("DETROIT (AP) —", "(Reuters)"): the story's
    source, never a party to what it tells."""
    return text in gz.NEWS_AGENCIES and start > 0 and end < len(tokens) \
        and tokens[start - 1].text == "(" and tokens[end].text == ")"


class Coreference:
    """Per-document look-ups: token -> entity (directly or through a pronoun or a
    description), entity -> name and kind, token -> sentence."""

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
        # answers already given: event extraction asks again and again about the same
        # few words (a verb's subject, its conjuncts); only the plural pronouns' answer
        # changes as the document is read (see ``group``), so it is never kept
        self._entity_of: dict[tuple[int, int], str | None] = {}
        self._entities_of: dict[int, list[tuple[str, bool]]] = {}

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
        asked = (tok.i, depth)
        if asked not in self._entity_of:
            self._entity_of[asked] = self._entity(tok, depth)
        return self._entity_of[asked]

    def _entity(self, tok: ParsedToken, depth: int) -> str | None:
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
        if tok.lower_ in lex.PLURAL_PRONOUNS:
            return self._entities(tok)  # depends on the group named last
        if tok.i not in self._entities_of:
            self._entities_of[tok.i] = self._entities(tok)
        return list(self._entities_of[tok.i])

    def _entities(self, tok: ParsedToken) -> list[tuple[str, bool]]:
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
    return any(d == "ccomp" for d in kids) and head.lemma_.lower() in lex.RAISING_VERBS


def _compared(tok: ParsedToken) -> bool:
    """A mention only compared with: "as big as an iPod", "faster than the Mac"."""
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ in lex.COMPARISON_WORDS


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

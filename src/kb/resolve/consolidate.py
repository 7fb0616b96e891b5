"""Consolidation: the store's per-article facts made into canonical entities and merged events.

Resolution owns it end to end: it reads the local entities, events and the user's
corrections through the store, resolves them (:mod:`kb.resolve.entities`,
:mod:`kb.resolve.events`) and writes the result back through the store, which only speaks
SQL. Ingest, corrections and ``kb forget`` call :func:`consolidate` after they write.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    from kb.store import Store


def consolidate(store: Store) -> None:
    """Rebuild canonical entities and merged events from the per-article facts.

    It reads and writes in one transaction: an article or a correction committed by
    another process meanwhile waits for it and marks the store for the next one, so
    no update is lost. Rows are read in a fixed order, so the result does not depend
    on the order in which articles were ingested.
    """
    with store.transaction():
        _consolidate(store)


def forget(store: Store, documents: Iterable[str]) -> list[str]:
    """Remove articles (by id or path) and every fact only they gave, then consolidate
    again; returns the ids removed."""
    removed = store.forget(documents)
    consolidate(store)
    return removed


def _consolidate(store: Store) -> None:
    from kb.resolve.entities import Correction, LocalRecord, resolve_entities
    from kb.resolve.events import EventRecord, merge_events

    # Every row brings fresh copies of strings that repeat across a corpus (article
    # ids, names, types, dates): one shared copy of each keeps the peak down.
    pool: dict[Any, Any] = {}

    def one(value: Any) -> Any:
        return pool.setdefault(value, value)

    records = [
        LocalRecord(one(r[0]), one(r[1]), one(r[2]), one(r[3]),
                    [one(a) for a in json.loads(r[4] or "[]")], r[5], bool(r[6]))
        for r in store.local_entity_rows()
    ]
    corrections = [Correction(r["op"], r["a"], r["b"]) for r in store.correction_log()]
    res = resolve_entities(records, corrections)
    del records  # freed before events are merged: the two would otherwise peak together
    members = res.members
    participants: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for r in store.event_participant_rows():
        eid = members.get((r[0], r[2]))
        if eid:
            participants.setdefault((one(r[0]), r[1]), []).append((eid, one(r[3])))
    published = {one(r[0]): one(r[1]) for r in store.publication_rows()}
    event_records = [
        EventRecord(one(r[0]), r[1], one(r[2]), one(r[3]), participants.get((r[0], r[1]), []),
                    one(r[4]), one(r[5]), one(r[6]), one(r[7]), published.get(r[0]),
                    one(r[8]), date_from=one(r[9]), sentence=r[10] if r[10] is not None else -1)
        for r in store.event_rows()
    ]
    pool.clear()
    merged = merge_events(event_records)
    del event_records  # freed before the links are built: the two would otherwise peak together
    place_rows = store.event_place_rows()
    links: set[tuple[str, str, str]] = set()
    for (article, key), parts in participants.items():
        event = merged.get((article, key))
        if event:
            links.update((event, eid, role) for eid, role in parts)
    for article, key, place in place_rows:
        event, eid = merged.get((article, key)), members.get((article, place))
        if event and eid:
            links.add((event, eid, "place"))
    store.write_consolidation(
        entities=((e.id, e.name, e.kind, json.dumps(e.aliases), e.mentions, int(e.doubtful))
                  for e in res.entities.values()),
        names=((n, e.id) for e in res.entities.values() for n in {e.name, *e.aliases}),
        entity_members=((a, k, e) for (a, k), e in members.items()),
        event_members=((a, k, e) for (a, k), e in merged.items()),
        event_entities=sorted(links),
    )

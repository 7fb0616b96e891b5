"""Consolidation: the store's per-article facts made into canonical entities and merged events.

Resolution owns it end to end: it reads the local entities, events and the user's
corrections through the store, resolves them (:mod:`kb.resolve.entities`,
:mod:`kb.resolve.events`) and writes the result back through the store, which only speaks
SQL. Ingest, corrections and ``kb forget`` call :func:`consolidate` after they write.

It streams, so its memory does not grow with the corpus's articles: entity resolution
holds one entry per distinct name, not per local entity, and writes each local entity's
canonical id as it reads the local entities a second time; events come from SQLite sorted
into blocks that cannot merge with each other (:func:`kb.resolve.events.reach`), and each
block is merged and written before the next is read.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    import sqlite3

    from kb.resolve.entities import LocalRecord
    from kb.resolve.events import EventRecord
    from kb.store import Store

# the block key of an event with no participant, which merges with no other
ALONE = ""


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
    from kb.resolve import entities

    store.clear_consolidation()
    corrections = [entities.Correction(r["op"], r["a"], r["b"]) for r in store.correction_log()]
    res = entities.resolve_entities(_local_records(store), corrections, members=False)
    store.write_entities(
        ((e.id, e.name, e.kind, json.dumps(e.aliases), e.mentions, int(e.doubtful)) for e in res.entities.values()),
        ((n, e.id) for e in res.entities.values() for n in {e.name, *e.aliases}),
    )
    store.write_entity_members((r[0], r[1], res.id_of(r[2], r[3])) for r in store.local_entity_rows())
    del res  # freed before events are merged: the two would otherwise peak together
    _merge_events(store)
    store.finish_consolidation()


def _local_records(store: Store) -> Iterator[LocalRecord]:
    from kb.resolve.entities import LocalRecord

    for r in store.local_entity_rows():
        yield LocalRecord(r[0], r[1], r[2], r[3], json.loads(r[4] or "[]"), r[5], bool(r[6]))


def _merge_events(store: Store) -> None:
    """Merge the events block by block, writing each block's merged events, their tellings
    and participants before reading on (the links sorted, so each event's rows come in the
    order they always have)."""
    from kb.resolve.events import event_id, merge_events

    by_stem = store.events_of_unknown_date()
    kinds = store.entity_kinds()
    for block in _blocks(store.event_rows_by(_block_key)):
        if len(block) == 1 and not block[0][0].participants:
            record = block[0][0]
            merged = {(record.article, record.key): event_id(record.article, record.key)}
        else:
            merged = merge_events([record for record, _, _ in block], by_stem=by_stem, kinds=kinds)
        links: set[tuple[str, str, str]] = set()
        told = {}
        for record, place, cameo in block:
            event = merged[(record.article, record.key)]
            links.update((event, eid, role) for eid, role in record.participants)
            if place:
                links.add((event, place, "place"))
            told[(record.article, record.key)] = (record, cameo)
        tellings = [_telling(event, *told[member]) for member, event in merged.items()]
        store.write_events(tellings, sorted(links))


def _telling(event: str, r: EventRecord, cameo: str | None) -> tuple[Any, ...]:
    """What the store keeps of a merged event's telling (:meth:`kb.store.Store.write_events`)."""
    return (event, r.article, r.key, r.type, cameo, r.modality, r.value, r.precision, r.start, r.end, r.date_from,
            r.published, r.sentence)


def _blocks(rows: Iterable[sqlite3.Row]) -> Iterator[list[tuple[EventRecord, str | None, str | None]]]:
    """Records (with their place and CAMEO code) in blocks that merge apart, from rows in block-key order:
    a block ends where the next record's family differs or its first year comes after
    the last year of every record before it."""
    block: list[tuple[EventRecord, str | None, str | None]] = []
    family, last = None, -1
    for row in rows:
        *fields, place, participants, cameo, key = row  # as Store.event_rows_by gives them
        item = (_event_record(fields, participants), place, cameo)
        if key == ALONE:
            yield [item]
            continue
        fam, first, end = key.rsplit("\x1f", 2)
        if block and (fam != family or int(first) > last):
            yield block
            block = []
        if not block:
            family, last = fam, -1
        last = max(last, int(end))
        block.append(item)
    if block:
        yield block


def _event_record(fields: list[Any], participants: str) -> EventRecord:
    from kb.resolve.events import EventRecord

    article, key, type_, trigger, value, precision, start, end, modality, date_from, sentence, published = fields
    return EventRecord(article, key, type_, trigger, [(eid, role) for eid, role in json.loads(participants)], value,
                       precision, start, end, published, modality, date_from=date_from,
                       sentence=sentence if sentence is not None else -1)


def _block_key(type_: str, trigger: str, precision: str | None, start: str | None, end: str | None,
               date_from: str | None, published: str | None, participants: str) -> str:
    """An event's family and years (:func:`kb.resolve.events.reach`) as text that sorts the
    records of one family by their first year, or ``ALONE``."""
    from kb.resolve.events import reach_of

    if participants == "[]":
        return ALONE
    family, first, last = reach_of(type_, trigger, precision, start, end, date_from, published)
    # a separator inside a family name could only join two families' keys, which merge apart anyway
    return f"{family.replace(chr(31), ' ')}\x1f{first:05d}\x1f{last:05d}"

"""User corrections of entity resolution: recorded apart from extracted facts, replayed
on every consolidation so they survive re-ingest.

An entity is named by its id or its exact canonical name (any case); failing both, by
any name :func:`kb.queries.find_entities` finds, when that is one entity. ``unmerge``
undoes the user's own merges of an entity: it drops them from the record, so re-ingest
no longer replays them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from kb.errors import KbError
from kb.queries import find_entities
from kb.resolve.consolidate import consolidate
from kb.store import Store

OPS = ("merge", "unmerge", "alias", "rename")


def _listing(rows: list[sqlite3.Row]) -> str:
    return ", ".join(f"{r['name']} ({r['kind']}, id {r['id']})" for r in rows[:5])


def entity_for(store: Store, name: str) -> sqlite3.Row:
    """The one entity ``name`` designates: an id, an exact canonical name, else an unambiguous name."""
    row = store.entity(name.strip())
    if row is not None:
        return row
    wanted = " ".join(name.split()).lower()
    exact = [r for r in store.entities_named(wanted) if r["name"].lower() == wanted]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise KbError(f"{name!r} is the name of several entities: {_listing(exact)}; give the id")
    rows = find_entities(store, name)
    if len(rows) > 1:
        raise KbError(f"{name!r} matches several entities: {_listing(rows)}; give the exact canonical name or the id")
    return rows[0]


def _reference(store: Store, row: sqlite3.Row) -> str:
    """How a correction records an entity: its canonical name, or its id when another
    entity has the same name."""
    same = [r for r in store.entities_named(row["name"]) if r["name"].lower() == row["name"].lower()]
    return row["name"] if len(same) <= 1 else row["id"]


def _names_of(row: sqlite3.Row) -> set[str]:
    import json

    return {n.lower() for n in [row["name"], *json.loads(row["aliases"] or "[]")]} | {row["id"]}


def apply(store: Store, op: str, a: str, b: str | None = None) -> dict[str, Any]:
    """Record one correction (or, for ``unmerge``, drop the user's merges) and rebuild the
    canonical entities; returns what was done."""
    if op not in OPS:
        raise KbError(f"unknown correction {op!r}; one of {', '.join(OPS)}")
    target = entity_for(store, a)
    name = target["name"]
    if op == "unmerge":
        return _unmerge(store, target)
    if op == "merge":
        assert b is not None
        other = entity_for(store, b)
        if other["id"] == target["id"]:
            raise KbError(f"{a!r} and {b!r} are already one entity ({name})")
        b = _reference(store, other)
        shown = other["name"]
    else:
        if not b or not b.strip():
            raise KbError(f"the new name for {name!r} is empty")
        b = " ".join(b.split())
        shown = b
    store.add_correction(op, _reference(store, target), b)
    consolidate(store)
    messages = {
        "merge": f"merged {shown!r} into {name!r}",
        "alias": f"{shown!r} is now a name of {name!r}",
        "rename": f"renamed {name!r} to {shown!r}",
    }
    return {"op": op, "entity": name, "other": shown, "message": messages[op]}


def _unmerge(store: Store, target: sqlite3.Row) -> dict[str, Any]:
    """Drop every merge the user recorded into or out of ``target``."""
    names = _names_of(target)
    undone = [c for c in store.correction_log()
              if c["op"] == "merge" and (c["a"].lower() in names or (c["b"] or "").lower() in names)]
    if not undone:
        raise KbError(f"{target['name']!r} has no merge of yours to undo (kb merge records one; "
                      "what extraction joined stays joined)")
    store.remove_corrections(c["id"] for c in undone)
    consolidate(store)
    others = [c["b"] if c["a"].lower() in names else c["a"] for c in undone]
    return {"op": "unmerge", "entity": target["name"], "other": others,
            "message": f"undid {len(undone)} merge{'s' if len(undone) > 1 else ''} of {target['name']!r}: "
                       + ", ".join(repr(o) for o in others)}

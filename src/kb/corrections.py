"""User corrections of entity resolution: recorded apart from extracted facts, replayed
on every consolidation so they survive re-ingest."""

from __future__ import annotations

from typing import Any

from kb.errors import KbError
from kb.queries import find_entities
from kb.store import Store

OPS = ("merge", "unmerge", "alias", "rename")


def apply(store: Store, op: str, a: str, b: str | None = None) -> dict[str, Any]:
    """Record one correction and rebuild canonical entities; returns what was done."""
    if op not in OPS:
        raise KbError(f"unknown correction {op!r}; one of {', '.join(OPS)}")
    target = find_entities(store, a)
    if len(target) > 1 and op != "alias":
        names = ", ".join(f"{r['name']} ({r['kind']})" for r in target[:5])
        raise KbError(f"{a!r} matches several entities: {names}; use the full canonical name")
    name = target[0]["name"]
    if op == "merge":
        assert b is not None
        other = find_entities(store, b)
        if len(other) > 1:
            raise KbError(f"{b!r} matches several entities; use the full canonical name")
        if other[0]["id"] == target[0]["id"]:
            raise KbError(f"{a!r} and {b!r} are already one entity ({name})")
        b = other[0]["name"]
    store.add_correction(op, name, b)
    store.consolidate()
    messages = {
        "merge": f"merged {b!r} into {name!r}",
        "unmerge": f"split {name!r} back into what extraction found",
        "alias": f"{b!r} is now a name of {name!r}",
        "rename": f"renamed {name!r} to {b!r}",
    }
    return {"op": op, "entity": name, "other": b, "message": messages[op]}

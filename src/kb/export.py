"""Exports of the knowledge base and drawings of it."""

from __future__ import annotations

from typing import Any


def timeline_html(events: list[Any], path: str, *, title: str) -> None:
    raise NotImplementedError("timeline pages are not available yet")

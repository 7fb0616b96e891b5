"""Commands for exploring and sharing the knowledge base: path, graph, export."""

from __future__ import annotations

import click


def register(main: click.Group) -> None:
    """Add the exploring commands to the ``kb`` group."""

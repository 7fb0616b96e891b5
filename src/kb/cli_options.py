"""Options and helpers shared by every `kb` command module."""

from __future__ import annotations

from typing import Any, Callable

import click

from kb.model import ENTITY_KINDS

KINDS = ENTITY_KINDS


def db_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db", "db_path", envvar="KB_DB", default="kb.db", show_default=True, type=click.Path(dir_okay=False),
        help="Knowledge base file (also KB_DB).",
    )(func)


def json_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts instead of tables.")(func)


def open_store(db_path: str, *, readonly: bool = True) -> Any:
    from kb.store import Store

    return Store(db_path, readonly=readonly)

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


def out_file(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An output file option or argument: its folder must exist (checked before any work)."""
    import os

    if value is None:
        return None
    folder = os.path.dirname(os.path.abspath(value))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"cannot write {value!r}: no folder {folder!r}")
    if os.path.isdir(value):
        raise click.BadParameter(f"{value!r} is a folder; give a file name")
    return value


def check_range(date_from: Any, date_to: Any) -> None:
    """``--from`` must not come after ``--to``."""
    if date_from is not None and date_to is not None and (date_from.start or "") > (date_to.end or "9999"):
        raise click.BadParameter(f"--from {date_from.value} is after --to {date_to.value}", param_hint="'--from'")

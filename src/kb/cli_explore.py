"""Commands for exploring and sharing the knowledge base: path, graph, export, completion.

networkx and matplotlib are imported inside the commands that draw or export, never when
the ``kb`` group loads, so the query commands start fast.
"""

from __future__ import annotations

import os
from typing import Any

import click

from kb.cli_options import KINDS, name_arg
from kb.cli_options import db_option as _db_option
from kb.cli_options import json_option as _json_option
from kb.cli_options import open_store as _open
from kb.cli_options import out_file as _out_file

EXPORT_FORMATS = ("graphml", "gexf", "json", "neo4j")
SHELLS = ("bash", "zsh", "fish")


def complete_entity(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[Any]:
    """Shell completion of entity names from the chosen store; silent when there is none."""
    from click.shell_completion import CompletionItem

    db_path = ctx.params.get("db_path") or os.environ.get("KB_DB") or "kb.db"
    if not os.path.isfile(db_path):
        return []
    try:
        with _open(db_path, quiet=True) as store:
            names = store.entity_names()
    except Exception:  # noqa: BLE001 - completion must never break the shell
        return []
    low = incomplete.lower()
    hits = sorted({n for n in names if n.lower().startswith(low)}, key=str.lower)
    return [CompletionItem(n) for n in hits[:50]]


def _pick(store: Any, name: str, kind: str | None) -> list[Any]:
    from kb.queries import find_entities

    return find_entities(store, name, kind=kind, include_doubtful=False)


def register(main: click.Group) -> None:
    """Add the exploring commands to the ``kb`` group."""
    main.add_command(path)
    main.add_command(graph)
    main.add_command(export)
    main.add_command(completion)


# --- path ------------------------------------------------------------------------------


@click.command()
@click.argument("a", metavar="A", shell_complete=complete_entity, callback=name_arg)
@click.argument("b", metavar="B", shell_complete=complete_entity, callback=name_arg)
@click.option("--max", "max_paths", type=click.IntRange(1, 50), default=3, show_default=True,
              help="At most this many paths, best first.")
@click.option("--max-steps", type=click.IntRange(1, 20), default=6, show_default=True,
              help="Ignore paths longer than this many steps.")
@_db_option
@_json_option
def path(a: str, b: str, max_paths: int, max_steps: int, db_path: str, as_json: bool) -> None:
    """How two entities are connected: the shortest chains of facts between A and B.

    Each step names the fact (a role, taking part in an event, signing an agreement, or
    being named in the same sentence) and the sentences behind it. Stated facts are
    preferred over shared sentences. Quote names of several words: kb path "Benny Gantz" Morocco.
    """
    from kb import render
    from kb.graph import build_graph, paths

    with _open(db_path) as store:
        a_ids = [r["id"] for r in _pick(store, a, None)]
        b_ids = [r["id"] for r in _pick(store, b, None)]
        found = paths(build_graph(store), a_ids, b_ids, max_paths=max_paths, max_steps=max_steps)
    if as_json:
        render.print_json({"query": {"from": a, "to": b}, "paths": found})
        return
    if not found:
        render.err.print(render.safe(f"no connection found between {a!r} and {b!r}"))
        return
    from rich.text import Text

    for n, steps in enumerate(found, 1):
        line = Text(f"{n}. ", style="bold")
        line.append(render.clean(steps[0]["from"]), style="bold")
        for s in steps:
            line.append(render.clean(f" —{s['relation']}→ "), style="magenta")
            line.append(render.clean(_short(s["to"])), style="bold" if s["to_kind"] != "event" else "")
        render.out.print(line)
        shown: set[tuple[str, Any]] = set()
        for s in steps:
            src = s["sources"][0] if s["sources"] else None
            if src and (src["document"], src["start_char"]) not in shown:
                shown.add((src["document"], src["start_char"]))
                more = f" (+{len(s['sources']) - 1} more)" if len(s["sources"]) > 1 else ""
                render.out.print(Text(render.clean(f"   “{src['sentence']}” — {src['document']}{more}"), style="dim"))


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --- graph -----------------------------------------------------------------------------


@click.command()
@click.argument("name", nargs=-1, required=True, shell_complete=complete_entity, callback=name_arg)
@click.option("--depth", type=click.IntRange(1, 4), default=2, show_default=True,
              help="Steps from the entity to include.")
@click.option("--max-nodes", type=click.IntRange(2, 1000), default=60, show_default=True,
              help="Keep at most this many nodes, the most strongly linked first.")
@click.option("--kind", type=click.Choice(KINDS), help="Only entities of this kind match NAME.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False), metavar="FILE", callback=_out_file,
              help="Write a self-contained interactive page (opens offline in any browser).")
@click.option("--png", "png_path", type=click.Path(dir_okay=False), metavar="FILE", callback=_out_file,
              help="Write a still picture (at most 30 nodes, the most strongly linked; events unlabelled "
                   "when many).")
@_db_option
@_json_option
def graph(name: tuple[str, ...], depth: int, max_nodes: int, kind: str | None, html_path: str | None,
          png_path: str | None, db_path: str, as_json: bool) -> None:
    """Draw an entity's neighbourhood: the people, states, events and agreements around it.

    Nodes are coloured by kind and sized by mentions; edges are labelled with the fact
    behind them. In the --html page a click on a node shows its profile and a click on an
    edge its sources. With --json the neighbourhood is printed as node-link JSON.
    """
    from kb import render
    from kb.graph import build_graph, neighbourhood, node_link

    if not (html_path or png_path or as_json):
        raise click.UsageError("say where to draw it: --html FILE, --png FILE, or --json")
    query = " ".join(name)
    with _open(db_path) as store:
        rows = _pick(store, query, kind)
        center = rows[0]
        whole = build_graph(store)
        sub = neighbourhood(whole, center["id"], depth, max_nodes=max_nodes)
        profiles = _profiles(store, sub) if html_path else {}
    if len(rows) > 1:
        others = ", ".join(f"{r['name']} ({r['kind']})" for r in rows[1:6])
        render.err.print(render.safe(f"drawing {center['name']} ({center['kind']}); also matching: {others}"))
    title = f"{center['name']}: neighbourhood, depth {depth}"
    if html_path:
        from kb.draw import graph_html

        graph_html(sub, html_path, title=title, center=center["id"], profiles=profiles)
        render.err.print(render.safe(f"{sub.number_of_nodes()} nodes, {sub.number_of_edges()} edges drawn in {html_path}"))
    if png_path:
        from kb.draw import PNG_MAX_NODES, graph_png

        still = sub
        if sub.number_of_nodes() > PNG_MAX_NODES:
            still = neighbourhood(whole, center["id"], depth, max_nodes=PNG_MAX_NODES)
        graph_png(still, png_path, title=title, center=center["id"])
        shown = f" ({still.number_of_nodes()} of {sub.number_of_nodes()} nodes, the most strongly linked)" \
            if still is not sub else ""
        render.err.print(render.safe(f"picture in {png_path}{shown}"))
    if as_json:
        render.print_json({"query": query, "center": center["id"], "depth": depth, **node_link(sub)})


def _profiles(store: Any, sub: Any, *, max_events: int = 40) -> dict[str, Any]:
    """What a click on each node shows: an entity's profile, or an event with its sources."""
    from kb.queries import event_views, profile, to_json

    out: dict[str, Any] = {}
    event_ids = [n for n, d in sub.nodes(data=True) if d.get("kind") == "event"]
    for v in event_views(store, event_ids):
        out[v.id] = {"event": to_json(v)}
    for n, d in sub.nodes(data=True):
        if d.get("kind") == "event":
            continue
        row = store.entity(n)
        if row is None:
            continue
        out[n] = to_json(profile(store, row, events=max_events))
    return out


# --- export ----------------------------------------------------------------------------


@click.command()
@click.argument("target", metavar="DIR_OR_FILE", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS),
              help="graphml / gexf (Gephi, networkx), json (node-link), neo4j (CSV for neo4j-admin import); "
                   "default: from the file's extension (.graphml, .gexf, .json).")
@_db_option
@_json_option
def export(target: str, fmt: str | None, db_path: str, as_json: bool) -> None:
    """Write the whole knowledge graph for other tools; every fact keeps its sources.

    GraphML and GEXF open in Gephi and networkx (sources as a JSON string attribute);
    json is networkx node-link data; neo4j writes nodes.csv and relationships.csv into the
    folder DIR_OR_FILE, ready for `neo4j-admin database import full`. Without --format the
    file's extension says which: kb export kb.graphml.
    """
    from kb import render
    from kb.export import export as run_export
    from kb.export import format_of

    if fmt is None:
        fmt = format_of(target)
        if fmt is None:
            raise click.UsageError(f"say which format: --format {'|'.join(EXPORT_FORMATS)}, or a file name "
                                   "ending .graphml, .gexf or .json")

    with _open(db_path) as store:
        report = run_export(store, fmt, target)
    if as_json:
        render.print_json({"format": report.format, "paths": report.paths, "nodes": report.nodes,
                           "edges": report.edges})
    else:
        render.err.print(render.safe(f"{report.nodes} nodes, {report.edges} edges → {', '.join(report.paths)}"))


# --- completion ------------------------------------------------------------------------


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    \b
      eval "$(kb completion bash)"                     # in ~/.bashrc
      eval "$(kb completion zsh)"                      # in ~/.zshrc
      kb completion fish > ~/.config/fish/completions/kb.fish
    """
    from click.shell_completion import get_completion_class

    root = click.get_current_context().find_root()
    cls = get_completion_class(shell)
    if cls is None:  # pragma: no cover - click knows all three
        raise click.BadParameter(f"unsupported shell {shell}")
    click.echo(cls(root.command, {}, "kb", "_KB_COMPLETE").source())

"""Terminal rendering with rich: the CLI's look, kept apart from its parsing."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from kb.model import readable_date
from kb.queries import EventView, Profile

out = Console(highlight=False, soft_wrap=False)
ROWS = 50  # rows a terminal table shows; --json gives everything
EVENT_ROWS = 25  # events a terminal timeline shows (each is several lines); --limit to change
err = Console(stderr=True, highlight=False, soft_wrap=True)  # a message stays one line, however long

# Control characters from articles, ids or file names would reach the terminal raw and
# could clear it, recolour it or retitle the window: they are shown escaped instead ("\x1b").
_CONTROLS = {c: f"\\x{c:02x}" for c in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0))}
_JSON_CONTROLS = {c: f"\\u{c:04x}" for c in (0x7F, *range(0x80, 0xA0))}


def clean(text: Any) -> str:
    """``text`` with every control character but newline and tab shown as an escape."""
    return str(text).translate(_CONTROLS)


def safe(text: Any) -> str:
    """:func:`clean` text that is also safe inside rich markup."""
    return escape(clean(text))


def print_json(data: Any) -> None:
    """JSON on stdout, nothing else: for scripts."""
    import sys

    # json escapes C0 controls itself; DEL and C1 controls are escaped here (same data).
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2).translate(_JSON_CONTROLS) + "\n")


def more(hidden: int) -> None:
    """Say how many rows a table left out."""
    if hidden > 0:
        err.print(f"… {hidden} more (narrow the question, or use --json for all)")


def _when(v: EventView) -> str:
    if not v.date:
        return "undated"
    if v.date_from == "published":
        return f"{readable_date(v.date)} (reported)"
    return readable_date(v.date)


def events_lines(events: list[EventView]) -> Text:
    """One line per event: date, summary, how many sources."""
    lines = Text()
    for v in events:
        lines.append(f"{clean(_when(v)):<24}", style="cyan")
        lines.append(clean(v.summary or v.trigger))
        if v.modality != "asserted":
            lines.append(f"  [{clean(v.modality)}]", style="yellow")
        lines.append(f"  ({len(v.sources)})\n", style="dim")
    lines.rstrip()
    return lines


def events_table(events: list[EventView], *, title: str | None = None) -> Table:
    table = Table(title=title, show_lines=False, title_justify="left", expand=False)
    table.add_column("date", no_wrap=True, style="cyan")
    table.add_column("type", no_wrap=True, style="magenta")
    table.add_column("event")
    table.add_column("src", justify="right", style="dim")
    for v in events:
        text = Text(clean(v.summary or v.trigger))
        if v.modality != "asserted":
            text.append(f"  [{clean(v.modality)}]", style="yellow")
        if v.sources:
            text.append("\n“" + clean(v.sources[0].sentence) + "”", style="dim")
        table.add_row(Text(clean(_when(v))), Text(clean(v.type)), text, str(len(v.sources)))
    return table


def profile(p: Profile) -> None:
    head = Text()
    head.append(clean(p.name), style="bold")
    head.append(f"  {clean(p.kind)}", style="magenta")
    head.append(f"  {_count(p.mentions, 'mention')} in {_count(len(p.documents), 'article')}", style="dim")
    lines: list[Any] = [head]
    if p.aliases:
        lines.append(Text(clean("also: " + ", ".join(p.aliases)), style="dim"))
    if p.states:
        lines.append(Text(clean("state: " + ", ".join(p.states))))
    for r in p.roles:
        role = ("former " if r["former"] else "") + r["title"] + (f" of {r['of']}" if r["of"] else "")
        n = len(r["sources"])
        lines.append(Text(clean(f"role: {role}  ({n} source{'' if n == 1 else 's'})")))
    if p.related:
        rel = Table.grid(padding=(0, 2))
        for r in p.related[:10]:
            rel.add_row(safe(r["name"]), safe(r["kind"]), safe(r["relation"]), str(r["weight"]))
        lines.append(Text("related:", style="bold"))
        lines.append(rel)
    from rich.console import Group

    out.print(Panel(Group(*lines), expand=False))
    if p.events:
        out.print(events_table(p.events, title=f"events involving {safe(p.name)}"))
    more(p.events_total - len(p.events))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def other_matches(others: list[dict[str, Any]]) -> None:
    """The matches not shown in full, one line each."""
    if not others:
        return
    table = Table(title=f"{len(others)} other matches (kb who NAME for one, --all for every one in full)",
                  title_justify="left")
    for col in ("name", "kind", "mentions"):
        table.add_column(col, justify="right" if col == "mentions" else "left")
    for r in others[:ROWS]:
        table.add_row(safe(r["name"]), safe(r["kind"]), str(r["mentions"]))
    out.print(table)
    more(len(others) - ROWS)


def entities_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(title_justify="left")
    for col in ("name", "kind", "mentions", "aliases"):
        table.add_column(col, justify="right" if col == "mentions" else "left")
    for r in rows:
        table.add_row(safe(r["name"]), safe(r["kind"]), str(r["mentions"]), safe(", ".join(r["aliases"][:6])))
    return table


def agreements_table(rows: list[dict[str, Any]]) -> Table:
    table = Table(expand=True)
    table.add_column("date", no_wrap=True, style="cyan")
    table.add_column("agreement", ratio=5)
    table.add_column("parties", ratio=2)
    table.add_column("signatories", ratio=2)
    table.add_column("src", justify="right", style="dim")
    for r in rows:
        name = Text(clean(r["name"]))
        if r["sources"]:  # the sentence that states it, as the events table shows theirs
            name.append("\n“" + clean(r["sources"][0]["sentence"]) + "”", style="dim")
        table.add_row(safe(r["date"] or ""), name, safe(", ".join(r["parties"])),
                      safe(", ".join(r["signatories"])), str(len(r["sources"])))
    return table


def stats_table(s: dict[str, Any]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_row("articles", str(s["articles"]))
    table.add_row("sentences", str(s["sentences"]))
    for kind, n in s["entities"].items():
        table.add_row(f"entities: {safe(kind)}", str(n))
    table.add_row("events", str(s["events"]))
    return table


def search_table(hits: list[dict[str, Any]]) -> Table:
    table = Table()
    table.add_column("published", no_wrap=True, style="cyan")
    table.add_column("sentence")
    table.add_column("document", style="dim")
    for h in hits:
        ents = ", ".join(e["name"] for e in h["entities"])
        text = Text(clean(h["sentence"]))
        if ents:
            text.append(f"\n[{clean(ents)}]", style="dim")
        table.add_row(Text(clean(h["published"] or "")), text, Text(clean(h["document"])))
    return table


def extraction(data: dict[str, Any]) -> None:
    out.print(Text(clean(f"{data['document']}: {data['title']}"), style="bold"))
    out.print(Text(clean(f"published {data['published'] or 'unknown'} ({data['published_from'] or '-'})"), style="dim"))
    ents = Table(title="entities", title_justify="left")
    for col in ("text", "kind", "canonical", "chars"):
        ents.add_column(col)
    for e in data["entities"]:
        ents.add_row(safe(e["text"]), safe(e["kind"]), safe(e["canonical"]), f"{e['start_char']}-{e['end_char']}")
    out.print(ents)
    dates = Table(title="dates", title_justify="left")
    for col in ("text", "type", "value", "precision"):
        dates.add_column(col)
    for d in data["dates"]:
        dates.add_row(safe(d["text"]), safe(d["type"]), safe(d["value"] or "-"), safe(d["precision"] or "-"))
    out.print(dates)
    out.print(events_table([EventView(**{**e, "sources": []}) for e in data["events"]], title="events"))

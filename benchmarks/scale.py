"""Large stores for the scale benchmark, built from the facts of a small one.

Running spaCy over 50,000 articles takes most of a day on two cores, and consolidation
never reads text, only facts. So a store of N articles is built from a store that
`kb ingest` made of a few hundred generated articles (benchmarks/corpus.py), by writing
its facts again and again, each copy under its own article ids:

- each copy is moved ``era`` years later than the one before (publication days, event
  dates and values), so copies tell stretches of time of their own. The generated
  articles date events up to nine years before and five after they came out, so with the
  default 40 years the copies never meet: the large store is a ten-times-longer archive,
  not a ten-times-denser one. A smaller ``era`` makes neighbouring copies overlap.
- people's names get a letter tag per copy, a new tag for copy k when ``k ** people``
  passes the next whole number: with the default 0.6 distinct people grow about as
  distinct names do in news (ten times the articles, about four times the people); with 1
  every copy brings people of its own. States, places, organisations and companies stay
  the same in every copy, as the world's do.
- only what consolidation reads is copied: articles (with their text), local entities,
  events and their participants. Sentences, mentions, roles, time expressions and
  agreements are left out, so the search index is empty; the store is marked as needing
  consolidation.

    python benchmarks/scale.py BASE.db OUT.db --articles 50000 [--era 40] [--people 0.6]
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sqlite3
from pathlib import Path
from typing import Any, Callable

YEAR = re.compile(r"^(\d{4})(-\d\d-\d\d)?")
WORD = re.compile(r"\b([A-Z][\w'’.-]*)")
TABLES = {  # table: the columns a copy changes
    "articles": ("id", "published"),
    "local_entities": ("article", "name", "aliases"),
    "events": ("article", "value", "start", "end"),
    "event_participants": ("article",),
}


def shift_date(text: str | None, years: int) -> str | None:
    """``text`` with its leading four-digit year moved ``years`` on (a 29 February that
    falls in a common year becomes the 28th); decades written as three digits ("199")
    move by whole decades. Other text is kept."""
    if not text:
        return text
    m = YEAR.match(text)
    if m is None:
        if re.fullmatch(r"\d{3}", text) and years % 10 == 0:
            return f"{int(text) + years // 10:03d}"
        return text
    year = int(m.group(1)) + years
    rest = text[4:]
    if rest.startswith("-02-29") and not calendar.isleap(year):
        rest = "-02-28" + rest[6:]
    return f"{year:04d}{rest}"


def tag(n: int) -> str:
    """Letters that tell the ``n``-th set of people apart ("" for the first)."""
    letters = ""
    while n:
        n, r = divmod(n, 26)
        letters = "abcdefghijklmnopqrstuvwxyz"[r] + letters
    return letters


def renamer(suffix: str) -> Callable[[str], str]:
    """Every capitalised word of a name with ``suffix`` added ("Maria Keller" -> "Mariab Kellerb")."""
    if not suffix:
        return lambda name: name
    return lambda name: WORD.sub(lambda m: m.group(1) + suffix, name)


def read_base(base: Path) -> dict[str, list[dict[str, Any]]]:
    """The rows of ``base`` a copy is made of, by table, in a fixed order."""
    con = sqlite3.connect(f"file:{base}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return {table: [dict(r) for r in con.execute(f"SELECT * FROM {table} ORDER BY rowid")] for table in TABLES}
    finally:
        con.close()


def copy_rows(rows: dict[str, list[dict[str, Any]]], k: int, keep: set[str], *, era: int,
              people: float) -> dict[str, list[tuple[Any, ...]]]:
    """Copy ``k`` of the base rows of the articles ``keep``: ids, dates and people's names changed."""
    years = k * era
    rename = renamer(tag(int(k ** people)) if k else "")
    ids = {a: f"{a}#{k}" for a in keep}
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table, table_rows in rows.items():
        copied = []
        for row in table_rows:
            row = dict(row)
            article = row.get("id" if table == "articles" else "article")
            if article not in keep:
                continue
            row["id" if table == "articles" else "article"] = ids[article]
            if table == "articles":
                row["published"] = shift_date(row["published"], years)
                row["path"] = None
                row["hash"] = f"{row['hash']}#{k}"
            elif table == "events":
                for col in ("value", "start", "end"):
                    row[col] = shift_date(row[col], years)
            elif table == "local_entities" and row["kind"] == "person":
                row["name"] = rename(row["name"])
                row["aliases"] = json.dumps([rename(a) for a in json.loads(row["aliases"] or "[]")])
            copied.append(tuple(row.values()))
        out[table] = copied
    return out


def build(base: Path, out: Path, articles: int, *, era: int = 40, people: float = 0.6) -> dict[str, int]:
    """Write a store of ``articles`` articles at ``out`` from the facts of ``base``; returns
    its row counts."""
    from kb.store import Store

    rows = read_base(base)
    ids = [r["id"] for r in rows["articles"]]
    copies = -(-articles // len(ids))
    last_year = max(int(r["end"][:4]) for r in rows["events"] if r["end"] and r["end"][:4].isdigit())
    if last_year + (copies - 1) * era > 9999:
        raise SystemExit(f"{copies} copies {era} years apart go past the year 9999: use a larger base corpus")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)
    with Store(out) as store:
        db = store.db
        for k in range(copies):
            keep = set(ids[: articles - k * len(ids)])
            copied = copy_rows(rows, k, keep, era=era, people=people)
            with store.transaction():
                for table, table_rows in copied.items():
                    if table_rows:
                        marks = ",".join("?" * len(table_rows[0]))
                        db.executemany(f"INSERT INTO {table} VALUES ({marks})", table_rows)
        with store.transaction():
            db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")
        return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path, help="a store kb ingest made")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--era", type=int, default=40, help="years between copies (default 40)")
    parser.add_argument("--people", type=float, default=0.6,
                        help="distinct people grow as copies to this power (default 0.6; 1: new people every copy)")
    args = parser.parse_args()
    counts = build(args.base, args.out, args.articles, era=args.era, people=args.people)
    print(", ".join(f"{n} {table}" for table, n in counts.items()))


if __name__ == "__main__":
    main()

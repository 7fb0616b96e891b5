"""Small corpora, `kb` processes and store snapshots shared by the fault, concurrency and
hostile-input tests (imported by them; holds no tests)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

PEOPLE = ["Helga Brandt", "Kwame Asante", "Rosa Delgado", "Pavel Novotny", "Aiko Mori", "Liam Doyle"]
STATES = [("Austria", "Vienna"), ("Ghana", "Accra"), ("Chile", "Santiago"), ("Czechia", "Prague"),
          ("Japan", "Tokyo"), ("Ireland", "Dublin")]


def write_corpus(folder: Path, n: int, *, start: int = 0) -> Path:
    """``n`` short, distinct articles (numbered from ``start``), two sentences each."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + n):
        person, (state, capital) = PEOPLE[i % 6], STATES[i % 6]
        other, _ = STATES[(i + 2) % 6]
        (folder / f"story_{i:03d}.txt").write_text(
            f"{state} and {other} sign a trade deal\n\n"
            f"{capital.upper()}, May {i % 28 + 1}, 2021 — Trade Minister {person} of {state} met a delegation "
            f"from {other} in {capital} on Tuesday.\n\n"
            f"{person.split()[1]} said the two countries signed a customs agreement in {2000 + i}.\n",
            encoding="utf-8")
    return folder


def kb_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kb", *args]


def run_kb(*args: str, timeout: float = 120, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(kb_command(*args), capture_output=True, text=True, timeout=timeout, **kwargs)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The error a failed command printed: exactly one line, no traceback."""
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr, result.stderr
    assert len(lines) == 1, result.stderr
    return lines[0]


def snapshot(db: Path) -> dict[str, Any]:
    """Everything a store holds that a user can see, without row ids and timestamps, and
    SQLite's own integrity check."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        queries = {
            "articles": "SELECT id, title, published, published_from, hash, text FROM articles ORDER BY id",
            "sentences": "SELECT article, idx, start_char, end_char, text FROM sentences ORDER BY article, idx",
            "local_entities": "SELECT * FROM local_entities ORDER BY article, key",
            "mentions": "SELECT * FROM mentions ORDER BY article, start_char, entity",
            "events": "SELECT * FROM events ORDER BY article, key",
            "entities": "SELECT * FROM entities ORDER BY id",
            "entity_members": "SELECT * FROM entity_members ORDER BY article, key",
            "event_members": "SELECT * FROM event_members ORDER BY article, key",
            "event_entities": "SELECT * FROM event_entities ORDER BY event, entity, role",
            "event_heads": "SELECT * FROM event_heads ORDER BY event",
            "dirty": "SELECT value FROM meta WHERE key = 'dirty'",
            "search": "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'minister'",
            "integrity": "PRAGMA integrity_check",
        }
        return {name: [tuple(r) for r in con.execute(sql)] for name, sql in queries.items()}
    finally:
        con.close()


def committed_articles(db: Path) -> int:
    """Articles committed so far, read without taking a lock (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def wait_for(predicate: Any, *, timeout: float = 60, every: float = 0.01) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (not recursive) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def can_unshare() -> bool:
    """Whether this process may run a command in a private mount namespace (root in most CI)."""
    if os.geteuid() != 0:
        return False
    try:
        return subprocess.run(["unshare", "--mount", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False

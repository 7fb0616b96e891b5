"""Faults: an ingest killed at any point, a full disk, a read-only store, another program's
SQLite file. Each leaves what was stored intact and says what happened in one line."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from stores import can_unshare, files_in, kb_command, one_line_error, run_kb, snapshot, write_corpus

from kb.ingest import ingest
from kb.store import Store

# Runs `kb ARGS...` with one function of kb.store wrapped so that the process kills itself
# (SIGKILL, as `kill -9` would) the Nth time that function returns: a crash at a chosen point.
KILL_AT = """
import os, signal, sys
import kb.store as store

point, nth = sys.argv[1], int(sys.argv[2])
calls = 0

def wrap(func):
    def wrapped(*args, **kwargs):
        global calls
        result = func(*args, **kwargs)
        calls += 1
        if calls >= nth:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapped

if point == "migration":  # inside the transaction that creates a new store
    name, func = store.MIGRATIONS[3]
    store.MIGRATIONS[3] = (name, wrap(func))
elif point == "article":  # halfway through writing one article, its batch not committed
    store.writes._date_cols = wrap(store.writes._date_cols)
elif point == "batch":  # after the Nth article written (the first batch of 16 committed)
    store.Store.write_article = wrap(store.Store.write_article)
elif point == "consolidation":  # derived tables refilled, not committed
    store.Store.finish_consolidation = wrap(store.Store.finish_consolidation)

from kb.cli import main
main(sys.argv[3:], prog_name="kb")
"""

CORPUS_SIZE = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, nlp):
    """A small corpus and the store one uninterrupted ingest makes of it."""
    folder = write_corpus(tmp_path_factory.mktemp("faults") / "in", CORPUS_SIZE)
    reference = folder.parent / "reference.db"
    with Store(reference) as store:
        assert ingest([folder], store=store).read == CORPUS_SIZE
    return folder, snapshot(reference)


@pytest.mark.parametrize("point,nth", [("migration", 1), ("article", 3), ("batch", 17), ("consolidation", 1)])
def test_kill_9_at_any_point_then_a_rerun_equals_an_uninterrupted_ingest(tmp_path, corpus, point, nth):
    folder, reference = corpus
    db = tmp_path / "kb.db"
    killed = subprocess.run([sys.executable, "-c", KILL_AT, point, str(nth), "ingest", str(folder), "--db", str(db)],
                            capture_output=True, text=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    if point == "migration":  # the store's creation is all or nothing
        assert not db.exists() or sqlite3.connect(db).execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'meta'").fetchone()[0] == 0
    if point == "consolidation":  # every article was committed; only the derived tables are behind
        assert snapshot(db)["dirty"] == [("1",)]
        note = run_kb("stats", "--db", str(db))
        assert note.returncode == 0 and "not in these answers yet" in note.stderr

    rerun = run_kb("ingest", str(folder), "--db", str(db), "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == reference
    assert reference["integrity"] == [("ok",)] and reference["dirty"] == [("0",)]


def _limited(max_bytes: int):
    def limit() -> None:  # Python ignores SIGXFSZ: a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_bytes, max_bytes))
    return limit


def test_a_full_disk_during_ingest_is_one_line_and_loses_nothing(tmp_path, corpus, nlp):
    folder, reference = corpus
    first = tmp_path / "first"
    first.mkdir()
    for path in sorted(folder.glob("*.txt"))[:4]:
        shutil.copy(path, first)
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([first], store=store)
    before = snapshot(db)

    # No file may grow past its size now: the store and its write-ahead log fill up.
    full = subprocess.run(kb_command("ingest", str(folder), "--db", str(db)), capture_output=True, text=True,
                          timeout=120, preexec_fn=_limited(db.stat().st_size))
    line = one_line_error(full)
    assert str(db) in line and ("full" in line or "cannot write" in line), line
    after = snapshot(db)
    assert after["integrity"] == [("ok",)]
    assert set(before["articles"]) <= set(after["articles"])  # nothing already stored was lost

    rerun = run_kb("ingest", str(folder), "--db", str(db))
    assert rerun.returncode == 0, rerun.stderr
    assert snapshot(db) == reference


@pytest.mark.parametrize("fmt,target", [("json", "graph.json"), ("neo4j", "neo4j"), ("html", "graph.html"),
                                        ("png", "graph.png"), ("timeline", "timeline.html")])
def test_a_full_disk_while_writing_a_file_leaves_no_partial_file(tmp_path, corpus, nlp, fmt, target):
    folder, _ = corpus
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([folder], store=store)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text("an older export\n")
    before = files_in(out)
    args = {
        "json": ["export", "--format", "json", str(out / target)],
        "neo4j": ["export", "--format", "neo4j", str(out / target)],
        "html": ["graph", "Austria", "--html", str(out / target)],
        "png": ["graph", "Austria", "--png", str(out / target)],
        "timeline": ["timeline", "--html", str(out / target)],
    }[fmt]
    # Enough for SQLite's 32 KB shared-memory file beside the store, not for any output.
    full = subprocess.run(kb_command(*args, "--db", str(db)), capture_output=True, text=True, timeout=120,
                          preexec_fn=_limited(40_000))
    line = one_line_error(full)
    assert "cannot write" in line and target in line, line
    if fmt == "neo4j":  # neither file of the pair
        assert not any((out / target).iterdir())
    assert files_in(out) == before  # no partial file, no temporary left, the older file untouched


def _read_only(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `kb ARGS` with ``folder`` (holding the store) read-only: by permissions for a
    user, by a read-only bind mount in a private mount namespace for root."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in [folder, *folder.iterdir()]}
        for p in modes:
            p.chmod(0o555 if p.is_dir() else 0o444)
        try:
            return run_kb(*args)
        finally:
            for p, mode in modes.items():
                p.chmod(mode)
    if not can_unshare():
        pytest.skip("root without a private mount namespace cannot make a folder read-only")
    script = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'
    return subprocess.run(["unshare", "--mount", "sh", "-c", script, str(folder), *kb_command(*args)],
                          capture_output=True, text=True, timeout=120)


def test_a_read_only_store_is_refused_before_any_work_and_still_answers(tmp_path, corpus, nlp):
    folder, _ = corpus
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    db = store_dir / "kb.db"
    some = tmp_path / "some"
    some.mkdir()
    for path in sorted(folder.glob("*.txt"))[:3]:
        shutil.copy(path, some)
    with Store(db) as store:
        ingest([some], store=store)
    before = files_in(store_dir)

    refused = _read_only(store_dir, "ingest", str(folder), "--db", str(db))
    line = one_line_error(refused)
    assert "read-only" in line and str(db) in line, line
    assert "analysis" not in refused.stderr

    answered = _read_only(store_dir, "stats", "--json", "--db", str(db))
    assert answered.returncode == 0, answered.stderr
    assert '"articles": 3' in answered.stdout
    for query in (["who", "Helga Brandt"], ["timeline"], ["search", "minister"], ["entities"]):
        result = _read_only(store_dir, *query, "--db", str(db))
        assert result.returncode == 0, (query, result.stderr)
    assert files_in(store_dir) == before


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes(body) VALUES ('keep me')")
    con.commit()
    con.close()


@pytest.mark.parametrize("command", [["stats"], ["who", "Austria"], ["ingest", "IN"]])
@pytest.mark.parametrize("made", ["tables", "marked"])
def test_another_programs_sqlite_file_is_refused_untouched(tmp_path, corpus, command, made):
    folder, _ = corpus
    other = tmp_path / "other.db"
    if made == "tables":
        _foreign_sqlite(other)
    else:  # no table yet, but the program has put its version number in the header
        con = sqlite3.connect(other)
        con.execute("PRAGMA user_version = 3")
        con.close()
    empty = tmp_path / "empty.db"
    empty.touch()
    before = files_in(tmp_path)
    args = [str(folder) if a == "IN" else a for a in command]

    refused = run_kb(*args, "--db", str(other))
    line = one_line_error(refused)
    assert "not a kb store" in line and "refusing" in line, line
    if command[0] != "ingest":  # a query never makes a knowledge base of an empty file
        refused = run_kb(*args, "--db", str(empty))
        assert "empty store" in one_line_error(refused)
    assert files_in(tmp_path) == before  # same files, same bytes: no -wal, -shm, no header written


def test_a_newer_stores_refusal_changes_nothing(tmp_path, corpus, nlp):
    folder, _ = corpus
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([sorted(folder.glob("*.txt"))[0]], store=store)
    con = sqlite3.connect(db)
    con.execute("INSERT INTO migrations VALUES ('999_from_the_future', 'later')")
    con.commit()
    con.execute("PRAGMA journal_mode=DELETE")  # as a newer kb might keep it: kb must not switch it back
    con.close()
    before = files_in(tmp_path)
    line = one_line_error(run_kb("ingest", str(folder), "--db", str(db)))
    assert "newer kb" in line
    assert files_in(tmp_path) == before


def test_queries_report_a_store_left_unconsolidated_and_ingest_finishes_it(tmp_path, corpus, nlp):
    folder, reference = corpus
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([folder], store=store)
        with store.transaction() as con:  # as a crash between the last article and consolidation leaves it
            con.execute("DELETE FROM entities")
            con.execute("UPDATE meta SET value = '1' WHERE key = 'dirty'")
    shown = run_kb("entities", "--db", str(db))
    assert shown.returncode == 0 and "not in these answers yet" in shown.stderr
    again = run_kb("ingest", str(folder), "--db", str(db), "--json")
    assert again.returncode == 0, again.stderr
    assert '"unchanged": 20' in again.stdout
    assert snapshot(db) == reference
    assert "not in these answers" not in run_kb("entities", "--db", str(db)).stderr


def test_files_that_cannot_be_read_cost_only_themselves(tmp_path, nlp):
    good = write_corpus(tmp_path / "in", 2)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # opening it to read would wait for a writer
    db = tmp_path / "kb.db"
    args = [str(tmp_path / "missing.txt"), str(fifo), str(good)]
    result = run_kb("ingest", *args, "--db", str(db), "--json")
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    report = json.loads(result.stdout)
    assert report["read"] == 2 and len(report["failed"]) == 2


def test_a_store_in_a_missing_folder_is_one_line(tmp_path, corpus):
    folder, _ = corpus
    line = one_line_error(run_kb("ingest", str(folder), "--db", str(tmp_path / "nowhere" / "kb.db")))
    assert "no such folder" in line and "nowhere" in line
    assert not (tmp_path / "nowhere").exists()


def test_queries_still_answer_on_a_full_disk(tmp_path, corpus, nlp):
    folder, _ = corpus
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest(sorted(folder.glob("*.txt"))[:3], store=store)
    for args in (["stats", "--json"], ["who", "Helga Brandt", "--json"], ["search", "minister"], ["timeline"]):
        # no file may grow at all: not even SQLite's shared-memory file beside the store
        result = subprocess.run(kb_command(*args, "--db", str(db)), capture_output=True, text=True, timeout=60,
                                preexec_fn=_limited(0))
        assert result.returncode == 0, (args, result.stderr)
    assert snapshot(db)["integrity"] == [("ok",)]

"""Several kb processes on one store: two ingests, readers during an ingest, corrections
during an ingest. Nothing is lost, no reader sees an error."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import time

import pytest
from stores import kb_command, run_kb, snapshot, wait_for, write_corpus

from kb.ingest import ingest
from kb.resolve.consolidate import consolidate
from kb.store import Store


@pytest.fixture(scope="module")
def corpora(tmp_path_factory, nlp):
    """Two small corpora, and the store one ingest of their union makes."""
    root = tmp_path_factory.mktemp("concurrency")
    first = write_corpus(root / "first", 8)
    second = write_corpus(root / "second", 8, start=8)
    union = root / "union"
    for folder in (first, second):
        shutil.copytree(folder, union, dirs_exist_ok=True)
    reference = root / "reference.db"
    with Store(reference) as store:
        assert ingest([union], store=store).read == 16
    return first, second, union, snapshot(reference)


def _both(a: list[str], b: list[str]) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """Start two kb commands at the same moment; wait for both."""
    procs = [subprocess.Popen(kb_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for args in (a, b)]
    results = []
    for proc, args in zip(procs, (a, b)):
        out, err = proc.communicate(timeout=180)
        results.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return results[0], results[1]


def _finished_or_reported(result: subprocess.CompletedProcess[str]) -> None:
    """An ingest either finished or said in one line that another one holds the store."""
    assert "Traceback" not in result.stderr and "unexpected error" not in result.stderr, result.stderr
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and "another kb process" in lines[0], result.stderr


@pytest.mark.parametrize("existing", [False, True], ids=["new store", "existing store"])
def test_two_ingests_at_once_end_as_one_ingest_of_the_union(tmp_path, corpora, existing):
    first, second, union, reference = corpora
    db = tmp_path / "kb.db"
    if existing:  # a store that already holds part of both
        part = tmp_path / "part"
        part.mkdir()
        for folder in (first, second):
            for path in sorted(folder.glob("*.txt"))[:2]:
                shutil.copy(path, part)
        with Store(db) as store:
            ingest([part], store=store)
    a, b = _both(["ingest", str(first), "--db", str(db)], ["ingest", str(second), "--db", str(db)])
    _finished_or_reported(a)
    _finished_or_reported(b)
    for result, folder in ((a, first), (b, second)):
        if result.returncode != 0:  # the one reported: run again, as the user would
            assert run_kb("ingest", str(folder), "--db", str(db)).returncode == 0
    assert snapshot(db) == reference


def test_two_ingests_of_the_same_articles_at_once_into_a_new_store(tmp_path, corpora):
    first, _, _, _ = corpora
    db = tmp_path / "kb.db"
    a, b = _both(["ingest", str(first), "--db", str(db), "--json"], ["ingest", str(first), "--db", str(db), "--json"])
    _finished_or_reported(a)
    _finished_or_reported(b)
    alone = tmp_path / "alone.db"
    with Store(alone) as store:
        ingest([first], store=store)
    assert snapshot(db) == snapshot(alone)


def _has_schema(db) -> bool:
    if not db.exists():
        return False
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'event_heads'").fetchone()[0] == 1
    except sqlite3.DatabaseError:
        return False
    finally:
        con.close()


def test_readers_during_an_ingest_never_see_an_error(tmp_path, nlp):
    folder = write_corpus(tmp_path / "in", 48)  # three commits of 16 articles
    db = tmp_path / "kb.db"
    ingest_proc = subprocess.Popen(kb_command("ingest", str(folder), "--db", str(db)), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
    readers = [["who", "Helga Brandt"], ["timeline", "--country", "Austria"], ["search", "minister"],
               ["timeline", "--json"], ["who", "Austria", "--json"]]
    answered, during = 0, 0
    try:
        assert wait_for(lambda: _has_schema(db) or ingest_proc.poll() is not None, timeout=120)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (ingest_proc.poll() is None or answered < len(readers)):
            args = readers[answered % len(readers)]
            result = run_kb(*args, "--db", str(db), timeout=60)
            during += ingest_proc.poll() is None
            assert "Traceback" not in result.stderr and "locked" not in result.stderr, result.stderr
            assert "unexpected error" not in result.stderr, result.stderr
            # an answer, or "no match" while the entity is not consolidated yet
            assert result.returncode == 0 or "no entity matches" in result.stderr, (args, result.stderr)
            answered += 1
    finally:
        ingest_proc.wait(timeout=180)
    assert ingest_proc.returncode == 0, ingest_proc.stderr.read() if ingest_proc.stderr else ""
    assert during >= 3, "too few readers ran while the ingest was writing"
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        ingest([folder], store=store)
    assert snapshot(db) == snapshot(reference)


def test_corrections_during_an_ingest_lose_no_article(tmp_path, corpora):
    first, second, _, _ = corpora
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([first], store=store)
    ingest_proc = subprocess.Popen(kb_command("ingest", str(second), "--db", str(db)), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True)
    n = 0
    try:
        while ingest_proc.poll() is None and n < 40:
            result = run_kb("alias", "add", "Austria", f"Alias{n}", "--db", str(db))
            assert result.returncode == 0, result.stderr
            n += 1
    finally:
        ingest_proc.wait(timeout=180)
    assert ingest_proc.returncode == 0
    assert n >= 1
    # every stored article's entities and events are in the canonical tables
    held = snapshot(db)
    assert held["dirty"] == [("0",)]
    assert {r[0] for r in held["local_entities"]} == {r[0] for r in held["entity_members"]}
    assert len(held["local_entities"]) == len(held["entity_members"])
    assert len(held["events"]) == len(held["event_members"])
    assert len(held["articles"]) == 16
    again = run_kb("ingest", str(first), str(second), "--db", str(db), "--json")
    assert '"read": 0' in again.stdout and '"unchanged": 16' in again.stdout
    austria = run_kb("who", "Austria", "--json", "--db", str(db))
    assert all(f"Alias{i}" in austria.stdout for i in range(n))


def test_an_article_stored_while_consolidating_is_never_dropped(tmp_path, nlp, monkeypatch):
    """Another process's article, committed while consolidation computes, is either in its
    result or leaves the store marked for the next consolidation; never silently left out."""
    import threading

    import kb.resolve.entities as resolution
    from kb.corpus import read_articles
    from kb.extract import extract

    paths = sorted(write_corpus(tmp_path / "in", 3).glob("*.txt"))
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest(paths[:2], store=store)
    (late,) = list(read_articles([paths[2]]))
    facts = extract(late, nlp)
    written = threading.Event()

    def write_late_article() -> None:
        with Store(db) as other:
            other.write_article(facts, replace=False)
        written.set()

    original = resolution.resolve_entities

    def resolve_while_another_writes(*args, **kwargs):
        writer = threading.Thread(target=write_late_article)
        writer.start()
        written.wait(timeout=2)  # it writes at once, or waits for this consolidation to commit
        return original(*args, **kwargs)

    monkeypatch.setattr(resolution, "resolve_entities", resolve_while_another_writes)
    with Store(db) as store:
        consolidate(store)
    assert written.wait(timeout=60)
    held = snapshot(db)
    consolidated = late.doc_id in {r[0] for r in held["entity_members"]}
    assert consolidated or held["dirty"] == [("1",)]


def test_a_writer_held_up_too_long_says_so_in_one_line(tmp_path, nlp, monkeypatch):
    import kb.store.connection
    from kb.errors import StoreUnavailable

    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest(sorted(write_corpus(tmp_path / "in", 1).glob("*.txt")), store=store)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    try:
        monkeypatch.setattr(kb.store.connection, "BUSY_TIMEOUT", 0.2)
        with Store(db) as store, pytest.raises(StoreUnavailable, match="another kb process is writing"):
            store.add_correction("alias", "Austria", "Österreich")
        with Store(db, readonly=True) as store:  # readers are not held up
            assert store.count("articles") == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_two_processes_upgrading_an_older_store_at_once(tmp_path, nlp):
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest(sorted(write_corpus(tmp_path / "in", 2).glob("*.txt")), store=store)
    before = snapshot(db)
    con = sqlite3.connect(db)  # as a store written before the event heads existed
    con.execute("DROP TABLE event_heads")
    con.execute("DELETE FROM migrations WHERE name = '005_event_heads'")
    con.commit()
    con.close()
    a, b = _both(["stats", "--json", "--db", str(db)], ["who", "Austria", "--json", "--db", str(db)])
    assert a.returncode == 0 and b.returncode == 0, a.stderr + b.stderr
    assert snapshot(db) == before
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM migrations WHERE name = '005_event_heads'").fetchone()[0] == 1
    con.close()

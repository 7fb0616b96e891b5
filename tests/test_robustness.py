"""Nothing lost: a killed ingest, queries during an ingest, hostile text, an older store."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from kb.ingest import ingest
from kb.store import MIGRATIONS, Store

PEOPLE = ["Helga Brandt", "Kwame Asante", "Rosa Delgado", "Pavel Novotny", "Aiko Mori", "Liam Doyle",
          "Sara Lindgren"]
STATES = [("Austria", "Vienna"), ("Ghana", "Accra"), ("Chile", "Santiago"), ("Czechia", "Prague"),
          ("Japan", "Tokyo"), ("Ireland", "Dublin"), ("Finland", "Helsinki")]


def write_corpus(folder: Path, n: int = 20) -> Path:
    """``n`` small, distinct articles: enough for an ingest to be caught part-way."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        person, (state, capital) = PEOPLE[i % 7], STATES[i % 7]
        other, other_capital = STATES[(i + 3) % 7]
        (folder / f"story_{i:03d}.txt").write_text(
            f"{state} and {other} agree on energy ties\n\n"
            f"{capital.upper()}, June {i % 28 + 1}, 2021 — Energy Minister {person} of {state} signed a gas "
            f"supply agreement with {other} in {capital} on Thursday.\n\n"
            f"{person.split()[1]} said the deal would run until {2030 + i % 5}. Officials from {other} will "
            f"travel to {capital} in September, a spokesperson in {other_capital} said.\n",
            encoding="utf-8")
    return folder


def kb_process(*args: str) -> list[str]:
    return [sys.executable, "-m", "kb", *args]


def committed_articles(db: Path) -> int:
    """Articles committed so far, read the way a query reads (no lock taken)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def views(run, db: Path) -> dict[str, object]:
    """What a user sees of a store: every entity, every event, the counts."""
    return {
        "entities": run.json("entities", "--all", "--db", str(db)),
        "timeline": run.json("timeline", "--db", str(db)),
        "undated": run.json("timeline", "--undated", "--db", str(db)),
        "stats": run.json("stats", "--db", str(db)),
    }


def test_killed_ingest_resumes_to_the_same_store(tmp_path, nlp, run) -> None:
    folder = write_corpus(tmp_path / "in", 20)
    reference = tmp_path / "reference.db"
    with Store(reference) as store:
        assert ingest([folder], store=store).read == 20

    db = tmp_path / "crashed.db"
    proc = subprocess.Popen(kb_process("ingest", str(folder), "--db", str(db)), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while committed_articles(db) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    stored = committed_articles(db)
    assert 1 <= stored <= 20

    resumed = subprocess.run(kb_process("ingest", str(folder), "--db", str(db), "--json"), capture_output=True,
                             text=True, timeout=300)
    assert resumed.returncode == 0, resumed.stderr
    report = json.loads(resumed.stdout)
    assert report["read"] + report["unchanged"] == 20
    assert report["unchanged"] == stored  # what was committed before the kill is kept, not redone
    assert views(run, db) == views(run, reference)


def test_queries_during_an_ingest_answer_from_committed_state(tmp_path, nlp) -> None:
    folder = write_corpus(tmp_path / "in", 64)
    db = tmp_path / "kb.db"
    proc = subprocess.Popen(kb_process("ingest", str(folder), "--db", str(db)), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    answers: list[dict] = []
    overlapped = 0
    try:
        deadline = time.monotonic() + 120
        while committed_articles(db) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        while proc.poll() is None and time.monotonic() < deadline:
            query = subprocess.run(kb_process("stats", "--json", "--db", str(db)), capture_output=True, text=True,
                                   timeout=60)
            assert query.returncode == 0, query.stderr
            answers.append(json.loads(query.stdout))
            overlapped += proc.poll() is None
            # A reader sees whole articles only: each committed article has its sentences.
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
                orphans = con.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                      "(SELECT 1 FROM sentences s WHERE s.article = a.id)").fetchone()[0]
                assert orphans == 0
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0
    assert overlapped >= 1, "no query ran while the ingest was writing"
    counts = [a["articles"] for a in answers]
    assert all(1 <= c <= 64 for c in counts) and counts == sorted(counts)


HOSTILE = (
    "Lawyer questions city records\n\n"
    "VIENNA, May 4, 2021 — A lawyer named Mary O'Brien told a court in Vienna on Tuesday that a clerk had typed "
    "Robert'); DROP TABLE articles;-- into the register.\n\n"
    "The clerk's note read <script>alert(1)</script> and [bold red]urgent[/bold red], the court heard.\n"
)


def test_hostile_text_is_stored_and_shown_as_text(tmp_path, nlp, run) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    run("ingest", str(folder), "--db", db)
    assert run.json("stats", "--db", db)["articles"] == 1

    hits = run.json("search", "DROP", "TABLE", "articles", "--db", db)["hits"]
    assert any("Robert'); DROP TABLE articles;--" in h["sentence"] for h in hits)
    hits = run.json("search", "script", "alert", "--db", db)["hits"]
    assert any("<script>alert(1)</script> and [bold red]urgent[/bold red]" in h["sentence"] for h in hits)
    table = run("search", "urgent", "--db", db).stdout
    assert "[bold red]urgent[/bold red]" in table.replace("\n", "")  # markup is shown, not obeyed

    for query in ("Robert'); DROP TABLE articles;--", "<script>alert(1)</script>", "' OR 1=1 --", "\"; DROP"):
        for command in (["who", query], ["search", query], ["timeline", "--entity", query]):
            result = run(*command, "--db", db, ok=False)
            assert result.exit_code in (0, 1), result.output  # an answer or "no match", never an error
            assert "unexpected error" not in result.output
    assert run.json("stats", "--db", db)["articles"] == 1  # still there

    match = run.json("who", "O'Brien", "--db", db)["matches"]
    assert any(m["name"] == "Mary O'Brien" for m in match)


def test_older_store_is_migrated_in_place(tmp_path, nlp, run) -> None:
    folder = write_corpus(tmp_path / "in", 2)
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([folder], store=store)
    before = run.json("entities", "--all", "--db", str(db))
    last = MIGRATIONS[-1][0]
    # Make it a store written before the last migration: undo its effects, forget it.
    with sqlite3.connect(db) as con:
        for name in sorted(_objects_made_by_last_migration(tmp_path)):
            if name.startswith("sqlite_autoindex_"):
                continue  # goes with its table
            kind = con.execute("SELECT type FROM sqlite_master WHERE name=?", (name,)).fetchone()
            if kind and kind[0] in ("table", "index", "trigger", "view"):
                con.execute(f'DROP {kind[0].upper()} IF EXISTS "{name}"')
        con.execute("DELETE FROM migrations WHERE name=?", (last,))
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM migrations WHERE name=?", (last,)).fetchone()[0] == 0

    assert run.json("entities", "--all", "--db", str(db)) == before  # a query migrates it and keeps the data
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM migrations WHERE name=?", (last,)).fetchone()[0] == 1
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    with Store(db) as store:
        assert store.schema_version == len(MIGRATIONS)


def _objects_made_by_last_migration(tmp_path: Path) -> set[str]:
    """Schema objects that exist only once the last migration has run."""
    def names(path: Path, upto: int) -> set[str]:
        con = sqlite3.connect(path)
        con.isolation_level = None
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("BEGIN")
        for _, func in MIGRATIONS[:upto]:
            func(con)
        con.execute("COMMIT")
        found = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        con.close()
        return found

    return names(tmp_path / "all.db", len(MIGRATIONS)) - names(tmp_path / "but_last.db", len(MIGRATIONS) - 1)


def test_dates_at_the_ends_of_the_calendar_are_ingested_and_shown(tmp_path, nlp, run) -> None:
    """Publication days next to years 1 and 9999: relative dates that would fall off the
    calendar stay unresolved; the article, its merging and the timeline still work."""
    text = ("Morocco and Israel signed a trade agreement in Rabat on Monday. Benny Gantz visited Rabat "
            "yesterday. Morocco will host talks next year, after a rise in the fourth quarter.\n")
    for published in ("9999-12-30", "0001-01-01"):
        folder = tmp_path / published
        folder.mkdir()
        (folder / "story.txt").write_text(text, encoding="utf-8")
        db = tmp_path / f"{published}.db"
        report = run.json("ingest", str(folder), "--published", published, "--db", str(db))
        assert report["read"] == 1 and not report["failed"]
        out = run.json("timeline", "--country", "Morocco", "--all", "--db", str(db))
        dates = [e["start"] for e in out["events"] if e["start"]]
        assert dates and all("0001-01-01" <= d <= "9999-12-31" and len(d) == 10 for d in dates)


def test_search_index_follows_rewrites_and_forgetting_in_new_and_older_stores(tmp_path, nlp) -> None:
    """Each sentence is found once, as last written; a changed article's old sentences and a
    forgotten article's are gone; a store made when a trigger indexed sentences does the same."""
    folder = write_corpus(tmp_path / "in", 2)
    story = folder / "story_000.txt"

    def hits(store: Store, word: str) -> list[str]:
        # the index holds each stored sentence once, and nothing else (raises otherwise)
        store.db.execute("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)")
        return [r["text"] for r in store.search_sentences(word)]

    for name, older in (("new.db", False), ("older.db", True)):
        story.write_text(story.read_text(encoding="utf-8").replace("gas", "hydrogen"), encoding="utf-8")
        db = tmp_path / name
        with Store(db) as store:
            if older:  # as written before the writer indexed sentences itself
                store.db.execute("DELETE FROM migrations WHERE name=?", (MIGRATIONS[-1][0],))
                store.db.execute("""CREATE TRIGGER IF NOT EXISTS sentences_ai AFTER INSERT ON sentences BEGIN
                                    INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text); END""")
                store.db.commit()
        with Store(db) as store:  # opening migrates
            ingest([folder], store=store)
            assert len(hits(store, "hydrogen")) == 1 and len(hits(store, "Vienna")) == 2
        story.write_text(story.read_text(encoding="utf-8").replace("hydrogen", "gas"), encoding="utf-8")
        with Store(db) as store:
            ingest([folder], store=store)
            assert hits(store, "hydrogen") == [] and len(hits(store, "gas")) == 2
            store.forget([str(story)])
            assert len(hits(store, "gas")) == 1 and hits(store, "Vienna") == [] and len(hits(store, "Accra")) == 2

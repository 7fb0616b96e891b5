"""The SQLite store: the one module that speaks SQL.

Per-article facts are written in one transaction each, so a killed ingest leaves a
consistent store. Corpus-wide tables (canonical entities, merged events) are derived
from them by :func:`kb.resolve.consolidate.consolidate` and can always be rebuilt.
"""

from __future__ import annotations

import json
import os
import sqlite3
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from kb.errors import BadQuery, BadStore, KbError, StoreUnavailable
from kb.model import EVENT_DATE_FROM, GENERAL_TYPE, PRECISIONS, STATE_TYPE, UNREAL_MODALITIES, ArticleFacts

DEFAULT_DB = "kb.db"
APPLICATION_ID = 0x6B62_6462  # "kbdb": marks a file as a kb store
MAX_PATTERN = 10_000  # characters of a name looked up by its words (SQLite's LIKE takes up to 50,000)
BUSY_TIMEOUT = 60  # seconds a writer waits for another one to commit before giving up


def default_path() -> str:
    return os.environ.get("KB_DB") or DEFAULT_DB


# --- schema -------------------------------------------------------------------------


def _script(db: sqlite3.Connection, sql: str) -> None:
    """Run several statements inside the current transaction (executescript would commit)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


def _m001_initial(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE TABLE articles (
            id TEXT PRIMARY KEY, path TEXT, title TEXT, published TEXT, published_from TEXT,
            url TEXT, source TEXT, hash TEXT NOT NULL, text TEXT NOT NULL, ingested TEXT);
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY, article TEXT NOT NULL, idx INTEGER NOT NULL,
            start_char INTEGER, end_char INTEGER, text TEXT);
        CREATE UNIQUE INDEX sentences_article ON sentences(article, idx);
        CREATE TABLE local_entities (
            article TEXT NOT NULL, key TEXT NOT NULL, kind TEXT, name TEXT, aliases TEXT,
            mentions INTEGER, doubtful INTEGER, PRIMARY KEY (article, key));
        CREATE TABLE mentions (
            article TEXT NOT NULL, entity TEXT NOT NULL, text TEXT, kind TEXT,
            start_char INTEGER, end_char INTEGER, sentence INTEGER);
        CREATE INDEX mentions_article ON mentions(article, entity);
        CREATE INDEX mentions_sentence ON mentions(article, sentence);
        CREATE TABLE roles (
            article TEXT NOT NULL, entity TEXT NOT NULL, title TEXT, of_key TEXT, of_name TEXT,
            former INTEGER, sentence INTEGER);
        CREATE INDEX roles_article ON roles(article, entity);
        CREATE TABLE timexes (
            article TEXT NOT NULL, text TEXT, start_char INTEGER, end_char INTEGER, type TEXT,
            value TEXT, precision TEXT, start TEXT, "end" TEXT, sentence INTEGER);
        CREATE INDEX timexes_article ON timexes(article);
        CREATE TABLE events (
            article TEXT NOT NULL, key TEXT NOT NULL, trigger TEXT, type TEXT, cameo TEXT,
            modality TEXT, sentence INTEGER, trigger_start INTEGER, trigger_end INTEGER,
            place TEXT, value TEXT, precision TEXT, start TEXT, "end" TEXT, date_from TEXT,
            date_text TEXT, summary TEXT, PRIMARY KEY (article, key));
        CREATE TABLE event_participants (
            article TEXT NOT NULL, event TEXT NOT NULL, entity TEXT NOT NULL, role TEXT);
        CREATE INDEX event_participants_article ON event_participants(article, event);
        CREATE TABLE agreements (
            article TEXT NOT NULL, entity TEXT NOT NULL, name TEXT, parties TEXT,
            signatories TEXT, value TEXT, precision TEXT, start TEXT, "end" TEXT, sentence INTEGER);
        CREATE INDEX agreements_article ON agreements(article);
        CREATE TABLE corrections (
            id INTEGER PRIMARY KEY, op TEXT NOT NULL, a TEXT NOT NULL, b TEXT, created TEXT);

        -- derived by consolidate()
        CREATE TABLE entities (
            id TEXT PRIMARY KEY, name TEXT, kind TEXT, aliases TEXT, mentions INTEGER,
            doubtful INTEGER);
        CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
        CREATE TABLE entity_names (name TEXT NOT NULL COLLATE NOCASE, entity TEXT NOT NULL);
        CREATE INDEX entity_names_name ON entity_names(name);
        CREATE TABLE entity_members (
            article TEXT NOT NULL, key TEXT NOT NULL, entity TEXT NOT NULL,
            PRIMARY KEY (article, key));
        CREATE INDEX entity_members_entity ON entity_members(entity);
        CREATE TABLE event_members (
            article TEXT NOT NULL, key TEXT NOT NULL, event TEXT NOT NULL,
            PRIMARY KEY (article, key));
        CREATE INDEX event_members_event ON event_members(event);
        CREATE TABLE event_entities (event TEXT NOT NULL, entity TEXT NOT NULL, role TEXT);
        CREATE INDEX event_entities_entity ON event_entities(entity);
        CREATE INDEX event_entities_event ON event_entities(event);
        """
    )


def _m002_sentence_search(db: sqlite3.Connection) -> None:
    _script(
        db,
        """
        CREATE VIRTUAL TABLE sentences_fts USING fts5(
            text, content='sentences', content_rowid='id', tokenize='porter unicode61');
        CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
            INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
            INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        """
    )


def _m003_dirty_flag(db: sqlite3.Connection) -> None:
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('dirty', '0')")


def _m004_query_indexes(db: sqlite3.Connection) -> None:
    """Covering indexes for the entity → articles / events lookups of ``who`` and ``timeline``."""
    _script(
        db,
        """
        DROP INDEX IF EXISTS entity_members_entity;
        CREATE INDEX entity_members_by_entity ON entity_members(entity, article, key);
        DROP INDEX IF EXISTS event_entities_entity;
        CREATE INDEX event_entities_by_entity ON event_entities(entity, event, role);
        CREATE INDEX entities_by_mentions ON entities(doubtful, mentions DESC, name);
        """
    )


def _m005_event_heads(db: sqlite3.Connection) -> None:
    """Each merged event's best-dated telling, so timelines can be chosen and ordered
    without reading every telling (filled by consolidate)."""
    _script(
        db,
        """
        CREATE TABLE event_heads (
            event TEXT PRIMARY KEY, article TEXT, key TEXT, type TEXT, cameo TEXT, modality TEXT,
            value TEXT, precision TEXT, start TEXT, "end" TEXT, date_from TEXT, rank INTEGER);
        CREATE INDEX event_heads_by_start ON event_heads(start, rank, "end", event);
        """
    )
    _fill_event_heads(db)


def _case(column: str, order: tuple[str, ...]) -> str:
    """SQL giving a value's position in ``order`` (unknown values last)."""
    whens = " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(order))
    return f"CASE {column} {whens} ELSE {len(order)} END"


def _fill_event_heads(db: sqlite3.Connection) -> None:
    """Choose each merged event's telling that dates it best: dated first, then by where
    the date came from, its precision, asserted before planned or claimed, earliest article."""
    precision = _case("e.precision", PRECISIONS)
    db.execute("DELETE FROM event_heads")
    db.execute(
        f"""INSERT INTO event_heads
            SELECT event, article, key, type, cameo, modality, value, precision, start, "end", date_from, prank
            FROM (SELECT m.event, e.article, e.key, e.type, e.cameo, e.modality, e.value, e.precision, e.start,
                         e."end", e.date_from, {precision} AS prank,
                         row_number() OVER (PARTITION BY m.event ORDER BY
                             e.start IS NULL, {_case("e.date_from", EVENT_DATE_FROM)}, {precision},
                             COALESCE(e.modality, 'asserted') != 'asserted', COALESCE(a.published, '9999'),
                             e.article, e.sentence) AS n
                  FROM event_members m
                  JOIN events e ON e.article = m.article AND e.key = m.key
                  JOIN articles a ON a.id = e.article)
            WHERE n = 1"""
    )


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("001_initial", _m001_initial),
    ("002_sentence_search", _m002_sentence_search),
    ("003_dirty_flag", _m003_dirty_flag),
    ("004_query_indexes", _m004_query_indexes),
    ("005_event_heads", _m005_event_heads),
]
SCHEMA_VERSION = len(MIGRATIONS)


# --- the store ----------------------------------------------------------------------


@dataclass
class StoredArticle:
    id: str
    title: str
    published: str | None
    hash: str


class Store:
    """A kb knowledge base in one SQLite file; migrates itself when opened."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, readonly: bool = False) -> None:
        self.path = str(path or default_path())
        self.readonly = readonly
        self._group_size = 0  # inside grouped(): transactions a commit holds at most
        self._group_done = 0  # … and those already in the open one
        self._snapshot = False  # a read transaction is open (readonly stores read one state)
        self.db = self._connect()
        try:
            try:
                self._migrate()
            except StoreUnavailable:
                if not (self.readonly and _empty_file(Path(f"{self.path}-wal"))):
                    raise
                # A full disk leaves no room for SQLite's shared-memory file. With no
                # write-ahead log to read, the store file alone is the committed state.
                self.db.close()
                self.db = self._connect(immutable=True)
                self._migrate()
        except BaseException:
            self.db.close()
            raise
        if self.readonly:
            # Every query of a readonly store reads one committed state, even while an
            # ingest commits or a consolidation replaces the derived tables.
            self.db.execute("BEGIN")
            self._snapshot = True

    # connection and schema
    # Nothing is written before the file is known to be a kb store (or a new, empty one):
    # refusing a file leaves it byte for byte as it was.

    def _connect(self, *, immutable: bool = False) -> sqlite3.Connection:
        p = Path(self.path)
        if p.exists() and p.is_dir():
            raise BadStore(f"{self.path}: is a folder, not a kb store")
        if self.readonly and not p.exists():
            raise BadStore(f"{self.path}: no knowledge base here; run 'kb ingest PATH' first (or pick one with --db)")
        size = p.stat().st_size if p.exists() else 0
        if size > 0:
            try:
                with open(p, "rb") as fh:
                    header = fh.read(16)
            except OSError as exc:
                raise StoreUnavailable(f"{self.path}: cannot read it: {exc.strerror or exc}") from exc
            if header != b"SQLite format 3\x00":
                raise BadStore(f"{self.path}: not a kb store (not an SQLite file); refusing to touch it")
        elif self.readonly:
            raise BadStore(f"{self.path}: empty store; run 'kb ingest PATH' first")
        folder = p.parent if str(p.parent) else Path(".")
        uri = f"file:{urllib.parse.quote(str(p.absolute()))}"
        if not folder.is_dir():
            raise BadStore(f"{self.path}: no such folder {str(folder)!r}")
        if not self.readonly:
            if (p.exists() and not os.access(p, os.W_OK)) or not os.access(folder, os.W_OK):
                raise StoreUnavailable(f"{self.path}: the knowledge base is read-only (no write access to "
                                       f"{'it' if p.exists() and not os.access(p, os.W_OK) else 'its folder'}); "
                                       "nothing was changed")
        elif immutable:
            uri += "?immutable=1"
        elif not os.access(folder, os.W_OK):
            # SQLite's write-ahead log needs companion files beside the store; in a folder
            # no one can write to, no writer can change the store either.
            companions = [Path(f"{p}-wal"), Path(f"{p}-shm")]
            uri += "?immutable=1" if not any(c.exists() for c in companions) else "?mode=ro"
        try:
            db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT, isolation_level=None)
        except sqlite3.DatabaseError as exc:
            raise BadStore(f"{self.path}: cannot open as a kb store: {exc}") from exc
        db.row_factory = sqlite3.Row
        return db

    def _schema(self) -> tuple[int, set[str]]:
        """The file's application id and tables, read without changing anything."""
        try:
            app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
            user_version = self.db.execute("PRAGMA user_version").fetchone()[0]  # kb never sets it
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, f"{self.path}: not a kb store") from exc
        if app_id not in (0, APPLICATION_ID) or user_version or (tables and app_id != APPLICATION_ID):
            raise BadStore(f"{self.path}: an SQLite file that is not a kb store; refusing to touch it")
        return app_id, tables

    def _migrate(self) -> None:
        """Create or upgrade the schema; several processes may do it at once.

        The schema is looked at again once the write lock is held, so of two processes
        opening a new store at the same moment one creates it and the other finds it made.
        """
        db = self.db
        _, tables = self._schema()
        if not tables and self.readonly:
            raise BadStore(f"{self.path}: empty store; run 'kb ingest PATH' first")
        pending = self._pending(tables) if tables else None  # a newer kb's store is refused here
        if not self.readonly:
            try:
                if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as exc:
                raise self._failure(exc) from exc
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        if tables and not pending:
            return
        if self.readonly:
            # Queries may migrate an older store too: it only adds tables.
            self.readonly = False
        with self.transaction():
            _, tables = self._schema()
            if not tables:
                db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied TEXT)")
            for name, func in self._pending({"migrations"}):
                func(db)
                db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))

    def _pending(self, tables: set[str]) -> list[tuple[str, Callable[[sqlite3.Connection], None]]]:
        """Migrations not yet applied; a store made by a newer kb is refused."""
        if "migrations" not in tables:
            raise BadStore(f"{self.path}: an SQLite file that is not a kb store; refusing to touch it")
        done = {r[0] for r in self.db.execute("SELECT name FROM migrations")}
        known = {name for name, _ in MIGRATIONS}
        if done - known:
            raise BadStore(
                f"{self.path}: made by a newer kb (schema {len(done)} > {SCHEMA_VERSION}); upgrade kb to use it"
            )
        return [(n, f) for n, f in MIGRATIONS if n not in done]

    def _failure(self, exc: sqlite3.Error, context: str | None = None) -> Exception:
        """A one-line error for what SQLite reports when the store cannot be written or read."""
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        detail = str(exc)
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "locked" in detail:
            return StoreUnavailable(f"{self.path}: another kb process is writing to the knowledge base; "
                                    "try again when it has finished")
        if code == sqlite3.SQLITE_FULL:
            return StoreUnavailable(f"{self.path}: the disk is full; nothing already stored was lost "
                                    "(free some space and run the command again)")
        if code == sqlite3.SQLITE_IOERR:
            return StoreUnavailable(f"{self.path}: cannot write to the knowledge base ({detail}: the disk may be "
                                    "full); nothing already stored was lost")
        if code == sqlite3.SQLITE_READONLY:
            return StoreUnavailable(f"{self.path}: the knowledge base is read-only; nothing was changed")
        if code == sqlite3.SQLITE_CANTOPEN:
            return StoreUnavailable(f"{self.path}: cannot open the knowledge base ({detail})")
        if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB):
            return BadStore(f"{self.path}: damaged or not a kb store ({detail})")
        if context:
            return BadStore(f"{context}: {detail}")
        return exc

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """All or nothing; inside :meth:`grouped`, a savepoint of the group's transaction.

        It takes the write lock first (waiting up to ``BUSY_TIMEOUT`` for another writer), so
        what it reads is what it writes over. A store that cannot be written (read-only, disk
        full, another writer for too long) raises :class:`StoreUnavailable`, rolled back.
        """
        if self._group_size:
            with self._grouped_step():
                yield self.db
            return
        self._end_snapshot()
        self._exec("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                self._raise(exc)
            raise
        self._exec("COMMIT", rollback=True)

    @contextmanager
    def grouped(self, size: int) -> Iterator[None]:
        """Let up to ``size`` transactions in a row share one commit.

        Each still holds or fails alone (a savepoint), and a reader sees a group only once
        it is committed; a crash loses at most the open group, never part of one write.
        """
        self._end_snapshot()
        self._group_size, self._group_done = max(1, size), 0
        try:
            yield
        finally:
            self._group_size = 0
            if self.db.in_transaction:
                self._exec("COMMIT", rollback=True)

    @contextmanager
    def _grouped_step(self) -> Iterator[None]:
        if not self.db.in_transaction:
            self._exec("BEGIN IMMEDIATE")
        self._exec("SAVEPOINT step", rollback=True)
        try:
            yield
        except BaseException as exc:
            if self.db.in_transaction:  # SQLite may have rolled the whole group back itself
                try:
                    self.db.execute("ROLLBACK TO step")
                    self.db.execute("RELEASE step")
                except sqlite3.Error:
                    self._rollback()
            if isinstance(exc, sqlite3.Error):
                self._raise(exc)
            raise
        self._exec("RELEASE step", rollback=True)
        self._group_done += 1
        if self._group_done >= self._group_size:
            self._exec("COMMIT", rollback=True)
            self._group_done = 0

    def _exec(self, sql: str, *, rollback: bool = False) -> None:
        """A transaction statement; if SQLite refuses it, a one-line error (after a rollback)."""
        try:
            self.db.execute(sql)
        except sqlite3.Error as exc:
            if rollback:
                self._rollback()
            self._raise(exc)

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is closed or SQLite already rolled back

    def _raise(self, exc: sqlite3.Error) -> None:
        failure = self._failure(exc)
        if failure is exc:
            raise exc
        raise failure from exc

    def _end_snapshot(self) -> None:
        """Close a readonly store's read transaction before it writes (a correction)."""
        if self._snapshot:
            self._snapshot = False
            if self.db.in_transaction:
                self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT count(*) FROM migrations").fetchone()[0]

    # writing

    def article_hashes(self) -> dict[str, str]:
        """Content hash of every stored article, by id."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, hash FROM articles")}

    def write_article(self, facts: ArticleFacts, *, replace: bool = True, content_hash: str | None = None) -> bool:
        """Replace everything known about one article, in one transaction.

        ``replace=False`` skips clearing old facts for an article thought to be new; if
        another process has stored it meanwhile, the same content is left as it is (returns
        False) and other content replaced. ``content_hash`` is the hash of the article as
        read (default: as it is now).
        """
        a = facts.article
        digest = content_hash or a.content_hash
        with self.transaction() as db:
            if not replace:
                row = db.execute("SELECT hash FROM articles WHERE id = ?", (a.doc_id,)).fetchone()
                if row is not None and row[0] == digest:
                    return False
                replace = row is not None
            if replace:
                self._delete_article(a.doc_id)
            db.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
                (a.doc_id, a.path, a.title, a.published, a.published_from, a.url, a.source,
                 digest, a.text, _now()),
            )
            db.executemany(
                "INSERT INTO sentences(article, idx, start_char, end_char, text) VALUES (?,?,?,?,?)",
                [(a.doc_id, i, s.start_char, s.end_char, s.text) for i, s in enumerate(facts.sentences)],
            )
            db.executemany(
                "INSERT INTO local_entities VALUES (?,?,?,?,?,?,?)",
                [(a.doc_id, e.key, e.kind, e.name, json.dumps(e.aliases), e.mentions, int(e.doubtful))
                 for e in facts.entities],
            )
            db.executemany(
                "INSERT INTO mentions VALUES (?,?,?,?,?,?,?)",
                [(a.doc_id, m.entity, m.text, m.kind, m.start_char, m.end_char, m.sentence) for m in facts.mentions],
            )
            db.executemany(
                "INSERT INTO roles VALUES (?,?,?,?,?,?,?)",
                [(a.doc_id, r.entity, r.title, r.of, r.of_name, int(r.former), r.sentence) for r in facts.roles],
            )
            db.executemany(
                "INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(a.doc_id, t.text, t.start_char, t.end_char, t.type, t.value, t.precision, t.start, t.end,
                  t.sentence) for t in facts.timexes],
            )
            db.executemany(
                "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(a.doc_id, e.key, e.trigger, e.type, e.cameo, e.modality, e.sentence, e.trigger_start,
                  e.trigger_end, e.place, *_date_cols(e.date), e.date_from, e.date_text, e.summary)
                 for e in facts.events],
            )
            db.executemany(
                "INSERT INTO event_participants VALUES (?,?,?,?)",
                [(a.doc_id, e.key, p.entity, p.role) for e in facts.events for p in e.participants],
            )
            db.executemany(
                "INSERT INTO agreements VALUES (?,?,?,?,?,?,?,?,?,?)",
                [(a.doc_id, g.entity, g.name, json.dumps(g.parties), json.dumps(g.signatories),
                  *_date_cols(g.date), g.sentence) for g in facts.agreements],
            )
            db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")
        return True

    def _delete_article(self, doc_id: str) -> None:
        for table in ("sentences", "local_entities", "mentions", "roles", "timexes", "events",
                      "event_participants", "agreements"):
            self.db.execute(f"DELETE FROM {table} WHERE article=?", (doc_id,))
        self.db.execute("DELETE FROM articles WHERE id=?", (doc_id,))

    def delete_article(self, doc_id: str) -> None:
        with self.transaction():
            self._delete_article(doc_id)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")

    def forget(self, documents: Iterable[str]) -> list[str]:
        """Remove articles and every fact only they gave; the store is left to consolidate
        (:func:`kb.resolve.consolidate.forget` does both).

        Each of ``documents`` is an article id, or the path it was read from (as given to
        ingest, or its tail: "seeds/a.txt", "a.txt" when one article ends so). Nothing is
        removed unless every one names an article; returns the ids removed.
        """
        ids: list[str] = []
        for ref in documents:
            hits = [r[0] for r in self.db.execute("SELECT id FROM articles WHERE id = ?", (ref,))]
            if not hits and len(ref) <= MAX_PATTERN:  # longer: no stored path, and too long for LIKE
                tail = ref.replace("\\", "/")
                while tail.startswith("./"):
                    tail = tail[2:]
                hits = [r[0] for r in self.db.execute(
                    "SELECT id FROM articles WHERE replace(path, '\\', '/') = ? OR replace(path, '\\', '/') LIKE ?"
                    " ESCAPE '!'", (ref, "%/" + tail.replace("!", "!!").replace("%", "!%").replace("_", "!_")))]
            if not hits:
                raise KbError(f"{ref}: no such article in {self.path} (give an article id, as kb search shows "
                              "it, or the path it was read from)")
            if len(hits) > 1:
                raise KbError(f"{ref}: names {len(hits)} articles ({', '.join(hits[:5])}); give the id")
            ids += [h for h in hits if h not in ids]
        with self.transaction():
            for doc_id in ids:
                self._delete_article(doc_id)
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")
        return ids

    def add_correction(self, op: str, a: str, b: str | None = None) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO corrections(op, a, b, created) VALUES (?,?,?,?)", (op, a, b, _now()))
            db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")

    def correction_log(self) -> list[sqlite3.Row]:
        """The user's corrections as recorded: id, op, a, b, created; oldest first."""
        return self.db.execute("SELECT id, op, a, b, created FROM corrections ORDER BY id").fetchall()

    def remove_corrections(self, ids: Iterable[int]) -> None:
        """Drop recorded corrections (an undone merge); the next consolidation no longer replays them."""
        with self.transaction() as db:
            db.executemany("DELETE FROM corrections WHERE id = ?", [(i,) for i in ids])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '1')")

    @property
    def dirty(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key='dirty'").fetchone()
        return bool(row and row[0] == "1")

    # consolidation (kb.resolve.consolidate) reads the per-article facts in a fixed order
    # and writes the canonical ones back, inside one transaction of its own

    def local_entity_rows(self) -> Iterator[sqlite3.Row]:
        """article, key, kind, name, aliases (JSON), mentions, doubtful of every local entity."""
        return self.db.execute("SELECT article, key, kind, name, aliases, mentions, doubtful FROM local_entities"
                               " ORDER BY article, key")

    def event_participant_rows(self) -> Iterator[sqlite3.Row]:
        """article, event, entity, role of every participant, as each article told them."""
        return self.db.execute("SELECT article, event, entity, role FROM event_participants"
                               " ORDER BY article, event, rowid")

    def publication_rows(self) -> Iterator[sqlite3.Row]:
        """id, published of every article."""
        return self.db.execute("SELECT id, published FROM articles")

    def event_rows(self) -> Iterator[sqlite3.Row]:
        """article, key, type, trigger, value, precision, start, end, modality, date_from,
        sentence of every article's event."""
        return self.db.execute("SELECT article, key, type, trigger, value, precision, start, end, modality, date_from,"
                               " sentence FROM events ORDER BY article, key")

    def event_place_rows(self) -> list[sqlite3.Row]:
        """article, key, place of every article's event that has a place."""
        return self.db.execute("SELECT article, key, place FROM events WHERE place IS NOT NULL").fetchall()

    def write_consolidation(self, *, entities: Iterable[tuple[Any, ...]], names: Iterable[tuple[str, str]],
                            entity_members: Iterable[tuple[str, str, str]],
                            event_members: Iterable[tuple[str, str, str]],
                            event_entities: Iterable[tuple[str, str, str]]) -> None:
        """Replace the canonical tables with a consolidation's rows and mark the store clean."""
        db = self.db
        for table in ("entities", "entity_names", "entity_members", "event_members", "event_entities",
                      "event_heads"):
            db.execute(f"DELETE FROM {table}")
        db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)", entities)
        db.executemany("INSERT INTO entity_names VALUES (?,?)", names)
        db.executemany("INSERT INTO entity_members VALUES (?,?,?)", entity_members)
        db.executemany("INSERT INTO event_members VALUES (?,?,?)", event_members)
        db.executemany("INSERT INTO event_entities VALUES (?,?,?)", event_entities)
        _fill_event_heads(db)
        db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '0')")

    # reading: plain rows for the query layer

    def count(self, table: str) -> int:
        assert table in {"articles", "entities", "sentences", "events", "agreements"}
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def stats(self) -> dict[str, Any]:
        kinds = {r[0]: r[1] for r in self.db.execute(
            "SELECT kind, count(*) FROM entities WHERE doubtful=0 GROUP BY kind ORDER BY kind")}
        return {
            "articles": self.count("articles"),
            "sentences": self.count("sentences"),
            "entities": kinds,
            "events": self.db.execute("SELECT count(DISTINCT event) FROM event_members").fetchone()[0],
            "agreements": kinds.get("agreement", 0),
        }

    def entities_named(self, name: str) -> list[sqlite3.Row]:
        """Entities whose canonical name or an alias is ``name`` (any case)."""
        return self.db.execute(
            "SELECT DISTINCT e.* FROM entity_names n JOIN entities e ON e.id = n.entity WHERE n.name = ?",
            (name,)).fetchall()

    def entities_with_word(self, word: str) -> list[sqlite3.Row]:
        """Entities with a name or alias containing ``word`` as a whole word."""
        if len(word) > MAX_PATTERN:
            return []  # longer than any stored name, and than SQLite takes as a LIKE pattern
        w = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return self.db.execute(
            "SELECT DISTINCT e.* FROM entity_names n JOIN entities e ON e.id = n.entity "
            "WHERE n.name LIKE ? ESCAPE '\\' OR n.name LIKE ? ESCAPE '\\' OR n.name LIKE ? ESCAPE '\\'",
            (f"{w} %", f"% {w}", f"% {w} %")).fetchall()

    def entity_names(self, kind: str | None = None) -> list[str]:
        sql = "SELECT DISTINCT n.name FROM entity_names n JOIN entities e ON e.id = n.entity"
        if kind:
            return [r[0] for r in self.db.execute(sql + " WHERE e.kind = ?", (kind,))]
        return [r[0] for r in self.db.execute(sql)]

    def entity_names_like(self, patterns: Iterable[str], kind: str | None = None) -> list[str]:
        """Names and aliases matching any of the LIKE ``patterns`` (a cheap first cut before a
        finer comparison in Python)."""
        pats = list(patterns)
        if not pats:
            return []
        sql = ("SELECT DISTINCT n.name FROM entity_names n JOIN entities e ON e.id = n.entity WHERE ("
               + " OR ".join(["n.name LIKE ?"] * len(pats)) + ")")
        if kind:
            return [r[0] for r in self.db.execute(sql + " AND e.kind = ?", (*pats, kind))]
        return [r[0] for r in self.db.execute(sql, pats)]

    def entity(self, entity_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchone()

    def list_entities(self, *, kind: str | None = None, include_doubtful: bool = False,
                      limit: int | None = None) -> list[sqlite3.Row]:
        sql, params = "SELECT * FROM entities WHERE 1=1", []
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        if not include_doubtful:
            sql += " AND doubtful = 0"
        sql += " ORDER BY mentions DESC, name"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.db.execute(sql, params).fetchall()

    def roles_of(self, entity_id: str) -> list[sqlite3.Row]:
        """An entity's roles, each with the holder's canonical name and its source sentence."""
        return self.db.execute(
            """SELECT r.title, r.former, r.of_name, oe.name AS of_entity, oe.kind AS of_kind,
                      a.id AS document, a.title AS doc_title, a.published, s.text AS sentence,
                      s.start_char, s.end_char
               FROM entity_members em
               JOIN roles r ON r.article = em.article AND r.entity = em.key
               JOIN articles a ON a.id = r.article
               LEFT JOIN sentences s ON s.article = r.article AND s.idx = r.sentence
               LEFT JOIN entity_members om ON om.article = r.article AND om.key = r.of_key
               LEFT JOIN entities oe ON oe.id = om.entity
               WHERE em.entity = ? ORDER BY a.published, a.id, r.sentence""",
            (entity_id,)).fetchall()

    def documents_of(self, entity_id: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT article FROM entity_members WHERE entity = ? ORDER BY article", (entity_id,))]

    def co_participants(self, entity_id: str) -> list[sqlite3.Row]:
        """Entities sharing events with ``entity_id``: (entity, type, my_role, other_role, n, events)
        rows, the type being the event's as its best-dated telling gives it and ``events`` how
        many events the two share in all."""
        return self.db.execute(
            """WITH shared AS (
                   SELECT o.entity, o.event, h.type, me.role AS my_role, o.role AS other_role
                   FROM event_entities me JOIN event_entities o ON o.event = me.event AND o.entity != me.entity
                   JOIN event_heads h ON h.event = me.event WHERE me.entity = ?),
               total AS (SELECT entity, count(DISTINCT event) AS events FROM shared GROUP BY entity)
               SELECT s.entity, s.type, s.my_role, s.other_role, count(DISTINCT s.event) AS n, t.events
               FROM shared s JOIN total t USING (entity) GROUP BY s.entity, s.type, s.my_role, s.other_role""",
            (entity_id,)).fetchall()

    def co_mentions(self, entity_id: str) -> list[sqlite3.Row]:
        """Entities named in the same sentences as ``entity_id``: (entity, n) rows."""
        return self.db.execute(
            """SELECT em2.entity, count(DISTINCT m1.article || ':' || m1.sentence) AS n
               FROM entity_members em1
               JOIN mentions m1 ON m1.article = em1.article AND m1.entity = em1.key
               JOIN mentions m2 ON m2.article = m1.article AND m2.sentence = m1.sentence
               JOIN entity_members em2 ON em2.article = m2.article AND em2.key = m2.entity
               WHERE em1.entity = ? AND em2.entity != em1.entity GROUP BY em2.entity""",
            (entity_id,)).fetchall()

    def events_of(self, entity_ids: Iterable[str]) -> set[str]:
        ids = list(entity_ids)
        out: set[str] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            out.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT event FROM event_entities WHERE entity IN ({marks})", chunk))
        return out

    def all_events(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT DISTINCT event FROM event_members")}

    def event_mentions(self, event_ids: Iterable[str]) -> list[sqlite3.Row]:
        """Every article's telling of the given events, with sentence and article."""
        rows: list[sqlite3.Row] = []
        for chunk in _chunks(list(event_ids)):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                f"""SELECT m.event, e.*, a.title AS doc_title, a.published AS doc_published,
                           s.text AS sentence_text, s.start_char, s.end_char
                    FROM event_members m
                    JOIN events e ON e.article = m.article AND e.key = m.key
                    JOIN articles a ON a.id = e.article
                    LEFT JOIN sentences s ON s.article = e.article AND s.idx = e.sentence
                    WHERE m.event IN ({marks})""", chunk).fetchall()
        return rows

    def event_order(self, entity_groups: list[list[str]] | None = None, *, types: Iterable[str] | None = None,
                    ends_from: str | None = None, starts_until: str | None = None,
                    undated: bool = False, event_ids: Iterable[str] | None = None,
                    everything: bool = True) -> list[str]:
        """Ids of merged events in timeline order (start, precision, end), chosen by their best-dated
        telling: involving an entity of every group given, of one of ``types`` (type or CAMEO
        code), whose days reach ``ends_from`` and begin by ``starts_until``, among ``event_ids``
        when given; only undated ones with ``undated``. Without ``everything``, only the events
        a reader asks for first: of a type of the taxonomy, or happenings outside it dated by
        their own sentence (no states), told as having happened or being planned."""
        where, args = ["h.start IS NULL" if undated else "h.start IS NOT NULL"], []
        if not everything:
            where.append(f"h.type != ? AND (h.type != ? OR h.date_from IN ('clause', 'sentence')) "
                         f"AND COALESCE(h.modality, '') NOT IN ({', '.join('?' * len(UNREAL_MODALITIES))})")
            args += [STATE_TYPE, GENERAL_TYPE, *UNREAL_MODALITIES]
        if event_ids is not None:
            where.append("h.event IN (SELECT value FROM json_each(?))")
            args.append(json.dumps(list(event_ids)))
        for group in entity_groups or []:
            where.append("h.event IN (SELECT event FROM event_entities WHERE entity IN (SELECT value FROM json_each(?)))")
            args.append(json.dumps(group))
        if types:
            where.append("(h.type IN (SELECT value FROM json_each(?)) OR h.cameo IN (SELECT value FROM json_each(?)))")
            args += [json.dumps(list(types))] * 2
        if ends_from:
            where.append('COALESCE(h."end", h.start) >= ?')
            args.append(ends_from)
        if starts_until:
            where.append("h.start <= ?")
            args.append(starts_until)
        sql = (f"SELECT h.event FROM event_heads h WHERE {' AND '.join(where)} "
               "ORDER BY COALESCE(h.start, '9999'), h.rank, COALESCE(h.\"end\", ''), h.event")
        return [r[0] for r in self.db.execute(sql, args)]

    def telling_names(self, tellings: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[tuple[str, str]]]:
        """For each (article, event key): its participants' and place's (name in the article,
        canonical name) pairs, so a summary written with the article's names can show the
        corpus's (after merges and renames)."""
        pairs = [list(t) for t in tellings]
        out: dict[tuple[str, str], list[tuple[str, str]]] = {}
        for chunk in _chunks(pairs):
            for r in self.db.execute(
                    """WITH t(article, key) AS (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')
                                                FROM json_each(?)),
                            k(article, key, entity) AS (
                                SELECT p.article, p.event, p.entity FROM event_participants p
                                JOIN t ON t.article = p.article AND t.key = p.event
                                UNION SELECT e.article, e.key, e.place FROM events e
                                JOIN t ON t.article = e.article AND t.key = e.key WHERE e.place IS NOT NULL)
                       SELECT DISTINCT k.article, k.key, le.name AS local, en.name AS canonical FROM k
                       JOIN local_entities le ON le.article = k.article AND le.key = k.entity
                       JOIN entity_members em ON em.article = k.article AND em.key = k.entity
                       JOIN entities en ON en.id = em.entity""", (json.dumps(chunk),)):
                out.setdefault((r["article"], r["key"]), []).append((r["local"], r["canonical"]))
        return out

    def events_in_sentences(self, query: str) -> set[str]:
        """Merged events told in a sentence matching the FTS5 ``query``."""
        return {r[0] for r in self.db.execute(
            """SELECT DISTINCT m.event FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
               JOIN events e ON e.article = s.article AND e.sentence = s.idx
               JOIN event_members m ON m.article = e.article AND m.key = e.key
               WHERE sentences_fts MATCH ?""", (query,))}

    def event_heads(self, event_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """The (article, key) of each event's best-dated telling."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(list(event_ids)):
            marks = ",".join("?" * len(chunk))
            out.update((r[0], (r[1], r[2])) for r in self.db.execute(
                f"SELECT event, article, key FROM event_heads WHERE event IN ({marks})", chunk))
        return out

    def event_participants(self, event_ids: Iterable[str]) -> list[sqlite3.Row]:
        rows: list[sqlite3.Row] = []
        for chunk in _chunks(list(event_ids)):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(
                f"""SELECT ee.event, ee.role, en.id, en.name, en.kind FROM event_entities ee
                    JOIN entities en ON en.id = ee.entity WHERE ee.event IN ({marks})
                    ORDER BY ee.event, en.name""", chunk).fetchall()
        return rows

    def signing_dates(self, agreement_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """(value, precision) of the best-dated telling of a signing that names the agreement
        itself: a date another telling of the merged event gives may be another signing's."""
        out: dict[str, tuple[str, str]] = {}
        for r in self.db.execute(
                f"""SELECT em.entity, e.value, e.precision FROM event_participants p
                    JOIN entity_members em ON em.article = p.article AND em.key = p.entity
                    JOIN events e ON e.article = p.article AND e.key = p.event
                    WHERE em.entity IN (SELECT value FROM json_each(?)) AND e.type = 'agreement_signed'
                      AND e.start IS NOT NULL
                    ORDER BY {_case("e.precision", PRECISIONS)}, e.start""", (json.dumps(list(agreement_ids)),)):
            out.setdefault(r[0], (r[1], r[2]))
        return out

    def agreement_rows(self) -> list[sqlite3.Row]:
        return self.db.execute(
            """SELECT em.entity, g.*, a.title AS doc_title, a.published AS doc_published,
                      s.text AS sentence_text, s.start_char, s.end_char
               FROM agreements g
               JOIN entity_members em ON em.article = g.article AND em.key = g.entity
               JOIN articles a ON a.id = g.article
               LEFT JOIN sentences s ON s.article = g.article AND s.idx = g.sentence
               ORDER BY a.published, g.article""").fetchall()

    def canonical_of(self, article: str, keys: Iterable[str]) -> dict[str, sqlite3.Row]:
        """Canonical entities of an article's local entity keys."""
        out = {}
        for key in keys:
            row = self.db.execute(
                "SELECT e.* FROM entity_members m JOIN entities e ON e.id = m.entity WHERE m.article=? AND m.key=?",
                (article, key)).fetchone()
            if row:
                out[key] = row
        return out

    def search_sentences(self, query: str, *, limit: int = 20, entities: list[str] | None = None,
                         published_from: str | None = None, published_until: str | None = None) -> list[sqlite3.Row]:
        """Sentences matching an FTS5 ``query``, best first; only those naming one of
        ``entities`` (canonical ids) and from articles published in the range, when given.
        A query that FTS5 cannot read raises :class:`BadQuery`."""
        if not query.strip():
            raise BadQuery("nothing to search for: the text is empty")
        where, args = ["sentences_fts MATCH ?"], [query]
        if entities is not None:
            where.append(
                """EXISTS (SELECT 1 FROM mentions mn JOIN entity_members em
                               ON em.article = mn.article AND em.key = mn.entity
                           WHERE mn.article = s.article AND mn.sentence = s.idx
                             AND em.entity IN (SELECT value FROM json_each(?)))""")
            args.append(json.dumps(entities))
        if published_from:
            where.append("substr(a.published, 1, 10) >= ?")
            args.append(published_from)
        if published_until:
            where.append("substr(a.published, 1, 10) <= ?")
            args.append(published_until)
        try:
            return self.db.execute(
                f"""SELECT s.article, s.idx, s.start_char, s.end_char, s.text, a.title, a.published,
                           bm25(sentences_fts) AS score
                    FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid
                    JOIN articles a ON a.id = s.article
                    WHERE {' AND '.join(where)} ORDER BY score LIMIT ?""",
                (*args, limit)).fetchall()
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc):
                raise BadQuery(f"cannot search for {query!r}: {exc}") from exc
            raise

    def entities_in_sentence(self, article: str, idx: int) -> list[sqlite3.Row]:
        return self.db.execute(
            """SELECT DISTINCT e.id, e.name, e.kind FROM mentions m
               JOIN entity_members em ON em.article = m.article AND em.key = m.entity
               JOIN entities e ON e.id = em.entity
               WHERE m.article = ? AND m.sentence = ? ORDER BY e.name""", (article, idx)).fetchall()

    def articles(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT id, title, published, published_from, path FROM articles ORDER BY id").fetchall()

    # --- reading for graph and export ---
    # Every row carries its source: document, doc_title, published, sentence, start_char, end_char.

    def role_links(self) -> list[sqlite3.Row]:
        """Every role as (entity, of_entity or NULL, of_name, title, former) with its sentence."""
        return self.db.execute(
            """SELECT em.entity, om.entity AS of_entity, r.of_name, r.title, r.former,
                      r.article AS document, a.title AS doc_title, a.published,
                      s.text AS sentence, s.start_char, s.end_char
               FROM roles r
               JOIN entity_members em ON em.article = r.article AND em.key = r.entity
               JOIN articles a ON a.id = r.article
               LEFT JOIN entity_members om ON om.article = r.article AND om.key = r.of_key
               LEFT JOIN sentences s ON s.article = r.article AND s.idx = r.sentence
               ORDER BY a.published, r.article, r.sentence""").fetchall()

    def participation_links(self) -> list[sqlite3.Row]:
        """Every (merged event, canonical entity, role) with the sentence that tells it; places too."""
        tail = """JOIN articles a ON a.id = e.article
                  LEFT JOIN sentences s ON s.article = e.article AND s.idx = e.sentence"""
        cols = """m.event, em.entity, e.trigger, e.article AS document, a.title AS doc_title,
                  a.published, s.text AS sentence, s.start_char, s.end_char"""
        return self.db.execute(
            f"""SELECT {cols}, p.role FROM event_participants p
                JOIN events e ON e.article = p.article AND e.key = p.event
                JOIN event_members m ON m.article = p.article AND m.key = p.event
                JOIN entity_members em ON em.article = p.article AND em.key = p.entity
                {tail}
                UNION ALL
                SELECT {cols}, 'place' AS role FROM events e
                JOIN event_members m ON m.article = e.article AND m.key = e.key
                JOIN entity_members em ON em.article = e.article AND em.key = e.place
                {tail}
                ORDER BY published, document""").fetchall()

    def agreement_links(self) -> list[sqlite3.Row]:
        """Every (agreement entity, party or signatory entity, relation) with its sentence."""
        parts = []
        for column, relation in (("parties", "party"), ("signatories", "signatory")):
            parts.append(
                f"""SELECT ag.entity AS agreement, em.entity, '{relation}' AS relation,
                           g.article AS document, a.title AS doc_title, a.published,
                           s.text AS sentence, s.start_char, s.end_char
                    FROM agreements g, json_each(g.{column}) j
                    JOIN entity_members ag ON ag.article = g.article AND ag.key = g.entity
                    JOIN entity_members em ON em.article = g.article AND em.key = j.value
                    JOIN articles a ON a.id = g.article
                    LEFT JOIN sentences s ON s.article = g.article AND s.idx = g.sentence""")
        return self.db.execute(" UNION ALL ".join(parts) + " ORDER BY published, document").fetchall()

    def sentence_entities(self) -> list[sqlite3.Row]:
        """Distinct (document, idx, entity) for every sentence naming two or more entities."""
        return self.db.execute(
            """WITH se AS (
                   SELECT DISTINCT m.article AS document, m.sentence AS idx, em.entity
                   FROM mentions m JOIN entity_members em ON em.article = m.article AND em.key = m.entity
                   WHERE m.sentence >= 0),
               shared AS (SELECT document, idx FROM se GROUP BY document, idx HAVING count(*) > 1)
               SELECT se.* FROM se JOIN shared USING (document, idx)
               ORDER BY se.document, se.idx, se.entity""").fetchall()

    def sentence_sources(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], sqlite3.Row]:
        """The sentences at ``(document, idx)`` with their article's title and date."""
        by_doc: dict[str, list[int]] = {}
        for doc, idx in keys:
            by_doc.setdefault(doc, []).append(idx)
        out: dict[tuple[str, int], sqlite3.Row] = {}
        for doc, idxs in by_doc.items():
            for chunk in _chunks(sorted(set(idxs))):
                marks = ",".join("?" * len(chunk))
                for r in self.db.execute(
                        f"""SELECT s.article AS document, s.idx, a.title AS doc_title, a.published,
                                   s.text AS sentence, s.start_char, s.end_char
                            FROM sentences s JOIN articles a ON a.id = s.article
                            WHERE s.article = ? AND s.idx IN ({marks})""", [doc, *chunk]):
                    out[(doc, r["idx"])] = r
        return out


def _empty_file(path: Path) -> bool:
    """Whether ``path`` is missing or empty."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _date_cols(date: Any) -> tuple[Any, Any, Any, Any]:
    if date is None:
        return (None, None, None, None)
    return (date.value, date.precision, date.start, date.end)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

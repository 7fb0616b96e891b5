"""The store's connection: opening a file (refusing one that is not a kb store),
migrating its schema, transactions and the one-line errors for what SQLite reports."""

from __future__ import annotations

import os
import sqlite3
import urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from kb.errors import BadStore, StoreUnavailable
from kb.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    from kb.store import Store

DEFAULT_DB = "kb.db"
MAX_PATTERN = 10_000  # characters of a name looked up by its words (SQLite's LIKE takes up to 50,000)
BUSY_TIMEOUT = 60  # seconds a writer waits for another one to commit before giving up


def default_path() -> str:
    return os.environ.get("KB_DB") or DEFAULT_DB


@dataclass
class StoredArticle:
    id: str
    title: str
    published: str | None
    hash: str


class StoreConnection:
    """A kb store's connection, schema and transactions; :class:`kb.store.Store` adds the
    reads and writes."""

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
        """The file's application id and tables, read without changing anything, from one
        committed state: another process creating the store meanwhile must not be seen half
        way (its id not yet written, its tables already there)."""
        own = not self.db.in_transaction
        try:
            if own:
                self.db.execute("BEGIN")
            app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
            user_version = self.db.execute("PRAGMA user_version").fetchone()[0]  # kb never sets it
            tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            raise self._failure(exc, f"{self.path}: not a kb store") from exc
        finally:
            if own and self.db.in_transaction:
                self.db.execute("COMMIT")
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


def _empty_file(path: Path) -> bool:
    """Whether ``path`` is missing or empty."""
    try:
        return path.stat().st_size == 0
    except FileNotFoundError:
        return True


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")

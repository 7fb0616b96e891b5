"""The store's schema: the migrations that create and upgrade it, in order, and the
derived table of each merged event's best-dated telling they and consolidation fill."""

from __future__ import annotations

import sqlite3
from typing import Any, Callable, Iterable

from kb.model import EVENT_DATE_FROM, PRECISIONS

APPLICATION_ID = 0x6B62_6462  # "kbdb": marks a file as a kb store


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
    """Choose each merged event's telling that dates it best (:func:`event_heads`), for a
    store whose events were merged before the table existed."""
    db.execute("DELETE FROM event_heads")
    tellings = db.execute(
        """SELECT m.event, e.article, e.key, e.type, e.cameo, e.modality, e.value, e.precision, e.start,
                  e."end", e.date_from, a.published, e.sentence
           FROM event_members m
           JOIN events e ON e.article = m.article AND e.key = m.key
           JOIN articles a ON a.id = e.article""")
    db.executemany("INSERT INTO event_heads VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", event_heads(tellings))


_DATE_FROM_RANK = {v: i for i, v in enumerate(EVENT_DATE_FROM)}
_PRECISION_RANK = {v: i for i, v in enumerate(PRECISIONS)}


def event_heads(tellings: Iterable[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """The ``event_heads`` rows of some merged events, each the telling that dates it best:
    dated first, then by where the date came from, its precision, asserted before planned
    or claimed, earliest article, earliest sentence.

    A telling is (event, article, key, type, cameo, modality, value, precision, start,
    end, date_from, published (of the article), sentence).
    """
    best: dict[str, tuple[tuple[Any, ...], tuple[Any, ...]]] = {}
    for event, article, key, type_, cameo, modality, value, precision, start, end, date_from, published, \
            sentence in tellings:
        rank = _PRECISION_RANK.get(precision, len(PRECISIONS))
        order = (start is None, _DATE_FROM_RANK.get(date_from, len(EVENT_DATE_FROM)), rank,
                 (modality if modality is not None else "asserted") != "asserted",
                 published if published is not None else "9999", article, sentence if sentence is not None else -1)
        held = best.get(event)
        if held is None or order < held[0]:
            best[event] = (order, (event, article, key, type_, cameo, modality, value, precision, start, end,
                                   date_from, rank))
    return [row for _, row in best.values()]


def _m006_search_index_by_writer(db: sqlite3.Connection) -> None:
    """The writer indexes each article's sentences for search in one statement
    (``Store.write_article``), where a trigger ran an insert per sentence: most of the cost
    of storing an article. Deleting still goes through the trigger."""
    db.execute("DROP TRIGGER IF EXISTS sentences_ai")


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("001_initial", _m001_initial),
    ("002_sentence_search", _m002_sentence_search),
    ("003_dirty_flag", _m003_dirty_flag),
    ("004_query_indexes", _m004_query_indexes),
    ("005_event_heads", _m005_event_heads),
    ("006_search_index_by_writer", _m006_search_index_by_writer),
]
SCHEMA_VERSION = len(MIGRATIONS)

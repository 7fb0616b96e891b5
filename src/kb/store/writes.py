"""Writing to the store: one article's facts in one transaction, forgetting articles,
the user's corrections, and the per-article rows consolidation reads and the canonical
ones it writes back."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Callable, Iterable, Iterator

from kb.errors import KbError
from kb.model import ArticleFacts
from kb.store.connection import MAX_PATTERN, StoreConnection, _now
from kb.store.schema import event_heads


class Writes(StoreConnection):
    """The writing methods of :class:`kb.store.Store`."""

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
            # the search index, in one statement: a trigger per sentence costs several times more
            db.execute("INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences WHERE article = ?",
                       (a.doc_id,))
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

    # consolidation (kb.resolve.consolidate) reads the per-article facts in a fixed order and
    # writes the canonical ones back as it goes, inside one transaction of its own: nothing
    # here holds a table in memory

    def local_entity_rows(self) -> Iterator[sqlite3.Row]:
        """article, key, kind, name, aliases (JSON), mentions, doubtful of every local entity."""
        return self.db.execute("SELECT article, key, kind, name, aliases, mentions, doubtful FROM local_entities"
                               " ORDER BY article, key")

    def clear_consolidation(self) -> None:
        """Empty the canonical tables, for a consolidation to fill them again."""
        for table in ("entities", "entity_names", "entity_members", "event_members", "event_entities",
                      "event_heads"):
            self.db.execute(f"DELETE FROM {table}")

    def write_entities(self, entities: Iterable[tuple[Any, ...]], names: Iterable[tuple[str, str]]) -> None:
        """Canonical entities (id, name, kind, aliases JSON, mentions, doubtful) and the names
        (name, entity) they are known by."""
        self.db.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?)", entities)
        self.db.executemany("INSERT INTO entity_names VALUES (?,?)", names)

    def write_entity_members(self, members: Iterable[tuple[str, str, str]]) -> None:
        """The canonical entity of each local one: (article, key, entity)."""
        self.db.executemany("INSERT INTO entity_members VALUES (?,?,?)", members)

    def entity_kinds(self) -> dict[str, str]:
        """The kind of every canonical entity, by id."""
        return {r[0]: r[1] for r in self.db.execute("SELECT id, kind FROM entities")}

    def events_of_unknown_date(self) -> bool:
        """Whether some event comes from an article with no publication date."""
        return bool(self.db.execute(
            "SELECT EXISTS (SELECT 1 FROM events e LEFT JOIN articles a ON a.id = e.article"
            " WHERE a.published IS NULL)").fetchone()[0])

    def event_rows_by(self, block: Callable[[str, str, str, str, str, str, str, str], str]) -> Iterator[sqlite3.Row]:
        """article, key, type, trigger, value, precision, start, end, modality, date_from,
        sentence, published (of the article), place (its canonical entity), participants
        (JSON pairs of canonical entity and role, as the article told them), cameo and block
        of every article's event, local entities read through ``entity_members``.

        ``block(type, trigger, precision, start, end, date_from, published, participants)``
        is computed by SQLite, and rows come in its order, sorted on disk when large.
        """
        self.db.create_function("kb_block", 8, block, deterministic=True)
        return self.db.execute(
            """SELECT *, kb_block(type, trigger, precision, start, "end", date_from, published, participants) AS block
               FROM (SELECT e.article, e.key, e.type, e.trigger, e.value, e.precision, e.start, e."end", e.modality,
                            e.date_from, e.sentence, a.published, pm.entity AS place,
                            (SELECT json_group_array(json_array(m.entity, p.role)) FROM event_participants p
                             JOIN entity_members m ON m.article = p.article AND m.key = p.entity
                             WHERE p.article = e.article AND p.event = e.key) AS participants,
                            e.cameo
                     FROM events e
                     LEFT JOIN articles a ON a.id = e.article
                     LEFT JOIN entity_members pm ON pm.article = e.article AND pm.key = e.place)
               ORDER BY block""")

    def write_events(self, tellings: list[tuple[Any, ...]], entities: Iterable[tuple[str, str, str]]) -> None:
        """Merged events: every telling of them, the event of an article's event with what
        it says of it (event, article, key, type, cameo, modality, value, precision, start,
        end, date_from, published of the article, sentence), and the entities taking part in
        them (event, entity, role). Each event's best-dated telling is chosen among them
        (:func:`kb.store.schema.event_heads`)."""
        self.db.executemany("INSERT INTO event_members VALUES (?,?,?)", ((t[1], t[2], t[0]) for t in tellings))
        self.db.executemany("INSERT INTO event_entities VALUES (?,?,?)", entities)
        self.db.executemany("INSERT INTO event_heads VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", event_heads(tellings))

    def finish_consolidation(self) -> None:
        """Mark the store clean."""
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('dirty', '0')")


def _date_cols(date: Any) -> tuple[Any, Any, Any, Any]:
    if date is None:
        return (None, None, None, None)
    return (date.value, date.precision, date.start, date.end)

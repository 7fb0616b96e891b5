"""Reading the store: plain rows for the query layer, the graph and export."""

from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Iterator

from kb.errors import BadQuery
from kb.model import GENERAL_TYPE, PRECISIONS, STATE_TYPE, UNREAL_MODALITIES
from kb.store.connection import MAX_PATTERN, StoreConnection
from kb.store.schema import _case


class Reads(StoreConnection):
    """The reading methods of :class:`kb.store.Store`."""

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

    def all_events(self) -> list[str]:
        """Every merged event's id, in id order (exports come out the same run after run)."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT event FROM event_members ORDER BY event")]

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
        their own sentence or told on the day the story tells of (no states, nothing dated
        only by the publication day), told as having happened or being planned."""
        where, args = ["h.start IS NULL" if undated else "h.start IS NOT NULL"], []
        if not everything:
            where.append(f"h.type != ? AND (h.type != ? OR h.date_from IN ('clause', 'sentence', 'narrative')) "
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


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


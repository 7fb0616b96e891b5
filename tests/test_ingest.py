"""Ingest: streaming, workers, skipping unchanged articles, one bad article costing only itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from stores import snapshot

import kb.extract
from kb import ingest as ingest_module
from kb.ingest import Progress, ingest
from kb.model import Article
from kb.store import Store
from kb.store.schema import _fill_event_heads

PEOPLE = ["Clara Hoffmann", "Tariq Bello", "Ines Laurent", "Marek Sokol", "Lucia Ferreira", "Owen Gallagher"]
STATES = [("Portugal", "Lisbon"), ("Ireland", "Dublin"), ("Norway", "Oslo"), ("Greece", "Athens"),
          ("Peru", "Lima"), ("Morocco", "Rabat")]


def write_articles(folder: Path, n: int) -> Path:
    """``n`` short, distinct news articles as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        person = PEOPLE[i % len(PEOPLE)]
        state, capital = STATES[i % len(STATES)]
        other, _ = STATES[(i + 1) % len(STATES)]
        (folder / f"article_{i:03d}.txt").write_text(
            f"{state} and {other} talk trade\n\n"
            f"{capital.upper()}, March {i % 27 + 1}, 2022 — Foreign Minister {person} of {state} met officials "
            f"from {other} in {capital} on Tuesday to discuss port fees.\n\n"
            f"The two countries signed a fisheries agreement in {2010 + i % 10}, {person.split()[1]} said.\n",
            encoding="utf-8")
    return folder




def test_pack_roundtrip_keeps_cleaned_text_and_offsets() -> None:
    article = Article(doc_id="a.txt", text="Hello  world", title="Hello", clean="Hello world",
                      offsets=[0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12], published="2022-03-01")
    back = ingest_module._unpack(ingest_module._pack(article))
    assert back == article
    plain = Article(doc_id="b.txt", text="Same text")
    packed = ingest_module._pack(plain)
    assert packed["clean"] is None  # not sent twice
    assert ingest_module._unpack(packed) == plain


def test_reingest_of_unchanged_corpus_loads_no_pipeline(tmp_path, nlp, monkeypatch) -> None:
    folder = write_articles(tmp_path / "in", 3)
    with Store(tmp_path / "kb.db") as store:
        first = ingest([folder], store=store)
        assert first.read == 3 and not first.failed

        def no_model(*args, **kwargs):
            raise AssertionError("the pipeline was loaded for an unchanged corpus")

        monkeypatch.setattr("kb.extract.pipeline.load_nlp", no_model)
        again = ingest([folder], store=store)
    # The articles carry a dateline: extraction fills in the publication date, which
    # must not change the stored hash of the article as read.
    assert (again.read, again.unchanged) == (0, 3)


def test_changed_article_replaces_its_facts(tmp_path, nlp) -> None:
    folder = write_articles(tmp_path / "in", 2)
    db = tmp_path / "kb.db"
    with Store(db) as store:
        ingest([folder], store=store)
        (folder / "article_000.txt").write_text("Short note\n\nPresident Ana Ruiz visited Quito on Monday.\n")
        report = ingest([folder], store=store)
        assert (report.read, report.unchanged) == (1, 1)
        text = store.db.execute("SELECT group_concat(text, ' ') FROM sentences WHERE article='article_000.txt'")
        assert "Quito" in text.fetchone()[0]
        assert store.db.execute("SELECT count(*) FROM sentences WHERE text LIKE '%port fees%' "
                                "AND article='article_000.txt'").fetchone()[0] == 0


def test_two_workers_give_the_same_store_as_one(tmp_path, nlp) -> None:
    folder = write_articles(tmp_path / "in", 8)
    for workers, name in ((1, "one.db"), (2, "two.db")):
        with Store(tmp_path / name) as store:
            report = ingest([folder], store=store, workers=workers, batch_size=3)
            assert report.read == 8 and not report.failed
    assert snapshot(tmp_path / "one.db") == snapshot(tmp_path / "two.db")


def test_workers_read_ahead_a_bounded_number_of_articles(tmp_path, nlp, monkeypatch) -> None:
    folder = write_articles(tmp_path / "in", 14)
    real = ingest_module.read_articles
    consumed = 0

    def counting(paths):
        nonlocal consumed
        for item in real(paths):
            consumed += 1
            yield item

    monkeypatch.setattr(ingest_module, "read_articles", counting)
    ahead: list[int] = []

    def watch(p: Progress) -> None:
        ahead.append(consumed - p.done)

    with Store(tmp_path / "kb.db") as store:
        report = ingest([folder], store=store, workers=2, batch_size=1, progress=watch)
    assert report.read == 14
    # In flight: IN_FLIGHT_PER_WORKER batches per worker, plus the one being queued.
    assert max(ahead) <= ingest_module.IN_FLIGHT_PER_WORKER * 2 + 1


@pytest.mark.parametrize("workers", [1, 2])
def test_an_article_that_breaks_analysis_costs_only_itself(tmp_path, nlp, monkeypatch, workers) -> None:
    folder = write_articles(tmp_path / "in", 5)
    real = kb.extract.facts_from_doc

    def fragile(article, doc):
        if article.doc_id == "article_002.txt":
            raise RuntimeError("boom")
        return real(article, doc)

    monkeypatch.setattr(kb.extract, "facts_from_doc", fragile)
    with Store(tmp_path / "kb.db") as store:
        report = ingest([folder], store=store, workers=workers, batch_size=4)
        stored = {r[0] for r in store.db.execute("SELECT id FROM articles")}
    assert report.read == 4
    assert [p for p, _ in report.failed] == [str(folder / "article_002.txt")]
    assert "boom" in report.failed[0][1]
    assert stored == {f"article_{i:03d}.txt" for i in (0, 1, 3, 4)}


def test_empty_input_writes_nothing_and_loads_nothing(tmp_path, monkeypatch) -> None:
    def no_model(*args, **kwargs):
        raise AssertionError("loaded")

    monkeypatch.setattr("kb.extract.pipeline.load_nlp", no_model)
    (tmp_path / "in").mkdir()
    with Store(tmp_path / "kb.db") as store:
        report = ingest([tmp_path / "in"], store=store, workers=2)
        assert (report.read, report.unchanged, report.failed) == (0, 0, [])
        assert store.count("articles") == 0


def test_missing_model_in_workers_stops_the_ingest_with_its_error(tmp_path) -> None:
    from kb.errors import ModelMissing

    folder = write_articles(tmp_path / "in", 2)
    with Store(tmp_path / "kb.db") as store, pytest.raises(ModelMissing, match="no_such_pipeline"):
        ingest([folder], store=store, workers=2, model="no_such_pipeline")


def test_a_store_kept_in_the_folder_it_reads_is_passed_over_quietly(tmp_path, nlp) -> None:
    folder = write_articles(tmp_path / "in", 2)
    (folder / "notes.xyz").write_text("not an article")
    with Store(folder / "kb.db") as store:
        report = ingest([folder], store=store)
    skipped = {Path(p).name for p, _ in report.skipped}
    assert skipped == {"notes.xyz"}  # not kb.db, kb.db-wal or kb.db-shm
    assert report.read == 2


def test_consolidation_chooses_the_event_heads_the_migration_would(tmp_path, nlp) -> None:
    # consolidation picks each merged event's best-dated telling in Python, the migration
    # that made the table in SQL: the two must agree
    with Store(tmp_path / "kb.db") as store:
        ingest([write_articles(tmp_path / "in", 12)], store=store)
        heads = "SELECT * FROM event_heads ORDER BY event"
        chosen = [tuple(r) for r in store.db.execute(heads)]
        told_more_than_once = store.db.execute(
            "SELECT count(*) FROM (SELECT event FROM event_members GROUP BY event HAVING count(*) > 1)").fetchone()[0]
        with store.transaction() as db:
            _fill_event_heads(db)
        assert told_more_than_once and chosen and [tuple(r) for r in store.db.execute(heads)] == chosen

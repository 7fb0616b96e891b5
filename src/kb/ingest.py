"""Ingest: files → articles → extracted facts → store, one transaction per article."""

from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from kb.corpus import read_articles
from kb.errors import BadArticle
from kb.model import Article, ArticleFacts
from kb.store import Store

if TYPE_CHECKING:
    from kb.model import DateValue


@dataclass
class IngestReport:
    read: int = 0  # articles analysed and stored
    unchanged: int = 0  # skipped: same content already stored
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    entities_before: int = 0
    entities_after: int = 0
    events_before: int = 0
    events_after: int = 0

    @property
    def entities_added(self) -> int:
        return self.entities_after - self.entities_before

    @property
    def events_added(self) -> int:
        return self.events_after - self.events_before


@dataclass
class Progress:
    """What the progress callback is told after each article."""

    done: int
    doc_id: str
    status: str  # "read", "unchanged", "failed"
    detail: str = ""


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    store: Store,
    published: DateValue | None = None,
    model: str | None = None,
    workers: int = 1,
    batch_size: int = 16,
    progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Read every article under ``paths`` into ``store``.

    Unchanged articles (same content hash) are skipped; a changed one replaces its old
    facts. A bad file is reported and the rest goes on. Canonical entities and merged
    events are rebuilt once at the end, only when something changed.
    """
    report = IngestReport()
    report.entities_before = store.count("entities")
    report.events_before = store.stats()["events"]
    known = store.article_hashes()
    done = 0

    def tell(doc_id: str, status: str, detail: str = "") -> None:
        nonlocal done
        done += 1
        if progress:
            progress(Progress(done, doc_id, status, detail))

    def pending() -> Iterator[Article]:
        for item in read_articles(paths):
            if isinstance(item, BadArticle):
                report.failed.append((item.path, item.reason))
                tell(item.path, "failed", item.reason)
                continue
            if published is not None:
                item.published, item.published_from = published.start, "override"
            for warning in getattr(item, "warnings", None) or []:
                report.warnings.append((item.path or item.doc_id, warning))
            if known.get(item.doc_id) == item.content_hash:
                report.unchanged += 1
                tell(item.doc_id, "unchanged")
                continue
            yield item

    for facts in _analyse(pending(), model=model, workers=workers, batch_size=batch_size):
        if isinstance(facts, BadArticle):
            report.failed.append((facts.path, facts.reason))
            tell(facts.path, "failed", facts.reason)
            continue
        store.write_article(facts)
        report.read += 1
        tell(facts.article.doc_id, "read")

    if store.dirty:
        store.consolidate()
    report.entities_after = store.count("entities")
    report.events_after = store.stats()["events"]
    return report


def _analyse(
    articles: Iterable[Article], *, model: str | None, workers: int, batch_size: int
) -> Iterator[ArticleFacts | BadArticle]:
    """Facts for each article, in order; the NLP runs here or in ``workers`` processes."""
    if workers <= 1:
        from kb.extract import extract_many
        from kb.extract.pipeline import load_nlp

        nlp = load_nlp(model)
        for article, facts in _guarded(articles, lambda batch: extract_many(batch, nlp, batch_size=batch_size),
                                       batch_size):
            yield facts
        return
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        for result in pool.imap(_worker_run, _batches(articles, batch_size)):
            yield from result


def _guarded(
    articles: Iterable[Article], run: Callable[[list[Article]], Iterable[ArticleFacts]], batch_size: int
) -> Iterator[tuple[Article, ArticleFacts | BadArticle]]:
    """Run extraction batch by batch; if a batch fails, retry its articles one by one."""
    for batch in _batches(articles, batch_size):
        try:
            results = list(run(batch))
        except Exception:  # noqa: BLE001 - one bad article must not stop the ingest
            results = []
            for article in batch:
                try:
                    results.extend(run([article]))
                except Exception as exc:  # noqa: BLE001
                    results.append(BadArticle(article.path or article.doc_id, f"analysis failed: {exc}"))
        yield from zip(batch, results)


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER_NLP = None


def _worker_init(model: str | None) -> None:
    global _WORKER_NLP
    from kb.extract.pipeline import load_nlp

    _WORKER_NLP = load_nlp(model)


def _worker_run(batch: list[Article]) -> list[ArticleFacts | BadArticle]:
    from kb.extract import extract_many

    return [facts for _, facts in _guarded(batch, lambda b: extract_many(b, _WORKER_NLP, batch_size=len(b)),
                                           len(batch))]

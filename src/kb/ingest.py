"""Ingest: files → articles → extracted facts → store, one transaction per article.

The corpus is streamed: articles are read, analysed and written one batch at a time,
so memory does not grow with the number of articles. With ``workers > 1`` the NLP runs
in forked processes; at most a few batches per worker are in flight, and only the
compact part of each article crosses the process boundary (the text once, offsets as
packed integers, facts without the article).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
from array import array
from collections import deque
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from kb.corpus import read_articles
from kb.errors import BadArticle, SkippedFile
from kb.model import Article, ArticleFacts
from kb.resolve.consolidate import consolidate
from kb.store import Store

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from kb.model import DateValue

IN_FLIGHT_PER_WORKER = 2  # batches queued per worker: enough to keep it busy, bounded memory


@dataclass
class IngestReport:
    read: int = 0  # articles analysed and stored
    unchanged: int = 0  # skipped: same content already stored
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # files not in an article format
    warnings: list[tuple[str, str]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)  # articles read without a publication date
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
    status: str  # "read", "unchanged", "failed", "skipped"
    detail: str = ""


def ingest(
    paths: Sequence[str | os.PathLike[str]],
    *,
    store: Store,
    published: DateValue | None = None,
    model: str | None = None,
    workers: int = 1,
    cluster: str | None = None,
    batch_size: int = 16,
    progress: Callable[[Progress], None] | None = None,
) -> IngestReport:
    """Read every article under ``paths`` into ``store``.

    Unchanged articles (same content hash) are skipped without loading the NLP pipeline;
    a changed one replaces its old facts. A bad file is reported and the rest goes on.
    Canonical entities and merged events are rebuilt once at the end, only when
    something changed. ``cluster`` (a Dask scheduler address, or ``"local"`` for a
    local cluster of ``workers`` processes) runs the NLP there instead; this process
    still writes the store.
    """
    report = IngestReport()
    report.entities_before = store.count("entities")
    report.events_before = store.stats()["events"]
    known = store.article_hashes()
    hashes: dict[str, str] = {}  # doc_id -> content hash as read, until written
    done = 0

    def tell(doc_id: str, status: str, detail: str = "") -> None:
        nonlocal done
        done += 1
        if progress:
            progress(Progress(done, doc_id, status, detail))

    own_files = _store_files(store.path)

    def pending() -> Iterator[Article]:
        for item in read_articles(paths):
            if isinstance(item, SkippedFile):
                if os.path.realpath(item.path) in own_files:
                    continue  # the knowledge base itself, kept in the folder being read
                report.skipped.append((item.path, item.reason))
                report.warnings.append((item.path, f"skipped: {item.reason}"))
                tell(item.path, "skipped", item.reason)
                continue
            if isinstance(item, BadArticle):
                report.failed.append((item.path, item.reason))
                tell(item.path, "failed", item.reason)
                continue
            if published is not None:
                item.published, item.published_from = published.start, "override"
            for warning in getattr(item, "warnings", None) or []:
                report.warnings.append((item.path or item.doc_id, warning))
            digest = item.content_hash
            if known.get(item.doc_id) == digest:
                report.unchanged += 1
                tell(item.doc_id, "unchanged")
                continue
            # The hash of the article as read: analysis may fill in fields (a publication
            # date found in the text) that would change it.
            hashes[item.doc_id] = digest
            yield item

    # a batch's articles share one commit (each written all or nothing)
    with store.grouped(batch_size):
        for facts in _analyse(pending(), model=model, workers=workers, batch_size=batch_size,
                              cluster=cluster):
            if isinstance(facts, BadArticle):
                report.failed.append((facts.path, facts.reason))
                tell(facts.path, "failed", facts.reason)
                continue
            doc_id = facts.article.doc_id
            digest = hashes.pop(doc_id, None) or facts.article.content_hash
            known_before = doc_id in known
            known[doc_id] = digest
            if not store.write_article(facts, replace=known_before, content_hash=digest):
                report.unchanged += 1  # another ingest stored the same content meanwhile
                tell(doc_id, "unchanged")
                continue
            report.read += 1
            if not facts.article.published:
                report.undated.append(facts.article.path or doc_id)
            tell(doc_id, "read")

    if store.dirty:
        consolidate(store)
    report.entities_after = store.count("entities")
    report.events_after = store.stats()["events"]
    return report


def _store_files(path: str) -> set[str]:
    """The store's file and SQLite's companions to it (write-ahead log, shared memory, journal)."""
    base = os.path.realpath(path)
    return {base, *(base + suffix for suffix in ("-wal", "-shm", "-journal"))}


def _analyse(
    articles: Iterable[Article], *, model: str | None, workers: int, batch_size: int,
    cluster: str | None = None,
) -> Iterator[ArticleFacts | BadArticle]:
    """Facts for each article, in order; the NLP runs here or in ``workers`` processes.

    Nothing is loaded until a first article needs analysing, so a re-ingest of an
    unchanged corpus never loads the pipeline.
    """
    stream = iter(articles)
    first = next(stream, None)
    if first is None:
        return
    _keep_freed_memory()
    batches = _batches(_chain(first, stream), batch_size)
    if cluster is not None:
        from kb.cluster import analyse_on_cluster

        yield from analyse_on_cluster(batches, address=cluster, workers=workers, model=model)
        return
    if workers <= 1:
        from kb.extract import extract_many

        nlp = _load_nlp(model)
        gc.freeze()  # the pipeline's objects live until the end: collections need not scan them
        for batch in batches:
            yield from _guarded(batch, lambda b: extract_many(b, nlp, batch_size=batch_size))
        return
    yield from _pooled(batches, model=model, workers=workers)


def _pooled(batches: Iterator[list[Article]], *, model: str | None, workers: int) -> Iterator[ArticleFacts | BadArticle]:
    """Run batches on a pool of forked workers, in order, with a bounded number in flight.

    ``Pool.imap`` would read the whole input ahead; here at most
    ``IN_FLIGHT_PER_WORKER * workers`` batches are queued or being analysed.
    """
    ctx = multiprocessing.get_context("fork")
    limit = IN_FLIGHT_PER_WORKER * workers
    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        queue: deque[tuple[list[Article], AsyncResult[list[Any]]]] = deque()
        for batch in batches:
            queue.append((batch, pool.apply_async(_worker_run, ([_pack(a) for a in batch],))))
            if len(queue) >= limit:
                yield from _unpack_results(*queue.popleft())
        while queue:
            yield from _unpack_results(*queue.popleft())


def _keep_freed_memory() -> None:
    """Let glibc keep freed memory for reuse instead of handing it back at once.

    The pipeline allocates and frees large arrays for every batch; with glibc's defaults the
    ingest process (not a bare ``nlp.pipe`` loop) kept returning those pages and faulting
    them in again: four times the page faults, about 3% of the run time. Where there is no
    glibc ``mallopt`` (macOS, Windows, musl) nothing changes.
    """
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_mmap_threshold = -1, -3
    mallopt(m_mmap_threshold, 64 << 20)  # large arrays come from the heap, not fresh mappings
    mallopt(m_trim_threshold, 128 << 20)  # and the heap keeps what they free


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def _guarded(
    batch: list[Article], run: Callable[[list[Article]], Iterable[ArticleFacts]]
) -> list[ArticleFacts | BadArticle]:
    """Analyse a batch; if it fails, retry its articles one by one so one bad article costs only itself."""
    try:
        return list(run(batch))
    except Exception:  # noqa: BLE001 - one bad article must not stop the ingest
        pass
    results: list[ArticleFacts | BadArticle] = []
    for article in batch:
        try:
            results.extend(run([article]))
        except Exception as exc:  # noqa: BLE001
            results.append(BadArticle(article.path or article.doc_id, f"analysis failed: {type(exc).__name__}: {exc}"))
    return results


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# --- crossing the process boundary ----------------------------------------------------
# An article goes to a worker as its fields with the offsets packed into machine
# integers and the cleaned text left out when it equals the text; facts come back without the
# article, plus the article fields that extraction may have filled in (e.g. the
# publication date found in the text).

_BULKY = ("text", "clean", "offsets")


def _pack(article: Article) -> dict[str, Any]:
    fields = dict(vars(article))
    fields["offsets"] = array("q", fields["offsets"]).tobytes()
    if fields["clean"] == fields["text"]:
        fields["clean"] = None  # not sent twice
    return fields


def _unpack(fields: dict[str, Any]) -> Article:
    fields = dict(fields)
    offsets = array("q")
    offsets.frombytes(fields.pop("offsets"))
    if fields["clean"] is None:
        fields["clean"] = fields["text"]
    return Article(**fields, offsets=offsets.tolist())


def _slim(facts: ArticleFacts | BadArticle) -> tuple[dict[str, Any], ArticleFacts | None]:
    """Facts without their article; a failure as plain data (``BadArticle`` cannot be unpickled)."""
    if isinstance(facts, BadArticle):
        return {"failed": (facts.path, facts.reason)}, None
    meta = {k: v for k, v in vars(facts.article).items() if k not in _BULKY}
    return meta, replace(facts, article=None)  # type: ignore[arg-type]


def _unpack_results(batch: list[Article], pending: AsyncResult[list[Any]]) -> Iterator[ArticleFacts | BadArticle]:
    return _rejoin(batch, pending.get())


def _rejoin(batch: list[Article], results: list[Any]) -> Iterator[ArticleFacts | BadArticle]:
    """Each article of ``batch`` with the facts :func:`_slim` sent back for it, or its failure."""
    for article, (meta, facts) in zip(batch, results):
        if facts is None:
            yield BadArticle(*meta["failed"])
            continue
        for name, value in meta.items():
            setattr(article, name, value)
        facts.article = article
        yield facts


_WORKER_NLP: Any = None
_WORKER_ERROR: Exception | None = None


def _load_nlp(model: str | None) -> Any:
    """The cached pipeline; ``load_nlp()`` and ``load_nlp(None)`` would be two cache entries."""
    from kb.extract.pipeline import load_nlp

    return load_nlp(model) if model is not None else load_nlp()


def _worker_init(model: str | None) -> None:
    # A failing initializer makes a Pool restart its workers forever: keep the error
    # and raise it from the first task instead, so the ingest stops with it.
    global _WORKER_NLP, _WORKER_ERROR
    try:
        _WORKER_NLP = _load_nlp(model)
    except Exception as exc:  # noqa: BLE001
        _WORKER_ERROR = exc
    gc.freeze()  # the pipeline's objects live as long as the worker: no need to scan them


def _worker_run(packed: list[dict[str, Any]]) -> list[tuple[dict[str, Any], ArticleFacts | None]]:
    from kb.extract import extract_many

    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
    batch = [_unpack(p) for p in packed]
    return [_slim(f) for f in _guarded(batch, lambda b: extract_many(b, _WORKER_NLP, batch_size=len(b)))]


def analyse(path: str, *, published: DateValue | None = None,
            model: str | None = None) -> tuple[list[ArticleFacts], list[BadArticle]]:
    """The facts of each article of one file, not stored (``kb extract``), and the articles
    that could not be read. ``published`` overrides every article's date; a file none of
    whose articles can be read raises its first failure."""
    from kb.extract import extract
    from kb.extract.pipeline import load_nlp

    items = list(read_articles([path]))
    bad = [i for i in items if isinstance(i, BadArticle)]
    if bad and len(bad) == len(items):
        raise bad[0]
    nlp = load_nlp(model)
    found = []
    for article in items:
        if isinstance(article, BadArticle):
            continue
        if published is not None:
            article.published, article.published_from = published.start, "override"
        found.append(extract(article, nlp))
    return found, bad

"""The NLP stage of ingest on Dask distributed workers.

The process that runs ``kb ingest`` reads the files and stays the only writer of the store;
the workers only turn articles into facts, a pure function of one article. Batches cross
in the same compact form as to local worker processes (``kb.ingest``'s ``_pack``/``_slim``)
and come back in input order, so the store is the same as after a plain ingest.

Each worker process loads the spaCy pipeline once, on its first batch, and keeps it. A
worker lost mid-run costs nothing: the scheduler runs its batches again on another worker,
and only the one result of each batch is written. A batch that keeps killing the workers
it runs on is retried article by article, so only the article at fault is reported failed.

Dask is imported only here, and this module only when ``--cluster`` is given.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
import uuid
from collections import deque
from concurrent.futures import CancelledError
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Iterator

from kb.errors import BadArticle, KbError
from kb.ingest import IN_FLIGHT_PER_WORKER, _guarded, _keep_freed_memory, _load_nlp, _pack, _rejoin, _slim, _unpack
from kb.model import Article, ArticleFacts

if TYPE_CHECKING:
    from distributed import Client, Future

LOCAL = "local"
CONNECT_TIMEOUT = 10.0  # seconds to reach the scheduler
WORKERS_TIMEOUT = 120.0  # seconds to wait for a first worker to join it

Slim = tuple[dict[str, Any], "ArticleFacts | None"]


class ClusterError(KbError):
    """The cluster cannot be reached or used (one line for the user)."""


def analyse_on_cluster(
    batches: Iterator[list[Article]], *, address: str, workers: int, model: str | None
) -> Iterator[ArticleFacts | BadArticle]:
    """Facts for each article of ``batches``, in order, computed on the cluster at ``address``.

    ``address`` is a scheduler address (``tcp://host:8786``) or ``"local"``, which starts a
    cluster of ``workers`` processes on this machine for the duration of the ingest. At
    most ``IN_FLIGHT_PER_WORKER`` batches per worker thread are queued at once, so memory
    does not grow with the corpus.
    """
    distributed = _import_distributed()
    from kb.extract.pipeline import model_name

    name = model_name(model)  # resolved here, so every worker loads the pipeline this process would
    with _connect(distributed, address, workers) as client:
        run = f"kb-nlp-{uuid.uuid4().hex[:12]}"
        queue: deque[tuple[list[Article], Future]] = deque()
        try:
            limit = IN_FLIGHT_PER_WORKER * _threads(client, address)
            for i, batch in enumerate(batches):
                future = client.submit(_run_batch, [_pack(a) for a in batch], name, key=f"{run}-{i}", pure=False)
                queue.append((batch, future))
                if len(queue) >= limit:
                    yield from _collect(client, name, *queue.popleft(), distributed=distributed)
            while queue:
                yield from _collect(client, name, *queue.popleft(), distributed=distributed)
        except (OSError, CancelledError, distributed.comm.CommClosedError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ClusterError(f"lost the Dask scheduler at {address} ({reason}); run the ingest again "
                               "to finish it: what was written is kept") from exc
        finally:
            for _, future in queue:
                future.cancel()


def _threads(client: Client, address: str) -> int:
    """Worker threads on the cluster, once at least one worker has joined it."""
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT)
    except TimeoutError as exc:
        if client.status != "running":
            raise
        raise ClusterError(f"no Dask worker joined the scheduler at {address} within "
                           f"{WORKERS_TIMEOUT:.0f} s; start some with 'dask worker {address}'") from exc
    return max(1, sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()))


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise ClusterError("--cluster needs Dask: pip install dask==2026.8.0 distributed==2026.8.0 "
                           "(kb's 'cluster' extra)") from exc
    return distributed


@contextmanager
def _connect(distributed: Any, address: str, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a local cluster started for the ingest.

    Dask's own log lines (reconnection tracebacks, restarted workers) are kept quiet:
    what matters to the user comes out as one :class:`ClusterError`; ``KB_DEBUG=1`` shows them.
    """
    quiet = not os.environ.get("KB_DEBUG")
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)
               if name == "distributed" or name.startswith("distributed.")] if quiet else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        with _client(distributed, address, workers, quiet=quiet) as client:
            yield client
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


@contextmanager
def _client(distributed: Any, address: str, workers: int, *, quiet: bool) -> Iterator[Client]:
    if not address.strip():
        raise ClusterError("--cluster needs a scheduler address (tcp://host:8786) or 'local'")
    if address != LOCAL:
        try:
            client = distributed.Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot reach a Dask scheduler at {address!r}: {exc}") from exc
        with client:
            yield client
        return
    # The scheduler's web server on a free local port: none is opened to the network.
    with distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True,
        dashboard_address="127.0.0.1:0", silence_logs=logging.CRITICAL if quiet else logging.WARNING,
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def _collect(
    client: Client, model: str, batch: list[Article], future: Future, *, distributed: Any
) -> Iterator[ArticleFacts | BadArticle]:
    """The facts of one submitted batch, joined back to its articles."""
    try:
        results = future.result()
    except distributed.KilledWorker:
        if len(batch) == 1:
            article = batch[0]
            yield BadArticle(article.path or article.doc_id, "analysis failed: it kept killing the worker running it")
            return
        # One article may be at fault: try them one by one, so only it is lost.
        for article in batch:
            single = client.submit(_run_batch, [_pack(article)], model, pure=False)
            yield from _collect(client, model, [article], single, distributed=distributed)
        return
    yield from _rejoin(batch, results)


# --- on the worker -----------------------------------------------------------------------

_NLP_LOCK = threading.Lock()  # one batch at a time per process, however many threads the worker has
_FROZEN = False


def _run_batch(packed: list[dict[str, Any]], model: str) -> list[Slim]:
    """Analyse one packed batch on a worker with its cached pipeline; facts without their articles."""
    from kb.extract import extract_many

    global _FROZEN
    with _NLP_LOCK:
        nlp = _load_nlp(model)
        if not _FROZEN:
            gc.freeze()  # the pipeline's objects live as long as the worker: collections need not scan them
            # Dask starts its workers with MALLOC_TRIM_THRESHOLD_ at 64 KiB: the pipeline's
            # per-batch arrays were handed back and faulted in again (686,000 page faults
            # over 200 articles, 86,000 with this).
            _keep_freed_memory()
            _FROZEN = True
        batch = [_unpack(p) for p in packed]
        return [_slim(f) for f in _guarded(batch, lambda b: extract_many(b, nlp, batch_size=len(b)))]

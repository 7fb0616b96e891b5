"""Ingest with the NLP on Dask distributed workers: same store, lost workers, interrupted runs."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest
from stores import snapshot

from kb.cluster import ClusterError, _import_distributed
from kb.errors import ModelMissing
from kb.ingest import Progress, ingest
from kb.store import Store

PEOPLE = ["Amara Okafor", "Henrik Dahl", "Sofia Marchetti", "Kenji Watanabe"]
STATES = [("Kenya", "Nairobi"), ("Denmark", "Copenhagen"), ("Italy", "Rome"), ("Japan", "Tokyo")]
# enough articles that work is still on the workers when the first ones come back
MANY = 40


def write_articles(folder: Path, n: int) -> Path:
    """``n`` short, distinct news articles as .txt files."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        person = PEOPLE[i % len(PEOPLE)]
        state, capital = STATES[i % len(STATES)]
        other, _ = STATES[(i + 1) % len(STATES)]
        (folder / f"story_{i:02d}.txt").write_text(
            f"{state} and {other} discuss energy\n\n"
            f"{capital.upper()}, May {i + 3}, 2023 — Prime Minister {person} of {state} visited {other} "
            f"on Monday and signed a gas supply agreement with its government.\n",
            encoding="utf-8")
    return folder




@pytest.fixture(scope="module")
def cluster():
    """A local Dask cluster of two worker processes, shared by the tests of this file."""
    distributed = _import_distributed()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address="127.0.0.1:0", silence_logs=50) as local:
        yield local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("cluster") / "in", 6)


@pytest.fixture(scope="module")
def plain(tmp_path_factory, corpus, nlp) -> dict[str, list[tuple]]:
    """The store a plain, one-process ingest of the corpus gives."""
    db = tmp_path_factory.mktemp("plain") / "kb.db"
    with Store(db) as store:
        report = ingest([corpus], store=store)
    assert report.read == 6 and not report.failed
    return snapshot(db)


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("cluster") / "many", MANY)


@pytest.fixture(scope="module")
def plain_many(tmp_path_factory, many, nlp) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("plain") / "kb.db"
    with Store(db) as store:
        assert ingest([many], store=store).read == MANY
    return snapshot(db)


def test_cluster_gives_the_same_store_and_skips_unchanged_articles(tmp_path, cluster, corpus, plain) -> None:
    db = tmp_path / "kb.db"
    with Store(db) as store:
        report = ingest([corpus], store=store, cluster=cluster.scheduler_address, batch_size=2)
        assert (report.read, report.unchanged, report.failed) == (6, 0, [])
        again = ingest([corpus], store=store, cluster="tcp://127.0.0.1:1")  # never reached: nothing to analyse
        assert (again.read, again.unchanged) == (0, 6)
    assert snapshot(db) == plain


def test_a_worker_lost_mid_run_loses_and_duplicates_nothing(tmp_path, cluster, plain_many, many) -> None:
    distributed = _import_distributed()
    killed: list[tuple[int, int]] = []  # (pid, batches it held)

    def kill_busy_worker(p: Progress) -> None:
        if killed:
            return
        # An article is back; kill the worker holding the most batches of the run (at a
        # later article when none holds any yet).
        with distributed.Client(cluster) as client:
            busy = max(client.processing().items(), key=lambda item: len(item[1]))
        if not busy[1]:
            return
        nanny = next(n for n in cluster.workers.values() if n.worker_address == busy[0])
        killed.append((nanny.pid, len(busy[1])))
        os.kill(nanny.pid, signal.SIGKILL)

    db = tmp_path / "kb.db"
    with Store(db) as store:
        report = ingest([many], store=store, cluster=cluster.scheduler_address, batch_size=1,
                        progress=kill_busy_worker)
    assert killed and killed[0][1] >= 1  # a worker was lost with batches of the run on it
    assert (report.read, report.failed) == (MANY, [])
    assert snapshot(db) == plain_many


def test_a_batch_given_up_by_the_scheduler_is_retried_article_by_article(tmp_path, cluster, plain_many, many,
                                                                         monkeypatch) -> None:
    import kb.cluster

    distributed = _import_distributed()
    sizes: list[int] = []
    collect = kb.cluster._collect

    def spy(client, model, batch, future, **kwargs):
        sizes.append(len(batch))
        return collect(client, model, batch, future, **kwargs)

    monkeypatch.setattr(kb.cluster, "_collect", spy)
    killed: list[int] = []

    def kill_busy_worker(p: Progress) -> None:
        if not killed:
            with distributed.Client(cluster) as client:
                busy = max(client.processing().items(), key=lambda item: len(item[1]))
            if not busy[1]:
                return  # no batch on any worker yet: try at the next article
            nanny = next(n for n in cluster.workers.values() if n.worker_address == busy[0])
            killed.append(nanny.pid)
            os.kill(nanny.pid, signal.SIGKILL)

    # With no failure allowed, the scheduler gives up at once on the batches of the lost worker.
    scheduler = cluster.scheduler
    allowed, scheduler.allowed_failures = scheduler.allowed_failures, 0
    db = tmp_path / "kb.db"
    try:
        with Store(db) as store:
            report = ingest([many], store=store, cluster=cluster.scheduler_address, batch_size=3,
                            progress=kill_busy_worker)
    finally:
        scheduler.allowed_failures = allowed
    assert killed and 1 in sizes  # batches of three, and single articles retried
    assert (report.read, report.failed) == (MANY, [])
    assert snapshot(db) == plain_many


def test_an_interrupted_ingest_is_finished_by_the_next_run(tmp_path, cluster, corpus, plain) -> None:
    def interrupt(p: Progress) -> None:
        if p.done == 3:
            raise KeyboardInterrupt

    db = tmp_path / "kb.db"
    with Store(db) as store:
        with pytest.raises(KeyboardInterrupt):
            ingest([corpus], store=store, cluster=cluster.scheduler_address, batch_size=1, progress=interrupt)
    with Store(db) as store:
        again = ingest([corpus], store=store, cluster=cluster.scheduler_address, batch_size=1)
    assert again.unchanged >= 1 and again.read + again.unchanged == 6 and not again.failed
    assert snapshot(db) == plain


def test_a_missing_pipeline_on_the_workers_stops_the_ingest_with_its_message(tmp_path, cluster, corpus) -> None:
    with Store(tmp_path / "kb.db") as store, pytest.raises(ModelMissing, match="no_such_pipeline"):
        ingest([corpus], store=store, cluster=cluster.scheduler_address, model="no_such_pipeline")


def test_cli_local_cluster(tmp_path, corpus, plain, run) -> None:
    db = tmp_path / "local.db"
    out = run.json("ingest", str(corpus), "--cluster", "local", "--workers", "2", "--db", str(db))
    assert (out["read"], out["failed"]) == (6, [])
    assert snapshot(db) == plain


def test_cli_errors_are_one_line(tmp_path, corpus, run) -> None:
    bad = run("ingest", str(corpus), "--cluster", "no-port-here", ok=False)
    assert bad.exit_code == 1 and "cannot reach a Dask scheduler at 'no-port-here'" in bad.output
    assert "Traceback" not in bad.output
    empty = run("ingest", str(corpus), "--cluster", "", ok=False)
    assert empty.exit_code == 1 and "--cluster needs a scheduler address" in empty.output
    usage = run("ingest", str(corpus), "--cluster", "tcp://127.0.0.1:1", "--workers", "3", ok=False)
    assert usage.exit_code == 2 and "--workers" in usage.output


def test_without_dask_the_error_says_what_to_install(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ClusterError, match="pip install dask==2026.8.0 distributed==2026.8.0"):
        _import_distributed()

"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from kb.extract.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(autouse=True)
def _isolated_store(tmp_path, monkeypatch):
    """Every test gets its own store unless it names one."""
    monkeypatch.setenv("KB_DB", str(tmp_path / "kb.db"))


SEEDS = __import__("pathlib").Path(__file__).resolve().parents[1] / "data" / "seeds"


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory, nlp):
    """A store with the seed articles ingested once for the whole session (read-only use)."""
    from kb.ingest import ingest
    from kb.store import Store

    path = tmp_path_factory.mktemp("seeds") / "kb.db"
    with Store(path) as store:
        report = ingest([SEEDS], store=store)
    assert report.read == 5 and not report.failed
    return str(path)


@pytest.fixture
def run():
    """Run a kb command in-process; returns click's Result. JSON output: ``run.json(...)``."""
    import json

    from click.testing import CliRunner

    from kb.cli import main

    runner = CliRunner()

    def invoke(*args: str, ok: bool = True):
        result = runner.invoke(main, list(args), catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output + (result.stderr if hasattr(result, "stderr") else "")
        return result

    def as_json(*args: str):
        return json.loads(invoke(*args, "--json").stdout)

    invoke.json = as_json
    return invoke


@pytest.fixture
def db(seeds_db, tmp_path):
    """A private copy of the seeds store, for a test that changes it."""
    import shutil
    from pathlib import Path

    for suffix in ("", "-wal"):
        if Path(seeds_db + suffix).exists():
            shutil.copy(seeds_db + suffix, tmp_path / f"seeds.db{suffix}")
    return str(tmp_path / "seeds.db")

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

"""The arrows of the design hold: the store speaks SQL only, queries and the CLI read no
extraction code, extraction reads no resolution code."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _loaded(module: str) -> set[str]:
    code = f"import sys, {module}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_the_store_does_not_import_resolution():
    assert not {m for m in _loaded("kb.store") if m.startswith("kb.resolve")}


@pytest.mark.parametrize("module", ["kb.cli", "kb.queries", "kb.graph", "kb.lookup"])
def test_queries_graph_and_cli_do_not_import_extraction(module):
    loaded = _loaded(module)
    assert not {m for m in loaded if m.startswith(("kb.extract", "spacy"))}


def test_extraction_does_not_import_resolution():
    loaded = _loaded("kb.extract.entities")
    assert "kb.extract.entities" in loaded
    assert not {m for m in loaded if m.startswith("kb.resolve")}

"""Fixtures for the tests of kb's spaCy components."""

from __future__ import annotations

import pytest


@pytest.fixture
def parsed_until(nlp):
    """A text run through the pipeline's components up to, not including, the one named."""

    def run(text: str, name: str):
        doc = nlp.make_doc(text)
        for component_name, component in nlp.pipeline:
            if component_name == name:
                return doc
            doc = component(doc)
        raise AssertionError(f"the pipeline has no {name}")

    return run

"""kb's word lists and lexical resources, kept as data files in the package.

Each resource is read once, on first use, and checked as it is read: a malformed row is
an error naming the file and line, not a silent gap.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import NamedTuple


class LexiconError(ValueError):
    """A data file of the lexicon is malformed."""


def rows(name: str, columns: int) -> list[list[str]]:
    """The tab-separated rows of ``data/NAME``, comments (``#``) and blank lines left out."""
    text = resources.files("kb.lexicon").joinpath("data", name).read_text(encoding="utf-8")
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != columns:
            raise LexiconError(f"{name}:{n}: expected {columns} tab-separated columns, got {len(cells)}")
        out.append(cells)
    return out


class NounSense(NamedTuple):
    """What WordNet says of a noun: its first sense's lexicographer file, the share of its
    senses that are happenings (acts, events, processes…), and whether one comes from a verb."""

    first: str
    happening: float
    from_verb: bool


@functools.cache
def wordnet_nouns() -> dict[str, NounSense]:
    """Nouns with a sense that is a happening, from WordNet 3.0 (``data/wordnet_nouns.tsv``)."""
    return {lemma: NounSense(first, float(share), flag == "1")
            for lemma, first, share, flag in rows("wordnet_nouns.tsv", 4)}

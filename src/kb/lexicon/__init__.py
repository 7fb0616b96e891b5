"""kb's word lists and lexical resources, kept as data files in the package.

Each resource is read once, on first use, and checked as it is read: a malformed row is
an error naming the file and line, not a silent gap.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any, NamedTuple


class LexiconError(ValueError):
    """A data file of the lexicon is malformed."""


def json_data(name: str) -> dict[str, Any]:
    """The object in ``data/NAME``, its ``lists`` checked: each a list of words, none twice."""
    data = json.loads(resources.files("kb.lexicon").joinpath("data", name).read_text(encoding="utf-8"))
    for key, words in data.get("lists", {}).items():
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise LexiconError(f"{name}: list {key!r} must be a list of words")
        if len(set(words)) != len(words):
            raise LexiconError(f"{name}: list {key!r} repeats a word")
    return data


def part(data: dict[str, Any], name: str, section: str, key: str) -> Any:
    """``data[section][key]`` of the data file ``name``, or an error naming what is missing."""
    try:
        return data[section][key]
    except KeyError:
        raise LexiconError(f"{name}: no {section[:-1]} {key!r}") from None


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


def past_stems(word: str) -> tuple[str, ...]:
    """What a verb form may come from, for the lemmatiser's misses: a past ("reappointed" →
    "reappointe", "reappoint"; "slated" → "slate", "slat") or a present ("hopes" → "hope")."""
    if word.endswith("ed"):
        return word[:-1], word[:-2]
    return (word[:-1],) if word.endswith("es") else ()


def lemma_in(tok: Any, words: frozenset[str] | set[str]) -> bool:
    """True when a token's lemma, or the verb its form comes from, is one of ``words``
    (the lemmatiser reads "hoped" as "hop")."""
    return tok.lemma_.lower() in words or any(stem in words for stem in past_stems(tok.lower_))


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

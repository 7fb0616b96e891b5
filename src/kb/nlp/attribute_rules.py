"""The model's attribute rules, found by comparing arrays instead of running a Matcher.

A trained English pipeline sets each token's part of speech and morphology with an
``AttributeRuler``: one rule per fine-grained tag plus a hundred-odd exceptions ("'s" after
"there", "got" as "get"). The ruler runs spaCy's general token ``Matcher`` for this, which
tries every rule at every token and costs as much as the parser on short news articles.

The rules themselves are simple: fixed-length sequences of tokens, each tested for equal
or listed values of a few attributes (``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE`` …) or for a
regular expression in a string attribute. :class:`ArrayAttributeRuler` finds exactly the
matches the ``Matcher`` finds by comparing columns of ``Doc.to_array`` and hands them to
the ruler's own code, so the annotations are the same. A pipeline whose rules use anything
else (operators, comparisons, other attributes) leaves them all to the ``Matcher``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy
from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "kb_attribute_rules"
# attributes whose array value is what the Matcher compares: a lexical flag (0 or 1) or a string's hash
_FLAGS = {"IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_STOP", "LIKE_NUM"}
_STRINGS = {"ORTH", "LOWER", "NORM", "TAG", "DEP", "LEMMA", "SHAPE"}


@dataclass(frozen=True)
class _Test:
    """One attribute test of one token of a rule: equal to one of ``values`` (or to none of
    them), or, with ``regex``, a string the expression finds something in."""

    column: int
    values: tuple[int, ...] = ()
    negated: bool = False
    regex: str = ""


@dataclass(frozen=True)
class _Rule:
    order: int  # the ruler's rule number: later rules overwrite earlier ones
    key: int  # the Matcher key the ruler gave the rule
    tokens: tuple[tuple[_Test, ...], ...]


class ArrayAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` whose matches come from array comparisons (see the module)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._columns: list[int] = []
        self._rules: list[_Rule] | None = []
        self._compiled: tuple[list, list[_Rule]] | None = None
        self._searched: dict[str, dict[int, bool]] = {}  # regex → string hash → found

    def add(self, patterns: Any, attrs: dict, index: int = 0) -> None:  # type: ignore[override]
        order = len(self.attrs)
        super().add(patterns, attrs, index)
        self._compiled = None
        if self._rules is None:
            return
        key = self.vocab.strings[str(order)]
        for pattern in patterns:
            tokens = [self._tests(spec) for spec in pattern]
            if not tokens or any(t is None for t in tokens):
                self._rules = None  # a shape the arrays cannot test: the Matcher does it all
                return
            self._rules.append(_Rule(order, key, tuple(tokens)))  # type: ignore[arg-type]

    def _tests(self, spec: dict) -> tuple[_Test, ...] | None:
        tests = []
        for name, value in spec.items():
            if name not in _FLAGS and name not in _STRINGS:
                return None
            if IDS[name] not in self._columns:
                self._columns.append(IDS[name])
            column = self._columns.index(IDS[name])
            negated = False
            if isinstance(value, dict) and list(value) == ["REGEX"] and name in _STRINGS:
                tests.append(_Test(column, regex=value["REGEX"]))
                continue
            if isinstance(value, dict):
                if len(value) != 1 or next(iter(value)) not in ("IN", "NOT_IN"):
                    return None
                negated = "NOT_IN" in value
                values = list(next(iter(value.values())))
            else:
                values = [value]
            encoded = [self._encode(name, v) for v in values]
            if any(v is None for v in encoded):
                return None
            tests.append(_Test(column, tuple(encoded), negated))  # type: ignore[arg-type]
        return tuple(tests)

    def _encode(self, name: str, value: Any) -> int | None:
        if name in _FLAGS:
            return int(value) if isinstance(value, bool) else None
        return self.vocab.strings.add(value) if isinstance(value, str) else None

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self._rules is None or not self._columns:
            return super().match(doc)
        if self._compiled is None:
            self._compiled = _compile(self._rules)
        keyed, general = self._compiled
        n = len(doc)
        table = doc.to_array(self._columns).reshape(n, len(self._columns))
        found: list[tuple[int, int, int, int]] = []
        for columns, values, index in keyed:
            hits = _member(table[:, columns[0]], values[0])
            for column, allowed in zip(columns[1:], values[1:]):
                hits &= _member(table[:, column], allowed)
            at = numpy.flatnonzero(hits)
            for i, row in zip(at.tolist(), table[at][:, columns].tolist()):
                found.extend((order, key, i, i + 1) for order, key in index.get(tuple(row), ()))
        masks: dict[_Test, numpy.ndarray] = {}
        for rule in general:
            width = len(rule.tokens)
            if width > n:
                continue
            hits = numpy.ones(n - width + 1, dtype=bool)
            for offset, tests in enumerate(rule.tokens):
                for test in tests:
                    mask = masks.get(test)
                    if mask is None:
                        mask = masks[test] = self._mask(table[:, test.column], test)
                    hits &= mask[offset:n - width + 1 + offset]
            found.extend((rule.order, rule.key, i, i + width) for i in numpy.flatnonzero(hits).tolist())
        return sorted(set(found))  # the order the ruler sorts the Matcher's matches in

    def _mask(self, column: numpy.ndarray, test: _Test) -> numpy.ndarray:
        if test.regex:
            known = self._searched.setdefault(test.regex, {})
            if len(known) > 100_000:
                known.clear()
            search = re.compile(test.regex).search
            strings = self.vocab.strings
            hits = []
            for h in column.tolist():
                hit = known.get(h)
                if hit is None:
                    hit = known[h] = bool(search(strings[h]))
                hits.append(hit)
            return numpy.array(hits, dtype=bool)
        return _equal(column, test)


def _compile(rules: list[_Rule]) -> tuple[list, list[_Rule]]:
    """Split the rules: one-token rules of plain equalities are looked up by their values,
    grouped by the attributes they test; the others are tested one by one."""
    groups: dict[tuple[int, ...], dict[tuple[int, ...], list[tuple[int, int]]]] = {}
    general = []
    for rule in rules:
        tests = rule.tokens[0]
        if len(rule.tokens) == 1 and all(len(t.values) == 1 and not t.negated and not t.regex for t in tests):
            ordered = sorted(tests, key=lambda t: t.column)
            columns = tuple(t.column for t in ordered)
            group = groups.setdefault(columns, {})
            group.setdefault(tuple(t.values[0] for t in ordered), []).append((rule.order, rule.key))
        else:
            general.append(rule)
    keyed = []
    for columns, index in groups.items():
        values = [numpy.array(sorted({key[i] for key in index}), dtype=numpy.uint64) for i in range(len(columns))]
        keyed.append((list(columns), values, index))
    return keyed, general


def _member(column: numpy.ndarray, allowed: numpy.ndarray) -> numpy.ndarray:
    """Whether each value of ``column`` is in ``allowed`` (sorted, unique)."""
    at = numpy.searchsorted(allowed, column)
    numpy.minimum(at, len(allowed) - 1, out=at)
    return allowed[at] == column


@functools.lru_cache(maxsize=1024)
def _sorted(values: tuple[int, ...]) -> numpy.ndarray:
    return numpy.array(sorted(set(values)), dtype=numpy.uint64)


def _equal(column: numpy.ndarray, test: _Test) -> numpy.ndarray:
    if not test.values:  # "IN": [] matches nothing
        hit = numpy.zeros(len(column), dtype=bool)
    elif len(test.values) == 1:
        hit = column == numpy.uint64(test.values[0])
    else:
        hit = _member(column, _sorted(test.values))
    return ~hit if test.negated else hit


@Language.factory(NAME, default_config={"validate": False})
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate)


def replace_ruler(nlp: Language, name: str = "attribute_ruler") -> None:
    """Run the pipeline's attribute rules through :class:`ArrayAttributeRuler`, same rules, same order."""
    if name not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe(name)
    if type(ruler) is not AttributeRuler:
        return
    patterns = ruler.patterns
    nlp.replace_pipe(name, NAME)
    nlp.get_pipe(name).add_patterns(patterns)

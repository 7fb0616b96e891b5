"""Event recognition: every word that tells of an occurrence, action or change of state.

An event is what TimeML calls one: verbs ("signed", "fell"), event nouns ("the visit",
"losses", "independence"), and predicates of state or change ("invincible", "higher"),
whatever the word. A linear model over :mod:`kb.nlp.event_features` decides each
candidate token; its weights are trained by ``scripts/train_event_model.py`` on
TempEval-3's development split and shipped in ``data/event_model.json``.

The component writes the event words of a document to ``doc.spans["events"]``, one
one-token span each, in document order, labelled ``STATE`` for states ("is invincible",
"owns", "believes": TimeML's STATE and I_STATE, told apart by a second set of weights)
and ``EVENT`` for the rest. Which of them reach a timeline, and with which
type, participants and date, is decided later by :mod:`kb.extract.events`.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING, Any, Callable

from kb.extract.sents import ParsedToken, parsed_tokens, token_texts
from kb.nlp.event_features import (LexKey, candidate, entity_types, head_features, head_key, lexical_features,
                                     lexical_key, neighbour_features, neighbour_key, own_features)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

SPANS_KEY = "events"
EVENT, STATE = "EVENT", "STATE"  # span labels: a happening, a state


@functools.cache
def _model() -> dict[str, dict[str, float]]:
    text = resources.files("kb.nlp").joinpath("data", "event_model.json").read_text(encoding="utf-8")
    return json.loads(text)


def weights() -> dict[str, float]:
    """The trained weights telling event words from the rest, read once."""
    return _model()["weights"]


def state_weights() -> dict[str, float]:
    """The trained weights telling, of event words, states from happenings."""
    return _model()["state_weights"]


class _Scores:
    """Sums of weights of feature groups, computed once per distinct key and kept (most
    words, heads and neighbourhoods recur): a bounded table per group."""

    LIMIT = 200_000

    def __init__(self, weights: Callable[[], dict[str, float]], features: Callable[[Any], list[str]]) -> None:
        self.weights = weights
        self.features = features
        self.table: dict[Any, float] = {}

    def __call__(self, key: Any) -> float:
        score = self.table.get(key)
        if score is None:
            score = self.compute(key)
        return score

    def compute(self, key: Any) -> float:
        """The sum for a key not in the table yet, kept."""
        if len(self.table) >= self.LIMIT:
            self.table.clear()
        get = self.weights().get
        score = self.table[key] = sum(get(f, 0.0) for f in self.features(key))
        return score


class _Linear:
    """A linear model over :mod:`kb.nlp.event_features`: a token's score is the sum of the
    weights of its features, the word, head and neighbour parts looked up once per key."""

    def __init__(self, weights: Callable[[], dict[str, float]]) -> None:
        self.weights = weights
        self.lexical = _Scores(weights, lexical_features)
        self.head = _Scores(weights, head_features)
        self.neighbours = _Scores(weights, neighbour_features)

    def score(self, tokens: list[ParsedToken], i: int, text: str, ent_type: str) -> float:
        tok = tokens[i]
        return self.score_keys(lexical_key(tok, text), head_key(tok), neighbour_key(tokens, i),
                               own_features(tok, ent_type))

    def score_keys(self, lexical: LexKey, head: tuple[str, str, str, str], neighbours: tuple[str, ...],
                   own: list[str]) -> float:
        """:meth:`score` from a token's keys and own features, read once for both models (the
        sums are added in the same order, so the scores are the same to the last bit)."""
        score = self.lexical.table.get(lexical)
        if score is None:
            score = self.lexical.compute(lexical)
        part = self.head.table.get(head)
        score += part if part is not None else self.head.compute(head)
        part = self.neighbours.table.get(neighbours)
        score += part if part is not None else self.neighbours.compute(neighbours)
        get = self.weights().get
        for f in own:
            score += get(f, 0.0)
        return score


_events = _Linear(weights)
_states = _Linear(state_weights)


def recognise(doc: Doc) -> tuple[list[int], set[int]]:
    """Indexes of the tokens of ``doc`` that are events (those whose features' weights sum
    to more than zero), and of those the states ("is invincible", "owns", "believes").

    A token's features are read once and scored by both models: the second only sees the
    event words."""
    tokens = parsed_tokens(doc)
    texts = token_texts(doc)
    ents = entity_types(doc)
    events: list[int] = []
    states: set[int] = set()
    event_score, state_score = _events.score_keys, _states.score_keys
    for tok in tokens:
        if not candidate(tok):
            continue
        i = tok.i
        keys = (lexical_key(tok, texts[i]), head_key(tok), neighbour_key(tokens, i), own_features(tok, ents.get(i, "")))
        if event_score(*keys) > 0:
            events.append(i)
            if state_score(*keys) > 0:
                states.add(i)
    return events, states


def event_tokens(doc: Doc) -> list[int]:
    """Indexes of the tokens of ``doc`` that are events: those whose features' weights sum
    to more than zero."""
    return recognise(doc)[0]


def event_marks(doc: Doc) -> tuple[list[int], set[int]]:
    """The event tokens the component marked and, of them, the states; found now when it
    did not run. One pass over the span group, which makes a new ``Span`` for each."""
    group = doc.spans.get(SPANS_KEY) if doc.spans is not None else None
    if group is None:
        return recognise(doc)
    events: list[int] = []
    states: set[int] = set()
    for span in group:
        events.append(span.start)
        if span.label_ == STATE:
            states.add(span.start)
    return events, states


def event_words(doc: Doc) -> list[int]:
    """The event tokens the component marked, or found now when it did not run."""
    return event_marks(doc)[0]


def state_words(doc: Doc) -> set[int]:
    """The event tokens the component marked as states, or found now when it did not run."""
    return event_marks(doc)[1]


class EventMentions:
    """The ``kb_event_mentions`` pipeline component."""

    name = "kb_event_mentions"

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        events, states = recognise(doc)
        doc.spans[SPANS_KEY] = [Span(doc, i, i + 1, label=STATE if i in states else EVENT) for i in events]
        return doc


def _register() -> None:
    from spacy.language import Language

    Language.factory(EventMentions.name)(EventMentions)


try:  # registering needs spaCy; this module is only imported on NLP paths
    _register()
except ValueError:  # already registered
    pass

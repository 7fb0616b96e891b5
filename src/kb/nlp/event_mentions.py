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
from kb.nlp.event_features import (candidate, entity_types, head_features, head_key, lexical_features, lexical_key,
                                     neighbour_features, neighbour_key, own_features)

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
        get = self.weights().get
        score = self.lexical(lexical_key(tok, text)) + self.head(head_key(tok))
        score += self.neighbours(neighbour_key(tokens, i))
        for f in own_features(tok, ent_type):
            score += get(f, 0.0)
        return score


_events = _Linear(weights)
_states = _Linear(state_weights)


def event_tokens(doc: Doc) -> list[int]:
    """Indexes of the tokens of ``doc`` that are events: those whose features' weights sum
    to more than zero."""
    tokens = parsed_tokens(doc)
    texts = token_texts(doc)
    ents = entity_types(doc)
    return [tok.i for tok in tokens
            if candidate(tok) and _events.score(tokens, tok.i, texts[tok.i], ents.get(tok.i, "")) > 0]


def state_tokens(doc: Doc, events: list[int]) -> set[int]:
    """Of the event tokens ``events``, the states ("is invincible", "owns", "believes")."""
    tokens = parsed_tokens(doc)
    texts = token_texts(doc)
    ents = entity_types(doc)
    return {i for i in events if _states.score(tokens, i, texts[i], ents.get(i, "")) > 0}


def event_words(doc: Doc) -> list[int]:
    """The event tokens the component marked, or found now when it did not run."""
    group = doc.spans.get(SPANS_KEY) if doc.spans is not None else None
    if group is not None:
        return [span.start for span in group]
    return event_tokens(doc)


def state_words(doc: Doc) -> set[int]:
    """The event tokens the component marked as states, or found now when it did not run."""
    group = doc.spans.get(SPANS_KEY) if doc.spans is not None else None
    if group is not None:
        return {span.start for span in group if span.label_ == STATE}
    return state_tokens(doc, event_tokens(doc))


class EventMentions:
    """The ``kb_event_mentions`` pipeline component."""

    name = "kb_event_mentions"

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        events = event_tokens(doc)
        states = state_tokens(doc, events)
        doc.spans[SPANS_KEY] = [Span(doc, i, i + 1, label=STATE if i in states else EVENT) for i in events]
        return doc


def _register() -> None:
    from spacy.language import Language

    Language.factory(EventMentions.name)(EventMentions)


try:  # registering needs spaCy; this module is only imported on NLP paths
    _register()
except ValueError:  # already registered
    pass

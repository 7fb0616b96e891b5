"""The model's rule lemmatizer, applied from its own memo by token arrays.

spaCy's rule lemmatizer keeps each lemma it works out, keyed by the word, its part of
speech and its morphology, but still visits every token in Python to look it up and set
it. :func:`memoise` makes the pipeline's lemmatizer read those three attributes for the
whole document at once, look each distinct key up once, ask the lemmatizer itself only for
keys it has not seen, and write the lemmas back in one array: the same lemmas, a fraction
of the time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.pipeline import Lemmatizer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LIMIT = 200_000  # keys kept before the memo starts afresh


class _ArrayLemmas:
    """Mixed in before the pipeline's own lemmatizer class (see :func:`memoise`)."""

    _lemma_of: dict[tuple[int, int, int], int]

    def __call__(self, doc: Doc) -> Doc:
        if not self._validated:  # type: ignore[attr-defined]  # as spaCy's: its tables are there
            self._validate_tables(Errors.E1004)  # type: ignore[attr-defined]
        if not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        memo = self.__dict__.setdefault("_lemma_of", {})
        if len(memo) > LIMIT:
            memo.clear()
        strings = doc.vocab.strings
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma != 0:  # set before, by the attribute rules: kept, as the lemmatizer keeps it
                continue
            key = (orth, pos, morph)
            found = memo.get(key)
            if found is None:
                found = strings.add(self.lemmatize(doc[i])[0])  # type: ignore[attr-defined]
                if pos:  # the lemmatizer warns about a token without part of speech every time
                    memo[key] = found
            table[i, 3] = found
            changed = True
        if changed:
            doc.from_array([LEMMA], table[:, 3:4])
        return doc


def memoise(nlp: Language, name: str = "lemmatizer") -> None:
    """Let the pipeline's rule lemmatizer (one that keeps lemmas already set) work by arrays."""
    if name not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe(name)
    cls = type(lemmatizer)
    if not isinstance(lemmatizer, Lemmatizer) or issubclass(cls, _ArrayLemmas) \
            or cls.__call__ is not Lemmatizer.__call__ or lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return
    lemmatizer.__class__ = type(f"Array{cls.__name__}", (_ArrayLemmas, cls), {})

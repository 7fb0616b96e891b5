"""The ``kb_gazetteer`` spaCy component: states, demonyms, capitals and epithets in ``doc.ents``.

It runs after the model's ``ner`` and fixes what the small models get wrong about states:
a capital tagged PERSON, "the Hebrew state" missed, an acronym split. It writes how the
name was known and the state's canonical name into each span's ``kb_id_``
("capital:Morocco"), the evidence a name's kind is decided by first (see
:mod:`kb.extract.kinds`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.lexicon import names as nm

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


def add_ruler(nlp: Language) -> None:
    """Add the ``kb_gazetteer`` component after ``ner`` (or last when there is none)."""
    if "kb_gazetteer" in nlp.pipe_names:
        return
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("kb_gazetteer", after="ner")
    else:
        nlp.add_pipe("kb_gazetteer", last=True)


class _GazetteerComponent:
    """Relabel and add state names, demonyms, capitals and epithets in ``doc.ents``."""

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        gaz = nm.gazetteer()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.kinds: dict[str, tuple[str, str]] = {}  # match id string -> (label, state)
        tables = (("name", "GPE", gaz.names), ("demonym", "NORP", gaz.demonyms), ("plural", "NORP", gaz.plurals),
                  ("capital", "GPE", gaz.capitals))
        make = nlp.make_doc
        for kind, label, table in tables:
            for text, state in table.items():
                mid = f"kb_{kind}\x00{text}"
                self.kinds[mid] = (label, state)
                self.exact.add(mid, [make(text)])
        for text, state in gaz.epithets.items():
            mid = f"kb_epithet\x00{text}"
            self.kinds[mid] = ("GPE", state)
            self.lower.add(mid, [make(text)])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        vocab = doc.vocab
        found = []
        for matcher in (self.exact, self.lower):
            for mid, start, end in matcher(doc):
                key = vocab.strings[mid]
                label, state = self.kinds[key]
                found.append(Span(doc, start, end, label=label, kb_id=f"{key.split(chr(0))[0][3:]}:{state}"))
        if not found:
            return doc
        ents = list(doc.ents)
        by_token: dict[int, int] = {}
        for n, ent in enumerate(ents):
            for i in range(ent.start, ent.end):
                by_token[i] = n
        drop: set[int] = set()
        add: list[Span] = []
        for span in filter_spans(found):
            hits = sorted({by_token[i] for i in range(span.start, span.end) if i in by_token})
            text = span.text
            if not hits:
                if text in nm.AMBIGUOUS_STATES and _in_name_context(span):
                    continue
                add.append(span)
                continue
            covering = [ents[n] for n in hits]
            if len(covering) == 1:
                ent = covering[0]
                if ent.start >= span.start and ent.end <= span.end:
                    drop.add(hits[0])
                    add.append(span)
                elif ent.start <= span.start and ent.end >= span.end:
                    rest = [t for t in ent if t.i < span.start or t.i >= span.end]
                    if all(t.lower_ == "the" or t.lower_ in nm.POSSESSIVE_ENDINGS or t.is_punct for t in rest):
                        if ent.label_ == "PERSON" and text in nm.AMBIGUOUS_STATES:
                            continue
                        drop.add(hits[0])
                        add.append(Span(doc, ent.start, ent.end, label=span.label_, kb_id=span.kb_id_))
                continue
            if all(span.start <= ents[n].start and ents[n].end <= span.end for n in hits):
                drop.update(hits)
                add.append(span)
        if not add:
            return doc
        kept = [e for n, e in enumerate(ents) if n not in drop]
        doc.ents = filter_spans(kept + add)
        return doc


def _in_name_context(span: Span) -> bool:
    """True when a country-like word sits inside a personal name ("Michael Jordan")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return bool((before is not None and before.is_title and before.pos_ == "PROPN" and before.ent_type_ != "GPE")
                or (after is not None and after.is_title and after.pos_ == "PROPN" and after.ent_type_ != "GPE"))


def _register() -> None:
    from spacy.language import Language

    @Language.factory("kb_gazetteer")
    def make_gazetteer(nlp: Language, name: str) -> _GazetteerComponent:
        return _GazetteerComponent(nlp)


try:  # registering needs spaCy; this module is only imported on NLP paths
    _register()
except (ValueError, ImportError):  # already registered
    pass

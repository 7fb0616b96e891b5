"""Events from the dependency parse: trigger, type, participants, place, date, modality.

Contract used by the rest of kb:

- ``find_events(doc, found, timexes, anchor) -> list[Event]``: ``found`` is the article's
  :class:`kb.extract.entities.FoundEntities`; participants and places are its entity keys;
  sentence indexes are into ``list(doc.sents)``; trigger offsets are cleaned-text offsets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.model import Event, Participant, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from kb.extract.entities import FoundEntities


def find_events(doc: Doc, found: FoundEntities, timexes: list[Timex], anchor: str | None) -> list[Event]:
    events = []
    for i, sent in enumerate(doc.sents):
        root = sent.root
        if root.pos_ != "VERB":
            continue
        parts = []
        for m in found.mentions:
            if m.sentence == i and m.kind in ("person", "state", "organization"):
                parts.append(Participant(m.entity, "actor"))
        if not parts:
            continue
        date = None
        for t in timexes:
            if t.sentence == i and t.value:
                date = t.date_value()
                break
        events.append(
            Event(key=f"e{i}", trigger=root.text, type="statement" if root.lemma_ == "say" else "other",
                  sentence=i, trigger_start=root.idx, trigger_end=root.idx + len(root.text),
                  participants=parts, date=date, summary=sent.text.strip()[:120])
        )
    return events

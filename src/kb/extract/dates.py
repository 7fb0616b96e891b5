"""Time expressions: finding them, normalising them to TimeML values, publication dates.

Contract used by the rest of kb:

- ``publication_date(text) -> (iso_day, published_from) | None``
- ``find_timexes(doc, anchor) -> list[Timex]`` (cleaned-text offsets, sentence indexes)
- ``reported(timexes, anchor) -> list[Timex]``: the ones stored and shown

The work is done in :mod:`kb.extract.timex`. Relative expressions are resolved only
against the article's anchor day, never against today's date. Dates typed on the command
line are read by :mod:`kb.date_args`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kb.model import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc


def publication_date(text: str) -> tuple[str, str] | None:
    """The publication day found in the text and where it came from, or None."""
    from kb.extract.timex.pubdate import publication_date as found

    return found(text)


def find_timexes(doc: Doc, anchor: str | None) -> list[Timex]:
    """Every time expression in ``doc``, normalised against ``anchor`` (ISO day or None).
    One kb cannot place ("that day" with no date told before it) has no value: it still
    tells event dating that its clause has a time of its own."""
    from kb.extract.timex.find import find_timexes as found

    return found(doc, anchor)


def reported(timexes: list[Timex], anchor: str | None) -> list[Timex]:
    """The time expressions kb stores and reports. With an anchor, those it could give a
    TimeML value, as a TimeML annotation has no TIMEX3 without one; without an anchor,
    every one (a relative expression then has no value, but is still a time told of)."""
    if anchor is None:
        return list(timexes)
    return [t for t in timexes if t.value is not None]

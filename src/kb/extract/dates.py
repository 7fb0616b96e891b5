"""Time expressions: finding them, normalising them to TimeML values, publication dates.

Contract used by the rest of kb:

- ``publication_date(text) -> (iso_day, published_from) | None``
- ``find_timexes(doc, anchor) -> list[Timex]`` (cleaned-text offsets, sentence indexes)

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
    """Every time expression in ``doc``, normalised against ``anchor`` (ISO day or None)."""
    from kb.extract.timex.find import find_timexes as found

    return found(doc, anchor)

"""The candidate mention that every entity pass reads and writes, and the words they share."""

from __future__ import annotations

from dataclasses import dataclass

from kb.lexicon import names as nm



@dataclass
class Cand:
    """A candidate mention before local clustering."""

    kind: str
    name: str  # cleaned name (state: canonical name)
    start: int  # char offsets
    end: int
    sent: int
    tok_start: int  # token span of the core name
    tok_end: int
    via: str = ""  # how it was found: name, demonym, capital, epithet, glued, model
    cue: bool = False  # preceded by an honorific/title or in a speaker position
    prefix: tuple[int, int] | None = None  # token span stripped off the front (titles)
    key: str = ""


def is_junk_word(text: str) -> bool:
    """A word no name is made of: too short, a pronoun, weekday or month, no letter, lower-case."""
    low = text.lower().strip(".")
    return (len(text) < 2 or low in nm.PRONOUNS or low in nm.WEEKDAYS or low in nm.MONTHS
            or not any(c.isalpha() for c in text) or not (text[0].isupper() or text[0].isdigit()))


def name_tokens(name: str) -> list[str]:
    """The folded words of a name, for comparing names."""
    return nm.fold(name).split()

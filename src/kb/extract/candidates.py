"""The candidate mention that every entity pass reads and writes, and the words they share."""

from __future__ import annotations

from dataclasses import dataclass

from kb.extract import gazetteer as gz

# Common nouns the model tags as organisations ("Parliament", "the Ministry").
GENERIC_ORGS = {"parliament", "government", "ministry", "army", "police", "defence", "defense", "court", "senate",
                "congress", "cabinet", "military", "administration", "navy", "state", "interior", "kingdom",
                "presidency", "foreign", "treasury", "justice", "finance", "intelligence", "opposition",
                "commission", "conference", "committee", "council", "company", "agency", "group", "union", "bank",
                "board", "party", "firm", "department", "university", "embassy", "consulate", "ministries"}
# Generation and regnal suffixes that close a personal name ("Jr.", "VI").
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
                 "xiii", "xiv", "xv", "xvi"}
# Nouns that head an agreement's name or description.
AGREEMENT_HEADS = {"agreement", "agreements", "accord", "accords", "treaty", "treaties", "deal", "deals", "pact",
                   "pacts", "memorandum", "memoranda", "mou", "contract", "contracts", "convention", "protocol",
                   "armistice", "ceasefire", "truce", "charter"}
# Adjectives inside a title ("Supreme Leader", "Deputy Prime Minister").
TITLE_ADJECTIVES = {"supreme", "grand", "high", "chief", "senior", "deputy", "acting", "interim", "vice", "general",
                    "principal", "executive", "assistant", "associate", "special", "honorary", "federal", "royal"}


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
    return (len(text) < 2 or low in gz.PRONOUNS or low in gz.WEEKDAYS or low in gz.MONTHS
            or not any(c.isalpha() for c in text) or not (text[0].isupper() or text[0].isdigit()))


def name_tokens(name: str) -> list[str]:
    """The folded words of a name, for comparing names."""
    return gz.fold(name).split()

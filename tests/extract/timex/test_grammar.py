"""Trying date patterns only where their keywords are finds exactly what a whole-text scan finds."""

from __future__ import annotations

import random

from kb.extract.timex import grammar


def _whole_scan(text: str) -> list[tuple[int, str, tuple[int, int]]]:
    return [(rank, name, m.span()) for rank, (name, rx, _) in enumerate(grammar.COMPILED) for m in rx.finditer(text)]


def _windowed(text: str) -> list[tuple[int, str, tuple[int, int]]]:
    return [(rank, name, m.span()) for rank, name, m in grammar._matches(text)]


SENTENCES = [
    "The ministers met on Tuesday, March 3, 2020, three years ago, and again last week.",
    "Talks resumed on 14 February 2019 after a two-year pause; a deal is expected by mid-2021.",
    "Since the 1990s the port has handled 12,500,000 tonnes a year, about 40 percent more than in 1985.",
    "Sales rose in the second quarter of 2022 and in Q3 2023, the company said at 10:30 a.m. GMT.",
    "Every Monday for several weeks, protesters gathered; the curfew ends at midnight tonight.",
    "The 19th century treaty was signed in the summer of 1815 and renewed each spring.",
    "At present the two-week-long talks continue, and officials meet twice a month, not per year.",
    "Elections are due next May; May Smith said in May that the vote could come within months.",
    "Over the weekend, on Christmas Eve 2021 and on Good Friday, the 3/4/2021 schedule changed.",
    "The decade-long war ended at the end of the year, the following day; in recent years, fewer than 2000 died.",
    "FY2024 profits fell in the first half, earlier this month, a day after the 2008-2009 crisis anniversary.",
    "Minute by minute, the hours passed; yesterday morning the 2023-11-24T10:00 bulletin came out.",
]


def test_sentences_match_whole_scan() -> None:
    for text in SENTENCES:
        assert _windowed(text) == _whole_scan(text), text
    assert _windowed(" ".join(SENTENCES)) == _whole_scan(" ".join(SENTENCES))


def test_random_texts_match_whole_scan() -> None:
    """Date words, numbers and punctuation shuffled together, with matches at every distance."""
    words = ("the a an of in on since last next this past coming early mid late end start of every per each "
             "three twenty-one several few 12 1,500 2.5 1999 2021 05 31st 3rd Q2 H1 FY fiscal Jan. Sept March May "
             "JUNE Monday Fri. Sundays spring fall winter year years day-long week weekend month decade century "
             "hours minutes ago earlier later before after from now hence prior times once twice a.m. pm noon "
             "GMT local time morning night today tomorrow yesterday recently present future half quarter "
             "Christmas Day New Year's Eve - , . ; ' ( ) 1990s '80s twenties 12/03/2020 2021-05-06 people old "
             "Ö İstanbul").split()
    rng = random.Random(7)
    for _ in range(300):
        seps = [" ", " ", " ", "", "-", "\n", "  ", ", "]
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(5, 60)))
        assert _windowed(text) == _whole_scan(text), text


def test_every_keyword_names_a_pattern() -> None:
    names = {name for name, _, _ in grammar.COMPILED}
    assert set(grammar.KEYWORDS) <= names and set(grammar.NEEDS) <= names


def _piece_scan(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, str, tuple[int, int]]]:
    return [(rank, name, m.span()) for rank, (name, rx, _) in enumerate(grammar.COMPILED)
            for a, b in pieces for m in rx.finditer(text, a, b)]


def test_sentences_are_scanned_only_for_their_keywords() -> None:
    """Cut into sentences, a text gives what every pattern finds in every sentence."""
    text = " ".join(SENTENCES)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == " " and text[i - 1] == "."]
    pieces = list(zip(starts, starts[1:] + [len(text)]))
    assert len(pieces) > 10
    assert [(r, n, m.span()) for r, n, m in grammar._matches(text, pieces)] == _piece_scan(text, pieces)


def test_changed_case_matches_whole_scan() -> None:
    """Keywords are looked for in the lower-cased text: any case finds what a whole scan finds."""
    for text in SENTENCES:
        for variant in (text.lower(), text.upper(), text.title()):
            assert _windowed(variant) == _whole_scan(variant), variant


def test_durations_after_any_count_match_whole_scan() -> None:
    """Every count form, modifier and gap of a duration finds what a whole-text scan finds."""
    counts = ["3", "1,500", "2.5", "a", "an", "one", "twenty-one", "seventeen", "a few", "a couple of", "couple of",
              "several", "dozens of", "one and a half", "half an", "half a", "single", "x-three", "(12", "some"]
    words = counts + list(grammar._COUNT_WORDS) + ["years", "day", "centuries", "weeks", "the", "past", "about",
                                                   "ending", "-", "old", "ago", "long", "more than"]
    rng = random.Random(11)
    for _ in range(400):
        seps = [" ", "  ", "   ", "\n", "\u00a0", ", ", "-"]
        text = "".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(3, 25)))
        assert _windowed(text) == _whole_scan(text), text
    for count in counts:
        for word in ("", "consecutive ", "single ", "more "):
            text = f"for {count}   {word}  years"
            assert ("duration" in {name for _, name, _ in _windowed(text)}) == bool(
                grammar.COMPILED[[n for n, _, _ in grammar.COMPILED].index("duration")][1].search(text)), text
            assert _windowed(text) == _whole_scan(text), text

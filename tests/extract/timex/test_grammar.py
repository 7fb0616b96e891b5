"""Trying date patterns only near their keywords finds exactly what a whole-text scan finds."""

from __future__ import annotations

import random
import re

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


def test_long_runs_fall_back_to_whole_scan() -> None:
    for text in ("three" + " " * 9 + "years ago on May 5", "x" * 60 + " 2 days later", "12" + "0" * 20 + " years"):
        assert _windowed(text) == _whole_scan(text)


def test_long_run_check_matches_one_scan() -> None:
    """The chunk-by-chunk check finds a long run exactly when one scan of the text does."""
    one_scan = re.compile(rf"[\s-]{{{grammar._GAP_RUN + 1},}}|[\d.,]{{{grammar._NUMBER_RUN + 1},}}"
                          rf"|\w{{{grammar._WORD_RUN + 1},}}")
    texts = ["x1,234,567.89y", "paid 12,345,678,901 in", "v1.2.3.4.5.6 out", "...........", "a" * 40, "b" * 41,
             "a" * 39 + "-" + "a" * 39, "a\u00a0\u00a0\u00a0\u00a0b", "a - - b", "a -  b", "1\u200623456789012",
             "word" * 12 + ".", "", "   ", "short words only"]
    rng = random.Random(3)
    for _ in range(300):
        texts.append("".join(rng.choice("ab1,.- \n\u00a0") for _ in range(rng.randint(0, 80))))
    for text in texts:
        assert grammar._has_long_run(text) == bool(one_scan.search(text)), text


def test_every_keyword_names_a_pattern() -> None:
    names = {name for name, _, _ in grammar.COMPILED}
    assert set(grammar.KEYWORDS) <= names
    assert len(grammar.KEYED) == len(grammar.KEYWORDS)
    for keyword, before, after in grammar.KEYED.values():
        assert 0 < after and 0 <= before < 200


def test_changed_case_matches_whole_scan() -> None:
    """Month and weekday windows need a capital; the other patterns match in any case."""
    for text in SENTENCES:
        for variant in (text.lower(), text.upper(), text.title()):
            assert _windowed(variant) == _whole_scan(variant), variant


def test_capitalised_keywords_are_months_and_weekdays() -> None:
    assert {k.pattern for k in grammar.CAPITALISED} == {grammar._MONTH_KW, grammar._DOW_KW}
    low = " in may the market said money for the sun"
    assert all(not grammar._keyword_spans(k, low, low[1:]) for k in grammar.CAPITALISED)


def test_durations_after_any_count_match_whole_scan() -> None:
    """A unit opens a duration window only after a count (and maybe "more", "full"...): every
    count form, modifier and gap still finds what a whole-text scan finds."""
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

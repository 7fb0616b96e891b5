"""The glued-word repair speaks English only: other languages' words are left whole."""

from __future__ import annotations

from kb.corpus import clean_text
from kb.corpus.cleaning import foreign_spans

GERMAN = (
    "Die Whistleblowerin hat das Verfahren kritisiert, das die Regierung seit Jahren verfolgt "
    "und nun vor Gericht bringen will, sagte sie am Montag in Berlin vor Journalisten."
)
SPANISH = (
    "El gobierno ha practicado una política de cooperación con los países vecinos durante "
    "muchos años, dijo el ministro en una conferencia de prensa en Madrid el lunes."
)
ENGLISH = (
    "The minister said the talks were a success and that cooperationbetween the two countries "
    "would grow after the visit to Rabat, which was the first of its kind since the accord."
)


def test_text_in_another_language_is_not_split() -> None:
    assert clean_text(GERMAN)[0] == GERMAN
    assert clean_text(SPANISH)[0] == SPANISH
    assert foreign_spans(GERMAN) == [(0, len(GERMAN))]


def test_english_text_is_still_repaired() -> None:
    assert foreign_spans(ENGLISH) == []
    assert "cooperation between" in clean_text(ENGLISH)[0]


def test_a_quoted_paragraph_in_another_language_is_left_whole_inside_english_text() -> None:
    closing = "Officials said the tradeagreement would be signed later this year."
    text = f"{ENGLISH}\n\n{GERMAN}\n\n{SPANISH}\n\n{closing}"
    clean = clean_text(text)[0]
    assert "cooperation between" in clean and "trade agreement" in clean
    assert "Whistleblowerin" in clean and "practicado" in clean
    assert foreign_spans(text) == [
        (len(ENGLISH) + 2, len(ENGLISH) + 2 + len(GERMAN)),
        (len(ENGLISH) + len(GERMAN) + 4, len(ENGLISH) + len(GERMAN) + 4 + len(SPANISH)),
    ]


def test_punctuation_spacing_applies_in_any_language() -> None:
    text = SPANISH.replace("vecinos durante", "vecinos,durante")
    assert "vecinos, durante" in clean_text(text)[0]


def test_a_short_text_is_taken_as_english() -> None:
    assert clean_text("Talks in Rabat\n\nMoroccoand Israel sign a pact.")[0].endswith("Morocco and Israel sign a pact.")

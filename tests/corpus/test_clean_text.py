"""Cleaning web artefacts while keeping offsets into the text as read."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from kb.corpus import clean_text
from kb.model import Article

SEEDS = sorted((Path(__file__).parents[2] / "data" / "seeds").glob("*.txt"))


def check_offsets(text: str, clean: str, offsets: list[int]) -> None:
    """The offsets contract: every non-space character comes unchanged from its offset."""
    assert len(offsets) == len(clean) + 1
    assert offsets[-1] == len(text)
    assert all(a <= b for a, b in zip(offsets, offsets[1:])), "offsets must not go back"
    for i, ch in enumerate(clean):
        if ch.isspace():
            continue  # whitespace may be inserted or normalised
        assert text[offsets[i]] == ch, (i, ch, text[offsets[i]])


def cleaned(text: str) -> str:
    clean, offsets = clean_text(text)
    check_offsets(text, clean, offsets)
    return clean


# --- offsets ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_offsets_on_seed_articles(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    clean, offsets = clean_text(text)
    check_offsets(text, clean, offsets)
    assert len(clean) > 0.8 * len(text.strip()) - 600  # boilerplate goes, the article stays


def test_random_spans_map_back_to_the_same_words() -> None:
    text = (
        "Short Url\n\nSpain link Foreign Ministerlink Ana Ruiz flies Monday to Algerialink for a "
        "visitlink that could ease tensionsbetween the two capitals.\n\n  • A first since 2019\n"
        "Read also: Madrid and Algiers in talks\n\nThe trip, officials said, was “long overdue”,with "
        "talks on gas andmigration in theNorth African country.\n"
    )
    article = Article(doc_id="x", text=text, clean=(c := clean_text(text))[0], offsets=c[1])
    words = [m for m in re.finditer(r"\S+", article.clean)]
    rng = random.Random(7)
    for _ in range(200):
        a, b = sorted(rng.sample(range(len(words)), 2))
        start, end = words[a].start(), words[b].end()
        o_start, o_end = article.original_span(start, end)
        original = text[o_start:o_end]
        # The same characters, apart from whitespace and what cleaning removed in between.
        assert original.startswith(article.clean[start])
        assert original.endswith(article.clean[end - 1])
        squeezed = re.sub(r"\s+", "", article.clean[start:end])
        it = iter(re.sub(r"\s+", "", original))
        assert all(ch in it for ch in squeezed), (article.clean[start:end], original)


def test_unchanged_text_keeps_identity_offsets() -> None:
    text = "Ministers met in Oslo on Monday.\nThey signed a fisheries accord."
    clean, offsets = clean_text(text)
    assert clean == text
    assert offsets == list(range(len(text) + 1))


# --- link artefacts ---------------------------------------------------------------------


def test_link_artefacts_are_removed() -> None:
    text = (
        "Spain link Foreign Ministerlink Ana Ruiz flies Monday to Algerialink on a visitlink that "
        "aims to ease a row between Egypt linkLibya and their neighbours, a source familiar with "
        "the visitlink told reporters in Spain link."
    )
    assert cleaned(text) == (
        "Spain Foreign Minister Ana Ruiz flies Monday to Algeria on a visit that aims to ease a row "
        "between Egypt Libya and their neighbours, a source familiar with the visit told reporters "
        "in Spain."
    )


def test_the_word_link_is_kept() -> None:
    text = (
        "Investigators found a link between the two attacks and linked them to one cell. "
        "A hyperlink to the Starlink page was shared, with a Facebook link."
    )
    assert cleaned(text) == text


def test_stray_link_is_kept_after_a_determiner_in_an_artefact_text() -> None:
    text = "Officials in Chilelink shared a Twitter link with Perulink reporters."
    assert cleaned(text) == "Officials in Chile shared a Twitter link with Peru reporters."


def test_a_single_brand_ending_in_link_is_not_an_artefact() -> None:
    text = "Airlines use Skylink and the Telelink network across Europe."
    assert cleaned(text) == text


# --- glued words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("talks aimed at closer tradebetween the neighbours", "talks aimed at closer trade between the neighbours"),
        ("the minister was involvedin a dispute", "the minister was involved in a dispute"),
        ("it was not anaccident, he said", "it was not an accident, he said"),
        ("the rebels announcedthat they would withdraw", "the rebels announced that they would withdraw"),
        ("troops crossed intoEastern Ukraine", "troops crossed into Eastern Ukraine"),
        # Two capitalised words are split where the text lost other spaces too.
        ("the EasternMediterranean gas fieldsare", "the Eastern Mediterranean gas fields are"),
        ("a report by HumanRights Watch publishedon Monday", "a report by Human Rights Watch published on Monday"),
        ("the homes ofSyrian refugees", "the homes of Syrian refugees"),
        ("a call from theFrench government", "a call from the French government"),
        ("talks with the UNsecretary general", "talks with the UN secretary general"),
        ("the Atlantic Energy Companysigned a contract", "the Atlantic Energy Company signed a contract"),
        ("this clearly strengthensit, he said", "this clearly strengthens it, he said"),
    ],
)
def test_glued_words_are_split(glued: str, split: str) -> None:
    assert cleaned(glued) == split


@pytest.mark.parametrize(
    "text",
    [
        "McDonald and McGurk met DeSantis at LaGuardia",
        "an iPhone, a YouTube video, a PayPal account, a LinkedIn post, eBay and JavaScript",
        "Akhannouch, Tebboune, Sinwar and Youngkin spoke",
        "the therapist was nowhere near the denuclearisation talks",
        "NGOs, CEOs and MPs met the IMF in Washington",
        "write to press@worldnewsdesk.org or follow #peacetalksnow",
        "shares in BlueCrest Capital, Bluecrest Shipping and Northgate rose",
    ],
)
def test_names_brands_and_real_words_are_not_split(text: str) -> None:
    assert cleaned(text) == text


# --- boilerplate ------------------------------------------------------------------------


def test_boilerplate_lines_are_dropped_and_paragraphs_kept() -> None:
    text = (
        "Storm hits the coast\n\n"
        "Short Url\n"
        "Updated 3 March 2022\n"
        "Follow\n\n"
        "Heavy rain flooded the harbour on Tuesday.\n\n"
        "Read also Floods return to the region\n\n"
        "Also read: Article reserved for our subscribers The cost of the dikes\n\n"
        "Rescue teams were sent overnight.\n"
        "Article reserved for our subscribers Read also Who pays for the damage\n\n"
        "Share this article\n"
        "You have 61.5% of this article left to read. The rest is for subscribers only.\n\n"
        "source site-12\n"
    )
    assert cleaned(text) == (
        "Storm hits the coast\n\n"
        "Updated 3 March 2022\n"
        "Heavy rain flooded the harbour on Tuesday.\n\n"
        "Rescue teams were sent overnight."
    )


def test_real_sentences_that_start_like_boilerplate_are_kept() -> None:
    text = "Follow-up talks are planned.\nShares fell sharply in Tokyo.\nReaders also said they were worried."
    assert cleaned(text) == text


def test_repeated_header_lines_are_kept_once_and_body_repeats_stay() -> None:
    caption = "The prime minister (C) greets the visiting delegation in the capital on May 2, 2022. (AFP)"
    body = "Delegates from both sides met again on Thursday to discuss the river treaty."
    others = "".join(f"Line number {n} of the report on the treaty talks in the capital.\n" for n in range(10))
    text = f"{caption}\n{caption}\nShort line\nShort line\n{others}" + f"{body}\n" * 3 + f"{caption}\n"
    assert cleaned(text) == f"{caption}\nShort line\nShort line\n{others}" + f"{body}\n" * 2 + body


def test_bullets_and_heading_decoration() -> None:
    text = "  • Talks resume in Geneva\n*- Timing ‘not accidental’ -*\n## Background\n- Item one\nA range of 5-10 -- roughly"
    assert cleaned(text) == "Talks resume in Geneva\nTiming ‘not accidental’\nBackground\nItem one\nA range of 5-10 -- roughly"


# --- punctuation, quotes, whitespace ----------------------------------------------------


def test_punctuation_glued_to_words() -> None:
    text = "They cited “hostile acts”of the army,with reports of an uprising(intifada) near the border.Talks stalled."
    assert cleaned(text) == (
        "They cited “hostile acts” of the army, with reports of an uprising (intifada) near the border. Talks stalled."
    )
    assert cleaned("because of“Hostile actions”") == "because of “Hostile actions”"
    assert cleaned("the U.S.Army and 1,000 troops, e.g. here") == "the U.S.Army and 1,000 troops, e.g. here"


def test_reversed_quotes_lose_inner_spaces_but_normal_quotes_are_untouched() -> None:
    assert cleaned("a deal ” without precedent “, they said") == "a deal ”without precedent“, they said"
    normal = "he called it “historic” and “a turning point” for the region"
    assert cleaned(normal) == normal


def test_whitespace_is_normalised() -> None:
    text = "  Rain\xa0 and\twind\r\n\r\n\r\nhit the\u200b coast  \n\n\n\n  today \n"
    assert cleaned(text) == "Rain and wind\n\nhit the coast\n\ntoday"


def test_line_breaks_stay_line_breaks() -> None:
    text = "Title line\nFirst paragraph.\n\nSecond paragraph.\n"
    assert cleaned(text).split("\n") == ["Title line", "First paragraph.", "", "Second paragraph."]


def test_markdown_markup_is_removed() -> None:
    text = "# Talks in Rome\n\nThe **foreign ministers** met, [the agency](https://example.org/x) said.\n> A quote here\n![map](map.png)\n"
    clean, offsets = clean_text(text, markdown=True)
    check_offsets(text, clean, offsets)
    assert clean == "Talks in Rome\n\nThe foreign ministers met, the agency said.\nA quote here"


def test_only_boilerplate_gives_empty_text() -> None:
    clean, offsets = clean_text("Short Url\nFollow\n")
    assert clean == ""
    assert offsets == [len("Short Url\nFollow\n")]

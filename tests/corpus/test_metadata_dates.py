"""Publication dates as metadata writes them, front matter, titles."""

from __future__ import annotations

import pytest

from kb.corpus.metadata import front_matter, parse_date, shorten


@pytest.mark.parametrize(
    ("raw", "day"),
    [
        ("2021-11-24", "2021-11-24"),
        ("2021-11-24T23:30:00-05:00", "2021-11-24"),  # the day the publisher wrote
        ("2021-11-24T09:30:00Z", "2021-11-24"),
        ("2021-11-24 09:30", "2021-11-24"),
        ("20211124", "2021-11-24"),
        ("2021/11/24", "2021-11-24"),
        ("Wed, 24 Nov 2021 10:00:00 GMT", "2021-11-24"),
        ("24 November 2021", "2021-11-24"),
        ("Wednesday 24th November, 2021", "2021-11-24"),
        ("November 24, 2021", "2021-11-24"),
        ("Sept. 3, 2020", "2020-09-03"),
        (1637712000, "2021-11-24"),
        (1637712000000, "2021-11-24"),
    ],
)
def test_dates_metadata_writes(raw: object, day: str) -> None:
    assert parse_date(raw) == day


@pytest.mark.parametrize("raw", ["", "yesterday", "2021", "November 2021", "2021-02-30", "13/45/2021", None, True, [2021]])
def test_not_a_day(raw: object) -> None:
    assert parse_date(raw) is None


def test_front_matter() -> None:
    meta, start = front_matter("---\ntitle: 'A: quoted title'\nDate: 2021-01-02\n---\nBody\n")
    assert meta == {"title": "A: quoted title", "date": "2021-01-02"}
    assert start == len("---\ntitle: 'A: quoted title'\nDate: 2021-01-02\n---\n")
    assert front_matter("Title\n---\nnot front matter\n---\n") == ({}, 0)
    assert front_matter("---\nunclosed: yes\nBody\n") == ({}, 0)


def test_shorten() -> None:
    assert shorten("  Short   title ") == "Short title"
    long = "word " * 60
    assert shorten(long).endswith("…") and len(shorten(long)) <= 151

"""Names are found as people type them; a common noun phrase is answered from what mentions it."""

from __future__ import annotations

import pytest

from kb import lookup

ARTICLE = """---
title: Markets slide as Hewlett-Packard warns
date: 2024-03-05
---
Hewlett-Packard Co. said on Tuesday that its quarterly revenue fell.
Oil prices rose 3 percent on Monday after OPEC agreed to cut output.
Stock markets in Europe also fell, and the dollar weakened against the euro.
Robert Smith, the chief executive of International Business Machines Corp., met U.S. President Joe Biden in Washington on Monday.
The Federal Reserve kept interest rates unchanged on Wednesday.
Wal-Mart Stores Inc. and JPMorgan Chase & Co. said they would hire 10,000 workers.
London's FTSE 100 index rose 0.5 percent on Thursday, while Japan's Nikkei 225 fell.
The mood on trading floors was grim.
"""


@pytest.fixture(scope="module")
def news_db(tmp_path_factory, nlp):
    from kb.ingest import ingest
    from kb.store import Store

    folder = tmp_path_factory.mktemp("news")
    (folder / "markets.txt").write_text(ARTICLE)
    path = folder / "kb.db"
    with Store(path) as store:
        assert ingest([folder / "markets.txt"], store=store).read == 1
    return str(path)


def _names(run, db, *query):
    return [m["name"] for m in run.json("who", *query, "--db", db)["matches"]]


@pytest.mark.parametrize("typed", ["U.S.", "US", "us", "u.s."])
def test_case_and_punctuation(run, news_db, typed):
    assert _names(run, news_db, typed) == ["United States"]


@pytest.mark.parametrize("typed", ["Hewlett Packard", "hewlett-packard", "HewlettPackard", "Hewlett-Packard Company",
                                   "the Hewlett Packard company", "Hewlett-Packard Inc."])
def test_spacing_and_generic_words(run, news_db, typed):
    assert _names(run, news_db, typed) == ["Hewlett-Packard Co."]


def test_first_name_forms_initials_and_short_forms(run, news_db):
    assert _names(run, news_db, "Bob", "Smith") == ["Robert Smith"]
    assert _names(run, news_db, "IBM") == ["International Business Machines Corp."]
    assert _names(run, news_db, "Fed") == ["Federal Reserve"]
    assert _names(run, news_db, "the Federal Reserve") == ["Federal Reserve"]


@pytest.mark.parametrize(("typed", "stored"), [("Walmart", "Wal-Mart Stores Inc."), ("Wal Mart", "Wal-Mart Stores Inc."),
                                              ("JP Morgan", "JPMorgan Chase & Co."),
                                              ("J.P. Morgan", "JPMorgan Chase & Co.")])
def test_joined_or_split_opening_words(run, news_db, typed, stored):
    assert _names(run, news_db, typed) == [stored]


def test_numbers_belong_to_the_name(run, news_db):
    assert _names(run, news_db, "FTSE 100") == ["FTSE 100"]
    assert _names(run, news_db, "the FTSE 100 index") == ["FTSE 100"]
    assert _names(run, news_db, "Nikkei") == ["Nikkei 225"]
    other = run("who", "FTSE 250", "--db", news_db, ok=False)  # another index: offered, never answered
    assert other.exit_code == 1
    assert other.stderr == "Error: no entity matches 'FTSE 250'. Did you mean: FTSE 100?\n"


def test_a_first_name_spelled_another_way(run, news_db, seeds_db):
    assert _names(run, news_db, "Robbert Smith") == ["Robert Smith"]
    assert _names(run, seeds_db, "Benjamin Netanyahu") == ["Benyamin Netanyahu"]
    assert run("who", "Robert Smyth", "--db", news_db, ok=False).exit_code == 1  # the surname must agree


def test_country_filter_takes_the_usual_short_form(run, news_db):
    long = run.json("timeline", "--country", "United States", "--db", news_db)["events"]
    short = run.json("timeline", "--country", "U.S.", "--db", news_db)["events"]
    assert [e["id"] for e in short] == [e["id"] for e in long]
    assert short
    assert "United States" in [p["name"] for p in short[0]["participants"]]


def test_a_common_noun_phrase_is_answered_by_the_events_that_mention_it(run, news_db):
    data = run.json("who", "oil prices", "--db", news_db)
    assert data["matches"] == []
    assert data["note"] == "no entity is named 'oil prices'; showing the events whose sentences mention it"
    assert data["events"]
    assert all("Oil prices rose" in e["sources"][0]["sentence"] for e in data["events"])
    dated = run("timeline", "--entity", "oil prices", "--db", news_db)
    undated = run("timeline", "--entity", "oil prices", "--undated", "--db", news_db)
    assert "showing the events whose sentences mention it" in dated.stderr + undated.stderr
    assert "Oil prices rose" in dated.stdout + undated.stdout
    timeline = run.json("timeline", "--entity", "oil prices", "--db", news_db)
    assert timeline["note"] == data["note"]


def test_without_events_the_sentences_answer(run, news_db):
    data = run.json("who", "trading floors", "--db", news_db)
    assert data["note"] == ("no entity is named 'trading floors' and no event mentions it; "
                            "showing the sentences that do")
    assert [h["sentence"] for h in data["hits"]] == ["The mood on trading floors was grim."]


def test_a_timeline_of_a_phrase_no_event_mentions_points_to_search(run, news_db):
    result = run("timeline", "--entity", "trading floors", "--db", news_db, ok=False)
    assert result.exit_code == 1
    assert result.stderr == ("Error: no entity matches 'trading floors', and no event's sentence mentions it; "
                             "kb search 'trading floors' finds the sentences that do\n")


def test_nothing_at_all_is_still_an_error(run, news_db):
    result = run("who", "xyzzy", "--db", news_db, ok=False)
    assert result.exit_code == 1
    assert result.stderr == "Error: no entity matches 'xyzzy'.\n"


def test_keys_keep_numbers_and_forgive_the_rest():
    assert lookup.core_key("the S&P 500 index") == lookup.core_key("S&P 500") == "sp500"
    assert lookup.keys("FTSE 100").isdisjoint(lookup.keys("FTSE 250"))
    assert "williamgates" in lookup.keys("Bill Gates", person=True)
    assert lookup.initials("International Business Machines Corp.") == "ibm"
    assert lookup.initials("Hewlett-Packard") == "hp"
    assert lookup.typed_initials("U.S.") == "us" and lookup.typed_initials("Hewlett Packard") == ""
    assert lookup.word_prefixes("Wal-Mart Stores Inc.") == {"wal", "walmart"}

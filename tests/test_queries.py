"""One key for one office, however its title is written (profiles and the graph group roles by it)."""

from kb.lexicon.names import title_key


def test_one_office_written_several_ways_is_one_role() -> None:
    assert title_key("Defence Minister") == title_key("defense minister") == title_key("Minister of Defense")
    assert title_key("Minister of the Interior") == title_key("Interior Minister")


def test_different_offices_stay_apart() -> None:
    assert title_key("Foreign Minister") != title_key("Defense Minister")
    assert title_key("Minister") != title_key("Prime Minister")
    assert title_key("Head of army") == "head of army"  # only minister/secretary titles are turned round

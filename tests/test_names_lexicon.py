"""The entity lexicon: its data file is read and checked once, and the name forms built on it."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from kb.lexicon import LexiconError
from kb.lexicon import names as nm


def test_every_list_and_table_of_the_data_file_is_read():
    data = json.loads(resources.files("kb.lexicon").joinpath("data", "names.json").read_text(encoding="utf-8"))
    for name, words in data["lists"].items():
        assert words and len(set(words)) == len(words), name
        assert nm._list(name) == frozenset(words)
    for name, table in data["tables"].items():
        assert table and nm._table(name) == table


def test_a_missing_list_is_an_error_naming_it():
    with pytest.raises(LexiconError, match="no list 'nonesuch'"):
        nm._list("nonesuch")


def test_legal_forms_as_written_come_from_the_folded_list():
    assert {"s.a.", "sa", "inc.", "n.v.", "s.p.a.", "bv", "plc"} <= nm.LEGAL_SUFFIXES
    assert "company" not in nm.LEGAL_SUFFIXES and "company" in nm.LEGAL_FORMS
    assert {nm.fold(w) for w in nm.LEGAL_SUFFIXES} <= nm.LEGAL_FORMS
    assert nm.LEGAL_SUFFIXES <= nm.ORG_SUFFIXES <= nm.ORG_WORDS


def test_one_fold_for_every_name():
    assert nm.fold("Côte d'Ivoire") == nm.fold("Cote d’Ivoire") == "cote divoire"
    assert nm.fold("Israel’s") == "israel"
    assert nm.fold("Hewlett-Packard Co.") == "hewlett packard co"


def test_initials_leave_out_legal_forms_and_small_words():
    assert nm.initials("General Motors Company") == "GM"
    assert nm.initials("Hewlett-Packard") == "HP"
    assert nm.initials("Bank of America Corp.") == "BA"


def test_title_key_reads_one_office_written_two_ways():
    assert nm.title_key("Minister of Defence") == nm.title_key("defense minister") == "defense minister"


def test_the_state_tables_read_the_package_and_the_lexicon():
    gaz = nm.gazetteer()
    assert gaz.state_of_name("Kingdom of Morocco") == "Morocco"
    assert gaz.state_of_name("U.S.") == "United States"  # a short form of the lexicon
    assert gaz.state_of_demonym("Emirati") == "United Arab Emirates"
    assert gaz.capitals["Rabat"] == "Morocco"
    assert "Arab" not in gaz.demonyms
    assert "Morocco" in nm.monarchies()

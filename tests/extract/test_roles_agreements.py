"""Roles carry their state; agreements keep the parties and the date their text states."""

from __future__ import annotations

from kb.extract import extract
from kb.model import Article


def _facts(nlp, text: str, published: str = "2024-03-08"):
    return extract(Article(doc_id="t", text=text, published=published, published_from="override"), nlp)


def _roles(facts):
    names = {e.key: e.name for e in facts.entities}
    return {(names[r.entity], r.title, r.of_name) for r in facts.roles}


def test_a_monarch_takes_the_one_monarchy_its_sentence_names(nlp):
    facts = _facts(nlp, "Royal visit\n\nKing Charles met Prime Minister Rishi Sunak in London on Thursday.\n"
                        "King Abdullah later met President Joe Biden in Washington.\n")
    roles = _roles(facts)
    assert ("Charles", "King", "United Kingdom") in roles
    assert ("Abdullah", "King", None) in roles  # the United States has no king


def test_agreement_parties_are_those_the_text_gives(nlp):
    facts = _facts(nlp, "Deal\n\nThe contract signed by the French defence firm Thales with the Indian government "
                        "was worth 2 billion euros, officials said on Friday.\n")
    names = {e.key: e.name for e in facts.entities}
    contract = next(g for g in facts.agreements if "contract" in g.name)
    assert sorted(names[p] for p in contract.parties) == ["India", "Thales"]


def test_agreement_date_is_the_one_its_text_states(nlp):
    facts = _facts(nlp, "History\n\nThe talks ended with the signing of the Treaty of Rome in 1957, and the "
                        "trade pact that the two states signed in July 2019 still holds.\n")
    dates = {g.name: g.date.value if g.date else None for g in facts.agreements}
    assert dates["Treaty of Rome"] == "1957"
    assert [v for n, v in dates.items() if "pact" in n] == ["2019-07"]


def test_this_contract_points_back_to_the_last_contract(nlp):
    facts = _facts(nlp, "Deals\n\nThe contract signed by the firm Thales with the Indian government was large. "
                        "The two states also signed a defence agreement in July. Thanks to this contract, India "
                        "will buy jets.\n")
    by_key = {e.key: e for e in facts.entities}
    contract = next(g for g in facts.agreements if "contract" in g.name)
    mentions = [m.text for m in facts.mentions if m.entity == contract.entity]
    assert mentions.count("contract") == 2, [(m.text, by_key[m.entity].name) for m in facts.mentions]

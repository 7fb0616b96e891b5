"""Entity extraction within one article: names, kinds, aliases, roles, noise, agreements."""

from __future__ import annotations

from kb.extract.entities import find_entities


def _by_name(found):
    return {e.name: e for e in found.entities}


def test_surname_and_honorific_join_the_full_name(nlp):
    doc = nlp("Kenyan President William Ruto met reporters in Nairobi. Mr. Ruto said Ruto's plan was ready.")
    found = find_entities(doc)
    people = [e for e in found.entities if e.kind == "person"]
    assert [p.name for p in people] == ["William Ruto"]
    assert people[0].mentions == 3
    role = next(r for r in found.roles if r.entity == people[0].key)
    assert role.title == "President" and role.of == "state:Kenya" and not role.former


def test_demonyms_capitals_and_epithets_resolve_to_the_state(nlp):
    doc = nlp("Algiers accused Rabat of hostile acts. The Hebrew state said Israeli exports would grow. "
              "Moroccan officials met in Rabat.")
    found = find_entities(doc)
    ents = _by_name(found)
    assert ents["Morocco"].kind == "state" and ents["Algeria"].kind == "state"
    assert ents["Israel"].mentions == 2
    assert "Rabat" in ents and ents["Rabat"].kind == "place"  # "in Rabat" is a place
    assert found.entity_at(0, 7) == "state:Algeria"


def test_apposition_and_former_roles(nlp):
    doc = nlp("The talks were led by the head of American diplomacy, Antony Blinken, on Monday. "
              "Mr. Blinken, a former deputy of the State Department, smiled. "
              "The plan was backed by former US President Donald Trump.")
    found = find_entities(doc)
    roles = {(r.entity, r.of, r.former) for r in found.roles}
    assert ("person:Antony Blinken", "state:United States", False) in roles
    assert ("person:Donald Trump", "state:United States", True) in roles


def test_noise_never_becomes_a_person(nlp):
    doc = nlp("Read also: markets fall\n\nHe said on Wednesday that she would follow us on Twitter.")
    found = find_entities(doc)
    assert not [e for e in found.entities if e.kind == "person"]
    assert all(e.name not in ("Read", "Wednesday", "He") for e in found.entities)


def test_regnal_numbers_and_junior_stay_apart(nlp):
    doc = nlp("King Mohammed VI honoured his grandfather, King Mohammed V, on Monday. Donald Trump Jr. campaigned "
              "in Ohio while his father, Donald Trump, held a rally in Texas. Trump told supporters to vote.")
    people = {e.name: e for e in find_entities(doc).entities if e.kind == "person"}
    assert {"Mohammed VI", "Mohammed V", "Donald Trump Jr.", "Donald Trump"} <= set(people)
    assert people["Donald Trump"].mentions == 2


def test_acronym_joins_the_organisation(nlp):
    doc = nlp("NSO Group was sued by Apple on Monday. NSO denies wrongdoing.")
    orgs = [e for e in find_entities(doc).entities if e.kind == "organization" and e.name.startswith("NSO")]
    assert len(orgs) == 1 and orgs[0].name == "NSO Group" and orgs[0].mentions == 2


def test_agreement_with_parties_and_signatories(nlp):
    doc = nlp("Pakistan and Afghanistan signed a ceasefire agreement in Doha on Monday.")
    found = find_entities(doc)
    assert found.agreements
    parties = set(found.agreements[0].parties)
    assert {"state:Pakistan", "state:Afghanistan"} <= parties

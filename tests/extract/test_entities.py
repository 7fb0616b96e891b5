"""Entity extraction within one article: names, kinds, aliases, roles, noise, agreements."""

from __future__ import annotations

from kb.extract import extract
from kb.extract.entities import find_entities
from kb.model import Article, ArticleFacts


def _facts(nlp, text: str) -> ArticleFacts:
    """Everything extracted from one article of ``text``."""
    return extract(Article(doc_id="d", text=text), nlp)


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


def _kinds(found):
    return {(m.text, m.kind) for m in found.mentions}


def test_products_are_their_own_kind(nlp):
    doc = nlp("Sony said it would raise the price of its PlayStation 5 console. Nintendo, whose Switch console "
              "sold well, said the iPhone maker Apple was not a rival. Boeing delayed its 787 Dreamliner again.")
    found = find_entities(doc)
    kinds = _kinds(found)
    assert ("PlayStation 5", "product") in kinds and ("Switch", "product") in kinds
    assert ("iPhone", "product") in kinds
    assert ("Sony", "organization") in kinds and ("Apple", "organization") in kinds
    assert not any(k == "product" and t in ("Sony", "Apple", "Boeing", "Nintendo") for t, k in kinds)


def test_company_forms_credits_and_agencies(nlp):
    doc = nlp("Chrysler Group LLC and Airbus SE reported losses, a spokesman for the Federal Aviation "
              "Administration (FAA) said. The FAA gave no date. Follow us on Twitter and Facebook.\n\n"
              "Photo: AFP\n\n(Photo by Justin Sullivan/Getty Images)")
    found = find_entities(doc)
    kinds = _kinds(found)
    for org in ("Chrysler Group LLC", "Airbus SE", "AFP", "Twitter", "Facebook", "Getty Images"):
        assert (org, "organization") in kinds, org
    assert ("Justin Sullivan", "person") in kinds
    faa = {m.entity for m in found.mentions if m.text in ("FAA", "Federal Aviation Administration")}
    assert faa == {"organization:Federal Aviation Administration"}


def test_title_adjectives_and_towns_are_not_organisations(nlp):
    doc = nlp("Iran's Supreme Leader Ayatollah Ali Khamenei spoke. King Mohammed VI opened a port in Tangier "
              "on Thursday. US Secretary of State Marco Rubio agreed.")
    kinds = _kinds(find_entities(doc))
    assert not any(k == "organization" for t, k in kinds if t in ("Supreme", "Tangier", "State"))


def test_family_name_first_and_lone_surnames_join_the_full_name(nlp):
    doc = nlp("Chinese foreign minister Wang Yi met Penny Wong. Wang told Wong that ties had improved. "
              "Ford Motor Co. chief executive Alan Mulally spoke on Thursday. Mulally credited cost cuts.")
    found = find_entities(doc)
    key = {m.text: m.entity for m in found.mentions}
    assert key["Wang"] == "person:Wang Yi" and key["Wong"] == "person:Penny Wong"
    assert key["Mulally"] == "person:Alan Mulally"


def test_definite_agreement_nouns_point_back_to_the_named_agreement(nlp):
    doc = nlp("Indonesia and the European Union signed a comprehensive economic partnership agreement on "
              "Tuesday. Under the accord, tariffs will be removed. Officials said the pact would create jobs.")
    found = find_entities(doc)
    ags = [e for e in found.entities if e.kind == "agreement"]
    assert len(ags) == 1 and ags[0].mentions == 3
    assert len(found.agreements) == 1


def _product_keys(found):
    return {m.text: m.entity for m in found.mentions if m.kind == "product"}


def test_model_numbers_and_model_words_belong_to_the_product_name(nlp):
    doc = nlp("Airbus delivered the first Airbus A380 to a Gulf carrier. The A380 seats 500 people. "
              "Boeing said its 787 Dreamliner would fly again, and the Boeing 787 has won orders. "
              "Apple unveiled the iPhone XS Max, while Microsoft sold Windows 7 and Sony the PlayStation 3.")
    keys = _product_keys(find_entities(doc))
    assert keys["Airbus A380"] == keys["A380"]
    assert keys["787 Dreamliner"] == keys["Boeing 787"]
    for name in ("iPhone XS Max", "Windows 7", "PlayStation 3"):
        assert name in keys, name
    assert "Airbus" not in keys and "Boeing" not in keys


def test_versions_and_plurals_of_one_model(nlp):
    doc = nlp("Apple sold the iPhone 4 from June. The iPhone 3GS's price will be reduced, and the iPhone 3G "
              "will be discontinued. Calls dropped more often than on the 3GS. FaceTime connects with other "
              "iPhone 4s. The new iPhone was praised, though the original iPhone sold well.")
    found = find_entities(doc)
    keys = {(m.text, m.start_char): m.entity for m in found.mentions if m.kind == "product"}
    by_text: dict[str, set[str]] = {}
    for (text, _), key in keys.items():
        by_text.setdefault(text, set()).add(key)
    assert by_text["iPhone 3GS"] == by_text["3GS"] == {"product:iPhone 3GS"}
    assert by_text["iPhone 3G"] == {"product:iPhone 3G"}
    assert by_text["iPhone 4s"] == {"product:iPhone 4"}
    assert by_text["iPhone"] == {"product:iPhone 4", "product:iPhone"}  # "the new" one is the model
    new_at = doc.text.index("The new iPhone") + len("The new ")
    assert keys[("iPhone", new_at)] == "product:iPhone 4"


def test_numbers_that_are_no_model_numbers(nlp):
    doc = nlp("Under Article 5 of the treaty, the allies met on June 4. Malaysia Airlines Flight 370 vanished. "
              "The 16GB version costs $199 and the company sold 4 million iPhone units in Route 66 stores.")
    found = find_entities(doc)
    products = {m.text for m in found.mentions if m.kind == "product"}
    assert products <= {"iPhone"}, products
    assert not any(m.text == "GB" for m in found.mentions)


def test_maker_and_model_word(nlp):
    doc = nlp("General Motors began selling the Chevrolet Volt in December. The Volt is a plug-in hybrid. "
              "Toyota Motor Corp and Honda Motor Co reported profits, and Nissan cut the price of the Nissan Leaf.")
    found = find_entities(doc)
    keys = _product_keys(found)
    assert keys["Chevrolet Volt"] == keys["Volt"] == "product:Chevrolet Volt"
    assert "Nissan Leaf" in keys
    orgs = {m.text for m in found.mentions if m.kind == "organization"}
    assert {"Toyota Motor Corp", "Honda Motor Co", "Nissan"} <= orgs


def test_store_names_are_one_product(nlp):
    doc = nlp("Apple launched the iTunes Music Store in 2003. Since its launch the iTunes store has sold "
              "billions of songs, and the iTunes Store now sells films. Users play them in iTunes.")
    keys = _product_keys(find_entities(doc))
    assert keys["iTunes Music Store"] == keys["iTunes store"] == keys["iTunes Store"]
    assert keys["iTunes"] != keys["iTunes Store"]


def test_product_short_forms():
    from kb.lexicon.names import product_short_form

    assert product_short_form("a380", "airbus a380")
    assert product_short_form("dreamliner", "boeing 787 dreamliner")
    assert product_short_form("itunes store", "itunes music store")
    assert product_short_form("3gs", "iphone 3gs")
    assert not product_short_form("iphone", "iphone 4")  # a family is not its model
    assert not product_short_form("ipod", "ipod touch")
    assert not product_short_form("store", "itunes store")
    assert not product_short_form("app store", "mac app store")


def test_a_dateline_city_in_capitals_is_a_place(nlp) -> None:
    text = ("Airline delays deliveries\n\nTOULOUSE, France, March 3, 2014 (Reuters) - An airline said on Monday it "
            "would wait.\n\nNATO-led forces left. NATO, the alliance, said nothing.\n")
    facts = _facts(nlp, text)
    kinds = {(m.text, m.kind) for m in facts.mentions}
    assert ("TOULOUSE", "place") in kinds
    assert not any(t == "NATO" and k == "place" for t, k in kinds)


def test_a_model_listed_with_models_is_a_product_and_a_maker_tagged_alone_keeps_its_model(nlp) -> None:
    text = ("The recall covers the Chevrolet Malibu, Chevrolet Cobalt and Saturn Aura from the 2004 to 2010 model "
            "years.\n\nSteve Jobs and the iPad changed the industry, analysts said.\n")
    facts = _facts(nlp, text)
    kinds = {(m.text, m.kind) for m in facts.mentions}
    assert {("Chevrolet Malibu", "product"), ("Chevrolet Cobalt", "product"), ("Saturn Aura", "product")} <= kinds
    assert ("Steve Jobs", "person") in kinds


def test_a_name_appointed_to_an_office_is_a_person(nlp) -> None:
    text = ("William Ruto reappointed Kithure Kindiki as interior minister and Aden Duale as defence minister.\n\n"
            "Jane Fraser joined Goldman Sachs as chairman in 2022.\n\nThe board named Deutsche Bank as adviser.\n")
    kinds = {(m.text, m.kind) for m in _facts(nlp, text).mentions}
    assert ("Aden Duale", "person") in kinds
    assert ("Goldman Sachs", "organization") in kinds  # the chairman is Fraser
    assert ("Deutsche Bank", "organization") in kinds  # no office only a person holds


def test_an_office_given_by_an_appointing_verb_is_a_role(nlp) -> None:
    text = ("Kenyan President William Ruto reappointed Kithure Kindiki as interior minister.\n\n"
            "Former attorney general Justin Muturi was named labour minister.\n")
    roles = {(r.entity.split(":", 1)[-1], r.title.lower(), r.former)
             for r in _facts(nlp, text).roles}
    assert ("Kithure Kindiki", "interior minister", False) in roles
    assert ("Justin Muturi", "attorney general", True) in roles
    assert any(p == "Justin Muturi" and "minister" in t and not f for p, t, f in roles)


def test_both_signers_of_an_agreement_signed_in_a_place_by_two_people(nlp) -> None:
    text = ("The memorandum of understanding signed in Rabat by visiting Israeli Defense Minister Benny Gantz and "
            "Morocco’s minister in charge of defense administration, Abdellatif Loudiyi, was “unprecedented”, an "
            "official said.\n")
    (agreement,) = _facts(nlp, text).agreements
    assert {s.split(":", 1)[1] for s in agreement.signatories} == {"Benny Gantz", "Abdellatif Loudiyi"}

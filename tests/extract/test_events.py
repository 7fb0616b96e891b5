"""Events from the parse: type, participants, place, date and modality on our own sentences."""

from __future__ import annotations

import pytest

from kb.extract import entities
from kb.extract.events import find_events
from kb.model import Event, Timex

ANCHOR = "2019-03-14"
# what the date stage would give for the expressions used below
VALUES = {
    "1995": ("1995", "year", "1995-01-01", "1995-12-31"),
    "2004": ("2004", "year", "2004-01-01", "2004-12-31"),
    "Tuesday": ("2019-03-12", "day", "2019-03-12", "2019-03-12"),
    "Yesterday": ("2019-03-13", "day", "2019-03-13", "2019-03-13"),
    "next week": ("2019-W12", "week", "2019-03-18", "2019-03-24"),
    "March 2018": ("2018-03", "month", "2018-03-01", "2018-03-31"),
    "Monday": ("XXXX-WXX-1", "day", None, None),  # "on a Monday": no day in particular
}


def run(nlp, text: str, anchor: str | None = ANCHOR) -> list[Event]:
    doc = nlp(text)
    found = entities.find_entities(doc)
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}
    timexes = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            value = VALUES.get(ent.text.removeprefix("the ").removeprefix("last "))
            tx = Timex(ent.text, ent.start_char, ent.end_char, ent.label_, sentence=sent_index[ent.sent.start])
            if value:
                tx.value, tx.precision, tx.start, tx.end = value
            timexes.append(tx)
    return find_events(doc, found, timexes, anchor)


def names(event: Event, *roles: str) -> set[str]:
    return {p.entity.split(":", 1)[-1] for p in event.participants if p.role in roles}


def one(events: list[Event], trigger: str) -> Event:
    hits = [e for e in events if e.trigger == trigger]
    assert len(hits) == 1, [(e.trigger, e.type) for e in events]
    return hits[0]


def test_coordinated_clauses_keep_their_own_years(nlp) -> None:
    events = run(nlp, "Egypt and Jordan established relations in 1995 but severed them in 2004.")
    up, down = one(events, "established"), one(events, "severed")
    assert (up.type, up.cameo, up.date.value, up.date_from) == ("relations_established", "05", "1995", "clause")
    assert (down.type, down.cameo, down.date.value) == ("relations_broken", "16", "2004")
    assert {"Egypt", "Jordan"} <= names(up, "actor", "co-actor")


def test_passive_signing_with_agent_place_and_weekday(nlp) -> None:
    events = run(nlp, "The trade agreement was signed by Angela Merkel and Emmanuel Macron in Paris on Tuesday.")
    e = one(events, "signed")
    assert e.type == "agreement_signed"
    assert {"Angela Merkel", "Emmanuel Macron"} <= names(e, "actor", "co-actor")
    assert e.date.value == "2019-03-12" and e.date_from == "clause"
    assert e.place is not None and e.place.endswith("Paris")
    assert e.modality == "asserted"
    assert "sign" in e.summary and "Angela Merkel" in e.summary


def test_nominal_visit_with_possessor_and_destination(nlp) -> None:
    events = run(nlp, "Vladimir Putin's visit to Turkey in March 2018 ended with a joint statement.")
    e = one(events, "visit")
    assert e.type == "visit" and e.cameo == "04"
    assert "Vladimir Putin" in names(e, "actor")
    assert "Turkey" in names(e, "target")
    assert e.date.value == "2018-03"


def test_future_and_plans_are_planned_not_dated_by_publication(nlp) -> None:
    events = run(nlp, "France plans to sanction Iran. Germany will meet with Poland next week.")
    coerce = one(events, "sanction")
    assert (coerce.type, coerce.modality) == ("coerce", "planned")
    assert coerce.date is None
    assert "France" in names(coerce, "actor") and "Iran" in names(coerce, "target")
    meet = one(events, "meet")
    assert (meet.type, meet.modality, meet.date.value) == ("meet", "planned", "2019-W12")


def test_hedges_denials_and_negation(nlp) -> None:
    events = run(nlp, "Syria reportedly attacked Turkey. Russia denied that it had bombed Ukraine. "
                      "China did not recognize Kosovo.")
    assert one(events, "attacked").modality == "reported"
    bombed = one(events, "bombed")
    assert (bombed.type, bombed.modality) == ("fight", "denied")
    assert one(events, "denied").type == "reject"
    recog = one(events, "recognize")
    assert (recog.type, recog.modality) == ("recognition", "negated")
    assert recog.date is None


def test_past_report_falls_back_to_publication_date_and_never_borrows(nlp) -> None:
    accused = one(run(nlp, "Canada accused Saudi Arabia of torture. Chile had condemned Peru."), "accused")
    assert (accused.type, accused.cameo) == ("accuse", "11")
    assert accused.date.value == ANCHOR and accused.date_from == "published"  # no day told anywhere
    events = run(nlp, "Canada accused Saudi Arabia of torture. Chile had condemned Peru. "
                      "Chile condemned Peru on Tuesday and Brazil criticized Argentina.")
    assert one(events, "accused").date_from == "narrative"  # the lead tells of the first day named
    condemned = [e for e in events if e.trigger == "condemned"]
    assert condemned[0].date is None  # past perfect: background, no publication date
    assert condemned[1].date.value == "2019-03-12"
    criticized = one(events, "criticized")
    assert criticized.date_from != "clause"  # the weekday belongs to the other clause


def test_statements_need_a_named_speaker_and_no_trigger_twice(nlp) -> None:
    events = run(nlp, "Boris Johnson said the talks were useful. The weather said nothing.")
    said = [e for e in events if e.trigger == "said"]
    assert len(said) == 1 and said[0].type == "statement" and said[0].cameo == "01"
    keys = [e.key for e in events]
    assert len(keys) == len(set(keys))


def test_light_verb_gives_the_noun_its_actor(nlp) -> None:
    events = run(nlp, "Microsoft filed a lawsuit against Google on Tuesday.")
    e = one(events, "lawsuit")
    assert e.type == "sue"
    assert "Microsoft" in names(e, "actor") and "Google" in names(e, "target")
    assert e.date.value == "2019-03-12"
    assert not [x for x in events if x.trigger == "filed"]


def test_pronoun_subject_takes_the_previous_parties(nlp) -> None:
    events = run(nlp, "Narendra Modi hosted Shinzo Abe in Delhi on Tuesday. They signed a nuclear deal.")
    e = one(events, "signed")
    assert {"Narendra Modi", "Shinzo Abe"} <= names(e, "actor", "co-actor")


@pytest.mark.parametrize("text", ["The weather was warm on Tuesday.", "Prices rose in 2004."])
def test_no_event_without_a_participant(nlp, text: str) -> None:
    assert run(nlp, text) == []


def test_the_kingdom_is_the_state_named_before(nlp) -> None:
    events = run(nlp, "Spain is a monarchy. Vladimir Putin visited the kingdom on Tuesday.")
    e = one(events, "visited")
    assert "Spain" in names(e, "target")
    assert e.date.value == "2019-03-12"


def test_publication_day_is_marked_reported_and_the_story_day_carries_on(nlp) -> None:
    events = run(nlp, "Yesterday, Satya Nadella unveiled a new tablet in Berlin. Nadella praised Angela Merkel.")
    praised = one(events, "praised")
    assert (praised.date.value, praised.date.precision, praised.date_from) == ("2019-03-13", "day", "narrative")
    events = run(nlp, "Canada accused Saudi Arabia of torture.")
    accused = one(events, "accused")
    assert (accused.date.value, accused.date.precision, accused.date_from) == (ANCHOR, "reported", "published")


def test_an_old_date_above_is_no_story_day(nlp) -> None:
    events = run(nlp, "Microsoft was founded in 1995. Satya Nadella praised Angela Merkel.")
    assert one(events, "praised").date_from == "published"


def test_a_date_that_only_bounds_the_event_is_not_its_date(nlp) -> None:
    events = run(nlp, "Before his departure from Paris on Tuesday, Emmanuel Macron praised Angela Merkel.")
    praised = one(events, "praised")
    assert praised.date_from != "clause"  # at most the story's day, never its clause's date


def test_subjectless_clauses_take_the_main_subject(nlp) -> None:
    events = run(nlp, "While visiting Japan, Emmanuel Macron praised Shinzo Abe.")
    e = one(events, "visiting")
    assert e.type == "visit" and "Emmanuel Macron" in names(e, "actor")


def test_verbal_and_nominal_triggers_have_distinct_keys(nlp) -> None:
    events = run(nlp, "Vladimir Putin's visit to Turkey ended. Vladimir Putin visited Iran on Tuesday.")
    assert one(events, "visit").key.startswith("n")
    assert one(events, "visited").key.startswith("e")


@pytest.mark.parametrize(("text", "trigger", "type_"), [
    ("Boris Johnson stepped down on Tuesday.", "stepped", "resignation"),
    ("Toyota recalled a million cars on Tuesday.", "recalled", "recall"),
    ("France recalled its ambassador to Australia on Tuesday.", "recalled", "relations_broken"),
    ("General Motors filed for bankruptcy on Tuesday.", "bankruptcy", "bankruptcy"),
    ("Microsoft lost its court case against Google on Tuesday.", "lost", "ruling"),
    ("Chrysler filed for bankruptcy protection on Tuesday.", "bankruptcy", "bankruptcy"),
    ("Shares of General Motors fell 5 percent on Tuesday.", "fell", "change"),
    ("Ford cut 2,000 jobs on Tuesday.", "cut", "change"),
    ("General Motors posted a loss of $6 billion on Tuesday.", "posted", "result"),
])
def test_general_news_verbs(nlp, text: str, trigger: str, type_: str) -> None:
    e = one(run(nlp, text), trigger)
    assert e.type == type_
    assert e.date.value == "2019-03-12"
    assert names(e, "actor")


def test_a_stake_names_the_company_bought_into(nlp) -> None:
    e = one(run(nlp, "Fiat bought a 20 percent stake in General Motors on Tuesday."), "bought")
    assert e.type == "transaction"
    assert "Fiat" in names(e, "actor") and "General Motors" in names(e, "target")


def test_the_road_not_taken_is_negated(nlp) -> None:
    events = run(nlp, "Rather than recall the phones, Nokia offered free cases to Finland.")
    assert one(events, "recall").modality == "negated"
    assert one(events, "offered").modality == "asserted"


def test_acts_told_alongside_an_event_are_events_of_the_same_actor(nlp) -> None:
    events = run(nlp, "Satya Nadella unveiled the tablet on Tuesday by walking onto the stage and "
                      "taking the device out of a bag.")
    for trigger in ("walking", "taking"):
        e = one(events, trigger)
        assert e.type == "action" and e.cameo is None
        assert "Satya Nadella" in names(e, "actor")
        assert e.date is not None and e.date.value == "2019-03-12"  # told at the unveiling's time
    assert one(events, "unveiled").type == "launch"


def test_no_act_from_conditions_auxiliaries_or_verbs_that_only_carry_an_event_noun(nlp) -> None:
    events = run(nlp, "Microsoft praised Google on Tuesday, having filed a lawsuit against Apple, "
                      "and keeping its options open if expanding into Asia.")
    triggers = {e.trigger for e in events}
    assert "lawsuit" in triggers
    assert not triggers & {"having", "filed", "expanding"}


def test_a_tenseless_clause_takes_its_main_clause_date(nlp) -> None:
    events = run(nlp, "While introducing the tablet, Satya Nadella praised Angela Merkel on Tuesday.")
    e = one(events, "introducing")
    assert e.date.value == "2019-03-12" and "Satya Nadella" in names(e, "actor")


def test_it_and_the_company_stand_for_the_organisation_named_before(nlp) -> None:
    events = run(nlp, "Microsoft reported strong sales in 2004. It acquired GitHub on Tuesday. "
                      "Toyota opened a plant in Texas in 1995. The company recalled a million cars on Tuesday.")
    assert "Microsoft" in names(one(events, "acquired"), "actor")
    assert "Toyota" in names(one(events, "recalled"), "actor")


def test_pronouns_never_take_an_entity_of_the_wrong_kind(nlp) -> None:
    events = run(nlp, "Microsoft hired Satya Nadella in 1992. He praised Angela Merkel on Tuesday.")
    assert names(one(events, "praised"), "actor") == {"Satya Nadella"}
    events = run(nlp, "Satya Nadella met Angela Merkel in 2004. It acquired GitHub on Tuesday.")
    assert not names(one(events, "acquired"), "actor", "co-actor")


def test_he_prefers_the_subject_and_him_never_the_own_subject(nlp) -> None:
    events = run(nlp, "Emmanuel Macron met Angela Merkel in Paris in 2004. He praised Boris Johnson on Tuesday.")
    assert "Emmanuel Macron" in names(one(events, "praised"), "actor")
    events = run(nlp, "Steve Ballmer mourned Bill Gates on Tuesday and praised him.")
    e = one(events, "praised")
    assert "Bill Gates" in names(e, "target") and "Bill Gates" not in names(e, "actor")


def test_the_story_day_carries_to_later_reports_in_the_simple_past_only(nlp) -> None:
    text = ("The Federal Aviation Administration ordered checks of the batteries on Tuesday. "
            "Akbar Al Baker, the airline's chief executive, said the airline would seek compensation. "
            "The airline has grounded its fleet.")
    events = run(nlp, text)
    said = one(events, "said")
    assert said.date_from == "narrative" and said.date.value == "2019-03-12"  # told of the story's day
    grounded = one(events, "grounded")
    assert grounded.date_from == "published"  # a present perfect bears on the time of writing


def test_the_lead_tells_of_the_first_day_named(nlp) -> None:
    text = ("Bombs blew apart the embassies of the United States in Kenya and Tanzania. "
            "Kenya condemned the blasts. The blasts hit Nairobi and Dar es Salaam minutes apart on Tuesday.")
    blew = one(events := run(nlp, text), "blew")
    assert blew.date_from == "narrative" and blew.date.value == "2019-03-12", events


def test_a_news_agency_credited_in_brackets_is_no_party(nlp) -> None:
    events = run(nlp, "DETROIT (AP) — General Motors Co. said Monday that it is recalling 1.3 million cars in the "
                      "United States because the power steering can fail.")
    assert all("AP" not in names(e, "actor", "target") for e in events)
    assert any("General Motors Co." in names(e, "actor") for e in events if e.trigger == "said")


def test_a_past_perfect_does_not_set_the_story_day(nlp) -> None:
    events = run(nlp, "Recep Tayyip Erdogan had on Tuesday repeated his criticism of Egypt. "
                      "Ahmet Davutoglu said Turkey backed no group.")
    said = one(events, "said")
    assert said.date_from == "published"


def test_a_dateline_read_as_a_second_subject_gives_way_to_the_actor(nlp) -> None:
    events = run(nlp, "Egypt recalls ambassador\n\nCAIRO, Nov 23, 2013 (AFP) - Egypt on Tuesday expelled Turkey's "
                      "ambassador and downgraded diplomatic relations.")
    expelled = one(events, "expelled")
    assert "Egypt" in names(expelled, "actor") and "Turkey" in names(expelled, "target")


def test_offices_elections_and_a_lemma_the_lemmatiser_missed(nlp) -> None:
    events = run(nlp, "Kenyan President William Ruto dismissed almost all of his ministers on Tuesday.")
    assert one(events, "dismissed").type == "dismissal"
    events = run(nlp, "Raila Odinga, who lost the 2022 election to William Ruto, said talks would begin.")
    assert one(events, "lost").type == "election"
    events = run(nlp, "William Ruto reappointed Kithure Kindiki as interior minister.")
    assert one(events, "reappointed").type == "appointment"


def test_the_actor_after_a_dateline_and_its_credit(nlp) -> None:
    events = run(nlp, "NAIROBI, July 19, 2024 (Reuters) - Kenyan President William Ruto on Friday nominated 11 "
                      "cabinet ministers.")
    assert "William Ruto" in names(one(events, "nominated"), "actor")


def test_a_noun_event_scheduled_for_later_is_planned_for_what_is_scheduled(nlp) -> None:
    events = run(nlp, "The iPhone 4 sold out on Tuesday. It is slated for a U.S. release on June 24.")
    release = one(events, "release")
    assert release.modality == "planned" and release.type == "launch"
    assert {p.role for p in release.participants} >= {"theme"}


def test_a_leave_of_absence_is_an_event_and_leave_to_appeal_is_not(nlp) -> None:
    events = run(nlp, "Steve Jobs announced he would take medical leave from Apple.")
    leave = one(events, "leave")
    assert leave.type == "absence" and leave.modality == "planned" and "Steve Jobs" in names(leave, "actor")
    assert one(run(nlp, "Apple said Steve Jobs went on leave in January."), "leave").type == "absence"
    assert not [e for e in run(nlp, "The court granted Apple leave to appeal.") if e.trigger == "leave"]


def test_losing_a_battle_with_an_illness_is_a_death_not_a_fight(nlp) -> None:
    events = run(nlp, "Steve Jobs lost his battle with pancreatic cancer on Tuesday.")
    assert one(events, "lost").type == "death"
    assert not [e for e in events if e.type == "fight"]
    assert one(run(nlp, "Apple lost its battle with the Beatles."), "lost").type != "death"


def test_a_day_of_no_known_date_dates_no_event(nlp) -> None:
    events = run(nlp, "Emmanuel Macron praised Angela Merkel on a Monday.")
    assert one(events, "praised").date_from != "clause"

"""Events outside the taxonomy: any word the recogniser marks, with its participants, type,
date and summary; read through the real time-expression finder."""

from __future__ import annotations

from kb.extract import dates, entities
from kb.extract.events import find_events
from kb.model import Event

ANCHOR = "2021-11-24"


def run(nlp, text: str, anchor: str | None = ANCHOR) -> list[Event]:
    doc = nlp(text)
    return find_events(doc, entities.find_entities(doc), dates.find_timexes(doc, anchor=anchor), anchor)


def one(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.type) for e in events]
    return found[0]


def names(event: Event, *roles: str) -> set[str]:
    return {p.entity.split(":", 1)[-1] for p in event.participants if p.role in roles}


def test_an_event_word_outside_the_taxonomy_is_an_event_with_its_own_date(nlp):
    e = one(run(nlp, "Morocco gained independence from France in 1956."), "gained")
    assert e.type == "occurrence" and e.cameo is None
    assert e.date is not None and e.date.value == "1956" and e.date_from == "clause"
    assert "Morocco" in names(e, "actor")
    assert e.summary.startswith("Morocco gains independence")


def test_the_state_a_capital_or_place_is_in_takes_part(nlp):
    events = run(nlp, "Morocco hosted many summits. In 1965, Arab leaders met in Casablanca, Morocco.")
    e = one(events, "met")
    assert "Morocco" in names(e, "location") and e.date.value == "1965"
    e = one(run(nlp, "Morocco was angry. Algiers broke off relations with Rabat in August."), "broke")
    assert e.type == "relations_broken" and names(e, "target") == {"Morocco"}
    assert e.summary == "Algeria breaks off relations with Morocco"


def test_states_are_told_from_happenings(nlp):
    events = run(nlp, "Microsoft owns the largest share of the market, the company said on Monday.")
    assert one(events, "owns").type == "state"
    assert one(events, "said").type == "statement"


def test_present_tense_is_dated_by_publication_past_history_is_not(nlp):
    e = one(run(nlp, "Israel says the talks are going well."), "says")
    assert e.date.value == ANCHOR and e.date.precision == "reported" and e.date_from == "published"
    events = run(nlp, "After Hassan II took power in 1961, Israel helped Morocco obtain weapons.")
    e = one(events, "helped")
    assert e.date is None or e.date.value.startswith("196")


def test_a_when_clause_on_a_time_happened_at_that_time(nlp):
    text = "Profit at Ford fell to $58 million from $186 million a year ago, when Ford enjoyed strong demand."
    e = one(run(nlp, text), "enjoyed")
    assert e.date.value == "2020" and e.date_from == "clause"
    e = one(run(nlp, "Walesa kept a poster from 1989 when Solidarity won the election in Poland."), "won")
    assert e.date.value == "1989"
    # "when" that opens no clause on a time leaves the event to the other rules
    e = one(run(nlp, "Germany will decide when Ford sends the report."), "sends")
    assert e.date is None or e.date_from != "clause"


def test_the_two_countries_are_the_two_named_together(nlp):
    events = run(nlp, "Israel and Morocco held talks with the United States on Tuesday. "
                      "The two countries signed a deal.")
    e = one(events, "signed")
    assert names(e, "actor", "co-actor") == {"Israel", "Morocco"}


def test_the_owner_of_a_nominal_plan_acts_and_conditions_are_no_events(nlp):
    events = run(nlp, "Apple said on Monday that its decision to cut prices was final.")
    assert "Apple" in names(one(events, "cut"), "actor")
    events = run(nlp, "Tesla will close the plant if Germany raises taxes.")
    assert not [e for e in events if e.trigger == "raises"]


def test_a_verb_that_only_frames_another_is_no_event(nlp):
    events = run(nlp, "Benny Gantz is scheduled to visit Morocco on Thursday.")
    assert not [e for e in events if e.trigger == "scheduled"]
    e = one(events, "visit")
    assert e.modality == "planned" and e.date.value == "2021-11-25"


def test_a_date_before_a_noun_is_the_nouns_not_its_clauses(nlp) -> None:
    """"the Dec. 21, 2019, bombing", "the October 2020 shooting": the date belongs to the
    noun it comes before, even where the parse hangs it on the clause; the clause has its
    own time, or takes that one only when it has none."""
    events = run(nlp, "Prosecutors charged Omar Haddad last year in the Dec. 21, 2019, bombing of the Israeli "
                      "embassy in Nairobi.")
    assert one(events, "bombing").date.value == "2019-12-21"
    assert one(events, "charged").date.value == "2020"  # "last year", from 2021-11-24
    events = run(nlp, "Omar Haddad was indicted last year in the October 2020 shooting death of Karim Nasser.")
    assert one(events, "shooting").date.value == "2020-10"
    assert one(events, "indicted").date.value == "2020"
    events = run(nlp, "The parliament of Ghana approved the 2023 budget.")
    assert one(events, "approved").date.value == "2023"

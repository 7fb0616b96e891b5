"""Merging event mentions across articles: hand-made records, no spaCy."""

from __future__ import annotations

import datetime as dt
import random

from kb.resolve.events import EventRecord, event_id, merge_events, reach, stem


def rec(article: str, key: str, type_: str = "agreement_signed", trigger: str = "signed", *,
        who: tuple[str, ...] = ("israel", "morocco"), value: str | None = None, precision: str | None = None,
        published: str | None = "2021-11-25", date_from: str | None = "clause", sentence: int = 1,
        modality: str = "asserted") -> EventRecord:
    start = end = None
    if value and precision in ("day", "reported"):
        start = end = value
    elif value and precision == "month":
        start, end = f"{value}-01", f"{value}-28"
    elif value and precision == "year":
        start, end = f"{value}-01-01", f"{value}-12-31"
    return EventRecord(article, key, type_, trigger, [(w, "actor") for w in who], value, precision, start, end,
                       published, modality, date_from, sentence)


def test_same_signing_in_three_articles_is_one_event() -> None:
    records = [
        rec("a", "e1", value="2021-11-24", precision="day"),
        rec("b", "e7", trigger="signing", who=("morocco",), value="2021-11-24", precision="day", published="2021-11-24"),
        rec("c", "e3", trigger="sign", who=("israel", "gantz"), value="2021-11", precision="month"),
    ]
    ids = merge_events(records)
    assert len(set(ids.values())) == 1


def test_different_days_or_types_stay_apart() -> None:
    records = [
        rec("a", "e1", value="2021-11-24", precision="day"),
        rec("b", "e1", value="2021-11-20", precision="day"),
        rec("c", "e1", type_="visit", trigger="visited", value="2021-11-24", precision="day"),
        rec("d", "e1", who=("egypt",), value="2021-11-24", precision="day"),
    ]
    ids = merge_events(records)
    assert len(set(ids.values())) == 4


def test_background_years_merge_but_not_with_each_other() -> None:
    records = [
        rec("a", "e1", "relations_established", "set", value="1993", precision="year"),
        rec("a", "e2", "relations_broken", "broke", value="2000", precision="year"),
        rec("b", "e5", "relations_established", "established", value="1993", precision="year", sentence=4),
        rec("b", "e6", "relations_broken", "severed", value="2000", precision="year", sentence=4),
        rec("c", "e2", "relations_established", "set", value="1994", precision="year"),
    ]
    ids = merge_events(records)
    assert ids[("a", "e1")] == ids[("b", "e5")]
    assert ids[("a", "e2")] == ids[("b", "e6")]
    assert ids[("a", "e1")] != ids[("a", "e2")]
    assert ids[("c", "e2")] != ids[("a", "e1")]


def test_publication_day_date_tolerates_a_late_report() -> None:
    records = [
        rec("a", "e1", value="2021-11-24", precision="day"),
        rec("b", "e1", value="2021-11-26", precision="day", date_from="published", published="2021-11-26"),
        rec("c", "e1", value="2021-12-10", precision="day", date_from="published", published="2021-12-10"),
    ]
    ids = merge_events(records)
    assert ids[("a", "e1")] == ids[("b", "e1")]
    assert ids[("c", "e1")] != ids[("a", "e1")]


def test_undated_joins_only_with_same_trigger_and_close_publication() -> None:
    records = [
        rec("a", "e1", "visit", "visited", who=("lapid", "morocco"), value="2021-08-11", precision="day",
            published="2021-08-12"),
        rec("b", "e2", "visit", "visit", who=("lapid",), published="2021-08-13", date_from=None),
        rec("c", "e2", "visit", "visit", who=("lapid",), published="2021-10-01", date_from=None),
        rec("d", "e2", "visit", "trip", who=("lapid",), published="2021-08-12", date_from=None),
    ]
    ids = merge_events(records)
    assert ids[("b", "e2")] == ids[("a", "e1")]
    assert ids[("c", "e2")] != ids[("a", "e1")]
    assert ids[("d", "e2")] != ids[("a", "e1")]


def test_title_and_body_of_one_article_merge_but_one_sentence_does_not() -> None:
    records = [
        rec("a", "e0", trigger="sign", sentence=0, value="2021-11-24", precision="day", date_from="published",
            published="2021-11-24"),
        rec("a", "e40", trigger="signed", sentence=3, value="2021-11-24", precision="day"),
        rec("a", "e44", trigger="signing", sentence=3, value="2021-11-24", precision="day"),
    ]
    ids = merge_events(records)
    assert ids[("a", "e0")] == ids[("a", "e40")]
    assert ids[("a", "e44")] != ids[("a", "e40")]


def test_statements_of_one_article_stay_apart_and_denials_do_not_join_facts() -> None:
    records = [
        rec("a", "e1", "statement", "said", who=("gantz",), value="2021-11-24", precision="day", sentence=1),
        rec("a", "e9", "statement", "said", who=("gantz",), value="2021-11-24", precision="day", sentence=5),
        rec("b", "e1", "fight", "attacked", value="2021-11-24", precision="day"),
        rec("c", "e1", "fight", "attacked", value="2021-11-24", precision="day", modality="denied"),
    ]
    ids = merge_events(records)
    assert ids[("a", "e1")] != ids[("a", "e9")]
    assert ids[("b", "e1")] != ids[("c", "e1")]


def test_one_article_narrates_distinct_actions_with_distinct_verbs() -> None:
    records = [
        rec("a", "e3", "launch", "unveiled", who=("nokia",), value="2021-11-23", precision="day", sentence=1),
        rec("a", "e40", "launch", "demoed", who=("nokia",), value="2021-11-24", precision="reported",
            date_from="published", published="2021-11-24", sentence=5),
        rec("a", "n77", "launch", "launch", who=("nokia",), value="2021-11-24", precision="reported",
            date_from="published", published="2021-11-24", sentence=8),
        # agreement verbs are synonyms: "concluded a deal … signed a memorandum"
        rec("b", "e5", trigger="concluded", value="2021-11-24", precision="reported", date_from="published",
            published="2021-11-24", sentence=1),
        rec("b", "e30", trigger="signed", value="2021-11-24", precision="reported", date_from="published",
            published="2021-11-24", sentence=2),
    ]
    ids = merge_events(records)
    assert ids[("a", "e3")] != ids[("a", "e40")]
    assert ids[("a", "n77")] in (ids[("a", "e3")], ids[("a", "e40")])  # "the launch" refers back
    assert ids[("b", "e5")] == ids[("b", "e30")]


def test_reported_precision_tolerates_a_late_report() -> None:
    records = [
        rec("a", "e1", value="2021-11-24", precision="day"),
        rec("b", "e1", value="2021-11-26", precision="reported", date_from="published", published="2021-11-26"),
        rec("c", "e1", value="2021-11-25", precision="day", date_from="narrative", published="2021-11-25"),
    ]
    ids = merge_events(records)
    assert ids[("a", "e1")] == ids[("b", "e1")] == ids[("c", "e1")]


def test_a_part_of_another_day_is_another_event() -> None:
    records = [
        rec("a", "e1", "visit", "visited", who=("gantz", "morocco"), value="2021-11-24", precision="day"),
        rec("b", "e1", "visit", "visit", who=("gantz", "morocco"), value="2021-11-23TEV", precision="time"),
    ]
    records[1].start = records[1].end = "2021-11-23"
    ids = merge_events(records)
    assert ids[("a", "e1")] != ids[("b", "e1")]


def test_planned_in_an_undated_article_joins_the_one_event_it_names() -> None:
    done = dict(who=("gantz", "loudiyi", "mou"), value="2021-11-24", precision="day", published="2021-11-24")
    records = [
        rec("a", "e1", **done),
        rec("b", "e2", trigger="sign", who=("gantz", "mou"), published=None, date_from=None,
            modality="planned"),
        # shares a single participant: not enough without any date to go by
        rec("c", "e2", trigger="sign", who=("gantz", "egypt"), published=None, date_from=None,
            modality="planned"),
    ]
    ids = merge_events(records)
    assert ids[("b", "e2")] == ids[("a", "e1")]
    assert ids[("c", "e2")] != ids[("a", "e1")]
    # two events it could be: it joins neither
    records.append(rec("d", "e1", **{**done, "value": "2021-06-02", "published": "2021-06-02"}))
    ids = merge_events(records)
    assert ids[("b", "e2")] not in (ids[("a", "e1")], ids[("d", "e1")])


def test_background_decade_joins_the_year_inside_it() -> None:
    records = [
        rec("a", "e1", "relations_established", "set", value="1993", precision="year"),
        rec("b", "e4", "relations_established", "established", who=("israel",), value="199X",
            precision="decade"),
        rec("c", "e4", "relations_established", "established", who=("israel",), value="198X",
            precision="decade"),
    ]
    records[1].start, records[1].end = "1990-01-01", "1999-12-31"
    records[2].start, records[2].end = "1980-01-01", "1989-12-31"
    ids = merge_events(records)
    assert ids[("a", "e1")] == ids[("b", "e4")]
    assert ids[("c", "e4")] != ids[("a", "e1")]


def test_ids_are_stable_and_independent_of_input_order() -> None:
    records = [rec("a", "e1", value="2021-11-24", precision="day"),
               rec("b", "e2", value="2021-11-24", precision="day", published="2021-11-24")]
    first = merge_events(records)
    again = merge_events(list(reversed(records)))
    assert first == again
    assert first[("a", "e1")] == first[("b", "e2")]


def test_stem_equates_inflections() -> None:
    assert stem("signed") == stem("signing") == stem("signs") == stem("sign")
    assert stem("visited") == stem("visit")
    assert stem("planned") == stem("plan")


def test_many_records_each_get_an_event() -> None:
    # how fast merging is at scale is measured by benchmarks/run.py (--scale), not here
    records = []
    for i in range(20_000):
        day = f"2021-{1 + i % 12:02d}-{1 + i % 28:02d}"
        records.append(rec(f"art{i // 20}", f"e{i}", "statement" if i % 3 else "meet", "said",
                           who=(f"p{i % 500}", "israel"), value=day, precision="day", published=day,
                           sentence=i % 20))
    ids = merge_events(records)
    assert len(ids) == len(records)
    assert len(set(ids.values())) < len(records)  # tellings of one event on one day merge


def _random_records(rng: random.Random, n: int) -> list[EventRecord]:
    """Records of articles either side of a year's end, telling days of their own side, of
    a few precisions and date sources each run, some from articles of unknown date: what
    would make blocks meet if reaches were wrong."""
    new_year = dt.date(rng.choice([2020, 2030]), 1, 1)
    sides = [[(new_year + dt.timedelta(days=d)).isoformat() for d in days] for days in (range(-5, 0), range(0, 5))]
    unknown = rng.random() < 0.3  # some articles of unknown date
    near = rng.random() < 0.5  # some published about the year's end, not only far from it
    articles = {}
    for i in range(30):
        side = rng.choice(sides)
        days = [side[0][:4] + "-06-15"] + side * near + [None] * unknown
        articles[f"a{i}"] = (rng.choice(days), side)
    spans = {"day": lambda d: (d, d), "reported": lambda d: (d, d), "week": lambda d: (d, d),
             "month": lambda d: (d[:8] + "01", d[:8] + "28"), "season": lambda d: (d[:8] + "01", f"{int(d[:4]) + 1}-02-28"),
             "year": lambda d: (d[:4] + "-01-01", d[:4] + "-12-31"),
             "decade": lambda d: (d[:3] + "0-01-01", d[:3] + "9-12-31"),
             "century": lambda d: (d[:2] + "00-01-01", d[:2] + "99-12-31")}
    precisions = rng.sample([None, *spans], rng.randint(1, 3))
    kinds = rng.sample([("agreement_signed", "signed"), ("diplomatic_cooperation", "signing"), ("statement", "said"),
                        ("meet", "met"), ("occurrence", "rose"), ("occurrence", "rising"), ("state", "owns")], 2)
    records = []
    for i in range(n):
        article = rng.choice(list(articles))
        published, side = articles[article]
        type_, trigger = rng.choice(kinds)
        who = rng.sample(["israel", "morocco", "gantz", "egypt"], rng.randint(0, 3))
        roles = [(w, rng.choice(["actor", "theme", "target", "affiliation"])) for w in who]
        precision = rng.choice(precisions)
        start = end = None
        if precision:
            start, end = spans[precision](rng.choice(side))
        records.append(EventRecord(article, f"{rng.choice('en')}{i}", type_, trigger, roles, start, precision,
                                   start, end, published, rng.choice(["asserted", "asserted", "planned"]),
                                   rng.choice([None, "clause", "narrative", "published"]), rng.randint(-1, 6)))
    return records


def _merged_in_blocks(records: list[EventRecord]) -> dict[tuple[str, str], str]:
    """Merge the records apart in the blocks their reaches make, as consolidation does."""
    by_stem = any(r.published is None for r in records)
    ids = {(r.article, r.key): event_id(r.article, r.key) for r in records if reach(r) is None}
    spans = sorted((span, n) for n, r in enumerate(records) if (span := reach(r)) is not None)
    block: list[EventRecord] = []
    family, last = "", -1
    for (fam, first, end), n in spans:
        if block and (fam != family or first > last):
            ids.update(merge_events(block, by_stem=by_stem))
            block = []
        if not block:
            family, last = fam, -1
        last = max(last, end)
        block.append(records[n])
    ids.update(merge_events(block, by_stem=by_stem))
    return ids


def test_records_merged_in_blocks_of_their_reach_get_the_same_ids() -> None:
    for seed in range(200):
        records = _random_records(random.Random(seed), 200)
        assert _merged_in_blocks(records) == merge_events(records), seed


KINDS = {"israel": "state", "morocco": "state", "uae": "state", "canada": "state", "poland": "state",
         "vietnam": "state", "gantz": "person", "loudiyi": "person", "bourita": "person", "blinken": "person",
         "santos": "person", "novak": "person", "tanaka": "person", "lindqvist": "person", "accra": "city",
         "jobs": "person", "apple inc": "organization", "apple computer": "organization"}


def parties(article: str, key: str, *who: str, type_: str = "agreement_signed", trigger: str = "signed",
            value: str = "2021-11-24", precision: str = "day", place: str | None = None) -> EventRecord:
    r = rec(article, key, type_, trigger, who=who, value=value, precision=precision)
    r.participants = [(w, "actor" if i == 0 else "target") for i, w in enumerate(who)]
    if place:
        r.participants.append((place, "location"))
    return r


def test_two_pairs_sharing_one_party_are_two_events_and_do_not_chain() -> None:
    records = [
        parties("a", "e1", "israel", "uae", type_="relations_normalized", trigger="normalised", value="2020",
                precision="year"),
        parties("b", "e1", "israel", "morocco", type_="relations_normalized", trigger="normalised", value="2020",
                precision="year"),
        parties("c", "e1", "morocco", "israel", type_="relations_normalized", trigger="normalised", value="2020",
                precision="year"),
        parties("d", "e1", "canada", "poland", type_="relations_normalized", trigger="restored", value="2020",
                precision="year"),
        parties("e", "e1", "vietnam", "poland", type_="relations_normalized", trigger="restored", value="2020",
                precision="year"),
    ]
    ids = merge_events(records, kinds=KINDS)
    assert ids[("b", "e1")] == ids[("c", "e1")]
    assert len({ids[("a", "e1")], ids[("b", "e1")], ids[("d", "e1")], ids[("e", "e1")]}) == 4
    # without the kinds, sharing Israel or Poland is enough, as before
    assert len(set(merge_events(records).values())) == 2


def test_meetings_of_other_people_on_one_day_or_in_one_city_stay_apart() -> None:
    records = [
        parties("a", "e1", "gantz", "bourita", type_="meet", trigger="met"),
        parties("b", "e1", "blinken", "bourita", type_="meet", trigger="met"),
        parties("c", "e1", "santos", "novak", type_="meet", trigger="met", place="accra"),
        parties("d", "e1", "tanaka", "lindqvist", type_="meet", trigger="met", place="accra"),
        parties("e", "e1", "bourita", "gantz", type_="meet", trigger="meeting"),
    ]
    ids = merge_events(records, kinds=KINDS)
    assert ids[("a", "e1")] == ids[("e", "e1")]
    assert len({ids[("a", "e1")], ids[("b", "e1")], ids[("c", "e1")], ids[("d", "e1")]}) == 4


def test_parties_of_other_kinds_or_names_of_one_company_still_merge() -> None:
    records = [
        parties("a", "e1", "israel", "morocco"),
        parties("b", "e1", "gantz", "loudiyi", "israel"),
        parties("c", "e1", "morocco"),
        parties("d", "e2", "jobs", "apple inc", type_="founding", trigger="started", value="1976", precision="year"),
        parties("e", "e2", "jobs", "apple computer", type_="founding", trigger="started", value="1976",
                precision="year"),
    ]
    ids = merge_events(records, kinds=KINDS)
    assert ids[("a", "e1")] == ids[("b", "e1")] == ids[("c", "e1")]
    assert ids[("d", "e2")] == ids[("e", "e2")]

"""The end-to-end acceptance of the first whole version, on the seed articles.

These check facts a careful reader finds in the seeds; the code knows nothing of them.
"""

from __future__ import annotations

import re


def _events(run, db, *args):
    return run.json("timeline", *args, "--db", db)["events"]


def test_who_gantz(run, seeds_db):
    data = run.json("who", "Gantz", "--db", seeds_db)
    assert [m["name"] for m in data["matches"]] == ["Benny Gantz"]
    gantz = data["matches"][0]
    assert gantz["kind"] == "person"
    assert any(re.search(r"defen[cs]e minister", r["title"], re.I) and r["of"] == "Israel" for r in gantz["roles"])
    assert "Israel" in gantz["states"]
    related = {r["name"] for r in gantz["related"]}
    assert {"Abdellatif Loudiyi", "Nasser Bourita"} <= related
    signing = [e for e in gantz["events"] if e["date"] == "2021-11-24" and e["sources"]]
    assert signing and any("Rabat" in s["sentence"] or e["place"] == "Rabat" for e in signing for s in e["sources"])


def test_timeline_morocco(run, seeds_db):
    events = _events(run, seeds_db, "--country", "Morocco")
    assert events and all(e["sources"] and e["sources"][0]["sentence"] for e in events)

    def has(date_prefix, pattern):
        return any(
            (e["date"] or "").startswith(date_prefix)
            and any(re.search(pattern, s["sentence"], re.I) for s in e["sources"])
            for e in events
        )

    assert has("2021-11-24", r"memorandum|security (deal|agreement)")
    assert has("2021-08-11", r"Lapid")
    assert has("2020-12", r"normali[sz]")
    assert has("1993", r"ties|relations")
    assert has("2000", r"broke")


def test_no_event_after_the_articles_were_written_but_plans(run, seeds_db):
    from kb.store import Store

    with Store(seeds_db) as store:
        latest = max(a["published"] or "" for a in store.articles())
    assert latest.startswith("2021-11")
    events = _events(run, seeds_db)
    for e in events:
        assert e["start"] <= latest or e["modality"] == "planned", e
    # "is scheduled to visit a synagogue Thursday morning": the day after, as a plan
    assert any(e["start"] > latest and e["type"] == "visit" for e in events)


def test_people_are_people(run, seeds_db):
    people = run.json("entities", "--kind", "person", "--db", seeds_db)["entities"]
    names = [p["name"] for p in people]
    assert len(names) == len(set(names))
    for junk in ("Rabat", "Moroccolink", "Read", "Twitter", "Gantz"):
        assert junk not in names
    assert {"Benny Gantz", "Nasser Bourita", "Abdellatif Loudiyi", "Yair Lapid", "Donald Trump"} <= set(names)


def test_one_memorandum_event_told_by_three_articles(run, seeds_db):
    signed = [e for e in _events(run, seeds_db, "--from", "2021-11-24", "--to", "2021-11-24")
              if re.search(r"sign", e["trigger"], re.I)]
    assert signed
    docs = max(len({s["document"] for s in e["sources"]}) for e in signed)
    assert docs == 3


def test_the_memorandum_is_an_agreement_dated_by_its_signing(run, seeds_db):
    found = run.json("agreements", "--country", "Morocco", "--db", seeds_db)["agreements"]
    memo = [a for a in found if "memorandum" in a["name"].lower()]
    assert memo and memo[0]["date"] == "2021-11-24"
    assert {"Israel", "Morocco"} <= set(memo[0]["parties"])


# The dated events a careful reader finds on Morocco in the seeds: (date prefix, words of
# the sentence that tells it). Two of them cannot be dated from the text alone: the
# exploration deal "last month" in an article with no publication date, and a synagogue
# visit whose sentence names no state.
MOROCCO_EVENTS = [
    ("1956", r"gained independence"), ("1965", r"met in Casablanca"), ("1993", r"set up ties"),
    ("2000", r"broke them off"), ("2020-12", r"normali[sz]ed ties"), ("2021-07", r"cyber defense agreement"),
    ("2021-08", r"broke off relations with Rabat"), ("2021-08-11", r"Lapid visited"),
    ("2021-08-12", r"inaugurate a diplomatic representative office"), ("2021-11-22", r"Blinken"),
    ("2021-11-24", r"memorandum of\s*understanding"), ("2021-11-24", r"visit"),
    ("2021-11-24", r"meet.*Bourita"), ("2021-11-24", r"sit-in"),
    ("2021-10", r"exploration operations"), ("2021-11-25", r"synagogue"),
]


def test_morocco_timeline_holds_what_a_reader_finds(run, seeds_db):
    events = run.json("timeline", "--country", "Morocco", "--all", "--db", seeds_db)["events"]
    found = [(date, words) for date, words in MOROCCO_EVENTS
             if any(e["start"].startswith(date[:10]) and e["date"].startswith(date)
                    and any(re.search(words, s["sentence"]) for s in e["sources"]) for e in events)]
    assert len(found) >= 14, sorted(set(MOROCCO_EVENTS) - set(found))


def test_no_event_whose_sentence_states_a_year_is_dated_otherwise(run, seeds_db):
    for e in run.json("timeline", "--all", "--db", seeds_db)["events"]:
        for s in e["sources"]:
            years = set(re.findall(r"\b(1[89]\d\d|20\d\d)\b", s["sentence"]))
            if years:
                assert any(y <= e["start"][:4] <= e["end"][:4] for y in years) or e["start"][:4] in years, (e, s)


def test_timeline_all_and_brief(run, seeds_db):
    default = run.json("timeline", "--country", "Morocco", "--db", seeds_db)["events"]
    everything = run.json("timeline", "--country", "Morocco", "--all", "--db", seeds_db)["events"]
    assert {e["id"] for e in default} < {e["id"] for e in everything}
    assert all(e["type"] != "state" for e in default)
    assert any(e["type"] == "state" for e in everything) or len(everything) > len(default)
    brief = run("timeline", "--country", "Morocco", "--brief", "--limit", "0", "--db", seeds_db).output
    lines = [line for line in brief.splitlines() if line.strip()]
    assert len(lines) >= len(default)
    assert any(line.startswith("24 Nov 2021") for line in lines)
    assert any(line.startswith("1956") for line in lines)

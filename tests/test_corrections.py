"""Corrections do what they say: unmerge undoes the user's merges, names are exact or ids,
renames show everywhere, and all of it survives re-ingest."""

from __future__ import annotations

from pathlib import Path


SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"



def _who(run, db, name):
    return run.json("who", name, "--db", db)["matches"][0]


def _entity_names(run, db):
    return [e["name"] for e in run.json("entities", "--all", "--limit", "0", "--db", db)["entities"]]


def test_unmerge_without_a_merge_says_so_and_changes_nothing(run, db):
    run("alias", "add", "Morocco", "the Cherifian kingdom", "--db", db)
    before = _entity_names(run, db)
    result = run("unmerge", "Morocco", "--db", db, ok=False)
    assert result.exit_code == 1
    assert result.stderr == ("Error: 'Morocco' has no merge of yours to undo (kb merge records one; what "
                             "extraction joined stays joined)\n")
    assert _entity_names(run, db) == before
    assert not [n for n in before if n.startswith("Morocco (")]
    assert "the Cherifian kingdom" in _who(run, db, "Morocco")["aliases"]


def test_unmerge_undoes_the_users_merge(run, db):
    done = run.json("merge", "Benny Gantz", "Yair Lapid", "--db", db)
    assert done["message"] == "merged 'Yair Lapid' into 'Benny Gantz'"
    assert _who(run, db, "Lapid")["name"] == "Benny Gantz"
    undone = run.json("unmerge", "Yair Lapid", "--db", db)
    assert undone["message"] == "undid 1 merge of 'Benny Gantz': 'Yair Lapid'"
    assert _who(run, db, "Lapid")["name"] == "Yair Lapid"
    assert "Yair Lapid" not in _who(run, db, "Benny Gantz")["aliases"]
    assert run("unmerge", "Benny Gantz", "--db", db, ok=False).exit_code == 1


def test_exact_canonical_name_or_id(run, db):
    # "Rabat" is a place and also a name of Morocco: the exact canonical name decides
    done = run.json("merge", "Rabat", "Casablanca", "--db", db)
    assert done["entity"] == "Rabat" and done["other"] == "Casablanca"
    rows = {e["name"]: e["id"] for e in run.json("entities", "--limit", "0", "--db", db)["entities"]}
    done = run.json("merge", rows["Benny Gantz"], rows["Abdellatif Loudiyi"], "--db", db)
    assert done["message"] == "merged 'Abdellatif Loudiyi' into 'Benny Gantz'"


def test_rename_shows_in_profiles_and_event_summaries(run, db):
    run("rename", "Nasser Bourita", "Nasser Bourita (foreign minister)", "--db", db)
    summaries = [e["summary"] for e in run.json("timeline", "--person", "Bourita", "--db", db)["events"]]
    assert summaries
    mentioning = [s for s in summaries if "Bourita" in s]
    assert mentioning and all("Nasser Bourita (foreign minister)" in s for s in mentioning)
    related = {r["name"] for r in _who(run, db, "Benny Gantz")["related"]}
    assert "Nasser Bourita (foreign minister)" in related and "Nasser Bourita" not in related


def test_corrections_survive_re_ingest(run, db):
    run("merge", "Benny Gantz", "Yair Lapid", "--db", db)
    run("rename", "Benny Gantz", "Benjamin Gantz", "--db", db)
    run("forget", "000_c1ffc3e9946e897d.txt", "--db", db)
    run("ingest", str(SEEDS / "000_c1ffc3e9946e897d.txt"), "--db", db)
    match = _who(run, db, "Lapid")
    assert match["name"] == "Benjamin Gantz"
    assert "000_c1ffc3e9946e897d.txt" in match["documents"]

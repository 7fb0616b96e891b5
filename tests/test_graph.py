"""The graph view: built from a small hand-made store, and checked against the seeds store."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from quotes import quotes

from kb.graph import build_graph, neighbourhood, paths
from kb.model import Agreement, Article, ArticleFacts, Event, LocalEntity, Mention, Participant, Role, Sentence
from kb.resolve.consolidate import consolidate
from kb.store import Store

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"

TEXT = (
    "Norland and Sudria sign water pact\n\n"
    "Prime Minister Anna Berg of Norland met President Tomas Vik of Sudria in Carthon on Monday. "
    "Berg and Vik signed the Carthon Water Accord. "
    "Norland said the accord ends a long dispute with Sudria. "
    "Kestrel Ward was named in the same breath as Berg."
)


def _facts() -> ArticleFacts:
    """One article's facts, written by hand the way extraction reports them."""
    article = Article(doc_id="pact.txt", text=TEXT, title="Norland and Sudria sign water pact", published="2030-03-04")
    bodies = TEXT.split("\n\n", 1)[1]
    base = TEXT.index(bodies)
    sentences, pos = [], base
    for chunk in bodies.split(". "):
        chunk = chunk if chunk.endswith(".") else chunk + "."
        start = TEXT.index(chunk, pos)
        sentences.append(Sentence(start, start + len(chunk), chunk))
        pos = start + len(chunk)

    def mention(text: str, kind: str, key: str, sentence: int) -> Mention:
        start = TEXT.index(text, sentences[sentence].start_char)
        return Mention(text, kind, start, start + len(text), key, sentence)

    entities = [
        LocalEntity("p:berg", "person", "Anna Berg", ["Berg"], 3),
        LocalEntity("p:vik", "person", "Tomas Vik", ["Vik"], 2),
        LocalEntity("s:norland", "state", "Norland", [], 2),
        LocalEntity("s:sudria", "state", "Sudria", [], 2),
        LocalEntity("pl:carthon", "place", "Carthon", [], 1),
        LocalEntity("a:accord", "agreement", "Carthon Water Accord", [], 1),
        LocalEntity("p:ward", "person", "Kestrel Ward", [], 1, doubtful=True),
    ]
    mentions = [
        mention("Anna Berg", "person", "p:berg", 0), mention("Norland", "state", "s:norland", 0),
        mention("Tomas Vik", "person", "p:vik", 0), mention("Sudria", "state", "s:sudria", 0),
        mention("Carthon", "place", "pl:carthon", 0),
        mention("Berg", "person", "p:berg", 1), mention("Vik", "person", "p:vik", 1),
        mention("Carthon Water Accord", "agreement", "a:accord", 1),
        mention("Norland", "state", "s:norland", 2), mention("Sudria", "state", "s:sudria", 2),
        mention("Kestrel Ward", "person", "p:ward", 3), mention("Berg", "person", "p:berg", 3),
    ]
    roles = [Role("p:berg", "Prime Minister", "s:norland", "Norland", sentence=0),
             Role("p:vik", "President", "s:sudria", "Sudria", sentence=0)]
    events = [
        Event("e1", "met", "meet", 0, participants=[Participant("p:berg", "actor"), Participant("p:vik", "co-actor")],
              place="pl:carthon", summary="Anna Berg meets Tomas Vik"),
        Event("e2", "signed", "agreement_signed", 1,
              participants=[Participant("p:berg", "signatory"), Participant("p:vik", "signatory")],
              summary="Berg and Vik sign the Carthon Water Accord"),
    ]
    agreements = [Agreement("a:accord", "Carthon Water Accord", parties=["s:norland", "s:sudria"],
                            signatories=["p:berg", "p:vik"], sentence=1)]
    return ArticleFacts(article=article, sentences=sentences, mentions=mentions, entities=entities, roles=roles,
                        events=events, agreements=agreements)


@pytest.fixture
def small_store(tmp_path):
    with Store(tmp_path / "small.db") as store:
        store.write_article(_facts())
        consolidate(store)
        yield store


def _id(store: Store, name: str) -> str:
    return store.entities_named(name)[0]["id"]


def _edges(g, relation):
    return [(u, v, d) for u, v, d in g.edges(data=True) if d["relation"] == relation]


def test_nodes_are_entities_and_events_without_doubtful_ones(small_store):
    g = build_graph(small_store)
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds == {"person": 2, "state": 2, "place": 1, "agreement": 1, "event": 2}
    assert all(d["label"] != "Kestrel Ward" for _, d in g.nodes(data=True))
    berg = g.nodes[_id(small_store, "Anna Berg")]
    assert berg["mentions"] == 3 and berg["aliases"] == ["Berg"]


def test_roles_participation_and_agreements_are_directed_facts(small_store):
    g = build_graph(small_store)
    berg, vik = _id(small_store, "Anna Berg"), _id(small_store, "Tomas Vik")
    norland, accord = _id(small_store, "Norland"), _id(small_store, "Carthon Water Accord")
    roles = {(u, v): d for u, v, d in _edges(g, "role")}
    assert roles[(berg, norland)]["title"] == "Prime Minister"
    assert roles[(berg, norland)]["label"] == "Prime Minister of"
    assert {(u, d["relation"]) for u, v, d in g.in_edges(accord, data=True)} >= {
        (norland, "party"), (berg, "signatory"), (vik, "signatory")}
    places = [(u, d) for u, v, d in _edges(g, "participant") if d["role"] == "place"]
    assert [g.nodes[u]["label"] for u, _ in places] == ["Carthon"]
    actor = [d for u, v, d in _edges(g, "participant") if u == berg and d["role"] == "actor"]
    assert actor and actor[0]["sources"][0]["trigger"] == "met"


def test_co_mention_weight_counts_shared_sentences_and_sources_point_into_the_text(small_store):
    g = build_graph(small_store)
    norland, sudria = sorted([_id(small_store, "Norland"), _id(small_store, "Sudria")])
    co = g.get_edge_data(norland, sudria, key="co_mention")
    assert co["weight"] == 2 and co["symmetric"] is True
    assert g.get_edge_data(sudria, norland) is None  # stored once, lower id first
    for _, _, data in g.edges(data=True):
        assert data["sources"] and data["weight"] == len(data["sources"])
        for s in data["sources"]:
            assert TEXT[s["start_char"]:s["end_char"]] == s["sentence"]
            assert s["document"] == "pact.txt" and s["published"] == "2030-03-04"


def test_paths_prefer_stated_facts_and_carry_sources(small_store):
    g = build_graph(small_store)
    berg, sudria = _id(small_store, "Anna Berg"), _id(small_store, "Sudria")
    found = paths(g, [berg], [sudria], max_paths=3)
    assert 1 <= len(found) <= 3
    first = found[0]
    assert first[0]["from"] == "Anna Berg" and first[-1]["to"] == "Sudria"
    for a, b in zip(first, first[1:]):
        assert a["to_id"] == b["from_id"]
    assert all(step["sources"] and step["relation"] for p in found for step in p)
    # a direct co-mention exists, but a chain of stated facts is as short and comes first
    assert first[0]["fact"] != "co_mention"
    assert paths(g, [berg], [berg]) == []
    assert paths(small_store, [berg], [sudria], max_paths=1)[0] == first


def test_paths_read_relations_backwards_when_walking_against_an_edge(small_store):
    g = build_graph(small_store)
    norland, berg = _id(small_store, "Norland"), _id(small_store, "Anna Berg")
    step = paths(g, [norland], [berg], max_paths=1)[0][0]
    assert step["relation"] == "has Prime Minister" and step["to"] == "Anna Berg"


def test_neighbourhood_depth_and_size(small_store):
    g = build_graph(small_store)
    carthon = _id(small_store, "Carthon")
    one = neighbourhood(g, carthon, 1)
    two = neighbourhood(g, carthon, 2)
    assert carthon in one and set(one) < set(two)
    assert all(g.has_node(n) for n in two)
    small = neighbourhood(g, carthon, 3, max_nodes=3)
    assert len(small) == 3 and carthon in small
    with pytest.raises(KeyError):
        neighbourhood(g, "no-such-id", 1)


def test_seeds_graph_matches_the_store(seeds_db):
    with Store(seeds_db, readonly=True) as store:
        g = build_graph(store)
        stats = store.stats()
        israel = [r for r in store.entities_named("Israel") if r["kind"] == "state"]
    kinds = Counter(d["kind"] for _, d in g.nodes(data=True))
    assert kinds.pop("event") == stats["events"]
    assert dict(kinds) == stats["entities"]
    assert israel and g.nodes[israel[0]["id"]]["kind"] == "state"
    assert {d["relation"] for *_, d in g.edges(data=True)} >= {"participant", "co_mention"}
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    for _, _, data in g.edges(data=True):
        assert data["sources"], data
        for s in data["sources"]:
            assert quotes(texts[s["document"]][s["start_char"]:s["end_char"]], s["sentence"])

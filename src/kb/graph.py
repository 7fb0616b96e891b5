"""A networkx view over the store: who is linked to whom and by which facts.

``build_graph(store)`` returns an ``nx.MultiDiGraph``:

- Nodes are canonical entities (``kind`` person, state, organization, place, group,
  agreement; doubtful ones left out) and merged events (``kind`` "event"). Node ids are
  the store's ids. Every node has ``label``, ``kind`` and ``mentions`` (for an event:
  the number of articles' tellings).
- Edges are keyed by fact and carry ``relation``, a readable ``label``, a ``weight``
  (how many distinct sentences support it) and ``sources``, a list of SOURCE dicts
  (document, title, published, sentence, start_char, end_char, trigger):

  ==============  =========================  ==========================================
  relation        direction                  extra attributes
  ==============  =========================  ==========================================
  ``role``        person → state/org/...     ``title``, ``former``
  ``participant`` entity → event             ``role`` (actor, target, ..., place)
  ``party``       state/org → agreement
  ``signatory``   person → agreement
  ``co_mention``  entity — entity            ``symmetric`` True; stored once, from the
                                             lower id to the higher
  ==============  =========================  ==========================================

A MultiDiGraph keeps each fact as its own edge (a person can both hold a role in a state
and be mentioned with it) and the direction of roles and participation.

Everything is read through :class:`kb.store.Store` methods; this module speaks no SQL.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from typing import Any, Iterable

import networkx as nx

from kb.lexicon import names as nm
from kb.queries import EventView, event_views, to_json
from kb.store import Store

RELATIONS = ("role", "participant", "party", "signatory", "co_mention")

# How taking part in an event reads, by role: from the entity to the event, and back.
PARTICIPANT_LABELS = {
    "actor": ("acted in", "done by"),
    "co-actor": ("acted with others in", "done with"),
    "target": ("was the target of", "aimed at"),
    "theme": ("was the subject of", "about"),
    "affiliation": ("was represented in", "on behalf of"),
    "place": ("was the place of", "took place in"),
}

# Cost of one step when looking for paths: facts are preferred over co-mentions, and a
# link through an event or agreement node (two steps) costs as much as a direct role.
_STEP_COST = {"role": 1.0, "participant": 0.5, "party": 0.5, "signatory": 0.5}


def _source(r: Any, trigger: str | None = None) -> dict[str, Any]:
    return {"document": r["document"], "title": r["doc_title"] or "", "published": r["published"],
            "sentence": (r["sentence"] or "").strip(), "start_char": r["start_char"], "end_char": r["end_char"],
            "trigger": trigger}


def _add_source(data: dict[str, Any], source: dict[str, Any]) -> None:
    key = (source["document"], source["start_char"], source["end_char"])
    seen = data.setdefault("_seen", set())
    if key not in seen:
        seen.add(key)
        data["sources"].append(source)


def event_label(view: EventView) -> str:
    """A short readable name for an event node."""
    text = view.summary or view.trigger or view.type
    return f"{text} ({view.date})" if view.date else text


def build_graph(store: Store, *, include_doubtful: bool = False) -> nx.MultiDiGraph:
    """The whole knowledge base as a graph; see the module docstring for its shape."""
    g = nx.MultiDiGraph()
    for r in store.list_entities(include_doubtful=include_doubtful):
        g.add_node(r["id"], label=r["name"], kind=r["kind"], mentions=int(r["mentions"] or 0),
                   aliases=json.loads(r["aliases"] or "[]"), titles=[])
    views = event_views(store, store.all_events())
    for v in views:
        g.add_node(v.id, label=event_label(v), kind="event", mentions=len(v.sources), event_type=v.type,
                   trigger=v.trigger, summary=v.summary, date=v.date, date_start=v.start, date_end=v.end,
                   precision=v.precision, modality=v.modality, place=v.place)

    edges: dict[tuple[str, str, str], dict[str, Any]] = {}

    def edge(u: str, v: str, key: str, **attrs: Any) -> dict[str, Any] | None:
        if u == v or u not in g or v not in g:
            return None
        data = edges.get((u, v, key))
        if data is None:
            data = edges[(u, v, key)] = {**attrs, "sources": []}
        return data

    for r in store.role_links():
        title = r["title"] or ""
        if r["entity"] in g and not r["of_entity"]:
            titles = g.nodes[r["entity"]]["titles"]
            label = title + (f" of {r['of_name']}" if r["of_name"] else "")
            if label and label not in titles:
                titles.append(label)
            continue
        former = bool(r["former"])
        text = ("former " if former else "") + title + " of"
        data = edge(r["entity"], r["of_entity"], f"role:{nm.title_key(title)}:{int(former)}", relation="role",
                    label=text.strip(), title=title, former=former)
        if data is not None:
            _add_source(data, _source(r))

    for r in store.participation_links():
        role = r["role"] or "participant"
        data = edge(r["entity"], r["event"], f"participant:{role}", relation="participant",
                    label=PARTICIPANT_LABELS.get(role, ("took part in", ""))[0], role=role)
        if data is not None:
            _add_source(data, _source(r, r["trigger"]))

    for r in store.agreement_links():
        rel = r["relation"]
        data = edge(r["entity"], r["agreement"], rel, relation=rel,
                    label="party to" if rel == "party" else "signed")
        if data is not None:
            _add_source(data, _source(r))

    _add_co_mentions(store, g, edge)

    for (u, v, key), data in edges.items():
        data.pop("_seen", None)
        data["weight"] = len(data["sources"])
        g.add_edge(u, v, key=key, **data)
    return g


def _add_co_mentions(store: Store, g: nx.MultiDiGraph, edge: Any) -> None:
    """Entities named in the same sentence; weight = number of shared sentences."""
    by_sentence: dict[tuple[str, int], list[str]] = defaultdict(list)
    for r in store.sentence_entities():
        if r["entity"] in g:
            by_sentence[(r["document"], r["idx"])].append(r["entity"])
    shared = {k: ids for k, ids in by_sentence.items() if len(ids) > 1}
    sentences = store.sentence_sources(shared)
    for key, ids in shared.items():
        row = sentences.get(key)
        if row is None:
            continue
        source = _source(row)
        for a, b in itertools.combinations(sorted(set(ids)), 2):
            data = edge(a, b, "co_mention", relation="co_mention", label="mentioned with", symmetric=True)
            if data is not None:
                _add_source(data, source)


# --- neighbourhoods --------------------------------------------------------------------


def neighbourhood(graph: nx.MultiDiGraph, entity_id: str, depth: int = 2, *,
                  max_nodes: int = 120) -> nx.MultiDiGraph:
    """The nodes within ``depth`` steps of ``entity_id`` (either direction) and the edges among them.

    Large neighbourhoods are cut to ``max_nodes``: at each step the nodes most strongly
    linked to those already kept come first, so the picture stays readable.
    """
    if entity_id not in graph:
        raise KeyError(entity_id)
    kept = {entity_id}
    frontier = [entity_id]
    for _ in range(max(0, depth)):
        strength: dict[str, float] = defaultdict(float)
        for node in frontier:
            for other, weight in _neighbours(graph, node):
                if other not in kept:
                    strength[other] += weight
        if not strength:
            break
        ranked = sorted(strength, key=lambda n: (-strength[n], -graph.nodes[n].get("mentions", 0), n))
        room = max_nodes - len(kept)
        frontier = ranked[:max(0, room)]
        kept.update(frontier)
        if len(kept) >= max_nodes:
            break
    return graph.subgraph(kept).copy()


def _neighbours(graph: nx.MultiDiGraph, node: str) -> Iterable[tuple[str, float]]:
    for _, other, data in graph.out_edges(node, data=True):
        yield other, _strength(data)
    for other, _, data in graph.in_edges(node, data=True):
        yield other, _strength(data)


def _strength(data: dict[str, Any]) -> float:
    # A stated fact counts more than sharing a sentence.
    return data.get("weight", 1) * (1.0 if data.get("relation") == "co_mention" else 3.0)


# --- paths ---------------------------------------------------------------------------


def _cost(data: dict[str, Any]) -> float:
    if data.get("relation") == "co_mention":
        return 1.0 + 1.0 / (1 + data.get("weight", 1))
    return _STEP_COST.get(data.get("relation", ""), 1.0)


def _reverse_label(data: dict[str, Any]) -> str:
    rel = data.get("relation")
    if rel == "role":
        return ("has former " if data.get("former") else "has ") + (data.get("title") or "role")
    if rel == "participant":
        return PARTICIPANT_LABELS.get(data.get("role") or "", ("", "with"))[1]
    if rel == "party":
        return "has party"
    if rel == "signatory":
        return "signed by"
    return data.get("label", rel or "")


def _simple_view(graph: nx.MultiDiGraph) -> nx.Graph:
    """One undirected edge per linked pair, carrying the cheapest fact between them."""
    view = nx.Graph()
    view.add_nodes_from(graph.nodes)
    for u, v, key, data in graph.edges(keys=True, data=True):
        cost = _cost(data)
        old = view.get_edge_data(u, v)
        if old is None or cost < old["cost"]:
            view.add_edge(u, v, cost=cost, fact=(u, v, key))
    return view


def paths(store_or_graph: Store | nx.MultiDiGraph, a_ids: Iterable[str], b_ids: Iterable[str],
          max_paths: int = 3, *, max_steps: int = 8) -> list[list[dict[str, Any]]]:
    """The cheapest ways from any of ``a_ids`` to any of ``b_ids``, each step with its fact.

    Shortest paths in number of facts; stated facts (roles, signatures, taking part in the
    same event) beat sharing a sentence. Shaped like the ``kb path --json`` contract:
    ``[[{"from", "relation", "to", "sources": [SOURCE], ...}, ...], ...]``.
    """
    graph = store_or_graph if isinstance(store_or_graph, nx.Graph) else build_graph(store_or_graph)
    starts = [a for a in dict.fromkeys(a_ids) if a in graph]
    ends = [b for b in dict.fromkeys(b_ids) if b in graph and b not in starts]
    if not starts or not ends or max_paths < 1:
        return []
    view = _simple_view(graph)
    source, target = ("__from__",), ("__to__",)
    view.add_edges_from(((source, a) for a in starts), cost=0.0)
    view.add_edges_from(((b, target) for b in ends), cost=0.0)
    out: list[list[dict[str, Any]]] = []
    try:
        for nodes in nx.shortest_simple_paths(view, source, target, weight="cost"):
            inner = nodes[1:-1]
            if len(inner) - 1 > max_steps:
                break
            if any(n in starts for n in inner[1:]) or any(n in ends for n in inner[:-1]):
                continue
            out.append([_step(graph, view, u, v) for u, v in zip(inner, inner[1:])])
            if len(out) >= max_paths:
                break
    except nx.NetworkXNoPath:
        pass
    return out


def _step(graph: nx.MultiDiGraph, view: nx.Graph, u: str, v: str) -> dict[str, Any]:
    fu, fv, key = view.edges[u, v]["fact"]
    data = graph.edges[fu, fv, key]
    forward = fu == u
    nu, nv = graph.nodes[u], graph.nodes[v]
    return {
        "from": nu["label"], "relation": data["label"] if forward else _reverse_label(data), "to": nv["label"],
        "from_id": u, "to_id": v, "from_kind": nu["kind"], "to_kind": nv["kind"],
        "fact": data["relation"], "weight": data.get("weight", 0), "sources": list(data["sources"]),
    }


# --- plain data for pages and JSON ----------------------------------------------------


def node_link(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The graph as node-link JSON (``nodes`` and ``edges``), sources as lists."""
    return to_json(nx.node_link_data(graph, edges="edges"))

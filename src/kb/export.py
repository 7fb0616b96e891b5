"""Exports of the knowledge base graph, and drawings of it.

``export(store, fmt, target)`` writes the graph of :func:`kb.graph.build_graph` as
GraphML or GEXF (Gephi, networkx, Cytoscape), node-link JSON, or the node and
relationship CSV files that ``neo4j-admin database import full`` reads. Every edge keeps
its sources: a list in JSON, a JSON string attribute (``sources``) elsewhere, because
GraphML, GEXF and CSV only hold scalar values.

networkx is imported only inside the functions that need it, so ``kb timeline --html``
starts without it.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kb.draw import graph_html, graph_png, timeline_html
from kb.output import replacing, write_text

if TYPE_CHECKING:
    import networkx as nx

    from kb.store import Store

__all__ = ["FORMATS", "ExportReport", "export", "graph_html", "graph_png", "timeline_html", "write"]

FORMATS = ("graphml", "gexf", "json", "neo4j")
SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "json": ".json"}

NEO4J_NODE_FILE = "nodes.csv"
NEO4J_RELATIONSHIP_FILE = "relationships.csv"
# Neo4j's default array delimiter in import files.
NEO4J_ARRAY_DELIMITER = ";"


@dataclass
class ExportReport:
    format: str
    paths: list[str] = field(default_factory=list)
    nodes: int = 0
    edges: int = 0


def format_of(target: str | Path) -> str | None:
    """The export format a file name's extension gives (``kb.graphml`` -> graphml), if any."""
    suffix = Path(target).suffix.lower()
    return next((fmt for fmt, ext in SUFFIX.items() if ext == suffix), None)


def export(store: Store, fmt: str, target: str | Path) -> ExportReport:
    """Build the graph from ``store`` and write it to ``target`` in ``fmt``."""
    from kb.graph import build_graph

    return write(build_graph(store), fmt, target)


def write(graph: nx.MultiDiGraph, fmt: str, target: str | Path) -> ExportReport:
    """Write ``graph`` to ``target``: a file, or for ``neo4j`` a folder (created if needed)."""
    import networkx as nx

    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    target = Path(target)
    report = ExportReport(fmt, nodes=graph.number_of_nodes(), edges=graph.number_of_edges())
    if fmt == "neo4j":
        report.paths = [str(p) for p in write_neo4j(graph, target)]
        return report
    if target.is_dir():
        target = target / f"kb{SUFFIX[fmt]}"
    target.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "graphml":
        with replacing(target) as tmp:
            nx.write_graphml(scalar_graph(graph), tmp, encoding="utf-8", named_key_ids=True)
    elif fmt == "gexf":
        with replacing(target) as tmp:
            nx.write_gexf(scalar_graph(graph), tmp, encoding="utf-8")
    else:
        from kb.graph import node_link

        data = {"directed": True, "multigraph": True, **node_link(graph)}
        write_text(target, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    report.paths = [str(target)]
    return report


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict, set)):
        return json.dumps(sorted(value) if isinstance(value, set) else value, ensure_ascii=False)
    return value


def scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all strings, numbers or booleans (lists as JSON), none None."""
    out = graph.__class__()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **{k: _scalar(v) for k, v in data.items() if v is not None})
    return out


# --- Neo4j ---------------------------------------------------------------------------

_NODE_PROPS = [
    ("name", "label", "string"), ("kind", "kind", "string"), ("mentions", "mentions", "int"),
    ("aliases", "aliases", "string[]"), ("titles", "titles", "string[]"), ("event_type", "event_type", "string"),
    ("trigger", "trigger", "string"), ("summary", "summary", "string"), ("date", "date", "string"),
    ("date_start", "date_start", "string"), ("date_end", "date_end", "string"),
    ("precision", "precision", "string"), ("modality", "modality", "string"), ("place", "place", "string"),
]
_EDGE_PROPS = [
    ("label", "label", "string"), ("title", "title", "string"), ("former", "former", "boolean"),
    ("role", "role", "string"), ("weight", "weight", "int"), ("sources", "sources", "string"),
]


def neo4j_label(kind: str) -> str:
    """Node labels: ``Entity;Person`` for entities, ``Event`` for events."""
    if kind == "event":
        return "Event"
    return "Entity" + NEO4J_ARRAY_DELIMITER + kind.capitalize()


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return NEO4J_ARRAY_DELIMITER.join(
            _inert(_one_line(str(v)).replace(NEO4J_ARRAY_DELIMITER, ",")) for v in value)
    if kind == "boolean":
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    text = _one_line(str(value))
    return _inert(text) if kind == "string" else text


# A spreadsheet opening the CSV would run a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(text: str) -> str:
    """A text cell that no spreadsheet takes for a formula: a leading quote where it would."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _one_line(text: str) -> str:
    return " ".join(text.split())


def write_neo4j(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """``nodes.csv`` and ``relationships.csv`` with neo4j-admin import headers."""
    folder.mkdir(parents=True, exist_ok=True)
    nodes, rels = folder / NEO4J_NODE_FILE, folder / NEO4J_RELATIONSHIP_FILE
    # both files are written before either replaces an older one: a pair from one export
    with replacing(nodes) as nodes_tmp, replacing(rels) as rels_tmp:
        with nodes_tmp.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow(["id:ID", ":LABEL", *(f"{name}:{kind}" for name, _, kind in _NODE_PROPS)])
            for node, data in graph.nodes(data=True):
                out.writerow([node, neo4j_label(data["kind"]),
                              *(_cell(data.get(attr), kind) for _, attr, kind in _NODE_PROPS)])
        with rels_tmp.open("w", newline="", encoding="utf-8") as fh:
            out = csv.writer(fh)
            out.writerow([":START_ID", ":END_ID", ":TYPE", "key",
                          *(f"{name}:{kind}" for name, _, kind in _EDGE_PROPS)])
            for u, v, key, data in graph.edges(keys=True, data=True):
                out.writerow([u, v, data["relation"].upper(), key,
                              *(_cell(data.get(attr), kind) for _, attr, kind in _EDGE_PROPS)])
    return [nodes, rels]

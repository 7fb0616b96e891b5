"""Pictures of the knowledge base: self-contained HTML pages and still PNG images.

Pages need no network: the SVG is drawn here in Python (positions from a seeded spring
layout, so the same graph gives the same picture), and the data behind every node and
mark (profiles, sources) is embedded as JSON that a little inline JavaScript shows on
click. networkx and matplotlib are imported only inside the functions that need them.
"""

from __future__ import annotations

import bisect
import html
import json
import math
from collections import Counter
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from kb.model import readable_date
from kb.output import replacing, write_text

if TYPE_CHECKING:
    import networkx as nx

KIND_COLOURS = {
    "person": "#4e79a7", "state": "#e15759", "organization": "#f28e2b", "place": "#59a14f",
    "group": "#b07aa1", "agreement": "#c9a227", "product": "#76b7b2", "event": "#9c755f",
}
OTHER_COLOUR = "#888888"
WIDTH, HEIGHT, MARGIN = 1200, 800, 70

_CSS = """
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;display:flex;height:100vh}
#main{flex:1;display:flex;flex-direction:column;min-width:0}
header{padding:8px 14px;border-bottom:1px solid #ddd;display:flex;gap:18px;align-items:center;flex-wrap:wrap}
header h1{font-size:17px;margin:0}
.legend span{display:inline-flex;align-items:center;gap:4px;margin-right:10px;font-size:12px}
.legend i{width:11px;height:11px;border-radius:50%;display:inline-block}
#canvas{flex:1;overflow:hidden;background:#fafafa}
svg{width:100%;height:100%;user-select:none}
.edge line{stroke:#999;stroke-opacity:.55}
.edge.fact line{stroke:#555;stroke-opacity:.8}
.edge:hover line,.edge.on line{stroke:#d62728;stroke-opacity:1}
.elabel{font-size:9px;fill:#666;pointer-events:none}
.hide-elabels .elabel,.hide-co .elabel.co{display:none}
.node{cursor:pointer}
.node circle{stroke:#fff;stroke-width:1.5}
.node.center circle{stroke:#222;stroke-width:3}
.node.on circle{stroke:#d62728;stroke-width:3}
.node text{font-size:11px;fill:#222;paint-order:stroke;stroke:#fafafa;stroke-width:3px}
.dim{opacity:.15}
aside{width:380px;border-left:1px solid #ddd;overflow:auto;padding:12px 16px;background:#fff}
aside h2{font-size:17px;margin:.2em 0}
aside h3{font-size:13px;margin:1em 0 .3em;text-transform:uppercase;color:#666;letter-spacing:.04em}
aside ul{padding-left:18px;margin:.2em 0}
aside li{margin:.25em 0}
.kind{color:#fff;border-radius:3px;padding:1px 6px;font-size:12px}
.src{color:#555;font-size:12.5px}
.src q{font-style:italic}
.doc{color:#888;font-size:11.5px}
.muted{color:#888}
.axis line{stroke:#bbb}.axis text{font-size:11px;fill:#555}
.mark{cursor:pointer}.mark:hover,.mark.on{stroke:#d62728;stroke-width:2}
.mlabel{font-size:11px;fill:#333;pointer-events:none}
table.list{border-collapse:collapse;width:100%;font-size:13px}
table.list td{border-top:1px solid #eee;padding:3px 8px;vertical-align:top}
table.list td.date{white-space:nowrap}
.axis text.break{font-size:18px;fill:#888}
table.list tr{cursor:pointer}table.list tr:hover{background:#f3f3f3}
"""

_COMMON_JS = """
const DATA = JSON.parse(document.getElementById('kb-data').textContent);
const panel = document.getElementById('panel');
function esc(s){return String(s==null?'':s).replace(/[&<>"']/g,c=>({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c]));}
function kindTag(k){return `<span class="kind" style="background:${(DATA.colours||{})[k]||'#888'}">${esc(k)}</span>`;}
function sourceHtml(s){
  const where = [s.document, s.published].filter(Boolean).map(esc).join(' · ');
  const chars = s.start_char!=null ? ` · chars ${s.start_char}–${s.end_char}` : '';
  return `<li class="src"><q>${esc(s.sentence)}</q><br><span class="doc">${where}${chars}${s.title?' — '+esc(s.title):''}</span></li>`;
}
function sourcesHtml(list, max){
  if(!list || !list.length) return '';
  const shown = list.slice(0, max||5).map(sourceHtml).join('');
  const more = list.length > (max||5) ? `<li class="muted">and ${list.length-(max||5)} more</li>` : '';
  return `<ul>${shown}${more}</ul>`;
}
function eventHtml(e){
  const roles = {};
  (e.participants||[]).forEach(p=>{(roles[p.name] = roles[p.name] || []).includes(p.role) || roles[p.name].push(p.role);});
  const who = Object.entries(roles).map(([n, r])=>`${esc(n)} <span class="muted">(${r.map(esc).join(', ')})</span>`).join(', ');
  return `<h2>${esc(e.summary||e.trigger)}</h2>${kindTag('event')} <span class="muted">${esc(e.type)}${e.modality&&e.modality!=='asserted'?' · '+esc(e.modality):''}</span>
    <p><b>${esc(e.when||e.date||'undated')}</b>${e.date_from==='published'?' <span class="muted">(reported)</span>':''}${e.place?' · '+esc(e.place):''}</p>
    ${who?`<h3>Participants</h3><p>${who}</p>`:''}
    <h3>Sources (${(e.sources||[]).length})</h3>${sourcesHtml(e.sources, 10)}`;
}
"""

_GRAPH_JS = """
function count(n, noun){return `${n} ${noun}${n===1?'':'s'}`;}
function profileHtml(p){
  if(p.event) return eventHtml(p.event);
  let h = `<h2>${esc(p.name)}</h2>${kindTag(p.kind)} <span class="muted">${count(p.mentions,'mention')} in ${count((p.documents||[]).length,'article')}</span>`;
  if(p.aliases && p.aliases.length) h += `<h3>Also called</h3><p>${p.aliases.map(esc).join(', ')}</p>`;
  if(p.states && p.states.length) h += `<h3>State</h3><p>${p.states.map(esc).join(', ')}</p>`;
  if(p.roles && p.roles.length) h += '<h3>Roles</h3><ul>' + p.roles.map(r=>`<li>${r.former?'former ':''}${esc(r.title)}${r.of?' of '+esc(r.of):''}${sourcesHtml(r.sources,2)}</li>`).join('') + '</ul>';
  if(p.related && p.related.length) h += '<h3>Related</h3><ul>' + p.related.map(r=>`<li>${esc(r.name)} <span class="muted">${esc(r.kind)} · ${esc(r.relation)} · ${r.weight}</span></li>`).join('') + '</ul>';
  if(p.events && p.events.length){
    h += `<h3>Events (${p.events_total||p.events.length})</h3><ul>` + p.events.map(e=>`<li><b>${esc(e.date||'undated')}</b> ${esc(e.summary||e.trigger)}${sourcesHtml(e.sources,1)}</li>`).join('') + '</ul>';
  }
  if(p.documents && p.documents.length) h += '<h3>Articles</h3><ul>' + p.documents.map(d=>`<li class="doc">${esc(d)}</li>`).join('') + '</ul>';
  return h;
}
function edgeHtml(e){
  const a = DATA.labels[e.source], b = DATA.labels[e.target];
  return `<h2>${esc(a)} — ${esc(b)}</h2>` + e.facts.map(f=>`<h3>${esc(f.label)} (${f.weight})</h3>${sourcesHtml(f.sources, 5)}`).join('');
}
const svg = document.querySelector('svg');
function clearOn(){document.querySelectorAll('.on').forEach(x=>x.classList.remove('on'));}
function showNode(id){
  clearOn();
  const g = document.querySelector(`.node[data-id="${CSS.escape(id)}"]`);
  if(g) g.classList.add('on');
  const p = DATA.profiles[id];
  panel.innerHTML = p ? profileHtml(p) : `<h2>${esc(DATA.labels[id])}</h2>`;
  panel.dataset.shown = id;
}
document.querySelectorAll('.node').forEach(g=>{
  g.addEventListener('click', ev=>{ev.stopPropagation(); showNode(g.dataset.id);});
  g.addEventListener('mouseenter', ()=>{
    const id = g.dataset.id, near = new Set([id]);
    DATA.edges.forEach(e=>{ if(e.source===id) near.add(e.target); if(e.target===id) near.add(e.source); });
    document.querySelectorAll('.node').forEach(n=>{ if(!near.has(n.dataset.id)) n.classList.add('dim'); });
    document.querySelectorAll('.edge').forEach(x=>{ if(x.dataset.source!==id && x.dataset.target!==id) x.classList.add('dim'); });
  });
  g.addEventListener('mouseleave', ()=>document.querySelectorAll('.dim').forEach(x=>x.classList.remove('dim')));
});
document.querySelectorAll('.edge').forEach(x=>x.addEventListener('click', ev=>{
  ev.stopPropagation(); clearOn(); x.classList.add('on'); panel.innerHTML = edgeHtml(DATA.edges[+x.dataset.i]);
}));
document.getElementById('elabels').addEventListener('change', ev=>svg.classList.toggle('hide-elabels', !ev.target.checked));
document.getElementById('colabels').addEventListener('change', ev=>svg.classList.toggle('hide-co', !ev.target.checked));
// zoom with the wheel, pan by dragging
let vb = svg.viewBox.baseVal, drag = null;
svg.addEventListener('wheel', ev=>{
  ev.preventDefault();
  const k = ev.deltaY > 0 ? 1.15 : 1/1.15, r = svg.getBoundingClientRect();
  const mx = vb.x + (ev.clientX - r.left) / r.width * vb.width, my = vb.y + (ev.clientY - r.top) / r.height * vb.height;
  vb.x = mx - (mx - vb.x) * k; vb.y = my - (my - vb.y) * k; vb.width *= k; vb.height *= k;
}, {passive:false});
svg.addEventListener('mousedown', ev=>{drag = {x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y};});
window.addEventListener('mousemove', ev=>{
  if(!drag) return;
  const r = svg.getBoundingClientRect();
  vb.x = drag.vx - (ev.clientX - drag.x) / r.width * vb.width; vb.y = drag.vy - (ev.clientY - drag.y) / r.height * vb.height;
});
window.addEventListener('mouseup', ()=>{drag = null;});
if(DATA.center) showNode(DATA.center);
"""

_TIMELINE_JS = """
function clearOn(){document.querySelectorAll('.on').forEach(x=>x.classList.remove('on'));}
function showEvent(i){
  clearOn();
  document.querySelectorAll(`[data-i="${i}"]`).forEach(x=>x.classList.add('on'));
  panel.innerHTML = eventHtml(DATA.events[i]);
  panel.dataset.shown = String(i);
}
document.querySelectorAll('[data-i]').forEach(x=>x.addEventListener('click', ()=>showEvent(+x.dataset.i)));
"""


def _json_for_script(data: Any) -> str:
    """JSON safe to put inside a <script> element: no "<", ">" or "&" at all (each can only
    be in a string, where its \\u escape reads back the same), so no "</script>" or "<!--"."""
    text = json.dumps(data, ensure_ascii=False, default=_plain)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _plain(obj: Any) -> Any:
    if is_dataclass(obj) and not isinstance(obj, type):
        return asdict(obj)
    if isinstance(obj, set):
        return sorted(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def _e(text: Any) -> str:
    return html.escape(str(text if text is not None else ""), quote=True)


def _short(text: str, n: int = 42) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _page(title: str, header: str, body: str, data: dict[str, Any], script: str) -> str:
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style></head>\n<body>\n"
        f"<div id=\"main\"><header><h1>{_e(title)}</h1>{header}</header>\n{body}</div>\n"
        "<aside id=\"panel\"><p class=\"muted\">Click a mark to see its details and sources.</p></aside>\n"
        f"<script type=\"application/json\" id=\"kb-data\">{_json_for_script(data)}</script>\n"
        f"<script>{_COMMON_JS}{script}</script>\n</body></html>\n"
    )


def _legend(kinds: Iterable[str]) -> str:
    spans = "".join(f"<span><i style=\"background:{KIND_COLOURS.get(k, OTHER_COLOUR)}\"></i>{_e(k)}</span>"
                    for k in kinds)
    return f"<div class=\"legend\">{spans}</div>"


# --- graph --------------------------------------------------------------------------


def layout(graph: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Node positions in ``[0, 1]²``: a seeded spring layout, so pictures are reproducible."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return {}
    if graph.number_of_nodes() == 1:
        return {n: (0.5, 0.5) for n in graph}
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    for u, v, data in graph.edges(data=True):
        w = 2.0 if data.get("relation") != "co_mention" else 1.0
        old = simple.get_edge_data(u, v, {}).get("weight", 0.0)
        simple.add_edge(u, v, weight=max(old, w))
    k = 1.6 / math.sqrt(simple.number_of_nodes())
    pos = nx.spring_layout(simple, seed=seed, k=k, iterations=120, weight="weight")
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    sx, sy = (x1 - x0) or 1.0, (y1 - y0) or 1.0
    return {n: ((float(p[0]) - x0) / sx, (float(p[1]) - y0) / sy) for n, p in pos.items()}


def node_radius(data: dict[str, Any]) -> float:
    """Circle size grows with the square root of mentions."""
    m = max(1, int(data.get("mentions") or 1))
    if data.get("kind") == "event":
        return min(14.0, 4.0 + 2.0 * math.sqrt(m))
    return min(32.0, 6.0 + 3.0 * math.sqrt(m))


def _merged_edges(graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """One drawn line per linked pair, listing every fact between the two."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, data in graph.edges(data=True):
        a, b = sorted((u, v))
        entry = pairs.setdefault((a, b), {"source": a, "target": b, "facts": []})
        label = data.get("label", data.get("relation", ""))
        if (u, v) != (a, b) and data.get("relation") != "co_mention":
            label = f"← {label}"
        entry["facts"].append({"relation": data.get("relation"), "label": label, "weight": data.get("weight", 0),
                               "sources": data.get("sources", [])})
    out = []
    for entry in pairs.values():
        entry["facts"].sort(key=lambda f: (f["relation"] == "co_mention", -f["weight"]))
        entry["fact"] = any(f["relation"] != "co_mention" for f in entry["facts"])
        entry["label"] = "; ".join(f["label"] + (f" ×{f['weight']}" if f["relation"] == "co_mention" else "")
                                   for f in entry["facts"][:2])
        out.append(entry)
    return out


def graph_html(graph: nx.MultiDiGraph, path: str | Path, *, title: str, center: str | None = None,
               profiles: dict[str, Any] | None = None) -> None:
    """Write an interactive page of ``graph``: nodes coloured by kind, sized by mentions.

    ``profiles`` maps node ids to what a click on the node shows (e.g. ``kb who``
    profiles as dicts); nodes without one show their label.
    """
    pos = layout(graph)
    w, h = WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN

    def xy(n: str) -> tuple[float, float]:
        x, y = pos[n]
        return MARGIN + x * w, MARGIN + y * h

    edges = _merged_edges(graph)
    parts = [f"<svg class=\"hide-co\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">"]
    parts.append("<g class=\"edges\">")
    for i, e in enumerate(edges):
        (x1, y1), (x2, y2) = xy(e["source"]), xy(e["target"])
        width = min(6.0, 1.0 + math.log1p(sum(f["weight"] for f in e["facts"])))
        parts.append(
            f"<g class=\"edge{' fact' if e['fact'] else ''}\" data-i=\"{i}\" data-source=\"{_e(e['source'])}\" "
            f"data-target=\"{_e(e['target'])}\"><line x1=\"{x1:.1f}\" y1=\"{y1:.1f}\" x2=\"{x2:.1f}\" y2=\"{y2:.1f}\" "
            f"stroke-width=\"{width:.1f}\"><title>{_e(e['label'])}</title></line>"
            f"<text class=\"elabel{'' if e['fact'] else ' co'}\" x=\"{(x1 + x2) / 2:.1f}\" y=\"{(y1 + y2) / 2:.1f}\" text-anchor=\"middle\">"
            f"{_e(_short(e['label'], 36))}</text></g>")
    parts.append("</g><g class=\"nodes\">")
    order = sorted(graph.nodes(data=True), key=lambda nd: nd[1].get("mentions", 0))
    for n, data in order:
        x, y = xy(n)
        r = node_radius(data)
        colour = KIND_COLOURS.get(data.get("kind", ""), OTHER_COLOUR)
        label = _short(data.get("label", n), 28 if data.get("kind") == "event" else 40)
        parts.append(
            f"<g class=\"node{' center' if n == center else ''}\" data-id=\"{_e(n)}\" data-kind=\"{_e(data.get('kind'))}\">"
            f"<circle cx=\"{x:.1f}\" cy=\"{y:.1f}\" r=\"{r:.1f}\" fill=\"{colour}\">"
            f"<title>{_e(data.get('label', n))} ({_e(data.get('kind'))}, {data.get('mentions', 0)} mentions)</title>"
            f"</circle><text x=\"{x + r + 3:.1f}\" y=\"{y + 4:.1f}\">{_e(label)}</text></g>")
    parts.append("</g></svg>")
    kinds = sorted({d.get("kind", "") for _, d in graph.nodes(data=True)})
    header = (_legend(kinds) + "<label class=\"muted\"><input type=\"checkbox\" id=\"elabels\" checked> edge labels"
              "</label><label class=\"muted\"><input type=\"checkbox\" id=\"colabels\"> co-mention labels</label><span class=\"muted\">wheel: zoom · drag: pan · click: details</span>")
    data = {
        "center": center,
        "colours": KIND_COLOURS,
        "labels": {n: d.get("label", n) for n, d in graph.nodes(data=True)},
        "edges": edges,
        "profiles": profiles or {},
    }
    body = f"<div id=\"canvas\">{''.join(parts)}</div>"
    write_text(path, _page(title, header, body, data, _GRAPH_JS))


def graph_png(graph: nx.MultiDiGraph, path: str | Path, *, title: str, center: str | None = None) -> None:
    """Write a still picture of ``graph`` (same layout and colours as the page)."""
    import matplotlib

    matplotlib.use("Agg")
    pos = {n: (x, 1.0 - y) for n, (x, y) in layout(graph).items()}
    # Names are text, never maths: "$5 and $6" must not be typeset between the dollars.
    with matplotlib.rc_context({"text.parse_math": False}):
        _draw_png(graph, pos, path, title=title, center=center)


def _draw_png(graph: nx.MultiDiGraph, pos: dict[str, tuple[float, float]], path: str | Path, *, title: str,
              center: str | None) -> None:
    import matplotlib.pyplot as plt
    import networkx as nx

    fig, ax = plt.subplots(figsize=(16, 11), dpi=100)
    try:
        ax.set_title(title, fontsize=13)
        ax.axis("off")
        simple = nx.Graph(graph)
        nodes = list(graph.nodes)
        sizes = [(node_radius(graph.nodes[n]) * 2.2) ** 2 for n in nodes]
        colours = [KIND_COLOURS.get(graph.nodes[n].get("kind", ""), OTHER_COLOUR) for n in nodes]
        nx.draw_networkx_edges(simple, pos, ax=ax, edge_color="#999999", alpha=0.6, width=0.8)
        nx.draw_networkx_nodes(graph, pos, nodelist=nodes, node_size=sizes, node_color=colours, ax=ax,
                               edgecolors=["#222222" if n == center else "#ffffff" for n in nodes],
                               linewidths=[2.5 if n == center else 0.8 for n in nodes])
        # Entities by name; events, whose labels are sentences, by their type and date.
        names = {n: _short(graph.nodes[n].get("label", n), 30) for n in nodes if graph.nodes[n].get("kind") != "event"}
        events = {n: png_event_label(graph.nodes[n]) for n in nodes if graph.nodes[n].get("kind") == "event"}
        nx.draw_networkx_labels(graph, pos, labels=names, font_size=10, ax=ax,
                                bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.7, "pad": 0.5})
        nx.draw_networkx_labels(graph, pos, labels=events, font_size=8, font_color="#5a4535", ax=ax)
        # Only facts between two entities are labelled: "actor in" on every event edge is noise.
        facts = {(e["source"], e["target"]): _short(e["facts"][0]["label"], 24)
                 for e in _merged_edges(graph) if e["fact"] and e["source"] not in events and e["target"] not in events}
        nx.draw_networkx_edge_labels(simple, pos, edge_labels=facts, font_size=8, font_color="#555555", ax=ax,
                                     rotate=False, bbox={"alpha": 0})
        from matplotlib.lines import Line2D

        kinds = sorted({graph.nodes[n].get("kind", "") for n in nodes})
        ax.legend(handles=[Line2D([], [], marker="o", linestyle="", color=KIND_COLOURS.get(k, OTHER_COLOUR),
                                  label=k) for k in kinds], loc="lower left", fontsize=8, frameon=False)
        fig.tight_layout()
        with replacing(path) as tmp:
            fig.savefig(tmp, format="png")
    finally:
        plt.close(fig)


PNG_MAX_NODES = 30  # a still picture at its default size stays readable up to about this many


def png_event_label(data: dict[str, Any]) -> str:
    """An event node's label in a still picture: its type and date ("visit 2021-11-24")."""
    kind = (data.get("event_type") or "event").replace("_", " ")
    return f"{kind} {data['date']}" if data.get("date") else kind


# --- timeline ------------------------------------------------------------------------


def _day(iso: str | None) -> int | None:
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return None


def _ticks(first: int, last: int) -> list[tuple[int, str]]:
    """Axis ticks at year, month or day starts, at most about twelve."""
    d0, d1 = date.fromordinal(first), date.fromordinal(last)
    span = last - first
    out: list[tuple[int, str]] = []
    if span > 3 * 365:
        step = max(1, math.ceil((d1.year - d0.year + 1) / 12))
        for y in range(d0.year, d1.year + 2, step):
            out.append((date(y, 1, 1).toordinal(), str(y)))
    elif span > 60:
        months = (d1.year - d0.year) * 12 + d1.month - d0.month + 2
        step = max(1, math.ceil(months / 12))
        for i in range(0, months, step):
            y, m = divmod(d0.year * 12 + d0.month - 1 + i, 12)
            out.append((date(y, m + 1, 1).toordinal(), f"{y}-{m + 1:02d}"))
    else:
        step = max(1, math.ceil((span + 1) / 12))
        for d in range(first, last + 2, step):
            out.append((d, date.fromordinal(d).isoformat()))
    return [(d, label) for d, label in out if first <= d <= last + 1] or [(first, d0.isoformat())]


BREAK_W = 28  # width of a break in the time axis, where a long empty stretch is cut out


@dataclass
class AxisPart:
    """A stretch of days the axis draws at one scale; the stretches between parts are cut out."""

    first: int
    last: int
    x0: float = 0.0
    x1: float = 0.0
    events: int = 0
    days: list[int] = field(default_factory=list)  # the day each event of the stretch begins
    _points: list[tuple[float, float]] = field(default_factory=list, repr=False)

    def x(self, day: int) -> float:
        """Half by time, half by how many events come before: a busy week gets room."""
        span = max(1, self.last - self.first)
        return self.x0 + (self.x1 - self.x0) * (0.5 * (day - self.first) / span + 0.5 * self._share(day))

    def _share(self, day: float) -> float:
        """Share of the stretch's events before ``day`` (half of those on it), rising
        linearly between the days that have events."""
        if not self.days:
            return (day - self.first) / max(1, self.last - self.first)
        if not self._points:  # the days are all known once the axis is laid out
            days, n = sorted(self.days), len(self.days)
            counts = {d: bisect.bisect_right(days, d) - bisect.bisect_left(days, d) for d in set(days)}
            self._points = [(float(self.first), 0.0),
                            *((float(d), (bisect.bisect_left(days, d) + counts[d] / 2) / n) for d in sorted(counts)),
                            (float(self.last), 1.0)]
        points = self._points
        k = bisect.bisect_left(points, (float(day), -1.0))
        if k == 0:
            return 0.0
        if k >= len(points):
            return 1.0
        (a, fa), (b, fb) = points[k - 1], points[k]
        return fb if b == a else fa + (fb - fa) * (day - a) / (b - a)


def axis_parts(spans: list[tuple[int, int]], left: float, right: float) -> list[AxisPart]:
    """A time axis that follows where the events are: days grouped into stretches separated
    by long empty gaps (more than a sixth of the whole and two months), each stretch drawn
    as wide as its share of the events and of the days together, the gaps cut to a break;
    within a stretch, a busy week is widened (:meth:`AxisPart.x`). One event in 1993 beside
    forty in 2020-21 no longer crushes them against one edge."""
    spans = sorted(spans)
    whole = max(e for _, e in spans) - spans[0][0]
    gap = max(60, whole // 6)
    parts: list[AxisPart] = []
    for s, e in spans:
        if parts and s <= parts[-1].last + gap:
            parts[-1].last = max(parts[-1].last, e)
            parts[-1].events += 1
            parts[-1].days.append(s)
        else:
            parts.append(AxisPart(s, e, events=1, days=[s]))
    for part in parts:
        pad = max(2, (part.last - part.first) // 30)
        part.first, part.last = part.first - pad, part.last + pad
    days = sum(p.last - p.first for p in parts)
    room = right - left - BREAK_W * (len(parts) - 1)
    shares = [0.5 * p.events / len(spans) + 0.5 * (p.last - p.first) / days for p in parts]
    x = left
    for part, share in zip(parts, shares):
        part.x0, part.x1 = x, x + room * share
        x = part.x1 + BREAK_W
    return parts


def _axis_x(parts: list[AxisPart], day: int) -> float:
    part = next((p for p in parts if day <= p.last), parts[-1])
    return part.x(max(part.first, min(day, part.last)))


def _when(v: dict[str, Any]) -> str:
    """An event's date as the tables show it: "reported" when only its article's date dates it."""
    if not v.get("date"):
        return "undated"
    when = readable_date(str(v["date"]))  # "24 Nov 2021, evening", "Dec 2020"
    return f"{when} (reported)" if v.get("date_from") == "published" else when


def timeline_html(events: list[Any], path: str | Path, *, title: str) -> None:
    """Write an interactive timeline page: a time axis, each event a mark, a click shows its sources.

    ``events`` are :class:`kb.queries.EventView` objects (or their dicts), oldest first.
    Events spanning several days are bars; undated events are listed below the axis.
    """
    views = [asdict(e) if is_dataclass(e) else dict(e) for e in events]
    for v in views:
        v["when"] = readable_date(str(v["date"])) if v.get("date") else ""
    dated = [(i, _day(v.get("start")), _day(v.get("end")) or _day(v.get("start"))) for i, v in enumerate(views)]
    dated = [(i, s, max(s, e or s)) for i, s, e in dated if s is not None]
    types = sorted({v.get("type") or "" for v in views})
    palette = ["#4e79a7", "#e15759", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7",
               "#9c755f", "#bab0ac"]
    colour = {t: palette[i % len(palette)] for i, t in enumerate(types)}

    parts: list[str] = []
    lane_h, top = 24, 40
    if dated:
        parts_ = axis_parts([(s, e) for _, s, e in dated], MARGIN, WIDTH - MARGIN)

        def x_of(day: int) -> float:
            return _axis_x(parts_, day)

        lanes: list[float] = []
        placed = []
        for i, s, e in sorted(dated, key=lambda t: (t[1], t[2], t[0])):
            x0, x1 = x_of(s), max(x_of(e), x_of(s) + 8)
            label = _short(views[i].get("summary") or views[i].get("trigger") or "", 34)
            text_w = 6.2 * len(label) + 6
            # near the right edge the label goes to the left of its mark
            left = x1 + text_w > WIDTH - 4
            begin, end = (x0 - text_w, x1) if left else (x0, x1 + text_w)
            lane = next((k for k, free in enumerate(lanes) if free < begin), None)
            if lane is None:
                lanes.append(0.0)
                lane = len(lanes) - 1
            lanes[lane] = end
            placed.append((i, x0, x1, lane, label, left))
        height = top + max(1, len(lanes)) * lane_h + 40
        parts.append(f"<svg viewBox=\"0 0 {WIDTH} {height}\" xmlns=\"http://www.w3.org/2000/svg\" "
                     f"style=\"height:{height}px\"><g class=\"axis\">")
        axis_y = height - 30
        for k, part in enumerate(parts_):
            parts.append(f"<line x1=\"{part.x0:.1f}\" y1=\"{axis_y}\" x2=\"{part.x1:.1f}\" y2=\"{axis_y}\"/>")
            if k:  # the days cut out between two stretches
                mid = part.x0 - BREAK_W / 2
                parts.append(f"<text class=\"break\" x=\"{mid:.1f}\" y=\"{axis_y + 4}\" text-anchor=\"middle\">"
                             f"≈</text>")
            last_x = -1e9
            # calendar ticks, and the busiest days by name where the axis widened them
            counts = Counter(part.days)
            busy = [(d, date.fromordinal(d).isoformat()) for d, n in counts.items() if n > 1]
            for day, label in sorted([*_ticks(part.first, part.last), *busy], key=lambda t: part.x(t[0])):
                x = part.x(day)
                if x - last_x < 70:  # labels at least 70 px apart
                    continue
                last_x = x
                parts.append(f"<line x1=\"{x:.1f}\" y1=\"{top - 10}\" x2=\"{x:.1f}\" y2=\"{axis_y + 5}\" "
                             f"stroke-dasharray=\"2,4\"/><text x=\"{x:.1f}\" y=\"{axis_y + 18}\" "
                             f"text-anchor=\"middle\">{_e(label)}</text>")
        parts.append("</g><g class=\"marks\">")
        anchor = ' text-anchor="end"'
        for i, x0, x1, lane, label, left in placed:
            v = views[i]
            y = top + lane * lane_h
            c = colour[v.get("type") or ""]
            tip = f"{_when(v)} {v.get('type') or ''}: {v.get('summary') or v.get('trigger') or ''}"
            opacity = "0.55" if v.get("date_from") == "published" or v.get("modality") != "asserted" else "1"
            parts.append(
                f"<rect class=\"mark\" data-i=\"{i}\" x=\"{x0:.1f}\" y=\"{y:.1f}\" width=\"{x1 - x0:.1f}\" "
                f"height=\"14\" rx=\"4\" fill=\"{c}\" fill-opacity=\"{opacity}\"><title>{_e(tip)}</title></rect>"
                f"<text class=\"mlabel\" x=\"{(x0 - 4) if left else (x1 + 4):.1f}\" y=\"{y + 11:.1f}\""
                f"{anchor if left else ''}>{_e(label)}</text>")
        parts.append("</g></svg>")
    else:
        parts.append("<p class=\"muted\" style=\"padding:0 14px\">No dated events.</p>")
    rows = []
    for i, v in enumerate(views):
        who = ", ".join(dict.fromkeys(p.get("name", "") for p in v.get("participants") or []))
        rows.append(
            f"<tr data-i=\"{i}\"><td class=\"date\">{_e(_when(v))}</td><td>{_e(v.get('type'))}</td>"
            f"<td>{_e(v.get('summary') or v.get('trigger'))}</td><td class=\"muted\">{_e(who)}</td>"
            f"<td class=\"muted\">{len(v.get('sources') or [])}</td></tr>")
    table = f"<table class=\"list\">{''.join(rows)}</table>" if rows else ""
    header = (_legend_types(types, colour) + f"<span class=\"muted\">{len(views)} events, {len(dated)} dated</span>")
    body = f"<div id=\"canvas\" style=\"overflow:auto;background:#fff\">{''.join(parts)}{table}</div>"
    data = {"events": views, "colours": KIND_COLOURS}
    write_text(path, _page(title, header, body, data, _TIMELINE_JS))


def _legend_types(types: list[str], colour: dict[str, str]) -> str:
    spans = "".join(f"<span><i style=\"background:{colour[t]}\"></i>{_e(t or 'other')}</span>" for t in types)
    return f"<div class=\"legend\">{spans}</div>"

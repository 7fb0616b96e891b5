"""Score ``kb timeline --entity`` against the SemEval-2015 Task 4 (TimeLine) trial data.

The articles (TimeML) are turned into a temporary JSONL file (one ``<s>`` sentence a
line, ``published`` from ``<DCT>``), ingested with ``kb ingest`` into a temporary store,
and each gold timeline's target entity is looked up with ``kb timeline --entity X --json``
(dated events) and ``--undated``. A system event matches a gold event when one of its
source sentences is one of the gold event's sentences (one-to-one, by document and
sentence number). Negated and denied events are left out of the system timeline. Printed:
event precision / recall / F1, date accuracy on the matched events, and an approximation
of the task's temporal-awareness F1 (below).

Temporal awareness, approximated: the task scored TimeML graphs built from each timeline
with TempEval-3's closure-based metric. Here each timeline gives the set of relations
between every pair of placed events (BEFORE from the order, SIMULTANEOUS for equal
positions) plus each dated event's relation to its date; system events are named by the
gold event they match (unmatched ones by themselves) and P/R/F1 are taken over those
relation sets (their full closures, not reduced graphs).

The data is read in place (``../shared/data/semeval2015-trial`` from the repository
root, or ``--data``); nothing of it is copied into the repository.

    .venv/bin/python eval/score_timeline.py [--data DIR] [--json] [--misses] [--check]

``--check`` exits 1 when a figure falls below ``eval/timeline/baseline.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "semeval2015-trial"
BASELINE = REPO / "eval" / "timeline" / "baseline.json"

SentKey = tuple[str, str]  # (document id, sentence id)
# a timeline orders what happened or is to happen: events told as not having happened
# ("denied attacking", "rather than recall the phones") are no part of it
NOT_HAPPENED = frozenset({"negated", "denied"})


@dataclass
class Doc:
    id: str
    title: str
    published: str | None
    text: str
    line_ids: list[str]  # sentence id of each line of ``text``


@dataclass
class GoldEvent:
    ordinal: int
    date: str
    sentences: set[SentKey]
    mentions: list[str] = field(default_factory=list)  # "docid-sentence-token" as in the file


@dataclass
class Timeline:
    entity: str
    events: list[GoldEvent] = field(default_factory=list)


@dataclass
class SysEvent:
    date: str | None
    start: str | None
    precision: str | None
    sentences: set[SentKey]
    trigger: str = ""
    type: str = ""
    words: set[str] = field(default_factory=set)  # each source's trigger, lower-cased


# ---------------------------------------------------------------- reading the data

_DETOK = [(re.compile(r" ([,.;:!?%)\]}])"), r"\1"), (re.compile(r"([(\[{$]) "), r"\1"),
          (re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"), (re.compile(r"`` ?| ?''"), '"')]


def detokenize(tokens: str) -> str:
    """Undo the corpus tokenisation enough for a parser trained on ordinary text."""
    text = " ".join(tokens.split())
    for pattern, repl in _DETOK:
        text = pattern.sub(repl, text)
    return text


def read_tml(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    doc_id = (root.findtext("DOCID") or path.stem.split("_")[0].split("-")[0]).strip()
    dct = root.find("DCT")
    published = None
    if dct is not None:
        timex = dct.find("TIMEX3")
        published = timex.get("value") if timex is not None else (dct.text or "").strip() or None
    title = (root.findtext("EXTRAINFO") or "").strip()
    lines, ids = [], []
    text_el = root.find("TEXT")
    for s in (text_el.findall("s") if text_el is not None else []):
        lines.append(detokenize("".join(s.itertext())))
        ids.append(s.get("id", str(len(ids) + 1)))
    return Doc(doc_id, title, published, "\n".join(lines), ids)


def read_timeline(path: Path) -> Timeline:
    rows = path.read_text(encoding="utf-8").splitlines()
    tl = Timeline(rows[0].strip())
    for row in rows[1:]:
        cols = row.rstrip("\n").split("\t")
        if len(cols) < 3:
            continue
        sents = set()
        for mention in cols[2:]:
            parts = mention.split("-", 2)
            if len(parts) == 3:
                sents.add((parts[0], parts[1]))
        tl.events.append(GoldEvent(int(cols[0]), cols[1], sents, cols[2:]))
    return tl


# ---------------------------------------------------------------- running kb

def kb_command() -> list[str]:
    exe = Path(sys.executable).parent / "kb"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kb"]


def ingest(docs: list[Doc], db: Path, workdir: Path) -> None:
    path = workdir / "articles.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps({"id": d.id, "title": d.title, "text": d.text, "published": d.published}) + "\n")
    subprocess.run([*kb_command(), "ingest", str(path), "--db", str(db)], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "KB_DB": str(db)})


EVERYTHING: list[str] = []  # ["--all"] to score every event kb holds, not the default timeline


def query(entity: str, db: Path, *, undated: bool) -> tuple[list[dict], bool]:
    """The events of ``kb timeline --entity``, and whether kb knew the name as an entity
    (rather than falling back to the sentences that mention it)."""
    cmd = [*kb_command(), "timeline", "--entity", entity, "--json", "--db", str(db), *EVERYTHING]
    if undated:
        cmd.append("--undated")
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0 or not out.stdout.strip():
        return [], False
    data = json.loads(out.stdout)
    return data.get("events", []), "note" not in data


def entity_names(entity: str) -> list[str]:
    """The gold entity's name, then its shorter tails (a leading qualifier dropped)."""
    words = entity.split()
    return [" ".join(words[i:]) for i in range(len(words) - 1)] or [entity]


def system_timeline(entity: str, db: Path, docs: dict[str, Doc]) -> list[SysEvent]:
    events: list[dict] = []
    fallback: list[dict] = []
    for name in entity_names(entity):
        (dated, known), (undated, _) = query(name, db, undated=False), query(name, db, undated=True)
        if known and dated + undated:
            events = dated + undated
            break
        fallback = fallback or dated + undated
    events = events or fallback
    out = []
    for e in events:
        if e.get("modality") in NOT_HAPPENED:
            continue
        sents: set[SentKey] = set()
        words = {str(src.get("trigger") or "").lower() for src in e.get("sources", [])}
        for src in e.get("sources", []):
            doc = docs.get(str(src.get("document")))
            if doc is None or src.get("start_char") is None:
                continue
            line = doc.text.count("\n", 0, int(src["start_char"]))
            if line < len(doc.line_ids):
                sents.add((doc.id, doc.line_ids[line]))
        out.append(SysEvent(e.get("date"), e.get("start"), e.get("precision"), sents,
                            str(e.get("trigger") or ""), str(e.get("type") or ""), words))
    return out


# ---------------------------------------------------------------- scoring

def match(system: list[SysEvent], gold: list[GoldEvent]) -> dict[int, int]:
    """One-to-one system -> gold matching by shared sentences, most shared first; where
    several events share a sentence, one whose trigger is the gold token's word first."""
    pairs = []
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            n = len(s.sentences & g.sentences)
            if n:
                same = any(m.split("-", 2)[-1].split("_")[0].lower() in s.words for m in g.mentions)
                pairs.append((-n, not same, i, j))
    used_s: dict[int, int] = {}
    used_g: set[int] = set()
    for _, _, i, j in sorted(pairs):
        if i not in used_s and j not in used_g:
            used_s[i] = j
            used_g.add(j)
    return used_s


def date_ok(system: str | None, gold: str) -> bool:
    if gold.startswith("XXX"):
        return system is None
    return system == gold


def date_compatible(system: str | None, gold: str) -> bool:
    """The system date lies within the gold one (or vice versa) at the coarser precision."""
    if system is None or gold.startswith("XXX"):
        return date_ok(system, gold)
    n = min(len(system), len(gold))
    return system[:n] == gold[:n]


def relations(items: list[tuple[str, int, str | None]]) -> set[tuple[str, str, str]]:
    """BEFORE / SIMULTANEOUS between placed events, and each dated event's date."""
    placed = [(name, pos) for name, pos, _ in items if pos > 0]
    rels = set()
    for a, pa in placed:
        for b, pb in placed:
            if pa < pb:
                rels.add((a, b, "BEFORE"))
            elif pa == pb and a < b:
                rels.add((a, b, "SIMULTANEOUS"))
    for name, _, date in items:
        if date and not date.startswith("XXX"):
            rels.add((name, date, "DATE"))
    return rels


def system_positions(system: list[SysEvent]) -> list[int]:
    keys = sorted({(s.start, s.precision) for s in system if s.start})
    rank = {k: n + 1 for n, k in enumerate(keys)}
    return [rank[(s.start, s.precision)] if s.start else 0 for s in system]


def sentence_text(doc: Doc | None, sent_id: str) -> str:
    if doc is None or sent_id not in doc.line_ids:
        return ""
    return doc.text.split("\n")[doc.line_ids.index(sent_id)]


def misses(tl: Timeline, gold: list[GoldEvent], system: list[SysEvent], pairs: dict[int, int],
           by_id: dict[str, Doc]) -> list[str]:
    """Lines describing the gold events not found and the system events matching none."""
    out = [f"== {tl.entity}"]
    found = set(pairs.values())
    for j, g in enumerate(gold):
        if j in found:
            continue
        for mention in g.mentions:
            doc_id, sent_id, token = (mention.split("-", 2) + ["", ""])[:3]
            here = [f"{s.trigger}/{s.type}" for s in system if (doc_id, sent_id) in s.sentences]
            out.append(f"  MISS {g.date:<10} {doc_id}-{sent_id} [{token}]"
                       f"{'  (ours here: ' + ', '.join(here) + ')' if here else ''}")
            out.append(f"       {sentence_text(by_id.get(doc_id), sent_id)}")
    for i, s in enumerate(system):
        if i in pairs:
            continue
        for doc_id, sent_id in sorted(s.sentences):
            out.append(f"  EXTRA {s.date or '-':<10} {doc_id}-{sent_id} [{s.trigger}/{s.type}]")
            out.append(f"       {sentence_text(by_id.get(doc_id), sent_id)}")
    for i, j in sorted(pairs.items()):
        if not date_ok(system[i].date, gold[j].date):
            out.append(f"  DATE ours {system[i].date} gold {gold[j].date} [{system[i].trigger}] "
                       f"{' '.join(gold[j].mentions)}")
    return out


def score(docs: list[Doc], timelines: list[Timeline], db: Path, *, report: list[str] | None = None) -> dict:
    by_id = {d.id: d for d in docs}
    totals = {"system": 0, "gold": 0, "matched": 0, "date_exact": 0, "date_compatible": 0,
              "rel_system": 0, "rel_gold": 0, "rel_common": 0}
    per_entity = []
    for tl in timelines:
        gold = [g for g in tl.events if any(k[0] in by_id for k in g.sentences)]
        system = system_timeline(tl.entity, db, by_id)
        pairs = match(system, gold)
        exact = sum(date_ok(system[i].date, gold[j].date) for i, j in pairs.items())
        compatible = sum(date_compatible(system[i].date, gold[j].date) for i, j in pairs.items())
        g_rel = relations([(f"g{j}", g.ordinal, g.date) for j, g in enumerate(gold)])
        positions = system_positions(system)
        s_rel = relations([(f"g{pairs[i]}" if i in pairs else f"s{i}", positions[i], s.date)
                           for i, s in enumerate(system)])
        common = len(g_rel & s_rel)
        if report is not None:
            report += misses(tl, gold, system, pairs, by_id)
        per_entity.append({"entity": tl.entity, "system": len(system), "gold": len(gold),
                           "matched": len(pairs), "date_exact": exact})
        for k, v in (("system", len(system)), ("gold", len(gold)), ("matched", len(pairs)),
("date_exact", exact), ("date_compatible", compatible),
                     ("rel_system", len(s_rel)), ("rel_gold", len(g_rel)), ("rel_common", common)):
            totals[k] += v
    p = totals["matched"] / totals["system"] if totals["system"] else 0.0
    r = totals["matched"] / totals["gold"] if totals["gold"] else 0.0
    tp = totals["rel_common"] / totals["rel_system"] if totals["rel_system"] else 0.0
    tr = totals["rel_common"] / totals["rel_gold"] if totals["rel_gold"] else 0.0
    return {
        "entities": per_entity,
        "event_precision": round(100 * p, 2),
        "event_recall": round(100 * r, 2),
        "event_f1": round(100 * _f1(p, r), 2),
        "date_accuracy": round(100 * totals["date_exact"] / totals["matched"], 2) if totals["matched"] else 0.0,
        "date_compatible": round(100 * totals["date_compatible"] / totals["matched"], 2) if totals["matched"] else 0.0,
        "ta_precision": round(100 * tp, 2),
        "ta_recall": round(100 * tr, 2),
        "ta_f1": round(100 * _f1(tp, tr), 2),
    }


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the SemEval-2015 Task 4 trial folder")
    ap.add_argument("--db", type=Path, help="reuse this store instead of ingesting into a temporary one")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true",
                    help="also list missed gold events, unmatched system events and wrong dates")
    ap.add_argument("--check", action="store_true", help="exit 1 below eval/timeline/baseline.json")
    ap.add_argument("--all", action="store_true", help="score `kb timeline --all` (every event) instead")
    args = ap.parse_args(argv)
    if args.all:
        EVERYTHING.append("--all")
    if not (args.data / "articles").is_dir():
        print(f"no SemEval-2015 trial data at {args.data} (use --data)", file=sys.stderr)
        return 2
    docs = [read_tml(p) for p in sorted((args.data / "articles").glob("*.tml"))]
    timelines = [read_timeline(p) for p in sorted((args.data / "timelines").glob("*.txt"))]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "kb.db"
        if args.db is None or not args.db.exists():
            ingest(docs, db, Path(tmp))
        report: list[str] | None = [] if args.misses else None
        result = score(docs, timelines, db, report=report)
    if report:
        print("\n".join(report))
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for e in result["entities"]:
            print(f"{e['entity']:<22} system {e['system']:>3}  gold {e['gold']:>3}  matched {e['matched']:>3}"
                  f"  dates right {e['date_exact']:>3}")
        print(f"events     P {result['event_precision']:6.2f}  R {result['event_recall']:6.2f}"
              f"  F1 {result['event_f1']:6.2f}")
        print(f"dates      exact {result['date_accuracy']:6.2f}  compatible {result['date_compatible']:6.2f}"
              "  (% of matched events)")
        print(f"temporal awareness (approx.)  P {result['ta_precision']:6.2f}  R {result['ta_recall']:6.2f}"
              f"  F1 {result['ta_f1']:6.2f}")
    if args.check:
        baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
        low = [k for k, v in baseline.items() if isinstance(v, (int, float)) and result.get(k, 0.0) < v]
        if low:
            print("below baseline: " + ", ".join(f"{k} {result[k]} < {baseline[k]}" for k in low), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

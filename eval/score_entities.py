"""Score entity extraction and resolution on the annotated examples in ``eval/entities/``.

Each line of ``articles.jsonl`` is a short article with its gold entities (kind, canonical
name, the strings that mention it). The articles are extracted one by one, resolved
together as ``kb ingest`` would, and compared with the gold:

- canonical entities (person, state, organization): precision, recall, F1, plus
  duplicates (one gold thing split over two entities) and false merges (one entity
  holding two gold things), counted separately;
- typed mentions per article: precision, recall, F1 of (kind, mention string), and the
  same for products on their own;
- within-article coreference: pairwise precision, recall, F1 over the gold mention
  strings of an article (two strings of one gold thing should share a local entity);
- people across articles: B-cubed precision, recall, F1 of the canonical entities the
  gold people of each article end up in.

Usage: ``python eval/score_entities.py [--check] [--json]``. With ``--check`` the exit
status is 1 when a score falls below ``eval/entities/baseline.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent / "entities"
KINDS = ("person", "state", "organization")
EXTRA_KINDS = ("product",)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def _form(text: str) -> str:
    from kb.lexicon.names import fold

    f = fold(text)
    return f[4:] if f.startswith("the ") else f


def score(path: Path = HERE / "articles.jsonl") -> dict[str, object]:
    from kb.extract import extract
    from kb.extract.pipeline import load_nlp
    from kb.model import Article
    from kb.resolve.entities import LocalRecord, resolve_entities

    nlp = load_nlp()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records: list[LocalRecord] = []
    facts_by_doc = {}
    for row in rows:
        facts = extract(Article(doc_id=row["id"], text=row["text"], published="2025-01-01"), nlp)
        facts_by_doc[row["id"]] = facts
        for e in facts.entities:
            records.append(LocalRecord(row["id"], e.key, e.kind, e.name, list(e.aliases), e.mentions, e.doubtful))
    res = resolve_entities(records, [])

    gold_entities: set[tuple[str, str]] = set()
    m_tp = m_pred = m_gold = 0
    pred_gold: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    gold_pred: dict[tuple[str, str], set[str]] = defaultdict(set)
    predicted: set[str] = set()
    p_tp = p_pred = p_gold = 0
    c_tp = c_pred = c_gold = 0
    b3_items: list[tuple[str, str]] = []  # (gold person, canonical entity or a unique miss)
    for row in rows:
        doc = row["id"]
        forms: dict[str, tuple[str, str]] = {}
        gold_mentions: set[tuple[str, str]] = set()
        for g in row["gold"]:
            gid = (g["kind"], g["name"])
            gold_entities.add(gid)
            for m in [g["name"], *g["mentions"]]:
                forms[_form(m)] = gid
            gold_mentions.update((g["kind"], _form(m)) for m in g["mentions"])
        gold_products = {(k, f) for k, f in gold_mentions if k in EXTRA_KINDS}
        gold_mentions -= gold_products
        pred_products = {(m.kind, _form(m.text)) for m in facts_by_doc[doc].mentions if m.kind in EXTRA_KINDS}
        p_tp += len(pred_products & gold_products)
        p_pred += len(pred_products)
        p_gold += len(gold_products)
        local_of: dict[str, str] = {}
        for m in facts_by_doc[doc].mentions:
            local_of.setdefault(_form(m.text), m.entity)
        tp, n_pred, n_gold = _coref_pairs(row["gold"], local_of)
        c_tp, c_pred, c_gold = c_tp + tp, c_pred + n_pred, c_gold + n_gold
        for g in row["gold"]:
            if g["kind"] == "person":
                hit = next((local_of[_form(m)] for m in g["mentions"] if _form(m) in local_of), None)
                eid = res.members.get((doc, hit)) if hit is not None else None
                b3_items.append((g["name"], eid or f"miss:{doc}:{g['name']}"))
        pred_mentions: set[tuple[str, str]] = set()
        for m in facts_by_doc[doc].mentions:
            if m.kind not in KINDS:
                continue
            eid = res.members[(doc, m.entity)]
            if res.entities[eid].doubtful:
                continue
            pred_mentions.add((m.kind, _form(m.text)))
            predicted.add(eid)
            gid = forms.get(_form(m.text))
            if gid is not None and gid[0] == m.kind:
                pred_gold[eid][gid] += 1
                gold_pred[gid].add(eid)
        m_tp += len(pred_mentions & gold_mentions)
        m_pred += len(pred_mentions)
        m_gold += len(gold_mentions)

    by_kind: dict[str, dict[str, float]] = {}
    for kind in (*KINDS, "all"):
        golds = {g for g in gold_entities if g[0] in KINDS and kind in ("all", g[0])}
        preds = {p for p in predicted if kind in ("all", res.entities[p].kind)}
        correct_pred = sum(1 for p in preds if pred_gold.get(p))
        found = sum(1 for g in golds if gold_pred.get(g))
        p = correct_pred / len(preds) if preds else 1.0
        r = found / len(golds) if golds else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        by_kind[kind] = {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1),
                         "gold": len(golds), "predicted": len(preds)}
    duplicates = sorted(g[1] for g, ps in gold_pred.items() if len(ps) > 1)
    merges = sorted(res.entities[p].name for p, gs in pred_gold.items() if len(gs) > 1)
    spurious = sorted(f"{res.entities[p].kind}:{res.entities[p].name}" for p in predicted if not pred_gold.get(p))
    missed = sorted(f"{g[0]}:{g[1]}" for g in gold_entities if g[0] in KINDS and not gold_pred.get(g))
    return {"entities": by_kind, "duplicates": len(duplicates), "false_merges": len(merges),
            "mentions": _prf(m_tp, m_pred, m_gold), "products": _prf(p_tp, p_pred, p_gold),
            "coref": _prf(c_tp, c_pred, c_gold), "people_b3": _b_cubed(b3_items), "articles": len(rows),
            "detail": {"duplicates": duplicates, "false_merges": merges, "spurious": spurious, "missed": missed}}


def _coref_pairs(gold: list[dict], local_of: dict[str, str]) -> tuple[int, int, int]:
    """Pairs of an article's gold mention strings: (linked in both, linked by kb, linked in gold)."""
    owner: dict[str, int] = {}
    for n, g in enumerate(gold):
        for m in g["mentions"]:
            owner.setdefault(_form(m), n)
    forms = sorted(owner)
    tp = n_pred = n_gold = 0
    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            same_gold = owner[a] == owner[b]
            same_pred = a in local_of and b in local_of and local_of[a] == local_of[b]
            n_gold += same_gold
            n_pred += same_pred
            tp += same_gold and same_pred
    return tp, n_pred, n_gold


def _b_cubed(items: list[tuple[str, str]]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of (gold cluster, predicted cluster) items."""
    if not items:
        return _prf(0, 0, 0)
    by_gold: Counter[str] = Counter(g for g, _ in items)
    by_pred: Counter[str] = Counter(p for _, p in items)
    both: Counter[tuple[str, str]] = Counter(items)
    p = sum(both[it] / by_pred[it[1]] for it in items) / len(items)
    r = sum(both[it] / by_gold[it[0]] for it in items) / len(items)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(100 * p, 1), "recall": round(100 * r, 1), "f1": round(100 * f, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 below the recorded baseline")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    result = score()
    elapsed = time.perf_counter() - t0
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{result['articles']} articles, {elapsed:.1f}s")
        for kind, s in result["entities"].items():
            print(f"  {kind:13} P {s['precision']:5.1f}  R {s['recall']:5.1f}  F1 {s['f1']:5.1f}"
                  f"  (gold {s['gold']}, predicted {s['predicted']})")
        for what in ("mentions", "products", "coref", "people_b3"):
            m = result[what]
            print(f"  {what:13} P {m['precision']:5.1f}  R {m['recall']:5.1f}  F1 {m['f1']:5.1f}")
        print(f"  duplicates {result['duplicates']}  false merges {result['false_merges']}")
        for what, items in result["detail"].items():
            if items:
                print(f"  {what}: {', '.join(items)}")
    if args.check:
        base = json.loads((HERE / "baseline.json").read_text())
        failed = []
        if result["entities"]["all"]["f1"] < base["entity_f1"]:
            failed.append(f"entity F1 {result['entities']['all']['f1']} < {base['entity_f1']}")
        if result["mentions"]["f1"] < base["mention_f1"]:
            failed.append(f"mention F1 {result['mentions']['f1']} < {base['mention_f1']}")
        for what, key in (("coref", "coref_f1"), ("people_b3", "people_b3_f1"), ("products", "product_f1")):
            if key in base and result[what]["f1"] < base[key]:
                failed.append(f"{what} F1 {result[what]['f1']} < {base[key]}")
        if result["duplicates"] > base["max_duplicates"]:
            failed.append(f"duplicates {result['duplicates']} > {base['max_duplicates']}")
        if result["false_merges"] > base["max_false_merges"]:
            failed.append(f"false merges {result['false_merges']} > {base['max_false_merges']}")
        for line in failed:
            print(f"below baseline: {line}", file=sys.stderr)
        return 1 if failed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())

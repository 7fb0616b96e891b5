"""Score kb's time-expression tagger on the annotated sentences in ``eval/dates/``.

Prints span precision/recall/F1 (strict: same offsets; relaxed: any overlap), type and
value accuracy over the relaxed matches, and value F1 counted the TempEval-3 way (a
relaxed match whose value is right). ``--check`` exits 1 when any figure falls below
``eval/dates/baseline.json``; ``--errors`` lists every miss.

    .venv/bin/python eval/score_dates.py [--check] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import baseline  # this folder's shared --check

HERE = Path(__file__).resolve().parent
DATA = HERE / "dates"
BASELINE = DATA / "baseline.json"

Span = tuple[int, int, str, str | None]  # start, end, type, value


def _gold_spans(record: dict) -> list[Span]:
    text = record["text"]
    spans = []
    for g in record["timexes"]:
        start = -1
        for _ in range(g.get("occurrence", 1)):
            start = text.index(g["text"], start + 1)
        spans.append((start, start + len(g["text"]), g["type"], g["value"]))
    return spans


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(records: list[dict], *, show_errors: bool = False) -> dict[str, float]:
    from kb.extract.dates import find_timexes, reported
    from kb.extract.pipeline import load_nlp

    nlp = load_nlp()
    n_sys = n_gold = strict = relaxed = type_ok = value_ok = 0
    docs = nlp.pipe(r["text"] for r in records)
    for record, doc in zip(records, docs):
        gold = _gold_spans(record)
        found = [(t.start_char, t.end_char, t.type, t.value)
                 for t in reported(find_timexes(doc, record["anchor"]), record["anchor"])]
        n_sys += len(found)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            match = next((i for i, s in enumerate(found) if i not in used and s[0] < g[1] and g[0] < s[1]), None)
            if match is None:
                if show_errors:
                    print(f"MISS  {record['id']}: {record['text'][g[0]:g[1]]!r} ({g[3]})")
                continue
            used.add(match)
            s = found[match]
            relaxed += 1
            strict += s[0] == g[0] and s[1] == g[1]
            type_ok += s[2] == g[2]
            value_ok += s[3] == g[3]
            if show_errors and (s[3] != g[3] or (s[0], s[1]) != (g[0], g[1])):
                print(f"DIFF  {record['id']}: {record['text'][s[0]:s[1]]!r} {s[3]} / gold {record['text'][g[0]:g[1]]!r} {g[3]}")
        if show_errors:
            for i, s in enumerate(found):
                if i not in used:
                    print(f"EXTRA {record['id']}: {record['text'][s[0]:s[1]]!r} ({s[3]})")
    p_s, r_s = strict / max(n_sys, 1), strict / max(n_gold, 1)
    p_r, r_r = relaxed / max(n_sys, 1), relaxed / max(n_gold, 1)
    p_v, r_v = value_ok / max(n_sys, 1), value_ok / max(n_gold, 1)
    return {
        "sentences": len(records), "gold": n_gold, "system": n_sys,
        "strict_p": p_s, "strict_r": r_s, "strict_f1": _f1(p_s, r_s),
        "relaxed_p": p_r, "relaxed_r": r_r, "relaxed_f1": _f1(p_r, r_r),
        "type_accuracy": type_ok / max(relaxed, 1), "value_accuracy": value_ok / max(relaxed, 1),
        "value_p": p_v, "value_r": r_v, "value_f1": _f1(p_v, r_v),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 below the recorded baseline")
    ap.add_argument("--errors", action="store_true", help="list every miss, extra and wrong value")
    ap.add_argument("--set", choices=sorted(f.stem for f in DATA.glob("*.jsonl")),
                    help="score one file of eval/dates/ only (default: all of them)")
    args = ap.parse_args(argv)
    files = [DATA / f"{args.set}.jsonl"] if args.set else sorted(DATA.glob("*.jsonl"))
    records = [json.loads(line) for f in files for line in f.read_text().splitlines() if line.strip()]
    result = score(records, show_errors=args.errors)
    print(f"{result['sentences']} sentences, {result['gold']} gold expressions, {result['system']} found")
    for name in ("strict", "relaxed", "value"):
        print(f"{name:8} P {100 * result[name + '_p']:5.1f}  R {100 * result[name + '_r']:5.1f}  F1 {100 * result[name + '_f1']:5.1f}")
    print(f"type accuracy {100 * result['type_accuracy']:5.1f}   value accuracy {100 * result['value_accuracy']:5.1f}")
    if args.check:
        return baseline.check(result, BASELINE)
    return 0


if __name__ == "__main__":
    sys.exit(main())

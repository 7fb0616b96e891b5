"""Score event recognition and event dating on TempEval-3 (``eval/tempeval.py``).

Recognition: the event words kb finds (``doc.spans["events"]``, the component
``kb_event_mentions``) against the gold ``<EVENT>`` tags, one-to-one; strict when the
character spans are equal, relaxed when they overlap (TempEval-3's definitions). Of the
event words found, which ones the component labels as states, against the gold classes
STATE and I_STATE.

Dating: for each gold event anchored to a day, month or year (a TLINK ``IS_INCLUDED``,
``DURING``, ``SIMULTANEOUS``, ``INCLUDES`` or ``BEGINS``/``ENDS`` to a time expression of
type DATE with such a value, or to the document's creation time), the date kb gives the
event it extracts with that trigger (``kb.extract.events.find_events`` with the creation
date as publication date; every event word is dated, with or without participants).
Printed: the share of those anchored events that kb dates right (its date falls inside
the gold one's), dated wrong, and leaves undated or does not extract.

The split is fixed in ``eval/tempeval.py``: the held-out documents are scored, never
tuned on; ``--split dev`` shows the development figures.

    .venv/bin/python eval/score_events.py [--split held-out|dev|all] [--json] [--check]

``--check`` exits 1 when a held-out figure falls below ``eval/events/baseline.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baseline  # noqa: E402
import tempeval  # noqa: E402

BASELINE = HERE / "events" / "baseline.json"
ANCHORING = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGINS", "ENDS", "BEGUN_BY", "ENDED_BY",
                       "INCLUDES"})
STATE_CLASSES = frozenset({"STATE", "I_STATE"})
_DATE_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def prf(tp: int, n_sys: int, n_gold: int) -> dict[str, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(100 * p, 1), "r": round(100 * r, 1), "f1": round(100 * f, 1)}


def match(sys_spans: list[tuple[int, int]], gold_spans: list[tuple[int, int]], strict: bool) -> int:
    """One-to-one matches between system and gold spans."""
    used: set[int] = set()
    tp = 0
    for s, e in sys_spans:
        for k, (gs, ge) in enumerate(gold_spans):
            if k in used:
                continue
            if (s, e) == (gs, ge) if strict else (s < ge and gs < e):
                used.add(k)
                tp += 1
                break
    return tp


def gold_anchors(doc: tempeval.Document) -> dict[tuple[int, int], str]:
    """Gold events (by span) and the date value they are anchored to."""
    events = doc.event_by_eiid()
    times = doc.timex_by_tid()
    out: dict[tuple[int, int], str] = {}
    for link in doc.tlinks:
        if link.rel not in ANCHORING:
            continue
        ev, tid = events.get(link.source), link.target
        if ev is None:
            ev, tid = events.get(link.target), link.source
        if ev is None:
            continue
        if tid == doc.dct_tid:
            value = doc.dct
        elif tid in times and times[tid].type == "DATE":
            value = times[tid].value
        else:
            continue
        if _DATE_VALUE.match(value):
            key = (ev.start, ev.end)
            if key not in out or len(value) > len(out[key]):
                out[key] = value
    return out


def within(start: str | None, end: str | None, gold: str) -> bool:
    """Whether kb's date range lies inside the gold value's, and is not coarser than it."""
    if not start or not end:
        return False
    return start[:len(gold)] == gold and end[:len(gold)] == gold


def run(split: str) -> dict:
    from kb.extract import dates, entities, events
    from kb.extract.pipeline import load_nlp

    nlp = load_nlp()
    docs = tempeval.load(split)
    rec = {"tp_strict": 0, "tp_relaxed": 0, "sys": 0, "gold": 0}
    states = {"tp": 0, "sys": 0, "gold": 0}  # of the event words found, which are states
    dating = {"anchored": 0, "right": 0, "wrong": 0, "undated": 0, "missed": 0}
    for gold, doc in zip(docs, nlp.pipe(d.text for d in docs)):
        sys_spans = [(s.start_char, s.end_char) for s in doc.spans["events"]]
        gold_spans = [(e.start, e.end) for e in gold.events]
        gold_state = {(e.start, e.end): e.cls in STATE_CLASSES for e in gold.events}
        for span in doc.spans["events"]:
            key = (span.start_char, span.end_char)
            if key in gold_state:
                said, truth = span.label_ == "STATE", gold_state[key]
                states["tp"] += said and truth
                states["sys"] += said
                states["gold"] += truth
        rec["sys"] += len(sys_spans)
        rec["gold"] += len(gold_spans)
        rec["tp_strict"] += match(sys_spans, gold_spans, strict=True)
        rec["tp_relaxed"] += match(sys_spans, gold_spans, strict=False)

        timexes = dates.find_timexes(doc, anchor=gold.dct)
        found = events.find_events(doc, entities.find_entities(doc), timexes, anchor=gold.dct, keep_all=True)
        by_trigger = {(e.trigger_start, e.trigger_end): e for e in found}
        for span, value in gold_anchors(gold).items():
            dating["anchored"] += 1
            ev = next((e for (s, t), e in by_trigger.items() if s < span[1] and span[0] < t), None)
            if ev is None:
                dating["missed"] += 1
            elif ev.date is None or not ev.date.start:
                dating["undated"] += 1
            elif within(ev.date.start, ev.date.end, value):
                dating["right"] += 1
            else:
                dating["wrong"] += 1
    n = dating["anchored"] or 1
    return {
        "split": split, "documents": len(docs), "gold_events": rec["gold"], "system_events": rec["sys"],
        "strict": prf(rec["tp_strict"], rec["sys"], rec["gold"]),
        "relaxed": prf(rec["tp_relaxed"], rec["sys"], rec["gold"]),
        "states": prf(states["tp"], states["sys"], states["gold"]),
        "dating": {**dating, **{f"{k}_pct": round(100 * dating[k] / n, 1)
                                for k in ("right", "wrong", "undated", "missed")}},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--split", default=tempeval.HELD_OUT, choices=tempeval.SPLITS)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--check", action="store_true", help="fail below the recorded held-out baseline")
    args = parser.parse_args()
    split = tempeval.HELD_OUT if args.check else args.split
    result = run(split)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        s, r, d = result["strict"], result["relaxed"], result["dating"]
        print(f"TempEval-3 {split} ({result['documents']} documents, {result['gold_events']} gold events)")
        print(f"  event recognition strict:  P {s['p']} R {s['r']} F1 {s['f1']}")
        print(f"  event recognition relaxed: P {r['p']} R {r['r']} F1 {r['f1']}")
        st = result["states"]
        print(f"  states among the event words found (TimeML STATE, I_STATE): P {st['p']} R {st['r']} F1 {st['f1']}")
        print(f"  dating, {d['anchored']} events anchored to a date: right {d['right_pct']}%, "
              f"wrong {d['wrong_pct']}%, undated {d['undated_pct']}%, not extracted {d['missed_pct']}%")
    if args.check:
        got = {"strict_f1": result["strict"]["f1"], "relaxed_f1": result["relaxed"]["f1"],
               "dated_right_pct": result["dating"]["right_pct"]}
        return baseline.check(got, BASELINE, scale=1.0)
    return 0


if __name__ == "__main__":
    sys.exit(main())

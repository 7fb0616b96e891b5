"""Train the weights of event recognition on TempEval-3's development split.

Reads the documents of ``eval/tempeval.py``'s DEV split (never the held-out one), parses
them with kb's pipeline (without the event component), labels each candidate token as an
event or not from the gold ``<EVENT>`` spans, and trains an averaged perceptron over
:func:`kb.nlp.event_features.token_features`. The weights go to
``src/kb/nlp/data/event_model.json``. Deterministic: same data, same weights.

    .venv/bin/python scripts/train_event_model.py [--epochs N] [--folds K]

A second set of weights tells, of the event words, the states ("is invincible", "owns",
"believes": TimeML's STATE and I_STATE) from the happenings.

``--folds K`` also prints K-fold cross-validated P/R/F1 on DEV before training on all of it.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import tempeval  # noqa: E402

from kb.nlp.event_features import candidate, entity_types, token_features  # noqa: E402

OUT = ROOT / "src" / "kb" / "nlp" / "data" / "event_model.json"
Example = tuple[list[str], bool]
# TimeML classes of events that are states rather than happenings ("is invincible", "believes")
STATE_CLASSES = frozenset({"STATE", "I_STATE"})


def examples(docs: list[tempeval.Document]) -> tuple[list[list[Example]], list[list[Example]]]:
    """Per document, (features, is an event) for every candidate token, and (features, is
    a state) for every candidate token that is an event."""
    from kb.extract.pipeline import load_nlp
    from kb.extract.sents import parsed_tokens, token_texts

    nlp = load_nlp()
    out, states = [], []
    with nlp.select_pipes(disable=[p for p in nlp.pipe_names if p == "kb_event_mentions"]):
        for doc, gold in nlp.pipe(((d.text, d) for d in docs), as_tuples=True):
            covered: dict[int, str] = {}  # character -> class of the event covering it
            for e in gold.events:
                covered.update((c, e.cls) for c in range(e.start, e.end))
            tokens = parsed_tokens(doc)
            texts = token_texts(doc)
            ents = entity_types(doc)
            rows, state_rows = [], []
            for tok in tokens:
                if candidate(tok):
                    cls = covered.get(doc[tok.i].idx)
                    feats = token_features(tokens, tok.i, texts, ents)
                    rows.append((feats, cls is not None))
                    if cls is not None:
                        state_rows.append((feats, cls in STATE_CLASSES))
            out.append(rows)
            states.append(state_rows)
    return out, states


def train(data: list[list[Example]], epochs: int) -> dict[str, float]:
    """An averaged perceptron: weights averaged over every step, examples in a seeded order."""
    flat = [ex for doc in data for ex in doc]
    order = list(range(len(flat)))
    rng = random.Random(13)
    w: dict[str, float] = defaultdict(float)
    total: dict[str, float] = defaultdict(float)
    stamp: dict[str, int] = defaultdict(int)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, gold = flat[k]
            step += 1
            score = sum(w.get(f, 0.0) for f in feats)
            if (score > 0) != gold:
                delta = 1.0 if gold else -1.0
                for f in feats:
                    total[f] += (step - stamp[f]) * w[f]
                    stamp[f] = step
                    w[f] += delta
    for f in w:
        total[f] += (step - stamp[f]) * w[f]
    return {f: round(total[f] / step, 4) for f in w if abs(total[f] / step) >= 0.0005}


def score(weights: dict[str, float], data: list[list[Example]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for doc in data:
        for feats, gold in doc:
            pred = sum(weights.get(f, 0.0) for f in feats) > 0
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--folds", type=int, default=0)
    args = parser.parse_args()
    data, states = examples(tempeval.load(tempeval.DEV))
    for what, rows in (("events", data), ("states among events", states)):
        for k in range(args.folds):
            test = [d for i, d in enumerate(rows) if i % args.folds == k]
            rest = [d for i, d in enumerate(rows) if i % args.folds != k]
            p, r, f = score(train(rest, args.epochs), test)
            print(f"{what}, fold {k}: P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f:.1f}")
    weights, state_weights = train(data, args.epochs), train(states, args.epochs)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"epochs": args.epochs, "weights": dict(sorted(weights.items())),
                               "state_weights": dict(sorted(state_weights.items()))},
                              separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(weights)} + {len(state_weights)} weights -> {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

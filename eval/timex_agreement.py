"""How far the TempEval-3 gold values agree with a second annotation from the guidelines.

``eval/timex/tempeval_reannotated.jsonl`` annotates the time expressions of all 256
TempEval-3 documents again, from the TimeML 1.2.1 guidelines and the text alone, without
the gold and without running kb.
For each split this prints, with ``score_timex.py``'s TempEval-3 figures:

- the second annotation scored against the gold: how high a careful annotator gets;
- kb against the gold, on the same documents;
- kb against the second annotation;
- kb's errors against the gold, counted by whether the second annotation reads the same
  place as the gold does or as kb does (``shared_errors``).

With ``--by-kind`` it also gives the value F1 of the second annotation and of kb against
the gold for each kind of expression (``timex_kinds.py``), side by side: a kind where both
lose the same points is one where the gold follows habits of its own.

The held-out documents' second annotation is for measuring only, like their gold.

    .venv/bin/python eval/timex_agreement.py [--split dev|held-out|all] [--by-kind]
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_timex  # noqa: E402
import score_timex_news  # noqa: E402
import tempeval  # noqa: E402
import timex_kinds  # noqa: E402

ANNOTATIONS = HERE / "timex" / "tempeval_reannotated.jsonl"
Span = score_timex.Span


def _figures(gold: list[tempeval.Document], other: list[tempeval.Document]) -> dict[str, float]:
    """TempEval-3 figures of ``other``'s expressions scored against ``gold``'s."""
    return score_timex.score_spans(gold, [score_timex.spans(d) for d in other])


def load(split: str) -> tuple[list[tempeval.Document], list[tempeval.Document]]:
    """The documents of ``split`` that were annotated again: (with the gold, with the second annotation)."""
    records = {r["document"]: r for r in map(json.loads, ANNOTATIONS.read_text(encoding="utf-8").splitlines()) if r}
    gold, second = [], []
    for path in tempeval.files(split):
        if path.stem not in records:
            continue
        doc = tempeval.read(path)
        again = copy.copy(doc)
        again.timexes = score_timex_news._spans(doc.text, records[path.stem]["timexes"], path.stem)
        gold.append(doc)
        second.append(again)
    return gold, second


def shared_errors(gold: Sequence[Sequence[Span]], found: Sequence[Sequence[Span]],
                  others: dict[str, Sequence[Sequence[Span]]]) -> dict[str, Counter[tuple[str, ...]]]:
    """``found``'s errors against ``gold`` (one list of spans a document), each counted by
    which of ``others`` side with the gold there: for a wrong value, which give the gold's
    value and which ``found``'s; for an expression the gold lacks and for one ``found``
    misses, which tag anything at that place."""
    wrong_gold, wrong_found, extra, missed = (Counter[tuple[str, ...]]() for _ in range(4))

    def at(spans: Sequence[Span], s: Span) -> list[Span]:
        return [x for x in spans if x[0] < s[1] and s[0] < x[1]]

    for d, (g_doc, f_doc) in enumerate(zip(gold, found)):
        pairs = score_timex.match(list(g_doc), list(f_doc))
        for gi, si in pairs:
            g, f = g_doc[gi], f_doc[si]
            if g[3] != f[3]:
                wrong_gold[tuple(n for n, o in others.items() if any(x[3] == g[3] for x in at(o[d], g)))] += 1
                wrong_found[tuple(n for n, o in others.items() if any(x[3] == f[3] for x in at(o[d], f)))] += 1
        for si in set(range(len(f_doc))) - {si for _, si in pairs}:
            extra[tuple(n for n, o in others.items() if at(o[d], f_doc[si]))] += 1
        for gi in set(range(len(g_doc))) - {gi for gi, _ in pairs}:
            missed[tuple(n for n, o in others.items() if at(o[d], g_doc[gi]))] += 1
    return {"wrong values; the gold's value is also given by": wrong_gold,
            "wrong values; kb's value is also given by": wrong_found,
            "expressions the gold lacks; also tagged by": extra,
            "gold expressions kb misses; also tagged by": missed}


def shared_lines(tally: dict[str, Counter[tuple[str, ...]]], names: Sequence[str]) -> list[str]:
    """``shared_errors`` as lines: for each kind of error, how many each set of ``names`` shares."""
    subsets = sorted((tuple(n for i, n in enumerate(names) if mask >> i & 1) for mask in range(2 ** len(names))),
                     key=lambda s: (-len(s), [names.index(n) for n in s]))
    lines = []
    for label, counts in tally.items():
        parts = [f"{' and '.join(s) or 'none'}{' only' if len(s) == 1 < len(names) else ''} {counts[s]}" for s in subsets]
        lines.append(f"  {label} ({sum(counts.values())}): " + ", ".join(parts))
    return lines


def _line(name: str, figures: dict[str, float]) -> str:
    return (f"  {name:34} value F1 {100 * figures['value_f1']:5.1f}   type F1 {100 * figures['type_f1']:5.1f}"
            f"   relaxed F1 {100 * figures['relaxed_f1']:5.1f}   strict F1 {100 * figures['strict_f1']:5.1f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=tempeval.SPLITS, default=tempeval.HELD_OUT)
    ap.add_argument("--by-kind", action="store_true",
                    help="value F1 by kind of expression, the second annotation's and kb's, against the gold")
    args = ap.parse_args(argv)
    try:
        gold, second = load(args.split)
    except FileNotFoundError as exc:
        print(exc, file=sys.stderr)
        return 2
    found = score_timex.find(gold)
    kb_gold = score_timex.score_spans(gold, found)
    kb_second = score_timex.score_spans(second, found)
    print(f"{args.split}: {len(gold)} documents, {sum(len(d.timexes) for d in gold)} gold expressions, "
          f"{sum(len(d.timexes) for d in second)} in the second annotation")
    print(_line("second annotation against gold", _figures(gold, second)))
    print(_line("kb against gold", kb_gold))
    print(_line("kb against second annotation", kb_second))
    print("kb's errors against the gold, and how the second annotation reads the same places")
    print("\n".join(shared_lines(shared_errors([score_timex.spans(d) for d in gold], found,
                                              {"second annotation": [score_timex.spans(d) for d in second]}),
                                ["second annotation"])))
    if args.by_kind:
        print("\n".join(timex_kinds.side_by_side(
            [d.text for d in gold], [score_timex.spans(d) for d in gold],
            {"second annotation": [score_timex.spans(d) for d in second], "kb": found}, score_timex.match)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

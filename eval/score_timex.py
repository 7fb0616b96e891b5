"""Score kb's time-expression finder on the TempEval-3 training data (TimeML TIMEX3).

Each document's text is parsed with kb's pipeline and ``find_timexes`` runs on it with the
document's creation date as anchor. Figures follow the TempEval-3 Task A definitions
(UzZaman et al., 2013), over character spans:

- strict match: same start and end; relaxed match: the spans overlap (one system
  expression per gold one, earliest first);
- span P/R/F1, strict and relaxed;
- for an attribute (type, value): accuracy over the relaxed matches, and attribute F1 with
  P = relaxed matches with the right attribute / system expressions and R = the same /
  gold expressions.

The split is the one fixed in ``eval/tempeval.py``: rules are developed on ``dev`` and
only scored on ``held-out``, the figure to quote. ``--check`` scores the held-out split
and exits 1 below ``eval/timex/baseline.json``; ``--errors`` lists misses, extras and
wrong values; ``--by-kind`` splits value F1 by kind of expression (``timex_kinds.py``).

    .venv/bin/python eval/score_timex.py [--split dev|held-out|all] [--check] [--errors] [--by-kind]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import baseline  # noqa: E402
import tempeval  # noqa: E402
import timex_kinds  # noqa: E402

BASELINE = HERE / "timex" / "baseline.json"

Span = tuple[int, int, str, str | None]  # start, end, type, value


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def match(gold: list[Span], found: list[Span]) -> list[tuple[int, int]]:
    """One-to-one relaxed matches (gold index, system index): each gold expression takes
    the first unused system expression overlapping it, preferring one with the same span."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        over = [i for i, s in enumerate(found) if i not in used and s[0] < g[1] and g[0] < s[1]]
        if not over:
            continue
        best = next((i for i in over if found[i][:2] == g[:2]), over[0])
        used.add(best)
        pairs.append((gi, best))
    return pairs


def spans(doc: tempeval.Document) -> list[Span]:
    """The (start, end, type, value) of a document's annotated expressions."""
    return [(t.start, t.end, t.type, t.value) for t in doc.timexes]


def find(docs: list[tempeval.Document]) -> list[list[Span]]:
    """kb's expressions in each of ``docs``, found with the document's creation date as anchor."""
    from kb.extract.dates import find_timexes, reported
    from kb.extract.pipeline import load_nlp

    nlp = load_nlp()
    return [[(t.start_char, t.end_char, t.type, t.value) for t in reported(find_timexes(parsed, doc.dct), doc.dct)]
            for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs))]


def score_spans(docs: list[tempeval.Document], system: list[list[Span]], *,
                errors: list[str] | None = None) -> dict[str, float]:
    """The TempEval-3 Task A figures (fractions) of ``system``'s expressions, one list a
    document, against the expressions ``docs`` carry."""
    n_sys = n_gold = strict = relaxed = type_ok = value_ok = 0
    for doc, found in zip(docs, system):
        gold = spans(doc)
        n_gold += len(gold)
        n_sys += len(found)
        pairs = match(gold, found)
        for gi, si in pairs:
            g, s = gold[gi], found[si]
            relaxed += 1
            strict += g[:2] == s[:2]
            type_ok += g[2] == s[2]
            value_ok += g[3] == s[3]
            if errors is not None and (g[:2] != s[:2] or g[3] != s[3] or g[2] != s[2]):
                errors.append(f"DIFF  {doc.name} ({doc.dct}): {doc.text[s[0]:s[1]]!r} {s[2]} {s[3]}"
                              f"  / gold {doc.text[g[0]:g[1]]!r} {g[2]} {g[3]}"
                              f"  | {_context(doc.text, g[0], g[1])}")
        if errors is not None:
            matched_gold = {gi for gi, _ in pairs}
            matched_sys = {si for _, si in pairs}
            for gi, g in enumerate(gold):
                if gi not in matched_gold:
                    errors.append(f"MISS  {doc.name} ({doc.dct}): {doc.text[g[0]:g[1]]!r} {g[2]} {g[3]}"
                                  f"  | {_context(doc.text, g[0], g[1])}")
            for si, s in enumerate(found):
                if si not in matched_sys:
                    errors.append(f"EXTRA {doc.name} ({doc.dct}): {doc.text[s[0]:s[1]]!r} {s[2]} {s[3]}"
                                  f"  | {_context(doc.text, s[0], s[1])}")
    out: dict[str, float] = {"documents": len(docs), "gold": n_gold, "system": n_sys}
    for name, hits in (("strict", strict), ("relaxed", relaxed), ("type", type_ok), ("value", value_ok)):
        p, r = hits / max(n_sys, 1), hits / max(n_gold, 1)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, _f1(p, r)
    out["type_accuracy"] = type_ok / max(relaxed, 1)
    out["value_accuracy"] = value_ok / max(relaxed, 1)
    return out


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width):start].replace("\n", " ")
    right = text[end:end + width].replace("\n", " ")
    return f"{left}[{text[start:end]}]{right}"


def report(split: str, result: dict[str, float]) -> None:
    print(f"{split}: {result['documents']} documents, {result['gold']} gold expressions, {result['system']} found")
    for name in ("strict", "relaxed", "type", "value"):
        print(f"  {name:8} P {100 * result[name + '_p']:5.1f}  R {100 * result[name + '_r']:5.1f}"
              f"  F1 {100 * result[name + '_f1']:5.1f}")
    print(f"  type accuracy {100 * result['type_accuracy']:5.1f}   value accuracy {100 * result['value_accuracy']:5.1f}")


def cli(argv: list[str] | None, *, load: Callable[[str], list[tempeval.Document]], baseline_path: Path,
        description: str, what: str = "documents") -> int:
    """The command line both time-expression scorers share: parse ``argv``, score the split
    ``load`` gives, print, and with ``--check`` compare with ``baseline_path``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--split", choices=tempeval.SPLITS, default=tempeval.HELD_OUT,
                    help=f"which {what} to score (default: held-out)")
    ap.add_argument("--check", action="store_true", help="score held-out; exit 1 below the recorded baseline")
    ap.add_argument("--errors", action="store_true", help="list every miss, extra and wrong value")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--by-kind", action="store_true",
                    help="value F1 by kind of expression, and the points each kind loses")
    args = ap.parse_args(argv)
    split = tempeval.HELD_OUT if args.check else args.split
    try:
        docs = load(split)
    except (FileNotFoundError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return 2
    errors: list[str] | None = [] if args.errors else None
    found = find(docs)
    result = score_spans(docs, found, errors=errors)
    if errors:
        print("\n".join(errors))
    kinds = None
    if args.by_kind:
        gold = [spans(d) for d in docs]
        kinds = timex_kinds.by_kind([d.text for d in docs], gold, found,
                                      [match(g, s) for g, s in zip(gold, found)])
    if args.json:
        print(json.dumps({"split": split, **result, **({"by_kind": kinds} if kinds else {})}, indent=2))
    else:
        report(split, result)
        if kinds:
            print("\n".join(timex_kinds.table(kinds)))
    if args.check:
        return baseline.check(result, baseline_path)
    return 0


def main(argv: list[str] | None = None) -> int:
    return cli(argv, load=tempeval.load, baseline_path=BASELINE, description=__doc__.splitlines()[0])


if __name__ == "__main__":
    sys.exit(main())

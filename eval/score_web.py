"""Score reading web pages: main text and publication date on kb's own test pages.

The pages in ``eval/web/pages/`` are news pages written for kb (navigation, teaser lists,
cookie banners, advert classes, an ASP.NET form wrapper, several ``<time>`` elements, a
legacy charset, stray NUL bytes); ``eval/web/gold.jsonl`` gives each page's main text
(title and paragraphs), strings of boilerplate that must be left out, and its
publication day. Main-text precision, recall and F1 count words (a bag of words, as
trafilatura's own evaluation does); "boilerplate kept out" is the share of the
boilerplate strings absent from the text; "date right" the share of pages with the right
day. Both readers are scored: the one kb uses (trafilatura and htmldate) and kb's own
reader, its fallback. ``--check`` exits 1 when a figure of the first falls below
``eval/web/baseline.json``.

    .venv/bin/python eval/score_web.py [--check] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Callable

import baseline  # this folder's shared --check

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kb.corpus.html import Page, declared_charset, extract_page  # noqa: E402
from kb.corpus.reading import decode  # noqa: E402
from kb.corpus.web import read_page  # noqa: E402

DATA = Path(__file__).resolve().parent / "web"
BASELINE = DATA / "baseline.json"
_WORD = re.compile(r"\w+")


def _words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text))


def score(reader: Callable[[str], Page], gold: list[dict], errors: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    kept_out = total_boiler = dates_right = 0
    for item in gold:
        raw = (DATA / "pages" / item["page"]).read_bytes()
        markup, _ = decode(raw, declared=declared_charset(raw))
        page = reader(markup)
        got, want = _words(page.text), _words("\n".join(item["main"]))
        overlap = sum((got & want).values())
        tp += overlap
        fp += sum(got.values()) - overlap
        fn += sum(want.values()) - overlap
        kept = [b for b in item["boilerplate"] if b in page.text]
        kept_out += len(item["boilerplate"]) - len(kept)
        total_boiler += len(item["boilerplate"])
        dates_right += page.published == item["published"]
        if errors:
            missed = sum((want - got).values())
            extra = sum((got - want).values())
            if kept or missed or extra or page.published != item["published"]:
                print(f"  {item['page']}: {missed} words missed, {extra} extra, boilerplate kept {kept}, "
                      f"date {page.published} (gold {item['published']})")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1,
            "boilerplate_kept_out": kept_out / total_boiler, "date_right": dates_right / len(gold)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 below the recorded baseline")
    ap.add_argument("--errors", action="store_true", help="list what each reader got wrong")
    args = ap.parse_args(argv)
    gold = [json.loads(line) for line in (DATA / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    results = {}
    for name, reader in (("trafilatura + htmldate", read_page), ("kb's own reader", extract_page)):
        if args.errors:
            print(f"{name}:")
        r = results[name] = score(reader, gold, errors=args.errors)
        print(f"{name:24} {len(gold)} pages: main text P {100 * r['precision']:.1f} R {100 * r['recall']:.1f} "
              f"F1 {100 * r['f1']:.1f}; boilerplate kept out {100 * r['boilerplate_kept_out']:.0f}%; "
              f"date right {100 * r['date_right']:.0f}%")
    if args.check:
        return baseline.check(results["trafilatura + htmldate"], BASELINE)
    return 0


if __name__ == "__main__":
    sys.exit(main())

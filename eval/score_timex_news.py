"""Score kb's time-expression finder on Wikinews articles annotated with TimeML values.

The 30 articles of ``../shared/data/semeval2015-trial`` (Wikinews, 2005–2011) are read in
place, as ``score_timeline.py`` reads them, and never copied here. Their time expressions
were annotated by hand in ``eval/timex/wikinews.jsonl`` from the TimeML 1.2.1 guidelines
alone, without running kb: one line an article, each expression given by its text, which
occurrence of that text it is, its type and its value.

Figures are those of ``score_timex.py`` (TempEval-3 Task A). The split is fixed here:
every second article by name is held out (``--split held-out``, the default and the
figure to quote) and only scored; rules may be developed on the rest (``dev``).
``--check`` scores the held-out articles and exits 1 below
``eval/timex/wikinews_baseline.json``.

    .venv/bin/python eval/score_timex_news.py [--split dev|held-out|all] [--check] [--errors] [--by-kind]
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_dates  # noqa: E402
import score_timeline  # noqa: E402
import score_timex  # noqa: E402
import tempeval  # noqa: E402

ANNOTATIONS = HERE / "timex" / "wikinews.jsonl"
BASELINE = HERE / "timex" / "wikinews_baseline.json"
ARTICLES = Path(os.environ.get("KB_SEMEVAL", HERE.parent.parent / "shared" / "data" / "semeval2015-trial")) / "articles"


def _spans(text: str, timexes: list[dict], article: str) -> list[tempeval.Timex]:
    """The annotated expressions of ``article`` placed in its text (as ``score_dates.py`` places them)."""
    try:
        spans = score_dates._gold_spans({"text": text, "timexes": timexes})
    except ValueError:
        raise ValueError(f"{article}: an annotated expression is not in the text") from None
    return [tempeval.Timex(start, end, text[start:end], f"t{n + 1}", typ, value)
            for n, (start, end, typ, value) in enumerate(spans)]


def every_second(path: Path, split: str, key: str) -> list[dict]:
    """The records of the JSON Lines file ``path`` that are in ``split``, in ``key`` order:
    held out is every second one."""
    if split not in tempeval.SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of {', '.join(tempeval.SPLITS)}")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records.sort(key=lambda r: r[key])
    return [r for i, r in enumerate(records) if split == tempeval.ALL or (i % 2 == 1) == (split == tempeval.HELD_OUT)]


def load(split: str) -> list[tempeval.Document]:
    """The annotated articles of ``split``, in name order: held out is every second one."""
    if not ARTICLES.is_dir():
        raise FileNotFoundError(f"SemEval-2015 trial articles not found at {ARTICLES} (set KB_SEMEVAL)")
    docs = []
    for record in every_second(ANNOTATIONS, split, "article"):
        article = score_timeline.read_tml(ARTICLES / f"{record['article']}.tml")
        doc = tempeval.Document(record["article"], article.text, article.published or "", "t0")
        doc.timexes = _spans(article.text, record["timexes"], record["article"])
        docs.append(doc)
    return docs


def main(argv: list[str] | None = None) -> int:
    return score_timex.cli(argv, load=load, baseline_path=BASELINE, description=__doc__.splitlines()[0],
                           what="articles")


if __name__ == "__main__":
    sys.exit(main())

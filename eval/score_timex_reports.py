"""Score kb's time-expression finder on invented news reports annotated with TimeML values.

``eval/timex/reports.jsonl`` holds 6,010 reports written in the manner of 1987–2025 wire,
broadcast, newspaper and web news (invented events; one line a report, with its
publication day as ``anchor``), made in a hundred rounds (``eval/timex/README.md``).
Each batch was written by one hand, without any time-expression software in view, and
annotated by another from the TimeML 1.2.1 guidelines alone, without running kb: each
expression by its text, which occurrence of that text it is, its type and its value.

Figures are those of ``score_timex.py`` (TempEval-3 Task A). The split is fixed here: every
second report by id is held out (``--split held-out``, the default and the figure to quote)
and only scored; rules may be developed on the rest (``dev``). ``--check`` scores the
held-out reports and exits 1 below ``eval/timex/reports_baseline.json``.

    .venv/bin/python eval/score_timex_reports.py [--split dev|held-out|all] [--check] [--errors] [--by-kind]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_timex  # noqa: E402
import score_timex_news  # noqa: E402
import tempeval  # noqa: E402

REPORTS = HERE / "timex" / "reports.jsonl"
BASELINE = HERE / "timex" / "reports_baseline.json"


def load(split: str) -> list[tempeval.Document]:
    """The annotated reports of ``split``, in id order: held out is every second one."""
    docs = []
    for record in score_timex_news.every_second(REPORTS, split, "id"):
        doc = tempeval.Document(record["id"], record["text"], record["anchor"], "t0")
        doc.timexes = score_timex_news._spans(record["text"], record["timexes"], record["id"])
        docs.append(doc)
    return docs


def main(argv: list[str] | None = None) -> int:
    return score_timex.cli(argv, load=load, baseline_path=BASELINE, description=__doc__.splitlines()[0],
                           what="reports")


if __name__ == "__main__":
    sys.exit(main())

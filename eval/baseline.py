"""The one check every scorer makes with ``--check``: no figure below its recorded baseline."""

from __future__ import annotations

import json
import sys
from pathlib import Path


def check(figures: dict[str, float], path: Path, *, scale: float = 100.0) -> int:
    """Compare ``figures`` (times ``scale``) with the baseline file at ``path``: print each
    figure below its baseline and return 1, or say the baseline is met and return 0."""
    baseline = json.loads(path.read_text(encoding="utf-8"))
    low = {k: (round(scale * figures[k], 1), v) for k, v in baseline.items() if scale * figures[k] < v}
    for k, (got, want) in low.items():
        print(f"below baseline: {k} {got} < {want}", file=sys.stderr)
    if low:
        return 1
    print("baseline met")
    return 0

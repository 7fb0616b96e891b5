"""Reading article files of every format, and every kind of bad input."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

import kb.corpus.reading as reading
from kb.corpus import read_articles
from kb.errors import BadArticle, SkippedFile
from kb.model import Article


def read(*paths: Path | str) -> list[Article | BadArticle]:
    return list(read_articles([str(p) for p in paths]))


def articles(items: list[Article | BadArticle]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def bad(items: list[Article | BadArticle]) -> dict[str, str]:
    return {Path(i.path).name: i.reason for i in items if isinstance(i, BadArticle)}


def assert_offsets(article: Article) -> None:
    assert len(article.offsets) == len(article.clean) + 1
    for i, ch in enumerate(article.clean):
        if not ch.isspace():
            assert article.text[article.offsets[i]] == ch


# --- plain text and Markdown ------------------------------------------------------------


def test_txt_title_is_first_non_empty_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\n\n  Ministers meet in Oslo  \n\nThe talks began on Monday.\n", encoding="utf-8")
    [article] = read(tmp_path / "a.txt")
    assert article.doc_id == "a.txt"
    assert article.title == "Ministers meet in Oslo"
    assert article.text.startswith("\n\n  Ministers")  # the text as read
    assert article.clean == "Ministers meet in Oslo\n\nThe talks began on Monday."
    assert article.published is None and article.warnings == []
    assert_offsets(article)


def test_long_first_line_gives_a_short_title(tmp_path: Path) -> None:
    lead = "Rescue teams reached the flooded villages north of the capital on Tuesday. " * 4
    (tmp_path / "a.txt").write_text(lead + "\n\nMore text.", encoding="utf-8")
    [article] = read(tmp_path / "a.txt")
    assert article.title == "Rescue teams reached the flooded villages north of the capital on Tuesday."


def test_folder_is_read_recursively_in_a_stable_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "sub/c.txt", "sub/deeper/d.md", "z.txt"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"Title {name}\n\nBody.", encoding="utf-8")
    ids = [a.doc_id for a in articles(read(tmp_path))]
    assert ids == ["a.txt", "b.txt", "sub/c.txt", "sub/deeper/d.md", "z.txt"]
    assert [a.doc_id for a in articles(read(tmp_path / "sub"))] == ["c.txt", "deeper/d.md"]
    assert [a.doc_id for a in articles(read(tmp_path / "sub" / "c.txt", tmp_path / "a.txt"))] == ["c.txt", "a.txt"]


def test_markdown_front_matter(tmp_path: Path) -> None:
    text = (
        "---\ntitle: \"Ports reopen after the strike\"\ndate: 2022-06-03\nurl: https://news.example/ports\n"
        "source: Harbour Daily\n---\n# Ports reopen\n\nDockers went back to **work** on Friday.\n"
    )
    (tmp_path / "ports.md").write_text(text, encoding="utf-8")
    [article] = read(tmp_path / "ports.md")
    assert article.title == "Ports reopen after the strike"
    assert (article.published, article.published_from) == ("2022-06-03", "metadata")
    assert article.url == "https://news.example/ports"
    assert article.source == "Harbour Daily"
    assert article.text == text
    assert article.clean == "Ports reopen\n\nDockers went back to work on Friday."
    assert_offsets(article)
    start, end = article.original_span(article.clean.index("Dockers"), len(article.clean))
    assert article.text[start:end] == "Dockers went back to **work** on Friday."


def test_txt_front_matter_without_title_and_with_bad_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\ndate: sometime soon\n---\nStrike ends\n\nBody.\n", encoding="utf-8")
    [article] = read(tmp_path / "a.txt")
    assert article.title == "Strike ends"
    assert article.published is None
    assert any("sometime soon" in w for w in article.warnings)


def test_a_dash_line_that_is_not_front_matter_is_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\nNo keys here at all\n---\nBody line.\n", encoding="utf-8")
    [article] = read(tmp_path / "a.txt")
    assert article.title == "No keys here at all"
    assert article.published is None


# --- JSON and JSONL ---------------------------------------------------------------------


def test_json_article(tmp_path: Path) -> None:
    record = {"id": "wire-17", "title": "Grain deal extended", "text": "The grain deal was extended on Monday.",
              "published": "2022-11-17T10:00:00Z", "url": "https://x.example/17", "source": "Wire"}
    (tmp_path / "a.json").write_text(json.dumps(record), encoding="utf-8")
    [article] = read(tmp_path / "a.json")
    assert article.doc_id == "wire-17"
    assert article.title == "Grain deal extended"
    assert article.text == record["text"]
    assert (article.published, article.published_from) == ("2022-11-17", "metadata")
    assert (article.url, article.source) == (record["url"], "Wire")


def test_json_with_only_text_uses_path_and_first_line(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.json").write_text(json.dumps({"text": "Harbour reopens\nBoats left at dawn.", "date": "3 May 2021"}))
    [article] = read(tmp_path)
    assert article.doc_id == "sub/a.json"
    assert article.title == "Harbour reopens"
    assert article.published == "2021-05-03"


def test_json_list_of_articles(tmp_path: Path) -> None:
    (tmp_path / "batch.json").write_text(json.dumps([{"text": "One."}, {"id": 7, "text": "Two."}, {"title": "x"}]))
    items = read(tmp_path / "batch.json")
    assert [a.doc_id for a in articles(items)] == ["batch.json#1", "7"]
    assert bad(items) == {"batch.json": 'article 3: no "text" field'}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"title": "No body"}', 'no "text" field'),
        ('{"text": 42}', '"text" is not a string'),
        ('{"text": "   "}', 'empty "text"'),
        ('{"text": "unfinished', "invalid JSON"),
        ("[1]", "article 1: expected a JSON object, found int"),
    ],
)
def test_bad_json(tmp_path: Path, content: str, reason: str) -> None:
    (tmp_path / "a.json").write_text(content)
    items = read(tmp_path / "a.json")
    assert reason in bad(items)["a.json"]


def test_jsonl_reads_good_lines_and_reports_bad_ones(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "x1", "title": "First", "text": "First body.", "date": "2021-01-05"}),
        "",
        '{"text": "broken line"',
        json.dumps({"title": "no body"}),
        json.dumps({"text": "Fifth body.\nSecond line."}),
        json.dumps(["not", "an", "object"]),
    ]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(tmp_path)
    good = articles(items)
    assert [a.doc_id for a in good] == ["x1", "sub/feed.jsonl#5"]
    assert good[0].published == "2021-01-05"
    assert good[1].title == "Fifth body."
    reasons = [i.reason for i in items if isinstance(i, BadArticle)]
    assert len(reasons) == 3
    assert reasons[0].startswith("line 3: invalid JSON")
    assert reasons[1] == 'line 4: no "text" field'
    assert reasons[2].startswith("line 6: expected a JSON object")


def test_jsonl_line_in_legacy_encoding_is_read_with_a_warning(tmp_path: Path) -> None:
    good = json.dumps({"text": "Plain line."}).encode()
    legacy = '{"text": "Caf\xe9 owners protest"}'.encode("cp1252")
    (tmp_path / "f.jsonl").write_bytes(good + b"\n" + legacy + b"\n")
    first, second = read(tmp_path / "f.jsonl")
    assert second.text == "Café owners protest"
    assert second.warnings == ["not UTF-8: read as Windows-1252"]
    assert first.warnings == []


def test_binary_jsonl_is_one_bad_file(tmp_path: Path) -> None:
    (tmp_path / "f.jsonl").write_bytes(b"\x00\x01\x02\n" * 50)
    assert bad(read(tmp_path / "f.jsonl")) == {"f.jsonl": "binary file (contains NUL bytes)"}


# --- bad input --------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    [item] = read(tmp_path / "nope.txt")
    assert isinstance(item, BadArticle) and item.reason == "no such file or folder"


def test_unreadable_file_is_reported_and_the_rest_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text("Locked\n\nbody")
    (tmp_path / "b.txt").write_text("Open\n\nbody")
    real_open = open

    def fake_open(path: object, *args: object, **kwargs: object) -> object:
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(reading, "open", fake_open, raising=False)
    items = read(tmp_path)
    assert bad(items) == {"a.txt": "permission denied"}
    assert [a.doc_id for a in articles(items)] == ["b.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_by_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Locked\n\nbody")
    path.chmod(0)
    try:
        assert bad(read(path)) == {"a.txt": "permission denied"}
    finally:
        path.chmod(0o644)


def test_fifo_and_folder_named_like_a_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text("Inside\n\nbody")
    items = read(tmp_path)
    assert bad(items) == {"pipe.txt": "not a regular file"}
    assert [a.doc_id for a in articles(items)] == ["folder.txt/inner.txt"]
    assert bad(read(tmp_path / "pipe.txt")) == {"pipe.txt": "not a regular file"}


def test_legacy_encoding_is_decoded_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Café talks in Zürich – “a start”\n\nThe café owners met.".encode("cp1252"))
    [article] = read(tmp_path / "a.txt")
    assert article.title == "Café talks in Zürich – “a start”"
    assert article.warnings == ["not UTF-8: read as Windows-1252"]


def test_latin1_bytes_outside_windows_1252(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"Caf\xe9 \x81 news\n\nBody of the article goes here with plain words.")
    [article] = read(tmp_path / "a.txt")
    assert article.text.startswith("Café")
    assert article.warnings == ["not UTF-8: read as Latin-1"]


def test_mostly_utf8_with_a_stray_byte(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("Zürich and Genève talks\n\n".encode() + b"A bad \xff byte here.")
    [article] = read(tmp_path / "a.txt")
    assert article.title == "Zürich and Genève talks"
    assert article.warnings == ["not valid UTF-8: 1 bad byte replaced"]


def test_utf8_bom_and_windows_line_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfTitle here\r\n\r\nBody line.\r\n")
    [article] = read(tmp_path / "a.txt")
    assert article.text == "Title here\n\nBody line.\n"
    assert article.title == "Title here"


def test_binary_and_garbage_are_refused(tmp_path: Path) -> None:
    rng = random.Random(3)
    (tmp_path / "nul.txt").write_bytes(bytes(rng.randrange(256) for _ in range(4000)))
    (tmp_path / "noise.txt").write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    (tmp_path / "controls.txt").write_bytes(b"text \x01\x02\x03\x04\x05\x06 " * 100)
    reasons = bad(read(tmp_path))
    assert reasons["nul.txt"] == "binary file (contains NUL bytes)"
    assert reasons["noise.txt"].startswith("not text")
    assert reasons["controls.txt"].startswith("not text")


def test_empty_and_blank_files(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n  \n")
    (tmp_path / "empty.jsonl").write_text("\n\n")
    (tmp_path / "empty.json").write_text("")
    assert bad(read(tmp_path)) == {
        "blank.md": "empty file",
        "empty.json": "empty file",
        "empty.jsonl": "empty file",
        "empty.txt": "empty file",
    }


def test_huge_file_is_refused_with_its_size(tmp_path: Path) -> None:
    with open(tmp_path / "huge.txt", "wb") as f:
        f.truncate(20 * 1024 * 1024)
    (tmp_path / "ok.txt").write_text("Fine\n\nbody")
    items = read(tmp_path)
    assert bad(items) == {"huge.txt": "file too large (20.0 MB > 5 MB limit)"}
    assert [a.doc_id for a in articles(items)] == ["ok.txt"]


def test_a_large_article_under_the_limit_is_read(tmp_path: Path) -> None:
    paragraph = "Delegates from twelve countries met again on Thursday to discuss the river treaty."
    text = "Long report\n\n" + "\n\n".join(" ".join([paragraph] * 5) for _ in range(2000))  # about 0.8 MB
    (tmp_path / "long.txt").write_text(text)
    [article] = read(tmp_path / "long.txt")
    assert article.text == text
    # The NLP reads the first 100,000 characters or so, cut at a paragraph end.
    assert article.clean == text[: len(article.clean)] and text[len(article.clean)] == "\n"
    assert 90_000 < len(article.clean) <= 100_000
    assert article.warnings == [f"long article: only its first {len(article.clean):,} of {len(text):,} characters are analysed"]


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Real\n\nbody")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Also real\n\nbody")
    (tmp_path / "sub" / "up").symlink_to("..")
    (tmp_path / "one.txt").symlink_to("two.txt")
    (tmp_path / "two.txt").symlink_to("one.txt")
    (tmp_path / "gone.txt").symlink_to("missing.txt")
    items = read(tmp_path)
    assert [a.doc_id for a in articles(items)] == ["a.txt", "sub/b.txt"]
    assert bad(items) == {
        "gone.txt": "broken symlink (its target is missing)",
        "one.txt": "symlink loop",
        "two.txt": "symlink loop",
        "up": "symlink loop (links back to a folder above it)",
    }
    assert bad(read(tmp_path / "one.txt")) == {"one.txt": "symlink loop"}


def test_a_folder_linked_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("Real\n\nbody")
    (tmp_path / "alias").symlink_to("real")
    assert [a.doc_id for a in articles(read(tmp_path))] == ["alias/a.txt"]


def test_other_file_types_are_skipped_and_hidden_files_ignored(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kept\n\nbody")
    (tmp_path / "scan.PDF").write_bytes(b"%PDF-1.4\x00")
    (tmp_path / "notes").write_text("no suffix")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden\n\nbody")
    items = read(tmp_path)
    skipped = [i for i in items if isinstance(i, SkippedFile)]
    assert {Path(s.path).name: s.reason for s in skipped} == {
        "scan.PDF": "unsupported file type .pdf",
        "notes": "unsupported file type (no suffix)",
    }
    assert [a.doc_id for a in articles(items)] == ["a.txt"]
    assert len(items) == 3


def test_a_file_named_directly_with_another_suffix_is_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "story.article").write_text("Budget passes\n\nThe vote was close.")
    [article] = read(tmp_path / "story.article")
    assert (article.doc_id, article.title) == ("story.article", "Budget passes")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n\x00\x00binary")
    assert bad(read(tmp_path / "scan.pdf")) == {"scan.pdf": "binary file (contains NUL bytes)"}

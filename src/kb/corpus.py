"""Finding and reading article files, and cleaning their text for the NLP pipeline.

Contract used by the rest of kb:

- ``read_articles(paths) -> Iterator[Article | BadArticle]``: every article under the
  given files and folders, in a stable order; a file (or JSONL line) that cannot be read
  is yielded as a :class:`BadArticle` and the rest goes on. ``doc_id`` is the JSON "id"
  when given, else the path relative to the folder named on the command line (the file
  name for a file named directly).
- ``clean_text(text) -> (clean, offsets)``: cleaned text plus, for each of its
  characters, the index in ``text`` it came from (one extra entry for the end).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Sequence

from kb.errors import BadArticle
from kb.model import Article

SUFFIXES = {".txt"}


def read_articles(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Article | BadArticle]:
    for raw in paths:
        root = Path(raw)
        if not root.exists():
            yield BadArticle(str(raw), "no such file or folder")
            continue
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                if path.suffix.lower() in SUFFIXES:
                    yield _read(path, path.relative_to(root).as_posix())
        else:
            yield _read(root, root.name)


def _read(path: Path, doc_id: str) -> Article | BadArticle:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return BadArticle(str(path), str(exc))
    if not text.strip():
        return BadArticle(str(path), "empty file")
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    clean, offsets = clean_text(text)
    return Article(doc_id=doc_id, text=text, title=title, path=str(path), clean=clean, offsets=offsets)


def clean_text(text: str) -> tuple[str, list[int]]:
    return text, list(range(len(text) + 1))

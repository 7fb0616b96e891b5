"""Finding and reading article files, and cleaning their text for the NLP pipeline.

Contract used by the rest of kb:

- ``read_articles(paths) -> Iterator[Article | BadArticle]``: every article under the
  given files and folders, in a stable order; a file (or JSONL line) that cannot be read
  is yielded as a :class:`BadArticle` and the rest goes on (a file of another type found
  in a folder is a :class:`~kb.errors.SkippedFile`, a kind of ``BadArticle``). ``doc_id``
  is the JSON "id" when given, else the path relative to the folder named on the command
  line (the file name for a file named directly); a JSONL line without "id" is
  ``relative/path.jsonl#<line number>``. Problems that did not stop the reading (a legacy
  encoding, an unreadable date) are listed in ``Article.warnings``.
- ``clean_text(text) -> (clean, offsets)``: cleaned text plus, for each of its
  characters, the index in ``text`` it came from (one extra entry for the end).
  Non-whitespace characters are never altered, only removed; see
  :mod:`kb.corpus.cleaning`.

``Article.text`` is the text as read from the file: the whole file for .txt/.md, the
"text" field for .json/.jsonl, the extracted plain text for .html (see
:mod:`kb.corpus.web`). Every offset counts characters in it.
"""

from __future__ import annotations

from kb.corpus.cleaning import clean_text
from kb.corpus.reading import MAX_ARTICLE_BYTES, SUFFIXES, read_articles

__all__ = ["MAX_ARTICLE_BYTES", "SUFFIXES", "clean_text", "read_articles"]

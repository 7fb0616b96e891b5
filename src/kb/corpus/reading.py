"""Finding article files and reading them into :class:`Article` objects.

Formats (by suffix; a file named directly with another suffix is read as plain text):

- ``.txt``, ``.md``/``.markdown``: the first non-empty line is the title. An optional
  front-matter block between ``---`` lines at the top gives ``title:``, ``date:`` (or
  ``published:``), ``url:`` and ``source:``; its title then replaces the first line.
  ``Article.text`` is the whole file; the cleaned text covers the body only.
- ``.json``: one article ``{"id", "title", "text", "published" or "date", "url",
  "source"}`` (only "text" is required), or a list of them.
- ``.jsonl``/``.ndjson``: one such article a line; a bad line is reported with its
  line number and the others are read.
- ``.html``/``.htm``: the article's main text (see :mod:`kb.corpus.web`).

Text is decoded as UTF-8 (a byte-order mark is dropped, Windows line ends become
``\\n``, as Python's text mode reads them). Bytes that are not UTF-8 but look like text
are decoded as Windows-1252 (or Latin-1), with a warning on the article. Binary or
garbled content is refused.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
from pathlib import Path
from typing import Iterator, Sequence

from kb.corpus.cleaning import MAX_RUN, clean_text
from kb.corpus.html import declared_charset
from kb.corpus.metadata import front_matter, parse_date, shorten, title_from
from kb.errors import BadArticle, SkippedFile
from kb.model import Article

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
JSON_SUFFIXES = frozenset({".json"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES

_MB = 1024 * 1024
# No news article comes near these; a bigger file is a mistake (a dump, a log, a binary).
MAX_ARTICLE_BYTES = 5 * _MB  # one article: a .txt/.md/.json file, or one JSONL line
MAX_HTML_BYTES = 15 * _MB  # a web page carries much markup around its text
MAX_JSON_BYTES = 100 * _MB  # a .json list of articles
# What the NLP reads of one article (some 17,000 words, ten long news articles): its
# memory grows with it, 0.3 GB per 100,000 characters of prose, 0.9 GB of numbers.
MAX_ANALYSED_CHARS = 100_000
_SNIFF_BYTES = 64 * 1024
_MAX_CONTROL_SHARE = 0.02  # refused above this share of control characters
# A few NUL bytes in a text (a fault of the program that wrote it) are dropped; binary
# data has about one in 256 bytes or more.
_MAX_NUL_SHARE = 0.001
_MIN_ASCII_SHARE = 0.6  # a legacy-encoded text is still mostly ASCII

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")
_NON_ASCII_LETTER = re.compile("[^\x00-\x7f\ufffd]")
_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "published_at", "publishedAt", "datePublished", "pubDate")


class _Refused(Exception):
    """Raised inside this module when a file or record cannot be an article."""


# --- walking ----------------------------------------------------------------------------


def read_articles(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Article | BadArticle]:
    """Every article under ``paths`` (files and folders), in a stable order.

    Folders are read recursively, entries sorted by name, hidden files and folders
    (".DS_Store", ".git") left out. A file in a folder with a suffix that is not an
    article format is yielded as a :class:`SkippedFile`. Each file or record that cannot
    be read is yielded as a :class:`BadArticle` with a short reason, and the rest goes on.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        name = os.fspath(raw)
        try:
            st = os.stat(name)
        except OSError as exc:
            yield BadArticle(name, _stat_reason(name, exc))
            continue
        path = Path(name)
        if stat.S_ISDIR(st.st_mode):
            for item in _walk(path, st):
                if isinstance(item, BadArticle):
                    yield item
                    continue
                file, rel, fst = item
                if file.suffix.lower() in SUFFIXES:
                    yield from _read_file(file, rel, fst)
                elif file.suffix:
                    yield SkippedFile(str(file), f"unsupported file type {file.suffix.lower()}")
                else:
                    yield SkippedFile(str(file), "unsupported file type (no suffix)")
        elif stat.S_ISREG(st.st_mode):
            yield from _read_file(path, path.name, st)
        else:
            yield BadArticle(name, "not a regular file")


def _stat_reason(name: str | os.PathLike[str], exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        return "broken symlink (its target is missing)" if os.path.islink(name) else "no such file or folder"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return (exc.strerror or str(exc)).lower()


_Found = tuple[Path, str, os.stat_result]  # a file, its path relative to the root, its stat


def _walk(root: Path, root_st: os.stat_result) -> Iterator[_Found | BadArticle]:
    seen = {(root_st.st_dev, root_st.st_ino)}

    def visit(folder: Path, prefix: str, above: frozenset[tuple[int, int]]) -> Iterator[_Found | BadArticle]:
        try:
            with os.scandir(folder) as it:
                names = sorted(entry.name for entry in it)
        except OSError as exc:
            yield BadArticle(str(folder), f"cannot list folder: {_stat_reason(folder, exc)}")
            return
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            try:
                st = os.stat(path)
            except OSError as exc:
                yield BadArticle(str(path), _stat_reason(path, exc))
                continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in above:
                    yield BadArticle(str(path), "symlink loop (links back to a folder above it)")
                elif key not in seen:  # a folder reached twice through links is read once
                    seen.add(key)
                    yield from visit(path, f"{prefix}{name}/", above | {key})
            elif stat.S_ISREG(st.st_mode):
                yield path, prefix + name, st
            else:
                yield BadArticle(str(path), "not a regular file")

    yield from visit(root, "", frozenset(seen))


# --- bytes to text ----------------------------------------------------------------------


def _size(n: int) -> str:
    return f"{n / _MB:.1f} MB"


def _read_bytes(path: Path, st: os.stat_result, limit: int) -> bytes:
    if st.st_size > limit:
        raise _Refused(f"file too large ({_size(st.st_size)} > {limit // _MB} MB limit)")
    try:
        with open(path, "rb") as f:
            raw = f.read(limit + 1)
    except OSError as exc:
        raise _Refused(_stat_reason(path, exc)) from None
    if len(raw) > limit:
        raise _Refused(f"file too large (over the {limit // _MB} MB limit)")
    return raw


def decode(raw: bytes, *, declared: str | None = None) -> tuple[str, list[str]]:
    """Bytes to text, with warnings; raises ``_Refused`` for binary or garbled bytes.

    UTF-8 first (UTF-16 with a byte-order mark too). A few stray NUL bytes (at most one
    in a thousand) are dropped with a warning; more make the bytes binary. Bytes that are
    not UTF-8 are read as UTF-8 with the bad bytes replaced when most of them are valid
    UTF-8, else in the ``declared`` encoding (an HTML page's charset), else Windows-1252,
    else Latin-1, and the article carries a warning saying so. Line ends become ``\\n``.
    """
    warnings: list[str] = []
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _Refused("not valid UTF-16 despite its byte-order mark") from None
    else:
        nuls = raw.count(b"\x00")
        if nuls:
            if nuls > _MAX_NUL_SHARE * len(raw):
                raise _Refused("binary file (contains NUL bytes)")
            raw = raw.replace(b"\x00", b"")
            warnings.append(f"{nuls} stray NUL byte{'s' if nuls > 1 else ''} removed")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text, warning = _decode_legacy(raw, declared)
            if warning:
                warnings.append(warning)
    _check_text(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, warnings


def _decode_legacy(raw: bytes, declared: str | None) -> tuple[str, str | None]:
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8", "utf16", "utf32"):
        try:
            name = codecs.lookup(declared).name
            return raw.decode(name), None
        except (LookupError, UnicodeDecodeError):
            pass
    mixed = raw.decode("utf-8", errors="replace")
    bad = mixed.count("\ufffd")
    if len(_NON_ASCII_LETTER.findall(mixed)) > bad:
        return mixed, f"not valid UTF-8: {bad} bad byte{'s' if bad > 1 else ''} replaced"
    try:
        text, name = raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, name = raw.decode("latin-1"), "Latin-1"
    sample = text[:_SNIFF_BYTES]
    if len(_NON_ASCII_LETTER.findall(sample)) > (1 - _MIN_ASCII_SHARE) * max(len(sample), 1):
        raise _Refused("not text: not UTF-8, and too few plain letters for a legacy encoding")
    return text, f"not UTF-8: read as {name}"


def _check_text(text: str) -> None:
    sample = text[:_SNIFF_BYTES]
    controls = len(_CONTROL.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample) + 2:
        raise _Refused(f"not text: {100 * controls / len(sample):.0f}% control characters (binary or garbled)")


# --- one file ---------------------------------------------------------------------------


def _read_file(path: Path, rel: str, st: os.stat_result) -> Iterator[Article | BadArticle]:
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            items: Iterator[Article | BadArticle] = _read_jsonl(path, rel, st)
        elif suffix in JSON_SUFFIXES:
            items = _read_json(path, rel, st)
        elif suffix in HTML_SUFFIXES:
            items = iter([_read_html(path, rel, st)])
        else:
            items = iter([_read_text(path, rel, st, markdown=suffix in (".md", ".markdown"))])
        for item in items:
            yield _bound_analysis(item) if isinstance(item, Article) else item
    except _Refused as exc:
        yield BadArticle(str(path), str(exc))
    except Exception as exc:  # noqa: BLE001 - one file must not stop the others
        yield BadArticle(str(path), _unexpected(exc))


def _bound_analysis(article: Article) -> Article:
    """Cut the cleaned text at :data:`MAX_ANALYSED_CHARS`, at a line end where one is near.

    The NLP pipeline needs memory in proportion to what it reads (about 3 KB a character,
    up to 9 KB for a text of numbers), so one huge article could take the machine down.
    The article's text is kept whole; only what the NLP reads is cut, with a warning.
    """
    clean = article.clean
    if len(clean) <= MAX_ANALYSED_CHARS:
        return article
    cut = clean.rfind("\n", 0, MAX_ANALYSED_CHARS + 1)
    if cut < MAX_ANALYSED_CHARS * 0.9:
        cut = clean.rfind(" ", 0, MAX_ANALYSED_CHARS + 1)
        if cut < MAX_ANALYSED_CHARS * 0.9:
            cut = MAX_ANALYSED_CHARS
    kept = clean[:cut].rstrip()
    offsets = article.offsets[: len(kept)]
    offsets.append(offsets[-1] + 1)  # the end of the last character kept
    article.clean, article.offsets = kept, offsets
    article.warnings.append(f"long article: only its first {len(kept):,} of {len(clean):,} characters are analysed")
    return article


def _unexpected(exc: Exception) -> str:
    """One line for an error that reading did not foresee (a bug, or memory running out)."""
    detail = str(exc).strip().splitlines()
    return f"could not be read: {type(exc).__name__}" + (f": {detail[0][:200]}" if detail else "")


def _read_text(path: Path, rel: str, st: os.stat_result, *, markdown: bool) -> Article:
    text, warnings = decode(_read_bytes(path, st, MAX_ARTICLE_BYTES))
    if not text.strip():
        raise _Refused("empty file")
    meta, body_start = front_matter(text)
    if body_start:
        body = text[body_start:]
        if not body.strip():
            raise _Refused("empty file (front matter only)")
        clean, offsets = _clean(body, markdown=markdown)
        offsets = [o + body_start for o in offsets]
    else:
        clean, offsets = _clean(text, markdown=markdown)
    title = shorten(meta["title"]) if meta.get("title") else title_from(clean)
    article = Article(doc_id=rel, text=text, title=title, path=str(path), clean=clean, offsets=offsets,
                      url=meta.get("url") or meta.get("link") or None,
                      source=meta.get("source") or meta.get("publisher") or meta.get("site") or None,
                      warnings=warnings)
    _set_published(article, next((meta[k] for k in ("date", "published", "published_at") if meta.get(k)), None))
    return article


def _clean(text: str, *, markdown: bool = False) -> tuple[str, list[int]]:
    clean, offsets = clean_text(text, markdown=markdown)
    if not clean:
        raise _Refused(f"no article text (only web boilerplate, or runs of over {MAX_RUN} characters without a space)")
    return clean, offsets


def _set_published(article: Article, raw: object) -> None:
    if raw is None or raw == "":
        return
    day = parse_date(raw)
    if day:
        article.published, article.published_from = day, "metadata"
    else:
        article.warnings.append(f"unreadable published date {str(raw)[:40]!r} ignored")


def _read_html(path: Path, rel: str, st: os.stat_result) -> Article:
    raw = _read_bytes(path, st, MAX_HTML_BYTES)
    markup, warnings = decode(raw, declared=declared_charset(raw))
    from kb.corpus.web import read_page  # trafilatura is loaded only for web pages

    page = read_page(markup)
    if not page.text.strip():
        raise _Refused("no article text found in the page")
    clean, offsets = _clean(page.text)
    article = Article(doc_id=rel, text=page.text, title=shorten(page.title) if page.title else title_from(clean),
                      path=str(path), clean=clean, offsets=offsets, url=page.url, source=page.source,
                      warnings=warnings + page.warnings)
    if page.published:
        article.published, article.published_from = page.published, "metadata"
    return article


# --- JSON -------------------------------------------------------------------------------


def _read_json(path: Path, rel: str, st: os.stat_result) -> Iterator[Article | BadArticle]:
    text, warnings = decode(_read_bytes(path, st, MAX_JSON_BYTES))
    if not text.strip():
        raise _Refused("empty file")
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise _Refused(f"invalid JSON: {_json_error(exc)}") from None
    if isinstance(data, dict) and not any(k in data for k in _TEXT_FIELDS) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if not isinstance(data, list):
        yield _record(data, rel, path, warnings)
        return
    if not data:
        raise _Refused("empty list of articles")
    for n, rec in enumerate(data, start=1):
        try:
            yield _record(rec, f"{rel}#{n}", path, list(warnings))
        except _Refused as exc:
            yield BadArticle(str(path), f"article {n}: {exc}")
        except Exception as exc:  # noqa: BLE001
            yield BadArticle(str(path), f"article {n}: {_unexpected(exc)}")


def _read_jsonl(path: Path, rel: str, st: os.stat_result) -> Iterator[Article | BadArticle]:
    try:
        f = open(path, "rb")
    except OSError as exc:
        raise _Refused(_stat_reason(path, exc)) from None
    with f:
        head = f.read(_SNIFF_BYTES)
        if head.count(b"\x00") > _MAX_NUL_SHARE * len(head) and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise _Refused("binary file (contains NUL bytes)")
        f.seek(0)
        any_line = False
        for n, line in enumerate(f, start=1):
            if not line.strip():
                continue
            any_line = True
            if n == 1 and line.startswith(codecs.BOM_UTF8):
                line = line[len(codecs.BOM_UTF8) :]
            try:
                if len(line) > MAX_ARTICLE_BYTES:
                    raise _Refused(f"too large ({_size(len(line))} > {MAX_ARTICLE_BYTES // _MB} MB limit)")
                text, warnings = decode(line)
                try:
                    rec = json.loads(text)
                except ValueError as exc:
                    raise _Refused(f"invalid JSON: {_json_error(exc, one_line=True)}") from None
                yield _record(rec, f"{rel}#{n}", path, warnings)
            except _Refused as exc:
                yield BadArticle(str(path), f"line {n}: {exc}")
            except Exception as exc:  # noqa: BLE001
                yield BadArticle(str(path), f"line {n}: {_unexpected(exc)}")
        if not any_line:
            raise _Refused("empty file")


def _json_error(exc: ValueError, *, one_line: bool = False) -> str:
    if isinstance(exc, json.JSONDecodeError):
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno}, column {exc.colno}"
        return f"{exc.msg} ({where})"
    return str(exc)


def _record(rec: object, default_id: str, path: Path, warnings: list[str]) -> Article:
    if not isinstance(rec, dict):
        raise _Refused(f"expected a JSON object, found {type(rec).__name__}")
    field = next((k for k in _TEXT_FIELDS if k in rec), None)
    if field is None:
        raise _Refused('no "text" field')
    text = rec[field]
    if not isinstance(text, str):
        raise _Refused(f'"{field}" is not a string')
    if not text.strip():
        raise _Refused(f'empty "{field}"')
    if len(text) > MAX_ARTICLE_BYTES:
        raise _Refused(f"text too large ({_size(len(text))} > {MAX_ARTICLE_BYTES // _MB} MB limit)")
    _check_text(text)
    ident = rec.get("id")
    doc_id = str(ident).strip() if isinstance(ident, (str, int)) and not isinstance(ident, bool) else ""
    clean, offsets = _clean(text)
    title = rec.get("title") if isinstance(rec.get("title"), str) else ""
    source = rec.get("source")
    if isinstance(source, dict):
        source = source.get("name")
    article = Article(
        doc_id=doc_id or default_id,
        text=text,
        title=shorten(title) if title.strip() else title_from(clean),
        path=str(path),
        clean=clean,
        offsets=offsets,
        url=rec.get("url") if isinstance(rec.get("url"), str) else None,
        source=source if isinstance(source, str) else None,
        warnings=warnings,
    )
    _set_published(article, next((rec[k] for k in _DATE_FIELDS if rec.get(k) not in (None, "")), None))
    return article

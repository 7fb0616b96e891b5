"""Cleaning scraped or translated news text for the NLP pipeline, keeping offsets.

:func:`clean_text` returns the cleaned text and, for each of its characters, the index
in the original text it came from. Cleaning only ever deletes characters, inserts
whitespace, or turns whitespace into other whitespace; every other character of the
cleaned text is the very character found at its offset in the original. That is what
lets every span the NLP finds be mapped back to the text as read.

What is removed or repaired:

- boilerplate lines ("Read also …", "Also read: …", "Article reserved for our
  subscribers …", "You have 53% of this article to read …", "Short Url", "Follow",
  share buttons, "source site-29", copyright lines, bare URLs, bylines and "Reporting
  by …" credits, whose names are not actors of the story) and repeats of the
  first lines (a title or photo caption printed three times);
- decoration around headings and bullets ("*- Timing -*", "  • text", "## Title");
- link artefacts: "link" glued to a linked word ("Moroccolink", "visitlink",
  "linkAlgeria"), and in a text that has those, a stray "link" after a name
  ("Israel link Defence Minister"); the word "link" itself ("a link between",
  "linked", "hyperlink") is kept;
- words glued by a lost space ("cooperationbetween", "WesternSahara", "USpresident",
  "ofPalestinian"), split only when the parts are known words (see :mod:`kb.corpus.words`),
  and only in English text: a text, or a long line, in another language
  ("Whistleblowerin", "practicado") is left as it is (see :func:`foreign_spans`);
- runs of more than :data:`MAX_RUN` characters without whitespace (encoded data, hashes):
  no language, and costly to analyse;
- punctuation glued to the next word ("Morocco,with", "of“Hostile", "intifada(uprising)",
  "countries.The"), spaces inside reversed quotes ("” unprecedented “");
- whitespace: runs of spaces, no-break and zero-width spaces, spaces at line ends,
  runs of blank lines (one blank line is kept between paragraphs; every line break stays
  a line break, so the NLP starts a new sentence there), and Windows line ends.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Iterable, Iterator

from kb.corpus import words

Edit = tuple[int, int, str]  # replace text[start:end] with the string

# --- applying edits --------------------------------------------------------------------


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[int]]:
    """Apply non-overlapping edits; return the new text and its offsets into ``text``.

    Edits are sorted by start; an edit overlapping an earlier (or, at the same start,
    longer) one is dropped. Inserted characters point at the first character the edit
    replaced (or, for a pure insertion, the character after it). The offsets list has one
    extra final entry, ``len(text)``.
    """
    pieces: list[str] = []
    offsets: list[int] = []
    pos = 0
    for start, end, repl in sorted(edits, key=lambda e: (e[0], -e[1])):
        if start < pos or (start == end and not repl):
            continue
        if start > pos:
            pieces.append(text[pos:start])
            offsets.extend(range(pos, start))
        if repl:
            pieces.append(repl)
            offsets.extend([start] * len(repl))
        pos = end
    pieces.append(text[pos:])
    offsets.extend(range(pos, len(text) + 1))
    return "".join(pieces), offsets


# --- lines -----------------------------------------------------------------------------

_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:read|see)\s+(?:also|more)\b.*
      | also\s+(?:read|see)\b.*
      | (?:related|recommended|more\s+on\s+this)(?:\s+(?:articles?|stories|story|news|content|coverage|reading|topics?))?\s*:.*
      | (?:this\s+)?article\s+(?:is\s+)?reserved\s+for\s+(?:our\s+)?subscribers\b.*
      | (?:this\s+(?:article|content)\s+is\s+)?(?:for\s+)?subscribers\s+only\W*
      | you\s+have\s+\d+(?:[.,]\d+)?\s*%\s+of\s+this\s+article\s+(?:left\s+)?to\s+read\b.*
      | the\s+rest\s+is\s+for\s+subscribers(?:\s+only)?\W*
      | (?:already\s+a\s+subscriber\??\s*)?(?:log|sign)\s+in(?:\s+to\s+read.*)?\W*
      | (?:short\s+url|short\s+link|follow(?:\s+us)?(?:\s+on\s+\w+)?|share(?:\s+(?:this|on)(?:\s+\w+)?)?
         |tweet|print|e-?mail|comments?|\d+\s+comments?|subscribe(?:\s+now)?|advertisement|ad
         |sponsored(?:\s+content)?|listen(?:\s+to\s+this\s+(?:article|story))?|copy\s+link
         |skip\s+to\s+(?:main\s+)?content|\d+\s+min(?:ute)?s?\s+read|loading|whatsapp
         |facebook|twitter|x|linkedin|telegram|reddit|pinterest|flipboard|messenger)\W*
      | click\s+here\b.*
      | \(?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\b.*
      | (?:image|photo|picture|video)\s+(?:source|credits?)\b.*
      | (?:sign\s+up|subscribe)\b.*\bnewsletters?\b.*
      | (?:source\s+)?site-\d+
      | (?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|all\s+rights\s+reserved).*
      | (?:https?://|www\.)\S+
      | \[[^\]\n]+\]:\s*\S+
    )$""",
    re.I | re.X,
)
# A byline: "By Jane Doe", "By Ana Ruiz and Li Wei, Reuters" (not "By the end of May").
_NAME = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|ibn|da|di|la|le|del)){0,4}"
_BYLINE = re.compile(rf"By\s+{_NAME}(?:\s*(?:,|and|&|[|–—-])\s*{_NAME})*")
_BYLINE_MAX = 80
# A bullet or decoration starting a line: "• ", "*- ", "## ", "> ", "- ".
_LEAD_MARK = re.compile(r"[•·▪‣◦●■□►▶➤✓✔*#=~_>]+[ \t]*(?:[-–—][ \t]*)?|[-–—]+[ \t]+")
# Decoration closing a heading: " -*", " ***", " ==".
_TRAIL_MARK = re.compile(r"[ \t]+(?:[-–—]*[*#=~_]+[-–—*#=~_]*|[-–—]{2,})[ \t]*$")
_TRAIL_CHARS = frozenset("*#=~_-–—")
_TRAIL_WINDOW = 200  # decoration is looked for at the end of a line only
_NO_WORD = re.compile(r"[\W_]*")  # a line with no letter or digit at all
_INLINE_PAYWALL = re.compile(r"\b(?:this\s+)?article\s+(?:is\s+)?reserved\s+for\s+(?:our\s+)?subscribers\b[ \t]*", re.I)
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff\xad" + "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F]))
_INVISIBLE = re.compile(f"[{re.escape(_INVISIBLE_CHARS)}]+")
# A page's header lines (title, photo caption, summary) often come twice or three times
# in scraped text; a repeat of one of the first lines is dropped if it is this long.
_DUPLICATE_MIN, _DUPLICATE_MAX, _HEADER_LINES = 40, 400, 10

_MD_INLINE = re.compile(
    r"""!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)  # image: dropped
      | (?<=\])\([^)\s]{0,2000}(?:\s+"[^"\n]{0,500}")?\)  # the (url) of a link [text](url)
      | (?<=\])\[[^\]\n]{0,500}\]               # the [ref] of a reference link
      | <(?:https?://|mailto:)[^>\s]{1,2000}>    # autolink
      | </?[A-Za-z][^>\n]{0,500}>               # inline HTML tag
      | \*\*|__|`+                        # strong emphasis, code
      | (?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])  # *emphasis*
      | \[(?=[^\]\n]{0,500}\])                  # the [ of a link
      | (?<=[^\s!])\](?=[(\[])            # the ] of a link
    """,
    re.X,
)


def _line_edits(text: str, markdown: bool) -> list[Edit]:
    """Dropped lines, bullets and heading decoration, invisible characters."""
    edits: list[Edit] = []
    dropped: list[list[int]] = []  # merged [start, end) of dropped lines
    header: set[str] = set()
    kept_lines = 0
    pos = 0
    n = len(text)
    while pos < n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        line = text[pos:end]
        stripped = line.strip()
        if not stripped:
            pos = end + 1
            continue
        if (
            _BOILERPLATE_LINE.match(stripped)
            or _NO_WORD.fullmatch(stripped)
            or stripped in header
            or (len(stripped) <= _BYLINE_MAX and _BYLINE.fullmatch(stripped))
        ):
            # Drop the line with the blank space after it; at the end, the space before too.
            start, stop = pos, end
            while stop < n and text[stop].isspace():
                stop += 1
            if stop == n:
                while start > 0 and text[start - 1].isspace():
                    start -= 1
            if dropped and start <= dropped[-1][1]:
                dropped[-1][0] = min(dropped[-1][0], start)
                dropped[-1][1] = stop
            else:
                dropped.append([start, stop])
            pos = stop
            continue
        kept_lines += 1
        if kept_lines <= _HEADER_LINES and _DUPLICATE_MIN <= len(stripped) <= _DUPLICATE_MAX:
            header.add(stripped)
        indent = len(line) - len(line.lstrip())
        lead = _LEAD_MARK.match(line, indent)
        if lead and not (markdown and indent >= 4):
            edits.append((pos + indent, pos + lead.end(), ""))
        if stripped[-1] in _TRAIL_CHARS and (lead or stripped[-1] not in "-–—"):
            trail = _TRAIL_MARK.search(line, max(0, len(line) - _TRAIL_WINDOW))
            if trail and trail.start() > (lead.end() if lead else indent):
                edits.append((pos + trail.start(), pos + trail.end(), ""))
        if markdown:
            edits.extend((pos + m.start(), pos + m.end(), "") for m in _MD_INLINE.finditer(line))
        pos = end + 1
    edits.extend((a, b, "") for a, b in dropped)
    if "eserved" in text:
        edits.extend((m.start(), m.end(), "") for m in _INLINE_PAYWALL.finditer(text))
    if any(ch in text for ch in _INVISIBLE_CHARS):
        edits.extend((m.start(), m.end(), "") for m in _INVISIBLE.finditer(text))
    return edits


# --- words and punctuation -------------------------------------------------------------

# Words frequent in any English text and rare in other languages written in Latin letters
# (not "in", "die", "was", "will", "is", "he", "to", "at", "for", which are words there too).
# Their share of the words is 0.04 or more in English news (0.10 to 0.25 in most), under
# 0.02 in German, Spanish, French, Dutch, Polish or Turkish text.
_ENGLISH_MARKERS = frozenset(
    "the of and that with were have had from by this which are been its they their she said "
    "would not but who his has than also after about into there when while what more".split()
)
_ENGLISH_SHARE = 0.03
_JUDGED_WORDS = 20
_LINE = re.compile(r"[^\n]+")
_LETTERS = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"[A-Za-z]{4,}")
_CHUNK = re.compile(r"\S+")
_TOKEN_BEFORE = frozenset("@/.#_")  # a token after these is part of an address or a tag
_TOKEN_AFTER = frozenset("@/_")
_DETERMINERS = frozenset(
    "a an the this that these those its his her their our my your each every any no".split()
)
_STRAY_LINK = re.compile(r"(?:\b([A-Za-z]{1,40})[ \t]+)?([A-Z][\w'’.-]{0,40})([ \t]+link)\b(?![-'’])")
_ACRONYM_TITLE = re.compile(r"([A-Z]{2,})([A-Z][a-z]{2,})")
_ACRONYM_LOWER = re.compile(r"([A-Z]{2,})([a-z]{3,})")
# Punctuation glued to the next word: a space goes after it ("Morocco,with",
# "countries.The" but not "U.S.Army", "actions”of") or before it ("of“Hostile",
# "intifada(uprising)").
_SPACE_AFTER = re.compile(r"[,;.”»](?:(?<=[a-z][,;])|(?<=[a-z]{2}\.)(?=[A-Z][a-z])|(?<=[”»]))(?=[A-Za-z])")
_SPACE_BEFORE = re.compile(r"[“«(](?<=[A-Za-z][“«(])(?=[A-Za-z])")
# Reversed quotes as some translators print them: ” unprecedented “.
_REVERSED_QUOTES = re.compile(r"”([ \t]{1,8})[^“”\n]{1,200}?([ \t]{1,8})“(?![^\W_])")

# What to do with a token, worked out once per distinct token: None, or (kind, cuts)
# where kind is "split" (insert a space at each cut), "name-split" (the same, only in a
# text that lost spaces elsewhere), "link" or "strong-link" (a glued
# link artefact: delete ``cuts[0]:cuts[1]``, putting a space there when ``cuts[2]``;
# "strong" ones prove that the text has link artefacts).
_Plan = tuple[str, tuple[int, ...]]
# Edits inside one whitespace-free chunk of text, relative to its start:
# (start, end, replacement, kind or "" for a space after punctuation, linked word).
_ChunkEdit = tuple[int, int, str, str, str]
_CHUNKS: dict[str, tuple[_ChunkEdit, ...]] = {}
_CACHE_MAX = 200_000  # bounded, so memory does not grow with the corpus
_CACHED_CHUNK_MAX = 64  # longer chunks are rare: worked out each time, never kept
# Every step below is linear in the text: a token longer than MAX_WORD letters is no pair
# of glued words and is left alone, and a run of more than MAX_RUN characters without
# whitespace (an encoded blob, a hash, a line of garbage) is no language at all: it is
# left out of the cleaned text, so neither the repair nor the NLP spends time on it.
MAX_WORD = words.MAX_WORD
MAX_RUN = 500
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}[ \t]*")
# Beyond this many distinct chunks to repair, they are found in one pass over the text
# instead of one search each.
_FIND_EACH_MAX = 64


def _plan(token: str) -> _Plan | None:
    if token.endswith("link") and len(token) >= 6 and not words.is_known(token):
        stem = token[:-4]
        if words.is_known(stem):
            return ("strong-link" if stem.islower() else "link", (len(token) - 4, len(token), 0))
    k = token.find("link")
    if k >= 0 and len(token) > k + 5 and token[k + 4].isupper() and token[k + 5].islower():
        stem = token[:k]
        if not stem or words.is_known(stem):
            return ("strong-link", (k, k + 4, 1 if stem else 0))
    if token.islower() or (token[0].isupper() and token[1:].islower()):
        cut = words.split_glued(token)
        return ("split", (cut,)) if cut else None
    if token.isupper():
        return None
    am = _ACRONYM_TITLE.fullmatch(token) or _ACRONYM_LOWER.fullmatch(token)
    if am:
        return ("split", (am.end(1),)) if words.split_acronym(am.group(1), am.group(2)) else None
    cuts = words.split_camel(token)
    if not cuts:
        return None
    if any(name_pair for _, name_pair in cuts):
        return ("name-split", tuple(c for c, _ in cuts))
    return ("split", tuple(c for c, _ in cuts))


def _chunk_plan(chunk: str) -> tuple[_ChunkEdit, ...]:
    """The edits a whitespace-free chunk of text needs, wherever it occurs."""
    out: list[_ChunkEdit] = []
    n = len(chunk)
    for m in _TOKEN.finditer(chunk):
        start, end = m.span()
        if end - start > MAX_WORD:
            continue
        if (start and (chunk[start - 1] in _TOKEN_BEFORE or chunk[start - 1].isalnum())) or (
            end < n and (chunk[end] in _TOKEN_AFTER or chunk[end].isalnum())
        ):
            continue
        plan = _plan(m.group())
        if plan is None:
            continue
        kind, cuts = plan
        if kind in ("split", "name-split"):
            out.extend((start + c, start + c, " ", kind, "") for c in cuts)
        else:
            repl = " " if cuts[2] else ""
            out.append((start + cuts[0], start + cuts[1], repl, kind, m.group()[: cuts[0]]))
    out.extend((m.end(), m.end(), " ", "", "") for m in _SPACE_AFTER.finditer(chunk))
    out.extend((m.start(), m.start(), " ", "", "") for m in _SPACE_BEFORE.finditer(chunk))
    return tuple(out)


def _token_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    link_edits: list[Edit] = []
    name_edits: list[Edit] = []  # "WesternSahara", or a brand such as "BlueCrest"
    link_stems: set[str] = set()
    strong_link = False  # a lower-case word, or "linkAlgeria", with "link" stuck to it
    cache = _CHUNKS
    if len(cache) > _CACHE_MAX:
        cache.clear()
    active: dict[str, tuple[_ChunkEdit, ...]] = {}
    for chunk in set(text.split()):
        if len(chunk) > MAX_RUN:
            continue
        plan = cache.get(chunk)
        if plan is None:
            plan = _chunk_plan(chunk)
            if len(chunk) <= _CACHED_CHUNK_MAX:
                cache[chunk] = plan
        if plan:
            active[chunk] = plan
    foreign = foreign_spans(text)
    for pos, plan in _placed(text, active):
        in_english = not foreign or not _inside(foreign, pos)
        for start, stop, repl, kind, stem in plan:
            if kind and not in_english:
                continue  # the English dictionary says nothing about words of other languages
            if kind == "name-split":
                name_edits.append((pos + start, pos + stop, repl))
            elif kind and kind != "split":
                link_edits.append((pos + start, pos + stop, repl))
                link_stems.add(stem)
                strong_link = strong_link or kind == "strong-link"
            else:
                edits.append((pos + start, pos + stop, repl))
    link_mode = strong_link or len(link_stems) >= 2
    # Two capitalised words glued together are split in a text that lost spaces elsewhere.
    if name_edits and (link_mode or any(repl == " " and start == end for start, end, repl in edits)):
        edits.extend(name_edits)
    # One capitalised "Xlink" may be a brand; link artefacts come many to a text.
    if link_mode:
        edits.extend(link_edits)
        for m in _STRAY_LINK.finditer(text):
            before = m.group(1)
            if (before and before.lower() in _DETERMINERS) or (foreign and _inside(foreign, m.start(3))):
                continue
            edits.append((m.start(3), m.end(3), ""))
    if "”" in text:
        for m in _REVERSED_QUOTES.finditer(text):
            if m.start() and not text[m.start() - 1].isspace():
                continue
            edits.append((m.start(1), m.end(1), ""))
            edits.append((m.start(2), m.end(2), ""))
    return edits


def foreign_spans(text: str) -> list[tuple[int, int]]:
    """The parts of ``text`` that are not English, as sorted ``(start, end)`` spans.

    Judged by the share of :data:`_ENGLISH_MARKERS` among the words: the whole text when
    it has at least :data:`_JUDGED_WORDS` words, and each line that has as many on its own
    (a paragraph quoted in another language). A shorter text is taken as English.
    """
    total = markers = 0
    lines: list[tuple[int, int, int, int]] = []
    for line in _LINE.finditer(text):
        found = _LETTERS.findall(line.group().lower())
        hits = sum(1 for w in found if w in _ENGLISH_MARKERS)
        total += len(found)
        markers += hits
        if len(found) >= _JUDGED_WORDS:
            lines.append((line.start(), line.end(), len(found), hits))
    if total < _JUDGED_WORDS:
        return []
    if markers < _ENGLISH_SHARE * total:
        return [(0, len(text))]
    return [(start, end) for start, end, n, hits in lines if hits < _ENGLISH_SHARE * n]


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies in one of the sorted, disjoint ``spans``."""
    i = bisect.bisect_right(spans, (pos, math.inf)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _placed(text: str, plans: dict[str, tuple[_ChunkEdit, ...]]) -> Iterator[tuple[int, tuple[_ChunkEdit, ...]]]:
    """Where each whitespace-free chunk that has a plan stands in ``text``, with its plan.

    A few chunks are found by searching for each (fast in C); many in one pass over all
    chunks, so that the cost stays linear in the text however many chunks need repair.
    """
    n = len(text)
    if len(plans) > _FIND_EACH_MAX:
        for m in _CHUNK.finditer(text):
            plan = plans.get(m.group())
            if plan:
                yield m.start(), plan
        return
    for chunk, plan in plans.items():
        size = len(chunk)
        pos = text.find(chunk)
        while pos >= 0:
            end = pos + size
            if (pos == 0 or text[pos - 1].isspace()) and (end == n or text[end].isspace()):
                yield pos, plan
            pos = text.find(chunk, end)


def _long_run_edits(text: str) -> list[Edit]:
    """Runs of more than :data:`MAX_RUN` characters without whitespace, left out."""
    return [(m.start(), m.end(), "") for m in _LONG_RUN.finditer(text)]


# --- whitespace ------------------------------------------------------------------------

_SPACE = re.compile(r"\s{2,}|[^\S \n]")
_NEWLINES = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _space_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    if lead:
        edits.append((0, lead, ""))
    if tail < len(text):
        edits.append((max(tail, lead), len(text), ""))
    for m in _SPACE.finditer(text, lead, tail):
        run = m.group()
        breaks = len(_NEWLINES.findall(run)) if len(run) > 1 or run not in " \n" else 0
        repl = " " if breaks == 0 else "\n" if breaks == 1 else "\n\n"
        if repl != run:
            edits.append((m.start(), m.end(), repl))
    return edits


# --- the whole cleaning ----------------------------------------------------------------


def clean_text(text: str, *, markdown: bool = False) -> tuple[str, list[int]]:
    """Clean ``text`` for the NLP pipeline; return ``(clean, offsets)``.

    ``offsets[i]`` is the index in ``text`` of ``clean[i]``, with one extra final entry
    ``len(text)``. With ``markdown=True`` Markdown markup (links, emphasis, images,
    headings, quotes) is removed as well. All edits are found on ``text`` itself and
    applied at once, so the cost is a few scans of the text, and time and memory grow in
    proportion to its length whatever its shape.
    """
    edits = _long_run_edits(text)
    edits += _line_edits(text, markdown)
    edits += _token_edits(text)
    edits += _space_edits(text)
    clean, offsets = apply_edits(text, edits)
    # Dropped lines at either end can leave a line break behind.
    if clean[:1].isspace() or clean[-1:].isspace():
        head = len(clean) - len(clean.lstrip())
        tail = len(clean.rstrip())
        clean, offsets = clean[head:tail], offsets[head:tail] + [len(text)]
    return clean, offsets

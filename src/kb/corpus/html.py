"""kb's own reader of a news web page: main text, title and metadata.

The fallback of :mod:`kb.corpus.web` (trafilatura), for pages where that finds no main
text or that are too large for it.

For an HTML article, ``Article.text`` is the plain text extracted here (not the markup):
the title first, then the article's paragraphs, one per line with a blank line between
them. Offsets count characters in that text.

Extraction: scripts, styles, navigation, headers, footers, asides, forms and figures are
dropped, and so are blocks whose class or id names sharing, related links, comments,
newsletters or adverts. When the page has an ``<article>`` (or ``itemprop=articleBody``,
or ``<main>``) holding most of the text, only that is kept.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from kb.corpus.metadata import parse_date

_DROP_TAGS = frozenset(
    "script style noscript template svg canvas iframe object embed nav header footer aside "
    "form button select textarea label figure figcaption menu dialog".split()
)
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol dl dt dd tr table thead tbody "
    "blockquote pre address hr br figcaption caption summary details center".split()
)
_DROP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|related|recirc\w*|newsletter|comments?|advert\w*|ads?|"
    r"promo\w*|sponsor\w*|cookies?|consent|breadcrumbs?|subscribe|subscription|paywall|sidebar|"
    r"menu|navbar|nav|popup|modal|outbrain|taboola|tags?|author-bio|read-?more|most-?read|"
    r"trending|signup|print)(?:$|[\s_-])",
    re.I,
)
# Meta tags naming the publication date, most trusted first.
_DATE_META = (
    "article:published_time", "og:published_time", "datepublished", "article.published",
    "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.created", "dc.date",
    "publish-date", "publishdate", "publish_date", "publication_date", "pubdate", "date",
    "article:modified_time", "og:updated_time", "datemodified", "last-modified",
)
_NEVER_DROP = frozenset({"html", "body", "article", "main"})
_SPACES = re.compile(r"\s+")


@dataclass
class Page:
    """What a web page says about its article."""

    text: str
    title: str = ""
    published: str | None = None
    url: str | None = None
    source: str | None = None
    warnings: list[str] = field(default_factory=list)


class _Extractor(HTMLParser):
    def __init__(self, use_classes: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.use_classes = use_classes
        self.stack: list[tuple[str, bool, str]] = []  # (tag, dropped, region)
        self.drop_depth = 0
        self.region_depth = {"article": 0, "main": 0}
        # Blocks of text: (region, text); region is "article", "main" or "".
        self.blocks: list[tuple[str, list[str]]] = [("", [])]
        self.meta: dict[str, str] = {}
        self.title_tag: list[str] = []
        self.h1: list[str] = []
        self.in_title = False
        self.in_h1 = False
        self.h1_done = False
        self.in_ld = False
        self.ld: list[str] = []
        self.ld_dates: list[str] = []
        self.time_dates: list[str] = []
        self.canonical: str | None = None

    # --- structure ------------------------------------------------------------------
    def _region(self) -> str:
        if self.region_depth["article"]:
            return "article"
        if self.region_depth["main"]:
            return "main"
        return ""

    def _new_block(self) -> None:
        region = self._region()
        last_region, last = self.blocks[-1]
        if last or last_region != region:
            self.blocks.append((region, []))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            self._meta(a)
            return
        if tag == "link":
            if "canonical" in a.get("rel", "").lower().split() and a.get("href"):
                self.canonical = a["href"]
            return
        if tag == "time" and a.get("datetime"):
            self.time_dates.append(a["datetime"])
        if tag == "script":
            self.in_ld = "ld+json" in a.get("type", "").lower()
            self.ld = []
        if tag == "title":
            self.in_title = True
        if tag == "h1" and not self.h1_done:
            self.in_h1 = True
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self.drop_depth:
                self._new_block()
            return
        classes = f"{a.get('class', '')} {a.get('id', '')}"
        dropped = (
            tag in _DROP_TAGS
            or "hidden" in a
            or "display:none" in a.get("style", "").replace(" ", "")
            or a.get("aria-hidden") == "true"
            or a.get("role") in ("navigation", "banner", "contentinfo", "complementary")
            or (self.use_classes and tag not in _NEVER_DROP and bool(_DROP_CLASS.search(classes)))
        )
        region = ""
        if tag == "article" or a.get("itemprop", "").lower() == "articlebody":
            region = "article"
        elif tag == "main" or a.get("role") == "main":
            region = "main"
        self.stack.append((tag, dropped, region))
        if dropped:
            self.drop_depth += 1
        if region:
            self.region_depth[region] += 1
        if tag in _BLOCK_TAGS and not self.drop_depth:
            self._new_block()

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self.in_ld:
                self._ld_json("".join(self.ld))
            self.in_ld = False
        if tag == "title":
            self.in_title = False
        if tag == "h1" and self.in_h1:
            self.in_h1 = False
            self.h1_done = bool(" ".join(self.h1).strip())
        if tag in _VOID_TAGS or not any(t == tag for t, _, _ in self.stack):
            return
        while self.stack:  # close unclosed children too, as browsers do
            name, dropped, region = self.stack.pop()
            if dropped:
                self.drop_depth -= 1
            if region:
                self.region_depth[region] -= 1
            if name == tag:
                break
        if tag in _BLOCK_TAGS and not self.drop_depth:
            self._new_block()

    def handle_data(self, data: str) -> None:
        if self.in_ld:
            self.ld.append(data)
            return
        if self.in_title:
            self.title_tag.append(data)
        if self.in_h1:
            self.h1.append(data)
        if not self.drop_depth and not self.in_title:
            self.blocks[-1][1].append(data)

    # --- metadata -------------------------------------------------------------------
    def _meta(self, a: dict[str, str]) -> None:
        key = (a.get("property") or a.get("name") or a.get("itemprop") or a.get("http-equiv") or "").lower()
        content = a.get("content")
        if key and content and key not in self.meta:
            self.meta[key] = content.strip()

    def _ld_json(self, raw: str) -> None:
        try:
            data = json.loads(raw)
        except ValueError:
            return
        todo = [data]
        while todo:
            item = todo.pop(0)
            if isinstance(item, list):
                todo.extend(item)
            elif isinstance(item, dict):
                for key in ("datePublished", "dateCreated", "uploadDate"):
                    if isinstance(item.get(key), str):
                        self.ld_dates.append(item[key])
                todo.extend(v for v in item.values() if isinstance(v, (list, dict)))


def _blocks_text(blocks: list[tuple[str, list[str]]]) -> list[tuple[str, str]]:
    out = []
    for region, parts in blocks:
        line = _SPACES.sub(" ", "".join(parts)).strip()
        if line:
            out.append((region, line))
    return out


def _parse(markup: str, use_classes: bool) -> tuple[_Extractor, list[str]]:
    parser = _Extractor(use_classes)
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError):  # malformed markup the parser gives up on
        pass
    blocks = _blocks_text(parser.blocks)
    total = sum(len(t) for _, t in blocks)
    chosen = blocks
    for region in ("article", "main"):
        inside = [(r, t) for r, t in blocks if r == region or (region == "main" and r == "article")]
        if inside and sum(len(t) for _, t in inside) >= 0.3 * total:
            chosen = inside
            break
    return parser, [t for _, t in chosen]


def extract_page(markup: str) -> Page:
    """The article text, title, publication date, URL and source name of a web page."""
    parser, lines = _parse(markup, use_classes=True)
    kept = sum(len(t) for t in lines)
    if kept < 500:
        # A class name such as "has-sidebar" on a wrapper can hide the whole article.
        plain, plain_lines = _parse(markup, use_classes=False)
        if sum(len(t) for t in plain_lines) > 4 * max(kept, 100):
            parser, lines = plain, plain_lines

    meta = parser.meta
    title = ""
    for candidate in (meta.get("og:title"), meta.get("twitter:title"), " ".join(parser.h1),
                      " ".join(parser.title_tag)):
        if candidate and candidate.strip():
            title = _SPACES.sub(" ", candidate).strip()
            break
    source = meta.get("og:site_name") or meta.get("application-name")
    if source:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title.endswith(sep + source):
                title = title[: -len(sep + source)].strip()
    if title and (not lines or (title not in lines[0] and lines[0] not in title)):
        lines.insert(0, title)

    published = None
    warnings: list[str] = []
    candidates = [meta[k] for k in _DATE_META[:4] if k in meta]
    candidates += parser.ld_dates
    candidates += [meta[k] for k in _DATE_META[4:] if k in meta]
    candidates += parser.time_dates
    for raw in candidates:
        published = parse_date(raw)
        if published:
            break
    if candidates and not published:
        warnings.append(f"unreadable published date {candidates[0][:40]!r} ignored")

    return Page(
        text="\n\n".join(lines),
        title=title,
        published=published,
        url=meta.get("og:url") or parser.canonical,
        source=source,
        warnings=warnings,
    )


_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I
)


def declared_charset(raw: bytes) -> str | None:
    """The character set a page declares in its first bytes (a meta tag, an XML declaration), if any."""
    m = _CHARSET.search(raw[:4096])
    return (m.group(1) or m.group(2)).decode("ascii", "replace").lower() if m else None

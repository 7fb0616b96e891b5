"""A news web page's main text, title and publication date, read with trafilatura and htmldate.

trafilatura finds the article's main text (navigation, teaser lists, cookie banners,
adverts, related links and comments left out), its title, URL and site name, and dates
it with htmldate (the original publication date, from the markup first and from the
page's text when the markup has none). When trafilatura finds no main text, kb's own
reader (:mod:`kb.corpus.html`) reads the page, and htmldate still dates it (kb's reader
only when htmldate finds nothing: it takes the first ``<time>`` of the page, often a
teaser's).

``Page.text`` is the title, then the article's paragraphs, one per line with a blank line
between them; offsets count characters in it. The markup is parsed once, from text
already decoded by kb (so kb's charset handling holds), and nothing is ever fetched: both
libraries are handed a parsed tree, never a string that could be taken for a URL.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kb.corpus.html import Page, extract_page

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# trafilatura and htmldate take time that grows faster than the page beyond some thousands
# of elements (removing one of many siblings is linear in their number); a news page has
# one to five thousand. A larger page is read by kb's own reader, in one linear pass.
MAX_ELEMENTS = 10_000
# Below this many characters trafilatura takes its main text for a miss and may put the
# whole page's text in its place (its MIN_EXTRACTED_SIZE, doubled to cover what it adds).
_RESCUE_BELOW = 500
_PROSE_WORDS = 4  # a main text needs a line of at least this many words
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")


def read_page(markup: str) -> Page:
    """The article a web page holds; ``Page.text`` is empty when there is none."""
    tree = _parse(markup)
    size = sum(1 for _ in tree.iter()) if tree is not None else 0
    if size > MAX_ELEMENTS:
        page = extract_page(markup)
        page.warnings.append(f"page of {size:,} elements (over {MAX_ELEMENTS:,}) read with kb's own reader")
        return page
    document = _main_text(tree) if tree is not None else None
    text = _paragraphs(document.text) if document is not None and document.text else []
    if not any(len(line.split()) >= _PROSE_WORDS for line in text):  # a menu word is no article
        page = extract_page(markup)
        found = _htmldate(tree) if tree is not None else None
        if found:  # htmldate weighs all the page's dates; kb's reader takes the first <time>
            page.published = found
            page.warnings = [w for w in page.warnings if not w.startswith("unreadable published date")]
        return page
    assert document is not None
    source = document.sitename or None
    title = _strip_site(" ".join((document.title or "").split()), source)
    if title and title not in text[0] and text[0] not in title:
        text.insert(0, title)
    published = document.date  # htmldate's, run by trafilatura with the page's URL
    warnings: list[str] = []
    if published is None:
        # The markup may still name a date in a form htmldate does not read.
        fallback = extract_page(markup)
        published, warnings = fallback.published, fallback.warnings
    return Page(text="\n\n".join(text), title=title, published=published,
                url=document.url or None, source=source, warnings=warnings)


def _parse(markup: str) -> HtmlElement | None:
    from trafilatura import load_html

    try:
        return load_html(markup)
    except (ValueError, TypeError):
        return None


def _main_text(tree: HtmlElement) -> Any:
    """trafilatura's document for the page (comments and layout tables left out), or None."""
    from trafilatura import bare_extraction

    # Tables are off: old sites lay out the whole page in one, and trafilatura would
    # render its menus and sidebars as table rows; the article's paragraphs in a cell
    # are found all the same.
    options = {"include_comments": False, "include_tables": False, "with_metadata": True}
    try:
        document = bare_extraction(tree, **options)
        if document is not None and len(document.text or "") < _RESCUE_BELOW:
            # Maybe its rescue, all the page's text run together (menus, captions, the
            # newsletter box); its precise mode gives the article alone, or nothing.
            document = bare_extraction(tree, favor_precision=True, **options)
        return document
    except Exception:  # noqa: BLE001 - a fault in the library must not cost the page: kb's reader takes it
        return None


def _htmldate(tree: HtmlElement) -> str | None:
    """The page's original publication day by htmldate, from markup or text."""
    from htmldate import find_date

    try:
        return find_date(tree, original_date=True)
    except (ValueError, TypeError):
        return None


def _paragraphs(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _strip_site(title: str, source: str | None) -> str:
    if source:
        for sep in _TITLE_SEPARATORS:
            if title.endswith(sep + source):
                return title[: -len(sep + source)].strip()
    return title

"""Reading news web pages: main text, title, publication date."""

from __future__ import annotations

from pathlib import Path

from kb.corpus import read_articles
from kb.corpus.html import extract_page
from kb.model import Article

PAGE = """<!doctype html>
<html><head><meta charset="utf-8">
<title>Ministers meet in Oslo | Nordic Wire</title>
<meta property="og:title" content="Ministers meet in Oslo | Nordic Wire">
<meta property="og:site_name" content="Nordic Wire">
<meta property="article:published_time" content="2022-03-14T23:15:00-05:00">
<link rel="canonical" href="https://wire.example/oslo">
<script>var tracking = "do not read me";</script>
<style>p { color: red }</style>
</head>
<body class="layout has-sidebar">
<header><nav><a href="/">Home</a> <a href="/world">World news</a></nav></header>
<div class="share-buttons">Share on Facebook</div>
<main>
<article>
<h1>Ministers meet in Oslo</h1>
<p>The foreign ministers of Norway and Finland met in Oslo on Monday
to discuss &amp; sign a fisheries accord.</p>
<p>Talks lasted <b>three hours</b>, officials said.<br>A joint statement followed.</p>
<aside>Related: Fisheries quotas explained</aside>
<figure><img src="a.jpg"><figcaption>Photo: the harbour</figcaption></figure>
<div class="newsletter-signup">Sign up for our newsletter</div>
<ul><li>Quotas rise by 4%</li><li>Inspections shared</li></ul>
</article>
</main>
<div class="most-read">Most read: Celebrity news</div>
<footer>© 2022 Nordic Wire</footer>
</body></html>
"""


def read_one(tmp_path: Path, name: str, content: str | bytes) -> Article:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    [article] = list(read_articles([path]))
    assert isinstance(article, Article), article
    return article


def test_main_text_title_date_and_source(tmp_path: Path) -> None:
    article = read_one(tmp_path, "oslo.html", PAGE)
    assert article.title == "Ministers meet in Oslo"
    assert (article.published, article.published_from) == ("2022-03-14", "metadata")
    assert article.url == "https://wire.example/oslo"
    assert article.source == "Nordic Wire"
    assert article.text == (
        "Ministers meet in Oslo\n\n"
        "The foreign ministers of Norway and Finland met in Oslo on Monday to discuss & sign a fisheries accord.\n\n"
        "Talks lasted three hours, officials said.\n\n"
        "A joint statement followed.\n\n"
        "- Quotas rise by 4%\n\n"
        "- Inspections shared"
    )
    for dropped in ("tracking", "Home", "Share", "Related", "Photo", "newsletter", "Most read", "©"):
        assert dropped not in article.text
    for i, ch in enumerate(article.clean):  # offsets count in the extracted text
        assert ch.isspace() or article.text[article.offsets[i]] == ch
    assert article.clean.endswith("Quotas rise by 4%\n\nInspections shared")  # list marks are not text


def test_kb_own_reader_keeps_the_article_region() -> None:
    """The fallback reader, used when trafilatura finds no main text."""
    page = extract_page(PAGE)
    assert page.text == (
        "Ministers meet in Oslo\n\n"
        "The foreign ministers of Norway and Finland met in Oslo on Monday to discuss & sign a fisheries accord.\n\n"
        "Talks lasted three hours, officials said.\n\n"
        "A joint statement followed.\n\n"
        "Quotas rise by 4%\n\n"
        "Inspections shared"
    )
    assert (page.title, page.published, page.source) == ("Ministers meet in Oslo", "2022-03-14", "Nordic Wire")


def test_page_without_article_element_keeps_body_text_and_prepends_title(tmp_path: Path) -> None:
    page = """<html><head><title>Dam opens - River Times</title>
    <meta name="date" content="2019-07-02"></head>
    <body><nav>Menu</nav><div id="story"><p>The new dam opened on Tuesday.</p>
    <p>It will supply two cities.</p></div><footer>Contact us</footer></body></html>"""
    article = read_one(tmp_path, "dam.htm", page)
    assert article.title == "Dam opens"
    assert article.text == "Dam opens\n\nThe new dam opened on Tuesday.\n\nIt will supply two cities."
    assert article.published == "2019-07-02"


def test_date_from_json_ld_and_time_element() -> None:
    ld = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
     {"@type": "NewsArticle", "headline": "x", "datePublished": "2020-12-10T09:00:00Z"}]}
    </script></head><body><article><h1>Accord signed</h1><p>Text.</p></article></body></html>"""
    assert extract_page(ld).published == "2020-12-10"
    timed = """<html><body><article><h1>Vote delayed</h1>
    <time datetime="2021-08-11T10:00">Wednesday</time><p>The vote was delayed.</p></article></body></html>"""
    page = extract_page(timed)
    assert page.published == "2021-08-11"
    assert page.title == "Vote delayed"


def test_meta_tags_in_order_of_trust() -> None:
    page = """<html><head><meta name="pubdate" content="20180102">
    <meta property="og:published_time" content="2018-01-05"></head>
    <body><p>Body text.</p></body></html>"""
    assert extract_page(page).published == "2018-01-05"
    assert extract_page(page.replace('<meta property="og:published_time" content="2018-01-05">', "")).published == "2018-01-02"


def test_unreadable_date_is_a_warning(tmp_path: Path) -> None:
    page = '<html><head><meta property="article:published_time" content="yesterday"></head><body><p>Body.</p></body></html>'
    article = read_one(tmp_path, "a.html", page)
    assert article.published is None
    assert article.warnings == ["unreadable published date 'yesterday' ignored"]


def test_declared_legacy_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"><title>Caf\xe9 owners</title></head><body><p>Caf\xe9s close \u2013 for now.</p></body></html>'
    article = read_one(tmp_path, "a.html", page.encode("cp1252"))
    assert article.text == "Café owners\n\nCafés close – for now."
    assert article.warnings == []


def test_page_without_text_is_bad(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>")
    [item] = list(read_articles([tmp_path / "empty.html"]))
    assert not isinstance(item, Article)
    assert item.reason == "no article text found in the page"


def test_broken_markup_does_not_crash() -> None:
    page = extract_page("<html><body><article><p>Unclosed <b>bold <i>text</article><p>After</p></body>")
    assert "Unclosed bold text" in page.text


def test_charset_of_an_xml_declaration_is_used(tmp_path: Path) -> None:
    page = ('<?xml version="1.0" encoding="iso-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
            "<head><title>Caf\xe9 owners</title></head><body><p>Caf\xe9s close, for now.</p></body></html>")
    article = read_one(tmp_path, "a.xhtml", page.encode("latin-1"))
    assert "Cafés close, for now." in article.text
    assert article.warnings == []

"""Hostile input: markup in names and sentences (pages), formulas in CSV cells, FTS syntax
in searches, escape sequences for the terminal, bad arguments, maths in picture labels."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from stores import one_line_error, run_kb, write_corpus

from kb.draw import graph_html, graph_png, timeline_html
from kb.export import write_neo4j
from kb.ingest import ingest
from kb.store import Store

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

# Each would run script (setting window.__pwned) or add an element if a page took it for markup.
PAYLOADS = [
    '<script>window.__pwned = "script"</script>',
    '</script><script>window.__pwned = "close"</script>',
    '<img src=x onerror="window.__pwned = \'img\'">',
    '" onmouseover="window.__pwned = \'attr\'" data-x="',
    "' onerror='window.__pwned = 1' '",
    '<svg onload="window.__pwned = \'svg\'"></svg>',
    '${window.__pwned = "template"}',
    '<!-- <script>window.__pwned = "comment"</script>',
]

HOSTILE_ARTICLE = (
    "Vienna court hears of a clerk's odd notes\n\n"
    "VIENNA, May 4, 2021 — Judge Mary O'Brien told the court in Vienna on Tuesday that Helga Brandt had typed "
    "<script>window.__pwned = 'article'</script> into the register.\n\n"
    "Brandt met Kwame Asante in Vienna on Wednesday; her note read <img src=x onerror=\"window.__pwned = 2\"> "
    "and \"quotes\" and 'apostrophes' and </script><b onmouseover=alert(1)>bold</b>.\n"
)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Debian chromium driven by selenium with the system chromedriver (as the page tests)."""
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"no browser: install Debian's chromium and chromium-driver ({CHROMIUM}, {CHROMEDRIVER})")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e .[test])")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900", f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _source(text: str) -> dict[str, object]:
    return {"document": f"doc {text}.txt", "title": text, "published": "2021-05-04", "sentence": text,
            "start_char": 0, "end_char": len(text), "trigger": text}


def _hostile_graph() -> tuple[nx.MultiDiGraph, dict[str, object]]:
    g = nx.MultiDiGraph()
    profiles: dict[str, object] = {}
    for i, text in enumerate(PAYLOADS):
        g.add_node(f"n{i}", label=text, kind="person" if i % 2 else "state", mentions=i + 1, aliases=[text],
                   titles=[])
        profiles[f"n{i}"] = {"id": f"n{i}", "name": text, "kind": "person", "aliases": [text], "mentions": i + 1,
                             "roles": [{"title": text, "of": text, "former": False, "sources": [_source(text)]}],
                             "states": [text], "related": [{"name": text, "kind": text, "relation": text,
                                                            "weight": 1}],
                             "events": [{"date": text, "summary": text, "sources": [_source(text)]}],
                             "documents": [text]}
        if i:
            g.add_edge(f"n{i - 1}", f"n{i}", relation="role", label=text, weight=1, sources=[_source(text)])
    return g, profiles


def _hostile_events() -> list[dict[str, object]]:
    return [{"id": f"e{i}", "date": "2021-05-0" + str(i % 9 + 1), "start": "2021-05-0" + str(i % 9 + 1),
             "end": "2021-05-0" + str(i % 9 + 1), "precision": "day", "type": text, "trigger": text, "summary": text,
             "modality": text, "date_from": None, "place": text,
             "participants": [{"name": text, "kind": "person", "role": text}], "sources": [_source(text)]}
            for i, text in enumerate(PAYLOADS)]


def _nothing_ran(browser) -> None:
    """No payload ran, and none became an element: only kb's own two scripts are there."""
    assert browser.execute_script("return window.__pwned === undefined"), browser.execute_script(
        "return String(window.__pwned)")
    assert browser.execute_script("return document.scripts.length") == 2
    assert browser.execute_script(
        "return document.querySelectorAll('img, iframe, [onerror], [onload], [onmouseover], svg svg').length") == 0


def _click_all(browser, selector: str) -> int:
    from selenium.webdriver.common.by import By

    shown = 0
    for element in browser.find_elements(By.CSS_SELECTOR, selector):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", element)
        _nothing_ran(browser)
        shown += 1
    return shown


def test_hostile_names_are_text_in_the_graph_page(tmp_path, browser):
    graph, profiles = _hostile_graph()
    page = tmp_path / "graph.html"
    graph_html(graph, page, title=PAYLOADS[0], center="n0", profiles=profiles)
    browser.get(page.as_uri())
    _nothing_ran(browser)
    assert browser.title == PAYLOADS[0]
    assert _click_all(browser, "svg .node") == len(PAYLOADS)
    assert _click_all(browser, "svg .edge") == len(PAYLOADS) - 1
    browser.execute_script("showNode('n2')")
    panel = browser.execute_script("return document.getElementById('panel').textContent")
    assert PAYLOADS[2] in panel  # shown as the text it is
    labels = browser.execute_script("return [...document.querySelectorAll('svg .node text')].map(t => t.textContent)")
    assert any(label.startswith("<script>") for label in labels)


def test_hostile_events_are_text_in_the_timeline_page(tmp_path, browser):
    page = tmp_path / "timeline.html"
    timeline_html(_hostile_events(), page, title=PAYLOADS[1])
    browser.get(page.as_uri())
    _nothing_ran(browser)
    assert _click_all(browser, "svg rect.mark") == len(PAYLOADS)
    assert _click_all(browser, "table.list tr") == len(PAYLOADS)
    browser.execute_script("showEvent(3)")
    panel = browser.execute_script("return document.getElementById('panel').textContent")
    assert PAYLOADS[3] in panel


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "in").mkdir()
    (folder / "in" / "court.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    db = folder / "kb.db"
    with Store(db) as store:
        ingest([folder / "in"], store=store)
    return db


def test_pages_kb_draws_from_a_hostile_article_run_nothing(tmp_path, hostile_db, browser):
    for args, marks in ((["timeline", "--html", str(tmp_path / "t.html")], "svg rect.mark, table.list tr"),
                        (["graph", "Helga Brandt", "--html", str(tmp_path / "g.html")], "svg .node, svg .edge")):
        result = run_kb(*args, "--db", str(hostile_db))
        assert result.returncode == 0, result.stderr
        browser.get(Path(args[-1]).as_uri())
        _nothing_ran(browser)
        assert _click_all(browser, marks) >= 2
    page = (tmp_path / "g.html").read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in page and "<img src=x" not in page


def test_csv_for_neo4j_neutralises_formulas(tmp_path):
    g = nx.MultiDiGraph()
    names = ["=HYPERLINK(\"http://x\")", "+1 555", "-2+3", "@SUM(A1)", "Plain name", "\t=tab"]
    for i, name in enumerate(names):
        g.add_node(f"id{i}", label=name, kind="person", mentions=i, aliases=[name, "=alias"], titles=["-title"])
    g.add_edge("id0", "id1", relation="role", label="=label", title="+title", weight=-1, former=False,
               sources=[{"sentence": "=cmd"}])
    nodes, rels = write_neo4j(g, tmp_path / "neo4j")
    with nodes.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["name:string"] for r in rows] == ["'=HYPERLINK(\"http://x\")", "'+1 555", "'-2+3", "'@SUM(A1)",
                                                 "Plain name", "'=tab"]
    assert all(cell.startswith("'") for r in rows for cell in r["aliases:string[]"].split(";")[1:])
    assert all(r["titles:string[]"] == "'-title" for r in rows)
    assert [r["id:ID"] for r in rows] == [f"id{i}" for i in range(6)]  # ids and numbers as they are
    assert [r["mentions:int"] for r in rows] == [str(i) for i in range(6)]
    with rels.open(encoding="utf-8") as fh:
        (edge,) = list(csv.DictReader(fh))
    assert edge["label:string"] == "'=label" and edge["title:string"] == "'+title" and edge["weight:int"] == "-1"
    assert json.loads(edge["sources:string"]) == [{"sentence": "=cmd"}]  # a JSON list: starts with "["


@pytest.mark.parametrize("text", ['"', '""', "*", "NEAR(", "NEAR(Brandt court)", "(", "court)", "((court",
                                  "^court", "court:", "-court", "court OR", "AND", "NOT court", "col:court",
                                  "Brandt*", "'", "\\", "{court}"])
def test_search_with_fts_syntax_gives_results_or_one_line(run, hostile_db, text):
    result = run("search", text, "--db", str(hostile_db), ok=False)
    assert "unexpected error" not in result.output and "Traceback" not in result.output
    if result.exit_code == 0:
        json.loads(run("search", text, "--db", str(hostile_db), "--json").stdout)
    else:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_search_with_fts_syntax_still_finds_words(run, hostile_db):
    for text in ("court)", "((court", '"register"', "register*", "^register"):
        assert run.json("search", text, "--db", str(hostile_db))["hits"], text


@pytest.mark.parametrize("args,names", [
    (["timeline", "--from", "notadate"], "--from"),
    (["timeline", "--to", "2021-13-45"], "--to"),
    (["search", "court", "--from", "2021-02-30"], "--from"),
    (["who", ""], "NAME"),
    (["who", "  "], "NAME"),
    (["who", "x" * 60_000], "NAME"),
    (["who", "Brandt", "--limit", "-1"], "--limit"),
    (["timeline", "--limit", "-1"], "--limit"),
    (["search", "court", "--limit", "-1"], "--limit"),
    (["search", ""], "TEXT"),
    (["timeline", "--country", ""], "--country"),
    (["path", "", "Vienna"], "A"),
    (["alias", "add", "Helga Brandt", ""], "ALIAS"),
    (["rename", "Helga Brandt", " "], "NEW_NAME"),
])
def test_bad_arguments_get_one_line_naming_the_argument(hostile_db, args, names):
    result = run_kb(*args, "--db", str(hostile_db))
    assert result.returncode == 2, result.stderr
    line = one_line_error(result)
    assert f"'{names}" in line, line


def test_a_very_long_name_is_no_match_in_the_library(hostile_db):
    from kb.errors import NotFound
    from kb.queries import who

    with Store(hostile_db, readonly=True) as store, pytest.raises(NotFound):
        who(store, "y" * 60_000)


ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m"


def test_escape_sequences_never_reach_the_terminal(tmp_path, nlp):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "escapes.json").write_text(json.dumps({
        "id": f"doc{ESCAPES}1", "title": f"Title {ESCAPES}",
        "text": f"VIENNA, May 4, 2021 — Helga Brandt{ESCAPES} met Kwame Asante in Vienna on Tuesday to sign a trade "
                "agreement between Austria and Ghana, officials of both countries said in separate statements.\n\n"
                f"Brandt said the court{ESCAPES} would rule on the customs dispute before the end of the year, and "
                "that the two ministries would meet again in Accra in the autumn to settle the remaining questions.",
    }), encoding="utf-8")
    (folder / f"broken{ESCAPES}.json").write_text("{not json", encoding="utf-8")
    db = tmp_path / "kb.db"
    ingested = run_kb("ingest", str(folder), "--db", str(db))
    assert ingested.returncode == 1  # the broken file failed, the other was stored
    assert "broken\\x1b]0;pwned\\x07" in ingested.stderr
    outputs = [ingested.stdout + ingested.stderr]
    for args in (["who", "Kwame Asante"], ["who", "Brandt"], ["timeline"], ["timeline", "--undated"],
                 ["search", "court"], ["search", "Vienna"], ["entities"], ["path", "Kwame Asante", "Vienna"],
                 ["who", f"zz{ESCAPES}"], ["who", "Kwame Asante", "--json"], ["search", "court", "--json"]):
        result = run_kb(*args, "--db", str(db))
        assert "Traceback" not in result.stderr, result.stderr
        outputs.append(result.stdout + result.stderr)
    shown = "".join(outputs)
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown
    assert "\\x1b[2J" in shown  # shown escaped, not dropped


def test_dollars_in_names_are_drawn_as_text(tmp_path):
    import matplotlib

    g = nx.MultiDiGraph()
    g.add_node("a", label="Fund of $5 and $x^2$", kind="organization", mentions=2)
    g.add_node("b", label="Bad $\\frac{ maths", kind="person", mentions=1)
    g.add_edge("a", "b", relation="role", label="$\\alpha$ of", weight=1, sources=[])
    picture = tmp_path / "g.png"
    graph_png(g, picture, title="$\\frac{$")  # unbalanced maths would raise if it were parsed
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert matplotlib.rcParams["text.parse_math"]  # the setting is left as it was


def test_alias_order_does_not_depend_on_ingest_order(tmp_path, nlp):
    folder = write_corpus(tmp_path / "in", 6)
    stores = []
    for order in (sorted(folder.glob("*.txt")), sorted(folder.glob("*.txt"), reverse=True)):
        db = tmp_path / f"kb{len(stores)}.db"
        with Store(db) as store:
            for path in order:
                ingest([path], store=store)
        stores.append(db)
    exports = [run_kb("entities", "--all", "--json", "--db", str(db)).stdout for db in stores]
    assert exports[0] == exports[1]
    graphs = [run_kb("export", "--format", "json", str(tmp_path / f"g{i}.json"), "--db", str(db))
              for i, db in enumerate(stores)]
    assert all(g.returncode == 0 for g in graphs)
    assert (tmp_path / "g0.json").read_bytes() == (tmp_path / "g1.json").read_bytes()



def test_forgetting_a_very_long_document_name_is_one_line(hostile_db, tmp_path):
    db = tmp_path / "kb.db"
    shutil.copy(hostile_db, db)
    line = one_line_error(run_kb("forget", "d" * 60_000, "--db", str(db)))
    assert "no such article" in line and "unexpected" not in line

"""kb path, kb graph, kb export, kb completion, and the pages opened in a headless browser."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _entity(run, seeds_db, kind: str) -> dict:
    """The most mentioned entity of a kind in the seeds store."""
    return run.json("entities", "--kind", kind, "--db", seeds_db)["entities"][0]


def test_path_json_contract(run, seeds_db):
    person = _entity(run, seeds_db, "person")
    data = run.json("path", person["name"], "Israel", "--db", seeds_db)
    assert data["paths"], "the most mentioned person of the seeds is linked to Israel"
    assert len(data["paths"]) <= 3
    for steps in data["paths"]:
        assert steps[0]["from_id"] == person["id"]
        assert steps[-1]["to"] == "Israel"
        for step in steps:
            assert set(step) >= {"from", "relation", "to", "sources"}
            for s in step["sources"]:
                assert set(s) >= {"document", "title", "published", "sentence", "start_char", "end_char"}


def test_path_text_and_no_match(run, seeds_db):
    out = run("path", "Israel", "Morocco", "--max", "1", "--db", seeds_db).stdout
    assert out.startswith("1. ") and "→" in out
    result = run("path", "Israel", "Qwxzyv", "--db", seeds_db, ok=False)
    assert result.exit_code == 1 and "no entity matches" in result.stderr


def test_graph_json_is_the_neighbourhood(run, seeds_db):
    data = run.json("graph", "Israel", "--depth", "1", "--max-nodes", "15", "--db", seeds_db)
    ids = {n["id"] for n in data["nodes"]}
    assert data["center"] in ids and 2 <= len(ids) <= 15
    assert all(e["source"] in ids and e["target"] in ids and e["sources"] for e in data["edges"])
    around = {e["target"] if e["source"] == data["center"] else e["source"]
              for e in data["edges"] if data["center"] in (e["source"], e["target"])}
    assert around == ids - {data["center"]}, "depth 1: every node is linked to the centre"


def test_graph_needs_somewhere_to_draw(run, seeds_db):
    result = run("graph", "Israel", "--db", seeds_db, ok=False)
    assert result.exit_code == 2 and "--html" in result.stderr


def test_graph_png_is_a_picture(run, seeds_db, tmp_path):
    png = tmp_path / "g.png"
    run("graph", "Israel", "--depth", "1", "--max-nodes", "12", "--png", str(png), "--db", seeds_db)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000


def test_graph_html_is_self_contained(run, seeds_db, tmp_path):
    page = tmp_path / "g.html"
    run("graph", "Israel", "--max-nodes", "25", "--html", str(page), "--db", seeds_db)
    text = page.read_text(encoding="utf-8")
    assert "<svg" in text and 'id="kb-data"' in text
    for remote in ("src=\"http", "href=\"http", "src='http", "@import", "url(http"):
        assert remote not in text
    data = json.loads(text.split('id="kb-data">', 1)[1].split("</script>", 1)[0].replace("<\\/", "</"))
    assert data["center"] in data["profiles"]
    assert data["profiles"][data["center"]]["name"] == "Israel"
    assert len(re.findall(r'<g class="node(?: center)?" data-id=', text)) == len(data["labels"])


def test_export_command(run, seeds_db, tmp_path):
    data = run.json("export", "--format", "neo4j", str(tmp_path / "neo"), "--db", seeds_db)
    assert data["nodes"] > 0 and data["edges"] > 0 and len(data["paths"]) == 2
    assert all(Path(p).exists() for p in data["paths"])
    bad = run("export", "--format", "dot", str(tmp_path / "x"), "--db", seeds_db, ok=False)
    assert bad.exit_code == 2


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_scripts(run, shell):
    out = run("completion", shell).stdout
    assert "_KB_COMPLETE" in out and f"{shell}_complete" in out


def test_completion_offers_commands_and_entity_names(seeds_db, monkeypatch):
    from click.shell_completion import ShellComplete

    from kb.cli import main

    monkeypatch.setenv("KB_DB", seeds_db)
    complete = ShellComplete(main, {}, "kb", "_KB_COMPLETE")
    commands = {c.value for c in complete.get_completions([], "")}
    assert {"path", "graph", "export", "completion", "who"} <= commands
    names = [c.value for c in complete.get_completions(["graph"], "Isr")]
    assert "Israel" in names and all(n.lower().startswith("isr") for n in names)


def test_exploring_commands_leave_query_commands_light(seeds_db):
    code = (
        "import sys\n"
        "from kb.cli import main\n"
        "for args in (['who', 'Israel'], ['entities'], ['stats'], ['search', 'minister']):\n"
        "    try:\n"
        "        main(args + ['--json', '--db', sys.argv[1]], standalone_mode=False)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "heavy = [m for m in ('networkx', 'matplotlib', 'kb.graph', 'kb.draw') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code, seeds_db], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


# --- in a real browser -----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Debian chromium driven by selenium with the system chromedriver."""
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


def test_graph_page_draws_nodes_and_a_click_shows_a_profile(run, seeds_db, tmp_path, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = tmp_path / "graph.html"
    run("graph", "Israel", "--max-nodes", "30", "--html", str(page), "--db", seeds_db)
    browser.get(page.as_uri())
    nodes = browser.find_elements(By.CSS_SELECTOR, "svg .node")
    assert len(nodes) >= 2
    assert all(n.find_element(By.TAG_NAME, "circle").size["width"] > 0 for n in nodes)
    assert browser.find_elements(By.CSS_SELECTOR, "svg .edge line")
    assert browser.execute_script("return DATA.profiles !== undefined")
    # nodes are drawn smallest first, so the last one is on top and free to click
    other = [n for n in nodes if "center" not in n.get_attribute("class")
             and n.get_attribute("data-kind") != "event"][-1]
    name = browser.execute_script("return DATA.labels[arguments[0]]", other.get_attribute("data-id"))
    browser.execute_script("arguments[0].scrollIntoView()", other)
    other.find_element(By.TAG_NAME, "circle").click()
    panel = browser.find_element(By.ID, "panel")
    WebDriverWait(browser, 5).until(lambda _: panel.get_attribute("data-shown") == other.get_attribute("data-id"))
    assert name in panel.find_element(By.TAG_NAME, "h2").text
    assert "mentions in" in panel.text


def test_timeline_page_draws_marks_and_a_click_shows_sources(run, seeds_db, tmp_path, browser):
    from selenium.webdriver.common.by import By

    page = tmp_path / "timeline.html"
    events = run.json("timeline", "--html", str(page), "--db", seeds_db)["events"]
    assert events
    browser.get(page.as_uri())
    marks = browser.find_elements(By.CSS_SELECTOR, "svg rect.mark")
    assert len(marks) == len(events)
    marks[0].click()
    panel = browser.find_element(By.ID, "panel")
    i = int(marks[0].get_attribute("data-i"))
    assert panel.get_attribute("data-shown") == str(i)
    first_source = events[i]["sources"][0]
    assert first_source["document"] in panel.text
    assert first_source["sentence"][:30] in panel.text

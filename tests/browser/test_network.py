"""The ``/-/network`` page in a real browser: it draws the seeds' graph, escapes text, and a click opens
the work's page. A screenshot is saved to ``tests/artefacts/network.png``."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kb.config import Config
from kb.pipeline import extract
from kb.store import write_database
from kb.tables import FULL_SCHEMA, build_tables

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "tests" / "artefacts"
HOSTILE_TITLE = '<script>window.__kbInjected = 1</script><img src=x onerror="window.__kbInjected = 2">'


@pytest.fixture(scope="module")
def network_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The seeds with their graph tables; the most cited work's title is made hostile. Returns db, work id."""
    config = Config(ROOT / "references", ROOT / "unused.db")
    tables = build_tables(extract(config), config)
    top = max(tables["work_metrics"], key=lambda r: (r["times_cited"], r["pagerank"], r["work_id"]))[
        "work_id"
    ]
    for work in tables["works"]:
        if work["id"] == top:
            work["title"] = HOSTILE_TITLE
    db = tmp_path_factory.mktemp("network") / "evidence.db"
    write_database(db, tables, FULL_SCHEMA)
    return db, top


@pytest.fixture(scope="module")
def base_url(network_db: tuple[Path, str], browser: Any, start_server: Callable[[Path], str]) -> str:
    return start_server(network_db[0])


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.goto(base_url + "/-/network")
    p.wait_for_selector("#network[data-ready]", state="attached", timeout=30_000)
    assert p.get_attribute("#network", "data-ready") == "1", p.text_content("#network-status")
    yield p
    assert errors == []
    context.close()


def _expected_nodes(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        works = conn.execute("select count(*) from works").fetchone()[0]
        documents = conn.execute("select count(distinct document_id) from cites where citing_work_id is null")
        return works + documents.fetchone()[0]
    finally:
        conn.close()


def _linked_interventions(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        if not conn.execute("select 1 from sqlite_master where name = 'work_interventions'").fetchone():
            return 0
        return conn.execute("select count(distinct intervention_id) from work_interventions").fetchone()[0]
    finally:
        conn.close()


def _node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Zoom on the node and return its centre in page coordinates."""
    position = page.evaluate(
        """(id) => { const cy = window.kbNetwork; const n = cy.getElementById(id);
                     cy.zoom({level: 2.5}); cy.center(n); return n.renderedPosition(); }""",
        node_id,
    )
    box = page.locator("#network").bounding_box()
    return box["x"] + position["x"], box["y"] + position["y"]


def test_page_draws_every_node_of_the_database(page: Any, network_db: tuple[Path, str]) -> None:
    expected = _expected_nodes(network_db[0])
    assert page.evaluate("window.kbNetwork.nodes().length") == expected
    edges = sqlite3.connect(network_db[0]).execute(
        "select count(*) from (select distinct coalesce(citing_work_id, document_id), cited_work_id from cites)"
    )
    assert page.evaluate("window.kbNetwork.edges().length") == edges.fetchone()[0]
    assert page.text_content("#network-status") == f"{expected} of {expected} nodes shown"
    # "all works", then one option per intervention linked to a work (none before evidence linking)
    assert page.locator("#network-intervention option").count() == 1 + _linked_interventions(network_db[0])
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / "network.png"), full_page=True)


def test_titles_are_shown_as_text(page: Any, network_db: tuple[Path, str]) -> None:
    x, y = _node_point(page, network_db[1])
    page.mouse.move(x, y)
    page.wait_for_function("document.getElementById('network-details').textContent.length > 0")
    assert HOSTILE_TITLE in page.text_content("#network-details")
    assert page.locator("#network-details script, #network-details img").count() == 0
    assert page.evaluate("window.__kbInjected === undefined")


def test_click_on_a_work_opens_its_page(page: Any, base_url: str, network_db: tuple[Path, str]) -> None:
    work_id = network_db[1]
    x, y = _node_point(page, work_id)
    page.mouse.click(x, y)
    page.wait_for_url(f"{base_url}/evidence/works/{work_id}", timeout=15_000)
    assert work_id in page.text_content("h1")


@pytest.fixture(scope="module")
def evidence_url(
    network_db: tuple[Path, str],
    tmp_path_factory: pytest.TempPathFactory,
    start_server: Callable[[Path], str],
) -> tuple[str, list[str]]:
    """The same database with evidence tables (replaced if the build made them) linking two works to
    rituximab, one of them an RCT."""
    db = tmp_path_factory.mktemp("evidence") / "evidence.db"
    db.write_bytes(network_db[0].read_bytes())
    conn = sqlite3.connect(db)
    works = [r[0] for r in conn.execute("select id from works order by id limit 2")]
    conn.executescript(
        """
        drop table if exists interventions;
        drop table if exists work_interventions;
        drop table if exists work_design;
        create table interventions (id text primary key, name text, class text);
        create table work_interventions (work_id text, intervention_id text, role text);
        create table work_design (work_id text, design_id text);
        insert into interventions values ('rituximab', 'Rituximab <i>anti-CD20</i>', 'anti-CD20');
        """
    )
    conn.executemany(
        "insert into work_interventions values (?, 'rituximab', 'intervention')", [(w,) for w in works]
    )
    conn.execute("insert into work_design values (?, 'rct')", (works[0],))
    conn.commit()
    conn.close()
    return start_server(db), works


def test_intervention_filter_and_colours(browser: Any, evidence_url: tuple[str, list[str]]) -> None:
    base, works = evidence_url
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/-/network")
    page.wait_for_selector("#network[data-ready]", state="attached", timeout=30_000)
    options = page.locator("#network-intervention option")
    assert options.count() == 2
    assert options.nth(1).text_content() == "Rituximab <i>anti-CD20</i>"  # shown as text
    assert "no design yet" in page.text_content("#network-legend")
    assert "rct" in page.text_content("#network-legend")
    colours = page.evaluate(
        "(ids) => ids.map((id) => window.kbNetwork.getElementById(id).data('colour'))", works
    )
    assert colours[0] != colours[1]  # the RCT has a design colour, the other work the "none" grey
    page.select_option("#network-intervention", "rituximab")
    assert page.evaluate("window.kbNetwork.nodes().not('.hidden').map((n) => n.id())") == works
    assert page.text_content("#network-status").startswith("2 of ")
    page.select_option("#network-colour", "intervention_classes")
    assert "anti-CD20" in page.text_content("#network-legend")
    page.screenshot(path=str(ARTEFACTS / "network-filtered.png"))
    page.close()

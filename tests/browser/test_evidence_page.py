"""The evidence pages in a real browser (headless Chromium, a real ``kb serve``): rituximab, mycophenolate
and a class; the forest plot; a work's page; the network's labels. Screenshots go to
``tests/artefacts/evidence-*.png`` and ``tests/artefacts/network-labels.png``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "tests" / "artefacts"


@pytest.fixture(scope="module")
def base_url(seed_db: Path, browser: Any, start_server: Callable[[Path], str]) -> str:
    return start_server(seed_db)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.kb_errors = errors
    yield p
    context.close()
    assert errors == [], errors


def _shot(page: Any, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_rituximab_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "/-/treatment?drug=rituximab")
    assert "resolved to" in page.inner_text("#kb-resolved")
    total = int(page.inner_text("#kb-total"))
    assert page.locator("#kb-studies tbody tr").count() == total == 23
    assert page.title() == "rituximab: evidence"
    _shot(page, "evidence-rituximab")


def test_mycophenolate_page_has_its_forest_plot(page: Any, base_url: str) -> None:
    page.goto(base_url + "/-/treatment?drug=mycophenolate")
    forest = page.locator(".kb-forest").first
    forest.wait_for()
    assert forest.is_visible()
    rows = int(forest.get_attribute("data-rows"))
    assert rows == forest.locator("a.forest-row").count() == forest.locator("rect.forest-point").count() == 1
    box = forest.locator("svg").bounding_box()
    assert box and box["width"] > 600 and box["height"] > 60
    _shot(page, "evidence-mycophenolate")


def test_a_class_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "/-/treatment?drug=TPO-RA")
    resolved = page.inner_text("#kb-resolved")
    for name in ("Eltrombopag", "Romiplostim", "Avatrombopag"):
        assert name in resolved
    assert int(page.inner_text("#kb-total")) >= 1
    _shot(page, "evidence-tpo-ra")


def test_unknown_name_page(page: Any, base_url: str) -> None:
    page.goto(base_url + "/-/treatment?drug=rituximb")
    page.click("#kb-unknown a")
    assert "drug=rituximab" in page.url and page.locator("#kb-studies").is_visible()


def test_a_work_page_shows_its_summary_above_the_row(page: Any, base_url: str) -> None:
    page.goto(base_url + "/-/treatment?drug=mycophenolate")
    page.click("#kb-studies a.kb-study-title")
    summary = page.locator("#kb-work-summary")
    summary.wait_for()
    text = summary.inner_text()
    assert "Design" in text and "120" in text and "0.41" in text
    assert summary.bounding_box()["y"] < page.locator("table.rows-and-columns").bounding_box()["y"]
    _shot(page, "evidence-work")


def test_network_labels_do_not_overlap_at_the_default_zoom(page: Any, base_url: str) -> None:
    page.goto(base_url + "/-/network")
    page.wait_for_selector("#network[data-ready]", state="attached", timeout=30_000)
    boxes = page.evaluate(
        """() => window.kbNetwork.nodes().filter(n => n.data('shown_label'))
              .map(n => n.boundingBox({includeNodes: false, includeEdges: false, includeLabels: true}))"""
    )
    assert len(boxes) >= 5
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not (a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"])
    _shot(page, "network-labels")

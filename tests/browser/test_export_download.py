"""In a real browser: the evidence_by_treatment query for rituximab, its .bib link clicked, the download parsed."""

from __future__ import annotations

from pathlib import Path

import bibtexparser
from test_queries import RITUXIMAB_STUDIES

from browser.conftest import ARTEFACTS


def test_bib_download_from_a_canned_query(browser, start_server, seed_db: Path, tmp_path: Path):
    base = start_server(seed_db)
    page = browser.new_page()
    try:
        page.goto(f"{base}/evidence/evidence_by_treatment?drug=rituximab")
        assert page.locator("table.rows-and-columns tbody tr").count() == len(RITUXIMAB_STUDIES)
        link = page.locator('a[href*=".bib?"]').first
        assert link.is_visible()
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / "evidence_by_treatment.png"), full_page=True)
        with page.expect_download() as info:
            link.click()
        target = tmp_path / "rituximab.bib"
        info.value.save_as(str(target))
    finally:
        page.close()
    library = bibtexparser.parse_string(target.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    assert sorted(e.key for e in library.entries) == sorted(RITUXIMAB_STUDIES)
    ghanima = next(e for e in library.entries if e.key == "Ghanima2015Rituximab")
    assert ghanima.entry_type == "article" and ghanima["pages"] == "1653--1661"

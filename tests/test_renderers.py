"""The Datasette plugin's ``.bib``, ``.ris`` and ``.csljson`` renderers, through Datasette's own client.

Pages are small (``_size=10``) so that every export spans several pages: it must hold the whole result.
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import bibtexparser
import httpx
import pytest
import rispy
from conftest import db_rows
from datasette.app import Datasette
from export_works import HOSTILE, add_works

from kb.datasette_plugin import renderers

DB_NAME = "evidence"


@pytest.fixture(scope="module")
def db_path(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed database plus the hostile fixture works."""
    db = tmp_path_factory.mktemp("renderers") / f"{DB_NAME}.db"
    shutil.copy(seed_db, db)
    add_works(db, HOSTILE)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("create view recent_works as select id, title, year from works where year >= 2015")
    conn.close()
    return db


def fetch(db: Path, *paths: str, metadata: dict[str, Any] | None = None) -> list[httpx.Response]:
    """GET ``paths`` from a fresh Datasette (page size 10) serving ``db`` immutable."""

    async def run() -> list[httpx.Response]:
        ds = Datasette(immutables=[str(db)], metadata=metadata or {}, settings={"default_page_size": 10})
        await ds.invoke_startup()
        return [await ds.client.get(p) for p in paths]

    return asyncio.run(run())


def get(db: Path, path: str, **kwargs: Any) -> httpx.Response:
    return fetch(db, path, **kwargs)[0]


def bib_keys(text: str) -> list[str]:
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks
    return [e.key for e in library.entries]


def test_renderers_are_registered(db_path: Path) -> None:
    plugins = get(db_path, "/-/plugins.json").json()
    hooks = {h for p in plugins for h in p["hooks"]}
    assert "register_output_renderer" in hooks


def test_works_table_exports_every_work_not_one_page(db_path: Path) -> None:
    n_works = db_rows(db_path, "select count(*) from works where title != ''")[0][
        0
    ]  # short citations left out
    assert n_works > 30  # several pages of 10
    bib, ris, csl = fetch(
        db_path,
        f"/{DB_NAME}/works.bib?_size=10",
        f"/{DB_NAME}/works.ris?_size=10",
        f"/{DB_NAME}/works.csljson?_size=10",
    )
    assert bib.status_code == 200
    assert bib.headers["content-type"] == "application/x-bibtex; charset=utf-8"
    assert bib.headers["content-disposition"] == 'attachment; filename="works.bib"'
    keys = bib_keys(bib.text)
    assert len(keys) == len(set(keys)) == n_works
    assert ris.headers["content-type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris.headers["content-disposition"] == 'attachment; filename="works.ris"'
    assert len(rispy.loads(ris.text)) == n_works
    assert csl.headers["content-type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    assert len(json.loads(csl.text)) == n_works


def test_table_filters_and_search_are_kept(db_path: Path) -> None:
    year = db_rows(db_path, "select count(*) from works where year = 2012 and title != ''")[0][0]
    search = db_rows(
        db_path,
        "select count(*) from works where rowid in (select rowid from works_fts where works_fts match 'rituximab')",
    )[0][0]
    by_year, by_search = fetch(
        db_path,
        f"/{DB_NAME}/works.bib?year=2012&_size=1",
        f"/{DB_NAME}/works.ris?_search=rituximab&_sort_desc=year",
    )
    assert len(bib_keys(by_year.text)) == year >= 2
    assert len(rispy.loads(by_search.text)) == search > 10


def test_links_are_shown_where_rows_are_works(db_path: Path) -> None:
    works, citations, problems, query_page = fetch(
        db_path,
        f"/{DB_NAME}/works?_size=10",
        f"/{DB_NAME}/citations?_size=10",
        f"/{DB_NAME}/problems",
        f"/{DB_NAME}?sql=select+id,+title+from+works+where+year+>+2015",
    )
    for page, stem in ((works, "works"), (citations, "citations")):
        for ext in renderers.FORMATS:
            assert f'href="/{DB_NAME}/{stem}.{ext}?_size=10' in page.text
    assert ".bib" not in problems.text  # problems carry no work_id
    assert f'href="/{DB_NAME}.bib?sql=' in query_page.text


def test_a_view_of_works_exports_every_row(db_path: Path) -> None:
    expected = db_rows(db_path, "select count(*) from works where year >= 2015 and title != ''")[0][0]
    page, export = fetch(
        db_path, f"/{DB_NAME}/recent_works?_size=10", f"/{DB_NAME}/recent_works.ris?_size=10"
    )
    assert f'href="/{DB_NAME}/recent_works.ris?_size=10"' in page.text
    assert len(rispy.loads(export.text)) == expected > 10
    assert export.headers["content-disposition"] == 'attachment; filename="recent_works.ris"'


def test_citations_export_their_distinct_works(db_path: Path) -> None:
    expected = db_rows(
        db_path,
        "select count(distinct c.work_id) from citations c join works w on w.id = c.work_id "
        "where c.kind = 'inline' and w.title != ''",
    )[0][0]
    response = get(db_path, f"/{DB_NAME}/citations.bib?kind=inline&_size=5")
    assert response.status_code == 200
    assert len(bib_keys(response.text)) == expected >= 3  # most inline citations are short: not exported
    assert response.headers["content-disposition"] == 'attachment; filename="citations.bib"'


def test_a_next_page_link_exports_from_the_start(db_path: Path) -> None:
    first = get(db_path, f"/{DB_NAME}/works.json?_size=10").json()
    response = get(db_path, f"/{DB_NAME}/works.bib?_size=10&_next={first['next']}")
    assert response.status_code == 302
    assert response.headers["location"] == f"/{DB_NAME}/works.bib?_size=10"


def test_sql_query_exports_every_row_beyond_max_returned_rows(db_path: Path) -> None:
    async def run() -> httpx.Response:
        ds = Datasette(immutables=[str(db_path)], settings={"max_returned_rows": 10, "default_page_size": 10})
        return await ds.client.get(f"/{DB_NAME}.ris?sql=select+work_id+from+citations+order+by+id")

    response = asyncio.run(run())
    expected = db_rows(
        db_path,
        "select count(distinct c.work_id) from citations c join works w on w.id = c.work_id where w.title != ''",
    )[0][0]
    assert response.status_code == 200
    assert len(rispy.loads(response.text)) == expected > 10
    assert response.headers["content-disposition"] == f'attachment; filename="{DB_NAME}.ris"'


def test_canned_query_with_a_parameter(db_path: Path) -> None:
    metadata = {
        "databases": {
            DB_NAME: {
                "queries": {
                    "works_of_year": {"sql": "select id, title from works where year = :year order by id"}
                }
            }
        }
    }
    page, export = fetch(
        db_path,
        f"/{DB_NAME}/works_of_year?year=2012",
        f"/{DB_NAME}/works_of_year.csljson?year=2012",
        metadata=metadata,
    )
    assert f'href="/{DB_NAME}/works_of_year.csljson?year=2012"' in page.text
    expected = db_rows(db_path, "select count(*) from works where year = 2012 and title != ''")[0][0]
    items = json.loads(export.text)
    assert len(items) == expected and all(i["issued"]["date-parts"][0][0] == 2012 for i in items)
    assert export.headers["content-disposition"] == 'attachment; filename="works_of_year.csljson"'


def test_row_page_exports_its_work(db_path: Path) -> None:
    hostile_id = HOSTILE[0]["work"]["id"]
    response = get(db_path, f"/{DB_NAME}/works/{hostile_id}.bib")
    assert response.status_code == 200
    assert bib_keys(response.text) == ["Obrien2019Input"]
    assert "\\textbackslash{}input\\textbraceleft{}/etc/passwd" in response.text


def test_rows_that_are_not_works_are_refused(db_path: Path) -> None:
    not_works, no_id = fetch(
        db_path,
        f"/{DB_NAME}.bib?sql=select+id+from+citations",
        f"/{DB_NAME}/problems.ris",
    )
    assert not_works.status_code == 400
    assert not_works.text.startswith("Error: these rows are not works")
    assert no_id.status_code == 400


def test_a_result_over_the_cap_is_refused_not_cut(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(renderers, "MAX_ROWS", 20)
    response = get(db_path, f"/{DB_NAME}/works.bib?_size=10")
    assert response.status_code == 400
    assert "more than 20 rows; narrow it with filters" in response.text


def test_html_page_escapes_the_hostile_title(db_path: Path) -> None:
    page = get(db_path, f"/{DB_NAME}/works?id={HOSTILE[0]['work']['id']}")
    assert "<script>alert(1)</script>" not in page.text
    assert re.search(r'href="[^"]*works\.bib\?id=w_hostile00001"', page.text)


def test_a_rerun_over_the_time_limit_is_refused(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(renderers, "TIME_LIMIT_MS", 0)  # every rerun is interrupted at once
    response = get(db_path, f"/{DB_NAME}/works.ris?_size=10")
    assert response.status_code == 400
    assert "to run again in full; narrow it" in response.text

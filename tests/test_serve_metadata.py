"""kb.serve: the Datasette command and the metadata served (default facets only on tables of sane size)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import yaml
from conftest import ROOT

from kb.serve import FACETS_MAX_ROWS, served_metadata, table_sizes


def test_seed_database_keeps_every_configured_facet(seed_db: Path, tmp_path: Path):
    served = yaml.safe_load(served_metadata(ROOT / "metadata.yml", seed_db, tmp_path / "m.yml").read_text())
    configured = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    assert served == configured


def test_large_tables_keep_facets_on_request_only(tmp_path: Path):
    db = tmp_path / "evidence.db"
    with sqlite3.connect(db) as conn:
        conn.execute("create table works (id text, year int)")
        conn.execute("create table documents (id text, kind text)")
        conn.execute("insert into works (rowid, id) values (?, 'w')", (FACETS_MAX_ROWS + 1,))
        conn.execute("insert into documents values ('d', 'slides')")
    assert table_sizes(db) == {"works": FACETS_MAX_ROWS + 1, "documents": 1}
    metadata = tmp_path / "metadata.yml"
    metadata.write_text(
        yaml.safe_dump(
            {
                "databases": {
                    "evidence": {
                        "tables": {
                            "works": {"facets": ["year"], "description": "w"},
                            "documents": {"facets": ["kind"]},
                        }
                    }
                }
            }
        )
    )
    served = yaml.safe_load(served_metadata(metadata, db, tmp_path / "served.yml").read_text())
    tables = served["databases"]["evidence"]["tables"]
    assert tables["works"] == {"description": "w"}
    assert tables["documents"] == {"facets": ["kind"]}

"""Opening a built database for reading (``kb.readonly``): every reader goes through it, so a database
whose path holds ``?`` or ``#`` (which end the path of a ``file:`` URI) is read, never another file."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from kb.enrich.cache import Cache, Lookup, cache_path, read_lookups
from kb.evidence.results.report import write_results_csv
from kb.model import KbError
from kb.readonly import connect_readonly, open_readonly
from kb.serve import table_sizes


@pytest.fixture
def odd_db(seed_db: Path, tmp_path: Path) -> Path:
    """The seed database at a path with ``?`` and ``#`` in a directory name and in the file name, beside
    a decoy ``a`` directory where a truncated URI would point."""
    (tmp_path / "a").mkdir()
    db = tmp_path / "a?mode=rw#b" / "evidence#1?.db"
    db.parent.mkdir()
    shutil.copy(seed_db, db)
    return db


def test_connect_readonly_reads_a_path_with_question_marks_and_hashes(odd_db: Path):
    conn = connect_readonly(odd_db)
    try:
        assert conn.execute("select count(*) from works").fetchone()[0] > 0
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            conn.execute("delete from works")
    finally:
        conn.close()


def test_results_csv_and_table_sizes_read_a_path_with_question_marks_and_hashes(odd_db: Path):
    out = io.StringIO()
    assert write_results_csv(odd_db, out) > 0
    assert out.getvalue().startswith("study,")
    sizes = table_sizes(odd_db)
    assert sizes["works"] > 0 and sizes["citations"] > 0


def test_the_enrichment_cache_beside_such_a_database_is_written_and_read_back(odd_db: Path):
    cache = Cache(cache_path(odd_db))
    lookup = Lookup("doi:10.1/x", "crossref", "2026-12-03T10:00:00Z", [{"title": "T"}], ["https://x"])
    try:
        cache.put_lookup(lookup)
    finally:
        cache.close()
    assert read_lookups(odd_db) == {"doi:10.1/x": [lookup]}
    assert not (odd_db.parent.parent / "a" / "evidence.enrich-cache.db").exists()


def test_open_readonly_never_creates_a_file(tmp_path: Path):
    with pytest.raises(sqlite3.OperationalError):
        open_readonly(tmp_path / "x?y#z.db")
    assert list(tmp_path.iterdir()) == []


def test_missing_database_and_missing_view_are_user_errors(tmp_path: Path, seed_db: Path):
    with pytest.raises(KbError, match="run `kb build` first"):
        write_results_csv(tmp_path / "none.db", io.StringIO())
    bare = tmp_path / "bare.db"
    sqlite3.connect(bare).execute("create table works (id text)").connection.commit()
    with pytest.raises(KbError, match="no results_for_meta_analysis table"):
        write_results_csv(bare, io.StringIO())

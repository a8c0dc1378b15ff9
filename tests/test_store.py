"""The SQLite writer (``kb.store``): unknown tables and columns are errors, never dropped; one build of a
database at a time, and what killed builds left is cleaned up."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from conftest import REFERENCES

from kb.config import Config
from kb.model import KbError
from kb.pipeline import build
from kb.store import SortedRows, TableSpec, build_lock, columns, stale_temporary_files, write_database

SCHEMA = {"things": TableSpec(columns=columns("id:s name:s size:i"), pk="id")}


def test_rows_are_written_sorted_and_missing_columns_are_null(tmp_path):
    db = tmp_path / "t.db"
    write_database(db, {"things": [{"id": "b", "name": "B"}, {"id": "a", "name": "A", "size": 2}]}, SCHEMA)
    rows = sqlite3.connect(db).execute("select id, name, size from things").fetchall()
    assert rows == [("a", "A", 2), ("b", "B", None)]


def test_rows_are_sorted_by_a_composite_key_and_indexes_are_built(tmp_path):
    schema = {
        "pairs": TableSpec(columns=columns("a:s b:s n:i"), pk=("a", "b"), indexes=(("b",), ("n",))),
        "things": TableSpec(columns=columns("id:s name:s size:i"), pk=("id",)),
    }
    pairs = [{"a": "w2", "b": "w1", "n": 1}, {"a": "w1", "b": "w3", "n": 2}, {"a": "w1", "b": "w2", "n": 3}]
    things = [{"id": "ten", "name": "X"}, {"id": "one", "name": "Y"}]
    db = tmp_path / "t.db"
    write_database(db, {"pairs": pairs, "things": things}, schema)
    conn = sqlite3.connect(db)
    assert conn.execute("select a, b from pairs order by rowid").fetchall() == [
        ("w1", "w2"), ("w1", "w3"), ("w2", "w1")
    ]  # fmt: skip
    assert [r[0] for r in conn.execute("select id from things order by rowid")] == ["one", "ten"]
    indexes = {
        r[0] for r in conn.execute("select name from sqlite_master where type = 'index' and sql is not null")
    }
    assert indexes == {"idx_pairs_b", "idx_pairs_n"}


PAIRS = {"pairs": TableSpec(columns=columns("a:s b:s n:i"), pk=("a", "b"))}


def test_sorted_rows_are_written_as_made_and_read_back_as_dicts(tmp_path):
    made = []

    def make():
        made.append(1)  # made again for each pass, never kept
        yield from [("p1", "x", 2), ("p1", "y", 1), ("p2", "a", 5)]

    rows = SortedRows(("a", "b", "n"), make)
    db = tmp_path / "t.db"
    write_database(db, {"pairs": rows}, PAIRS)
    got = sqlite3.connect(db).execute("select a, b, n from pairs order by rowid").fetchall()
    assert got == [("p1", "x", 2), ("p1", "y", 1), ("p2", "a", 5)]
    assert list(rows)[1] == {"a": "p1", "b": "y", "n": 1}
    assert rows == SortedRows(("a", "b", "n"), make) and len(made) == 4
    assert rows != SortedRows(("a", "b", "n"), lambda: iter([("p1", "x", 2)]))
    # the same rows given as dicts make the same table
    other = tmp_path / "u.db"
    write_database(other, {"pairs": list(rows)[::-1]}, PAIRS)
    assert sqlite3.connect(other).execute("select a, b, n from pairs order by rowid").fetchall() == got


@pytest.mark.parametrize(
    "values",
    [[("p2", "a", 1), ("p1", "b", 1)], [("p1", "b", 1), ("p1", "b", 2)], [("q", "b", 1), ("q", "a", 1)]],
)
def test_sorted_rows_out_of_key_order_or_repeated_are_an_error(tmp_path, values):
    with pytest.raises(ValueError, match="rows of pairs out of primary-key order"):
        write_database(tmp_path / "t.db", {"pairs": SortedRows(("a", "b", "n"), lambda: iter(values))}, PAIRS)


def test_sorted_rows_with_a_column_the_table_does_not_have_are_an_error(tmp_path):
    rows = SortedRows(("a", "b", "count"), lambda: iter([("p1", "x", 2)]))
    with pytest.raises(ValueError, match=r"pairs have columns not in its schema: \['count'\]"):
        write_database(tmp_path / "t.db", {"pairs": rows}, PAIRS)


def test_a_value_that_is_no_column_value_is_an_error_not_text(tmp_path):
    with pytest.raises(sqlite3.ProgrammingError):
        write_database(tmp_path / "t.db", {"things": [{"id": "a", "name": ["A", "B"]}]}, SCHEMA)


def test_a_column_the_table_does_not_have_is_an_error(tmp_path):
    with pytest.raises(ValueError, match=r"things have columns not in its schema: \['nmae'\]"):
        write_database(tmp_path / "t.db", {"things": [{"id": "a", "nmae": "typo"}]}, SCHEMA)


def test_a_table_not_in_the_schema_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not in the schema"):
        write_database(tmp_path / "t.db", {"other": [{"id": "a"}]}, SCHEMA)


def test_a_second_build_of_the_same_database_is_refused_while_one_runs(tmp_path):
    db = tmp_path / "db" / "evidence.db"
    with build_lock(db):
        with pytest.raises(KbError, match=rf"another build of {db} is running \(process {os.getpid()}\)"):
            build(Config(REFERENCES, db))
        assert not db.exists()
    build(Config(REFERENCES, db))  # released
    assert db.exists()


def test_a_killed_build_releases_the_lock_and_its_temporary_files_are_removed(tmp_path):
    db = tmp_path / "db" / "evidence.db"
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "locked\n"
    stale = [db.parent / f".evidence.db.{n}.tmp" for n in ("abc123", "x")]
    for path in stale:
        path.write_bytes(b"half a database")
    other = db.parent / ".other.db.1.tmp"
    other.write_bytes(b"not ours")
    with pytest.raises(KbError, match="another build"):
        build(Config(REFERENCES, db))
    assert all(path.exists() for path in stale)  # not touched while the other build runs
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    build(Config(REFERENCES, db))
    assert stale_temporary_files(db) == [] and other.exists() and db.exists()


HOLD_LOCK = """
import sys, time
from pathlib import Path
from kb.store import build_lock
with build_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(600)
"""

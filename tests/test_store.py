"""The SQLite writer (``kb.store``): unknown tables and columns are errors, never dropped."""

from __future__ import annotations

import sqlite3

import pytest

from kb.store import TableSpec, columns, write_database

SCHEMA = {"things": TableSpec(columns=columns("id:s name:s size:i"), pk="id")}


def test_rows_are_written_sorted_and_missing_columns_are_null(tmp_path):
    db = tmp_path / "t.db"
    write_database(db, {"things": [{"id": "b", "name": "B"}, {"id": "a", "name": "A", "size": 2}]}, SCHEMA)
    rows = sqlite3.connect(db).execute("select id, name, size from things").fetchall()
    assert rows == [("a", "A", 2), ("b", "B", None)]


def test_a_column_the_table_does_not_have_is_an_error(tmp_path):
    with pytest.raises(ValueError, match=r"things have columns not in its schema: \['nmae'\]"):
        write_database(tmp_path / "t.db", {"things": [{"id": "a", "nmae": "typo"}]}, SCHEMA)


def test_a_table_not_in_the_schema_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not in the schema"):
        write_database(tmp_path / "t.db", {"other": [{"id": "a"}]}, SCHEMA)

"""The SQLite schema and its writes, through sqlite-utils.

The schema is declared once here (``SCHEMA``); ``write_database`` creates it in a fresh file and fills
it in one transaction per table, rows sorted so that two builds give identical rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

Row = dict[str, Any]
FTS_TOKENIZE = "unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class TableSpec:
    """One table: its columns in order with SQLite types, primary key, foreign keys, indexes, FTS."""

    columns: Mapping[str, type]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    fts: tuple[str, ...] = ()
    not_null: tuple[str, ...] = field(default=())


SCHEMA: dict[str, TableSpec] = {
    "works": TableSpec(
        columns={
            "id": str,
            "citation_key": str,
            "type": str,
            "title": str,
            "authors": str,
            "first_author": str,
            "year": int,
            "month": int,
            "journal": str,
            "volume": str,
            "issue": str,
            "pages": str,
            "doi": str,
            "pmid": str,
            "url": str,
            "hal_id": str,
            "n_citations": int,
            "n_documents": int,
        },
        pk="id",
        indexes=(("doi",), ("year",), ("first_author", "year"), ("citation_key",)),
        fts=("title", "authors", "journal"),
        not_null=("citation_key",),
    ),
    "documents": TableSpec(
        columns={
            "id": str,
            "path": str,
            "title": str,
            "kind": str,
            "language": str,
            "date": str,
            "authors": str,
            "event": str,
            "sha256": str,
            "n_lines": int,
            "encoding": str,
            "work_id": str,
        },
        pk="id",
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("kind",),),
        fts=("title",),
    ),
    "citations": TableSpec(
        columns={
            "id": str,
            "document_id": str,
            "line_start": int,
            "line_end": int,
            "raw": str,
            "kind": str,
            "status": str,
            "work_id": str,
            "authors": str,
            "first_author": str,
            "et_al": int,
            "title": str,
            "journal": str,
            "year": int,
            "month": int,
            "day": int,
            "volume": str,
            "issue": str,
            "pages": str,
            "doi": str,
            "pmid": str,
            "url": str,
            "hal_id": str,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("work_id", "works", "id")),
        indexes=(("document_id", "line_start"), ("work_id",), ("kind",), ("status",), ("year",)),
        fts=("raw",),
        not_null=("document_id", "raw", "kind", "status"),
    ),
    "work_authors": TableSpec(
        columns={"work_id": str, "position": int, "family": str, "given": str, "literal": str},
        pk=("work_id", "position"),
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("family",),),
    ),
    "problems": TableSpec(
        columns={
            "id": str,
            "document_id": str,
            "path": str,
            "line": int,
            "line_end": int,
            "code": str,
            "severity": str,
            "field": str,
            "message": str,
            "raw": str,
            "citation_id": str,
        },
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("citation_id", "citations", "id")),
        indexes=(("code",), ("severity",), ("document_id", "line"), ("citation_id",)),
        not_null=("code", "severity", "message"),
    ),
    "passages": TableSpec(
        columns={"id": str, "document_id": str, "line_start": int, "line_end": int, "text": str},
        pk="id",
        foreign_keys=(("document_id", "documents", "id"),),
        indexes=(("document_id", "line_start"),),
        fts=("text",),
        not_null=("document_id", "text"),
    ),
}
"""The foundation's tables, in creation order (foreign keys point at tables created before them).
Later stages (graph, evidence) declare their own ``dict[str, TableSpec]`` and pass
``{**SCHEMA, **theirs}``."""


def create_schema(db: sqlite_utils.Database, schema: Mapping[str, TableSpec] = SCHEMA) -> None:
    """Create every table of ``schema``, in its order, with keys and indexes (no rows, no FTS yet)."""
    for name, spec in schema.items():
        db[name].create(
            dict(spec.columns),
            pk=spec.pk,
            foreign_keys=list(spec.foreign_keys),
            not_null=set(spec.not_null),
        )
        table = db.table(name)
        for columns in spec.indexes:
            table.create_index(list(columns))


def _sorted(rows: Iterable[Row], spec: TableSpec) -> list[Row]:
    pk = (spec.pk,) if isinstance(spec.pk, str) else spec.pk
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in pk))


def write_database(
    path: Path, tables: Mapping[str, Iterable[Row]], schema: Mapping[str, TableSpec] = SCHEMA
) -> None:
    """Create the database at ``path`` (which must not exist) and fill it with ``tables``.

    ``tables`` maps table names of ``schema`` to rows (dicts with the table's columns; a missing column
    is NULL). Full-text indexes are built after the rows are in.
    """
    unknown = set(tables) - set(schema)
    if unknown:
        raise ValueError(f"rows for tables not in the schema: {sorted(unknown)}")
    db = sqlite_utils.Database(path)
    try:
        db.execute("PRAGMA journal_mode = DELETE")
        create_schema(db, schema)
        for name, spec in schema.items():
            rows = [{c: row.get(c) for c in spec.columns} for row in tables.get(name, [])]
            with db.conn:
                db.table(name).insert_all(_sorted(rows, spec), batch_size=1000)
        for name, spec in schema.items():
            if spec.fts:
                db.table(name).enable_fts(list(spec.fts), tokenize=FTS_TOKENIZE)
        db.execute("ANALYZE")
        db.conn.commit()
        db.vacuum()
    finally:
        db.close()

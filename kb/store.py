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


def columns(spec: str) -> dict[str, type]:
    """Columns from ``"name:type name:type ..."`` (types ``s`` text, ``i`` integer, ``f`` real)."""
    types = {"s": str, "i": int, "f": float}
    return {name: types[t] for name, t in (item.split(":") for item in spec.split())}


SCHEMA: dict[str, TableSpec] = {
    "works": TableSpec(
        columns=columns(
            "id:s citation_key:s type:s title:s authors:s first_author:s year:i month:i journal:s "
            "journal_written:s volume:s issue:s pages:s first_page:s last_page:s doi:s pmid:s url:s hal_id:s "
            "abstract:s keywords:s mesh_terms:s publication_types:s n_citations:i n_documents:i"
        ),
        pk="id",
        indexes=(
            ("doi",),
            ("year", "n_citations", "journal"),
            ("first_author", "year"),
            ("citation_key",),
            ("journal", "n_citations", "year"),
            ("n_citations",),
        ),
        fts=("title", "authors", "journal", "abstract", "keywords", "mesh_terms"),
        not_null=("citation_key",),
    ),
    "documents": TableSpec(
        columns=columns(
            "id:s path:s title:s kind:s language:s date:s authors:s event:s sha256:s n_lines:i encoding:s "
            "format:s work_id:s"
        ),
        pk="id",
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("kind",), ("format",)),
        fts=("title",),
    ),
    "citations": TableSpec(
        columns=columns(
            "id:s document_id:s line_start:i line_end:i page:i raw:s kind:s status:s work_id:s record_id:s "
            "authors:s authors_written:s first_author:s et_al:i title:s title_written:s journal:s "
            "journal_abbrev:s year:i month:i day:i volume:s issue:s pages:s pages_written:s first_page:s "
            "last_page:s doi:s pmid:s url:s hal_id:s abstract:s keywords:s mesh_terms:s publication_types:s"
        ),
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("work_id", "works", "id")),
        indexes=(
            ("document_id", "line_start"),
            ("work_id",),
            ("kind",),
            ("status",),
            ("year",),
            ("journal_abbrev",),
        ),
        fts=("raw",),
        not_null=("document_id", "raw", "kind", "status"),
    ),
    "work_authors": TableSpec(
        columns=columns("work_id:s position:i family:s given:s literal:s"),
        pk=("work_id", "position"),
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("family",),),
    ),
    "problems": TableSpec(
        columns=columns(
            "id:s document_id:s path:s line:i line_end:i page:i code:s severity:s field:s message:s raw:s "
            "citation_id:s"
        ),
        pk="id",
        foreign_keys=(("document_id", "documents", "id"), ("citation_id", "citations", "id")),
        indexes=(("code",), ("severity",), ("document_id", "line"), ("citation_id",)),
        not_null=("code", "severity", "message"),
    ),
    "notices": TableSpec(
        columns=columns(
            "id:s notice_work_id:s article_work_id:s kind:s evidence:s notice_citation_id:s "
            "article_citation_id:s"
        ),
        pk="id",
        foreign_keys=(("notice_work_id", "works", "id"), ("article_work_id", "works", "id")),
        indexes=(("notice_work_id",), ("article_work_id",), ("kind",)),
    ),
    "duplicate_pairs": TableSpec(
        columns=columns("id:s record_a:s record_b:s decision:s score:f reason:s scores:s"),
        pk="id",
        foreign_keys=(("record_a", "citations", "id"), ("record_b", "citations", "id")),
        indexes=(("decision",), ("record_a",), ("record_b",)),
    ),
    "review_queue": TableSpec(
        columns=columns(
            "id:s kind:s record_a:s record_b:s a_text:s b_text:s a_document_id:s a_line:i b_document_id:s "
            "b_line:i score:f reason:s decide_with:s"
        ),
        pk="id",
        foreign_keys=(("record_a", "citations", "id"),),
        indexes=(("kind",),),
    ),
    "passages": TableSpec(
        columns=columns("id:s document_id:s line_start:i line_end:i page:i text:s"),
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
    path: Path,
    tables: Mapping[str, Iterable[Row]],
    schema: Mapping[str, TableSpec] = SCHEMA,
    views: Mapping[str, str] | None = None,
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
        # A temporary file that replaces the database only once complete: no journal, no fsync per
        # transaction; the caller syncs the finished file before renaming it.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        create_schema(db, schema)
        for name, spec in schema.items():
            ordered = _sorted(tables.get(name, []), spec)
            with db.conn:
                db.table(name).insert_all(
                    ({c: row.get(c) for c in spec.columns} for row in ordered), batch_size=5000
                )
        for name, spec in schema.items():
            if spec.fts:
                db.table(name).enable_fts(list(spec.fts), tokenize=FTS_TOKENIZE)
        for name, sql in (views or {}).items():
            db.create_view(name, sql.strip())
        db.execute("ANALYZE")
        db.conn.commit()
    finally:
        db.close()

"""Serving with Datasette: the command ``kb serve`` runs and the metadata it serves.

The database is served immutable (read-only, counts cached), with an SQL time limit and no facet
suggestions. ``metadata.yml`` configures default facets for a researcher-sized knowledge base; on a
table of more than ``FACETS_MAX_ROWS`` rows a default facet would cost every page view a full
``group by``, so ``served_metadata`` leaves those facets out (they stay one click away: ``?_facet=``).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any

import yaml

from kb.model import KbError
from kb.readonly import connect_readonly
from kb.safeyaml import YamlError, load_yaml

FACETS_MAX_ROWS = 200_000
"""Tables larger than this keep their facets on request only."""
SQL_TIME_LIMIT_MS = 3000


def datasette_command(db: Path, host: str, port: int, metadata: Path | None) -> list[str]:
    """The Datasette command line ``kb serve`` runs: read-only (immutable), with the metadata."""
    command = [
        sys.executable, "-m", "datasette", "serve", "-i", str(db), "--host", host, "--port", str(port),
        "--setting", "sql_time_limit_ms", str(SQL_TIME_LIMIT_MS), "--setting", "suggest_facets", "off",
    ]  # fmt: skip
    if metadata is not None:
        command += ["--metadata", str(metadata)]
    return command


def table_sizes(db: Path) -> dict[str, int]:
    """An upper bound of each table's rows (its largest rowid), cheap on any size of database."""
    sizes: dict[str, int] = {}
    conn = connect_readonly(db, tables=())
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        for table in tables:
            try:
                sizes[table] = conn.execute(f"select coalesce(max(rowid), 0) from [{table}]").fetchone()[0]
            except sqlite3.Error:  # virtual tables without rowid
                continue
    finally:
        conn.close()
    return sizes


def served_metadata(metadata: Path, db: Path, out: Path) -> Path:
    """Write to ``out`` the metadata to serve ``db`` with: ``metadata`` less the default facets of its
    large tables. Returns ``out``."""
    try:
        data: dict[str, Any] = load_yaml(metadata).data or {}
    except (OSError, YamlError) as exc:
        raise KbError(f"{metadata}: cannot be read as YAML ({exc}); fix the metadata file.") from exc
    if not isinstance(data, dict):
        raise KbError(f"{metadata}: expected a mapping (title, databases...); fix the metadata file.")
    sizes = table_sizes(db)
    database = data.get("databases", {}).get(db.stem, {})
    for name, table in (database.get("tables") or {}).items():
        if isinstance(table, dict) and table.get("facets") and sizes.get(name, 0) > FACETS_MAX_ROWS:
            del table["facets"]
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out

"""Opening a built database for reading: the one way every read-side command does it.

``kb export``, ``kb graph``, ``kb check``/``kb review``, ``kb enrich``, ``kb results --db`` and
``kb serve`` read the database ``kb build`` wrote; none of them may change it, and each must say what to
do when the file is missing, is not a database, or lacks the tables it reads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from kb import sqlguard
from kb.model import KbError


def connect_readonly(db_path: Path | str, tables: Sequence[str] = ("works",)) -> sqlite3.Connection:
    """Open ``db_path`` read-only (with the bounds of ``kb.sqlguard``, since some callers run SQL a user
    wrote). Raises ``KbError`` when the file is missing, is not a readable SQLite database, or lacks one
    of ``tables``."""
    path = Path(db_path)
    if not path.is_file():
        raise KbError(f"database {path} does not exist; run `kb build` first.")
    conn = sqlguard.guard(open_readonly(path))
    try:
        present = {row[0] for row in conn.execute("select name from sqlite_master")}
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise KbError(f"{path}: not a readable SQLite database ({exc}); rebuild it with `kb build`.") from exc
    missing = [name for name in tables if name not in present]
    if missing:
        conn.close()
        raise KbError(
            f"{path}: no {', '.join(missing)} table; is it a knowledge base built by `kb build`? "
            "Rebuild it with `kb build`."
        )
    return conn


def open_readonly(path: Path) -> sqlite3.Connection:
    """A read-only connection to the SQLite file ``path``, whatever characters its name holds (``?`` and
    ``#`` would end a ``file:`` URI's path: the path is percent-encoded, ``Path.as_uri``). No checks and
    no bounds: for the build's own files (the enrichment cache); a database a user queries is opened
    with :func:`connect_readonly`."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def has_table(conn: sqlite3.Connection, name: str) -> bool:
    """Whether the database of ``conn`` has a table (or view) called ``name``."""
    row = conn.execute("select 1 from sqlite_master where type in ('table', 'view') and name = ?", (name,))
    return row.fetchone() is not None

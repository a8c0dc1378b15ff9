"""The hostile fixture works of the export tests, added to a copy of the seeds' database."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "export"
HOSTILE = json.loads((FIXTURES / "hostile_works.json").read_text(encoding="utf-8"))


def add_works(db: Path, records: list[dict]) -> None:
    """Insert fixture works (and their authors) into the database at ``db``."""
    conn = sqlite3.connect(db)
    with conn:
        for record in records:
            work = record["work"]
            conn.execute(
                f"insert into works ({', '.join(work)}) values ({', '.join('?' * len(work))})",
                list(work.values()),
            )
            for a in record["authors"]:
                conn.execute(
                    "insert into work_authors (work_id, position, family, given, literal) values (?, ?, ?, ?, ?)",
                    (work["id"], a["position"], a["family"], a["given"], a["literal"]),
                )
    conn.close()


def seed_with_hostile_works(seed_db: Path, directory: Path, name: str = "evidence.db") -> Path:
    """A copy of the seed database in ``directory`` plus the hostile fixture works."""
    db = directory / name
    shutil.copy(seed_db, db)
    add_works(db, HOSTILE)
    return db

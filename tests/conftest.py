"""Shared fixtures: the project's real seed documents, built once per test session."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

from kb.config import Config
from kb.model import Extraction
from kb.pipeline import build, extract
from kb.tables import FULL_SCHEMA

# Tests never assert wall-clock time: a property test that is slow on a loaded machine is not a failure.
settings.register_profile("kb", deadline=None)
settings.load_profile("kb")

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "references"
SEED_000 = "000_b9d0f3a1d59143d6"
SEED_001 = "001_4deb52642860177b"
SEED_002 = "002_6d638f0198c54df4"
SEED_003 = "003_96deee6d093d2c90"


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    """The seeds run through ingest, parse and grouping (no database)."""
    return extract(Config(REFERENCES, Path("unused.db")))


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the seeds into a temporary directory."""
    db = tmp_path_factory.mktemp("db") / "evidence.db"
    build(Config(REFERENCES, db))
    return db


@pytest.fixture
def references_copy(tmp_path: Path) -> Path:
    """A writable copy of references/ for tests that add or break files."""
    target = tmp_path / "references"
    shutil.copytree(REFERENCES, target)
    return target


def content_hash(db: Path) -> str:
    """A hash over every row of every table the build writes, to compare two databases."""
    digest = hashlib.sha256()
    conn = sqlite3.connect(db)
    for table in sorted(FULL_SCHEMA):
        for row in conn.execute(f"select * from [{table}] order by 1, 2"):
            digest.update(repr(row).encode())
    conn.close()
    return digest.hexdigest()


def db_rows(db: Path, sql: str, *params: object) -> list[tuple]:
    """The rows of ``sql`` (with ``params``) on the database file ``db``."""
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()

"""The local cache of every metadata response and lookup: a SQLite file beside the database.

``responses`` keeps each HTTP answer under its public URL (API key and e-mail left out), with its status
and retrieval time; ``lookups`` keeps, for each work's query key and source, the candidate records parsed
from those answers (JSON) and when they were retrieved. The build reads ``lookups`` only, so a rebuild is
deterministic and needs no network; ``kb enrich --offline`` answers from here alone; a run that stopped
resumes where it was, since lookups already made are not asked again.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kb.enrich.http import Response
from kb.model import KbError
from kb.readonly import open_readonly

SCHEMA = """
create table if not exists responses (
    url text primary key,
    status integer not null,
    content_type text not null,
    body blob not null,
    retrieved_at text not null
);
create table if not exists lookups (
    query_key text not null,
    source text not null,
    retrieved_at text not null,
    candidates text not null,
    urls text not null,
    primary key (query_key, source)
);
"""


def cache_path(db: Path) -> Path:
    """The cache beside the database ``db``: ``db/evidence.db`` -> ``db/evidence.enrich-cache.db``."""
    return db.with_name(f"{db.stem}.enrich-cache.db")


@dataclass(frozen=True)
class Lookup:
    """The candidates one source gave for one query key, with where and when they came from."""

    query_key: str
    source: str
    retrieved_at: str
    candidates: list[dict[str, object]]
    urls: list[str]


class Cache:
    """Read and write the enrichment cache; ``readonly`` opens an existing file without creating it."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        try:
            if readonly:
                self.db = open_readonly(path)
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path)
                self.db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise KbError(f"cannot open the enrichment cache {path}: {exc}; check the --db path.") from exc

    def close(self) -> None:
        """Close the file."""
        self.db.close()

    def response(self, url: str) -> Response | None:
        """The cached answer to ``url``, if any."""
        row = self.db.execute(
            "select status, body, content_type from responses where url = ?", (url,)
        ).fetchone()
        return Response(url, row[0], bytes(row[1]), row[2]) if row else None

    def response_time(self, url: str) -> str:
        """When the cached answer to ``url`` was retrieved ('' when not cached)."""
        row = self.db.execute("select retrieved_at from responses where url = ?", (url,)).fetchone()
        return row[0] if row else ""

    def put_response(self, response: Response, retrieved_at: str) -> None:
        """Keep one answer (only a 2xx or 404 answer is worth keeping: errors are asked again)."""
        self.db.execute(
            "insert or replace into responses values (?, ?, ?, ?, ?)",
            (response.url, response.status, response.content_type, response.body, retrieved_at),
        )
        self.db.commit()

    def lookup(self, query_key: str, source: str) -> Lookup | None:
        """The lookup made for ``query_key`` at ``source``, if any."""
        row = self.db.execute(
            "select retrieved_at, candidates, urls from lookups where query_key = ? and source = ?",
            (query_key, source),
        ).fetchone()
        if not row:
            return None
        return Lookup(query_key, source, row[0], json.loads(row[1]), json.loads(row[2]))

    def lookups(self) -> dict[str, list[Lookup]]:
        """Every lookup, by query key, sources in name order (for the build)."""
        out: dict[str, list[Lookup]] = {}
        rows = self.db.execute(
            "select query_key, source, retrieved_at, candidates, urls from lookups order by query_key, source"
        )
        for key, source, when, candidates, urls in rows:
            out.setdefault(key, []).append(
                Lookup(key, source, when, json.loads(candidates), json.loads(urls))
            )
        return out

    def put_lookup(self, lookup: Lookup) -> None:
        """Keep one lookup (replacing an older one for the same key and source)."""
        self.db.execute(
            "insert or replace into lookups values (?, ?, ?, ?, ?)",
            (
                lookup.query_key,
                lookup.source,
                lookup.retrieved_at,
                json.dumps(lookup.candidates, sort_keys=True, ensure_ascii=False),
                json.dumps(lookup.urls),
            ),
        )
        self.db.commit()


def read_lookups(db: Path) -> dict[str, list[Lookup]]:
    """Every lookup of the cache beside ``db`` (none when there is no cache): what the build applies."""
    path = cache_path(db)
    if not path.exists():
        return {}
    cache = Cache(path, readonly=True)
    try:
        return cache.lookups()
    except sqlite3.Error as exc:
        raise KbError(
            f"the enrichment cache {path} cannot be read ({exc}); delete it and run kb enrich again."
        ) from exc
    finally:
        cache.close()

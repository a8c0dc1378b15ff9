"""``kb enrich``: look the works of a built database up in PubMed and Crossref, into the cache.

The build writes, for every work worth a lookup, its target (``enrich_targets``: the fields we know and
why: ``short``, ``no_identifier``, ``flagged``). :func:`run_lookups` asks each selected target of each
source once, through the cache (a lookup already made is not asked again unless ``refresh``), and keeps
the candidates. The CLI then rebuilds: the build's enrichment stage (:mod:`kb.enrich.apply`) decides and
applies, from the cache alone.

Stopping conditions: no network, or a service that refuses the request itself (bad API key), stop the
run at once (what was looked up is kept: the next run resumes); a malformed answer, or a service still
busy after its retries, fails that lookup only; it is counted and asked again next time.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kb.enrich.cache import Cache, Lookup, cache_path
from kb.enrich.http import PoliteClient, ServiceUnavailable
from kb.enrich.records import MalformedResponse
from kb.enrich.sources import (
    CROSSREF_BASE,
    PUBMED_BASE,
    CrossrefSource,
    Fetcher,
    NotCached,
    PubMedSource,
    Source,
    Target,
)
from kb.model import KbError

SOURCES = ("pubmed", "crossref")
ONLY = ("short", "flagged", "no_identifier", "all")
NCBI_RATE = 3.0
"""Requests a second NCBI allows without an API key."""
NCBI_RATE_WITH_KEY = 10.0
CROSSREF_RATE = 5.0
"""Crossref's polite pool asks for moderation; 5 a second stays well inside it."""
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_API_KEY = re.compile(r"^[0-9A-Za-z]{20,64}$")


@dataclass
class EnrichSettings:
    """Everything ``kb enrich`` is told."""

    db: Path
    sources: tuple[str, ...] = SOURCES
    email: str = ""
    api_key: str = ""
    only: str = "all"
    offline: bool = False
    refresh: bool = False
    limit: int | None = None
    pubmed_url: str = PUBMED_BASE
    crossref_url: str = CROSSREF_BASE
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0


@dataclass
class LookupSummary:
    """What a run of lookups did."""

    targets: int = 0
    asked: int = 0
    cached: int = 0
    not_cached: int = 0
    failed: list[str] = field(default_factory=list)
    requests: int = 0

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        return [
            f"works to look up: {self.targets}",
            f"lookups made: {self.asked} ({self.requests} requests)",
            f"lookups already in the cache: {self.cached}",
            *([f"lookups not in the cache (offline): {self.not_cached}"] if self.not_cached else []),
            f"lookups failed: {len(self.failed)}",
            *[f"  {line}" for line in self.failed[:20]],
        ]


def check_settings(settings: EnrichSettings) -> None:
    """Refuse settings that cannot work, before any request (a bad e-mail, key, source or selection)."""
    unknown = [s for s in settings.sources if s not in SOURCES]
    if unknown or not settings.sources:
        raise KbError(f"unknown source {', '.join(unknown) or '(none)'}; use --source pubmed,crossref.")
    if settings.only not in ONLY:
        raise KbError(f"--only {settings.only!r} is not one of {', '.join(ONLY)}.")
    if settings.email and not _EMAIL.match(settings.email):
        raise KbError(
            f"--email {settings.email!r} is not an e-mail address; NCBI and Crossref ask for a real "
            "address to contact you (e.g. --email you@example.org)."
        )
    if settings.api_key and not _API_KEY.match(settings.api_key):
        raise KbError(
            "--api-key is not an NCBI API key (20 to 64 letters and digits); copy it from your NCBI account "
            "settings, or leave it out (3 requests a second instead of 10)."
        )


def _rows(db: Path, sql: str) -> list[tuple]:
    """The rows of a read-only query on the built database ``db`` (opened as ``kb export`` opens it)."""
    from kb.readonly import connect_readonly

    conn = connect_readonly(db)
    try:
        return conn.execute(sql).fetchall()
    except sqlite3.Error as exc:
        raise KbError(
            f"cannot read the enrichment targets of {db} ({exc}); rebuild it with kb build."
        ) from exc
    finally:
        conn.close()


def read_targets(db: Path, only: str, limit: int | None) -> list[Target]:
    """The targets the build recorded in ``db``, selected by reason, in work id order."""
    rows = _rows(
        db,
        "select work_id, first_author, year, journal, title, doi, pmid, reasons from enrich_targets "
        "where searchable = 1 order by work_id",
    )
    targets = [
        Target(w, fa or "", str(y or ""), j or "", t or "", d or "", p or "")
        for w, fa, y, j, t, d, p, reasons in rows
        if only == "all" or only in (reasons or "").split()
    ]
    return targets[:limit] if limit is not None else targets


def _sources(settings: EnrichSettings, cache: Cache, now: Callable[[], str]) -> list[Source]:
    out: list[Source] = []
    for name in settings.sources:
        if name == "pubmed":
            rate = NCBI_RATE_WITH_KEY if settings.api_key else NCBI_RATE
            client = None if settings.offline else _client(settings, rate)
            out.append(
                PubMedSource(
                    Fetcher(cache, client, now), settings.pubmed_url, settings.email, settings.api_key
                )
            )
        else:
            client = None if settings.offline else _client(settings, CROSSREF_RATE)
            out.append(CrossrefSource(Fetcher(cache, client, now), settings.crossref_url, settings.email))
    return out


def _client(settings: EnrichSettings, rate: float) -> PoliteClient:
    return PoliteClient(rate, timeout=settings.timeout, retries=settings.retries, backoff=settings.backoff)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def run_lookups(
    settings: EnrichSettings,
    progress: Callable[[Iterable[Target]], Iterable[Target]] = lambda items: items,
    now: Callable[[], str] = _now,
) -> LookupSummary:
    """Look every selected target up in every source, into the cache; see the module docstring."""
    check_settings(settings)
    targets = read_targets(settings.db, settings.only, settings.limit)
    summary = LookupSummary(targets=len(targets))
    cache = Cache(cache_path(settings.db))
    try:
        sources = _sources(settings, cache, now)
        for target in progress(targets):
            for source in sources:
                if not settings.refresh and cache.lookup(target.query_key, source.name) is not None:
                    summary.cached += 1
                    continue
                try:
                    candidates, urls, when = source.lookup(target)
                except NotCached:
                    summary.not_cached += 1
                    continue
                except (MalformedResponse, ServiceUnavailable) as exc:
                    summary.failed.append(f"{source.name} {target.work_id}: {exc}")
                    continue
                cache.put_lookup(
                    Lookup(target.query_key, source.name, when, [c.to_json() for c in candidates], urls)
                )
                summary.asked += 1
        summary.requests = sum(s.fetcher.client.requests for s in sources if s.fetcher.client is not None)
    finally:
        cache.close()
    return summary


def verdict_counts(db: Path) -> list[tuple[str, int]]:
    """How the build decided the works it has lookups for: ``(verdict, count)``, verdicts in name order."""
    rows = _rows(
        db,
        "select verdict, count(*) from enrich_targets where verdict is not null "
        "group by verdict order by verdict",
    )
    return [(str(v), int(n)) for v, n in rows]

"""The two services a work is looked up in: PubMed (NCBI E-utilities) and Crossref.

Each source turns a :class:`Target` (what we know of a work) into queries, asks them through a
:class:`Fetcher` (the cache first, then the network unless offline) and parses the answers into
:class:`~kb.enrich.records.Candidate` records:

- PubMed: ``esearch.fcgi`` with the first author (``[1au]``), the journal (``[ta]``), the year (``[dp]``)
  and up to six title words (``[ti]``), or the DOI (``[doi]``); then ``efetch.fcgi`` in MEDLINE text for
  the PMIDs found (or for the work's own PMID directly).
- Crossref: ``/works/{doi}`` when the work has a DOI, else ``/works?query.bibliographic=...`` restricted to
  the year, with ``mailto`` (the polite pool).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from kb.dedupe.prep import fold
from kb.enrich.cache import Cache
from kb.enrich.http import PoliteClient, RequestRefused, Response, ServiceUnavailable, public_url
from kb.enrich.records import (
    Candidate,
    MalformedResponse,
    crossref_candidates,
    esearch_ids,
    pubmed_candidates,
)

PUBMED_BASE = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
CROSSREF_BASE = "https://api.crossref.org"
SEARCH_ROWS = 5
"""Candidates asked per query: enough to see that a query is ambiguous, few enough to stay polite."""
TITLE_WORDS = 6
"""Significant title words put in a PubMed query (more makes a typo in one word lose the record)."""
_STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "by",
        "de",
        "des",
        "du",
        "en",
        "et",
        "for",
        "from",
        "in",
        "is",
        "la",
        "le",
        "les",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ]
)
SECRET_PARAMS = frozenset({"api_key", "email", "mailto", "tool"})


class NotCached(LookupError):
    """Offline, and the cache has no answer for this request."""


@dataclass(frozen=True)
class Target:
    """What we know of a work, to look it up: the fields the queries and the match use."""

    work_id: str
    first_author: str
    year: str
    journal: str
    title: str = ""
    doi: str = ""
    pmid: str = ""

    @property
    def query_key(self) -> str:
        """The cache key of this work's lookups: the same for the same known fields, build after build."""
        return "|".join(
            (fold(self.first_author), self.year, fold(self.journal), fold(self.title)[:300],
             self.doi.casefold(), self.pmid)
        )  # fmt: skip

    @property
    def searchable(self) -> bool:
        """Enough to query: an identifier, or a first author with a year."""
        return bool(self.doi or self.pmid or (self.first_author and self.year))


@dataclass
class Fetcher:
    """GETs through the cache: a cached answer is reused; offline, a missing one raises
    :class:`NotCached`; a 2xx or 404 answer is kept with its retrieval time."""

    cache: Cache
    client: PoliteClient | None
    now: Callable[[], str]

    def get(self, base: str, params: dict[str, str]) -> tuple[Response, str]:
        """The answer and when it was retrieved."""
        url = public_url(base, params, SECRET_PARAMS)
        cached = self.cache.response(url)
        if cached is not None:
            return cached, self.cache.response_time(url)
        if self.client is None:
            raise NotCached(url)
        answer = self.client.get(base, params, SECRET_PARAMS)
        when = self.now()
        if answer.ok or answer.status == 404:
            self.cache.put_response(answer, when)
        return answer, when


def _refused(answer: Response, service: str) -> RequestRefused:
    detail = " ".join(answer.text().split())[:300]
    hint = (
        "check --api-key"
        if "api key" in detail.lower() or "api_key" in detail.lower()
        else ("check --email and the query")
    )
    return RequestRefused(
        f"{service} refused the request ({answer.status}: {detail}) for {answer.url}; {hint}."
    )


def _check(answer: Response, service: str) -> None:
    """Raise for an answer that is not a success: a 4xx refuses the request itself (retrying will not
    help), anything else left after the client's retries means the service is unavailable."""
    if answer.ok:
        return
    if 400 <= answer.status < 500:
        raise _refused(answer, service)
    raise ServiceUnavailable(f"{service} answered {answer.status} for {answer.url}")


class PubMedSource:
    """Lookups in PubMed through NCBI E-utilities."""

    name = "pubmed"

    def __init__(self, fetcher: Fetcher, base: str = PUBMED_BASE, email: str = "", api_key: str = "") -> None:
        self.fetcher, self.base = fetcher, base.rstrip("/")
        self.common = {"tool": "itp-kb", "email": email, "api_key": api_key}

    def _params(self, **params: str) -> dict[str, str]:
        return {k: v for k, v in {**params, **self.common}.items() if v}

    def term(self, target: Target) -> str:
        """The esearch query for ``target``."""
        if target.doi:
            return f'"{target.doi}"[doi]'
        parts = [f'"{target.first_author}"[1au]', f"{target.year}[dp]"]
        if target.journal:
            parts.append(f'"{target.journal}"[ta]')
        words = [w for w in fold(target.title).split() if w not in _STOP and len(w) > 2][:TITLE_WORDS]
        parts += [f"{w}[ti]" for w in words]
        return " AND ".join(parts)

    def lookup(self, target: Target) -> tuple[list[Candidate], list[str], str]:
        """Candidates for ``target``, the URLs asked and the latest retrieval time."""
        urls, times = [], []
        ids = [target.pmid] if target.pmid else []
        if not ids:
            params = self._params(
                db="pubmed", term=self.term(target), retmode="json", retmax=str(SEARCH_ROWS)
            )
            answer, when = self.fetcher.get(f"{self.base}/esearch.fcgi", params)
            urls.append(answer.url)
            times.append(when)
            _check(answer, "PubMed")
            ids = esearch_ids(answer.text())
        if not ids:
            return [], urls, max(times, default="")
        params = self._params(db="pubmed", id=",".join(ids), rettype="medline", retmode="text")
        answer, when = self.fetcher.get(f"{self.base}/efetch.fcgi", params)
        urls.append(answer.url)
        times.append(when)
        _check(answer, "PubMed")
        return pubmed_candidates(answer.text()), urls, max(times)


class CrossrefSource:
    """Lookups in Crossref's REST API (polite pool through ``mailto``)."""

    name = "crossref"

    def __init__(self, fetcher: Fetcher, base: str = CROSSREF_BASE, email: str = "") -> None:
        self.fetcher, self.base, self.email = fetcher, base.rstrip("/"), email

    def lookup(self, target: Target) -> tuple[list[Candidate], list[str], str]:
        """Candidates for ``target``, the URLs asked and the retrieval time."""
        mail = {"mailto": self.email} if self.email else {}
        if target.doi:
            url = f"{self.base}/works/{urllib.parse.quote(target.doi, safe='')}"
            answer, when = self.fetcher.get(url, dict(mail))
        else:
            bibliographic = " ".join(
                x for x in (target.first_author, target.journal, target.title, target.year) if x
            )
            params = {
                "query.bibliographic": bibliographic,
                "query.author": target.first_author,
                "filter": f"from-pub-date:{target.year},until-pub-date:{target.year}",
                "rows": str(SEARCH_ROWS),
                **mail,
            }
            answer, when = self.fetcher.get(f"{self.base}/works", params)
        if answer.status == 404:
            return [], [answer.url], when
        _check(answer, "Crossref")
        return crossref_candidates(answer.text()), [answer.url], when


Source = PubMedSource | CrossrefSource
__all__ = ["CrossrefSource", "Fetcher", "MalformedResponse", "NotCached", "PubMedSource", "Source", "Target"]

"""Candidate records: what PubMed (MEDLINE) and Crossref (JSON) answers say about one publication.

A :class:`Candidate` holds the fields an enrichment may bring, the source and its own id (PMID or DOI),
the record's address and every year the record gives (print and online). It is stored as JSON in the
cache, so a rebuild reads it back without parsing the answers again.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from kb.ingest.pubmed import EXTRA_JOURNAL_FULL, read_pubmed_string
from kb.model import EXTRA_ABSTRACT, EXTRA_KEYWORDS, EXTRA_MESH, EXTRA_PUBLICATION_TYPES, Name
from kb.safejson import decode

PUBMED_RECORD_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"
DOI_RECORD_URL = "https://doi.org/{}"
_TAG = re.compile(r"<[^<>]{0,200}>")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


class MalformedResponse(ValueError):
    """An answer that is not in the service's documented format."""


@dataclass(frozen=True)
class Candidate:
    """One record a service returned, reduced to the fields an enrichment may bring."""

    source: str
    source_id: str
    url: str
    title: str = ""
    authors: list[list[str]] = field(default_factory=list)
    """Each author as ``[family, given, literal, suffix]`` (a cache written before the suffix was kept
    holds ``[family, given, literal]``)."""
    journal: str = ""
    journal_full: str = ""
    years: list[str] = field(default_factory=list)
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    abstract: str = ""
    mesh: str = ""
    keywords: str = ""
    publication_types: str = ""
    type: str = "article-journal"

    @property
    def names(self) -> list[Name]:
        """The authors as :class:`~kb.model.Name`."""
        rows = [(*a, "") if len(a) < 4 else a for a in self.authors]
        return [Name(family=a[0], given=a[1], literal=a[2], suffix=a[3]) for a in rows]

    def to_json(self) -> dict[str, object]:
        """A JSON-ready dict (the cache's form)."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, object]) -> Candidate:
        """Read back :meth:`to_json`, ignoring keys this version does not know."""
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]


def pubmed_candidates(medline: str) -> list[Candidate]:
    """Candidates from an efetch answer in MEDLINE text (``rettype=medline&retmode=text``)."""
    if medline.strip() and "PMID-" not in medline:
        raise MalformedResponse("the answer is not MEDLINE text (no 'PMID-' line)")
    out = []
    for record in read_pubmed_string(medline, "<efetch>").records:
        ref, extra = record.reference, record.extra
        if not ref.pmid:
            continue
        out.append(
            Candidate(
                source="pubmed",
                source_id=ref.pmid,
                url=PUBMED_RECORD_URL.format(ref.pmid),
                title=ref.title,
                authors=[author_row(n) for n in ref.authors],
                journal=ref.journal,
                journal_full=extra.get(EXTRA_JOURNAL_FULL, ""),
                years=[ref.year] if ref.year else [],
                volume=ref.volume,
                issue=ref.issue,
                pages=ref.pages,
                doi=ref.doi,
                pmid=ref.pmid,
                abstract=extra.get(EXTRA_ABSTRACT, ""),
                mesh=extra.get(EXTRA_MESH, ""),
                keywords=extra.get(EXTRA_KEYWORDS, ""),
                publication_types=extra.get(EXTRA_PUBLICATION_TYPES, ""),
                type=ref.type,
            )
        )
    return out


def author_row(name: Name) -> list[str]:
    """``name`` in the form of :attr:`Candidate.authors`."""
    return [name.family, name.given, name.literal, name.suffix]


def _json_answer(answer: str, service: str) -> object:
    """The JSON value of a service's answer; ``MalformedResponse`` when the answer is not JSON."""
    try:
        return decode(answer)
    except ValueError as exc:
        raise MalformedResponse(f"the {service} answer is not JSON ({exc})") from None


def esearch_ids(answer: str) -> list[str]:
    """The PMIDs of an esearch answer in JSON (``retmode=json``)."""
    data = _json_answer(answer, "esearch")
    result = data.get("esearchresult") if isinstance(data, dict) else None
    if not isinstance(result, dict) or not isinstance(result.get("idlist", []), list):
        raise MalformedResponse("the esearch answer has no 'esearchresult.idlist'")
    return [str(i) for i in result.get("idlist", []) if str(i).isdigit()]


_CROSSREF_TYPES = {
    "journal-article": "article-journal",
    "proceedings-article": "paper-conference",
    "book-chapter": "chapter",
    "book": "book",
    "posted-content": "article",
    "report": "report",
    "dissertation": "thesis",
}


def crossref_candidates(answer: str) -> list[Candidate]:
    """Candidates from a Crossref ``/works`` answer (a list) or ``/works/{doi}`` answer (one work)."""
    data = _json_answer(answer, "Crossref")
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise MalformedResponse("the Crossref answer has no 'message' object")
    items = message.get("items") if "items" in message else [message]
    if not isinstance(items, list):
        raise MalformedResponse("the Crossref 'message.items' is not a list")
    return [c for c in (_crossref_item(i) for i in items if isinstance(i, dict)) if c is not None]


def _first(value: object) -> str:
    if isinstance(value, list):
        return str(value[0]) if value else ""
    return str(value or "")


def _crossref_item(item: dict[str, object]) -> Candidate | None:
    doi = str(item.get("DOI") or "").strip()
    if not doi:
        return None
    authors = []
    for a in item.get("author") or []:
        if isinstance(a, dict):
            literal = str(a.get("name") or "") if not a.get("family") else ""
            family, given, suffix = (str(a.get(k) or "") for k in ("family", "given", "suffix"))
            authors.append([family, given, literal, suffix])  # "suffix": "III" (Amos B. Smith III)
    years = []
    for key in ("published-print", "published-online", "issued", "published"):
        parts = item.get(key)
        date_parts = parts.get("date-parts") if isinstance(parts, dict) else None
        if isinstance(date_parts, list) and date_parts and isinstance(date_parts[0], list) and date_parts[0]:
            year = str(date_parts[0][0])
            if _YEAR.fullmatch(year) and year not in years:
                years.append(year)
    abstract = " ".join(_TAG.sub(" ", str(item.get("abstract") or "")).split())
    abstract = re.sub(r"^abstract\s+", "", abstract, flags=re.IGNORECASE)
    return Candidate(
        source="crossref",
        source_id=doi,
        url=DOI_RECORD_URL.format(doi),
        title=" ".join(_TAG.sub(" ", _first(item.get("title"))).split()),
        authors=authors,
        journal=_first(item.get("short-container-title")) or _first(item.get("container-title")),
        journal_full=_first(item.get("container-title")),
        years=years,
        volume=str(item.get("volume") or ""),
        issue=str(item.get("issue") or ""),
        pages=str(item.get("page") or item.get("article-number") or ""),
        doi=doi,
        abstract=abstract,
        type=_CROSSREF_TYPES.get(str(item.get("type") or ""), "article-journal"),
    )

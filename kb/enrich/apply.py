"""The build's enrichment stage: what the cached lookups bring to each work, with provenance.

For every work the stage computes its :class:`~kb.enrich.sources.Target` (the fields we know, before
any enrichment, so that its query key is the same build after build) and why it is worth a lookup
(``short``: no title; ``no_identifier``: neither DOI nor PMID; ``flagged``: a field flagged as likely
corrupt). When the cache beside the database holds lookups for that key, :func:`~kb.enrich.match.judge`
decides; an accepted publication then fills every empty field (title, authors, DOI, PMID, volume, issue,
pages, abstract, MeSH terms, keywords, publication types) and corrects a written value it contradicts:
the record's value is used, the written one kept beside it in ``enrichments`` and flagged
``contradicted_by_record``. Every field it touches has a row in ``enrichments`` with the source, the
record's id and address and the retrieval date. Ambiguous and weak matches go to the review queue with
both sides; the work stays as it is. The stage never touches the network.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from kb.config import Config
from kb.dedupe.prep import fold
from kb.enrich.cache import Lookup, read_lookups
from kb.enrich.match import Match, Verdict, judge
from kb.enrich.records import Candidate, author_row
from kb.enrich.sources import Target
from kb.model import (
    EXTRA_ABSTRACT,
    EXTRA_KEYWORDS,
    EXTRA_MESH,
    EXTRA_PUBLICATION_TYPES,
    Citation,
    Extraction,
    Problem,
    ProblemCode,
    Reference,
    Work,
)
from kb.normalise import normalise_record
from kb.normalise.pages import normalise_pages
from kb.store import TableSpec, columns
from kb.works import stable_id

FLAGGED_CODES = frozenset(
    {"long_page_range", "implausible_pages", "truncated", "lost_character", "joined_words", "invalid_doi"}
)
"""Problem codes that mark a field as likely corrupt: worth checking against an authoritative record."""
REFERENCE_FIELDS = ("title", "doi", "pmid", "volume", "issue", "pages")
EXTRA_FIELDS = {
    EXTRA_ABSTRACT: "abstract",
    EXTRA_MESH: "mesh",
    EXTRA_KEYWORDS: "keywords",
    EXTRA_PUBLICATION_TYPES: "publication_types",
}
"""Work extra key -> candidate attribute."""

Row = dict[str, object]

ENRICH_SCHEMA: dict[str, TableSpec] = {
    "enrich_targets": TableSpec(
        columns=columns(
            "work_id:s query_key:s reasons:s first_author:s year:s journal:s title:s doi:s pmid:s "
            "searchable:i looked_up:s verdict:s reason:s retrieved_at:s"
        ),
        pk="work_id",
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("verdict",), ("reasons",)),
    ),
    "enrichments": TableSpec(
        columns=columns(
            "id:s work_id:s field:s value:s written_value:s status:s source:s source_id:s source_url:s "
            "retrieved_at:s"
        ),
        pk="id",
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("work_id",), ("status",), ("source",)),
    ),
}
"""The enrichment stage's tables: what each work was looked up with and how it was decided
(``enrich_targets``), and every field an accepted record filled, confirmed or corrected, with its
provenance (``enrichments``)."""


@dataclass
class Corrected:
    """A written value the authoritative record contradicts: where it was written and what replaced it."""

    work_id: str
    field: str
    written: str
    value: str
    candidate: Candidate
    retrieved_at: str
    citation: Citation | None


@dataclass
class EnrichStage:
    """What the stage hands on: table rows, review items and the contradictions to report."""

    targets: list[Row] = field(default_factory=list)
    enrichments: list[Row] = field(default_factory=list)
    review: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def target_of(work: Work) -> Target:
    """What we know of ``work`` for a lookup (its first author, year, journal, title, identifiers)."""
    ref = work.reference
    first = ref.authors[0] if ref.authors else None
    return Target(
        work.id,
        (first.family or first.literal) if first else "",
        ref.year,
        work.journal_abbrev or ref.journal,
        ref.title,
        ref.doi,
        ref.pmid,
    )


def reasons_of(work: Work, flagged_codes: set[str]) -> list[str]:
    """Why ``work`` is worth a lookup (empty: it is not)."""
    ref = work.reference
    out = []
    if not ref.title:
        out.append("short")
    if not ref.doi and not ref.pmid:
        out.append("no_identifier")
    if flagged_codes & FLAGGED_CODES:
        out.append("flagged")
    return out


def _same(field_name: str, ours: str, theirs: str) -> bool:
    if field_name == "pages":
        a, b = normalise_pages(ours)[0], normalise_pages(theirs)[0]
        return (a.first, a.last or a.first) == (b.first, b.last or b.first)
    if field_name in ("doi",):
        return ours.casefold() == theirs.casefold()
    return fold(ours) == fold(theirs)


def _value(accepted: list[Candidate], attribute: str) -> tuple[str, Candidate | None]:
    """The first non-empty value of ``attribute`` among the accepted records (SOURCE_ORDER)."""
    for candidate in accepted:
        value = str(getattr(candidate, attribute) or "")
        if value:
            return value, candidate
    return "", None


def _provenance(
    work_id: str, field_name: str, value: str, written: str, status: str, c: Candidate, when: str
) -> Row:
    return {
        "id": stable_id("en_", work_id, field_name),
        "work_id": work_id,
        "field": field_name,
        "value": value,
        "written_value": written or None,
        "status": status,
        "source": c.source,
        "source_id": c.source_id,
        "source_url": c.url,
        "retrieved_at": when,
    }


def normalised(candidate: Candidate) -> Candidate:
    """``candidate`` with its fields normalised as every citation's are (names, title, pages, DOI)."""
    ref = Reference(
        authors=candidate.names,
        title=candidate.title,
        journal=candidate.journal,
        volume=candidate.volume,
        issue=candidate.issue,
        pages=candidate.pages,
        doi=candidate.doi,
        pmid=candidate.pmid,
    )
    norm = normalise_record(ref).reference
    return replace(
        candidate,
        title=norm.title,
        authors=[author_row(n) for n in norm.authors],
        volume=norm.volume,
        issue=norm.issue,
        pages=norm.pages,
        doi=norm.doi,
        pmid=norm.pmid,
    )


def _apply(work: Work, match: Match, when: str, first: Citation | None, out: EnrichStage) -> list[Corrected]:
    """Fill and correct ``work`` from the accepted records; one provenance row per field touched.
    Returns the written values the records contradict."""
    corrected: list[Corrected] = []
    ref = replace(
        work.reference, authors=list(work.reference.authors), problems=list(work.reference.problems)
    )
    for name in REFERENCE_FIELDS:
        theirs, source = _value(match.accepted, name)
        if not theirs or source is None:
            continue
        ours = str(getattr(ref, name) or "")
        if not ours:
            status = "filled"
        elif _same(name, ours, theirs):
            out.enrichments.append(_provenance(work.id, name, ours, "", "confirmed", source, when))
            continue
        else:
            status = "corrected"
            corrected.append(Corrected(work.id, name, ours, theirs, source, when, first))
        setattr(ref, name, theirs)
        out.enrichments.append(
            _provenance(work.id, name, theirs, ours if status == "corrected" else "", status, source, when)
        )
        if name == "pages":
            pages = normalise_pages(theirs)[0]
            ref.pages = pages.pages or theirs
            work.first_page, work.last_page = pages.first, pages.last
    first = next((c for c in match.accepted if c.authors), None)
    if first is not None and (len(first.authors) > len(ref.authors) or ref.et_al or not ref.authors):
        written = "; ".join(n.display() for n in ref.authors)
        ref.authors = first.names
        ref.et_al = False
        shown = "; ".join(n.display() for n in ref.authors)
        status = "filled" if not written else "completed"
        out.enrichments.append(_provenance(work.id, "authors", shown, written, status, first, when))
    if not ref.journal:
        journal, source = _value(match.accepted, "journal")
        if journal and source is not None:
            ref.journal = journal
            out.enrichments.append(_provenance(work.id, "journal", journal, "", "filled", source, when))
    for key, attribute in EXTRA_FIELDS.items():
        theirs, source = _value(match.accepted, attribute)
        if theirs and source is not None and not work.extra.get(key):
            work.extra[key] = theirs
            out.enrichments.append(_provenance(work.id, attribute, theirs, "", "filled", source, when))
    work.reference = ref
    return corrected


def _review_row(work: Work, target: Target, match: Match, first: Citation | None) -> Row:
    sides = " | ".join(
        f"{c.source} {c.source_id}: {'; '.join(a[0] or a[2] for a in c.authors[:3])}. {c.title}. "
        f"{c.journal} {'/'.join(c.years)}"
        for c in match.candidates
    )
    return {
        "id": stable_id("rq_", "enrich", work.id, match.verdict.value),
        "kind": f"enrich_{match.verdict.value}",
        "record_a": first.id if first else None,
        "record_b": "; ".join(f"{c.source}:{c.source_id}" for c in match.candidates),
        "a_text": first.span.text if first else target.title,
        "b_text": sides,
        "a_document_id": first.document_id if first else None,
        "a_line": first.span.line_start if first else None,
        "b_document_id": None,
        "b_line": None,
        "score": None,
        "reason": match.reason,
        "decide_with": "add the DOI or PMID of the right record to the citation in references/, then rebuild",
    }


def _contradiction(c: Corrected) -> Problem:
    """The problem that reports a written value an authoritative record contradicts."""
    where = c.citation.span if c.citation else None
    message = (
        f"{c.field} written {c.written!r}; {c.candidate.source} {c.candidate.source_id} (retrieved "
        f"{c.retrieved_at}) gives {c.value!r}: the record's value is used, the written one is kept in "
        "enrichments.written_value"
    )
    if where is None:
        return Problem(ProblemCode.CONTRADICTED_BY_RECORD, message, "", 0, 0, "", c.field)
    shown = f"{where.path}:{where.line_start}: {message}"
    return Problem(
        ProblemCode.CONTRADICTED_BY_RECORD,
        shown,
        where.path,
        where.line_start,
        where.line_end,
        where.text,
        c.field,
    )


def enrich_works(
    works: Sequence[Work],
    citations: Mapping[str, Citation],
    flagged: Mapping[str, set[str]],
    lookups: Mapping[str, list[Lookup]],
) -> EnrichStage:
    """Apply the cached ``lookups`` to ``works`` (in place) and say what was done.

    ``citations`` are the build's citations by id (a contradiction is reported at the work's first
    citation); ``flagged`` maps a work id to the problem codes of its citations.
    """
    out = EnrichStage()
    for work in works:
        target = target_of(work)
        reasons = reasons_of(work, flagged.get(work.id, set()))
        found = lookups.get(target.query_key, [])
        candidates = [Candidate.from_json(c) for lookup in found for c in lookup.candidates]
        when = max((lookup.retrieved_at for lookup in found), default="")
        match = judge(target, candidates) if found else None
        first = citations.get(work.citation_ids[0]) if work.citation_ids else None
        if reasons or found:
            out.targets.append(
                {
                    "work_id": work.id,
                    "query_key": target.query_key,
                    "reasons": " ".join(reasons),
                    "first_author": target.first_author,
                    "year": target.year,
                    "journal": target.journal,
                    "title": target.title,
                    "doi": target.doi,
                    "pmid": target.pmid,
                    "searchable": int(target.searchable),
                    "looked_up": ", ".join(lookup.source for lookup in found) or None,
                    "verdict": match.verdict.value if match else None,
                    "reason": match.reason if match else None,
                    "retrieved_at": when or None,
                }
            )
        if match is None:
            continue
        if match.verdict is Verdict.ACCEPTED:
            match.accepted = [normalised(c) for c in match.accepted]
            corrected = _apply(work, match, when, first, out)
            out.problems += [_contradiction(c) for c in corrected]
        elif match.verdict in (Verdict.AMBIGUOUS, Verdict.WEAK):
            out.review.append(_review_row(work, target, match, first))
    return out


def enrich_extraction(ex: Extraction, config: Config) -> Extraction:
    """The build's enrichment stage: ``ex`` with its works filled and corrected from the lookups cached
    beside ``config.db`` by ``kb enrich`` (none: nothing changes), their provenance and targets in
    ``ex.tables``, ambiguous and weak matches in the review queue, contradictions as problems."""
    lookups = read_lookups(config.db)
    citations = {c.id: c for c in ex.citations}
    flagged: dict[str, set[str]] = {}
    for problem in ex.problems:
        citation = citations.get(problem.citation_id)
        if citation is not None and citation.work_id:
            flagged.setdefault(citation.work_id, set()).add(problem.code.value)
    with config.progress.stage("enrich") as step:
        stage = enrich_works(ex.works, citations, flagged, lookups)
        step.done(f"{len(stage.enrichments):,} fields from {len(lookups):,} cached lookups")
    ex.tables.setdefault("enrich_targets", []).extend(stage.targets)
    ex.tables.setdefault("enrichments", []).extend(stage.enrichments)
    ex.tables.setdefault("review_queue", []).extend(stage.review)
    by_path = {c.span.path: c.document_id for c in ex.citations}
    ex.problems += [replace(p, document_id=by_path.get(p.path, "")) for p in stage.problems]
    return ex

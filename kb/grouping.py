"""The grouping stage: citations grouped into works, the works completed from the lookups ``kb enrich``
cached, and documents pointed at the work they are about.

``group_citations`` hands the citations to the deduplication engine (``kb.dedupe.group.group_works``) with the
reviewer decisions of the configuration, turns what it finds into located problems, and adds the works
that documents are themselves (a sidecar with a ``work`` block: a thesis, a congress presentation) or
review (a review card reviews the article of its header). Fragments (``kb.citable``: a truncated entry,
a citation too thin to name a work) are kept as citations and problems but are not grouped. Once the
works exist, ``kb.enrich.apply.enrich_extraction`` fills and corrects them from the cached PubMed/Crossref
records (none cached: nothing changes).
"""

from __future__ import annotations

from kb.citable import fragment_problem, split_fragments
from kb.config import Config
from kb.decisions import load_decisions, unknown_id_problem
from kb.dedupe.group import group_works
from kb.enrich.apply import enrich_extraction
from kb.model import Citation, CitationKind, DocumentKind, Extraction, Problem, ProblemCode, Reference, Work
from kb.normalise import parse_name
from kb.normalise.volumes import VolumeOf, implausible_volumes
from kb.works import stable_id


def group_citations(ex: Extraction, config: Config) -> Extraction:
    """``ex`` with its works (completed from the cached lookups of ``kb enrich``), duplicate pairs and review
    items, and each document's ``work_id``."""
    decisions_path = config.decisions
    decisions, problems = load_decisions(decisions_path)
    ex.problems += problems
    with config.progress.stage("group") as step:
        _flag_volumes(ex)
        citable, fragments = split_fragments(ex.citations)  # a fragment stays a citation, never a work
        for fragment in fragments:
            problem = fragment_problem(fragment)
            if problem is not None:
                ex.problems.append(problem)
        grouping = group_works(citable, decisions)
        ex.works, ex.pairs, ex.review = grouping.works, grouping.pairs, grouping.review
        ex.notices = grouping.notices
        ex.problems += [unknown_id_problem(decisions_path, d, missing) for d, missing in grouping.unknown_ids]
        citations = {c.id: c for c in ex.citations}
        for problem in grouping.problems:
            citation = citations[problem.citation_id]
            ex.problems.append(problem.at(citation.span, citation.document_id))
        _document_works(ex)
        step.done(f"{len(ex.works):,} works from {len(ex.citations):,} citations")
    return enrich_extraction(ex, config)


def _flag_volumes(ex: Extraction) -> None:
    """A volume that its journal's other volumes contradict becomes an ``implausible_volume`` problem."""
    citations = {c.id: c for c in ex.citations}
    volumes = (
        VolumeOf(c.id, c.journal_key, c.reference.year, c.reference.volume)
        for c in ex.citations
        if c.kind is not CitationKind.RECORD
    )
    for citation_id, message in implausible_volumes(volumes):
        c = citations[citation_id]
        problem = Problem(ProblemCode.IMPLAUSIBLE_VOLUME, message, field="volume")
        ex.problems.append(problem.at(c.span, c.document_id, citation_id))


def _document_works(ex: Extraction) -> None:
    """Point each document at the work it presents or reviews.

    A review card reviews the article of its header (its first citation with a title); a document whose
    sidecar has a ``work`` block is itself a study (a thesis, a congress presentation) and becomes a work.
    """
    header_of: dict[str, Citation] = {}
    for c in ex.citations:
        if c.reference.title and c.document_id not in header_of:
            header_of[c.document_id] = c
    for document in ex.documents:
        if document.work:
            title = document.work.get("title") or document.title
            authors = [parse_name(a)[0] for a in document.authors]
            ref = Reference(
                authors=[a for a in authors if a.family or a.literal],
                title=title,
                year=document.date[:4],
                type=document.work["type"],
            )
            key = f"document:{document.id}"
            ex.works.append(Work(stable_id("w_", key), key, ref))
            document.work_id = ex.works[-1].id
        elif document.kind is DocumentKind.REVIEW_CARD:
            header = header_of.get(document.id)
            document.work_id = header.work_id if header else ""
    ex.works.sort(key=lambda w: w.id)

"""The evidence stage of a build: what linking reads, the evidence tables, and best-evidence ranks.

``evidence_rows`` gathers the texts evidence is read from (each work's title and abstract; the text of
each document about a work), tags them with the vocabularies of the configuration
(``kb.evidence.link.evidence_tables``) and numbers the works of each intervention in best-evidence order.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence

from kb.config import Config
from kb.evidence.link import TextSource, evidence_tables
from kb.evidence.vocab import load_vocabulary_files
from kb.model import EXTRA_ABSTRACT, Extraction, ProblemCode, Row, Tables, merged_extra


def evidence_rows(ex: Extraction, tables: Mapping[str, Sequence[Row]], config: Config) -> Tables:
    """The evidence tables for a grouped extraction whose main rows are ``tables`` (works are ranked)."""
    vocab = load_vocabulary_files(config.vocabularies)  # a broken file raises a KbError naming it
    evidence = evidence_tables(*evidence_sources(ex), vocab)
    rank_links(tables.get("works", []), evidence)  # an empty references/ has no works
    return evidence


def rank_links(works: Sequence[Row], evidence: Tables) -> None:
    """Number the works in best-evidence order (CEBM level, most recent, citation key) on their
    intervention links, so that a query for a treatment's best evidence reads an index in order."""
    level = {d["work_id"]: d.get("level") for d in evidence["work_design"]}

    def key(work: Row) -> tuple[int, float, str]:
        lvl, year = level.get(work["id"]), work.get("year")
        return (9 if lvl is None else lvl, -year if year is not None else math.inf, work["citation_key"])

    rank = {w["id"]: i for i, w in enumerate(sorted(works, key=key), 1)}
    for link in evidence["work_interventions"]:
        link["work_rank"] = rank.get(link["work_id"])


def evidence_sources(ex: Extraction) -> tuple[list[TextSource], dict[tuple[str, str], list[str]]]:
    """What evidence linking reads: each work's title and abstract (located at its first citation), and
    for each document about a work, its text with everything else blanked."""
    citations = {c.id: c for c in ex.citations}
    sources = []
    for work in ex.works:
        first = citations.get(work.citation_ids[0]) if work.citation_ids else None
        document_id, line = (first.document_id, first.span.line_start) if first else ("", 0)
        sources.append(TextSource(work.id, work.reference.title, document_id, line, "title"))
        abstract = {**work.extra, **merged_extra(citations[i] for i in work.citation_ids)}.get(
            EXTRA_ABSTRACT, ""
        )
        if abstract:
            sources.append(TextSource(work.id, abstract, document_id, line, "abstract"))
    about_a_work = {d.id for d in ex.documents if d.work_id}
    text_lines: dict[str, set[int]] = defaultdict(set)
    for doc_id, span in ex.passages:
        if doc_id in about_a_work:
            text_lines[doc_id].update(range(span.line_start, span.line_end + 1))
    for doc_id, problem, _ in ex.problems:
        if doc_id in about_a_work and problem.code is ProblemCode.NOT_A_REFERENCE:
            text_lines[doc_id].update(range(problem.line, problem.line_end + 1))
    document_lines: dict[tuple[str, str], list[str]] = {}
    for document in ex.documents:
        if not document.work_id:
            continue
        keep = text_lines[document.id]
        document_lines[(document.work_id, document.id)] = [
            line if n in keep else "" for n, line in enumerate(document.lines, 1)
        ]
    return sources, document_lines

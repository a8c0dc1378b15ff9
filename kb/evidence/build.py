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
from kb.evidence.condition import condition_rank, work_condition
from kb.evidence.link import TextSource, evidence_tables
from kb.evidence.vocab import Vocabulary, load_vocabulary_files
from kb.model import (
    EXTRA_ABSTRACT,
    EXTRA_KEYWORDS,
    EXTRA_MESH,
    Extraction,
    ProblemCode,
    Row,
    Tables,
    merged_extra,
)


def evidence_rows(ex: Extraction, tables: Mapping[str, Sequence[Row]], config: Config) -> Tables:
    """The evidence tables for a grouped extraction whose main rows are ``tables``: each work's condition
    is set on its row and the works are ranked."""
    vocab = load_vocabulary_files(config.vocabularies)  # a broken file raises a KbError naming it
    sources, document_lines = evidence_sources(ex)
    evidence = evidence_tables(sources, document_lines, vocab, config.jobs)
    narrative_talks(evidence, ex, vocab)
    works = tables.get("works", [])  # an empty references/ has no works
    set_conditions(works, ex, sources, document_lines, vocab)
    rank_links(works, evidence)
    return evidence


TALK_TYPES = frozenset({"speech"})
"""Work types of a talk: a presentation about a topic, never a case report or a case series, whatever
clinical cases it shows; its design is a narrative review."""
NOT_FOR_TALKS = frozenset({"case_report", "case_series"})
TALK_DESIGN = "narrative_review"


def narrative_talks(evidence: Tables, ex: Extraction, vocab: Vocabulary) -> None:
    """A talk (a document whose sidecar work is a ``speech``) read as a case report or series is a
    narrative review: the clinical cases of a talk illustrate it, they are not its design."""
    talks = {d.work_id for d in ex.documents if d.work_id and d.work.get("type") in TALK_TYPES}
    spec = vocab.designs.by_id.get(TALK_DESIGN)
    if spec is None:
        return
    has = spec.get("has2013") or {}
    for row in evidence["work_design"]:
        if row["work_id"] in talks and row["design_id"] in NOT_FOR_TALKS:
            row.update(
                design_id=TALK_DESIGN,
                level=spec.get("cebm2011"),
                has2013_level=has.get("level") if isinstance(has, dict) else None,
                grade=has.get("grade") if isinstance(has, dict) else None,
            )


def set_conditions(
    works: Sequence[Row],
    ex: Extraction,
    sources: Sequence[TextSource],
    document_lines: Mapping[tuple[str, str], list[str]],
    vocab: Vocabulary,
) -> None:
    """Each work row's ``condition`` (kb.evidence.condition) from its title, abstract, MeSH terms, keywords
    and the text of a document that presents it."""
    texts: dict[str, list[str]] = defaultdict(list)
    for source in sources:
        texts[source.work_id].append(source.text)
    for (work_id, _), lines in document_lines.items():
        texts[work_id].append("\n".join(lines))
    citations = {c.id: c for c in ex.citations}
    for work in ex.works:
        extra = {**work.extra, **merged_extra(citations[i] for i in work.citation_ids if i in citations)}
        texts[work.id] += [extra.get(EXTRA_MESH, ""), extra.get(EXTRA_KEYWORDS, "")]
    for row in works:
        row["condition"] = work_condition(vocab.conditions, texts.get(row["id"], ()))


def rank_links(works: Sequence[Row], evidence: Tables) -> None:
    """Number the works in best-evidence order (ITP studies first, then CEBM level, most recent, citation
    key) on their intervention links, so that a query for a treatment's best evidence reads an index in
    order."""
    level = {d["work_id"]: d.get("level") for d in evidence["work_design"]}

    def key(work: Row) -> tuple[int, int, float, str]:
        lvl, year = level.get(work["id"]), work.get("year")
        return (
            condition_rank(work.get("condition") or ""),
            9 if lvl is None else lvl,
            -year if year is not None else math.inf,
            work["citation_key"],
        )

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
    for problem in ex.problems:
        if problem.document_id in about_a_work and problem.code is ProblemCode.NOT_A_REFERENCE:
            text_lines[problem.document_id].update(range(problem.line, problem.line_end + 1))
    document_lines: dict[tuple[str, str], list[str]] = {}
    for document in ex.documents:
        if not document.work_id:
            continue
        keep = text_lines[document.id]
        document_lines[(document.work_id, document.id)] = [
            line if n in keep else "" for n, line in enumerate(document.lines, 1)
        ]
    return sources, document_lines

"""The one place that knows the stage order: ingest -> parse -> works -> store.

``build`` reads ``references/``, turns every document into citations, problems and passages, groups
citations into works and writes the database to a temporary file that replaces the old one only when
everything succeeded.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import tempfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from kb.decisions import DECISIONS_FILE, load_decisions, unknown_id_problem
from kb.dedupe.group import NoticeRow, PairRow, ReviewItem, group_works, notice_rows
from kb.evidence.link import EVIDENCE_SCHEMA, EVIDENCE_VIEWS, TextSource, evidence_tables
from kb.graph import GRAPH_SCHEMA, graph_tables
from kb.ingest import CitationSpan, cut_document, read_documents, record_lines
from kb.model import (
    EXTRA_ABSTRACT,
    EXTRA_KEYWORDS,
    EXTRA_MESH,
    EXTRA_PUBLICATION_TYPES,
    EXTRA_REFERENCES,
    Citation,
    CitationKind,
    CitationStatus,
    Document,
    DocumentKind,
    KbError,
    Problem,
    ProblemCode,
    Record,
    Reference,
    Severity,
    Span,
    Work,
)
from kb.normalise import normalise_record, parse_name, repair_text
from kb.parse import parse_reference
from kb.store import SCHEMA, Row, write_database
from kb.works import citation_keys, stable_id


@dataclass
class Extraction:
    """Everything the pipeline extracted from the documents, before it is written."""

    documents: list[Document] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    problems: list[tuple[str, Problem, str]] = field(default_factory=list)
    """``(document_id, problem, citation_id)``; ids empty when there is none."""
    passages: list[tuple[str, Span]] = field(default_factory=list)
    works: list[Work] = field(default_factory=list)
    pairs: list[PairRow] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    notices: list[NoticeRow] = field(default_factory=list)


@dataclass
class BuildSummary:
    """What a build produced, for the CLI summary and for ``--strict``."""

    documents: int
    citations: int
    works: int
    passages: int
    problems: Counter[str]
    errors: int

    def lines(self) -> list[str]:
        """The summary as printable lines."""
        out = [
            f"documents: {self.documents}",
            f"citations: {self.citations}",
            f"works: {self.works}",
            f"passages: {self.passages}",
            f"problems: {sum(self.problems.values())} ({self.errors} errors)",
        ]
        out += [f"  {code}: {n}" for code, n in sorted(self.problems.items())]
        return out


def _status(kind: CitationKind, ref: Reference) -> CitationStatus:
    if kind is CitationKind.INLINE and ref.is_short:
        return CitationStatus.SHORT
    return CitationStatus.PARTIAL if ref.problems else CitationStatus.PARSED


def _located(code: ProblemCode, message: str, span: Span, field_name: str = "") -> Problem:
    where = f"{span.path}:{span.line_start}" + (
        f"-{span.line_end}" if span.line_end != span.line_start else ""
    )
    return Problem(
        code, f"{where}: {message}", span.path, span.line_start, span.line_end, span.text, field_name
    )


def _add_citation(out: Extraction, document: Document, found: CitationSpan, seen: Counter[str]) -> None:
    ref = parse_reference(found.text)
    codes = {code for code, _, _ in ref.problems}
    empty = not (ref.authors or ref.title or ref.year or ref.journal or ref.doi or ref.url)
    if ProblemCode.UNPARSED in codes and empty:
        message = next(m for c, _, m in ref.problems if c is ProblemCode.UNPARSED)
        out.problems.append(
            (
                document.id,
                _located(
                    ProblemCode.UNPARSED, f"{message}; kept verbatim here and not made a work.", found.span
                ),
                "",
            )
        )
        return
    if ProblemCode.NOT_A_REFERENCE in codes:
        message = next(m for c, _, m in ref.problems if c is ProblemCode.NOT_A_REFERENCE)
        out.problems.append(
            (
                document.id,
                _located(
                    ProblemCode.NOT_A_REFERENCE,
                    f"{message}; kept verbatim here and not made a work. "
                    "Remove it from the list if it is not a "
                    "reference.",
                    found.span,
                ),
                "",
            )
        )
        return
    if found.kind is CitationKind.REFERENCE and not ref.title and ProblemCode.MISSING_TITLE not in codes:
        ref.problems.append((ProblemCode.MISSING_TITLE, "title", "the entry has no title"))
    seen[found.span.text] += 1
    citation_id = stable_id("c_", document.id, found.span.text, str(seen[found.span.text]))
    citation = Citation(citation_id, document.id, found.span, found.kind, ref, _status(found.kind, ref))
    out.citations.append(citation)
    for code, field_name, message in ref.problems:
        out.problems.append((document.id, _located(code, message, found.span, field_name), citation_id))
    _normalise(out, document, citation)


def _normalise(out: Extraction, document: Document, citation: Citation) -> None:
    """Normalise a citation's fields in place (keeping the parsed ones as ``written``); findings become
    problems of the citation."""
    norm = normalise_record(citation.reference, language=document.language or "en")
    citation.written = citation.reference
    citation.reference = norm.reference
    citation.journal_abbrev, citation.journal_key = norm.journal_canonical, norm.journal_key
    citation.first_page, citation.last_page = norm.first_page, norm.last_page
    for f in norm.findings:
        problem = _located(ProblemCode(f.code), f.message, citation.span, f.field)
        if f.raw:
            problem = replace(problem, raw=f.raw)
        out.problems.append((document.id, problem, citation.id))


def _text_problems(span: Span) -> list[Problem]:
    """What text repair finds in a passage (kept verbatim: passages are never rewritten)."""
    problems = []
    for offset, line in enumerate(span.text.splitlines()):
        _, findings = repair_text(line)
        for f in findings:
            line_span = Span(span.path, span.line_start + offset, span.line_start + offset, line)
            problems.append(_located(ProblemCode(f.code), f.message, line_span, "text"))
    return problems


def _add_record(out: Extraction, document: Document, record: Record, seen: Counter[str]) -> None:
    """A record of a structured export: its fields skip the string parser; missing ones are flagged."""
    first, last = record_lines(record)
    span = Span(document.path, first, last, record.raw)
    ref = record.reference
    codes = {code for code, _, _ in ref.problems}
    checks = (
        (not ref.title, ProblemCode.MISSING_TITLE, "title", "the record has no title"),
        (not ref.authors, ProblemCode.MISSING_AUTHORS, "authors", "the record has no author"),
        (not ref.year, ProblemCode.MISSING_YEAR, "year", "the record has no year"),
    )
    for missing, code, field_name, message in checks:
        if missing and code not in codes:
            ref.problems.append((code, field_name, message))
    seen[record.raw] += 1
    citation_id = stable_id("c_", document.id, record.raw, str(seen[record.raw]))
    status = CitationStatus.PARTIAL if ref.problems else CitationStatus.PARSED
    citation = Citation(
        citation_id,
        document.id,
        span,
        CitationKind.RECORD,
        ref,
        status,
        record_id=record.id,
        extra=dict(record.extra),
    )
    out.citations.append(citation)
    for code, field_name, message in ref.problems:
        out.problems.append(
            (document.id, _located(code, f"record {record.id}: {message}", span, field_name), citation_id)
        )
    _normalise(out, document, citation)


def default_extract_dir(references: Path) -> Path:
    """The curated ``extract/`` directory beside ``references/``."""
    return references.parent / "extract"


def extract(references: Path, extract_dir: Path | None = None) -> Extraction:
    """Run ingest, parse and normalise over ``references`` and group the citations into works, applying
    the reviewer decisions of ``extract_dir`` (default: ``extract/`` beside ``references/``)."""
    if not references.is_dir():
        raise KbError(
            f"references directory {references} does not exist or is not a directory; "
            "pass --references DIR with your documents in it."
        )
    read = read_documents(references)
    out = Extraction(documents=read.documents)
    by_path = {d.path: d.id for d in read.documents}
    out.problems += [(by_path.get(p.path, ""), p, "") for p in read.problems]
    for document in read.documents:
        cut = cut_document(document)
        seen: Counter[str] = Counter()
        for found in cut.citations:
            _add_citation(out, document, found, seen)
        for record in cut.records:
            _add_record(out, document, record, seen)
        out.problems += [(document.id, p, "") for p in cut.problems]
        out.passages += [(document.id, span) for span in cut.passages]
        out.problems += [(document.id, p, "") for span in cut.passages for p in _text_problems(span)]
    _group(out, (extract_dir or default_extract_dir(references)) / DECISIONS_FILE)
    _document_works(out)
    return out


def _group(out: Extraction, decisions_path: Path) -> None:
    """Deduplicate and link (kb.works), with the reviewer decisions; its findings become problems."""
    decisions, problems = load_decisions(decisions_path)
    out.problems += [("", p, "") for p in problems]
    grouping = group_works(out.citations, decisions)
    out.works, out.pairs, out.review = grouping.works, grouping.pairs, grouping.review
    out.notices = grouping.notices
    out.problems += [
        ("", unknown_id_problem(decisions_path, d, missing), "") for d, missing in grouping.unknown_ids
    ]
    citations = {c.id: c for c in out.citations}
    for citation_id, code, message in grouping.problems:
        citation = citations[citation_id]
        out.problems.append((citation.document_id, _located(code, message, citation.span), citation_id))


def _document_works(out: Extraction) -> None:
    """Point each document at the work it presents or reviews.

    A review card reviews the article of its header (its first citation with a title); a document whose
    sidecar has a ``work`` block is itself a study (a thesis, a congress presentation) and becomes a work.
    """
    header_of: dict[str, Citation] = {}
    for c in out.citations:
        if c.reference.title and c.document_id not in header_of:
            header_of[c.document_id] = c
    for document in out.documents:
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
            out.works.append(Work(stable_id("w_", key), key, ref))
            document.work_id = out.works[-1].id
        elif document.kind is DocumentKind.REVIEW_CARD:
            header = header_of.get(document.id)
            document.work_id = header.work_id if header else ""
    out.works.sort(key=lambda w: w.id)


def _names(ref: Reference) -> str:
    return "; ".join(n.display() for n in ref.authors) + ("; et al." if ref.et_al and ref.authors else "")


def _int(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdecimal() else None


def _reference_columns(ref: Reference) -> Row:
    return {
        "authors": _names(ref),
        "first_author": ref.authors[0].family if ref.authors else "",
        "title": ref.title,
        "journal": ref.journal,
        "year": _int(ref.year),
        "month": _int(ref.month),
        "volume": ref.volume,
        "issue": ref.issue,
        "pages": ref.pages,
        "doi": ref.doi,
        "pmid": ref.pmid,
        "url": ref.url,
        "hal_id": ref.hal_id,
    }


def _extra_columns(extra: dict[str, str]) -> Row:
    return {
        "abstract": extra.get(EXTRA_ABSTRACT, ""),
        "keywords": extra.get(EXTRA_KEYWORDS, ""),
        "mesh_terms": extra.get(EXTRA_MESH, ""),
        "publication_types": extra.get(EXTRA_PUBLICATION_TYPES, ""),
    }


def _written_columns(citation: Citation) -> Row:
    """The parsed values of the fields normalisation changed (null where it changed nothing)."""
    written, ref = citation.written, citation.reference
    if written is None:
        return {}
    pairs = {
        "authors_written": (_names(written), _names(ref)),
        "title_written": (written.title, ref.title),
        "pages_written": (written.pages, ref.pages),
    }
    return {column: (old if old != new else None) for column, (old, new) in pairs.items()}


def _merged_extra(citations: Iterable[Citation]) -> dict[str, str]:
    """A work's extra fields: for each key, the first non-empty value among its citations."""
    merged: dict[str, str] = {}
    for citation in citations:
        for key, value in citation.extra.items():
            if value and key not in merged:
                merged[key] = value
    return merged


def rows(ex: Extraction) -> dict[str, list[Row]]:
    """Turn an extraction into table rows for ``kb.store``."""
    documents = {d.id: d for d in ex.documents}
    citations = {c.id: c for c in ex.citations}

    def page(document_id: str, line: int) -> int | None:
        document = documents.get(document_id)
        return document.page_of(line) if document else None

    documents_of: dict[str, set[str]] = defaultdict(set)
    for c in ex.citations:
        documents_of[c.work_id].add(c.document_id)
    keys = citation_keys(ex.works)
    tables: dict[str, list[Row]] = defaultdict(list)
    for w in ex.works:
        tables["works"].append(
            {
                "id": w.id,
                "citation_key": keys[w.id],
                "type": w.reference.type,
                **_reference_columns(w.reference),
                "journal": w.journal_abbrev or w.reference.journal,
                "journal_written": w.reference.journal,
                "first_page": w.first_page,
                "last_page": w.last_page,
                **_extra_columns(_merged_extra(citations[i] for i in w.citation_ids)),
                "n_citations": len(w.citation_ids),
                "n_documents": len(documents_of[w.id]),
            }
        )
        tables["work_authors"] += [
            {"work_id": w.id, "position": i + 1, "family": n.family, "given": n.given, "literal": n.literal}
            for i, n in enumerate(w.reference.authors)
        ]
    for d in ex.documents:
        tables["documents"].append(
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "kind": d.kind.value,
                "language": d.language,
                "date": d.date,
                "authors": "; ".join(d.authors),
                "event": d.event,
                "sha256": d.sha256,
                "n_lines": d.n_lines,
                "encoding": d.encoding,
                "format": d.format,
                "work_id": d.work_id or None,
            }
        )
    for c in ex.citations:
        tables["citations"].append(
            {
                "id": c.id,
                "document_id": c.document_id,
                "line_start": c.span.line_start,
                "line_end": c.span.line_end,
                "page": page(c.document_id, c.span.line_start),
                "raw": c.span.text,
                "kind": c.kind.value,
                "status": c.status.value,
                "work_id": c.work_id,
                "record_id": c.record_id,
                **_reference_columns(c.reference),
                **_written_columns(c),
                "journal_abbrev": c.journal_abbrev,
                "first_page": c.first_page,
                "last_page": c.last_page,
                **_extra_columns(c.extra),
                "et_al": int(c.reference.et_al),
                "day": _int(c.reference.day),
            }
        )
    seen: Counter[tuple[str, ...]] = Counter()
    for document_id, p, citation_id in ex.problems:
        key = (p.path, p.code.value, p.field, p.raw, str(p.line))
        seen[key] += 1
        tables["problems"].append(
            {
                "id": stable_id("p_", *key, str(seen[key])),
                "document_id": document_id or None,
                "path": p.path,
                "line": p.line,
                "line_end": p.line_end,
                "page": page(document_id, p.line) if p.line else None,
                "code": p.code.value,
                "severity": p.severity.value,
                "field": p.field,
                "message": p.message,
                "raw": p.raw,
                "citation_id": citation_id or None,
            }
        )
    passage_seen: Counter[tuple[str, str]] = Counter()
    for document_id, span in ex.passages:
        passage_seen[(document_id, span.text)] += 1
        tables["passages"].append(
            {
                "id": stable_id("t_", document_id, span.text, str(passage_seen[(document_id, span.text)])),
                "document_id": document_id,
                "line_start": span.line_start,
                "line_end": span.line_end,
                "page": page(document_id, span.line_start),
                "text": span.text,
            }
        )
    tables["notices"] = notice_rows(ex.notices, citations)
    tables["duplicate_pairs"] = [
        {
            "id": stable_id("dp_", p.a, p.b),
            "record_a": p.a,
            "record_b": p.b,
            "decision": p.decision,
            "score": p.score,
            "reason": p.reason,
            "scores": p.scores,
        }
        for p in ex.pairs
    ]
    works_by_id = {w.id: w for w in ex.works}
    tables["review_queue"] = [_review_row(item, citations, works_by_id) for item in ex.review]
    tables.update(evidence_tables(*_evidence_sources(ex)))
    _rank_links(tables)
    tables.update(graph_tables(tables, _record_reference_edges(ex)))
    return tables


def _rank_links(tables: dict[str, list[Row]]) -> None:
    """Number the works in best-evidence order (CEBM level, most recent, citation key) on their
    intervention links, so that a query for a treatment's best evidence reads an index in order."""
    level = {d["work_id"]: d.get("level") for d in tables["work_design"]}

    def key(work: Row) -> tuple[int, float, str]:
        lvl, year = level.get(work["id"]), work.get("year")
        return (9 if lvl is None else lvl, -year if year is not None else math.inf, work["citation_key"])

    rank = {w["id"]: i for i, w in enumerate(sorted(tables["works"], key=key), 1)}
    for link in tables["work_interventions"]:
        link["work_rank"] = rank.get(link["work_id"])


def _record_reference_edges(ex: Extraction) -> list[tuple[str, str, str, int]]:
    """Work -> work edges from records that carry their own reference list (CSL-JSON ``reference``),
    matched to works by DOI: ``(citing_work_id, cited_work_id, document_id, line)``."""
    by_doi = {w.reference.doi.lower(): w.id for w in ex.works if w.reference.doi}
    edges = []
    for citation in ex.citations:
        listed = citation.extra.get(EXTRA_REFERENCES)
        if not listed or not citation.work_id:
            continue
        items = json.loads(listed)  # written by kb.ingest.csljson with json.dumps: always valid
        for item in items if isinstance(items, list) else []:
            doi = str(item.get("DOI") or "").strip().lower() if isinstance(item, dict) else ""
            cited = by_doi.get(doi)
            if cited and cited != citation.work_id:
                edges.append((citation.work_id, cited, citation.document_id, citation.span.line_start))
    return sorted(set(edges))


def _review_row(item: ReviewItem, citations: dict[str, Citation], works: dict[str, Work]) -> Row:
    """A review item with both sides' text and place, and the line that records a decision."""
    a = citations[item.a]
    b_citation = citations.get(item.b)
    b_work = works.get(item.b)
    b_text = (
        b_citation.span.text
        if b_citation
        else (_names(b_work.reference) + ". " + b_work.reference.title if b_work else "")
    )
    return {
        "id": stable_id("rq_", item.kind, item.a, item.b),
        "kind": item.kind,
        "record_a": item.a,
        "record_b": item.b,
        "a_text": a.span.text,
        "b_text": b_text,
        "a_document_id": a.document_id,
        "a_line": a.span.line_start,
        "b_document_id": b_citation.document_id if b_citation else None,
        "b_line": b_citation.span.line_start if b_citation else None,
        "score": item.score,
        "reason": item.reason,
        "decide_with": item.suggestion,
    }


def _evidence_sources(ex: Extraction) -> tuple[list[TextSource], dict[tuple[str, str], list[str]]]:
    """What evidence linking reads: each work's title and abstract (located at its first citation), and
    for each document about a work, its text with everything else blanked."""
    citations = {c.id: c for c in ex.citations}
    sources = []
    for work in ex.works:
        first = citations.get(work.citation_ids[0]) if work.citation_ids else None
        document_id, line = (first.document_id, first.span.line_start) if first else ("", 0)
        sources.append(TextSource(work.id, work.reference.title, document_id, line, "title"))
        abstract = _merged_extra(citations[i] for i in work.citation_ids).get(EXTRA_ABSTRACT, "")
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


FULL_SCHEMA = {**SCHEMA, **EVIDENCE_SCHEMA, **GRAPH_SCHEMA}
"""Every table the build writes, in creation order."""
VIEWS = {**EVIDENCE_VIEWS}


def build(references: Path, db_path: Path, extract_dir: Path | None = None) -> BuildSummary:
    """Build the database at ``db_path`` from ``references``, replacing any previous one atomically."""
    ex = extract(references, extract_dir)
    tables = rows(ex)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{db_path.name}.", suffix=".tmp", dir=db_path.parent)
    except OSError as exc:
        raise KbError(f"cannot write to {db_path.parent}: {exc.strerror}; check the --db path.") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        tmp.unlink()
        write_database(tmp, tables, FULL_SCHEMA, VIEWS)
        with tmp.open("rb") as written:
            os.fsync(written.fileno())
        os.replace(tmp, db_path)
    except (OSError, sqlite3.Error) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise KbError(
            f"cannot write the database {db_path}: {reason}; the previous database, if any, is unchanged."
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    codes = Counter(p.code.value for _, p, _ in ex.problems)
    errors = sum(1 for _, p, _ in ex.problems if p.severity is Severity.ERROR)
    return BuildSummary(len(ex.documents), len(ex.citations), len(ex.works), len(ex.passages), codes, errors)

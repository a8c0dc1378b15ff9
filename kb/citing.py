"""The citing stage: every document of ``references/`` read, cut, parsed and normalised.

``read_references`` reads the documents (``kb.ingest``), cuts each into citation spans, structured
records and passages, parses each span (``kb.parse``) and normalises every citation's fields
(``kb.normalise``, with the journal table of the configuration). It decides which spans become
citations: a span the parser could not read at all, or that is not a reference, is kept verbatim as a
problem and made no citation; a citation's status says how far it got. Every problem is located at its
file and lines.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from functools import partial

from kb.config import Config
from kb.ingest import CitationSpan, cut_document, read_documents, record_lines
from kb.model import (
    Citation,
    CitationKind,
    CitationStatus,
    Document,
    Extraction,
    KbError,
    Problem,
    ProblemCode,
    Record,
    Reference,
    Span,
)
from kb.normalise import load_journal_table, normalise_record, repair_text
from kb.normalise.journals import JournalTable, abbreviator
from kb.parse import parse_reference
from kb.parse.confidence import low_confidence_problems
from kb.parse.crf import default_parser
from kb.parse.features import load_dictionaries
from kb.workers import ordered_map
from kb.works import stable_id


def read_references(config: Config) -> Extraction:
    """The documents of ``config.references`` with their citations, passages and problems."""
    references = config.references
    if not references.is_dir():
        raise KbError(
            f"references directory {references} does not exist or is not a directory; "
            "pass --references DIR with your documents in it."
        )
    journals = load_journal_table(config.journals)  # a broken table raises a KbError naming it
    with config.progress.stage("read") as step:
        read = read_documents(references)
        step.done(f"{len(read.documents):,} documents")
    out = Extraction(documents=read.documents)
    by_path = {d.path: d.id for d in read.documents}
    out.problems += [replace(p, document_id=by_path.get(p.path, "")) for p in read.problems]
    with config.progress.stage("parse", total=len(read.documents), unit="documents") as step:
        if config.jobs > 1:
            _load_shared()
        read_one = partial(_read_document, journals=journals)
        for part in ordered_map(read_one, read.documents, config.jobs):
            out.citations += part.citations
            out.problems += part.problems
            out.passages += part.passages
            step.advance()
        step.done(f"{len(out.citations):,} citations, {len(out.passages):,} passages")
    return out


def _load_shared() -> None:
    """Load what parsing and normalising otherwise load at their first use (the parser's model and
    dictionaries, the ISO 4 word list) in this process, so that the forked workers share one copy."""
    default_parser()
    load_dictionaries()
    abbreviator()


def _read_document(document: Document, journals: JournalTable) -> Extraction:
    """One document cut, parsed and normalised: its citations, passages and problems (documents are
    independent: ``read_references`` reads them side by side when the configuration has jobs)."""
    out = Extraction()
    cut = cut_document(document)
    seen: Counter[str] = Counter()
    for found in cut.citations:
        _add_citation(out, document, found, seen, journals)
    for record in cut.records:
        _add_record(out, document, record, seen, journals)
    out.problems += [replace(p, document_id=document.id) for p in cut.problems]
    out.passages += [(document.id, span) for span in cut.passages]
    out.problems += [p for span in cut.passages for p in _text_problems(document.id, span)]
    return out


def citation_status(kind: CitationKind, ref: Reference) -> CitationStatus:
    """How far a parsed citation got: short (inline, no title), partial (with problems) or parsed."""
    if kind is CitationKind.INLINE and ref.is_short:
        return CitationStatus.SHORT
    return CitationStatus.PARTIAL if ref.problems else CitationStatus.PARSED


def _first(ref: Reference, code: ProblemCode) -> Problem | None:
    return next((p for p in ref.problems if p.code is code), None)


def _add_citation(
    out: Extraction, document: Document, found: CitationSpan, seen: Counter[str], journals: JournalTable
) -> None:
    ref = parse_reference(found.text)
    empty = not (ref.authors or ref.title or ref.year or ref.journal or ref.doi or ref.url)
    unparsed, prose = _first(ref, ProblemCode.UNPARSED), _first(ref, ProblemCode.NOT_A_REFERENCE)
    if unparsed and empty:
        suffix = "; kept verbatim here and not made a work."
        out.problems.append(
            replace(unparsed, field="", message=unparsed.message + suffix).at(found.span, document.id)
        )
        return
    if prose:
        suffix = "; kept verbatim here and not made a work. Remove it from the list if it is not a reference."
        out.problems.append(
            replace(prose, field="", message=prose.message + suffix).at(found.span, document.id)
        )
        return
    if found.kind is CitationKind.REFERENCE and not ref.title and not _first(ref, ProblemCode.MISSING_TITLE):
        ref.problems.append(Problem(ProblemCode.MISSING_TITLE, "the entry has no title", field="title"))
    seen[found.span.text] += 1
    citation_id = stable_id("c_", document.id, found.span.text, str(seen[found.span.text]))
    citation = Citation(
        citation_id, document.id, found.span, found.kind, ref, citation_status(found.kind, ref)
    )
    out.citations.append(citation)
    out.problems += [
        p.at(found.span, document.id, citation_id)
        for p in [*ref.problems, *low_confidence_problems(ref.confidence)]
    ]
    _normalise(out, document, citation, journals)


def _normalise(out: Extraction, document: Document, citation: Citation, journals: JournalTable) -> None:
    """Normalise a citation's fields in place (keeping the parsed ones as ``written``); what the
    normalisers found becomes problems of the citation."""
    norm = normalise_record(citation.reference, language=document.language or "en", table=journals)
    citation.written = citation.reference
    citation.reference = norm.reference
    citation.journal_abbrev, citation.journal_key = norm.journal_canonical, norm.journal_key
    citation.first_page, citation.last_page = norm.first_page, norm.last_page
    out.problems += [f.at(citation.span, document.id, citation.id) for f in norm.findings]


def _text_problems(document_id: str, span: Span) -> list[Problem]:
    """What text repair finds in a passage (kept verbatim: passages are never rewritten)."""
    problems = []
    for offset, line in enumerate(span.text.splitlines()):
        _, findings = repair_text(line)
        line_span = Span(span.path, span.line_start + offset, span.line_start + offset, line)
        problems += [replace(f, field="text").at(line_span, document_id, raw=line) for f in findings]
    return problems


def _add_record(
    out: Extraction, document: Document, record: Record, seen: Counter[str], journals: JournalTable
) -> None:
    """A record of a structured export: its fields skip the string parser; missing ones are flagged."""
    first, last = record_lines(record)
    span = Span(document.path, first, last, record.raw)
    ref = record.reference
    codes = {p.code for p in ref.problems}
    checks = (
        (not ref.title, ProblemCode.MISSING_TITLE, "title", "the record has no title"),
        (not ref.authors, ProblemCode.MISSING_AUTHORS, "authors", "the record has no author"),
        (not ref.year, ProblemCode.MISSING_YEAR, "year", "the record has no year"),
    )
    for missing, code, field_name, message in checks:
        if missing and code not in codes:
            ref.problems.append(Problem(code, message, field=field_name))
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
    out.problems += [
        p.at(span, document.id, citation_id, prefix=f"record {record.id}: ") for p in ref.problems
    ]
    _normalise(out, document, citation, journals)

"""Ingest: read the documents of ``references/`` and cut each into citations, records and passages.

``read_documents`` gives ``Document`` objects, each read by the reader its content calls for (plain text,
PDF, BibTeX, RIS, PubMed MEDLINE, CSL-JSON). ``cut_document`` gives, for one document, the spans that
cite (reference-list entries or inline citations), the records of a structured export, the problems
its reader met and the passages of remaining text. Together they cover every non-blank line.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.ingest.documents import ReadResult, read_documents
from kb.ingest.formats import InputFormat
from kb.ingest.inline import find_inline_citations, passages
from kb.ingest.readers import read_export
from kb.ingest.reflist import entry_text, split_reference_list
from kb.model import CitationKind, Document, DocumentKind, Problem, Record, Span


@dataclass(frozen=True)
class CitationSpan:
    """A span that cites something, the text handed to the parser, and its kind."""

    span: Span
    text: str
    kind: CitationKind


@dataclass
class Cut:
    """A document cut into citation spans, structured records, reader problems and text passages."""

    citations: list[CitationSpan] = field(default_factory=list)
    passages: list[Span] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def record_lines(record: Record) -> tuple[int, int]:
    """First and last line of a record in its file."""
    return record.line, record.line + record.raw.rstrip("\n").count("\n")


def _cut_records(document: Document, fmt: InputFormat) -> Cut:
    read = read_export("\n".join(document.lines), document.path, fmt)
    consumed: set[int] = set()
    for record in read.records:
        first, last = record_lines(record)
        consumed.update(range(first - 1, last))
    for problem in read.problems:
        if problem.line > 0:
            consumed.update(range(problem.line - 1, max(problem.line, problem.line_end)))
    return Cut([], passages(document.path, document.lines, consumed), read.records, read.problems)


def cut_document(document: Document) -> Cut:
    """Cut ``document`` according to its format and kind."""
    fmt = InputFormat(document.format)
    if fmt.structured:
        return _cut_records(document, fmt)
    if document.kind is DocumentKind.REFERENCE_LIST:
        spans = split_reference_list(document.path, document.lines)
        return Cut([CitationSpan(s, entry_text(s), CitationKind.REFERENCE) for s in spans], [])
    found, consumed = find_inline_citations(document.path, document.lines)
    return Cut(
        [CitationSpan(c.span, c.text, CitationKind.INLINE) for c in found],
        passages(document.path, document.lines, consumed),
    )


__all__ = ["CitationSpan", "Cut", "ReadResult", "cut_document", "read_documents", "record_lines"]

"""Ingest: read the documents of ``references/`` and cut each into citations, records and passages.

``read_documents`` gives ``Document`` objects, each read by the reader its content calls for (plain text,
PDF, BibTeX, RIS, PubMed MEDLINE, CSL-JSON). ``cut_document`` gives, for one document, the spans that
cite (reference-list entries or inline citations), the records of a structured export, the problems
its reader met and the passages of remaining text. Together they cover every non-blank line.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kb.model import CitationKind, Document, DocumentKind, Problem, Record, Span
from kb.model import ReadResult as RecordsRead

if TYPE_CHECKING:
    from kb.ingest.formats import InputFormat

# The readers are imported when first used, so that a command reading one text file (`kb find`, run
# once per document by the segmentation scorer) does not pay for the BibTeX, RIS, YAML and inline
# citation machinery at start-up.
_LAZY = {"read_documents": "kb.ingest.documents", "ReadResult": "kb.ingest.documents"}


def __getattr__(name: str) -> Any:
    if name == "RECORD_READERS":
        return record_readers()
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def record_readers() -> dict[InputFormat, Callable[[str, str], RecordsRead]]:
    """The reader of each structured export format (see :mod:`kb.ingest.readers`)."""
    from kb.ingest.readers import READERS

    return {fmt: reader.read for fmt, reader in READERS.items()}


SECTION_KINDS = frozenset([DocumentKind.TEXT])
"""Kinds whose references section the finder looks for; slides and review cards cite inline."""


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
    from kb.ingest.inline import passages
    from kb.ingest.readers import read_export

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
    from kb.ingest.formats import InputFormat
    from kb.ingest.inline import find_inline_citations, passages
    from kb.ingest.reflist import entry_text, find_reference_section, join_lines, split_reference_list

    fmt = InputFormat(document.format)
    if fmt.structured:
        return _cut_records(document, fmt)
    if document.kind is DocumentKind.REFERENCE_LIST:
        spans = split_reference_list(document.path, document.lines)
        return Cut([CitationSpan(s, entry_text(s), CitationKind.REFERENCE) for s in spans], [])
    section = (
        find_reference_section(document.lines, document.line_pages or None)
        if document.kind in SECTION_KINDS
        else []
    )
    in_section = {n - 1 for ref in section for n in ref.lines}
    rest = ["" if i in in_section else line for i, line in enumerate(document.lines)]
    found, consumed = find_inline_citations(document.path, rest)
    references = [
        CitationSpan(
            Span(document.path, ref.line_start, ref.line_end, ref.text),
            join_lines(ref.text.splitlines()),
            CitationKind.REFERENCE,
        )
        for ref in section
    ]
    return Cut(
        references + [CitationSpan(c.span, c.text, CitationKind.INLINE) for c in found],
        passages(document.path, document.lines, consumed | in_section),
    )


__all__ = ["CitationSpan", "Cut", "ReadResult", "cut_document", "read_documents", "record_lines"]

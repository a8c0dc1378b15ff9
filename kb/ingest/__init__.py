"""Ingest: read the documents of ``references/`` and cut each into citations and passages.

``read_documents`` gives ``Document`` objects; ``cut_document`` gives, for one document, the spans that
cite (reference-list entries or inline citations) and the passages of plain text. Together they cover
every non-blank line of the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kb.ingest.documents import ReadResult, read_documents
from kb.ingest.inline import find_inline_citations, passages
from kb.ingest.reflist import entry_text, split_reference_list
from kb.model import CitationKind, Document, DocumentKind, Span


@dataclass(frozen=True)
class CitationSpan:
    """A span that cites something, the text handed to the parser, and its kind."""

    span: Span
    text: str
    kind: CitationKind


@dataclass
class Cut:
    """A document cut into citation spans and text passages."""

    citations: list[CitationSpan] = field(default_factory=list)
    passages: list[Span] = field(default_factory=list)


def cut_document(document: Document) -> Cut:
    """Cut ``document`` according to its kind."""
    if document.kind is DocumentKind.REFERENCE_LIST:
        spans = split_reference_list(document.path, document.lines)
        return Cut([CitationSpan(s, entry_text(s), CitationKind.REFERENCE) for s in spans], [])
    found, consumed = find_inline_citations(document.path, document.lines)
    return Cut(
        [CitationSpan(c.span, c.text, CitationKind.INLINE) for c in found],
        passages(document.path, document.lines, consumed),
    )


__all__ = ["CitationSpan", "Cut", "ReadResult", "cut_document", "read_documents"]

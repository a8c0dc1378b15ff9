"""Extract the text of a PDF with pypdf (pure Python), page by page, keeping page numbers as provenance.

The extracted lines then take the text paths (a reference list or free text, by the document's kind);
``line_pages[i]`` is the 1-based page of line ``i + 1``.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from kb.ingest.text import split_lines

logging.getLogger("pypdf").setLevel(logging.ERROR)


@dataclass
class PdfText:
    """The lines of a PDF's text, the page of each line, and what went wrong on the way."""

    lines: list[str] = field(default_factory=list)
    line_pages: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def extract_pdf_text(data: bytes) -> PdfText:
    """Extract every page's text; a page or a file that cannot be read is reported, never raised."""
    out = PdfText()
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = list(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, NotImplementedError) as exc:
        out.errors.append(f"cannot be read as PDF ({' '.join(str(exc).split()) or type(exc).__name__})")
        return out
    for number, page in enumerate(pages, 1):
        try:
            text = page.extract_text() or ""
        except (PyPdfError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
            out.errors.append(f"page {number}: text cannot be extracted ({type(exc).__name__})")
            continue
        lines = split_lines(text)
        out.lines.extend(lines)
        out.line_pages.extend([number] * len(lines))
        if lines and lines[-1].strip():
            out.lines.append("")
            out.line_pages.append(number)
    return out

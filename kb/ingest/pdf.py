"""Extract the text of a PDF in reading order, page by page, keeping page numbers as provenance.

pdfminer.six's layout analysis gives text boxes and their lines with positions. Boxes are put in
reading order here, column by column: a box as wide as the page (a title, a figure caption across
both columns) closes a band, and within a band the left column is read before the right one, each top
to bottom. A line keeps its indentation against its column's left edge (spaces, one per half of the
font size), so that the reference finder sees hanging indents; boxes are separated by a blank line,
pages end with one. ``line_pages[i]`` is the 1-based page of line ``i + 1``.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field

from kb.ingest.text import split_lines

logging.getLogger("pdfminer").setLevel(logging.ERROR)
MAX_INDENT = 16
"""Spaces of indentation kept at most (deeper offsets are layout, not indentation)."""


@dataclass
class PdfText:
    """The lines of a PDF's text, the page of each line, and what went wrong on the way."""

    lines: list[str] = field(default_factory=list)
    line_pages: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class _Box:
    x0: float
    x1: float
    top: float
    lines: list[tuple[float, float, str]]
    """``(x0, height, text)`` of each line."""


def spans_middle(box: _Box, page_width: float) -> bool:
    """A box across the middle of the page: a title, a centred line, a page number, a wide paragraph."""
    middle = page_width / 2
    return box.x0 < middle - 0.01 * page_width and box.x1 > middle + 0.01 * page_width


def reading_order(boxes: list[_Box], page_width: float) -> list[_Box]:
    """Boxes in reading order: bands separated by boxes across the middle, left column before right."""
    middle = page_width / 2
    ordered: list[_Box] = []
    band: list[_Box] = []

    def close() -> None:
        left = [b for b in band if (b.x0 + b.x1) / 2 < middle]
        right = [b for b in band if (b.x0 + b.x1) / 2 >= middle]
        ordered.extend(sorted(left, key=lambda b: -b.top) + sorted(right, key=lambda b: -b.top))
        band.clear()

    for box in sorted(boxes, key=lambda b: -b.top):
        if spans_middle(box, page_width):
            close()
            ordered.append(box)
        else:
            band.append(box)
    close()
    return ordered


def _page_boxes(page: object) -> list[_Box]:
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes: list[_Box] = []
    for element in page:  # type: ignore[attr-defined]
        if not isinstance(element, LTTextBox):
            continue
        lines = [
            (line.x0, line.height, line.get_text().rstrip("\n"))
            for line in element
            if isinstance(line, LTTextLine) and line.get_text().strip()
        ]
        if lines:
            boxes.append(_Box(element.x0, element.x1, element.y1, lines))
    return boxes


def _box_lines(box: _Box, column_left: float) -> list[str]:
    out: list[str] = []
    for x0, height, text in box.lines:
        indent = min(MAX_INDENT, max(0, round((x0 - column_left) / max(height / 2, 1.0))))
        for piece in split_lines(text):
            out.append(" " * indent + piece.strip())
    return out


def extract_pdf_text(data: bytes) -> PdfText:
    """Extract every page's text in reading order; a page or a file that cannot be read is reported,
    never raised."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    out = PdfText()
    try:
        pages = extract_pages(io.BytesIO(data), laparams=LAParams())
        number = 0
        for number, page in enumerate(pages, 1):
            boxes = reading_order(_page_boxes(page), page.width)
            middle = page.width / 2
            columns = [b for b in boxes if not spans_middle(b, page.width)]
            lefts = {
                side: min((b.x0 for b in columns if (b.x0 < middle) == side), default=0.0)
                for side in (True, False)
            }
            for box in boxes:
                left = box.x0 if spans_middle(box, page.width) else lefts[box.x0 < middle]
                lines = _box_lines(box, left)
                out.lines.extend([*lines, ""])
                out.line_pages.extend([number] * (len(lines) + 1))
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        where = f"page {number + 1}: " if out.lines else ""
        out.errors.append(
            f"{where}cannot be read as PDF ({' '.join(str(exc).split()) or type(exc).__name__})"
        )
    return out

"""Find the citations inside free text (review cards, slides) and keep the rest as passages.

Three shapes are recognised:

- a line that is nothing but one or more short citations, after a footnote or list marker
  ("¹ Mahévas et al., *Blood* 2016", "1. Bensinger WI, et al. Transplantation. 1986",
  "Stanworth SJ, et al. Br J Haematol (2015), Matsui R, et al. Transfusion and ... (2021");
- an author-year citation in parentheses inside prose ("(Greenwalt, 1992)");
- the header of a reviewed article: a title line, a citation line and a "DOI:" line
  ("Mycophenolate Mofetil for ..." / "C. A. Bradbury et al., NEJM, 02.09.2021" / "DOI: 10.1056/...").

Every other non-blank line is document text, kept as a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.model import Span
from kb.patterns import (
    CITATION_SEPARATOR,
    DOI_LINE,
    LINE_MARKER,
    PARENTHETICAL,
    SHORT_CITATION,
    SHORT_CITATION_MAX,
)

WHOLE_CITATION = re.compile(rf"(?:{SHORT_CITATION.pattern})\s*[.,;]?\s*")
TITLE_LINE = re.compile(r"^[^\W\d_][^:?!]*[^\s:?!]$")
LINE_CITATIONS_MAX = 4 * SHORT_CITATION_MAX
"""The longest line read as a run of short citations (four long ones); a longer line is text."""
LOOK_AROUND = 2  # non-blank lines searched for the title and DOI of a reviewed article


@dataclass(frozen=True)
class InlineCitation:
    """A citation found in free text: its span (raw text as written) and the text given to the parser."""

    span: Span
    text: str


def _line_citations(line: str) -> list[tuple[int, int]]:
    """Character ranges of the short citations that make up the whole of ``line``, or ``[]``."""
    marker = LINE_MARKER.match(line)
    offset = marker.end() if marker else 0
    body = line[offset:]
    if not body.strip() or len(body) > LINE_CITATIONS_MAX:
        return []
    ranges: list[tuple[int, int]] = []
    start = 0
    pieces = [*CITATION_SEPARATOR.finditer(body), None]
    for sep in pieces:
        end = sep.start() if sep else len(body)
        segment = body[start:end]
        stripped = segment.strip()
        if not stripped or not WHOLE_CITATION.fullmatch(stripped):
            return []
        lead = len(segment) - len(segment.lstrip())
        ranges.append((offset + start + lead, offset + start + lead + len(stripped)))
        start = sep.end() if sep else len(body)
    return ranges


def _neighbour(lines: list[str], index: int, step: int) -> int | None:
    """The index of the nearest non-blank line from ``index`` in direction ``step``, within reach."""
    seen = 0
    i = index + step
    while 0 <= i < len(lines) and seen <= LOOK_AROUND:
        if lines[i].strip():
            return i
        seen += 1
        i += step
    return None


def _header_block(lines: list[str], index: int, taken: set[int]) -> tuple[int, int] | None:
    """Title and DOI lines around a citation line ``index`` that heads a reviewed article."""
    after = _neighbour(lines, index, +1)
    if after is None or after in taken or not DOI_LINE.match(lines[after]):
        return None
    first = index
    before = _neighbour(lines, index, -1)
    if before is not None and before not in taken:
        candidate = lines[before].strip()
        if TITLE_LINE.match(candidate) and len(candidate.split()) >= 4 and not _line_citations(candidate):
            first = before
    return first, after


def find_inline_citations(path: str, lines: list[str]) -> tuple[list[InlineCitation], set[int]]:
    """Find the citations of a free-text document.

    Returns the citations in line order and the set of 0-based line indexes consumed entirely by them
    (those lines are not repeated as passages).
    """
    whole: dict[int, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        ranges = _line_citations(line)
        if ranges:
            whole[i] = ranges
    consumed: set[int] = set(whole)
    found: list[tuple[int, int, InlineCitation]] = []
    for i, ranges in whole.items():
        block = _header_block(lines, i, consumed) if len(ranges) == 1 else None
        if block:
            first, last = block
            raw = "\n".join(lines[first : last + 1])
            text = " ".join(line.strip() for line in lines[first : last + 1] if line.strip())
            consumed.update(range(first, last + 1))
            found.append((first, 0, InlineCitation(Span(path, first + 1, last + 1, raw), text)))
            continue
        for start, end in ranges:
            raw = lines[i][start:end]
            found.append((i, start, InlineCitation(Span(path, i + 1, i + 1, raw), raw)))
    for i, line in enumerate(lines):
        if i in consumed:
            continue
        for match in PARENTHETICAL.finditer(line):
            raw = match.group(0)
            found.append((i, match.start(), InlineCitation(Span(path, i + 1, i + 1, raw), raw.strip("()"))))
    found.sort(key=lambda item: (item[0], item[1]))
    return [citation for _, _, citation in found], consumed


def passages(path: str, lines: list[str], consumed: set[int]) -> list[Span]:
    """Runs of non-blank lines not consumed by citations: the document text, kept and searchable."""
    spans: list[Span] = []
    start: int | None = None
    for i in range(len(lines) + 1):
        keep = i < len(lines) and bool(lines[i].strip()) and i not in consumed
        if keep and start is None:
            start = i
        elif not keep and start is not None:
            spans.append(Span(path, start + 1, i, "\n".join(lines[start:i])))
            start = None
    return spans

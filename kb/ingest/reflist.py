"""Cut a reference list into entries, one span per entry with its first and last line.

Entries are separated by blank lines or begin with a list marker ("1.", "[1]"). Continuation lines
("URL : ...", "DOI : ...") belong to the entry above them even across a blank line, and an entry cut in
two by the export (a block ending with "," followed by one starting with ",") is joined again.
"""

from __future__ import annotations

import re

from kb.model import Span
from kb.patterns import CONTINUATION_LINE, YEAR

NUMBERED_ENTRY = re.compile(r"^\s*(?:\[\d{1,4}\]|\d{1,4}\.)\s+\S")
YEAR_IN_LINE = re.compile(rf"(?<!\d){YEAR}(?!\d)")
ONE_PER_LINE_SHARE = 0.8
"""A block whose lines (continuations aside) carry a year this often holds one reference per line."""


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """Runs of non-blank lines as ``(first, last)`` 0-based indexes; numbered lines start new runs."""
    blocks: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate(lines):
        if not line.strip():
            if start is not None:
                blocks.append((start, i - 1))
                start = None
            continue
        if start is not None and NUMBERED_ENTRY.match(line) and NUMBERED_ENTRY.match(lines[start]):
            blocks.append((start, i - 1))
            start = i
        elif start is None:
            start = i
    if start is not None:
        blocks.append((start, len(lines) - 1))
    return blocks


def _one_per_line(lines: list[str], first: int, last: int) -> list[tuple[int, int]]:
    """Split a block of one-reference-per-line lines; leave a wrapped reference (few years) whole."""
    heads = [i for i in range(first, last + 1) if not CONTINUATION_LINE.match(lines[i])]
    if len(heads) < 2 or sum(1 for i in heads if YEAR_IN_LINE.search(lines[i])) < ONE_PER_LINE_SHARE * len(
        heads
    ):
        return [(first, last)]
    return [(start, (heads[n + 1] - 1) if n + 1 < len(heads) else last) for n, start in enumerate(heads)]


def _text(lines: list[str], first: int, last: int) -> str:
    return "\n".join(lines[first : last + 1])


def split_reference_list(path: str, lines: list[str]) -> list[Span]:
    """Return one ``Span`` per entry of the reference list ``lines`` (1-based line numbers)."""
    entries: list[tuple[int, int]] = []
    blocks = [piece for first, last in _blocks(lines) for piece in _one_per_line(lines, first, last)]
    for first, last in blocks:
        head = lines[first]
        if entries and CONTINUATION_LINE.match(head):
            entries[-1] = (entries[-1][0], last)
            continue
        if entries and head.lstrip().startswith(",") and lines[entries[-1][1]].rstrip().endswith(","):
            entries[-1] = (entries[-1][0], last)
            continue
        entries.append((first, last))
    return [Span(path, first + 1, last + 1, _text(lines, first, last)) for first, last in entries]


def entry_text(span: Span) -> str:
    """The entry as one line for the parser: its non-blank lines joined by single spaces."""
    return " ".join(line.strip() for line in span.text.splitlines() if line.strip())

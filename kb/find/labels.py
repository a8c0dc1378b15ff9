"""Line labels for the finder: B (a reference begins), I (a reference goes on), O (other text).

``line_labels`` derives the labels of a document's non-blank lines from its text and the gold list of
its references (the form of ``refseg_dev.jsonl``), by finding each reference in the text with case and
whitespace ignored. ``spans_from_labels`` turns labels back into references, one ``(first, last, lines)``
per reference; the finder and its training share both.
"""

from __future__ import annotations

import bisect
import unicodedata

from kb.find.features import Line

BEGIN, INSIDE, OTHER = "B", "I", "O"
LABELS = (BEGIN, INSIDE, OTHER)
MAX_GAP = 3
"""Lines labelled O (a page header, a page number) that may sit inside one reference."""


def _squeeze(text: str) -> tuple[str, list[int]]:
    """``text`` without whitespace, NFKC and lower-cased, with the offset of each kept character."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            continue
        for x in unicodedata.normalize("NFKC", c).lower():
            if not x.isspace():
                chars.append(x)
                offsets.append(i)
    return "".join(chars), offsets


def line_labels(lines: list[str], items: list[Line], refs: list[str]) -> list[str]:
    """B/I/O for each non-blank line (``items``) of ``lines``, given the document's gold references.

    A reference that is not found in the text (a silver boundary that does not match) leaves its lines
    O; a reference starting inside a line that another one already occupies leaves that line I.
    """
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    flat, offsets = _squeeze(text)
    row_of: dict[int, int] = {item.index: k for k, item in enumerate(items)}
    labels = [OTHER] * len(items)
    pos = 0

    for ref in refs:
        key, _ = _squeeze(ref)
        if not key:
            continue
        at = flat.find(key, pos)
        if at < 0:
            continue
        pos = at + len(key)
        first = bisect.bisect_right(starts, offsets[at]) - 1
        last = bisect.bisect_right(starts, offsets[pos - 1]) - 1
        rows = [row_of[i] for i in range(first, last + 1) if i in row_of]
        if not rows:
            continue
        if labels[rows[0]] == OTHER:
            labels[rows[0]] = BEGIN
        for r in rows[1:]:
            labels[r] = INSIDE
    return labels


def spans_from_labels(indexes: list[int], labels: list[str]) -> list[tuple[int, int, list[int]]]:
    """References as ``(first line index, last line index, indexes of their lines)``, given the line
    index of each labelled (non-blank) line.

    B opens a reference, I continues the open one (or opens one when none is open); O lines close it
    unless an I follows within ``MAX_GAP`` O lines (a page header inside a reference), in which case
    the O lines are skipped, not included.
    """
    spans: list[list[int]] = []
    open_ref = False
    gap = 0
    for index, label in zip(indexes, labels, strict=True):
        if label == BEGIN or (label == INSIDE and not open_ref):
            spans.append([index])
            open_ref, gap = True, 0
        elif label == INSIDE:
            spans[-1].append(index)
            gap = 0
        else:
            gap += 1
            if gap > MAX_GAP:
                open_ref = False
    return [(s[0], s[-1], s) for s in spans]

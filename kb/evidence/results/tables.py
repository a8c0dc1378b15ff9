"""Tables flattened into text: rows of cells separated by "|", each row a label and one cell per arm.

A copy of a results table keeps its rows ("Conversion to open surgery, n (%) | 2 (2.2) | 9 (10.1) | 0.03"),
separated by a new line or a dash between spaces. The row's label says what its cells hold: "n (%)" a count
and its percentage, "mean (SD)" a mean and its spread, "median (IQR)" a median and its quartiles; a column
headed "P" (or a last cell that reads as a p value) holds the row's p value. :func:`read_table` gives the
cells' numbers their roles before any other rule runs, so the percentage is not taken for a count, the SD
for a value, or the quartiles for medians.
"""

from __future__ import annotations

import re

from kb.evidence.results.model import MEASURE_MEAN, MEASURE_MEDIAN, MEASURE_PROPORTION
from kb.evidence.results.spans import Sentence, Tok

ROW_END_RE = re.compile(r"\s+[\u2014\u2013]\s+|\n|\s+-\s+(?=[A-Za-z])")
"""The end of a row: a new line, or a dash between spaces before the next row's label."""
CELL_RE = re.compile(r"[^|]+")
LABEL_KINDS = (
    (re.compile(r"(?i)\b(?:n|no\.?|number)\s*\(\s*%\s*\)|\(\s*%\s*\)|%"), MEASURE_PROPORTION),
    (re.compile(r"(?i)\bmedian\b"), MEASURE_MEDIAN),
    (re.compile(r"(?i)\bmean\b"), MEASURE_MEAN),
)
"""The measure of a row's cells, from the words of its label."""
P_HEADER_RE = re.compile(r"(?i)\s*(?:p|p[- ]?values?)\s*")
P_CELL_RE = re.compile(r"\s*(?:[<>≤≥]\s*)?(?:0?[.\u00b7]\d+)\s*")
"""A cell that holds a p value: "<0.001", "0.03"."""
MIN_BARS = 4
"""Fewer cell separators in a sentence than this is no table ("A | B" is a choice), unless the sentence is a
whole line with two or more (a table whose rows are lines: each row is a sentence of its own)."""


class Table:
    """What the rows of one section's table share: the column of p values, read from the header row."""

    def __init__(self) -> None:
        self.p_column: int | None = None


def read_table(sent: Sentence, table: Table) -> None:
    """Roles of the numbers of a flattened table in ``sent`` (nothing when it holds no table)."""
    text = sent.text
    bars = text.count("|", sent.s.start, sent.s.end)
    line = (sent.s.start == 0 or text[sent.s.start - 1] == "\n") and text[sent.s.start : sent.s.end].count(
        "\n"
    ) <= 1
    if bars < MIN_BARS and not (line and bars >= 2):
        return
    start = sent.s.start
    for end in [m.start() for m in ROW_END_RE.finditer(text, sent.s.start, sent.s.end)] + [sent.s.end]:
        cells = [(m.start(), m.end()) for m in CELL_RE.finditer(text, start, end)]
        start = end
        if len(cells) < 3 or "|" not in text[cells[0][1] : cells[-1][0]]:
            continue
        if not any(sent.within(a, b) for a, b in cells[1:]):  # the header: which column holds p values
            if not re.search(r"[A-Za-z]", text[cells[0][0] : cells[-1][1]]):
                continue  # a rule under the header ("|---|---|")
            table.p_column = next(
                (i for i, (a, b) in enumerate(cells) if P_HEADER_RE.fullmatch(text, a, b)), None
            )
            continue
        _row(sent, cells, table.p_column)


def _row(sent: Sentence, cells: list[tuple[int, int]], p_column: int | None) -> None:
    text = sent.text
    label = text[cells[0][0] : cells[0][1]]
    measure = next((m for rx, m in LABEL_KINDS if rx.search(label)), None)
    last = len(cells) - 1
    for i, (a, b) in enumerate(cells[1:], 1):
        toks = [t for t in sent.within(a, b) if not t.role]
        if not toks:
            continue
        if i == p_column or (p_column is None and i == last and i > 2 and P_CELL_RE.fullmatch(text, a, b)):
            for t in toks:
                t.role = "p"
            sent.ps.append((toks[0].start, b, re.sub(r"\s+", "", text[a:b])))
            continue
        if measure is not None:
            _cell(toks, measure)


def _cell(toks: list[Tok], measure: str) -> None:
    """One arm's cell: "2 (2.2)" a count and its percentage, "212 (38)" a mean and its SD, "50 (30-100)" a
    median and its quartiles."""
    first, rest = toks[0], toks[1:]
    if measure == MEASURE_PROPORTION and rest:
        first.role = "count"
        value, rest = rest[0], rest[1:]
        value.count = int(first.value) if first.value.is_integer() else None
    else:
        value = first
    value.role, value.measure = "value", measure
    for t in rest:
        t.role = "sd" if measure == MEASURE_MEAN else "range"
    if rest:
        value.spread = "sd" if measure == MEASURE_MEAN else "range"

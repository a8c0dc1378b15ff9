"""One entry point for every structured reader, with the checks that no record was lost on the way.

:func:`read_export` runs the reader of a format, then compares the records it returned with the format's
own record markers (``ER``, ``TY``, ``PMID-``, ``@``, ``%0``, ``Record #``...): a marker whose record is
neither read nor reported is a ``record_count_mismatch`` problem naming its lines. A non-empty file that
yields no record at all is an ``unrecognised_format`` problem quoting its start.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass

from kb.ingest.bibtex import read_bibtex_string
from kb.ingest.cochrane import RECORD_MARK, read_cochrane_string
from kb.ingest.csljson import read_csljson_string
from kb.ingest.delimited import read_delimited_string
from kb.ingest.endnote import read_endnote_xml_string, read_refer_string
from kb.ingest.formats import InputFormat
from kb.ingest.ovid import RECORD_NUMBER, read_ovid_string
from kb.ingest.pubmed import read_pubmed_string
from kb.ingest.ris import read_ris_string
from kb.ingest.wos import read_wos_string
from kb.model import Problem, ProblemCode, ReadResult, Record


@dataclass(frozen=True)
class Marker:
    """A line that opens (``at_start``) or closes a record in a format, and how it is named."""

    pattern: re.Pattern[str]
    name: str
    at_start: bool = True


@dataclass(frozen=True)
class Reader:
    """A structured reader and the record markers its output is checked against."""

    read: Callable[[str, str], ReadResult]
    markers: tuple[Marker, ...] = ()


READERS: dict[InputFormat, Reader] = {
    InputFormat.BIBTEX: Reader(
        read_bibtex_string,
        (Marker(re.compile(r"^\s*@(?!(?:comment|string|preamble)\b)[A-Za-z]+\s*[{(]", re.IGNORECASE), "@"),),
    ),
    InputFormat.RIS: Reader(
        read_ris_string,
        (Marker(re.compile(r"^TY {1,2}-"), "TY"), Marker(RECORD_MARK, "Record #")),
    ),
    InputFormat.PUBMED: Reader(read_pubmed_string, (Marker(re.compile(r"^PMID- "), "PMID-"),)),
    InputFormat.CSLJSON: Reader(read_csljson_string),
    InputFormat.WOS: Reader(read_wos_string, (Marker(re.compile(r"^ER\s*$"), "ER", at_start=False),)),
    InputFormat.OVID: Reader(read_ovid_string, (Marker(RECORD_NUMBER, "record number"),)),  # type: ignore[arg-type]
    InputFormat.COCHRANE: Reader(read_cochrane_string, (Marker(RECORD_MARK, "Record #"),)),
    InputFormat.ENDNOTE: Reader(read_refer_string, (Marker(re.compile(r"^%0 "), "%0"),)),
    InputFormat.ENDNOTE_XML: Reader(read_endnote_xml_string),
    InputFormat.CSV: Reader(read_delimited_string),
}
"""Every structured format's reader and its record markers."""


def _record_span(record: Record) -> tuple[int, int]:
    return record.line, record.line + record.raw.rstrip("\n").count("\n")


def _missing(marker: Marker, lines: list[str], result: ReadResult) -> list[int]:
    """Lines of ``marker`` whose record is neither among the records nor among the problems."""
    found = [n for n, line in enumerate(lines, start=1) if marker.pattern.search(line)]
    if not found:
        return []
    spans = [_record_span(r) for r in result.records]
    spans += [(p.line, max(p.line, p.line_end)) for p in result.problems if p.line > 0]
    points = sorted(s[0] if marker.at_start else s[1] for s in spans)
    missing = []
    for i, line in enumerate(found):
        if marker.at_start:
            low, high = line, (found[i + 1] - 1 if i + 1 < len(found) else len(lines))
        else:
            low, high = (found[i - 1] + 1 if i else 1), line
        first = bisect_left(points, low)
        if first == len(points) or points[first] > high:
            missing.append(line)
    return missing


def check_markers(text: str, path: str, fmt: InputFormat, result: ReadResult) -> list[Problem]:
    """``record_count_mismatch`` problems: markers of ``fmt`` in ``text`` that no record accounts for."""
    lines = text.lstrip("\ufeff").split("\n")
    problems = []
    for marker in READERS[fmt].markers:
        missing = _missing(marker, lines, result)
        if missing:
            shown = ", ".join(str(n) for n in missing[:20]) + (" ..." if len(missing) > 20 else "")
            count = sum(1 for line in lines if marker.pattern.search(line))
            message = (
                f"{path}: {count} '{marker.name}' markers but {len(result.records)} records read; no record "
                f"was read for the marker at line(s) {shown}: check the export around those lines"
            )
            raw = "\n".join(lines[n - 1] for n in missing[:20])
            problems.append(
                Problem(ProblemCode.RECORD_COUNT_MISMATCH, message, path, missing[0], missing[-1], raw)
            )
    return problems


def unrecognised(text: str, path: str, what: str) -> Problem:
    """The ``unrecognised_format`` problem of a non-empty file that gave no record, quoting its start."""
    lines = text.lstrip("\ufeff").split("\n")
    start = next((line for line in lines if line.strip()), "")[:80]
    message = (
        f"{path}: no record could be read as {what}; the file starts with {start!r}. Export it again as "
        "RIS, BibTeX, PubMed/MEDLINE, Web of Science plain text, EndNote or CSV with a header"
    )
    return Problem(
        ProblemCode.UNRECOGNISED_FORMAT, message, path, 1, max(1, len(lines)), "\n".join(lines[:5])
    )


def read_export(text: str, path: str, fmt: InputFormat) -> ReadResult:
    """Read ``text`` with the reader of ``fmt`` and check that nothing was lost (see the module doc)."""
    result = READERS[fmt].read(text, path)
    result.problems += check_markers(text, path, fmt, result)
    if (
        not result.records
        and text.strip()
        and not any(p.code is ProblemCode.UNPARSED for p in result.problems)
    ):
        result.problems.append(unrecognised(text, path, fmt.value))
    return result

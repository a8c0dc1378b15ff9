"""Read the Cochrane Library's tagged export (CENTRAL trials, reviews: "Export selected citation(s)").

Each record follows a ``Record #3 of 18`` line; fields are ``TAG: value`` (``ID: CN-01234567``, ``AU``,
``TI``, ``SO``, ``YR``, ``VL``, ``NO``, ``PG``, ``PM: PUBMED 12345678``, ``XR: EMBASE 123456``, ``PT``,
``KY``, ``AB``, ``DOI``, ``US``). The RIS-like form of the same export (``TY  -  JOUR``, two spaces after
the dash) is read by the RIS reader.
"""

from __future__ import annotations

import re

from kb.ingest import fields as f
from kb.ingest.tagged import TaggedBlock, TaggedFormat, TaggedSyntax, read_tagged
from kb.model import ReadResult

COCHRANE_TAGS: dict[str, str] = {
    "ID": f.RECORD_ID, "AU": f.AUTHORS, "TI": f.TITLE, "SO": f.CONTAINER, "YR": f.YEAR, "VL": f.VOLUME,
    "NO": f.ISSUE, "PG": f.PAGES, "PM": f.PMID, "XR": f.ACCESSION, "PT": f.PUB_TYPE, "KY": f.KEYWORDS,
    "MH": f.INDEX_TERMS, "AB": f.ABSTRACT, "DOI": f.DOI, "US": f.URL, "LA": f.LANGUAGE, "CC": f.NOTE,
}  # fmt: skip
"""Cochrane tags mapped to the fields we store (``ID``, the CENTRAL accession, is also the record id)."""

RECORD_MARK = re.compile(r"^Record #\d+ of \d+\s*$")
COCHRANE_SYNTAX = TaggedSyntax(
    tag=re.compile(r"^([A-Z][A-Z0-9]{1,3}):\s?(.*)$"),
    continuation=re.compile(r"^\s+(\S.*)$"),
    separator=RECORD_MARK,
    blank_ends=False,
)
COCHRANE = TaggedFormat("Cochrane", "cochrane", COCHRANE_SYNTAX, COCHRANE_TAGS, {"PT": ";", "KY": ";"})
_PUBMED_XR = re.compile(r"\bPUBMED\s+(\d+)", re.IGNORECASE)
SNIFF = re.compile(r"^Record #\d+ of \d+\s*\n(?:\s*\n)*(?:ID|AU|TI): ", re.MULTILINE)


def sniff_cochrane(head: str) -> bool:
    """The Cochrane tagged export: ``Record #1 of N`` followed by ``ID:``/``AU:``/``TI:`` lines."""
    return bool(SNIFF.search(head))


def _adjust(mapped: dict[str, list[str]], block: TaggedBlock) -> None:
    record_id = (mapped.get(f.RECORD_ID) or [""])[0]
    if record_id:
        mapped.setdefault(f.ACCESSION, []).insert(0, record_id)
    mapped[f.DATABASE] = ["Cochrane CENTRAL" if record_id.startswith("CN-") else "Cochrane Library"]
    if not mapped.get(f.PMID):
        for value in mapped.get(f.ACCESSION, []):
            found = _PUBMED_XR.search(value)
            if found:
                mapped[f.PMID] = [found.group(1)]
                break


def read_cochrane_string(text: str, path: str = "<string>") -> ReadResult:
    """Read every record of a Cochrane tagged export (see the module doc)."""
    return read_tagged(text, path, COCHRANE, _adjust)

"""Works as RIS, written through rispy."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import rispy
from rispy.writer import RisWriter

from kb.export.records import ExportWork, clean_text, page_range, unique_keys
from kb.model import Name

RIS_TYPES: dict[str, str] = {
    "article-journal": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "thesis": "THES",
    "paper-conference": "CPAPER",
    "speech": "CPAPER",
    "report": "RPRT",
}
"""CSL ``type`` -> RIS ``TY``; any other type, and a short citation, is ``GEN``.

Fields: ``T2`` is an article's journal normalised (full NLM Catalog title when the curated table has it,
else the NLM abbreviation), a talk's event, or the container as written; ``J2`` the journal's NLM
abbreviation; ``CY`` a talk's venue and ``DA`` its date; ``PB`` a society named where a journal goes;
``N1`` quotes a short citation."""


class _RisWriter(RisWriter):
    """rispy's writer without the ``1.``, ``2.``... line it puts before each record."""

    def set_header(self, count: int) -> str:
        return ""


def _name(name: Name) -> str:
    if name.literal or not name.family:
        return clean_text(name.literal or name.given)
    family, given, suffix = clean_text(name.family), clean_text(name.given), clean_text(name.suffix)
    if suffix:  # RIS "Lastname, Firstname, Suffix"
        return f"{family}, {given}, {suffix}"
    return f"{family}, {given}" if given else family


def _date(work: ExportWork) -> str:
    """RIS ``DA``: ``YYYY/MM/DD/`` with what is known (a talk's full date from its sidecar)."""
    if work.event_date and work.year is not None and work.event_date.startswith(str(work.year)):
        parts = [*work.event_date.split("-"), "", ""][:3]
        return f"{parts[0]}/{parts[1]}/{parts[2]}/"
    return f"{work.year}/{work.month:02d}//" if work.year is not None and work.month else ""


def to_record(work: ExportWork, key: str) -> dict[str, Any]:
    """One work as a rispy record (its keys are rispy's field names)."""
    kind = "GEN" if work.short else RIS_TYPES.get(work.type, "GEN")
    record: dict[str, Any] = {"type_of_reference": kind}
    authors = [a for a in (_name(n) for n in work.authors) if a]
    if authors:
        record["authors"] = authors
    fields = {
        "title": work.title,
        "secondary_title": work.event or work.container,
        "alternate_title1": work.container_short,
        "place_published": work.venue,
        "publisher": work.publisher,
        "year": "" if work.year is None else str(work.year),
        "date": _date(work),
        "volume": work.volume,
        "number": work.issue,
        "notes": f"Cited as \u201c{work.cited_as}\u201d" if work.short and work.cited_as else "",
    }
    record.update({k: clean_text(v) for k, v in fields.items() if clean_text(v)})
    if "notes" in record:
        record["notes"] = [record["notes"]]
    start, end = page_range(work.pages) or (clean_text(work.pages), "")
    if start:
        record["start_page"] = start
    if end:
        record["end_page"] = end
    for name, value in (("doi", work.doi), ("accession_number", work.pmid)):
        if clean_text(value):
            record[name] = clean_text(value)
    if clean_text(work.url):
        record["urls"] = [clean_text(work.url)]
    if work.related:
        record["notes"] = [clean_text(r.note()) for r in work.related]
    record["id"] = key
    return record


def to_ris(works: Iterable[ExportWork]) -> str:
    """The works as one RIS string, in the given order; ``ID`` is the export's unique citation key."""
    works = list(works)
    keys = unique_keys(works)
    return rispy.dumps([to_record(w, keys[w.id]) for w in works], implementation=_RisWriter)

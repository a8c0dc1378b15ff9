"""Works as CSL-JSON, the input of citeproc processors (citeproc-js, citeproc-py, pandoc, Zotero).

``container-title`` is an article's journal normalised (full NLM Catalog title when the curated table has
it, else the NLM abbreviation), ``container-title-short`` its NLM abbreviation. A talk (``speech``,
``paper-conference``) has ``event`` (the CSL 1.0.1 name that citeproc-py and citeproc-js read),
``event-place`` and ``event-date`` from its document's sidecar. An organisation is a ``literal`` name. A
short citation (``--include-short``) is a ``document`` whose ``note`` quotes it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from kb.export.records import ExportWork, clean_text, page_range, unique_keys
from kb.model import Name


def _name(name: Name) -> dict[str, str]:
    if name.literal or not name.family:
        return {"literal": clean_text(name.literal or name.given)}
    out = {"family": clean_text(name.family)}
    if clean_text(name.given):
        out["given"] = clean_text(name.given)
    if clean_text(name.suffix):
        out["suffix"] = clean_text(name.suffix)
    return out


def to_item(work: ExportWork, key: str) -> dict[str, Any]:
    """One work as a CSL-JSON item; ``id`` is the export's unique citation key."""
    item: dict[str, Any] = {"id": key, "type": "document" if work.short else work.type or "document"}
    authors = [_name(n) for n in work.authors if clean_text(n.literal or n.family or n.given)]
    if authors:
        item["author"] = authors
    text = {
        "title": work.title,
        "container-title": work.container,
        "container-title-short": work.container_short,
        "publisher": work.publisher,
        "event": work.event,
        "event-place": work.venue,
        "note": f"Cited as \u201c{work.cited_as}\u201d" if work.short and work.cited_as else "",
        "volume": work.volume,
        "issue": work.issue,
        "DOI": work.doi,
        "PMID": work.pmid,
        "URL": work.url,
    }
    item.update({k: clean_text(v) for k, v in text.items() if clean_text(v)})
    pages = page_range(work.pages)
    if pages:
        item["page"] = "-".join(pages)
    elif clean_text(work.pages):
        item["page"] = clean_text(work.pages)
    if work.year is not None:
        item["issued"] = {"date-parts": [[work.year, work.month] if work.month else [work.year]]}
    if work.event_date:
        item["event-date"] = {"date-parts": [[int(p) for p in work.event_date.split("-")]]}
        if work.year is not None and work.event_date.startswith(str(work.year)):
            item["issued"] = item["event-date"]
    return item


def to_csljson(works: Iterable[ExportWork]) -> str:
    """The works as a CSL-JSON array (UTF-8 text, one item per work, in the given order)."""
    works = list(works)
    keys = unique_keys(works)
    return json.dumps([to_item(w, keys[w.id]) for w in works], ensure_ascii=False, indent=2) + "\n"

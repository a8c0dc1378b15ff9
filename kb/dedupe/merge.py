"""Stage 5 of deduplication: one canonical record per cluster, every original kept and linked.

:func:`merge` ranks the members of a cluster by trust (a DOI, then a PMID, then how many fields are
filled, then input order) and takes each field from the best-ranked record that has it, with a few
field-specific preferences: the author list with the most full given names, the longest journal name, a
page range over a lone first page, the most frequent year, a title not in capitals. ``sources`` says which
record each value came from; the members themselves are never changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from kb.dedupe.records import Record
from kb.model import Reference

_TEXT_FIELDS = ("title", "journal", "year", "month", "day", "volume", "issue", "pages", "doi", "pmid", "url",
                "hal_id", "type")  # fmt: skip


@dataclass
class MergedWork:
    """A deduplicated work: the ids of its records (sorted), its canonical reference, and provenance."""

    ids: list[str]
    reference: Reference
    sources: dict[str, str] = field(default_factory=dict)
    """Field name -> id of the record the canonical value was taken from."""
    extra: dict[str, str] = field(default_factory=dict)


def _filled(record: Record) -> int:
    ref = record.reference
    return sum(bool(getattr(ref, name)) for name in _TEXT_FIELDS) + bool(ref.authors) + len(record.extra)


def trust_order(records: Sequence[Record]) -> list[Record]:
    """Records from most to least trusted: DOI, PMID, number of filled fields, then input order."""
    ranked = sorted(enumerate(records), key=lambda p: (not p[1].reference.doi, not p[1].reference.pmid,
                                                       -_filled(p[1]), p[0]))  # fmt: skip
    return [record for _, record in ranked]


def _full_given(record: Record) -> tuple[int, int]:
    """Number of authors with a written-out given name ("David", not "DJ" or "D. J."), and of authors."""
    authors = record.reference.authors
    full = sum(1 for n in authors if n.given and any(c.islower() for c in n.given.split()[0]))
    return full, len(authors)


def merge(records: Sequence[Record]) -> MergedWork:
    """The canonical :class:`MergedWork` of a cluster of records (at least one)."""
    if not records:
        raise ValueError("merge() needs at least one record")
    ranked = trust_order(records)
    best = ranked[0]
    canonical = Reference(type=best.reference.type)
    sources: dict[str, str] = {}

    def take(name: str, record: Record) -> None:
        setattr(canonical, name, getattr(record.reference, name))
        sources[name] = record.id

    for name in _TEXT_FIELDS:
        for record in ranked:
            if getattr(record.reference, name):
                take(name, record)
                break
    titled = [r for r in ranked if r.reference.title]
    if titled:
        take("title", next((r for r in titled if not r.reference.title.isupper()), titled[0]))
    journals = [r for r in ranked if r.reference.journal]
    if journals:
        take("journal", max(journals, key=lambda r: len(r.reference.journal)))
    ranged = [r for r in ranked if "-" in r.reference.pages]
    if ranged:
        take("pages", ranged[0])
    years = Counter(r.reference.year for r in ranked if r.reference.year)
    if years:
        top = max(years.values())
        take("year", next(r for r in ranked if r.reference.year and years[r.reference.year] == top))
    with_authors = [r for r in ranked if r.reference.authors]
    if with_authors:
        chosen = max(with_authors, key=_full_given)
        canonical.authors = list(chosen.reference.authors)
        canonical.et_al = chosen.reference.et_al
        sources["authors"] = chosen.id
    extra: dict[str, str] = {}
    for record in reversed(ranked):
        extra.update({k: v for k, v in record.extra.items() if v})
    return MergedWork(sorted(r.id for r in records), canonical, sources, extra)


REFERENCE_FIELDS = tuple(f.name for f in fields(Reference) if f.name != "problems")
"""The fields of :class:`kb.model.Reference` that a canonical record carries."""

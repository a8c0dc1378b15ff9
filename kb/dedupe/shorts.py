"""Short citations ("Mahévas et al., JCI 2013"): linked one way to a full work, never merged.

A short citation has authors and a year but no title, so it can never be a node of the duplicate graph.
:func:`link_short_citations` links each one to the full work whose first author key, year and journal key
agree: one candidate -> ``linked``; several -> those whose volume and first page agree with the
citation's when it gives them ("Br J Haematol 2015;170:123"), and if still several, ``ambiguous`` (a review
item); none -> ``unresolved``.
Journal names are keyed by ``kb.normalise.journals.journal_key`` (the curated table and ISO 4: *JCI*,
*J Clin Invest* and *Journal of Clinical Investigation* share one key); keys are then compared with
:func:`kb.dedupe.prep.journals_compatible`, which also accepts abbreviations and acronyms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from kb.dedupe.prep import fold, journals_compatible, link_key, pages_key, volume_key
from kb.dedupe.records import Record
from kb.normalise.journals import journal_key


@cache
def link_journal_key(name: str) -> str:
    """The journal key that short-citation links compare: the curated canonical journal, folded."""
    return fold(journal_key(name))


def _journal(record: Record) -> str:
    name = record.reference.journal
    return link_journal_key(name) if name else ""


class LinkStatus(StrEnum):
    """Outcome of linking one short citation."""

    LINKED = "linked"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True)
class ShortLink:
    """The link of one short citation (by id) to a work (by id), or its candidates when ambiguous."""

    short_id: str
    status: LinkStatus
    work_id: str = ""
    candidates: tuple[str, ...] = field(default_factory=tuple)
    reason: str = ""


def _agrees(short_journal: str, work_journal: str) -> bool:
    if short_journal:
        return journals_compatible(short_journal, work_journal)
    return True


def _locator(record: Record) -> tuple[str, str]:
    """The volume and first page of a record, as deduplication keys them (``""`` when unknown)."""
    return volume_key(record.reference.volume), pages_key(record.reference.pages)[0]


def _same(short: str, work: str) -> bool:
    """A field of the short citation agrees with the work's, or one of them is unknown."""
    return not (short and work and short != work)


def link_short_citations(shorts: Sequence[Record], works: Sequence[Record]) -> list[ShortLink]:
    """Link each short citation to the one work with the same first author key, year and journal.

    A short citation without a journal is matched on first author and year alone (and is ambiguous as soon
    as that author has two works that year). A short citation without first author or year is unresolved.
    Returns one :class:`ShortLink` per short citation, in input order.
    """
    index: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    locators: dict[str, tuple[str, str]] = {}
    for work in works:
        first_author, year, short = link_key(work)
        if first_author and year and not short:
            index[(first_author, year)].append((work.id, _journal(work)))
            locators[work.id] = _locator(work)
    links: list[ShortLink] = []
    for record in shorts:
        first_author, year, _ = link_key(record)
        if not first_author or not year:
            links.append(ShortLink(record.id, LinkStatus.UNRESOLVED, reason="no first author or no year"))
            continue
        journal = _journal(record)
        ids = tuple(sorted({w for w, j in index.get((first_author, year), []) if _agrees(journal, j)}))
        if len(ids) > 1:  # "Br J Haematol 2015;170:123": the volume and first page tell the works apart
            volume, page = _locator(record)
            ids = (
                tuple(w for w in ids if _same(volume, locators[w][0]) and _same(page, locators[w][1])) or ids
            )
        if len(ids) == 1:
            links.append(
                ShortLink(record.id, LinkStatus.LINKED, ids[0], ids, "first author, year and journal agree")
            )
        elif ids:
            reason = f"{len(ids)} works share first author, year and journal"
            links.append(ShortLink(record.id, LinkStatus.AMBIGUOUS, "", ids, reason))
        else:
            links.append(
                ShortLink(
                    record.id,
                    LinkStatus.UNRESOLVED,
                    reason="no work with that first author, year and journal",
                )
            )
    return links

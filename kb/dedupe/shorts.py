"""Short citations ("Mahévas et al., JCI 2013"): linked one way to a full work, never merged.

A short citation has authors and a year but no title, so it can never be a node of the duplicate graph.
:func:`link_short_citations` links each one to the full work whose first author key, year and journal key
agree: one candidate -> ``linked``; several -> those whose volume and first page agree with the
citation's when it gives them ("Br J Haematol 2015;170:123"), and if still several, ``ambiguous``: one
review item for the citation, listing its candidates best first, each with the evidence for it
(:func:`rank_candidates`); none -> ``unresolved``.
Journal names are keyed by ``kb.normalise.journals.journal_key`` (the curated table and ISO 4: *JCI*,
*J Clin Invest* and *Journal of Clinical Investigation* share one key); keys are then compared with
:func:`kb.dedupe.prep.journals_compatible`, which also accepts abbreviations and acronyms.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
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
    evidence: tuple[str, ...] = field(default_factory=tuple)
    """For an ambiguous link: what speaks for each candidate, in the order of ``candidates``."""


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


def _evidence(
    record: Record, journal: str, work_journal: str, locator: tuple[str, str], same_document: bool
) -> tuple[int, str]:
    """How strongly one candidate work fits a short citation, and the words that say why.

    The weight counts the fields the citation names that the work shares: a journal key equal (not only
    compatible, as an abbreviation is), the volume, the first page, and a full reference to the work in
    the same document (an author-year citation usually points at a reference of its own list)."""
    said = ["first author and year agree"]
    weight = 0
    if journal:
        exact = journal == work_journal
        weight += exact
        said.append("same journal" if exact else "journal compatible (abbreviation)")
    volume, page = _locator(record)
    for name, short, work in (("volume", volume, locator[0]), ("first page", page, locator[1])):
        if short and work:
            agree = short == work
            weight += agree
            said.append(f"{name} {'agrees' if agree else 'differs'}")
    if same_document:
        weight += 1
        said.append("cited in full in the same document")
    return weight, "; ".join(said)


def rank_candidates(
    record: Record,
    ids: Sequence[str],
    journals: Mapping[str, str],
    locators: Mapping[str, tuple[str, str]],
    documents: Mapping[str, frozenset[str]],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The candidate works of an ambiguous short citation, best first, and the evidence for each.

    Best first means most fields of the citation shared (:func:`_evidence`), then by work id: the order is
    a reading aid for the reviewer, never a decision."""
    journal = _journal(record)
    scored = sorted(
        (
            (-weight, work_id, said)
            for work_id in ids
            for weight, said in [
                _evidence(
                    record,
                    journal,
                    journals[work_id],
                    locators[work_id],
                    record.path in documents.get(work_id, frozenset()),
                )
            ]
        ),
    )
    return tuple(w for _, w, _ in scored), tuple(said for _, _, said in scored)


def link_short_citations(
    shorts: Sequence[Record],
    works: Sequence[Record],
    documents: Mapping[str, frozenset[str]] | None = None,
) -> list[ShortLink]:
    """Link each short citation to the one work with the same first author key, year and journal.

    A short citation without a journal is matched on first author and year alone (and is ambiguous as soon
    as that author has two works that year). A short citation without first author or year is unresolved.
    ``documents`` gives, by work id, the files that cite the work in full: it orders the candidates of an
    ambiguous citation (never links one). Returns one :class:`ShortLink` per short citation, in input order.
    """
    index: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    locators: dict[str, tuple[str, str]] = {}
    journals: dict[str, str] = {}
    for work in works:
        first_author, year, short = link_key(work)
        if first_author and year and not short:
            journals[work.id] = _journal(work)
            index[(first_author, year)].append((work.id, journals[work.id]))
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
            ranked, evidence = rank_candidates(record, ids, journals, locators, documents or {})
            links.append(ShortLink(record.id, LinkStatus.AMBIGUOUS, "", ranked, reason, evidence))
        else:
            links.append(
                ShortLink(
                    record.id,
                    LinkStatus.UNRESOLVED,
                    reason="no work with that first author, year and journal",
                )
            )
    return links

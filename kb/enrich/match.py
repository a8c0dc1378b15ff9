"""Whether a candidate record is the work we looked up: accept, send to review, or leave it.

A candidate is **accepted** only when the evidence of the issue holds: its first author (family name,
folded) and one of its years agree with ours, its journal agrees with ours (equal, an abbreviation or
an acronym of it), and, when we have a title, the titles are close. A shared DOI or PMID stands for
the journal and title, not for the first author or year: a wrong identifier in a reference list
would otherwise bring in another paper. Candidates from the two services that share a DOI, a PMID or a
title and year are one publication. Then:

- one publication agrees -> ``accepted``;
- several different publications agree -> ``ambiguous`` (review queue, both sides);
- none agrees but one comes close (first author and year agree, the rest does not) -> ``weak``
  (review queue);
- nothing close -> ``none``: the work stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import fuzz

from kb.dedupe.prep import fold, journals_compatible
from kb.dedupe.shorts import link_journal_key
from kb.enrich.records import Candidate
from kb.enrich.sources import Target

TITLE_CLOSE = 90.0
"""Token-sort similarity (0-100) of folded titles above which two titles are the same title written
two ways (punctuation, a subtitle separator, British/American spelling)."""
TITLE_NEAR = 70.0
"""Below TITLE_CLOSE but above this, a title is near enough to show a reviewer, not to accept."""
SAME_PUBLICATION_TITLE = 95.0
"""Two candidates (one per service) with titles this close and the same year are one publication."""
SOURCE_ORDER = ("pubmed", "crossref")
"""Which service's value a merged candidate takes first: PubMed is curated (MeSH, PMID, abstract)."""


class Verdict(StrEnum):
    """What the match decided for one work."""

    ACCEPTED = "accepted"
    AMBIGUOUS = "ambiguous"
    WEAK = "weak"
    NONE = "none"


@dataclass(frozen=True)
class Agreement:
    """How one candidate compares with the target, field by field (``None``: we do not know ours)."""

    first_author: bool | None
    year: bool | None
    journal: bool | None
    title: float | None
    identifier: bool

    @property
    def full(self) -> bool:
        """Every known field agrees (identifier standing for journal and title)."""
        if self.first_author is False or self.year is False:
            return False
        if self.first_author is None and self.year is None and not self.identifier:
            return False
        if self.identifier:
            return self.title is None or self.title >= TITLE_NEAR
        if self.first_author is not True or self.year is not True:
            return False
        if self.journal is False or (self.journal is None and self.title is None):
            return False
        return self.title is None or self.title >= TITLE_CLOSE

    @property
    def near(self) -> bool:
        """Close enough to show a reviewer."""
        return bool(self.first_author and self.year) and (self.title is None or self.title >= TITLE_NEAR)


@dataclass
class Match:
    """The decision for one work: the verdict, the (merged) accepted publication, the candidates that
    agree or come near, and why."""

    verdict: Verdict
    reason: str
    accepted: list[Candidate] = field(default_factory=list)
    """The records (one per service) of the accepted publication, in SOURCE_ORDER."""
    candidates: list[Candidate] = field(default_factory=list)


def _journal_key(name: str) -> str:
    return link_journal_key(name) if name else ""


def _family(name: str) -> str:
    words = fold(name).split()
    return words[-1] if words else ""


def compare(target: Target, candidate: Candidate) -> Agreement:
    """Field-by-field agreement of ``candidate`` with ``target``."""
    first = candidate.authors[0] if candidate.authors else None
    theirs = (first[0] or first[2]) if first else ""
    author = None
    if target.first_author and theirs:
        ours_f, theirs_f = fold(target.first_author), fold(theirs)
        author = ours_f == theirs_f or _family(ours_f) == _family(theirs_f)
    year = (target.year in candidate.years) if target.year and candidate.years else None
    journal = None
    if target.journal and (candidate.journal or candidate.journal_full):
        ours = _journal_key(target.journal)
        journal = any(
            journals_compatible(ours, _journal_key(j))
            for j in (candidate.journal, candidate.journal_full)
            if j
        )
    title = None
    if target.title and candidate.title:
        title = fuzz.token_sort_ratio(fold(target.title), fold(candidate.title))
    identifier = bool(
        (target.doi and candidate.doi and target.doi.casefold() == candidate.doi.casefold())
        or (target.pmid and candidate.pmid and target.pmid == candidate.pmid)
    )
    return Agreement(author, year, journal, title, identifier)


def _same_publication(a: Candidate, b: Candidate) -> bool:
    if a.doi and b.doi:
        return a.doi.casefold() == b.doi.casefold()
    if a.pmid and b.pmid:
        return a.pmid == b.pmid
    return bool(set(a.years) & set(b.years)) and (
        fuzz.token_sort_ratio(fold(a.title), fold(b.title)) >= SAME_PUBLICATION_TITLE
    )


def _publications(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Candidates grouped into publications (a PubMed and a Crossref record of one paper together)."""
    groups: list[list[Candidate]] = []
    for c in candidates:
        for group in groups:
            if any(_same_publication(c, other) for other in group):
                group.append(c)
                break
        else:
            groups.append([c])
    for group in groups:
        group.sort(
            key=lambda c: (SOURCE_ORDER.index(c.source) if c.source in SOURCE_ORDER else 9, c.source_id)
        )
    return groups


def judge(target: Target, candidates: list[Candidate]) -> Match:
    """Decide what ``candidates`` (from every service) mean for ``target``."""
    agreeing = [c for c in candidates if compare(target, c).full]
    groups = _publications(agreeing)
    if len(groups) == 1:
        sources = ", ".join(f"{c.source} {c.source_id}" for c in groups[0])
        return Match(
            Verdict.ACCEPTED, f"first author, year, journal and title agree ({sources})", groups[0], groups[0]
        )
    if groups:
        ids = "; ".join(g[0].source_id for g in groups)
        return Match(Verdict.AMBIGUOUS, f"{len(groups)} publications agree ({ids})", [], agreeing)
    near = [c for c in candidates if compare(target, c).near]
    if near:
        return Match(Verdict.WEAK, "first author and year agree; journal or title do not", [], near)
    return Match(Verdict.NONE, "no candidate agrees", [], [])

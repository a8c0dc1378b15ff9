"""Volumes that contradict the other volumes of the same journal (HAL exports corrupt them: Cuker 2016 in
*Blood* written "vol.22" for 128).

A journal's volumes grow with the years. ``implausible_volumes`` looks at every citation with a journal,
a year and a numeric volume, and flags a volume that most of the same journal's other citations contradict:
an earlier year with a clearly larger volume, or a later year with a clearly smaller one. It needs at
least ``MIN_OTHERS`` other citations of the journal, so a journal cited once or twice is never judged.
Nothing is guessed: the value stays as written beside its ``implausible_volume`` problem, and the exports
leave it out unless another citation of the same work gives a volume without a flag.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

MIN_OTHERS = 3
"""Other citations of the same journal, with a year and a volume, needed to judge a volume."""
SLACK = 5
"""Volumes closer than this are never said to contradict each other (several volumes a year)."""


@dataclass(frozen=True)
class VolumeOf:
    """What ``implausible_volumes`` reads of one citation."""

    citation_id: str
    journal_key: str
    year: str
    volume: str


def implausible_volumes(citations: Iterable[VolumeOf]) -> list[tuple[str, str]]:
    """``(citation_id, message)`` for each volume most of its journal's other volumes contradict.

    A volume is judged against the citations of its journal from other years (citation ids are distinct):
    ``n log n`` in the citations of a journal, which runs to thousands in a large corpus."""
    by_journal: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for c in citations:
        if c.journal_key and c.year.isdecimal() and c.volume.strip().isdecimal():
            by_journal[c.journal_key].append((c.citation_id, int(c.year), int(c.volume)))
    found: list[tuple[str, str]] = []
    for points in by_journal.values():
        found += _judged(points)
    return sorted(found)


def _judged(points: list[tuple[str, int, int]]) -> list[tuple[str, str]]:
    """The flagged volumes of one journal's ``(citation_id, year, volume)`` points.

    The volumes of each year are sorted once; walking the years up, then down, the volumes of the years
    before (after) a year are one sorted list, where the larger (smaller) ones beyond the slack are
    counted by bisection. A volume contradicts another of an earlier year that is larger by more than
    ``SLACK``, or one of a later year that is smaller by more than ``SLACK``."""
    by_year: dict[int, list[int]] = defaultdict(list)
    for _, year, volume in points:
        by_year[year].append(volume)
    years = sorted(by_year)
    for volumes in by_year.values():
        volumes.sort()
    larger_before: dict[tuple[int, int], int] = {}
    smaller_after: dict[tuple[int, int], int] = {}
    seen: list[int] = []
    for year in years:  # volumes of earlier years larger than this one's beyond the slack
        for volume in by_year[year]:
            larger_before[year, volume] = len(seen) - bisect_right(seen, volume + SLACK)
        seen = sorted(seen + by_year[year])  # two sorted runs: one merge
    seen = []
    for year in reversed(years):  # volumes of later years smaller than this one's beyond the slack
        for volume in by_year[year]:
            smaller_after[year, volume] = bisect_left(seen, volume - SLACK)
        seen = sorted(seen + by_year[year])
    distinct = len({(year, volume) for _, year, volume in points})
    distinct_of = {year: len(set(volumes)) for year, volumes in by_year.items()}
    earlier_of = {later: (year, by_year[year][-1]) for year, later in pairwise(years)}
    found: list[tuple[str, str]] = []
    for citation_id, year, volume in points:
        n_others = len(points) - len(by_year[year])
        if distinct - distinct_of[year] < MIN_OTHERS:
            continue
        against = larger_before[year, volume] + smaller_after[year, volume]
        if against * 2 > n_others:
            earlier = earlier_of.get(year)
            hint = f"; the journal's volume in {earlier[0]} was {earlier[1]}" if earlier else ""
            found.append(
                (
                    citation_id,
                    f"volume {volume} ({year}) contradicts {against} of the journal's {n_others} "
                    f"other volumes{hint}: likely corrupt (HAL exports); kept as written, not exported",
                )
            )
    return found

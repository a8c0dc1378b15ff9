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

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

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


def _contradicts(year: int, volume: int, other_year: int, other_volume: int) -> bool:
    """Whether ``volume`` of ``year`` contradicts ``other_volume`` of ``other_year`` beyond the slack."""
    return (year < other_year and volume > other_volume + SLACK) or (
        year > other_year and volume < other_volume - SLACK
    )


def implausible_volumes(citations: Iterable[VolumeOf]) -> list[tuple[str, str]]:
    """``(citation_id, message)`` for each volume most of its journal's other volumes contradict."""
    by_journal: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    for c in citations:
        if c.journal_key and c.year.isdecimal() and c.volume.strip().isdecimal():
            by_journal[c.journal_key].append((c.citation_id, int(c.year), int(c.volume)))
    found: list[tuple[str, str]] = []
    for points in by_journal.values():
        for citation_id, year, volume in points:
            others = [(y, v) for i, y, v in points if i != citation_id and y != year]
            if len({(y, v) for y, v in others}) < MIN_OTHERS:
                continue
            against = [(y, v) for y, v in others if _contradicts(y, v, year, volume)]
            if len(against) * 2 > len(others):
                earlier = max((p for p in others if p[0] < year), default=None)
                hint = f"; the journal's volume in {earlier[0]} was {earlier[1]}" if earlier else ""
                found.append(
                    (
                        citation_id,
                        f"volume {volume} ({year}) contradicts {len(against)} of the journal's {len(others)} "
                        f"other volumes{hint}: likely corrupt (HAL exports); kept as written, not exported",
                    )
                )
    return sorted(found)

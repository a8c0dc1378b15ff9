"""Stage 4 of deduplication: clusters from the ``duplicate`` pairs only.

A union-find joins the records of every ``duplicate`` pair, strongest pairs first. Two clusters are not
joined when any record of one has a hard conflict (:func:`kb.dedupe.match.hard_conflict`: different DOIs,
an erratum and its article, years far apart...) with any record of the other, so a chain ``a-b``, ``b-c``
never puts two records that must stay apart into one cluster; nor do the pairs a reviewer said are
``different`` (``apart``). ``maybe`` pairs never join anything.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence, Set

from networkx.utils import UnionFind

from kb.dedupe.match import Decision, PairDecision, hard_conflict
from kb.dedupe.prep import Prepped


class _Forest:
    """networkx's union-find (path compression, union by size) and the members of each root."""

    def __init__(self, n: int) -> None:
        self.roots = UnionFind(range(n))
        self.members: dict[int, list[int]] = {}

    def find(self, x: int) -> int:
        return self.roots[x]

    def group(self, root: int) -> list[int]:
        return self.members.get(root, [root])

    def union(self, ra: int, rb: int) -> None:
        group_a, group_b = self.members.pop(ra, [ra]), self.members.pop(rb, [rb])
        self.roots.union(ra, rb)
        self.members[self.roots[ra]] = group_a + group_b


def cluster(
    records: Sequence[Prepped], pairs: Iterable[PairDecision], apart: Set[tuple[int, int]] = frozenset()
) -> tuple[list[list[int]], list[PairDecision]]:
    """Clusters (lists of record indexes, two or more, sorted) and the duplicate pairs that were refused
    because they would have joined conflicting records or records of a pair in ``apart`` (``(a, b)``,
    ``a < b``)."""
    duplicates = sorted((p for p in pairs if p.decision is Decision.DUPLICATE),
                        key=lambda p: (-p.strength, p.a, p.b))  # fmt: skip
    forest = _Forest(len(records))
    refused: list[PairDecision] = []
    for pair in duplicates:
        ra, rb = forest.find(pair.a), forest.find(pair.b)
        if ra == rb:
            continue
        conflict = ""
        for i in forest.group(ra):
            for j in forest.group(rb):
                kept_apart = (i, j) in apart if i < j else (j, i) in apart
                conflict = "kept apart by a reviewer" if kept_apart else hard_conflict(records[i], records[j])
                if conflict:
                    break
            if conflict:
                break
        if conflict:
            refused.append(pair)
            continue
        forest.union(ra, rb)
    clusters = [sorted(group) for group in forest.members.values() if len(group) > 1]
    return sorted(clusters), refused

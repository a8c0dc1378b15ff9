"""The condition a work is about, from its title, abstract, MeSH terms, keywords and, for a document that
presents a study, its text: ``itp`` (an ITP concept of ``extract/conditions.yml``), another condition's id,
or ``""`` when none is named. ITP studies rank first in best-evidence order, then works of unknown condition,
then works about another disease (:data:`CONDITION_RANK`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from kb.evidence.matcher import fold
from kb.evidence.tagger import concept_hits
from kb.evidence.vocab import VocabFile

ITP = "itp"
CONDITION_RANK = {ITP: 0, "": 1}
"""Rank of a condition in best-evidence order; any other condition ranks 2."""


def condition_rank(condition: str) -> int:
    """0 for ITP, 1 for unknown, 2 for another condition."""
    return CONDITION_RANK.get(condition, 2)


def work_condition(conditions: VocabFile, texts: Iterable[str]) -> str:
    """``itp`` when any text names an ITP concept; else the other condition named most often (the first
    named on a tie); else ``""``."""
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for text in texts:
        if not text or not text.strip():
            continue
        for hit in concept_hits(conditions, fold(text)):
            cid = hit.payload[0]  # type: ignore[index]
            if conditions.by_id[cid].get("group") == ITP:
                return ITP
            counts[cid] += 1
            order.setdefault(cid, len(order))
    if not counts:
        return ""
    return min(counts, key=lambda c: (-counts[c], order[c]))

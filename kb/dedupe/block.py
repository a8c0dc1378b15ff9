"""Stage 2 of deduplication: candidate pairs from blocking keys, so cost grows about linearly.

Each record gets a few keys (:func:`blocking_keys`): its DOI, its PMID, the first and the last words of its
title (a notice: also of the title it names), its first author with its year, and its volume with its
first page (a trial registry record: also its trial id). Records sharing a key form a
block and every pair inside a small block is a candidate. A block larger than ``max_block`` (a common name
and year, a frequent title opening) is not compared all-pairs: its records are sorted by title and each is
compared with its ``window`` next neighbours only. The number of candidates is therefore at most about
``n * keys * max(max_block, window)``, never ``n**2``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from kb.dedupe.prep import Prepped

MAX_BLOCK = 20
WINDOW = 8
_TITLE_WORDS = 4


def blocking_keys(record: Prepped) -> list[str]:
    """The blocking keys of one record (none for a short citation: it is never a node of the graph)."""
    if record.short:
        return []
    keys: list[str] = []
    if record.doi:
        keys.append("d:" + record.doi)
    if record.pmid:
        keys.append("p:" + record.pmid)
    words = record.title.split()
    if words:
        keys.append("t:" + " ".join(words[:_TITLE_WORDS]))
        if len(words) > _TITLE_WORDS:
            keys.append("e:" + " ".join(words[-_TITLE_WORDS:]))
        if len(words) > 2 * _TITLE_WORDS:  # a bracketed or prefixed copy ("[Chinese] ...", "Re: ...")
            keys.append("m:" + " ".join(words[_TITLE_WORDS : 2 * _TITLE_WORDS]))
    about = record.notice_of[0].split()
    if about and about != words:  # a notice meets the article it concerns
        keys.append("t:" + " ".join(about[:_TITLE_WORDS]))
    if record.first_author and record.year:
        keys.append(f"a:{record.first_author}:{record.year}")
    if record.volume and record.first_page:
        keys.append(f"v:{record.volume}:{record.first_page}")
    if record.trial_id:  # one registration exported twice, its title updated in between
        keys.append("r:" + record.trial_id.partition("/")[0])
    return keys


def _block_pairs(members: list[int], records: Sequence[Prepped], max_block: int,
                 window: int) -> Iterable[tuple[int, int]]:  # fmt: skip
    if len(members) <= max_block:
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                yield (a, b) if a < b else (b, a)
        return
    ordered = sorted(members, key=lambda i: records[i].title)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 : i + 1 + window]:
            yield (a, b) if a < b else (b, a)


def candidate_pairs(records: Sequence[Prepped], max_block: int = MAX_BLOCK,
                    window: int = WINDOW) -> set[tuple[int, int]]:  # fmt: skip
    """Every pair of record indexes ``(a, b)`` with ``a < b`` that shares a blocking key.

    ``records[i].index`` must equal ``i``.
    """
    blocks: dict[str, list[int]] = defaultdict(list)
    for record in records:
        for key in blocking_keys(record):
            blocks[key].append(record.index)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > 1:
            pairs.update(_block_pairs(members, records, max_block, window))
    return pairs

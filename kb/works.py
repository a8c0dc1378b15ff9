"""Group citations into works: exact duplicates (same DOI, or same title, year and first author) merge.

Short citations (no title) group among themselves on first author, year and journal, so the repeated
mentions of a slide deck resolve to one work; linking them to full works is the deduplication stage's
job. Every citation ends up pointing at exactly one work.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from kb.model import Citation, Reference, Work
from kb.patterns import fold, fold_words

FIELDS = (
    "title",
    "journal",
    "year",
    "month",
    "day",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "url",
    "hal_id",
)
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "for",
        "and",
        "to",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "et",
    ]
)


def _first_family(ref: Reference) -> str:
    return fold_words(ref.authors[0].family) if ref.authors else ""


def match_keys(citation: Citation) -> list[str]:
    """The exact keys under which two citations are the same work (empty for an unmatchable one)."""
    ref = citation.reference
    keys = []
    if ref.doi:
        keys.append(f"doi:{ref.doi.lower()}")
    if ref.title:
        keys.append(f"title:{fold_words(ref.title)}|{ref.year}|{_first_family(ref)}")
    elif ref.authors and ref.year:
        keys.append(
            f"short:{_first_family(ref)}|{ref.year}|{citation.journal_key or fold_words(ref.journal)}"
        )
    return keys


def _completeness(ref: Reference) -> int:
    return sum(1 for f in FIELDS if getattr(ref, f)) + len(ref.authors)


def stable_id(prefix: str, *parts: str) -> str:
    """A short id derived from content: ``prefix`` + 12 hex digits of SHA-1 over ``parts``."""
    digest = hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def group_works(citations: list[Citation]) -> list[Work]:
    """Cluster ``citations`` by shared exact keys; set each citation's ``work_id``; return the works."""
    parent = list(range(len(citations)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[str, int] = {}
    keys_of: list[list[str]] = []
    for i, citation in enumerate(citations):
        keys = match_keys(citation) or [f"citation:{citation.id}"]
        keys_of.append(keys)
        for key in keys:
            if key in owner:
                parent[find(i)] = find(owner[key])
            else:
                owner[key] = i
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(citations)):
        members[find(i)].append(i)
    works = []
    for indexes in members.values():
        cluster_keys = sorted(k for i in indexes for k in keys_of[i])
        work_id = stable_id("w_", cluster_keys[0])
        best = max(indexes, key=lambda i: (_completeness(citations[i].reference), -i))
        for i in indexes:
            citations[i].work_id = work_id
        chosen = citations[best]
        works.append(
            Work(
                work_id,
                cluster_keys[0],
                chosen.reference,
                [citations[i].id for i in indexes],
                chosen.journal_abbrev,
                chosen.first_page,
                chosen.last_page,
            )
        )
    works.sort(key=lambda w: w.id)
    return works


def citation_keys(works: list[Work]) -> dict[str, str]:
    """BibTeX-style keys, family name + year + first title word, made unique with a, b, c... suffixes."""
    base: dict[str, str] = {}
    for work in works:
        ref = work.reference
        family = re.sub(r"[^a-z]", "", fold(ref.authors[0].family)) if ref.authors else "anon"
        words = [w for w in fold_words(ref.title).split() if w not in STOP_WORDS and not w.isdigit()]
        base[work.id] = (
            f"{family.capitalize() or 'Anon'}{ref.year or 'nd'}{words[0].capitalize() if words else ''}"
        )
    counts: dict[str, int] = defaultdict(int)
    for key in base.values():
        counts[key] += 1
    seen: dict[str, int] = defaultdict(int)
    keys = {}
    for work_id in sorted(base):
        key = base[work_id]
        if counts[key] > 1:
            key = (
                f"{key}{chr(ord('a') + seen[base[work_id]])}"
                if seen[base[work_id]] < 26
                else f"{key}{seen[key]}"
            )
            seen[base[work_id]] += 1
        keys[work_id] = key
    return keys

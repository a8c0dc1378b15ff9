"""Stable ids and citation keys of works (grouping citations into works is :mod:`kb.dedupe.group`)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from kb.model import Work
from kb.patterns import fold, fold_words

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


def stable_id(prefix: str, *parts: str) -> str:
    """A short id derived from content: ``prefix`` + 12 hex digits of SHA-1 over ``parts``."""
    digest = hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


def citation_keys(works: list[Work]) -> dict[str, str]:
    """BibTeX-style keys, family name + year + first title word, made unique with a, b, c... suffixes."""
    base: dict[str, str] = {}
    for work in works:
        ref = work.reference
        family = (
            re.sub(r"[^a-z]", "", fold(ref.authors[0].family or ref.authors[0].literal))
            if ref.authors
            else ""
        )
        words = [w for w in fold_words(ref.title).split() if w not in STOP_WORDS and not w.isdigit()]
        first_word = re.sub(r"[^a-z0-9]", "", words[0]).capitalize() if words else ""
        base[work.id] = f"{family.capitalize() or 'Anon'}{ref.year or 'nd'}{first_word}"
    counts: dict[str, int] = defaultdict(int)
    for key in base.values():
        counts[key] += 1
    seen: dict[str, int] = defaultdict(int)
    keys = {}
    for work_id in sorted(base):
        key = base[work_id]
        if counts[key] > 1:
            n = seen[key]
            seen[key] += 1
            key = f"{key}{chr(ord('a') + n)}" if n < 26 else f"{key}{n}"
        keys[work_id] = key
    return keys

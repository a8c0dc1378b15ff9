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
    """BibTeX-style keys, family name (an organisation's initials) + year + first title word, made unique
    with a, b, c... suffixes; a work with no author takes three title words ("SecondCourseRituximab"),
    and an unknown year is left out (no "Anon", no "nd")."""
    base: dict[str, str] = {}
    for work in works:
        ref = work.reference
        lead = _key_lead(ref.authors[0].family, ref.authors[0].literal) if ref.authors else ""
        words = [w for w in fold_words(ref.title).split() if w not in STOP_WORDS and not w.isdigit()]
        words = [re.sub(r"[^a-z0-9]", "", w).capitalize() for w in words[: 1 if lead else 3]]
        base[work.id] = f"{lead}{ref.year}{''.join(words)}" or work.id
    return _unique_keys(base)


def _key_lead(family: str, literal: str) -> str:
    """A key's first part: the family name ("Mahevas"), or an organisation's initials ("Haute Autorité de
    Santé" -> "HAS", "The WHO Collaborative Study" -> "WHOCS")."""
    if not literal:
        return re.sub(r"[^a-z]", "", fold(family)).capitalize()
    words = [w for w in re.findall(r"[^\W\d_]+", literal) if w.lower() not in ("the", "of", "for", "and")]
    capitals = [w if w.isupper() else w[0] for w in words if w[0].isupper()]
    return re.sub(r"[^A-Z]", "", fold("".join(capitals)).upper())


def _unique_keys(base: dict[str, str]) -> dict[str, str]:
    """Keys made unique with a, b, c... suffixes, in work id order."""
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

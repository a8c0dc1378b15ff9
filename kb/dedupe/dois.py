"""Two DOIs that differ: a typo, two items of one registrant in sequence, or two registrants.

:func:`doi_typo` finds two DOIs of one registrant a character or two apart (one DOI mistyped in one
database, or two neighbours); :func:`doi_neighbours` tells whether they differ in their final number, where
a registrant numbers its items in sequence. :mod:`kb.dedupe.match` weighs both.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

if TYPE_CHECKING:
    from kb.dedupe.prep import Prepped

DOI_TYPO_EDITS = 2
"""Two DOIs of one registrant (the same ``10.NNNN/`` prefix) whose suffixes are at most this many edits
apart may be one DOI mistyped in one database: evidence for a duplicate when every other field agrees, not
a veto. A different prefix is a different registrant: always a veto."""
_DOI_TYPO_MIN_SUFFIX = 6
"""Shorter suffixes ("bjh.12") are too close to their neighbours for an edit to mean a typo."""


def doi_typo(a: Prepped, b: Prepped) -> bool:
    """Two different DOIs with one prefix and suffixes at most :data:`DOI_TYPO_EDITS` edits apart."""
    prefix_a, _, suffix_a = a.doi.partition("/")
    prefix_b, _, suffix_b = b.doi.partition("/")
    return (
        prefix_a == prefix_b
        and min(len(suffix_a), len(suffix_b)) >= _DOI_TYPO_MIN_SUFFIX
        and Levenshtein.distance(suffix_a, suffix_b, score_cutoff=DOI_TYPO_EDITS) <= DOI_TYPO_EDITS
    )


_FINAL_NUMBER_RE = re.compile(r"\d+$")


def doi_neighbours(a: str, b: str) -> bool:
    """Two DOIs whose final numbers differ: a registrant numbers its items in sequence, so the DOIs of one
    journal's recurring column or of consecutive papers differ there ("...2000.11045631" / "...11045643").
    A difference elsewhere (a letter, a digit inside the DOI) with one final number is a typo, not a
    neighbour."""
    x, y = _FINAL_NUMBER_RE.search(a), _FINAL_NUMBER_RE.search(b)
    return not (x and y and x.group(0) == y.group(0))

"""The learned weighing of a candidate pair: a logistic regression over the pair's similarity features.

:func:`kb.dedupe.match.decide` settles most pairs by rule (short citations, kinds that must never merge,
identifiers, titles far apart, years far apart). The pairs left are weighed: by default by the stated
evidence sum of :mod:`kb.dedupe.match`; :func:`probability` is the alternative learned by ``kb train
--only dedupe`` (:mod:`kb.dedupe.train`) from generated pairs, never from an evaluation set. Its weights
ship as ``pair_model.json`` beside this module.

Every feature is 0/1 or a similarity in [0, 1], and a field missing on either side sets its ``*_missing``
feature, never an agreement or a disagreement.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kb.dedupe.prep import Prepped, journals_compatible

MODEL_FILE = Path(__file__).with_name("pair_model.json")

FEATURES = (
    "bias",
    "title",
    "title_exact",
    "title_gap",
    "authors",
    "authors_missing",
    "authors_none",
    "authors_all",
    "first_author_same",
    "year_same",
    "year_one_apart",
    "year_missing",
    "volume_same",
    "volume_differ",
    "first_page_same",
    "first_page_differ",
    "pages_close",
    "last_page_differ",
    "issue_differ",
    "journal_same",
    "journal_differ",
    "numbers_differ",
    "short_title",
    "no_locator",
    "both_conference",
    "one_doi",
)
"""The names of the features, in the order of :func:`features`."""

_PAGE_SLACK = 10
"""First pages this close may be one page miskeyed (as :data:`kb.dedupe.match.PAGE_SLACK`)."""


def _pages_close(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and abs(int(a) - int(b)) <= _PAGE_SLACK


def features(a: Prepped, b: Prepped, title: float, authors: float | None) -> tuple[float, ...]:
    """The feature values of a pair (in the order of :data:`FEATURES`); ``title`` and ``authors`` are the
    similarities :mod:`kb.dedupe.match` already computed."""
    both = lambda x, y: bool(x and y)  # noqa: E731
    gap = abs(a.year - b.year) if a.year and b.year else -1
    pages_differ = both(a.first_page, b.first_page) and a.first_page != b.first_page
    words = min(a.title.count(" "), b.title.count(" ")) + 1
    journals = both(a.journal, b.journal)
    compatible = journals and journals_compatible(a.journal, b.journal)
    return (
        1.0,
        title,
        float(title >= 0.999),
        max(0.0, 0.95 - title) * 10,
        authors or 0.0,
        float(authors is None),
        float(authors == 0),
        float(authors is not None and authors >= 0.99 and min(len(a.authors), len(b.authors)) >= 2),
        float(both(a.first_author, b.first_author) and a.first_author == b.first_author),
        float(gap == 0),
        float(gap == 1),
        float(gap < 0),
        float(both(a.volume, b.volume) and a.volume == b.volume),
        float(both(a.volume, b.volume) and a.volume != b.volume),
        float(both(a.first_page, b.first_page) and a.first_page == b.first_page),
        float(pages_differ),
        float(pages_differ and _pages_close(a.first_page, b.first_page)),
        float(both(a.last_page, b.last_page) and a.last_page != b.last_page),
        float(both(a.issue, b.issue) and a.issue != b.issue),
        float(compatible),
        float(journals and not compatible),
        float(a.numbers != b.numbers),
        float(words < 5),
        float(not (a.volume or a.issue or a.first_page) or not (b.volume or b.issue or b.first_page)),
        float(a.conference and b.conference),
        float(bool(a.doi) != bool(b.doi)),
    )


@dataclass(frozen=True)
class PairModel:
    """Weights (one per feature) and the two probability thresholds of the decision."""

    weights: tuple[float, ...]
    duplicate: float
    """At or above this probability a pair is a duplicate."""
    maybe: float
    """At or above this (and below ``duplicate``) a pair goes to review."""

    def probability(self, values: tuple[float, ...]) -> float:
        """The probability that a pair with these feature values is one work."""
        z = sum(w * x for w, x in zip(self.weights, values, strict=True))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> str:
        """The model as the JSON text of :data:`MODEL_FILE` (features named, rounded: a stable file)."""
        data = {
            "features": dict(zip(FEATURES, (round(w, 6) for w in self.weights), strict=True)),
            "duplicate": self.duplicate,
            "maybe": self.maybe,
        }
        return json.dumps(data, indent=1) + "\n"


@cache
def load_model(path: Path = MODEL_FILE) -> PairModel:
    """The shipped model (a feature missing from the file weighs 0)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = tuple(float(data["features"].get(name, 0.0)) for name in FEATURES)
    return PairModel(weights, float(data["duplicate"]), float(data["maybe"]))

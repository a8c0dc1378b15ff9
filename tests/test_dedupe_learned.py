"""The learned pair weighing (``kb.dedupe.learned``) and its training on generated pairs
(``kb.dedupe.train``): features, the fit, the generated noise, determinism of ``kb train --only dedupe``."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kb.dedupe import match
from kb.dedupe.learned import FEATURES, MODEL_FILE, features, load_model
from kb.dedupe.match import Decision, Weighing, decide, rule_decision
from kb.dedupe.prep import prep
from kb.dedupe.train import DATA_FILE, Work, as_abstract, fit, hard_negative, noisy_copy, train_pair_model
from kb.model import Name
from tests.test_dedupe import rec

BUSSEL = Work(
    (Name("Bussel", "James B."), Name("Kuter", "David J."), Name("George", "James N.")),
    "AMG 531, a thrombopoiesis-stimulating protein, for chronic ITP",
    "New England Journal of Medicine",
    2006,
    "355",
    "16",
    "1672-1681",
    "10.1056/NEJMoa054626",
)


def _values(a: object, b: object) -> dict[str, float]:
    pa, pb = prep(a, 0), prep(b, 1)  # type: ignore[arg-type]
    ruled = rule_decision(pa, pb)
    assert isinstance(ruled, Weighing)
    return dict(zip(FEATURES, features(pa, pb, ruled.title, ruled.authors), strict=True))


def test_a_missing_field_is_unknown_never_agreement_or_conflict() -> None:
    a = rec("a", "Eltrombopag in chronic immune thrombocytopenia of adults", "", "Blood", "2010")
    b = rec(
        "b", "Eltrombopag in chronic immune thrombocytopenia of adults", "Cheng G", "Blood", "2010", "118"
    )
    v = _values(a, b)
    assert (v["authors_missing"], v["authors"], v["authors_none"], v["first_author_same"]) == (1, 0, 0, 0)
    assert (v["volume_same"], v["volume_differ"], v["first_page_same"], v["first_page_differ"]) == (
        0,
        0,
        0,
        0,
    )
    assert (v["no_locator"], v["journal_same"], v["year_same"], v["title_exact"]) == (1, 1, 1, 1)


def test_fit_learns_the_sign_of_each_evidence() -> None:
    """Rows where a same first page means a duplicate and a different one means another paper."""
    n = len(FEATURES)
    page_same, page_differ = FEATURES.index("first_page_same"), FEATURES.index("first_page_differ")
    rows = []
    for k in range(200):
        xs = [0.0] * n
        xs[0] = 1.0
        same = k % 2 == 0
        xs[page_same if same else page_differ] = 1.0
        xs[FEATURES.index("title")] = 0.9 + (k % 10) / 100
        rows.append((tuple(xs), same if k % 25 else not same))  # a little label noise
    weights = fit(rows)
    assert weights[page_same] > 1 > -1 > weights[page_differ]


def test_noisy_copies_keep_the_work_and_negatives_differ() -> None:
    rng = random.Random(1)
    copies = [noisy_copy(BUSSEL, rng) for _ in range(300)]
    assert not any("Conference:" in c.journal for c in copies)  # a full paper is never a meeting abstract
    abstract = as_abstract(BUSSEL, rng)
    assert (abstract.pages, abstract.meeting[-4:]) == ("1672", "2006")
    named = [c for c in (noisy_copy(abstract, rng) for _ in range(40)) if "Conference:" in c.journal]
    assert named and all(c.journal.endswith(f"Conference: {abstract.meeting}") for c in named)
    assert any(len(c.authors) == 1 and "." in c.authors[0].family for c in copies)  # Embase, glued
    assert any(not (c.volume or c.issue or c.pages) for c in copies)  # ahead of print
    assert any(c.issue in ("Suppl 1", "SUPPL. 1", "(Supplement 3)", "1)") for c in copies)
    assert {c.year for c in copies} <= {2005, 2006, 2007}
    other = Work((Name("Cines", "Douglas"),), "The ITP syndrome: pathogenic diversity", "Blood", 2009,
                 "113", "26", "6511-6521", "")  # fmt: skip
    negatives = [hard_negative(BUSSEL, rng, other) for _ in range(60)]
    assert all(n != BUSSEL for n in negatives)
    assert any(n.title.startswith(("Erratum: ", "Correction: ")) for n in negatives)
    assert any(n.title == BUSSEL.title and n.authors == other.authors for n in negatives)  # a review


def test_shipped_model_is_complete_and_learned_path_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_model()
    assert len(model.weights) == len(FEATURES)
    assert 0 < model.maybe <= model.duplicate < 1
    assert match.LEARNED is False  # not adopted: the rules were better on the benchmark sets
    monkeypatch.setattr(match, "LEARNED", True)
    a = rec("a", "Romiplostim or standard of care in patients with immune thrombocytopenia", "Kuter DJ",
            "N Engl J Med", "2010", "363", "1889-1899")  # fmt: skip
    b = rec("b", "Romiplostim or standard of care in patients with immune thrombocytopenia.", "Kuter D",
            "New England Journal of Medicine", "2010", "363", "1889-99")  # fmt: skip
    decision = decide(prep(a, 0), prep(b, 1))
    assert decision.decision is Decision.DUPLICATE
    assert decision.reason.startswith("learned weighing: probability ")
    c = rec("c", "Romiplostim or standard of care in patients with immune thrombocytopenia", "Smith K",
            "Lancet", "2011", "12", "400-401")  # fmt: skip
    assert decide(prep(a, 0), prep(c, 1)).decision is Decision.DISTINCT


@pytest.mark.skipif(not DATA_FILE.is_file(), reason="the training data is part of a repository checkout")
def test_training_is_deterministic_and_gives_the_shipped_model(tmp_path: Path) -> None:
    out = train_pair_model(tmp_path / "pair_model.json")
    assert out.read_text(encoding="utf-8") == MODEL_FILE.read_text(encoding="utf-8")
    assert load_model(out) == load_model()

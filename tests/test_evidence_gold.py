"""Gold-set evaluation of the tagger (tests/gold/evidence_links.yml): floors and printed P/R/F1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kb.evidence.metrics import Scores, evaluate, report
from kb.evidence.metrics import load_gold as metrics_load_gold

GOLD = Path(__file__).parent / "gold" / "evidence_links.yml"
REPO = Path(__file__).resolve().parents[1]


def load_gold() -> list[dict[str, Any]]:
    """The gold records (whole-document records need references/ and are skipped without it)."""
    return metrics_load_gold(GOLD, REPO)


@pytest.fixture(scope="module")
def scores() -> dict[str, Any]:
    """Scores of the tagger on the gold set (printed with pytest -s)."""
    result = evaluate(load_gold())
    print("\n" + report(result))
    return result


def test_gold_is_big_enough() -> None:
    records = load_gold()
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))
    n_links = sum(
        len(r.get("outcomes") or [])
        + sum(1 if isinstance(v, str) else len(v) for v in (r.get("interventions") or {}).values())
        for r in records
    )
    assert n_links >= 150
    assert sum(1 for r in records if r["id"].startswith("r000-")) >= 85
    assert sum(1 for r in records if r.get("design")) >= 40


def test_intervention_floors(scores: dict[str, Any]) -> None:
    iv: Scores = scores["interventions"]
    assert iv.precision >= 0.95, iv.errors
    assert iv.recall >= 0.93, iv.errors


def test_design_accuracy_floor(scores: dict[str, Any]) -> None:
    assert scores["design"].accuracy >= 0.90, scores["design"].errors


def test_outcome_and_primary_figures(scores: dict[str, Any]) -> None:
    assert scores["outcomes"].f1 >= 0.80, scores["outcomes"].errors
    assert scores["primary_outcomes"].recall == 1.0


def test_adversarial_records_have_no_false_hit() -> None:
    adversarial = [r for r in load_gold() if r.get("synthetic")]
    result = evaluate(adversarial)
    assert result["interventions"].fp == 0, result["interventions"].errors


def test_scores_arithmetic() -> None:
    s = Scores()
    s.add("r1", {("a", "x"), ("b", "x")}, {("a", "x"), ("c", "x")})
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.precision == s.recall == s.f1 == 0.5
    assert "r1: false positive ('c', 'x')" in s.errors

"""Tests for kb.evidence.results: the numbers of the seed card, slides and thesis abstract."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kb.evidence.results import Result, extract_results, words_to_int
from kb.evidence.tagger import tag_text

GOLD = Path(__file__).parent / "gold" / "evidence_results.yml"
EXCERPTS = {e["id"]: e for e in yaml.safe_load(GOLD.read_text(encoding="utf-8"))["excerpts"]}


def _matches(result: Result, expected: dict[str, Any]) -> bool:
    for key, value in expected.items():
        got = getattr(result, key)
        if isinstance(value, int | float) and not isinstance(value, bool) and got is not None:
            if abs(float(got) - float(value)) > 1e-9:
                return False
        elif got != value:
            return False
    return True


CASES = [(sid, i, exp) for sid, e in EXCERPTS.items() for i, exp in enumerate(e["expected"])]


@pytest.fixture(scope="module")
def extracted() -> dict[str, list[Result]]:
    """Results of every gold excerpt."""
    return {sid: extract_results(e["lines"], e["start_line"]) for sid, e in EXCERPTS.items()}


@pytest.mark.parametrize(("sid", "index", "expected"), CASES, ids=[f"{s}-{i}" for s, i, _ in CASES])
def test_seed_results(
    extracted: dict[str, list[Result]], sid: str, index: int, expected: dict[str, Any]
) -> None:
    found = [r for r in extracted[sid] if _matches(r, expected)]
    assert found, f"{sid}: no result matches {expected}; got {extracted[sid]}"


@pytest.mark.parametrize("sid", sorted(EXCERPTS))
def test_seed_design(sid: str) -> None:
    excerpt = EXCERPTS[sid]
    design = tag_text("\n".join(excerpt["lines"]), assume_itp=True).design
    assert design.primary == excerpt["design"]
    assert set(excerpt.get("flags", [])) <= set(design.flags)


def test_hr_split_over_blank_lines_reports_first_line() -> None:
    lines = [
        "Issue primaire : échec thérapeutique.",
        "",
        "L'issue primaire est survenue chez 22% des patients",
        "[HR 0.41 (95%",
        "",
        "IC 0.21-0.80) ; p=0.008]",
    ]
    (hr,) = [r for r in extract_results(lines, start_line=55) if r.measure == "hr"]
    assert (hr.value, hr.ci_low, hr.ci_high, hr.p, hr.line) == (0.41, 0.21, 0.80, 0.008, 58)
    assert hr.outcome == "treatment_failure"


@pytest.mark.parametrize(
    ("text", "measure", "value"),
    [
        ("N= 120", "n", 120),
        ("Total (n = 26)", "n", 26),
        ("responders (n=44)", "n", 44),
        ("Cinquante patients étaient analysés", "n", 50),
        ("Quarante-trois patients étaient inclus", "n", 43),
        ("120 patients were randomized", "n", 120),
    ],
)
def test_sample_sizes(text: str, measure: str, value: float) -> None:
    assert any(r.measure == measure and r.value == value for r in extract_results([text]))


def test_odds_ratio_and_bare_or() -> None:
    results = extract_results(
        ["Bleeding: OR 2.1 (95% CI 1.2-3.4), p < 0.01", "Overall Response (OR) : CR + R"]
    )
    (odds,) = [r for r in results if r.measure == "or"]
    assert (odds.value, odds.ci_low, odds.ci_high, odds.p, odds.p_op) == (2.1, 1.2, 3.4, 0.01, "<")


def test_markdown_bold_and_timepoint() -> None:
    (r,) = extract_results(["Relapse-free survival at 24 months was **60 %**"])
    assert (r.kind, r.value, r.outcome, r.timepoint, r.line) == (
        "survival",
        60,
        "relapse_free_survival",
        "24 months",
        1,
    )


def test_percentages_without_outcome_are_not_results() -> None:
    assert extract_results(["- 16 (62 %) SC 1800 mg", "Male 15 (57.7)"]) == []


def test_confidence_level_is_not_a_result() -> None:
    results = extract_results(["Overall response 40% (95% CI 30-50)"])
    assert [r.value for r in results] == [40]


@pytest.mark.parametrize(
    ("words", "value"),
    [("Cinquante", 50), ("quarante-trois", 43), ("forty two", 42), ("vingt et un", 21), ("banana", None)],
)
def test_words_to_int(words: str, value: int | None) -> None:
    assert words_to_int(words) == value


def test_record_abstract_gives_results_at_its_lines() -> None:
    """A record's abstract (PubMed, RIS, CSL-JSON) is read like any text; lines count from its first line."""
    from kb.evidence.link import TextSource, evidence_tables

    abstract = (
        "BACKGROUND: ITP is rare.\nMETHODS: We randomised 60 patients.\n"
        "RESULTS: Response was 70% with romiplostim vs. 30% with placebo (P < 0.001)."
    )
    tables = evidence_tables([TextSource("w1", abstract, "doc1", 40, "abstract")], {})
    got = sorted((r["measure"], r["value"], r["line"], r["method"]) for r in tables["results"])
    assert got == [
        ("n", 60.0, 41, "abstract"),
        ("response_rate", 30.0, 42, "abstract"),
        ("response_rate", 70.0, 42, "abstract"),
    ]

"""Tests for kb/evidence/results/: numbers written with spaces between thousands, French abstracts, a value
after a unit of several words, the second arm written without its unit.

Each sentence is written for this test (no text of the development set or of the gold batches), in other
words than the cases the rules were found on, so that a rule that only matched one example fails here.
"""

from __future__ import annotations

import pytest

from kb.evidence.results import extract_text
from kb.evidence.results.spans import tokens


def rows(text: str) -> list[tuple[str, float | None, float | None, float | None]]:
    """(measure, value, ci_low, ci_high) of every result, sorted."""
    return sorted(
        (r.measure, r.value, r.ci_low, r.ci_high) for r in extract_text(text) if r.value is not None
    )


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("La charge virale était de 1 250 copies", [1250.0]),
        ("soit 12 450 000 cellules", [12450000.0]),
        ("un coût de 2\u202f310,50 euros", [2310.5]),
        ("une dette de −1 200 euros", [-1200.0]),
        # a label before the first group: two numbers ("at week 2, 108 patients")
        ("At week 2 108 patients had responded", [2.0, 108.0]),
        ("à la visite 3 120 patients", [3.0, 120.0]),
        ("IL-6 100 pg", [6.0, 100.0]),
        # groups of other sizes are other numbers
        ("scores of 12 1000 and 3 45", [12.0, 1000.0, 3.0, 45.0]),
    ],
)
def test_thousands_written_with_spaces(text: str, values: list[float]) -> None:
    assert [t.value for t in tokens(text, 0, len(text))] == values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a value with spaced thousands, and a change "de X à Y" under "médiane"
        (
            "Résultats : La médiane des plaquettes a augmenté de 1 500 à 2 750 dans le groupe traité.",
            [("median", 1500.0, None, None), ("median", 2750.0, None, None)],
        ),
        ("Résultats : Au total, 3 412 femmes ont été incluses.", [("n", 3412.0, None, None)]),
        ("METHODS: A total of 1 064 adults were enrolled (n = 1 064).", [("n", 1064.0, None, None)] * 2),
        # an event count with spaced thousands is no sample size
        ("RESULTS: Infection was reported in 1 120 patients (8.1%).", [("proportion", 8.1, None, None)]),
        # the French layout: "RR = 0,51 [0,34–0,75]", "IC 95 %", "p = 0,03"
        (
            "Résultats : La rémission était de 38,5 % contre 22,0 % (RR = 1,75 [1,21–2,53] ; p = 0,003).",
            [("proportion", 22.0, None, None), ("proportion", 38.5, None, None), ("rr", 1.75, 1.21, 2.53)],
        ),
        (
            "Résultats : Le risque de récidive était réduit (HR 0,64 ; IC 95 % 0,48-0,85).",
            [("hr", 0.64, 0.48, 0.85)],
        ),
        # a percentage of people in remission counts events, not a description of the sample
        (
            "Résultats : 2 015 patients (71 %) étaient en rémission à 1 an.",
            [("proportion", 71.0, None, None)],
        ),
    ],
)
def test_french_layout_and_spaced_thousands(
    text: str, expected: list[tuple[str, float, float | None, float | None]]
) -> None:
    assert rows(text) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the other arm's value after a unit of several words, its unit left out
        (
            "The mean decline in lung function was −41.2 ml per year with drug F and −58.7 with placebo.",
            [("mean", -58.7, None, None), ("mean", -41.2, None, None)],
        ),
        (
            "Creatinine clearance fell by 3.4 ml/min per 1.73 m² per year in the control arm and 1.9 in the"
            " treatment arm.",
            [("mean", 1.9, None, None), ("mean", 3.4, None, None)],
        ),
        (
            "The rate of exacerbations was 0.82 events per patient-year with the inhaler and 1.14 with"
            " placebo.",
            [("proportion", 0.82, None, None), ("proportion", 1.14, None, None)],
        ),
        (
            "The median time to recovery was 6.5 days in the zinc group and 8.0 in the placebo group.",
            [("median", 6.5, None, None), ("median", 8.0, None, None)],
        ),
        # a count of things is no measurement: "3 falls in A and 7 in B" gives no value
        ("Falls were recorded: 3 falls in the exercise group and 7 in the control group.", []),
        ("Nausea was reported by 4 patients in arm A and 9 in arm B.", []),
    ],
)
def test_second_arm_after_a_long_unit(
    sentence: str, expected: list[tuple[str, float, float | None, float | None]]
) -> None:
    assert rows("RESULTS: " + sentence) == sorted(expected)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a clause with its own verb after a semicolon ends the reach of "median"
        (
            "Patients were followed for a median of 2.7 years; 88% attended the final visit.",
            [("median", 2.7, None, None), ("proportion", 88.0, None, None)],
        ),
        # ... a list of arms goes on after it, and so does a clause taken on by a pronoun
        (
            "Median survival was 11.2 months with drug D; 8.9 months with placebo.",
            [("median", 8.9, None, None), ("median", 11.2, None, None)],
        ),
        (
            "Median LDL was 3.1 mmol/L in the whole cohort; at one year, it was 2.2 mmol/L with drug A and 2.9"
            " mmol/L with diet.",
            [("median", 2.2, None, None), ("median", 2.9, None, None), ("median", 3.1, None, None)],
        ),
        # under "median" two arms' whole numbers are values, not people
        (
            "The median pain score was 3 with the block and 5 with placebo.",
            [("median", 3.0, None, None), ("median", 5.0, None, None)],
        ),
        # "N in the X group" under "median" is a value, not the group's size
        (
            "The median number of ventilator-free days was 19 in the prone group and 15 in the supine group.",
            [("median", 15.0, None, None), ("median", 19.0, None, None)],
        ),
        # a dose named by "dose" stays given under "median"; "exceeded 90%" is a threshold
        ("The median dose of prednisolone was 30 mg daily.", []),
        ("Attendance exceeded 90% in 64% of the schools.", [("proportion", 64.0, None, None)]),
    ],
)
def test_reach_of_a_keyword_and_decoys(
    sentence: str, expected: list[tuple[str, float, float | None, float | None]]
) -> None:
    assert rows("RESULTS: " + sentence) == sorted(expected)

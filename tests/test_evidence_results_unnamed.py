"""Tests for kb/evidence/results/unnamed.py: estimates without a name of their own (SIBLING, CARRIED, CONTRAST).

The sentences are written for these tests, in other fields and other words than the held-back batches whose
false rows showed the class (a difference between the arms, with its CI, read as one arm's mean). Each class
has a case that keeps its reading: one arm's own change, two arms' values compared.
"""

from __future__ import annotations

import pytest
from result_rows import rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparative in the clause: the value in brackets is how much more, a difference
        (
            "RESULTS: Depressive symptoms fell further in the coaching arm (−3.4, 95% CI −5.1 to −1.7; P<.001).",
            [("md", -3.4, -5.1, -1.7)],
        ),
        (
            "RESULTS: Online CBT was superior to group therapy (−1.1, 95% CI −2.0 to −0.2).",
            [("md", -1.1, -2.0, -0.2)],
        ),
        # a quantity measured in % compares the same way
        (
            "RESULTS: HbA1c fell further with semaglutide (−0.6%, 95% CI −0.8 to −0.4).",
            [("md", -0.6, -0.8, -0.4)],
        ),
        # an effect named by the clause, with no estimate's name
        (
            "RESULTS: Effects on step count persisted at 6 months (812 steps/day, 95% CI 310 to 1314).",
            [("md", 812.0, 310.0, 1314.0)],
        ),
        (
            "RESULTS: Compared with usual care, coaching with reminders reduced cigarettes per day by 4.2 (95% CI "
            "2.0 to 6.4), whereas the effect of coaching alone was 1.8 (95% CI −0.4 to 4.0).",
            [("md", 1.8, -0.4, 4.0), ("md", 4.2, 2.0, 6.4)],
        ),
        # subgroups compared: both values are the effect in each subgroup
        (
            "RESULTS: The benefit was smaller among women (1.2 kg, 95% CI 0.1 to 2.3) than among men (3.4 kg, "
            "95% CI 2.2 to 4.6).",
            [("md", 1.2, 0.1, 2.3), ("md", 3.4, 2.2, 4.6)],
        ),
    ],
)
def test_a_value_whose_clause_compares_the_arms_is_a_difference(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "RESULTS: Exercise reduced fatigue (main effect −4.1, 95% CI −6.0 to −2.2), whereas diet did not "
            "(−0.9; 95% CI −2.8 to 1.0).",
            [("md", -4.1, -6.0, -2.2), ("md", -0.9, -2.8, 1.0)],
        ),
        (
            "RESULTS: Drug A lowered the risk of relapse (hazard ratio 0.62, 95% CI 0.45 to 0.85), while drug B "
            "did not (0.97, 95% CI 0.72 to 1.31).",
            [("hr", 0.62, 0.45, 0.85), ("hr", 0.97, 0.72, 1.31)],
        ),
    ],
)
def test_a_clause_that_denies_the_named_effect_carries_its_name(text: str, expected: list[tuple]) -> None:
    assert sorted(rows(text)) == sorted(expected)


def test_one_arms_values_stay_means() -> None:
    # the same clause with its comparative is a difference; without it, one arm's own change
    assert rows("RESULTS: Pain fell further in the yoga arm (−2.1, 95% CI −2.9 to −1.3).") == [
        ("md", -2.1, -2.9, -1.3)
    ]
    assert rows("RESULTS: Pain fell in the yoga arm (−2.1, 95% CI −2.9 to −1.3).") == [
        ("mean", -2.1, -2.9, -1.3)
    ]
    # two arms' values, each with its CI, compared with each other: both means
    assert sorted(
        rows(
            "RESULTS: Weight loss was greater in the diet group (−4.2 kg, 95% CI −5.0 to −3.4) than in the "
            "control group (−1.1 kg, 95% CI −1.9 to −0.3)."
        )
    ) == [("mean", -4.2, -5.0, -3.4), ("mean", -1.1, -1.9, -0.3)]
    assert sorted(
        rows(
            "RESULTS: Systolic pressure fell more in the salt group (−6.1 mm Hg, 95% CI −7.9 to −4.3) than in "
            "controls (−2.0 mm Hg, 95% CI −3.5 to −0.5)."
        )
    ) == [("mean", -6.1, -7.9, -4.3), ("mean", -2.0, -3.5, -0.5)]

"""Tests for kb/evidence/results/changepatterns.py: a change "by X" that is a difference between the arms, and
one arm's own.

Sentences written for these tests; each class has a case that keeps its reading.
"""

from __future__ import annotations

import pytest
from result_rows import rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "more in" after a unit of several words
        (
            "RESULTS: Sleep duration rose by 31.5 min/24-h day more in the intervention group (p = 0.01).",
            [("md", 31.5, None, None)],
        ),
        # the other arm named between the change and its CI
        (
            "RESULTS: Vitamin K increased bone density by 0.021 g/cm2 compared with placebo (95% CI 0.008 to "
            "0.034).",
            [("md", 0.021, 0.008, 0.034)],
        ),
    ],
)
def test_a_change_compared_with_the_other_arm_is_a_difference(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_a_change_with_placebo_is_the_placebo_arms_own() -> None:
    text = (
        "RESULTS: HbA1c changed by −0.31% (95% CI −0.45 to −0.17) with the drug and by +0.05% (95% CI −0.09 to "
        "0.19) with placebo."
    )
    assert sorted(rows(text)) == [("mean", -0.31, -0.45, -0.17), ("mean", 0.05, -0.09, 0.19)]
    # a change credited to the intervention alone is the difference it makes in a factorial trial (each
    # factor reported as the contrast with and without it), elsewhere that arm's or period's own change
    change = "RESULTS: Systolic pressure fell by 6.2 mm Hg (95% CI 4.0 to 8.4) with amlodipine."
    assert rows("METHODS: A 2×2 factorial trial of amlodipine and salt reduction. " + change) == [
        ("md", 6.2, 4.0, 8.4)
    ]
    assert rows(change) == [("mean", 6.2, 4.0, 8.4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change "from X to Y" of whole numbers, or of a duration in minutes: values, not time points
        (
            "RESULTS: Body weight fell from 96 to 88 kg with the diet.",
            [("mean", 88.0, None, None), ("mean", 96.0, None, None)],
        ),
        (
            "RESULTS: Sleep latency fell from 45 to 21 minutes with CBT.",
            [("mean", 21.0, None, None), ("mean", 45.0, None, None)],
        ),
        # ... while a span of ages or follow-up stays a time
        ("RESULTS: Scores improved from 3 to 6 months.", []),
    ],
)
def test_a_change_from_whole_numbers(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected

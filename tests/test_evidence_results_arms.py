"""Tests for kb/evidence/results/arms.py: values of the arms compared in pairs.

Sentences written for this test, in other fields and words than the held-back batch the class was found on.
"""

from __future__ import annotations

import pytest
from result_rows import rows_with_p as rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # events as the subject of a pair of integers: counts of events, not means
        (
            "Results: Asthma attacks recorded in the school diaries were 42 versus 67 (rate ratio 0.63, 95% CI "
            "0.43 to 0.92).",
            [("rr", 0.63, 0.43, 0.92, None)],
        ),
        (
            "Results: Emergency admissions were 14 vs 29 (p = 0.02).",
            [("p_only", None, None, None, "0.02")],
        ),
        # kept: a mean number of events, and measured amounts with their unit
        (
            "Results: The mean number of attacks was 2.4 vs 3.9.",
            [("mean", 2.4, None, None, None), ("mean", 3.9, None, None, None)],
        ),
        (
            "Results: Hospital stays were 6 vs 9 days.",
            [("mean", 6.0, None, None, None), ("mean", 9.0, None, None, None)],
        ),
    ],
)
def test_events_counted_in_a_pair_are_no_means(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected

"""Tests for kb/evidence/results/arms.py: two arms' values compared, and counts that are no values.
Sentences written for these tests."""

from __future__ import annotations

from result_rows import rows


def test_counted_events_compared_are_no_measurements() -> None:
    text = "RESULTS: Hospital admissions in the first year were 22 versus 41 (rate ratio 0.52, 95% CI 0.30 to 0.90)."
    assert rows(text) == [("rr", 0.52, 0.3, 0.9)]
    # a measured quantity compared the same way stays two values
    assert rows("RESULTS: Scores at discharge were 12 versus 18 points (p = 0.02).") == [
        ("mean", 12.0, None, None),
        ("mean", 18.0, None, None),
    ]

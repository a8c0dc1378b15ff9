"""Tests for kb/evidence/results/design.py: the numbers of a sentence that belong to something else than a
result value (here the numbers inside a unit). Sentences written for these tests."""

from __future__ import annotations

import pytest
from result_rows import rows


@pytest.mark.parametrize(
    "text",
    [
        "RESULTS: Kidney function declined less with the drug (adjusted difference 3.2 ml/min/1.73 m2, 95% CI "
        "1.1 to 5.3).",
        "RESULTS: Sedentary time fell (adjusted difference 3.2 min/8-h shift, 95% CI 1.1 to 5.3).",
    ],
)
def test_a_number_inside_the_unit_leaves_the_ci_to_the_value(text: str) -> None:
    assert rows(text) == [("md", 3.2, 1.1, 5.3)]

"""Tests for kb/evidence/results/baseline.py: numbers that describe the sample give no result.

Sentences written for this test, in other words than the cases the rules were found on.
"""

from __future__ import annotations

import pytest

from kb.evidence.results import extract_text


def valued(text: str) -> list[tuple[str, float]]:
    return sorted(
        (r.measure, r.value) for r in extract_text(text) if r.value is not None and r.measure != "n"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # a sentence that opens on the baseline
        "At enrolment, 58% were receiving insulin and the mean HbA1c was 8.4%.",
        "At randomisation the median platelet count was 18 × 10^9/L.",
        # the sample's indication and history
        "The indication was trauma in 44% and elective surgery in 56%.",
        "Overall, 31% had a prior myocardial infarction.",
        "Half of them (52%) had anaemia at diagnosis.",
        # a classification in the present tense, without any comparison
        "About 62% of tumours are located in the left colon and 38% were of mucinous type.",
        # a sentence that closes on the baseline, or opens on the sample's history, comparing nothing
        "The women had a mean BMI of 31.2 and a mean parity of 2.4 at study entry.",
        "Previous chemotherapy had been received by 37% of the children.",
        "Most adults (71%) had stage II disease and 29% had stage III disease.",
        "Overall, 26% had undergone a prior hernia repair.",
    ],
)
def test_baseline_gives_no_result(sentence: str) -> None:
    assert valued("RESULTS: " + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a change from baseline is an outcome
        (
            "The mean change from baseline was −3.2 with drug A and −1.0 with placebo.",
            [("mean", -3.2), ("mean", -1.0)],
        ),
        # after a time point or a change the baseline sentence reports outcomes
        ("At baseline the score was 52; after 10 weeks it fell to 40.5 ± 6.1.", [("mean", 40.5)]),
        # a previous treatment compared between arms is a result
        (
            "Prior splenectomy responders were 61% vs 40% (p = 0.02).",
            [("proportion", 40), ("proportion", 61)],
        ),
    ],
)
def test_outcomes_stay(sentence: str, expected: list[tuple[str, float]]) -> None:
    assert valued("RESULTS: " + sentence) == sorted(expected)


def test_evolve_is_replace() -> None:
    """``Result.evolve`` (the fast copy) builds what ``dataclasses.replace`` builds and refuses unknown fields."""
    from dataclasses import replace

    (r,) = [r for r in extract_text("RESULTS: Response was 45% with drug A.") if r.value == 45]
    assert r.evolve(arm="x", line=3) == replace(r, arm="x", line=3)
    assert r.evolve(arm="x").arm == "x" and r.arm != "x"
    with pytest.raises(TypeError):
        r.evolve(armm="x")


@pytest.mark.parametrize(
    "text",
    [
        # the opening of a trial's Results summarises who was enrolled, before any outcome
        "RESULTS: Of 212 randomised women, 204 were analysed. Mean pre-pregnancy weight was 71.4 ± 12.8 kg.",
        "RESULTS: In this randomized trial, drinkers reported a median of 24 drinks per week (IQR 16–38).",
        "RESULTS: Of 150 randomized infants, mean head circumference was 27.9 ± 1.6 cm and mean chest "
        "circumference 25.3 ± 1.9 cm.",
        # a share of the enrolled sample and what they were, after the enrolment
        "RESULTS: In total 410 adults were randomised (205 per arm); 97 (23.7%) were current smokers.",
    ],
)
def test_the_opening_of_results_describes_the_enrolled(text: str) -> None:
    assert valued(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an outcome of the arms, an outcome after the opening, the intervention's delivery: results
        (
            "RESULTS: Of 90 randomised patients, mean pain was 3.1 ± 1.2 with ketamine and 4.6 ± 1.5 with "
            "placebo.",
            [("mean", 3.1), ("mean", 4.6)],
        ),
        (
            "RESULTS: 120 patients were randomized. Response was 41% vs 22% (p = 0.03). Mean adherence was "
            "81.2 ± 9.4%.",
            [("mean", 81.2), ("proportion", 22), ("proportion", 41)],
        ),
        (
            "RESULTS: In this randomised trial, the devices were used for a median of 6.8 hours per night "
            "(IQR 5.1–7.6).",
            [("median", 6.8)],
        ),
        # the trial's flow after the enrolment stays a sample and its share
        (
            "RESULTS: In total 410 adults were randomised (205 per arm); 388 (94.6%) were analysed.",
            [("proportion", 94.6)],
        ),
    ],
)
def test_outcomes_after_the_enrolment_stay(text: str, expected: list[tuple[str, float]]) -> None:
    assert valued(text) == sorted(expected)

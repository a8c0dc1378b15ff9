"""Tests for the classes of numbers that batches 15 to 18 (held back, then development data) found misread.

Every case is a sentence written for this test, in other fields and other words than the batches: a clause
with its own subject after ", and", a relative change in %, a physiological rate, a p value of another clause,
a comparison label before a difference, bare "points" after percentages, the second IQR of a pair, a rate
written once for a pair. Each class has a case that keeps the old reading.
"""

from __future__ import annotations

import pytest
from result_rows import rows_with_p as rows

from kb.evidence.results import extract_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ", and <subject> <verb>" starts a clause the sentence's first "Mean" does not reach
        (
            "Results: Mean walking speed was 1.12 and 0.98 m/s (p = 0.01), and wound infection occurred in "
            "4.2% versus 8.9% of patients.",
            [
                ("mean", 0.98, None, None, "0.01"),
                ("mean", 1.12, None, None, "0.01"),
                ("proportion", 4.2, None, None, None),
                ("proportion", 8.9, None, None, None),
            ],
        ),
        # a pronoun takes the keyword's subject on: still a median
        (
            "Results: Median survival was 14.1 months (95% CI 12.0 to 16.3), and in patients over 70 it was "
            "11.2 months (95% CI 9.1 to 13.5).",
            [("median", 11.2, 9.1, 13.5, None), ("median", 14.1, 12.0, 16.3, None)],
        ),
    ],
)
def test_a_new_clause_after_and(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quantity "X% lower" is a relative change: a proportion, with its CI later in the clause
        (
            "Results: Serum ferritin was 22% lower with chelation than with observation (95% CI 12% to 31%).",
            [("proportion", 22.0, 12.0, 31.0, None)],
        ),
        # a share of people "X% higher" is a difference of shares: rd
        (
            "Results: The proportion of patients with a platelet response was 9.5% higher in the romiplostim "
            "group than in the placebo group.",
            [("rd", 9.5, None, None, None)],
        ),
    ],
)
def test_relative_changes_in_percent(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_a_physiological_rate_is_measured_in_each_person() -> None:
    text = "Results: Resting heart rate was 64.5 vs 71.2 beats/min (P = .01). The bleeding rate was 0.42 vs 0.61."
    assert rows(text) == [
        ("proportion", 0.42, None, None, None),
        ("proportion", 0.61, None, None, None),
        ("mean", 64.5, None, None, ".01"),
        ("mean", 71.2, None, None, ".01"),
    ]


def test_a_p_value_of_another_clause() -> None:
    text = "Results: Grip strength increased by 3.4 kg versus 1.1 kg, while fatigue scores did not change (P = 0.44)."
    assert rows(text) == [
        ("mean", 1.1, None, None, None),
        ("mean", 3.4, None, None, None),
        ("p_only", None, None, None, "0.44"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "A vs. placebo: value (CI)" names the difference of the two arms; its unit decides (md)
        (
            "Results: Haemoglobin rose by 1.9 g/dL with drug A and 0.3 g/dL with placebo (A vs. placebo: "
            "1.6 g/dL, 95% CI 1.1–2.1; B vs. placebo: 0.9 g/dL, 95% CI 0.4 to 1.4).",
            [
                ("mean", 0.3, None, None, None),
                ("md", 0.9, 0.4, 1.4, None),
                ("md", 1.6, 1.1, 2.1, None),
                ("mean", 1.9, None, None, None),
            ],
        ),
        # a ratio's name after the label keeps its measure
        (
            "Results: Remission was more frequent with drug A (A vs. placebo: OR 2.1, 95% CI 1.3–3.4).",
            [("or", 2.1, 1.3, 3.4, None)],
        ),
    ],
)
def test_a_comparison_label_names_a_difference(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # bare "points" of a difference after shares of people in %: percentage points (rd)
        (
            "Résultats : À 12 mois, 58,2 % des patients du groupe rappel étaient observants, contre 47,9 % du "
            "groupe témoin (différence : 10,3 points ; IC 95 % : 4,1–16,5).",
            [
                ("rd", 10.3, 4.1, 16.5, None),
                ("proportion", 47.9, None, None, None),
                ("proportion", 58.2, None, None, None),
            ],
        ),
        # the points of a change no difference names stay a scale's, even after a share of people
        (
            "Results: 45% of patients improved, and mean pain fell by 1.2 points (95% CI 0.5 to 1.9).",
            [("mean", 1.2, 0.5, 1.9, None), ("proportion", 45.0, None, None, None)],
        ),
        # the points of a score stay an md, even with a share of people in the sentence
        (
            "Résultats : Le score de qualité de vie était de 62,1 contre 55,4 chez 45 % des patients "
            "(différence : 6,7 points ; IC 95 % : 2,0–11,4).",
            [
                ("md", 6.7, 2.0, 11.4, None),
                ("proportion", 45.0, None, None, None),
                ("mean", 55.4, None, None, None),
                ("mean", 62.1, None, None, None),
            ],
        ),
    ],
)
def test_bare_points_after_percentages(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the second bracket of a pair whose first is an IQR is its IQR, not a CI
        (
            "Results: Length of stay was 4.5 days (IQR 3.0–6.5) vs 5.5 days (4.0–8.0).",
            [("median", 4.5, None, None, None), ("median", 5.5, None, None, None)],
        ),
        # a unit of rate written once after a pair is both values' (and a long unit is read whole)
        (
            "Results: Annualised exacerbations were 0.84 versus 1.31 exacerbations per patient-year (P = .002).",
            [("proportion", 0.84, None, None, ".002"), ("proportion", 1.31, None, None, ".002")],
        ),
        # a bare bracket after a value with no IQR before stays its CI
        (
            "Results: The treatment difference was 4.5 mm (2.0–7.0).",
            [("md", 4.5, 2.0, 7.0, None)],
        ),
    ],
)
def test_pairs_share_their_spread_and_unit(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def sizes(text: str) -> list[float]:
    """The sample sizes read from ``text``, sorted."""
    return sorted(r.value for r in extract_text(text) if r.measure == "n" and r.value is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the end of a range of an eligibility criterion is no sample
        ("Methods: Adults with an ECOG performance status of 0 to 2 were randomly assigned to drug A.", []),
        ("Methods: Adolescents with a depression score of 12–20 were recruited.", []),
        # places, with up to three words before their noun
        (
            "Methods: This cluster trial in 9 community health centres enrolled 420 adults with asthma.",
            [420.0],
        ),
        ("Methods: The trial ran at five university hospitals, where 300 women were randomised.", [300.0]),
        # those screened and a planned size are no sample; the randomised are
        (
            "Results: Of 2,150 adults screened, 612 were randomised. Recruitment stopped after 410 of the "
            "planned 560 patients had been enrolled.",
            [612.0],
        ),
        # thousands written with spaces, and French; those assessed at follow-up are a sample
        ("Results: Of 12 460 adults screened, 2 312 were enrolled.", [2312.0]),
        ("Résultats : Sur 3 410 adultes pré-sélectionnés, 1 204 adultes ont été inclus.", [1204.0]),
        (
            "Results: Of 240 randomised, 221 patients assessed at 12 months were included in the analysis.",
            [221.0, 240.0],
        ),
        # the base of a frequency
        ("Results: The rule would spare about two in 100 children a scan.", []),
        # the counts of an event in each arm, as a pair or followed by their arm
        ("Results: Rash occurred in 2 versus seven women, and nausea (11 vs 23 patients) was rarer.", []),
        ("Results: Remission was achieved by 41 and 18 participants, respectively.", []),
        (
            "Results: Remission was reached by 41 (55.4%) adults in the active group and 18 (24.3%) in the other.",
            [],
        ),
        ("Results: There were 14 new ankle sprains in the training group and 29 in the control group.", []),
        # a pair with an enrolment verb stays the arms' sizes
        ("Results: 45 and 44 patients completed the trial.", [44.0]),
        # French "X patients sur N": N is the group, X the events
        (
            "Résultats : Une infection est survenue chez 6 patients sur 81 (7,4 %) contre 2 sur 80 (2,5 %).",
            [80.0, 81.0],
        ),
    ],
)
def test_counts_that_are_no_sample(text: str, expected: list[float]) -> None:
    assert sizes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a standardised effect size is no measure of the list; a coefficient of variation is a design figure
        ("Results: Walking distance improved more with training (Cohen d = 0.41).", []),
        ("Methods: We assumed an intracluster coefficient of variation of 0.3.", []),
        # the maximum of a scale after a difference: no value, and the CI is the difference's
        (
            "Results: Pain fell by 2.4 versus 1.1 points: MD 1.3 out of 10 (95% CI 0.6 to 2.0).",
            [("mean", 1.1, None, None, None), ("md", 1.3, 0.6, 2.0, None), ("mean", 2.4, None, None, None)],
        ),
        # a list after the sample's age describes the sample; an outcome with its own verb does not
        (
            "Results: The median age was 71 years and median ferritin 1,240 ng/mL. Median ferritin fell to "
            "820 ng/mL.",
            [("median", 820.0, None, None, None)],
        ),
        (
            "Results: Median age was 60 years, and median overall survival was 14.2 months.",
            [("median", 14.2, None, None, None)],
        ),
        # a bracket with a median after a share that describes the sample describes the same people
        (
            "Results: 240 adults were enrolled; 41% were living with diabetes (median HbA1c 7.9%) and 52% were men.",
            [("n", 240.0, None, None, None)],
        ),
        # a named difference's bounds after its unit and a comma
        (
            "Results: Gait speed rose by 0.18 m/s with training (difference 0.11 m/s, 0.04 to 0.18).",
            [("md", 0.11, 0.04, 0.18, None), ("mean", 0.18, None, None, None)],
        ),
    ],
)
def test_decoys_and_bounds(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a difference in percentage points written as a comparison, its CI later in the clause: a risk
        # difference of shares of people, a mean difference of a score's gain
        (
            "Results: Vaccination was 9.6 percentage points higher in the reminder arm (95% CI 4.1 to 15.1).",
            [("rd", 9.6, 4.1, 15.1, None)],
        ),
        (
            "Results: The coached group gained 11.2 percentage points more than controls, 95% CI [6.0, 16.4].",
            [("md", 11.2, 6.0, 16.4, None)],
        ),
        # two arms' decimal values joined by "and", compared by a p value or "respectively" right after
        (
            "Results: Itch scores were 2.7 and 4.4 (p = 0.003).",
            [("mean", 2.7, None, None, "0.003"), ("mean", 4.4, None, None, "0.003")],
        ),
        (
            "Results: Trough levels were 11.8 and 9.1 ng/mL, respectively.",
            [("mean", 9.1, None, None, None), ("mean", 11.8, None, None, None)],
        ),
        # ... times joined by "and" stay no values
        (
            "Results: Scores were recorded at 2.5 and 5.5 hours (p = 0.2).",
            [("p_only", None, None, None, "0.2")],
        ),
    ],
)
def test_compared_points_and_pairs_joined_by_and(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a difference written with a comparative of time or speed, or with the comparative right before its CI
        (
            "Results: Wound closure was 3.6 days earlier with the dressing than with gauze (95% CI 1.2 to 6.0).",
            [("md", 3.6, 1.2, 6.0, None)],
        ),
        (
            "Results: Walking was 0.11 m/s faster with the orthosis, and step length was 4.2 cm longer "
            "(95% CI 1.5 to 6.9).",
            [("md", 0.11, None, None, None), ("md", 4.2, 1.5, 6.9, None)],
        ),
        # the second arm's change of a pair whose "from" is written once
        (
            "Results: Adherence rose from 52.0% to 71.4% versus 50.8% to 55.1% (p = 0.01).",
            [
                ("proportion", 50.8, None, None, "0.01"),
                ("proportion", 52.0, None, None, "0.01"),
                ("proportion", 55.1, None, None, "0.01"),
                ("proportion", 71.4, None, None, "0.01"),
            ],
        ),
        # ... a range of the background stays no value
        ("Background: Readmission rates range from 12% to 30%.", []),
    ],
)
def test_comparatives_and_the_second_change_of_a_pair(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two rates joined by "and" with their unit, and a ratio's bare CI after a semicolon
        (
            "Results: Falls were 1.12 and 1.64 per person-year (rate ratio 0.68; 0.51–0.91).",
            [
                ("rr", 0.68, 0.51, 0.91, None),
                ("proportion", 1.12, None, None, None),
                ("proportion", 1.64, None, None, None),
            ],
        ),
        # each arm's change of a quantity in %, in percentage points, with the next arm's after "and"
        (
            "Results: LVEF rose by 4.6 percentage points with sacubitril and 2.1 with enalapril.",
            [("mean", 2.1, None, None, None), ("mean", 4.6, None, None, None)],
        ),
    ],
)
def test_rates_joined_by_and_and_arms_changes_in_points(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected

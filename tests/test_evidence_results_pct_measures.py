"""Tests for continuous measures written in %: a measurement of each person in %, not a share of people.

Every case is a sentence written for this test, in other fields and other words than the batches that
showed the class (quantities in % that no list names, differences in percentage points of such quantities,
medians of percent reductions, means of a % with their SD). Each class has a case that keeps the old
reading: shares of people stay proportions, and their differences in percentage points risk differences.
"""

from __future__ import annotations

import pytest
from result_rows import rows_with_p as rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a % of the predicted value is a measurement: its difference in points is an md
        (
            "Results: FVC % predicted increased by 4.6 and 1.3 percentage points with the two inhalers "
            "(difference 3.3 percentage points; 95% CI 1.1 to 5.5).",
            ("md", 3.3, 1.1, 5.5, None),
        ),
        # the "pp" of a lung function index, named by no list
        (
            "Results: ppFEF25-75 rose by 7.4 and 2.2 percentage points (difference 5.2 percentage points; "
            "95% CI 1.9 to 8.5).",
            ("md", 5.2, 1.9, 8.5, None),
        ),
        # a listed quantity in %, now also when the difference is in percentage points
        (
            "Results: Haematocrit fell by 3.6 and 0.7 percentage points (difference −2.9 percentage points; "
            "95% CI −4.0 to −1.8).",
            ("md", -2.9, -4.0, -1.8, None),
        ),
        # the values compared carry their SD: means, their difference an md
        (
            "Results: Time in tight range was 52.3% (SD 11.2) with the closed loop and 44.8% (SD 12.9) with "
            "the pump (difference 7.5 percentage points; 95% CI 4.1 to 10.9).",
            ("md", 7.5, 4.1, 10.9, None),
        ),
        # the previous sentence gave means of a % (each person's share of nights): the difference is an md
        (
            "Results: The average percentage of nights with a full sleep was 71.0% with melatonin and 58.4% "
            "with placebo. The difference was 12.6 percentage points (95% CI 4.2 to 21.0).",
            ("md", 12.6, 4.2, 21.0, None),
        ),
        # a score that moves from one % to another is each person's score: its difference is an md
        (
            "Results: Disability index scores fell from 44.2% to 28.9% with the brace and from 43.0% to 35.5% "
            "with physiotherapy (difference 6.2 percentage points; 95% CI 1.0 to 11.4).",
            ("md", 6.2, 1.0, 11.4, None),
        ),
        # kept: shares of people in the previous sentence, a risk difference
        (
            "Results: Continuous abstinence was confirmed in 31.5% of smokers with varenicline and 19.2% with "
            "placebo. The difference was 12.3 percentage points (95% CI 5.0 to 19.6).",
            ("rd", 12.3, 5.0, 19.6, None),
        ),
        # kept: a score as a threshold defines a share of people
        (
            "Results: A disability score of 40% or more was reported by 22.5% and 35.1% of workers "
            "(difference −12.6 percentage points; 95% CI −20.0 to −5.2).",
            ("rd", -12.6, -20.0, -5.2, None),
        ),
        # kept: the share of patients above a threshold of a % quantity is a share
        (
            "Results: The proportion of patients with FEV1 above 80% predicted was 40.2% versus 30.1% "
            "(difference 10.1 percentage points; 95% CI 2.0 to 18.2).",
            ("rd", 10.1, 2.0, 18.2, None),
        ),
        # kept: signed relative changes without an SD, a risk difference as the development set labels it
        (
            "Results: Body weight changed by −9.6% with drug K and −1.9% with placebo (difference −7.7 "
            "percentage points; 95% CI −8.9 to −6.5).",
            ("rd", -7.7, -8.9, -6.5, None),
        ),
    ],
)
def test_a_difference_in_points_of_a_measurement(text: str, expected: tuple) -> None:
    assert expected in rows(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Results: Disability index scores fell from 44.2% to 28.9% with the brace and from 43.0% to 35.5% "
            "with physiotherapy.",
            [
                ("mean", 28.9, None, None, None),
                ("mean", 35.5, None, None, None),
                ("mean", 43.0, None, None, None),
                ("mean", 44.2, None, None, None),
            ],
        ),
        # a mean of a % with its SD is a mean
        (
            "Results: Adherence was 91.5% (SD 8.2) with the blister pack and 84.0% (SD 12.1) with usual "
            "bottles.",
            [("mean", 84.0, None, None, None), ("mean", 91.5, None, None, None)],
        ),
        # kept: the relative change of a quantity with its SD is a proportion
        (
            "Results: Grip strength increased by 2.1 kg or +7.9% (±4.4) with training.",
            [("mean", 2.1, None, None, None), ("proportion", 7.9, None, None, None)],
        ),
        # kept: a share of people above a score's threshold
        (
            "Results: A disability score of 40% or more was reported by 22.5% and 35.1% of workers.",
            [("proportion", 22.5, None, None, None), ("proportion", 35.1, None, None, None)],
        ),
    ],
)
def test_values_of_a_measurement_in_percent(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a median of percent reductions is a median, with or without its IQR
        (
            "Results: Median percentage reductions in weekly incontinence episodes were 62.0% with the "
            "pessary and 41.5% with pelvic floor training (p = 0.03).",
            [("median", 41.5, None, None, "0.03"), ("median", 62.0, None, None, "0.03")],
        ),
        (
            "Results: The median percent change in monthly migraine days was 48.5% (IQR 20.1 to 70.0) with "
            "the antibody and 27.0% (IQR 5.0 to 51.2) with placebo.",
            [("median", 27.0, None, None, None), ("median", 48.5, None, None, None)],
        ),
        # kept: a mean reduction in % is a relative change, a proportion
        (
            "Results: Urinary albumin showed a mean reduction of 28% with the drug (p = 0.01).",
            [("proportion", 28.0, None, None, "0.01")],
        ),
    ],
)
def test_medians_of_percent_changes(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the arms' changes of one "by", the unit once after the last
        (
            "Results: Hot flush scores fell by 5.3 and 2.1 points (p = 0.002).",
            [("mean", 2.1, None, None, "0.002"), ("mean", 5.3, None, None, "0.002")],
        ),
        # each with its arm, named by a dose
        (
            "Results: Resting heart rate decreased by 6.2 with 5 mg, 8.9 with 10 mg and 1.4 with placebo.",
            [
                ("mean", 1.4, None, None, None),
                ("mean", 6.2, None, None, None),
                ("mean", 8.9, None, None, None),
            ],
        ),
        # French, the unit after each
        (
            "Résultats : Le périmètre de marche a augmenté de 112,5 m, 86,0 m et 20,4 m respectivement.",
            [
                ("mean", 20.4, None, None, None),
                ("mean", 86.0, None, None, None),
                ("mean", 112.5, None, None, None),
            ],
        ),
        # kept: a count of people after "and" ends the list
        (
            "Results: Body weight fell by 4.2 kg and 12 patients withdrew because of nausea.",
            [("mean", 4.2, None, None, None)],
        ),
        # kept: a share in % after "and" is a share
        (
            "Results: Pain fell by 2.1 points and 35% of patients were satisfied.",
            [("mean", 2.1, None, None, None), ("proportion", 35.0, None, None, None)],
        ),
    ],
)
def test_the_arms_changes_of_one_by(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the SD named in French ("écart-type") or in full with its abbreviation: a mean, the SD no result
        (
            "Résultats : Le temps de marche moyen était de 14,2 s (écart-type 3,1) dans le groupe exercice "
            "contre 17,8 s (écart-type 4,0) dans le groupe témoin (p = 0,01).",
            [("mean", 14.2, None, None, "0,01"), ("mean", 17.8, None, None, "0,01")],
        ),
        (
            "Results: Mean length of stay was 6.4 days [standard deviation (SD) 2.9] versus 8.1 days (SD 3.5) "
            "(P=0.04).",
            [("mean", 6.4, None, None, "0.04"), ("mean", 8.1, None, None, "0.04")],
        ),
        # kept: the sample's age with its SD describes the sample
        ("Résultats : L'âge moyen était de 67,4 ans (ET : 8,1).", []),
    ],
)
def test_a_spread_named_in_words(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # changes "by X (CI)" compared with the other arm at the end of their clause: differences
        (
            "Results: Salt substitution reduced 24-h urinary sodium by 38.2 mmol (95% CI 25.1 to 51.3) and "
            "systolic pressure by 4.1 mm Hg (95% CI 1.9 to 6.3) compared with usual salt.",
            [("md", 4.1, 1.9, 6.3, None), ("md", 38.2, 25.1, 51.3, None)],
        ),
        # a rate per person-time with its CI is read as the development set reads rates: a proportion
        (
            "Results: The annual relapse rate was 0.21 (95% CI 0.15 to 0.29) with the antibody and 0.52 (95% "
            "CI 0.43 to 0.63) with placebo.",
            [("proportion", 0.21, 0.15, 0.29, None), ("proportion", 0.52, 0.43, 0.63, None)],
        ),
        # kept: a measurement with its CI is a mean
        ("Results: Mean HbA1c was 7.4 (95% CI 7.1 to 7.7).", [("mean", 7.4, 7.1, 7.7, None)]),
        # the ratio of a rate the text abbreviates is a rate ratio
        (
            "Results: The annualized migraine attack rate (AMR) was 2.9 with prophylaxis and 5.6 without. The "
            "AMR ratio was 0.52 (95% CI 0.38-0.71; P < .001).",
            [
                ("rr", 0.52, 0.38, 0.71, "<.001"),
                ("proportion", 2.9, None, None, None),
                ("proportion", 5.6, None, None, None),
            ],
        ),
    ],
)
def test_changes_against_control_and_rates(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # those followed up, with their share: the analysed sample
        (
            "Results: At 6 months, 412 participants (92.2%) were evaluated.",
            [("proportion", 92.2, None, None, None), ("n", 412.0, None, None, None)],
        ),
        (
            "Résultats : Au total, 88 enfants (91,7 %) ont été suivis jusqu'à 6 mois.",
            [("n", 88.0, None, None, None), ("proportion", 91.7, None, None, None)],
        ),
        (
            "Results: Of 640 households enrolled, 598 (93.4%) provided a stool sample at 12 months.",
            [
                ("proportion", 93.4, None, None, None),
                ("n", 598.0, None, None, None),
                ("n", 640.0, None, None, None),
            ],
        ),
        # kept: those assessed for eligibility are no sample; people with an event are counted, not sized
        (
            "Results: Overall, 1,204 patients were assessed for eligibility and 602 were randomized.",
            [("n", 602.0, None, None, None)],
        ),
        (
            "Results: Nausea occurred in 41 patients (12.0%) and 15 (4.4%) were hospitalised.",
            [("proportion", 4.4, None, None, None), ("proportion", 12.0, None, None, None)],
        ),
    ],
)
def test_those_followed_up_are_the_analysed_sample(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a ratio of two measurements of each patient, in %: a mean
        (
            "Results: The urea reduction ratio was 71.8% with the new dialyser and 68.9% with the standard one "
            "(p = 0.01).",
            [("mean", 68.9, None, None, "0.01"), ("mean", 71.8, None, None, "0.01")],
        ),
        # kept: a share of patients reaching a ratio's target is a proportion
        (
            "Results: A urea reduction ratio of at least 65% was reached by 88% of patients.",
            [("proportion", 88.0, None, None, None)],
        ),
    ],
)
def test_a_ratio_measured_in_percent_is_a_mean(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected

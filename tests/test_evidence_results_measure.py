"""Tests for kb/evidence/results/measure.py: the one mechanism that gives an estimate its measure.

Each cue of the module's precedence (NAME, UNIT, SIBLING, CARRIED) is tested on sentences written for this
test, in other fields and other words than the batches (13 and 14) whose false rows showed the classes:
an abbreviation the text defines, French names, percentage points, a quantity measured in %, the next value
of a list of estimates, a bare estimate after a named one. Each class also has a case that keeps its reading.
"""

from __future__ import annotations

import pytest
from result_rows import rows, rows_with_p

from kb.evidence.results import extract_text
from kb.evidence.results.measure import definitions


def test_the_text_defines_its_own_abbreviations() -> None:
    text = (
        "Methods: We pooled incidence rate ratios (IncRR) and the standardised mean difference [SMDiff]. "
        "Results: Screening lowered admissions (IncRR 0.81, 95% CI 0.70 to 0.94). Anxiety fell more "
        "(SMDiff −0.32, 95% CI −0.51 to −0.13)."
    )
    assert definitions(text) == {"IncRR": "rr", "SMDiff": "md"}
    assert rows(text) == [("md", -0.32, -0.51, -0.13), ("rr", 0.81, 0.7, 0.94)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an undefined abbreviation names no estimate (a value with its CI and no name stays a mean, the
        # development set's within-group change)
        ("Results: Pain scores were lower with ZX (0.81, 95% CI 0.70 to 0.94).", [("mean", 0.81, 0.7, 0.94)]),
        # a known abbreviation in brackets is not redefined ("odds ratio (OR)")
        (
            "Results: The odds ratio (OR) of cure was 1.9 (95% CI 1.2 to 3.0).",
            [("or", 1.9, 1.2, 3.0)],
        ),
    ],
)
def test_an_undefined_abbreviation_names_nothing(text: str, expected: list[tuple]) -> None:
    assert [r for r in rows(text) if r[0] != "proportion"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Résultats : Le rapport de taux d'hospitalisation était de 0,64 (IC 95 % 0,48-0,85).",
            [("rr", 0.64, 0.48, 0.85)],
        ),
        (
            "Résultats : Le délai de cicatrisation était plus court (RC = 1,8 [IC 95 % : 1,2–2,7]).",
            [("or", 1.8, 1.2, 2.7)],
        ),
        (
            "Résultats : La glycémie a baissé (différence inter-groupes moyenne −0,9 mmol/L ; IC 95 % de −1,4 "
            "à −0,4).",
            [("md", -0.9, -1.4, -0.4)],
        ),
    ],
)
def test_french_names_of_estimates(text: str, expected: list[tuple]) -> None:
    assert [r for r in rows(text) if r[2] is not None] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # percentage points without a name: a risk difference
        (
            "Results: Vaccination coverage rose by 9.4 percentage points (95% CI 5.0 to 13.8) in the villages "
            "that received reminders.",
            [("rd", 9.4, 5.0, 13.8)],
        ),
        # a change of a quantity "more with" an intervention, in percentage points: a mean difference
        (
            "Results: Body fat fell by 1.7 percentage points more with the diet than with advice alone.",
            [("md", 1.7, None, None)],
        ),
    ],
)
def test_percentage_points_name_their_difference(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quantity measured in %: its values are means and their difference is an md
        (
            "Results: Ejection fraction rose by 4.1% with the device and 1.2% with medical therapy (treatment "
            "difference 2.9% [95% CI 1.3 to 4.5]).",
            [("md", 2.9, 1.3, 4.5), ("mean", 1.2, None, None), ("mean", 4.1, None, None)],
        ),
        # the share of people who reach a target of that quantity stays a proportion
        (
            "Results: An HbA1c below 7% was reached by 41.2% of participants with drug Q.",
            [("proportion", 41.2, None, None)],
        ),
        # a difference in % of a share of people stays a risk difference
        (
            "Results: Remission was 48% with drug Q and 35% with placebo (difference 13% [95% CI 4 to 22]).",
            [("proportion", 35.0, None, None), ("proportion", 48.0, None, None), ("rd", 13.0, 4.0, 22.0)],
        ),
    ],
)
def test_a_quantity_measured_in_percent(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next estimates of a list, each with its own CI and the first's unit kind
        (
            "Results: The risk difference versus usual care was 4.4% (95% CI 1.0 to 7.8) for the text "
            "reminders and 2.1% (95% CI −1.3 to 5.5) for the phone calls.",
            [("rd", 2.1, -1.3, 5.5), ("rd", 4.4, 1.0, 7.8)],
        ),
        (
            "Results: Compared with sham, the mean difference was 3.2 mm (95% CI 1.1 to 5.3) for low-dose "
            "laser and 5.0 mm (95% CI 2.9 to 7.1) for high-dose laser.",
            [("md", 3.2, 1.1, 5.3), ("md", 5.0, 2.9, 7.1)],
        ),
        # a value of another unit kind is not the list's next estimate
        (
            "Results: The mean difference was 3.2 mm (95% CI 1.1 to 5.3), and 61% (95% CI 50 to 72) of "
            "patients improved.",
            [("md", 3.2, 1.1, 5.3), ("proportion", 61.0, 50.0, 72.0)],
        ),
    ],
)
def test_the_next_estimate_of_a_list_takes_its_measure(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_a_bare_estimate_in_brackets_carries_the_last_name() -> None:
    text = (
        "Results: Balance training beat stretching (mean difference 2.4 s, 95% CI 0.9 to 3.9); walking did "
        "not beat stretching (0.6 [−0.8; 2.0], p = 0.41)."
    )
    assert rows(text) == [("md", 0.6, -0.8, 2.0), ("md", 2.4, 0.9, 3.9)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # concentrations that name arms are doses
        (
            "Results: Redness resolved in 62%, 55% and 30% of eyes in the 1%, 0.5% and vehicle groups.",
            [("proportion", 30.0), ("proportion", 55.0), ("proportion", 62.0)],
        ),
        (
            "Results: Compared with vehicle, itch fell by 2.2 points (95% CI 1.0 to 3.4) for 2% and by 1.1 "
            "points (95% CI 0.1 to 2.1) for 1%.",
            [("md", 1.1), ("md", 2.2)],
        ),
        # a heterogeneity I² is no result; a small number that labels an arm neither
        ("Results: The pooled risk ratio was 0.71 (95% CI 0.60 to 0.84; I² = 38%).", [("rr", 0.71)]),
        (
            "Results: The median stay was 5 days with cohort 1 and 7 days with cohort 2.",
            [("median", 5.0), ("median", 7.0)],
        ),
    ],
)
def test_numbers_that_name_arms_are_no_results(text: str, expected: list[tuple]) -> None:
    assert sorted((m, v) for m, v, *_ in rows(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Results: 603 children were enrolled (n = 201/200/202 in arms A/B/C).",
            [201.0, 200.0, 202.0, 603.0],
        ),
        ("Results: 260 patients were randomised (n=131/129); 40% were women.", [129.0, 131.0, 260.0]),
        # an events-over-total fraction after "n =" that adds up to nothing stays a fraction
        ("Results: Relapse occurred in 12 of the patients (n = 12/40).", []),
    ],
)
def test_arm_sizes_written_with_slashes(text: str, expected: list[float]) -> None:
    assert sorted(r.value for r in extract_text(text) if r.measure == "n") == sorted(expected)


def test_an_esmo_median_abbreviation() -> None:
    text = "Results: mOS was 14.2 vs 11.0 mo (HR 0.77, 95% CI 0.62-0.95)."
    assert rows(text) == [
        ("hr", 0.77, 0.62, 0.95),
        ("median", 11.0, None, None),
        ("median", 14.2, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a named estimate in a subgroup defined by a baseline value is no baseline value
        (
            "Results: The benefit was greater in children with a baseline FEV1 below 60% (mean difference "
            "210 mL, 95% CI 120 to 300).",
            [("md", 210.0, 120.0, 300.0)],
        ),
        # "differences versus control" reaches its values
        (
            "Results: Healing rates were 71% and 64% with the two dressings and 40% with gauze (differences "
            "versus gauze 31% [95% CI 18, 44] and 24% [95% CI 11, 37]).",
            [
                ("proportion", 40.0, None, None),
                ("proportion", 64.0, None, None),
                ("proportion", 71.0, None, None),
                ("rd", 24.0, 11.0, 37.0),
                ("rd", 31.0, 18.0, 44.0),
            ],
        ),
        # a rate per person-time, and the other arm's rate after "contre" / "versus"
        (
            "Résultats : Le taux d'infections était de 0,84 infection par patient-année sous prophylaxie contre "
            "1,31 sous placebo.",
            [("proportion", 0.84, None, None), ("proportion", 1.31, None, None)],
        ),
        # amounts with their currency before them, compared
        (
            "Results: Out-of-pocket costs were €118·4 versus €163·9 per household.",
            [("mean", 118.4, None, None), ("mean", 163.9, None, None)],
        ),
    ],
)
def test_other_cues_of_the_measure(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one limit of a CI given alone
        (
            "Results: Wound infection was 3.1% vs 3.9% (risk difference −0.8 percentage points, upper bound of "
            "the one-sided 95% CI 1.6).",
            [("proportion", 3.1, None, None), ("proportion", 3.9, None, None), ("rd", -0.8, None, 1.6)],
        ),
        # a measured amount of each arm (not a dose given), its unit written with each
        (
            "Results: Peak expiratory flow was 412 L/min with the new inhaler and 386 L/min with the old one.",
            [("mean", 386.0, None, None), ("mean", 412.0, None, None)],
        ),
        # French change "de X ... et de Y"; "de X à Y" stays a change from X to Y
        (
            "Résultats : Le poids a diminué de 3,2 kg sous régime et de 1,1 kg sous conseil.",
            [("mean", 1.1, None, None), ("mean", 3.2, None, None)],
        ),
        (
            "Résultats : La médiane a diminué de 1 250 à 420 copies/mL.",
            [("median", 420.0, None, None), ("median", 1250.0, None, None)],
        ),
    ],
)
def test_limits_amounts_and_french_changes(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a p after a clause about an interaction tests it: its own p_only row
        (
            "Results: Both drugs lowered pain (difference −1.1 points; 95% CI −1.9 to −0.3), and the two did "
            "not interact (P = .41).",
            [("md", None), ("p_only", 0.41)],
        ),
        ("Résultats : L'effet était homogène (p d'hétérogénéité = 0,52).", [("p_only", 0.52)]),
    ],
)
def test_a_p_of_an_interaction_is_its_own_row(text: str, expected: list[tuple]) -> None:
    got = sorted((r.measure, r.p if r.measure == "p_only" else None) for r in extract_text(text))
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        # a sample-size calculation in French names no sample
        "Méthodes : Un effectif de 360 patients permettait de mettre en évidence une baisse de 10 points.",
        "Méthodes : Avec une puissance de 90 %, il fallait 210 patients par groupe.",
        # places and a fraction after a threshold are no sample sizes
        "Methods: Adults from three outpatient clinics with a fatigue score of ≥ 6/10 were randomised (1:1).",
        # a number stuck to a word is a label ("interleukin-17 inhibitor, in patients")
        "Methods: We tested an interleukin-17 inhibitor in patients with uveitis.",
    ],
)
def test_no_sample_size_in(text: str) -> None:
    assert [r for r in extract_text(text) if r.measure == "n"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Results: Of 900 screened, 600 were enrolled; their median age was 61 years and median eGFR 48.2 mL/min.",
        "Results: 250 patients were randomised (n=126/124); 41.6% were HER2-positive.",
        "Results: Survival data were immature (34% maturity).",
        "Results: In the subgroup with severe disease, the effect of 0.1% tacrolimus was larger.",
    ],
)
def test_no_result_but_the_sizes(text: str) -> None:
    assert [r for r in extract_text(text) if r.measure != "n"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause with its own subject and verb after a semicolon, with no value of its own: the p is its
        (
            "RESULTS: Grip strength rose by 3.1 kg (95% CI 1.2 to 5.0) with training and by 2.2 kg (95% CI 0.4 "
            "to 4.0) with stretching; training and stretching did not differ (P = 0.52).",
            [
                ("mean", 2.2, 0.4, 4.0, None),
                ("mean", 3.1, 1.2, 5.0, None),
                ("p_only", None, None, None, "0.52"),
            ],
        ),
        # "the difference" takes the values' subject on: the p is theirs
        (
            "RESULTS: Ulcers healed in 62% of the gel group and 48% of the placebo group, but the difference "
            "was not significant (P = 0.12).",
            [("proportion", 48.0, None, None, "0.12"), ("proportion", 62.0, None, None, "0.12")],
        ),
    ],
)
def test_a_new_clause_takes_its_own_p(text: str, expected: list[tuple]) -> None:
    assert rows_with_p(text) == expected

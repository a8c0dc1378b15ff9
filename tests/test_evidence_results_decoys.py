"""Tests for the decoys and repeated sizes that batches 19 to 24 (held back, then development data) found.

Every case is a sentence written for this test, in other fields and other words than the batches: summary boxes,
citation and background leads, doses naming arms, SDs of a "mean (SD)" layout, numbers of names, costs,
thresholds named by a noun, windows of time, counts that are no samples, a size repeated by "X of N", the
sample described after its enrolment. Each class has a case that keeps the old reading.
"""

from __future__ import annotations

import pytest
from result_rows import rows_with_p as rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Key Points box repeats the results: its sizes only; the unheaded text after its bullets is read
        (
            "KEY POINTS\n• Weekly iron halved the share of anaemic girls (21% vs 43%).\n• No serious events occurred among the 412 girls who took part.\nIn this cluster trial, 412 girls were randomised. Anaemia at 6 months was found in 21.4% vs 42.9% (p < 0.001).",
            [
                ("proportion", 21.4, None, None, "<0.001"),
                ("proportion", 42.9, None, None, "<0.001"),
                ("n", 412.0, None, None, None),
                ("n", 412.0, None, None, None),
            ],
        ),
        # "X of N" in a box restates a result as a frequency: its N is no sample; a plain size stays one
        (
            "Key Points\n• Seroconversion occurred in 9 of 10 vaccinated infants.\n• No serious events occurred "
            "among the 250 infants enrolled.\nIn this trial, 250 infants were randomised. Seroconversion occurred "
            "in 91.2% vs 12.0% (p < 0.001).",
            [
                ("proportion", 12.0, None, None, "<0.001"),
                ("proportion", 91.2, None, None, "<0.001"),
                ("n", 250.0, None, None, None),
                ("n", 250.0, None, None, None),
            ],
        ),
        # a BMJ box after the abstract
        (
            "Results: Falls occurred in 18.0% vs 26.5% of residents (p = 0.01).\nWHAT THIS STUDY ADDS\n⇒ Exercise cut falls by a third (18.0% vs 26.5%).\n",
            [("proportion", 18.0, None, None, "0.01"), ("proportion", 26.5, None, None, "0.01")],
        ),
    ],
)
def test_a_summary_box_gives_sizes_only(text: str, expected: list[tuple]) -> None:
    """A journal's summary box (Key Points, What this study adds) repeats results: sizes only, as Methods."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a citation line before a Methods heading: the doses of its title are no values
        (
            "Patel R, Okafor N. Ferrous sulfate 65 mg versus 130 mg daily in pregnancy: a randomized trial. J Obstet 2023;4:11-19. Methods: We randomised 300 pregnant women (n = 150 per arm). Results: Anaemia occurred in 12.0% and 10.7%.",
            [
                ("proportion", 10.7, None, None, None),
                ("proportion", 12.0, None, None, None),
                ("n", 150.0, None, None, None),
                ("n", 300.0, None, None, None),
            ],
        ),
        # an unheaded text: the background before the trial's first sentence
        (
            "Atrial fibrillation affects about 2% of adults over 65. We randomised 240 patients to apixaban or aspirin. Stroke occurred in 3.1% versus 5.6% (p = 0.04).",
            [
                ("proportion", 3.1, None, None, "0.04"),
                ("proportion", 5.6, None, None, "0.04"),
                ("n", 240.0, None, None, None),
            ],
        ),
        # a French heading with an elided article: background
        (
            "Objectif de l'étude. – Les chutes touchent 30 % des résidents. Méthodes. – Essai randomisé. Résultats. – Les chutes sont survenues chez 18,2 % contre 27,5 % (p = 0,03).",
            [("proportion", 18.2, None, None, "0,03"), ("proportion", 27.5, None, None, "0,03")],
        ),
        # an unheaded text that opens on its results keeps them
        (
            "Stroke occurred in 3.1% versus 5.6% of 240 patients (p = 0.04). We conclude that apixaban is better.",
            [
                ("proportion", 3.1, None, None, "0.04"),
                ("proportion", 5.6, None, None, "0.04"),
                ("n", 240.0, None, None, None),
            ],
        ),
    ],
)
def test_the_lead_before_the_design_is_no_result(text: str, expected: list[tuple]) -> None:
    """A citation or background before the design gives no value (a trial's results never come first)."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a dose after 'with' that names each arm
        (
            "Results: The mean reduction in LDL cholesterol was 38.1% (SD 9.2) with 20 mg, 45.6% (SD 8.7) with 40 mg and 4.2% (SD 6.1) with placebo.",
            [
                ("mean", 4.2, None, None, None),
                ("mean", 38.1, None, None, None),
                ("mean", 45.6, None, None, None),
            ],
        ),
        # a drug's strength after 'at'
        (
            "Results: Patients used on average 2.6 sachets of macrogol at 10 g per day.",
            [("mean", 2.6, None, None, None)],
        ),
        # amounts measured in each arm stay values
        (
            "Results: Mean blood loss was 420 ml with tranexamic acid and 610 ml with placebo (p < 0.001).",
            [("mean", 420.0, None, None, "<0.001"), ("mean", 610.0, None, None, "<0.001")],
        ),
    ],
)
def test_a_dose_given_is_no_value(text: str, expected: list[tuple]) -> None:
    """A dose that names an arm or a drug's strength is given, not measured."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 'mean (SD)' declared: the bare bracket after each value is its SD
        (
            "Results: The mean (SD) proportion of days abstinent was 61.2% (22.4%) with naltrexone and 48.9% (25.1%) with placebo (p = 0.01).",
            [("mean", 48.9, None, None, "0.01"), ("mean", 61.2, None, None, "0.01")],
        ),
        # without the declaration a bracket stays a share
        (
            "Results: Remission occurred in 24 (40%) vs 12 (20%) patients (p = 0.02).",
            [("proportion", 20.0, None, None, "0.02"), ("proportion", 40.0, None, None, "0.02")],
        ),
        # a number joined to a name in capitals names a drug
        (
            "Results: Response occurred in 41.2% of patients receiving ABX-3 and 20.4% receiving placebo.",
            [("proportion", 20.4, None, None, None), ("proportion", 41.2, None, None, None)],
        ),
        # the locants of a molecule
        (
            "Results: Activation of the enzyme lowers 2,3-bisphosphoglycerate levels. Mean haemoglobin rose by 1.4 g/dL.",
            [("mean", 1.4, None, None, None)],
        ),
        # an amount of money after a word for cost
        ("Results: The programme cost €1,250 per patient against €980 for usual care.", []),
        # an outcome measured in money stays a value
        (
            "Results: Monthly out-of-pocket spending was $54.3 versus $71.8 (p = 0.02).",
            [("mean", 54.3, None, None, "0.02"), ("mean", 71.8, None, None, "0.02")],
        ),
    ],
)
def test_spreads_names_and_costs_are_no_values(text: str, expected: list[tuple]) -> None:
    """SDs of a declared 'mean (SD)' layout, numbers of names, costs."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of threshold before its number
        (
            "Results: Ozone remained above the interim target of 100 µg/m³ on 38.0% of days in intervention homes and 52.4% in control homes.",
            [("proportion", 38.0, None, None, None), ("proportion", 52.4, None, None, None)],
        ),
        # a threshold defined in brackets after 'than the ... difference'
        (
            "Results: A decline greater than the minimal important difference (8 points) occurred in 18% vs 31% (p = 0.01).",
            [("proportion", 18.0, None, None, "0.01"), ("proportion", 31.0, None, None, "0.01")],
        ),
        # a window 'over the preceding 48 hours'
        (
            "Results: The primary outcome was the mean itch intensity over the preceding 48 hours on a 0–100 visual analogue scale at week 12.",
            [],
        ),
        # French 'au cours des 6 mois' and the French IQR 'IIQ'
        (
            "Résultats. – Le nombre médian de jours d'arrêt au cours des 6 mois était de 5 (IIQ : 2–9) contre 9 (IIQ : 4–15).",
            [("median", 5.0, None, None, None), ("median", 9.0, None, None, None)],
        ),
    ],
)
def test_thresholds_and_durations_are_no_values(text: str, expected: list[tuple]) -> None:
    """Thresholds named by a noun, windows of time, French IQRs."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French hundreds in the plural
        ("Méthodes. – Deux cents patients ont été randomisés.", [("n", 200.0, None, None, None)]),
        # the sample's sex in the bracket after its size
        (
            "Methods: A total of 410 adults (median age 54 years [IQR 45-63]; 236 women) were randomised.",
            [("n", 410.0, None, None, None)],
        ),
        # women who are the sample stay a size
        ("Methods: In all, 236 women were randomised.", [("n", 236.0, None, None, None)]),
        # people with an event, in brackets
        ("Results: No adverse events other than transient redness (5 women) were recorded.", []),
        # people with an event and their share
        (
            "Results: Apart from mild bruising (in 7 children, 9.2%), no adverse events were reported.",
            [("proportion", 9.2, None, None, None)],
        ),
        # a meta-analysis' participants stay a size
        (
            "Results: Blurred vision was less frequent with drops (RR 0.62, 95% CI 0.41 to 0.93; 3 trials, 904 participants).",
            [("rr", 0.62, 0.41, 0.93, None), ("n", 904.0, None, None, None)],
        ),
        # French events in one arm with their share
        (
            "Résultats. – Trois patientes du groupe témoin (4,1 %) ont été réopérées.",
            [("proportion", 4.1, None, None, None)],
        ),
        # person-time
        ("Results: The trial accrued 12,480 person-years of follow-up.", []),
        # a frequency in words
        ("Conclusions: Deux patients sur trois ont répondu au traitement.", []),
        # the sample's age then its share, in French
        ("Résultats. – L'âge médian était de 58 ans et 12 % des patients étaient fumeurs.", []),
    ],
)
def test_counts_that_are_no_samples(text: str, expected: list[tuple]) -> None:
    """Counts of events, of the sample's sex, of person-time, frequencies in words; French hundreds."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the N of 'X of N' repeating a size given before
        (
            "Methods: Overall, 240 patients were randomised (120 per group). Results: Relapse occurred in 30 of 120 patients with A and 45 of 120 with B.",
            [("n", 120.0, None, None, None), ("n", 240.0, None, None, None)],
        ),
        # sizes first given by 'X of N' are kept
        (
            "Methods: Overall, 240 patients were randomised. Results: Relapse occurred in 30 of 118 patients with A and 45 of 121 with B.",
            [("n", 118.0, None, None, None), ("n", 121.0, None, None, None), ("n", 240.0, None, None, None)],
        ),
        # two arms of one size first given in one sentence are both kept
        (
            "Results: Healing occurred in 35 of 46 patients with the splint versus 29 of 46 with the cast.",
            [("n", 46.0, None, None, None), ("n", 46.0, None, None, None)],
        ),
    ],
)
def test_a_size_is_listed_once(text: str, expected: list[tuple]) -> None:
    """The N of 'X of N' repeating a size given in an earlier sentence is that group again."""
    assert rows(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a mean after the enrolment
        (
            "Results: Eighty adults were randomised; the mean defect size was 2.4 cm2 (SD 0.8).",
            [("n", 80.0, None, None, None)],
        ),
        # a follow-up stays a result
        (
            "Results: Eighty adults were randomised; the median follow-up was 14 months.",
            [("median", 14.0, None, None, None), ("n", 80.0, None, None, None)],
        ),
        # an outcome compared stays a result
        (
            "Results: Eighty adults were randomised; mortality at 30 days was 12% versus 18%.",
            [
                ("proportion", 12.0, None, None, None),
                ("proportion", 18.0, None, None, None),
                ("n", 80.0, None, None, None),
            ],
        ),
    ],
)
def test_the_enrolment_sentence_describes_the_sample(text: str, expected: list[tuple]) -> None:
    """A mean or median after the enrolment, comparing nothing, describes those enrolled."""
    assert rows(text) == expected

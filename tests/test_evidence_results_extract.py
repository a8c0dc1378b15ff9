"""Tests for kb/evidence/results/: numbers, sections, the reporting styles of trial abstracts, French gold.

Every text here is written for these tests in the styles of CONSORT abstracts (no text of the development
set is committed); the development set is scored only when ``../shared`` is present.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from result_rows import rows

from kb.evidence.results import extract_text, parse_number, results_for_text
from kb.evidence.results.numbers import NUMBER_RE
from kb.evidence.results.sections import split_sections, split_sentences

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "results" / "results_dev.jsonl"
SCORER = SHARED / "tools" / "score_results.py"
FRENCH = yaml.safe_load((Path(__file__).parent / "gold" / "results_fr.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("0·31", 0.31),
        ("−0.28", -0.28),
        ("–5.97", -5.97),
        ("+9", 9.0),
        ("20,879", 20879.0),
        ("0,5", 0.5),
        (".64", 0.64),
        ("", None),
    ],
)
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("IL-6 and 13–74", ["6", "13", "74"]),
        ("−0.28;-0.10", ["−0.28", "-0.10"]),
        ("[0.34, 0.75]", ["0.34", "0.75"]),
        ("P=.64 vs.22%", [".64", "22"]),
        ("NCT00573950 DRKS00003801 SPSS16", []),
        ("2,159 participants", ["2,159"]),
    ],
)
def test_number_tokens(text: str, tokens: list[str]) -> None:
    assert [m.group() for m in NUMBER_RE.finditer(text)] == tokens


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "TITLE:\nA trial\n\nABSTRACT.BACKGROUND:\nx.\n\nABSTRACT.RESULTS::\ny.",
            ["title", "background", "results"],
        ),
        (
            "BACKGROUND: x. METHODS: y. RESULTS: z. CONCLUSIONS: w.",
            ["background", "methods", "results", "conclusions"],
        ),
        (
            "Contexte\nx\nMéthodes\ny\nRésultats\nz\nConclusion\nw",
            ["background", "methods", "results", "conclusions"],
        ),
        ("Results – Response at 3 months\nx\nDiscussion – study limitations\ny", ["results", "discussion"]),
        ("Results – population characteristics\nx", ["methods"]),
    ],
)
def test_section_roles(text: str, roles: list[str]) -> None:
    assert [s.role for s in split_sections(text) if text[s.start : s.end].strip()] == roles


def test_sentences_survive_vs_ci_and_decimals() -> None:
    text = "RESULTS: Response was 22% vs. 44% (HR 0.41; 95% CI 0·21–0.80; P=.008). Next sentence 5."
    (section,) = [s for s in split_sections(text) if s.role == "results"]
    sentences = [text[s.start : s.end].strip() for s in split_sentences(text, section)]
    assert sentences == ["Response was 22% vs. 44% (HR 0.41; 95% CI 0·21–0.80; P=.008).", "Next sentence 5."]


# Sentences written in the reporting styles of trial abstracts; each is read as the Results of an abstract.
STYLES = [
    ("hazard ratio, 0.34; 95% confidence interval, 0.25–0.48", [("hr", 0.34, 0.25, 0.48)]),
    ("The HR for OS was 0.92 (95% CI 0.70-1.20).", [("hr", 0.92, 0.7, 1.2)]),
    ("Death was less frequent (OR 0·61 [95% CI: 0·31–1·22]).", [("or", 0.61, 0.31, 1.22)]),
    ("The relative risk ratio [95% CI] = 0.51 [0.34, 0.75].", [("rr", 0.51, 0.34, 0.75)]),
    ("Scores were 5.40 ± 1.14 vs 3.33 ± 1.37.", [("mean", 3.33, None, None), ("mean", 5.4, None, None)]),
    (
        "The difference between groups was -16 mm, 95% confidence interval: -26 to -6.",
        [("md", -16.0, -26.0, -6.0)],
    ),
    ("Ferritin difference −1047 ng/mL (−1524, −570), p<0.001.", [("md", -1047.0, -1524.0, -570.0)]),
    ("adjusted IRR = 0.53; CI 0.32, 0.89", [("rr", 0.53, 0.32, 0.89)]),
    (
        "Response was 74.6% (A) and 72.4% (B).",
        [("proportion", 72.4, None, None), ("proportion", 74.6, None, None)],
    ),
    ("Bleeding occurred in 12/40 (30%) patients.", [("proportion", 30.0, None, None)]),
    ("Median time to response was 12 days (IQR 8–20).", [("median", 12.0, None, None)]),
    ("Median PFS was 12.1 months (95% CI 8.6 to not estimable).", [("median", 12.1, 8.6, None)]),
    (
        "Of the 410 patients, 180 patients (90 in each group) completed.",
        [("n", 90.0, None, None), ("n", 180.0, None, None), ("n", 410.0, None, None)],
    ),
    ("Fifty-nine patients were randomised.", [("n", 59.0, None, None)]),
    ("with absolute risk reduction (ARR) by 21%", [("rd", 21.0, None, None)]),
    ("the odds ratio for remission after the intervention was 1.1", [("or", 1.1, None, None)]),
    (
        "Intake increased by 1.32 servings, an 86% greater increase (P = .016).",
        [("mean", 1.32, None, None), ("proportion", 86.0, None, None)],
    ),
    ("Cost was lower (Rupees 166 vs. 464).", [("mean", 166.0, None, None), ("mean", 464.0, None, None)]),
    (
        "The mean (SD) change was −2.3 (1.1) with eltrombopag and −1.1 (1.2) with placebo.",
        [("mean", -2.3, None, None), ("mean", -1.1, None, None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), STYLES, ids=[s[:40] for s, _ in STYLES])
def test_reporting_styles(
    sentence: str, expected: list[tuple[str, float, float | None, float | None]]
) -> None:
    assert rows("RESULTS: " + sentence) == sorted(expected)


# Numbers that are not results, each in a sentence of the Results.
DECOYS = [
    "Adverse events reported by ≥3% of recipients were similar.",
    "Patients were aged 62 ± 9 years and 70% were male.",
    "Mean HbA1c at baseline was 7.20% ± 0.56%.",
    "Participants received 25 mg/day for 12 weeks.",
    "Assessments were done at 0, 6, and 12 h and after 3 years.",
    "The trial is registered as NCT00573950 (ISRCTN32032031).",
    "Recovery was 15-fold faster.",
    "The number needed to treat was 5 (95% CI 3 to 12).",
    "Hyperuricaemia was defined as a level above 6.5%.",
]


@pytest.mark.parametrize("sentence", DECOYS)
def test_decoys_are_not_results(sentence: str) -> None:
    assert [r for r in extract_text("RESULTS: " + sentence) if r.measure != "p_only"] == []


def test_background_gives_nothing_and_methods_only_sample_sizes() -> None:
    text = (
        "BACKGROUND: Steroids give a complete response in 20% of patients (HR 0.5, 95% CI 0.3-0.8).\n"
        "METHODS: We randomised 120 patients aged 18 to 80 years; 65% had received steroids.\n"
        "RESULTS: Response was 52% vs. 31% (P = 0.01). Time to bowel recovery was shorter (P < 0.05).\n"
    )
    got = [(r.measure, r.value, r.p_text) for r in extract_text(text)]
    assert got == [
        ("n", 120.0, None),
        ("proportion", 52.0, "0.01"),
        ("proportion", 31.0, "0.01"),
        ("p_only", None, "<0.05"),
    ]


def test_conclusions_do_not_repeat_results() -> None:
    text = (
        "RESULTS: Remission was 40% vs. 20%.\nCONCLUSIONS: Remission doubled (40% vs. 20%); 4 mg was enough."
    )
    assert rows(text) == [("proportion", 20.0, None, None), ("proportion", 40.0, None, None)]


def test_result_words_and_offsets() -> None:
    text = "RESULTS: The objective response rate was 52.0% for axitinib and 3.4% for sorafenib (P = 0.0001)."
    first, second = results_for_text(text)
    assert text[first.start : first.end] == "52.0"
    assert (first.arm_text, second.arm_text, first.p_text, first.line) == (
        "axitinib",
        "sorafenib",
        "0.0001",
        1,
    )
    assert first.to_json()["sentence"].startswith("The objective response rate")


@pytest.mark.parametrize("abstract", FRENCH["abstracts"], ids=[a["id"] for a in FRENCH["abstracts"]])
def test_french_gold(abstract: dict) -> None:
    got = extract_text(abstract["text"])
    expected = sorted(
        (e["measure"], float(e["value"]), e.get("ci_low"), e.get("ci_high")) for e in abstract["expected"]
    )
    assert sorted((r.measure, r.value, r.ci_low, r.ci_high) for r in got if r.value is not None) == expected
    assert not {r.value for r in got} & set(map(float, abstract["absent"]))


@pytest.mark.parametrize(
    "text",
    [
        "95% CI " * 10_000,
        "(" * 60_000,
        "1, " * 20_000,
        "HR " + "0.5 " * 15_000,
        "RESULTS: " + "5% vs. 6% " * 6_000,
        "patients " * 7_000,
        "± " * 30_000,
        "mean " * 12_000,
    ],
    ids=["ci-words", "brackets", "number-list", "hr-list", "percent-pairs", "nouns", "plus-minus", "mean"],
)
def test_hostile_text_in_bounded_time(text: str) -> None:
    start = time.process_time()
    extract_text(text)
    assert time.process_time() - start < 120  # a bound against a hang, not a speed figure


@pytest.mark.parametrize(
    ("head", "unit"),
    [("HR ", "0.5 "), ("median ", "3 "), ("mean ", "4.2 "), ("95% CI ", "1-2 "), ("(", "1, ")],
)
def test_work_grows_linearly_with_the_text(head: str, unit: str) -> None:
    """Four times the text costs about four times the CPU, not sixteen (a keyword's reach was once scanned
    from every value back to it). CPU time, with a wide margin: not a speed figure."""

    def cost(repeats: int) -> float:
        start = time.process_time()
        extract_text(head + unit * repeats)
        return time.process_time() - start

    small, large = cost(4_000), cost(16_000)
    assert large < 10 * small + 0.5


@pytest.mark.skipif(not DEV.exists(), reason="../shared (development set) is absent")
def test_development_set_score(tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for line in DEV.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            for r in extract_text(item["text"]):
                out.write(json.dumps({"id": item["id"], **r.to_json()}) + "\n")
    done = subprocess.run(
        [sys.executable, str(SCORER), str(DEV), "--pred", str(pred)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = dict(kv.split("=") for kv in done.stdout.strip().splitlines()[-1].split())
    assert float(last["recall"]) >= 0.95 and float(last["precision"]) >= 0.95, done.stdout[-600:]


# Classes found on the fifth independent batch, each in other words than the case it was found on.
MORE_STYLES = [
    ("Blood loss was 210 ml (IQR 150–320) with tranexamic acid.", [("median", 210.0, None, None)]),
    ("Walking distance was 35 m longer with training (95% CI 12 to 58).", [("md", 35.0, 12.0, 58.0)]),
    ("Grip strength improved (B 1.9 kg, 95% CI 0.4;3.4).", [("md", 1.9, 0.4, 3.4)]),
    (
        "Response was 61% in arm A and 45% in arm B.",
        [("proportion", 45.0, None, None), ("proportion", 61.0, None, None)],
    ),
    (
        "Pain fell by 2.4 points with acupuncture and 1.1 points with sham.",
        [("mean", 1.1, None, None), ("mean", 2.4, None, None)],
    ),
    (
        "During a median follow-up of 3.1 years, stroke occurred in 4.2% of the aspirin group.",
        [("median", 3.1, None, None), ("proportion", 4.2, None, None)],
    ),
    # the sixth batch's classes
    (
        "Ratings rose from 3.2 to 4.1 with coaching and from 3.3 to 3.5 with usual care.",
        [
            ("mean", 3.2, None, None),
            ("mean", 3.3, None, None),
            ("mean", 3.5, None, None),
            ("mean", 4.1, None, None),
        ],
    ),
    (
        "Height-for-age z-score increased by 0.15 (95% CI 0.02 to 0.28) more in the intervention arm.",
        [("md", 0.15, 0.02, 0.28)],
    ),
    (
        "Complication rates were 4.2 and 7.9 percent, respectively.",
        [("proportion", 4.2, None, None), ("proportion", 7.9, None, None)],
    ),
    (
        "Protein intake was 1.2 g/kg/day versus 0.9 g/kg/day.",
        [("mean", 0.9, None, None), ("mean", 1.2, None, None)],
    ),
    ("Grade ≥3 toxicity: 12% vs 20%.", [("proportion", 12.0, None, None), ("proportion", 20.0, None, None)]),
    (
        "Systolic pressure fell by 8.4 mm Hg in group A and 3.9 mm Hg in group B.",
        [("mean", 3.9, None, None), ("mean", 8.4, None, None)],
    ),  # the seventh batch's classes
    ("Uptake at 24 months of age was 71.5% with reminders.", [("proportion", 71.5, None, None)]),
    ("Incidence was 4·1 infections per 100 child-years.", [("proportion", 4.1, None, None)]),
    (
        "The score was 14.2 in the brace group v 15.9 in the sling group.",
        [("mean", 14.2, None, None), ("mean", 15.9, None, None)],
    ),
    (
        "Walking time fell by 45 seconds with training and by 12 seconds with advice.",
        [("mean", 12.0, None, None), ("mean", 45.0, None, None)],
    ),
    ("Fewer children on zinc developed pneumonia (7 vs 19).", []),
    ("The number needed to treat to avoid one admission was 12 (95% CI 8 to 25).", []),
]


@pytest.mark.parametrize(("sentence", "expected"), MORE_STYLES, ids=[s[:40] for s, _ in MORE_STYLES])
def test_more_reporting_styles(
    sentence: str, expected: list[tuple[str, float, float | None, float | None]]
) -> None:
    assert rows("RESULTS: " + sentence) == sorted(expected)


def test_a_margin_is_a_threshold() -> None:
    assert rows("RESULTS: Noninferiority was shown with a margin of 5%.") == []


def test_mixed_case_headings_at_line_starts() -> None:
    text = (
        "Contexte : Un essai.\nPatients et méthodes : 120 patients ont été inclus.\nRésultats : Réponse 40 %."
    )
    assert [s.role for s in split_sections(text)] == ["background", "methods", "results"]


def test_inline_headings_inside_one_paragraph() -> None:
    text = "Aim: To test a brace. Methods: 80 adults were randomised. Results: Pain fell in 40% vs 20%."
    assert [s.role for s in split_sections(text)] == ["background", "methods", "results"]
    assert rows(text) == [
        ("n", 80.0, None, None),
        ("proportion", 20.0, None, None),
        ("proportion", 40.0, None, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the share in brackets after a count belongs to the count, not to the median before
        (
            "Results: Patients attended a median of 9 sessions (IQR 6-11) and 112 (61.2%) attended all 12.",
            [("median", 9.0, None, None), ("proportion", 61.2, None, None)],
        ),
        # a mean opens a list of values, one per arm, with no unit of their own
        (
            "Results: Children had a mean of 2.4, 3.1 and 3.8 wheezing episodes in the three arms (p = 0.02).",
            [("mean", 2.4, None, None), ("mean", 3.1, None, None), ("mean", 3.8, None, None)],
        ),
    ],
)
def test_a_share_of_a_count_and_a_list_after_a_mean(text: str, expected: list[tuple]) -> None:
    assert rows(text) == expected


def test_a_time_shortened_by_values_is_a_change() -> None:
    """ "shortened by 8.4 min and 3.1 min" changes a time, like "decreased by": two means with their p."""
    text = (
        "Results: Time to first analgesic request shortened by 8.4 min and 3.1 min, respectively (p = 0.21)."
    )
    assert rows(text) == [("mean", 3.1, None, None), ("mean", 8.4, None, None)]

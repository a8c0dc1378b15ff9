"""Triggers of span patterns (``kb.evidence.results.triggers``): each is a necessary condition of its
pattern's match, so skipping a sentence that fails it leaves the results unchanged.

Checked on every sentence of the gold abstracts, generated abstracts (``benchmarks/results.py``), the
development set when ``../shared`` is present, hostile strings, and near-misses written for each trigger.
"""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest
import yaml

from kb.evidence.results.sections import split_sections, split_sentences
from kb.evidence.results.spans import Sentence
from kb.evidence.results.triggers import PATTERN_TRIGGERS, TRIGGERS

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "results" / "results_dev.jsonl"
NEAR_MISSES = [
    "a 2.5-fold increase; 3 times higher; 3 times; 12-fold",
    "10 mg/day, 5 µg, 3 μg/kg, 2 g, 4 IU, 20 U, 1.5 L, 2 TU, 30 Gy, 50 cGy, 200 kcal, 2 mEq, 4 units",
    "80% power to detect; powered to show; a sample size of 40 was calculated; POWER OF 90%",
    "The NNT was 7; number needed to harm, 12; NNH 9",
    "posterior probability of benefit, 86%; Probability of superiority was 0.91",
    "randomised 1:1; 2 : 1 : 1; grade ≥2: 7% vs 15%",
    "43/195 (22%) and 9/41",
    "80-90%; 2,5-7 %; 10 to 20%",
    "21 (18%) vs 8 patients (31%)",
    "n = 59; N=170; (n: 12); n = 1 250",
    "39 of 60 patients responded; 88 (18%) of 496 given placebo; 5 out of 30 on drug; 7\tof\t9 patients",
    "26 were in A; 90 in each group; 80 per arm; 45 to the placebo arm; 61 completed; 40 enrolled; 9 evaluable",
    "12 ont été analysées; 1 250 were randomised; 30 dans chaque groupe; 12 par bras",
    "Of the 994 patients randomly assigned, 496 received drug P and 498 were given placebo",
]


def _generated(n: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_results", ROOT / "benchmarks" / "results.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rng = random.Random(7)
    return [bench.abstract(rng) for _ in range(n)] + bench.hostile(400)


def _texts() -> list[str]:
    texts = [
        a["text"]
        for path in sorted((ROOT / "tests" / "gold").glob("results_*.yml"))
        for a in yaml.safe_load(path.read_text(encoding="utf-8"))["abstracts"]
    ]
    if DEV.exists():
        texts += [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line]
    return texts + _generated(200) + NEAR_MISSES


@pytest.fixture(scope="module")
def sentences() -> list[Sentence]:
    out = []
    for text in _texts():
        for section in split_sections(text):
            out += [Sentence(text, s) for s in split_sentences(text, section)]
    return out


@pytest.mark.parametrize("rx", list(PATTERN_TRIGGERS), ids=lambda rx: rx.pattern[:30])
def test_a_pattern_never_matches_where_its_trigger_fails(rx, sentences: list[Sentence]) -> None:
    trigger = TRIGGERS[id(rx)]
    matched = 0
    for sent in sentences:
        found = rx.search(sent.text, sent.s.start, sent.s.end)
        if found is not None:
            matched += 1
            assert trigger(sent.text, sent.s.start, sent.s.end), (rx.pattern[:40], found.group())
    assert matched > 0  # the check saw the pattern match (a trigger that skipped everything would fail)


def test_a_sentence_without_the_trigger_skips_the_scan() -> None:
    text = "Patients were randomised to A or B; 40 completed the study."
    section = split_sections(text)[0]
    sent = Sentence(text, split_sentences(text, section)[0])
    from kb.evidence.results import patterns as P

    assert list(sent.finditer(P.FOLD_RE)) == []
    assert sent.search(P.POWER_RE) is None
    text = "A 2.5-fold rise with A."
    sent = Sentence(text, split_sentences(text, split_sections(text)[0])[0])
    assert [m.group() for m in sent.finditer(P.FOLD_RE)] == ["2.5-fold"]

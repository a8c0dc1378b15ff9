"""Results extraction on trial abstracts written for this project (tests/gold/results_independent*.yml).

The abstracts are invented, in the layouts real abstracts use (structured and not, NEJM, Lancet middle dots,
conference inline headings, French), and were labelled by hand before the extractor was run on them. They
are scored with the contract of the shared scorer ``score_results.py``: one-to-one, same measure family,
same value, and the same CI when the gold item has one; p_only rows by their p. When ``../shared`` is
present the shared scorer itself is run on the same predictions.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kb.evidence.results import extract_text

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("results_independent*.yml"))
SCORER = ROOT.parent / "shared" / "tools" / "score_results.py"
ABSTRACTS = [a for path in GOLD for a in yaml.safe_load(path.read_text(encoding="utf-8"))["abstracts"]]
FAMILY = {"response_rate": "proportion"}


def _p(p: object) -> float:
    # "p=0·03", "p = 0,12" as the scorer reads them
    return float(re.sub(r"^[<>=≤≥]+", "", str(p)).replace("\u00b7", ".").replace(",", "."))


def _match(gold: list[dict], pred: list[dict]) -> int:
    """Matched gold items, greedy one-to-one as the shared scorer does (gold items with a CI first)."""
    used: set[int] = set()
    found = 0
    for g in sorted(gold, key=lambda g: g.get("ci_low") is None and g.get("ci_high") is None):
        for i, p in enumerate(pred):
            if i in used or FAMILY.get(p["measure"], p["measure"]) != FAMILY.get(g["measure"], g["measure"]):
                continue
            if g["measure"] == "p_only":
                ok = p["p"] is not None and abs(_p(p["p"]) - _p(g["p"])) < 1e-6
            else:
                ok = abs(p["value"] - g["value"]) < 1e-6
                if ok and (g.get("ci_low") is not None or g.get("ci_high") is not None):
                    ok = (p["ci_low"], p["ci_high"]) == (g.get("ci_low"), g.get("ci_high"))
            if ok:
                used.add(i)
                found += 1
                break
    return found


def _predictions(text: str) -> list[dict]:
    return [r.to_json() for r in extract_text(text)]


def test_the_independent_set_is_labelled() -> None:
    assert len(ABSTRACTS) >= 14
    for a in ABSTRACTS:
        assert a["expected"], a["id"]
        for e in a["expected"]:
            assert e["measure"] in {
                "n",
                "hr",
                "or",
                "rr",
                "rd",
                "md",
                "proportion",
                "response_rate",
                "median",
                "mean",
                "p_only",
            }


def test_precision_and_recall_on_the_independent_set() -> None:
    gold = found = predicted = 0
    for a in ABSTRACTS:
        pred = _predictions(a["text"])
        gold += len(a["expected"])
        predicted += len(pred)
        found += _match(a["expected"], pred)
    # the targets on held-out abstracts: recall >= 0.85, precision >= 0.95
    assert found / gold >= 0.85
    assert found / predicted >= 0.95


@pytest.mark.parametrize("abstract", ABSTRACTS, ids=[a["id"] for a in ABSTRACTS])
def test_no_decoy_comes_out(abstract: dict) -> None:
    """Background, design, doses, ages, durations, thresholds, baseline and spreads give no row."""
    expected = {e.get("value") for e in abstract["expected"]}
    decoys = set(abstract.get("decoys") or []) - expected
    assert not {r.value for r in extract_text(abstract["text"])} & decoys


@pytest.mark.skipif(not SCORER.exists(), reason="the shared scorer is absent (a user's machine)")
def test_the_shared_scorer_agrees(tmp_path: Path) -> None:
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    with gold_path.open("w", encoding="utf-8") as g, pred_path.open("w", encoding="utf-8") as p:
        for a in ABSTRACTS:
            results = [
                {k: e.get(k) for k in ("measure", "value", "ci_low", "ci_high", "p")} for e in a["expected"]
            ]
            decoys = [{"value": v, "kind": "decoy"} for v in a.get("decoys") or []]
            other = [{"value": v, "kind": "other"} for v in a.get("other") or []]
            g.write(
                json.dumps(
                    {
                        "id": a["id"],
                        "text": a["text"],
                        "results": results,
                        "decoys": decoys,
                        "other_numbers": other,
                    }
                )
                + "\n"
            )
            for row in _predictions(a["text"]):
                p.write(json.dumps({"id": a["id"], **row}) + "\n")
    out = (
        subprocess.run(
            [sys.executable, str(SCORER), str(gold_path), "--pred", str(pred_path)],
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    scores = dict(kv.split("=") for kv in out.split())
    assert float(scores["recall"]) >= 0.85
    assert float(scores["precision"]) >= 0.95

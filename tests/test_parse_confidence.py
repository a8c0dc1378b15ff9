"""Field confidence from the CRF marginals (``kb.parse.confidence``) and its ``low_confidence`` flag."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from kb.model import ProblemCode
from kb.parse import parse_reference
from kb.parse.confidence import LOW_CONFIDENCE, low_confidence_problems
from kb.parse.csl import run_parse

CLEAN = (
    "Neunert C, Lim W, Crowther M, Cohen A, Solberg L Jr, Crowther MA. The American Society of Hematology "
    "2011 evidence-based practice guideline for immune thrombocytopenia. Blood. 2011;117(16):4190-4207."
)


def test_every_filled_field_has_a_confidence() -> None:
    """Each field the parser filled gets a probability; a clean Vancouver reference is sure of them."""
    ref = parse_reference(CLEAN)
    assert set(ref.confidence) == {"authors", "title", "journal", "year", "volume", "issue", "pages"}
    assert all(0.0 <= v <= 1.0 for v in ref.confidence.values())
    assert min(ref.confidence[k] for k in ("year", "volume", "pages")) >= LOW_CONFIDENCE


def test_garbled_reference_is_less_sure() -> None:
    """A reference with its punctuation stripped is read with less confidence than the clean one."""
    garbled = parse_reference(CLEAN.replace(".", "").replace(";", " ").replace(":", " ").replace(",", ""))
    clean = parse_reference(CLEAN)
    assert min(garbled.confidence.values()) < min(clean.confidence.values())


GOLD = Path(__file__).parent / "gold" / "seed_references.jsonl"


def _letters(value: object) -> str:
    return re.sub(r"[\W_]", "", str(value).lower())


def test_wrong_fields_are_less_sure_than_right_ones() -> None:
    """On the seed gold, read as written and with its punctuation stripped, a field parsed wrong has a
    lower confidence than a field parsed right far more often than not (the area under the ROC curve
    of confidence as a detector of right fields; 0.5 would be a confidence that means nothing)."""
    right: list[float] = []
    wrong: list[float] = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        exp = entry["expected"]
        if exp.get("not_a_reference"):
            continue
        for text in (entry["text"], re.sub(r"[.,;:]", "", entry["text"])):
            ref = parse_reference(text)
            for name, value in ref.confidence.items():
                if name == "authors":
                    got = sorted(_letters(n.family or n.literal) for n in ref.authors)
                    ok = got == sorted(_letters(a[0]) for a in exp["authors"])
                else:
                    ok = _letters(getattr(ref, name)) == _letters(exp[name])
                (right if ok else wrong).append(value)
    assert len(wrong) > 100  # stripping the punctuation does break fields
    pairs = sum((w < r) + 0.5 * (w == r) for w in wrong for r in right)
    assert pairs / (len(wrong) * len(right)) >= 0.7


def test_low_confidence_problems() -> None:
    """Only fields below the threshold are flagged, one problem each, naming the field."""
    probs = low_confidence_problems({"title": LOW_CONFIDENCE - 0.01, "year": 0.99, "journal": 0.1})
    assert [(p.code, p.field) for p in probs] == [
        (ProblemCode.LOW_CONFIDENCE, "title"),
        (ProblemCode.LOW_CONFIDENCE, "journal"),
    ]
    assert "check it against the raw text" in probs[0].message
    assert all(p.line == 0 and p.document_id == "" for p in probs)  # located by the caller


def test_kb_parse_outputs_confidence() -> None:
    """`kb parse --jsonl` items carry a ``confidence`` object and the ``low_confidence`` problems."""
    out = io.StringIO()
    run_parse([CLEAN, "tbd"], jsonl=True, fmt="csl", out=out)
    one, two = (json.loads(line) for line in out.getvalue().splitlines())
    assert set(one["confidence"]) >= {"title", "journal", "year"}
    flagged = {p["field"] for p in one["problems"] if p["code"] == "low_confidence"}
    assert flagged == {k for k, v in one["confidence"].items() if v < LOW_CONFIDENCE}
    assert isinstance(two["problems"], list)

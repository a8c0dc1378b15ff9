"""Tests for kb/parse/modelfile.py: the attribute dictionary read from a crfsuite model file."""

from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite
import pytest

from kb.model import KbError
from kb.parse.crf import MODEL_FILE, default_parser
from kb.parse.features import Featurizer
from kb.parse.modelfile import model_attributes
from kb.parse.tokens import tokenize

GOLD = Path(__file__).parent / "gold" / "seed_references.jsonl"
TEXTS = [json.loads(line)["text"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_attributes_are_those_crfsuite_dumps() -> None:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(MODEL_FILE))
    dumped = {a.encode() for a in tagger.info().attributes}
    assert model_attributes(MODEL_FILE) == dumped
    assert len(dumped) > 10_000


def test_a_small_trained_model(tmp_path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    trainer.append([["w=smith", "sh=Aa"], ["w=2014", "sh=0", "année=é"]], ["author", "date"])
    trainer.append([[b"w=blood", b"sh=Aa."]], ["journal"])
    trainer.set_params({"max_iterations": 5})
    trainer.train(str(tmp_path / "m.crfsuite"))
    got = model_attributes(tmp_path / "m.crfsuite")
    assert got == {b"w=smith", b"sh=Aa", b"w=2014", b"sh=0", "année=é".encode(), b"w=blood", b"sh=Aa."}


@pytest.mark.parametrize("content", [b"", b"lCRF", b"not a model at all" * 10, b"lCRF" + b"\xff" * 60])
def test_not_a_model_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.crfsuite"
    path.write_bytes(content)
    with pytest.raises(KbError, match="not a readable crfsuite model"):
        model_attributes(path)


def test_unknown_attributes_left_out_change_nothing() -> None:
    """The tagger with the model's attributes only gives the same labels and marginals as with all."""
    parser = default_parser()
    tagger = parser._tagger
    full, known = Featurizer(), Featurizer(model_attributes(MODEL_FILE))
    texts = [
        *TEXTS,
        "Smith J, Doe AB. A title with 2011 in it. Blood 2014;12(3):45-67. doi:10.1/x",
        "ſK İı ¹²",
    ]
    dropped = 0
    for text in texts:
        tokens = [t for t, _, _ in tokenize(text)]
        if not tokens:
            continue
        seq_full, seq_known = full.sequence(tokens), known.sequence(tokens)
        dropped += sum(map(len, seq_full)) - sum(map(len, seq_known))
        labels = tagger.tag(seq_full)
        probs = [tagger.marginal(y, i) for i, y in enumerate(labels)]
        assert tagger.tag(seq_known) == labels
        assert [tagger.marginal(y, i) for i, y in enumerate(labels)] == probs
    assert dropped > 0

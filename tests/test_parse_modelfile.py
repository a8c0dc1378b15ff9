"""Tests for kb/parse/modelfile.py: the attribute dictionary read from a crfsuite model file."""

from __future__ import annotations

from pathlib import Path

import pycrfsuite
import pytest

from kb.model import KbError
from kb.parse.crf import MODEL_FILE
from kb.parse.modelfile import model_attributes


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

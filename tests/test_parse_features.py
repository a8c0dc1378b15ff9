"""Tests for kb/parse/features.py: the compact LTWA copy the parser reads at start-up."""

from __future__ import annotations

from pathlib import Path

from kb.parse.features import LTWA_FILE, build_ltwa, ltwa, shape, write_ltwa


def test_shipped_ltwa_is_the_installed_pyiso4_list(tmp_path: Path) -> None:
    """The compact copy equals what pyiso4's CSV gives (else: python -m kb.parse.train ltwa, then
    kb train --only parser), and writing it again gives the same bytes."""
    assert ltwa() == build_ltwa()
    assert write_ltwa(tmp_path / "ltwa.txt.gz").read_bytes() == LTWA_FILE.read_bytes()
    abbrevs, words, stems = ltwa()
    assert {"haematol", "thromb"} <= abbrevs
    assert "journal" in words
    assert "haematolog" in stems
    assert len(abbrevs) > 10_000 and len(stems) > 1_000
    assert "" not in abbrevs | words | stems


def test_shape() -> None:
    assert [shape(w) for w in ("Haematol.", "2014;", "McDonald", "Ærø-12", "")] == [
        "Aa.",
        "0;",
        "AaAa",
        "Aa-0",
        "",
    ]

"""Tests for kb/parse/ltwa.py: the compact LTWA copy the parser reads at start-up."""

from __future__ import annotations

from pathlib import Path

from kb.parse.ltwa import LTWA_FILE, build_ltwa, ltwa, write_ltwa


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

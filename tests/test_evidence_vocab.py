"""Tests for kb.evidence.vocab: loading, shape, codes kept from the specification, clear errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kb.config import shipped_extract_dir
from kb.evidence.vocab import VocabularyError, load_file, load_vocabulary

DEFAULT_DIR = shipped_extract_dir()


@pytest.fixture()
def vocab_dir(tmp_path: Path) -> Path:
    """A writable copy of extract/'s vocabulary files."""
    for name in ("interventions.yml", "outcomes.yml", "designs.yml", "conditions.yml"):
        shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    return tmp_path


def test_default_vocabulary_loads_and_is_cached() -> None:
    vocab = load_vocabulary()
    assert vocab is load_vocabulary()
    assert vocab is load_vocabulary(DEFAULT_DIR)
    assert len(vocab.interventions.concepts) >= 30
    assert len(vocab.outcomes.concepts) >= 20
    assert {"rct", "retrospective_cohort", "case_report"} <= set(vocab.designs.by_id)


def test_files_start_with_a_header_comment() -> None:
    for name in ("interventions.yml", "outcomes.yml", "designs.yml"):
        head = (DEFAULT_DIR / name).read_text(encoding="utf-8").splitlines()[:8]
        text = " ".join(head).lower()
        assert head[0].startswith("#")
        assert "curated" in text and "source" in text


@pytest.mark.parametrize(
    ("concept", "key", "value"),
    [
        ("rituximab", "atc", "L01FA01"),
        ("rituximab", "drugbank", "DB00073"),
        ("sirolimus", "atc", "L04AH01"),
        ("eculizumab", "atc", "L04AJ01"),
        ("eltrombopag", "atc", "B02BX05"),
        ("ivig", "mesh", "D016756"),
        ("splenectomy", "mesh", "D013156"),
    ],
)
def test_codes_from_the_specification(concept: str, key: str, value: str) -> None:
    assert load_vocabulary().interventions.by_id[concept].get(key) == value


@pytest.mark.parametrize(
    "concept", ["ivig", "dapsone", "hydroxychloroquine", "danazol", "anti_d", "efgartigimod"]
)
def test_unverified_codes_keep_a_flag(concept: str) -> None:
    entry = load_vocabulary().interventions.by_id[concept]
    assert entry.get("atc_verified") is False or entry.get("verified") is False


def test_levels_per_design() -> None:
    designs = load_vocabulary().designs.by_id
    assert designs["rct"].get("cebm2011") == 2
    assert designs["meta_analysis"].get("cebm2011") == 1
    assert designs["case_control"].get("has2013") == {"level": 3, "grade": "C"}
    assert designs["retrospective_cohort"].get("cebm2011_uncontrolled") == 4


def test_guarded_abbreviations_have_guards() -> None:
    abbrevs = {a.form: a for c in load_vocabulary().interventions.concepts for a in c.abbrevs}
    for form in ("RTX", "GC", "MMF", "PE", "MP"):
        assert abbrevs[form].needs, form
    assert "charlson" in load_vocabulary().outcomes.by_id["corrected_count_increment"].abbrevs[0].not_if


def test_bad_yaml_names_file_and_line(vocab_dir: Path) -> None:
    path = vocab_dir / "outcomes.yml"
    path.write_text("kind: outcomes\noutcomes: [\n  - {id: x\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"outcomes\.yml: line \d+: invalid YAML"):
        load_file(path, "outcomes")


def test_missing_id_names_the_entry(vocab_dir: Path) -> None:
    path = vocab_dir / "interventions.yml"
    path.write_text(
        "kind: interventions\ninterventions:\n  - {id: ok_one, en: [a]}\n  - {en: [b]}\n", encoding="utf-8"
    )
    with pytest.raises(
        VocabularyError, match=r"interventions\.yml: interventions\[1\]: missing or invalid 'id'"
    ):
        load_file(path, "interventions")


def test_unknown_context_names_entry_and_form(vocab_dir: Path) -> None:
    path = vocab_dir / "interventions.yml"
    path.write_text(
        "kind: interventions\ninterventions:\n  - {id: foo, abbrev_cs: [{form: FOO, needs: nowhere}]}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match=r"id 'foo'.*FOO.*needs: nowhere"):
        load_file(path, "interventions")


def test_term_shared_by_two_concepts_is_an_error(vocab_dir: Path) -> None:
    path = vocab_dir / "interventions.yml"
    path.write_text(
        "kind: interventions\ninterventions:\n  - {id: a, en: [same thing]}\n  - {id: b, en: [same-thing]}\n",
        encoding="utf-8",
    )
    with pytest.raises(VocabularyError, match="also a term of 'a'"):
        load_file(path, "interventions")


def test_wrong_kind_and_missing_list(vocab_dir: Path) -> None:
    path = vocab_dir / "designs.yml"
    path.write_text("kind: outcomes\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="expected 'kind: designs'"):
        load_file(path, "designs")
    path.write_text("kind: designs\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="missing or empty list 'designs:'"):
        load_file(path, "designs")


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="cannot read vocabulary file"):
        load_vocabulary(tmp_path)


def test_custom_path(vocab_dir: Path) -> None:
    vocab = load_vocabulary(vocab_dir)
    assert vocab.interventions.path == vocab_dir / "interventions.yml"

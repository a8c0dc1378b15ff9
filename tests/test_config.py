"""One configuration for a build (``kb.config``): ``--extract DIR`` governs journals, vocabularies and
decisions; the curated defaults ship inside the package."""

from __future__ import annotations

import pytest
from conftest import REFERENCES, db_rows

from kb.cli import main
from kb.config import Config, shipped_extract_dir
from kb.model import KbError

ROOT = REFERENCES.parent


def test_shipped_curated_files_are_the_repository_extract_dir():
    shipped = shipped_extract_dir()
    for path in sorted((ROOT / "extract").glob("*.yml")):
        assert (shipped / path.name).read_bytes() == path.read_bytes()


def test_extract_dir_governs_journals_and_falls_back_to_the_shipped_vocabularies(tmp_path, capsys):
    extract = tmp_path / "curated"
    extract.mkdir()
    (extract / "journals.yml").write_text(
        "journals:\n  - canonical: Blood (Curated)\n    title: Blood\n", encoding="utf-8"
    )
    db = tmp_path / "e.db"
    assert main(["build", "--references", str(REFERENCES), "--db", str(db), "--extract", str(extract)]) == 0
    abbrevs = {a for (a,) in db_rows(db, "select journal_abbrev from citations")}
    assert "Blood (Curated)" in abbrevs and "Blood" not in abbrevs
    # no vocabulary files in the directory: the shipped ones tag the works
    assert db_rows(db, "select count(*) from work_interventions")[0][0] > 0
    # no decisions.yml: none applied, none reported
    assert db_rows(db, "select count(*) from problems where code = 'bad_decision'")[0][0] == 0


def test_a_broken_vocabulary_in_the_extract_dir_is_a_clear_error(tmp_path, capsys):
    extract = tmp_path / "curated"
    extract.mkdir()
    (extract / "outcomes.yml").write_text("kind: outcomes\nentries: [oops\n", encoding="utf-8")
    code = main(
        ["build", "--references", str(REFERENCES), "--db", str(tmp_path / "e.db"), "--extract", str(extract)]
    )
    err = capsys.readouterr().err
    assert code == 1
    assert "outcomes.yml" in err and "Traceback" not in err


def test_a_missing_extract_dir_is_a_clear_error(tmp_path):
    config = Config(REFERENCES, tmp_path / "e.db", tmp_path / "nowhere")
    with pytest.raises(KbError, match=r"extract directory .* does not exist"):
        _ = config.extract_dir


def test_default_extract_dir_is_beside_the_references(tmp_path):
    config = Config(tmp_path / "references", tmp_path / "e.db")
    assert config.decisions == tmp_path / "extract" / "decisions.yml"
    assert config.journals == shipped_extract_dir() / "journals.yml"

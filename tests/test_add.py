"""``kb add``: files copied into references/ with a sidecar, then a rebuild; nothing overwritten silently."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
import yaml

from kb.add import add_files
from kb.cli import main
from kb.model import KbError

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def test_add_copies_with_sidecar_and_rebuilds(references_copy, tmp_path, capsys):
    db = tmp_path / "e.db"
    code = main(
        [
            "add",
            str(FIXTURES / "rituximab.nbib"),
            "--title",
            "PubMed search: rituximab ITP",
            "--language",
            "en",
            "--references",
            str(references_copy),
            "--db",
            str(db),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert out.splitlines()[0] == f"added: {references_copy / 'rituximab.nbib'}"
    assert "documents: 5" in out
    sidecar = yaml.safe_load((references_copy / "rituximab.yml").read_text(encoding="utf-8"))
    assert sidecar["title"] == "PubMed search: rituximab ITP" and sidecar["language"] == "en"
    rows = list(sqlite_utils.Database(db).query("select format, kind from documents where id = 'rituximab'"))
    assert rows == [{"format": "pubmed", "kind": "bibliography"}]


def test_adding_the_same_file_twice_keeps_one_copy(references_copy):
    first = add_files([FIXTURES / "zotero.json"], references_copy)
    again = add_files([FIXTURES / "zotero.json"], references_copy)
    assert [a.new for a in first + again] == [True, False]


def test_a_different_file_under_the_same_name_is_refused(references_copy, tmp_path):
    other = tmp_path / "zotero.json"
    other.write_text("[]", encoding="utf-8")
    add_files([FIXTURES / "zotero.json"], references_copy)
    with pytest.raises(KbError, match="already exists with different content"):
        add_files([other], references_copy)


def test_missing_file_exits_1_and_copies_nothing(references_copy, tmp_path, capsys):
    before = sorted(p.name for p in references_copy.iterdir())
    code = main(
        [
            "add",
            str(FIXTURES / "zotero.json"),
            str(tmp_path / "missing.pdf"),
            "--references",
            str(references_copy),
            "--db",
            str(tmp_path / "e.db"),
        ]
    )
    assert code == 1
    assert capsys.readouterr().err == f"Error: {tmp_path / 'missing.pdf'}: no such file; check the path.\n"
    assert sorted(p.name for p in references_copy.iterdir()) == before


def test_unknown_kind_is_a_usage_error(references_copy, capsys):
    code = main(
        ["add", str(FIXTURES / "zotero.json"), "--kind", "poster", "--references", str(references_copy)]
    )
    assert code == 1
    assert "Invalid value for '--kind'" in capsys.readouterr().err


def _names(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


def test_nothing_is_written_through_a_link_outside_references(references_copy, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    source = tmp_path / "new.txt"
    source.write_text("Stanworth SJ, et al. Br J Haematol (2015)\n", encoding="utf-8")
    (references_copy / "new.txt").symlink_to(outside / "written.txt")  # dangling
    with pytest.raises(KbError, match="is a link"):
        add_files([source], references_copy)
    (references_copy / "new.txt").unlink()
    (references_copy / "new.yml").symlink_to(outside / "sidecar.yml")
    with pytest.raises(KbError, match="is a link"):
        add_files([source], references_copy)
    assert _names(outside) == []


@pytest.mark.parametrize(
    ("existing", "new"),
    [
        ("a.txt", "a.md"),  # one sidecar a.yml for both
        ("Notes.txt", "notes.txt"),  # one file on a case-insensitive disk
        ("Mahe\u0301vas.txt", "Mah\u00e9vas.txt"),  # the same name, decomposed and composed
    ],
)
def test_a_name_that_collides_once_normalised_is_refused(references_copy, tmp_path, existing, new):
    (references_copy / existing).write_text("Other O, et al. Blood (2019)\n", encoding="utf-8")
    source = tmp_path / new
    source.write_text("Stanworth SJ, et al. Br J Haematol (2015)\n", encoding="utf-8")
    before = _names(references_copy)
    with pytest.raises(KbError, match="would share its id and sidecar"):
        add_files([source], references_copy, title="B")
    assert _names(references_copy) == before


@pytest.mark.parametrize("name", [".hidden.txt", "two\nlines.txt", "notes.yml"])
def test_a_name_the_build_would_not_read_is_refused(references_copy, tmp_path, name):
    source = tmp_path / name
    source.write_text("Stanworth SJ, et al. Br J Haematol (2015)\n", encoding="utf-8")
    before = _names(references_copy)
    with pytest.raises(KbError):
        add_files([source], references_copy)
    assert _names(references_copy) == before


def test_the_same_file_given_twice_is_added_once(references_copy):
    added = add_files([FIXTURES / "zotero.json", FIXTURES / "zotero.json"], references_copy)
    assert [a.path.name for a in added] == ["zotero.json"]

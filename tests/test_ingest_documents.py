"""``references/`` is a boundary: every entry is a document or a problem, links leaving it are not read,
any file name can be stored, and a document's id does not depend on the other files."""

from __future__ import annotations

import os
import sqlite3

import pytest

from kb.config import Config
from kb.ingest import documents
from kb.ingest.documents import display_name, read_documents
from kb.model import ProblemCode
from kb.pipeline import build

SECRET = "Private S, et al. Secret J (2001)\n"
CITATION = "Stanworth SJ, et al. Br J Haematol (2015)\n"


@pytest.fixture
def refs(tmp_path):
    path = tmp_path / "references"
    path.mkdir()
    return path


def by_path(read) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for p in read.problems:
        found.setdefault(p.path, set()).add(p.code.value)
    return found


def test_links_leaving_references_are_not_read(refs, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(SECRET, encoding="utf-8")
    (refs / "inner.txt").write_text(CITATION, encoding="utf-8")
    (refs / "out.txt").symlink_to(outside)
    (refs / "out_dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (refs / "up.txt").symlink_to("../secret.txt")
    (refs / "in.txt").symlink_to("inner.txt")
    (refs / "loop.txt").symlink_to("loop.txt")
    (refs / "etc").symlink_to("/etc")
    read = read_documents(refs)
    problems = by_path(read)
    for name in ("out.txt", "out_dangling.txt", "up.txt", "etc", "loop.txt"):
        assert problems[f"references/{name}"] == {"skipped_entry"}, name
    assert {d.path for d in read.documents} == {"references/in.txt", "references/inner.txt"}
    assert all("Secret" not in line for d in read.documents for line in d.lines)


def test_a_sidecar_link_leaving_references_is_not_read(refs, tmp_path):
    (tmp_path / "meta.yml").write_text("title: Read from outside\n", encoding="utf-8")
    (refs / "doc.txt").write_text(CITATION, encoding="utf-8")
    (refs / "doc.yml").symlink_to(tmp_path / "meta.yml")
    read = read_documents(refs)
    assert read.documents[0].title == "doc"
    [problem] = read.problems
    assert problem.code is ProblemCode.BAD_SIDECAR and "outside references/" in problem.message


def test_hidden_files_orphan_sidecars_pipes_and_directories_are_problems(refs):
    (refs / ".hidden.txt").write_text(CITATION, encoding="utf-8")
    (refs / ".hidden.yml").write_text("title: x\n", encoding="utf-8")
    (refs / "orphan.yml").write_text("title: nobody's\n", encoding="utf-8")
    os.mkfifo(refs / "pipe.txt")
    (refs / "a" / "b" / "c").mkdir(parents=True)
    read = read_documents(refs)  # a pipe opened for reading would block: it must not be opened
    problems = by_path(read)
    for name in (".hidden.txt", ".hidden.yml", "orphan.yml", "pipe.txt", "a"):
        assert problems[f"references/{name}"] == {"skipped_entry"}, name
    assert read.documents == []


def test_a_file_swapped_for_a_pipe_after_listing_is_refused_without_blocking(refs, monkeypatch):
    os.mkfifo(refs / "pipe.txt")
    monkeypatch.setattr(documents, "_skipped", lambda *args: None)
    read = read_documents(refs)
    assert [p.code for p in read.problems] == [ProblemCode.UNREADABLE_FILE]
    assert "not a regular file" in read.problems[0].message


def test_a_file_over_the_size_limit_is_a_problem(refs, monkeypatch):
    monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 100)
    (refs / "big.txt").write_text(CITATION * 10, encoding="utf-8")
    read = read_documents(refs)
    assert read.documents == [] and "larger than" in read.problems[0].message


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (b"caf\xe9.txt", "caf\\xe9.txt"),
        (b"two\nlines.txt", "two\\nlines.txt"),
        (b"rtl\xe2\x80\xaetxt.exe.txt", "rtl\\u202etxt.exe.txt"),
        ("Mahévas 2016.txt".encode(), "Mahévas 2016.txt"),
    ],
)
def test_any_file_name_is_read_stored_and_shown_escaped(refs, tmp_path, name, shown):
    with open(os.path.join(os.fsencode(refs), name), "wb") as stream:
        stream.write(CITATION.encode())
    db = tmp_path / "e.db"
    summary = build(Config(refs, db))
    assert summary.documents == 1
    conn = sqlite3.connect(db)
    [(doc_id, path)] = conn.execute("select id, path from documents").fetchall()
    assert path == f"references/{shown}"
    assert doc_id.isprintable() and "/" not in doc_id
    assert conn.execute("select count(*) from citations").fetchone() == (1,)


def test_display_name():
    assert display_name("plain name.txt") == "plain name.txt"
    assert display_name(os.fsdecode(b"\xff\x00.txt")) == "\\xff\\x00.txt"


def test_ids_do_not_depend_on_other_files(refs, tmp_path):
    (refs / "a_b.txt").write_text(CITATION, encoding="utf-8")
    (refs / "x.txt").write_text(CITATION, encoding="utf-8")
    build(Config(refs, tmp_path / "before.db"))
    (refs / "a b.txt").write_text("Other O, et al. Blood (2019)\n", encoding="utf-8")
    (refs / "a-b.txt").write_text("Third T, et al. Blood (2018)\n", encoding="utf-8")
    build(Config(refs, tmp_path / "after.db"))
    queries = (
        "select id, path from documents",
        "select id, document_id, work_id from citations",
        "select id from works",
    )
    before, after = sqlite3.connect(tmp_path / "before.db"), sqlite3.connect(tmp_path / "after.db")
    for sql in queries:
        assert set(before.execute(sql)) <= set(after.execute(sql)), sql
    ids = {path: i for i, path in after.execute("select id, path from documents")}
    assert ids["references/a_b.txt"] == "a_b" and ids["references/a-b.txt"] == "a-b"
    assert ids["references/a b.txt"].startswith("a_b_") and len(set(ids.values())) == 4


def test_seed_ids_are_unchanged():
    from conftest import REFERENCES

    ids = {d.id for d in read_documents(REFERENCES).documents}
    assert ids == {
        "000_b9d0f3a1d59143d6",
        "001_4deb52642860177b",
        "002_6d638f0198c54df4",
        "003_96deee6d093d2c90",
    }

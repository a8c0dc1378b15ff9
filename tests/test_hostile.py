"""Hostile input and faults: nothing crashes, nothing is lost, a killed build leaves the old database."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlite_utils
from conftest import REFERENCES, content_hash
from hostile import make_hostile_corpus

from kb.config import Config
from kb.model import ProblemCode
from kb.pipeline import build

KB = str(Path(sys.executable).parent / "kb")


@pytest.fixture(scope="module")
def hostile(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, subprocess.CompletedProcess[str], dict]:
    root = tmp_path_factory.mktemp("hostile")
    refs = root / "references"
    about = make_hostile_corpus(refs)
    db = root / "db" / "evidence.db"
    result = subprocess.run(
        [KB, "build", "--references", str(refs), "--db", str(db), "--strict"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return refs, db, result, about


def test_strict_build_exits_2_without_traceback(hostile):
    _, db, result, _ = hostile
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    last = result.stderr.splitlines()[-1]  # after the build's progress lines (stderr is not a terminal)
    assert last.startswith("strict: ") and "problems of severity error" in last
    assert db.exists()


def test_every_entry_is_a_document_or_a_problem(hostile):
    _refs, db, _, about = hostile
    conn = sqlite_utils.Database(db)
    seen = {r["path"] for r in conn.query("select path from documents")}
    seen |= {r["path"] for r in conn.query("select path from problems")}
    assert {f"references/{name}" for name in about} <= seen


def test_every_line_of_every_document_is_accounted_for(hostile):
    refs, db, _, _ = hostile
    conn = sqlite3.connect(db)
    for doc_id, path, n_lines in conn.execute("select id, path, n_lines from documents"):
        covered: set[int] = set()
        for sql in (
            "select line_start, line_end from citations where document_id = ?",
            "select line, line_end from problems where document_id = ? and line > 0",
            "select line_start, line_end from passages where document_id = ?",
        ):
            for a, b in conn.execute(sql, (doc_id,)):
                covered.update(range(a, b + 1))
        lines = [n for n, text in enumerate(_lines(refs.parent / path), 1) if text.strip()]
        assert len(lines) <= n_lines
        assert [n for n in lines if n not in covered] == [], path


def _lines(path: Path) -> list[str]:
    from kb.ingest.documents import read_document

    document, _ = read_document(path, path.parent, path.stem)
    return document.lines if document else []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("empty.txt", "empty_file"),
        ("image.txt", "binary_file"),
        ("dangling.txt", "unreadable_file"),
        ("subdir", "skipped_entry"),
        ("page.txt", "html_content"),
        ("truncated_utf8.txt", "encoding"),
        ("bad.bib", "unparsed"),
        ("one_line_10mb.txt", "not_a_reference"),
        ("bomb.txt", "bad_sidecar"),
        ("bad_date.txt", "bad_sidecar"),
        ("feb30.txt", "bad_sidecar"),
        ("offset.txt", "bad_sidecar"),
        ("kind_list.txt", "bad_sidecar"),
        ("complex_key.txt", "bad_sidecar"),
        ("python_tag.txt", "bad_sidecar"),
        (".hidden.txt", "skipped_entry"),
        ("orphan.yml", "skipped_entry"),
        ("secret.txt", "skipped_entry"),
        ("etc", "skipped_entry"),
        ("fifo.txt", "skipped_entry"),
        ("deep", "skipped_entry"),
        ("deep.json", "unparsed"),
        ("numbers.json", "unparsed"),
        ("nul.txt", "replacement_character"),
    ],
)
def test_each_hostile_file_gets_its_clear_problem(hostile, name, code):
    _, db, _, _ = hostile
    rows = list(
        sqlite_utils.Database(db).query(
            "select message from problems where path = ? and code = ?", (f"references/{name}", code)
        )
    )
    assert rows, (name, code)
    assert all(r["message"] for r in rows)


def test_what_can_be_read_is_read(hostile):
    _, db, _, _ = hostile
    conn = sqlite_utils.Database(db)
    records = {
        r["record_id"] for r in conn.query("select record_id from citations where document_id = 'bad'")
    }
    assert {"dup", "dup#2", "after"} <= records
    assert next(iter(conn.query("select count(*) n from citations where document_id = 'no_er'")))["n"] == 1
    utf16 = list(conn.query("select encoding from documents where id = 'utf16_nobom'"))
    assert utf16 == [{"encoding": "utf-16"}]
    authors = list(
        conn.query(
            "select n from (select work_id, count(*) n from work_authors group by work_id) "
            "order by n desc limit 1"
        )
    )
    assert authors == [{"n": 500}]
    titles = {r["title"] for r in conn.query("select title from works")}
    assert "<script>alert('x')</script> in immune thrombocytopenia" in titles
    assert "\\input{/etc/passwd} 100% of_patients & {unbalanced" in titles


def test_a_file_deleted_during_the_build_is_a_problem(tmp_path, monkeypatch):
    refs = tmp_path / "references"
    shutil.copytree(REFERENCES, refs)
    ghost = refs / "ghost.txt"
    from kb.ingest import documents

    listed = documents.input_files

    def listing_then_deleting(references: Path) -> list[Path]:
        ghost.write_text("Stanworth SJ, et al. Br J Haematol (2015)\n", encoding="utf-8")
        entries = listed(references)
        ghost.unlink()
        return entries

    monkeypatch.setattr(documents, "input_files", listing_then_deleting)
    summary = build(Config(refs, tmp_path / "e.db"))
    assert summary.documents == 4
    assert summary.problems[ProblemCode.UNREADABLE_FILE.value] == 1


def test_killed_builds_leave_the_previous_database_intact(tmp_path):
    refs = tmp_path / "references"
    shutil.copytree(REFERENCES, refs)
    (refs / "many.txt").write_text(
        "".join(f"Author{chr(65 + i % 26)} et al., Blood {1950 + i % 70}\n\n" for i in range(3000)),
        encoding="utf-8",
    )
    db = tmp_path / "db" / "evidence.db"
    build(Config(refs, db))
    before = content_hash(db)
    rng = random.Random(20261124)
    for _ in range(6):
        proc = subprocess.Popen(
            [KB, "build", "--references", str(refs), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.05, 1.5))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        assert content_hash(db) == before
        assert sqlite3.connect(db).execute("pragma integrity_check").fetchone() == ("ok",)


def test_nothing_from_outside_references_is_stored(hostile):
    _, db, _, _ = hostile
    conn = sqlite3.connect(db)
    for table, column in (("passages", "text"), ("citations", "raw"), ("problems", "raw")):
        assert conn.execute(f"select count(*) from {table} where {column} like '%Secret%'").fetchone() == (0,)
    records = conn.execute("select record_id from citations where document_id = 'two_pmids'").fetchall()
    assert sorted(records) == [("1",), ("2",)]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["parse", "/proc/self/mem"], "Error: /proc/self/mem: cannot be read ("),
        (["parse", "/dev/zero"], "Error: line 1 is longer than 1,000,000 bytes"),
        (["parse", "/"], "Error: /: cannot be read (Is a directory)."),
        (
            ["build", "--references", "/dev/null", "--db", "{tmp}/e.db"],
            "Error: references directory /dev/null",
        ),
    ],
)
def test_bad_paths_are_one_error_line(tmp_path, args, error):
    path = next(a for a in args[1:] if a.startswith("/"))  # the hostile path, not an option's name
    if not Path(path).exists():
        pytest.skip(f"{path} does not exist on this system")
    command = [KB, *(a.format(tmp=tmp_path) for a in args)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith(error) and result.stderr.count("\n") == 1, result.stderr

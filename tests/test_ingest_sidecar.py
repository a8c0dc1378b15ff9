"""Sidecars and reviewer decisions written wrong: a located problem, the document still read, the build
goes on (generated hostile YAML, one small file each)."""

from __future__ import annotations

import pytest
from test_safeyaml import alias_bomb

from kb.decisions import load_decisions
from kb.ingest.documents import read_documents
from kb.model import ProblemCode

DOCUMENT = b"Stanworth SJ, et al. Br J Haematol (2015)\n"

BAD_SIDECARS = {
    "month 13": ("title: T\ndate: 2020-13-45\n", "date must be an ISO 8601 date", {"title": "T"}),
    "30 February": ("title: T\ndate: 2020-02-30\n", "date must be", {"title": "T"}),
    "offset +25:00": ("title: T\ndate: 2020-01-01 10:00:00+25:00\n", "date must be", {"title": "T"}),
    "kind as a list": ("title: T\nkind: [x]\n", "kind must be one of", {"title": "T"}),
    "unknown kind": ("title: T\nkind: poster\n", "kind must be one of", {"title": "T"}),
    "title as a mapping": ("title: {a: 1}\nlanguage: fr\n", "title must be text", {"language": "fr"}),
    "authors as mappings": ("title: T\nauthors: [{a: 1}]\n", "authors must be a list", {"title": "T"}),
    "work without type": ("title: T\nwork: {title: X}\n", "work must be a mapping", {"title": "T"}),
    "work with a list": ("title: T\nwork: {type: thesis, title: [X]}\n", "work must be", {"title": "T"}),
    "complex key": ("? [a]: b\n", "references/doc.yml:1: cannot be read as YAML", {}),
    "python tag": ("title: !!python/object/apply:os.system ['id']\n", "is not accepted", {}),
    "alias bomb": (alias_bomb(), "references/doc.yml:2: cannot be read as YAML (aliases", {}),
    "not a mapping": ("- a\n- b\n", "expected a mapping", {}),
    "too large": ("title: T\nnotes: " + "x" * 1_000_000 + "\n", "larger than 200,000 bytes", {}),
    "huge value": ("title: T\nkind: " + "x" * 100_000 + "\n", "kind must be one of", {"title": "T"}),
}


@pytest.mark.parametrize("name", BAD_SIDECARS)
def test_a_bad_sidecar_is_a_located_problem_and_the_document_is_read(tmp_path, name):
    text, words, kept = BAD_SIDECARS[name]
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "doc.txt").write_bytes(DOCUMENT)
    (refs / "doc.yml").write_text(text, encoding="utf-8")
    read = read_documents(refs)
    [document] = read.documents
    problems = [p for p in read.problems if p.code is ProblemCode.BAD_SIDECAR]
    assert len(problems) == 1 and words in problems[0].message, read.problems
    assert problems[0].path == "references/doc.txt" and len(problems[0].message) < 400
    assert document.lines == [DOCUMENT.decode().strip()]
    assert document.title == kept.get("title", "doc")
    assert document.language == kept.get("language", "")
    assert document.date == "" and document.work == {}


def test_a_valid_sidecar_keeps_every_field(tmp_path):
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "doc.txt").write_bytes(DOCUMENT)
    (refs / "doc.yml").write_text(
        "title: A title\nkind: slides\nlanguage: en\ndate: 2021-09-02\nauthors: [A. Doe, 42]\n"
        "event: ASH 2021\nwork: {type: speech, title: A talk}\n",
        encoding="utf-8",
    )
    read = read_documents(refs)
    [document] = read.documents
    assert [p.code for p in read.problems] == []
    assert (document.title, document.kind.value, document.language, document.date) == (
        "A title",
        "slides",
        "en",
        "2021-09-02",
    )
    assert document.authors == ["A. Doe", "42"] and document.event == "ASH 2021"
    assert document.work == {"type": "speech", "title": "A talk"}


BAD_DECISIONS = {
    "alias bomb": (alias_bomb(), 2, "aliases"),
    "complex key": ("decisions:\n  - ? [a]: b\n", 2, "plain value"),
    "python tag": ("decisions: !!python/object/apply:os.system ['id']\n", 1, "not accepted"),
    "bad date in a note": ("decisions:\n  - {a: c_1, b: c_2, decision: same, date: 2020-13-45}\n", 0, ""),
    "a list as an id": ("decisions:\n  - {a: [c_1], b: c_2, decision: same}\n", 2, "'a' must be a plain"),
    "unhashable verdict": ("decisions:\n  - {a: c_1, b: c_2, decision: [same]}\n", 2, "'decision' must"),
    "unknown verdict": ("decisions:\n\n  - {a: c_1, b: c_2, decision: " + "x" * 100_000 + "}\n", 3, "is not"),
    "not a list": ("decisions: {a: 1}\n", 1, "'decisions' list"),
}


@pytest.mark.parametrize("name", BAD_DECISIONS)
def test_a_bad_decisions_file_is_a_located_problem(tmp_path, name):
    text, line, words = BAD_DECISIONS[name]
    path = tmp_path / "extract" / "decisions.yml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    decisions, problems = load_decisions(path)
    if not words:  # a valid entry whose optional fields are not checked
        assert len(decisions) == 1 and problems == []
        return
    assert decisions == [] and len(problems) == 1
    assert problems[0].code is ProblemCode.BAD_DECISION and problems[0].line == line
    assert problems[0].message.startswith(f"extract/decisions.yml:{line}: ") and words in problems[0].message
    assert len(problems[0].message) < 400

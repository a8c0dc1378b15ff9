"""Hostile content in every reader: deep JSON, odd CSL-JSON shapes, MEDLINE records run together, very
long tokens, NUL bytes. Each is read or reported (file, line, code), never a traceback."""

from __future__ import annotations

import io
import json
import sqlite3
import time

import pytest

from kb.config import Config
from kb.dedupe.run import run_dedupe
from kb.ingest import cut_document, read_documents
from kb.ingest.csljson import read_csljson_string
from kb.ingest.pubmed import read_pubmed_string
from kb.model import ProblemCode
from kb.pipeline import build
from kb.safejson import MAX_JSON_DEPTH, JsonDepthError, decode, depth


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize("levels", [MAX_JSON_DEPTH + 1, 900, 100_000])
def test_deep_json_is_refused_whatever_the_depth(levels):
    with pytest.raises(JsonDepthError):
        decode(nested(levels))
    assert depth(json.loads(nested(MAX_JSON_DEPTH))) == MAX_JSON_DEPTH
    assert decode(nested(MAX_JSON_DEPTH)) is not None


@pytest.mark.parametrize(
    "text",
    [
        nested(100_000),
        '[{"title": "T", "author": ' + nested(100_000) + "}]",
        '[{"title": "T", "reference": ' + nested(500) + "}]",
        '{"title": "T", "author": [{"family": ' + nested(900) + "}]}",
    ],
)
def test_deep_csljson_is_one_unparsed_problem(text):
    read = read_csljson_string(text, "references/deep.json")
    assert read.records == []
    [problem] = read.problems
    assert problem.code is ProblemCode.UNPARSED and "nested more than" in problem.message


def test_deep_csljson_through_the_build_and_kb_dedupe(tmp_path):
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "deep.json").write_text('[{"title": "T", "author": ' + nested(100_000) + "}]", encoding="utf-8")
    summary = build(Config(refs, tmp_path / "e.db"))
    assert summary.problems[ProblemCode.UNPARSED.value] == 1
    out, err = io.StringIO(), io.StringIO()
    code = run_dedupe([str(refs / "deep.json")], "csv", None, False, out, err)
    assert code in (0, 1, 2) and "Traceback" not in err.getvalue()
    assert "nested more than" in err.getvalue()


ODD_SHAPES = [
    {"family": {"a": 1}, "given": "J"},
    {"family": ["Doe", {"x": 1}], "given": {"y": 2}},
    {"literal": {"name": "Doe"}},
    [["Doe", "J"]],
    {"family": None, "given": None},
    7,
]


def test_no_python_repr_is_stored_from_odd_csljson_shapes():
    items = [{"title": f"T{i}", "author": [shape]} for i, shape in enumerate(ODD_SHAPES)]
    items.append({"title": {"nested": "title"}, "author": "Doe, J", "issued": {"date-parts": "2020"}})
    read = read_csljson_string(json.dumps(items), "references/odd.json")
    assert len(read.records) == len(items)
    for record in read.records:
        ref = record.reference
        text = " ".join([ref.title, ref.journal, ref.year] + [n.display() for n in ref.authors])
        assert "{" not in text and "[" not in text and "None" not in text, text


@pytest.mark.parametrize(
    ("text", "n_problems"),
    [('[1, 2, "three", null, true]', 5), ('[["a"], ["b"]]', 2), ('[{"foo": 1}, {"title": "T"}]', 1)],
)
def test_json_items_that_are_not_csl_items_are_unparsed_problems(tmp_path, text, n_problems):
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "data.json").write_text(text, encoding="utf-8")
    [document] = read_documents(refs).documents
    assert document.format == "csljson"
    cut = cut_document(document)
    assert [p.code for p in cut.problems] == [ProblemCode.UNPARSED] * n_problems
    assert cut.passages == []


def test_a_second_pmid_in_one_block_starts_a_new_record():
    text = "PMID- 1\nTI  - First title.\nAU  - Doe J\nPMID- 2\nTI  - Second title.\nAU  - Roe R\n"
    read = read_pubmed_string(text, "references/run.nbib")
    assert [(r.id, r.reference.title, r.line) for r in read.records] == [
        ("1", "First title", 1),
        ("2", "Second title", 4),
    ]


LONG = "A" * 1_000_000


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("long.bib", "@article{k, title={" + LONG + "}, author={Doe, J}, year={2020}}\n"),
        ("long.ris", "TY  - JOUR\nTI  - " + LONG + "\nAU  - Doe, J\nER  - \n"),
        ("long.nbib", "PMID- 1\nTI  - " + LONG + "\nAU  - Doe J\n"),
        ("long.json", json.dumps([{"title": LONG, "author": [{"family": LONG}]}])),
        ("long_list.txt", "Doe J, " + LONG + ", Blood, 2020.\n"),
        ("nul.txt", "Doe J, A title\x00with a NUL, Blood, 2020.\n\n\x00\x00\x00\n"),
        ("nul.ris", "TY  - JOUR\nTI  - A\x00B\nER  - \n"),
    ],
)
def test_very_long_tokens_and_nul_bytes_in_every_reader(tmp_path, name, content):
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / name).write_text(content, encoding="utf-8")
    if name == "long_list.txt":
        (refs / "long_list.yml").write_text("kind: reference-list\n", encoding="utf-8")
    started = time.perf_counter()
    build(Config(refs, tmp_path / "e.db"))
    assert time.perf_counter() - started < 120  # a generous bound against a hang, not a speed test
    conn = sqlite3.connect(tmp_path / "e.db")
    assert conn.execute("select count(*) from documents").fetchone() == (1,)
    kept = conn.execute(
        "select (select count(*) from citations) + (select count(*) from passages) "
        "+ (select count(*) from problems where line > 0)"
    ).fetchone()[0]
    assert kept >= 1

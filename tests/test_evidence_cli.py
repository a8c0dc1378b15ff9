"""Tests for ``python -m kb.evidence`` (``kb tag --quiet``) / run_tag: one JSON object per input text, never an exception."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from kb.evidence.__main__ import main
from kb.evidence.results import extract_results
from kb.evidence.runner import run_tag, split_lines
from kb.evidence.tagger import tag_text

KEYS = {"interventions", "outcomes", "design", "flags", "level"}


def _run(lines: list[str]) -> list[dict[str, object]]:
    out = io.StringIO()
    assert run_tag(lines, out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_one_object_per_line() -> None:
    objs = _run(
        ["Rituximab versus placebo in ITP: a randomised trial", "", "\x00\x01\ufffd garbage", "x" * 100_000]
    )
    assert len(objs) == 4
    assert all(set(o) == KEYS for o in objs)
    assert objs[0]["design"] == "rct"
    assert objs[0]["interventions"] == [
        {"id": "rituximab", "role": "intervention"},
        {"id": "placebo", "role": "comparator"},
    ]
    assert objs[1] == {
        "interventions": [],
        "outcomes": [],
        "design": None,
        "flags": [],
        "level": {
            "cebm2011": None,
            "has2013_level": None,
            "has2013_grade": None,
            "question": "treatment_benefit",
        },
    }


def test_split_lines() -> None:
    assert split_lines(b"") == [""]
    assert split_lines(b"a\nb\n") == ["a", "b"]
    assert split_lines(b"\xff\xfe\x00a\r\n") == ["\ufffd\ufffda\r"]


def test_main_reads_a_file(tmp_path: Path, capsys: object) -> None:
    path = tmp_path / "titles.txt"
    path.write_bytes(b"Dapsone for ITP\n\xff\xfe binary\n")
    assert main([str(path), "--jsonl"]) == 0
    out = capsys.readouterr().out.splitlines()  # type: ignore[attr-defined]
    assert len(out) == 2
    assert json.loads(out[0])["interventions"] == [{"id": "dapsone", "role": "intervention"}]


def test_main_missing_file_is_one_error_line(tmp_path: Path, capsys: object) -> None:
    assert main([str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert err.startswith("Error: ") and err.count("\n") == 1


def test_module_entry_point_stdin() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "kb.evidence", "-", "--jsonl"],
        input=b"IVIg in ITP\n",
        capture_output=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert json.loads(proc.stdout)["interventions"] == [{"id": "ivig", "role": "intervention"}]


def test_module_entry_point_is_kb_tag(tmp_path: Path, capsys: object) -> None:
    """``python -m kb.evidence`` is ``kb tag --quiet``: same lines out, same error and exit code."""
    from kb.cli.app import main as kb_main

    path = tmp_path / "texts.txt"
    path.write_bytes(b"Rituximab vs placebo in chronic ITP: a randomised trial\n\nDapsone\n")
    for args in ([str(path), "--jsonl", "--itp"], [str(tmp_path / "nope.txt")], ["--vocab", str(tmp_path)]):
        code = main(list(args))
        module = capsys.readouterr()  # type: ignore[attr-defined]
        assert code == kb_main(["tag", "--quiet", *args])
        command = capsys.readouterr()  # type: ignore[attr-defined]
        assert (module.out, module.err) == (command.out, command.err)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_tags_deterministically(text: str) -> None:
    first = tag_text(text)
    assert first == tag_text(text)
    for hit in (*first.interventions, *first.outcomes):
        assert text[hit.start : hit.end] == hit.text
    assert len(_run([text.replace("\n", " ")])) == 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), max_size=12))
def test_any_lines_extract_without_exception(lines: list[str]) -> None:
    results = extract_results(lines, start_line=10)
    assert results == extract_results(lines, start_line=10)
    assert all(10 <= r.line < 10 + max(len(lines), 1) for r in results)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet="RTXCIPEMGF vs()%=0123456789.,-:;\n\u00e9", max_size=120))
def test_guard_alphabet_soup(text: str) -> None:
    assert tag_text(text) == tag_text(text)

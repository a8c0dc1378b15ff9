"""``kb results``: JSON lines for a text, CSV for a database, clean errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kb.cli import main


def test_results_of_a_file_as_json_lines(tmp_path: Path, capsys) -> None:
    text = tmp_path / "abstract.txt"
    text.write_text(
        "METHODS: Eighty patients were randomised.\nRESULTS: Response was 41% vs. 22% "
        "(odds ratio 2.46, 95% CI 1.10–5.52; P = 0.03).\n",
        encoding="utf-8",
    )
    assert main(["results", str(text), "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["measure"], d["value"], d["ci_low"], d["ci_high"], d["p"]) for d in lines] == [
        ("n", 80.0, None, None, None),
        ("response_rate", 41.0, None, None, "0.03"),
        ("response_rate", 22.0, None, None, "0.03"),
        ("or", 2.46, 1.1, 5.52, "0.03"),
    ]
    assert lines[3]["line"] == 2 and lines[3]["sentence"].startswith("Response was 41%")


def test_results_from_stdin(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"RESULTS: HR 0.5 (0.3-0.8)")))
    assert main(["results", "-"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["measure"] == "hr"


def test_results_of_a_database_as_csv(seed_db: Path, capsys) -> None:
    assert main(["results", "--db", str(seed_db)]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {
        "study",
        "outcome",
        "measure",
        "value",
        "ci_low",
        "ci_high",
        "n_arm",
        "n_randomised",
        "p",
        "source_file",
        "line",
    } <= set(table[0])
    assert any(r["measure"] == "hr" and r["value"] == "0.41" and r["line"] == "58" for r in table)


def test_missing_file_and_database_exit_1(tmp_path: Path, capsys) -> None:
    assert main(["results", str(tmp_path / "none.txt")]) == 1
    assert "cannot be read" in capsys.readouterr().err
    assert main(["results", "--db", str(tmp_path / "none.db")]) == 1
    assert "run `kb build` first" in capsys.readouterr().err

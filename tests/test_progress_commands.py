"""Progress of the long commands besides ``kb build`` (``kb.progress``): ``kb dedupe``, ``kb parse``,
``kb tag``, ``kb results`` and ``kb train`` report their stages on stderr as plain lines with counts and
elapsed time when stderr is not a terminal, nothing with ``--quiet``; stdout is the same byte for byte."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REFERENCES, SEED_000

from kb.cli import main
from kb.parse.train import crf_trainer
from kb.progress import Lines

FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"
ENDED = re.compile(r"^(?P<stage>[^:]+(?:: [^:]+)?): (?P<summary>.+) in \d+\.\d s$")


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert main(list(args)) == 0
    out, err = capsys.readouterr()
    return out, err


def _ended(err: str) -> dict[str, str]:
    """The summary of each stage that ended, by stage name."""
    return {m["stage"]: m["summary"] for line in err.splitlines() if (m := ENDED.match(line))}


def _both(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, str]:
    """Run a command with and without ``--quiet``: the same stdout, nothing on stderr when quiet; the
    stages reported otherwise."""
    loud, err = _run(capsys, *args)
    quiet, nothing = _run(capsys, *args, "--quiet")
    assert quiet == loud and loud
    assert nothing == ""
    return _ended(err)


def test_dedupe_reports_its_stages_with_counts(capsys):
    stages = _both(capsys, "dedupe", str(FIXTURES / "tiny.bib"), str(FIXTURES / "tiny.ris"))
    assert list(stages) == ["read", "prep", "block", "decide", "cluster", "link", "write"]
    assert stages["read"] == "5 records from 2 files"
    assert stages["prep"] == "5/5 records"
    assert stages["decide"] == "3 duplicate pairs, 0 for review"
    assert stages["write"] == "1 clusters, 2 duplicates removed"


def test_the_dedupe_module_entry_point_reports_too():
    done = subprocess.run(
        [sys.executable, "-m", "kb.dedupe", str(FIXTURES / "tiny.bib")], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert "read: 4 records from 1 files in " in done.stderr


def test_parse_counts_the_references(capsys, tmp_path):
    refs = tmp_path / "refs.txt"
    lines = [line for line in (REFERENCES / f"{SEED_000}.txt").read_text().splitlines() if line.strip()][:40]
    refs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert _both(capsys, "parse", str(refs), "--jsonl", "--jobs", "1") == {
        "parse": f"{len(lines)} references"
    }


def test_a_parse_input_that_cannot_be_read_is_one_error_line(capsys, tmp_path):
    assert main(["parse", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("Error: ") and err.count("\n") == 1


def test_tag_counts_the_texts(capsys, tmp_path):
    texts = tmp_path / "texts.txt"
    texts.write_text("Rituximab in adults with ITP\nA randomised trial of eltrombopag\n", encoding="utf-8")
    assert _both(capsys, "tag", str(texts)) == {"tag": "2/2 texts"}


def test_results_counts_the_results(capsys):
    seed = REFERENCES / f"{SEED_000}.txt"
    lines = seed.read_text(encoding="utf-8").count("\n") + 1
    summary = _both(capsys, "results", str(seed))["results"]
    assert re.fullmatch(rf"[1-9]\d* results from {lines} lines", summary)


def test_results_of_a_database_counts_its_rows(capsys, seed_db):
    stages = _both(capsys, "results", "--db", str(seed_db))
    assert re.fullmatch(r"[1-9]\d* rows", stages["results"])


def test_training_reports_each_iteration(tmp_path):
    """``kb train`` trains with :func:`crf_trainer`, which counts the optimiser's iterations."""
    trainer = crf_trainer({"max_iterations": 4})
    trainer.append([{"a": 1.0}, {"b": 1.0}], ["x", "y"])
    trainer.append([{"b": 1.0}, {"a": 1.0}], ["y", "x"])
    stream = io.StringIO()
    with Lines(stream, interval=0.0).stage("parser: training", total=4, unit="iterations") as step:
        trainer.train(str(tmp_path / "m.crfsuite"), step)
        step.done("m.crfsuite")
    out = stream.getvalue().splitlines()
    assert out[0] == "parser: training: started (4 iterations)"
    assert out[1].startswith("parser: training: 1/4 iterations (")
    assert step.count == 4
    assert ENDED.match(out[-1])["summary"] == "m.crfsuite"

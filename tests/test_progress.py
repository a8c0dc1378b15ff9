"""Progress of the build (``kb.progress``): a bar on a terminal, plain lines on stderr otherwise, nothing
with ``--quiet``; stdout (the summary) is the same in all three."""

from __future__ import annotations

import io
import sys

from conftest import REFERENCES

from kb.cli import main
from kb.config import Config
from kb.pipeline import build
from kb.progress import Bars, Lines, Progress, progress_for

STAGES = ("read", "parse", "group", "enrich", "rows", "evidence", "graph", "write")


class Terminal(io.StringIO):
    """A stderr that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def _build(tmp_path, capsys, *options: str) -> tuple[str, str]:
    code = main(["build", "--references", str(REFERENCES), "--db", str(tmp_path / "e.db"), *options])
    assert code == 0
    out, err = capsys.readouterr()
    return out, err


def test_plain_lines_on_stderr_name_every_stage_with_counts_and_time(tmp_path, capsys):
    out, err = _build(tmp_path, capsys)
    lines = err.splitlines()
    ended = [line for line in lines if " in " in line and line.endswith(" s")]
    assert [line.split(":")[0] for line in ended] == list(STAGES)
    assert "read: 4 documents in " in err
    assert "parse: 142 citations, 372 passages in " in err
    assert "group: 138 works from 142 citations in " in err
    assert "parse: started (4 documents)" in lines
    assert out.startswith(f"built {tmp_path / 'e.db'}\ndocuments: 4\ncitations: 142\n")


def test_quiet_prints_nothing_on_stderr_and_the_same_summary(tmp_path, capsys):
    loud, _ = _build(tmp_path, capsys)
    quiet, err = _build(tmp_path, capsys, "--quiet")
    assert err == ""
    assert quiet == loud


def test_a_terminal_gets_progress_bars(tmp_path, capsys, monkeypatch):
    loud, _ = _build(tmp_path, capsys, "--quiet")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main(["build", "--references", str(REFERENCES), "--db", str(tmp_path / "e.db")])
    assert code == 0
    bars = terminal.getvalue()
    assert "parse: 100%" in bars and "4/4" in bars  # tqdm's bar for the documents parsed
    assert "142 citations, 372 passages" in bars
    for stage in STAGES:
        assert f"{stage}:" in bars
    assert capsys.readouterr().out == loud


def test_the_reporter_follows_the_stream():
    assert type(progress_for(Terminal(), quiet=False)) is Bars
    assert type(progress_for(io.StringIO(), quiet=False)) is Lines
    assert type(progress_for(Terminal(), quiet=True)) is Progress


def test_plain_lines_report_a_long_stage_every_interval():
    now = [0.0]
    stream = io.StringIO()
    lines = Lines(stream, interval=10.0, clock=lambda: now[0])
    with lines.stage("parse", total=100, unit="documents") as step:
        for _ in range(100):
            now[0] += 0.5
            step.advance()
        step.done("all parsed")
    out = stream.getvalue().splitlines()
    assert out[0] == "parse: started (100 documents)"
    assert out[1] == "parse: 20/100 documents (10.0 s)"
    assert out[-1] == "parse: all parsed in 50.0 s"
    assert len(out) == 2 + 5  # start, a line every 10 s (at 10, 20, 30, 40, 50), end


def test_library_builds_are_silent_by_default(tmp_path, capsys):
    build(Config(REFERENCES, tmp_path / "e.db"))
    assert capsys.readouterr() == ("", "")

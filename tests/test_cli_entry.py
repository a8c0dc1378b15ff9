"""The ``kb`` entry point (kb/cli/__init__.py): the plain ``kb find FILE [--jsonl]`` runs without loading
click, and says exactly what the click command says (output, messages, exit codes); any other command line
goes through click."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kb.cli import plain_find

ROOT = Path(__file__).resolve().parents[1]
SEED_000 = ROOT / "references" / "000_b9d0f3a1d59143d6.txt"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["find", "a.txt"], ("a.txt", False)),
        (["find", "--jsonl", "a.txt"], ("a.txt", True)),
        (["find", "a.txt", "--jsonl"], ("a.txt", True)),
        (["find"], ("-", False)),
        (["find", "-", "--jsonl"], ("-", True)),
        (["find", "--jsonl"], ("-", True)),
        (["find", "--help"], None),
        (["find", "-h", "a.txt"], None),
        (["find", "a.txt", "b.txt"], None),
        (["find", "--jsonl", "--jsonl", "a.txt"], None),
        (["find", "--json", "a.txt"], None),
        (["find", "--", "-a.txt"], None),
        (["find", ""], None),
        (["parse", "a.txt"], None),
        (["--help"], None),
        ([], None),
    ],
)
def test_plain_find_reads_only_the_plain_form(args, expected):
    assert plain_find(args) == expected


def test_the_find_command_has_only_the_options_the_plain_form_reads():
    """A new option of ``kb find`` must be read by ``plain_find`` too (or its command lines sent to click)."""
    import click

    from kb.cli import cli

    command = cli.get_command(click.Context(cli), "find")
    params = [(p.name, p.param_type_name, getattr(p, "is_flag", False)) for p in command.params]
    assert params == [("file", "argument", False), ("jsonl", "option", True)]
    assert command.params[0].default == "-"
    assert [p.opts for p in command.params] == [["file"], ["--jsonl"]]


def _run(entry: str, args: list[str], stdin: bytes = b"") -> tuple[int, bytes, bytes]:
    """``args`` through ``kb.cli.main`` (the plain path) or ``kb.cli.app.main`` (click), in a new process."""
    code = f"import sys; from {entry} import main; sys.exit(main(sys.argv[1:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], input=stdin, capture_output=True, timeout=120, cwd=ROOT
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize(
    "case", ["list", "list-jsonl", "stdin", "stdin-nothing", "binary", "missing", "directory"]
)
def test_the_plain_find_says_what_the_click_command_says(case, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    args, stdin = {
        "list": (["find", str(SEED_000)], b""),
        "list-jsonl": (["find", "--jsonl", str(SEED_000)], b""),
        "stdin": (["find", "-", "--jsonl"], SEED_000.read_bytes()[:3000]),
        "stdin-nothing": (["find"], b"Nothing here but a sentence of running text.\n"),
        "binary": (["find", str(binary)], b""),
        "missing": (["find", str(tmp_path / "absent.txt"), "--jsonl"], b""),
        "directory": (["find", str(tmp_path)], b""),
    }[case]
    assert plain_find(args) is not None
    plain = _run("kb.cli", args, stdin)
    assert plain == _run("kb.cli.app", args, stdin)
    assert b"Traceback" not in plain[2]
    assert plain[0] == (0 if case.startswith(("list", "stdin")) else 1)


def test_the_plain_find_does_not_load_click():
    code = "import sys; from kb.cli import main; main(sys.argv[1:]); print(sorted(m for m in sys.modules if m == 'click'))"
    done = subprocess.run(
        [sys.executable, "-c", code, "find", "--jsonl", str(SEED_000)],
        capture_output=True,
        timeout=120,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_other_command_lines_go_through_click():
    done = subprocess.run(
        [sys.executable, "-m", "kb.cli", "find", "--help"], capture_output=True, timeout=120, text=True
    )
    assert done.returncode == 0
    assert "Usage: kb find [OPTIONS] [FILE]" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "kb.cli", "find", "--bogus", "x"], capture_output=True, timeout=120, text=True
    )
    assert done.returncode == 1
    assert "No such option '--bogus'" in done.stderr

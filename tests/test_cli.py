"""The ``kb`` command line: exact output, exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REFERENCES, ROOT

from kb.cli import main
from kb.serve import datasette_command


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_build_prints_summary_and_exits_0(tmp_path, capsys):
    db = tmp_path / "evidence.db"
    code, out, err = run(["build", "--references", str(REFERENCES), "--db", str(db)], capsys)
    assert code == 0
    stages = ("read", "parse", "group", "enrich", "rows", "evidence", "graph", "write")
    assert err and all(line.split(":")[0] in stages for line in err.splitlines())  # progress only
    assert out.splitlines() == [
        f"built {db}",
        "documents: 4",
        "citations: 142",
        "works: 137",
        "passages: 372",
        "problems: 141 (1 errors)",
        "  broken_author: 5",
        "  implausible_volume: 4",
        "  joined_words: 5",
        "  long_page_range: 19",
        "  lost_character: 2",
        "  low_confidence: 9",
        "  missing_authors: 1",
        "  missing_title: 2",
        "  missing_year: 2",
        "  name_case_repaired: 28",
        "  not_a_journal: 1",
        "  not_a_reference: 9",
        "  replacement_character: 3",
        "  truncated: 1",
        "  unresolved_short_citation: 50",
    ]
    assert db.exists()


def test_strict_exits_2_on_error_problems(tmp_path, capsys):
    code, _, err = run(
        ["build", "--references", str(REFERENCES), "--db", str(tmp_path / "e.db"), "--strict", "--quiet"],
        capsys,
    )
    assert code == 2
    assert err == "strict: 1 problems of severity error; see the problems table.\n"


def test_strict_exits_0_without_error_problems(tmp_path, capsys):
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "list.txt").write_text("Stanworth SJ, et al. Br J Haematol (2015)\n", encoding="utf-8")
    (refs / "list.yml").write_text("title: t\nkind: slides\nlanguage: en\n", encoding="utf-8")
    code, out, _ = run(
        ["build", "--references", str(refs), "--db", str(tmp_path / "e.db"), "--strict"], capsys
    )
    assert code == 0 and "citations: 1" in out


def test_missing_references_directory_exits_1_with_message(tmp_path, capsys):
    code, out, err = run(
        ["build", "--references", str(tmp_path / "nope"), "--db", str(tmp_path / "e.db")], capsys
    )
    assert code == 1 and out == ""
    assert err == (
        f"Error: references directory {tmp_path / 'nope'} does not exist or is not a directory; "
        "pass --references DIR with your documents in it.\n"
    )


def test_unwritable_database_exits_1(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(["build", "--references", str(REFERENCES), "--db", str(blocker / "e.db")], capsys)
    assert code == 1 and err.splitlines()[-1].startswith(f"Error: cannot write to {blocker}")


def test_usage_error_exits_1(capsys):
    code, _, err = run(["build", "--xyzzy"], capsys)
    assert code == 1
    assert err == "Error: No such option '--xyzzy'.\nTry 'kb build --help' for help.\n"


def test_unknown_command_exits_1(capsys):
    code, _, err = run(["nonsense"], capsys)
    assert (code, err) == (1, "Error: No such command 'nonsense'.\nTry 'kb --help' for help.\n")


def test_help_lists_commands(capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "build" in out and "serve" in out


def test_serve_runs_datasette_immutable_with_metadata():
    command = datasette_command(Path("db/evidence.db"), "127.0.0.1", 8001, Path("metadata.yml"))
    assert command[1:4] == ["-m", "datasette", "serve"]
    assert command[command.index("-i") + 1] == "db/evidence.db"
    assert command[command.index("--metadata") + 1] == "metadata.yml"
    assert command[command.index("--host") + 1] == "127.0.0.1"


def test_installed_console_script(tmp_path):
    kb = Path(sys.executable).parent / "kb"
    result = subprocess.run(
        [str(kb), "build", "--references", str(REFERENCES), "--db", str(tmp_path / "e.db")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_check_reports_problems_grouped_by_code(seed_db, capsys):
    code, out, _ = run(["check", "--db", str(seed_db), "--examples", "1"], capsys)
    lines = out.splitlines()
    assert code == 0
    assert lines[0].endswith("problems in 15 codes")
    assert lines[1:3] == [
        "truncated (error): 1",
        "  references/000_b9d0f3a1d59143d6.txt:44: the reference stops in the middle",
    ]
    assert "not_a_reference (warning): 9" in lines
    assert "  ... and 8 more" in lines


def test_check_one_code(seed_db, capsys):
    code, out, _ = run(["check", "--db", str(seed_db), "--code", "lost_character"], capsys)
    assert code == 0
    assert out.splitlines() == [
        "2 problems in 1 codes (code lost_character)",
        "lost_character (warning): 2",
        "  references/000_b9d0f3a1d59143d6.txt:46: '?' in 'GPIb?' probably stands for a lost (Greek) letter",
        "  references/000_b9d0f3a1d59143d6.txt:134: '?' in 'Fc?' probably stands for a lost (Greek) letter",
    ]


def test_check_without_database_exits_1(tmp_path, capsys):
    code, _, err = run(["check", "--db", str(tmp_path / "none.db")], capsys)
    assert (code, err) == (
        1,
        f"Error: database {tmp_path / 'none.db'} does not exist; run `kb build` first.\n",
    )


def test_cli_choices_match_the_stages():
    from kb import cli
    from kb.export import WRITERS
    from kb.graph_export import FORMATS
    from kb.parse.csl import FORMATS as PARSE_FORMATS

    assert set(cli.EXPORT_FORMATS) == set(WRITERS)
    assert set(cli.GRAPH_FORMATS) == set(FORMATS)
    assert set(cli.PARSE_FORMATS) == set(PARSE_FORMATS)


def test_parse_command_gives_one_item_per_line(capsys, tmp_path):
    refs = tmp_path / "refs.txt"
    refs.write_bytes(b"Stanworth SJ, et al. Br J Haematol (2015)\n\n\x00\x01 garbage\n")
    assert main(["parse", str(refs), "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert '"family": "Stanworth"' in lines[0] and '"not_a_reference"' in lines[1]

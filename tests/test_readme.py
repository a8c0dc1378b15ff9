"""The README's quick start stays true: .ci/run runs its test command, and it names the real commands."""

from __future__ import annotations

import re

import click
from conftest import ROOT

from kb.cli import cli


def quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", section)


def test_quick_start_has_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("kb serve")
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert quick_start_commands()[1] in ci.splitlines()


def test_readme_documents_every_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.list_commands(click.Context(cli)):
        assert f"`kb {name}" in readme, name


def test_metadata_is_valid_for_datasette_and_describes_every_table(seed_db):
    import sqlite_utils
    from datasette.utils import parse_metadata

    metadata = parse_metadata((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    described = metadata["databases"]["evidence"]["tables"]
    db = sqlite_utils.Database(seed_db)
    names = [
        t
        for t in db.table_names()
        if not t.endswith(("_fts", "_fts_data", "_fts_idx", "_fts_docsize", "_fts_config"))
        and t != "sqlite_stat1"
    ]
    for name in [*names, *db.view_names()]:
        assert described.get(name, {}).get("description"), f"{name} has no description in metadata.yml"
    for name in names:
        columns = described[name].get("columns", {})
        missing = [c for c in db[name].columns_dict if c not in columns]
        assert missing == [], f"{name}: columns without a description: {missing}"

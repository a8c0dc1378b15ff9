"""The shape of the code the developers' guide asks for, checked: the pipeline only orders stages, only
the CLI (``kb/cli/``) imports it and click, no module grows past 500 lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

KB = Path(__file__).resolve().parents[1] / "kb"
MODULES = sorted(p for p in KB.rglob("*.py") if "curated" not in p.parts)


def _importers(pattern: str) -> list[str]:
    """The modules of kb (paths relative to it) with an import line matching ``pattern``."""
    return [
        p.relative_to(KB).as_posix()
        for p in MODULES
        if re.search(rf"^\s*({pattern})", p.read_text(encoding="utf-8"), re.M)
    ]


def _in_the_cli(paths: list[str]) -> bool:
    return bool(paths) and all(path.startswith("cli/") for path in paths)


def test_only_the_cli_imports_the_pipeline():
    importers = _importers(r"from kb\.pipeline |import kb\.pipeline|from kb import pipeline")
    assert _in_the_cli(importers), importers
    assert "cli/build.py" in importers


def test_only_the_cli_imports_click():
    importers = _importers(r"import click\b|from click\b")
    assert _in_the_cli(importers), importers


def test_the_cli_commands_stay_thin():
    """One module per family of commands, each command one library call: no module of the CLI grows
    past 250 lines (the CLI was a single 490-line module that every issue added options to)."""
    long = {
        p.relative_to(KB).as_posix(): n
        for p in (KB / "cli").glob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 250
    }
    assert long == {}


def test_every_command_is_named_with_its_module():
    """The CLI imports a command's module only when the command runs: the map of commands to modules
    must name every command, in the module that defines it."""
    import importlib

    from kb.cli import COMMAND_MODULES, cli

    for path in (KB / "cli").glob("*.py"):
        if path.stem not in ("__init__", "__main__", "app"):
            importlib.import_module(f"kb.cli.{path.stem}")
    defined = {name: command.callback.__module__ for name, command in cli.commands.items()}
    assert defined == {name: f"kb.cli.{module}" for name, module in COMMAND_MODULES.items()}


def test_the_pipeline_only_orders_stages():
    assert len((KB / "pipeline.py").read_text(encoding="utf-8").splitlines()) < 250


def test_no_module_over_500_lines():
    """Nor in the tests and benchmarks: a generator of test data is split by idea as the code is."""
    root = KB.parent
    modules = [*MODULES, *(root / "tests").rglob("*.py"), *(root / "benchmarks").rglob("*.py")]
    long = {
        p.relative_to(root).as_posix(): n
        for p in modules
        if "node_modules" not in p.parts and (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def test_kb_error_comes_from_the_model():
    wrong = [
        f"{p.relative_to(KB).as_posix()}: from {node.module}"
        for p in MODULES
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module != "kb.model"
        and any(alias.name == "KbError" for alias in node.names)
    ]
    assert wrong == []


def test_a_reference_returns_to_the_pipeline_at_most_three_times():
    """The stages the pipeline calls between the configuration and the store (read, group, tables); the
    types, the configuration, the store and the process's workers are no stage."""
    tree = ast.parse((KB / "pipeline.py").read_text(encoding="utf-8"))
    stages = {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module not in ("__future__", "kb.model", "kb.config", "kb.store", "kb.workers")
        for alias in node.names
        if not alias.name.isupper()
    }
    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert len(stages & called) <= 3, sorted(stages & called)

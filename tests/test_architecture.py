"""The shape of the code the developers' guide asks for, checked: the pipeline only orders stages, only
the CLI imports it, no module grows past 500 lines."""

from __future__ import annotations

import ast
import re
from pathlib import Path

KB = Path(__file__).resolve().parents[1] / "kb"
MODULES = sorted(p for p in KB.rglob("*.py") if "curated" not in p.parts)


def test_only_the_cli_imports_the_pipeline():
    importers = [
        p.relative_to(KB).as_posix()
        for p in MODULES
        if p.name != "pipeline.py"
        and re.search(
            r"^\s*(from kb\.pipeline |import kb\.pipeline|from kb import pipeline)",
            p.read_text(encoding="utf-8"),
            re.M,
        )
    ]
    assert importers == ["cli.py"]


def test_the_pipeline_only_orders_stages():
    assert len((KB / "pipeline.py").read_text(encoding="utf-8").splitlines()) < 250


def test_no_module_over_500_lines():
    long = {
        p.relative_to(KB).as_posix(): n
        for p in MODULES
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 500
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

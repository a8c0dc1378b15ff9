"""Reviewer decisions: ``extract/decisions.yml``, applied on every build.

Each decision names two records by their stable ids (citation ids ``c_...``; for ``link``, ``b`` may be a
work id ``w_...``) and says what a reviewer decided about them:

- ``same``: the two citations are one work (merged even if the engine said maybe or distinct);
- ``different``: they are different works (never merged directly);
- ``link``: short citation ``a`` cites the work of ``b`` (a citation or a work).

A decision that names an id the build does not know is reported as a problem with its file and line,
never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import yaml

from kb.model import Problem, ProblemCode


class Verdict(StrEnum):
    """What a reviewer decided about a pair."""

    SAME = "same"
    DIFFERENT = "different"
    LINK = "link"


@dataclass(frozen=True)
class ReviewerDecision:
    """One decision of ``extract/decisions.yml`` with the line it is written on."""

    a: str
    b: str
    verdict: Verdict
    note: str
    line: int


def load_decisions(path: Path) -> tuple[list[ReviewerDecision], list[Problem]]:
    """Read the decisions file; a missing file is no decisions, a broken entry a problem."""
    shown = f"{path.parent.name}/{path.name}"
    if not path.exists():
        return [], []
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return [], [
            _problem(shown, 1, f"cannot be read as YAML ({' '.join(str(exc).split())}); fix the file.")
        ]
    if root is None:
        return [], []
    data = yaml.safe_load(text)
    items = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], [_problem(shown, 1, "expected a mapping with a 'decisions' list.")]
    nodes = (
        next((v.value for k, v in root.value if k.value == "decisions"), [])
        if root.tag.endswith("map")
        else []
    )
    decisions, problems = [], []
    for item, node in zip(items, nodes, strict=False):
        line = node.start_mark.line + 1
        if not isinstance(item, dict) or not {"a", "b", "decision"} <= set(item):
            problems.append(
                _problem(shown, line, "a decision needs 'a', 'b' and 'decision' (same, different, link).")
            )
            continue
        try:
            verdict = Verdict(str(item["decision"]))
        except ValueError:
            problems.append(
                _problem(shown, line, f"decision {item['decision']!r} is not same, different or link.")
            )
            continue
        decisions.append(
            ReviewerDecision(str(item["a"]), str(item["b"]), verdict, str(item.get("note") or ""), line)
        )
    return decisions, problems


def _problem(shown: str, line: int, message: str) -> Problem:
    return Problem(ProblemCode.BAD_DECISION, f"{shown}:{line}: {message}", shown, line, line)


def unknown_id_problem(path: Path, decision: ReviewerDecision, missing: str) -> Problem:
    """A decision naming an id the build does not know (the citation changed or was removed)."""
    return _problem(
        f"{path.parent.name}/{path.name}",
        decision.line,
        f"{missing} is not a record of this build (was its text changed?); the decision was not "
        "applied. Update or remove it.",
    )


def decision_yaml(a: str, b: str, verdict: str) -> str:
    """The line a reviewer adds to the decisions file to record ``verdict`` for ``a`` and ``b``."""
    return f"- {{a: {a}, b: {b}, decision: {verdict}}}"

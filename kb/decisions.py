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

from kb.model import Problem, ProblemCode
from kb.safeyaml import YamlError, clip, load_yaml, sequence_lines, shorten

MAX_DECISIONS_BYTES = 10_000_000
"""About 150,000 decisions: far more than a review needs, far less than memory."""


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
    """Read the decisions file; a missing file is no decisions, a broken file or entry a problem.

    The file is read by the bounded loader (``kb.safeyaml``): aliases, unknown tags, complex keys and
    files over ``MAX_DECISIONS_BYTES`` are refused with the line, and the build goes on without them."""
    shown = f"{path.parent.name}/{path.name}"
    if not path.exists():
        return [], []
    try:
        document = load_yaml(path, MAX_DECISIONS_BYTES)
    except OSError as exc:
        return [], [_problem(shown, 1, f"cannot be read ({exc.strerror or exc}); fix its permissions.")]
    except YamlError as exc:
        return [], [_problem(shown, exc.line or 1, f"not valid YAML ({exc.message}); fix the file.")]
    data = document.data
    if data is None:
        return [], []
    items = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        return [], [_problem(shown, 1, "expected a mapping with a 'decisions' list.")]
    decisions, problems = [], []
    for item, line in zip(items, sequence_lines(document.node, "decisions"), strict=True):
        decision, message = _decision(item, line)
        if decision is None:
            problems.append(_problem(shown, line, message))
        else:
            decisions.append(decision)
    return decisions, problems


def _decision(item: object, line: int) -> tuple[ReviewerDecision | None, str]:
    """One entry of the list, checked: ``a``, ``b`` (ids) and ``decision`` must be plain values."""
    if not isinstance(item, dict) or not {"a", "b", "decision"} <= set(item):
        return None, "a decision needs 'a', 'b' and 'decision' (same, different, link)."
    for key in ("a", "b", "decision", "note"):
        value = item.get(key)
        if isinstance(value, list | dict):
            return None, f"'{key}' must be a plain value, not {shorten(value)}."
    try:
        verdict = Verdict(str(item["decision"]))
    except ValueError:
        return None, f"decision {shorten(item['decision'])} is not same, different or link."
    return ReviewerDecision(str(item["a"]), str(item["b"]), verdict, str(item.get("note") or ""), line), ""


def _problem(shown: str, line: int, message: str) -> Problem:
    return Problem(ProblemCode.BAD_DECISION, f"{shown}:{line}: {message}", shown, line, line)


def unknown_id_problem(path: Path, decision: ReviewerDecision, missing: str) -> Problem:
    """A decision naming an id the build does not know (the citation changed or was removed)."""
    return _problem(
        f"{path.parent.name}/{path.name}",
        decision.line,
        f"{clip(missing)} is not a record of this build (was its text changed?); the decision was not "
        "applied. Update or remove it.",
    )


def decision_yaml(a: str, b: str, verdict: str) -> str:
    """The line a reviewer adds to the decisions file to record ``verdict`` for ``a`` and ``b``."""
    return f"- {{a: {a}, b: {b}, decision: {verdict}}}"

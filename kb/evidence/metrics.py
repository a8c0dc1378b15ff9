"""Score the tagger against a hand-written gold set: micro P/R/F1 per concept type, design accuracy.

A gold record is a mapping with ``id``, ``text`` and the expected links::

    id: t000-l166                       # unique
    text: "Rituximab as second-line treatment ... placebo-controlled trial"
    assume_itp: true                    # optional: the text comes from an ITP source
    interventions: {rituximab: intervention, placebo: comparator}   # role or list of roles
    outcomes: [overall_response]        # concept ids
    primary: [overall_response]         # optional: outcomes flagged primary
    design: rct                         # or null when no design is stated or clearly implied

A record without ``interventions`` / ``outcomes`` / ``design`` is not scored on that type.

Units are ``(record, concept, role)`` pairs as in the specification's section 4 (not character spans).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kb.evidence.tagger import TagResult, tag_text
from kb.evidence.vocab import Vocabulary, load_vocabulary


@dataclass
class Scores:
    """Micro-averaged counts and figures for one concept type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, record_id: str, gold: set[Any], predicted: set[Any]) -> None:
        """Count one record's gold and predicted sets."""
        self.tp += len(gold & predicted)
        for item in sorted(map(str, predicted - gold)):
            self.fp += 1
            self.errors.append(f"{record_id}: false positive {item}")
        for item in sorted(map(str, gold - predicted)):
            self.fn += 1
            self.errors.append(f"{record_id}: missed {item}")

    def line(self, name: str) -> str:
        """One printable line: name, P, R, F1 and counts."""
        return (
            f"{name:<26} P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


@dataclass
class Accuracy:
    """Exact-match accuracy of a single label (the primary design)."""

    correct: int = 0
    total: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """correct / total (1.0 on an empty set)."""
        return self.correct / self.total if self.total else 1.0

    def line(self, name: str) -> str:
        """One printable line."""
        return f"{name:<26} accuracy={self.accuracy:.3f} ({self.correct}/{self.total})"


def _gold_interventions(record: Mapping[str, Any]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for cid, roles in (record.get("interventions") or {}).items():
        for role in [roles] if isinstance(roles, str) else roles:
            pairs.add((str(cid), str(role)))
    return pairs


def score(record: Mapping[str, Any], result: TagResult, scores: dict[str, Any]) -> None:
    """Add one record's comparison to ``scores`` (as made by :func:`evaluate`)."""
    rid = str(record["id"])
    if "interventions" in record:
        gold_iv = _gold_interventions(record)
        pred_iv = set(result.intervention_links())
        scores["interventions"].add(rid, gold_iv, pred_iv)
        scores["interventions_any_role"].add(rid, {c for c, _ in gold_iv}, {c for c, _ in pred_iv})
    pred_out = dict(result.outcome_links())
    if "outcomes" in record:
        scores["outcomes"].add(rid, set(record["outcomes"] or []), set(pred_out))
    if "primary" in record:
        predicted = {c for c, p in pred_out.items() if p}
        scores["primary_outcomes"].add(rid, set(record["primary"] or []), predicted)
    if "design" in record:
        acc: Accuracy = scores["design"]
        acc.total += 1
        if record["design"] == result.design.primary:
            acc.correct += 1
        else:
            acc.errors.append(f"{rid}: design {result.design.primary} != gold {record['design']}")


def evaluate(records: Iterable[Mapping[str, Any]], vocab: Vocabulary | None = None) -> dict[str, Any]:
    """Tag every gold record and return Scores per concept type plus design Accuracy."""
    vocab = vocab or load_vocabulary()
    scores: dict[str, Any] = {
        "interventions": Scores(),
        "interventions_any_role": Scores(),
        "outcomes": Scores(),
        "primary_outcomes": Scores(),
        "design": Accuracy(),
    }
    for record in records:
        result = tag_text(str(record.get("text", "")), vocab, assume_itp=bool(record.get("assume_itp")))
        score(record, result, scores)
    return scores


def load_gold(path: str | Path, repo_root: str | Path | None = None) -> list[dict[str, Any]]:
    """Read a gold YAML file (``records:``); whole-document records (``text_from`` + ``source_lines``) read
    their text from ``repo_root`` (default: the parent of the gold file's ``tests/`` directory) and are left
    out when that file is missing."""
    path = Path(path)
    root = Path(repo_root) if repo_root is not None else path.resolve().parents[2]
    records: list[dict[str, Any]] = []
    for record in yaml.safe_load(path.read_text(encoding="utf-8"))["records"]:
        if "text_from" in record:
            source = root / record["text_from"]
            if not source.exists():
                continue
            first, last = record["source_lines"]
            lines = source.read_text(encoding="utf-8").split("\n")[first - 1 : last]
            record = {**record, "text": "\n".join(lines)}
        records.append(record)
    return records


def report(scores: Mapping[str, Any]) -> str:
    """The printable summary of :func:`evaluate`."""
    return "\n".join(value.line(name) for name, value in scores.items())

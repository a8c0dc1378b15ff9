"""The result type and the measure names of results extraction."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

MEASURE_N = "n"
MEASURE_HR = "hr"
MEASURE_OR = "or"
MEASURE_RR = "rr"
MEASURE_RD = "rd"
MEASURE_MD = "md"
MEASURE_PROPORTION = "proportion"
MEASURE_RESPONSE_RATE = "response_rate"
MEASURE_MEDIAN = "median"
MEASURE_MEAN = "mean"
MEASURE_P_ONLY = "p_only"
MEASURES = (
    MEASURE_N,
    MEASURE_HR,
    MEASURE_OR,
    MEASURE_RR,
    MEASURE_RD,
    MEASURE_MD,
    MEASURE_PROPORTION,
    MEASURE_RESPONSE_RATE,
    MEASURE_MEDIAN,
    MEASURE_MEAN,
    MEASURE_P_ONLY,
)
"""Every measure a result can have (the scorer's list)."""
EFFECT_MEASURES = (MEASURE_HR, MEASURE_OR, MEASURE_RR, MEASURE_RD, MEASURE_MD)
"""The measures that compare two arms (effect estimates)."""
FAMILY = {MEASURE_RESPONSE_RATE: MEASURE_PROPORTION}
"""Measures compared as one family (a response rate is a proportion)."""
KIND_SURVIVAL = "survival"
KIND_ADVERSE_EVENT = "adverse_event"
"""Finer kinds of a proportion, from the outcome it is about (``Result.kind``)."""


@dataclass(frozen=True)
class Result:
    """One extracted number with what it measures, where it is and the sentence it came from.

    ``start``/``end`` are character offsets of the number in the text given to the extractor; ``line`` is
    filled by callers that know the file's lines. ``outcome`` and ``arm`` are vocabulary ids (or None);
    ``outcome_text``, ``arm_text`` and ``comparator_arm`` are the words of the text.
    """

    measure: str
    value: float | None
    unit: str | None = None
    outcome: str | None = None
    arm: str | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p: float | None = None
    p_op: str | None = None
    timepoint: str | None = None
    count: int | None = None
    raw: str = ""
    line: int = 0
    denominator: int | None = None
    p_text: str | None = None
    kind: str | None = None
    outcome_text: str | None = None
    arm_text: str | None = None
    comparator_arm: str | None = None
    section: str | None = None
    start: int = 0
    end: int = 0
    sentence_start: int = 0
    sentence_end: int = 0

    def with_section(self, section: str, timepoint: str | None, start: int, end: int) -> Result:
        """A copy with its section role, sentence offsets and (when it has none) the sentence's time point."""
        return self.evolve(
            section=section, timepoint=self.timepoint or timepoint, sentence_start=start, sentence_end=end
        )

    def evolve(self, **changes: Any) -> Result:
        """A copy with ``changes``: :func:`dataclasses.replace` without its per-call field checks.

        A result is copied four times on its way out (section, words, vocabulary, line); ``replace`` checks
        every field name and re-runs ``__init__`` each time, a tenth of the time of ``kb results``. The class
        has no ``__post_init__``, so the copy is the same object ``replace`` would build. An unknown name is
        still refused.
        """
        if not _FIELDS.issuperset(changes):
            raise TypeError(f"Result has no field {sorted(changes.keys() - _FIELDS)}")
        new = object.__new__(Result)
        state = new.__dict__
        state.update(self.__dict__)
        state.update(changes)
        return new

    def to_json(self) -> dict[str, Any]:
        """The scorer's contract (measure, value, ci_low, ci_high, p) plus everything else we know."""
        return {
            "measure": self.measure,
            "value": self.value,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "p": self.p_text,
            "unit": self.unit,
            "kind": self.kind,
            "arm": self.arm_text,
            "arm_id": self.arm,
            "comparator_arm": self.comparator_arm,
            "outcome": self.outcome_text,
            "outcome_id": self.outcome,
            "timepoint": self.timepoint,
            "count": self.count,
            "denominator": self.denominator,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "line": self.line or None,
            "sentence": self.raw,
        }


_FIELDS = frozenset(f.name for f in fields(Result))

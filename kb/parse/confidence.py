"""How sure the parser is of each field: the CRF's marginal probabilities, summed up per field.

For every token the CRF gives the marginal probability of the label it chose (forward-backward over
the whole sequence, so a token's probability already reflects its neighbours). A field's confidence
is the lowest of these over the tokens of the field: one doubtful token is where a field boundary
may be wrong (a title cut at a year, a journal swallowed into the title). A field below
:data:`LOW_CONFIDENCE` is reported as ``low_confidence`` so that a reviewer sees where to look.
"""

from __future__ import annotations

from collections.abc import Sequence

from kb.model import Problem, ProblemCode, Reference

LOW_CONFIDENCE = 0.8
"""A field whose least sure token is below this marginal probability is flagged ``low_confidence``.
Chosen on the development set (``benchmarks/parse_confidence.py``): below it a field is wrong several
times more often than above it, and few right fields are flagged."""

FIELD_OF_LABEL = {
    "author": "authors", "title": "title", "journal": "journal", "date": "year", "volume": "volume",
    "issue": "issue", "pages": "pages",
}  # fmt: skip
"""CRF label -> the ``Reference`` field it fills (identifiers are read by patterns, not scored)."""


def field_confidence(
    tagged: Sequence[tuple[str, str, int, int]],
    probs: Sequence[float],
    spans: dict[str, tuple[int, int]],
    ref: Reference,
) -> dict[str, float]:
    """The confidence of each non-empty field of ``ref``, from the token marginals ``probs``.

    ``spans`` are the character spans the fields were read from (``crf._field_spans``): a field's
    confidence is the lowest marginal of the tokens of its label inside its span. A field filled by
    a fallback pattern (no token carries its label) gets none.
    """
    lowest: dict[str, float] = {}
    get = spans.get
    for (_tok, lab, start, _end), p in zip(tagged, probs, strict=True):
        span = get(lab)
        if span is not None and span[0] <= start < span[1] and p < lowest.get(lab, 2.0):
            lowest[lab] = p
    return {
        FIELD_OF_LABEL[label]: round(p, 3)
        for label, p in lowest.items()
        if label in FIELD_OF_LABEL and getattr(ref, FIELD_OF_LABEL[label])
    }


def low_confidence_problems(confidence: dict[str, float]) -> list[Problem]:
    """One ``low_confidence`` problem per field below :data:`LOW_CONFIDENCE`, not yet located."""
    return [
        Problem(
            ProblemCode.LOW_CONFIDENCE,
            f"the parser is unsure of the {name} (confidence {value:.2f}): check it against the raw text",
            field=name,
        )
        for name, value in confidence.items()
        if value < LOW_CONFIDENCE
    ]

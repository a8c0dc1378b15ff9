"""Parse: turn one citation string into a ``Reference``.

``parse_reference`` (and ``parse_many`` for batches) is the one entry point the pipeline and ``kb parse``
call. Behind it is the statistical parser, a linear-chain CRF (``kb.parse.crf``, trained by ``kb train``
from the labelled data in ``data/refparse/``). One decision is shared with the rule grammar of
``kb.parse.rules``: whether a string is a reference at all. When the CRF calls a string
``not_a_reference`` but it holds no running text (no verbs, no percentages: a title-only entry of a
reference list), the rule grammar's reading is kept, so a truncated entry stays a citation with its
problems instead of disappearing into the problems table.
"""

from __future__ import annotations

from collections.abc import Iterable

from kb.model import ProblemCode, Reference
from kb.parse.crf import default_parser


def _codes(ref: Reference) -> set[ProblemCode]:
    return {p.code for p in ref.problems}


def _arbitrate(text: str, ref: Reference) -> Reference:
    if ProblemCode.NOT_A_REFERENCE not in _codes(ref):
        return ref
    from kb.parse import rules  # imported when first needed: its grammar takes a while to compile

    if rules.is_prose(" ".join(text.split())):
        return ref
    fallback = rules.parse_with_rules(text)
    if _codes(fallback) & {ProblemCode.NOT_A_REFERENCE, ProblemCode.UNPARSED}:
        return ref
    return fallback


def parse_many(texts: Iterable[str]) -> list[Reference]:
    """Parse each string; exactly one ``Reference`` per input, in order; never raises."""
    texts = list(texts)
    return [_arbitrate(t, r) for t, r in zip(texts, default_parser().parse_many(texts), strict=True)]


def parse_reference(text: str) -> Reference:
    """Parse one reference or citation string; never raises, flags what it cannot read."""
    return parse_many([text])[0]


__all__ = ["parse_many", "parse_reference"]

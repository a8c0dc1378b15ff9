"""Estimates without a name of their own: the rules SIBLING, CARRIED and CONTRAST of :mod:`.measure`'s
precedence, for a value that no NAME reaches.

``SIBLING``
    the next value of a list of estimates, in the same layout and unit kind as a named one (:func:`sibling`).
``CARRIED``
    a bare estimate with its CI in brackets after the arms' values or after a named estimate of the same
    sentence: the measure the text named last (:func:`carried`).
``CONTRAST``
    a value with its CI whose clause compares the arms or names an effect, with no estimate's name: "improved
    more in the app group (−1.6, 95% CI ...)", "A was superior to B (−2.0, 95% CI ...)", "the effect on
    MVPA was larger (11.8 min/day, 95% CI ...)", "the effect of A alone was 2.1 (95% CI ...)": a difference
    between the arms (or subgroups), not one arm's mean (:func:`contrasts`). Two arms' values compared
    ("lower in the yoga group (3.1, 95% CI ...) than in the control group (4.2, ...)") stay means.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.evidence.results import armpatterns as A
from kb.evidence.results import effectpatterns as E
from kb.evidence.results import patterns as P
from kb.evidence.results.measure import ci_after, keywords
from kb.evidence.results.model import EFFECT_MEASURES, MEASURE_MEAN, MEASURE_MEDIAN
from kb.evidence.results.numbers import MINUS_SIGNS, parse_number
from kb.evidence.results.unitcue import pct_quantity, unit_kind

if TYPE_CHECKING:
    from kb.evidence.results.spans import Sentence, Tok

NAMELESS_EFFECT_RE = re.compile(
    rf"\s*[,;]\s*(?P<lo>{P.NUM})\s*(?:to|[{MINUS_SIGNS}])\s*(?P<hi>{P.NUM})\s*(?:\)|[;,]\s*[Pp]\s*[=<>≤≥])"
)
"""An estimate and its CI in brackets without a name, after the arms' values: "2·9% and 3·4% of infants (0·86,
0·70–1·05)" (the measure is the one the text named last)."""
BRACKET_PAIR_RE = re.compile(
    rf"\s*\[\s*(?P<lo>{P.NUM})\s*(?:[;,]|to|[{MINUS_SIGNS}])\s*(?P<hi>{P.NUM})\s*\]\s*(?:\)|[;,]\s*[Pp]\s*[=<>≤≥])"
)
"""A bare estimate's CI in square brackets inside its round ones: "(−0.7 [−2.0; 0.6], p = 0.29)"."""
COORD_TAIL_RE = re.compile(
    r"(?i)^\s*(?:(?:for|with|in|on|among)\s+(?:the\s+)?[^,;()\[\]]{1,30}?\s*)?"
    r"(?:,\s*(?:and\s+|whereas\s+|while\s+)?|\band\s+|\bversus\s+|\bvs\.?\s+|\bthan\s+|;\s*)(?:by\s+)?"
    r"(?:(?:for|with|in|on|among)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s*)?[(\[]?\s*$"
)
"""After a named estimate's CI (after its last closing bracket): the coordinator to the next estimate of a
list, with the arms they are for ("... for arm A and ", "] and ", ") and with exercise (", ") than in boys
(")."""


def siblings(sent: Sentence) -> None:
    """SIBLING for every value left free (see :func:`sibling`)."""
    for t in sent.free():
        measure = sibling(sent, t)
        if measure is not None:
            t.role, t.measure = "value", measure


def sibling(sent: Sentence, t: Tok) -> str | None:
    """SIBLING: the next value of a list of estimates takes the named one's measure when it has its own CI
    and the same unit kind ("6.9% (95% CI 2.1 to 11.7) for arm A and 5.7% (95% CI 0.8 to 10.6) for arm B")."""
    prev = sent.before(t.start, 140)
    if prev is None or prev.role != "value" or prev.measure not in EFFECT_MEASURES or prev.ci is None:
        return None
    if t.start - prev.end > 140:
        return None
    gap = sent.text[prev.end : t.start]
    tail = gap[max(gap.rfind(")"), gap.rfind("]")) + 1 :]
    if not COORD_TAIL_RE.match(tail) or E.EFFECT_RE.search(gap):
        return None
    if any(
        u.role not in ("ci", "level", "p", "p_exp", "dose", "label") for u in sent.within(prev.end, t.start)
    ):
        return None
    if unit_kind(sent, t) != unit_kind(sent, prev):
        return None
    if t.ci is None and not ci_after(sent, t, P.BRACKET_CI_RE):
        return None
    return prev.measure


def carried(sent: Sentence) -> None:
    """CARRIED: an estimate with its CI in brackets and no name after the arms' values ("2·9% and 3·4% of
    infants (0·86, 0·70–1·05)") or after an estimate of the same sentence ("whereas education did not (−0.2,
    −0.8 to 0.4; P=0.49)", "(−0.7 [−2.0; 0.6], p = 0.29)"): the measure the text named last before it."""
    text = sent.text
    for t in sent.free():
        if t.pct or not text[max(sent.s.start, t.start - 2) : t.start].strip().endswith("("):
            continue
        m = NAMELESS_EFFECT_RE.match(text, t.end, sent.s.end) or BRACKET_PAIR_RE.match(
            text, t.end, sent.s.end
        )
        if m is None or not any(
            (u.role == "" and u.pct) or (u.role == "value" and u.measure in EFFECT_MEASURES)
            for u in sent.toks
            if u.end <= t.start
        ):
            continue
        lo, hi = parse_number(m.group("lo")), parse_number(m.group("hi"))
        names = [k for k in keywords(sent) if k[1] <= t.start and k[2] not in (MEASURE_MEDIAN, MEASURE_MEAN)]
        if not names:
            names = [
                (0, 0, E.EFFECTS[int((k.lastgroup or "e0")[1:])][0], False, "")
                for k in E.EFFECT_RE.finditer(text, 0, t.start)
            ]
        if lo is None or hi is None or not lo <= t.value <= hi or not names:
            continue
        t.role, t.measure, t.ci = "value", names[-1][2], (lo, hi)
        sent.mark(m.start("lo"), m.end("hi"), "ci")


CONTRAST_WORD_RE = re.compile(
    r"(?i)\b(?:more|less|further|greater|larger|smaller|superior|inferior|better|worse"
    r"|(?<!adverse )(?<!side )(?<!side-)effects?(?!\s+sizes?\b)|benefits?)\b"
)
"""Words of a clause that compares the arms or names an effect: the value in brackets after it is a
difference ("improved more in the app group (", "was superior to unguided (", "Effects were maintained (")."""
CONTRAST_END_RE = re.compile(
    r"(?i)\b(?:whereas|while|but)\b[^,;()\d]{0,60}?\b(?:did|does|was|were)\s+not\s*$"
)
"""A clause that denies the effect named before it: "whereas probiotics did not (": the same estimate."""
EFFECT_NAMED_RE = re.compile(
    r"(?i)(?<!adverse )(?<!side )(?<!side-)\b(?:effects?|benefits?)\b(?!\s+sizes?\b)[^.;()\d]{0,60}?"
    r"\b(?:was|were|of|:|=)\s*$"
)
"""An effect as the name of a value: "the effect of BMI alone was 2.1 (95% CI ...)"."""
ARMS_AFTER_RE = re.compile(
    rf"(?i)[^()]*\)\s*(?:{A.COMPARATOR_WORDS})\s+(?:in\s+|with\s+|among\s+|on\s+)?"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:groups?|arms?|placebo|controls?|sham|usual care|standard care)\b"
)
"""The other arm named after the value's bracket: "(3.1, 95% CI ...) than in the control group": the values
are the two arms', not their difference."""


def contrasts(sent: Sentence) -> None:
    """CONTRAST for every value with its CI left free (see the module's docstring)."""
    text = sent.text
    for t in sent.free():
        if t.ci is None or t.ci[0] is None or t.ci[1] is None or (t.pct and not pct_quantity(sent, t)):
            continue  # a percentage of people with a comparative may be an arm's share or its difference
        head_start = _clause_start(sent, t)
        head = text[head_start : t.start]
        bracket = head.rstrip().endswith(("(", "["))
        if not bracket:
            if EFFECT_NAMED_RE.search(head):
                t.role, t.measure = "value", "md"
            continue
        if ARMS_AFTER_RE.match(text, t.end, sent.s.end):
            continue
        if CONTRAST_END_RE.search(head[:-1].rstrip()):
            names = [
                k for k in keywords(sent) if k[1] <= t.start and k[2] not in (MEASURE_MEDIAN, MEASURE_MEAN)
            ]
            if names:
                t.role, t.measure = (
                    "value",
                    names[-1][2],
                )  # "whereas probiotics did not (−0.14; 95% CI"
                continue
        if CONTRAST_WORD_RE.search(head):
            t.role, t.measure = "value", "md"


def _clause_start(sent: Sentence, t: Tok) -> int:
    """Where the clause of ``t`` starts: after the last value, bracket or clause mark before it."""
    start = sent.s.start
    prev = sent.before(t.start, 10_000)
    if prev is not None:
        start = prev.end
    text = sent.text
    for mark in (";", ")", "]", ". "):
        i = text.rfind(mark, start, t.start - 1)
        if i >= 0:
            start = max(start, i + 1)
    return start

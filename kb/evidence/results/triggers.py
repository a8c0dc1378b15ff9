"""Triggers: a cheap test that a sentence can hold a match of a span pattern at all.

Most span patterns scan every sentence, and most sentences hold no match: a "15-fold" needs "fold" or
"times", an allocation ratio a colon, a dose a digit before a unit's first letter. :data:`TRIGGERS` maps a
pattern to a test that is true of every text the pattern matches in (a necessary condition, never a
sufficient one), so :meth:`kb.evidence.results.spans.Sentence.finditer` skips the pattern's scan where the
test fails and the results are the same. ``tests/test_evidence_results_triggers.py`` checks each test
against every sentence of the development, gold and generated abstracts and hostile strings: a pattern
changed so that it can match without its trigger fails there.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kb.evidence.results import countpatterns as C
from kb.evidence.results import notvalues as V
from kb.evidence.results import patterns as P
from kb.evidence.results import sizepatterns as Z

Trigger = Callable[[str, int, int], bool]
"""``(text, start, end) -> bool``: false only when the pattern cannot match inside ``text[start:end]``."""


def _words(*words: str) -> Trigger:
    """True when one of ``words`` (case as written) is in the span."""

    def found(text: str, start: int, end: int) -> bool:
        for word in words:  # noqa: SIM110 (a loop: any() of a generator costs more on every sentence)
            if text.find(word, start, end) >= 0:
                return True
        return False

    return found


def _regex(pattern: str) -> Trigger:
    """True when ``pattern`` (a short regex, much cheaper to scan than the pattern it guards) is found."""
    rx = re.compile(pattern)
    return lambda text, start, end: rx.search(text, start, end) is not None


PATTERN_TRIGGERS: dict[re.Pattern[str], Trigger] = {
    P.FOLD_RE: _words("fold", "times"),
    # a number ends with a digit; a dose's unit starts with one of these letters
    P.DOSE_RE: _regex(r"\d\s*[mgµμuIULTGck]"),
    P.POWER_RE: _regex(r"(?i)power|sample size|puissance|permett|nécessaire"),
    V.NNT_RE: _regex(r"(?i)nn[th]|number needed|cohen|hedges"),
    P.BAYES_PROBABILITY_RE: _regex(r"(?i)probabilit"),
    P.ALLOCATION_RE: _words(":"),
    P.RATIO_RE: _words("/"),
    P.PCT_RANGE_RE: _words("%"),
    C.COUNT_PCT_RE: _words("%"),
    Z.N_EQ_RE: _words("=", ":"),
    Z.OF_DEN_RE: _regex(r"of\s"),
    # "26 were in", "90 in each", "80 per arm", "45 to the", "61 completed", "40 enrolled", "12 ont été"
    Z.ARM_N_RE: _regex(r"\d\s+[wiptdcerao]"),
    Z.ARM_RECEIVED_RE: _regex(r"\d\s+(?:received|underwent|were given|were treated with)\s"),
}
"""Pattern -> its trigger (a necessary condition of a match in the span)."""
TRIGGERS: dict[int, Trigger] = {id(rx): trigger for rx, trigger in PATTERN_TRIGGERS.items()}
"""The same keyed by the pattern's ``id``: hashing a compiled pattern hashes its whole code (microseconds for
the long ones), looking up its id does not. The patterns are module constants, alive as long as this map."""

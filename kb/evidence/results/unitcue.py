"""The UNIT cue of :mod:`.measure`: the unit of a value that a measure's name leaves open.

A "difference" in percentage points is a risk difference, in a unit of measurement a mean difference; the "%"
of a quantity measured in % (HbA1c, sleep efficiency) is a unit of measurement, not a share of people. Bare
"points" after shares of people in % (and no score) are percentage points.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kb.evidence.results import patterns as P

if TYPE_CHECKING:
    from kb.evidence.results.spans import Sentence, Tok

POINTS_RE = re.compile(r"\s*(?:percentage points?|percent points?|points? de pourcentage|points? de %|pp\b)")
"""A difference in percentage points: a risk difference."""
CI_BRACKET_AFTER_RE = re.compile(
    r"\s*[(\[][^()\[\]]{0,60}?\b(?:CI|IC|confidence interval)\b[^()\[\]]{0,40}[)\]]"
)
"""A value's CI in brackets, with its words, right after it: "[95% CI, −16.9 to −0.1]" (what follows it may be
the value's unit)."""
BARE_POINTS_RE = re.compile(r"\s*(?:points?|pts?)\b(?!\s+(?:on|of|in)\s)")
SCORE_RE = re.compile(r"(?i)\b(?:scores?|scales?|[ée]chelles?|questionnaires?|index|indices|grades?)\b")
DIFFERENCE_WORD_RE = re.compile(r"(?i)\bdiff[ée]ren")
"""A bare "points" after a value, the words that make it the points of a score, a difference's name."""
PCT_QUANTITY_RE = re.compile(
    r"(?i)\b(?:HbA1c|A1c|glycated ha?emoglobin|sleep efficiency|ejection fraction|LVEF|body fat|fat mass"
    r"|ha?ematocrit|oxygen saturation|SpO2|SaO2|omega-3 index|percent predicted|% predicted)\b"
)
"""A quantity measured in %: its "%" is a unit of measurement, its changes are means and their difference an
md (the share of patients who reach "HbA1c < 7%" is still a proportion)."""
SHARE_RE = re.compile(
    rf"(?i)\b(?:proportion|percentage|share|{P.POPULATION}|reach\w*|achiev\w*|attain\w*|target)\b"
)
SHARE_AFTER_RE = re.compile(r"\s*%?\s*(?:of|des?)\s")
"""A share written after its value ("7.2% of patients", "12 % des patients"): of people, not a quantity."""


def unit_kind(sent: Sentence, t: Tok) -> str | None:
    """The UNIT cue: "points" (percentage points, written after the value or after its CI in brackets),
    "pct", "measure" (a unit of measurement, or "%" of a quantity measured in %), or None."""
    text = sent.text
    if points_end(sent, t) is not None:
        return "points"
    if t.pct:
        return "measure" if pct_quantity(sent, t) else "pct"
    if P.UNIT_WORD_RE.match(text, t.end, min(len(text), t.end + 16)):
        return "measure"
    return None


def points_end(sent: Sentence, t: Tok) -> int | None:
    """Where "percentage points" ends when it is the value's unit, written right after it or after its CI in
    brackets ("−0.2 percentage points", "−8.5 [95% CI, −16.9 to −0.1] percentage points")."""
    m = POINTS_RE.match(sent.text, t.end, sent.s.end)
    if m is None:
        b = CI_BRACKET_AFTER_RE.match(sent.text, t.end, sent.s.end)
        m = POINTS_RE.match(sent.text, b.end(), sent.s.end) if b is not None else None
    if m is None and share_points(sent, t):
        m = BARE_POINTS_RE.match(sent.text, t.end, sent.s.end)
    return None if m is None else m.end()


def share_points(sent: Sentence, t: Tok) -> bool:
    """Bare "points" after ``t`` with shares of people in % before it in its sentence and no score: percentage
    points of a difference named right before ("41.7% ... versus 33.2% (adjusted difference: 8.1 points; CI
    ...)"); a value no difference names keeps "points" as a scale's ("45% improved; pain fell by 1.2
    points")."""
    if BARE_POINTS_RE.match(sent.text, t.end, sent.s.end) is None:
        return False
    if DIFFERENCE_WORD_RE.search(sent.text, max(sent.s.start, t.start - 40), t.start) is None:
        return False
    if SCORE_RE.search(sent.text, sent.s.start, t.start):
        return False
    return any(
        u.pct and u.role in ("", "value") and u.end <= t.start and not pct_quantity(sent, u)
        for u in sent.toks
    )


def in_points(sent: Sentence, t: Tok) -> str:
    """A value in percentage points that no name reaches: a difference of changes of a quantity when it is
    "by X percentage points more with A" (md), else a risk difference ("attendance increased by 6.2
    percentage points (95% CI 3.1 to 9.3)")."""
    end = points_end(sent, t) or t.end
    more = P.MORE_WITH_RE.match(sent.text, end, sent.s.end)
    changed = P.CHANGE_BY_RE.search(sent.text, max(sent.s.start, t.start - 60), t.start)
    return "md" if (more is not None and changed is not None) else "rd"


def pct_quantity(sent: Sentence, t: Tok) -> bool:
    """The value is in % because its quantity is ("HbA1c decreased by 1.62%"), not a share of people."""
    if "pct_quantity" not in sent.memo:
        sent.memo["pct_quantity"] = PCT_QUANTITY_RE.search(sent.text, sent.s.start, sent.s.end) is not None
    if not sent.memo["pct_quantity"]:
        return False
    head = max(sent.s.start, t.start - 160)
    if PCT_QUANTITY_RE.search(sent.text, head, t.start) is None:
        return False
    return not SHARE_RE.search(sent.text, head, t.start) and not SHARE_AFTER_RE.match(
        sent.text[t.end : t.end + 8]
    )

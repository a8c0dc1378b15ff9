"""Numbers of a sentence that are no value of a result: a drug's concentration naming an arm, a heterogeneity
or maturity in %, the maximum of a scale. :func:`kb.evidence.results.spans.design_spans` marks them.
"""

from __future__ import annotations

import re

from kb.evidence.results import patterns as P
from kb.evidence.results.numbers import NUM_LEAD

CONCENTRATION_RE = P.lead(
    NUM_LEAD,
    rf"(?P<list>{P.NUM}\s*%(?:\s*,\s*{P.NUM}\s*%)*(?:\s*,?\s*(?:and|or)\s+(?:{P.NUM}\s*%|[\w-]+))?)"
    r"\s+(?:(?!(?:in|of|for|with|among|per|the|each|both|all|two|three)\b)[\w-]+\s+)?(?:groups?|arms?)\b",
)
CONCENTRATION_FOR_RE = P.lead(
    r"\)", rf"\)\s*for\s+(?:the\s+)?(?P<for>{P.NUM}\s*%)(?=\s*(?:,|;|\.|\band\b|$))"
)
"""Percentages that name arms, a drug's concentration ("in the 0.05%, 0.025%, 0.01% and placebo groups",
"0.71 D (95% CI 0.52 to 0.90) for 0.05%"): doses, not results."""
HETEROGENEITY_RE = P.lead(
    "[I(]",
    rf"\bI\s*(?:²|2|\^2)\s*[=:]\s*(?P<num>{P.NUM})\s*%"
    rf"|\(\s*(?P<num2>{P.NUM})\s*%\s*(?:maturity|information fraction"
    r"|of (?:the )?(?:planned|expected|required) events)\s*\)",
)
"""A meta-analysis' heterogeneity "I² = 57%", the maturity of immature data "(21% maturity)": no result."""
NOT_DRUG = (
    r"(?:of|in|for|reductions?|increases?|decreases?|improvements?|declines?|changes?|differences?|rates?|risks?"
    r"|responses?|remissions?|relative|absolute|higher|lower|more|less|greater|fewer|point)\b"
)
DRUG_CONCENTRATION_RE = P.lead(
    NUM_LEAD,
    r"(?:(?<=\bof )|(?<=\bthe )|(?<=with )|(?<=given )|(?<=receiving ))"
    rf"(?P<num>{P.NUM})\s*%\s+(?!{P.POPULATION}\b|{NOT_DRUG})[a-z][a-z-]{{3,}}"
    r"\s+(?:was|were|is|are|eye ?drops?|solution|gel|cream|ointment|spray|mouthwash|group|arm)\b",
)
"""A drug named by its concentration before its name ("the effect of 0.05% atropine was similar", "with 2%
lidocaine gel"): a dose."""
SCALE_MAX_RE = re.compile(
    rf"(?P<points>\s*points?)?\s*\bout of\s+(?P<num>\d+)\b(?![.,]\d)(?!\s*(?:[\w-]+\s+)?{P.POPULATION})"
)
"""The maximum of a scale after a score or its difference ("MD 0.9 out of 10", "4.5 points out of 68"): no
value (a count "7 out of 10 patients" is left to the sizes)."""
NNT_RE = P.lead(
    "[NnCcHh]",
    r"(?i:\bNN[TH]\b|number needed to (?:treat|harm)|\bCohen['\u2019]?s? d\b|\bHedges['\u2019]? g\b)"
    rf"[^\d.;]{{0,60}}?(?P<num>{P.NUM})",
)
"""A number needed to treat or harm, a Cohen's d or Hedges' g: not one of the measures a result can have ("The
number needed to treat to prevent one primary outcome event was 19"; the gold writers label a standardised
effect size other)."""

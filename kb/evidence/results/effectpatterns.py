"""The words that name an estimate before its value: the effect estimates (hazard ratio, "RR", "différence",
"main effect"), "median" and "mean", a change in per cent.

Like :mod:`.patterns`, every pattern runs in linear time. :mod:`.measure` reads a value's measure from them.
"""

from __future__ import annotations

import re

from kb.evidence.results.numbers import lead
from kb.evidence.results.patterns import NUM

MD_AFTER_RE = re.compile(
    r"\s*(?P<unit>[a-zA-Zµμ°]{1,10}(?:\s?Hg)?(?:/[a-zA-Z0-9²]+)*\s+)?(?:higher|lower|greater|less|more|fewer"
    r"|shorter|longer|smaller|larger|earlier|later|faster|slower|heavier|lighter)"
    r"(?:\s+(?:in|among|with|for|than|on)\s|(?P<ci>\s*[(\[]))"
)
"""A difference written as a comparison: "7.1 mm Hg lower with the salt substitute", "27.4 minutes earlier
with A than with B", or right before its CI "19.8 minutes longer (95% CI ...)" (a mean difference)."""
EFFECTS: tuple[tuple[str, str, bool], ...] = (
    (
        "hr",
        r"(?:adjusted |sub-?distribution |cause-specific )?hazard ratios?|hazard ration|rapport des risques"
        r"(?: instantanés)?",
        False,
    ),
    ("hr", r"a?HRs?|AHR|aHR|sHR|csHR", True),
    ("or", r"(?:adjusted )?odds ratios?|rapports? de cotes|cote", False),
    ("or", r"a?ORs?|AOR|aOR|OR|RC", True),
    (
        "rr",
        r"(?:adjusted )?(?:relative risk(?: ratio)?|risk ratios?|rate ratios?|incidence rate ratios?"
        r"|relative rates?"
        r"(?: of \w+)?|prevalence ratios?|risques? relatifs?|rapports? d[eu]s? taux(?: d'incidence)?)",
        False,
    ),
    ("rr", r"a?RRs?|IRR|aIRR", True),
    (
        "rd",
        r"(?:absolute )?risk differences?|absolute risk (?:reduction|increase|difference)"
        r"|différence de risque",
        False,
    ),
    ("rd", r"ARR|ARD|RD", True),
    (
        "md",
        r"(?:adjusted |weighted |standardi[sz]ed |estimated |treatment |between[- ]groups? |group "
        r"|absolute )?"
        r"(?:mean )?differences?|différences?(?: (?:intra|inter)-?[a-zé]+)?(?: moyenne)?|differed by",
        False,
    ),
    ("md", r"MD|WMD|SMD|AMD", True),
    # a regression coefficient of the arm: "B 0.21 litres, 95% CI 0.09;0.33" (a bare "B" only with its CI,
    # so "arm B 45%" and "hepatitis B" stay what they are)
    ("md", rf"B(?=\s*[=:]?\s*{NUM}[^;()\d]{{0,20}}?\b(?:90|95|99)\s*%\s*C)", True),
    ("md", r"(?<!correlation )(?:regression |beta |\u03b2 )?coefficients?(?! of variation)", False),
    # a factorial trial's "main effect of A" is the difference between the arms with and without A
    ("md", r"main effects?", False),
)
"""(measure, pattern, case-sensitive abbreviation?) for the effect estimates a value can follow."""
EFFECT_RE = lead(
    "[hHrRoOcCaAsSiIpPdDwWeEtTbBgGmM]",
    # one look at the character before first: inside a word every alternative would be tried for nothing
    r"(?<![A-Za-zÀ-ÿ])(?=[A-Za-zé])(?:"
    + "|".join(
        rf"(?P<e{i}>{'(?:' + pattern + ')(?![A-Za-z])' if abbrev else '(?i:' + pattern + ')'})"
        for i, (_, pattern, abbrev) in enumerate(EFFECTS)
    )
    + ")",
)
"""Any effect-estimate word or abbreviation; the group name ``e<i>`` gives the index into ``EFFECTS``."""
KEYWORD_GAP_RE = re.compile(r"\s*[:=]?\s*")
"""Between "median" or "mean" and its value when nothing else stands there ("median 4", "mean: 3")."""
PERCENT_CHANGE_RE = re.compile(
    r"(?i)\b(?:percent(?:age)?|per cent|relative)\s+(?:change|reduction|decrease|increase|difference)"
    r"|%\s*change"
)
"""A change relative to the start, in per cent ("percentage change in LDL-C was −28.4%"): a proportion, as the
development set labels "+2.5%" (a negative percentage without these words is a change of a value in %)."""
MEDIAN_RE = lead("[mM]", r"(?i)\bm[eé]dian[e]?s?\b")
MEAN_RE = lead("[mMaAoO]", r"(?i)\b(?:mean|means|average|averaged|moyenne|moyen)\b|\bon average\b")

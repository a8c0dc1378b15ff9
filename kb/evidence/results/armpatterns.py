"""The patterns of the arms a value belongs to: the arm named before or after a value, two arms' values
in a pair ("0.42 with tiotropium and 0.55 with placebo", "742 ml versus 1,108 ml"), a rate of events, the
comparator of an estimate.

Like :mod:`.patterns`, every pattern runs in linear time.
"""

from __future__ import annotations

import re

from kb.evidence.results.countpatterns import POPULATION
from kb.evidence.results.patterns import LIST_JOIN, NUM

AFTER_ARM_RE = re.compile(
    r"^\s*%?\s*\)?\s*(?:\(\s*)?(?:for|in|with|on|of|among|under|dans|chez|avec|pour|sous)\s+(?:the\s+|those\s+"
    r"(?:in|on|receiving|taking)\s+(?:the\s+)?"
    r"|patients\s+(?:in|on|receiving|taking|treated with)\s+(?:the\s+)?"
    r"|le\s+|la\s+|les\s+|du\s+|des\s+)?(?P<arm>[A-Za-z][\w+/-]*(?:\s+[A-Za-z][\w+/-]*){0,3}?)"
    r"(?:\s+(?:groups?|arms?|groupes?|bras|treatment|therapy))?(?=\s*(?:[,;.)]|$|\s+(?:and|vs\.?|versus|"
    r"compared|than|\(|were|was|had|at|after|p\b|et|contre)))"
)
"""The arm named right after a value: "52.0% for axitinib", "7.4% of placebo-treated patients"."""
BEFORE_ARM_RE = re.compile(
    r"(?:in|for|with|among|dans|chez)\s+(?:the\s+|le\s+|la\s+)?(?P<arm>[A-Za-z][\w+/-]*(?:\s+[A-Za-z][\w+/-]*){0,2}?)"
    r"(?:\s+(?:groups?|arms?|groupes?))?\s*\(\s*$"
)
"""The arm named right before a bracketed value: "in the IS (66%)"."""
ARM_AFTER_RE = re.compile(
    r"\s*(?:[a-zA-Zµμ°]{1,8}(?:/[a-zA-Z0-9²]+)*\s+)?(?:in|for|among|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:group|arm)s?\b|\s*(?:[a-zA-Zµμ°]{1,8}(?:/[a-zA-Z0-9²]+)*\s+)?(?:in|for)\s+group\s+\w"
)
"""A measurement tied to an arm right after it: "12.4 min in group P", "5.2 kg in the diet arm"."""
ARM_BEFORE_IT_RE = re.compile(
    r"(?i)\b(?:in|for|among|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:group|arm)s?(?:\s+[A-Z]\w*)?"
    r"[^.;\d]{0,25}?\b(?:was|were)\s*$"
)
"""An arm named before "it was X": "in group S it was 18.9 min"."""
CURRENCY = r"(?:US\$|\$|€|£|¥|(?:USD|EUR|GBP|INR|Rs\.?)\s?)?"
"""A currency written before an amount ("US$35·1")."""
PAIR_AFTER_RE = re.compile(
    rf"\s*(?:[a-zA-Z/]+\s*)?(?:vs\.?|versus|compared with|compared to|v\.?|contre)\s*{CURRENCY}{NUM}"
)
SPREAD_PAIR_AFTER_RE = re.compile(
    rf"\s*\(\s*(?P<sd>{NUM})\s*\)\s*(?:vs\.?|versus|v\.?|contre)\s*(?P<num>{NUM})\s*\(\s*{NUM}\s*\)"
)
"""Two arms' values each with its SD in brackets, no word for it: "6.8 (4.1) vs 8.0 (4.6)" (both means)."""
ARM_PAIR_RE = re.compile(
    rf"\s*(?P<unit>(?!{POPULATION}\b)(?:mm\s?Hg|[a-zA-Zµμ°]{{1,8}}\d?(?:/[a-zA-Z0-9²]+)*"
    r"|per\s+(?:\d+(?:[.\u00b7]\d+)?\s*)?[a-zA-Z][\w²-]{0,15})"
    r"(?:\s+per\s+(?:\d+(?:[.\u00b7]\d+)?\s*)?[a-zA-Z][\w²-]{0,15})*(?<!\bwith)(?<!\bin)(?<!\bfor)(?<!\bon))?"
    r"\s+(?:with|in|for|on|sous|chez|avec)\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?"
    r"(?:\s+(?:group|arm)s?)?"
    r",?\s+(?:and|vs\.?|versus|v\.?|compared (?:with|to)|as (?:opposed to|against|compared with)|against"
    rf"|whereas|while|but|et(?:\s+de)?|contre)\s+(?P<num>{NUM})"
)
"""A value, its arm and the next arm's value: "0.42 with tiotropium and 0.55 with placebo", "−1.67 ml per
minute per 1.73 m2 per year with drug T and −3.59 with placebo" (a rate's unit of several words)."""
COUNTED_SUBJECT_RE = re.compile(
    r"(?i)\b(?:events?|episodes?|cases|infections|falls|admissions|relapses|exacerbations)\b[^.;()\d]{0,60}?"
    r"\b(?:were|was|numbered|totall?ed)\s*$"
)
"""Things counted as the subject right before a pair ("malaria episodes detected by surveillance were 18
versus 31"): the numbers count events, they are no measurements."""
COUNTED_RE = re.compile(r"(?i)(?:events?|episodes?|deaths?|cases?|infections?|falls?)$")
"""A unit that counts things ("2 events in A and 3 in B"): no measurement unless it is a rate (per ...)."""
RATE_WORD_RE = re.compile(
    r"(?i)\b(?<!heart )(?<!pulse )(?<!respiratory )(?<!breathing )(?<!filtration )(?<!flow )(?<!infusion )"
    r"(?<!sedimentation )(?<!metabolic )(?:rates?|incidence|proportion|percentage|frequency|risk|taux"
    r"|fréquence|risque)\b(?!\s+(?:cardiaque|respiratoire|de filtration))"
)
"""A word that makes paired values rates of events ("the fall rate was 0.95 vs 1.12"); a physiological
rate measured in each person ("heart rate", "glomerular filtration rate", "fréquence cardiaque") is a
quantity whose values are means."""
RATE_AFTER_RE = re.compile(
    r"\s*%?\s*(?:[a-zé-]+\s+)?(?:per|par)\s+(?:\d|[\wé]+-(?:years?|ann[ée]es?|ans?|months?|mois|days?|jours?|weeks?"
    r"|semaines?)\b)"
)
"""A rate's unit after a value: "22·5 deaths per 1000 person-years", "1,52 chute par résident-année"."""
VALUE_LIST_GAP_RE = re.compile(LIST_JOIN)
"""Between two values of one list ("−8.1, −11.6, −14.3 and −2.5 points")."""
PAIR_BEFORE_RE = re.compile(
    rf"(?:\bvs\.?|\bversus|\bcompared with|\bcompared to|\bv\.?|\bcontre)\s*{CURRENCY}$"
)
AND_PAIR_AFTER_RE = re.compile(
    rf"\s*(?:[a-zA-Zµμ/]{{1,8}}\s+)?and\s+(?P<num>{NUM})\s*(?:[a-zA-Zµμ/]{{1,8}}\s*)?"
    r"(?:\(\s*p\s*[=<>≤]|[;,]\s*p\s*[=<>≤]|,?\s*respectively\b|(?:[a-z-]+\s+)?per\s+(?:\d[\d,]*\s*)?[a-z])"
)
AND_PAIR_BEFORE_RE = re.compile(rf"\b(?:were|was)\s+(?P<num>{NUM})\s*(?:[a-zA-Zµμ/]{{1,8}}\s+)?and\s+$")
"""Two arms' values joined by "and" after "were", compared by the p value or "respectively" right after
("Observer scores were 41.3 and 47.9 (p = 0.002)"), or two rates "were 0.35 and 0.39 events per
patient-year"; without these ("at 3 and 6 months") no pair."""
PRESSURE_UNIT_RE = re.compile(r"\s*(?:mm\s?Hg|mmHg|cm\s?H2O)\b")
"""The unit of a pressure written "systolic/diastolic" ("18·4/9·7 mm Hg")."""
THAN_ARM_RE = re.compile(
    r"\s*%?\s*(?:\([^()]{0,30}\)\s*)?(?:of|in|for|with|among)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm|groupe|bras)\b"
)
"""After "higher than X": the other arm's value ("76.67% of the control group"), not a threshold."""
CLAUSE_VERB_RE = re.compile(
    r"(?i)\b(?:was|were|is|are|had|has|occurred|increased|decreased|improved|reduced|showed|remained|reached"
    r"|achieved|did|étaient|était|est|sont|a été|ont été)\b"
)
COMPARATOR_WORDS = r"vs\.?|versus|compared (?:with|to)|than(?: with)?|contre|par rapport (?:à|au|aux)"
"""The words that introduce the other arm of a comparison, in English and French (one list for every rule)."""
COMPARATOR_RE = re.compile(
    rf"(?i)\b(?:{COMPARATOR_WORDS})\s+"
    r"(?:the\s+|le\s+|la\s+)?"
    r"(?P<arm>[A-Za-z][\w+/-]*(?:\s+(?!group|arm|and|in|at|with|for|p\b)[A-Za-z][\w+/-]*){0,2})"
)
"""The comparator of an effect estimate: "axitinib versus sorafenib", "compared with placebo"."""

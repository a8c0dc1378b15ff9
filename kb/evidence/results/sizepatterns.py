"""The regular expressions of sample sizes (:mod:`.sizes`): counts of people, arms, allocation lists.

Like :mod:`.patterns`, every pattern runs in linear time (bounded gaps, no nested quantifier over the same
characters).
"""

from __future__ import annotations

import re

from kb.evidence.results.countpatterns import POPULATION
from kb.evidence.results.numbers import lead
from kb.evidence.results.patterns import NUM

SITES = r"(?:centres?|centers?|clinics?|hospitals?|sites?|practices?|departments?|units?|wards?|services?)\b"
"""Places a population noun can qualify ("two outpatient centres"): the number counts places, not people."""
POP_N_RE = lead(
    r"\d",
    rf"(?P<num>(?<![\d.,])(?<![A-Za-z]-)\d{{1,3}}(?:,\d{{3}})+|(?<![\d.,])(?<![A-Za-z]-)\d+)(?![.,]\d)\s+"
    r"(?:(?:[A-Za-z]|\d+[A-Za-z])[\w'\u2013-]*,?\s+){0,5}?"
    rf"{POPULATION}\b(?!\s+{SITES})(?![-\u2013](?:days?|weeks?|months?|years?|hours?|time)\b)",
)
"""A number followed (within five words) by a population noun: "250 healthy, pregnant women"; not a count of
person-time ("97,540 patient-days", "1,204 person-years"), which measures exposure."""
WORD_N_RE = re.compile(r"\s+(?:[A-Za-z][\w'\u2013-]*,?\s+){0,8}?" + POPULATION + rf"\b(?!\s+{SITES})")
"""After a number in words: the words up to its population noun."""
N_EQ_RE = lead(
    "[Nn]",
    r"(?<![A-Za-z])[Nn]\s*[=:]\s*"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)(?![.,]?\d)",
)
"""An explicit sample size "n = 59", "N=170", "(n: 12)"."""
OF_N_RE = lead(r"\(", r"\(\s*of\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s*\)")
"""A denominator in brackets: "Twenty-five (of 361)"."""
ENROL_BEFORE_RE = re.compile(
    r"(?i)\b(?:randomly (?:assigned|allocated)|randomi[sz]ed|enrol+ed|recruited|included|screened|studied)"
    r"\s+(?:a total of\s+|all\s+|the\s+)?$"
)
"""An enrolment verb right before a count ("We randomly assigned 604 students who reported ...")."""
WORD_PER_ARM_RE = re.compile(r"(?i)\s+(?:per|in each|each|par|dans chaque)\s+(?:arm|group|groupe|bras)\b")
"""After a number in words, each arm's size: "(one hundred and twenty per arm)", "forty in each group"."""
NEXT_WORD_ARM_RE = re.compile(
    r"\s+(?:received|underwent|were given|were (?:randomly )?(?:assigned|allocated|randomi[sz]ed)|to)\s"
)
"""The second arm's size in words, its noun left out ("... and one hundred and twenty-two received B")."""
ARM_LIST_RE = re.compile(
    r"[^()\d]{0,60}?\(\s*(?P<body>[^();]{1,120}"
    r"(?:;\s*(?:[A-Za-z][\w+/-]*\s+){1,3}\d{1,3}(?:,\d{3})*\s*(?=[;)]))*)[);]"
)
"""The bracket right after a sample size: the arms' sizes ("(61 transfusions, 60 hydroxyurea)", "(412 drug G,
206 sitagliptin; mean baseline ...)", "(intervention 1,004; control 958)": a part after a semicolon that is
one more "label N")."""
SUM_LIST_RE = re.compile(rf"(?:\s*\(\s*{NUM}\s*%\s*\))?[^();.]{{0,80}}?\(\s*(?P<body>[^()]{{1,120}})\)")
"""For a count whose arms add up to it (:func:`.sizes._summed_arms`), their bracket later in its clause, after
the count's share or other numbers ("598 (93.4%) were included in the per-protocol population (A 301, B
297)", "340 of the planned 500 patients had been recruited (A 171, B 169)"): the sum is the evidence."""
PERSON_WORD_RE = re.compile(
    r"(?i)\b(?:men|women|males?|females?|boys|girls|aged?|years?|hommes|femmes|ans)\b"
)
"""Words of a split of the sample by sex or age: a list of them is no list of arms, even when it adds up."""
ARM_COLON_LIST_RE = re.compile(r"[^()\d:.;]{0,60}?:\s*(?P<body>[^.;()]{1,120})")
"""A list after a colon right after a sample size: "14,320 patients: 6,104 during control periods and 8,216
during intervention periods"."""
MEASURED_BODY_RE = re.compile(
    r"(?i)\b(?:m[ée]dian\w*|mean|moyen\w*|average|délai|duration|durée)\b"
    r"|\d\s*(?:days?|weeks?|months?|years?|jours|semaines|mois|ans|h|hours?|heures)\b"
)
"""A bracket after a sample that measures it ("(median delay 21 days)"): no arm sizes in it."""
ARM_N_RE = lead(
    r"\d",
    r"(?<![\d.,%])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:were|was)\s+(?:in|allocated|assigned|randomi[sz]ed|included)\b"
    r"|(?<![\d.,%])(?P<num2>\d+)\s+(?:in|to)\s+(?:each|the\s+[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?:group|arm)s?\b"
    r"|(?<![\d.,%])(?P<num3>\d+)\s+(?:per|par|in each|dans chaque)\s+(?:group|arm|groupe|bras)\b"
    r"|(?<![\d.,%])(?P<num4>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+|\d+)"
    r"\s+(?:completed|were analy[sz]ed|were followed up"
    r"|(?:were\s+)?(?:enrol+ed|randomi[sz]ed|randomly assigned|recruited|evaluable)"
    r"(?!\s+(?:controlled\s+|clinical\s+)?(?:trials?|studies|stud(?:y|ies)|groups?|arms?)\b)"
    r"|(?:ont|a) été (?:analysée?s|incluse?s|randomisée?s|suivie?s))\b",
)
"""An arm's size: "26 were in Ksharasutra", "90 in each group", "45 to the placebo arm", "80 per arm",
"were randomised: 306 to 7 days" (:data:`ARM_COLON_RE`)."""
GROUPS_OF_RE = lead(
    "[gGaA]",
    r"(?i:\b(?:groups?|arms?)\s+of\s+)(?P<num6>\d{1,3}(?:,\d{3})+|\d+)(?![\d,]|\.\d|\s*(?:%|years?|y\b))",
)
"""Arms of one size: "randomly assigned into three groups of 30", "4 groups of 7 rats each"."""
ARM_COLON_RE = lead(r"[:(,]", r"[:(,]\s*(?P<num5>\d{1,3}(?:,\d{3})+|\d+)\s+(?:to|in|into|dans|au|à)\s")
"""The first arm of a list after the allocation verb: "were randomised: 306 to 7 days and 298 to 14 days",
"1284 patients were randomly assigned, 643 to A and 641 to B" (the verb before the colon or comma is checked
with :data:`ALLOCATED_BEFORE_RE`; a colon is far rarer than its letters)."""
ALLOCATED_BEFORE_RE = re.compile(
    r"(?i)(?:randomi[sz](?:ed|ation)|assigned|allocated|randomisée?s|répartie?s|allouée?s)\s*$"
)
ARM_RECEIVED_RE = lead(
    r"\d",
    r"(?<![\d.,%])(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+(?:received|underwent|were given|were treated with)\s",
)
"""An arm's size after the whole sample was named ("Of the 994 patients randomly assigned, 496 received drug
P"): the verb that gives a treatment, not an event."""
SAMPLE_FIRST_RE = re.compile(
    r"(?i)\W*(?:of|among|from)\s+(?:the|these|all|a total of)?\s*\d[\d,]*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:patients|participants|subjects|children|women|men|adults|infants|individuals)?\s*"
    r"(?:who\s+were\s+|that\s+were\s+)?(?:enrol+ed|randomi[sz]ed|randomly assigned|included|recruited"
    r"|allocated|assigned)\b[^,;]{0,40},"
    rf"|\W*(?:of|among)\s+(?:the|these|all)\s+\d[\d,]*\s+(?:[\w-]+\s+){{0,2}}?{POPULATION}\s*,"
    r"|\W*(?:a total of\s+)?(?:\d[\d,]*\s+)?(?:[\w-]+\s+){0,3}?(?:were|was)\s+"
    r"(?:randomi[sz]ed|randomly assigned|enrol+ed|included|allocated)"
    r"(?:\s+(?:in\s+a\s+)?\d{1,2}:\d{1,2})?\s*[;:]"
)
"""A sentence that opens on the whole sample: "Of the 410 patients enrolled, ..." (its counts split it)."""
NEXT_SPLIT_RE = re.compile(r"[^\d;.()%]{0,60}?(?:\band|,)\s+(?P<num>\d+)\s+(?![^;.()]{0,40}%)[A-Za-z]")
"""After the first part of a sample opened "Of the N ...": the next part "and 204 open repair"."""
NEXT_ARM_N_RE = re.compile(
    r"(?:[^\d;.()%]|\d+(?=\s+[A-Za-z])){0,60}?(?:\band|\bet|,)\s+(?P<num>\d{1,3}(?:,\d{3})+|\d+)\s+"
    r"(?:(?:to|in|into|dans|au|à)\s+(?:the\s+|le\s+|la\s+)?[A-Za-z\d]"
    r"|(?:received|underwent|were given)\s)(?![^;.()]{0,40}%)"
)
"""The next arm's size after "N were assigned to A": "and 306 to placebo", "and 498 received placebo" (the
first arm may be named by a number: "306 to 7 days and 298 to 14 days")."""
OF_DEN_RE = lead(
    r"\d",
    rf"(?<![\d.,/])(?P<count>\d+)(?:\s*\(\s*{NUM}\s*%\s*\))?\s+(?:of|out of)\s+(?:the\s+)?"
    r"(?P<den>\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]|\s*%)"
    rf"(?=\s+(?:[\w-]+\s+)?{POPULATION}\b|\s+(?:given|receiving|treated|assigned|allocated|randomi[sz]ed|on|in"
    r"|with|taking|using)\b)",
)
"""A count "of" a group: "39 of 60 patients responded", "88 (18%) of 496 given placebo", "5 of 30 on
placebo". The group's size is a sample size (the development set's convention for "21 (18%) of 120"), the
count counts events."""
SITE_AFTER_RE = re.compile(
    rf"\s+(?:[\w-]+\s+)?(?:(?!(?:{POPULATION}|at|in|from|across|of|and|with)\b)[A-Za-z][\w-]*\s+){{0,2}}"
    r"(?:sites?|cent(?:re|er)s?|hospitals?|clinics?|practices|countries|wards?|villages?|schools?"
    r"|clusters?|facilities|units|communities|nursing homes|départements|hôpitaux)\b"
)
"""The noun a number counts when it counts places ("at 213 sites, patients aged ...", "in 4 primary care
centres, infants"): not a sample size."""
EVENT_NOUNS = (
    r"(?:events?|infections?|deaths?|episodes?|complications?|(?:re)?admissions?|falls?"
    r"|fractures?|relapses?|exacerbations?|bleeds?|bleeding|hospitali[sz]ations?|adverse|reactions?|cases?"
    r"|injur(?:y|ies)|sprains?|strains?|ruptures?|seizures?|attacks?|strokes?|recurrences?|visits?|prescriptions?"
    r"|procedures?)\b"
)
EVENT_NOUN_RE = re.compile(r"(?i)\s+(?:[\w-]+\s+)?" + EVENT_NOUNS)
"""Right after a count, what it counts when it counts events ("30 infections", "112 adverse events")."""
EVENTS_AFTER_RE = re.compile(r"(?i)\s+(?:[\w-]+\s+){0,2}?" + EVENT_NOUNS)
"""The same with up to two words before the noun ("22 new hamstring injuries")."""
PLACES_BRACKET_RE = re.compile(
    r"(?i)\b(?:sites?|cent(?:re|er)s?|hospitals?|clinics?|practices|countries|wards?|villages?|schools?"
    r"|clusters?|facilities|units|communities|nursing homes|classes|classrooms|districts|départements"
    r"|hôpitaux|centres|écoles|services)\s*\(\s*$"
)
"""Right before the bracket of "Forty practices (20 per arm)": its numbers count places, not people."""
LABEL_BEFORE_RE = re.compile(
    r"(?i)\b(?:phases?|stages?|grades?|types?|classes|class|levels?|cycles?|steps?|parts?|versions?|periods?"
    r"|waves?|weeks?|days?|months?|visits?|stades?|semaines?|jours?|mois|visites?)\s+$"
)
"""The word a number names ("this phase 3 trial, we randomly assigned patients", "at week 12 patients"):
the number is the label of a design feature or a time, never the size of the sample after it."""
INDICATION_RE = re.compile(r"(?i)\bindications?\b")
"""The reason a patient was treated ("the indication was bleeding (n=80)"): a description of the sample."""
PCT_BRACKET_RE = re.compile(rf"\s*\(\s*{NUM}\s*%\s*\)")
"""A percentage in brackets right after a counted group: "Nine adolescents (15%)"."""
BARE_ARM_N_RE = lead(
    r"\(",
    r"(?:(?<=[A-Za-z] )|(?<=[A-Za-z]))(?<!\band )(?<!\bor )"
    r"\(\s*(?P<num>\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+|\d+)\s*\)"
    r"(?=\s*(?:[,;.]|or\b|and\b|vs\b|versus\b|$))",
)
"""An arm's size alone in brackets after its name: "assigned to induction of labour (5883) or expectant
management (5879)" (read only after an allocation verb)."""
ALLOCATION_VERB_RE = re.compile(
    r"(?i)\b(?:randomi[sz]ed|randomly assigned|allocated|assigned|randomisée?s)\b"
)
SCREENED_AFTER_RE = re.compile(
    r"(?i)\s*,?\s*(?:who\s+)?(?:were\s+|had\s+been\s+)?(?:screened|pre-?screened|(?:assessed|evaluated|examined)"
    r"\s+for\s+eligibility|approached|invited|contacted|pré-?sélectionnés?|évalués? pour éligibilité)\b"
)
"""After a count of people, the step before enrolment ("1,046 patients screened", "2,411 individuals were
assessed for eligibility"): those counted are no sample of the trial ("221 patients assessed at 12 months"
are)."""
PLANNED_BEFORE_RE = re.compile(
    r"(?i)\b(?:planned|target(?:ed)?|intended|anticipated|projected|required|prévus?|pr[ée]vue?s)"
    r"(?:\s+(?:sample(?:\s+size)?|enrol+ment|total)(?:\s+of)?)?\s+$"
    r"|\b(?:population|catchment(?:\s+area)?)\s+of\s+(?:about\s+|approximately\s+|around\s+|some\s+|over\s+"
    r"|more than\s+|nearly\s+|almost\s+|~\s*)?$"
)
"""Before a count of people, a size the trial meant to reach ("the planned 480 patients") or the population
its clusters serve ("villages with a combined population of about 48,000 adults"): no sample."""
FREQUENCY_BEFORE_RE = re.compile(
    r"(?i)(?:\b\d+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|un|une|deux|trois))"
    r"\s+(?:in|out of|sur)\s+$|\b(?:per|pour)\s+$"
)
"""Before a count of people, a frequency "three in 100 women", "12 per 1000 patients": the base, no sample."""
ARM_AFTER_RE = re.compile(
    r"(?i)\s+(?:(?:in|of|on|with|receiving|assigned to)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)s?\b"
    r"|(?:receiving|given|taking|treated with|allocated to|assigned to)\s)"
)
"""After "68 (70.8%) children" in Results, the arm they belong to, by its name or its treatment: the count is
of those with an outcome in that arm ("68 (70.8%) children in the active group and 1 (2.0%) in the placebo
group were desensitized", "12 (10%) adults receiving cream and 5 (4%) receiving vehicle")."""
PAIR_COUNT_BEFORE_RE = re.compile(
    r"(?i)(?<![\d.,])(?:\d+|none|zero|one|two|three|four|five|six|seven|eight|nine|ten)\s*"
    r"(?:versus|vs\.?|and|or|contre|et)\s+$"
)
"""Before a count of people, the other arm's count of a pair "0 versus five men", "(8 versus 17 men)"."""
PER_HEAD_RE = re.compile(r"(?i)\s(?:per|each|every)\s+\S+$")
"""A count of things per person ("6 home sessions per patient", "3 visits each participant"): a rate."""
AMOUNT_VERB_END_RE = re.compile(
    r"(?i)\b(?:totall?ed|amounted to|numbered|was|were)\s+"
    r"(?:\d[\d,]*\s+in\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm)\s+(?:and|versus|vs\.?)\s+)?$"
)
"""The verb before an arm's number that gives an amount: "totalled 240 in the intervention group and 515"."""
POPULATION_WORD_RE = re.compile(rf"(?i)\b{POPULATION}\b")
"""People named in a clause."""
TIMES_BEFORE_RE = re.compile(r"\d\s*[×xX]\s*$")
"""Before a number, "2 ×": the levels of a factorial design ("a 2 x 2 factorial trial, adults"), no sample."""

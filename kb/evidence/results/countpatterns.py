"""The patterns of counted people: the population nouns, events before or after a count, enrolment and
analysis verbs, a count with its percentage, a response defined by a size of change, the words of a baseline
description.

Like :mod:`.patterns`, every pattern runs in linear time. :mod:`.spans` and :mod:`.sizes` read them.
"""

from __future__ import annotations

import re

from kb.evidence.results.numbers import lead
from kb.evidence.results.patterns import NUM, THOUSANDS_SPACES

POPULATION = (
    r"(?:patients?|pts|participants?|subjects?|women|men|adults?|children|infants?|neonates?|newborns?"
    r"|girls|boys"
    r"|individuals?|volunteers?|athletes?|youths?|persons?|people|respondents?|students?|mothers?"
    r"|pregnant women"
    r"|smokers?|rats?|mice|dogs?|pigs?|rabbits?|eyes|teeth|knees|hips|couples|families|households|residents"
    r"|parents|caregivers|carers|nurses|physicians|doctors|veterans|survivors|recipients|donors|sujets|malades|enfants|femmes|hommes"
    r"|molars|specimens|samples|animals|horses|cows|sheep|lambs|piglets|calves|hens|chickens|fish"
    r"|cases|cas|adolescents?|teenagers?|toddlers?|outpatients?|inpatients?|pupils|schoolchildren|workers"
    r"|employees|nouveau-nés|nourrissons|adultes|participantes?|patientes?)"
)
EVENT_AFTER_RE = re.compile(
    r"^[^.;()\n]{0,40}?\b(?:(?:had|has|have)(?!\s+been\s+(?:enrol|recruit|randomi|included|allocated|assigned))"
    r"|developed|experienced|died|suffered|required|needed|showed|presented|"
    r"underwent|reported|achieved|reached|relapsed|responded|were (?:readmitted|hospitali[sz]ed|reoperated|"
    r"diagnosed|excluded|lost|withdrawn)|discontinued|withdrew|dropped|stopped|ceased|quit|abandoned)\b"
)
"""An event verb after a count: the number counts events, not the sample."""
NEW_SUBJECT_RE = re.compile(r",\s*\d[\d,]*\s+(?:were\s+)?\w+$")
"""Between a count and an event verb, another count that is the verb's subject: ", 90 had"."""
EVENT_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:occurred|occurring|reported|observed|seen|noted|developed|experienced|recorded|detected|"
    r"documented|happened|led to|leading to|resulted in|resulting in|survenus?|observée?s?|rapportée?s?)\b"
    r"[^.;()\d]{0,30}?\b(?:in|by|among|chez)"
    r"|\b(?:needed|required|necessary)\b[^.;()\d]{0,30}?\b(?:in|by|among|for)"
    r"|\b(?:affected|affecting|complicated|complicating)"
    r"(?:\s+(?:only|about|approximately|a total of))?)\s*"
    rf"(?:(?:{NUM}|[a-z]+(?:-[a-z]+)?)\s*%?\s*(?:\([^()]{{0,20}}\)\s*)?(?:[A-Za-z-]+\s+){{0,3}}?"
    r"(?:\([^()]{0,30}\)\s*)?(?:vs\.?|versus|v|and|or|,|et|contre)\s*"
    r"(?:in\s+|among\s+|by\s+)?){0,3}$"
)
"""An event verb before a count ("occurred in 45", "was reported by 4", "was needed for 14", "affected 9", the
second count of "occurred in 5 vs 19 patients", "in six versus thirteen patients" or "in four vaccinated
residents (0.9 per 1000 days) and 31"): the number counts events."""
ENROL_RE = re.compile(
    r"(?i)\b(?:enrol+ed|recruited|randomi[sz]ed|included|allocated|assigned|selected|participated|completed|"
    r"analy[sz]ed|studied|evaluated|examined|treated|given|received|underwent|inclus|randomisés?|analysés?|"
    r"were (?:then )?(?:entered|screened|eligible|followed|enrolled|studied))\b"
)
"""A verb that makes a counted group the sample of the study."""
DEMOGRAPHIC_RE = re.compile(
    r"(?i)\b(?:males?|females?|men|women|boys|girls|white|black|caucasians?|asians?|hispanics?|smokers?|"
    r"years? old|aged?|mean age|median age|BMI|body mass index|married|employed|education|literacy|"
    r"ethnicity|race|sex|gender|hommes|femmes|âge|ans|decades?)\b"
)
"""Words of a population's description (baseline characteristics, not results)."""
COMPARE_RE = lead(
    "[abcdegioprstvéABCDEGIOPRSTVÉ]",
    r"(?i)\b(?:vs\.?|versus|compared|than|differ\w*|p\s*[=<>]|ci\b|group|arm|increase\w*|decrease\w*|"
    r"reduc\w*|improv\w*|rate|incidence|risk|response|respon\w*|remission|survival|occurred|events?"
    r"|contre|par rapport|diff[ée]r\w*|groupes?|bras|augment\w*|diminu\w*|r[ée]dui\w*|am[ée]lior\w*|taux"
    r"|risques?|r[ée]ponses?|r[ée]mission|survie|survenu\w*|[ée]v[ée]nements?)",
)
"""Words of a comparison or an outcome: their absence marks a sentence that describes the sample."""
RESPONDER_AFTER_RE = re.compile(
    r"\s*%\s*(?:or (?:more|greater)\s+)?(?:reduction|improvement|decrease|increase|decline|fall|drop|change)"
    r"\s+(?:in|of|from)\b[^.;]{0,80}?\b(?:was|were)\s+(?:achieved|reached|attained|met)\b"
)
"""A response defined by a size of change: "a 75% reduction in PASI score (PASI 75) was achieved by 18"."""
CHANGE_NOUN_RE = re.compile(
    r"\s*%\s*(?:or (?:more|greater)\s+)?(?:reduction|improvement|decrease|increase|decline)"
)
CHANGE_OF_RE = re.compile(
    r"(?i)\ban?\s+(?:reduction|improvement|decrease|increase|decline|change)\s+of\s+(?:at least\s+)?$"
)
ACHIEVED_AFTER_RE = re.compile(r"\s*%[^.;]{0,80}?\b(?:was|were)\s+(?:achieved|reached|attained|met)\b")
RESPONDER_BEFORE_RE = re.compile(
    rf"(?i)\b(?:{POPULATION}|proportion|percentage|number)\b[^.;]{{0,40}}?"
    r"\b(?:achiev\w*|reach\w*|attain\w*|with)\s+(?:at least\s+)?an?\s+$"
)
"""People "achieving a 50% reduction": the percentage defines the response, it is no result."""
EVENT_CLAUSE_RE = re.compile(
    r"(?i)\b(?:occurred|occurring|developed|recurred|relapsed|experienced|reported|observed|died|"
    r"(?:was|were|is|are|remained)\s+(?:(?:more|less|very|equally|similarly)\s+)?(?:rare|common|frequent"
    r"|uncommon|infrequent|seen|noted|recorded)|deaths?|(?:needed|required|necessary)\s+(?:in|for|by)|affected"
    r"|survenue?s?|observée?s?)\b"
)
"""An event predicate in the clause before "(n = 12)": the bracket counts the events, not a group."""
COUNT_PCT_RE = lead(
    r"\d",
    rf"(?<![\d.,/])(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{THOUSANDS_SPACES}]\d{{3}})+|\d+)\s*"
    rf"(?:{POPULATION}\s*)?\(\s*(?P<pct>{NUM})\s*%\s*\)",
)
"""A count with its percentage: "21 (18%)", "8 patients (31%)", "1,150 (94.9%)"."""
DOSES_DONE = (
    r"\s+(?:all\s+|at least\s+|≥\s*|more than\s+|the\s+(?:full|whole)\s+)?(?:\d+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|twelve)?\s*(?:of\s+the\s+)?(?:[\w-]+\s+)?(?:sessions?|modules?|lessons?|classes"
    r"|doses?|cycles?|exercises?|tasks?|chapters?|homework)\b"
)
"""What those who "completed all 6 modules" completed: the dose of the intervention (adherence, a count of
an outcome), not the trial ("completed the 12-month follow-up" is the analysed sample)."""
ENROL_AFTER_RE = re.compile(
    rf"\s*(?:{POPULATION}\s+)?(?:were\s+|was\s+|ont été\s+|ont\s+)?(?:completed(?!{DOSES_DONE})|analy[sz]ed"
    r"|included|enrolled|randomi[sz]ed|followed|inclus|inclues|randomisée?s|analysée?s|terminé|suivie?s|(?:assessed|examined"
    r"|evaluated|measured|re-?assessed)(?!\s+for\s+eligibility))\b"
)
"""An enrolment or follow-up verb right after a count ("227 (90.8%) were assessed"): a sample size."""
ANALYSED_AFTER_RE = re.compile(
    rf"\s*(?:{POPULATION}\s+)?(?:had|provided|contributed)\s+(?:(?:complete|available|primary|outcome|follow-up"
    r"|final|valid|evaluable)\s+)*(?:[\w-]+\s+){0,3}?(?:data|results?|measurements?|assessments?|follow-up"
    r"|samples?)\b"
)
"""After a count (and its %): those whose outcome was measured ("391 (93.5%) had a viral load result")."""
ANALYSED_BEFORE_RE = re.compile(
    r"(?i)\b(?:data|results?|measurements?|outcomes?|follow-up)\s+(?:[\w-]+\s+){0,4}?(?:were\s+|was\s+)?"
    r"(?:available|obtained|complete|collected|valid|usable|analy[sz]able)\s+(?:for|from|in|on)\s+"
    r"(?:all\s+|the\s+)?$"
    r"|\b(?:follow-up|assessments?|questionnaires?|surveys?|visits?)\b[^.;()]{0,40}?\b(?:was|were)\s+"
    r"(?:completed|attended|returned)\s+by\s+(?:all\s+|the\s+)?$"
)
"""Before a count: those whose outcome was measured, "Complete data were available for one hundred and
fifty-nine children (90.3%)", "results at 12 months were available for 452", "data were valid for", "Follow-up
at 6 months was completed by 601 women"."""
LIST_GAP_RE = re.compile(
    rf"\s*(?:{POPULATION})?\s*(?:,\s*|\band\s+|\bor\s+|\bvs\.?\s+|\bversus\s+|\bet\s+|\bou\s+|\bcontre\s+)+$"
)
"""Between two counts of one list: "patients and ", ", ", French "et", "ou", "contre"."""

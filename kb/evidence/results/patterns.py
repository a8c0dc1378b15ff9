"""The regular expressions of results extraction, each for one kind of span around a number.

Every pattern runs in linear time: no nested quantifier repeats over the characters of another (word and
space classes alternate, gaps are bounded). ``NUM`` is the inline form of
:data:`kb.evidence.results.numbers.NUMBER_RE` (a signed number), used to find the parts of a span; the
number tokens themselves always come from ``NUMBER_RE``.
"""

from __future__ import annotations

import re

from kb.evidence.results.numbers import MINUS_SIGNS, NUM_LEAD, initials, lead

NUM = rf"(?:[{MINUS_SIGNS}+]\s?)?(?:(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:[.\u00b7,]\d+)?|[.\u00b7]\d+)"
"""A number inside a span pattern (sign, digits, decimal point or middle dot)."""
SEP = rf"(?:\s*(?:to|à|a|and)\s+|\s*[{MINUS_SIGNS}\u2014,;~]\s*)"
"""The separator between the two bounds of an interval."""
UNIT = r"(?:\s*(?:%|(?!(?:to|and|a|à|et)\b)[a-zA-Zµμ°/]{1,10}(?:/[a-zA-Z]{1,6})?))?"
"""An optional short unit after a bound ("mmHg", "ng/mL", "%")."""
LEVEL = r"(?:[5-9]\d(?:[.\u00b7]\d{1,2})?)\s*(?:%|per ?cent\b)"
"""A confidence level: "95%", "90 %", "96.95%" (an interim analysis' adjusted level)."""

CI_WORDS = (
    r"(?:C\.?I\.?|c\.i\.|CrI|confidence intervals?|credible intervals?|IC|intervalle de confiance|I\.C\.)"
    r"(?:\s*[(\[](?:CI|IC)[)\]])?"
)
CI_RE = lead(
    "[5-9CcIi]",
    rf"(?:(?:{LEVEL}\s*{CI_WORDS}|{CI_WORDS}\s*(?:à\s*|a\s*|at\s*)?{LEVEL}|(?<![A-Za-z]){CI_WORDS}(?![A-Za-z]))"
    rf"[\s:=,\])(\[]{{0,6}}(?:of\s+|was\s+|from\s+|de\s+)?)"
    rf"(?P<lo>{NUM}){UNIT}{SEP}"
    r"(?:(?P<hi>" + NUM + r")|(?P<ne>not estimable|not reached|NE|NR|n\.?e\.?|\+?\u221e|infinity|inf))",
)
"""A confidence interval with its words: "95% CI 0.25–0.48", "(95% CI: 0·31–1·22)", "IC 95 % 0,21-0,80",
"95% confidence interval, 0.25 to 0.48", "CI -5, +9", "95% CI 8.6 to not estimable", a one-sided "97.5% CI,
−8.1 to ∞" (the open bound is null)."""
ONE_LIMIT_RE = lead(
    "[uUlL]",
    r"(?i)\b(?P<side>upper|lower)\s+(?:limit|bound)\s+of\s+(?:the\s+)?(?:(?:one|two)[- ]?sided\s+)?"
    rf"(?:{LEVEL}\s*)?{CI_WORDS}\s*(?:was\s+|of\s+|[,:=]\s*)?(?P<num>{NUM})",
)
"""One limit of a CI given alone ("upper limit of one sided 97.5% confidence interval 2.8"): the other is
null."""
LEVEL_RE = lead("[5-9CcIi]", rf"{LEVEL}\s*{CI_WORDS}|(?<![A-Za-z]){CI_WORDS}\s*(?:à\s*|a\s*)?{LEVEL}")
"""A confidence level alone ("(95% CI) = 4.54 (0.10, 8.98)"): its 95 is not a result."""
BRACKET_CI_RE = re.compile(
    rf"(?:[^\d()\[\];.]|(?<=[a-zA-Z])\d){{0,30}}?[(\[]\s*(?P<lo>{NUM}){UNIT}\s*(?:[,;]|to|[{MINUS_SIGNS}])\s*(?P<hi>{NUM})"
)
"""Bounds in brackets right after an estimate, without the words: "4.54 (0.10, 8.98)", "0.51 [0.34, 0.75]"."""
BARE_CI_RE = re.compile(
    rf"(?:\s*[a-zA-Zµμ°%][\w/%²·-]{{0,9}})?\s*,\s*(?P<lo>{NUM})\s*(?:to|[{MINUS_SIGNS}])\s*(?P<hi>{NUM})(?=\s*[)\];,]|\s*$)"
)
"""Bounds after a comma, without words or brackets, after an effect and its unit: "odds ratio 2.35, 1.58 to
3.49", "difference 0.09 m/s, 0.02 to 0.16"."""
MD_AFTER_RE = re.compile(
    r"\s*(?P<unit>[a-zA-Zµμ°]{1,10}(?:\s?Hg)?(?:/[a-zA-Z0-9²]+)*\s+)?(?:higher|lower|greater|less|more|fewer"
    r"|shorter|longer|smaller|larger)\s+(?:in|among|with|for|than|on)\s"
)
"""A difference written as a comparison: "7.1 mm Hg lower with the salt substitute" (a mean difference)."""
P_RE = lead(
    "[Pp]",
    r"(?<![A-Za-z])[Pp](?:\s*[-‐]?\s*values?)?(?:\s*(?:for|of)\s+(?:trend|interaction|heterogeneity|difference|"
    r"non-?inferiority|superiority)|\s+d['’](?:interaction|hétérogénéité|homogénéité))?"
    r"\s*(?P<op>[=<>≤≥⩽⩾]|&lt;|&gt;|<\s*=|>\s*=|of|was|were)\s*=?\s*"
    rf"(?P<value>{NUM})(?P<exp>\s*[x×*]\s*10\s*(?:\^\s*)?[{MINUS_SIGNS}]?\s*\d+)?",
)
"""A p value: "P < 0.05", "p=.64", "P value of 0.04", "p for interaction = 0.2", "p=8.82 × 10−16"."""
BAYES_PROBABILITY_RE = lead(
    "[pP]",
    r"(?i)\b(?:posterior\s+probabilit(?:y|ies)|probabilit(?:y|ies)\s+of\s+(?:any\s+|a\s+)?(?:benefit|harm"
    r"|superiority|inferiority|non-?inferiority|efficacy|being\s+\w+))"
    rf"[^.;()\d]{{0,40}}?(?:was|of|=|:|,)?\s*(?P<num>{NUM})\s*%",
)
"""A Bayesian probability ("posterior probability of benefit, 86%"): no measure of the trial's outcome."""
INTERACTION_P_RE = re.compile(
    r"(?i)[Pp](?:\s*[-‐]?\s*values?)?\s*(?:(?:for|of)\s+(?:interaction|heterogeneity)\b|d['’](?:interaction"
    r"|hétérogénéité|homogénéité))"
)
INTERACTION_CLAUSE_RE = re.compile(
    r"(?i)\b(?:interact\w*|heterogeneity|effect modification|modifi(?:ed|cation) (?:the|of) effect)\b"
    r"[^.;()\d]{0,60}\(\s*$"
)
"""A clause about an interaction right before "(P = .58)": the p tests the interaction (a p_only row)."""
"""A p value of a test of interaction or heterogeneity: it tests no value of its sentence (a p_only row)."""
SD_RE = lead(
    "[±(Ss]",
    rf"±\s*(?P<sd>{NUM})|\(\s*±\s*(?P<sd2>{NUM})\s*\)"
    r"|(?<![A-Za-z])(?:SD|SE|SEM|s\.d\.|standard deviation)\s*[=:,]?\s*"
    rf"(?P<sd3>{NUM})",
)
"""A spread that belongs to the value before it: "± 0.9", "(±0.56)", "(SD 1.2)"."""
RANGE_RE = lead(
    "[rRiIqQmMeE]",
    r"(?i:\b(?:range|IQR|IIQ|EIQ|i\.q\.r\.|interquartile range|inter-quartile range|Q1\s*[-–]\s*Q3"
    r"|min(?:imum)?\s*[-–]\s*max(?:imum)?|"
    rf"extr[eê]mes?))\s*[,:=]?\s*(?P<lo>{NUM}){UNIT}{SEP}(?P<hi>{NUM})",
)
"""A range or IQR given with its word: "(range, 13–74)", "IQR 2–5", French "IIQ : 0–15" / "EIQ"."""
TIME_UNITS = (
    r"(?:h|hrs?|hours?|min|mins|minutes?|s|sec|seconds?|days?|d|weeks?|wks?|months?|mo|years?|yrs?|y"
    r"|jours?|semaines?|mois|ans?|années|heures?)"
)
LIST = r"(?:\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|et\s+|ou\s+|to\s+|[-–]\s*)\d+(?:[.,]\d+)?)"
"""The next item of a list of numbers ("0, 6, and 12")."""
TIME_WORDS = (
    *("at", "after", "before", "by", "in", "within", "over", "for", "during", "up to", "until", "from"),
    *("through", "than", "every", "each", "à", "après", "pendant", "au bout de", "à partir de", "between"),
    *("beyond", "past", "last", "first", "next", "since", "au cours"),
)
"""The words before a time point ("at 12 months", "à partir de 6 mois", "au cours des 6 mois", "over the
previous 24 hours"), any case."""
TIME_RE = lead(
    r"[abdefilnopstuwABDEFILNOPSTUWàÀ\d]",
    rf"\b(?:{initials(*TIME_WORDS)})"
    r"(?i:\s+(?:the\s+|a\s+|least\s+|most\s+|about\s+|approximately\s+|le\s+|la\s+|les\s+|des\s+)?"
    r"(?:(?:previous|preceding|past|last|first|next|following|initial|final)\s+)?"
    r"(?:(?:day|week|month|year|jour|semaine|mois)\s+)?)"
    rf"(?P<nums>\d+(?:[.,]\d+)?{LIST}{{0,8}})"
    rf"(?:\s*-?\s*(?P<unit>{TIME_UNITS})\b|(?=\s*(?:,|and|or|to|-|–)?\s*\d))"
    rf"|\b(?P<adj>\d+)\s*[-‐]\s*(?P<adjunit>{TIME_UNITS})\b"
    rf"|(?P<nums2>\b\d+(?:[.,]\d+)?{LIST}{{0,8}})\s*(?P<unit2>{TIME_UNITS})\s+"
    r"(?i:after|before|post|later|postoperative\w*|of (?:treatment|therapy|follow-up|age)|old|apr[eè]s)\b",
)
"""A time point or duration of the design: "at 12 months", "after 3, 6 and 12 weeks", "a 24-month", "1-3
minutes after"."""
DOSE_RE = lead(
    NUM_LEAD,
    rf"(?P<num>{NUM})\s*(?:mg|g|µg|μg|mcg|ug|IU|UI|U|mL|ml|L|mmol|grams?|milligrams?|TU|Gy|cGy|kcal|mEq|units?)"
    r"(?:\s*/\s*(?:kg|m2|m²|day|d|dose|j|jour|week|wk|h))*\b(?!\s*%|\s*/\s*(?:d?[lL]|m[lL]|100\s*m[lL])\b)",
)
"""A dose or quantity given ("150 mg", "0.7 mg/kg", "2 grams", "50 mg/day")."""
THRESHOLD_WORDS = (
    *("more than", "less than", "greater than", "fewer than", "higher than", "lower than", "at least"),
    *("over", "under", "above", "below", "up to", r"exceed(?:ed|s|ing)?", "minimum of", "maximum of"),
    *("supérieure? à", "inférieure? à", "plus de", r"margins?(?:\s+(?:of|was|is|set at|=|:))?"),
    *(r"marge\b[^.;\d]{0,40}?\b(?:de|à|était|est|fixée? à|=|:)", "moins de"),
)
"""The words before a threshold's number ("more than 5", "a margin of 10%"), any case (regex pieces)."""
THRESHOLD_RE = lead(
    rf"[{MINUS_SIGNS}<>≤≥⩽⩾&mlgfhaoubesipMLGFHAOUBESIP\d.\u00b7+]",
    rf"(?:[<>≤≥⩽⩾]|&lt;|&gt;|\b(?:{initials(*THRESHOLD_WORDS)}))\s*(?P<num>{NUM})"
    rf"|(?P<num2>{NUM})\s*%?\s*(?i:or (?:more|greater|higher|less|lower|above|below|fewer)\b)",
)
"""A threshold of the design or a cut-off: "≥ 3%", "> 30", "more than 5 kg", "by 25% or more", "a
non-inferiority margin of 10%", "la marge de non-infériorité était fixée à −8 %"."""
OVER_RE = re.compile(r"\s*/\s*\d+\b")
"""The scale after a threshold's number: "≥ 4/10"."""
PER_NUMBER_RE = lead("[pP]", r"(?i)\bper\s+\d[\d,]*(?:[ \u00a0\u202f\u2009]\d{3})*(?:[.\u00b7]\d+)?")
"""The number of a unit "per 1000 person-years", "per 1.73 m2", "per 100 000": part of the unit."""
POWER_RE = re.compile(
    r"(?i)\b(?:\d+\s*%\s*power|power (?:of|to detect|was|at)|powered (?:to|at)"
    r"|sample size (?:of \d+ )?(?:was |were )?(?:calculat|estimat|requir|need|determin|comput)\w*"
    r"|(?:calculated|estimated|required) sample size|\bpuissance\b"
    r"|permett\w* de (?:détecter|mettre en évidence)|nombre de (?:sujets|patients) nécessaires?)"
)
"""A sample-size calculation ("A sample of 32 per group gave 80% power to detect a 0.5% difference"): its
numbers are the design's, none is a sample or a result."""
ALLOCATION_RE = lead(r"\d", r"(?<![\d.,:])\d{1,2}(?:\s*:\s*\d{1,2})+(?![\d.,:]|\s*%)")
"""An allocation ratio "1:1", "2:1:1": no sample size, no result ("grade ≥2: 7% vs 15%" is a label and a
value)."""
PCT_AFTER_RE = re.compile(r"\s?(?:%|per ?cent\b|pour ?cent\b)")
"""A percentage sign, or the words ("5.1 per cent", "12 percent")."""
SHARED_UNIT_GAP_RE = re.compile(r"\s+(?:and|or|vs\.?|versus|et)\s+")
"""Between two numbers that share the unit written after the second: "6.1 and 5.1 per cent"."""
FOLD_RE = lead(NUM_LEAD, rf"(?P<num>{NUM})\s*[-‐]?\s*(?:fold|times)\b")
"""A ratio written "15-fold" / "3 times": not one of the scored measures."""
RATIO_RE = lead(r"\d", r"(?<![\d.])(?P<count>\d+)\s*/\s*(?P<den>\d+)(?![\d.]|\s*(?:mm|cm|L|l|kg|µ|m\b))")
"""A fraction "43/195": an event count over an arm size."""

"""A count with its percentage: "21 (18%)"."""

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

POPULATION = (
    r"(?:patients?|pts|participants?|subjects?|women|men|adults?|children|infants?|neonates?|newborns?"
    r"|girls|boys"
    r"|individuals?|volunteers?|athletes?|youths?|persons?|people|respondents?|students?|mothers?"
    r"|pregnant women"
    r"|smokers?|rats?|mice|dogs?|pigs?|rabbits?|eyes|teeth|knees|hips|couples|families|households|residents"
    r"|nurses|physicians|doctors|veterans|survivors|recipients|donors|sujets|malades|enfants|femmes|hommes"
    r"|molars|specimens|samples|animals|horses|cows|sheep|lambs|piglets|calves|hens|chickens|fish"
    r"|cases|cas|adolescents?|teenagers?|toddlers?|outpatients?|inpatients?|pupils|schoolchildren|workers"
    r"|employees|nouveau-nés|nourrissons|adultes|participantes?|patientes?)"
)
EVENT_AFTER_RE = re.compile(
    r"^[^.;()\n]{0,40}?\b(?:had|has|have|developed|experienced|died|suffered|required|needed|showed|presented|"
    r"underwent|reported|achieved|reached|relapsed|responded|were (?:readmitted|hospitali[sz]ed|reoperated|"
    r"diagnosed|excluded|lost|withdrawn)|discontinued|withdrew|dropped)\b"
)
"""An event verb after a count: the number counts events, not the sample."""
EVENT_BEFORE_RE = re.compile(
    r"(?i)(?:\b(?:occurred|occurring|reported|observed|seen|noted|developed|experienced|recorded|detected|"
    r"documented|happened|led to|leading to|resulted in|resulting in|survenus?|observée?s?|rapportée?s?)\b"
    r"[^.;()\d]{0,30}?\b(?:in|by|among|chez)"
    r"|\b(?:needed|required|necessary)\b[^.;()\d]{0,30}?\b(?:in|by|among|for)"
    r"|\b(?:affected|affecting|complicated|complicating)"
    r"(?:\s+(?:only|about|approximately|a total of))?)\s*"
    rf"(?:(?:{NUM}|[a-z]+(?:-[a-z]+)?)\s*%?\s*(?:\([^()]{{0,20}}\)\s*)?(?:[A-Za-z-]+\s+){{0,3}}?"
    r"(?:vs\.?|versus|v|and|or|,|et|contre)\s*"
    r"(?:in\s+|among\s+|by\s+)?){0,3}$"
)
"""An event verb before a count ("occurred in 45", "was reported by 4", "was needed for 14", "affected 9", the
second count of "occurred in 5 vs 19 patients" or "in six versus thirteen patients"): the number counts
events."""
ENROL_RE = re.compile(
    r"(?i)\b(?:enrol+ed|recruited|randomi[sz]ed|included|allocated|assigned|selected|participated|completed|"
    r"analy[sz]ed|studied|evaluated|examined|treated|given|received|underwent|inclus|randomisés?|analysés?|"
    r"were (?:then )?(?:entered|screened|eligible|followed|enrolled|studied))\b"
)
"""A verb that makes a counted group the sample of the study."""
ARM_ITEM_RE = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?:(?P<name>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s*[,:]?\s*(?:n\s*=\s*)?)?"
    r"(?P<num>\d+)(?:\s+(?P<after>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}))?"
)
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
RESPONSE_RE = lead("[rRR]", r"(?i)\b(?:respon\w*|r[ée]ponse\w*|remission|r[ée]mission|regression)\b")
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
UNIT_WORD_RE = re.compile(
    rf"\s*(?:%|mm ?Hg|{TIME_UNITS}|[a-zA-Zµμ°]{{1,4}}(?:/[a-zA-Z0-9²]+)+|/\s*(?:[µμ]L|mm3|mm³|mL|L|dL)"
    r"|mm|cm|m|km|kg|g|mg|ng|µg|μg|L|ml|mL|dL|IU|U"
    r"|points?|beats|bpm|steps|kcal|W|watts?|score|units?|cells|copies|mmol|µmol|nmol|pg|cm/s(?:ec)?)\b"
)
"""A unit right after a value: a mean or median without a spread still has one ("12.1 months", "15 mm")."""

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
THOUSANDS_SPACES = " \u00a0\u202f\u2009"
"""The spaces that separate groups of thousands ("2 108 femmes", the French and SI style)."""
GROUP_RE = re.compile(r"\d{3}(?:[.,\u00b7]\d+)?")
"""The next group of thousands: three digits, perhaps with the decimals ("250,5" of "1 250,5")."""
FIRST_GROUPS_RE = re.compile(rf"[{MINUS_SIGNS}+]?\d{{1,3}}(?:[{THOUSANDS_SPACES}]\d{{3}})*")
"""What may come before a group of thousands: one to three digits, or groups already joined."""
NUMBER_LABEL_RE = re.compile(
    r"(?i)\b(?:weeks?|days?|months?|years?|visits?|cycles?|grades?|stages?|phases?|types?|steps?|arms?"
    r"|groups?|levels?|class(?:es)?|doses?|sessions?|waves?|trials?|study|studies|figures?|fig\.?|tables?"
    r"|items?|questions?|versions?|periods?|semaines?|jours?|visites?|stades?|groupes?|tableaux?|essais?"
    r"|étapes?|périodes?|n°|no\.?|wk|J|D|W|M|S|V)\s*$"
)
"""A word a number is the label of ("week 2", "visite 3"): the number after it is not its thousands."""
CHANGE_VERBS = (
    r"(?:increased|decreased|reduced|improved|rose|fell|declined|dropped|changed|gained|lost|lowered|raised)"
)
AMOUNT_UNIT_RE = re.compile(r"(?i)s|sec|seconds?|min|mins|minutes?")
"""Time units that measure an amount changed ("sleep increased by 32 minutes"); hours and longer are time
points after "by" ("declined by 72 hours", "improved by 12 weeks")."""
CHANGE_BY_RE = re.compile(
    rf"(?i)\b{CHANGE_VERBS}\b[^.;()\d]{{0,40}}?\bby\s*$"
    r"|\b(?:diminu|augment|baiss|chut|r[ée]dui|am[ée]lior)\w*\s+(?:en moyenne\s+)?de\s*$"
)
"""A change "by" a value: "increased daily intake by 1.32 fruits/vegetables" (a mean change)."""
FROM_TO_BEFORE_RE = re.compile(
    rf"(?i)(?:\b(?:{CHANGE_VERBS}|went|moved)\b(?:[^.;()]|\.(?=\d)){{0,80}}?(?:\(\s*)?\bfrom"
    r"|\b(?:diminu|augment|baiss|pass|chut|r[ée]dui|am[ée]lior|descendu|mont)\w*\b(?:[^.;()]|[.,](?=\d)){0,80}?"
    r"\bde)\s*$"
)
"""A change "from" a value: "scores fell from 19.9 to 10.6 with A and from 20.2 to 12.8 with B", "a diminué
de 1 250 à 420"."""
CHANGE_TO_RE = re.compile(rf"(?i)\b(?:{CHANGE_VERBS}|reached)\b[^.;()\d]{{0,40}}?\bto\s*$")
"""A change "to" the value reached: "serum sodium rose to 134.2 mmol/L in the tolvaptan arm" (a mean)."""
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
FROM_TO_AFTER_RE = re.compile(rf"\s*(?:[a-zA-Zµμ/]{{1,8}}\s+)?(?:to|à)\s+(?P<num>{NUM})")
"""The value a change "from X" reaches: " to 10.6"."""
VERSUS_CONTROL_RE = re.compile(r"(?i)\b(?:compared (?:with|to)|relative to|versus|vs\.?)\s")
"""A comparison with the other arm before a change "by X (CI)": the change is a difference between arms."""
DIFFER_BEFORE_RE = re.compile(
    r"(?i)\b(?:(?:did|does|do) not (?:significantly )?differ|differ(?:ed|s)?"
    r"|no (?:significant |statistically significant |meaningful |important )?difference"
    r"|(?:was|were) not (?:significantly |statistically )?different|(?:was|were) similar)\b"
    r"[^.;\d()]{0,50}?(?:\(\s*|\bby\s+)$"
)
"""A value right after "did not differ (" or "differed by": the difference between the arms, not one arm's
value ("Triglycerides did not differ (−0.04 mmol/L; 95% CI: −0.13, 0.05)")."""
EFFECT_WITH_RE = re.compile(
    r"\s*(?:[a-zA-Zµμ/]{1,10}(?:\s?Hg)?\s*)?(?:\([^()]{3,60}\)|\[[^\[\]]{3,60}\])\s*(?:with|in favou?r of)\s+"
    r"(?!(?:the\s+|each\s+)?(?:[\w-]+\s+){0,2}?(?:group|arm|patients|participants)s?\b)"
    r"(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?\s*"
    r"(?:[.;]|$|,?\s+(?:compared (?:with|to)|versus|vs\.?|than|over)\s)"
)
"""After a change "by X" and its CI: the intervention it is credited to, the clause ending there ("improved
by 6.1 points (2.4 to 9.8) with exercise."): the effect of the intervention, a difference between the arms;
"in the exercise group" names one arm's own change."""
MORE_WITH_RE = re.compile(
    r"\s*(?:[a-zA-Zµμ/]{1,8}\s*)?(?:\([^()]{0,60}\)\s*)?(?:more|less|further|greater)\s+(?:with|in|than|among|on)\s"
)
"""After a change "by X": "more with A" makes it a difference between the arms."""
CHANGED_BY_RE = re.compile(rf"(?i)\b{CHANGE_VERBS}\b[^.;]{{0,40}}?\bby\b")
"""A change "by" somewhere before: the next "and by 3.1" is the other arm's change."""
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
VALUE_LIST_GAP_RE = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
"""Between two values of one list ("−8.1, −11.6, −14.3 and −2.5 points")."""
PAIR_BEFORE_RE = re.compile(
    rf"(?:\bvs\.?|\bversus|\bcompared with|\bcompared to|\bv\.?|\bcontre)\s*{CURRENCY}$"
)
PRESSURE_UNIT_RE = re.compile(r"\s*(?:mm\s?Hg|mmHg|cm\s?H2O)\b")
"""The unit of a pressure written "systolic/diastolic" ("18·4/9·7 mm Hg")."""
CI_GAP_RE = re.compile(
    r"^\s*(?:[a-zA-Zµμ°/%²][\w/%²·-]*(?:\s+[a-zA-Z/][\w/-]*)?)?\s*[,;:(\[]*\s*"
    r"(?:(?:one|two|1|2)-(?:sided|tailed)\s*)?$"
)
"""What may stand between a value and the CI that follows it: a unit, punctuation, "one-sided"."""
COUNT_PCT_RE = lead(
    r"\d",
    rf"(?<![\d.,/])(?P<count>\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{THOUSANDS_SPACES}]\d{{3}})+|\d+)\s*"
    rf"(?:{POPULATION}\s*)?\(\s*(?P<pct>{NUM})\s*%\s*\)",
)
"""A count with its percentage: "21 (18%)", "8 patients (31%)", "1,150 (94.9%)"."""
ENROL_AFTER_RE = re.compile(
    rf"\s*(?:{POPULATION}\s+)?(?:were\s+|was\s+|ont été\s+|ont\s+)?(?:completed|analy[sz]ed|included|enrolled"
    r"|randomi[sz]ed|followed|inclus|inclues|randomisée?s|analysée?s)\b"
)
"""An enrolment verb right after a count: the count is a sample size."""
THAN_ARM_RE = re.compile(
    r"\s*%?\s*(?:\([^()]{0,30}\)\s*)?(?:of|in|for|with|among)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:group|arm|groupe|bras)\b"
)
"""After "higher than X": the other arm's value ("76.67% of the control group", "19.05% (8/42) in the control
group"), not a threshold."""
ANALYSED_AFTER_RE = re.compile(
    rf"\s*(?:{POPULATION}\s+)?(?:had|provided|contributed)\s+(?:(?:complete|available|primary|outcome|follow-up"
    r"|final|valid|evaluable)\s+)*(?:[\w-]+\s+){0,3}?(?:data|results?|measurements?|assessments?|follow-up)\b"
)
"""After a count (and its percentage): the people whose outcome was measured ("391 (93.5%) had a viral load
result at 48 weeks"), the analysed sample."""
ANALYSED_BEFORE_RE = re.compile(
    r"(?i)\b(?:data|results?|measurements?|outcomes?|follow-up)\s+(?:were\s+|was\s+)?(?:available|obtained"
    r"|complete|collected)\s+(?:for|from|in|on)\s+(?:all\s+|the\s+)?$"
)
"""Before a count: "Complete data were available for one hundred and fifty-nine children (90.3%)"."""
LIST_GAP_RE = re.compile(
    rf"\s*(?:{POPULATION})?\s*(?:,\s*|\band\s+|\bor\s+|\bvs\.?\s+|\bversus\s+|\bet\s+|\bou\s+|\bcontre\s+)+$"
)
"""Between two counts of one list: "patients and ", ", ", French "et", "ou", "contre"."""
CLAUSE_VERB_RE = re.compile(
    r"(?i)\b(?:was|were|is|are|had|has|occurred|increased|decreased|improved|reduced|showed|remained|reached"
    r"|achieved|did|étaient|était|est|sont|a été|ont été)\b"
)
COMPARATOR_RE = re.compile(
    r"(?i)\b(?:vs\.?|versus|compared (?:with|to)|than(?: with)?|contre|par rapport (?:à|au|aux))\s+"
    r"(?:the\s+|le\s+|la\s+)?"
    r"(?P<arm>[A-Za-z][\w+/-]*(?:\s+(?!group|arm|and|in|at|with|for|p\b)[A-Za-z][\w+/-]*){0,2})"
)
"""The comparator of an effect estimate: "axitinib versus sorafenib", "compared with placebo"."""
PCT_RANGE_RE = lead(NUM_LEAD, rf"(?<![\d.,])(?P<lo>{NUM})\s*%?\s*(?:[-–]|to|à)\s*(?P<hi>{NUM})\s*%")
"""A range of percentages "80-90%", "2,5-7%": an estimate from elsewhere, not one result."""
BRACKET_SPREAD_RE = re.compile(rf"\s*\(\s*(?P<sd>{NUM})\s*\)")
"""A spread in brackets after a mean or median written "mean (SD)": "−2.3 (1.1)"."""

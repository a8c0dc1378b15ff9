"""The numbers of a sentence that belong to something else than a result value: p values, CIs and their
levels, SDs, ranges, time points, doses, thresholds, years, labels (:func:`design_spans`, run first on every
sentence), then the counts (:mod:`.counts`).
"""

from __future__ import annotations

import re

from kb.evidence.results import armpatterns as A
from kb.evidence.results import changepatterns as G
from kb.evidence.results import checks as K
from kb.evidence.results import countpatterns as C
from kb.evidence.results import notvalues as V
from kb.evidence.results import patterns as P
from kb.evidence.results.counts import counts
from kb.evidence.results.measure import scope
from kb.evidence.results.numbers import parse_number, time_unit
from kb.evidence.results.spans import VALUE_ROLES, Sentence, Tok

DOSE_WORD_RE = re.compile(r"(?i)\b(?:dos(?:e|es|age|ing)|posologie)\b")
DOSE_ARM_END_RE = re.compile(r"(?i)\b(?:with|receiving|given|taking)\s+$")
"""A dose named as an arm right after it: "with 2000 IU"."""
ARM_LABEL_RE = re.compile(r"(?i)\b(?:arms?|groups?|cohorts?|bras|groupes?)\s+$")
"""A word a small number labels ("arm 1", "group 2"): the number names an arm."""


def design_spans(sent: Sentence) -> None:
    """Roles of the numbers that belong to something else than a result value."""
    if sent.search(P.POWER_RE):
        sent.mark(sent.s.start, sent.s.end, "design")  # a sample-size calculation: every number is the design
        return
    _intervals(sent)
    _not_results(sent)
    _times(sent)
    _amounts(sent)
    _labels(sent)
    counts(sent)


def _intervals(sent: Sentence) -> None:
    """Allocation ratios, p values, CIs and their levels, SDs and ranges, with the value each belongs to."""
    text = sent.text
    for m in sent.finditer(P.ALLOCATION_RE):
        sent.mark(m.start(), m.end(), "ratio")
    for m in sent.finditer(P.P_RE):
        for i, t in enumerate(sent.mark(m.start("value"), m.end(), "p")):
            if i:
                t.role = "p_exp"
        op = m.group("op").replace("&lt;", "<").replace("&gt;", ">").replace(" ", "")
        op = "=" if op in {"of", "was", "were"} else op
        sent.ps.append((m.start(), m.end(), ("" if op == "=" else op) + m.group("value").replace(" ", "")))
    for m in sent.finditer(P.PER_NUMBER_RE):
        sent.mark(m.start(), m.end(), "unit")
    for m in sent.finditer(P.UNIT_NUMBER_RE) if sent.has("/") else ():
        sent.mark(m.start("num"), m.end("num"), "unit")
    scales = sent.has("out of")
    for m in V.SCALE_MAX_RE.finditer(text, sent.s.start, sent.s.end) if scales else ():
        owner = sent.before(m.start(), 12)
        if owner is not None and (not owner.value.is_integer() or m.group("points")):
            sent.mark(m.start("num"), m.end("num"), "unit")  # "MD 0.9 out of 10 (95% CI ...)": the scale
    for m in sent.finditer(P.CI_RE):
        owner = sent.before(m.start())
        if owner is not None:
            gap = K.PER_UNIT_RE.sub("", text[owner.end : m.start()])
            gap = V.SCALE_MAX_RE.sub("", gap) if scales else gap
            if not P.CI_GAP_RE.match(gap):
                owner = None
        sent.mark(m.start(), m.start("lo"), "level")
        lo = parse_number(m.group("lo"))
        hi = parse_number(m.group("hi")) if m.group("hi") else None
        sent.mark(m.start("lo"), m.end(), "ci")
        if owner is not None and owner.ci is None:
            owner.ci = (lo, hi)
    for m in sent.finditer(P.ONE_LIMIT_RE) if sent.has("limit", "bound") else ():
        owner = sent.before(m.start(), 100)
        sent.mark(m.start(), m.start("num"), "level")
        sent.mark(m.start("num"), m.end("num"), "ci")
        if owner is not None and owner.ci is None:
            limit = parse_number(m.group("num"))
            owner.ci = (None, limit) if m.group("side").lower() == "upper" else (limit, None)
    for m in sent.finditer(P.PCT_RANGE_RE):
        before = text[max(sent.s.start, m.start() - 30) : m.start()]
        if K.FROM_END_RE.search(before) and not K.RANGE_FROM_END_RE.search(before):
            continue  # "fell from 12.3% to 10.9%": two values, not a range
        if G.FROM_TO_SECOND_RE.search(text, max(sent.s.start, m.start() - 120), m.start()):
            continue  # "from 31.2% to 42.5% versus 30.4% to 29.8%": the other arm's change
        sent.mark(m.start(), m.end(), "range")
    for m in sent.finditer(P.SCALE_RANGE_RE) if sent.has("(") else ():
        sent.mark(m.start("lo"), m.end("hi"), "range")
    for m in sent.finditer(P.LEVEL_RE):
        sent.mark(m.start(), m.end(), "level")
    for m in sent.finditer(P.SD_RE):
        owner = sent.before(m.start(), 30)
        sent.mark(m.start(), m.end(), "sd")
        if owner is not None:
            owner.spread = "sd"
    if sent.has("SD", "S.D.", "SE", "s.d.", "standard deviation", "art-type", "art type") and sent.search(
        V.DECLARED_SD_RE
    ):
        for t in sent.toks:
            if not t.role and (b := V.BARE_SD_AFTER_RE.match(text, t.end, sent.s.end)):
                sent.mark(b.start("sd"), b.end("sd"), "sd")
                t.spread = "sd"
    for m in sent.finditer(P.RANGE_RE):
        owner = sent.before(m.start(), 30)
        sent.mark(m.start(), m.end(), "range")
        if owner is not None:
            owner.spread = "range"


def _changed_from(sent: Sentence, pos: int, unit: str | None) -> bool:
    """The numbers at ``pos`` are the values of a change "from X to Y" (a change verb before "from"), not a
    time: without a time unit ("fell from 82 to 77 kg"), or with one when what changed is a duration ("crying
    time fell from 370 to 142 minutes"; "improved from 3 to 6 months" stays a time)."""
    text = sent.text
    if not K.FROM_END_RE.search(text, max(sent.s.start, pos - 8), pos):
        return False  # the common case, checked first: no "from" right before
    if not G.FROM_TO_BEFORE_RE.search(text, max(sent.s.start, pos - 100), pos):
        return False
    return not unit or G.DURATION_RE.search(text, max(sent.s.start, pos - 100), pos) is not None


def _not_results(sent: Sentence) -> None:
    """Numbers of another kind: NNTs, Bayesian probabilities, heterogeneity, concentrations, thresholds named
    by a noun, amounts of money, folds."""
    text = sent.text
    for m in sent.finditer(V.NNT_RE):
        sent.mark(m.start("num"), m.end("num"), "other")
    for m in sent.finditer(P.BAYES_PROBABILITY_RE):
        sent.mark(m.start("num"), m.end("num"), "other")
    has_pct = sent.has("%")
    for m in sent.finditer(V.HETEROGENEITY_RE) if has_pct else ():
        g = "num" if m.group("num") else "num2"
        sent.mark(m.start(g), m.end(g), "other")
    for m in sent.finditer(V.DRUG_CONCENTRATION_RE) if has_pct else ():
        sent.mark(m.start("num"), m.end("num"), "dose")
    arms_named = has_pct and (sent.has("group", "arm") or sent.has(") for"))
    for rx, g in ((V.CONCENTRATION_RE, "list"), (V.CONCENTRATION_FOR_RE, "for")) if arms_named else ():
        for m in sent.finditer(rx):
            sent.mark(m.start(g), m.end(g), "dose")
    for m in (
        sent.finditer(V.THRESHOLD_NOUN_RE)
        if sent.has("arget", "hreshold", "cut", "euil", "ible", "than")
        else ()
    ):
        g = "num" if m.group("num") else "num2"
        sent.mark(m.start(g), m.end(g), "threshold")
    cost = sent.has("ost", "oût", "rice", "rix") and V.COST_WORD_RE.search(text, sent.s.start, sent.s.end)
    for t in sent.within(cost.end(), sent.s.end) if cost else ():
        if V.MONEY_BEFORE_RE.search(text, max(sent.s.start, t.start - 4), t.start) or V.MONEY_AFTER_RE.match(
            text, t.end, sent.s.end
        ):
            t.role = t.role or "other"  # an amount of money after a word for cost
    for m in sent.finditer(P.FOLD_RE):
        sent.mark(m.start(), m.end(), "fold")


def _times(sent: Sentence) -> None:
    """Time points and durations of the design (not the size of a change in minutes, nor a value in days)."""
    text = sent.text
    for m in sent.finditer(P.TIME_RE):
        rate = K.RATE_AFTER_RE.match(text[m.end() : m.end() + 8]) or "." in (m.group("nums") or "")
        if K.BY_RE.match(m.group()) and (
            (rate and G.CHANGE_BY_RE.search(text, max(sent.s.start, m.start() - 60), m.start() + 2))
            or (
                G.AMOUNT_UNIT_RE.fullmatch(m.group("unit") or "")
                and (
                    G.CHANGE_BY_RE.search(text, max(sent.s.start, m.start() - 60), m.start() + 2)
                    or (
                        G.CHANGED_BY_RE.search(text, max(sent.s.start, m.start() - 100), m.start())
                        and re.search(
                            r"\b(?:and|or|vs\.?|versus)\s*$",
                            text[max(sent.s.start, m.start() - 8) : m.start()],
                        )
                    )
                )
            )
        ):
            continue  # "increased by 9.2 minutes per day", "by 32 minutes with A and by 11 minutes with B":
            # the size of a change, not a time point ("improved by 12 weeks" stays one)
        if m.group("nums2") and K.COPULA_END_RE.search(text[max(sent.s.start, m.start() - 8) : m.start()]):
            continue  # "the median stay was 6 days after keyhole surgery": a value, not a time point
        nums = m.group("nums") or m.group("adj") or m.group("nums2")
        unit = m.group("unit") or m.group("adjunit") or m.group("unit2")
        if not unit and K.DECIMAL_RE.search(nums or ""):
            continue  # "fell from 19.9 to 10.6": decimals without a time unit are values, not time points
        if m.group("nums") and _changed_from(sent, m.start("nums"), unit):
            continue  # "weight fell from 82 to 77 kg", "crying time fell from 370 to 142 minutes": values
        sent.mark(m.start(), m.end(), "time")
        if nums and unit:
            sent.times.append((m.start(), f"{' '.join(nums.split())} {time_unit(unit)}"))


def _amounts(sent: Sentence) -> None:
    """Doses given and thresholds (not an amount measured and compared, nor another arm's value)."""
    text = sent.text
    measured_pair: set[int] = set()  # the second arm's amount of a measured pair
    for rx, role in ((P.DOSE_RE, "dose"), (P.THRESHOLD_RE, "threshold")):
        for m in sent.finditer(rx):
            g = "num2" if rx is P.THRESHOLD_RE and m.group("num2") else "num"
            if role == "dose" and V.names_arm(text, sent.s.start, sent.s.end, m.start(g), m.end()):
                sent.mark(m.start(g), m.end(g), role)
                continue
            if (
                role == "dose"
                and (
                    m.start(g) in measured_pair
                    or m.group(g)[0] in "+-\u2212\u2013"
                    or any(t.ci is not None or t.spread for t in sent.within(m.start(g), m.end(g)))
                    or re.search(
                        r"(?i)(?:differ\w*|change|increase|decrease|reduction)\s*(?:of|by|was|:|=|,)?\s*$",
                        text[max(sent.s.start, m.start() - 25) : m.start()],
                    )
                    or (  # "fell by 3.4 ml/min": a change measured ("the dose was reduced by 25 mg" is given)
                        G.CHANGE_BY_RE.search(text, max(sent.s.start, m.start() - 60), m.start())
                        and not re.search(
                            r"(?i)\bdos\w*", text[max(sent.s.start, m.start() - 60) : m.start()]
                        )
                    )
                )
            ):
                continue
            if (
                role == "dose"
                and sent.s.role in VALUE_ROLES
                and (
                    ("/" not in m.group() and _measured_scope(sent, m.start(g)))
                    or A.PAIR_AFTER_RE.match(text, m.start(g) + len(m.group(g)), sent.s.end)
                    or (
                        A.PAIR_BEFORE_RE.search(text, max(sent.s.start, m.start() - 12), m.start())
                        and not _after_dose(sent, m.start(g))
                    )
                    or _measured_pair(sent, m.start(g), m.end(g), measured_pair)
                )
            ):
                continue  # "Mean blood loss was 742 ml versus 1,108 ml", "gain was 2.9 g/kg/day versus 2.6
                # g/kg/day": measured and compared; "27 mg/kg/day" is given
            if role == "threshold" and A.THAN_ARM_RE.match(text, m.end(g), sent.s.end):
                continue  # "93.33%, higher than 76.67% of the control group": a comparison of results
            sent.mark(m.start(g), m.end(g), role)
            if role == "threshold" and (over := P.OVER_RE.match(text, m.end(g), sent.s.end)):
                sent.mark(over.start(), over.end(), role)  # "a pain intensity of ≥ 4/10"


def _labels(sent: Sentence) -> None:
    """Percentages that define a response, years, list and arm labels."""
    text = sent.text
    for t in sent.free():
        if t.pct and _defines_response(sent, t):
            t.role = "threshold"  # "a 75% reduction in PASI score was achieved by 18 of 62 patients"
    for t in sent.free():
        if not t.pct and t.value.is_integer() and 1900 <= t.value <= 2100 and "," not in t.raw:
            if not K.POPULATION_AFTER_RE.match(text[t.end : t.end + 20]):
                t.role = "year"
        elif (
            (
                text[t.start - 1] == "-"
                and V.CODE_NAME_RE.search(text, max(sent.s.start, t.start - 14), t.start)
            )
            or _list_label(sent, t)
            or (
                not t.pct
                and t.raw.isdigit()
                and t.value < 20
                and ARM_LABEL_RE.search(text, max(sent.s.start, t.start - 10), t.start)
            )
        ):
            t.role = "label"  # "1) an absolute risk", "with arm 1"


def _after_dose(sent: Sentence, pos: int) -> bool:
    """The amount before "versus"/"compared to" was a dose given to an arm ("with 2000 IU compared to 800
    IU"): the second is the other arm's dose, not a measurement compared ("dose was 86 μg versus 158 μg")."""
    i = sent.index(sent.next_after(pos - 1) or sent.toks[-1]) - 1
    if i < 0 or sent.toks[i].role != "dose":
        return False
    start = sent.toks[i].start
    return DOSE_ARM_END_RE.search(sent.text, max(sent.s.start, start - 12), start) is not None


def _measured_pair(sent: Sentence, start: int, end: int, seconds: set[int]) -> bool:
    """An amount that "was" measured, then the other arm's ("FEV1 was 1,342 mL with triple and 1,269 mL with
    dual therapy"): both are measurements, not doses given; the second's start is added to ``seconds``."""
    if not re.search(r"\b(?:was|were|of)\s*$", sent.text[max(sent.s.start, start - 12) : start]):
        return False
    pair = A.ARM_PAIR_RE.match(sent.text, end, sent.s.end)
    if pair is None:
        return False
    seconds.add(pair.start("num"))
    return True


def _defines_response(sent: Sentence, t: Tok) -> bool:
    """A percentage that defines a response by a size of change: "a 75% reduction in PASI was achieved by",
    "patients achieving a 50% reduction" (the drug "achieved a 20% reduction in LDL" reports a result)."""
    text = sent.text
    head = text[max(sent.s.start, t.start - 100) : t.start]
    if K.ARTICLE_END_RE.search(head) and C.RESPONDER_AFTER_RE.match(text, t.end, sent.s.end):
        return True
    if C.CHANGE_OF_RE.search(head) and C.ACHIEVED_AFTER_RE.match(text, t.end, sent.s.end):
        return True  # "an improvement of 50% in the score was reached by"
    return bool(C.RESPONDER_BEFORE_RE.search(head)) and C.CHANGE_NOUN_RE.match(text, t.end) is not None


def _list_label(sent: Sentence, t: Tok) -> bool:
    """A list label "1) an absolute risk": a small integer with a closing bracket and no opening one."""
    text = sent.text
    before = text[t.start - 1 : t.start]  # "" at the start of the text
    if text[t.end : t.end + 1] != ")" or (before and not before.isspace() and before not in ":;,"):
        return False
    return (
        t.value.is_integer() and t.value < 10 and "(" not in text[max(sent.s.start, t.start - 30) : t.start]
    )


def _measured_scope(sent: Sentence, pos: int) -> bool:
    """A median or mean reaches the quantity at ``pos`` and says it was measured, not given: "morphine use was
    18.5 mg" is measured, "the median dose was 40 mg" is given."""
    found = scope(sent, pos)
    return found is not None and not DOSE_WORD_RE.search(sent.text, found[1], pos)

"""Number tokens of a sentence and the spans that give them roles before any value is read.

A :class:`Sentence` holds the number tokens of one sentence. :func:`design_spans` marks the numbers that
belong to something else (p values, CI bounds and levels, SDs, ranges, time points, doses, thresholds,
years, list labels, counts); :mod:`.sizes` then marks the sample sizes and :mod:`.baseline` the numbers
that describe the sample. Which measure a value has is decided by :mod:`.measure`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kb.evidence.results import checks as K
from kb.evidence.results import notvalues as V
from kb.evidence.results import patterns as P
from kb.evidence.results import sizepatterns as Z
from kb.evidence.results.measure import scope
from kb.evidence.results.model import Result
from kb.evidence.results.numbers import NUMBER_RE, parse_number, time_unit
from kb.evidence.results.sections import (
    BACKGROUND,
    CONCLUSIONS,
    OTHER,
    RESULTS,
    TITLE,
    UNKNOWN,
)
from kb.evidence.results.sections import Sentence as SentenceSpan
from kb.evidence.results.triggers import TRIGGERS

OF_BEFORE_RE = re.compile(r"(?<![\d.,])(\d+)\s+(?:of|out of|(?:[A-Za-zéèà-]+\s+){0,2}?sur)\s+$")
"""A count right before "of N" ("4 patients sur N"): N is its denominator."""
RELATIVE_RE = re.compile(r"(?i)(?:reduc|increas|decreas|chang|lower|higher|improv|gain|loss)")
RD_AFTER_RE = re.compile(r"^\s*%\s*(?:higher|lower|more|less|greater|fewer)\s+(?:in|among|with|for|than)\b")
DOSE_WORD_RE = re.compile(r"(?i)\b(?:dos(?:e|es|age|ing)|posologie)\b")
ARM_LABEL_RE = re.compile(r"(?i)\b(?:arms?|groups?|cohorts?|bras|groupes?)\s+$")
"""A word a small number labels ("arm 1", "group 2"): the number names an arm."""
SLASH_ARMS_RE = P.lead("[nN]", r"\b[nN]\s*=\s*(?P<nums>\d[\d,]*(?:\s*/\s*\d[\d,]*)+)(?!\s*(?:[.\d]|%))")
"""The arms' sizes written "n = 512/509/515", "(n=198/197)"."""
SKIP_ROLES = (BACKGROUND, TITLE, OTHER)
VALUE_ROLES = (RESULTS, CONCLUSIONS, UNKNOWN)


@dataclass
class Tok:
    """A number token of a sentence and what it turned out to be."""

    start: int
    end: int
    value: float
    raw: str
    pct: bool
    role: str = ""
    measure: str | None = None
    ci: tuple[float | None, float | None] | None = None
    spread: str | None = None
    count: int | None = None
    denominator: int | None = None
    p: list[str] = field(default_factory=list)


def tokens(text: str, start: int, end: int) -> list[Tok]:
    out = []
    pct_after = P.PCT_AFTER_RE.match
    for m in NUMBER_RE.finditer(text, start, end):
        raw = m.group()
        value = parse_number(raw)
        if value is None:
            continue
        a, b = m.span()
        tok = Tok(a, b, value, raw, pct_after(text, b) is not None)
        if out and _spaced_thousands(text, out[-1], tok):
            tok = _joined(text, out.pop(), tok)
        out.append(tok)
    for a, b in itertools.pairwise(out):  # "6.1 and 5.1 per cent": the unit is written once for both
        if b.pct and not a.pct and P.SHARED_UNIT_GAP_RE.fullmatch(text, a.end, b.start):
            a.pct = True
    return out


def _spaced_thousands(text: str, a: Tok, b: Tok) -> bool:
    """True when ``b`` is the next group of thousands of ``a`` ("1 250", "190 238", "2\u202f108,5").

    A thin or no-break space always joins; a plain space joins two groups only when nothing makes the first
    a number of its own: a label before it ("at week 2 108 patients", "visite 3 120"), or a letter, hyphen,
    slash or digit stuck to it ("IL-2 100").
    """
    if b.start - a.end != 1 or text[a.end] not in P.THOUSANDS_SPACES:
        return False
    gap = text[a.end]
    if not P.GROUP_RE.fullmatch(b.raw) or not P.FIRST_GROUPS_RE.fullmatch(a.raw):
        return False
    if gap != " ":
        return True
    before = text[max(0, a.start - 14) : a.start]
    return not (before and not before[-1].isspace() and before[-1] not in "([=:") and not (
        P.NUMBER_LABEL_RE.search(before)
    )


def _joined(text: str, a: Tok, b: Tok) -> Tok:
    """One token for a number written with spaces between its groups of thousands."""
    raw = text[a.start : b.end]
    value = parse_number(raw)
    return Tok(a.start, b.end, a.value if value is None else value, raw, b.pct)


class Sentence:
    """The tokens of one sentence and the helpers that give them roles."""

    def __init__(self, text: str, sentence: SentenceSpan, defined: dict[str, str] | None = None) -> None:
        self.text = text
        self.defined = defined or {}
        self.memo: dict[str, bool] = {}
        """Facts of the whole sentence computed once (see :func:`.unitcue.pct_quantity`)."""
        """The estimate abbreviations the text defines (:func:`.measure.definitions`)."""
        self.s = sentence
        self.toks = tokens(text, sentence.start, sentence.end)
        self.starts = [t.start for t in self.toks]
        self.ps: list[tuple[int, int, str]] = []
        self.times: list[tuple[int, str]] = []
        self.extra: list[Result] = []
        self._keywords: list[tuple[int, int, str, bool, str]] | None = None
        self._keyword_ends: list[int] = []
        self._compare: re.Match[str] | bool | None = False  # False: not searched yet

    def compare(self) -> re.Match[str] | None:
        """The first word of a comparison or an outcome in the sentence (``COMPARE_RE``), searched once."""
        if self._compare is False:
            self._compare = P.COMPARE_RE.search(self.text, self.s.start, self.s.end)
        return self._compare  # type: ignore[return-value]

    def free(self) -> Iterator[Tok]:
        return (t for t in self.toks if not t.role)

    def within(self, a: int, b: int) -> list[Tok]:
        """The tokens inside ``[a, b)`` (found by bisection: a sentence may hold thousands)."""
        out = []
        for i in range(bisect.bisect_left(self.starts, a), len(self.toks)):
            t = self.toks[i]
            if t.start >= b:
                break
            if t.end <= b:
                out.append(t)
        return out

    def index(self, t: Tok) -> int:
        """The position of ``t`` in the sentence's tokens."""
        return bisect.bisect_left(self.starts, t.start)

    def next_after(self, pos: int) -> Tok | None:
        """The first token starting after ``pos``."""
        i = bisect.bisect_right(self.starts, pos)
        return self.toks[i] if i < len(self.toks) else None

    def mark(self, a: int, b: int, role: str) -> list[Tok]:
        hits = [t for t in self.within(a, b) if not t.role]
        for t in hits:
            t.role = role
        return hits

    def before(self, pos: int, limit: int = 60) -> Tok | None:
        """The nearest free or value token ending before ``pos`` within ``limit`` characters."""
        for i in range(bisect.bisect_left(self.starts, pos) - 1, -1, -1):
            t = self.toks[i]
            if pos - t.end > limit:
                return None
            if t.end <= pos and t.role in ("", "value"):
                return t
        return None

    def has(self, *words: str) -> bool:
        """Whether one of ``words`` occurs in the sentence (a cheap gate before a rare pattern)."""
        return any(self.text.find(w, self.s.start, self.s.end) >= 0 for w in words)

    def finditer(self, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """The matches of ``rx`` in the sentence; none without a scan when its trigger says none can be."""
        trigger = TRIGGERS.get(id(rx))
        if trigger is not None and not trigger(self.text, self.s.start, self.s.end):
            return iter(())
        return rx.finditer(self.text, self.s.start, self.s.end)

    def search(self, rx: re.Pattern[str]) -> re.Match[str] | None:
        """The first match of ``rx`` in the sentence (checked against its trigger first)."""
        return next(self.finditer(rx), None)


def design_spans(sent: Sentence) -> None:
    """Roles of the numbers that belong to something else than a result value."""
    text = sent.text
    if sent.search(P.POWER_RE):
        sent.mark(sent.s.start, sent.s.end, "design")  # a sample-size calculation: every number is the design
        return
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
        sent.mark(m.start(), m.end(), "range")
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
    for m in sent.finditer(P.TIME_RE):
        rate = K.RATE_AFTER_RE.match(text[m.end() : m.end() + 8]) or "." in (m.group("nums") or "")
        if K.BY_RE.match(m.group()) and (
            (rate and P.CHANGE_BY_RE.search(text, max(sent.s.start, m.start() - 60), m.start() + 2))
            or (
                P.AMOUNT_UNIT_RE.fullmatch(m.group("unit") or "")
                and (
                    P.CHANGE_BY_RE.search(text, max(sent.s.start, m.start() - 60), m.start() + 2)
                    or (
                        P.CHANGED_BY_RE.search(text, max(sent.s.start, m.start() - 100), m.start())
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
        sent.mark(m.start(), m.end(), "time")
        if nums and unit:
            sent.times.append((m.start(), f"{' '.join(nums.split())} {time_unit(unit)}"))
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
                        P.CHANGE_BY_RE.search(text, max(sent.s.start, m.start() - 60), m.start())
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
                    or P.PAIR_AFTER_RE.match(text, m.start(g) + len(m.group(g)), sent.s.end)
                    or P.PAIR_BEFORE_RE.search(text, max(sent.s.start, m.start() - 12), m.start())
                    or _measured_pair(sent, m.start(g), m.end(g), measured_pair)
                )
            ):
                continue  # "Mean blood loss was 742 ml versus 1,108 ml", "gain was 2.9 g/kg/day versus 2.6
                # g/kg/day": measured and compared; "27 mg/kg/day" is given
            if role == "threshold" and P.THAN_ARM_RE.match(text, m.end(g), sent.s.end):
                continue  # "93.33%, higher than 76.67% of the control group": a comparison of results
            sent.mark(m.start(g), m.end(g), role)
            if role == "threshold" and (over := P.OVER_RE.match(text, m.end(g), sent.s.end)):
                sent.mark(over.start(), over.end(), role)  # "a pain intensity of ≥ 4/10"
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
    last_count = -1
    for m in sent.finditer(P.COUNT_PCT_RE):
        (count, *rest) = sent.within(m.start(), m.end())
        if count.role or not rest:
            continue
        if (
            P.ENROL_AFTER_RE.match(text, m.end(), sent.s.end)  # "1,150 (94.9%) completed the trial"
            or P.ANALYSED_AFTER_RE.match(text, m.end(), sent.s.end)  # "391 (93.5%) had a viral load result"
            or P.ANALYSED_BEFORE_RE.search(text, max(sent.s.start, m.start() - 60), m.start())
        ):
            count.role = "n"
            continue
        of = OF_BEFORE_RE.search(text, max(sent.s.start, m.start() - 30), m.start())
        if of is not None:  # "45 of 306 patients (14.7%)": 306 is the arm, 45 the events
            count.role = "n"
            rest[0].count, rest[0].denominator = int(parse_number(of.group(1)) or 0), int(count.value)
            for t in sent.within(of.start(1), of.end(1)):
                t.role = t.role or "count"
            continue
        if last_count >= 0 and P.LIST_GAP_RE.match(text, last_count, m.start()):
            count.role = "count"  # "in 97 (19%) patients and 85 (16%) patients": the list's first says
            rest[0].count = int(count.value)
            last_count = m.end()
            continue
        noun = K.POPULATION_NOUN_RE.match(text[m.end() : m.end() + 30])
        per_arm = noun and sent.s.role in VALUE_ROLES and Z.ARM_AFTER_RE.match(text, m.end() + noun.end())
        if (
            noun
            and not per_arm
            and not event_after(text, m.end() + noun.end())
            and not event_before(sent, m.start())
        ):
            # "20 (17%) smokers" describes the sample; "242 (78.8%) infants" analysed is its size
            count.role = "baseline" if P.DEMOGRAPHIC_RE.match(noun.group().strip()) else "n"
            continue
        count.role = "count"
        rest[0].count = int(count.value)
        last_count = m.end()
    for m in sent.finditer(SLASH_ARMS_RE) if sent.has("/") else ():
        parts = sent.within(m.start("nums"), m.end("nums"))
        earlier = {t.value for t in sent.within(max(sent.s.start, m.start() - 200), m.start())}
        if len(parts) >= 3 or sum(t.value for t in parts) in earlier:
            for t in parts:
                t.role = t.role or "n"  # "395 pts were randomised (n=198/197)"
    for m in sent.finditer(P.RATIO_RE):
        hits = sent.within(m.start(), m.end())
        if len(hits) == 2 and not hits[0].role and not hits[1].role:
            hits[0].role, hits[1].role = "count", "denominator"
            after = next(
                (t for t in sent.within(m.end(), m.end() + 12) if t.start - m.end() < 6 and t.pct), None
            )
            if after is not None:
                after.count, after.denominator = int(hits[0].value), int(hits[1].value)


def _measured_pair(sent: Sentence, start: int, end: int, seconds: set[int]) -> bool:
    """An amount that "was" measured, then the other arm's ("FEV1 was 1,342 mL with triple and 1,269 mL with
    dual therapy"): both are measurements, not doses given; the second's start is added to ``seconds``."""
    if not re.search(r"\b(?:was|were|of)\s*$", sent.text[max(sent.s.start, start - 12) : start]):
        return False
    pair = P.ARM_PAIR_RE.match(sent.text, end, sent.s.end)
    if pair is None:
        return False
    seconds.add(pair.start("num"))
    return True


def _defines_response(sent: Sentence, t: Tok) -> bool:
    """A percentage that defines a response by a size of change: "a 75% reduction in PASI was achieved by",
    "patients achieving a 50% reduction" (the drug "achieved a 20% reduction in LDL" reports a result)."""
    text = sent.text
    head = text[max(sent.s.start, t.start - 100) : t.start]
    if K.ARTICLE_END_RE.search(head) and P.RESPONDER_AFTER_RE.match(text, t.end, sent.s.end):
        return True
    if P.CHANGE_OF_RE.search(head) and P.ACHIEVED_AFTER_RE.match(text, t.end, sent.s.end):
        return True  # "an improvement of 50% in the score was reached by"
    return bool(P.RESPONDER_BEFORE_RE.search(head)) and P.CHANGE_NOUN_RE.match(text, t.end) is not None


def _list_label(sent: Sentence, t: Tok) -> bool:
    """A list label "1) an absolute risk": a small integer with a closing bracket and no opening one."""
    text = sent.text
    before = text[t.start - 1 : t.start]  # "" at the start of the text
    if text[t.end : t.end + 1] != ")" or (before and not before.isspace() and before not in ":;,"):
        return False
    return (
        t.value.is_integer() and t.value < 10 and "(" not in text[max(sent.s.start, t.start - 30) : t.start]
    )


def event_after(text: str, pos: int) -> bool:
    after = K.EVENT_LEAD_RE.sub("", text[pos : pos + 80].split("\n")[0])
    return P.EVENT_AFTER_RE.match(after) is not None and not P.ENROL_RE.search(after.split(" had ")[0])


def event_before(sent: Sentence, pos: int) -> bool:
    """An event verb before a count ("were reported in 97 (19%) patients"): it counts events."""
    return P.EVENT_BEFORE_RE.search(sent.text, max(sent.s.start, pos - 70), pos) is not None


def _measured_scope(sent: Sentence, pos: int) -> bool:
    """A median or mean reaches the quantity at ``pos`` and says it was measured, not given: "morphine use was
    18.5 mg" is measured, "the median dose was 40 mg" is given."""
    found = scope(sent, pos)
    return found is not None and not DOSE_WORD_RE.search(sent.text, found[1], pos)


def unit_of(text: str, t: Tok) -> str | None:
    if t.pct:
        return "%"
    m = P.UNIT_WORD_RE.match(text, t.end, min(len(text), t.end + 16))
    if m is None:
        return None
    word = m.group().strip()
    return time_unit(word) if K.TIME_UNIT_RE.fullmatch(word) else word


def clean(s: str) -> str:
    """Whitespace collapsed."""
    return " ".join(s.split())

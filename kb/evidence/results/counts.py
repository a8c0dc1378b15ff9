"""Counts of a sentence: events with their denominators ("45 of 306 patients (14.7%)", "43/195", "21 (18%)
had"), or sizes of the sample ("1,150 (94.9%) completed the trial", "n = 198/197").
"""

from __future__ import annotations

import re

from kb.evidence.results import checks as K
from kb.evidence.results import countpatterns as C
from kb.evidence.results import patterns as P
from kb.evidence.results import sizepatterns as Z
from kb.evidence.results.numbers import parse_number
from kb.evidence.results.spans import VALUE_ROLES, Sentence

OF_BEFORE_RE = re.compile(r"(?<![\d.,])(\d+)\s+(?:of|out of|(?:[A-Za-zéèà-]+\s+){0,2}?sur)\s+$")
"""A count right before "of N" ("4 patients sur N"): N is its denominator."""
SLASH_ARMS_RE = P.lead("[nN]", r"\b[nN]\s*=\s*(?P<nums>\d[\d,]*(?:\s*/\s*\d[\d,]*)+)(?!\s*(?:[.\d]|%))")
"""The arms' sizes written "n = 512/509/515", "(n=198/197)"."""


def counts(sent: Sentence) -> None:
    """Counts with their percentage ("45 of 306 patients (14.7%)", "21 (18%) had"), the arms' sizes "n =
    198/197" and fractions "43/195": events with their denominators, or sizes of the sample."""
    text = sent.text
    last_count = -1
    for m in sent.finditer(C.COUNT_PCT_RE):
        (count, *rest) = sent.within(m.start(), m.end())
        if count.role or not rest:
            continue
        if (
            C.ENROL_AFTER_RE.match(text, m.end(), sent.s.end)  # "1,150 (94.9%) completed the trial"
            or C.ANALYSED_AFTER_RE.match(text, m.end(), sent.s.end)  # "391 (93.5%) had a viral load result"
            or C.ANALYSED_BEFORE_RE.search(text, max(sent.s.start, m.start() - 60), m.start())
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
        if last_count >= 0 and C.LIST_GAP_RE.match(text, last_count, m.start()):
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
            count.role = "baseline" if C.DEMOGRAPHIC_RE.match(noun.group().strip()) else "n"
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


def event_after(text: str, pos: int) -> bool:
    """An event verb after the count at ``pos`` ("(n = 12) had a relapse"), unless another count is the
    verb's subject ("(A n = 49, placebo n = 48), 90 had paired scans")."""
    after = K.EVENT_LEAD_RE.sub("", text[pos : pos + 80].split("\n")[0])
    m = C.EVENT_AFTER_RE.match(after)
    return (
        m is not None
        and not C.ENROL_RE.search(after.split(" had ")[0])
        and C.NEW_SUBJECT_RE.search(after, 0, m.end()) is None
    )


def event_before(sent: Sentence, pos: int) -> bool:
    """An event verb before a count ("were reported in 97 (19%) patients"): it counts events."""
    return C.EVENT_BEFORE_RE.search(sent.text, max(sent.s.start, pos - 90), pos) is not None

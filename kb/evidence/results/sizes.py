"""Sample sizes of a sentence: "n = 59", "250 healthy women", "Fifty-nine patients", "(of 361)", arm lists.

:func:`sample_sizes` runs after :func:`kb.evidence.results.spans.design_spans` has marked the numbers that
belong to something else (p values, CIs, doses, times), so a number already given a role is never a size.
"""

from __future__ import annotations

import re

from kb.evidence.results import patterns as P
from kb.evidence.results.model import MEASURE_N, Result
from kb.evidence.results.numbers import WORD_NUMBER_RE, words_to_int
from kb.evidence.results.spans import Sentence, clean, event_after, event_before


def sample_sizes(sent: Sentence) -> None:
    """Sample sizes: "n = 59", "250 healthy women", "Fifty-nine patients", "(of 361)", arm lists."""
    text = sent.text
    for m in sent.finditer(P.N_EQ_RE):
        for t in sent.mark(m.start("num"), m.end("num"), "n"):
            if event_after(text, m.end()) and text[m.end() : m.end() + 2].strip().startswith(")"):
                t.role = "count"
    for m in sent.finditer(P.ARM_N_RE):
        g = next(g for g in ("num", "num2", "num3", "num4") if m.group(g))
        sent.mark(m.start(g), m.end(g), "n")
        nxt = P.NEXT_ARM_N_RE.match(text, m.end(), sent.s.end)
        if g == "num" and nxt is not None:  # "306 were assigned to drug A and 306 to placebo"
            sent.mark(nxt.start("num"), nxt.end("num"), "n")
    for m in sent.finditer(P.OF_N_RE):
        sent.mark(m.start("num"), m.end("num"), "n")
        owner = sent.before(m.start(), 3)
        if owner is not None and not owner.role and not owner.pct:
            owner.role = "n"
    for m in sent.finditer(P.POP_N_RE):
        hits = [t for t in sent.within(m.start("num"), m.end("num")) if not t.role and not t.pct]
        if not hits or event_after(text, m.end()) or event_before(sent, m.start()):
            continue
        if P.UNIT_WORD_RE.match(text, hits[0].end, hits[0].end + 12):
            continue
        if (
            re.search(r"(?i)\b(?:of|in|among)\s*$", text[max(sent.s.start, m.start() - 6) : m.start()])
            and hits[0].value < 3
        ):
            continue
        if hits[0].value < 2:
            continue
        hits[0].role = "n"
        _arm_list(sent, m.end())
    for m in sent.finditer(WORD_NUMBER_RE):
        after = P.WORD_N_RE.match(text, m.end())
        value = words_to_int(m.group("words"))
        if after is None or value is None or value < 2 or event_after(text, after.end()):
            continue
        if P.UNIT_WORD_RE.match(text, m.end(), m.end() + 12) or re.match(
            r"\s+(?:times|groups?)\b", text[m.end() :]
        ):
            continue
        if re.match(r"(?i)\s+of\b", text[m.end() : m.end() + 4]):
            continue
        sent.extra.append(n_result(sent, m.start(), m.end(), float(value)))
        _arm_list(sent, after.end())
    for m in re.finditer(r"\(\s*of\s+", text[sent.s.start : sent.s.end]):
        pos = sent.s.start + m.start()
        words = re.search(r"(?i)\b([a-z]+(?:[\s-][a-z]+){0,3})\s*$", text[max(sent.s.start, pos - 40) : pos])
        if words and words_to_int(words.group(1)):
            start = pos - len(words.group(0))
            sent.extra.append(n_result(sent, start, pos, float(words_to_int(words.group(1)) or 0)))


def _arm_list(sent: Sentence, pos: int) -> None:
    m = P.ARM_LIST_RE.match(sent.text, pos, sent.s.end)
    if m is None or P.DEMOGRAPHIC_RE.search(m.group("body")) or "%" in m.group("body"):
        return
    for t in sent.within(m.start("body"), m.end("body")):
        if not t.role and not t.pct and t.value.is_integer():
            t.role = "n"


def n_result(sent: Sentence, start: int, end: int, value: float) -> Result:
    return Result(MEASURE_N, value, start=start, end=end, raw=clean(sent.text[sent.s.start : sent.s.end]))

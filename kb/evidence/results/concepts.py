"""Tie each result to the words around it and to the vocabulary: arm, comparator, outcome, kind.

:func:`describe` fills the text fields of a result from its sentence (``arm_text``: "52.0% for axitinib";
``comparator_arm``: "versus sorafenib"; ``outcome_text``: the clause's subject). :func:`link` adds the
vocabulary ids (``outcome``, ``arm``: an intervention) from the tagger's hits in the same sentence, and the
finer kind of a proportion (a survival, an adverse event, a response rate) from the outcome's ``measure``
in ``extract/outcomes.yml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TypeVar

from kb.evidence.matcher import cue_regex
from kb.evidence.results import armpatterns as A
from kb.evidence.results.model import (
    EFFECT_MEASURES,
    KIND_ADVERSE_EVENT,
    KIND_SURVIVAL,
    MEASURE_N,
    MEASURE_P_ONLY,
    MEASURE_PROPORTION,
    MEASURE_RESPONSE_RATE,
    Result,
)
from kb.evidence.tagger import INTERVENTION, InterventionHit, OutcomeHit, TagResult, tag_concepts
from kb.evidence.vocab import Vocabulary

WINDOW = 300
"""Characters of a result's sentence read on each side of it for its words and concepts."""
H = TypeVar("H", OutcomeHit, InterventionHit)
OF_RE = re.compile(r"\s*%?\s*(?:of|des|de|du|d'|d’)\s")
_LEAD_RE = re.compile(
    r"(?i)^(?:the|a|an|in|of|and|but|while|whereas|with|for|overall|le|la|les|l'|des|du)\s+"
)

_WORD_RE = re.compile(r"[A-Za-z][\w+/-]*")
_FIRST_WORD_COMMA_RE = re.compile(r"^(?:\w+\s*,\s*)")
_OPENING_RE = re.compile(r"^(?:After|At|In|Overall)\b")
_DIGIT_RE = re.compile(r"\d")
_SURVIVAL_RE = re.compile(r"(?i)surviv|survie")
_PCT_OR_STOP_RE = re.compile(r"\d\s*%|[;.]\s")


def describe(text: str, result: Result) -> Result:
    """The result with its arm, comparator and outcome words read from its sentence."""
    if result.measure in (MEASURE_N, MEASURE_P_ONLY):
        return result
    # a window of the sentence around the number keeps the work per result bounded on hostile text
    lo = max(result.sentence_start, result.start - WINDOW)
    sentence = text[lo : min(result.sentence_end, result.end + WINDOW)]
    at = result.start - lo
    arm = None
    m = A.AFTER_ARM_RE.match(sentence[result.end - lo :])
    if m:
        arm = m.group("arm")
    else:
        b = A.BEFORE_ARM_RE.search(sentence[max(0, at - 60) : at])
        arm = b.group("arm") if b else None
    comparator = None
    if result.measure in EFFECT_MEASURES:
        c = A.COMPARATOR_RE.search(sentence)
        comparator = c.group("arm") if c else None
        if arm is None and c is not None:
            words = _WORD_RE.findall(sentence[: c.start()])
            arm = words[-1] if words else None
    return result.evolve(arm_text=arm, comparator_arm=comparator, outcome_text=_outcome_text(sentence, at))


def _outcome_text(sentence: str, at: int) -> str | None:
    head = sentence[:at]
    cut = max(head.rfind(";"), head.rfind("("), head.rfind(":"))
    clause = head[cut + 1 :] if cut >= 0 else head
    verb = A.CLAUSE_VERB_RE.search(clause)
    if verb is None:
        return None
    subject = clause[: verb.start()].strip(" ,")
    subject = _FIRST_WORD_COMMA_RE.sub("", subject) if _OPENING_RE.match(subject) else subject
    for _ in range(3):
        subject = _LEAD_RE.sub("", subject)
    subject = " ".join(subject.split())
    return subject[:80] or None


def link(
    text: str,
    results: list[Result],
    vocab: Vocabulary,
    *,
    assume_itp: bool = False,
    tags: TagResult | None = None,
) -> list[Result]:
    """Vocabulary ids of each result's outcome and arm, and a proportion's finer kind.

    ``tags`` are the tagger's hits on ``text`` when the caller already has them (the build tags every
    abstract once).
    """
    if all(r.measure in (MEASURE_N, MEASURE_P_ONLY) for r in results):
        return results  # sample sizes and p values take no concept: the text need not be tagged
    tags = tags if tags is not None else tag_concepts(text, vocab, assume_itp=assume_itp)
    primary = [i for i, is_primary in tags.outcome_links() if is_primary]
    primary_rx = cue_regex((vocab.outcomes.section("primary_cues") or {}).get("cues") or [])
    outcomes = sorted(tags.outcomes, key=lambda o: o.start)
    outcome_starts = [o.start for o in outcomes]
    interventions = sorted(tags.interventions, key=lambda h: h.start)
    lower = text.lower()
    out = []
    for r in results:
        if r.measure in (MEASURE_N, MEASURE_P_ONLY):
            out.append(r)
            continue
        lo, hi = max(r.sentence_start, r.start - WINDOW), min(r.sentence_end, r.end + WINDOW)
        near = _near(outcomes, outcome_starts, lo, hi)
        before = [o for o in near if o.end <= r.start]
        after = [o for o in near if r.end <= o.start]
        hit = before[-1] if before else (after[0] if after else None)
        if (
            after
            and OF_RE.match(text, r.end, after[0].start)
            and not _DIGIT_RE.search(text, r.end, after[0].start)
        ):
            hit = after[0]
        outcome = hit.id if hit else None
        if primary and primary_rx is not None and primary_rx.search(lower, lo, r.start):
            if hit is None or hit.start < lo:
                outcome = primary[0]
            elif not any(o.primary for o in before):
                outcome = primary[0] if hit in after or hit.start < r.start - 80 else outcome
        arm = _arm_id(text, interventions, r)
        measure, kind = r.measure, r.kind
        if hit is not None and r.measure in (MEASURE_PROPORTION, MEASURE_RESPONSE_RATE):
            default = str(vocab.outcomes.by_id[hit.id].get("measure", MEASURE_PROPORTION))
            if _SURVIVAL_RE.search(hit.text):
                kind = KIND_SURVIVAL
            elif default == KIND_ADVERSE_EVENT:
                kind = KIND_ADVERSE_EVENT
            elif default == MEASURE_RESPONSE_RATE:
                measure = MEASURE_RESPONSE_RATE
        out.append(r.evolve(outcome=outcome, arm=arm, measure=measure, kind=kind))
    return out


def _arm_id(text: str, interventions: list[InterventionHit], r: Result) -> str | None:
    """An effect's first studied intervention; a value's intervention right after it, else the last before."""
    lo, hi = max(r.sentence_start, r.start - WINDOW), min(r.sentence_end, r.end + WINDOW)
    in_sentence = _near(interventions, [h.start for h in interventions], lo, hi)
    if r.measure in EFFECT_MEASURES:
        first = next((h for h in in_sentence if h.role == INTERVENTION and h.end <= r.start), None)
        return first.id if first else None
    after = [h for h in in_sentence if r.end <= h.start and h.start - r.end < 50]
    if after and not _PCT_OR_STOP_RE.search(text[r.end : after[0].start]):
        return after[0].id
    before = [h for h in in_sentence if h.end <= r.start]
    return before[-1].id if before else None


def _near(hits: Sequence[H], starts: list[int], lo: int, hi: int) -> list[H]:
    """The hits inside ``[lo, hi)`` (hits sorted by start)."""
    return [h for h in hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)] if h.end <= hi]

"""Tag a title, abstract or document text with interventions (and their roles), outcomes and design.

``tag_text(text)`` returns a :class:`TagResult`: every hit keeps its concept id, the matched snippet and
its character offsets in the original text, so a caller can map it to a line. Roles of an intervention
mention: ``intervention`` (studied or given), ``comparator``, ``population`` (prior therapy or a trait
of the population: "post-splenectomy", "rituximab-refractory") and ``rescue``. All cue words come from
the vocabulary files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kb.evidence.design import DesignResult, detect_design
from kb.evidence.hits import concept_hits
from kb.evidence.matcher import FoldedText, RawHit, cue_regex, fold, fold_lower
from kb.evidence.vocab import VocabFile, Vocabulary, load_vocabulary

INTERVENTION = "intervention"
COMPARATOR = "comparator"
POPULATION = "population"
RESCUE = "rescue"
ROLES = (INTERVENTION, COMPARATOR, POPULATION, RESCUE)

SENTENCE_END = re.compile(
    r"(?=[.;!?\n])(?:(?<![Vv]s)(?<!\bal)(?<!\bcf)[.;!?]\s+(?=[A-Z0-9\"(])|\n\s*\n|[.;!?]$)"
)
"""The end of a sentence; the look-ahead (every match starts with one of its characters) lets the engine skip,
in C, the positions where none can start instead of trying the three look-behinds at each."""
SPACES = re.compile(r"[\s\-]+")
BLANK_LINE = re.compile(r"\n\s*\n")
CHAIN_GAP = re.compile(r"^\s*(?:,|and|or|et|ou|/|\+|&)?\s*(?:the|le|la|les|l'|des|du|de)?\s*$")


@dataclass(frozen=True)
class InterventionHit:
    """One intervention mention: concept id, role, snippet and ``[start, end)`` offsets in the text."""

    id: str
    role: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class OutcomeHit:
    """One outcome mention; ``primary`` is true when a primary-outcome cue introduces it."""

    id: str
    primary: bool
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class TagResult:
    """Everything the tagger found in one text."""

    interventions: tuple[InterventionHit, ...] = ()
    outcomes: tuple[OutcomeHit, ...] = ()
    design: DesignResult = field(default_factory=DesignResult)

    def intervention_links(self) -> list[tuple[str, str]]:
        """Distinct ``(concept_id, role)`` pairs, in order of first mention."""
        return list(dict.fromkeys((h.id, h.role) for h in self.interventions))

    def outcome_links(self) -> list[tuple[str, bool]]:
        """Distinct ``(concept_id, primary)`` pairs; an outcome is primary if any mention is."""
        primary: dict[str, bool] = {}
        for h in self.outcomes:
            primary[h.id] = primary.get(h.id, False) or h.primary
        return list(primary.items())

    def to_json(self) -> dict[str, Any]:
        """The summary object of ``python -m kb.evidence --jsonl``."""
        return {
            "interventions": [{"id": i, "role": r} for i, r in self.intervention_links()],
            "outcomes": [{"id": i, "primary": p} for i, p in self.outcome_links()],
            "design": self.design.primary,
            "flags": list(self.design.flags),
            "level": self.design.level.to_json(),
        }


class _RoleCues:
    """Compiled role cues of ``interventions.yml``."""

    def __init__(self, vf: VocabFile) -> None:
        roles = vf.section("roles") or {}
        self.before: list[tuple[str, re.Pattern[str], int]] = []
        self.after: list[tuple[str, re.Pattern[str], int]] = []
        for role in (COMPARATOR, POPULATION, RESCUE):
            spec = roles.get(role) or {}
            window = int(spec.get("window", 40))
            rx = cue_regex(spec.get("before") or [], whole_compound=True)
            if rx is not None:
                self.before.append((role, rx, window))
            rx = cue_regex(spec.get("adjacent") or [])
            if rx is not None:
                self.before.append((role, re.compile(f"(?:{rx.pattern})[\\s:,(\\-]*$"), window))
            rx = cue_regex(spec.get("after") or [])
            if rx is not None:
                self.after.append((role, re.compile(f"^[\\s\\-\u2013:]*(?:{rx.pattern})"), window))
        pop = roles.get(POPULATION) or {}
        attached = cue_regex(pop.get("attached") or [])
        self.attached = re.compile(f"^-(?:{attached.pattern})") if attached is not None else None
        self.block = cue_regex(pop.get("block") or [])
        self.population_terms = {SPACES.sub(" ", fold_lower(t)) for t in roles.get("population_terms") or []}


_CUES: dict[int, _RoleCues] = {}


def _role_cues(vf: VocabFile) -> _RoleCues:
    cues = _CUES.get(id(vf))
    if cues is None:
        cues = _CUES[id(vf)] = _RoleCues(vf)
    return cues


def _blocks(text: FoldedText, cues: _RoleCues) -> list[tuple[int, int]]:
    if cues.block is None:
        return []
    spans = []
    for m in cues.block.finditer(text.lower):
        end = BLANK_LINE.search(text.lower, m.end())
        spans.append((m.start(), end.start() if end else len(text.lower)))
    return spans


def _role(
    vf: VocabFile,
    text: FoldedText,
    hit: RawHit,
    prev: tuple[RawHit, str] | None,
    blocks: list[tuple[int, int]],
) -> str:
    cues = _role_cues(vf)
    cid = hit.payload[0]  # type: ignore[index]
    default = vf.by_id[cid].get("default_role", INTERVENTION)
    lower = text.lower
    if SPACES.sub(" ", lower[hit.start : hit.end]) in cues.population_terms:
        return POPULATION
    after = lower[hit.end : hit.end + 40]
    if cues.attached is not None and cues.attached.match(after):
        return POPULATION
    for role, rx, window in cues.after:
        if rx.match(lower[hit.end : hit.end + window]):
            return role
    lo = max(0, hit.start - 90)
    if prev is not None:
        lo = max(lo, prev[0].end)
    before = lower[lo : hit.start]
    ends = list(SENTENCE_END.finditer(before))
    if ends:
        before = before[ends[-1].end() :]
    best: tuple[int, str] | None = None
    for role, rx, window in cues.before:
        for m in rx.finditer(before):
            if len(before) - m.end() <= window and (best is None or m.end() > best[0]):
                best = (m.end(), role)
    if best is not None:
        return best[1]
    if prev is not None and prev[1] != INTERVENTION and CHAIN_GAP.match(lower[prev[0].end : hit.start]):
        return prev[1]
    if any(s <= hit.start < e for s, e in blocks):
        return POPULATION
    return str(default)


def _interventions(vocab: Vocabulary, text: FoldedText, assume_itp: bool) -> list[InterventionHit]:
    vf = vocab.interventions
    hits = concept_hits(vf, text, assume_itp=assume_itp)
    blocks = _blocks(text, _role_cues(vf))
    out: list[InterventionHit] = []
    prev: tuple[RawHit, str] | None = None
    for hit in hits:
        if prev is not None and SENTENCE_END.search(text.lower, prev[0].end, hit.start):
            prev = None
        role = _role(vf, text, hit, prev, blocks)
        start, end = text.span(hit.start, hit.end)
        out.append(InterventionHit(hit.payload[0], role, text.original[start:end], start, end))  # type: ignore[index]
        prev = (hit, role)
    return out


def _outcomes(vocab: Vocabulary, text: FoldedText, assume_itp: bool) -> list[OutcomeHit]:
    vf = vocab.outcomes
    hits = concept_hits(vf, text, assume_itp=assume_itp)
    stop_rx = cue_regex(vf.section("stoplist") or [])
    if stop_rx is not None:
        stops = [(m.start(), m.end()) for m in stop_rx.finditer(text.lower)]
        hits = [h for h in hits if not any(s < h.end and h.start < e for s, e in stops)]
    spec = vf.section("primary_cues") or {}
    primary_rx = cue_regex(spec.get("cues") or [])
    stop_primary = cue_regex(spec.get("stop") or [])
    window = int(spec.get("window", 120))
    primary_at: set[int] = set()
    if primary_rx is not None:
        for m in primary_rx.finditer(text.lower):
            for h in hits:
                if h.start < m.end():
                    continue
                gap = text.lower[m.end() : h.start]
                if h.start - m.end() > window or (gap.strip(" \t\r\n:=-") and SENTENCE_END.search(gap)):
                    break
                if stop_primary is not None and stop_primary.search(gap):
                    break
                primary_at.add(h.start)
                break
    out = []
    for h in hits:
        start, end = text.span(h.start, h.end)
        out.append(OutcomeHit(h.payload[0], h.start in primary_at, text.original[start:end], start, end))  # type: ignore[index]
    return out


def line_of(text: str, offset: int, start_line: int = 1) -> int:
    """The line number of character ``offset`` of ``text`` whose first line is ``start_line``."""
    return start_line + text.count("\n", 0, max(0, offset))


def tag_concepts(text: str, vocab: Vocabulary, *, assume_itp: bool = False) -> TagResult:
    """Interventions and outcomes of ``text`` only (the design left at its default): for callers that tie
    numbers to concepts and would throw the design away (results linking), a third of the work saved."""
    folded = fold(text)
    return TagResult(
        tuple(_interventions(vocab, folded, assume_itp)), tuple(_outcomes(vocab, folded, assume_itp))
    )


def tag_text(text: str, vocab: Vocabulary | None = None, *, assume_itp: bool = False) -> TagResult:
    """Tag ``text`` (a title, an abstract or a whole document; French or English).

    ``assume_itp`` says the text is known to be about ITP (e.g. a title from an ITP reference list), which
    satisfies the ``itp_context`` guard of abbreviations; ``not_if`` guards still apply.
    """
    vocab = vocab or load_vocabulary()
    if not isinstance(text, str):
        text = str(text)
    folded = fold(text)
    interventions = _interventions(vocab, folded, assume_itp)
    outcomes = _outcomes(vocab, folded, assume_itp)
    controlled = any(h.role == COMPARATOR for h in interventions)
    design = detect_design(vocab, folded, controlled=controlled)
    return TagResult(tuple(interventions), tuple(outcomes), design)

"""Study design detection and evidence levels (Oxford CEBM 2011, HAS 2013), driven by ``designs.yml``.

One primary design id (first of ``precedence`` with a cue; then the ``fallback`` rules), design flags
collected independently (randomised, blinding, placebo, phase, centres, direction, post hoc...), and the
evidence level of the primary design for the treatment-benefit question.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from kb.evidence.hits import concept_hits
from kb.evidence.matcher import FoldedText, cue_regex

if TYPE_CHECKING:
    from kb.evidence.vocab import VocabFile, Vocabulary

RANDOMISED = "randomised"
PHASE = "phase"
CEBM_MAX = 5


@dataclass(frozen=True)
class EvidenceLevel:
    """CEBM 2011 level (1 best .. 5) and HAS 2013 level (1..4) with grade (A, B, C, AE); None if n/a."""

    cebm2011: int | None = None
    has2013_level: int | None = None
    has2013_grade: str | None = None
    question: str = "treatment_benefit"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping."""
        return {
            "cebm2011": self.cebm2011,
            "has2013_level": self.has2013_level,
            "has2013_grade": self.has2013_grade,
            "question": self.question,
        }


@dataclass(frozen=True)
class DesignCue:
    """A design cue found in the text (folded offsets are mapped back to the original)."""

    design: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class DesignResult:
    """The primary design (or None), its flags, its evidence level and the cues that gave them."""

    primary: str | None = None
    flags: tuple[str, ...] = ()
    level: EvidenceLevel = field(default_factory=EvidenceLevel)
    cues: tuple[DesignCue, ...] = ()


class _FlagCues:
    def __init__(self, vf: VocabFile) -> None:
        self.flags: list[tuple[str, re.Pattern[str]]] = []
        self.from_design: dict[str, str] = {}
        self.phase: re.Pattern[str] | None = None
        for name, spec in (vf.section("flags") or {}).items():
            if not isinstance(spec, Mapping):
                continue
            if "from_design" in spec:
                self.from_design[str(spec["from_design"])] = str(name)
            if "pattern" in spec:
                self.phase = re.compile(str(spec["pattern"]))
            rx = cue_regex([*(spec.get("en") or []), *(spec.get("fr") or [])])
            if rx is not None:
                self.flags.append((str(name), rx))


_FLAGS: dict[int, _FlagCues] = {}
_SENTENCE = re.compile(r"(?<!\bvs)[.;!?]\s+|\n\s*\n")
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _flag_cues(vf: VocabFile) -> _FlagCues:
    cues = _FLAGS.get(id(vf))
    if cues is None:
        cues = _FLAGS[id(vf)] = _FlagCues(vf)
    return cues


def _level(vf: VocabFile, design: str | None, flags: tuple[str, ...], controlled: bool) -> EvidenceLevel:
    question = str(vf.section("question") or "treatment_benefit")
    if design is None:
        return EvidenceLevel(question=question)
    concept = vf.by_id[design]
    cebm = concept.get("cebm2011")
    has = concept.get("has2013") or {}
    if not controlled:
        cebm = concept.get("cebm2011_uncontrolled", cebm)
        has = concept.get("has2013_uncontrolled", has)
    if isinstance(cebm, int) and any(f in flags for f in vf.section("grade_down_flags") or []):
        cebm = min(CEBM_MAX, cebm + 1)
    level = cebm if isinstance(cebm, int) else None
    return EvidenceLevel(level, has.get("level"), has.get("grade"), question)


def _sentence(text: str, pos: int) -> str:
    """The sentence of ``text`` around ``pos``."""
    starts = [m.end() for m in _SENTENCE.finditer(text, 0, pos)]
    end = _SENTENCE.search(text, pos)
    return text[starts[-1] if starts else 0 : end.start() if end else len(text)]


def detect_design(vocab: Vocabulary, text: FoldedText, *, controlled: bool = False) -> DesignResult:
    """Detect the primary design, flags and level of ``text``; ``controlled``: a comparator was found."""
    vf = vocab.designs
    title_window = int(vf.section("title_window") or 200)
    first_break = text.lower.find("\n", 1)
    if first_break > 0:
        title_window = min(title_window, first_break)
    hits = concept_hits(vf, text, title_window=title_window)
    background = cue_regex(vf.section("background_cues") or [])
    found: dict[str, list[DesignCue]] = {}
    for h in hits:
        design = h.payload[0]  # type: ignore[index]
        if (
            h.start >= title_window
            and background is not None
            and background.search(_sentence(text.lower, h.start))
        ):
            continue
        start, end = text.span(h.start, h.end)
        found.setdefault(design, []).append(DesignCue(design, text.original[start:end], start, end))
    cues = _flag_cues(vf)
    flags: list[str] = []
    for design, flag in cues.from_design.items():
        if design in found:
            flags.append(flag)
    for name, rx in cues.flags:
        if rx.search(text.lower):
            flags.append(name)
    if cues.phase is not None:
        m = cues.phase.search(text.lower)
        if m is not None:
            flags.append(f"{PHASE}_{_ROMAN.get(m.group(1), m.group(1))}")
    primary = next((d for d in vf.section("precedence") or [] if d in found), None)
    if primary is None:
        for rule in vf.section("fallback") or []:
            if "if_design" in rule and rule["if_design"] not in found:
                continue
            if "if_flag" in rule and not any(
                f == rule["if_flag"] or f.startswith(rule["if_flag"] + "_") for f in flags
            ):
                continue
            if "unless_flag" in rule and rule["unless_flag"] in flags:
                continue
            primary = str(rule["then"])
            if "flag" in rule:
                flags.append(str(rule["flag"]))
            break
    ordered = tuple(dict.fromkeys(flags))
    all_cues = tuple(c for cs in found.values() for c in cs)
    return DesignResult(primary, ordered, _level(vf, primary, ordered, controlled), all_cues)

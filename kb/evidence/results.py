"""Extract numeric results from review cards, abstracts and slides.

``extract_results(lines, start_line)`` joins the lines into one stream (blank lines and markdown emphasis
dropped, so a number split over soft line breaks is found), then finds sample sizes, effect estimates with
CI and p, per-arm proportions ("22% ... MMF vs. 44% ... GC"), rates and proportions tied to an outcome,
survival at a time point, medians with units and adverse-event counts. Each :class:`Result` reports the
line of its first character. Outcome and arm ids come from the tagger, so from the vocabulary files.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kb.evidence.matcher import cue_regex
from kb.evidence.tagger import INTERVENTION, InterventionHit, OutcomeHit, TagResult, tag_text
from kb.evidence.vocab import Vocabulary, load_vocabulary

MEASURE_N = "n"
MEASURE_MEDIAN = "median"
MEASURE_SURVIVAL = "survival"
MEASURE_PROPORTION = "proportion"
NUM = r"\d+(?:[.,]\d+)?"
PCT_RE = re.compile(rf"(?<![\d.,])({NUM})\s*%(?!\s*(?:CI|IC|confidence|d'intervalle))")
RANGE_PCT_RE = re.compile(rf"{NUM}\s*(?:-|\u2013|to|a)\s*{NUM}\s*%")
CI_LEVEL_RE = re.compile(r"(?:CI|IC)\s*(?:a\s*|à\s*)?$", re.IGNORECASE)
COUNT_RE = re.compile(
    rf"(?<![\d.,])(\d+)\*?\s*(?:patients?|pts|cases|cas|sujets|subjects)?\s*\(\s*({NUM})\s*%\s*\)"
)
N_RE = re.compile(r"(?<![A-Za-z0-9])[Nn]\s*=\s*(\d+)(?![\d.,]\d)")
EFFECT_TAIL = (
    r"\s*[:=]?\s*(?P<value>\d+(?:[.,]\d+)?)"
    r"(?:\s*[(\[,;]?\s*(?:(?:95\s*%\s*)?(?i:CI|IC)(?:\s*(?:a|à)?\s*95\s*%)?|95\s*%)\s*[:=,]?\s*"
    r"(?P<lo>\d+(?:[.,]\d+)?)\s*(?:-|\u2013|to|à|a|;|,)\s*(?P<hi>\d+(?:[.,]\d+)?)\s*[)\]]?)?"
    r"(?:\s*[;,)\]]*\s*(?i:p)\s*(?P<pop>[=<>\u2264\u2265])\s*(?P<p>\d*[.,]\d+))?"
)
PAIR_RE = re.compile(
    rf"(?<![\d.,])(?P<a>{NUM})\s*%(?P<mid>[^%]{{0,90}}?)"
    r"(?<![A-Za-z])(?:vs\.?|versus|contre|compared (?:with|to))"
    rf"\s*(?P<b>{NUM})\s*%(?P<tail>[^%\n.;\]\[]{{0,60}})"
)
MEDIAN_RE = re.compile(
    rf"(?i:\bm[eé]dian[e]?\b)(?P<what>[^.;%\d]{{0,80}}?)[:=]?\s*(?P<value>{NUM})\s*"
    r"(?P<unit>days?|weeks?|months?|years?|jours?|semaines?|mois|ans|hours?|heures?)\b"
)
TIME_RE = re.compile(
    r"(?i:\b(?:at|a|à|after|apres|après)\s+)(\d+)\s*(days?|weeks?|months?|years?|jours?|semaines?|mois|ans)\b"
)
N_WORDS_RE = re.compile(
    r"(?i:\b(?P<words>[a-zéèê\-]+(?:[\s\-]+(?:et[\s\-]+)?[a-zéèê\-]+)?)\s+(?:patients?|sujets|subjects)\s+"
    r"(?:étaient|etaient|ont été|ont ete|were|have been)?\s*"
    r"(?:analys[ée]s|inclus|included|enrolled|analy[sz]ed))"
)
N_DIGITS_RE = re.compile(
    r"(?i:\b(\d+)\s+(?:patients?|sujets|subjects)\s+(?:étaient|etaient|ont été|ont ete|were|have been)\s*"
    r"(?:analys[ée]s|inclus|included|enrolled|analy[sz]ed|randomi[sz]ed))"
)
BOUNDARY_RE = re.compile(r"(?<![Vv]s)(?<!\bal)(?<!\bcf)(?<!\bp)[.;!?](?:\s|$)|\n\s*[-\u2022\u25aa\u27a2o]\s")
COPULA_END_RE = re.compile(
    r"(?i:\b(?:was|were|is|are|of|reached|etait|était|étaient|etaient|de|d'environ|atteint)\s*|[:=]\s*)$"
)
GROUP_RE = re.compile(r"(?i:group[e]?|arm|bras)\W*$")
UNITS = {
    "day": "days",
    "jour": "days",
    "week": "weeks",
    "semaine": "weeks",
    "month": "months",
    "mois": "months",
    "year": "years",
    "an": "years",
    "hour": "hours",
    "heure": "hours",
}
_FR_UNITS = {
    "zero": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
    "cent": 100,
}
_EN_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
}
NUMBER_WORDS = {**_FR_UNITS, **_EN_UNITS}


_EFFECTS: dict[int, tuple[re.Pattern[str], dict[str, str]]] = {}


def _effect_regex(vocab: Vocabulary) -> tuple[re.Pattern[str], dict[str, str]]:
    """The effect-estimate regex built from ``effect_measures`` of outcomes.yml, and form -> measure name."""
    cached = _EFFECTS.get(id(vocab))
    if cached is not None:
        return cached
    names: dict[str, str] = {}
    abbrevs: list[str] = []
    words: list[str] = []
    for entry in vocab.outcomes.section("effect_measures") or []:
        short = str(entry.get("short", entry["id"]))
        for form in entry.get("abbrev_cs") or []:
            abbrevs.append(re.escape(str(form)))
            names[str(form)] = short
        for word in [*(entry.get("en") or []), *(entry.get("fr") or [])]:
            words.append(re.escape(str(word)))
            names[str(word).lower()] = short
    pattern = (
        rf"(?:(?<![A-Za-z])(?P<abbr>{'|'.join(abbrevs) or '(?!)'})(?![A-Za-z])"
        rf"|(?P<word>(?i:{'|'.join(sorted(words, key=len, reverse=True)) or '(?!)'})))" + EFFECT_TAIL
    )
    cached = _EFFECTS[id(vocab)] = (re.compile(pattern), names)
    return cached


@dataclass(frozen=True)
class Result:
    """One extracted number with what it measures, where it is and the text it came from."""

    measure: str
    value: float | None
    unit: str | None = None
    outcome: str | None = None
    arm: str | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    p: float | None = None
    p_op: str | None = None
    timepoint: str | None = None
    count: int | None = None
    raw: str = ""
    line: int = 0


def _num(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def words_to_int(words: str) -> int | None:
    """A French or English number written in words ("Cinquante", "quarante-trois", "forty two")."""
    total = 0
    parts = [p for p in re.split(r"[\s\-]+", words.lower()) if p and p not in {"et", "and"}]
    if not parts:
        return None
    for part in parts:
        value = NUMBER_WORDS.get(part)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return total


class _Stream:
    """Lines joined into one text, blank lines and markdown emphasis dropped, with a line map."""

    def __init__(self, lines: Sequence[str], start_line: int) -> None:
        parts: list[str] = []
        self.starts: list[int] = []
        self.numbers: list[int] = []
        offset = 0
        for i, line in enumerate(lines):
            clean = str(line).replace("**", "").replace("__", "").rstrip("\r")
            if not clean.strip():
                continue
            self.starts.append(offset)
            self.numbers.append(start_line + i)
            parts.append(clean)
            offset += len(clean) + 1
        self.text = "\n".join(parts)

    def line(self, offset: int) -> int:
        if not self.starts:
            return 0
        return self.numbers[max(0, bisect.bisect_right(self.starts, offset) - 1)]


class _Context:
    """Tag hits of the stream and helpers to find the outcome/arm nearest to a number."""

    def __init__(self, stream: _Stream, vocab: Vocabulary, assume_itp: bool) -> None:
        self.stream = stream
        self.vocab = vocab
        self.tags: TagResult = tag_text(stream.text, vocab, assume_itp=assume_itp)
        self.primary = [i for i, p in self.tags.outcome_links() if p]
        self.primary_rx = cue_regex((vocab.outcomes.section("primary_cues") or {}).get("cues") or [])
        self.lower = stream.text.lower()

    def _clause_start(self, pos: int, limit: int, *, stop_at_pct: bool = True) -> int:
        lo = max(0, pos - limit)
        seg = self.stream.text[lo:pos]
        cut = lo
        for m in BOUNDARY_RE.finditer(seg):
            cut = lo + m.end()
        if stop_at_pct:
            for m in PCT_RE.finditer(seg):
                cut = max(cut, lo + m.end())
        return cut

    def _clause_end(self, pos: int, limit: int) -> int:
        seg = self.stream.text[pos : pos + limit]
        ends = [m.start() for m in BOUNDARY_RE.finditer(seg)]
        ends += [m.start() for m in PCT_RE.finditer(seg)]
        return pos + min(ends, default=len(seg))

    def outcome_near(self, start: int, end: int, back: int = 100, ahead: int = 60) -> OutcomeHit | None:
        lo, hi = self._clause_start(start, back), self._clause_end(end, ahead)
        before = [o for o in self.tags.outcomes if lo <= o.start and o.end <= start]
        after = [o for o in self.tags.outcomes if o.start >= end and o.end <= hi]
        best_b = max(before, key=lambda o: o.end, default=None)
        best_a = min(after, key=lambda o: o.start, default=None)
        if best_b is None:
            return best_a
        if best_a is None or COPULA_END_RE.search(self.stream.text[best_b.end : start]):
            return best_b
        text = self.stream.text
        if "\n" not in text[best_b.end : start] and "\n" in text[end : best_a.start]:
            return best_b
        return best_b if start - best_b.end <= best_a.start - end else best_a

    def outcome_id(
        self, start: int, end: int, back: int = 100, ahead: int = 60, *, stop_at_pct: bool = True
    ) -> str | None:
        hit = self.outcome_near(start, end, back, ahead)
        lo = self._clause_start(start, 200, stop_at_pct=stop_at_pct)
        if self.primary and self.primary_rx is not None:
            cue = None
            for m in self.primary_rx.finditer(self.lower, lo, start):
                cue = m
            if cue is not None and (hit is None or hit.end <= cue.start() or hit.start >= end):
                return self.primary[0]
        return hit.id if hit is not None else None

    def arm_in(self, lo: int, hi: int) -> InterventionHit | None:
        return next((h for h in self.tags.interventions if lo <= h.start and h.end <= hi), None)

    def arm_before(self, pos: int, back: int = 100) -> InterventionHit | None:
        lo = self._clause_start(pos, back)
        found = [h for h in self.tags.interventions if lo <= h.start and h.end <= pos]
        return found[-1] if found else None

    def timepoint(self, start: int, end: int) -> str | None:
        lo, hi = self._clause_start(start, 80), self._clause_end(end, 15)
        m = TIME_RE.search(self.stream.text, lo, hi)
        return f"{m.group(1)} {_unit(m.group(2))}" if m else None

    def measure_for(self, outcome: str | None, start: int, end: int) -> str:
        if outcome is None:
            return MEASURE_PROPORTION
        hit = self.outcome_near(start, end)
        if hit is not None and hit.id == outcome and re.search(r"(?i)surviv|survie", hit.text):
            return MEASURE_SURVIVAL
        return str(self.vocab.outcomes.by_id[outcome].get("measure", MEASURE_PROPORTION))


def _unit(word: str) -> str:
    w = word.lower().rstrip("s")
    return UNITS.get(w, UNITS.get(word.lower(), word.lower()))


def extract_results(
    lines: Sequence[str], start_line: int = 1, vocab: Vocabulary | None = None, *, assume_itp: bool = False
) -> list[Result]:
    """Extract the results of ``lines`` (the first has number ``start_line``); duplicates dropped.

    ``assume_itp`` is passed to the tagger (the lines come from a document known to be about ITP).
    """
    vocab = vocab or load_vocabulary()
    stream = _Stream(lines, start_line)
    ctx = _Context(stream, vocab, assume_itp)
    text = stream.text
    out: list[Result] = []
    used: list[tuple[int, int]] = []

    def add(result: Result, start: int, end: int) -> None:
        out.append(result)
        used.append((start, end))

    for m in N_RE.finditer(text):
        add(
            Result(MEASURE_N, float(m.group(1)), raw=m.group(), line=stream.line(m.start())),
            m.start(),
            m.start(),
        )
    for m in N_DIGITS_RE.finditer(text):
        add(
            Result(MEASURE_N, float(m.group(1)), raw=m.group(), line=stream.line(m.start())),
            m.start(),
            m.start(),
        )
    for m in N_WORDS_RE.finditer(text):
        words = m.group("words")
        value = words_to_int(words)
        if value is None:
            value = words_to_int(words.split()[-1]) if words.split() else None
        if value is not None:
            add(
                Result(MEASURE_N, float(value), raw=m.group(), line=stream.line(m.start())),
                m.start(),
                m.start(),
            )
    effect_re, effect_names = _effect_regex(vocab)
    for m in effect_re.finditer(text):
        kind = (m.group("abbr") or m.group("word") or "").lower()
        if m.group("abbr") and m.group("lo") is None and m.group("p") is None:
            continue  # a bare "OR 2" is too ambiguous without a CI or a p value
        lo = ctx._clause_start(m.start(), 300, stop_at_pct=False)
        in_sentence = [h for h in ctx.tags.interventions if lo <= h.start < m.start()]
        last = in_sentence[-1] if in_sentence else None
        first = next((h for h in in_sentence if h.role == INTERVENTION), last)
        outcome = ctx.outcome_id(m.start(), m.start(), 300, 0, stop_at_pct=False)
        arm = first.id if first else None
        add(
            Result(
                effect_names.get(m.group("abbr") or kind, kind),
                _num(m.group("value")),
                None,
                outcome,
                arm,
                _num(m.group("lo")),
                _num(m.group("hi")),
                _num(m.group("p")),
                m.group("pop"),
                raw=m.group(),
                line=stream.line(m.start()),
            ),
            m.start(),
            m.end(),
        )
    for m in PAIR_RE.finditer(text):
        mid_lo, mid_hi = m.start("mid"), m.end("mid")
        arm_a = ctx.arm_in(mid_lo, mid_hi) or ctx.arm_before(m.start(), 100)
        arm_b = ctx.arm_in(m.start("tail"), m.end("tail"))
        hit = next((o for o in ctx.tags.outcomes if mid_lo <= o.start and o.end <= mid_hi), None)
        outcome = hit.id if hit is not None else ctx.outcome_id(m.start(), m.start(), 150, 0)
        measure = ctx.measure_for(outcome, m.start(), m.end("a"))
        tp = ctx.timepoint(m.start(), m.end("a"))
        for grp, arm in (("a", arm_a), ("b", arm_b)):
            add(
                Result(
                    measure,
                    _num(m.group(grp)),
                    "%",
                    outcome,
                    arm.id if arm else None,
                    timepoint=tp,
                    raw=m.group(),
                    line=stream.line(m.start(grp)),
                ),
                m.start(grp),
                m.end(grp),
            )
    for m in MEDIAN_RE.finditer(text):
        hit = next((o for o in ctx.tags.outcomes if m.start() <= o.start and o.end <= m.start("value")), None)
        add(
            Result(
                MEASURE_MEDIAN,
                _num(m.group("value")),
                _unit(m.group("unit")),
                hit.id if hit else None,
                raw=m.group(),
                line=stream.line(m.start()),
            ),
            m.start(),
            m.end(),
        )
    ranges = [(r.start(), r.end()) for r in RANGE_PCT_RE.finditer(text)]
    counts = {c.start(2): int(c.group(1)) for c in COUNT_RE.finditer(text)}
    for m in PCT_RE.finditer(text):
        s, e = m.start(1), m.end()
        if any(a <= s < b for a, b in used) or any(a <= s < b for a, b in ranges):
            continue
        if CI_LEVEL_RE.search(text[max(0, s - 8) : s]):
            continue
        outcome = ctx.outcome_id(s, e)
        if outcome is None:
            continue
        count_m = next((c for c in COUNT_RE.finditer(text, max(0, s - 30), e + 2) if c.start(2) == s), None)
        start = count_m.start() if count_m else s
        group = ctx.arm_in(e, ctx._clause_end(e, 40))
        arm = group if group is not None and GROUP_RE.search(text[e : group.start]) else None
        add(
            Result(
                ctx.measure_for(outcome, s, e),
                _num(m.group(1)),
                "%",
                outcome,
                arm.id if arm else None,
                timepoint=ctx.timepoint(s, e),
                count=counts.get(s),
                raw=text[start : ctx._clause_end(e, 60)].split("\n")[0].strip(),
                line=stream.line(start),
            ),
            s,
            e,
        )
    return _dedupe(out)


def _dedupe(results: list[Result]) -> list[Result]:
    seen: set[tuple[object, ...]] = set()
    kept: list[Result] = []
    for r in sorted(results, key=lambda r: r.line):
        key = (r.measure, r.value, r.unit, r.outcome, r.arm, r.ci_low, r.ci_high, r.p, r.timepoint, r.count)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    return kept

"""``kb train --only dedupe``: the learned pair weighing (:mod:`kb.dedupe.learned`), trained on pairs we
generate, deterministically.

Where the pairs come from: the labelled reference strings of ``data/refparse/refparse.jsonl`` (AnyStyle
and GROBID training data, see its ATTRIBUTION.md) that have a title of four words or more, a journal and
a year. Each such reference is a work; a duplicate pair is two copies of it, each passed through the
export noise of the classes the engine must survive (:func:`noisy_copy`: conference journal, volume and
supplement forms, garbled volume or issue, Embase author strings without separators, initials only,
truncated or missing author lists, corporate authors, abbreviated journals, short page ranges, ahead of
print records without locator, title case and typos); a tenth of the works are made meeting abstracts
(:func:`as_abstract`), which some copies name the meeting of. A distinct pair is a hard negative
(:func:`hard_negative`, for every second work with a volume and pages): a companion paper of the same
authors and year under a title one or two words apart, an erratum notice, a conference abstract against
the full paper, two abstracts of one trial at two meetings, a short generic title by other authors, the
same title by other authors (book reviews). The evaluation-only sets are never read.

Only the pairs that reach weighing (no rule of :func:`kb.dedupe.match.rule_decision` settles them) train
the model. The logistic regression is fitted by Newton's method with an L2 penalty, in plain Python: 26
weights and about 10,000 feature rows need no numerical library (numpy is no dependency of the project).
The thresholds are chosen on the held-back fifth of the works: the duplicate threshold is the lowest
probability at which generated precision reaches :data:`TARGET_PRECISION`, the review threshold the
lowest at which it reaches :data:`MAYBE_PRECISION`.
"""

from __future__ import annotations

import json
import math
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kb.dedupe.learned import FEATURES, MODEL_FILE, PairModel, features, load_model
from kb.dedupe.match import Weighing, rule_decision
from kb.dedupe.prep import prep
from kb.model import Name, Record, Reference
from kb.normalise.names import split_authors

DATA_FILE = Path(__file__).resolve().parents[2] / "data" / "refparse" / "refparse.jsonl"
SEED = 16
L2 = 1.0
"""Penalty on the weights (not on the bias): keeps rare features from taking extreme weights."""
TARGET_PRECISION = 0.999
MAYBE_PRECISION = 0.5
_YEAR_RE = re.compile(r"\b(19[5-9]\d|20[0-2]\d)\b")
_STOP = {"of", "the", "and", "for", "in", "on", "de", "la", "et", "a", "an"}
_SUPPLEMENTS = ("Supplement 3", "Suppl 1", "SUPPL. 1", "(Supplement 3)", "1)", "S2", "Suppl. 2")
_EXTRA_WORDS = ("children", "adults", "elderly", "women", "a randomized trial", "long-term follow-up",
                "a cohort study", "meta-analysis", "pilot study", "update", "II", "phase 3")  # fmt: skip


@dataclass(frozen=True)
class Work:
    """One work's fields as written in its reference string."""

    authors: tuple[Name, ...]
    title: str
    journal: str
    year: int
    volume: str
    issue: str
    pages: str
    doi: str
    meeting: str = ""
    """For a meeting abstract: the meeting it was presented at (some databases name it, others do not)."""


def _clean(text: str) -> str:
    return text.strip().strip(",.;:()\"'“”").strip()


def load_works(path: Path = DATA_FILE) -> list[Work]:
    """The journal articles of the labelled references (title of four words or more, journal, year)."""
    works = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            fields: dict[str, str] = {}
            for label, text in json.loads(line)["segments"]:
                fields[label] = f"{fields.get(label, '')} {text}"
            title, journal = _clean(fields.get("title", "")), _clean(fields.get("journal", ""))
            year = _YEAR_RE.search(fields.get("date", ""))
            if len(title.split()) < 4 or not journal or not year:
                continue
            names = tuple(n for n in split_authors(_clean(fields.get("author", "")))[0] if n.family)
            works.append(Work(names, title, journal, int(year.group(1)), _clean(fields.get("volume", "")),
                              _clean(fields.get("issue", "")), _clean(fields.get("pages", "")),
                              _clean(fields.get("doi", ""))))  # fmt: skip
    return works


def _abbreviate(journal: str, rng: random.Random) -> str:
    words = [w for w in re.split(r"[\s.,]+", journal) if w and w.lower() not in _STOP]
    return " ".join(w[: rng.randint(3, 5)] if len(w) > 5 else w for w in words)


def _typo(text: str, rng: random.Random) -> str:
    if len(text) < 10:
        return text
    i = rng.randrange(1, len(text) - 2)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def _short_pages(pages: str) -> str:
    match = re.match(r"^(\d+)\s*[-–]+\s*(\d+)$", pages)
    if not match or len(match.group(2)) != len(match.group(1)):
        return pages
    first, last = match.groups()
    keep = next((i for i in range(len(first)) if first[i] != last[i]), len(last) - 1)
    return f"{first}-{last[keep:]}"


def _authors_noise(names: tuple[Name, ...], rng: random.Random) -> tuple[Name, ...]:
    roll = rng.random()
    if roll < 0.1 and names:  # Embase: one string, no separators
        return (Name(family="".join(f"{n.family} {(n.given or 'A')[:1]}." for n in names)),)
    if roll < 0.15:
        return ()
    if roll < 0.18:
        return (Name(literal="The Writing Committee of the Study Group"),)
    if roll < 0.3 and len(names) > 3:
        return names[:3]
    if roll < 0.6:
        return tuple(Name(n.family, "".join(p[:1] for p in n.given.split())) for n in names)
    return names


def noisy_copy(work: Work, rng: random.Random, locator: bool = True) -> Work:
    """One database's export of ``work``, with the noise of real exports; without ``locator`` noise, the
    volume, pages and year stay (a hard negative must keep what tells it apart)."""
    title, journal, volume, issue, pages, year = (work.title, work.journal, work.volume, work.issue,
                                                  work.pages, work.year)  # fmt: skip
    roll = rng.random()
    if roll < 0.15:
        title = title.lower() if rng.random() < 0.5 else title.upper()
    elif roll < 0.3:
        title = _typo(title, rng)
    elif roll < 0.35 and ":" in title:
        title = title.split(":")[0]
    if rng.random() < 0.4:
        journal = _abbreviate(journal, rng)
    if work.meeting and rng.random() < 0.5:  # Embase names the meeting after the journal, or in the volume
        journal = f"{journal}. Conference: {work.meeting}"
        if volume and rng.random() < 0.5:
            volume = f"Conference: {work.meeting}. {volume}"
        if locator and rng.random() < 0.3:
            year += rng.choice((-1, 1))
    roll = rng.random() if locator else 1.0
    if roll < 0.08:
        issue = rng.choice(_SUPPLEMENTS)
    elif roll < 0.25:
        issue = ""
    elif roll < 0.28 and volume:  # garbled: volume and issue run together, or the year in the volume
        volume, issue = (f"{volume}({issue})", "") if issue else (str(year), issue)
    roll = rng.random() if locator else 0.0
    if roll < 0.3:
        pages = _short_pages(pages)
    elif roll < 0.4:
        pages = pages.split("-")[0].strip()
    elif roll < 0.45:
        volume, issue, pages = "", "", ""  # ahead of print
        year += rng.choice((0, -1))
    elif roll < 0.5:
        volume = ""
    doi = work.doi if rng.random() < 0.5 else ""
    return Work(_authors_noise(work.authors, rng), title, journal, year, volume, issue, pages, doi)


def _other_pages(work: Work, rng: random.Random) -> str:
    first = rng.randint(1, 2000)
    return f"{first}-{first + rng.randint(3, 15)}"


def hard_negative(work: Work, rng: random.Random, other: Work) -> Work:
    """Another work that looks like ``work`` (``other`` lends a word or authors)."""
    kind = rng.randrange(6)
    if kind == 0:  # a companion paper: same authors and year, a title a word or two apart
        words = work.title.split()
        if rng.random() < 0.5:
            words[rng.randrange(len(words))] = rng.choice(other.title.split())
            title = " ".join(words)
        else:
            title = f"{work.title}: {rng.choice(_EXTRA_WORDS)}"
        volume = work.volume if rng.random() < 0.5 else str(rng.randint(1, 150))
        return replace(work, title=title, volume=volume, pages=_other_pages(work, rng), doi="")
    if kind == 1:  # an erratum notice
        title = f"{rng.choice(('Erratum', 'Correction'))}: {work.title}"
        return replace(work, title=title, pages=str(rng.randint(1, 2000)), doi="", year=work.year + 1)
    if kind == 2:  # the full paper of a conference abstract (or the abstract of a paper)
        return replace(work, issue=rng.choice(_SUPPLEMENTS), pages=str(rng.randint(1, 900)),
                       volume=str(rng.randint(1, 150)), year=work.year - 1, doi="")  # fmt: skip
    if kind == 3:  # two abstracts of one trial at two meetings
        meeting = f"{rng.randint(20, 65)}th Annual Meeting of the Society, {work.year + 1}"
        pages, volume = f"Abstract {rng.randint(100, 999)}", str(rng.randint(1, 150))
        issue = rng.choice(_SUPPLEMENTS)
        return replace(
            work, issue=issue, pages=pages, volume=volume, year=work.year + 1, doi="", meeting=meeting
        )
    if kind == 4:  # a short generic title by other authors
        return replace(other, title=" ".join(work.title.split()[:3]), doi="")
    # the same title by other authors (book reviews, same-titled editorials), sometimes without locator
    locator = rng.random() < 0.5
    volume, pages = (other.volume, other.pages) if locator else ("", "")
    year = work.year + rng.choice((0, 1))
    return replace(other, title=work.title, year=year, doi="", volume=volume, issue="", pages=pages)


ABSTRACT_SHARE = 0.1
"""The share of works made meeting abstracts (one page in a supplement, presented at a named meeting)."""


def as_abstract(work: Work, rng: random.Random) -> Work:
    """``work`` as a meeting abstract: its first page only, a supplement issue, and the meeting."""
    meeting = f"{rng.randint(20, 65)}th Annual Meeting of the Society, {work.year}"
    first = re.split(r"[-–\s]", work.pages.strip())[0] if work.pages else ""
    return replace(work, pages=first, issue=rng.choice(_SUPPLEMENTS), meeting=meeting)


def _record(work: Work, key: str) -> Record:
    ref = Reference(authors=list(work.authors), title=work.title, journal=work.journal, year=str(work.year),
                    volume=work.volume, issue=work.issue, pages=work.pages, doi=work.doi)  # fmt: skip
    return Record(key, ref)


def generate_pairs(works: list[Work], seed: int = SEED) -> Iterator[tuple[int, Work, Work, bool]]:
    """``(work index, record a, record b, same work)``: one duplicate pair per work, and a hard negative
    for every second work that has a volume and pages (without them, nothing would tell the two apart)."""
    rng = random.Random(seed)
    for i, work in enumerate(works):
        if rng.random() < ABSTRACT_SHARE:
            work = as_abstract(work, rng)
        yield i, noisy_copy(work, rng), noisy_copy(work, rng), True
        if i % 2 == 0 and work.volume and work.pages:
            other = works[(i * 7919 + 13) % len(works)]
            negative = noisy_copy(hard_negative(work, rng, other), rng, locator=False)
            yield i, noisy_copy(work, rng, locator=False), negative, False


def weighed_rows(works: list[Work], seed: int = SEED) -> list[tuple[bool, tuple[float, ...], bool]]:
    """``(held back, features, same work)`` of each generated pair that no rule settles."""
    rows = []
    for i, a, b, same in generate_pairs(works, seed):
        pa, pb = prep(_record(a, "a"), 0), prep(_record(b, "b"), 1)
        ruled = rule_decision(pa, pb)
        if isinstance(ruled, Weighing):
            rows.append((i % 5 == 0, features(pa, pb, ruled.title, ruled.authors), same))
    return rows


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (a small dense system)."""
    n = len(vector)
    m = [[*row, v] for row, v in zip(matrix, vector, strict=True)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= factor * m[col][c]
    out = [0.0] * n
    for r in range(n - 1, -1, -1):
        out[r] = (m[r][n] - sum(m[r][c] * out[c] for c in range(r + 1, n))) / m[r][r]
    return out


def fit(rows: list[tuple[tuple[float, ...], bool]], iterations: int = 25) -> list[float]:
    """Logistic-regression weights by Newton's method with an L2 penalty (identical feature rows counted
    once with their weight: deterministic and fast)."""
    counts = Counter((tuple(round(x, 3) for x in xs), y) for xs, y in rows)
    n = len(FEATURES)
    w = [0.0] * n
    for _ in range(iterations):
        grad = [L2 * w[j] if j else 0.0 for j in range(n)]
        hess = [[(L2 if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for (xs, y), k in sorted(counts.items()):
            z = sum(wj * xj for wj, xj in zip(w, xs, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            g, h = k * (p - y), k * p * (1 - p)
            for i, xi in enumerate(xs):
                if xi:
                    grad[i] += g * xi
                    row = hess[i]
                    for j, xj in enumerate(xs):
                        if xj:
                            row[j] += h * xi * xj
        step = _solve(hess, grad)
        w = [wj - sj for wj, sj in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return w


def _threshold(scored: list[tuple[float, bool]], precision: float) -> float:
    """The lowest probability (on a 0.01 grid) at which the pairs at or above it reach ``precision``."""
    for t in [x / 100 for x in range(1, 100)]:
        kept = [same for p, same in scored if p >= t]
        if kept and sum(kept) / len(kept) >= precision:
            return t
    return 0.99


def train_pair_model(out: Path = MODEL_FILE, data: Path = DATA_FILE) -> Path:
    """Generate the pairs, fit the model, choose its thresholds on the held-back works, write ``out``."""
    rows = weighed_rows(load_works(data))
    weights = fit([(xs, y) for held, xs, y in rows if not held])
    model = PairModel(tuple(weights), 0.5, 0.5)
    scored = [(model.probability(xs), y) for held, xs, y in rows if held]
    duplicate = _threshold(scored, TARGET_PRECISION)
    model = PairModel(tuple(weights), duplicate, min(duplicate, _threshold(scored, MAYBE_PRECISION)))
    out.write_text(model.to_json(), encoding="utf-8")
    load_model.cache_clear()  # a model trained in this process replaces the one loaded before
    return out

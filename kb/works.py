"""Group citations into works with the deduplication engine, and link short citations one way.

Full citations (with a title) go through the engine of :mod:`kb.dedupe` (prep -> block -> decide ->
cluster) with the reviewer decisions of ``extract/decisions.yml`` applied: each cluster is one work, its
fields taken from its most complete citation. Short citations (no title: "Mahévas et al., JCI 2013") are
never nodes of the duplicate graph: each is linked one way to the one full work with the same first
author, year and journal; with several candidates it goes to the review queue, with none it is its own
work (grouped with identical short forms, as repeated slide pages are) and flagged.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from kb.decisions import ReviewerDecision, Verdict, decision_yaml
from kb.dedupe.block import candidate_pairs
from kb.dedupe.cluster import cluster
from kb.dedupe.match import Decision, PairDecision, decide
from kb.dedupe.prep import prep
from kb.dedupe.shorts import LinkStatus, link_short_citations
from kb.model import Citation, Problem, ProblemCode, Record, Reference, Work
from kb.patterns import fold, fold_words

FIELDS = (
    "title",
    "journal",
    "year",
    "month",
    "day",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
    "url",
    "hal_id",
)
STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "on",
        "in",
        "for",
        "and",
        "to",
        "le",
        "la",
        "les",
        "l",
        "un",
        "une",
        "des",
        "de",
        "du",
        "et",
    ]
)


def stable_id(prefix: str, *parts: str) -> str:
    """A short id derived from content: ``prefix`` + 12 hex digits of SHA-1 over ``parts``."""
    digest = hashlib.sha1("\x00".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:12]}"


@dataclass(frozen=True)
class PairRow:
    """One decided pair of citations (``duplicate`` or ``maybe``), for ``duplicate_pairs``."""

    a: str
    b: str
    decision: str
    score: float
    reason: str
    scores: str


@dataclass(frozen=True)
class ReviewItem:
    """Something a reviewer must decide: a maybe pair or a short citation with several candidate works."""

    kind: str
    a: str
    b: str
    score: float
    reason: str
    suggestion: str


@dataclass
class Grouping:
    """Works, the pairs behind them, the review queue and the problems found while grouping."""

    works: list[Work] = field(default_factory=list)
    pairs: list[PairRow] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    """Problems of citations (``citation_id`` set), located by the caller."""
    unknown_ids: list[tuple[ReviewerDecision, str]] = field(default_factory=list)


def _first_family(ref: Reference) -> str:
    return fold_words(ref.authors[0].family or ref.authors[0].literal) if ref.authors else ""


def match_keys(citation: Citation) -> list[str]:
    """The exact keys of a citation, used for stable work ids and to group identical short forms."""
    ref = citation.reference
    keys = []
    if ref.doi:
        keys.append(f"doi:{ref.doi.lower()}")
    if ref.title:
        keys.append(f"title:{fold_words(ref.title)}|{ref.year}|{_first_family(ref)}")
    elif ref.authors and ref.year:
        journal = citation.journal_key or fold_words(ref.journal)
        keys.append(f"short:{_first_family(ref)}|{ref.year}|{journal}")
    return keys


def _completeness(ref: Reference) -> int:
    return sum(1 for f in FIELDS if getattr(ref, f)) + len(ref.authors)


def _record(citation: Citation) -> Record:
    return Record(
        citation.id,
        citation.reference,
        citation.extra,
        citation.span.path,
        citation.span.line_start,
        citation.span.text,
    )


def _score(pair: PairDecision) -> float:
    return round(max(pair.scores.values(), default=0.0), 4)


def _make_work(citations: Sequence[Citation], members: list[int]) -> Work:
    keys = sorted(k for i in members for k in (match_keys(citations[i]) or [f"citation:{citations[i].id}"]))
    best = max(members, key=lambda i: (_completeness(citations[i].reference), -i))
    chosen = citations[best]
    work = Work(
        stable_id("w_", keys[0]),
        keys[0],
        chosen.reference,
        [citations[i].id for i in members],
        chosen.journal_abbrev,
        chosen.first_page,
        chosen.last_page,
    )
    for i in members:
        citations[i].work_id = work.id
    return work


def _full_clusters(
    citations: Sequence[Citation], full: list[int], decisions: Sequence[ReviewerDecision], out: Grouping
) -> list[list[int]]:
    """Cluster the full citations with the engine and the reviewer's same/different decisions."""
    prepped = [prep(_record(citations[i]), n) for n, i in enumerate(full)]
    position = {citations[i].id: n for n, i in enumerate(full)}
    decided = [decide(prepped[a], prepped[b]) for a, b in sorted(candidate_pairs(prepped))]
    kept = [d for d in decided if d.decision is not Decision.DISTINCT]
    reviewer: dict[tuple[int, int], ReviewerDecision] = {}
    for d in decisions:
        if d.verdict is Verdict.LINK:
            continue
        if d.a not in position or d.b not in position:
            out.unknown_ids.append((d, d.a if d.a not in position else d.b))
            continue
        reviewer[tuple(sorted((position[d.a], position[d.b])))] = d  # type: ignore[index]
    kept = [p for p in kept if (p.a, p.b) not in reviewer]
    for (a, b), d in sorted(reviewer.items()):
        verdict = Decision.DUPLICATE if d.verdict is Verdict.SAME else Decision.DISTINCT
        kept.append(
            PairDecision(
                a,
                b,
                verdict,
                f"reviewer decision: {d.verdict} (extract/decisions.yml:{d.line})",
                {"reviewer": 1.0},
            )
        )
    clusters, refused = cluster(prepped, kept)
    in_cluster = {i: k for k, members in enumerate(clusters) for i in members}
    for p in kept:
        ids = (citations[full[p.a]].id, citations[full[p.b]].id)
        out.pairs.append(
            PairRow(*ids, p.decision.value, _score(p), p.reason, json.dumps(p.scores, sort_keys=True))
        )
        undecided = p.decision is Decision.MAYBE and in_cluster.get(p.a, -1) != in_cluster.get(p.b, -2)
        if undecided:
            out.review.append(
                ReviewItem(
                    "maybe_duplicate", *ids, _score(p), p.reason, decision_yaml(*ids, "same | different")
                )
            )
    for p in refused:
        ids = (citations[full[p.a]].id, citations[full[p.b]].id)
        reason = f"{p.reason}; not merged: it would join records that must stay apart"
        out.review.append(
            ReviewItem("maybe_duplicate", *ids, _score(p), reason, decision_yaml(*ids, "same | different"))
        )
    grouped = [[full[i] for i in members] for members in clusters]
    return grouped + [[full[i]] for i in range(len(full)) if i not in in_cluster]


def _link_shorts(
    citations: Sequence[Citation],
    shorts: list[int],
    works: list[Work],
    decisions: Sequence[ReviewerDecision],
    out: Grouping,
) -> list[int]:
    """Link short citations to full works; return the indexes left without a work."""
    work_records = [Record(w.id, w.reference) for w in works]
    by_citation = {c.id: c.work_id for c in citations if c.work_id}
    known_works = {w.id for w in works}
    short_ids = {citations[i].id for i in shorts}
    forced: dict[str, str] = {}
    for d in decisions:
        if d.verdict is not Verdict.LINK:
            continue
        target = d.b if d.b in known_works else by_citation.get(d.b, "")
        if d.a not in short_ids or not target:
            out.unknown_ids.append((d, d.a if d.a not in short_ids else d.b))
            continue
        forced[d.a] = target
    by_doi = {w.reference.doi.lower(): w.id for w in works if w.reference.doi}
    for i in shorts:
        doi = citations[i].reference.doi.lower()
        if doi in by_doi and citations[i].id not in forced:
            forced[citations[i].id] = by_doi[doi]  # a DOI is an identity: no need for author, year, journal
    links = link_short_citations([_record(citations[i]) for i in shorts], work_records)
    left = []
    for i, link in zip(shorts, links, strict=True):
        citation = citations[i]
        if citation.id in forced:
            citation.work_id = forced[citation.id]
        elif link.status is LinkStatus.LINKED:
            citation.work_id = link.work_id
        else:
            left.append(i)
            if link.status is LinkStatus.AMBIGUOUS:
                for candidate in link.candidates:
                    out.review.append(
                        ReviewItem(
                            "ambiguous_short_citation",
                            citation.id,
                            candidate,
                            0.0,
                            link.reason,
                            decision_yaml(citation.id, candidate, "link"),
                        )
                    )
                out.problems.append(
                    Problem(
                        ProblemCode.AMBIGUOUS_SHORT_CITATION,
                        f"{len(link.candidates)} works match first author, year and journal; "
                        "see the review queue",
                        citation_id=citation.id,
                    )
                )
            else:
                out.problems.append(
                    Problem(
                        ProblemCode.UNRESOLVED_SHORT_CITATION,
                        "no full reference in the knowledge base has this first author, year and "
                        "journal; the short citation is its own work",
                        citation_id=citation.id,
                    )
                )
    return left


def _unique_ids(
    works: list[Work], citations: Sequence[Citation], taken: frozenset[str] = frozenset()
) -> None:
    """Works kept apart (by the engine or a reviewer) can share their exact key: their ids then also take
    their smallest citation id, which stays stable across builds. Ids in ``taken`` belong to works already
    linked to and are never changed: a work of ``works`` that collides with one of them is renamed."""
    count: dict[str, int] = defaultdict(int)
    for work in works:
        count[work.id] += 1
    by_citation = {c.id: c for c in citations}
    for work in works:
        if count[work.id] > 1 or work.id in taken:
            work.id = stable_id("w_", work.key, min(work.citation_ids))
            for citation_id in work.citation_ids:
                by_citation[citation_id].work_id = work.id


def group_works(citations: list[Citation], decisions: Sequence[ReviewerDecision] = ()) -> Grouping:
    """Cluster ``citations`` into works, setting each citation's ``work_id``."""
    out = Grouping()
    full = [i for i, c in enumerate(citations) if c.reference.title]
    shorts = [i for i, c in enumerate(citations) if not c.reference.title]
    for members in _full_clusters(citations, full, decisions, out):
        out.works.append(_make_work(citations, members))
    _unique_ids(out.works, citations)  # before short citations link to these ids
    left = _link_shorts(citations, shorts, out.works, decisions, out)
    groups: dict[str, list[int]] = defaultdict(list)
    for i in left:
        keys = match_keys(citations[i]) or [f"citation:{citations[i].id}"]
        groups[keys[0]].append(i)
    short_works = [_make_work(citations, members) for members in groups.values()]
    _unique_ids(short_works, citations, frozenset(w.id for w in out.works))
    out.works += short_works
    by_id = {w.id: w for w in out.works}
    for citation in citations:
        work = by_id[citation.work_id]
        if citation.id not in work.citation_ids:
            work.citation_ids.append(citation.id)
    out.works.sort(key=lambda w: w.id)
    return out


def citation_keys(works: list[Work]) -> dict[str, str]:
    """BibTeX-style keys, family name + year + first title word, made unique with a, b, c... suffixes."""
    base: dict[str, str] = {}
    for work in works:
        ref = work.reference
        family = (
            re.sub(r"[^a-z]", "", fold(ref.authors[0].family or ref.authors[0].literal))
            if ref.authors
            else ""
        )
        words = [w for w in fold_words(ref.title).split() if w not in STOP_WORDS and not w.isdigit()]
        first_word = re.sub(r"[^a-z0-9]", "", words[0]).capitalize() if words else ""
        base[work.id] = f"{family.capitalize() or 'Anon'}{ref.year or 'nd'}{first_word}"
    counts: dict[str, int] = defaultdict(int)
    for key in base.values():
        counts[key] += 1
    seen: dict[str, int] = defaultdict(int)
    keys = {}
    for work_id in sorted(base):
        key = base[work_id]
        if counts[key] > 1:
            n = seen[key]
            seen[key] += 1
            key = f"{key}{chr(ord('a') + n)}" if n < 26 else f"{key}{n}"
        keys[work_id] = key
    return keys

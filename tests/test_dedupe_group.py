"""The build's grouping stage and ``kb dedupe`` are one engine: same clusters, same canonical records.

Checked over every deduplication benchmark set of ``../shared`` (read in place, skipped when absent) and
over the seeds as the build normalises them.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from conftest import ROOT

from kb.decisions import ReviewerDecision, Verdict
from kb.dedupe import PairVerdict, dedupe
from kb.dedupe.group import as_record, engine_records, group_works
from kb.dedupe.match import hard_conflict
from kb.dedupe.prep import prep
from kb.ingest.bibtex import read_bibtex_file
from kb.model import Citation, CitationKind, CitationStatus, Extraction, Record, Span

DATA = ROOT.parent / "shared" / "data" / "dedup"
SETS = sorted(p.name for p in DATA.iterdir() if (p / "records.bib").is_file()) if DATA.is_dir() else []


def as_citation(record: Record) -> Citation:
    """A record of an export as the build holds it: a citation of kind ``record``."""
    span = Span(record.path, record.line, record.line, record.raw)
    return Citation(
        f"c_{record.id}", "doc", span, CitationKind.RECORD, record.reference, CitationStatus.PARSED,
        record_id=record.id, extra=dict(record.extra),
    )  # fmt: skip


def assert_same_grouping(citations: list[Citation], decisions: list[ReviewerDecision] = []) -> int:  # noqa: B006
    """Group ``citations`` as the build does and run the engine on their records: every cluster of the
    engine is one work whose canonical reference is the engine's merge, and every other full citation is
    a work of its own. Returns the number of clusters."""
    verdicts = [PairVerdict(d.a, d.b, d.verdict is Verdict.SAME, "test") for d in decisions]
    result = dedupe(engine_records(citations), verdicts)
    grouping = group_works(citations, decisions)
    works = {w.id: w for w in grouping.works}
    by_id = {c.id: c for c in citations}
    engine_clusters = sorted(sorted(ids) for ids in result.cluster_ids())
    full = {c.id for c in citations if c.reference.title}
    build_clusters = sorted(
        sorted(i for i in w.citation_ids if i in full)
        for w in grouping.works
        if len([i for i in w.citation_ids if i in full]) > 1
    )
    assert build_clusters == engine_clusters
    for merged in result.works:
        work = works[by_id[merged.ids[0]].work_id]
        assert work.reference == merged.reference
    return len(engine_clusters)


@pytest.mark.skipif(not SETS, reason="../shared evaluation data not available")
@pytest.mark.parametrize("name", SETS)
def test_build_grouping_equals_kb_dedupe_on_benchmark_set(name: str) -> None:
    records = read_bibtex_file(DATA / name / "records.bib").records
    assert assert_same_grouping([as_citation(r) for r in records]) > 0


def test_build_grouping_equals_kb_dedupe_on_the_seeds(seed_extraction: Extraction) -> None:
    assert assert_same_grouping([replace(c) for c in seed_extraction.citations]) > 0


def test_reviewer_decisions_reach_the_engine_the_same_way(seed_extraction: Extraction) -> None:
    """A ``different`` verdict splits a cluster in both; a ``same`` verdict joins two works in both."""
    citations = [replace(c) for c in seed_extraction.citations]  # grouping sets their work ids
    works: dict[str, list[str]] = {}
    for c in citations:
        if c.reference.title:
            works.setdefault(c.work_id, []).append(c.id)
    pair = next(ids for ids in works.values() if len(ids) == 2)
    lone = [
        prep(as_record(c)) for ids in works.values() if len(ids) == 1 for c in citations if c.id == ids[0]
    ]
    singles = next((a.id, b.id) for a in lone for b in lone if a.id < b.id and not hard_conflict(a, b))
    decisions = [
        ReviewerDecision(pair[0], pair[1], Verdict.DIFFERENT, "", 3),
        ReviewerDecision(*singles, Verdict.SAME, "", 4),
    ]
    assert_same_grouping(citations, decisions)
    grouping = group_works(citations, decisions)
    work_of = {cid: w.id for w in grouping.works for cid in w.citation_ids}
    assert work_of[pair[0]] != work_of[pair[1]]
    assert work_of[singles[0]] == work_of[singles[1]]


def test_canonical_record_follows_trust_order() -> None:
    """A record with a DOI is trusted over a more complete one without (the policy of kb.dedupe.merge)."""
    records = read_bibtex_file(Path(__file__).parent / "fixtures" / "dedupe" / "trust.bib").records
    grouping = group_works([as_citation(r) for r in records])
    (work,) = grouping.works
    assert work.reference.doi == "10.1182/blood-2009-06-225565"
    assert work.reference.title.startswith("International consensus report")  # not the capitals
    assert work.reference.pages == "168-86" and work.reference.issue == "2"  # trusted first, then filled
    assert [a.given for a in work.reference.authors][:2] == ["Drew", "Roberto"]  # full given names

"""The canned queries of metadata.yml, run through Datasette's own client on the seeds' database."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from conftest import ROOT, SEED_000, SEED_002
from datasette.app import Datasette
from datasette.utils import parse_metadata

RITUXIMAB_STUDIES = [
    "Arnold2007Systematic", "Ghanima2015Rituximab", "Khellaf2014Safety", "Askar2018Splenectomy",
    "Godeau2008Rituximab", "SecondCourseRituximab", "Chang2018Immune", "Arnold2017Effect", "Feng2017Gpiib",
    "Marangon2017Rituximab", "Porcelijn2017Lack", "Mahevas2013Efficacy", "Patel2012Outcomes", "Zaja2012Long",
    "Hasan2009Repeated", "Medeot2008Rituximab", "Stasi2008Analysis", "Stasi2007Response", "Zaja2006Earlier",
    "Cooper2004Efficacy", "Stasi2001Rituximab", "Gottenberg2010Risk", "GestionThrombopeniesRefractaires",
]  # fmt: skip
"""The seeds' rituximab studies, best evidence first: the ITP studies (a systematic review, then the RITP
trial, then cohorts and the thesis, then works without a design, most recent first), then the works about
another condition (a rheumatoid-arthritis registry, the platelet-refractoriness talk)."""


@pytest.fixture(scope="module")
def get(seed_db: Path):
    metadata = parse_metadata((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    datasette = Datasette(immutables=[str(seed_db)], metadata=metadata)

    def fetch(path: str) -> list[dict]:
        response = asyncio.run(datasette.client.get(path))
        assert response.status_code == 200, (path, response.text[:500])
        return response.json()

    return fetch


def keys(rows: list[dict]) -> list[str]:
    return [r["citation_key"] for r in rows]


@pytest.mark.parametrize("drug", ["rituximab", "RTX", "MabThera", "Rituximab", " mabthera "])
def test_evidence_by_treatment_finds_the_same_studies_by_any_name(get, drug):
    rows = get(f"/evidence/evidence_by_treatment.json?_shape=array&drug={drug}")
    assert keys(rows) == RITUXIMAB_STUDIES


def test_evidence_by_treatment_ranks_itp_first_then_by_level_then_year(get):
    rows = get("/evidence/evidence_by_treatment.json?_shape=array&drug=rituximab")
    itp = rows[:-2]  # the last two are about another condition
    levels = [r["cebm2011_level"] if r["cebm2011_level"] is not None else 9 for r in itp]
    assert levels == sorted(levels)
    assert rows[1]["design_id"] == "rct" and "double_blind" in rows[1]["design_flags"]


def test_evidence_by_treatment_by_class_and_french_name(get):
    by_class = keys(get("/evidence/evidence_by_treatment.json?_shape=array&drug=anti_cd20"))
    assert set(RITUXIMAB_STUDIES) <= set(by_class)
    mmf = get("/evidence/evidence_by_treatment.json?_shape=array&drug=mycophénolate mofétil")
    assert "Bradbury2021Mycophenolate" in keys(mmf)


def test_trials_by_intervention(get):
    rows = get("/evidence/trials_by_intervention.json?_shape=array&drug=MMF")
    assert [(r["citation_key"], r["design_id"]) for r in rows] == [("Bradbury2021Mycophenolate", "rct")]


def test_studies_by_design_and_year(get):
    rows = get("/evidence/studies_by_design_and_year.json?_shape=array&design=rct&year_from=2015&year_to=")
    assert {"Bradbury2021Mycophenolate", "Ghanima2015Rituximab"} <= set(keys(rows))
    assert all(r["year"] >= 2015 for r in rows)
    everything = get("/evidence/studies_by_design_and_year.json?_shape=array&design=&year_from=&year_to=")
    assert len(everything) > len(rows)


def test_results_for_outcome(get):
    rows = get("/evidence/results_for_outcome.json?_shape=array&outcome=relapse-free survival")
    assert [(r["value"], r["timepoint"], r["document_id"], r["line"]) for r in rows] == [
        (60.0, "24 months", SEED_002, 500)
    ]


def test_most_cited_and_cocited(get):
    most = get("/evidence/most_cited.json?_shape=array")
    assert most[0]["times_cited"] == 2
    assert "Mahevas2013B" in keys(most[:5])
    pairs = {
        tuple(sorted((p["key_a"], p["key_b"]))): p
        for p in get("/evidence/cocited_pairs.json?_shape=array&work=Mahevas2013B")
    }
    # the B-cell depletion paper is cited by the thesis list and by the daratumumab slides
    assert pairs[("Cuker2016How", "Mahevas2013B")]["documents"] == f'["{SEED_000}"]'
    assert pairs[("Mahevas2013B", "Tsykunova2025")]["documents"] == f'["{SEED_002}"]'


def test_prisma_counts(get):
    rows = get("/evidence/prisma_counts.json?_shape=array")
    total = next(r["n"] for r in rows if r["stage"] == "records identified (total)")
    fragments = next(r["n"] for r in rows if r["stage"] == "fragments set aside (not a citable work)")
    removed = next(r["n"] for r in rows if r["stage"] == "duplicates removed")
    unique = next(r["n"] for r in rows if r["stage"] == "unique works")
    assert (total, fragments, total - fragments - removed) == (142, 1, unique)  # "D. Sur," is no work
    per_source = {r["source"]: r["n"] for r in rows if r["stage"] == "records identified"}
    assert per_source[SEED_000] == 90


def test_problems_to_review_and_review_queue(get):
    problems = get("/evidence/problems_to_review.json?_shape=array")
    assert problems[0]["severity"] == "error" and problems[0]["code"] == "truncated"
    assert all(p["severity"] in ("error", "warning") for p in problems)
    assert get("/evidence/review_queue.json?_shape=array") == []


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("splenic plasma mahevas", "Mahevas2013B"),
        ('"Karpatkin', "Karpatkin1969Vitro"),
        ("thrombopénie", None),
    ],
)
def test_search_is_ranked_and_safe(get, q, expected):
    rows = get(f"/evidence/search.json?_shape=array&q={q}")
    if expected:
        assert rows and rows[0]["citation_key"] == expected
    relevances = [r["relevance"] for r in rows]
    assert relevances == sorted(relevances)


def test_search_ranks_up_to_its_cap_and_lists_the_rest_by_year(seed_db: Path):
    """The two branches of ``search``, with its cap of 50,000 matches lowered to 5 so that the seeds cross
    it: within the cap every match is ranked by bm25; above it no relevance is computed and the rows come
    newest first (only the branch the count chose scans the full-text index)."""
    import sqlite3

    from datasette.utils import escape_fts

    sql = parse_metadata((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["evidence"]
    sql = sql["queries"]["search"]["sql"].replace("50001", "6").replace("50000", "5")
    conn = sqlite3.connect(seed_db)
    conn.create_function("escape_fts", 1, escape_fts)
    try:
        few = conn.execute(sql, {"q": "Karpatkin"}).fetchall()
        many = conn.execute(sql, {"q": "thrombocytopenia"}).fetchall()
    finally:
        conn.close()
    assert 0 < len(few) <= 5 and all(row[-1] is not None for row in few)
    assert [row[-1] for row in few] == sorted(row[-1] for row in few)
    assert len(many) > 5 and all(row[-1] is None for row in many)
    years = [row[4] or 0 for row in many]
    assert years == sorted(years, reverse=True)

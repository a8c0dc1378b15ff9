"""Evidence linking in the build, on the seeds: document works, interventions with roles, designs, results."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils
from conftest import SEED_000, SEED_001, SEED_002, SEED_003


def query(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    return list(sqlite_utils.Database(db).query(sql, params))


def document_work(db: Path, doc_id: str) -> dict:
    return query(
        db, "select w.* from documents d join works w on w.id = d.work_id where d.id = ?", (doc_id,)
    )[0]


def links(db: Path, work_id: str) -> set[tuple[str, str]]:
    return {
        (r["intervention_id"], r["role"])
        for r in query(
            db, "select intervention_id, role from work_interventions where work_id = ?", (work_id,)
        )
    }


def results(db: Path, work_id: str) -> list[dict]:
    return query(
        db,
        "select measure, kind, outcome_id, arm, value, ci_low, ci_high, p, timepoint, count, line "
        "from results where work_id = ? order by line, measure",
        (work_id,),
    )


def design(db: Path, work_id: str) -> dict:
    return query(db, "select design_id, flags, level, grade from work_design where work_id = ?", (work_id,))[
        0
    ]


def test_review_card_points_at_the_reviewed_article(seed_db):
    work = document_work(seed_db, SEED_001)
    assert work["doi"] == "10.1056/NEJMoa2100596"
    assert {("mycophenolate_mofetil", "intervention"), ("corticosteroids", "comparator")} <= links(
        seed_db, work["id"]
    )
    d = design(seed_db, work["id"])
    assert d["design_id"] == "rct" and {"open_label", "multicentre"} <= set(d["flags"].split(", "))


def test_results_of_001_with_their_numbers(seed_db):
    work = document_work(seed_db, SEED_001)
    rows = results(seed_db, work["id"])
    hr = next(r for r in rows if r["measure"] == "hr")
    assert (hr["value"], hr["ci_low"], hr["ci_high"], hr["p"], hr["outcome_id"], hr["line"]) == (
        0.41,
        0.21,
        0.8,
        0.008,
        "treatment_failure",
        58,
    )
    arms = {
        (r["arm"], r["value"])
        for r in rows
        if r["measure"] == "proportion" and r["outcome_id"] == "treatment_failure"
    }
    assert arms == {("mycophenolate_mofetil", 22.0), ("corticosteroids", 44.0)}
    assert {"measure": "n", "value": 120.0}.items() <= next(r for r in rows if r["measure"] == "n").items()


def test_slides_present_their_own_study(seed_db):
    work = document_work(seed_db, SEED_002)
    assert work["type"] == "paper-conference" and work["year"] == 2026
    assert work["title"].startswith("Daratumumab can lead to long-lasting remissions")
    assert ("daratumumab", "intervention") in links(seed_db, work["id"])
    assert ("rituximab", "population") in links(seed_db, work["id"])  # prior therapy of the cohort
    d = design(seed_db, work["id"])
    assert d["design_id"] == "retrospective_cohort" and "multicentre" in d["flags"]


@pytest.mark.parametrize(
    ("measure", "outcome", "value", "extra"),
    [
        ("n", None, 26.0, {}),
        ("response_rate", "overall_response", 52.0, {}),
        ("proportion", "relapse_free_survival", 60.0, {"timepoint": "24 months", "kind": "survival"}),
        ("median", "time_to_response", 29.0, {}),
        ("proportion", "infections", 31.0, {"count": 8, "kind": "adverse_event"}),
        ("proportion", "mortality", 23.0, {"count": 6, "kind": "adverse_event"}),
    ],
)
def test_results_of_002(seed_db, measure, outcome, value, extra):
    work = document_work(seed_db, SEED_002)
    rows = [
        r
        for r in results(seed_db, work["id"])
        if r["measure"] == measure and r["outcome_id"] == outcome and r["value"] == value
    ]
    assert rows, (measure, outcome, value)
    assert extra.items() <= rows[0].items()


def test_thesis_abstract_describes_the_thesis_study(seed_db):
    work = document_work(seed_db, SEED_000)
    assert work["type"] == "thesis"
    assert ("rituximab", "intervention") in links(seed_db, work["id"])
    d = design(seed_db, work["id"])
    assert d["design_id"] == "retrospective_cohort" and "multicentre" in d["flags"]
    rows = results(seed_db, work["id"])
    assert any(r["measure"] == "n" and r["value"] == 50 for r in rows)
    assert any(r["outcome_id"] == "overall_response" and r["value"] == 70 and r["line"] == 206 for r in rows)


def test_refractoriness_talk_reviews_its_interventions(seed_db):
    work = document_work(seed_db, SEED_003)
    found = {i for i, _ in links(seed_db, work["id"])}
    assert {
        "plasma_exchange",
        "rituximab",
        "daratumumab",
        "bortezomib",
        "eculizumab",
        "imlifidase",
        "ivig",
        "tpo_ra",
        "platelet_transfusion",
    } <= found


def test_cited_works_are_tagged_from_their_titles(seed_db):
    ghanima = query(seed_db, "select id from works where title like 'Rituximab as second-line treatment%'")[0]
    assert ("rituximab", "intervention") in links(seed_db, ghanima["id"])
    assert design(seed_db, ghanima["id"])["design_id"] == "rct"
    row = query(
        seed_db,
        "select snippet, document_id, line, method from work_interventions where work_id = ?",
        (ghanima["id"],),
    )[0]
    assert (row["document_id"], row["line"], row["method"]) == (SEED_000, 166, "title")
    assert "Rituximab" in row["snippet"]


@pytest.mark.parametrize("synonym", ["rituximab", "RTX", "MabThera", "anti-CD20"])
def test_any_synonym_finds_the_concept(seed_db, synonym):
    rows = query(
        seed_db,
        "select i.id from interventions_fts f join interventions i on i.rowid = f.rowid "
        "where interventions_fts match ?",
        (f'"{synonym}"',),
    )
    assert "rituximab" in {r["id"] for r in rows}


def test_evidence_view_joins_works_interventions_and_designs(seed_db):
    rows = query(
        seed_db,
        "select * from evidence where intervention_id = 'mycophenolate_mofetil' and role = 'intervention'",
    )
    assert any(
        r["doi"] == "10.1056/NEJMoa2100596" and r["design_id"] == "rct" and r["n_results"] >= 5 for r in rows
    )


def test_every_link_is_located(seed_db):
    assert (
        query(seed_db, "select count(*) n from work_interventions where line is null or method is null")[0][
            "n"
        ]
        == 0
    )
    assert query(seed_db, "select count(*) n from results where document_id is null or line < 1")[0]["n"] == 0


def test_seed_002_population_trait_is_not_a_response(seed_db):
    """ "65% were refractory to corticosteroids" (Discussion) describes the population: no 65 % response."""
    work = document_work(seed_db, SEED_002)
    rows = results(seed_db, work["id"])
    assert [r for r in rows if r["value"] == 65.0 and r["measure"] != "n"] == []
    assert any(r["measure"] == "response_rate" and r["value"] == 52.0 for r in rows)


def test_seed_001_background_gives_no_result(seed_db):
    """The card's Introduction ("une rémission complète au long cours de 20%") is other studies' result."""
    work = document_work(seed_db, SEED_001)
    rows = results(seed_db, work["id"])
    assert [r for r in rows if r["outcome_id"] == "complete_response" or r["value"] in (20.0, 30.0)] == []
    assert all(r["line"] >= 45 for r in rows)


def test_results_for_meta_analysis_view(seed_db):
    """The CSV view carries study, outcome, measure, value, CI, n, p, source file and line."""
    sql = "select * from results_for_meta_analysis where measure = 'hr' and study like 'Bradbury%'"
    row = query(seed_db, sql)[0]
    assert (row["value"], row["ci_low"], row["ci_high"], row["p"], row["n_randomised"]) == (
        0.41,
        0.21,
        0.8,
        0.008,
        120.0,
    )
    assert (row["source_file"], row["line"], row["outcome_id"]) == (
        "references/001_4deb52642860177b.txt",
        58,
        "treatment_failure",
    )

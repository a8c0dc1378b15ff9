"""kb.citable: what is a work. Fragments stay citations and problems (nothing lost) but are not works, not in
the graph, not in the PRISMA counts and not in the exports; every seed fragment is listed with where it went."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_000, db_rows

from kb.citable import fragment_reason
from kb.export import render, select_works
from kb.model import Name, Problem, ProblemCode, Reference

TRUNCATED = Problem(ProblemCode.TRUNCATED, "the reference stops in the middle")


@pytest.mark.parametrize(
    ("ref", "reason"),
    [
        (Reference(authors=[Name("Sur", "D.")], problems=[TRUNCATED]), "truncated"),
        (Reference(authors=[Name("Sur", "D.")]), "too little to name a work"),
        (Reference(authors=[Name("Mahévas", "M.")], et_al=True), "too little to name a work"),  # no year
        (Reference(year="2016"), "too little to name a work"),
        (Reference(journal="Blood"), "too little to name a work"),
        (Reference(title="Pathogenesis of immune thrombocytopenia"), ""),
        (Reference(doi="10.1182/blood-2016-03-603365"), ""),
        (Reference(url="https://hal.archives-ouvertes.fr/hal-02042400"), ""),
        (Reference(authors=[Name("Greenwalt")], year="1992"), ""),  # "(Greenwalt, 1992)"
        (Reference(authors=[Name("Mahévas", "M.")], et_al=True, journal="JCI", year="2013"), ""),
        (Reference(journal="Rev Med Interne", year="2017"), ""),
        (Reference(title="A title", problems=[TRUNCATED]), "truncated"),  # flagged: never a work
    ],
)
def test_fragment_rule(ref: Reference, reason: str) -> None:
    assert fragment_reason(ref) == reason


def test_each_seed_fragment_and_where_it_went(seed_db: Path) -> None:
    # The seeds' one fragment: "D. Sur," (000 line 44), flagged truncated. A citation with its problems...
    fragments = db_rows(
        seed_db, "select id, document_id, line_start, raw from citations where work_id is null"
    )
    assert [(d, line, raw) for _, d, line, raw in fragments] == [(SEED_000, 44, "D. Sur,")]
    citation_id = fragments[0][0]
    codes = {r[0] for r in db_rows(seed_db, "select code from problems where citation_id = ?", citation_id)}
    assert {"truncated", "missing_title", "missing_year"} <= codes
    # ... but no work, no graph edge, no co-citation, no export
    assert (
        db_rows(seed_db, "select 1 from works where first_author = 'Sur' or citation_key like 'Sur%'") == []
    )
    assert db_rows(seed_db, "select 1 from cites where citation_id = ?", citation_id) == []
    with_short = render(select_works(seed_db, include_short=True), "bibtex")
    assert "Sur" not in with_short.replace("Surv", "").replace("Sur ", "")  # "Survival", "Sur la"
    # Running text of the thesis abstract (000 lines 190-206) never became citations: problems only.
    abstract = db_rows(
        seed_db,
        "select line, citation_id from problems where document_id = ? and code = 'not_a_reference' order by line",
        SEED_000,
    )
    assert [line for line, _ in abstract] == list(range(190, 207, 2))
    assert all(not cid for _, cid in abstract)
    assert (
        db_rows(seed_db, "select 1 from citations where document_id = ? and line_start >= 190", SEED_000)
        == []
    )


def test_thin_but_real_references_stay_works(seed_db: Path) -> None:
    # "G. Moulis, ... , Rev Med Interne. 25 janv, 2017." (000 lines 5-7): no title, but authors, journal and
    # year name a work; a short citation, exported only with --include-short.
    moulis = db_rows(
        seed_db,
        "select w.title, w.journal, w.year from citations c join works w on w.id = c.work_id "
        "where c.document_id = ? and c.line_start = 5",
        SEED_000,
    )
    assert moulis == [("", "Rev Med Interne", 2017)]
    # The HAS national protocol (000 line 42) is a work, with its organisation as author.
    has = db_rows(
        seed_db,
        "select w.id, w.type from citations c join works w on w.id = c.work_id "
        "where c.document_id = ? and c.line_start = 42",
        SEED_000,
    )
    assert len(has) == 1

"""Works in the build: deduplication, one-way short-citation links, reviewer decisions, the review queue."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlite_utils
from conftest import REFERENCES, ROOT, SEED_000, SEED_002, SEED_003

from kb.cli import main
from kb.config import Config
from kb.pipeline import build


def query(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    return list(sqlite_utils.Database(db).query(sql, params))


def work_of(db: Path, doc_id: str, line: int) -> dict:
    return query(
        db,
        "select w.* from citations c join works w on w.id = c.work_id "
        "where c.document_id = ? and c.line_start = ?",
        (doc_id, line),
    )[0]


def test_karpatkin_1969_is_one_work(seed_db):
    assert work_of(seed_db, SEED_000, 57)["id"] == work_of(seed_db, SEED_000, 65)["id"]
    assert work_of(seed_db, SEED_000, 57)["n_citations"] == 2


def test_short_citation_links_to_the_full_work(seed_db):
    work = work_of(seed_db, SEED_002, 85)  # "Mahévas et al., *JCI* 2013"
    assert (
        work["title"] == "B cell depletion in immune thrombocytopenia reveals splenic long-lived plasma cells"
    )
    assert work["journal"] == "J Clin Invest" and work["n_documents"] == 2
    assert work_of(seed_db, SEED_003, 337)["title"] == "How I treat refractory immune thrombocytopenia"


def test_repeated_short_citations_are_one_work(seed_db):
    ids = {work_of(seed_db, SEED_003, line)["id"] for line in (41, 69, 97)}
    assert len(ids) == 1


def test_unresolved_short_citation_is_its_own_work_and_flagged(seed_db):
    work = work_of(seed_db, SEED_002, 83)  # "Mahévas et al., *Blood* 2016": not in the thesis list
    assert (work["title"], work["n_citations"], work["year"]) == ("", 1, 2016)
    codes = {
        r["code"]
        for r in query(seed_db, "select code from problems where document_id = ? and line = 83", (SEED_002,))
    }
    assert "unresolved_short_citation" in codes


def test_short_citations_are_never_nodes_of_the_duplicate_graph(seed_db):
    rows = query(
        seed_db,
        "select count(*) n from duplicate_pairs p join citations c on c.id in (p.record_a, p.record_b) "
        "where c.title = ''",
    )
    assert rows[0]["n"] == 0


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project directory: a copy of references/ and an extract/ with the curated files."""
    shutil.copytree(REFERENCES, tmp_path / "references")
    shutil.copytree(ROOT / "extract", tmp_path / "extract")
    return tmp_path


def decide(project: Path, entries: str) -> Path:
    (project / "extract" / "decisions.yml").write_text(f"decisions:\n{entries}", encoding="utf-8")
    db = project / "db" / "evidence.db"
    build(Config(project / "references", db))
    return db


def citation_id(db: Path, doc_id: str, line: int) -> str:
    return query(db, "select id from citations where document_id = ? and line_start = ?", (doc_id, line))[0][
        "id"
    ]


def test_reviewer_decisions_are_applied_on_every_build(project, seed_db):
    karpatkin_a, karpatkin_b = citation_id(seed_db, SEED_000, 57), citation_id(seed_db, SEED_000, 65)
    short = citation_id(seed_db, SEED_002, 83)
    target = work_of(seed_db, SEED_000, 130)["id"]  # Mahévas 2014, Br J Haematol
    db = decide(
        project,
        f"  - {{a: {karpatkin_a}, b: {karpatkin_b}, decision: different, note: test}}\n"
        f"  - {{a: {short}, b: {target}, decision: link}}\n",
    )
    assert work_of(db, SEED_000, 57)["id"] != work_of(db, SEED_000, 65)["id"]
    assert work_of(db, SEED_002, 83)["id"] == target
    pair = query(
        db,
        "select decision, reason from duplicate_pairs where record_a in (?, ?) and record_b in (?, ?)",
        (karpatkin_a, karpatkin_b, karpatkin_a, karpatkin_b),
    )
    assert pair == [
        {"decision": "distinct", "reason": "reviewer decision: different (extract/decisions.yml:2)"}
    ]
    build(Config(project / "references", db))  # and again: the decisions survive a rebuild
    assert work_of(db, SEED_000, 57)["id"] != work_of(db, SEED_000, 65)["id"]


def test_a_decision_naming_an_unknown_id_is_a_problem(project):
    db = decide(project, "  - {a: c_000000000000, b: c_111111111111, decision: same}\n  - {a: x}\n")
    rows = query(db, "select path, line, message from problems where code = 'bad_decision' order by line")
    assert [(r["path"], r["line"]) for r in rows] == [
        ("extract/decisions.yml", 2),
        ("extract/decisions.yml", 3),
    ]
    assert "c_000000000000 is not a record of this build" in rows[0]["message"]


AMBIGUOUS_BIB = """@article{m1, author = {Mahévas, Matthieu and Patin, Pascal}, title = {Plasma cells in the spleen of
patients with immune thrombocytopenia}, journal = {J Clin Invest}, year = {2013}, volume = {123}, pages = {1-10}}

@article{m2, author = {Mahévas, Matthieu and Michel, Marc}, title = {Long-lived plasma cells and rituximab
failure}, journal = {Journal of Clinical Investigation}, year = {2013}, volume = {123}, pages = {500-510}}

@article{g1, author = {Godeau, Bertrand}, title = {Rituximab in adult immune thrombocytopenia: a prospective
study}, journal = {Blood}, year = {2008}, volume = {112}, pages = {999-1004}}

@article{g2, author = {Godeau, Bertrand}, title = {Rituximab in adult immune thrombocytopenia: a prospective
study}, journal = {Blood}, year = {2008}, volume = {112}, pages = {1200-1204}}
"""


def test_review_queue_holds_one_item_per_ambiguous_short_citation_and_the_maybe_pairs(project, capsys):
    (project / "references" / "more.bib").write_text(AMBIGUOUS_BIB, encoding="utf-8")
    db = decide(project, "")
    rows = query(
        db,
        "select id, kind, record_a, a_line, a_document_id, record_b, b_text, decide_with from review_queue "
        "order by kind, record_b",
    )
    assert [r["kind"] for r in rows] == ["ambiguous_short_citation", "maybe_duplicate"]
    # "Mahévas et al., JCI 2013": the thesis list's paper and the two added ones, in one item
    short = rows[0]
    assert (short["a_document_id"], short["a_line"], short["record_b"]) == (SEED_002, 85, None)
    candidates = query(
        db, "select * from review_candidates where review_id = ? order by rank", (short["id"],)
    )
    assert [c["rank"] for c in candidates] == [1, 2, 3]
    assert {c["record_a"] for c in candidates} == {short["record_a"]}
    assert short["decide_with"].splitlines() == [c["decide_with"] for c in candidates]
    assert all(c["decide_with"].endswith("decision: link}") for c in candidates)
    assert all(c["evidence"].startswith("first author and year agree; same journal") for c in candidates)
    titles = {c["text"].split(". ")[1] for c in candidates if "Mah" in c["text"]}
    assert "Long-lived plasma cells and rituximab failure" in titles
    assert [line.split(": ")[0] for line in short["b_text"].splitlines()] == [
        f"{c['rank']}. {c['work_id']}" for c in candidates
    ]
    assert main(["review", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "2 items waiting for a decision:"
    assert sum(line.startswith("  candidate ") for line in out) == 3
    assert any(line.startswith("    - {a: c_") for line in out)
    assert any(line.startswith("  decide in extract/decisions.yml: - {a: c_") for line in out)


def test_a_decision_applies_to_the_ambiguous_short_citation(project):
    (project / "references" / "more.bib").write_text(AMBIGUOUS_BIB, encoding="utf-8")
    db = decide(project, "")
    short = query(db, "select id, record_a from review_queue where kind = 'ambiguous_short_citation'")[0]
    works = [
        r["work_id"]
        for r in query(
            db, "select work_id from review_candidates where review_id = ? order by rank", (short["id"],)
        )
    ]
    a = short["record_a"]
    # ruling two candidates out leaves one item with one candidate: a reviewer still links it
    db = decide(project, "".join(f"  - {{a: {a}, b: {w}, decision: different}}\n" for w in works[:2]))
    left = query(db, "select reason from review_queue where record_a = ?", (a,))
    assert len(left) == 1 and left[0]["reason"].endswith("2 ruled out by a reviewer")
    assert [
        r["work_id"] for r in query(db, "select work_id from review_candidates where record_a = ?", (a,))
    ] == [works[2]]
    assert not query(db, "select * from problems where code = 'bad_decision'")
    # ruling every candidate out: the citation is its own work, flagged, out of the queue
    db = decide(project, "".join(f"  - {{a: {a}, b: {w}, decision: different}}\n" for w in works))
    assert not query(db, "select * from review_queue where record_a = ?", (a,))
    own = query(
        db,
        "select w.title, p.message from citations c join works w on w.id = c.work_id "
        "join problems p on p.citation_id = c.id where c.id = ?",
        (a,),
    )
    assert own[0]["title"] == "" and "a reviewer ruled out every work" in own[0]["message"]
    # one link decides the citation
    db = decide(project, f"  - {{a: {a}, b: {works[1]}, decision: link}}\n")
    assert not query(db, "select * from review_queue where record_a = ?", (a,))
    assert query(db, "select work_id from citations where id = ?", (a,)) == [{"work_id": works[1]}]


SAME_KEY_BIB = """@article{a, author = {Godeau, Bertrand}, title = {Rituximab in adult immune thrombocytopenia},
journal = {Blood}, year = {2008}, volume = {112}, pages = {999-1004}}

@article{b, author = {Godeau, Bertrand}, title = {Rituximab in adult immune thrombocytopenia},
journal = {American Journal of Hematology}, year = {2008}, volume = {83}, pages = {100-104}}
"""


def test_works_kept_apart_with_the_same_key_still_take_their_short_citations(tmp_path: Path):
    # two articles with one title, year and first author that the engine keeps apart share an exact key;
    # a short citation linked to one of them must follow it when its id is made unique
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "lib.bib").write_text(SAME_KEY_BIB, encoding="utf-8")
    (refs / "slides.txt").write_text("Godeau B, et al. Blood (2008)\n", encoding="utf-8")
    (refs / "slides.yml").write_text("title: s\nkind: slides\nlanguage: en\n", encoding="utf-8")
    db = tmp_path / "e.db"
    build(Config(refs, db))
    works = query(db, "select id, journal from works where first_author = 'Godeau' and title != ''")
    assert len(works) == 2 and len({w["id"] for w in works}) == 2
    short = query(
        db,
        "select w.journal, w.n_citations from citations c join works w on w.id = c.work_id "
        "where c.document_id = 'slides'",
    )
    assert short == [{"journal": "Blood", "n_citations": 2}]


def test_a_title_less_record_with_a_known_doi_joins_that_work(tmp_path: Path):
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "lib.bib").write_text(
        SAME_KEY_BIB.split("\n\n")[0] + "\n\n@article{c, author = {Godeau, B.}, "
        "doi = {10.1000/known}, year = {2008}}\n",
        encoding="utf-8",
    )
    (refs / "more.bib").write_text(
        "@article{d, author = {Cuker, Adam}, title = {How I treat refractory ITP}, "
        "journal = {Blood}, year = {2016}, doi = {10.1000/KNOWN}}\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    build(Config(refs, db))
    rows = query(
        db,
        "select c.record_id, w.title from citations c join works w on w.id = c.work_id "
        "where c.record_id in ('c', 'd') order by c.record_id",
    )
    assert rows == [
        {"record_id": "c", "title": "How I treat refractory ITP"},
        {"record_id": "d", "title": "How I treat refractory ITP"},
    ]


def test_a_review_rows_work_side_reads_as_its_candidates_do() -> None:
    """The side of a review row that names a work reads as a candidate work does (one function for both:
    authors, title, journal, year, volume and pages), not as authors and title only."""
    from kb.dedupe.group import ReviewItem
    from kb.model import Citation, CitationKind, CitationStatus, Name, Reference, Span, Work
    from kb.tables import _review_row, _work_text

    ref = Reference(authors=[Name(family="Cines", given="D")], title="The ITP syndrome", journal="Blood",
                    year="2009", volume="113", pages="6511-21")  # fmt: skip
    work = Work("w_1", "cines2009", ref)
    cited = Citation("c_1", "d_1", Span("refs.txt", 3, 3, "Cines D. ITP. Blood 2009"), CitationKind.REFERENCE,
                     ref, CitationStatus.PARSED)  # fmt: skip
    row = _review_row(ReviewItem("maybe_duplicate", "c_1", "w_1", 0.9, "similar title", ""), {"c_1": cited},
                      {"w_1": work})  # fmt: skip
    assert row["b_text"] == _work_text(work) == "Cines, D. The ITP syndrome. Blood 2009;113:6511-21"

"""The whole build on the seeds: every line accounted for, works, problems, determinism, atomicity."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils
from conftest import REFERENCES, SEED_000, SEED_001, SEED_002, SEED_003, content_hash

from kb.config import Config
from kb.model import KbError
from kb.pipeline import build


def query(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    return list(sqlite_utils.Database(db).query(sql, params))


def test_four_documents(seed_db):
    rows = query(seed_db, "select id, kind, n_lines from documents order by id")
    assert [(r["id"], r["kind"]) for r in rows] == [
        (SEED_000, "reference-list"),
        (SEED_001, "review-card"),
        (SEED_002, "slides"),
        (SEED_003, "slides"),
    ]


def test_required_tables_and_columns(seed_db):
    db = sqlite_utils.Database(seed_db)
    required = {
        "documents": "id path title kind language date sha256 n_lines work_id",
        "citations": "id document_id line_start line_end raw kind status work_id authors title journal year "
        "volume issue pages doi",
        "works": "id citation_key type title authors first_author year journal volume issue pages doi pmid url "
        "n_citations",
        "work_authors": "work_id position family given",
        "problems": "id document_id line code severity message raw citation_id",
    }
    for table, columns in required.items():
        assert set(columns.split()) <= set(db[table].columns_dict), table
    assert {fk.other_table for fk in db["citations"].foreign_keys} == {"documents", "works"}
    for table in ("works", "citations", "passages"):
        assert db[table].detect_fts() == f"{table}_fts"


@pytest.mark.parametrize("doc_id", [SEED_000, SEED_001, SEED_002, SEED_003])
def test_every_line_is_in_a_citation_a_problem_or_document_text(seed_db, doc_id):
    path = REFERENCES / f"{doc_id}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    covered: set[int] = set()
    for sql in (
        "select line_start a, line_end b from citations where document_id = ?",
        "select line a, line_end b from problems where document_id = ? and line > 0",
        "select line_start a, line_end b from passages where document_id = ?",
    ):
        for r in query(seed_db, sql, (doc_id,)):
            covered.update(range(r["a"], r["b"] + 1))
    assert [i for i, line in enumerate(lines, 1) if line.strip() and i not in covered] == []


def test_covered_text_is_verbatim(seed_db):
    lines = (REFERENCES / f"{SEED_000}.txt").read_text(encoding="utf-8").splitlines()
    for r in query(
        seed_db, "select line_start, line_end, raw from citations where document_id = ?", (SEED_000,)
    ):
        assert r["raw"] == "\n".join(lines[r["line_start"] - 1 : r["line_end"]])


def test_karpatkin_is_one_work_with_two_citations(seed_db):
    works = query(
        seed_db, "select id, n_citations, year, journal from works where first_author = 'Karpatkin'"
    )
    assert len(works) == 1
    assert (works[0]["n_citations"], works[0]["year"], works[0]["journal"]) == (2, 1969, "Blood")
    lines = query(
        seed_db, "select line_start from citations where work_id = ? order by line_start", (works[0]["id"],)
    )
    assert [r["line_start"] for r in lines] == [57, 65]


def test_abstract_pieces_are_problems_not_works(seed_db):
    problems = query(seed_db, "select line, raw from problems where code = 'not_a_reference' order by line")
    assert [p["line"] for p in problems] == [190, 192, 194, 196, 198, 200, 202, 204, 206]
    assert problems[0]["raw"].startswith(", Le purpura thrombopénique immunologique (PTI)")
    assert (
        query(
            seed_db,
            "select count(*) n from citations where line_start >= 190 and document_id = ?",
            (SEED_000,),
        )[0]["n"]
        == 0
    )
    assert (
        query(
            seed_db,
            "select count(*) n from works where title like '%purpura thrombopénique immunologique (PTI)%'",
        )[0]["n"]
        == 0
    )


@pytest.mark.parametrize(
    ("line", "code"),
    [(44, "truncated"), (44, "missing_title"), (5, "missing_title"), (42, "missing_authors")],
)
def test_truncated_entries_are_citations_with_problem_codes(seed_db, line, code):
    rows = query(
        seed_db,
        "select p.citation_id, c.raw from problems p join citations c on c.id = p.citation_id "
        "where p.document_id = ? and p.line = ? and p.code = ?",
        (SEED_000, line, code),
    )
    assert len(rows) == 1


def test_bradbury_2021_is_a_work_with_its_doi(seed_db):
    rows = query(seed_db, "select * from works where lower(doi) = '10.1056/nejmoa2100596'")
    assert len(rows) == 1
    work = rows[0]
    assert (work["first_author"], work["year"], work["journal"], work["journal_written"]) == (
        "Bradbury",
        2021,
        "N Engl J Med",
        "NEJM",
    )
    assert work["title"] == "Mycophenolate Mofetil for First-Line Treatment of Immune Thrombocytopenia"
    citation = query(
        seed_db, "select line_start, line_end, document_id from citations where work_id = ?", (work["id"],)
    )
    assert citation == [{"line_start": 23, "line_end": 27, "document_id": SEED_001}]


def test_short_citations_of_002_introduction_are_citations(seed_db):
    rows = query(
        seed_db,
        "select line_start, first_author, journal, year, status from citations "
        "where document_id = ? order by line_start",
        (SEED_002,),
    )
    assert [(r["line_start"], r["first_author"], r["journal"], r["year"], r["status"]) for r in rows] == [
        (83, "Mahévas", "Blood", 2016, "short"),
        (85, "Mahévas", "JCI", 2013, "short"),
        (87, "Tsykunova", "Blood Advances", 2025, "short"),
    ]


def test_repeated_mentions_resolve_to_the_same_work(seed_db):
    rows = query(
        seed_db,
        "select line_start, work_id from citations where document_id = ? and "
        "first_author = 'Stanworth' order by line_start",
        (SEED_003,),
    )
    assert [r["line_start"] for r in rows] == [41, 69, 97]
    assert len({r["work_id"] for r in rows}) == 1


def test_every_citation_points_at_an_existing_work(seed_db):
    # every citation but the fragments (kb.citable: "D. Sur," of 000:44) points at a work that exists
    assert (
        query(
            seed_db,
            "select count(*) n from citations where work_id not in (select id from works)",
        )[0]["n"]
        == 0
    )
    fragments = query(seed_db, "select raw from citations where work_id is null")
    assert [r["raw"] for r in fragments] == ["D. Sur,"]
    assert query(seed_db, "select sum(n_citations) n from works")[0]["n"] == query(
        seed_db, "select count(*) n from citations"
    )[0]["n"] - len(fragments)


def test_citation_keys_are_unique(seed_db):
    rows = query(seed_db, "select citation_key, count(*) n from works group by citation_key having n > 1")
    assert rows == []


def test_full_text_search_folds_accents(seed_db):
    rows = query(
        seed_db,
        "select w.authors from works_fts f join works w on w.rowid = f.rowid where works_fts match 'mahevas'",
    )
    assert len(rows) >= 8 and all("Mahévas" in r["authors"] for r in rows)
    passages = query(seed_db, "select count(*) n from passages_fts where passages_fts match 'daratumumab'")
    assert passages[0]["n"] > 0


def test_two_builds_give_identical_rows(seed_db, tmp_path):
    again = tmp_path / "again.db"
    build(Config(REFERENCES, again))
    assert content_hash(again) == content_hash(seed_db)


def test_ids_do_not_depend_on_the_directory(seed_db, references_copy, tmp_path):
    other = tmp_path / "other.db"
    build(Config(references_copy, other))
    ids = "select id from citations order by id"
    assert query(other, ids) == query(seed_db, ids)


def test_failed_build_leaves_previous_database(tmp_path, references_copy, monkeypatch):
    db = tmp_path / "evidence.db"
    build(Config(references_copy, db))
    before = content_hash(db)

    def explode(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("kb.store.write_database", explode)
    with pytest.raises(KbError, match="previous database, if any, is unchanged"):
        build(Config(references_copy, db))
    assert content_hash(db) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_missing_references_directory_is_a_clear_error(tmp_path):
    with pytest.raises(KbError, match="does not exist or is not a directory"):
        build(Config(tmp_path / "nowhere", tmp_path / "x.db"))


def test_names_are_case_repaired_and_written_form_kept(seed_db):
    row = query(
        seed_db,
        "select authors, authors_written from citations where document_id = ? and line_start = 1",
        (SEED_000,),
    )[0]
    assert "Lapeyre-Mestre, M." in row["authors"]
    assert "Lapeyre-mestre, M." in row["authors_written"]
    families = {r["family"] for r in query(seed_db, "select family from work_authors")}
    assert {"Lapeyre-Mestre", "McMillan", "van der Holt", "de Haas", "Al-Samkari"} <= families
    assert not {"Lapeyre-mestre", "Mcmillan", "Van-der-holt"} & families


def test_journals_get_their_canonical_abbreviation(seed_db):
    rows = query(
        seed_db,
        "select journal, journal_abbrev from citations where document_id = ? and line_start = 85",
        (SEED_002,),
    )
    assert rows == [{"journal": "JCI", "journal_abbrev": "J Clin Invest"}]
    lancet = query(seed_db, "select distinct journal from works where journal_written = 'Lancet Lond Engl'")
    assert lancet == [{"journal": "Lancet"}]


@pytest.mark.parametrize(
    ("doc_id", "line", "code"),
    [
        (SEED_000, 46, "lost_character"),
        (SEED_000, 134, "lost_character"),
        (SEED_000, 23, "joined_words"),
        (SEED_001, 53, "replacement_character"),
        (SEED_000, 1, "long_page_range"),
    ],
)
def test_damaged_text_is_flagged_where_it_is(seed_db, doc_id, line, code):
    rows = query(
        seed_db,
        "select message from problems where document_id = ? and line = ? and code = ?",
        (doc_id, line, code),
    )
    assert len(rows) == 1, rows
    assert rows[0]["message"].startswith(f"references/{doc_id}.txt:{line}")


def test_page_ranges_are_expanded_and_written_form_kept(seed_db):
    row = query(
        seed_db,
        "select pages, pages_written, first_page, last_page from citations "
        "where document_id = ? and line_start = 27",
        (SEED_000,),
    )[0]
    assert row == {
        "pages": "2386–2393",
        "pages_written": "2386-93",
        "first_page": "2386",
        "last_page": "2393",
    }


def test_parser_confidence_is_stored_and_low_fields_flagged(seed_db):
    """Parsed reference strings keep the parser's confidence per field; fields below the threshold are
    low_confidence problems of their citation (info), structured records have none."""
    import json

    from kb.parse.confidence import LOW_CONFIDENCE

    rows = query(
        seed_db,
        "select id, confidence_min, confidence from citations where kind = 'reference' and status != 'short'",
    )
    scored = [r for r in rows if r["confidence"]]  # the rule grammar's readings carry none
    assert len(scored) > 0.9 * len(rows)
    for r in scored:
        conf = json.loads(r["confidence"])
        assert r["confidence_min"] == min(conf.values())
        flagged = query(
            seed_db,
            "select field, severity from problems where citation_id = ? and code = 'low_confidence'",
            (r["id"],),
        )
        assert {f["field"] for f in flagged} == {k for k, v in conf.items() if v < LOW_CONFIDENCE}
        assert all(f["severity"] == "info" for f in flagged)
    assert not query(seed_db, "select id from citations where kind = 'record' and confidence is not null")

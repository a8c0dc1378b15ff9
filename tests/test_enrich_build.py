"""`kb enrich` end to end: a corpus in the seeds' forms, the services played by a local server.

Short citations of slides ("Stanworth SJ, et al. Br J Haematol (2015)") and a HAL reference whose end
page the export corrupted ("pp.437-485") are looked up; the local server holds records written as test
data in the services' formats (tests/fixtures/enrich/README.md). No test reaches the internet.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import db_rows

from kb.cli import main
from tests.fake_services import Answer, FakeServices, Route, fake_services

SLIDES = """Platelet transfusion refractoriness

Prophylactic transfusion strategies
Stanworth SJ, et al. Br J Haematol (2015)

Vaccine-associated thrombocytopenia
Qamar et al., Blood (2022)

HLA antibodies in donors
Pedini, P. et al. Transfusion (2022)

Outcomes after transfusion
Seike, K. et al. Transfusion (2020)
"""
THESIS = (
    "G. Moulis, L. Sailler, D. Adoue, and M. Lapeyre-mestre, Pharmacoepidemiology of Immune "
    "Thrombocytopenia: protocols of FAITH and CARMEN studies, Therapie. oct, vol.69, issue.5, pp.437-485, "
    "2014.\n"
)


def routes() -> list[Route]:
    """The services' answers for the corpus; anything else finds nothing."""
    search = [("stanworth", "stanworth"), ("qamar", "qamar"), ("pedini", "pedini"), ("moulis", "moulis")]
    fetch = [
        ("900000101", "stanworth"),
        ("900000201", "qamar"),
        ("900000401", "pedini"),
        ("900000501", "moulis"),
    ]
    return [
        *(Route("/esearch.fcgi", [Answer(file=f"esearch_{f}.json")], {"term": t}) for t, f in search),
        Route("/esearch.fcgi", [Answer(file="esearch_empty.json")]),
        *(Route("/efetch.fcgi", [Answer(file=f"efetch_{f}.txt")], {"id": i}) for i, f in fetch),
        Route("/works", [Answer(file="crossref_stanworth.json")], {"query.author": "stanworth"}),
        Route("/works", [Answer(file="crossref_empty.json")]),
    ]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    refs = tmp_path / "references"
    refs.mkdir()
    (refs / "slides.txt").write_text(SLIDES)
    (refs / "slides.yml").write_text("title: Transfusion slides\nkind: slides\nlanguage: en\n")
    (refs / "thesis.txt").write_text(THESIS)
    (refs / "thesis.yml").write_text("title: Thesis references\nkind: reference-list\nlanguage: fr\n")
    return refs


@pytest.fixture
def services() -> Iterator[FakeServices]:
    with fake_services(routes()) as s:
        yield s


def _args(corpus: Path, db: Path, s: FakeServices | str, *more: str) -> list[str]:
    url = s.url if isinstance(s, FakeServices) else s
    return [
        "enrich", "--quiet", "--references", str(corpus), "--db", str(db), "--email", "me@example.org",
        "--pubmed-url", url, "--crossref-url", url, "--retries", "0", "--timeout", "2", *more,
    ]  # fmt: skip


def _work(db: Path, first_author: str) -> dict[str, object]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute(
            "select w.* from works w join citations c on c.work_id = w.id where c.first_author = ?",
            (first_author,),
        ).fetchone()
        return dict(row)
    finally:
        conn.close()


def _dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(line for line in conn.iterdump() if not line.startswith('INSERT INTO "sqlite_stat'))
    finally:
        conn.close()


@pytest.fixture
def enriched(
    corpus: Path, services: FakeServices, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Path:
    db = tmp_path / "db" / "evidence.db"
    assert main(_args(corpus, db, services)) == 0, capsys.readouterr().err
    return db


def test_an_unambiguous_short_citation_becomes_a_full_work_with_provenance(enriched: Path) -> None:
    work = _work(enriched, "Stanworth")
    assert str(work["title"]).startswith("Platelet transfusion refractoriness in patients")
    assert (work["doi"], work["pmid"], work["volume"], work["pages"]) == (
        "10.5555/bjh.2015.0101",
        "900000101",
        "169",
        "712–720",
    )
    assert "31% of patients" in str(work["abstract"]) and "Platelet Transfusion" in str(work["mesh_terms"])
    assert str(work["authors"]).startswith("Stanworth, Simon J.; Navarrete, Cristina")
    provenance = db_rows(
        enriched, "select field, status, source, source_id, source_url, retrieved_at from enrichments where work_id = ?",
        work["id"],
    )  # fmt: skip
    fields = {f for f, *_ in provenance}
    assert {"title", "doi", "pmid", "volume", "issue", "pages", "authors", "abstract", "mesh"} <= fields
    assert all(src == "pubmed" and sid == "900000101" and url.endswith("/900000101/") and when
               for _, _, src, sid, url, when in provenance)  # fmt: skip


def test_the_new_title_and_abstract_are_tagged(enriched: Path) -> None:
    work_id = _work(enriched, "Stanworth")["id"]
    assert ("platelet_transfusion",) in db_rows(
        enriched, "select intervention_id from work_interventions where work_id = ?", work_id
    )
    [(design,)] = db_rows(enriched, "select design_id from work_design where work_id = ?", work_id)
    assert design == "cohort_prospective" or "cohort" in design


def test_ambiguous_and_weak_candidates_go_to_review_and_change_nothing(enriched: Path) -> None:
    queue = dict(db_rows(enriched, "select kind, record_b from review_queue where kind like 'enrich_%'"))
    assert queue["enrich_ambiguous"] == "pubmed:900000201; pubmed:900000202"
    assert queue["enrich_weak"] == "pubmed:900000401"
    for name in ("Qamar", "Pedini"):
        work = _work(enriched, name)
        assert not work["title"] and not work["doi"]
        assert db_rows(enriched, "select count(*) from enrichments where work_id = ?", work["id"]) == [(0,)]


def test_a_work_with_no_candidate_is_left_as_it_is(enriched: Path) -> None:
    work = _work(enriched, "Seike")
    assert not work["title"]
    assert db_rows(enriched, "select verdict from enrich_targets where work_id = ?", work["id"]) == [
        ("none",)
    ]


def test_a_contradicted_written_value_is_kept_beside_and_flagged(enriched: Path) -> None:
    work = _work(enriched, "Moulis")
    assert (work["pages"], work["first_page"], work["last_page"]) == ("437–445", "437", "445")
    [(written, status)] = db_rows(
        enriched,
        "select written_value, status from enrichments where work_id = ? and field = 'pages'",
        work["id"],
    )
    assert (status, written) == ("corrected", "437–485")
    [(message, line)] = db_rows(
        enriched, "select message, line from problems where code = 'contradicted_by_record'"
    )
    assert "thesis.txt:1" in message and "437–485" in message and "900000501" in message and line == 1
    [(citation_pages,)] = db_rows(enriched, "select pages from citations where first_author = 'Moulis'")
    assert citation_pages == "437–485"  # the citation keeps what was written


def test_nothing_changes_without_provenance(corpus: Path, enriched: Path, tmp_path: Path) -> None:
    plain = tmp_path / "plain" / "evidence.db"
    assert main(["build", "--references", str(corpus), "--db", str(plain)]) == 0
    column_field = {
        "title": "title", "doi": "doi", "pmid": "pmid", "volume": "volume", "issue": "issue", "pages": "pages",
        "first_page": "pages", "last_page": "pages", "authors": "authors", "first_author": "authors",
        "abstract": "abstract", "mesh_terms": "mesh", "keywords": "keywords", "journal": "journal",
        "journal_written": "journal", "publication_types": "publication_types",
    }  # fmt: skip
    ignored = {"citation_key", "type", "condition"}  # derived from the fields, not fields themselves
    for before in db_rows(plain, "select id from works"):
        old, new = (_one(db, before[0]) for db in (plain, enriched))
        changed = {c for c in old if old[c] != new[c] and c not in ignored}
        assert changed <= set(column_field), changed
        touched = {
            f for (f,) in db_rows(enriched, "select field from enrichments where work_id = ?", before[0])
        }
        assert {column_field[c] for c in changed} <= touched, (before[0], changed, touched)


def _one(db: Path, work_id: str) -> dict[str, object]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("select * from works where id = ?", (work_id,)).fetchone())
    finally:
        conn.close()


def test_rebuilds_are_deterministic_and_offline(
    corpus: Path, enriched: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _dump(enriched)
    assert main(["build", "--references", str(corpus), "--db", str(enriched)]) == 0
    assert _dump(enriched) == before
    capsys.readouterr()
    assert main(_args(corpus, enriched, "http://127.0.0.1:9", "--offline")) == 0
    out = capsys.readouterr().out
    assert "lookups made: 0" in out and "lookups already in the cache: 10" in out
    assert _dump(enriched) == before


def test_a_second_run_asks_nothing_again(corpus: Path, enriched: Path, services: FakeServices) -> None:
    asked = len(services.requests)
    assert main(_args(corpus, enriched, services)) == 0
    assert len(services.requests) == asked


def test_no_network_is_exit_3_with_a_clear_message(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(_args(corpus, tmp_path / "db" / "e.db", "http://127.0.0.1:9"))
    err = capsys.readouterr().err
    assert code == 3 and err.startswith("Error: cannot reach 127.0.0.1:9") and "--offline" in err
    assert "Traceback" not in err


def test_a_bad_api_key_refused_by_the_service_is_exit_4(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with fake_services([Route("/esearch.fcgi", [Answer(400, file="api_key_invalid.json")])]) as s:
        code = main(_args(corpus, tmp_path / "e.db", s, "--api-key", "0123456789abcdef0123456789abcdef0123"))
    err = capsys.readouterr().err
    assert code == 4 and "API key invalid" in err and "check --api-key" in err


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--email", "not-an-address", "is not an e-mail address"),
        ("--api-key", "short", "is not an NCBI API key"),
        ("--source", "scopus", "unknown source scopus"),
    ],
)
def test_bad_settings_are_exit_1_before_any_request(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, expected: str
) -> None:
    with fake_services([]) as s:
        code = main([*_args(corpus, tmp_path / "e.db", s), option, value])
        assert s.requests == []
    assert code == 1 and expected in capsys.readouterr().err


def test_malformed_answers_fail_their_lookups_only_exit_5(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = [
        Route("/esearch.fcgi", [Answer(file="malformed.json")]),
        Route("/works", [Answer(file="malformed.html")]),
    ]
    with fake_services(bad) as s:
        code = main(_args(corpus, tmp_path / "db" / "e.db", s))
    captured = capsys.readouterr()
    assert code == 5 and "lookups failed: 10" in captured.out and "run kb enrich again" in captured.err
    assert "Traceback" not in captured.err


def test_busy_services_are_retried_then_answer(corpus: Path, tmp_path: Path) -> None:
    busy = [
        Route(r.path, [Answer(429, "busy", headers={"Retry-After": "0"}), *r.answers], r.params)
        for r in routes()
    ]
    with fake_services(busy) as s:
        db = tmp_path / "db" / "e.db"
        assert main([*_args(corpus, db, s)[:-4], "--retries", "2", "--timeout", "2"]) == 0
    assert _work(db, "Stanworth")["pmid"] == "900000101"

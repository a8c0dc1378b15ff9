"""Notices (erratum, correction, corrigendum, retraction): their own records, linked to their article."""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from kb.config import Config
from kb.dedupe import dedupe
from kb.dedupe.run import write_clusters
from kb.export.bibtex import to_bibtex
from kb.export.records import load_works
from kb.export.ris import to_ris
from kb.ingest.bibtex import read_bibtex_file, read_bibtex_string
from kb.pipeline import build

GOLDEN = {
    r.id: r
    for r in read_bibtex_file(Path(__file__).parent / "fixtures" / "dedupe" / "golden_pairs.bib").records
}

NOTICES_BIB = """
@article{art1, author = {Cines, Douglas B. and Bussel, James B.}, title = {The ITP syndrome: pathogenic and
clinical diversity}, journal = {Blood}, year = {2009}, volume = {113}, number = {26}, pages = {6511-6521}}
@article{art1copy, author = {Cines, D. B. and Bussel, J. B.}, title = {The ITP syndrome: pathogenic and clinical
diversity}, journal = {Blood}, year = {2009}, volume = {113}, pages = {6511-21}}
@article{wos1, author = {Cines, D. B.}, title = {The ITP syndrome: pathogenic and clinical diversity (vol 113, pg 6511,
2009)}, journal = {Blood}, year = {2010}, volume = {115}, pages = {1100}}
@article{art2, author = {Zaja, Francesco}, title = {Dexamethasone plus rituximab yields higher sustained response
rates than dexamethasone monotherapy in adults with primary immune thrombocytopenia}, journal = {Blood},
year = {2010}, volume = {115}, number = {14}, pages = {2755-2762}}
@article{err2, title = {Erratum: Dexamethasone plus rituximab yields higher sustained response rates than
dexamethasone monotherapy in adults with primary immune thrombocytopenia}, journal = {Blood}, year = {2011},
volume = {117}, pages = {4892}}
@article{err2copy, title = {ERRATUM: DEXAMETHASONE PLUS RITUXIMAB YIELDS HIGHER SUSTAINED RESPONSE RATES THAN
DEXAMETHASONE MONOTHERAPY IN ADULTS WITH PRIMARY IMMUNE THROMBOCYTOPENIA}, journal = {Blood}, year = {2011},
volume = {117}, number = {18}, pages = {4892}}
@article{other3, title = {Correction to: Dexamethasone plus rituximab yields higher sustained response rates than
dexamethasone monotherapy in adults with primary immune thrombocytopenia}, journal = {Lancet}, year = {2011},
volume = {377}, pages = {1000}}
"""


def test_golden_notices_are_linked_to_their_article_and_never_merged() -> None:
    for pair, kind in (("note22", "erratum"), ("note23", "correction"), ("note24", "retraction")):
        article, notice = GOLDEN[pair + "a"], GOLDEN[pair + "b"]
        result = dedupe([article, notice])
        assert result.clusters == []
        assert [(link.notice, link.article, link.kind) for link in result.notices] == [(1, 0, kind)]
        assert "title" in result.notices[0].evidence


def test_notices_beside_the_cluster_in_the_csv() -> None:
    result = dedupe(read_bibtex_string(NOTICES_BIB).records)
    assert result.cluster_ids() == [["art1", "art1copy"], ["err2", "err2copy"]]
    out = io.StringIO()
    write_clusters(result, "csv", out)
    rows = {r["merged_ids"]: r for r in csv.DictReader(io.StringIO(out.getvalue()))}
    assert rows["art1;art1copy"]["notices"] == "wos1"  # by the locator Web of Science appends
    assert rows["art2"]["size"] == "1"  # a lone article that a notice concerns gets its row
    assert rows["art2"]["notices"] == "err2;err2copy"  # both copies of the notice
    assert rows["err2;err2copy"]["notices"] == ""
    assert all("other3" not in r["notices"] for r in rows.values())  # another journal: not linked


def test_a_notice_older_than_the_article_is_not_its_notice() -> None:
    records = read_bibtex_string(
        NOTICES_BIB.replace(
            "year = {2011},\nvolume = {117}, pages = {4892}", "year = {2008},\nvolume = {117}, pages = {4892}"
        )
    ).records
    result = dedupe(records)
    linked = {result.records[link.notice].id for link in result.notices}
    assert "err2" not in linked and "err2copy" in linked


def test_the_build_links_notices_and_exports_the_link(tmp_path: Path) -> None:
    references = tmp_path / "references"
    references.mkdir()
    (references / "export.bib").write_text(NOTICES_BIB, encoding="utf-8")
    db = tmp_path / "evidence.db"
    build(Config(references, db))
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "select wn.title, wa.title, n.kind, n.evidence from notices n join works wn on wn.id = n.notice_work_id "
        "join works wa on wa.id = n.article_work_id order by wn.title"
    ).fetchall()
    assert [(r[0][:18], r[1][:18], r[2]) for r in rows] == [
        ("Erratum: Dexametha", "Dexamethasone plus", "erratum"),
        ("The ITP syndrome: ", "The ITP syndrome: ", "erratum"),
    ]
    notice_work, article_work = conn.execute(
        "select notice_work_id, article_work_id from notices where kind = 'erratum' order by id"
    ).fetchone()
    works = load_works(conn, [article_work, notice_work])
    keys = {w.id: w.citation_key for w in works}
    bib = to_bibtex(works)
    assert f"related = {{{keys[notice_work]}}}" in bib and "relatedtype = {notices}" in bib
    assert f"related = {{{keys[article_work]}}}" in bib and "relatedtype = {erratum}" in bib
    ris = to_ris(works)
    assert f"N1  - Erratum notice: {keys[notice_work]}:" in ris
    assert f"N1  - Erratum notice of {keys[article_work]}:" in ris

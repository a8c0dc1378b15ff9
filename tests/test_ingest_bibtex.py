"""BibTeX reader: fields, LaTeX decoding, names, and faulty input crossed with valid entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from kb.ingest.bibtex import decode_latex, parse_names, read_bibtex_file, read_bibtex_string
from kb.model import EXTRA_ENTRY_TYPE, Name, ProblemCode

FIXTURES = Path(__file__).parent / "fixtures" / "dedupe"

VALID = """@article{valid,
  author = {Mah{\\'e}vas, Matthieu and Michel, Marc},
  title = {{B} cell depletion in {ITP}},
  journal = {J Clin Invest},
  year = {2013},
  pages = {432--442}
}
"""

FAULTY = {
    "unbalanced-brace": "@article{broken,\n  title = {Unbalanced {brace,\n  year = {2010}\n}\n",
    "unclosed-entry": "@article{unclosed,\n  title = {x},\n  year = {2010}\n",
    "missing-equals": "@article{eq,\n  title {x},\n  year = {2010}\n}\n",
    "missing-key-comma": "@article{nokey\n  title = {x}\n}\n",
    "unclosed-quote": '@article{quote,\n  title = "Unclosed quote,\n  year = {2010}\n}\n',
}


@pytest.mark.parametrize("name", sorted(FAULTY))
def test_faulty_block_is_a_problem_and_the_next_entry_parses(name: str) -> None:
    text = VALID + "\n" + FAULTY[name] + "\n" + VALID.replace("{valid,", "{after,")
    result = read_bibtex_string(text, "x.bib")
    ids = [r.id for r in result.records]
    assert ids[0] == "valid" and ids[-1] == "after"
    problem = next(p for p in result.problems if p.code is ProblemCode.UNPARSED)
    assert problem.line == VALID.count("\n") + 2
    assert problem.path == "x.bib"
    assert problem.raw.startswith("@article{")
    after = result.records[-1]
    assert after.line == text[: text.index("{after,")].count("\n") + 1


def test_malformed_fixture() -> None:
    result = read_bibtex_file(FIXTURES / "malformed.bib")
    assert [r.id for r in result.records] == ["good1", "good2", "good1#2"]
    assert [(p.code, p.line) for p in result.problems] == [
        (ProblemCode.UNPARSED, 7),
        (ProblemCode.UNPARSED, 18),
    ]
    assert "Was still looking for field-value closing" in result.problems[0].message
    assert "duplicate entry key 'good1' (first used at line 1)" in result.problems[1].message
    assert result.problems[0].raw.startswith("@article{broken,")
    assert result.problems[0].line_end >= 7
    assert result.records[2].reference.title == "Same key again"


def test_fields_and_decoding() -> None:
    record = read_bibtex_string(VALID).records[0]
    ref = record.reference
    assert ref.authors == [Name("Mahévas", "Matthieu"), Name("Michel", "Marc")]
    assert ref.title == "B cell depletion in ITP"
    assert (ref.journal, ref.year, ref.pages, ref.type) == (
        "J Clin Invest",
        "2013",
        "432-442",
        "article-journal",
    )
    assert record.extra[EXTRA_ENTRY_TYPE] == "article"
    assert record.line == 1
    assert record.raw.startswith("@article{valid,")


def test_extra_fields_and_types() -> None:
    text = """@inproceedings{conf,
  author = {{World Health Organization} and others},
  title = {Guidelines},
  booktitle = {Proc. of the {ASH} Meeting},
  date = {2019-12-07},
  doi = {https://doi.org/10.1182/blood-2019-123},
  abstract = {Some \\emph{abstract} text},
  keywords = {ITP; TPO-RA},
  isbn = {978-0-00-000000-0},
  pmid = {31234567}
}
"""
    record = read_bibtex_string(text).records[0]
    ref = record.reference
    assert ref.authors == [Name(literal="World Health Organization")] and ref.et_al
    assert (ref.type, ref.year, ref.doi, ref.pmid) == (
        "paper-conference",
        "2019",
        "10.1182/blood-2019-123",
        "31234567",
    )
    assert ref.journal == "Proc. of the ASH Meeting"
    assert record.extra["abstract"] == "Some abstract text"
    assert record.extra["keywords"] == "ITP; TPO-RA"
    assert record.extra["isbn"] == "978-0-00-000000-0"
    assert record.extra["booktitle"] == "Proc. of the ASH Meeting"


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        ("{\\'e}", "é"),
        ("\\'{e}", "é"),
        ('M{\\"u}ller', "Müller"),
        ("\\c{c}a", "ça"),
        ("{\\ss}", "ß"),
        ("\\o{}ster", "øster"),
        ('\\"{\\i}', "ï"),
        ("\\v{S}koda", "Škoda"),
        ("{DNA} and {RNA}", "DNA and RNA"),
        ("A \\& B", "A & B"),
        ("10\\%", "10%"),
        ("\\emph{in vivo}", "in vivo"),
        ("pages 1--2", "pages 1–2"),
        ("$\\alpha$-granule", "α-granule"),
        ("a~b", "a b"),
    ],
)
def test_decode_latex(latex: str, text: str) -> None:
    assert decode_latex(latex) == text


def test_parse_names() -> None:
    names, et_al = parse_names("van der Berg, Jan and Doe, Jr., John and Smith, J. A.")
    assert names == [Name("van der Berg", "Jan"), Name("Doe", "John", suffix="Jr."), Name("Smith", "J. A.")]
    assert not et_al


def test_unreadable_encoding_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin1.bib"
    path.write_bytes("@article{k,\n  title = {Purpura thrombop\xe9nique}\n}\n".encode("latin-1"))
    result = read_bibtex_file(path)
    assert result.records[0].reference.title == "Purpura thrombopénique"
    assert [(p.code, p.line) for p in result.problems] == [(ProblemCode.ENCODING, 2)]


SCOPUS = """@ARTICLE{Ghanima2015,
  author={Ghanima, W. and Khelif, A. and Waage, A.},
  title={Rituximab as second-line treatment for adult immune thrombocytopenia (the {RITP} trial)},
  journal={The Lancet},
  year={2015},
  volume={385},
  number={9978},
  pages={1653-1661},
  doi={10.1016/S0140-6736(14)61952-4},
  author_keywords={rituximab; immune thrombocytopenia},
  funding_details={Norwegian Research Council},
  funding_details={Roche},
  document_type={Article},
  source={Scopus},
}

@ARTICLE{Hao2023,
  author={Hao, J. and High, R.},
  title={Gender-specific visual perturbation effects},
  journal={PLoS ONE},
  year={2023},
  volume={18},
  art_number={e0285123},
  source={Scopus},
}
"""


def test_scopus_repeated_field_is_kept_with_a_warning_and_keywords_and_article_number_are_read() -> None:
    result = read_bibtex_string(SCOPUS, "scopus.bib")
    ghanima, hao = result.records
    assert ghanima.extra["funding_details"] == "Norwegian Research Council; Roche"
    assert ghanima.extra["keywords"] == "rituximab; immune thrombocytopenia"
    assert ghanima.reference.title.endswith("(the RITP trial)")
    assert hao.reference.pages == "e0285123"
    [problem] = result.problems
    assert (problem.code, problem.severity.value, problem.line) == (ProblemCode.REPEATED_FIELD, "warning", 1)


def test_crossref_parent_lends_its_fields() -> None:
    text = (
        "@inproceedings{child, author={Michel, Marc}, title={Eltrombopag in ITP}, crossref={asc2019}, pages={12}}\n"
        "@proceedings{asc2019, title={ASH Annual Meeting}, year={2019}, publisher={ASH}, volume={134}}\n"
    )
    child, parent = read_bibtex_string(text, "x.bib").records
    assert (child.reference.journal, child.reference.year, child.reference.volume) == (
        "ASH Annual Meeting",
        "2019",
        "134",
    )
    assert child.reference.title == "Eltrombopag in ITP"
    assert child.extra["publisher"] == "ASH"
    assert parent.reference.title == "ASH Annual Meeting"

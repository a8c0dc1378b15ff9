"""PDF text in reading order (kb/ingest/pdf.py) and the references the finder takes from it: PDFs made
here, with tests/pdfmaker.py and, when pdflatex is installed, a two-column LaTeX article."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pdfmaker import make_pdf

from kb.find import find_references
from kb.ingest.pdf import _Box, extract_pdf_text, reading_order
from kb.ingest.reflist import join_lines

REFERENCES = [
    r"G. Moulis, A. Palmaro, J. Montastruc, B. Godeau, M. Lapeyre-Mestre and L. Sailler, Epidemiology of "
    r"incident immune thrombocytopenia: a nationwide population-based study in France, Blood 124 (2014) 3308--3323.",
    r"F. Rodeghiero, R. Stasi, T. Gernsheimer, M. Michel, D. Provan et al., Standardization of terminology, "
    r"definitions and outcome criteria in immune thrombocytopenic purpura of adults and children, "
    r"Blood 113 (2009) 2386--2393.",
    r"S. Audia, M. Mahevas, M. Samson, B. Godeau and B. Bonnotte, Pathogenesis of immune thrombocytopenia, "
    r"Autoimmun Rev 16 (2017) 620--632.",
    r"D. M. Arnold, J. R. Vrbensky, N. Karim, J. W. Smith, Y. Liu et al., The effect of rituximab on "
    r"anti-platelet autoantibody levels in patients with immune thrombocytopenia, Br J Haematol 178 (2017) 302--307.",
    r"M. Khellaf, M. Charles-Nelson, O. Fain, D. Terriou, K. Mahevas et al., Safety and efficacy of rituximab "
    r"in adult immune thrombocytopenia: results from a prospective registry including 248 patients, "
    r"Blood 124 (2014) 3228--3236.",
]
PARAGRAPH = (
    "Immune thrombocytopenia is an autoimmune disease with isolated thrombocytopenia. Rituximab is one of "
    "the second-line treatments with an initial overall response rate of about sixty per cent of patients. "
    "Most patients relapse after this treatment and a second course is often given. "
)
LATEX = r"""\documentclass[twocolumn]{article}
\input{glyphtounicode}\pdfgentounicode=1
\begin{document}
\title{Rituximab in immune thrombocytopenia}\author{A. Author}\date{}\maketitle
\section{Introduction}
%(body)s
\section{Discussion}
A second course of rituximab appears effective and well tolerated in patients who responded to a first course.
\begin{thebibliography}{9}
%(items)s
\end{thebibliography}
\end{document}
"""


def _key(text: str) -> str:
    """As the segmentation scorer compares: hyphen at a line end joined, whitespace removed."""
    return "".join(text.replace("-\n", "").split()).lower()


def test_single_column_pdf_keeps_lines_and_pages():
    data = make_pdf(
        [["References", "Cuker A, Neunert CE. How I treat refractory immune"], ["Blood. 2016;128:1547-54."]]
    )
    pdf = extract_pdf_text(data)
    assert pdf.errors == []
    kept = [
        (line.strip(), page) for line, page in zip(pdf.lines, pdf.line_pages, strict=True) if line.strip()
    ]
    assert kept == [
        ("References", 1),
        ("Cuker A, Neunert CE. How I treat refractory immune", 1),
        ("Blood. 2016;128:1547-54.", 2),
    ]


def test_reading_order_reads_the_left_column_then_the_right_one():
    title = _Box(150, 460, 750, [(150, 12, "Title")])
    left_top = _Box(72, 300, 700, [(72, 10, "left top")])
    left_bottom = _Box(72, 300, 400, [(72, 10, "left bottom")])
    right_top = _Box(312, 540, 700, [(312, 10, "right top")])
    footer = _Box(300, 312, 40, [(300, 10, "1")])
    order = reading_order([right_top, footer, left_bottom, title, left_top], 612)
    assert [b.lines[0][2] for b in order] == ["Title", "left top", "left bottom", "right top", "1"]


def test_damaged_pdf_is_reported_not_raised():
    pdf = extract_pdf_text(b"%PDF-1.4\ngarbage")
    assert pdf.lines == [] and pdf.errors and "cannot be read as PDF" in pdf.errors[0]


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed: LaTeX PDF not made")
def test_two_column_latex_article_gives_its_references_in_order(tmp_path: Path):
    items = "\n".join(rf"\bibitem{{r{n}}} {ref}" for n, ref in enumerate(REFERENCES))
    (tmp_path / "doc.tex").write_text(LATEX % {"body": PARAGRAPH * 6, "items": items}, encoding="utf-8")
    subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"],
        cwd=tmp_path,
        capture_output=True,
        timeout=120,
        check=True,
    )
    pdf = extract_pdf_text((tmp_path / "doc.pdf").read_bytes())
    assert pdf.errors == []
    text = "\n".join(pdf.lines)
    # Reading order: the body (left column) comes before the discussion and the references.
    assert text.index("Introduction") < text.index("Discussion") < text.index("References")
    found = find_references(pdf.lines, pdf.line_pages)
    expected = [_key(f"[{n}] {ref}".replace("--", "–")) for n, ref in enumerate(REFERENCES, 1)]
    assert [_key(f.text) for f in found] == expected
    assert {f.page for f in found} == {1}
    # A word cut at a line end is joined again for the parser; the line break stays in the raw text.
    joined = [join_lines(f.text.splitlines()) for f in found]
    assert all("thrombocy- topenia" not in j and "throm- bocytopenia" not in j for j in joined)


def test_kb_find_on_a_pdf_prints_pages(tmp_path: Path):
    data = make_pdf(
        [
            ["Some running text of the article that is not a reference at all."],
            [
                "References",
                "1. Cuker A, Neunert CE. How I treat refractory immune thrombocytopenia.",
                "Blood. 2016;128(12):1547-54.",
                "2. Audia S, Mahevas M, Samson M, Godeau B, Bonnotte B. Pathogenesis of",
                "immune thrombocytopenia. Autoimmun Rev. 2017;16(6):620-32.",
                "3. Moulis G, Palmaro A, Montastruc JL, et al. Epidemiology of incident immune",
                "thrombocytopenia. Blood. 2014;124(22):3308-15.",
            ],
        ]
    )
    path = tmp_path / "article.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "kb.cli", "find", str(path), "--jsonl"],
        capture_output=True,
        timeout=120,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["page"] for r in rows] == [2, 2, 2]
    assert rows[0]["text"].startswith("1. Cuker A") and rows[0]["text"].endswith("1547-54.")

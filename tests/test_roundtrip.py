"""Round trip: a .bib file -> kb build -> BibTeX export keeps every field of every entry (hypothesis)."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import bibtexparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb.config import Config
from kb.export import latex_unescape, run_export
from kb.pipeline import build

FAMILIES = [
    "Mahévas",
    "Nørgaard",
    "O'Brien",
    "Godeau",
    "Kühne",
    "Lapeyre-Mestre",
    "Cuker",
    "Bussel",
    "Ghanima",
]
JOURNALS = [
    "Blood",
    "British Journal of Haematology",
    "Transfusion",
    "Journal of Clinical Apheresis",
    "Platelets",
]
WORDS = ["immune", "thrombocytopenia", "rituximab", "platelets", "splenic", "plasma", "cells", "cohort",
         "response", "refractory", "children", "adults", "bleeding", "Th1/Th2", "CD4+", "α-granules"]  # fmt: skip
SPECIALS = ["&", "%", "_", "#", "$"]
LATEX = {"&": r"\&", "%": r"\%", "_": r"\_", "#": r"\#", "$": r"\$"}


@st.composite
def entries(draw: st.DrawFn) -> list[dict[str, str]]:
    families = draw(st.lists(st.sampled_from(FAMILIES), min_size=1, max_size=4, unique=True))
    out = []
    for i, family in enumerate(families):
        words = draw(st.lists(st.sampled_from(WORDS + SPECIALS), min_size=3, max_size=9))
        first = draw(st.integers(1, 4000))
        out.append({
            "key": f"e{i}", "family": family, "given": draw(st.sampled_from(["A.", "J.-P.", "M. L."])),
            "title": " ".join([f"Study{i}", *words]), "journal": draw(st.sampled_from(JOURNALS)),
            "year": str(draw(st.integers(1950, 2025))), "volume": str(draw(st.integers(1, 200))),
            "number": str(draw(st.integers(1, 24))), "pages": f"{first}--{first + draw(st.integers(1, 25))}",
            "doi": f"10.{draw(st.integers(1000, 9999))}/roundtrip.{i}", "url": f"https://example.org/paper/{i}",
        })  # fmt: skip
    return out


def to_bib(items: list[dict[str, str]]) -> str:
    def tex(text: str) -> str:
        return "".join(LATEX.get(c, c) for c in text)

    return "\n".join(
        f"@article{{{e['key']},\n  author = {{{e['family']}, {e['given']}}},\n  title = {{{tex(e['title'])}}},\n"
        f"  journal = {{{e['journal']}}},\n  year = {{{e['year']}}},\n  volume = {{{e['volume']}}},\n"
        f"  number = {{{e['number']}}},\n  pages = {{{e['pages']}}},\n  doi = {{{e['doi']}}},\n"
        f"  url = {{{e['url']}}}\n}}\n"
        for e in items
    )


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=entries())
def test_bib_build_export_keeps_every_field(items):
    with tempfile.TemporaryDirectory() as tmp:
        refs = Path(tmp) / "references"
        refs.mkdir()
        (refs / "library.bib").write_text(to_bib(items), encoding="utf-8")
        db = Path(tmp) / "e.db"
        build(Config(refs, db))
        out = io.StringIO()
        run_export(db, "bibtex", out)
    exported = {e["doi"]: e for e in bibtexparser.parse_string(out.getvalue()).entries}
    assert len(exported) == len(items)
    for item in items:
        entry = exported[item["doi"]]
        fields = {f.key: latex_unescape(f.value) for f in entry.fields}
        assert entry.entry_type == "article"
        assert " ".join(fields["title"].split()) == " ".join(item["title"].split())
        assert fields["author"].split(",")[0] == item["family"]
        for name in ("journal", "year", "volume", "number", "pages", "doi", "url"):
            assert fields[name] == item[name], name

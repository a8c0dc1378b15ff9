"""The probe's BibTeX route (``tests/dedupe_bib.py``): records flattened as a benchmark's ``records.bib``
carries them, read back by the BibTeX reader, weighed on the same pairs as the native exports."""

from __future__ import annotations

import random
from dataclasses import replace

from dedupe_bib import as_bib, bib_entry
from dedupe_exports import render
from dedupe_fields import Quiet
from dedupe_probe import pair_decision, probe
from dedupe_works import as_abstract, load_works

from kb.dedupe.match import Decision
from kb.dedupe.prep import prep
from kb.model import Name, Record, Reference


def _work(i: int = 11):
    return load_works()[i]


def test_a_meeting_abstract_loses_its_type_and_keeps_its_fields() -> None:
    w = replace(as_abstract(_work(), random.Random(1)), pages="3411")
    native = render(w, "wos", Quiet(0), [], "a")
    assert prep(native).typed and "conference" in prep(native).type_kinds
    [flat] = as_bib([native])
    assert flat.extra.pop("abstract", "") == native.extra.get("abstract", "")  # a benchmark's entry keeps it
    assert flat.id == "a" and flat.extra == {"entry_type": "article"}
    assert not prep(flat).typed and not prep(flat).type_kinds
    for field in ("title", "journal", "year", "volume", "pages", "doi"):
        assert getattr(flat.reference, field) == getattr(native.reference, field), field
    assert [n.family for n in flat.reference.authors] == [n.family for n in native.reference.authors]


def test_the_online_year_and_accession_number_are_not_carried() -> None:
    record = Record("k", Reference(title="A title", journal="J", year="2020", volume="3", pages="1-9"),
                    {"online_year": "2019", "accession": "WOS:1", "type": "Article", "isbn": "978-1"})  # fmt: skip
    [flat] = as_bib([record])
    assert flat.extra == {"isbn": "978-1", "entry_type": "article"}
    assert prep(flat).online_year == 0


def test_names_groups_et_al_and_a_glued_list_as_a_reference_manager_writes_them() -> None:
    names = [Name("Müller", "A. B."), Name(literal="The ITP Study Group & Co")]
    record = Record("k", Reference(authors=names, title="T", journal="Blood & Vessels", et_al=True))
    entry = bib_entry(record)
    assert "author = {Müller, A. B. and {The ITP Study Group \\& Co} and others}" in entry
    [flat] = as_bib([record])
    assert flat.reference.journal == "Blood & Vessels" and flat.reference.et_al
    assert flat.reference.authors[1].literal == "The ITP Study Group & Co"
    glued = Record("g", Reference(authors=[Name("Beresneva O.Kulikov A.Parastaeva", "M.")], title="T"))
    assert "author = {Beresneva O.Kulikov A.Parastaeva M.}" in bib_entry(glued)
    split = prep(as_bib([glued])[0]).authors
    assert len(split) == 3 and split == prep(glued).authors


def test_a_booktitle_makes_an_inproceedings_entry() -> None:
    record = Record("k", Reference(title="T", year="2020"), {"booktitle": "Proc. of X"})
    assert bib_entry(record).startswith("@inproceedings{k,")
    assert as_bib([record])[0].extra["entry_type"] == "inproceedings"


def test_an_embase_abstract_keeps_its_meeting_and_stays_apart_from_the_paper_ahead_of_print() -> None:
    w = _work()
    abstract = replace(as_abstract(w, random.Random(2)), doi="")
    r = random.Random(5)
    for _ in range(20):
        a = render(abstract, "embase", r, [], "a")
        if "Conference:" not in a.reference.journal:
            continue
        ahead = render(replace(w, volume="", issue="", pages=""), "scopus", Quiet(0), [], "b")
        [flat] = as_bib([a])
        assert "Conference:" in flat.reference.journal and prep(flat).conference
        assert pair_decision(a, ahead, bib=True).decision != Decision.DUPLICATE
        return
    raise AssertionError("no Embase RIS abstract drawn")


def test_both_routes_weigh_the_same_pairs() -> None:
    works = load_works()[:25]
    native, bib = probe(works, 16, 1), probe(works, 16, 1, bib=True)
    for ours, theirs in zip(native, bib, strict=True):
        assert {k: t.pairs for k, t in ours.items()} == {k: t.pairs for k, t in theirs.items()}

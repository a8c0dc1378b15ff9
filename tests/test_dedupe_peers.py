"""Export noise other deduplicators normalise (ASySD, Zotero, DedupEndNote, the SRA's dedupe sweep), as
classes of generated pairs: each of the 300 works of ``test_dedupe_classes`` written as two exports with the
class's noise (at least 99% merged), and a trap where the class could merge two different records.

The classes: Web of Science's title notes on the article itself ("(Retracted article. See vol. 12, pg. 45,
2020)", "(Reprinted from ...)"), its retraction notice titled "... (Retraction of vol 12, pg 45, 2019)",
a later report's word written as one word, hyphenated or as two ("followup", "follow-up"), and MEDLINE's
placeholder title "[Not Available]." that names no work.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

import pytest
from dedupe_golden import rec
from dedupe_works import Work
from test_dedupe_classes import MIN_RECALL, SAMPLE, Generator, decisions, works

from kb.dedupe import Decision
from kb.dedupe.folding import fold
from kb.dedupe.match import decide
from kb.dedupe.notices import notice_kind
from kb.dedupe.prep import prep
from kb.model import Name


def _epub(w: Work, r: random.Random) -> Work:
    """The record ahead of print (no volume, issue or pages; its online year may be the year before): the
    thinnest evidence, so that the title decides."""
    return replace(w, volume="", issue="", pages="", year=w.year - r.choice((0, 1)))


def _retraction_locator(w: Work) -> str:
    return f"vol {int(w.volume) + 1}, pg {int(w.first_page) + 7}, {w.year + 1}"


# --- the classes: two exports of one work ----------------------------------------------------------------


def wos_retracted(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Web of Science titles a retracted article "<title> (Retracted article. See vol. V, pg. P, YEAR)"
    (or without the locator); another database's record ahead of print gives the title alone."""
    note = r.choice((f" (Retracted article. See {_retraction_locator(w)})", " (Retracted Article)"))
    return replace(w, title=w.title + note), _epub(w, r)


def wos_reprinted(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Web of Science notes where a reprint was first printed: "<title> (Reprinted from <journal>, vol V,
    pg P, YEAR)"; the other database gives the title alone."""
    note = f" (Reprinted from {w.journal}, vol {w.volume}, pg {w.first_page}, {w.year - 1})"
    return replace(w, title=w.title + note), _epub(w, r)


def followup_written_apart(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A later report's word written three ways ("follow-up", "followup", "follow up"; "long-term",
    "longterm"; "post hoc", "posthoc") by two exports of the report."""
    one, other = r.choice((("follow-up", "followup"), ("follow up", "followup"), ("long-term", "longterm"),
                           ("post hoc", "posthoc")))  # fmt: skip
    years = r.randint(2, 10)
    return (replace(w, title=f"{w.title}: {years}-year {one} results"),
            _epub(replace(w, title=f"{w.title}: {years}-year {other} results"), r))  # fmt: skip


CLASSES: dict[str, Generator] = {
    "wos_retracted": wos_retracted,
    "wos_reprinted": wos_reprinted,
    "followup_written_apart": followup_written_apart,
}


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_class_is_merged(name: str) -> None:
    missed = [d[:2] for d in decisions(CLASSES[name]) if d[0] != Decision.DUPLICATE]
    assert len(missed) <= (1 - MIN_RECALL) * SAMPLE, Counter(missed)


# --- the traps: two records that must stay apart --------------------------------------------------------


def retraction_notice(w: Work, r: random.Random) -> tuple[Work, Work]:
    """The retracted article (Web of Science's note, or the record ahead of print) and its retraction
    notice as Web of Science titles it, a year later."""
    article = r.choice(
        (replace(w, title=f"{w.title} (Retracted article. See {_retraction_locator(w)})"), _epub(w, r))
    )
    notice = replace(w, title=f"{w.title} (Retraction of vol {w.volume}, pg {w.first_page}, {w.year})",
                     volume=str(int(w.volume) + 1), pages=str(int(w.first_page) + 7), year=w.year + 1)  # fmt: skip
    return article, notice


def reprint_elsewhere(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A reprint in another journal, a year later, with Web of Science's note, against the original."""
    i = works().index(w)
    other = next(o for o in works()[i + 1 :] + works() if o.journal != w.journal and o.volume != w.volume)
    note = f" (Reprinted from {w.journal}, vol {w.volume}, pg {w.first_page}, {w.year})"
    reprint = replace(w, title=w.title + note, journal=other.journal, volume=other.volume, issue=other.issue,
                      pages=other.pages, year=w.year + 1)  # fmt: skip
    return w, reprint


def followup_and_primary(w: Work, r: random.Random) -> tuple[Work, Work]:
    """The primary paper and its later report written as one word ("followup", "longterm")."""
    word = r.choice(("followup", "longterm", "posthoc"))
    return w, _epub(replace(w, title=f"{w.title}: {r.randint(2, 10)}-year {word} results"), r)


def two_untitled(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Two articles of one team in one journal and year that MEDLINE titles "[Not Available]." (no English
    title), one or both ahead of print: the placeholder names neither."""
    a = replace(w, title="[Not Available].")
    first = int(w.first_page) + r.randint(10, 40)
    b = replace(a, pages=f"{first}-{first + 5}", doi="")
    return r.choice(((_epub(a, r), _epub(b, r)), (a, _epub(b, r)), (a, b)))


TRAPS: dict[str, Generator] = {
    "retraction_notice": retraction_notice,
    "reprint_elsewhere": reprint_elsewhere,
    "followup_and_primary": followup_and_primary,
    "two_untitled": two_untitled,
}


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_trap_is_kept_apart(name: str) -> None:
    merged = [d[1] for d in decisions(TRAPS[name]) if d[0] == Decision.DUPLICATE]
    assert not merged, Counter(merged)


# --- the notices and the placeholder, pair by pair -----------------------------------------------------

AUTHORS = "Kowalczyk AB; Haddad O; Lindqvist P"
TITLE = "Eltrombopag in adults with persistent immune thrombocytopenia"
JOURNAL = "British Journal of Haematology"


def test_a_wos_retraction_notice_is_a_notice_of_its_article() -> None:
    notice = prep(
        rec("n", f"{TITLE} (Retraction of vol 185, pg 512, 2019)", AUTHORS, JOURNAL, "2020", "190", "10")
    )
    assert notice.erratum and notice_kind(notice) == "retraction"
    assert notice.notice_of == (prep(rec("a", TITLE)).title, "185", "512")
    article = prep(rec("a", TITLE, AUTHORS, JOURNAL, "2019"), 1)
    assert decide(notice, article).decision is Decision.DISTINCT


def test_the_retracted_article_is_no_notice() -> None:
    article = prep(
        rec("a", f"{TITLE} (Retracted article. See vol. 190, pg. 10, 2020)", AUTHORS, JOURNAL, "2019")
    )
    assert not article.erratum and article.title == prep(rec("b", TITLE)).title


def test_an_untitled_record_is_its_article_at_the_same_print_location() -> None:
    """MEDLINE's "[Not Available]." against the translated title another database gives, at one volume and
    page range: one article; two untitled records at one print location: one article."""
    untitled = rec("a", "[Not Available].", AUTHORS, JOURNAL, "2019", "185", "512-520", issue="3")
    titled = rec("b", f"[{TITLE}]", AUTHORS, JOURNAL, "2019", "185", "512-520", issue="3")
    assert decide(prep(untitled, 0), prep(titled, 1)).decision is Decision.DUPLICATE
    assert decide(prep(untitled, 0), prep(replace(untitled, id="c"), 1)).decision is Decision.DUPLICATE


# --- Greek letters as symbols ---------------------------------------------------------------------------

_GREEK = (("ω", "omega"), ("ε", "epsilon"), ("θ", "theta"), ("σ", "sigma"), ("ζ", "zeta"), ("η", "eta"),
          ("τ", "tau"), ("φ", "phi"), ("Ω", "Omega"), ("ι", "iota"))  # fmt: skip


def greek_symbol(w: Work, r: random.Random) -> tuple[Work, Work]:
    """A Greek letter as a symbol ("ω-3", "PKC-θ", "APOE ε4") in one export, spelled out in the other
    ("omega-3", "PKC-theta": a database without Greek letters, a hand-keyed record); one ahead of print."""
    letter, name = r.choice(_GREEK)
    n = r.randint(1, 9)
    head = r.choice(("{}-{} and ", "The {}{} receptor in ", "{}-{} levels: "))
    return (replace(w, title=head.format(letter, n) + w.title),
            _epub(replace(w, title=head.format(name, n) + w.title), r))  # fmt: skip


def two_greek_numbers(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One team's two papers on a symbol with two numbers ("ω-3" and "ω-6" fatty acids), one written out."""
    letter, name = r.choice(_GREEK)
    return (replace(w, title=f"{letter}-3 and {w.title}"),
            _epub(replace(w, title=f"{name}-6 and {w.title}"), r))  # fmt: skip


def test_greek_symbols_are_spelled_out() -> None:
    missed = [d[:2] for d in decisions(greek_symbol) if d[0] != Decision.DUPLICATE]
    assert len(missed) <= (1 - MIN_RECALL) * SAMPLE, Counter(missed)


def test_greek_symbols_with_other_numbers_stay_apart() -> None:
    merged = [d[1] for d in decisions(two_greek_numbers) if d[0] == Decision.DUPLICATE]
    assert not merged, Counter(merged)


def test_a_greek_word_stays_greek() -> None:
    assert fold("Η θεραπεία της ITP") == "eta θεραπεια tau eta sigma itp"
    assert fold("γδ T cells and TNF-α") == "gamma delta t cells and tnf alpha"


# --- placeholders for a missing author list -------------------------------------------------------------

_NO_AUTHORS = (Name(family="No authorship", given="indicated"), Name(family="[No authors listed]"),
               Name(literal="[No author name available]"), Name(family="Unknown"), Name(family="Anonymous", given="A"),
               Name(family="NA"))  # fmt: skip


def placeholder_authors(w: Work, r: random.Random) -> tuple[Work, Work]:
    """One export writes a placeholder where it has no author list (Embase's "No authorship, indicated",
    PubMed's "[No authors listed]", Scopus's "[No author name available]"); the other gives the authors."""
    return replace(w, authors=(r.choice(_NO_AUTHORS),)), w


def two_placeholders(w: Work, r: random.Random) -> tuple[Work, Work]:
    """Two articles of one journal and year, each without authors under the same placeholder, titles alike
    (an annual report's title, a recurring column)."""
    author = (r.choice(_NO_AUTHORS),)
    first = int(w.first_page) + r.randint(12, 40)
    a = replace(w, authors=author, title=f"{w.title}: {w.year} update")
    return a, replace(a, title=f"{w.title}: {w.year} report", pages=f"{first}-{first + 3}")


def test_a_placeholder_is_no_author() -> None:
    missed = [d[:2] for d in decisions(placeholder_authors) if d[0] != Decision.DUPLICATE]
    assert len(missed) <= (1 - MIN_RECALL) * SAMPLE, Counter(missed)
    assert not prep(rec("a", TITLE, "[No authors listed]")).authors


def test_two_placeholders_are_no_author_in_common() -> None:
    merged = [d[1] for d in decisions(two_placeholders) if d[0] == Decision.DUPLICATE]
    assert not merged, Counter(merged)
    assert not prep(rec("a", TITLE, "Anonymous A")).groups
    assert prep(rec("a", TITLE, "Na K; Unknown")).authors == ("na",)

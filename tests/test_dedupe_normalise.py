"""The normalisation classes of real exports: one work written two ways is one record, each class on pairs
written for it (ITP-like records made up for the class, not taken from any benchmark set).

Each pair is given the thinnest evidence a review meets: one record ahead of print (no volume, issue or
pages), so that a field read wrongly (a title's numbers, a journal name) decides between ``duplicate`` and
``maybe``. The traps beside them (a different number, a gene name ending in a digit) must stay apart.
"""

from __future__ import annotations

import pytest
from dedupe_golden import rec

from kb.dedupe import Decision
from kb.dedupe.folding import fold
from kb.dedupe.journals import fold_journal, journals_compatible
from kb.dedupe.match import decide
from kb.dedupe.prep import canonical_doi, issue_key, prep

AUTHORS = "Kowalczyk AB; Haddad O; Lindqvist P"
BODY = "eltrombopag in adults with persistent immune thrombocytopenia"


def _pair(title_a: str, title_b: str, journal_a: str = "British Journal of Haematology",
          journal_b: str = "British Journal of Haematology") -> Decision:  # fmt: skip
    """The decision for a final record and its record ahead of print under the two titles."""
    a = rec("a", title_a, AUTHORS, journal_a, "2019", "185", "512-520", issue="3")
    b = rec("b", title_b, AUTHORS, journal_b, "2019")
    return decide(prep(a, 0), prep(b, 1)).decision


# --- HTML character references (a reference manager's import from a web page) ---------------------------

ENTITIES = [
    ("TNF-&alpha; and IL-6 in", "TNF-α and IL-6 in"),
    ("TNF-&#945; and IL-6 in", "TNF-α and IL-6 in"),
    ("TNF-&#x3b1; and IL-6 in", "TNF-alpha and IL-6 in"),
    ("Thrombop&eacute;nie immunologique et", "Thrombopénie immunologique et"),
]


@pytest.mark.parametrize(("web", "plain"), ENTITIES)
def test_an_html_character_reference_is_the_letter(web: str, plain: str) -> None:
    assert fold(web) == fold(plain)
    assert _pair(f"{plain} {BODY}", f"{web} {BODY}") is Decision.DUPLICATE


def test_escaped_brackets_still_separate_words() -> None:
    assert fold("p&lt;0.05 in ITP") == "p 0 05 in itp"


# --- numbers written two ways --------------------------------------------------------------------------

NUMBERS = [
    ("A phase II study of", "A phase 2 study of"),
    ("A phase I/II study of", "A phase 1/2 study of"),
    ("Three-year outcomes of", "3-year outcomes of"),
    ("First-line", "1st-line"),
    ("Type I interferon and", "Type 1 interferon and"),
]


@pytest.mark.parametrize(("one", "other"), NUMBERS)
def test_numbers_as_words_or_roman_numerals_are_the_same_numbers(one: str, other: str) -> None:
    a, b = (prep(rec(k, f"{t} {BODY}", AUTHORS)) for k, t in (("a", one), ("b", other)))
    assert a.numbers == b.numbers != ""
    assert _pair(f"{one} {BODY}", f"{other} {BODY}") is Decision.DUPLICATE


@pytest.mark.parametrize(("one", "other"), [("A phase II study of", "A phase III study of"),
                                            ("Two-year outcomes of", "Three-year outcomes of")])  # fmt: skip
def test_different_numbers_in_words_are_different_studies(one: str, other: str) -> None:
    assert _pair(f"{one} {BODY}", f"{other} {BODY}") is not Decision.DUPLICATE


def test_roman_letters_that_are_words_stay_words() -> None:
    assert prep(rec("a", "IV iron versus oral iron: a randomized trial")).numbers == ""
    assert prep(rec("a", "Vitamin D and factor V Leiden in ITP")).numbers == "5"


# --- marks and notes that are not title words ----------------------------------------------------------


@pytest.mark.parametrize("mark", ["1", "<sup>1</sup>", "<sup>*</sup>", "*"])
def test_a_footnote_mark_ending_the_title_is_not_a_title_word(mark: str) -> None:
    assert _pair(f"Romiplostim in {BODY}", f"Romiplostim in {BODY}{mark}") is Decision.DUPLICATE


def test_a_gene_name_keeps_its_digit() -> None:
    assert prep(rec("a", "Germline variants in BRCA1")).numbers == "1"
    assert _pair("Thrombocytopenia in carriers of BRCA1", "Thrombocytopenia in carriers of BRCA2") is not (
        Decision.DUPLICATE
    )


@pytest.mark.parametrize("note", [" [Review] [45 refs]", ". Review 45 refs", " (Review)"])
def test_ovids_review_note_is_not_a_title_word(note: str) -> None:
    assert _pair(
        f"Thrombopoietin receptor agonists in {BODY}", f"Thrombopoietin receptor agonists in {BODY}{note}"
    ) is (Decision.DUPLICATE)


@pytest.mark.parametrize("language", ["Ukrainian", "Finnish", "Greek", "Romanian"])
def test_a_language_tag_of_any_common_language_is_dropped(language: str) -> None:
    a = prep(rec("a", f"Romiplostim in {BODY}. [Article in {language}]"))
    assert a.title == prep(rec("b", f"Romiplostim in {BODY}")).title
    assert a.translated


# --- journals: compounds with and without their hyphen ---------------------------------------------------

COMPOUNDS = [
    ("Psycho-Oncology", "Psychooncology"),
    ("European Journal of Cardio-Thoracic Surgery", "Eur J Cardiothorac Surg"),
    ("Neuro-Oncology", "Neurooncology"),
    ("Journal of Neuro-Oncology", "J Neurooncol"),
]


@pytest.mark.parametrize(("hyphen", "joined"), COMPOUNDS)
def test_a_compound_journal_word_with_or_without_its_hyphen(hyphen: str, joined: str) -> None:
    assert journals_compatible(fold_journal(hyphen), fold_journal(joined))
    assert _pair(f"Romiplostim in {BODY}", f"Romiplostim in {BODY}", hyphen, joined) is Decision.DUPLICATE


def test_a_compound_needs_two_words_of_three_letters() -> None:
    """A letter joined to the next word ("jneurosci") is no compound of "j" and "neurosci..."."""
    assert not journals_compatible("jneuroscience", "j neurosurgery")


# --- placeholders and misplaced values -----------------------------------------------------------------


@pytest.mark.parametrize("placeholder", ["NA", "N/A", "Unknown", "n/a"])
def test_a_placeholder_issue_is_unknown(placeholder: str) -> None:
    assert issue_key(placeholder) == ""
    a = rec("a", f"Romiplostim in {BODY}", AUTHORS, "Blood", "2019", issue="3")
    b = rec("b", f"Romiplostim in {BODY}", AUTHORS, "Blood", "2019", issue=placeholder)
    assert decide(prep(a, 0), prep(b, 1)).decision is Decision.DUPLICATE


def test_the_year_typed_in_the_pages_field_is_no_page() -> None:
    assert prep(rec("a", "x y z", year="2019", pages="2019")).first_page == ""
    assert prep(rec("a", "x y z", year="2019", pages="2019-2024")).first_page == "2019"
    a = rec("a", f"Romiplostim in {BODY}", AUTHORS, "Blood", "2019", "134", "512")
    b = rec("b", f"Romiplostim in {BODY}", AUTHORS, "Blood", "2019", "134", "2019")
    assert decide(prep(a, 0), prep(b, 1)).decision is Decision.DUPLICATE


def test_a_percent_encoded_doi_in_a_link() -> None:
    assert canonical_doi("https://doi.org/10.1111%2Fbjh.15789") == "10.1111/bjh.15789"


@pytest.mark.parametrize(
    "joined",
    [
        f"Romiplostim in {BODY}. Russian",
        f"Romiplostim in {BODY}. Russian\nРомиплостим у взрослых",
        f"Romiplostim in {BODY}. Chinese 罗米司亭",
    ],
)
def test_the_original_titles_language_and_script_after_the_title(joined: str) -> None:
    assert prep(rec("a", joined)).title == prep(rec("b", f"Romiplostim in {BODY}")).title
    assert _pair(f"Romiplostim in {BODY}", joined) is Decision.DUPLICATE


def test_a_sentence_that_opens_with_a_language_name_stays() -> None:
    assert (
        "spanish"
        in prep(rec("a", "Quality of life in ITP. Spanish validation of the KIT questionnaire")).title
    )

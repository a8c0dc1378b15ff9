"""Tests for kb.normalise.organisations: the words of an organisation's name, written as a tree of first
letters for speed, must match exactly the words their docstring lists, whole and in any case."""

from __future__ import annotations

import pytest

from kb.normalise.organisations import ORGANISATION_WORDS, is_organisation

WORDS = """group groupe intergroup intergroupe society société societe committee comité comite consortium
investigators collab collaborat collaborative collaboration collaborators network réseau reseau association
organisation organization institut institute council conseil foundation fondation agency agence authority
autorité autorite haute federation fédération fedération working panel registry study trial centre center
team world national ministry ministère ministere department office board commission union santé sante health
services inc ltd llc gmbh corporation company""".split()  # noqa: SIM905


@pytest.mark.parametrize("word", WORDS)
def test_every_word_matches_whole_in_any_case(word: str) -> None:
    for form in (word, word.upper(), word.capitalize()):
        assert ORGANISATION_WORDS.search(f"The {form} of X"), form
        assert ORGANISATION_WORDS.fullmatch(form), form


@pytest.mark.parametrize("word", WORDS)
def test_no_word_matches_inside_another(word: str) -> None:
    assert not ORGANISATION_WORDS.search(f"x{word}")
    if not word.startswith("collaborat"):  # "collaborat" takes any ending: collaborative, collaborators
        assert not ORGANISATION_WORDS.search(f"{word}x")


@pytest.mark.parametrize("text", ["inter", "Groupie", "Societies", "Nationalism", "Teams", "Unions", "Ltda"])
def test_near_words_do_not_match(text: str) -> None:
    assert not ORGANISATION_WORDS.search(text)


def test_is_organisation() -> None:
    assert is_organisation("Haute Autorité de Santé")
    assert is_organisation("The WHO Collaborative Study")
    assert not is_organisation("Study")  # one word: a family name ("Study J")
    assert not is_organisation("van der Berg")

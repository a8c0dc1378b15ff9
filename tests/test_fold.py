"""One accent folding (``kb.patterns.fold``): a Polish, Danish, German or Croatian name folds the same on
every path that compares names, titles or journals (the parser's features, name keys, the journal
table, the deduplication engine), whether or not a database kept the letter."""

from __future__ import annotations

import pytest

from kb.dedupe.prep import fold as dedupe_fold
from kb.dedupe.prep import prep
from kb.model import Name
from kb.normalise.journals import lookup_key
from kb.normalise.names import name_key
from kb.patterns import fold
from tests.test_dedupe import rec

# written as the author writes it, as an ASCII database keeps it, folded
NAMES = [
    ("Nørgaard", "Norgaard", "norgaard"),
    ("Tjønnfjord", "Tjonnfjord", "tjonnfjord"),
    ("Łukasz Ćwikła", "Lukasz Cwikla", "lukasz cwikla"),
    ("Strüßmann", "Struessmann", "strussmann"),
    ("Æbeltoft", "Aebeltoft", "aebeltoft"),
    ("Œuvre", "Oeuvre", "oeuvre"),
    ("Đorđević", "Djordjevic", "dordevic"),
    ("Þórðarson", "Thordarson", "thordarson"),
    ("Mahévas", "Mahevas", "mahevas"),
    ("Kılıç", "Kilic", "kilic"),
]


@pytest.mark.parametrize(("written", "ascii_form", "folded"), NAMES)
def test_every_path_folds_a_name_the_same(written: str, ascii_form: str, folded: str) -> None:
    assert fold(written) == folded
    assert name_key(Name(family=written)) == folded
    assert dedupe_fold(written) == folded
    assert lookup_key(written) == folded
    if ascii_form.lower() == folded:  # not "Struessmann" nor "Djordjevic": other spellings, not folding
        assert name_key(Name(family=ascii_form)) == dedupe_fold(ascii_form) == folded


def test_a_stroke_letter_does_not_keep_two_records_apart() -> None:
    a = prep(rec("a", "Eltrombopag in ITP", "Nørgaard M; Łukasiewicz J", "Blood", "2015", "125", "1-9"))
    b = prep(rec("b", "Eltrombopag in ITP", "Norgaard M; Lukasiewicz J", "Blood", "2015", "125", "1-9"))
    assert a.first_author == b.first_author == "norgaard"


def test_other_scripts_and_punctuation_are_kept() -> None:
    assert fold("Иванов – 中国") == "иванов – 中国"
    assert fold("ＢＬＯＯＤ ﬁbrosis") == "blood fibrosis"
    assert fold("e\u0301") == "e"


def test_citation_keys_spell_the_letters_out() -> None:
    from kb.model import Reference, Work
    from kb.works import citation_keys

    def work(id_: str, author: Name) -> Work:
        return Work(id_, id_, Reference(authors=[author], title="Eltrombopag in adults", year="2015"))

    keys = citation_keys(
        [work("w1", Name(family="Łukasiewicz")), work("w2", Name(literal="Ørsted Institute"))]
    )
    assert keys == {"w1": "Lukasiewicz2015Eltrombopag", "w2": "OI2015Eltrombopag"}


def test_folding_twice_gives_what_folding_once_gave_for_every_character() -> None:
    """Compatibility forms that decompose to a Latin letter ("ᶛ" -> "ɒ") and capitals whose small form
    is Latin ("Ↄ" -> "ↄ") are folded all the way, so a key folded again never changes."""
    chars = (chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    unstable = [c for c in chars if fold(fold(c)) != fold(c)]
    assert unstable == []
    assert fold("ᶛ") == fold("ɒ") == "a"


def test_the_dedupe_key_is_stable_under_folding_for_every_character() -> None:
    chars = (chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    assert [c for c in chars if dedupe_fold(dedupe_fold(c)) != dedupe_fold(c)] == []

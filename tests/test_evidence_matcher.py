"""Term and cue matching of the evidence vocabularies (``kb.evidence.matcher``): whole words only,
leftmost-longest terms, the same hits whatever shortcut the matcher takes to skip text."""

from __future__ import annotations

import pytest

from kb.evidence.matcher import TermMatcher, cue_regex, fold


def spans(rx, text: str) -> list[str]:
    return [m.group() for m in rx.finditer(fold(text).lower)]


@pytest.mark.parametrize(
    ("cues", "text", "found"),
    [
        (["placebo"], "Placebo-controlled; versus placebo.", ["placebo", "placebo"]),
        (["placebo"], "placebo at the start, antiplacebo and placebos are other words", ["placebo"]),
        (
            ["open label"],
            "an open-label, open label or openlabel study",
            ["open-label", "open label", "openlabel"],
        ),
        (
            ["versus placebo", "versus"],
            "rituximab versus placebo, versus nothing",
            ["versus placebo", "versus"],
        ),
        (["random*"], "randomised, randomly; a nonrandom choice", ["randomised", "randomly"]),
        (["étude"], "Une étude prospective; les études", ["etude"]),
        (["1st line"], "in 1st line, not 21st line", ["1st line"]),
        (
            ["re:\\bn\\s*=\\s*\\d+", "patients"],
            "patients (n = 12); inpatients n=3",
            ["patients", "n = 12", "n=3"],
        ),
        (["(ns)"], "p (ns) and p(ns)", ["(ns)", "(ns)"]),
    ],
)
def test_a_cue_matches_whole_words_only(cues, text, found):
    assert spans(cue_regex(cues), text) == found


def test_a_whole_compound_cue_is_not_the_first_part_of_a_hyphenated_word():
    rx = cue_regex(["contre"], whole_compound=True)
    assert spans(rx, "contre placebo; contre-indications; contre-Indications") == ["contre"]
    assert spans(cue_regex(["contre"]), "contre-indications") == ["contre"]


def test_a_cue_regex_keeps_its_meaning_inside_a_larger_pattern():
    import re

    rx = cue_regex(["placebo", "versus"])
    anchored = re.compile(f"(?:{rx.pattern})[\\s:,(\\-]*$")
    assert anchored.search("compared with placebo, ")
    assert not anchored.search("compared with antiplacebo")
    assert re.compile(f"^-(?:{rx.pattern})").match("-versus")


def test_no_cue_gives_no_regex():
    assert cue_regex([]) is None
    assert cue_regex(["  ", "*"]) is None


def test_terms_are_matched_leftmost_longest_on_tokens_with_plurals_folded():
    matcher = TermMatcher(
        [
            ("thrombocytopenia", "t"),
            ("immune thrombocytopenia", "itp"),
            ("steroid", "s"),
            ("high dose", "hd"),
        ],
        forms=[("ITP", "itp-abbrev")],
        regexes=[(r"\bdexa\w*", "dex")],
    )
    text = fold("Immune thrombocytopenia (ITP): steroids, high-dose dexamethasone; thrombocytopenias.")
    hits = [(text.original[h.start : h.end], h.payload) for h in matcher.find(text)]
    assert hits == [
        ("Immune thrombocytopenia", "itp"),
        ("ITP", "itp-abbrev"),
        ("steroids", "s"),
        ("high-dose", "hd"),
        ("dexamethasone", "dex"),
        ("thrombocytopenias", "t"),
    ]


def test_a_term_prefix_that_does_not_complete_is_no_hit_and_the_next_word_still_is():
    matcher = TermMatcher([("immune thrombocytopenia", "itp"), ("thrombocytopenia", "t")])
    text = fold("immune response and thrombocytopenia, immune immune thrombocytopenia")
    assert [(h.start, h.payload) for h in matcher.find(text)] == [(20, "t"), (45, "itp")]

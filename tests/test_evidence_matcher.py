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


def _flat(parts: list[tuple[str, str]]) -> str:
    """The one flat alternation the cues were compiled to before they were grouped."""
    return "|".join(f"{first}(?<![a-z0-9]{first}){rest}" if first else rest for first, rest in parts)


def _cue_lists() -> list[list[str]]:
    from kb.evidence.vocab import load_vocabulary

    vocab = load_vocabulary()
    lists: list[list[str]] = []

    def collect(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            if node and all(isinstance(x, str) for x in node):
                lists.append(node)
            for value in node:
                collect(value)

    for vf in (vocab.interventions, vocab.outcomes, vocab.designs):
        collect(vf.data)
    return lists


def test_grouped_cues_match_what_the_flat_alternation_matches() -> None:
    """Cues grouped by first character find the same spans, in the same order of preference (also inside a
    longer pattern that backtracks into them), as one flat alternation of the same cues: every cue list of
    the shipped vocabularies over the gold abstracts and hostile near-misses."""
    import re
    from pathlib import Path

    import yaml

    from kb.evidence.matcher import _alternation, _cue_parts

    texts = [
        a["text"]
        for path in sorted((Path(__file__).parent / "gold").glob("results_*.yml"))
        for a in yaml.safe_load(path.read_text(encoding="utf-8"))["abstracts"]
    ]
    texts += [
        "contre-indications a, en comparaison avec placebo; previously treated with: post-splenectomy",
        "compared with compared to comparedwith in comparison with, versus vs. vs placebo-controlled",
    ]
    folded = [fold(t).lower for t in texts]
    lists = _cue_lists()
    assert len(lists) > 10
    grouped = 0
    for cues in lists:
        for whole in (False, True):
            parts = _cue_parts(tuple(cues), whole)
            if not parts:
                continue
            flat, new = _flat(parts), _alternation(parts)
            grouped += new != flat
            for wrap in ("{}", "(?:{})[\\s:,(\\-]*$", "^[\\s\\-:]*(?:{})"):
                a, b = re.compile(wrap.format(flat)), re.compile(wrap.format(new))
                for text in folded:
                    assert [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
    assert grouped > 10


def test_letters_fold_as_the_project_folds_them_with_offsets_back_to_the_text():
    """The matcher folds letters with ``kb.patterns.fold_char``: a Latin letter that carries no separable
    accent ("Ø", "ł", "ß") folds as it does in name keys, and a hit still maps back to the original."""
    text = "Łódź and Ødegaard’s Straße – rituximab"
    folded = fold(text)
    assert folded.lower == "lodz and odegaard's strasse - rituximab"
    assert folded.cased.startswith("Lodz and Odegaard's Strasse")
    start = folded.lower.index("rituximab")
    assert text[slice(*folded.span(start, start + len("rituximab")))] == "rituximab"
    assert text[slice(*folded.span(0, 4))] == "Łódź"

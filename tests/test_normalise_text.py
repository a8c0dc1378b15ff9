"""Tests for kb.normalise.text: repairs that are certain, flags for what extraction lost."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb.normalise.text import joined_words, repair_text


@pytest.mark.parametrize(
    ("text", "repaired", "codes"),
    [
        ("MahÃ©vas", "Mahévas", ["encoding"]),
        ("KÃ¼hne", "Kühne", ["encoding"]),
        ("ThrombocytopÃ©nie immune", "Thrombocytopénie immune", ["encoding"]),
        ("Bone marrow ﬁbrosis", "Bone marrow fibrosis", []),
        ("ﬂow cytometry", "flow cytometry", []),
        ("immune\u00a0thrombocytopenia", "immune thrombocytopenia", []),
        ("Critères d’exclusion\u202f: grossesse", "Critères d’exclusion : grossesse", []),
        ("thrombo\u00adcytopenia", "thrombocytopenia", []),
        ("eltrom\u200bbopag", "eltrombopag", []),
        ("\ufeffBlood", "Blood", []),
        ("Mahe\u0301vas", "Mahévas", []),  # NFD -> NFC
        ("  two   spaces  ", "two spaces", []),
        ("Transfusion plaquettaire inefficace ?", "Transfusion plaquettaire inefficace ?", []),
        ("Is there still a place for « old therapies » in the management of ITP?",
         "Is there still a place for « old therapies » in the management of ITP?", []),
    ],
)  # fmt: skip
def test_repair_text(text: str, repaired: str, codes: list[str]) -> None:
    found, findings = repair_text(text)
    assert found == repaired
    assert [f.code for f in findings] == codes


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # seed 000
        ("Relative efficacy of steroid therapy in immune thrombocytopenia mediated by anti-platelet "
         "GPIIbIIIa versus GPIb? antibodies", "GPIb?"),
        ("Thrombopoietin receptor agonists shift the balance of Fc? receptors toward inhibitory receptor "
         "IIb on monocytes in ITP", "Fc?"),
        # other Greek letters lost the same way
        ("TGF-? levels", "TGF-?"),
        ("IFN?R expression", "IFN?R"),
        ("?2-microglobulin knockouts", "?2-microglobulin"),
    ],
)  # fmt: skip
def test_lost_characters_are_flagged_not_guessed(text: str, word: str) -> None:
    found, findings = repair_text(text)
    assert found == text
    assert [(f.code, f.raw, f.severity) for f in findings] == [("lost_character", word, "warning")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # seed 001 (lost "ff" and "ffi" ligatures)
        ("secondaires : e\ufffdets 2aires médicamenteux", ["e\ufffdets"]),
        ("une meilleure e\ufffdcacité du traitement", ["e\ufffdcacité"]),
        ("chez les patient.e.s sou\ufffdrant d’un TPI", ["sou\ufffdrant"]),
    ],
)
def test_replacement_characters_are_flagged(text: str, words: list[str]) -> None:
    found, findings = repair_text(text)
    assert found == text
    assert [(f.code, f.raw) for f in findings] == [("replacement_character", w) for w in words]


@pytest.mark.parametrize(
    ("text", "word", "suggestion"),
    [
        # seed 000
        ("Druginduced immune thrombocytopaenia", "Druginduced", "Drug-induced"),
        ("Autoantibodymediated complement activation", "Autoantibodymediated", "Autoantibody-mediated"),
        ("Tcell-mediated cytotoxicity toward platelets", "Tcell", "T-cell"),
        ("Improved regulatory Tcell activity", "Tcell", "T-cell"),
        ("plasma cells in a B-celldepletion context", "celldepletion", "cell-depletion"),
        # other bound morphemes
        ("Vaccinerelated ITP", "Vaccinerelated", "Vaccine-related"),
        ("a Bcell response", "Bcell", "B-cell"),
    ],
)
def test_joined_words_are_flagged(text: str, word: str, suggestion: str) -> None:
    found, findings = repair_text(text)
    assert found == text
    assert [(f.code, f.raw) for f in findings] == [("joined_words", word)]
    assert suggestion in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "unrelated nonspecific independent interrelated correlated seronegative seropositive",
        "untreated pretreated retreated redirected overexpressing reproducing",
        "drug-induced immune-mediated B-cell depletion T cells CD4+ T cells",
        "Fcgamma receptors GPIIbIIIa",
        "A case-control study to assess the risk of immune thrombocytopenia associated with vaccines",
        "Virus-associated idiopathic thrombocytopenic purpura",
        "Antiplatelet antibodies detected by the MAIPA assay",
        "Quelle prise en charge ? Quelles alternatives ?",
    ],
)
def test_real_words_are_not_flagged(text: str) -> None:
    assert repair_text(text)[1] == []
    assert joined_words(text) == []


TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)


@given(TEXT)
def test_repair_text_is_idempotent_and_never_raises(text: str) -> None:
    once, _ = repair_text(text)
    twice, _ = repair_text(once)
    assert twice == once


@given(st.text(max_size=80))
def test_repair_text_never_raises_on_any_text(text: str) -> None:
    repaired, findings = repair_text(text)
    assert isinstance(repaired, str)
    assert all(f.severity in {"error", "warning", "info"} for f in findings)

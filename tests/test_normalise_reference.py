"""Tests for kb.normalise.reference: a whole parsed Reference through every normaliser."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb.model import Name, ProblemCode, Reference
from kb.normalise import NORMALISE_CODES, normalise_record, normalise_reference

# Seed 000, entry 1, as a parser could give it.
MOULIS_2014 = Reference(
    authors=[Name("Moulis", "G."), Name("Sailler", "L."), Name("Adoue", "D."), Name("Lapeyre-mestre", "M.")],
    title="Pharmacoepidemiology of Immune Thrombocytopenia: protocols of FAITH and CARMEN studies",
    journal="Therapie",
    year="2014",
    month="oct",
    volume="vol.69",
    issue="issue.5",
    pages="pp.437-485",
)

# Seed 000, the Cuker entry with its DOI and URL lines.
CUKER_2016 = Reference(
    authors=[Name("Cuker", "A."), Name("Neunert", "C. E.")],
    title="How I treat refractory immune thrombocytopenia",
    journal="Blood",
    year="2016",
    volume="22",
    issue="12",
    pages="pp.1547-54",
    doi="DOI : 10.1182/blood-2016-03-603365",
    url="URL : http://www.bloodjournal.org/content/128/12/1547.full.pdf",
)

# Seed 001, the reviewed article (French document).
BRADBURY_2021 = Reference(
    authors=[Name("Bradbury", "C. A.")],
    et_al=True,
    title="Mycophenolate Mofetil for First-Line Treatment of Immune Thrombocytopenia",
    journal="NEJM",
    day="02",
    month="09",
    year="2021",
    doi="DOI: 10.1056/NEJMoa2100596",
)


def test_moulis_2014() -> None:
    record = normalise_record(MOULIS_2014, language="fr")
    ref = record.reference
    assert [n.family for n in ref.authors] == ["Moulis", "Sailler", "Adoue", "Lapeyre-Mestre"]
    assert (ref.year, ref.month, ref.day) == ("2014", "10", "")
    assert (ref.volume, ref.issue, ref.pages) == ("69", "5", "437–485")
    assert (record.first_page, record.last_page) == ("437", "485")
    assert record.journal_canonical == "Therapie"
    assert record.journal_key == "therapie"
    assert record.author_keys == ("moulis g", "sailler l", "adoue d", "lapeyre-mestre m")
    codes = {(f.code, f.field) for f in record.findings}
    assert codes == {("name_case_repaired", "authors"), ("long_page_range", "pages")}


def test_input_is_not_mutated() -> None:
    before = replace(MOULIS_2014, authors=list(MOULIS_2014.authors))
    normalise_reference(MOULIS_2014, language="fr")
    assert before == MOULIS_2014


def test_cuker_2016_identifiers() -> None:
    ref, findings = normalise_reference(CUKER_2016)
    assert ref.doi == "10.1182/blood-2016-03-603365"
    assert ref.url == "http://www.bloodjournal.org/content/128/12/1547.full.pdf"
    assert ref.pages == "1547–1554"
    assert findings == []


def test_bradbury_2021_french_numeric_date() -> None:
    record = normalise_record(BRADBURY_2021, language="fr")
    assert (record.reference.year, record.reference.month, record.reference.day) == ("2021", "9", "2")
    assert record.journal_canonical == "N Engl J Med"
    assert record.reference.journal == "NEJM"  # as written
    assert record.reference.doi == "10.1056/NEJMoa2100596"
    assert record.reference.et_al


def test_hal_id_from_url_and_title_damage() -> None:
    ref = Reference(
        authors=[Name("Olsson", "B."), Name("Jernås", "M.")],
        title="Tcell-mediated cytotoxicity toward platelets",
        journal="Nat Med",
        year="2003",
        url="URL : https://hal.archives-ouvertes.fr/hal-02042400",
    )
    record = normalise_record(ref)
    assert record.reference.hal_id == "hal-02042400"
    assert [(f.code, f.field) for f in record.findings] == [("joined_words", "title")]


def test_every_finding_code_is_known() -> None:
    for ref in (MOULIS_2014, CUKER_2016, BRADBURY_2021):
        for item in normalise_record(ref, "fr").findings:
            assert item.code in NORMALISE_CODES
            assert item.severity == NORMALISE_CODES[item.code]
            assert item.field


def test_reused_codes_match_the_model() -> None:
    for code in ("broken_author", "encoding", "replacement_character"):
        assert ProblemCode(code).value == code


FIELD = st.text(max_size=25)


@settings(deadline=None, max_examples=60)
@given(
    st.builds(
        Reference,
        authors=st.lists(st.builds(Name, family=FIELD, given=FIELD), max_size=3),
        title=FIELD,
        journal=st.one_of(FIELD, st.sampled_from(["NEJM", "Blood Advances", "Front. Immunol."])),
        year=FIELD,
        month=st.one_of(FIELD, st.sampled_from(["oct", "25 janv", "févr", "09"])),
        day=FIELD,
        volume=FIELD,
        issue=FIELD,
        pages=FIELD,
        doi=FIELD,
        pmid=FIELD,
        url=FIELD,
        hal_id=FIELD,
    ),
    st.sampled_from(["en", "fr"]),
)
def test_normalise_reference_is_idempotent_and_never_raises(ref: Reference, language: str) -> None:
    once, _ = normalise_reference(ref, language)
    twice, _ = normalise_reference(once, language)
    assert twice == once


@pytest.mark.parametrize("issue", ["0\r:", "5 \u00a0;", "vol. 3\t.", " no.12\n,"])
def test_labels_and_edges_are_stripped_to_a_fixed_point(issue: str) -> None:
    once = normalise_record(Reference(issue=issue, volume=issue)).reference
    twice = normalise_record(once).reference
    assert (once.issue, once.volume) == (twice.issue, twice.volume)

"""Tests for kb.evidence.tagger and kb.evidence.design: roles, guards, offsets, primary outcomes, designs."""

from __future__ import annotations

import pytest

from kb.evidence.tagger import line_of, tag_text


def links(text: str, *, assume_itp: bool = False) -> set[tuple[str, str]]:
    """The (concept, role) links of a text."""
    return set(tag_text(text, assume_itp=assume_itp).intervention_links())


# ---- ambiguity register: guard cases must give no false hit ----


@pytest.mark.parametrize(
    "text",
    [
        "Stereotactic RTX (60 Gy in 30 fractions) for recurrent glioblastoma",
        "Concurrent chemo-RTX in head and neck cancer",
        "Splenic RTX for refractory thrombocytopenia: low-dose radiotherapy of the spleen",
    ],
)
def test_rtx_as_radiotherapy_is_not_rituximab(text: str) -> None:
    assert "rituximab" not in {c for c, _ in links(text, assume_itp=True)}


def test_rtx_in_itp_context_is_rituximab() -> None:
    assert links("Second course of RTX in adults with ITP") == {("rituximab", "intervention")}


def test_cci_as_charlson_is_not_corrected_count_increment() -> None:
    result = tag_text("Charlson comorbidity index (CCI) and platelet transfusion needs in ITP")
    assert "corrected_count_increment" not in dict(result.outcome_links())


def test_cci_in_transfusion_context() -> None:
    result = tag_text("Le CCI à 1 h après transfusion plaquettaire oriente le diagnostic")
    assert "corrected_count_increment" in dict(result.outcome_links())


@pytest.mark.parametrize(
    "text",
    [
        "Pulmonary embolism (PE) in adults with immune thrombocytopenia treated with eltrombopag",
        "Embolie pulmonaire (EP) sous romiplostim au cours du PTI",
        "PE after splenectomy for ITP: risk factors for pulmonary embolism",
    ],
)
def test_pe_as_pulmonary_embolism_is_not_plasma_exchange(text: str) -> None:
    assert "plasma_exchange" not in {c for c, _ in links(text)}


def test_ep_in_plasma_context_is_plasma_exchange() -> None:
    found = links("Protocole de désensibilisation (Rituximab + Bortezomib + EP) avant transfusion")
    assert ("plasma_exchange", "intervention") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Post-splenectomy infections in adults with ITP", {("splenectomy", "population")}),
        ("Outcomes of splenectomised patients with chronic ITP", {("splenectomy", "population")}),
        ("Traitement de rattrapage chez les patients splénectomisés", {("splenectomy", "population")}),
        ("Laparoscopic splenectomy for chronic ITP", {("splenectomy", "intervention")}),
    ],
)
def test_post_splenectomy_is_a_population(text: str, expected: set[tuple[str, str]]) -> None:
    assert links(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Elderly myeloma patients treated with MP: a registry study",
        "MP (melphalan-prednisone) in ITP-associated myeloma",
    ],
)
def test_mp_other_than_methylprednisolone(text: str) -> None:
    assert "methylprednisolone" not in {c for c, _ in links(text)}


def test_mp_in_itp_context() -> None:
    assert ("methylprednisolone", "intervention") in links("HD-MP versus IVIg in children with ITP")


@pytest.mark.parametrize(
    "text",
    [
        "Gas chromatography (GC) profiling of platelet lipids in ITP",
        "MMF (monomethyl fumarate) levels in multiple sclerosis patients",
        "Thyroid peroxidase (TPO) antibodies in children with ITP",
    ],
)
def test_other_guarded_abbreviations(text: str) -> None:
    assert links(text) == set()


def test_ich_gcp_and_odds_ratio() -> None:
    result = tag_text("ICH-GCP compliance; bleeding OR 2.1 (95% CI 1.2-3.4) in ITP")
    outcomes = dict(result.outcome_links())
    assert "intracranial_haemorrhage" not in outcomes
    assert "overall_response" not in outcomes


# ---- roles ----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Romiplostim vs eltrombopag after failure of corticosteroids",
            {
                ("romiplostim", "intervention"),
                ("eltrombopag", "comparator"),
                ("corticosteroids", "population"),
            },
        ),
        ("Rituximab versus placebo in adult ITP", {("rituximab", "intervention"), ("placebo", "comparator")}),
        (
            "MMF en combinaison avec des GC comparée aux GC seuls dans le PTI",
            {
                ("mycophenolate_mofetil", "intervention"),
                ("corticosteroids", "intervention"),
                ("corticosteroids", "comparator"),
            },
        ),
        (
            "Eltrombopag in rituximab-refractory ITP",
            {("eltrombopag", "intervention"), ("rituximab", "population")},
        ),
        (
            "Sirolimus in ITP refractory to corticosteroids and IVIg",
            {("sirolimus", "intervention"), ("corticosteroids", "population"), ("ivig", "population")},
        ),
        ("Rescue therapy with IVIg in severe ITP", {("ivig", "rescue")}),
        ("Traitement de rattrapage par immunoglobulines intraveineuses dans le PTI", {("ivig", "rescue")}),
        (
            "Romiplostim in patients previously treated with eltrombopag",
            {("romiplostim", "intervention"), ("eltrombopag", "population")},
        ),
    ],
)
def test_roles(text: str, expected: set[tuple[str, str]]) -> None:
    assert links(text) == expected


def test_prior_therapy_table_block() -> None:
    text = (
        "Median number of ITP treatment lines\nEltrombopag – n (%)\t24 (93.3)\nRituximab – n (%)\t25 (96.1)"
    )
    assert links(text) == {("eltrombopag", "population"), ("rituximab", "population")}


# ---- folding, brands, French, offsets ----


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        ("Révolade® chez l'adulte", "eltrombopag"),
        ("NPLATE in ITP", "romiplostim"),
        ("bolus de méthylprednisolone", "methylprednisolone"),
        ("échanges plasmatiques", "plasma_exchange"),
        ("mycophénolate mofétil", "mycophenolate_mofetil"),
        ("agonistes du récepteur de la thrombopoïétine", "tpo_ra"),
        ("TPO-RAs in ITP", "tpo_ra"),
        ("immunoglobulines intraveineuses", "ivig"),
        ("corticoïdes", "corticosteroids"),
    ],
)
def test_synonyms_brands_and_accents(text: str, concept: str) -> None:
    assert concept in {c for c, _ in links(text)}


def test_hits_carry_snippet_and_offsets() -> None:
    text = "Ligne 1\nTraitement par Révolade® puis réponse complète à 3 mois"
    result = tag_text(text)
    for hit in (*result.interventions, *result.outcomes):
        assert text[hit.start : hit.end] == hit.text
    assert result.interventions[0].text == "Révolade"
    assert line_of(text, result.interventions[0].start, start_line=10) == 11


def test_offsets_with_ligatures_and_combining_marks() -> None:
    text = "e\u0301tude: ﬁrst-line dexame\u0301thasone"
    hit = tag_text(text).interventions[0]
    assert text[hit.start : hit.end] == hit.text == "dexame\u0301thasone"


# ---- outcomes ----


@pytest.mark.parametrize(
    ("text", "primary"),
    [
        (
            "Issue primaire : échec thérapeutique. Issues secondaires : hémorragies, qualité de vie.",
            "treatment_failure",
        ),
        (
            "The primary endpoint was overall response rate at week 24; secondary endpoints included bleeding.",
            "overall_response",
        ),
        ("L'objectif principal était d'évaluer le taux de réponse global.", "overall_response"),
        ("Critère principal : rechute à 12 mois", "relapse"),
    ],
)
def test_primary_outcome(text: str, primary: str) -> None:
    outcomes = dict(tag_text(text).outcome_links())
    assert outcomes[primary] is True
    assert sum(outcomes.values()) == 1


def test_primary_outcome_across_pdf_blank_lines() -> None:
    text = "HCV. Issue primaire  :\n\néchec thérapeutique (Plaquettes <30 G/l). Issues\n\nsecondaires  : hémorragies"
    assert dict(tag_text(text).outcome_links()) == {"treatment_failure": True, "bleeding": False}


def test_immune_response_is_not_a_treatment_response() -> None:
    assert tag_text("ITP is the manifestation of a type-1 polarized immune response").outcomes == ()


# ---- design, flags, levels ----


@pytest.mark.parametrize(
    ("text", "design", "flags", "cebm", "has"),
    [
        (
            "Rituximab for ITP: a multicentre, randomised, double-blind, placebo-controlled trial",
            "rct",
            {"randomised", "double_blind", "placebo_controlled", "multicentre"},
            2,
            (2, "B"),
        ),
        (
            "Etude multicentrique, open-label, RCT 1 :1 (groupe MMF et GC vs. GC seuls)",
            "rct",
            {"randomised", "open_label", "multicentre"},
            2,
            (2, "B"),
        ),
        (
            "Daratumumab in refractory ITP: an observational, retrospective and multicenter study",
            "retrospective_cohort",
            {"retrospective", "multicentre", "observational"},
            4,
            (4, "C"),
        ),
        (
            "Rituximab in splenectomy candidates: a prospective multicenter phase 2 study",
            "non_randomised_trial",
            {"prospective", "multicentre", "phase_2"},
            4,
            (4, "C"),
        ),
        (
            "IVIg versus steroids in ITP: a systematic review and meta-analysis",
            "meta_analysis",
            set(),
            1,
            (1, "A"),
        ),
        ("A case-control study of vaccines and ITP", "case_control", set(), 4, (3, "C")),
        (
            "Protocol of a randomised trial of avatrombopag in ITP",
            "protocol",
            {"randomised"},
            None,
            (None, None),
        ),
        (
            "Epidemiology of ITP: a nationwide population-based study",
            "retrospective_cohort",
            {"population_based"},
            4,
            (4, "C"),
        ),
        (
            "Safety of rituximab in ITP: results from a prospective registry",
            "prospective_cohort",
            {"prospective"},
            3,
            (2, "B"),
        ),
        ("How I treat refractory ITP", "narrative_review", set(), None, (None, None)),
        ("Thrombocytopenia in childhood: an evaluation of 433 patients", None, set(), None, (None, None)),
        (
            "Romiplostim vs eltrombopag: a post hoc analysis of a randomised trial",
            "rct",
            {"post_hoc"},
            3,
            (2, "B"),
        ),
        ("Patiente de 54 ans : asthénie et épistaxis", "case_report", set(), 4, (4, "C")),
    ],
)
def test_design(
    text: str, design: str | None, flags: set[str], cebm: int | None, has: tuple[int | None, str | None]
) -> None:
    result = tag_text(text).design
    assert result.primary == design
    assert flags <= set(result.flags)
    assert result.level.cebm2011 == cebm
    assert (result.level.has2013_level, result.level.has2013_grade) == has


def test_retrospective_with_comparator_is_cebm_3() -> None:
    result = tag_text("Romiplostim vs eltrombopag in ITP: a retrospective multicentre cohort").design
    assert (result.primary, result.level.cebm2011) == ("retrospective_cohort", 3)


def test_protocol_only_in_title() -> None:
    text = "Rituximab in ITP: a retrospective study\n" + "x " * 200 + "\nProtocol of treatment"
    assert tag_text(text).design.primary == "retrospective_cohort"


def test_json_shape() -> None:
    data = tag_text(
        "Rituximab versus placebo: a randomised trial. Primary outcome: overall response."
    ).to_json()
    assert set(data) == {"interventions", "outcomes", "design", "flags", "level"}
    assert {"id": "placebo", "role": "comparator"} in data["interventions"]
    assert {"id": "overall_response", "primary": True} in data["outcomes"]
    assert data["design"] == "rct"
    assert data["level"]["cebm2011"] == 2


def test_background_design_cues_are_ignored() -> None:
    text = (
        "Romiplostim in ITP.\nBackground: previous randomized trials have shown efficacy of TPO-RAs. "
        "Methods: we performed a retrospective multicentre study of 80 patients treated with romiplostim."
    )
    design = tag_text(text).design
    assert design.primary == "retrospective_cohort"
    assert "randomised" not in design.flags

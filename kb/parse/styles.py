"""The CSL styles of the synthetic training examples, and the styles kept out of training.

:data:`TRAIN_STYLES` render the ordinary examples of :mod:`kb.parse.synth` (and the finder's documents,
:mod:`kb.find.synth`); :data:`ENGINEERING_STYLES`, :data:`OTHER_STYLES` and :data:`BOOK_STYLES` those of
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

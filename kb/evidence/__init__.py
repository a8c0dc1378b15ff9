"""Evidence vocabularies, tagging (interventions, outcomes, design, evidence level) and results extraction.

Public API: :func:`load_vocabulary`, :func:`tag_text` -> :class:`TagResult`, :func:`extract_results` ->
list of :class:`Result`, :func:`run_tag` (JSON lines) and :func:`score` (P/R/F1 against a gold set).
"""

from kb.evidence.design import DesignResult, EvidenceLevel
from kb.evidence.metrics import Scores, evaluate, score
from kb.evidence.results import Result, extract_results
from kb.evidence.runner import run_tag
from kb.evidence.tagger import InterventionHit, OutcomeHit, TagResult, tag_text
from kb.evidence.vocab import Vocabulary, VocabularyError, load_vocabulary

__all__ = [
    "DesignResult",
    "EvidenceLevel",
    "InterventionHit",
    "OutcomeHit",
    "Result",
    "Scores",
    "TagResult",
    "Vocabulary",
    "VocabularyError",
    "evaluate",
    "extract_results",
    "load_vocabulary",
    "run_tag",
    "score",
    "tag_text",
]

"""What is a work: the citations that name something a reader could cite, and the fragments that do not.

A citation names a work when it carries at least one of: a title; an identifier (DOI, PMID, URL, HAL id);
a year with an author or a journal ("Mahévas et al., JCI 2013", "(Greenwalt, 1992)", "Blood 2016"). A
citation the parser flagged ``truncated`` (an entry that stops after its authors, "D. Sur,") never does.
The others are *fragments*: they stay citations, with their problems and their text, but they are not
grouped into works, so they are not nodes of the citation graph, not counted as unique works and not
exported. Running text that slipped into a reference list never becomes a citation in the first place
(``not_a_reference``, in ``kb.citing``).
"""

from __future__ import annotations

from kb.model import Citation, Problem, ProblemCode, Reference

FRAGMENT_MESSAGE = (
    "neither a title, an identifier, nor a year with an author or journal: too little to name a work; "
    "kept verbatim as a citation, not made a work. Complete the entry in the document if it is a reference."
)


def fragment_reason(ref: Reference) -> str:
    """Why the parsed reference ``ref`` is a fragment, or "" when it names a work."""
    if any(p.code is ProblemCode.TRUNCATED for p in ref.problems):
        return "truncated"
    if ref.title.strip():
        return ""
    if any(v.strip() for v in (ref.doi, ref.pmid, ref.url, ref.hal_id)):
        return ""
    if ref.year.strip() and (ref.authors or ref.journal.strip()):
        return ""
    return "too little to name a work"


def split_fragments(citations: list[Citation]) -> tuple[list[Citation], list[Citation]]:
    """The citations that name works, and the fragments (each list in the given order)."""
    citable = [c for c in citations if not fragment_reason(c.reference)]
    fragments = [c for c in citations if fragment_reason(c.reference)]
    return citable, fragments


def fragment_problem(citation: Citation) -> Problem | None:
    """The ``fragment`` problem of a fragment that no ``truncated`` problem already explains."""
    if fragment_reason(citation.reference) != "too little to name a work":
        return None
    problem = Problem(ProblemCode.FRAGMENT, FRAGMENT_MESSAGE)
    return problem.at(citation.span, citation.document_id, citation.id)

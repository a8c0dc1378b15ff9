"""What a normaliser reports besides its value: ``Finding`` and the problem codes it can carry.

Every normaliser of ``kb.normalise`` returns ``(value, findings)``. A finding names the field it is
about, a code from ``NORMALISE_CODES`` and a message a reviewer can act on; the caller turns it into a
``kb.model.Problem`` by adding the file and line it knows. Codes that already exist in
``kb.model.ProblemCode`` (``broken_author``, ``encoding``, ``replacement_character``) are reused with
the same value and severity; the others are new and listed here until they are merged into
``ProblemCode``.
"""

from __future__ import annotations

from dataclasses import dataclass

# Codes reused from kb.model.ProblemCode (same value, same severity).
BROKEN_AUTHOR = "broken_author"
ENCODING = "encoding"
REPLACEMENT_CHARACTER = "replacement_character"

# New codes.
NAME_CASE_REPAIRED = "name_case_repaired"
LOST_CHARACTER = "lost_character"
JOINED_WORDS = "joined_words"
UNKNOWN_JOURNAL = "unknown_journal"
NOT_A_JOURNAL = "not_a_journal"
UNPARSED_DATE = "unparsed_date"
AMBIGUOUS_DATE = "ambiguous_date"
INVALID_DATE = "invalid_date"
UNPARSED_PAGES = "unparsed_pages"
IMPLAUSIBLE_PAGES = "implausible_pages"
LONG_PAGE_RANGE = "long_page_range"
INVALID_DOI = "invalid_doi"
INVALID_PMID = "invalid_pmid"
INVALID_PMCID = "invalid_pmcid"
INVALID_HAL_ID = "invalid_hal_id"

ERROR = "error"
WARNING = "warning"
INFO = "info"

NORMALISE_CODES: dict[str, str] = {
    BROKEN_AUTHOR: WARNING,  # an author-list piece that is not a whole name ("E. T. ,"); dropped
    ENCODING: WARNING,  # mojibake repaired by ftfy ("MahÃ©vas" -> "Mahévas")
    REPLACEMENT_CHARACTER: WARNING,  # U+FFFD left by extraction ("e�ets"); kept, not guessed
    NAME_CASE_REPAIRED: INFO,  # a family name's case was repaired ("Lapeyre-mestre")
    LOST_CHARACTER: WARNING,  # a "?" standing for a lost Greek letter ("GPIb?", "Fc?"); kept
    JOINED_WORDS: WARNING,  # a lost hyphen joined two words ("Druginduced", "Tcell"); kept
    UNKNOWN_JOURNAL: INFO,  # journal not in extract/journals.yml; abbreviated by ISO 4 rules only
    NOT_A_JOURNAL: WARNING,  # the journal field names a society or meeting; kept as written
    UNPARSED_DATE: WARNING,  # no year, month or day could be read
    AMBIGUOUS_DATE: WARNING,  # "02/09/2021" in an English document: day and month not told apart
    INVALID_DATE: WARNING,  # a day or month out of range ("31 févr", month 13)
    UNPARSED_PAGES: WARNING,  # pages not readable as a page, range or e-locator
    IMPLAUSIBLE_PAGES: WARNING,  # last page before the first, or a range over 100 pages
    LONG_PAGE_RANGE: INFO,  # a range over 30 pages: HAL exports corrupt end pages; check it
    INVALID_DOI: WARNING,  # not a DOI after cleaning; dropped
    INVALID_PMID: WARNING,  # not a PubMed id after cleaning; dropped
    INVALID_PMCID: WARNING,  # not a PubMed Central id after cleaning; dropped
    INVALID_HAL_ID: WARNING,  # not a HAL id after cleaning; dropped
}
"""Every code a normaliser can emit, with its severity (``error``, ``warning`` or ``info``)."""


@dataclass(frozen=True)
class Finding:
    """One thing a normaliser noticed about a field.

    ``code`` is a key of ``NORMALISE_CODES``; ``field`` names the ``Reference`` field ("authors",
    "journal", "pages", ...) or is empty when the normaliser does not know it; ``raw`` is the text
    concerned, verbatim.
    """

    code: str
    field: str
    message: str
    severity: str
    raw: str = ""


def finding(code: str, field: str, message: str, raw: str = "") -> Finding:
    """A ``Finding`` with the severity that goes with ``code``."""
    return Finding(code, field, message, NORMALISE_CODES[code], raw)


def with_field(findings: list[Finding], field: str) -> list[Finding]:
    """The findings with ``field`` set (normalisers called without a field name leave it empty)."""
    return [Finding(f.code, field, f.message, f.severity, f.raw) if not f.field else f for f in findings]

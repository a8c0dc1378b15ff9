"""The ``normalise`` stage: pure functions that put parsed fields into one canonical form.

Every normaliser returns ``(value, findings)``: the caller keeps the value as written, stores the
normalised value next to it, and locates each finding (a ``kb.model.Problem`` with its code, field,
message and raw text) at the file and line it knows (``Problem.at``). No normaliser reads files except
the journal table (``extract/journals.yml``, read once), none mutates its input, all are idempotent
(``f(f(x)) == f(x)``) and none raises on arbitrary text.

Modules, in the order a reference's fields go through them:

* ``text``: mojibake, ligatures, odd spaces; lost characters and joined words flagged.
* ``name_lists``: author lists (``split_author_list``, the one splitter of a list into names).
* ``names``: one author name (``split_name``); case repair, initials, particles, match keys.
* ``journals``: canonical NLM-style abbreviation (curated table, then ISO 4) and comparison key.
* ``dates``: year, month, day from English and French forms.
* ``pages``: page ranges, e-locators, implausible ranges.
* ``identifiers``: DOI, PMID, PMCID, HAL id, URL.
* ``reference``: a whole ``Reference`` through all of the above.
* ``findings``: ``finding`` and the problem codes (``NORMALISE_CODES``) with their severities.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names below, for type checkers; at run time they are imported on first use
    from kb.normalise.dates import DateParts, format_date, parse_date
    from kb.normalise.findings import NORMALISE_CODES
    from kb.normalise.identifiers import (
        identifiers_from_url,
        normalise_doi,
        normalise_hal_id,
        normalise_pmcid,
        normalise_pmid,
        normalise_url,
    )
    from kb.normalise.journals import canonical_journal, journal_key, load_journal_table
    from kb.normalise.name_lists import split_author_list, split_authors
    from kb.normalise.names import (
        name_key,
        normalise_initials,
        normalise_name,
        parse_name,
        repair_family,
        split_name,
    )
    from kb.normalise.pages import PageRange, normalise_pages
    from kb.normalise.reference import NormalisedReference, normalise_record, normalise_reference
    from kb.normalise.text import repair_text

_MODULE_OF = {
    "DateParts": "dates",
    "format_date": "dates",
    "parse_date": "dates",
    "NORMALISE_CODES": "findings",
    "identifiers_from_url": "identifiers",
    "normalise_doi": "identifiers",
    "normalise_hal_id": "identifiers",
    "normalise_pmcid": "identifiers",
    "normalise_pmid": "identifiers",
    "normalise_url": "identifiers",
    "canonical_journal": "journals",
    "journal_key": "journals",
    "load_journal_table": "journals",
    "name_key": "names",
    "normalise_initials": "names",
    "normalise_name": "names",
    "parse_name": "names",
    "repair_family": "names",
    "split_author_list": "name_lists",
    "split_authors": "name_lists",
    "split_name": "names",
    "PageRange": "pages",
    "normalise_pages": "pages",
    "NormalisedReference": "reference",
    "normalise_record": "reference",
    "normalise_reference": "reference",
    "repair_text": "text",
}
"""Where each name of the package lives: ``from kb.normalise import x`` imports that module only, so that
``kb parse`` (which needs the date reader) does not pay for ftfy, the journal table and the rest (PEP 562)."""


def __getattr__(name: str) -> object:
    """A name of the package, imported from its module on first use (and kept)."""
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"kb.normalise.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULE_OF})


__all__ = [
    "NORMALISE_CODES",
    "DateParts",
    "NormalisedReference",
    "PageRange",
    "canonical_journal",
    "format_date",
    "identifiers_from_url",
    "journal_key",
    "load_journal_table",
    "name_key",
    "normalise_doi",
    "normalise_hal_id",
    "normalise_initials",
    "normalise_name",
    "normalise_pages",
    "normalise_pmcid",
    "normalise_pmid",
    "normalise_record",
    "normalise_reference",
    "normalise_url",
    "parse_date",
    "parse_name",
    "repair_family",
    "repair_text",
    "split_author_list",
    "split_authors",
    "split_name",
]

"""Pages: one form for a page, a page range or an electronic locator, with first and last page apart.

"1547-54" -> "1547–1554" (first "1547", last "1554"); "pp.2386-93" -> "2386–2393"; "p.494" -> "494";
"e640-8" -> "e640–e648"; "S12-5" -> "S12–S15"; "Suppl 2:S45-S50" -> "S45–S50". Ranges are joined with
an en dash. A range whose last page comes before its first, or that spans more than 100 pages, is
reported as ``implausible_pages`` and kept as written (expanded, never "fixed"): the HAL export of
seed 000 corrupts end pages ("pp.437-485" for a 9-page article), and the true end page cannot be
known. Ranges over 30 pages are reported as ``long_page_range`` (info) so they can be checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kb.model import Problem
from kb.normalise.findings import IMPLAUSIBLE_PAGES, LONG_PAGE_RANGE, UNPARSED_PAGES, finding

MAX_PAGES = 100
"""More pages than this in one journal article is implausible."""

LONG_PAGES = 30
"""More pages than this is worth a look (info only)."""

_PREFIX = re.compile(r"^(?:pages?\b|pgs?\.?|pp?\.?|s\.|suppl(?:ement)?\.?\s*\d*\s*[:,]?)\s*", re.IGNORECASE)
_DASHES = re.compile(r"\s*(?:[-‐‑‒–—―−]+|\bto\b)\s*")
_PAGE = re.compile(r"([A-Za-z]{0,2})(\d+)([A-Za-z]?)")


@dataclass(frozen=True)
class PageRange:
    """Pages as stored ("1547–1554"), with the first and last page ("" when absent)."""

    pages: str = ""
    first: str = ""
    last: str = ""


def normalise_pages(text: str, max_pages: int = MAX_PAGES) -> tuple[PageRange, list[Problem]]:
    """Normalise a page, page range or e-locator; flag ranges that cannot be right (idempotent)."""
    cleaned = " ".join(text.split()).strip(" .,;:")
    while True:
        stripped = _PREFIX.sub("", cleaned).strip(" .,;:")
        if stripped == cleaned:
            break
        cleaned = stripped
    if not cleaned:
        return PageRange(), []
    parts = [p for p in _DASHES.split(cleaned) if p]
    if len(parts) == 1 and _PAGE.fullmatch(parts[0]):
        return PageRange(parts[0], parts[0], ""), []
    if len(parts) != 2 or not all(_PAGE.fullmatch(p) for p in parts):
        return PageRange(cleaned, "", ""), [
            finding(UNPARSED_PAGES, "pages", f"pages {text!r} are not a page, a range or a locator", text)
        ]
    first, last = parts[0], _expand(parts[0], parts[1])
    findings = _check(text, first, last, max_pages)
    return PageRange(f"{first}–{last}", first, last), findings


def _expand(first: str, last: str) -> str:
    """The last page written in full: ("1547", "54") -> "1554"; ("e640", "8") -> "e648"."""
    first_match = _PAGE.fullmatch(first)
    last_match = _PAGE.fullmatch(last)
    assert first_match is not None and last_match is not None  # checked by the caller
    prefix, digits, _suffix = first_match.groups()
    last_prefix, last_digits, last_suffix = last_match.groups()
    if last_prefix and last_prefix.lower() != prefix.lower():
        return last
    if len(last_digits) < len(digits):
        last_digits = digits[: len(digits) - len(last_digits)] + last_digits
    return f"{prefix}{last_digits}{last_suffix}"


def _check(raw: str, first: str, last: str, max_pages: int) -> list[Problem]:
    """Findings for a range whose end is before its start or far from it."""
    first_match = _PAGE.fullmatch(first)
    last_match = _PAGE.fullmatch(last)
    if (
        first_match is None
        or last_match is None
        or first_match.group(1).lower() != last_match.group(1).lower()
    ):
        return []
    start, end = int(first_match.group(2)), int(last_match.group(2))
    if end < start:
        message = f"pages {raw!r}: last page {last} comes before first page {first}; kept as written"
        return [finding(IMPLAUSIBLE_PAGES, "pages", message, raw)]
    count = end - start + 1
    if count > max_pages:
        message = f"pages {raw!r} span {count} pages, more than {max_pages}; kept as written"
        return [finding(IMPLAUSIBLE_PAGES, "pages", message, raw)]
    if count > LONG_PAGES:
        message = f"pages {raw!r} span {count} pages; check the end page"
        return [finding(LONG_PAGE_RANGE, "pages", message, raw)]
    return []

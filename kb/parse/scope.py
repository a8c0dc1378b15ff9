"""Volume, issue and pages read from the text of their segments (after the CRF has labelled them).

A segment holds its field with what surrounds it ("vol.117,", "(suppl 3):", "pp. 394-399."): the
scope words are dropped and the first number, the supplement or the page range is kept. When the
labels missed them, the compact "vol(issue):pages" group of Vancouver references fills them.
"""

from __future__ import annotations

import re

from kb.model import Reference
from kb.parse.tokens import lacks
from kb.patterns import PARSER_YEAR

YEAR_RE = re.compile(rf"(?<![0-9.])({PARSER_YEAR})(?![0-9])", re.ASCII)
"""A year in another field's text (the parser's year, :data:`kb.patterns.PARSER_YEAR`), in ASCII digits
and not after a period ("3.2011", a DOI's "10.2011"): what it matches becomes the reference's year."""
NUMBER_RE = re.compile(r"[A-Za-z]?\d+[A-Za-z]?|\b[IVXLC]+\b")
PAGES_RE = re.compile(r"[A-Za-z]?\d+[A-Za-z]?(?:\s*[-–—‐]+\s*[A-Za-z]?\d+[A-Za-z]?)?")
_DASHES = re.compile(r"\s*[-–—‐]+\s*")
_SCOPE_PREFIX = re.compile(
    r"^\W*(?:vols?|volume|v|issues?|no|nos|nr|n°|num|number|pp|p|pages?|s)\b\.?\s*", re.I
)


def _unscoped(s: str) -> str:
    """``s`` without its scope word ("vol.", "pp."); the pattern can only match at the start."""
    s = s.strip(" ([,;:.")
    m = _SCOPE_PREFIX.match(s)
    return s[m.end() :] if m else s


def number(s: str) -> str:
    """The first number of a volume or issue segment ("vol.117," -> "117"; roman numerals kept)."""
    s = _unscoped(s)
    m = NUMBER_RE.search(s)
    return m.group() if m else ""


_SUPPLEMENT_RE = re.compile(r"\b(suppl(?:ement)?|supp)\b\.?\s*([A-Za-z]?\d+[A-Za-z]?\b)?", re.I)


def issue(s: str) -> str:
    """The issue of an issue segment: a number, or a supplement as written ("suppl 3", "Suppl")."""
    m = _SUPPLEMENT_RE.search(s)
    if m:
        return f"{m.group(1)} {m.group(2)}" if m.group(2) else m.group(1)
    return number(s)


def pages(s: str) -> str:
    """The page or page range of a pages segment ("pp. 394 – 399." -> "394-399")."""
    m = PAGES_RE.search(_unscoped(s))
    if not m:
        return ""
    return _DASHES.sub("-", m.group())


_VIP_RE = re.compile(
    r"(?:^|[;,]\s*)([A-Za-z]?[0-9]{1,5}[A-Za-z]?)\s*\(([^()]{0,20}[0-9][^()]{0,20})\)\s*:\s*"
    r"([A-Za-z]?[0-9]+[A-Za-z]?(?:\s*[-–]\s*[A-Za-z]?[0-9]+[A-Za-z]?)?)"
)
"""The compact "vol(issue):pages" of Vancouver references ("1999;29(suppl 3):147-150")."""


def volume_issue_fallback(text: str, ref: Reference) -> None:
    """Fill volume, issue and pages from a "vol(issue):pages" group when the labels missed them; an
    issue read as a bare number inside a supplement group ("29(suppl 3):") becomes the supplement."""
    if "(" not in text or ":" not in text:
        return  # no "vol(issue):pages" group
    if ref.volume and ref.issue and ref.pages:
        if lacks(text, "supp"):
            return
        for m in _VIP_RE.finditer(text):
            if m.group(1) == ref.volume and ref.issue in m.group(2) and _SUPPLEMENT_RE.search(m.group(2)):
                ref.issue = issue(m.group(2))
        return
    for m in _VIP_RE.finditer(text):
        if ref.volume and m.group(1) != ref.volume:
            continue
        if YEAR_RE.fullmatch(m.group(1)):
            continue
        ref.volume = ref.volume or m.group(1)
        ref.issue = ref.issue or m.group(2).strip()
        ref.pages = ref.pages or re.sub(r"\s*[-–]\s*", "-", m.group(3))
        return

"""Choose a reader by content, not by file extension."""

from __future__ import annotations

import re
from enum import StrEnum

from kb.ingest.csljson import sniff_csljson
from kb.ingest.pubmed import sniff_pubmed
from kb.ingest.text import PDF_SIGNATURE

RIS_TAG = re.compile(r"^TY {1,2}- ?\S", re.MULTILINE)
BIBTEX_ENTRY = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)


class InputFormat(StrEnum):
    """The formats the knowledge base reads."""

    TEXT = "text"
    BIBTEX = "bibtex"
    RIS = "ris"
    PUBMED = "pubmed"
    CSLJSON = "csljson"
    PDF = "pdf"

    @property
    def structured(self) -> bool:
        """Structured formats give records with fields and skip the string parser."""
        return self in (InputFormat.BIBTEX, InputFormat.RIS, InputFormat.PUBMED, InputFormat.CSLJSON)


def sniff_bytes(data: bytes) -> InputFormat | None:
    """The format told by the bytes alone (PDF), or ``None``."""
    return InputFormat.PDF if data.lstrip()[:5].startswith(PDF_SIGNATURE) else None


def sniff_text(text: str) -> InputFormat:
    """The format of decoded text: CSL-JSON, PubMed MEDLINE, RIS, BibTeX, else plain text."""
    head = text[:20000]
    if sniff_csljson(text):
        return InputFormat.CSLJSON
    if sniff_pubmed(head):
        return InputFormat.PUBMED
    if (RIS_TAG.search(head) and re.search(r"^ER {1,2}-", text, re.MULTILINE | re.IGNORECASE)) or _ris_start(
        head
    ):
        return InputFormat.RIS
    if _bibtex(head):
        return InputFormat.BIBTEX
    return InputFormat.TEXT


def _ris_start(head: str) -> bool:
    first = next((line for line in head.splitlines() if line.strip()), "")
    return bool(RIS_TAG.match(first.lstrip("\ufeff")))


def _bibtex(head: str) -> bool:
    """An entry opens the file (after comments and blank lines) or most of its blocks are entries."""
    for line in head.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("%"):
            continue
        return bool(BIBTEX_ENTRY.match(stripped))
    return False

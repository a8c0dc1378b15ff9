"""``kb find``: read a file (text or PDF), find its references, write them as JSON."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from kb.find import FoundReference, find_references
from kb.model import KbError


@dataclass
class DocumentLines:
    """A document's lines, the page of each line (PDFs) and what went wrong reading it."""

    lines: list[str]
    line_pages: list[int] | None = None
    warnings: list[str] = field(default_factory=list)


def read_lines(data: bytes, name: str) -> DocumentLines:
    """The lines of a text file (any encoding the build reads) or of a PDF (with their pages).

    Raises ``KbError`` for a binary file that is not a PDF or a PDF without extractable text.
    """
    from kb.ingest.text import PDF_SIGNATURE, decode, is_binary, split_lines

    if data.lstrip()[:4] == PDF_SIGNATURE:
        from kb.ingest.pdf import extract_pdf_text

        pdf = extract_pdf_text(data)
        if not any(line.strip() for line in pdf.lines):
            why = "; ".join(pdf.errors) or "no text layer (scanned?)"
            raise KbError(f"{name}: no text could be extracted from this PDF ({why}).")
        return DocumentLines(pdf.lines, pdf.line_pages, [f"{name}: {e}" for e in pdf.errors])
    if is_binary(data):
        raise KbError(f"{name}: a binary file, not text or PDF; give a text file or a PDF.")
    text, _encoding, warning = decode(data)
    return DocumentLines(split_lines(text), None, [f"{name}: {warning}"] if warning else [])


def run_find(data: bytes, name: str, jsonl: bool, out: TextIO, err: TextIO) -> int:
    """Find the references of ``data`` and write them to ``out``: one JSON object per line with
    ``jsonl``, else one JSON array. Warnings, and a note when nothing is found, go to ``err``."""
    doc = read_lines(data, name)
    found: list[FoundReference] = find_references(doc.lines, doc.line_pages)
    for warning in doc.warnings:
        err.write(f"Warning: {warning}\n")
    if not found:
        err.write(f"{name}: no references found.\n")
    objects = [f.as_json() for f in found]
    if jsonl:
        for obj in objects:
            out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(objects, ensure_ascii=False, indent=1) + "\n")
    return 0


def find_file(path: Path, jsonl: bool) -> int:
    """``kb find``: read ``path`` (``-`` for stdin), write its references to stdout as UTF-8 JSON.
    Raises ``KbError`` when the file cannot be read."""
    from kb.ingest.text import read_input

    data = read_input(path)
    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
    try:
        return run_find(data, str(path), jsonl, out, sys.stderr)
    finally:
        out.flush()
        out.detach()  # leave sys.stdout's buffer open for whoever writes next

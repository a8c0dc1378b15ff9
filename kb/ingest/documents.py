"""Read the files of ``references/`` with their sidecars into ``Document`` objects.

A file that cannot be read, is empty, is binary or has a broken sidecar still becomes a document (or,
when nothing can be read at all, a problem) so that nothing is lost silently.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kb.ingest.formats import InputFormat, sniff_bytes, sniff_text
from kb.ingest.pdf import extract_pdf_text
from kb.ingest.text import decode, is_binary, looks_html, split_lines
from kb.model import Document, DocumentKind, Problem, ProblemCode

SIDECAR_SUFFIX = ".yml"
SIDECAR_KEYS = ("title", "kind", "language", "date", "authors", "event", "notes", "work")


@dataclass
class ReadResult:
    """The documents read from a directory and the problems met on the way."""

    documents: list[Document] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def input_files(references: Path) -> list[Path]:
    """The entries of ``references`` to read, sorted: everything but sidecars and hidden files.

    Directories and special files are listed too, so that ``read_documents`` reports them."""
    entries = [p for p in references.iterdir() if not p.name.startswith(".") and p.suffix != SIDECAR_SUFFIX]
    return sorted(entries, key=lambda p: p.name)


def _skipped(path: Path, shown: str) -> Problem | None:
    """A problem for an entry that is not read (a directory, a pipe, a device), else ``None``."""
    if path.is_symlink() and not path.exists():
        return None  # a dangling link: reading it reports the missing target
    if path.is_dir():
        what = "a directory; documents are read from references/ itself, not from sub-directories"
    elif path.exists() and not path.is_file():
        what = "not a regular file (a pipe, socket or device)"
    else:
        return None
    return Problem(
        ProblemCode.SKIPPED_ENTRY,
        f"{shown}: {what}; it was not read. Move its documents into references/ or remove it.",
        shown,
        0,
        0,
    )


def document_id(path: Path, taken: set[str]) -> str:
    """A stable id from the file name (its stem), made unique within one build."""
    base = re.sub(r"[^\w.-]+", "_", path.stem) or "document"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def read_sidecar(path: Path, shown: str) -> tuple[dict[str, object], list[Problem]]:
    """Read ``<name>.yml`` beside ``path``; a missing or broken sidecar is a problem, not a failure."""
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.exists():
        return {}, [
            Problem(
                ProblemCode.MISSING_SIDECAR,
                f"{shown}: no sidecar {sidecar.name}; title, kind and language were guessed. "
                f"Write {sidecar.name} (title, kind, language, date, authors, event) to set them.",
                shown,
                0,
                0,
            )
        ]
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        return {}, [
            Problem(
                ProblemCode.BAD_SIDECAR,
                f"{sidecar.name}: cannot be read as YAML ({_one_line(exc)}); fix the file or delete it.",
                shown,
                0,
                0,
            )
        ]
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return {}, [
            Problem(
                ProblemCode.BAD_SIDECAR,
                f"{sidecar.name}: expected a mapping of {', '.join(SIDECAR_KEYS)}; got "
                f"{type(data).__name__}.",
                shown,
                0,
                0,
            )
        ]
    problems = []
    kind = data.get("kind")
    if kind is not None and kind not in {k.value for k in DocumentKind}:
        problems.append(
            Problem(
                ProblemCode.BAD_SIDECAR,
                f"{sidecar.name}: kind {kind!r} is not one of "
                f"{', '.join(k.value for k in DocumentKind)}; the kind was guessed instead.",
                shown,
                0,
                0,
            )
        )
        data = {k: v for k, v in data.items() if k != "kind"}
    return data, problems


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _shown(path: Path, references: Path) -> str:
    """The path as shown in messages and stored: relative to the project (``references/x.txt``)."""
    return path.relative_to(references.parent).as_posix() if references.parent in path.parents else str(path)


def read_document(path: Path, references: Path, doc_id: str) -> tuple[Document | None, list[Problem]]:
    """Read one input file. Returns ``None`` as the document only when the file cannot be read at all."""
    shown = _shown(path, references)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [
            Problem(
                ProblemCode.UNREADABLE_FILE,
                f"{shown}: cannot be read ({exc.strerror or _one_line(exc)}); check that it exists and "
                "that its permissions allow reading.",
                shown,
                0,
                0,
            )
        ]
    meta, problems = read_sidecar(path, shown)
    sha256 = hashlib.sha256(data).hexdigest()
    lines, line_pages, encoding, fmt = _read_content(data, shown, problems)
    authors = meta.get("authors") or []
    document = Document(
        id=doc_id,
        path=shown,
        title=str(meta.get("title") or path.stem),
        kind=_kind(meta, fmt, lines),
        language=str(meta.get("language") or ""),
        date=str(meta.get("date") or ""),
        authors=[str(a) for a in authors] if isinstance(authors, list) else [str(authors)],
        event=str(meta.get("event") or ""),
        sha256=sha256,
        lines=lines,
        encoding=encoding,
        format=fmt.value,
        line_pages=line_pages,
        work=_work_block(meta.get("work"), shown, problems),
    )
    return document, problems


def _work_block(value: object, shown: str, problems: list[Problem]) -> dict[str, str]:
    """The sidecar's ``work`` mapping (``type``, ``title``), checked."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not value.get("type"):
        problems.append(
            Problem(
                ProblemCode.BAD_SIDECAR,
                f"{shown}: the sidecar's 'work' must be a mapping with a "
                "'type' (e.g. thesis, paper-conference, speech); it was ignored.",
                shown,
                0,
                0,
            )
        )
        return {}
    return {str(k): str(v) for k, v in value.items() if v is not None}


def _read_content(
    data: bytes, shown: str, problems: list[Problem]
) -> tuple[list[str], list[int], str, InputFormat]:
    """Lines, PDF pages, encoding and format of a file's bytes; problems are appended to ``problems``."""
    if sniff_bytes(data) is InputFormat.PDF:
        pdf = extract_pdf_text(data)
        problems += [
            Problem(ProblemCode.PDF_TEXT, f"{shown}: {error}; is the PDF scanned or protected?", shown, 0, 0)
            for error in pdf.errors
        ]
        if not pdf.errors and not any(line.strip() for line in pdf.lines):
            problems.append(
                Problem(
                    ProblemCode.PDF_TEXT,
                    f"{shown}: the PDF has no extractable text (scanned pages?); run OCR first.",
                    shown,
                    0,
                    0,
                )
            )
        return pdf.lines, pdf.line_pages, "pdf", InputFormat.PDF
    if is_binary(data):
        problems.append(
            Problem(
                ProblemCode.BINARY_FILE,
                f"{shown}: binary content ({len(data)} bytes), not text; convert it to text or remove it.",
                shown,
                0,
                0,
                raw=data[:64].hex(),
            )
        )
        return [], [], "binary", InputFormat.TEXT
    if looks_html(data):
        problems.append(
            Problem(
                ProblemCode.HTML_CONTENT,
                f"{shown}: an HTML page, not a document; it was read "
                "as text with its markup. Save the page's text or export its references instead.",
                shown,
                0,
                0,
            )
        )
    text, encoding, warning = decode(data)
    if warning:
        problems.append(
            Problem(ProblemCode.ENCODING, f"{shown}: {warning}; save it as UTF-8 to be sure.", shown, 0, 0)
        )
    lines = split_lines(text)
    if not any(line.strip() for line in lines):
        problems.append(Problem(ProblemCode.EMPTY_FILE, f"{shown}: the file holds no text.", shown, 0, 0))
    return lines, [], encoding, sniff_text(text)


def _kind(meta: dict[str, object], fmt: InputFormat, lines: list[str]) -> DocumentKind:
    """Structured exports are bibliographies whatever the sidecar says; else the sidecar, else a guess."""
    if fmt.structured:
        return DocumentKind.BIBLIOGRAPHY
    if meta.get("kind"):
        return DocumentKind(str(meta["kind"]))
    return guess_kind(lines)


def guess_kind(lines: list[str]) -> DocumentKind:
    """Without a sidecar: a reference list when most blocks carry a year and several commas, else text."""
    blocks = [b for b in re.split(r"\n\s*\n", "\n".join(lines)) if b.strip()]
    if not blocks:
        return DocumentKind.TEXT
    refs = sum(1 for b in blocks if re.search(r"\b(1[5-9]|20)\d\d\b", b) and b.count(",") >= 2)
    return DocumentKind.REFERENCE_LIST if refs >= 0.6 * len(blocks) else DocumentKind.TEXT


def read_documents(references: Path) -> ReadResult:
    """Read every input file of ``references`` (sorted by name)."""
    result = ReadResult()
    taken: set[str] = set()
    for path in input_files(references):
        skipped = _skipped(path, _shown(path, references))
        if skipped:
            result.problems.append(skipped)
            continue
        doc_id = document_id(path, taken)
        document, problems = read_document(path, references, doc_id)
        result.problems.extend(problems)
        if document is not None:
            result.documents.append(document)
    return result

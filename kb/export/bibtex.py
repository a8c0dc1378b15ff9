"""Works as BibTeX, written through bibtexparser 2's writer.

Text fields are escaped so that anything a title or a name holds stays text for LaTeX, BibTeX and biber:
``\\``, ``{`` and ``}`` become ``\\textbackslash{}``, ``\\textbraceleft{}`` and ``\\textbraceright{}``
(BibTeX counts every brace, escaped or not, so a literal brace is never written), ``% & _ # $`` are
backslash-escaped, ``~ ^ < >`` become text commands. ``latex_unescape`` reverses it. Identifiers (DOI,
URL, PMID) are written as they are, with only braces, backslashes and spaces percent-encoded, because
biblatex reads them verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import bibtexparser
from bibtexparser import model

from kb.export.records import ExportWork, clean_text, page_range, unique_keys
from kb.model import Name

ENTRY_TYPES: dict[str, str] = {
    "article-journal": "article",
    "book": "book",
    "chapter": "incollection",
    "thesis": "phdthesis",
    "paper-conference": "inproceedings",
}
"""CSL ``type`` -> BibTeX entry type; any other type is ``misc``."""
CONTAINER_FIELD: dict[str, str] = {
    "article": "journal",
    "book": "publisher",
    "incollection": "booktitle",
    "phdthesis": "school",
    "inproceedings": "booktitle",
    "misc": "howpublished",
}
"""Where each entry type keeps the work's container (``works.journal``)."""
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""BibTeX's month macros, written unquoted (``month = jan``)."""

LATEX_ESCAPES: dict[str, str] = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "_": r"\_",
    "#": r"\#",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
}
_ESCAPE_RE = re.compile("|".join(re.escape(c) for c in LATEX_ESCAPES))
_UNESCAPE = {v: k for k, v in LATEX_ESCAPES.items()}
_UNESCAPE_RE = re.compile("|".join(re.escape(v) for v in sorted(_UNESCAPE, key=len, reverse=True)) + "|[{}]")
_URL_ESCAPES = {"{": "%7B", "}": "%7D", "\\": "%5C", " ": "%20", "\t": "%09", "\n": "%0A"}
_WORD = re.compile(r"(?<![\\\w])[^\W_]+")
"""A word of escaped text: letters and digits not preceded by a backslash (not a command name)."""
_AND = re.compile(r"\sand\s", re.I)


def latex_escape(text: str) -> str:
    """``text`` as LaTeX that prints it literally and keeps BibTeX's braces balanced."""
    return _ESCAPE_RE.sub(lambda m: LATEX_ESCAPES[m.group()], clean_text(text))


def latex_unescape(text: str) -> str:
    """Reverse ``latex_escape``; grouping braces (``{ITP}``, ``{World Health Organization}``) are dropped."""
    return _UNESCAPE_RE.sub(lambda m: _UNESCAPE.get(m.group(), ""), text)


def protect_case(escaped: str) -> str:
    """Brace the words of an escaped title that have a capital after their first letter (``{ITP}``,
    ``{IgG}``, ``{McMillan}``), so that a style that lowercases titles keeps them."""

    def protect(m: re.Match[str]) -> str:
        word = m.group()
        return "{" + word + "}" if any(c.isupper() for c in word[1:]) else word

    return _WORD.sub(protect, escaped)


def _braced(text: str) -> str:
    return "{" + text + "}"


def _name_part(text: str) -> str:
    """One part of a name, escaped, braced when BibTeX would otherwise split it (a comma, an ``and``) or
    when it starts with a command (bibtexparser 2.1 drops a backslash that follows ``and``)."""
    escaped = latex_escape(text)
    needs_braces = "," in escaped or _AND.search(f" {escaped} ") or escaped.startswith("\\")
    return _braced(escaped) if needs_braces else escaped


def format_name(name: Name) -> str:
    """One author for BibTeX: ``Family, Given``; an organisation wholly braced."""
    if name.literal or not name.family:
        return _braced(latex_escape(name.literal or name.given))
    if not clean_text(name.given):
        return _name_part(name.family)
    return f"{_name_part(name.family)}, {_name_part(name.given)}"


def format_authors(names: Iterable[Name], et_al: bool = False) -> str:
    """The ``author`` field value: names joined with `` and `` (``and others`` for "et al.")."""
    parts = [format_name(n) for n in names if clean_text(n.literal or n.family or n.given)]
    if et_al and parts:
        parts.append("others")
    return " and ".join(parts)


def format_pages(pages: str) -> str:
    """A page range with ``--``, an abbreviated end page completed (``2858-66`` -> ``2858--2866``)."""
    pages_range = page_range(pages)
    if pages_range is None:
        return latex_escape(pages)
    return "--".join(pages_range)


def format_identifier(value: str) -> str:
    """A DOI or URL as biblatex reads it verbatim: braces, backslashes and whitespace percent-encoded."""
    return "".join(_URL_ESCAPES.get(c, c) for c in value.strip())


def entry_type(work: ExportWork) -> str:
    """The BibTeX entry type for the work's CSL type."""
    return ENTRY_TYPES.get(work.type, "misc")


def to_entry(work: ExportWork, key: str) -> model.Entry:
    """One work as a bibtexparser ``Entry`` whose field values are ready to write (braced or macros)."""
    kind = entry_type(work)
    fields: list[tuple[str, str]] = []

    def text(name: str, value: str) -> None:
        if clean_text(value):
            fields.append((name, _braced(latex_escape(value))))

    authors = format_authors(work.authors, work.et_al)
    if authors:
        fields.append(("author", _braced(authors)))
    if clean_text(work.title):
        fields.append(("title", _braced(protect_case(latex_escape(work.title)))))
    text(CONTAINER_FIELD[kind], work.container)
    if kind == "article":
        text("shortjournal", work.container_short)
    if work.year is not None:
        fields.append(("year", _braced(str(work.year))))
    if work.month is not None:
        fields.append(("month", MONTHS[work.month - 1]))
    text("volume", work.volume)
    text("number", work.issue)
    if clean_text(work.pages):
        fields.append(("pages", _braced(format_pages(work.pages))))
    if work.doi.strip():
        fields.append(("doi", _braced(format_identifier(work.doi))))
    text("pmid", work.pmid)
    if work.url.strip():
        fields.append(("url", _braced(format_identifier(work.url))))
    if work.hal_id.strip():
        fields.append(("eprint", _braced(format_identifier(work.hal_id))))
        fields.append(("eprinttype", "{HAL}"))
    if work.related:  # biblatex: the article a notice concerns, or the notices of an article
        fields.append(("related", _braced(",".join(r.key for r in work.related))))
        relatedtype = work.related[0].kind if work.related[0].is_notice else "notices"
        fields.append(("relatedtype", _braced(relatedtype)))
    return model.Entry(kind, key, [model.Field(k, v) for k, v in fields])


def to_bibtex(works: Iterable[ExportWork]) -> str:
    """The works as one UTF-8 BibTeX string, in the given order, with keys unique within it."""
    works = list(works)
    keys = unique_keys(works)
    library = bibtexparser.Library([to_entry(w, keys[w.id]) for w in works])
    fmt = bibtexparser.BibtexFormat()
    fmt.indent = "  "
    fmt.block_separator = "\n"
    return bibtexparser.write_string(library, unparse_stack=[], bibtex_format=fmt)

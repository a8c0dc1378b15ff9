"""Records as a benchmark's BibTeX gives them: the databases' exports flattened through a reference manager.

A deduplication benchmark hands the tool one ``records.bib``: every database's records imported into a
reference manager and exported as BibTeX, each entry with only ``author``, ``title``, ``journal``, ``year``,
``volume``, ``number``, ``pages``, ``doi`` (and ``abstract``, ``booktitle``, ``isbn``, ``editor``,
``publisher`` where the record has them), the entry type ``@article`` unless the record has a booktitle.
What the databases' own exports carry besides (the record type: MEDLINE ``PT``, Embase ``M3``, WoS ``DT``;
the online date, ISSN, accession numbers, PMID, URL) is gone. :func:`as_bib` writes records that way, after
their own reader, as one BibTeX text, and reads it back with the BibTeX reader of ``kb dedupe``: the probe
(``tests/dedupe_probe.py``) then weighs the pair the benchmark's route gives the engine.

Names are written as a reference manager writes them ("Family, Given and Family, Given", a group in
braces, "and others" for "et al."); an Embase author list the reader could not split ("Beresneva
O.Kulikov A.Parastaeva M.") is written as Embase glued it. Journal, volume, issue and pages are kept as the
reader gave them: Embase's "Blood. Conference: <meeting>", a volume "Conference: <meeting>. 136", an
issue "Supplement 1" or "1)".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kb.ingest.bibtex import read_bibtex_string
from kb.model import EXTRA_BOOKTITLE, Name, Record

_KEPT_EXTRA = ("abstract", EXTRA_BOOKTITLE, "isbn", "editor", "publisher")
"""The fields of a benchmark's entry beyond the reference's own (``extra`` keys of the readers)."""
_GLUED_RE = re.compile(r"[A-Z]\.\s?[A-Z][a-z]")
"""A family name holding the next author ("Beresneva O.Kulikov"): a list the reader could not split."""
_ESCAPE = {"&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_", "$": r"\$"}


def _value(text: str) -> str:
    """``text`` as a reference manager writes a BibTeX value: braces and backslashes dropped, the
    characters LaTeX reserves escaped."""
    text = text.replace("{", "").replace("}", "").replace("\\", "")
    return "".join(_ESCAPE.get(c, c) for c in text)


def _name(n: Name) -> str:
    whole = n.literal or f"{n.family} {n.given}".strip()
    if _GLUED_RE.search(n.literal or n.family):
        return _value(whole)  # the list as Embase glued it
    if n.literal:
        return "others" if n.literal == "et al." else f"{{{_value(n.literal)}}}"  # a group in braces
    return f"{_value(n.family)}, {_value(n.given)}" if n.given else _value(n.family)


def bib_entry(record: Record) -> str:
    """``record`` as one BibTeX entry of a benchmark's ``records.bib`` (key = the record's id)."""
    ref = record.reference
    names = [_name(n) for n in ref.authors] + (["others"] if ref.et_al else [])
    fields = [("author", " and ".join(dict.fromkeys(names)))]  # the names are written already
    fields += [(key, _value(value)) for key, value in (
        ("title", ref.title), ("journal", ref.journal), ("year", ref.year), ("volume", ref.volume),
        ("number", ref.issue), ("pages", ref.pages), ("doi", ref.doi),
        *((key, record.extra.get(key, "")) for key in _KEPT_EXTRA))]  # fmt: skip
    body = ",\n".join(f"  {key} = {{{value}}}" for key, value in fields if value.strip())
    kind = "inproceedings" if record.extra.get(EXTRA_BOOKTITLE) else "article"
    return f"@{kind}{{{record.id},\n{body}\n}}\n"


def as_bib(records: Sequence[Record]) -> list[Record]:
    """``records`` written as one BibTeX file (:func:`bib_entry`, ids kept) and read back by the BibTeX
    reader, in their order."""
    read = read_bibtex_string("\n".join(bib_entry(r) for r in records))
    assert not read.problems and len(read.records) == len(records), read.problems
    return read.records

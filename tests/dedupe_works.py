"""The works the deduplication probes render: clean journal articles of the project's labelled references.

Works are the labelled journal references of ``data/refparse/refparse.jsonl`` (the parser's training
data, in the repository), each with its true fields (:class:`Work`) and a DOI made for it. A work can be
turned into a meeting abstract (:func:`as_abstract`) and its authors written with diacritics
(:func:`accented`). How a database writes the fields, and the noise on them, is ``tests/dedupe_fields.py``;
the databases' exports are ``tests/dedupe_exports.py``. The evaluation-only benchmark sets are never read.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from kb.model import Name
from kb.normalise.name_lists import split_authors

DATA = Path(__file__).resolve().parents[1] / "data" / "refparse" / "refparse.jsonl"
_YEAR_RE = re.compile(r"\b(19[6-9]\d|20[0-2]\d)\b")
_RANGE_RE = re.compile(r"^(\d{1,5})\s*[-–]+\s*(\d{1,5})$")
_MEETINGS = ("62nd ASH Annual Meeting and Exposition", "25th Congress of the European Hematology Association",
             "ISTH 2021 Congress", "Annual Scientific Meeting of the British Society for Haematology")  # fmt: skip


@dataclass(frozen=True)
class Work:
    """One work's true fields."""

    authors: tuple[Name, ...]
    title: str
    journal: str
    year: int
    volume: str
    issue: str
    pages: str
    doi: str = ""
    kind: str = "article"
    """``article`` or ``abstract`` (a meeting abstract in a supplement)."""
    meeting: str = ""
    article_number: bool = False
    """The pages are an article number ("e0123456" or "4821"), not a printed range."""
    abstract: str = ""
    """The work's abstract (``tests/dedupe_abstracts.py``), ``""``: none (the probe gives one to its works)."""

    @property
    def first_page(self) -> str:
        return re.split(r"[-–]", self.pages)[0].strip()

    @property
    def last_page(self) -> str:
        parts = re.split(r"[-–]", self.pages)
        return parts[1].strip() if len(parts) > 1 else ""


def _clean(text: str) -> str:
    return text.strip().strip(",.;:()\"'“”").strip()


def clean_articles(year_re: re.Pattern[str] = _YEAR_RE) -> Iterator[tuple[int, dict[str, Any]]]:
    """Clean journal articles of the labelled references, with their line number: a title of four words or
    more, two or more authors with family and given names, a journal, a year (``year_re``), a numeric
    volume and a page range. The fields are those of :class:`Work` (both generators of pairs use them)."""
    with DATA.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle):
            fields: dict[str, str] = {}
            for label, text in json.loads(line)["segments"]:
                fields[label] = f"{fields.get(label, '')} {text}"
            title, journal = _clean(fields.get("title", "")), _clean(fields.get("journal", ""))
            volume, pages = _clean(fields.get("volume", "")), _clean(fields.get("pages", ""))
            year = year_re.search(fields.get("date", ""))
            names = tuple(n for n in split_authors(_clean(fields.get("author", "")))[0] if n.family)
            if (
                len(title.split()) >= 4
                and re.fullmatch(r"[A-Za-z][A-Za-z .&-]{3,}", journal)
                and not re.search(r"conf|congr|meet|symp|proc|abstr", journal, re.IGNORECASE)
                and year
                and volume.isdigit()
                and _RANGE_RE.match(pages)
                and len(names) >= 2
                and all(
                    re.fullmatch(r"[A-Z][a-z'-]+(?: [A-Z][a-z'-]+)?", n.family) and n.given for n in names
                )
            ):
                issue = _clean(fields.get("issue", ""))
                yield number, {"authors": names, "title": title, "journal": journal, "year": int(year.group(1)),
                               "volume": volume, "issue": issue if issue.isdigit() else "", "pages": pages}  # fmt: skip


@cache
def load_works() -> tuple[Work, ...]:
    """The clean articles (:func:`clean_articles`), each with a DOI made for it (the references rarely
    carry one)."""
    return tuple(
        Work(**fields, doi=f"10.{1000 + number % 8000}/j.x{number:06d}.{fields['year']}")
        for number, fields in clean_articles()
    )


def as_abstract(w: Work, r: random.Random) -> Work:
    """``w`` as a meeting abstract: one page in a supplement of its journal, the meeting named."""
    return replace(w, kind="abstract", pages=w.first_page, issue="", meeting=r.choice(_MEETINGS))


_ACCENTED = {"a": "ä", "o": "ö", "u": "ü", "e": "é"}


def accented(name: Name) -> Name:
    """``name`` with diacritics on its family name's first vowels (Muller -> Müller, Soren -> Sören), as
    the author writes it."""
    family = name.family
    for i, c in enumerate(family[1:], 1):
        if c in _ACCENTED and family[i + 1 : i + 2] != "e":  # "oe" is already a transliteration
            family = family[:i] + _ACCENTED[c] + family[i + 1 :]
            break
    return replace(name, family=family)

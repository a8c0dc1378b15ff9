"""Dates: year, month and day read from the English and French forms reference lists use.

Forms read: month names and abbreviations in English and French ("oct", "25 janv", "juill", "déc",
"févr", "août", "March 5, 2019", "2019 Mar 5", "Epub 2019 Mar 5", "1er janvier 2020"), seasons
("Spring 2019": the season is kept, no month is guessed), ISO dates ("2019-03-05", "2019-03") and
numeric dates ("02.09.2021", "02/09/2021"). A numeric date is read day-first when the document
language is French; in an English document it is read month-first only when one of the two numbers
cannot be a month, and otherwise reported as ``ambiguous_date`` with the year kept alone.

``parse_date`` returns ``DateParts`` (numbers, ``None`` when absent) and findings; ``format_date``
writes them back as ISO text ("2019-03-05", "2019-03", "2019"), which ``parse_date`` reads back to
the same parts.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from unidecode import unidecode

from kb.model import Problem
from kb.normalise.findings import AMBIGUOUS_DATE, INVALID_DATE, UNPARSED_DATE, finding
from kb.patterns import MONTH_VARIANTS, fold
from kb.patterns import MONTHS as PROJECT_MONTHS

MIN_YEAR = 1500
MAX_YEAR = 2100

MONTHS: dict[str, int] = {fold(name): n for name, n in {**PROJECT_MONTHS, **MONTH_VARIANTS}.items()}
"""Month names and abbreviations, accent-folded and lower-case, to their number: the project's
(:data:`kb.patterns.MONTHS`, :data:`kb.patterns.MONTH_VARIANTS`)."""

SEASONS: dict[str, str] = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter",
    "printemps": "spring", "ete": "summer", "automne": "autumn", "hiver": "winter",
}  # fmt: skip
"""Season words (English and French, accent-folded) to the English season."""

PARSER_DATE_ORDER = "fr"
"""The language the reference parsers read a numeric date in ("02.09.2021" is 2 September): they do
not know the document's language, and reference lists write dates day-first."""

_NOISE = re.compile(r"\b(?:epub(?: ahead of print)?|published(?: online)?|online|le|the|of|de|du|en)\b")
_ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")
_NUMERIC = re.compile(r"\b(\d{1,2})[./-](\d{1,2})[./-](\d{4})\b")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_TOKEN = re.compile(r"[a-z]+|\d+")
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True)
class DateParts:
    """A date as far as it is known: year, month (1-12) and day (1-31), ``None`` when absent."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str = ""

    @property
    def is_empty(self) -> bool:
        """Whether nothing at all is known."""
        return self.year is None and self.month is None and self.day is None and not self.season


def parse_date(text: str, language: str = "en") -> tuple[DateParts, list[Problem]]:
    """Read year, month and day from ``text``; ``language`` ("en", "fr") decides "02.09.2021".

    Never raises; what cannot be read is reported (``unparsed_date``, ``ambiguous_date``,
    ``invalid_date``) and left out.
    """
    raw = text
    folded = unidecode(text).lower().strip().strip(".,;:()[]")
    if not folded:
        return DateParts(), []
    iso = _ISO.match(folded)
    if iso:
        return _checked(raw, _int(iso.group(1)), _int(iso.group(2)), _int(iso.group(3)), "", [])
    findings: list[Problem] = []
    numeric = _NUMERIC.search(folded)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        day, month, findings = _order_numeric(raw, first, second, language)
        return _checked(raw, year, month, day, "", findings)
    folded = _NOISE.sub(" ", folded.replace("1er", "1"))
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season = ""
    words: list[str] = []  # month words and day-sized numbers, in order (years left out)
    at = -1  # where the month word is in ``words``
    for token in _TOKEN.findall(folded):
        if token.isdecimal():
            if len(token) == 4 and year is None:
                year = int(token)
            elif len(token) <= 2:
                words.append(token)
            continue
        if token in _ORDINAL_SUFFIXES:  # "5th March": the day stays next to its month
            continue
        words.append(token)
        if token in MONTHS and month is None:
            month, at = MONTHS[token], len(words) - 1
        elif token in SEASONS and not season:
            season = SEASONS[token]
    if month is not None:
        day = _day_beside(words, at)
    if year is None and month is None and not season:
        return DateParts(), [finding(UNPARSED_DATE, "date", f"no date could be read in {raw!r}", raw)]
    return _checked(raw, year, month, day, season, findings)


def format_date(parts: DateParts) -> str:
    """ISO text for ``parts``: "2019-03-05", "2019-03", "2019", or "2019 spring"; "" when empty."""
    if parts.year is None:
        if parts.month is None:
            return parts.season
        month = MONTH_NAMES[parts.month - 1]
        return f"{parts.day} {month}" if parts.day else month
    text = f"{parts.year:04d}"
    if parts.month is not None:
        text += f"-{parts.month:02d}"
        if parts.day is not None:
            text += f"-{parts.day:02d}"
    elif parts.season:
        text += f" {parts.season}"
    return text


MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
"""English month abbreviations, to write a date that has no year."""


def _order_numeric(raw: str, first: int, second: int, language: str) -> tuple[int, int, list[Problem]]:
    """Day and month of a numeric date "first.second.year", by language and plausibility."""
    if language.lower().startswith("fr") or first > 12 >= second:
        return first, second, []
    if second > 12 >= first:
        return second, first, []
    if first == second:
        return first, second, []
    message = f"{raw!r}: day and month cannot be told apart in a {language!r} document; year kept"
    return 0, 0, [finding(AMBIGUOUS_DATE, "date", message, raw)]


def _checked(
    raw: str, year: int | None, month: int | None, day: int | None, season: str, findings: list[Problem]
) -> tuple[DateParts, list[Problem]]:
    """``DateParts`` with impossible values dropped and reported."""
    findings = list(findings)
    month = month or None
    day = day or None
    if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
        findings.append(finding(INVALID_DATE, "date", f"year {year} out of range in {raw!r}", raw))
        year = None
    if month is not None and not 1 <= month <= 12:
        findings.append(finding(INVALID_DATE, "date", f"month {month} out of range in {raw!r}", raw))
        month, day = None, None
    if day is not None and month is not None:
        last = calendar.monthrange(year if year is not None else 2000, month)[1]
        if not 1 <= day <= last:
            findings.append(finding(INVALID_DATE, "date", f"day {day} out of range in {raw!r}", raw))
            day = None
    if month is None:
        day = None
    if year is None and month is None and not season:
        findings.append(finding(UNPARSED_DATE, "date", f"no date could be read in {raw!r}", raw))
    return DateParts(year, month, day, season if month is None else ""), findings


def _day_beside(words: list[str], at: int) -> int | None:
    """The day written next to the month word ``words[at]`` ("5 mar", "mar 5"), not one of another
    date of the same text ("2018 Jul; 2018 Apr 13" is July)."""
    for j in (at - 1, at + 1):
        if 0 <= j < len(words) and words[j].isdecimal() and 1 <= int(words[j]) <= 31:
            return int(words[j])
    return None


def _int(group: str | None) -> int | None:
    """A regex group as an int, or None."""
    return int(group) if group else None

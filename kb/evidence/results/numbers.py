"""Numbers as trial reports write them: signs, decimal points and commas, middle dots, words; time units.

``NUMBER_RE`` finds one number token (optional sign, digits with a decimal point, middle dot or decimal
comma, or thousands commas; a leading-dot ``.001`` as in ``P=.001``); :func:`parse_number` turns its text
into a float. Signs are read only where a sign can stand (after a space, a bracket or a separator), so the
hyphen of ``IL-6`` or of a range ``13–74`` is never a minus. :func:`words_to_int` reads numbers written in
English or French words ("Fifty-nine", "One hundred and twenty", "quarante-trois").
"""

from __future__ import annotations

import re
from functools import lru_cache

MINUS_SIGNS = "-\u2212\u2013\u2012\u2010"
"""Hyphen, unicode minus, en dash, figure dash, hyphen: all read as a minus where a sign can stand."""
NUM_LEAD = rf"[{MINUS_SIGNS}\d.\u00b7+]"
"""The characters a number (with its sign) can start with: the look-ahead of number-led patterns."""


def lead(first: str, pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled behind the one-character look-ahead ``first`` (a character class).

    The look-ahead lets the regex engine skip, in C, every position whose character cannot start a match;
    without it each alternative of a long pattern is tried at every character of the text (3 to 10 times
    slower on abstracts). ``first`` must allow every character a match can start with.
    """
    if pattern.startswith("(?i)"):
        pattern, flags = pattern[4:], flags | re.IGNORECASE
    return re.compile(f"(?={first})(?:{pattern})", flags)


_CASE_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""The letters other than the upper case that Python's ``re`` matches case-insensitively to these."""


def initials(*alternatives: str) -> str:
    """Case-insensitive alternatives that each start with a lower-case letter, as one faster alternation.

    ``initials("at", "after", "by")`` gives ``[aA](?i:t|fter)|[bB](?i:y)``, which matches what
    ``(?i:at|after|by)`` matches, in the same order of preference: two alternatives with different first
    letters never match at one place. The engine skips a group after one test of its first letter, where
    it would otherwise try each case-insensitive alternative in turn. Use it outside any ``(?i)`` scope:
    inside one the first letter's class is case-insensitive too and the skip is lost.
    """
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(
        f"[{first}{first.upper()}{_CASE_FOLDS.get(first, '')}](?i:{'|'.join(rests)})"
        for first, rests in groups.items()
    )


NUMBER_RE = lead(
    NUM_LEAD,
    r"(?<![\w\u00b7])(?<!\d\.)"
    rf"(?:(?P<sign>(?<![\w)\]%\u00b7.])[{MINUS_SIGNS}+]))?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?![\d,]|\.\d)"
    r"|\d+(?:[.\u00b7]\d+|,\d{1,2}(?!\d|,\d)|,\d{4,})?"
    r"|[.\u00b7]\d+)"
    r"(?![\w\u00b7]|\.\d)",
)
"""One number token. Groups: ``sign`` (may be absent) and ``num``."""

NUMBER_WORDS = (
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
    *("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty"),
    *("forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "un", "une", "deux", "trois"),
    *("quatre", "cinq", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze"),
    *("seize", "vingts?", "trente", "quarante", "cinquante", "soixante", "cents?"),
)
"""The words of a number in words after its first word (which may also be "zero"), in order of preference."""
WORD_NUMBER_RE = lead(
    "[zotfsenhudcqvZOTFSENHUDCQV\u017f]",  # the long s: what "s" also matches case-insensitively
    rf"\b(?P<words>(?:{initials('zero', *NUMBER_WORDS)})"
    rf"(?i:(?:[\s\-]+(?:and[\s\-]+|et[\s\-]+)?)(?:{'|'.join(NUMBER_WORDS)})){{0,4}})\b",
)
"""A number written in words (English or French), up to five words."""

_UNITS = {
    "zero": 0,
    "one": 1,
    "un": 1,
    "une": 1,
    "two": 2,
    "deux": 2,
    "three": 3,
    "trois": 3,
    "four": 4,
    "quatre": 4,
    "five": 5,
    "cinq": 5,
    "six": 6,
    "seven": 7,
    "sept": 7,
    "eight": 8,
    "huit": 8,
    "nine": 9,
    "neuf": 9,
    "ten": 10,
    "dix": 10,
    "eleven": 11,
    "onze": 11,
    "twelve": 12,
    "douze": 12,
    "thirteen": 13,
    "treize": 13,
    "fourteen": 14,
    "quatorze": 14,
    "fifteen": 15,
    "quinze": 15,
    "sixteen": 16,
    "seize": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "vingt": 20,
    "vingts": 20,
    "thirty": 30,
    "trente": 30,
    "forty": 40,
    "quarante": 40,
    "fifty": 50,
    "cinquante": 50,
    "sixty": 60,
    "soixante": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "cent": 100,
    "cents": 100,  # "trois cents": French writes the plural of a round hundred
}
NUMBER_WORDS = dict(_UNITS)
"""Word -> value for the number words :func:`words_to_int` reads."""


_SPACES_RE = re.compile("[ \u00a0\u202f\u2009]")
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+")


@lru_cache(maxsize=16384)
def parse_number(text: str) -> float | None:
    """The value of a number as written: ``"0·31"`` 0.31, ``"−0.28"`` -0.28, ``"20,879"`` 20879.

    Cached: the same few thousand number texts come back in every abstract (a fifth of the calls of
    ``kb results`` are repeats within one sentence's stages).
    """
    s = _SPACES_RE.sub("", text.strip().replace("\u00b7", "."))
    if not s:
        return None
    sign = 1.0
    if s[0] in MINUS_SIGNS:
        sign, s = -1.0, s[1:]
    elif s[0] == "+":
        s = s[1:]
    thousands = _THOUSANDS_RE.fullmatch(s) is not None
    s = s.replace(",", "") if thousands else s.replace(",", ".")
    try:
        return sign * float(s)
    except ValueError:
        return None


def words_to_int(words: str) -> int | None:
    """A number written in English or French words ("Cinquante", "One hundred and twenty")."""
    total = 0
    current = 0
    parts = [p for p in re.split(r"[\s\-]+", words.lower()) if p and p not in {"et", "and"}]
    if not parts:
        return None
    for part in parts:
        value = NUMBER_WORDS.get(part)
        if value is None:
            return None
        if value == 100:
            current = (current or 1) * 100
        elif value == 20 and part.startswith("vingt") and current % 100 == 4:
            current = current - 4 + 80  # "quatre-vingt(s)": 80
        else:
            current += value
    total += current
    return total


def time_unit(word: str) -> str:
    """A time unit's canonical plural ("mo" -> "months", "semaines" -> "weeks")."""
    w = word.lower()
    for prefix, unit in TIME_UNIT_NAMES:
        if w == prefix or (len(prefix) > 2 and w.startswith(prefix)):
            return unit
    return w


TIME_UNIT_NAMES = (
    ("h", "hours"),
    ("hr", "hours"),
    ("hrs", "hours"),
    ("hour", "hours"),
    ("heure", "hours"),
    ("min", "minutes"),
    ("s", "seconds"),
    ("sec", "seconds"),
    ("d", "days"),
    ("day", "days"),
    ("jour", "days"),
    ("wk", "weeks"),
    ("week", "weeks"),
    ("semaine", "weeks"),
    ("mo", "months"),
    ("month", "months"),
    ("mois", "months"),
    ("y", "years"),
    ("yr", "years"),
    ("year", "years"),
    ("an", "years"),
    ("ann", "years"),
)

"""Text folding and fast term matching for the evidence vocabularies.

Two views of a text are matched, both with the same length and an offset map back to the original:
``cased`` (accents folded, case kept: for case-sensitive abbreviations) and ``lower`` (accents folded,
lower-cased: for terms and cues). Terms are matched by a token n-gram dictionary (leftmost-longest, one
pass, built once per vocabulary), abbreviations by one compiled alternation, cues by small compiled
regular expressions. Nothing here knows about concept kinds or roles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from kb.patterns import fold_char

_SPECIAL = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2212": "-",
    "\u00a0": " ",
}
"""Typographic quotes, dashes and spaces folded to their ASCII forms (letters fold by ``kb.patterns``)."""

TOKEN_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class FoldedText:
    """A text with its accent-folded views; ``index[i]`` is the original offset of folded char ``i``."""

    original: str
    cased: str
    lower: str
    index: tuple[int, ...] | None  # None: identity map (pure ASCII input)

    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Word tokens of ``lower`` as ``(start, end, key)`` (key: plural ``s`` dropped), computed once."""
        return [
            (m.start(), m.end(), t[:-1] if len(t) > 3 and t[-1] == "s" else t)
            for m in TOKEN_RE.finditer(self.lower)
            for t in (m.group(),)
        ]

    @cached_property
    def keys(self) -> list[str]:
        """The keys of :attr:`tokens` alone, in order."""
        return [key for _, _, key in self.tokens]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a folded ``[start, end)`` span to original offsets."""
        if self.index is None:
            return start, end
        if start >= len(self.index):
            return len(self.original), len(self.original)
        o_start = self.index[start]
        o_end = self.index[end - 1] + 1 if end > start else o_start
        return o_start, o_end


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    special = _SPECIAL.get(ch)
    return special if special is not None else fold_char(ch)


def fold(text: str) -> FoldedText:
    """Fold accents (the project's one accent folding, ``kb.patterns.fold_char``, case kept), typographic
    quotes and dashes; keep an offset map."""
    if text.isascii():
        return FoldedText(text, text, text.lower(), None)
    table = {ord(ch): _fold_char(ch) for ch in set(text) if not ch.isascii()}
    if "\u03a3" not in text and all(len(v) == 1 for v in table.values()):
        # every character folds to one: the offsets do not move and str.translate does it in C
        cased = text.translate(table)
        lower = cased.lower()
        if len(lower) == len(cased):
            return FoldedText(text, cased, lower, None)
    parts: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        parts.append(folded)
        index.extend([i] * len(folded))
    cased = "".join(parts)
    lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in cased)
    return FoldedText(text, cased, lower, tuple(index))


def fold_lower(text: str) -> str:
    """The lower-cased folded form of ``text`` (used for vocabulary terms and cue words)."""
    return fold(text).lower


def norm_token(token: str) -> str:
    """Token key used on both sides of term matching: a trailing plural ``s`` is dropped (written out
    again in :attr:`FoldedText.tokens`, which makes it for every word of every text)."""
    return token[:-1] if len(token) > 3 and token.endswith("s") else token


def term_key(term: str) -> tuple[str, ...]:
    """The token-key tuple of a vocabulary term."""
    return tuple(norm_token(t) for t in TOKEN_RE.findall(fold_lower(term)))


def cue_regex(cues: Iterable[str], *, whole_compound: bool = False) -> re.Pattern[str] | None:
    """Compile cue words (folded, whole words; trailing ``*``: prefix; ``re:``: raw regex) into one regex.

    ``whole_compound``: a cue must not be the first part of a hyphenated compound ("contre" does not match
    "contre-indications").
    """
    return _cue_regex(tuple(cues), whole_compound)


@lru_cache(maxsize=1024)
def _cue_regex(cues: tuple[str, ...], whole_compound: bool) -> re.Pattern[str] | None:
    parts = _cue_parts(cues, whole_compound)
    return re.compile(_alternation(parts)) if parts else None


def _cue_parts(cues: tuple[str, ...], whole_compound: bool) -> list[tuple[str, str]]:
    """Each cue's pattern as (first character, rest), or ("", pattern) when it starts otherwise."""
    parts: list[tuple[str, str]] = []  # (first character, or "" for a part that starts otherwise; the rest)
    for cue in sorted(set(cues), key=lambda cue: (-len(cue), cue)):  # longest first; ties in text order
        if cue.startswith("re:"):
            parts.append(("", f"(?:{cue[3:]})"))
            continue
        text = fold_lower(cue)
        prefix = text.endswith("*")
        text = text.rstrip("*").strip()
        if not text:
            continue
        pieces = [re.escape(p) for p in re.split(r"[\s\-]+", text) if p]
        body = r"[\s\-]*".join(pieces)
        if prefix:
            body += r"[a-z0-9]*"
        end = r"(?![a-z0-9]|-[a-z])" if whole_compound else r"(?![a-z0-9])"
        tail = end if text[-1].isalnum() else ""
        if text[0].isalnum():
            # "no letter or digit before the cue", checked after its first character: every alternative
            # then starts with a literal, so the engine skips, in C, the positions no cue starts at
            parts.append((body[0], body[1:] + tail))
        else:
            parts.append(("", body + tail))
    return parts


def _alternation(parts: list[tuple[str, str]]) -> str:
    """The cues as one alternation, grouped by first character when every cue starts with a letter or digit.

    "a(?<![a-z0-9]a)(?:fter failed|fter prior)|p(?<![a-z0-9]p)(?:revious)" matches what the flat
    alternation of the same cues matches, in the same order of preference (two cues with different first
    characters never match at the same place), but the engine compares one character per group instead of
    one per cue at each place a cue may start.
    """
    if any(not first for first, _ in parts):
        return "|".join(f"{first}(?<![a-z0-9]{first}){rest}" if first else rest for first, rest in parts)
    groups: dict[str, list[str]] = {}
    for first, rest in parts:
        groups.setdefault(first, []).append(rest)
    return "|".join(f"{first}(?<![a-z0-9]{first})(?:{'|'.join(rests)})" for first, rests in groups.items())


@dataclass(frozen=True)
class RawHit:
    """A match in folded coordinates: ``payload`` is what the matcher was built with for that term."""

    start: int
    end: int
    payload: object
    cased: bool


class TermMatcher:
    """Leftmost-longest matcher of token n-grams plus case-sensitive forms and raw regexes.

    Built once from ``(term, payload)``, ``(form, payload)`` and ``(regex, payload)`` lists; ``find`` is one
    pass over the tokens plus one ``finditer`` per compiled alternation.
    """

    def __init__(
        self,
        terms: Sequence[tuple[str, object]],
        forms: Sequence[tuple[str, object]] = (),
        regexes: Sequence[tuple[str, object]] = (),
    ) -> None:
        self._terms: dict[tuple[str, ...], object] = {}
        self._prefixes: set[tuple[str, ...]] = set()
        self._max = 0
        for term, payload in terms:
            key = term_key(term)
            if not key:
                continue
            self._terms.setdefault(key, payload)
            self._max = max(self._max, len(key))
            for n in range(1, len(key) + 1):
                self._prefixes.add(key[:n])
        self._firsts = {key[0] for key in self._prefixes}
        self._forms: dict[str, object] = {}
        for form, payload in forms:
            self._forms.setdefault(fold(form).cased, payload)
        alternation = "|".join(re.escape(f) for f in sorted(self._forms, key=len, reverse=True))
        first = "".join(sorted({re.escape(f[0]) for f in self._forms}))
        self._form_re = (
            re.compile(rf"(?=[{first}])(?<![A-Za-z0-9])(?:{alternation})(?![A-Za-z0-9])")
            if alternation
            else None
        )
        self._regexes = [(re.compile(rx), payload) for rx, payload in regexes]

    def find(self, text: FoldedText) -> list[RawHit]:
        """All non-overlapping hits, leftmost-longest, sorted by start."""
        hits: list[RawHit] = []
        tokens, keys, terms, prefixes = text.tokens, text.keys, self._terms, self._prefixes
        firsts, count = self._firsts, len(keys)
        end = 0  # tokens before ``end`` are inside a hit already
        for i in [i for i, k in enumerate(keys) if k in firsts]:  # the positions where a term may start
            if i < end:
                continue
            best: tuple[int, object] | None = None
            key: tuple[str, ...] = ()
            for n in range(1, min(self._max, count - i) + 1):
                key = (*key, keys[i + n - 1])
                if key not in prefixes:
                    break
                if key in terms:
                    best = (n, terms[key])
            if best is not None:
                n, payload = best
                hits.append(RawHit(tokens[i][0], tokens[i + n - 1][1], payload, False))
                end = i + n
        if self._form_re is not None:
            hits.extend(
                RawHit(m.start(), m.end(), self._forms[m.group()], True)
                for m in self._form_re.finditer(text.cased)
            )
        for rx, payload in self._regexes:
            hits.extend(RawHit(m.start(), m.end(), payload, False) for m in rx.finditer(text.lower))
        return _drop_overlaps(hits)


def _drop_overlaps(hits: list[RawHit]) -> list[RawHit]:
    """Leftmost-longest: a hit overlapping an earlier (or equally early, longer) hit is dropped."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[RawHit] = []
    last_end = -1
    for hit in hits:
        if hit.start >= last_end:
            kept.append(hit)
            last_end = hit.end
    return kept

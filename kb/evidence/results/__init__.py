"""Results of trial reports: every number a meta-analysis can use, from any text.

- :func:`extract_text` (``extract.py``): the results of one text, with offsets and sentences;
- :func:`extract_results`: the same over a file's lines (documents), with line numbers and vocabulary ids;
- :func:`results_for_text`: offsets, words and vocabulary ids, as ``kb results`` prints them.

Modules: ``numbers`` (tokens, words), ``sections`` (sections and sentences), ``triggers`` (cheap tests before
a pattern), the patterns by idea (``patterns`` shared pieces, ``effectpatterns`` names of estimates,
``countpatterns`` counted people, ``changepatterns`` changes, ``armpatterns`` arms, ``sizepatterns`` sample
sizes, ``checks`` small span patterns), ``spans`` (roles of numbers before any value), ``design`` (numbers of
the design: p, CIs, SDs, ranges, doses, thresholds), ``notvalues`` (numbers that are no value), ``counts``
(events and their denominators), ``sizes`` (sample sizes), ``baseline`` (numbers that describe the sample),
``tables`` (tables flattened into text), ``measure`` with ``unitcue`` and ``unnamed`` (which measure a value
has), ``extract`` (values), ``arms`` (values of two arms), ``concepts`` (arms, outcomes, vocabulary ids),
``report`` (what ``kb results`` prints), ``model`` (the type).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from kb.evidence.results.concepts import describe, link
from kb.evidence.results.extract import extract_text
from kb.evidence.results.model import MEASURE_N, MEASURE_P_ONLY, MEASURES, Result
from kb.evidence.results.numbers import NUMBER_WORDS, parse_number, words_to_int
from kb.evidence.results.sections import UNKNOWN
from kb.evidence.tagger import TagResult
from kb.evidence.vocab import Vocabulary, load_vocabulary

_NEWLINE = re.compile("\n")

__all__ = [
    "MEASURES",
    "NUMBER_WORDS",
    "Result",
    "extract_results",
    "extract_text",
    "parse_number",
    "results_for_text",
    "words_to_int",
]


def results_for_text(
    text: str,
    vocab: Vocabulary | None = None,
    *,
    assume_itp: bool = False,
    first_line: int = 1,
    tags: TagResult | None = None,
) -> list[Result]:
    """The results of ``text`` with their words (arm, comparator, outcome) and vocabulary ids.

    ``line`` counts from ``first_line`` (the file's line of the text's first character); ``tags`` are the
    tagger's hits on ``text`` when the caller has them already.
    """
    vocab = vocab or load_vocabulary()
    found = [describe(text, r) for r in extract_text(text)]
    found = link(text, found, vocab, assume_itp=assume_itp, tags=tags)
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    return [r.evolve(line=first_line - 1 + bisect.bisect_right(starts, r.start)) for r in found]


def extract_results(
    lines: Sequence[str], start_line: int = 1, vocab: Vocabulary | None = None, *, assume_itp: bool = False
) -> list[Result]:
    """The results of a file's ``lines`` (the first is line ``start_line``), each with its line number.

    Blank lines and markdown emphasis are dropped before reading (a number split over a soft line break or a
    PDF's blank lines is still one number); the line reported is the file's line of the number. A document
    without section headings (a slide, a card) is not an abstract: there a value counts only when it is
    tied to an outcome of the vocabulary (sample sizes and p values always count).
    """
    parts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    offset = 0
    for i, line in enumerate(lines):
        clean = str(line).replace("**", "").replace("__", "").rstrip("\r")
        if not clean.strip():
            continue
        starts.append(offset)
        numbers.append(start_line + i)
        parts.append(clean)
        offset += len(clean) + 1
    text = "\n".join(parts)
    found = link(
        text,
        [describe(text, r) for r in extract_text(text)],
        vocab or load_vocabulary(),
        assume_itp=assume_itp,
    )
    if not starts:
        return []
    found = [
        r for r in found if r.section != UNKNOWN or r.outcome or r.measure in (MEASURE_N, MEASURE_P_ONLY)
    ]
    seen: set[tuple[object, ...]] = set()
    kept = []
    for r in found:  # a slide deck repeats its header slide: the same result once
        key = (r.measure, r.value, r.ci_low, r.ci_high, r.p, r.outcome, r.arm, r.timepoint, r.count, r.raw)
        if key not in seen:
            seen.add(key)
            kept.append(r)
    found = kept
    return [r.evolve(line=numbers[max(0, bisect.bisect_right(starts, r.start) - 1)]) for r in found]

"""The ISO 4 List of Title Word Abbreviations (LTWA) as the parser reads it: abbreviations, whole words and
word stems of journal titles.

:func:`ltwa` gives them from the compact copy shipped beside the model (:data:`LTWA_FILE`);
:func:`build_ltwa` reads them from the CSV shipped in ``pyiso4`` and :func:`write_ltwa` writes the compact
copy (``python -m kb.parse.train ltwa``). The token features (:mod:`kb.parse.features`), the journal
gazetteer and the boundary rules mark journal words with them.
"""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from pathlib import Path

from kb.patterns import fold


def _ltwa_path() -> Path | None:
    try:
        import pyiso4
    except ImportError:  # pragma: no cover - pyiso4 is a dependency
        return None
    found = sorted(Path(pyiso4.__file__).parent.glob("LTWA_*.csv"))
    return found[-1] if found else None


def build_ltwa() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The ISO 4 LTWA read from pyiso4's CSV as (abbreviations, whole words, word stems), folded to
    lower case (a third of a second: the parser reads the compact copy, :func:`ltwa`)."""
    abbrevs: set[str] = set()
    words: set[str] = set()
    stems: set[str] = set()
    path = _ltwa_path()
    if path is None:
        return frozenset(), frozenset(), frozenset()
    with path.open(encoding="utf-8") as fh:
        next(fh, None)
        for line in fh:
            word, _, rest = line.partition("\t")
            abbr = rest.partition("\t")[0].strip()
            if "(" in word:
                word = re.sub(r"\(.*?\)", "", word)
            word = word.strip()
            word = word.lower() if word.isascii() else fold(word)
            if word.startswith("-"):
                continue
            if word.endswith("-"):
                if len(word) > 4:
                    stems.add(word[:-1])
            elif " " not in word:
                words.add(word)
            if abbr and abbr not in ("n.a.", "n. a.", "n.a"):
                for a in abbr.split():
                    a = (a.lower() if a.isascii() else fold(a)).rstrip(".")
                    if len(a) > 1:
                        abbrevs.add(a)
    return frozenset(abbrevs), frozenset(words), frozenset(stems)


LTWA_FILE = Path(__file__).resolve().parent / "ltwa.txt.gz"
"""The compact copy of :func:`build_ltwa`: three sorted lists (abbreviations, words, stems) separated by
a blank line. A test checks it against the installed pyiso4; rebuild it with
``python -m kb.parse.train ltwa``."""


def write_ltwa(path: Path = LTWA_FILE) -> Path:
    """Write the compact copy of the LTWA (deterministic bytes: no time stamp in the gzip header)."""
    text = "\n\n".join("\n".join(sorted(part)) for part in build_ltwa()) + "\n"
    path.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
    return path


@lru_cache(maxsize=1)
def ltwa() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The ISO 4 LTWA as (abbreviations, whole words, word stems), folded to lower case: the compact
    copy shipped beside the model (``LTWA_FILE``), else pyiso4's CSV."""
    try:
        text = gzip.decompress(LTWA_FILE.read_bytes()).decode("utf-8")
    except OSError:
        return build_ltwa()
    abbrevs, words, stems = (frozenset(part.split("\n")) - {""} for part in text.split("\n\n"))
    return abbrevs, words, stems

"""The title/journal boundary after tagging, read with the journal vocabulary.

When a style puts no full stop between the title and the container title ("... in women Circulation.
1999;100", "... the human genome Genome Biol. 2009"), the CRF can start the journal too early (the end
of the title becomes the head of the journal) or too late (the journal's first abbreviations stay in
the title). A container title is made of journal words: the ISO 4 LTWA's words and abbreviations and
the curated spellings (``kb.parse.features``' ``jword``), joined by connectives ("of", "and", "de").
The rules here move the boundary to where that vocabulary says it is, and only when the token on the
other side cannot belong to a journal title.
"""

from __future__ import annotations

from collections.abc import Callable

from kb.parse.features import INITIALS_RE, ltwa
from kb.parse.gazetteer import CONNECTIVES, journal_runs

_Tagged = list[tuple[str, str, int, int]]
_BEFORE_JOURNAL = frozenset(["title", "author", "date"])
"""Labels that a journal's head moved out of it can join (the title) or follow (a title of its own)."""
_SENTENCE_END = (".", "?", "!", '."', ".”", "?”", '?"', ")")


def _run_start(tagged: _Tagged, a: int, b: int, info: Callable) -> int:
    """The first token of the journal-word tail of ``tagged[a..b]`` (``b + 1`` when it has none)."""
    k = b + 1
    for i in range(b, a - 1, -1):
        tok = tagged[i][0]
        inf = info(tok)
        if i < b and tok[-1:] in ",;:":
            break
        if i < b and tok.endswith(".") and not inf.jword:
            break
        if inf.jword:
            if i < b and tok.endswith(".") and _full_word(inf.key):
                break  # "Study. Arch Intern Med": a full word and a full stop end a field
            k = i
        elif inf.key not in CONNECTIVES or i == b:
            break
    return k


def _full_word(key: str) -> bool:
    abbrevs, words, _stems = ltwa()
    return key not in abbrevs and (key in words or len(key) > 5)


def _abbreviation(key: str) -> bool:
    abbrevs, words, _stems = ltwa()
    return key in abbrevs and key not in words


def _title_end(tok: str, key: str, jword: bool) -> bool:
    """Whether ``tok`` can end a title but not sit inside a journal title: a lower-case word that is
    not a connective ("women", "acidophilum"), a word with digits ("Yq11", "cdk2."), or a sentence's
    last word ("Club.", "(CHARG).", "Kinins.\"") that is not a journal abbreviation."""
    core = tok.strip("()[]\"'“”«».,;:!?")
    if not core:
        return False
    if core[0].islower() and core.isalpha() and len(core) > 2 and key not in CONNECTIVES:
        return not _abbreviation(key)  # "Hum exp Toxicol", "Münchner med. Wochenschr."
    if any(c.isdigit() for c in core) and any(c.isalpha() for c in core):
        return True
    if tok.endswith(_SENTENCE_END) and core.replace("-", "").isalpha() and len(core) >= 3:
        return not jword or _full_word(key)
    return False


def trim_journal_head(tagged: _Tagged, info: Callable) -> _Tagged:
    """Give the title back what the CRF put at the head of the journal.

    The journal run's tail of journal words ("Circulation.", "Postgrad Med J", "J Cell Biol") is the
    container title when the token before it is a title's end (:func:`_title_end`): "... death in women
    Circulation." and "The Journal Club. Postgrad Med J" keep "Circulation" and "Postgrad Med J" as the
    journal and the rest as the title. A journal that starts with a curated spelling is left alone.
    """
    a = next((i for i, t in enumerate(tagged) if t[1] == "journal"), -1)
    if a < 0 or (a > 0 and tagged[a - 1][1] not in _BEFORE_JOURNAL):
        return tagged
    b = a
    while b + 1 < len(tagged) and tagged[b + 1][1] == "journal":
        b += 1
    k = _run_start(tagged, a, b, info)
    if k <= a or k > b:
        return tagged
    prev = tagged[k - 1][0]
    pinf = info(prev)
    if not _title_end(prev, pinf.key, pinf.jword):
        return tagged
    if journal_runs([info(t[0]).key for t in tagged[a : b + 1]])[0] == "B":
        return tagged
    if any(INITIALS_RE.match(t[0]) for t in tagged[a:k]):
        return tagged  # "M. Choy. P T Peer-Rev J Formul Manag": a name, not a title's end
    for i in range(a, k):
        tok, _lab, s, e = tagged[i]
        tagged[i] = (tok, "title", s, e)
    return tagged

"""Author lists as the matcher compares them: the names a reader gave, re-read where a reader could not split.

A reader splits an author field by its format's separators. Some exports write what no separator splits:
Embase glues a list ("Beresneva O.Kulikov A.Parastaeva M."), writes one author "Family I." in one field,
and a list cut short ends in "et al." (alone, glued: "Liu H.et al.", or inside a family name). A reader
then gives one :class:`~kb.model.Name` that holds several names, a name and "et al.", or "et al." alone.
:func:`reread_authors` finds such names by a cheap test and re-reads their text with the one name splitter
(:func:`kb.normalise.name_lists.split_author_list`); every other name is kept as the reader gave it (the
splitter costs tens of microseconds a list, the test a fraction of one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kb.dedupe.folding import fold
from kb.model import Name
from kb.normalise.name_lists import split_author_list

_GLUED_RE = re.compile(r"\.[A-Z][a-z'’]")
"""A full stop glued to a capitalised word ("K.Burton", "K.O'Brien"): where Embase's list without separators
starts its next name."""
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?-?){1,4}$")
"""A word of initials ("AB", "A.B.", "J.-F"): "Family I." in one field ends with one."""
_ET_AL_RE = re.compile(r"(?:^|\s|(?<=\.))et\.?\s*al\b\.?\s*$", re.IGNORECASE)
"""A list cut short: "et al." ending a name, alone, after a space or glued to an initial's full stop."""

ORGANISATION_RE = re.compile(
    r"\b(?:group|groups|study|investigators|committee|society|consortium|collaborat\w*|association|organi[sz]ation|"
    r"trial|trialists|network|working|panel|task force|anonymous)\b",
    re.IGNORECASE,
)
"""An organisation, not a person: a group author ("ABC Study Group", "... Investigators", "Anonymous")."""
PLACEHOLDER_AUTHOR_RE = re.compile(
    r"^\W*(?:anonymous(?:\W+[a-z]\.?)?|anon|no authorship,? indicated|no authors? listed|"
    r"no author name available|authors? unknown|unknown|n/?a)\W*$",
    re.IGNORECASE,
)
"""What exports write for a missing author list (Ovid's "Anonymous", "[Anonymous] A", Embase's "No authorship,
indicated", PubMed's "[No authors listed]", Scopus's "[No author name available]", "NA"): no author, neither a
person nor a group, so two such records share no author and one of them is compared as a record without."""


def placeholder(name: Name) -> bool:
    """The name is a placeholder for a missing author list (:data:`PLACEHOLDER_AUTHOR_RE`)."""
    return bool(PLACEHOLDER_AUTHOR_RE.match(name.literal or f"{name.family} {name.given}".strip()))


def group_keys(names: Sequence[Name]) -> tuple[str, ...]:
    """The folded names of the group authors of ``names`` (MEDLINE's ``CN``, an Embase or Scopus author
    "ABC Study Group"): evidence of authorship like a person's name, never counted as a person."""
    texts = (n.literal or f"{n.family} {n.given}" for n in names if not placeholder(n))
    return tuple(fold(t) for t in texts if ORGANISATION_RE.search(t))


def _is_initials(text: str) -> bool:
    return bool(text) and all(_INITIALS_RE.match(w) for w in text.split())


def _needs_reading(name: Name, text: str) -> bool:
    """Whether ``name`` (written ``text``) may hold what one name cannot: "et al.", a glued list, or a
    family name with its initials in one field (word by word: linear in the length of any hostile field)."""
    if text.rstrip(". ")[-2:].lower() == "al" and _ET_AL_RE.search(text):  # alone, glued, after a name
        return True
    if "." in text and _GLUED_RE.search(text):
        return True
    if name.given and not name.literal:  # BibTeX's "First Last" reading of Vancouver's "Smith AB"
        return _is_initials(name.family) and not _is_initials(name.given) and " " not in name.given
    words = text.split()
    return len(words) >= 2 and bool(_INITIALS_RE.match(words[-1])) and not _INITIALS_RE.match(words[0])


def _as_written(name: Name) -> str:
    """The text a reader split into ``name``: the given names first when the family name is or ends in
    "et al." or is initials (BibTeX's "First Last" reading of "Liu H.et al." is given "Liu H.et", family
    "al."; of "Smith AB" given "Smith", family "AB"); else the family name first when the given names are
    initials or "et al." ("Beresneva O.Kulikov A.Parastaeva" + "M.", "Smith J" + "et al."); else the
    given names first."""
    if name.literal:
        return name.literal
    family, given = name.family, name.given
    last = family.rsplit(None, 1)[-1].rstrip(".").lower() if family else ""
    initials_last = _is_initials(given) or given.lower().startswith("et al")
    if last != "al" and not _is_initials(family) and initials_last:
        return f"{family} {given}".strip()
    return f"{given} {family}".strip()


def _suspect(name: Name) -> bool:
    """A cheap first test (no pattern for most names): whether ``name`` may need :func:`_needs_reading`."""
    family, given = name.family, name.given
    if name.literal or not given:
        return True
    if "al" in family[-3:].lower() or "al" in given[-3:].lower():  # "et al." in either part
        return True
    if "." in family or ("." in given and _GLUED_RE.search(given)):  # a glued list in either part
        return True
    return len(family) < 2 or not family[1].islower()  # "AB": initials read as the family name


def reread_authors(names: Sequence[Name]) -> list[Name]:
    """``names`` with each name that holds a glued Embase list, a "Family I." field or "et al." re-read
    by the one name splitter ("et al." names nobody: read as a name it would count as an author the full
    list lacks); other names are kept as they are."""
    out: list[Name] = []
    for name in names:
        if _suspect(name):
            text = _as_written(name)
            if _needs_reading(name, text):
                out.extend(split_author_list(text).names)
                continue
        out.append(name)
    return out

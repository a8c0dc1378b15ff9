"""Author lists as databases write them, made into names the matcher can compare.

Embase glues a list without separators ("Beresneva O.Kulikov A.Parastaeva M.") or writes one author as
"Family I." in a single field; lists cut short end in "et al.". :func:`split_glued_authors` turns each into
the names it holds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kb.model import Name

_GLUED_RE = re.compile(r"(?<=\.)(?=[A-Z][a-z])")
"""Embase writes an author list without separators ("Beresneva O.Kulikov A.Parastaeva M."): a new name
starts where a capitalised word follows an initial's full stop."""
_INITIALS_RE = re.compile(r"^(?:[A-Z]\.?-?){1,4}$")
_ET_AL_RE = re.compile(r"(?:^|\s|(?<=\.))et\.?\s*al\b\.?\s*$", re.IGNORECASE)
"""A list cut short ("Smith A, Jones B, et al.", Embase's glued "Liu H.et al."): "et al." names nobody, and
read as a name it would count as an author the full list lacks."""


def _family_then_initials(text: str) -> bool:
    """One name written "Family I." in a single field (Embase's author string of one author): a family
    name, then initials (word by word: linear in the length of any hostile field)."""
    words = text.split()
    return len(words) >= 2 and bool(_INITIALS_RE.match(words[-1])) and not _INITIALS_RE.match(words[0])


def split_glued_authors(names: Sequence[Name]) -> list[Name]:
    """``names`` with each glued Embase author string split into its names ("Family I." each), a single
    "Family I." in one field split into family name and initials, and "et al." dropped; other names are kept
    as they are."""
    out: list[Name] = []
    for name in names:
        text = name.literal or f"{name.given} {name.family}".strip()
        if text.rstrip(". ")[-2:].lower() == "al" and _ET_AL_RE.search(text):
            text = _ET_AL_RE.sub("", text).strip(" ,;")
            if not text:
                continue  # "et al." is no author
            family = _ET_AL_RE.sub("", name.family).strip(" ,;")
            keep = family and not name.literal  # "Smith et al." typed as a family name
            name = Name(family=family, given=name.given) if keep else Name(literal=text)
        pieces = _GLUED_RE.split(text)
        if len(pieces) < 2 and not (not name.given and _family_then_initials(text)):
            out.append(name)
            continue
        for piece in pieces:
            words = piece.split()
            family = " ".join(w for w in words if not _INITIALS_RE.match(w))
            given = " ".join(w for w in words if _INITIALS_RE.match(w))
            out.append(Name(family=family, given=given) if family else name)
    return out

"""Author names: parse one name or an author list, repair case damage, one form for initials, match keys.

* ``parse_name`` reads "G. Moulis", "T Linjama", "Moulis G", "Stanworth SJ", "Yu Q-H", "Moulis, G.",
  "von Baeyer H", "Dr Julian List" or a bare family name ("Jaime-Pérez") into a ``kb.model.Name``.
* ``repair_family`` undoes the case damage of HAL exports, where every part of a hyphenated name
  after the first was lower-cased ("Lapeyre-mestre" -> "Lapeyre-Mestre", "Al-samkari" ->
  "Al-Samkari", "Mcmillan" -> "McMillan") and particles were hyphenated ("Van-der-holt" ->
  "van der Holt", "De-haas" -> "de Haas"); all-capital and all-lower-case names are re-cased.
  Names already cased correctly ("Mahévas", "MacDonald", "Nørgaard", "van der Holt") are kept.
* ``normalise_initials`` writes initials one way: "SJ", "S.J.", "S J", "S. J." -> "S. J.";
  "Q-H" -> "Q.-H."; full given names are kept.
* ``name_key`` is the comparison key: accent-folded lower-case family and first initial
  ("lapeyre-mestre m").
* ``split_authors`` cuts an author list into names, keeps the sound ones and reports each broken
  piece ("E. T. ," "N. A. ,") as ``broken_author``.
"""

from __future__ import annotations

import re

from kb.model import Name, Problem
from kb.normalise.findings import BROKEN_AUTHOR, NAME_CASE_REPAIRED, finding, with_field
from kb.normalise.text import repair_text
from kb.patterns import fold

PARTICLES = frozenset([
    "van", "von", "de", "del", "della", "der", "den", "di", "da", "du", "dos", "das", "la", "le", "ten",
    "ter", "op", "zu", "vom",
])  # fmt: skip
"""Lower-case particles that belong to the family name ("van der Holt", "de Haas", "von Baeyer")."""

_HYPHEN_PARTICLES = frozenset(["van", "von", "de", "der", "den", "ten", "ter", "vom", "zu"])
"""Particles a HAL export joins with hyphens ("Van-der-holt"); written with spaces when repaired."""

_ORGANISATION_WORDS = re.compile(
    r"\b(?:group|society|committee|consortium|investigators|collaborat\w*|network|association|"
    r"organi[sz]ation|institute|council|foundation|agency|authority|autorit[ée]|haute|federation|"
    r"working|panel|registry|study|trial|centre|center)\b",
    re.IGNORECASE,
)
_INSTITUTION_WORDS = re.compile(
    r"\b(?:soci[ée]t[ée]|society|autorit[ée]|authority|organi[sz]ation|association|institut[e]?|committee|"
    r"comit[ée]|agency|agence|council|conseil|federation|f[ée]d[ée]ration|foundation|fondation|ministry|"
    r"minist[èe]re|college|coll[èe]ge|academy|acad[ée]mie|collaborative|collaboration|group|groupe|"
    r"consortium|network|r[ée]seau)\b",
    re.IGNORECASE,
)
"""Words that make a proper name an institution, for ``organisation_prefix`` (stricter than
``_ORGANISATION_WORDS``: "study", "trial" or "working" also open ordinary titles)."""
_NAME_CONNECTORS = frozenset(
    ["of", "for", "the", "and", "on", "in", "de", "du", "des", "la", "le", "et", "d'"]
)
_ORGANISATION_PREFIX = re.compile(r"^([^:\-–—]{5,120}?)\s*(?:\s[-–—]+|:)\s*(\S.*)$", re.S)
_SUPERSCRIPTS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰*†‡§]+|(?<=[a-zà-ÿ])\d+(?:,\d+)*$")
_TITLES = re.compile(r"^(?:Dr|Pr|Prof|Mr|Mrs|Ms)\.?\s+", re.IGNORECASE)
_ET_AL = re.compile(r"[,;]?\s*\b(?:et\.?\s*al(?:ii)?\b\.*|and others|et coll\.?)\s*[.,;]*\s*$", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;]\s*)+(?:(?:and|&|et)\s+)?|\s+(?:and|et)\s+|\s*&\s*")
_DOTTED_INITIALS = re.compile(r"(?:(?:Ch|Th|Ph|[A-ZÀ-Þ])\.-?)+[A-ZÀ-Þ]?")
_SINGLE_INITIAL = re.compile(r"[A-ZÀ-Þ](?:-[A-ZÀ-Þ])?")
_INITIALS_CLUSTER = re.compile(r"^[A-ZÀ-Þ]{1,3}(?:-[A-ZÀ-Þ]{1,2})?$")


def parse_name(text: str) -> tuple[Name, list[Problem]]:
    """Parse one author name in any common form into a ``Name`` with repaired case and initials.

    An organisation ("Haute Autorité de Santé") becomes ``Name(literal=...)``; an empty string gives
    an empty ``Name``.
    """
    text, findings = repair_text(text)
    findings = with_field(findings, "authors")
    text = _TITLES.sub("", _SUPERSCRIPTS.sub("", text).strip(" ,;.")).strip(" ,;.")
    if not text:
        return Name(), findings
    if _ORGANISATION_WORDS.search(text) and len(text.split()) > 2:
        return Name(literal=text), findings
    family, given = _split_family_given(text)
    return _finish(family, given, findings)


def normalise_name(name: Name) -> tuple[Name, list[Problem]]:
    """``name`` with its family name repaired and its initials in one form (idempotent)."""
    result, findings = _normalise_name_once(name)
    for _ in range(3):  # case repair can make text ftfy reads as mojibake: run to a fixed point
        again, more = _normalise_name_once(result)
        if again == result:
            break
        result, findings = again, findings + more
    return result, _unique(findings)


def _normalise_name_once(name: Name) -> tuple[Name, list[Problem]]:
    """One pass of ``normalise_name``; a person's name that is an organisation becomes a literal."""
    if not name.literal and not name.given and is_organisation(name.family):
        name = Name(literal=name.family)
    if name.literal:
        literal, findings = repair_text(name.literal)
        return Name(literal=literal), findings
    family, findings = repair_text(name.family)
    given, given_findings = repair_text(name.given)
    return _finish(family, given, findings + given_findings)


def is_organisation(text: str) -> bool:
    """Whether ``text`` names an organisation: three words or more, one of them institutional
    ("Haute Autorité de Santé", "American Society of Hematology", "The WHO Collaborative Study")."""
    return len(text.split()) > 2 and bool(_ORGANISATION_WORDS.search(text))


def organisation_prefix(title: str) -> tuple[str, str]:
    """An organisation that opens a title, split from the title it precedes, or ("", ``title``).

    "Haute Autorité de Santé -Protocole national de diagnostic..." -> ("Haute Autorité de Santé",
    "Protocole national de diagnostic..."). The prefix must be a proper name (capitalised words joined
    by small words: of, de, for, the...) holding an institution word (``_INSTITUTION_WORDS``: society,
    autorité, organization, committee, agency, institute...), then a dash or a colon, then at least two
    words: a title that opens with "Randomised trial of X:" is not split.
    """
    m = _ORGANISATION_PREFIX.match(title.strip())
    if not m:
        return "", title
    organisation, rest = m.group(1).strip(), m.group(2).strip()
    words = organisation.split()
    proper = all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words) and words[0][:1].isupper()
    if not proper or not _INSTITUTION_WORDS.search(organisation) or len(rest.split()) < 2:
        return "", title
    return organisation, rest


def _finish(family: str, given: str, findings: list[Problem]) -> tuple[Name, list[Problem]]:
    """The ``Name`` for a family and given part, with the case-repair finding when one was needed."""
    repaired = repair_family(family)
    if repaired != family:
        findings = [
            *findings,
            finding(NAME_CASE_REPAIRED, "authors", f"family name {family!r} repaired: {repaired!r}", family),
        ]
    return Name(family=repaired, given=normalise_initials(given)), findings


def split_name(text: str) -> Name:
    """One author name split into family and given names as written (no case repair, initials kept as
    written): the fast path for the authors of structured exports, normalised later with the rest."""
    text = " ".join(text.split()).strip(" ,;")
    if not text:
        return Name()
    if _ORGANISATION_WORDS.search(text) and len(text.split()) > 2:
        return Name(literal=text)
    family, given = _split_family_given(text)
    return Name(family=family, given=given) if family else Name(literal=text)


def _split_family_given(text: str) -> tuple[str, str]:
    """Tell the family name from the given names in one name string."""
    if "," in text:
        family, _, given = text.partition(",")
        return family.strip(), given.strip(" ,")
    tokens = text.split()
    if len(tokens) == 1:
        return _strip_dot(tokens[0]), ""
    # "G. Moulis", "T Linjama", "C. A. Bradbury", "Q.-H. Yu": initials first.
    lead = 0
    while lead < len(tokens) - 1 and _is_initials(tokens[lead], first=True):
        lead += 1
    if lead:
        return " ".join(tokens[lead:]), " ".join(tokens[:lead])
    # "Moulis G", "Stanworth SJ", "von Baeyer H", "Yu Q-H": initials last.
    tail = len(tokens)
    while tail > 1 and _is_initials(tokens[tail - 1], first=False):
        tail -= 1
    if tail < len(tokens):
        return " ".join(tokens[:tail]), " ".join(tokens[tail:])
    # "Guillaume DAUTIN", "MOULIS Guillaume": the family name in capitals.
    capitals = [i for i, t in enumerate(tokens) if len(t) > 1 and t.isupper()]
    if capitals and len(capitals) < len(tokens):
        given_tokens = [t for i, t in enumerate(tokens) if i not in capitals]
        return " ".join(tokens[i] for i in capitals), " ".join(given_tokens)
    # "Julian List", "Ludwig van Beethoven": full given names first, particles go with the family.
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in PARTICLES:
        start -= 1
    return " ".join(tokens[start:]), " ".join(tokens[:start])


def _is_initials(token: str, first: bool) -> bool:
    """Whether ``token`` is a group of initials: "S.", "S.J.", "Q.-H.", "T"; and "SJ", "Q-H" when last."""
    if _DOTTED_INITIALS.fullmatch(token):
        return True
    if first:
        return bool(_SINGLE_INITIAL.fullmatch(token))
    return bool(_INITIALS_CLUSTER.match(token))


def _strip_dot(token: str) -> str:
    """A family name without a stray trailing period."""
    return token[:-1] if token.endswith(".") and len(token) > 2 else token


def normalise_initials(given: str) -> str:
    """Given names with initials written one way: "S. J." for "SJ", "S.J.", "S J"; "Q.-H." for "Q-H".

    Full given names ("Julian", "Jean-François") are kept, re-cased only when all capitals.
    """
    words: list[str] = []
    for token in given.replace(".", ". ").split():
        if _INITIALS_CLUSTER.match(token) and (len(token) <= 3 or "-" in token):
            words.extend(_dotted(part) for part in _cluster_parts(token))
        elif re.fullmatch(r"(?:Ch|Th|Ph|[A-Za-zÀ-ÿ])\.", token):
            words.append(token[0].upper() + token[1:])
        elif re.fullmatch(r"-(?:[A-Za-zÀ-ÿ]\.?)", token) and words and re.fullmatch(r"[A-ZÀ-Þ]\.", words[-1]):
            words[-1] = f"{words[-1]}-{token[1].upper()}."
        elif re.fullmatch(r"[A-Za-zÀ-ÿ]\.?-[A-Za-zÀ-ÿ]\.?", token):
            words.append(f"{token[0].upper()}.-{token[-2 if token.endswith('.') else -1].upper()}.")
        elif token.isupper() and len(token) > 3:
            words.append(_cap_part(token.lower()))
        else:
            words.append(token)
    return " ".join(words)


def _cluster_parts(token: str) -> list[str]:
    """ "SJ" -> ["S", "J"]; "Q-H" -> ["Q-H"] (a hyphenated pair stays one initial)."""
    if "-" in token:
        return ["-".join(token.split("-"))]
    return list(token)


def _dotted(part: str) -> str:
    """ "S" -> "S."; "Q-H" -> "Q.-H."."""
    return "-".join(f"{letter}." for letter in part.split("-")) if "-" in part else f"{part}."


def repair_family(family: str) -> str:
    """Undo clear case damage in a family name; a name already cased correctly comes back unchanged."""
    repaired = _repair_once(family)
    for _ in range(3):  # a repair can expose another ("AA-a" -> "AA-A" -> "Aa-A"): run to a fixed point
        again = _repair_once(repaired)
        if again == repaired:
            break
        repaired = again
    return repaired


def _repair_once(family: str) -> str:
    """One pass of ``repair_family``."""
    family = " ".join(family.split())
    if not family:
        return family
    words = family.split(" ")
    # "Van-der-holt" -> "van der Holt": hyphenated particles of a damaged export.
    if len(words) == 1 and "-" in family:
        parts = family.split("-")
        head = [p for p in parts[:-1] if p.lower() in _HYPHEN_PARTICLES]
        if len(head) == len(parts) - 1 and parts[-1][:1].islower():
            return " ".join([*(p.lower() for p in head), _cap_part(parts[-1])])
    letters = [c for c in family if c.isalpha()]
    all_upper = len(letters) > 1 and all(c.isupper() for c in letters)
    all_lower = all(c.islower() for c in letters)
    out: list[str] = []
    for i, word in enumerate(words):
        is_last = i == len(words) - 1
        if word.lower() in PARTICLES and not is_last and (all_upper or all_lower or word.islower()):
            out.append(word.lower())
        elif all_upper or all_lower:
            out.append("-".join(_cap_part(p.lower()) for p in word.split("-")))
        else:
            out.append(_repair_word(word))
    return " ".join(out)


def _repair_word(word: str) -> str:
    """Repair one capitalised word: lower-case parts after hyphens, "Mc" and "O'" prefixes."""
    parts = word.split("-")
    if parts[0][:1].isupper():
        parts = [parts[0]] + [
            p if not p[:1].islower() or (p.lower() in PARTICLES and j < len(parts) - 1) else _cap_part(p)
            for j, p in enumerate(parts[1:], start=1)
        ]
    return "-".join(_prefix_case(p) for p in parts)


def _cap_part(part: str) -> str:
    """Capitalise one part of a name, with the "Mc"/"O'" rules: "mcmillan" -> "McMillan"."""
    return _prefix_case(part[:1].upper() + part[1:]) if part else part


def _prefix_case(part: str) -> str:
    """ "Mcmillan" -> "McMillan", "O'brien" -> "O'Brien", "D'angelo" -> "D'Angelo"; others unchanged."""
    match = re.match(r"^(Mc|O['’]|D['’])([a-zà-ÿ])", part)
    if match:
        return match.group(1) + match.group(2).upper() + part[match.end() :]
    return part


def name_key(name: Name) -> str:
    """Comparison key: accent-folded lower-case family name and first initial ("lapeyre-mestre m")."""
    if name.literal:
        return _fold(name.literal)
    family = _fold(name.family)
    initial = _fold(name.given)[:1]
    return f"{family} {initial}" if initial else family


def _fold(text: str) -> str:
    """Accent-folded, lower-case, single-spaced text ("Nørgaard" -> "norgaard")."""
    return " ".join(fold(text).replace("’", "'").split())


def split_authors(text: str) -> tuple[list[Name], bool, list[Problem]]:
    """Split an author list into names, whether it ends with "et al.", and findings.

    Pieces that are not whole names (initials with no family name left after a HAL export, as in
    "L. Prak, and E. T. ,") are dropped and each reported as ``broken_author``. "Family, Initials"
    pairs ("Basire, A. & Picard, C.") are rejoined.
    """
    text, findings = repair_text(text)
    findings = with_field(findings, "authors")
    text = _SUPERSCRIPTS.sub("", text)
    et_al = False
    stripped = _ET_AL.sub("", text)
    if stripped != text:
        et_al, text = True, stripped
    pieces = [piece.strip(" ,;") for piece in _LIST_SEPARATOR.split(text)]
    merged: list[str] = []
    bare_previous = False
    for piece in pieces:
        if not piece.strip("."):
            continue
        if _initials_only(piece) and bare_previous:
            merged[-1] = f"{merged[-1]}, {piece}"
            bare_previous = False
            continue
        merged.append(piece)
        bare_previous = _is_bare_family(piece)
    names: list[Name] = []
    for piece in merged:
        if _initials_only(piece) or not any(c.isalpha() for c in piece):
            findings.append(
                finding(BROKEN_AUTHOR, "authors", f"{piece!r} is not a whole author name; dropped", piece)
            )
            continue
        name, name_findings = parse_name(piece)
        findings.extend(name_findings)
        if name.family and not name.family[:1].isupper() and name.family.split()[0] not in PARTICLES:
            findings.append(
                finding(BROKEN_AUTHOR, "authors", f"{piece!r} does not look like an author name", piece)
            )
        names.append(name)
    return names, et_al, _unique(findings)


def _initials_only(piece: str) -> bool:
    """Whether ``piece`` is initials alone ("E. T.", "N. A.", "M.", "S. J.", "C. S")."""
    tokens = piece.replace(".", ". ").split()
    return bool(tokens) and all(
        re.fullmatch(r"(?:Ch|Th|Ph|[A-ZÀ-Þ])\.?(?:-[A-ZÀ-Þ]\.?)?|-[A-ZÀ-Þ]\.?", t) for t in tokens
    )


def _is_bare_family(piece: str) -> bool:
    """Whether ``piece`` is a family name with no given names ("Basire", "von Baeyer", "Jaime-Pérez")."""
    tokens = [t for t in piece.split() if t.lower() not in PARTICLES]
    return len(tokens) == 1 and not _initials_only(tokens[0]) and tokens[0][:1].isupper()


def _unique(findings: list[Problem]) -> list[Problem]:
    """``findings`` without repeats, in their first order."""
    return list(dict.fromkeys(findings))

"""One treatment resolver for every way in: a name a user types -> the intervention concepts it means.

The web page, the canned queries (through the SQL function ``kb_treatment``), ``kb export --drug`` and the
evidence page all call :meth:`TreatmentIndex.resolve`, built from the database's own ``interventions`` and
``intervention_classes`` tables, so they always agree. A name is matched on a key that ignores case,
accents, hyphens, underscores, slashes and spaces, and singular or plural (English "-s"/"-es"/"-ies",
French "-s"/"-x", a final "e": "immunoglobulines" = "immunoglobulin"). It may be a concept id, its
canonical name, any English or French synonym, a brand or an abbreviation; or a class (its id, name or
synonyms, or the class-mention concept such as "corticosteroids"), which expands to every member of the
class. A name of a concept always means that concept: a class name never takes it over (so every name of
one concept gives one set). An unknown name resolves to nothing and gets close matches (rapidfuzz) to show.

Roles: by default a study counts when the treatment is studied (``intervention`` or ``comparator``);
prior therapy and population traits (``population``) and ``rescue`` only when asked (``ROLE_SETS``).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from unidecode import unidecode

STUDIED = ("intervention", "comparator")
ROLE_SETS: dict[str, tuple[str, ...]] = {
    "studied": STUDIED,
    "intervention": ("intervention",),
    "comparator": ("comparator",),
    "population": ("population",),
    "rescue": ("rescue",),
    "any": ("intervention", "comparator", "population", "rescue"),
}
"""``role=`` values: which roles of a work's link to the treatment make the work count."""
SUGGESTIONS = 5
SUGGESTION_CUTOFF = 70.0
"""Close matches shown for an unknown name: at most SUGGESTIONS names scoring at least this (0-100)."""
_SEPARATORS = re.compile(r"[\s\-‐‑–—_/.,;:()'’+]+")


def _singular(word: str) -> str:
    if len(word) <= 2 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        word = word[:-2]
    elif word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 5:
        word = word[:-1]
    return word


def treatment_key(name: str) -> str:
    """The matching key of a treatment name: "TPO-RAs" = "tpo ra" = "TPO RA"; "Immunoglobulines" =
    "immunoglobulin"; "corticoïdes" = "corticoid"."""
    words = _SEPARATORS.sub(" ", unidecode(name).casefold()).split()
    return " ".join(_singular(w) for w in words)


def _split(synonyms: str | None) -> list[str]:
    return [s.strip() for s in (synonyms or "").split("|") if s.strip()]


@dataclass(frozen=True)
class Resolution:
    """What a name resolved to: concept ids (sorted), how (``via``), close matches when it did not."""

    query: str
    concepts: tuple[str, ...]
    via: str = ""
    suggestions: tuple[str, ...] = ()
    roles: tuple[str, ...] = STUDIED

    @property
    def found(self) -> bool:
        """Whether the name named at least one concept."""
        return bool(self.concepts)


@dataclass
class TreatmentIndex:
    """Name keys -> concept ids, with classes expanded, and the names to suggest."""

    keys: dict[str, set[str]] = field(default_factory=dict)
    via: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Concept id -> display name."""
    shown: dict[str, str] = field(default_factory=dict)
    """Key -> a form to show as a suggestion."""

    def _add(self, name: str, ids: Iterable[str], via: str, claimed: set[str] | None = None) -> None:
        """Map ``name`` to ``ids``; a class name (``claimed`` given) never takes a key a concept owns."""
        key = treatment_key(name)
        if not key or (claimed is not None and key in claimed):
            return
        self.keys.setdefault(key, set()).update(ids)
        self.via.setdefault(key, via)
        self.shown.setdefault(key, name)

    @classmethod
    def from_rows(
        cls, interventions: Iterable[Mapping[str, object]], classes: Iterable[Mapping[str, object]] = ()
    ) -> TreatmentIndex:
        """Build the index from rows of ``interventions`` (id, name, class, synonyms, class_mention) and
        ``intervention_classes`` (id, name, synonyms)."""
        index = cls()
        rows = list(interventions)
        members: dict[str, set[str]] = {}
        mentions: dict[str, str] = {}
        for row in rows:
            cid, klass = str(row["id"]), str(row.get("class") or "")
            index.names[cid] = re.sub(r"\s*\(class mention\)\s*$", "", str(row.get("name") or cid))
            if klass:
                members.setdefault(klass, set()).add(cid)
                if row.get("class_mention"):
                    mentions[cid] = klass
        for row in rows:
            cid = str(row["id"])
            klass = mentions.get(cid)
            ids = members[klass] if klass else {cid}
            via = f"class {klass}" if klass else cid
            names = (
                cid,
                index.names[cid],
                str(row.get("name") or ""),
                *_split(str(row.get("synonyms") or "")),
            )
            for name in names:
                index._add(name, ids, via)
        owned = set(index.keys)
        named = {str(row["id"]) for row in classes}
        classes = [*classes, *({"id": k} for k in sorted(members) if k not in named)]
        for row in classes:
            klass = str(row["id"])
            ids = members.get(klass, set())
            if not ids:
                continue
            for name in (klass, str(row.get("name") or ""), *_split(str(row.get("synonyms") or ""))):
                index._add(name, ids, f"class {klass}", owned)
        return index

    def resolve(self, name: str, role: str = "studied") -> Resolution:
        """The concepts ``name`` means (classes expanded) and the roles that count; see the module doc."""
        # not treatment_key: its singular would read "rescue" as "rescu" (and count the studied roles)
        roles = ROLE_SETS.get(
            _SEPARATORS.sub(" ", role.casefold()).strip().replace(" ", "_") or "studied", ()
        )
        if not roles:
            roles = ROLE_SETS["studied"]
        key = treatment_key(name)
        ids = self.keys.get(key)
        if ids:
            return Resolution(name, tuple(sorted(ids)), self.via[key], roles=roles)
        return Resolution(name, (), "", self.suggest(name), roles)

    def suggest(self, name: str) -> tuple[str, ...]:
        """Close matches of an unknown name, best first, one per concept set."""
        key = treatment_key(name)
        if not key:
            return ()
        found = process.extract(
            key, list(self.keys), scorer=fuzz.WRatio, limit=40, score_cutoff=SUGGESTION_CUTOFF
        )
        out: list[str] = []
        seen: set[frozenset[str]] = set()
        for match, _, _ in found:
            ids = frozenset(self.keys[match])
            if ids in seen:
                continue
            seen.add(ids)
            out.append(self.shown[match])
            if len(out) == SUGGESTIONS:
                break
        return tuple(out)


def index_from_db(conn: sqlite3.Connection) -> TreatmentIndex:
    """The index of the database open on ``conn`` (its ``interventions`` and ``intervention_classes``)."""
    conn_rows = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        if "interventions" not in tables:
            return TreatmentIndex()
        interventions = tuple(
            tuple(dict(r).items()) for r in conn.execute("select * from interventions order by id")
        )
        classes = (
            tuple(
                tuple(dict(r).items()) for r in conn.execute("select * from intervention_classes order by id")
            )
            if "intervention_classes" in tables
            else ()
        )
    finally:
        conn.row_factory = conn_rows
    return _index(interventions, classes)


@lru_cache(maxsize=8)
def _index(
    interventions: tuple[tuple[tuple[str, object], ...], ...],
    classes: tuple[tuple[tuple[str, object], ...], ...],
) -> TreatmentIndex:
    """The index of these rows (built once per vocabulary: a page asks for it on every request)."""
    return TreatmentIndex.from_rows([dict(r) for r in interventions], [dict(r) for r in classes])

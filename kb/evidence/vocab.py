"""Load and validate the curated evidence vocabularies of ``extract/``.

Three files, each a YAML mapping with a ``kind`` and a list of entries keyed by concept ``id``:
``interventions.yml``, ``outcomes.yml`` and ``designs.yml``. Loading checks their shape and raises
:class:`VocabularyError` naming the file and the entry at fault; it never silently drops an entry.
The loaded :class:`Vocabulary` is cached per directory and builds its matchers once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

from kb.config import VOCABULARY_FILES as FILES
from kb.config import shipped_extract_dir
from kb.evidence.matcher import TermMatcher, cue_regex, term_key
from kb.model import KbError
from kb.safeyaml import YamlError, parse_yaml

TERM_KEYS = ("en", "fr", "brands")
ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
TITLE_ONLY = "title_only"
ITP_CONTEXT = "itp_context"  # the context name that ``assume_itp=True`` satisfies


class VocabularyError(KbError, ValueError):
    """A vocabulary file is missing, is not valid YAML, or has an entry of the wrong shape."""


@dataclass(frozen=True)
class Abbrev:
    """A case-sensitive form with its context guards (``needs``: a context name; ``not_if``: cue words)."""

    form: str
    needs: str | None = None
    not_if: tuple[str, ...] = ()


@dataclass(frozen=True)
class Concept:
    """One vocabulary entry: its id, match terms, abbreviations and the raw entry (codes, notes...)."""

    id: str
    kind: str
    terms: tuple[str, ...]
    abbrevs: tuple[Abbrev, ...]
    regexes: tuple[str, ...] = ()
    title_only: tuple[str, ...] = ()
    data: Mapping[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        """A raw attribute of the entry (``class``, ``group``, ``cebm2011``, ...)."""
        return self.data.get(key, default)


@dataclass(frozen=True)
class Context:
    """A named context guard: one of ``regex`` must occur within ``window`` characters of the form."""

    name: str
    window: int
    regex: re.Pattern[str] | None


@dataclass(frozen=True)
class VocabFile:
    """One loaded vocabulary file."""

    path: Path
    kind: str
    concepts: tuple[Concept, ...]
    contexts: Mapping[str, Context]
    data: Mapping[str, Any]

    @cached_property
    def by_id(self) -> dict[str, Concept]:
        """Concepts keyed by id."""
        return {c.id: c for c in self.concepts}

    @cached_property
    def matcher(self) -> TermMatcher:
        """The term/abbreviation matcher of this file, built once."""
        terms: list[tuple[str, object]] = []
        forms: list[tuple[str, object]] = []
        regexes: list[tuple[str, object]] = []
        for concept in self.concepts:
            terms.extend((t, (concept.id, None)) for t in concept.terms)
            terms.extend((t, (concept.id, TITLE_ONLY)) for t in concept.title_only)
            forms.extend((a.form, (concept.id, a)) for a in concept.abbrevs)
            regexes.extend((r, (concept.id, None)) for r in concept.regexes)
        return TermMatcher(terms, forms, regexes)

    def section(self, key: str, default: Any = None) -> Any:
        """A top-level section of the file (``roles``, ``primary_cues``, ``flags``...)."""
        return self.data.get(key, default)


@dataclass(frozen=True)
class Vocabulary:
    """The evidence vocabularies: interventions, outcomes, designs, and the conditions a work is about."""

    interventions: VocabFile
    outcomes: VocabFile
    designs: VocabFile
    conditions: VocabFile


def _fail(path: Path, where: str, message: str) -> VocabularyError:
    return VocabularyError(f"{path}: {where}: {message}. Fix the file (see its header comment).")


def _str_list(path: Path, where: str, value: Any, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise _fail(path, where, f"key '{key}' must be a list of strings, got {type(value).__name__}")
    return tuple(str(v) for v in value)


def _abbrevs(path: Path, where: str, value: Any, contexts: Mapping[str, Context]) -> tuple[Abbrev, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise _fail(path, where, "key 'abbrev_cs' must be a list")
    out: list[Abbrev] = []
    for j, item in enumerate(value):
        if isinstance(item, str):
            out.append(Abbrev(item))
            continue
        if not isinstance(item, Mapping) or not isinstance(item.get("form"), str):
            raise _fail(path, f"{where} abbrev_cs[{j}]", "each item needs a string 'form'")
        needs = item.get("needs")
        if needs is not None and needs not in contexts:
            raise _fail(
                path,
                f"{where} abbrev_cs[{j}] ({item['form']})",
                f"'needs: {needs}' is not a context defined under 'contexts:'",
            )
        not_if = _str_list(path, f"{where} abbrev_cs[{j}]", item.get("not_if"), "not_if")
        out.append(Abbrev(item["form"], needs, not_if))
    return tuple(out)


def _contexts(path: Path, data: Mapping[str, Any]) -> dict[str, Context]:
    raw = data.get("contexts") or {}
    if not isinstance(raw, Mapping):
        raise _fail(path, "contexts", "must be a mapping of name -> {window, patterns}")
    out: dict[str, Context] = {}
    for name, spec in raw.items():
        if not isinstance(spec, Mapping) or not isinstance(spec.get("window"), int):
            raise _fail(path, f"contexts.{name}", "needs an integer 'window' and a list 'patterns'")
        patterns = _str_list(path, f"contexts.{name}", spec.get("patterns"), "patterns")
        out[str(name)] = Context(str(name), spec["window"], cue_regex(patterns))
    return out


def _concept(path: Path, kind: str, i: int, entry: Any, contexts: Mapping[str, Context]) -> Concept:
    where = f"{kind}[{i}]"
    if not isinstance(entry, Mapping):
        raise _fail(path, where, "each entry must be a mapping with an 'id'")
    cid = entry.get("id")
    if not isinstance(cid, str) or not ID_RE.match(cid):
        raise _fail(path, where, f"missing or invalid 'id' {cid!r} (snake_case expected)")
    where = f"{kind}[{i}] (id '{cid}')"
    terms: list[str] = []
    regexes: list[str] = []
    abbrevs = list(_abbrevs(path, where, entry.get("abbrev_cs"), contexts))
    for key in TERM_KEYS:
        for term in _str_list(path, where, entry.get(key), key):
            (regexes if term.startswith("re:") else terms).append(term.removeprefix("re:"))
    for name, sub in (entry.get("subtypes") or {}).items():
        if not isinstance(sub, Mapping):
            raise _fail(path, f"{where} subtypes.{name}", "must be a mapping")
        for key in TERM_KEYS:
            terms.extend(_str_list(path, f"{where} subtypes.{name}", sub.get(key), key))
        abbrevs.extend(_abbrevs(path, f"{where} subtypes.{name}", sub.get("abbrev_cs"), contexts))
    title_only = _str_list(path, where, entry.get("title_only"), "title_only")
    for rx in regexes:
        try:
            re.compile(rx)
        except re.error as exc:
            raise _fail(path, where, f"bad regular expression {rx!r}: {exc}") from exc
    if not (terms or abbrevs or regexes or title_only):
        raise _fail(path, where, "has no match terms (en, fr, brands, abbrev_cs or title_only)")
    return Concept(cid, kind, tuple(terms), tuple(abbrevs), tuple(regexes), title_only, dict(entry))


def load_file(path: Path, kind: str) -> VocabFile:
    """Load and validate one vocabulary file; ``kind`` is its list key (``interventions``...)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot read vocabulary file: {exc}") from exc
    try:
        data = parse_yaml(text).data
    except YamlError as exc:
        where = f"line {exc.line}" if exc.line else "file"
        raise _fail(path, where, f"invalid YAML ({exc.message})") from exc
    if not isinstance(data, Mapping):
        raise _fail(path, "file", "the top level must be a mapping")
    if data.get("kind") != kind:
        raise _fail(path, "kind", f"expected 'kind: {kind}', got {data.get('kind')!r}")
    entries = data.get(kind)
    if not isinstance(entries, list) or not entries:
        raise _fail(path, kind, f"missing or empty list '{kind}:'")
    contexts = _contexts(path, data)
    concepts = tuple(_concept(path, kind, i, e, contexts) for i, e in enumerate(entries))
    seen: dict[str, str] = {}
    owner: dict[tuple[str, ...], str] = {}
    for c in concepts:
        if c.id in seen:
            raise _fail(path, f"{kind} (id '{c.id}')", "duplicate id")
        seen[c.id] = c.id
        for term in c.terms:
            key = term_key(term)
            if owner.setdefault(key, c.id) != c.id:
                raise _fail(
                    path,
                    f"{kind} (id '{c.id}')",
                    f"term {term!r} is also a term of '{owner[key]}'; a term must name one concept",
                )
    vf = VocabFile(path, kind, concepts, contexts, data)
    if kind == "designs":
        _check_designs(vf)
    return vf


def _check_designs(vf: VocabFile) -> None:
    ids = set(vf.by_id)
    for d in vf.section("precedence") or []:
        if d not in ids:
            raise _fail(vf.path, "precedence", f"unknown design id '{d}'")
    for i, rule in enumerate(vf.section("fallback") or []):
        for key in ("if_design", "then"):
            if key in rule and rule[key] not in ids:
                raise _fail(vf.path, f"fallback[{i}]", f"unknown design id '{rule[key]}' in '{key}'")
    if not isinstance(vf.section("flags"), Mapping):
        raise _fail(vf.path, "flags", "missing mapping 'flags:'")


@lru_cache(maxsize=8)
def _load_files(interventions: str, outcomes: str, designs: str, conditions: str) -> Vocabulary:
    paths = {
        "interventions": interventions,
        "outcomes": outcomes,
        "designs": designs,
        "conditions": conditions,
    }
    return Vocabulary(**{kind: load_file(Path(path), kind) for kind, path in paths.items()})


def load_vocabulary_files(files: Mapping[str, Path]) -> Vocabulary:
    """Load the three vocabularies from their files (keys: the kinds of ``FILES``), cached."""
    return _load_files(*(str(Path(files[kind]).resolve()) for kind in FILES))


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Load the vocabularies from the directory ``path`` (default: the shipped ones), cached."""
    directory = Path(path) if path is not None else shipped_extract_dir()
    return load_vocabulary_files({kind: directory / name for kind, name in FILES.items()})

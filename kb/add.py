"""Add documents to ``references/``: copy each file there with a sidecar ``<name>.yml``.

The caller rebuilds afterwards. A file already present with the same bytes is left as it is; a different
file under the same name is refused, so nothing in ``references/`` is overwritten silently.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.ingest.documents import display_name
from kb.ingest.sidecar import SIDECAR_SUFFIX, sidecar_path
from kb.model import DocumentKind, KbError


@dataclass(frozen=True)
class Added:
    """One file handled by ``add_files``: where it went and whether it was new."""

    path: Path
    new: bool


def _sidecar(source: Path, title: str | None, kind: str | None, language: str | None) -> dict[str, object]:
    meta: dict[str, object] = {"title": title or source.stem}
    if kind:
        meta["kind"] = DocumentKind(kind).value
    if language:
        meta["language"] = language
    meta.update({"date": "", "authors": [], "event": "", "notes": f"added with kb add from {source.name}"})
    return meta


def _key(path: Path) -> str:
    """What two names that are one document to a person (and one sidecar to the build) share: the stem,
    Unicode-normalised and case-folded ("A.txt", "a.md" and a decomposed "é" all collide)."""
    return unicodedata.normalize("NFC", path.stem).casefold()


def _check(source: Path, references: Path, existing: dict[str, list[str]]) -> tuple[Path, bool]:
    """Where ``source`` goes and whether it is new; ``KbError`` when it must not be added."""
    if not source.is_file():
        raise KbError(f"{source}: no such file; check the path.")
    name = source.name
    if source.suffix == SIDECAR_SUFFIX:
        raise KbError(f"{source}: .yml files are sidecars, not documents; pass the document itself.")
    if name.startswith("."):
        raise KbError(
            f"{source}: a hidden file (its name starts with a dot) is not read by the build; rename it."
        )
    if display_name(name) != name:
        raise KbError(
            f"{display_name(str(source))}: the name holds bytes that are not UTF-8 or control characters; "
            "rename it."
        )
    target = references / name
    for path in (target, sidecar_path(target)):
        if path.is_symlink():
            raise KbError(f"{path} is a link; kb add does not write through links. Remove it first.")
    if target.exists() and not target.is_file():
        raise KbError(f"{target} already exists and is not a regular file; remove it first.")
    same = target.exists() and (
        target.resolve() == source.resolve() or target.read_bytes() == source.read_bytes()
    )
    if target.exists() and not same:
        raise KbError(f"{target} already exists with different content; rename {name} and add it again.")
    others = [n for n in existing.get(_key(target), []) if n != name]
    if others:
        raise KbError(
            f"{name} would share its id and sidecar {sidecar_path(target).name} with {others[0]} in "
            f"{references}; rename it (for example {target.stem}-2{target.suffix}) and add it again."
        )
    return target, not target.exists()


def add_files(
    files: list[Path],
    references: Path,
    title: str | None = None,
    kind: str | None = None,
    language: str | None = None,
) -> list[Added]:
    """Copy ``files`` into ``references`` with their sidecars; raise ``KbError`` before copying anything
    when a file is missing, is a sidecar or hidden, would overwrite a different file, would share a
    name with another document once normalised, or when a target is a link (nothing is written
    through a link, so nothing is written outside ``references``)."""
    if not references.is_dir():
        raise KbError(
            f"references directory {references} does not exist; create it or pass --references DIR."
        )
    existing: dict[str, list[str]] = {}
    for entry in references.iterdir():
        if entry.suffix != SIDECAR_SUFFIX:
            existing.setdefault(_key(entry), []).append(entry.name)
    plan: list[tuple[Path, Path, bool]] = []
    for source in files:
        planned = next((src for src, tgt, _ in plan if tgt.name == source.name), None)
        if planned is not None and planned.resolve() == source.resolve():
            continue
        if planned is not None:
            raise KbError(f"{planned} and {source} have the same name; rename one and add them again.")
        target, new = _check(source, references, existing)
        existing.setdefault(_key(target), []).append(target.name)
        plan.append((source, target, new))
    try:
        return [_write(source, target, new, title, kind, language) for source, target, new in plan]
    except OSError as exc:
        raise KbError(
            f"cannot write into {references}: {exc.strerror or exc}; check its permissions and free space."
        ) from exc


def _write(
    source: Path, target: Path, new: bool, title: str | None, kind: str | None, language: str | None
) -> Added:
    """Copy one planned file (never through a link) and write its sidecar."""
    if new:
        with source.open("rb") as src, target.open("xb") as dst:  # "x": fails on a link in its place
            shutil.copyfileobj(src, dst)
    sidecar = sidecar_path(target)
    if new or not sidecar.exists() or any(v is not None for v in (title, kind, language)):
        text = yaml.safe_dump(_sidecar(source, title, kind, language), allow_unicode=True, sort_keys=False)
        _replace(sidecar, f"# Sidecar for {target.name}, written by kb add.\n{text}")
    return Added(target, new)


def _replace(path: Path, text: str) -> None:
    """Write ``path`` through a new file renamed over it: a link in its place is replaced, not followed."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("x", encoding="utf-8") as stream:
        stream.write(text)
    os.replace(tmp, path)

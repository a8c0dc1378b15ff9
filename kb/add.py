"""Add documents to ``references/``: copy each file there with a sidecar ``<name>.yml``.

The caller rebuilds afterwards. A file already present with the same bytes is left as it is; a different
file under the same name is refused, so nothing in ``references/`` is overwritten silently.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from kb.ingest.documents import SIDECAR_SUFFIX
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


def add_files(
    files: list[Path],
    references: Path,
    title: str | None = None,
    kind: str | None = None,
    language: str | None = None,
) -> list[Added]:
    """Copy ``files`` into ``references`` with their sidecars; raise ``KbError`` before copying anything
    when a file is missing, is a sidecar, or would overwrite a different file."""
    if not references.is_dir():
        raise KbError(
            f"references directory {references} does not exist; create it or pass --references DIR."
        )
    plan: list[tuple[Path, Path, bool]] = []
    for source in files:
        if not source.is_file():
            raise KbError(f"{source}: no such file; check the path.")
        if source.suffix == SIDECAR_SUFFIX:
            raise KbError(f"{source}: .yml files are sidecars, not documents; pass the document itself.")
        target = references / source.name
        same = target.exists() and target.read_bytes() == source.read_bytes()
        if target.exists() and not same and target.resolve() != source.resolve():
            raise KbError(
                f"{target} already exists with different content; rename {source.name} and add it again."
            )
        plan.append((source, target, not target.exists()))
    added = []
    for source, target, new in plan:
        if new:
            shutil.copyfile(source, target)
        sidecar = target.with_suffix(SIDECAR_SUFFIX)
        if new or not sidecar.exists() or any(v is not None for v in (title, kind, language)):
            text = yaml.safe_dump(
                _sidecar(source, title, kind, language), allow_unicode=True, sort_keys=False
            )
            sidecar.write_text(f"# Sidecar for {target.name}, written by kb add.\n{text}", encoding="utf-8")
        added.append(Added(target, new))
    return added

"""One configuration for a build, made by the CLI and handed to every stage.

``Config`` says where the documents are (``references``), where the curated files are (``extract``:
journals, vocabularies, reviewer decisions), where the database goes (``db``), where the stages
report as they run (``progress``, see ``kb.progress``) and how many processes share the work
(``jobs``). The curated defaults ship inside the package (``kb/curated``, the repository's ``extract/``
as package data), so an installed ``kb`` finds them from any directory.

A curated file is read from the extract directory when it is there, else the shipped default is used;
reviewer decisions are never defaulted (they name the citations of one corpus).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kb.model import KbError
from kb.progress import Progress

JOURNALS_FILE = "journals.yml"
DECISIONS_FILE = "decisions.yml"
VOCABULARY_FILES = {
    "interventions": "interventions.yml",
    "outcomes": "outcomes.yml",
    "designs": "designs.yml",
    "conditions": "conditions.yml",
}
"""The evidence vocabularies by kind."""


def shipped_extract_dir() -> Path:
    """The curated files shipped with the package: ``kb/curated``, the repository's ``extract/``."""
    shipped = resources.files("kb").joinpath("curated")
    if not isinstance(shipped, Path) or not (shipped / JOURNALS_FILE).is_file():
        raise KbError(
            f"the curated files shipped with kb are missing ({shipped}); reinstall the itp-kb package."
        )
    return shipped


@dataclass(frozen=True)
class Config:
    """Where a build reads and writes, and how much it reports."""

    references: Path
    db: Path
    extract: Path | None = None
    """The curated files; ``None``: ``extract/`` beside ``references`` (when absent, the shipped ones)."""
    progress: Progress = field(default_factory=Progress)
    """Where the stages report as they run (default: nowhere; the CLI passes ``progress_for``)."""
    jobs: int = 1
    """Processes that read documents and tag texts side by side (``kb.workers``; the rows are the same
    whatever the number; the CLI passes one per core, at most four)."""

    @property
    def extract_dir(self) -> Path:
        """The directory curated files are read from (checked: a given ``--extract`` must exist)."""
        if self.extract is None:
            return self.references.parent / "extract"
        if not self.extract.is_dir():
            raise KbError(
                f"extract directory {self.extract} does not exist or is not a directory; "
                "pass --extract DIR with your curated files (journals.yml, decisions.yml, ...) in it."
            )
        return self.extract

    def curated(self, name: str) -> Path:
        """The curated file ``name``: from the extract directory when it has one, else the shipped one."""
        own = self.extract_dir / name
        return own if own.is_file() else shipped_extract_dir() / name

    @property
    def journals(self) -> Path:
        """The journal table."""
        return self.curated(JOURNALS_FILE)

    @property
    def decisions(self) -> Path:
        """The reviewer decisions (a missing file is no decisions)."""
        return self.extract_dir / DECISIONS_FILE

    @property
    def vocabularies(self) -> dict[str, Path]:
        """The evidence vocabularies by kind."""
        return {kind: self.curated(name) for kind, name in VOCABULARY_FILES.items()}

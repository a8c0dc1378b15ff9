"""Read and check a document's sidecar ``<name>.yml``: title, kind, language, date, authors, event.

A sidecar is written by hand, so every field is checked: a value of the wrong shape (``kind: [x]``), a
date that is not a valid ISO 8601 date (``2020-13-45``, ``2020-02-30``, a ``+25:00`` offset) or YAML the
bounded loader refuses (aliases, unknown tags, complex keys) is a ``bad_sidecar`` problem naming the
sidecar and its line; the field is left out and the document is still read.
"""

from __future__ import annotations

from pathlib import Path

from kb.model import DocumentKind, Problem, ProblemCode
from kb.safeyaml import MAX_SHOWN, YamlError, iso_date, load_yaml, shorten

SIDECAR_SUFFIX = ".yml"
SIDECAR_KEYS = ("title", "kind", "language", "date", "authors", "event", "notes", "work")
MAX_SIDECAR_BYTES = 200_000
"""A sidecar holds a title and a few lines: anything larger is refused."""
TEXT_KEYS = ("title", "language", "event", "notes")


def sidecar_path(path: Path) -> Path:
    """The sidecar of a document: its name with ``.yml`` instead of the last extension."""
    return path.with_suffix(SIDECAR_SUFFIX)


def _scalar(value: object) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _problem(shown: str, where: str, message: str) -> Problem:
    return Problem(ProblemCode.BAD_SIDECAR, f"{where}: {message}", shown, 0, 0)


def read_sidecar(
    path: Path, shown: str, sidecar_shown: str, readable: bool = True
) -> tuple[dict[str, object], list[Problem]]:
    """Read and check the sidecar of the document at ``path`` (``shown`` as stored, ``sidecar_shown``
    the sidecar's name in messages). ``readable=False`` (a link leaving ``references/``) reports it
    unread. Returns the valid fields and the problems; a missing sidecar is an ``info`` problem."""
    sidecar = sidecar_path(path)
    if not sidecar.exists() and not sidecar.is_symlink():
        return {}, [
            Problem(
                ProblemCode.MISSING_SIDECAR,
                f"{shown}: no sidecar {sidecar_shown}; title, kind and language were guessed. "
                f"Write it (title, kind, language, date, authors, event) to set them.",
                shown,
                0,
                0,
            )
        ]
    if not readable:
        return {}, [
            _problem(
                shown,
                sidecar_shown,
                "a link to a file outside references/; it was not read. Replace it with the file itself.",
            )
        ]
    try:
        data = load_yaml(sidecar, MAX_SIDECAR_BYTES).data
    except OSError as exc:
        return {}, [_problem(shown, sidecar_shown, f"cannot be read ({exc.strerror or exc}).")]
    except YamlError as exc:
        where = f"{sidecar_shown}:{exc.line}" if exc.line else sidecar_shown
        message = f"cannot be read as YAML ({exc.message}); fix the file or delete it."
        return {}, [_problem(shown, where, message)]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            _problem(
                shown,
                sidecar_shown,
                f"expected a mapping of {', '.join(SIDECAR_KEYS)}; got {type(data).__name__}. "
                "The document was read without it.",
            )
        ]
    return check_fields(data, shown, sidecar_shown)


def check_fields(
    data: dict[object, object], shown: str, where: str
) -> tuple[dict[str, object], list[Problem]]:
    """Keep the fields of a sidecar mapping that have the right shape; a problem for each other one."""
    meta: dict[str, object] = {}
    problems: list[Problem] = []

    def bad(key: str, expected: str) -> None:
        problems.append(
            _problem(
                shown,
                where,
                f"{key} must be {expected}, not {shorten(data[key], MAX_SHOWN)}; it was ignored.",
            )
        )

    for key in TEXT_KEYS:
        value = data.get(key)
        if value is None:
            continue
        if _scalar(value):
            meta[key] = str(value)
        else:
            bad(key, "text")
    kind = data.get("kind")
    if kind is not None:
        kinds = [k.value for k in DocumentKind]
        if isinstance(kind, str) and kind in kinds:
            meta["kind"] = kind
        else:
            bad("kind", f"one of {', '.join(kinds)} (the kind was guessed instead)")
    date = data.get("date")
    if date not in (None, ""):
        valid = iso_date(date)
        if valid is None:
            bad("date", "an ISO 8601 date (2021, 2021-09, 2021-09-02 or 2021-09-02T10:00:00+02:00)")
        else:
            meta["date"] = valid
    authors = data.get("authors")
    if authors is not None:
        if _scalar(authors):
            meta["authors"] = [str(authors)]
        elif isinstance(authors, list) and all(_scalar(a) for a in authors):
            meta["authors"] = [str(a) for a in authors]
        else:
            bad("authors", "a list of names")
    work = data.get("work")
    if work is not None:
        if (
            isinstance(work, dict)
            and _scalar(work.get("type"))
            and all(_scalar(k) and (_scalar(v) or v is None) for k, v in work.items())
        ):
            meta["work"] = {str(k): str(v) for k, v in work.items() if _scalar(v)}
        else:
            bad("work", "a mapping with a 'type' (e.g. thesis, paper-conference, speech) and text values")
    return meta, problems

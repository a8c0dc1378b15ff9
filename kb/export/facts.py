"""What an export may state about a work, beyond its ``works`` row.

* **Verified values.** A value the build flagged as likely corrupt (``SUSPECT_CODES``: a HAL end page
  such as "pp.437-485", a volume that contradicts the journal's other volumes) is not exported as fact.
  The export writes the value another citation of the same work gives without a flag (another
  document's reference, a structured record), or nothing. The database keeps the written value beside
  its problem row; only the export leaves it out.
* **Journal forms.** ``journal_forms`` gives the normalised full title (the NLM Catalog title of the
  curated ``extract/journals.yml``) and the NLM abbreviation; a venue that is not a journal (a society,
  a meeting) is neither.
* **Document works.** A document whose sidecar says it presents a study (a thesis, a talk) lends its
  work the event (title, place) and date of the sidecar: ``event_parts`` reads them.
* **How it was cited.** The first citation of a work, quoted in the ``note`` of a short citation that
  ``--include-short`` exports.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kb.model import ProblemCode
from kb.normalise.journals import load_journal_table
from kb.patterns import YEAR
from kb.readonly import has_table

SUSPECT_CODES: dict[str, str] = {
    ProblemCode.LONG_PAGE_RANGE.value: "pages",
    ProblemCode.IMPLAUSIBLE_PAGES.value: "pages",
    "implausible_volume": "volume",
}
"""Problem code -> the work field whose flagged value is not exported as fact."""

_DATE_PART = re.compile(
    rf"\b{YEAR}\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|avr|mai|juin|"
    r"juil|août|aout|sept|déc)[a-zéû]*\.?(?:\s|$)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DocumentEvent:
    """What the sidecar of a document that presents a work says about its presentation."""

    event: str = ""
    """The event's name ("2nd meeting of the European Research Consortium on ITP (ERC)")."""
    venue: str = ""
    """Where it took place ("Paris")."""
    date: str = ""
    """The document's ISO date ("2026-04-23"), or ""."""


def split_top_level(text: str, sep: str = ",") -> list[str]:
    """``text`` split on ``sep`` outside parentheses and brackets, each part stripped, empty ones dropped."""
    parts, depth, current = [], 0, []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char == sep and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def event_parts(event: str) -> tuple[str, str]:
    """A sidecar's ``event`` as (name, venue): "Meeting X (ERC), Paris, April 23-24, 2026" ->
    ("Meeting X (ERC)", "Paris"). Parts that state a date are left out (the sidecar's ``date`` says it);
    the first other part is the name, the rest the venue."""
    parts = [p for p in split_top_level(event) if not _DATE_PART.search(p)]
    if not parts:
        return "", ""
    return parts[0], ", ".join(parts[1:])


def journal_forms(canonical: str, written: str) -> tuple[str, str, bool]:
    """(full title, NLM abbreviation, is a journal) of a work's journal.

    The full title is the curated table's (NLM Catalog) title; a journal the table does not know has only
    its NLM-style abbreviation (ISO 4), so the full title is that abbreviation too. A venue the table marks
    as a society or meeting is not a journal: ("", "", False).
    """
    if not canonical and not written:
        return "", "", True
    table = load_journal_table()
    entry = table.find(canonical) or table.find(written)
    if entry is not None and entry.kind != "journal":
        return "", "", False
    abbreviation = entry.canonical if entry is not None else canonical or written
    full = entry.title if entry is not None and entry.title else abbreviation
    return full, abbreviation, True


def _marks(ids: Sequence[str]) -> str:
    return ", ".join("?" * len(ids))


def table_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    """The column names of ``table`` (none when it does not exist)."""
    return {r[1] for r in conn.execute("select * from pragma_table_info(?)", (table,))}


def verified_values(
    conn: sqlite3.Connection, ids: Sequence[str]
) -> dict[str, dict[str, tuple[set[str], str]]]:
    """Work id -> field -> (the flagged values of that field, the value to export instead).

    Only works with a flagged field appear. The value to export instead is the most frequent value of the
    field among the work's citations that carry no flag for it (ties: the first in text order), or "".
    """
    if not ids or not has_table(conn, "problems") or "citation_id" not in table_columns(conn, "problems"):
        return {}
    codes = list(SUSPECT_CODES)
    flagged: dict[tuple[str, str], set[str]] = defaultdict(set)  # (work, field) -> citation ids
    sql = (
        "select c.work_id, c.id, p.code from problems p join citations c on c.id = p.citation_id "
        f"where c.work_id in ({_marks(ids)}) and p.code in ({_marks(codes)})"
    )
    for work_id, citation_id, code in conn.execute(sql, [*ids, *codes]):
        flagged[(work_id, SUSPECT_CODES[code])].add(citation_id)
    if not flagged:
        return {}
    out: dict[str, dict[str, tuple[set[str], str]]] = defaultdict(dict)
    fields = sorted({f for _, f in flagged})
    works = sorted({w for w, _ in flagged})
    sql = (
        f"select work_id, id, {', '.join(fields)} from citations where work_id in ({_marks(works)}) "
        "order by document_id, line_start, id"
    )
    rows = conn.execute(sql, works).fetchall()
    for (work_id, field_name), bad in flagged.items():
        index = 2 + fields.index(field_name)
        bad_values = {str(r[index] or "") for r in rows if r[0] == work_id and r[1] in bad}
        clean = Counter(
            str(r[index]) for r in rows if r[0] == work_id and r[1] not in bad and r[index] not in (None, "")
        )
        clean_values = [v for v in clean if v not in bad_values]
        best = max(clean_values, key=lambda v: clean[v]) if clean_values else ""
        out[work_id][field_name] = (bad_values - {""}, best)
    return dict(out)


def document_events(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, DocumentEvent]:
    """Work id -> the event of the document that presents it (only works a document presents)."""
    if not ids or not has_table(conn, "documents") or "work_id" not in table_columns(conn, "documents"):
        return {}
    out: dict[str, DocumentEvent] = {}
    sql = (
        f"select work_id, coalesce(event, ''), coalesce(date, '') from documents "
        f"where work_id in ({_marks(ids)}) order by id"
    )
    for work_id, event, date in conn.execute(sql, list(ids)):
        if work_id in out:
            continue
        name, venue = event_parts(event)
        out[work_id] = DocumentEvent(name, venue, date if re.fullmatch(r"\d{4}(-\d\d){0,2}", date) else "")
    return out


def cited_as(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    """Work id -> the verbatim text of its first citation (first document, first line)."""
    if not ids:
        return {}
    out: dict[str, str] = {}
    sql = (
        f"select work_id, raw from citations where work_id in ({_marks(ids)}) "
        "order by work_id, document_id, line_start, id"
    )
    for work_id, raw in conn.execute(sql, list(ids)):
        out.setdefault(work_id, " ".join(str(raw or "").split()))
    return out

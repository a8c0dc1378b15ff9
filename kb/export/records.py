"""Read the works to export from the database: by work id, by a read-only SQL query, by drug or design.

Every reader opens the database read-only (``mode=ro``) and returns ``ExportWork`` records, the one shape
the BibTeX, RIS and CSL-JSON writers take. The SQL that reads the evidence tables is kept in
``EVIDENCE_SQL`` so that it can follow their schema in one place.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kb import sqlguard
from kb.cli.codes import EXIT_UNKNOWN_TREATMENT
from kb.export.facts import cited_as, document_events, journal_forms, table_columns, verified_values
from kb.model import REGISTRATION, KbError, Name
from kb.patterns import fold_char
from kb.readonly import has_table

WORK_ID = "work_id"
"""A column that names a work in any table or query (citations, documents, work_authors, evidence)."""
ID = "id"
"""The primary key of ``works``: a query whose rows are works carries it."""
ET_AL = "et al."

EVIDENCE_SQL: dict[str, str] = {
    "design": """
        select distinct wd.work_id from work_design wd where lower(wd.design_id) = lower(:value)
    """,
}
"""How ``--design`` selects works: one ``:value`` parameter, rows with a ``work_id``. ``--drug`` goes through
the one treatment resolver (:mod:`kb.evidence.treatment`), like the canned queries and the evidence page."""
EVIDENCE_TABLES: dict[str, tuple[str, ...]] = {
    "drug": ("interventions", "work_interventions"),
    "design": ("work_design",),
}
"""The tables each filter reads."""


class UnknownTreatment(KbError):
    """``--drug`` names no treatment of the vocabulary; the message lists close matches."""

    exit_code = EXIT_UNKNOWN_TREATMENT


_TEXT_COLUMNS = ("type", "title", "volume", "issue", "pages", "doi", "pmid", "url", "hal_id")
_WORK_COLUMNS = ", ".join(
    ("id", "citation_key", "authors", "year", "month", "journal", "journal_written", *_TEXT_COLUMNS)
)
_BATCH = 500
SQL_TIME_LIMIT_S = 30
"""Seconds an ``--sql`` query may run (the web's limit is 3 s; an export may read more)."""
_ALLOWED_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION}
if hasattr(sqlite3, "SQLITE_RECURSIVE"):
    _ALLOWED_ACTIONS.add(sqlite3.SQLITE_RECURSIVE)
_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:.\-]")
_PAGE_RANGE = re.compile(r"([A-Za-z]*)(\d+)\s*[-\u2010-\u2015]+\s*([A-Za-z]*)(\d+)")
_SELECT = re.compile(r"(?:select|with)\b", re.I)
_LEADING_COMMENTS = re.compile(r"^\s*(?:(?:--[^\n]*(?:\n|$))|(?:/\*.*?\*/)|\s)*", re.S)


@dataclass(frozen=True)
class Related:
    """A work linked by a notice: its citation key and title, the notice's kind, and whether the exported
    work is the notice (``True``: ``key`` is the article it concerns) or the article."""

    key: str
    title: str
    kind: str
    is_notice: bool

    def note(self) -> str:
        """The link in words, for a RIS ``N1`` note ("Erratum notice of KEY: title", "Trial registration:
        KEY: title")."""
        what = self.kind.capitalize() + ("" if self.kind == REGISTRATION else " notice")
        if self.is_notice:
            return f"{what} of {self.key}: {self.title}"
        return f"{what}: {self.key}: {self.title}"


@dataclass
class ExportWork:
    """A work as the exporters see it: the ``works`` row with its ordered authors."""

    id: str
    citation_key: str
    type: str = ""
    title: str = ""
    authors: list[Name] = field(default_factory=list)
    et_al: bool = False
    """The citation listed more authors than those named ("et al.")."""
    year: int | None = None
    month: int | None = None
    container: str = ""
    """An article's journal, normalised: its full title (NLM Catalog, from the curated table), else its
    NLM abbreviation; for other types the book, proceedings or school as written."""
    container_short: str = ""
    """An article's journal as its NLM abbreviation (``N Engl J Med``)."""
    publisher: str = ""
    """A society or meeting that the citation named where a journal goes ("British Blood Transfusion
    Society"): not a journal, so it is exported as the work's publisher."""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    hal_id: str = ""
    related: list[Related] = field(default_factory=list)
    """Notices (erratum, correction, retraction) that concern this work, or the article a notice concerns."""
    event: str = ""
    """A talk's event, from the sidecar of the document that presents it."""
    venue: str = ""
    """Where the event took place."""
    event_date: str = ""
    """The talk's ISO date ("2026-04-23")."""
    cited_as: str = ""
    """The verbatim text of the work's first citation (quoted in the note of a short citation)."""
    withheld: dict[str, str] = field(default_factory=dict)
    """Field -> the value as written that the build flagged as likely corrupt and the export leaves out."""

    @property
    def short(self) -> bool:
        """A short citation: no title ("Mahévas et al., JCI 2013"), so no full reference to export."""
        return not clean_text(self.title)


TALK_TYPES = frozenset({"speech", "paper-conference"})
"""CSL types of a talk: its event, venue and date come from the sidecar of the document presenting it."""


def _short(canonical: str, written: str) -> str:
    return canonical if written and canonical and canonical != written else ""


def clean_text(text: str) -> str:
    """One line of text: control characters and runs of whitespace become one space."""
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)
    return " ".join(text.split())


def page_range(pages: str) -> tuple[str, str] | None:
    """First and last page of a range, the last completed (``2858-66`` -> ``2858``, ``2866``; ``e12-e19``
    kept); None when ``pages`` is not a range."""
    m = _PAGE_RANGE.fullmatch(clean_text(pages))
    if not m:
        return None
    prefix, start, prefix_end, end = m.groups()
    if len(end) < len(start) and not prefix_end:
        end = start[: len(start) - len(end)] + end
    return f"{prefix}{start}", f"{prefix_end or prefix}{end}"


def safe_key(key: str, fallback: str) -> str:
    """A citation key BibTeX, biber and reference managers accept: ASCII letters, digits, ``_:.-``; a
    letter with an accent is folded by the project's one folding, case kept ("Nørgaard" -> "Norgaard")."""
    folded = key if key.isascii() else "".join(fold_char(c) for c in key)
    return _KEY_UNSAFE.sub("", folded) or _KEY_UNSAFE.sub("", fallback) or "work"


def unique_keys(works: Iterable[ExportWork]) -> dict[str, str]:
    """Work id -> a key unique within this export: the citation key, ``a``, ``b``... added on a collision
    (in work id order, so the same works always get the same keys)."""
    works = list(works)
    base = {w.id: safe_key(w.citation_key, w.id) for w in works}
    counts = Counter(base.values())
    taken = set(base.values())
    used: Counter[str] = Counter()
    keys: dict[str, str] = {}
    for w in sorted(works, key=lambda w: w.id):
        key = base[w.id]
        if counts[key] > 1:
            candidate = key
            while candidate in taken:
                n = used[key]
                used[key] += 1
                candidate = key + (chr(ord("a") + n) if n < 26 else str(n))
            taken.add(candidate)
            key = candidate
        keys[w.id] = key
    return keys


def _text(value: object) -> str:
    return "" if value is None else str(value)


def load_works(
    conn: sqlite3.Connection, work_ids: Iterable[str], include_short: bool = False
) -> list[ExportWork]:
    """The works of ``work_ids``, in that order (duplicates and unknown ids dropped), with their authors.

    Short citations (works without a title) are left out unless ``include_short``. Values the build
    flagged as likely corrupt are replaced by the verified value or left empty (``ExportWork.withheld``
    keeps what was left out); a talk takes its event, venue and date from its document's sidecar.
    """
    ids = list(dict.fromkeys(i for i in work_ids if i))
    found: dict[str, ExportWork] = {}
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        marks = ", ".join("?" * len(batch))
        cursor = conn.execute(f"select {_WORK_COLUMNS} from works where id in ({marks})", batch)
        names = [d[0] for d in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            year, month = row["year"], row["month"]
            work = ExportWork(
                id=row["id"],
                citation_key=_text(row["citation_key"]) or row["id"],
                et_al=_text(row["authors"]).rstrip().endswith(ET_AL),
                year=year if isinstance(year, int) else None,
                month=month if isinstance(month, int) and 1 <= month <= 12 else None,
                **{c: _text(row[c]) for c in _TEXT_COLUMNS},
            )
            _set_container(work, _text(row["journal"]), _text(row["journal_written"]))
            if include_short or not work.short:
                found[row["id"]] = work
        # a database built before names had a suffix has no such column
        suffix = "suffix" if "suffix" in table_columns(conn, "work_authors") else "''"
        author_sql = (
            f"select work_id, family, given, literal, {suffix} from work_authors "
            f"where work_id in ({marks}) order by work_id, position"
        )
        for wid, family, given, literal, name_suffix in conn.execute(author_sql, batch):
            if wid in found:
                name = Name(_text(family), _text(given), _text(literal), _text(name_suffix))
                found[wid].authors.append(name)
        _add_facts(conn, [i for i in batch if i in found], found)
        if has_table(conn, "notices"):
            _load_related(conn, [i for i in batch if i in found], found)
    return [found[i] for i in ids if i in found]


def _set_container(work: ExportWork, journal: str, written: str) -> None:
    """The work's container: an article's journal normalised (full title, NLM abbreviation), a society
    or meeting written where a journal goes as the publisher, any other container as written."""
    full, abbreviation, is_journal = journal_forms(journal, written)
    if not is_journal:
        work.publisher = written or journal
    elif work.type == "article-journal" or not work.type:
        work.container, work.container_short = full, _short(abbreviation, full)
    else:
        work.container = written or journal


def _add_facts(conn: sqlite3.Connection, ids: list[str], found: dict[str, ExportWork]) -> None:
    """Verified values, talks' events and first citations of the works ``ids``."""
    for work_id, fields in verified_values(conn, ids).items():
        work = found[work_id]
        for name, (bad, verified) in fields.items():
            value = getattr(work, name)
            if value in bad:
                work.withheld[name] = value
                setattr(work, name, verified)
        if "volume" in work.withheld and not work.volume and work.issue:
            work.withheld["issue"] = work.issue  # an issue of an unknown volume cites nothing
            work.issue = ""
    for work_id, event in document_events(conn, ids).items():
        work = found[work_id]
        if work.type in TALK_TYPES:
            work.event, work.venue, work.event_date = event.event, event.venue, event.date
            if work.month is None and len(event.date) >= 7 and event.date[:4] == str(work.year):
                work.month = int(event.date[5:7]) if 1 <= int(event.date[5:7]) <= 12 else None
    for work_id, text in cited_as(conn, [i for i in ids if found[i].short]).items():
        found[work_id].cited_as = text


def _load_related(conn: sqlite3.Connection, batch: list[str], found: dict[str, ExportWork]) -> None:
    """Add the notice links of the works of ``batch`` (either side) to their ``related``."""
    marks = ", ".join("?" * len(batch))
    sql = (
        "select n.notice_work_id, n.article_work_id, n.kind, wn.citation_key, wn.title, wa.citation_key, "
        "wa.title from notices n join works wn on wn.id = n.notice_work_id "
        "join works wa on wa.id = n.article_work_id "
        f"where n.notice_work_id in ({marks}) or n.article_work_id in ({marks}) order by n.id"
    )
    for notice, article, kind, n_key, n_title, a_key, a_title in conn.execute(sql, batch + batch):
        if notice in found:
            found[notice].related.append(Related(_text(a_key), _text(a_title), _text(kind), True))
        if article in found:
            found[article].related.append(Related(_text(n_key), _text(n_title), _text(kind), False))


def work_ids_from_rows(
    conn: sqlite3.Connection,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    table: str | None = None,
) -> list[str]:
    """The work ids that rows name: their ``work_id`` column, or their ``id`` when the rows are works.

    Rows are works when they come from table ``works`` or when every ``id`` they carry is a work id.
    Rows with a NULL ``work_id`` (a citation not grouped into a work) name no work and are passed over.
    Raises ``KbError`` when the rows are neither works nor carry a ``work_id``.
    """
    if WORK_ID in columns:
        index = list(columns).index(WORK_ID)
        return list(dict.fromkeys(str(r[index]) for r in rows if r[index] is not None))
    if ID not in columns:
        raise KbError(
            "the query's rows are not works: they carry neither a work_id column nor the id column of works"
        )
    index = list(columns).index(ID)
    ids = list(dict.fromkeys(str(r[index]) for r in rows if r[index] is not None))
    if table != "works":
        missing = sorted(set(ids) - {w.id for w in load_works(conn, ids, include_short=True)})
        if missing:
            raise KbError(
                f"the query's rows are not works: id {missing[0]!r} is not in works "
                f"({len(missing)} such ids); select works.id, or a work_id column"
            )
    return ids


_ALLOWED_INTERNAL = {(sqlite3.SQLITE_PRAGMA, "data_version"), (sqlite3.SQLITE_UPDATE, "sqlite_master")}
"""What SQLite itself does while a SELECT reads a full-text (FTS5) table; the connection being read-only,
the schema update never writes."""


def _authorize(action: int, arg1: str | None, arg2: str | None = None, *_args: object) -> int:
    allowed = action in _ALLOWED_ACTIONS or (action, arg1) in _ALLOWED_INTERNAL
    if not allowed or sqlguard.denied_function(action, arg2):
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def check_select(sql: str) -> None:
    """Raise ``KbError`` unless ``sql`` reads as one SELECT (or WITH ... SELECT) statement."""
    if not _SELECT.match(_LEADING_COMMENTS.sub("", sql, count=1)):
        shown = " ".join(sql.split())[:60]
        raise KbError(f"--sql must be a read-only SELECT query; got {shown!r}")


def select_rows(
    conn: sqlite3.Connection, sql: str, params: dict[str, object] | None = None
) -> tuple[list[str], list[tuple[object, ...]]]:
    """Run the read-only query ``sql``; return its column names and rows.

    Only reading is authorised (no writes, PRAGMA, ATTACH...), on top of the read-only connection.
    """
    check_select(sql)
    conn.set_authorizer(_authorize)
    try:
        with sqlguard.time_limit(conn, SQL_TIME_LIMIT_S):
            cursor = conn.execute(sql, params or {})
            columns = [d[0] for d in cursor.description or ()]
            rows = cursor.fetchall()
    except sqlite3.OperationalError as e:
        shown = " ".join(sql.split())[:200]
        if str(e) == "interrupted":
            raise KbError(
                f"--sql took longer than {SQL_TIME_LIMIT_S} s and was stopped; narrow it (query: {shown})"
            ) from e
        raise KbError(f"--sql failed: {e} (query: {shown})") from e
    except sqlite3.DatabaseError as e:
        shown = " ".join(sql.split())[:200]
        raise KbError(f"--sql failed: {e} (query: {shown})") from e
    except sqlite3.Warning as e:  # "You can only execute one statement at a time."
        raise KbError(f"--sql must be one SELECT statement: {e}") from e
    finally:
        conn.set_authorizer(sqlguard.authorize)  # the connection's standing guard (kb.sqlguard)
    return columns, rows


def works_for_sql(conn: sqlite3.Connection, sql: str, include_short: bool = False) -> list[ExportWork]:
    """The works that the read-only query ``sql`` returns (rows with a ``work_id``, or works rows)."""
    columns, rows = select_rows(conn, sql)
    return load_works(conn, work_ids_from_rows(conn, columns, rows), include_short)


def _drug_ids(conn: sqlite3.Connection, drug: str, role: str) -> list[str]:
    """The works of treatment ``drug``, best evidence first, as the web shows them."""
    from kb.evidence.treatment import register_functions, work_ids

    index = register_functions(conn)
    resolution = index.resolve(drug, role)
    if not resolution.found:
        close = ", ".join(resolution.suggestions)
        raise UnknownTreatment(
            f"--drug {drug!r} names no treatment of the vocabulary"
            + (f"; close matches: {close}" if close else "")
            + ". Use a concept id, a name, a brand, an abbreviation or a class (see the interventions table)."
        )
    return work_ids(conn, drug, role)


def works_for_evidence(
    conn: sqlite3.Connection,
    drug: str | None,
    design: str | None,
    role: str = "studied",
    include_short: bool = False,
) -> list[ExportWork]:
    """The works of ``drug`` (best evidence first) and/or of ``design`` (both must hold); by design alone,
    ordered by citation key."""
    selected: list[str] | None = None
    for name, value in (("drug", drug), ("design", design)):
        if value is None:
            continue
        missing = [t for t in EVIDENCE_TABLES[name] if not has_table(conn, t)]
        if missing:
            raise KbError(
                f"--{name}: the database has no evidence tables yet (missing: {', '.join(missing)}); "
                "rebuild it with a kb version that links evidence, or select works with --sql"
            )
        try:
            if name == "drug":
                ids = _drug_ids(conn, value, role)
            else:
                ids = sorted({r[0] for r in conn.execute(EVIDENCE_SQL[name], {"value": value})})
        except sqlite3.DatabaseError as e:
            raise KbError(
                f"--{name} {value!r}: the evidence tables do not have the expected shape ({e})"
            ) from e
        selected = ids if selected is None else [i for i in selected if i in set(ids)]
    works = {w.id: w for w in load_works(conn, selected or (), include_short)}
    if drug is None:
        return sorted(works.values(), key=lambda w: (w.citation_key, w.id))
    return [works[i] for i in selected or () if i in works]


def all_works(conn: sqlite3.Connection, include_short: bool = False) -> list[ExportWork]:
    """Every work, ordered by citation key."""
    ids = [r[0] for r in conn.execute("select id from works order by citation_key, id")]
    return load_works(conn, ids, include_short)

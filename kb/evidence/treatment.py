"""The evidence about one treatment, read from a built database: the works, in best-evidence order, and
for each its design, N, arms and results; the comparable effect estimates grouped for forest plots.

Every way in goes through here: the canned queries (which call the SQL functions registered by
:func:`register_functions` and run :data:`WORKS_SQL`), ``kb export --drug`` and the evidence page of the
Datasette plugin. So a name gives the same works in the same order everywhere.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kb.evidence.resolve import ROLE_SETS, Resolution, TreatmentIndex, index_from_db

STREAMS = 8
"""Concepts of a name read each in its own ordered stream (the largest class of the shipped vocabulary has
5 members); the concepts beyond them are read by one last stream that sorts its own (few) links."""
_ROLES = "(select value from json_each(kb_treatment_roles(:role)))"


def works_sql(condition: str = "") -> str:
    """:data:`WORKS_SQL`, with ``condition`` (on ``work_interventions.work_id``) checked inside every stream,
    so that it filters while streaming, before any ``limit`` (``TRIALS``)."""
    tail = f"\n  and role in {_ROLES}" + (f"\n  and {condition}" if condition else "")
    concepts = [
        *(f"= json_extract(kb_treatment(:drug), '$[{i}]')" for i in range(STREAMS)),
        f"in (select value from json_each(kb_treatment(:drug)) where key >= {STREAMS})",
    ]
    streams = [
        f"select work_rank, work_id from work_interventions\nwhere intervention_id {c}{tail}"
        for c in concepts
    ]
    return "\nunion\n".join(streams) + "\norder by work_rank, work_id"


WORKS_SQL = works_sql()
"""The works of a treatment, best evidence first (``work_rank`` is set by the build: one distinct rank per
work, ITP studies first, then evidence level, then most recent).

Each concept the name resolves to (``kb_treatment``: a JSON list) is one stream of links read from the
index ``(intervention_id, work_rank, work_id, role)`` already in rank order; the ``union`` merges the
streams and drops a work met twice (two roles, two concepts of a class) without sorting anything, so
``limit 1000`` reads about a thousand index entries whatever the treatment, instead of sorting every link
of it (a quarter of a million for rituximab at a million works). A missing concept (``$[i]`` past the end)
makes an empty stream. The canned queries of metadata.yml run this text with ``limit 1000`` (the best
thousand on a page); ``kb export --drug`` runs it whole."""
TRIALS = (
    "exists (select 1 from work_design d where d.work_id = work_interventions.work_id\n"
    "    and d.design_id in ('rct', 'non_randomised_trial'))"
)
"""The condition of ``trials_by_intervention``: the best 1,000 trials, not the trials among the best 1,000
works (at a million works the best 1,000 of rituximab are all systematic reviews)."""
COUNT_SQL = f"select count(*) from (\n{WORKS_SQL}\n)"
"""How many works the name has: the merged streams, counted (no sort either)."""
WEB_LIMIT = 1000
"""Works a canned query shows (its exports too); the evidence page says how many there are in all."""
RATIO_MEASURES = ("hr", "or", "rr")
DIFFERENCE_MEASURES = ("md", "rd")
MEASURE_NAMES = {
    "hr": "Hazard ratio",
    "or": "Odds ratio",
    "rr": "Risk ratio",
    "md": "Mean difference",
    "rd": "Risk difference",
}


def register_functions(conn: sqlite3.Connection, index: TreatmentIndex | None = None) -> TreatmentIndex:
    """Register ``kb_treatment(name)`` (JSON list of concept ids) and ``kb_treatment_roles(role)`` (JSON
    list of roles) on ``conn``, from the database's own vocabulary unless ``index`` is given."""
    index = index if index is not None else index_from_db(conn)

    @lru_cache(maxsize=256)
    def treatment(name: object) -> str:
        return json.dumps(list(index.resolve(str(name or "")).concepts))

    @lru_cache(maxsize=16)
    def roles(role: object) -> str:
        return json.dumps(list(index.resolve("", str(role or "")).roles))

    conn.create_function("kb_treatment", 1, treatment, deterministic=True)
    conn.create_function("kb_treatment_roles", 1, roles, deterministic=True)
    return index


def work_ids(
    conn: sqlite3.Connection, name: str, role: str = "studied", limit: int | None = None
) -> list[str]:
    """The works of treatment ``name`` (see :data:`WORKS_SQL`), at most ``limit``; functions registered on
    ``conn``."""
    sql = WORKS_SQL + (f" limit {int(limit)}" if limit is not None else "")
    return [r[1] for r in conn.execute(sql, {"drug": name, "role": role})]


def count_works(conn: sqlite3.Connection, name: str, role: str = "studied") -> int:
    """How many works treatment ``name`` has (all of them, whatever a page shows)."""
    return int(conn.execute(COUNT_SQL, {"drug": name, "role": role}).fetchone()[0])


@dataclass
class Study:
    """One work of the page: its row, design, N, arms and results."""

    work: dict[str, Any]
    design: dict[str, Any] | None = None
    n: int | None = None
    arms: list[dict[str, Any]] = field(default_factory=list)
    results: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ForestRow:
    """One estimate of a forest plot, with the result row it comes from."""

    label: str
    value: float
    low: float
    high: float
    p: str
    """With its operator: "=0.008", "<0.001"."""
    result_id: str
    work_id: str
    snippet: str
    place: str


@dataclass
class Forest:
    """Comparable estimates of one outcome and measure (never pooled here)."""

    outcome: str
    measure: str
    rows: list[ForestRow] = field(default_factory=list)

    @property
    def ratio(self) -> bool:
        """A ratio measure (log scale, no effect at 1) rather than a difference (no effect at 0)."""
        return self.measure in RATIO_MEASURES

    @property
    def title(self) -> str:
        """ "Overall response — Hazard ratio"."""
        return f"{self.outcome} — {MEASURE_NAMES.get(self.measure, self.measure)}"


@dataclass
class TreatmentEvidence:
    """Everything the evidence page shows for one name."""

    resolution: Resolution
    names: dict[str, str]
    total: int
    """How many works in all; -1: more than WEB_LIMIT (counting them exactly costs a full scan)."""
    studies: list[Study]
    forests: list[Forest]


def _rows(conn: sqlite3.Connection, sql: str, params: dict[str, Any] | tuple = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor]


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("select 1 from sqlite_master where name = ?", (table,)).fetchone() is not None


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"select * from pragma_table_info('{table}')")}


def _number(value: Any) -> float | None:
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


def treatment_evidence(
    conn: sqlite3.Connection, name: str, role: str = "studied", limit: int = 200, exact_total: bool = False
) -> TreatmentEvidence:
    """The evidence page's content for ``name``: at most ``limit`` studies (best first) and the forest plots
    of their estimates (the results export holds every study's)."""
    index = register_functions(conn)
    resolution = index.resolve(name, role)
    first = work_ids(conn, name, role, WEB_LIMIT + 1) if resolution.found else []
    shown = first[:limit]
    total = len(first) if len(first) <= WEB_LIMIT else count_works(conn, name, role) if exact_total else -1
    studies = [Study(w) for w in _works(conn, shown)]
    by_id = {s.work["id"]: s for s in studies}
    marks = ",".join("?" * len(shown))
    if shown and _has(conn, "work_design"):
        for row in _rows(
            conn,
            f"select d.*, g.name as design_name from work_design d left join designs g on g.id = d.design_id "
            f"where d.work_id in ({marks})",
            tuple(shown),
        ):
            by_id[row["work_id"]].design = row
    if shown:
        for row in _rows(
            conn,
            f"select distinct wi.work_id, wi.intervention_id, i.name, wi.role from work_interventions wi "
            f"join interventions i on i.id = wi.intervention_id where wi.work_id in ({marks}) "
            "order by wi.work_id, wi.role, wi.intervention_id",
            tuple(shown),
        ):
            by_id[row["work_id"]].arms.append(row)
    if shown and _has(conn, "results"):
        order = "line" if "line" in _columns(conn, "results") else "id"
        for row in _rows(
            conn, f"select * from results where work_id in ({marks}) order by {order}, id", tuple(shown)
        ):
            study = by_id[row["work_id"]]
            study.results.append(row)
            if row.get("measure") == "n" and (value := _number(row.get("value"))) is not None:
                study.n = max(study.n or 0, int(value))
    return TreatmentEvidence(resolution, index.names, total, studies, _forests(conn, shown))


def _p_value(op: object, p: object) -> str:
    """ "=0.008", "<0.001" (the operator as written, "=" when none), or "" without a p value."""
    if p is None or p == "":
        return ""
    value = f"{p:g}" if isinstance(p, float) else str(p)
    return f"{op or '='}{value}"


def _works(conn: sqlite3.Connection, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in _rows(conn, f"select * from works where id in ({marks})", tuple(ids))}
    return [rows[i] for i in ids if i in rows]


def _forests(conn: sqlite3.Connection, ids: list[str]) -> list[Forest]:
    """Estimates with a CI of the works ``ids``, grouped by outcome and measure; only groups worth a plot."""
    if not ids or not _has(conn, "results"):
        return []
    cols = _columns(conn, "results")
    text = next((c for c in ("outcome_text", "outcome") if c in cols), "")
    outcome_label = (
        f"coalesce(o.name, nullif(r.{text}, ''), r.outcome_id)" if text else "coalesce(o.name, r.outcome_id)"
    )
    p_op = "r.p_op" if "p_op" in cols else "''"
    arm = "r.arm" if "arm" in cols else "''"
    comparator = "r.comparator_arm" if "comparator_arm" in cols else "''"
    place = "coalesce(r.document_id, '') || ':' || coalesce(r.line, '')" if "line" in cols else "''"
    marks = ",".join("?" * len(ids))
    measures = (*RATIO_MEASURES, *DIFFERENCE_MEASURES)
    rows = _rows(
        conn,
        f"select r.id, r.work_id, r.measure, r.value, r.ci_low, r.ci_high, r.p, {p_op} as p_op, r.raw, "
        f"{outcome_label} as outcome, {arm} as arm, {comparator} as comparator, {place} as place, "
        "w.citation_key, w.first_author, w.year "
        "from results r join works w on w.id = r.work_id left join outcomes o on o.id = r.outcome_id "
        f"where r.work_id in ({marks}) and r.measure in ({','.join('?' * len(measures))}) "
        "and r.ci_low is not null and r.ci_high is not null",
        (*ids, *measures),
    )
    rank = {w: i for i, w in enumerate(ids)}  # the shown works, in their order
    groups: dict[tuple[str, str], Forest] = {}
    for row in sorted(rows, key=lambda r: (rank[r["work_id"]], r["id"])):
        value, low, high = (_number(row[k]) for k in ("value", "ci_low", "ci_high"))
        if value is None or low is None or high is None or not low <= value <= high:
            continue
        if row["measure"] in RATIO_MEASURES and low <= 0:
            continue
        outcome = str(row["outcome"] or "unspecified outcome").replace("_", " ")
        forest = groups.setdefault((outcome, row["measure"]), Forest(outcome, row["measure"]))
        who = f"{row['first_author'] or row['citation_key']} {row['year'] or ''}".strip()
        arms = " vs ".join(str(a).replace("_", " ") for a in (row["arm"], row["comparator"]) if a)
        forest.rows.append(
            ForestRow(
                f"{who}{' — ' + arms if arms else ''}",
                value,
                low,
                high,
                _p_value(row["p_op"], row["p"]),
                str(row["id"]),
                str(row["work_id"]),
                str(row["raw"] or ""),
                str(row["place"] or ""),
            )
        )
    return sorted(groups.values(), key=lambda f: (f.outcome, f.measure))


__all__ = [
    "COUNT_SQL",
    "ROLE_SETS",
    "STREAMS",
    "TRIALS",
    "WEB_LIMIT",
    "WORKS_SQL",
    "Forest",
    "ForestRow",
    "Study",
    "TreatmentEvidence",
    "count_works",
    "register_functions",
    "treatment_evidence",
    "work_ids",
    "works_sql",
]

"""What ``kb results`` prints: JSON per result of a text, or the results of a database as CSV.

:func:`run_results` reads one text (any layout: an abstract, a review card, a slide's text) and writes one
JSON object per result. :func:`write_results_csv` writes the database's ``results_for_meta_analysis`` view
(one row per result with its study, outcome, measure, value, CI, n, p, source file and line) as CSV.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from kb.evidence.results import results_for_text
from kb.evidence.vocab import Vocabulary
from kb.progress import Progress
from kb.readonly import connect_readonly

RESULTS_VIEW = "results_for_meta_analysis"
"""The view the CSV export reads (also a Datasette table whose .csv link gives the same file)."""
RESULTS_VIEW_SQL = """
select
  coalesce(w.citation_key, w.first_author || ' ' || w.year, w.id) as study,
  w.id as work_id,
  w.title as title,
  w.year as year,
  coalesce(o.name, r.outcome_text) as outcome,
  r.outcome_id,
  r.outcome_text,
  r.measure,
  r.kind,
  r.value,
  r.unit,
  r.ci_low,
  r.ci_high,
  r.p_op,
  r.p,
  r.arm_text as arm,
  r.arm as intervention_id,
  r.comparator_arm,
  r.count as events,
  r.denominator as n_arm,
  (select min(n.value) from results n where n.work_id = r.work_id and n.measure = 'n'
     and n.section in ('methods', 'unknown')) as n_randomised,
  r.timepoint,
  r.section,
  r.method,
  d.path as source_file,
  r.line,
  r.raw as sentence,
  r.id as result_id
from results r
left join works w on w.id = r.work_id
left join outcomes o on o.id = r.outcome_id
left join documents d on d.id = r.document_id
order by study, r.document_id, r.line, r.id
"""


_JSON = json.JSONEncoder(ensure_ascii=False)
"""What ``json.dumps(..., ensure_ascii=False)`` builds on every call, built once."""


def run_results(
    text: str,
    out: TextIO,
    vocab: Vocabulary | None = None,
    *,
    assume_itp: bool = False,
    progress: Progress | None = None,
) -> int:
    """Write one JSON object per result of ``text`` to ``out``, counted on ``progress``; return the exit
    status (0)."""
    encode = _JSON.encode
    lines = text.count("\n") + 1
    with (progress or Progress()).stage("results", unit="results") as step:
        for result in results_for_text(text, vocab, assume_itp=assume_itp):
            out.write(encode(result.to_json()) + "\n")
            step.advance()
        step.done(f"{step.count:,} results from {lines:,} lines")
    return 0


def write_results_csv(db: Path, out: TextIO, progress: Progress | None = None) -> int:
    """Write the results of database ``db`` as CSV (header first); return the number of rows written.

    Raises ``KbError`` when the file is missing, is not a database or has no results view (built by an
    older version), ``sqlite3.Error`` when the view cannot be read.
    """
    conn = connect_readonly(db, tables=(RESULTS_VIEW,))
    try:
        cursor = conn.execute(f"select * from {RESULTS_VIEW}")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([c[0] for c in cursor.description])
        n = 0
        with (progress or Progress()).stage("results", unit="rows") as step:
            for row in cursor:
                writer.writerow(row)
                n += 1
                step.advance()
        return n
    finally:
        conn.close()

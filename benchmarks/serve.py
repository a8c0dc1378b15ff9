"""Benchmark: serving a knowledge base of a million works through Datasette, as ``kb serve`` does.

    python benchmarks/serve.py [--works 1000000] [--db PATH] [--requests 20] [--variant both]

Generates a synthetic knowledge base on the build's own schema (``benchmarks/serve_data.py``; reused when
``--db`` names an existing file, which must be called ``evidence.db`` so that ``metadata.yml`` applies),
starts Datasette on a free loopback port with the command ``kb serve`` runs (``kb.serve.datasette_command``:
immutable, ``suggest_facets off``, ``sql_time_limit_ms``) and the project's ``metadata.yml``, then times
the HTTP API: the ``evidence_by_treatment`` and ``search`` canned queries and table pages. Prints p50 and
p95 per endpoint against the targets (canned queries p50 <= 50 ms, table pages p50 <= 100 ms).

Variants:

- ``shipped``: the database, ``metadata.yml`` and command exactly as the project has them;
- ``proposed``: the changes this benchmark recommends (``PROPOSED_SQL`` run on the database, as the build
  would make it; ``PROPOSED_QUERIES`` and ``PROPOSED_TABLE_FACETS`` in a copy of the metadata;
  ``PROPOSED_SETTINGS``; ``--inspect`` adds ``--inspect-file`` with cached row counts, which saves only
  2-5 ms a page). The database file is changed in place: ``both`` runs ``shipped`` first.

Every request goes to 127.0.0.1; each endpoint gets 2 untimed then ``--requests`` timed sequential GETs
(an endpoint that hits the SQL time limit three times is not asked again).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import yaml

from kb.serve import datasette_command, served_metadata

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_data import generate

ROOT = Path(__file__).resolve().parent.parent
METADATA = ROOT / "metadata.yml"
DEFAULT_DB = Path(tempfile.gettempdir()) / "kb_serve_benchmark" / "evidence.db"
SERVER_LIFETIME_S = 3600
"""The server is started under ``timeout``: it stops by itself even if this script is killed."""
TARGET_MS = {"evidence_by_treatment": 50.0, "search": 50.0, "table": 100.0, "evidence_page": 100.0}
EVIDENCE_PAGES = (
    "/-/treatment?drug=rituximab",
    "/-/treatment?drug=TPO-RA",
    "/-/treatment?drug=corticosteroids",
    "/-/treatment?drug=eculizumab",
    "/-/treatment?drug=rituximb",
    "/evidence/works/{work}",
)
"""The evidence page of a treatment (a drug, a class, an unknown name) and a work's page with its summary."""
DRUGS = ("rituximab", "RTX", "MabThera", "eltrombopag", "romiplostim", "anti_cd20", "eculizumab")
TABLE_PAGES = (
    "/evidence/works.json",
    "/evidence/works?_sort=year",
    "/evidence/citations.json",
    "/evidence/citations.json?document_id={document}",
    "/evidence/works.json?journal=Blood",
    "/evidence/works.json?year=2020&journal=Blood",
    "/evidence/works.json?journal=Blood&_facet=year",
    "/evidence/work_interventions.json?intervention_id=eltrombopag&_facet=role",
    "/evidence/work_interventions.json?_facet=role",
)
"""Table pages: default pages, the HTML page sorted by year, filtered pages and facet pages."""
SEARCHES = (
    "rituximab",
    "eltrombopag children",
    "splenectomy long-term outcome",
    "romiplostim bleeding",
    "Godeau",
    "immune thrombocytopenia",
)

RANK_SQL = """
update work_interventions set work_rank = r.work_rank
from (
  select w.id as work_id,
         row_number() over (order by coalesce(d.level, 9), w.year desc, w.citation_key) as work_rank
  from works w left join work_design d on d.work_id = w.id
) as r
where r.work_id = work_interventions.work_id;
"""
"""What the build does in ``kb.evidence.build.rank_links``: the generator leaves ``work_rank`` empty."""
PROPOSED_SQL = """
insert into works_fts (works_fts, rank) values ('rank', 'bm25(10.0, 5.0, 1.0, 2.0, 2.0, 2.0)');
"""
"""Still only proposed: a default bm25 rank on the works FTS index (the search query's rewrite)."""
"""What the build would add (the lead applies it in ``kb.store``/``kb.evidence``): a denormalised rank of
each work in best-evidence order on its intervention links, indexed with the intervention, so that
``evidence_by_treatment`` reads the best 1000 links of a treatment in index order instead of every link;
an index for the works page's default sort (``sort_desc: n_citations``) and, for its filters on year and
journal, indexes that also give that order and cover the other column (filtered counts, facets); the
weighted BM25 as the FTS table's own rank, so that ``search`` can ``order by rank`` inside FTS5."""

MATCHED = """with matched as (
  select id from interventions
  where lower(id) = lower(trim(:drug)) or lower(name) = lower(trim(:drug))
     or lower(class) = lower(trim(:drug))
     or instr('|' || lower(replace(synonyms, ' | ', '|')) || '|', '|' || lower(trim(:drug)) || '|') > 0
)"""
PROPOSED_QUERIES = {
    "search": """select w.id as work_id, w.citation_key, w.title, w.authors, w.year, w.journal, w.doi,
       round(f.rank, 3) as relevance
from (select rowid, rank from works_fts where works_fts match escape_fts(:q) order by rank limit 200) f
join works w on w.rowid = f.rowid
order by relevance, w.year desc""",
}
"""The two canned queries as the benchmark proposes them for ``metadata.yml`` (same columns)."""
PROPOSED_SETTINGS: dict[str, str] = {}
"""Settings added to the ``kb serve`` command: none are needed once the queries and indexes are right."""
PROPOSED_TABLE_FACETS: dict[str, list[str]] = {
    table: []
    for table in (
        "works", "citations", "work_authors", "work_interventions", "work_outcomes", "work_design",
        "results", "evidence",
    )
}  # fmt: skip
"""Default facets of ``metadata.yml`` dropped in the proposed metadata: on tables of a million rows each
one is a ``group by`` over the whole table (50-850 ms) on every page view; ``_facet=`` still works."""


@dataclass(frozen=True)
class Endpoint:
    """One URL to time, in a group with a target."""

    group: str
    label: str
    path: str


@dataclass
class Timing:
    """Latencies of one endpoint, in milliseconds, and what went wrong."""

    endpoint: Endpoint
    ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rows: int | None = None
    facets_timed_out: int = 0

    def percentile(self, q: float) -> float:
        """The ``q`` quantile (0-1) of the latencies, nearest rank."""
        if not self.ms:
            return float("nan")
        ordered = sorted(self.ms)
        return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


def endpoints(document_id: str, work_id: str = "") -> list[Endpoint]:
    """The URLs timed: canned queries with realistic parameters, table pages, a filtered and a facet page,
    the evidence pages."""
    out = [
        Endpoint(
            "evidence_by_treatment", f"drug={d}", f"/evidence/evidence_by_treatment.json?drug={quote(d)}"
        )
        for d in DRUGS
    ]
    out += [Endpoint("search", f"q={q}", f"/evidence/search.json?{urlencode({'q': q})}") for q in SEARCHES]
    out += [Endpoint("table", path.removeprefix("/evidence/"), path) for path in TABLE_PAGES]
    out += [Endpoint("evidence_page", path.removeprefix("/-/"), path) for path in EVIDENCE_PAGES]
    return [
        Endpoint(e.group, e.label, e.path.replace("{document}", document_id).replace("{work}", work_id))
        for e in out
    ]


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def datasette(command: Sequence[str], port: int, log: Path) -> Iterator[None]:
    """Run ``command`` (under ``timeout``) until the block ends; wait until it answers on ``port``."""
    with log.open("w") as out:
        process = subprocess.Popen(
            ["timeout", str(SERVER_LIFETIME_S), *command],
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"datasette exited with {process.returncode}: {log.read_text()[-2000:]}")
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                connection.request("GET", "/-/versions.json")
                connection.getresponse().read()
                connection.close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("datasette did not answer within 120 s") from None
                time.sleep(0.2)
        yield
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def time_endpoint(port: int, endpoint: Endpoint, requests: int, warmup: int = 2) -> Timing:
    """``warmup`` untimed then ``requests`` timed sequential GETs over one keep-alive connection."""
    timing = Timing(endpoint)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        for i in range(warmup + requests):
            start = time.perf_counter()
            connection.request("GET", endpoint.path)
            response = connection.getresponse()
            body = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if i >= warmup:
                timing.ms.append(elapsed)
            if response.status != 200:
                timing.errors.append(f"HTTP {response.status}: {body[:200]!r}")
                if len(timing.errors) >= 3:  # timed out thrice: the figure is the time limit, stop there
                    break
            elif endpoint.path.split("?")[0].endswith(".json"):
                data = json.loads(body)
                timing.rows = len(data.get("rows", []))
                timing.facets_timed_out = max(timing.facets_timed_out, len(data.get("facets_timed_out", [])))
    finally:
        connection.close()
    return timing


def proposed_metadata(directory: Path, limit: int) -> Path:
    """``metadata.yml`` with ``PROPOSED_QUERIES`` (best ``limit`` works) and ``PROPOSED_TABLE_FACETS``."""
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    database = metadata["databases"]["evidence"]
    for name, sql in PROPOSED_QUERIES.items():
        database["queries"][name]["sql"] = sql.replace("{limit}", str(limit))
    for table, facets in PROPOSED_TABLE_FACETS.items():
        database["tables"][table]["facets"] = facets
    path = directory / "metadata.yml"
    path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def fill_work_rank(db: Path) -> None:
    """Rank the works on their intervention links as the build does (once)."""
    conn = sqlite3.connect(db)
    try:
        if conn.execute("select 1 from work_interventions where work_rank is null limit 1").fetchone():
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.executescript(RANK_SQL)
            conn.commit()
    finally:
        conn.close()


def apply_proposed_sql(db: Path) -> float:
    """Run ``PROPOSED_SQL`` on ``db`` once (skipped when already applied); the seconds it took."""
    start = time.perf_counter()
    conn = sqlite3.connect(db)
    try:
        configured = conn.execute("select 1 from works_fts_config where k = 'rank'").fetchone()
        if not configured:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA cache_size = -400000")
            conn.executescript(PROPOSED_SQL)
            conn.commit()
    finally:
        conn.close()
    return time.perf_counter() - start


def inspect_file(db: Path, directory: Path) -> Path:
    """``datasette inspect``'s JSON for ``db`` (hash and row counts), for ``--inspect-file``."""
    path = directory / "inspect-data.json"
    subprocess.run(
        [sys.executable, "-m", "datasette", "inspect", str(db), "--inspect-file", str(path)],
        check=True,
        timeout=1800,
    )
    return path


def command_for(variant: str, db: Path, port: int, directory: Path, limit: int, inspect: bool) -> list[str]:
    """The Datasette command line of ``variant``: ``kb serve``'s own, or with the proposed changes."""
    fill_work_rank(db)
    if variant == "shipped":
        metadata = served_metadata(METADATA, db, directory / "served.yml")
        return datasette_command(db, "127.0.0.1", port, metadata)
    command = datasette_command(db, "127.0.0.1", port, proposed_metadata(directory, limit))
    if inspect:
        command += ["--inspect-file", str(inspect_file(db, directory))]
    for name, value in PROPOSED_SETTINGS.items():
        command += ["--setting", name, value]
    return command


def run_variant(
    variant: str, db: Path, requests: int, directory: Path, limit: int, inspect: bool
) -> list[Timing]:
    """Start Datasette for ``variant`` and time every endpoint."""
    conn = sqlite3.connect(f"file:{db}?immutable=1", uri=True)
    try:
        document_id = conn.execute(
            "select document_id from citations group by document_id order by count(*) desc limit 1"
        ).fetchone()[0]
        work_id = conn.execute(
            "select work_id from work_interventions where intervention_id = 'rituximab' "
            "order by work_rank limit 1"
        ).fetchone()[0]
    finally:
        conn.close()
    port = free_port()
    command = command_for(variant, db, port, directory, limit, inspect)
    print(f"\n[{variant}] {' '.join(command)}", flush=True)
    timings = []
    with datasette(command, port, directory / f"datasette-{variant}.log"):
        for endpoint in endpoints(document_id, work_id):
            timing = time_endpoint(port, endpoint, requests)
            timings.append(timing)
            print(f"  {format_row(timing)}", flush=True)
    return timings


def format_row(t: Timing) -> str:
    """One line of the table: group, endpoint, p50, p95, target, verdict, rows, errors."""
    target = TARGET_MS[t.endpoint.group]
    p50, p95 = t.percentile(0.5), t.percentile(0.95)
    verdict = "ok" if not t.errors and not t.facets_timed_out and p50 <= target else "MISS"
    errors = f" {len(t.errors)} errors: {t.errors[0][:60]}" if t.errors else ""
    if t.facets_timed_out:
        errors += f" {t.facets_timed_out} facets timed out"
    rows = "" if t.rows is None else str(t.rows)
    return (
        f"{t.endpoint.group:<22} {t.endpoint.label:<62} {p50:>8.1f} {p95:>8.1f} {target:>6.0f} {verdict:<4} "
        f"{rows:>5}{errors}"
    )


def print_table(variant: str, timings: list[Timing]) -> None:
    """The figures of one variant, one line per endpoint."""
    print(f"\n== {variant}: p50/p95 in ms ==")
    print(f"{'group':<22} {'endpoint':<62} {'p50':>8} {'p95':>8} {'target':>6} {'':<4} {'rows':>5}")
    for t in timings:
        print(format_row(t))


def main() -> None:
    """Generate (or reuse) the database, then time each variant and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--works", type=int, default=1_000_000, help="Works to generate (default 1,000,000).")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="Database: reused when it exists.")
    parser.add_argument("--requests", type=int, default=20, help="Timed requests per endpoint (default 20).")
    parser.add_argument(
        "--limit", type=int, default=1000, help="Works the proposed evidence_by_treatment returns (1000)."
    )
    parser.add_argument(
        "--inspect", action="store_true", help="Proposed: serve with --inspect-file (cached row counts)."
    )
    parser.add_argument("--seed", type=int, default=9, help="Seed of the generator.")
    parser.add_argument("--variant", choices=("shipped", "proposed", "both"), default="both")
    args = parser.parse_args()
    db: Path = args.db.resolve()
    if db.name != "evidence.db":
        parser.error("--db must be a file named evidence.db (metadata.yml describes the database 'evidence')")
    if db.exists():
        print(f"reusing {db} ({db.stat().st_size / 1e9:.2f} GB)")
    else:
        db.parent.mkdir(parents=True, exist_ok=True)
        generated = generate(db, args.works, args.seed)
        print(f"generated {db} in {generated.seconds:.0f} s, {generated.size / 1e9:.2f} GB")
        for table, n in generated.rows.items():
            print(f"  {table:<20} {n:>10,}")
    variants = ("shipped", "proposed") if args.variant == "both" else (args.variant,)
    results = {}
    with tempfile.TemporaryDirectory(prefix="kb_serve_") as tmp:
        for variant in variants:
            if variant == "proposed":
                seconds = apply_proposed_sql(db)
                print(f"proposed schema changes applied in {seconds:.1f} s")
            results[variant] = run_variant(variant, db, args.requests, Path(tmp), args.limit, args.inspect)
    print(
        f"\nsettings: {args.requests} timed requests per endpoint after 2 warm-up requests, sequential, "
        f"one keep-alive connection; Datasette {datasette_version()}, SQLite {sqlite3.sqlite_version}; "
        f"proposed: settings {PROPOSED_SETTINGS}, evidence_by_treatment limit {args.limit}, "
        f"--inspect-file {'on' if args.inspect else 'off'}"
    )
    for variant, timings in results.items():
        print_table(variant, timings)


def datasette_version() -> str:
    """The installed Datasette's version."""
    from datasette.version import __version__

    return str(__version__)


if __name__ == "__main__":
    main()

"""The ``kb`` command line; the one module that imports click.

Exit codes (documented in the README):

- 0: the command did what it was asked (a build with problems still exits 0: problems are data);
- 1: a usage error or an input/output error, reported as one ``Error: ...`` line;
- 2: ``kb build --strict`` recorded at least one problem of severity ``error``;
- 3: ``kb enrich`` could not reach a service (no network, refused connection, timeouts);
- 4: ``kb enrich``: a service refused the request itself (a bad API key);
- 5: ``kb enrich`` finished, but some lookups failed (malformed answers, a service still busy);
- 6: ``kb export --drug`` names no treatment of the vocabulary (close matches are printed).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kb.model import DocumentKind, KbError

# Each command imports its stage when it runs, so that `kb parse` does not pay for Datasette, networkx
# and the evidence vocabularies at start-up. The choices below are checked against the stages by a test.
EXPORT_FORMATS = ("bibtex", "ris", "csljson")
GRAPH_FORMATS = ("graphml", "gexf", "json")
PARSE_FORMATS = ("csl", "bibtex")

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_STRICT = 2
EXIT_NETWORK = 3
EXIT_REFUSED = 4
EXIT_PARTIAL = 5
ENRICH_ONLY = ("short", "flagged", "no_identifier", "all")
EXIT_UNKNOWN_TREATMENT = 6
TREATMENT_ROLES = ("studied", "intervention", "comparator", "population", "rescue", "any")
DEFAULT_DB = Path("db/evidence.db")
DEFAULT_REFERENCES = Path("references")
DEFAULT_METADATA = Path("metadata.yml")
F = TypeVar("F", bound=Callable[..., Any])


def db_option(help_text: str) -> Callable[[F], F]:
    """The ``--db PATH`` option every command that reads or writes the database shares."""
    return click.option(
        "--db", "db", type=click.Path(path_type=Path), default=DEFAULT_DB, show_default=True, help=help_text
    )


def references_option(help_text: str) -> Callable[[F], F]:
    """The ``--references DIR`` option of the commands that build."""
    return click.option(
        "--references",
        "references",
        type=click.Path(path_type=Path),
        default=DEFAULT_REFERENCES,
        show_default=True,
        help=help_text,
    )


def extract_option(func: F) -> F:
    """The ``--extract DIR`` option of the commands that build: where the curated files are."""
    return click.option(
        "--extract",
        "extract_dir",
        type=click.Path(path_type=Path),
        help="Curated files (journals.yml, the vocabularies, decisions.yml); default: extract/ beside the "
        "references directory. A file it lacks is taken from the defaults shipped with kb (decisions: none).",
    )(func)


def quiet_option(func: F) -> F:
    """The ``--quiet`` option of the commands that build: no progress report on stderr."""
    return click.option("--quiet", "-q", is_flag=True, help="No progress report on stderr.")(func)


def _config(references: Path, db: Path, extract_dir: Path | None = None, quiet: bool = False) -> Any:
    """The build configuration of a command, reporting progress on stderr unless ``quiet``."""
    from kb.config import Config
    from kb.progress import progress_for

    return Config(references, db, extract_dir, progress_for(sys.stderr, quiet))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="itp-kb", prog_name="kb")
def cli() -> None:
    """ITP evidence knowledge base: build it from references/ and serve it with Datasette."""


def _print_summary(summary: Any, db: Path) -> None:
    click.echo(f"built {db}")
    for line in summary.lines():
        click.echo(line)


@cli.command("build")
@references_option("Directory of input documents (each with an optional <name>.yml).")
@db_option("Database file to write (replaced atomically).")
@click.option("--strict", is_flag=True, help="Exit 2 when any problem of severity error was recorded.")
@extract_option
@quiet_option
def build_command(references: Path, db: Path, strict: bool, extract_dir: Path | None, quiet: bool) -> None:
    """Build the knowledge base from REFERENCES into DB and print a summary (progress on stderr)."""
    from kb.pipeline import build

    summary = build(_config(references, db, extract_dir, quiet))
    _print_summary(summary, db)
    if strict and summary.errors:
        click.echo(f"strict: {summary.errors} problems of severity error; see the problems table.", err=True)
        sys.exit(EXIT_STRICT)


@cli.command("add")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--title", help="Title for the sidecar (default: the file name).")
@click.option(
    "--kind",
    type=click.Choice([k.value for k in DocumentKind]),
    help="Document kind (default: guessed from the content).",
)
@click.option("--language", help="Language code, e.g. en or fr.")
@references_option("Directory the files are copied into.")
@db_option("Database rebuilt afterwards.")
@quiet_option
def add_command(
    files: tuple[Path, ...],
    title: str | None,
    kind: str | None,
    language: str | None,
    references: Path,
    db: Path,
    quiet: bool,
) -> None:
    """Copy FILES into REFERENCES with a sidecar .yml each, then rebuild the database."""
    from kb.add import add_files
    from kb.pipeline import build

    for added in add_files(list(files), references, title, kind, language):
        click.echo(f"{'added' if added.new else 'already present'}: {added.path}")
    _print_summary(build(_config(references, db, quiet=quiet)), db)


@cli.command("check")
@db_option("Database to report on.")
@click.option("--code", help="Report only this problem code.")
@click.option(
    "--examples", default=3, show_default=True, type=click.IntRange(0, 1000), help="Messages shown per code."
)
def check_command(db: Path, code: str | None, examples: int) -> None:
    """Report the problems of the database, grouped by code, errors first."""
    from kb.check import check_report

    for line in check_report(db, code, examples):
        click.echo(line)


@cli.command("review")
@db_option("Database whose review queue to list.")
def review_command(db: Path) -> None:
    """List the review queue: maybe-duplicates and ambiguous short citations, with the line that decides."""
    from kb.check import review_report

    for line in review_report(db):
        click.echo(line)


@cli.command("parse")
@click.argument("file", default="-", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--jsonl", is_flag=True, help="One CSL-JSON object per line (default: one JSON array).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(PARSE_FORMATS),
    default="csl",
    show_default=True,
    help="CSL-JSON items or BibTeX entries.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=0,
    help="Worker processes (default 0: one per core, at most 4); the output is the same.",
)
def parse_command(file: Path, jsonl: bool, fmt: str, jobs: int) -> None:
    """Parse one reference per line of FILE (or stdin): authors, title, journal, date, volume, issue,
    pages, DOI, PMID, URL, type, the confidence of each field and the problems found. Every line gives
    exactly one item."""
    from kb.parse.csl import binary_lines, default_jobs, run_parse

    jobs = jobs or default_jobs()

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
    try:
        if str(file) == "-":
            code = run_parse(binary_lines(sys.stdin.buffer), jsonl, fmt, out, jobs)
        else:
            with file.open("rb") as stream:
                code = run_parse(binary_lines(stream), jsonl, fmt, out, jobs)
    except OSError as exc:  # a directory, no permission, /proc/self/mem (EIO)...
        raise KbError(f"{file}: cannot be read ({exc.strerror or exc}).") from exc
    finally:
        out.flush()
        out.detach()  # leave sys.stdout's buffer open for whoever writes next
    sys.exit(code)


@cli.command("find")
@click.argument("file", default="-", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--jsonl", is_flag=True, help="One JSON object per line (default: one JSON array).")
def find_command(file: Path, jsonl: bool) -> None:
    """Find the references in FILE or stdin (any document, text or PDF): one JSON object each."""
    from kb.find.run import find_file

    sys.exit(find_file(file, jsonl))


@cli.command("train")
@click.option("--out", type=click.Path(path_type=Path), help="Parser model file, or finder model directory.")
@click.option("--only", type=click.Choice(["parser", "finder"]), help="Rebuild one model (default: both).")
def train_command(out: Path | None, only: str | None) -> None:
    """Rebuild the parser's CRF model (data/refparse/) and the finder's (data/refseg/), deterministically."""
    from kb.find.train import train_finder
    from kb.parse.train import MODEL_FILE, train_model

    if only != "finder":
        click.echo(f"trained {train_model(out or MODEL_FILE)}")
    if only != "parser":
        click.echo("\n".join(f"trained {path}" for path in train_finder(out if only else None)))


@cli.command("tag")
@click.argument("file", default="-", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--jsonl", is_flag=True, help="JSON lines out (the only format; accepted for clarity).")
@click.option(
    "--itp", is_flag=True, help="The texts are known to be about ITP (satisfies ITP context guards)."
)
@click.option(
    "--vocab",
    type=click.Path(path_type=Path),
    help="Directory of the vocabulary files (default: the ones shipped with kb).",
)
def tag_command(file: Path, jsonl: bool, itp: bool, vocab: Path | None) -> None:
    """Tag one text per line of FILE (or stdin): interventions with roles, outcomes, design and level."""
    from kb.evidence import VocabularyError, load_vocabulary, run_tag
    from kb.evidence.runner import split_lines

    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        vocabulary = load_vocabulary(vocab)
    except OSError as exc:
        raise KbError(f"{file}: cannot be read ({exc.strerror or exc}).") from exc
    except VocabularyError as exc:
        raise KbError(str(exc)) from exc
    sys.exit(run_tag(split_lines(data), sys.stdout, vocabulary, assume_itp=itp))


@cli.command("results")
@click.argument("file", default="-", type=click.Path(path_type=Path, allow_dash=True))
@click.option("--jsonl", is_flag=True, help="JSON lines out (the default; accepted for clarity).")
@click.option("--itp", is_flag=True, help="The text is known to be about ITP (satisfies ITP context guards).")
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    help="Instead of reading FILE, write the results of this database as CSV (for a meta-analysis).",
)
def results_command(file: Path, jsonl: bool, itp: bool, db: Path | None) -> None:
    """Print the results of FILE (or stdin): one JSON object per number a trial reports.

    With --db, print every result of a built database as CSV: study, outcome, measure, value, CI, n, p,
    source file and line.
    """
    import sqlite3

    from kb.evidence import VocabularyError, load_vocabulary
    from kb.evidence.results.report import run_results, write_results_csv

    if db is not None:
        if not db.is_file():
            raise KbError(f"{db}: no such database; run `kb build` first.")
        try:
            write_results_csv(db, sys.stdout)
        except sqlite3.Error as exc:
            raise KbError(f"{db}: cannot read its results ({exc}); rebuild it with `kb build`.") from exc
        return
    try:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        vocabulary = load_vocabulary()
    except OSError as exc:
        raise KbError(f"{file}: cannot be read ({exc.strerror or exc}).") from exc
    except VocabularyError as exc:
        raise KbError(str(exc)) from exc
    text = data.decode("utf-8", errors="replace").replace("\x00", "")
    sys.exit(run_results(text, sys.stdout, vocabulary, assume_itp=itp))


@cli.command("dedupe")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="Clusters as CSV (merged_ids) or JSON lines.",
)
@click.option(
    "--maybe", "maybe", type=click.Path(path_type=Path), help="Write the pairs left for review here."
)
@click.option("--summary", is_flag=True, help="Print PRISMA counts (per file, per database) to stderr.")
@click.option("--strict", is_flag=True, help="Exit 2 when a file was skipped or had an error.")
def dedupe_command(
    files: tuple[Path, ...], fmt: str, maybe: Path | None, summary: bool, strict: bool
) -> None:
    """Deduplicate exports of any format kb reads: one row per cluster; unreadable files are skipped."""
    from kb.dedupe.run import run_dedupe

    paths, maybe_path = [str(f) for f in files], str(maybe) if maybe else None
    sys.exit(run_dedupe(paths, fmt, maybe_path, summary, sys.stdout, sys.stderr, strict=strict))


@cli.command("export")
@db_option("Database to export from (opened read-only).")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option(
    "--drug", help="Only works of this treatment (any name, brand, abbreviation or class), best first."
)
@click.option(
    "--role", type=click.Choice(TREATMENT_ROLES), default="studied", help="With --drug: the roles that count."
)
@click.option("--design", help="Only works of this study design (design id).")
@click.option("--sql", help="Read-only SELECT whose rows are works (id) or carry a work_id.")
@click.option(
    "--include-short",
    is_flag=True,
    help="Also export short citations without a title, as misc entries whose note quotes the citation.",
)
@click.option(
    "--out", "out", type=click.Path(path_type=Path), help="File to write (default: standard output)."
)
def export_command(db: Path, fmt: str, out: Path | None, **options: Any) -> None:
    """Export works as BibTeX, RIS or CSL-JSON: every work, or those of --drug/--design/--sql."""
    from kb.export import run_export

    n = run_export(db, fmt, out, **options)
    if out is not None:
        click.echo(f"exported {n} works to {out}", err=True)


@cli.command("enrich")
@db_option("Database whose works are looked up (built first when missing, rebuilt after).")
@references_option("Directory of input documents, for the build before and after the lookups.")
@extract_option
@click.option(
    "--source", "sources", default="pubmed,crossref", show_default=True, help="Services, comma-separated."
)
@click.option(
    "--email", default="", envvar="KB_EMAIL", help="Your e-mail, sent to NCBI and Crossref (polite pool)."
)
@click.option(
    "--api-key", default="", envvar="NCBI_API_KEY", help="NCBI API key: 10 requests a second instead of 3."
)
@click.option(
    "--only",
    type=click.Choice(ENRICH_ONLY),
    default="all",
    show_default=True,
    help="Which works: short citations, flagged fields, works without DOI/PMID, or all of them.",
)
@click.option("--offline", is_flag=True, help="Use the cache only; never touch the network.")
@click.option("--refresh", is_flag=True, help="Ask again lookups already in the cache.")
@click.option("--limit", type=click.IntRange(min=0), help="Look up at most this many works.")
@click.option(
    "--pubmed-url", default="https://eutils.ncbi.nlm.nih.gov/entrez/eutils", help="E-utilities base URL."
)
@click.option("--crossref-url", default="https://api.crossref.org", help="Crossref REST API base URL.")
@click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True, help="Seconds per request."
)
@click.option(
    "--retries",
    type=click.IntRange(min=0, max=10),
    default=3,
    show_default=True,
    help="Tries after a 429/5xx.",
)
@quiet_option
def enrich_command(
    db: Path, references: Path, extract_dir: Path | None, sources: str, quiet: bool, **options: Any
) -> None:
    """Look works up in PubMed and Crossref into a cache beside DB, then rebuild DB with what matched."""
    from kb.enrich import EnrichSettings, run_lookups, verdict_counts
    from kb.pipeline import build

    services = tuple(s.strip() for s in sources.split(",") if s.strip())
    settings = EnrichSettings(db=db, sources=services, **options)  # email, api_key, only, offline, ...
    config = _config(references, db, extract_dir, quiet)
    if not db.exists():
        build(config)
    summary = run_lookups(settings)
    for line in summary.lines():
        click.echo(line)
    build(config)
    click.echo(f"rebuilt {db}")
    for verdict, n in verdict_counts(db):
        click.echo(f"  {verdict}: {n}")
    if summary.failed:
        click.echo(f"{len(summary.failed)} lookups failed; run kb enrich again to retry them.", err=True)
        sys.exit(EXIT_PARTIAL)


@cli.command("graph")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GRAPH_FORMATS),
    default="graphml",
    show_default=True,
    help="GraphML and GEXF open in Gephi and Cytoscape; json is cytoscape.js elements.",
)
@click.option(
    "--out", type=click.Path(path_type=Path), default=None, help="File to write (default: standard output)."
)
@db_option("Database to read the graph from.")
def graph_command(fmt: str, out: Path | None, db: Path) -> None:
    """Export the citation graph: works and documents as nodes, citations as edges, with their metrics."""
    from kb.graph_export import export_graph, write_graph_file

    n = export_graph(db, fmt, sys.stdout) if out is None else write_graph_file(db, fmt, out)
    click.echo(f"{n} nodes written to {out or 'standard output'}", err=True)


@cli.command("serve")
@db_option("Database to serve; built from --references first when it does not exist.")
@references_option("Input documents, used when the database must be built.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="Port.")
@click.option(
    "--metadata",
    "metadata",
    type=click.Path(path_type=Path),
    default=DEFAULT_METADATA,
    show_default=True,
    help="Datasette metadata file.",
)
@quiet_option
def serve_command(db: Path, references: Path, host: str, port: int, metadata: Path, quiet: bool) -> None:
    """Serve the knowledge base read-only with Datasette (building it first if it is missing)."""
    from kb.pipeline import build
    from kb.serve import datasette_command, served_metadata

    if not db.exists():
        click.echo(f"{db} does not exist yet; building it from {references}")
        _print_summary(build(_config(references, db, quiet=quiet)), db)
    meta: Path | None = metadata
    if not metadata.exists():
        click.echo(f"warning: metadata file {metadata} not found; serving without it", err=True)
        meta = None
    if meta is not None:
        meta = served_metadata(meta, db, db.parent / f"{db.stem}.served-metadata.yml")
    command = datasette_command(db, host, port, meta)
    click.echo(f"serving {db} on http://{host}:{port}/", err=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; turn usage and library errors into one ``Error:`` line and exit code 1."""
    try:
        cli.main(args=argv, prog_name="kb", standalone_mode=False)
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.Abort:
        click.echo("Error: aborted", err=True)
        return EXIT_ERROR
    except click.ClickException as exc:
        click.echo(f"Error: {exc.format_message()}", err=True)
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            click.echo(f"Try '{exc.ctx.command_path} --help' for help.", err=True)
        return EXIT_ERROR
    except KbError as exc:
        click.echo(f"Error: {exc}", err=True)
        return getattr(exc, "exit_code", EXIT_ERROR)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

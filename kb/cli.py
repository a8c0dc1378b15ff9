"""The ``kb`` command line; the one module that imports click.

Exit codes (documented in the README):

- 0: the command did what it was asked (a build with problems still exits 0: problems are data);
- 1: a usage error or an input/output error, reported as one ``Error: ...`` line;
- 2: ``kb build --strict`` recorded at least one problem of severity ``error``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from kb.add import add_files
from kb.check import check_report
from kb.model import DocumentKind
from kb.pipeline import BuildSummary, KbError, build

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_STRICT = 2
DEFAULT_DB = Path("db/evidence.db")
DEFAULT_REFERENCES = Path("references")
DEFAULT_METADATA = Path("metadata.yml")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="itp-kb", prog_name="kb")
def cli() -> None:
    """ITP evidence knowledge base: build it from references/ and serve it with Datasette."""


def _print_summary(summary: BuildSummary, db: Path) -> None:
    click.echo(f"built {db}")
    for line in summary.lines():
        click.echo(line)


@cli.command("build")
@click.option(
    "--references",
    "references",
    type=click.Path(path_type=Path),
    default=DEFAULT_REFERENCES,
    show_default=True,
    help="Directory of input documents (each with an optional <name>.yml).",
)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Database file to write (replaced atomically).",
)
@click.option("--strict", is_flag=True, help="Exit 2 when any problem of severity error was recorded.")
def build_command(references: Path, db: Path, strict: bool) -> None:
    """Build the knowledge base from REFERENCES into DB and print a summary."""
    summary = build(references, db)
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
@click.option(
    "--references",
    "references",
    type=click.Path(path_type=Path),
    default=DEFAULT_REFERENCES,
    show_default=True,
    help="Directory the files are copied into.",
)
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Database rebuilt afterwards.",
)
def add_command(
    files: tuple[Path, ...],
    title: str | None,
    kind: str | None,
    language: str | None,
    references: Path,
    db: Path,
) -> None:
    """Copy FILES into REFERENCES with a sidecar .yml each, then rebuild the database."""
    for added in add_files(list(files), references, title, kind, language):
        click.echo(f"{'added' if added.new else 'already present'}: {added.path}")
    _print_summary(build(references, db), db)


@cli.command("check")
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Database to report on.",
)
@click.option("--code", help="Report only this problem code.")
@click.option(
    "--examples", default=3, show_default=True, type=click.IntRange(0, 1000), help="Messages shown per code."
)
def check_command(db: Path, code: str | None, examples: int) -> None:
    """Report the problems of the database, grouped by code, errors first."""
    for line in check_report(db, code, examples):
        click.echo(line)


def datasette_command(db: Path, host: str, port: int, metadata: Path | None) -> list[str]:
    """The Datasette command line ``kb serve`` runs: read-only (immutable), with the metadata."""
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "-i",
        str(db),
        "--host",
        host,
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "3000",
        "--setting",
        "suggest_facets",
        "off",
    ]
    if metadata is not None:
        command += ["--metadata", str(metadata)]
    return command


@cli.command("serve")
@click.option(
    "--db",
    "db",
    type=click.Path(path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="Database to serve; built from --references first when it does not exist.",
)
@click.option(
    "--references",
    "references",
    type=click.Path(path_type=Path),
    default=DEFAULT_REFERENCES,
    show_default=True,
    help="Input documents, used when the database must be built.",
)
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
def serve_command(db: Path, references: Path, host: str, port: int, metadata: Path) -> None:
    """Serve the knowledge base read-only with Datasette (building it first if it is missing)."""
    if not db.exists():
        click.echo(f"{db} does not exist yet; building it from {references}")
        _print_summary(build(references, db), db)
    meta: Path | None = metadata
    if not metadata.exists():
        click.echo(f"warning: metadata file {metadata} not found; serving without it", err=True)
        meta = None
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
        return EXIT_ERROR
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

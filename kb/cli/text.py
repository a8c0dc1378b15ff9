"""``kb parse``, ``kb find``, ``kb tag``, ``kb results`` and ``kb train``: text in, JSON out (and the
models behind them)."""

from __future__ import annotations

import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kb.cli.app import PARSE_FORMATS, cli, jobs_option, out_option, quiet_option
from kb.model import KbError

if TYPE_CHECKING:
    from kb.evidence.vocab import Vocabulary


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
@jobs_option("the output is the same")
@quiet_option
def parse_command(file: Path, jsonl: bool, fmt: str, jobs: int, quiet: bool) -> None:
    """Parse one reference per line of FILE (or stdin): authors, title, journal, date, volume, issue,
    pages, DOI, PMID, URL, type, the confidence of each field and the problems found. Every line gives
    exactly one item (progress on stderr)."""
    from kb.parse.csl import binary_lines, run_parse
    from kb.progress import progress_for
    from kb.workers import default_jobs

    jobs = jobs or default_jobs()
    progress = progress_for(sys.stderr, quiet)

    out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=False)
    try:
        if str(file) == "-":
            code = run_parse(binary_lines(sys.stdin.buffer), jsonl, fmt, out, jobs, progress)
        else:
            with file.open("rb") as stream:
                code = run_parse(binary_lines(stream), jsonl, fmt, out, jobs, progress)
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
@quiet_option
def tag_command(file: Path, jsonl: bool, itp: bool, vocab: Path | None, quiet: bool) -> None:
    """Tag one text per line of FILE (or stdin): interventions with roles, outcomes, design and level
    (progress on stderr)."""
    from kb.evidence import run_tag
    from kb.evidence.runner import split_lines
    from kb.ingest.text import read_input
    from kb.progress import progress_for

    data = read_input(file)
    vocabulary = _vocabulary(vocab)
    progress = progress_for(sys.stderr, quiet)
    sys.exit(run_tag(split_lines(data), sys.stdout, vocabulary, assume_itp=itp, progress=progress))


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
@quiet_option
def results_command(file: Path, jsonl: bool, itp: bool, db: Path | None, quiet: bool) -> None:
    """Print the results of FILE (or stdin): one JSON object per number a trial reports.

    With --db, print every result of a built database as CSV: study, outcome, measure, value, CI, n, p,
    source file and line. Progress on stderr.
    """
    import sqlite3

    from kb.evidence.results.report import run_results, write_results_csv
    from kb.evidence.runner import input_text
    from kb.ingest.text import read_input
    from kb.progress import progress_for

    progress = progress_for(sys.stderr, quiet)
    if db is not None:
        try:
            write_results_csv(db, sys.stdout, progress)
        except sqlite3.Error as exc:
            raise KbError(f"{db}: cannot read its results ({exc}); rebuild it with `kb build`.") from exc
        return
    data = read_input(file)
    vocabulary = _vocabulary()
    sys.exit(run_results(input_text(data), sys.stdout, vocabulary, assume_itp=itp, progress=progress))


def _vocabulary(directory: Path | None = None) -> Vocabulary:
    """The evidence vocabularies of ``directory`` (default: the shipped ones); ``KbError`` when they are
    invalid."""
    from kb.evidence import VocabularyError, load_vocabulary

    try:
        return load_vocabulary(directory)
    except VocabularyError as exc:
        raise KbError(str(exc)) from exc


@cli.command("train")
@out_option("Parser model file, or finder model directory.")
@click.option("--only", type=click.Choice(["parser", "finder"]), help="Rebuild one model (default: all).")
@quiet_option
def train_command(out: Path | None, only: str | None, quiet: bool) -> None:
    """Rebuild the parser's CRF model (data/refparse/) and the finder's (data/refseg/), deterministically
    (progress on stderr: each training's iterations)."""
    from kb.find.train import train_finder
    from kb.parse.train import MODEL_FILE, train_model
    from kb.progress import progress_for

    progress = progress_for(sys.stderr, quiet)
    if only in (None, "parser"):
        click.echo(f"trained {train_model(out or MODEL_FILE, progress=progress)}")
    if only in (None, "finder"):
        paths = train_finder(out if only else None, progress=progress)
        click.echo("\n".join(f"trained {path}" for path in paths))

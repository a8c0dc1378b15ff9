"""``kb dedupe``: deduplicate bibliographic exports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kb.cli.app import cli, quiet_option


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
@click.option(
    "--decisions",
    type=click.Path(path_type=Path),
    help="Reviewer's decisions file (same/different on record ids), as the build's extract/decisions.yml.",
)
@quiet_option
def dedupe_command(
    files: tuple[Path, ...],
    fmt: str,
    maybe: Path | None,
    summary: bool,
    strict: bool,
    decisions: Path | None,
    quiet: bool,
) -> None:
    """Deduplicate exports of any format kb reads: one row per cluster; unreadable files are skipped
    (progress on stderr)."""
    from kb.dedupe.run import run_dedupe
    from kb.progress import progress_for

    paths, maybe_path = [str(f) for f in files], str(maybe) if maybe else None
    reviewed = str(decisions) if decisions else None
    progress = progress_for(sys.stderr, quiet)
    sys.exit(run_dedupe(paths, fmt, maybe_path, summary, sys.stdout, sys.stderr, strict, reviewed, progress))

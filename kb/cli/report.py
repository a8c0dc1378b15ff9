"""``kb check`` and ``kb review``: reports on a built database."""

from __future__ import annotations

from pathlib import Path

import click

from kb.cli.app import cli, db_option


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

"""``kb export`` and ``kb graph``: works and the citation graph out of a built database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kb.cli.app import EXPORT_FORMATS, GRAPH_FORMATS, TREATMENT_ROLES, cli, db_option, out_option


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
@out_option("File to write (default: standard output).")
def export_command(db: Path, fmt: str, out: Path | None, **options: Any) -> None:
    """Export works as BibTeX, RIS or CSL-JSON: every work, or those of --drug/--design/--sql."""
    from kb.export import run_export

    n = run_export(db, fmt, out, **options)
    if out is not None:
        click.echo(f"exported {n} works to {out}", err=True)


@cli.command("graph")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(GRAPH_FORMATS),
    default="graphml",
    show_default=True,
    help="GraphML and GEXF open in Gephi and Cytoscape; json is cytoscape.js elements.",
)
@out_option("File to write (default: standard output).")
@db_option("Database to read the graph from.")
def graph_command(fmt: str, out: Path | None, db: Path) -> None:
    """Export the citation graph: works and documents as nodes, citations as edges, with their metrics."""
    from kb.graph_export import export_graph, write_graph_file

    n = export_graph(db, fmt, sys.stdout) if out is None else write_graph_file(db, fmt, out)
    click.echo(f"{n} nodes written to {out or 'standard output'}", err=True)

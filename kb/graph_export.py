"""Read the citation graph back from the database and write it as GraphML, GEXF or cytoscape.js JSON.

``read_graph`` builds a networkx ``DiGraph`` from the tables of ``kb.graph.GRAPH_SCHEMA`` (and, when
they exist, the evidence tables ``work_design``, ``work_interventions`` and ``interventions``); both
``kb graph`` (``export_graph``) and the Datasette ``/-/network`` page use it, so the file and the page
show the same graph.

Every node and edge attribute is a ``str``, ``int`` or ``float`` and is present on every node (edge):
Gephi and Cytoscape reject missing or None values. An unknown year is ``0``; a document node has no
PageRank row and gets ``0.0``.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import networkx as nx

from kb.graph import DOCUMENT, DOCUMENT_NODE_PREFIX, WORK
from kb.model import KbError
from kb.readonly import connect_readonly

FORMATS = ("graphml", "gexf", "json")
LIST_SEPARATOR = "; "
"""Joins the items of a list attribute (intervention classes, documents) into one string."""

_NODES_SQL = """
select w.id, w.citation_key, w.title, w.first_author, w.year, w.journal,
       coalesce(m.times_cited, 0) as times_cited, coalesce(m.citing_documents, 0) as citing_documents,
       coalesce(m.pagerank, 0.0) as pagerank
from works w left join work_metrics m on m.work_id = w.id
"""
_DOCUMENT_NODES_SQL = """
select distinct d.id, d.title from cites c join documents d on d.id = c.document_id
where c.citing_work_id is null
"""
_EDGES_SQL = f"""
select coalesce(citing_work_id, '{DOCUMENT_NODE_PREFIX}' || document_id) as source, cited_work_id as target,
       count(*) as mentions, json_group_array(distinct document_id) as documents
from cites group by source, target order by source, target
"""


def _tables(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """The database's tables with their column names."""
    names = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
    return {n: {c[1] for c in conn.execute(f"pragma table_info([{n}])")} for n in names}


def _evidence(conn: sqlite3.Connection, tables: dict[str, set[str]]) -> dict[str, dict[str, list[str]]]:
    """Per work: ``design``, ``interventions`` and ``classes`` lists, from the evidence tables if present.

    Expected shape (the evidence stage): ``work_design(work_id, design_id)``,
    ``work_interventions(work_id, intervention_id)``, ``interventions(id, name, class)``; a missing table
    or column gives empty lists.
    """
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    design = tables.get("work_design", set())
    if {"work_id", "design_id"} <= design:
        for work_id, value in conn.execute("select work_id, design_id from work_design order by 1, 2"):
            out[work_id]["design"].append(str(value))
    links = tables.get("work_interventions", set())
    if {"work_id", "intervention_id"} <= links:
        has_class = "class" in tables.get("interventions", set())
        sql = (
            "select wi.work_id, wi.intervention_id, "
            + (
                "i.class from work_interventions wi left join interventions i on i.id = wi.intervention_id"
                if has_class
                else "null from work_interventions wi"
            )
            + " order by 1, 2"
        )
        for work_id, intervention, klass in conn.execute(sql):
            out[work_id]["interventions"].append(str(intervention))
            if klass:
                out[work_id]["classes"].append(str(klass))
    return out


def intervention_options(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """The interventions linked to at least one work, as ``{"id", "label"}`` (empty without the tables)."""
    tables = _tables(conn)
    if not {"work_id", "intervention_id"} <= tables.get("work_interventions", set()):
        return []
    has_name = "name" in tables.get("interventions", set())
    sql = (
        "select distinct wi.intervention_id, "
        + (
            "coalesce(i.name, wi.intervention_id) from work_interventions wi "
            "left join interventions i on i.id = wi.intervention_id"
            if has_name
            else "wi.intervention_id from work_interventions wi"
        )
        + " order by 2, 1"
    )
    return [{"id": str(i), "label": str(label)} for i, label in conn.execute(sql)]


def _unique(values: Iterable[str]) -> str:
    return LIST_SEPARATOR.join(dict.fromkeys(values))


def read_graph(conn: sqlite3.Connection, limit: int | None = None) -> tuple[nx.DiGraph, int]:
    """The citation graph stored in ``conn`` and its total number of nodes.

    With ``limit``, only the ``limit`` nodes most cited (then highest PageRank, then id) are kept, with
    the edges between them. Raises ``KbError`` when the graph tables are missing.
    """
    tables = _tables(conn)
    missing = [t for t in ("works", "documents", "cites", "work_metrics") if t not in tables]
    if missing:
        raise KbError(
            f"the database has no {', '.join(missing)} table: it was built before the citation graph "
            "existed; rebuild it with kb build."
        )
    evidence = _evidence(conn, tables)
    nodes: list[tuple[str, dict[str, Any]]] = []
    for r in conn.execute(_NODES_SQL):
        work_id, key, title, first_author, year, journal, times_cited, citing_documents, rank = r
        ev = evidence.get(work_id, {})
        nodes.append(
            (
                work_id,
                {
                    "kind": WORK,
                    "label": f"{first_author or '?'} {year or ''}".strip() if first_author else key,
                    "title": title or "",
                    "first_author": first_author or "",
                    "year": int(year or 0),
                    "journal": journal or "",
                    "design": _unique(ev.get("design", ())),
                    "interventions": _unique(ev.get("interventions", ())),
                    "intervention_classes": _unique(ev.get("classes", ())),
                    "times_cited": int(times_cited),
                    "citing_documents": int(citing_documents),
                    "pagerank": float(rank),
                },
            )
        )
    for document_id, title in conn.execute(_DOCUMENT_NODES_SQL):
        empty = dict.fromkeys(
            ("first_author", "journal", "design", "interventions", "intervention_classes"), ""
        )
        nodes.append(
            (
                DOCUMENT_NODE_PREFIX + document_id,
                {
                    "kind": DOCUMENT,
                    "label": document_id,
                    "title": title or document_id,
                    **empty,
                    "year": 0,
                    "times_cited": 0,
                    "citing_documents": 0,
                    "pagerank": 0.0,
                },
            )
        )
    total = len(nodes)
    nodes.sort(key=lambda n: (-n[1]["times_cited"], -n[1]["pagerank"], n[0]))
    if limit is not None:
        nodes = nodes[:limit]
    nodes.sort(key=lambda n: n[0])
    graph = nx.DiGraph()
    graph.add_nodes_from(nodes)
    for source, target, mentions, documents in conn.execute(_EDGES_SQL):
        if source in graph and target in graph:
            docs = LIST_SEPARATOR.join(sorted(json.loads(documents or "[]")))
            graph.add_edge(source, target, mentions=int(mentions), documents=docs)
    return graph, total


def cytoscape_elements(graph: nx.DiGraph) -> dict[str, list[dict[str, Any]]]:
    """The graph as cytoscape.js ``elements``: ``{"nodes": [{"data": ...}], "edges": [{"data": ...}]}``."""
    nodes = [{"data": {"id": n, **attrs}} for n, attrs in graph.nodes(data=True)]
    edges = [
        {"data": {"id": f"e{i}", "source": u, "target": v, **attrs}}
        for i, (u, v, attrs) in enumerate(graph.edges(data=True))
    ]
    return {"nodes": nodes, "edges": edges}


def network_data(conn: sqlite3.Connection, limit: int | None = None) -> dict[str, Any]:
    """What the network page loads: elements, node counts, and the choices of its selects."""
    graph, total = read_graph(conn, limit)
    attrs = graph.nodes.values()
    return {
        "elements": cytoscape_elements(graph),
        "total_nodes": total,
        "shown_nodes": graph.number_of_nodes(),
        "interventions": intervention_options(conn),
        "designs": sorted({v for a in attrs for v in a["design"].split(LIST_SEPARATOR) if v}),
        "intervention_classes": sorted(
            {v for a in attrs for v in a["intervention_classes"].split(LIST_SEPARATOR) if v}
        ),
    }


def _lines(graph: nx.DiGraph, fmt: str) -> Iterable[str]:
    if fmt == "graphml":
        for line in nx.generate_graphml(graph):
            yield line + "\n"
    elif fmt == "gexf":
        for line in nx.generate_gexf(graph):
            yield line + "\n"
    else:
        yield json.dumps({"elements": cytoscape_elements(graph)}, ensure_ascii=False, indent=1) + "\n"


def export_graph(db_path: Path, fmt: str, out: TextIO | BinaryIO) -> int:
    """Write the citation graph of ``db_path`` to ``out`` as ``fmt`` (graphml, gexf or json).

    ``out`` may be a text or a binary stream (bytes are UTF-8). Returns the number of nodes written.
    Raises ``KbError`` for an unknown format, a missing database or one without the graph tables.
    """
    if fmt not in FORMATS:
        raise KbError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}.")
    conn = connect_readonly(db_path, tables=())
    try:
        graph, _total = read_graph(conn)
    finally:
        conn.close()
    text = isinstance(out, io.TextIOBase) or hasattr(out, "encoding")
    for line in _lines(graph, fmt):
        out.write(line if text else line.encode("utf-8"))  # type: ignore[arg-type]
    return graph.number_of_nodes()


def write_graph_file(db_path: Path, fmt: str, path: Path) -> int:
    """``export_graph`` into the file ``path``, replaced only once the whole graph is written.

    Returns the number of nodes. Raises ``KbError`` as ``export_graph`` does, or when ``path`` cannot be
    written (the previous file, if any, is then unchanged).
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as out:
            nodes = export_graph(db_path, fmt, out)
        os.replace(tmp, path)
    except OSError as exc:
        raise KbError(f"cannot write {path}: {exc.strerror or exc}; check the --out path.") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return nodes

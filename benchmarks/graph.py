"""Benchmark the citation graph: ``graph_tables`` on a generated graph (default 100k works, 1M citations).

Run: ``.venv/bin/python benchmarks/graph.py [--works N] [--citations N] [--write DB]``. Prints the
seconds of each step (wall clock, and CPU time, which other processes on the machine disturb less) and
the peak resident memory of the process (generation included).

The generated knowledge base looks like one built from imports: ``--documents`` files, half of them
reference lists or slides (no work presented, ``--list-size`` citations each) and half of them
bibliographic exports whose records are works carrying their own reference lists (``extra_edges``,
``--refs`` references per record on average), which make up the bulk of the citations. Cited works are
drawn half uniformly, half skewed towards a few highly cited works (hubs), as in real citation data.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kb.graph import GRAPH_SCHEMA, ExtraEdge, graph_tables  # noqa: E402
from kb.graph_export import FORMATS, export_graph  # noqa: E402
from kb.store import Row, write_database  # noqa: E402
from kb.tables import SCHEMA  # noqa: E402


def _cited(rng: random.Random, n_works: int) -> int:
    """A cited work: uniform half of the time, else skewed towards low indices (hubs)."""
    if rng.random() < 0.5:
        return rng.randrange(n_works)
    return int(n_works * rng.random() ** 3)


def generate(
    n_works: int, n_citations: int, n_documents: int, list_size: int, refs: int, seed: int
) -> tuple[dict[str, list[Row]], list[ExtraEdge]]:
    """Rows for ``works``, ``documents`` and ``citations`` plus the records' work -> work edges."""
    rng = random.Random(seed)
    works = [{"id": f"w{i:07d}", "citation_key": f"k{i}", "title": f"Work {i}"} for i in range(n_works)]
    lists = n_documents // 2
    documents = [{"id": f"d{i:05d}", "title": f"Document {i}", "work_id": None} for i in range(n_documents)]
    citations: list[Row] = []
    for d in range(lists):
        cited = [_cited(rng, n_works) for _ in range(list_size)]
        for line, w in enumerate(cited, start=1):
            citations.append(
                {
                    "id": f"c{len(citations)}",
                    "document_id": documents[d]["id"],
                    "work_id": works[w]["id"],
                    "line_start": line,
                    "line_end": line,
                    "raw": f"Reference {w}",
                    "kind": "reference",
                    "status": "parsed",
                }
            )
    extra: list[ExtraEdge] = []
    record = 0
    exports = [documents[d]["id"] for d in range(lists, n_documents)]
    while len(citations) + len(extra) < n_citations:
        citing = works[record % n_works]["id"]
        document_id = exports[record % len(exports)]
        line = record // len(exports) + 1
        k = max(1, min(int(rng.expovariate(1 / refs)) + 1, 20 * refs))
        for w in {_cited(rng, n_works) for _ in range(k)}:
            extra.append((citing, works[w]["id"], document_id, line))
        record += 1
    return {"works": works, "documents": documents, "citations": citations}, extra[
        : n_citations - len(citations)
    ]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    """Generate, compute every metric, print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--works", type=int, default=100_000)
    parser.add_argument("--citations", type=int, default=1_000_000)
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--list-size", type=int, default=100, help="citations per reference-list document")
    parser.add_argument("--refs", type=int, default=10, help="mean references per imported record")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--write", type=Path, help="also write the database here (must not exist)")
    parser.add_argument("--export", choices=FORMATS, help="with --write: also time kb graph --format FMT")
    args = parser.parse_args()

    start = time.perf_counter()
    tables, extra = generate(args.works, args.citations, args.documents, args.list_size, args.refs, args.seed)
    generated = time.perf_counter()
    print(
        f"generated {len(tables['works']):,} works, {len(tables['documents']):,} documents, "
        f"{len(tables['citations']):,} citations + {len(extra):,} record references "
        f"in {generated - start:.1f} s"
    )
    cpu = time.process_time()
    out = graph_tables(tables, extra)
    computed = time.perf_counter()
    counts = ", ".join(f"{k} {len(v):,}" for k, v in out.items())
    print(
        f"graph_tables: {computed - generated:.1f} s wall, {time.process_time() - cpu:.1f} s CPU ({counts})"
    )
    if args.write:
        write_database(args.write, {**tables, **out}, {**SCHEMA, **GRAPH_SCHEMA})
        written = time.perf_counter()
        print(f"write_database: {written - computed:.1f} s -> {args.write}")
        if args.export:
            with open(os.devnull, "wb") as sink:
                nodes = export_graph(args.write, args.export, sink)
            print(f"export_graph {args.export}: {time.perf_counter() - written:.1f} s, {nodes:,} nodes")
    print(f"peak memory (max RSS, generation included): {_peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()

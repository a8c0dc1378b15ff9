"""The citation graph and its metrics, computed from the foundation's rows.

Nodes are works; a document that presents no work yet (``documents.work_id`` is null) is a node of its
own (kind ``document``), so that its references still count. Edges go from the citing node to the cited
work: a document's citations (``citations.document_id`` -> ``citations.work_id``) start at the work the
document presents when it has one, else at the document; records that carry their own reference lists
(an import of a bibliographic database) add work -> work edges through ``extra_edges``.

A document citing the work it presents (a review card quotes the header of the reviewed trial) is not a
citation of one work by another: such self-loops are left out of ``cites`` and of every metric (the
citation itself stays in ``citations``).

Metrics (tables of ``GRAPH_SCHEMA``):

- ``work_metrics``: times cited (distinct citing nodes), citing documents, mentions, references made,
  works co-cited with, PageRank (power iteration in pure Python: no numpy or scipy needed);
- ``cocitations``: pairs of works cited together by one citing node, with the documents listed;
- ``coupling``: pairs of documents that cite the same works (bibliographic coupling), with the works.

Pairs are only ever formed inside one reference list (co-citation) or inside one work's list of citing
documents (coupling), never over all works: the cost is the sum of the squared list lengths. A list
longer than ``max_pair_list`` (default ``MAX_PAIR_LIST`` = 1000, i.e. up to ~500,000 pairs) is left out
of the pair tables (its edges still count everywhere else) and logged as a warning.
"""

from __future__ import annotations

import json
import logging
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import NamedTuple

import networkx as nx

from kb.model import EXTRA_REFERENCES, Extraction
from kb.store import Row, SortedRows, TableSpec
from kb.works import stable_id

log = logging.getLogger(__name__)

MAX_PAIR_LIST = 1000
"""Longest reference list (co-citation) or list of citing documents (coupling) that forms pairs."""
PAGERANK_ALPHA = 0.85
PAGERANK_TOL = 1e-9
"""Convergence: the L1 change of the rank vector (which sums to 1) between two iterations."""
PAGERANK_MAX_ITER = 200
WORK = "work"
DOCUMENT = "document"
DOCUMENT_NODE_PREFIX = "document:"
"""Node id prefix of a document that presents no work (works keep their own ids)."""

ExtraEdge = tuple[str, str, str, int]
"""``(citing_work_id, cited_work_id, document_id, line)``: a record of ``document_id`` at ``line``
(the work ``citing_work_id``) lists ``cited_work_id`` among its references."""

GRAPH_SCHEMA: dict[str, TableSpec] = {
    "cites": TableSpec(
        columns={
            "id": str,
            "citing_work_id": str,
            "cited_work_id": str,
            "document_id": str,
            "line": int,
            "citation_id": str,
        },
        pk="id",
        foreign_keys=(
            ("citing_work_id", "works", "id"),
            ("cited_work_id", "works", "id"),
            ("document_id", "documents", "id"),
            ("citation_id", "citations", "id"),
        ),
        indexes=(("cited_work_id",), ("citing_work_id",), ("document_id", "line"), ("citation_id",)),
        not_null=("cited_work_id", "document_id"),
    ),
    "work_metrics": TableSpec(
        columns={
            "work_id": str,
            "times_cited": int,
            "citing_documents": int,
            "mentions": int,
            "references_made": int,
            "cocited_works": int,
            "pagerank": float,
        },
        pk="work_id",
        foreign_keys=(("work_id", "works", "id"),),
        indexes=(("times_cited",), ("pagerank",)),
    ),
    "cocitations": TableSpec(
        columns={"work_a": str, "work_b": str, "count": int, "documents": str},
        pk=("work_a", "work_b"),
        foreign_keys=(("work_a", "works", "id"), ("work_b", "works", "id")),
        indexes=(("work_b",), ("count",)),
        not_null=("count",),
    ),
    "coupling": TableSpec(
        columns={"document_a": str, "document_b": str, "count": int, "shared_works": str},
        pk=("document_a", "document_b"),
        foreign_keys=(("document_a", "documents", "id"), ("document_b", "documents", "id")),
        indexes=(("document_b",), ("count",)),
        not_null=("count",),
    ),
}
"""The graph's tables; written after the foundation's: ``{**SCHEMA, **GRAPH_SCHEMA}``."""


class CiteEdge(NamedTuple):
    """One mention of a cited work by a citing node, where it is written.

    ``citing_work_id`` is ``None`` when the citing document presents no work: the document itself is
    then the citing node. ``citation_id`` is the citation row behind the edge (``None`` for an edge
    passed in ``extra_edges``). A named tuple: a million of them are built in seconds.
    """

    citing_work_id: str | None
    cited_work_id: str
    document_id: str
    line: int
    citation_id: str | None = None

    @property
    def citing_node(self) -> str:
        """The id of the citing node: the work, else ``document:<document_id>``."""
        return self.citing_work_id or DOCUMENT_NODE_PREFIX + self.document_id


def cite_edges(tables: Mapping[str, Sequence[Row]], extra_edges: Iterable[ExtraEdge] = ()) -> list[CiteEdge]:
    """Every citation of a work as an edge, self-citations left out, sorted by document, line, work.

    Raises ``ValueError`` when an edge names a work or a document that is not in ``tables``.
    """
    works = {w["id"] for w in tables.get("works", ())}
    presents = {d["id"]: d.get("work_id") or None for d in tables.get("documents", ())}
    edges: list[CiteEdge] = []
    for c in tables.get("citations", ()):
        if not c.get("work_id") or c.get("kind") == "record":
            continue  # a record of an export (BibTeX, RIS, PubMed, CSL-JSON) is listed, not cited
        document_id = c["document_id"]
        if document_id not in presents:
            raise ValueError(f"citation {c['id']} names an unknown document {document_id!r}")
        edges.append(CiteEdge(presents[document_id], c["work_id"], document_id, c["line_start"], c["id"]))
    for citing, cited, document_id, line in extra_edges:
        if citing not in works:
            raise ValueError(f"extra edge at {document_id}:{line}: unknown citing work {citing!r}")
        if document_id not in presents:
            raise ValueError(f"extra edge at {document_id}:{line}: unknown document {document_id!r}")
        edges.append(CiteEdge(citing, cited, document_id, line))
    for e in edges:
        if e.cited_work_id not in works or (e.citing_work_id is not None and e.citing_work_id not in works):
            raise ValueError(f"edge at {e.document_id}:{e.line} names a work that is not in the works rows")
    kept = [e for e in edges if e.citing_work_id != e.cited_work_id]
    kept.sort(key=lambda e: (e[2], e[3], e[1], e[0] or "", e[4] or ""))
    return kept


def citation_graph(tables: Mapping[str, Sequence[Row]], extra_edges: Iterable[ExtraEdge] = ()) -> nx.DiGraph:
    """The citation graph as a networkx ``DiGraph``.

    Nodes: every work (``kind="work"``, ``title``, ``first_author``, ``year``, ``journal``) and every
    citing document that presents no work (``kind="document"``, ``title``). Edges: citing node -> cited
    work with ``mentions`` (citations behind the edge) and ``documents`` (sorted ids).
    """
    graph = nx.DiGraph()
    for w in sorted(tables.get("works", ()), key=lambda r: r["id"]):
        graph.add_node(
            w["id"],
            kind=WORK,
            title=w.get("title") or "",
            first_author=w.get("first_author") or "",
            year=w.get("year") or 0,
            journal=w.get("journal") or "",
        )
    titles = {d["id"]: d.get("title") or d["id"] for d in tables.get("documents", ())}
    mentions: dict[tuple[str, str], list[str]] = defaultdict(list)
    for e in cite_edges(tables, extra_edges):
        if e.citing_work_id is None and e.citing_node not in graph:
            graph.add_node(
                e.citing_node, kind=DOCUMENT, title=titles[e.document_id], document_id=e.document_id
            )
        mentions[(e.citing_node, e.cited_work_id)].append(e.document_id)
    for (u, v), documents in mentions.items():
        graph.add_edge(u, v, mentions=len(documents), documents=sorted(set(documents)))
    return graph


def pagerank(n: int, in_lists: Sequence[Sequence[int]], out_degree: Sequence[int]) -> list[float]:
    """PageRank of nodes ``0..n-1`` by power iteration (damping ``PAGERANK_ALPHA``).

    ``in_lists[v]`` lists the nodes with an edge to ``v`` (each once); ``out_degree[u]`` is the number of
    distinct nodes ``u`` points to. The rank of dangling nodes (no out-edges) is spread uniformly, as
    networkx does; the result sums to 1 and agrees with ``networkx.pagerank`` to within the tolerance.
    """
    if n == 0:
        return []
    alpha = PAGERANK_ALPHA
    inv = [1.0 / d if d else 0.0 for d in out_degree]
    dangling = [u for u in range(n) if not out_degree[u]]
    x = [1.0 / n] * n
    for _ in range(PAGERANK_MAX_ITER):
        share = [xi * w for xi, w in zip(x, inv, strict=True)]
        get = share.__getitem__
        base = (alpha * sum(x[u] for u in dangling) + 1.0 - alpha) / n
        new = [base + alpha * sum(map(get, ins)) if ins else base for ins in in_lists]
        err = sum(abs(a - b) for a, b in zip(new, x, strict=True))
        x = new
        if err < PAGERANK_TOL:
            break
    total = sum(x)
    return [xi / total for xi in x]


def _json_list(quoted: Iterable[str]) -> str:
    """A JSON array from items already JSON-encoded (``json.dumps`` of each string)."""
    return "[" + ", ".join(quoted) + "]"


def _capped(lists: Sequence[Sequence[int]], cap: int, what: Sequence[str]) -> list[Sequence[int]]:
    """``lists`` with each list longer than ``cap`` emptied (it forms no pairs) and logged with its name
    from ``what``."""
    out: list[Sequence[int]] = []
    for i, members in enumerate(lists):
        if len(members) > cap:
            log.warning(
                "%s: %d items, over the pair limit of %d; left out of pairs", what[i], len(members), cap
            )
            members = ()
        out.append(members)
    return out


def _pairs(lists: Sequence[Sequence[int]], width: int) -> Iterator[tuple[int, int, int | list[int]]]:
    """Every pair ``a < b`` of items found together in one of the sorted ``lists``, in ``(a, b)`` order.

    Yields ``(a, b, lists)`` where ``lists`` is the index of the one list holding both, or the sorted
    indices when several do (most pairs occur once: an int costs less than a list). Items are
    ``0..width-1``. Works item by item (the lists holding ``a``, then the items after ``a`` in each),
    so memory holds one item's partners at a time and no global sort is needed.
    """
    holding: list[list[int]] = [[] for _ in range(width)]
    for i, members in enumerate(lists):
        for m in members:
            holding[m].append(i)
    for a in range(width):
        partners: dict[int, int | list[int]] = {}
        setdefault = partners.setdefault
        for i in holding[a]:
            members = lists[i]
            for b in islice(members, bisect_right(members, a), None):
                got = setdefault(b, i)
                if got != i:
                    if type(got) is int:
                        partners[b] = [got, i]
                    else:
                        got.append(i)  # type: ignore[union-attr]
        for b in sorted(partners):
            yield a, b, partners[b]


def _cites_rows(edges: Sequence[CiteEdge]) -> list[Row]:
    """One ``cites`` row per edge, with an id derived from its content (and its rank among equals)."""
    rows: list[Row] = []
    seen: dict[tuple[str, ...], int] = defaultdict(int)
    for e in edges:
        key = (e.citing_node, e.cited_work_id, e.document_id, str(e.line), e.citation_id or "")
        seen[key] += 1
        rows.append(
            {
                "id": stable_id("e_", *key, str(seen[key])),
                "citing_work_id": e.citing_work_id,
                "cited_work_id": e.cited_work_id,
                "document_id": e.document_id,
                "line": e.line,
                "citation_id": e.citation_id,
            }
        )
    return rows


def _cocitation_rows(
    refs: Sequence[set[int]],
    node_docs: Sequence[set[int]],
    node_ids: Sequence[str],
    work_ids: Sequence[str],
    document_ids: Sequence[str],
    cap: int,
) -> tuple[SortedRows, list[int]]:
    """Co-citation rows, and for each work the number of works it is co-cited with.

    The rows (millions for a large corpus) are made while the database is written, pair by pair in
    ``(work_a, work_b)`` order (the order of ``work_ids``, sorted); the counts of partners take one walk
    over the pairs now."""
    lists = _capped([sorted(r) for r in refs], cap, [f"references of {n}" for n in node_ids])
    partners = [0] * len(work_ids)
    for a, b, _ in _pairs(lists, len(work_ids)):
        partners[a] += 1
        partners[b] += 1

    def rows() -> Iterator[tuple[str, str, int, str]]:
        quoted = [json.dumps(d, ensure_ascii=False) for d in document_ids]
        docs_json = [_json_list(quoted[d] for d in sorted(docs)) for docs in node_docs]
        for a, b, units in _pairs(lists, len(work_ids)):
            if type(units) is int:
                yield work_ids[a], work_ids[b], 1, docs_json[units]
                continue
            union = set().union(*(node_docs[u] for u in units))  # type: ignore[union-attr]
            yield work_ids[a], work_ids[b], len(units), _json_list(quoted[d] for d in sorted(union))  # type: ignore[arg-type]

    return SortedRows(("work_a", "work_b", "count", "documents"), rows), partners


def _coupling_rows(
    citing_docs: Sequence[set[int]], work_ids: Sequence[str], document_ids: Sequence[str], cap: int
) -> list[Row]:
    """Bibliographic coupling rows: pairs of documents with the works both cite."""
    quoted = [json.dumps(w, ensure_ascii=False) for w in work_ids]
    lists = _capped([sorted(s) for s in citing_docs], cap, [f"documents citing {w}" for w in work_ids])
    rows: list[Row] = []
    for a, b, shared in _pairs(lists, len(document_ids)):
        works = [shared] if type(shared) is int else shared
        rows.append(
            {
                "document_a": document_ids[a],
                "document_b": document_ids[b],
                "count": len(works),  # type: ignore[arg-type]
                "shared_works": _json_list(quoted[w] for w in works),  # type: ignore[union-attr]
            }
        )
    return rows


def record_reference_edges(ex: Extraction) -> list[ExtraEdge]:
    """Work -> work edges from records that carry their own reference list (CSL-JSON ``reference``),
    matched to works by DOI."""
    by_doi = {w.reference.doi.lower(): w.id for w in ex.works if w.reference.doi}
    edges = []
    for citation in ex.citations:
        listed = citation.extra.get(EXTRA_REFERENCES)
        if not listed or not citation.work_id:
            continue
        items = json.loads(listed)  # written by kb.ingest.csljson with json.dumps: always valid
        for item in items if isinstance(items, list) else []:
            doi = str(item.get("DOI") or "").strip().lower() if isinstance(item, dict) else ""
            cited = by_doi.get(doi)
            if cited and cited != citation.work_id:
                edges.append((citation.work_id, cited, citation.document_id, citation.span.line_start))
    return sorted(set(edges))


def graph_tables(
    tables: Mapping[str, Sequence[Row]],
    extra_edges: Iterable[ExtraEdge] = (),
    max_pair_list: int = MAX_PAIR_LIST,
) -> dict[str, list[Row] | SortedRows]:
    """The rows of ``GRAPH_SCHEMA``'s tables from the foundation's ``works``, ``documents``, ``citations``.

    Deterministic: the same rows give the same output, sorted by primary key. See the module docstring
    for what the metrics mean and how long lists are capped.
    """
    edges = cite_edges(tables, extra_edges)
    work_ids = sorted(w["id"] for w in tables.get("works", ()))
    document_ids = sorted(d["id"] for d in tables.get("documents", ()))
    n_works = len(work_ids)
    w_index = {w: i for i, w in enumerate(work_ids)}
    d_index = {d: i for i, d in enumerate(document_ids)}
    doc_nodes = sorted({e.document_id for e in edges if e.citing_work_id is None})
    node_ids = work_ids + [DOCUMENT_NODE_PREFIX + d for d in doc_nodes]
    n_index = {node: i for i, node in enumerate(node_ids)}
    n_nodes = len(node_ids)

    refs: list[set[int]] = [set() for _ in range(n_nodes)]
    node_docs: list[set[int]] = [set() for _ in range(n_nodes)]
    mentions = [0] * n_works
    citing_docs: list[set[int]] = [set() for _ in range(n_works)]
    for e in edges:
        u, v, d = n_index[e.citing_node], w_index[e.cited_work_id], d_index[e.document_id]
        refs[u].add(v)
        node_docs[u].add(d)
        mentions[v] += 1
        citing_docs[v].add(d)
    cites = _cites_rows(edges)
    del edges, w_index, n_index

    in_lists: list[list[int]] = [[] for _ in range(n_nodes)]
    for u, cited in enumerate(refs):
        for v in cited:
            in_lists[v].append(u)
    ranks = pagerank(n_nodes, in_lists, [len(r) for r in refs])
    times_cited = [len(ins) for ins in in_lists]
    references_made = [len(r) for r in refs]
    del in_lists

    coupling = _coupling_rows(citing_docs, work_ids, document_ids, max_pair_list)
    cocitations, partners = _cocitation_rows(refs, node_docs, node_ids, work_ids, document_ids, max_pair_list)
    metrics = [
        {
            "work_id": w,
            "times_cited": times_cited[i],
            "citing_documents": len(citing_docs[i]),
            "mentions": mentions[i],
            "references_made": references_made[i],
            "cocited_works": partners[i],
            "pagerank": ranks[i],
        }
        for i, w in enumerate(work_ids)
    ]
    return {"cites": cites, "work_metrics": metrics, "cocitations": cocitations, "coupling": coupling}

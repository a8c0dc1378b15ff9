"""The one place that knows the stage order of a build; it does nothing else.

::

    Config ─► kb.citing.read_references ─► Extraction (documents, citations, passages, problems)
           ─► kb.grouping.group_citations ─► Extraction (+ works, filled from the PubMed/Crossref records
                                               cached by kb enrich; duplicate pairs, review queue)
           ─► kb.tables.build_tables ─► Tables (rows of every table)
           ─► kb.store.replace_database ─► the SQLite file, replaced atomically

Each stage takes the previous stage's output and the configuration and returns its own; the types live
in ``kb.model`` and ``kb.config``. Only ``kb.cli`` imports this module.
"""

from __future__ import annotations

from kb.citing import read_references
from kb.config import Config
from kb.grouping import group_citations
from kb.model import BuildSummary, Extraction
from kb.store import build_lock, replace_database
from kb.tables import FULL_SCHEMA, VIEWS, build_tables
from kb.workers import collector_paused


def extract(config: Config) -> Extraction:
    """Read, parse and normalise the documents of ``config.references`` and group their citations into works
    (completed from the cached lookups of ``kb enrich``)."""
    return group_citations(read_references(config), config)


def build(config: Config) -> BuildSummary:
    """Build the database at ``config.db`` from ``config.references``, replacing any previous one; one
    build of a database at a time (its objects form no cycles: the cyclic garbage collector is off)."""
    with build_lock(config.db), collector_paused():
        ex = extract(config)
        tables = build_tables(ex, config)
        with config.progress.stage("write") as step:
            replace_database(config.db, tables, FULL_SCHEMA, VIEWS)
            step.done(str(config.db))
    return BuildSummary.of(ex)

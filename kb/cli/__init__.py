"""The ``kb`` command line; the one package that imports click (and ``kb.pipeline``).

``app`` holds the click group, the exit codes, the options several commands share and ``main`` (the
``kb`` entry point). Each other module holds one family of commands, each command a thin wrapper around one
library call: ``build`` (build, add, serve), ``enrich``, ``report`` (check, review), ``text`` (parse, find,
tag, results, train), ``dedupe``, ``export`` (export, graph). To add a command, write it in the module of its
family (or a new module imported below) with ``@cli.command``.
"""

from __future__ import annotations

from kb.cli import build, dedupe, enrich, export, report, text
from kb.cli.app import (
    ENRICH_ONLY,
    EXIT_ERROR,
    EXIT_NETWORK,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_REFUSED,
    EXIT_STRICT,
    EXIT_UNKNOWN_TREATMENT,
    EXPORT_FORMATS,
    GRAPH_FORMATS,
    PARSE_FORMATS,
    TREATMENT_ROLES,
    cli,
    main,
)

COMMAND_MODULES = (build, dedupe, enrich, export, report, text)  # imported for their @cli.command
__all__ = [
    "COMMAND_MODULES",
    "ENRICH_ONLY",
    "EXIT_ERROR",
    "EXIT_NETWORK",
    "EXIT_OK",
    "EXIT_PARTIAL",
    "EXIT_REFUSED",
    "EXIT_STRICT",
    "EXIT_UNKNOWN_TREATMENT",
    "EXPORT_FORMATS",
    "GRAPH_FORMATS",
    "PARSE_FORMATS",
    "TREATMENT_ROLES",
    "cli",
    "main",
]

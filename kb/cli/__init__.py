"""The ``kb`` command line; the one package that imports click (and ``kb.pipeline``).

``app`` holds the click group, the exit codes, the options several commands share and ``main`` (the
``kb`` entry point). Each other module holds one family of commands, each command a thin wrapper around one
library call: ``build`` (build, add, serve), ``enrich``, ``report`` (check, review), ``text`` (parse, find,
tag, results, train), ``dedupe``, ``export`` (export, graph). To add a command, write it in the module of its
family (or a new module) with ``@cli.command`` and name it in ``app.COMMAND_MODULES``: a command's module
is imported only when the command runs (or ``kb --help`` lists the commands).
"""

from __future__ import annotations

from kb.cli.app import (
    COMMAND_MODULES,
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

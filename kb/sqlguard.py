"""Bounds on the SQLite connections that run queries somebody else wrote.

Datasette (``kb serve``) runs any read-only SQL a visitor sends, and ``kb export --sql`` the query its
user gives. Read-only is not harmless: ``select randomblob(900000000)`` allocates 900 MB per request,
``fts3_tokenizer('simple')`` answers with a memory address, and a recursive CTE without an end never
stops. ``guard`` sets on a connection

- SQLite's own limits (``LIMITS``): the length of a string or blob, of the SQL text, the depth of an
  expression, the terms of a compound SELECT, the length of a LIKE pattern, the number of ``?``
  parameters and of a function's arguments;
- an authorizer that refuses the functions of ``DENIED_FUNCTIONS``;

and ``time_limit`` stops a query after a number of seconds (Datasette has its own, ``sql_time_limit_ms``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

MAX_VALUE_BYTES = 20_000_000
"""The longest string or blob a query may make or read: far above any stored value (a 10 MB line
of a document is the largest the hostile corpus holds), far below the memory of the machine."""
LIMITS = {
    sqlite3.SQLITE_LIMIT_LENGTH: MAX_VALUE_BYTES,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    sqlite3.SQLITE_LIMIT_COLUMN: 2000,
    sqlite3.SQLITE_LIMIT_EXPR_DEPTH: 100,
    sqlite3.SQLITE_LIMIT_COMPOUND_SELECT: 50,
    sqlite3.SQLITE_LIMIT_FUNCTION_ARG: 100,
    sqlite3.SQLITE_LIMIT_LIKE_PATTERN_LENGTH: 1000,
    sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER: 10_000,
    sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH: 10,
}
DENIED_FUNCTIONS = frozenset({"fts3_tokenizer", "load_extension"})
"""Functions no query may call: one reveals or swaps native pointers, the other loads native code."""
PROGRESS_STEPS = 1000
"""SQLite virtual-machine steps between two checks of the time limit (about 0.1 ms)."""


def authorize(action: int, arg1: str | None, arg2: str | None, *_rest: object) -> int:
    """The authorizer ``guard`` installs: deny ``DENIED_FUNCTIONS``, allow everything else (read-only
    connections and Datasette's own checks refuse writes)."""
    return denied_function(action, arg2) or sqlite3.SQLITE_OK


def denied_function(action: int, arg2: str | None) -> int:
    """``SQLITE_DENY`` when ``action`` calls one of ``DENIED_FUNCTIONS``, else 0 (for other authorizers
    to combine with their own rules)."""
    if action == sqlite3.SQLITE_FUNCTION and (arg2 or "").lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return 0


def guard(conn: sqlite3.Connection) -> sqlite3.Connection:
    """Set ``LIMITS`` and the authorizer on ``conn``; returns it."""
    for limit, value in LIMITS.items():
        conn.setlimit(limit, value)
    conn.set_authorizer(authorize)
    return conn


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float) -> Iterator[None]:
    """Interrupt the queries run on ``conn`` inside the block once ``seconds`` have passed: they raise
    ``sqlite3.OperationalError`` ("interrupted")."""
    deadline = time.monotonic() + seconds

    def handler() -> int:
        return 1 if time.monotonic() >= deadline else 0

    conn.set_progress_handler(handler, PROGRESS_STEPS)
    try:
        yield
    finally:
        conn.set_progress_handler(None, PROGRESS_STEPS)

"""The knowledge base's Datasette plugin, loaded by ``kb serve`` and by plain ``datasette db/evidence.db``.

Registered through the ``datasette`` entry point in ``pyproject.toml``. For now it adds the stylesheet
that keeps 0.65's list of column descriptions compact, so that a table page shows its rows first, and
bounds every connection Datasette opens (``kb.sqlguard``).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from datasette import hookimpl

from kb.datasette_plugin.network import menu_links, register_routes  # noqa: F401
from kb.datasette_plugin.renderers import register_output_renderer  # noqa: F401
from kb.sqlguard import guard

if TYPE_CHECKING:  # datasette.app imports the plugins: importing it here at run time would be circular
    from datasette.app import Datasette

PLUGIN_NAME = "itp-kb"


@hookimpl
def extra_css_urls(datasette: Datasette) -> list[str]:
    """The plugin's stylesheet, served from its ``static/`` directory."""
    return [datasette.urls.static_plugins(PLUGIN_NAME, "kb.css")]


@hookimpl
def prepare_connection(conn: sqlite3.Connection) -> None:
    """Every connection Datasette opens gets SQLite's limits and the denied functions (``kb.sqlguard``):
    no request can allocate a huge blob, call ``fts3_tokenizer`` or send megabytes of SQL."""
    guard(conn)

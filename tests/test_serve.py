"""``kb serve`` answers Datasette's JSON API on 127.0.0.1; the test starts and stops it."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import REFERENCES, ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str) -> object:
    with urllib.request.urlopen(url, timeout=5) as response:
        return json.load(response)


@pytest.fixture
def server(tmp_path):
    port = free_port()
    db = tmp_path / "evidence.db"  # missing: kb serve builds it first
    kb = Path(sys.executable).parent / "kb"
    # `timeout` stops the server by itself even if the test run dies.
    proc = subprocess.Popen(
        [
            "timeout",
            "120",
            str(kb),
            "serve",
            "--db",
            str(db),
            "--references",
            str(REFERENCES),
            "--port",
            str(port),
            "--metadata",
            str(ROOT / "metadata.yml"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                get_json(f"{base}/-/versions.json")
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail(f"kb serve exited early: {proc.stdout.read() if proc.stdout else ''}")
                time.sleep(0.2)
        else:
            pytest.fail("kb serve did not answer within 30 s")
        yield base, db
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def test_serve_builds_then_answers_json_api(server):
    base, db = server
    assert db.exists()
    works = get_json(f"{base}/evidence/works.json?_shape=array&_size=max")
    assert isinstance(works, list) and len(works) == 138
    rows = get_json(f"{base}/evidence/works.json?_shape=array&doi=10.1056/NEJMoa2100596")
    assert [r["first_author"] for r in rows] == ["Bradbury"]
    search = get_json(f"{base}/evidence/works.json?_shape=array&_search=karpatkin")
    assert [r["n_citations"] for r in search] == [2]


def test_served_read_only_with_metadata(server):
    base, _ = server
    databases = get_json(f"{base}/-/databases.json")
    assert databases[0]["is_mutable"] is False
    metadata = get_json(f"{base}/-/metadata.json")
    assert metadata["title"] == "ITP evidence knowledge base"
    assert "description" in metadata["databases"]["evidence"]["tables"]["citations"]
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(
            urllib.request.Request(f"{base}/evidence/works/-/insert", data=b"{}", method="POST"), timeout=5
        )


def test_plugin_is_loaded_and_styles_table_pages(server):
    base, _ = server
    plugins = get_json(f"{base}/-/plugins.json")
    ours = next(p for p in plugins if p["name"] == "itp-kb")
    assert "extra_css_urls" in ours["hooks"] and ours["static"] is True
    with urllib.request.urlopen(f"{base}/evidence/works", timeout=5) as response:
        page = response.read().decode()
    assert "/-/static-plugins/itp-kb/kb.css" in page
    with urllib.request.urlopen(f"{base}/-/static-plugins/itp-kb/kb.css", timeout=5) as response:
        assert b"column-descriptions" in response.read()


@pytest.mark.parametrize(
    "sql",
    [
        "delete from works",
        "update works set title = 'x'",
        "drop table citations",
        "pragma writable_schema = 1",
    ],
)
def test_writes_through_the_sql_api_are_refused(server, sql):
    base, _db = server
    query = urllib.parse.urlencode({"sql": sql})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{base}/evidence.json?{query}", timeout=5)
    assert refused.value.code in (400, 403)
    assert get_json(f"{base}/evidence/works.json?_shape=array&_size=1")  # still there


HOSTILE_SQL = {  # SQL longer than 100,000 characters: tests/test_sqlguard.py (a URL that long is refused)
    "select length(randomblob(900000000))": "too big",
    "select hex(zeroblob(100000000))": "too big",
    "select fts3_tokenizer('simple')": "not authorized",
    " union all ".join(["select 1"] * 100): "too many terms in compound SELECT",
    "select 1" + " + 1" * 150: "maximum depth 100",
    "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r": "interrupted",
}


def test_hostile_sql_is_refused_and_the_server_stays_up(server):
    base, _db = server
    for sql, words in HOSTILE_SQL.items():
        query = urllib.parse.urlencode({"sql": sql})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"{base}/evidence.json?{query}", timeout=30)
        assert refused.value.code in (400, 403), sql[:60]
        body = refused.value.read().decode().lower()
        assert words.lower() in body or "query took too long" in body, (sql[:60], body[:300])
    assert get_json(f"{base}/evidence/works.json?_shape=array&_size=1")  # still serving

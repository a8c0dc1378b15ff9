"""Browser tests: a Datasette server on 127.0.0.1 and a headless Chromium driven by Playwright.

They skip, saying why, when the ``playwright`` Python package or ``/usr/bin/chromium`` is missing (the
browser is Debian's ``chromium`` package: ``apt-get install chromium``; ``playwright install`` is not
needed). Screenshots go to ``tests/artefacts/`` (git-ignored).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "tests" / "artefacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium (Debian's), or a skip saying what is missing.

    Module-scoped: Playwright's sync API keeps an asyncio loop running in the main thread while it is
    open, which would break any later test that calls ``asyncio.run``.
    """
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="the playwright Python package is not installed: pip install playwright"
    )
    chromium = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    if chromium is None:
        pytest.skip(
            f"no Chromium at {CHROMIUM} nor on PATH: apt-get install chromium to run the browser tests"
        )
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def _serve(db: Path) -> tuple[subprocess.Popen[str], str]:
    """Start ``kb serve`` on ``db`` (which exists, so it is served as is) and wait until it answers."""
    port = _free_port()
    kb = Path(sys.executable).parent / "kb"
    command = [
        str(kb),
        "serve",
        "--db",
        str(db),
        "--port",
        str(port),
        "--metadata",
        str(ROOT / "metadata.yml"),
    ]
    # `timeout` stops the server by itself even if the test run dies.
    proc = subprocess.Popen(
        ["timeout", "120", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        if proc.poll() is not None:
            raise RuntimeError(f"kb serve exited early: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(base + "/-/versions.json", timeout=2):
                return proc, base
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("kb serve did not answer within 30 s")


def _stop(proc: subprocess.Popen[str]) -> None:
    """Stop the server started by ``_serve`` (its own process only)."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="module")
def start_server() -> Iterator[Callable[[Path], str]]:
    """A function that serves a database with ``kb serve`` and returns its base URL; stopped after the module."""
    procs: list[subprocess.Popen[str]] = []

    def start(db: Path) -> str:
        proc, base = _serve(db)
        procs.append(proc)
        return base

    yield start
    for proc in procs:
        _stop(proc)

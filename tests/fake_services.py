"""A local stand-in for NCBI E-utilities and Crossref, bound to 127.0.0.1, for the enrichment tests.

Routes answer by path and by substrings of query parameters, from fixture files of
``tests/fixtures/enrich/`` (written in the services' documented formats and marked as test data; see
the README there). A route may answer a sequence (e.g. 429 then 200), wait before answering (a timeout),
or send a body that is not the documented format. Every request is recorded. The server stops when the
test's ``with`` block ends, and never lives past the test process (daemon thread).
"""

from __future__ import annotations

import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "enrich"


@dataclass
class Answer:
    """One answer: status, body (or a fixture file name) and headers; ``delay`` seconds first."""

    status: int = 200
    body: bytes | str = b""
    file: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def payload(self) -> bytes:
        """The body to send."""
        if self.file:
            return (FIXTURES / self.file).read_bytes()
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body


@dataclass
class Route:
    """Answers for requests to ``path`` whose parameters contain every ``params`` substring (case
    folded); the answers are given in turn, the last one repeated."""

    path: str
    answers: list[Answer]
    params: dict[str, str] = field(default_factory=dict)
    served: int = 0

    def matches(self, path: str, query: dict[str, str]) -> bool:
        """Whether a request is for this route."""
        if path != self.path:
            return False
        return all(v.casefold() in query.get(k, "").casefold() for k, v in self.params.items())

    def next(self) -> Answer:
        """The next answer in turn."""
        answer = self.answers[min(self.served, len(self.answers) - 1)]
        self.served += 1
        return answer


class FakeServices:
    """The server: ``url`` is its base address; ``requests`` lists ``(path, params)`` received."""

    def __init__(self, routes: list[Route]) -> None:
        self.routes = routes
        self.requests: list[tuple[str, dict[str, str]]] = []
        services = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(parts.query))
                path = urllib.parse.unquote(parts.path)
                services.requests.append((path, query))
                route = next((r for r in services.routes if r.matches(path, query)), None)
                answer = route.next() if route else Answer(404, '{"status":"error","message":"not found"}')
                if answer.delay:
                    time.sleep(answer.delay)
                body = answer.payload()
                try:
                    self.send_response(answer.status)
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``."""
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def paths(self) -> list[str]:
        """The paths asked, in order."""
        return [p for p, _ in self.requests]


@contextmanager
def fake_services(routes: list[Route]) -> Iterator[FakeServices]:
    """Run the server for the duration of a ``with`` block."""
    services = FakeServices(routes)
    services.thread.start()
    try:
        yield services
    finally:
        services.server.shutdown()
        services.server.server_close()

"""A real HTTP server on 127.0.0.1, in a thread, for the tests that fetch URLs (never the
internet). Each path answers with a `Reply`; every request's headers are recorded."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

__all__ = ["Reply", "Site", "serve"]


@dataclass(frozen=True)
class Reply:
    """What the server sends for one path."""

    body: bytes = b""
    status: int = 200
    headers: Mapping[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    gzip: bool = False
    delay: float = 0.0
    """Seconds the server waits before it answers (a slow server)."""


@dataclass
class Site:
    base: str
    requests: list[tuple[str, dict[str, str]]]
    """(path, headers with lower-case names) of every request received, in order."""

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(routes: Mapping[str, Reply] | Callable[[str], Reply | None]) -> Iterator[Site]:
    """Serve `routes` (path -> reply, or a function of the path; 404 when missing)."""
    lookup = routes if callable(routes) else routes.get
    requests: list[tuple[str, dict[str, str]]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            reply = lookup(self.path)
            if reply is None:
                self.send_error(404)
                return
            time.sleep(reply.delay)
            body = gzip.compress(reply.body) if reply.gzip else reply.body
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            if reply.gzip:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_port}", requests)
    finally:
        server.shutdown()
        server.server_close()

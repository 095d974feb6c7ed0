"""A web site on a loopback address for the tests that fetch pages and feeds: a handler class
answers ``GET`` (its ``do_GET`` calls :meth:`Page.send`), served from a thread until the block
ends. Loopback addresses are internal ones, which a fetch for others refuses
(:func:`pourparler.evidence.fetch.is_public`)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Page(BaseHTTPRequestHandler):
    """A quiet handler with one way to answer: a status, a content type and a body."""

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def send(self, kind: str, body: bytes, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@contextmanager
def site(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``handler`` on ``host`` at a free port; yields the base address (no slash)."""
    httpd = ThreadingHTTPServer((host, 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()

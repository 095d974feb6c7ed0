"""A web site on a loopback address for the tests that fetch pages and feeds: a handler class
answers ``GET`` (its ``do_GET`` calls :meth:`Page.send`), served from a thread until the block
ends. Loopback addresses are internal ones, which a fetch for others refuses
(:func:`pourparler.evidence.fetch.is_public`)."""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar


class Page(BaseHTTPRequestHandler):
    """A quiet handler with one way to answer: a status, a content type and a body."""

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def send(self, kind: str, body: bytes, status: int = 200, etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag is not None:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    """A local test server that says nothing of a client that closed its connection before the
    answer was written (a fetch that gave up on a 404's body, a server killed mid-read): its
    traceback on stderr would land in the output a test checks. Other errors are printed."""

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def site(handler: type[BaseHTTPRequestHandler], host: str = "127.0.0.1") -> Iterator[str]:
    """Serve ``handler`` on ``host`` at a free port; yields the base address (no slash)."""
    httpd = QuietServer((host, 0), handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


ARTICLE = b"""<html><head><title>Article {n}</title></head><body><article>
<p>Russia demands an unconditional 30-day ceasefire, its foreign ministry said on day {n}.</p>
</article></body></html>"""


WE_ARTICLE = b"""<html><head><title>Statement {n}</title></head><body><article>
<p>We call for an immediate and unconditional ceasefire, and we will keep up our military
support for Ukraine, the statement said on day {n}.</p>
</article></body></html>"""


class News(Page):
    """A news site: ``/feed.xml`` lists :attr:`listed` articles (``/news/-0.html`` …),
    ``/feedN.xml`` lists one (``/news/N-0.html``), and each article, different from the others,
    comes after :attr:`delay` seconds; every path asked for is kept in :attr:`asked`, and the
    most articles answered at once in :attr:`most_busy`."""

    asked: ClassVar[list[str]] = []
    listed: ClassVar[int] = 2
    delay: ClassVar[float] = 0.0
    busy: ClassVar[int] = 0  # articles being answered now
    most_busy: ClassVar[int] = 0  # the most answered at once
    lock: ClassVar[threading.Lock] = threading.Lock()
    validators: ClassVar[bool] = False  # feeds answer with an ETag, and 304 when it matches
    missing: ClassVar[set[str]] = set()  # article paths answered with 404
    article: ClassVar[bytes] = ARTICLE  # each article's page, {n} standing for its number

    def do_GET(self) -> None:
        News.asked.append(self.path)
        if m := re.fullmatch(r"/feed(\d*)\.xml", self.path):
            ids = [f"{m[1]}-{k}" for k in range(News.listed if not m[1] else 1)]
            tag = f'"{m[1]}-{len(ids)}"'  # changes when the feed lists more
            if News.validators and self.headers.get("If-None-Match") == tag:
                News.asked.append(f"{self.path} 304")
                self.send_response(304)
                self.end_headers()
                return
            items = "".join(f"<item><link>/news/{n}.html</link></item>" for n in ids)
            body = f"<rss><channel>{items}</channel></rss>".encode()
            self.send("application/rss+xml", body, etag=tag if News.validators else None)
        elif self.path in News.missing:
            self.send_error(404)
        elif self.path.startswith("/news/"):
            with News.lock:
                News.busy += 1
                News.most_busy = max(News.most_busy, News.busy)
            time.sleep(News.delay)
            with News.lock:
                News.busy -= 1
            n = self.path.removeprefix("/news/").removesuffix(".html")
            self.send("text/html", News.article.replace(b"{n}", n.encode()))
        else:
            self.send_error(404)


@contextmanager
def news_site(listed: int = 2, delay: float = 0.0) -> Iterator[str]:
    """:class:`News` served afresh (nothing asked yet); yields its base address."""
    News.asked.clear()
    News.listed, News.delay = listed, delay
    News.busy = News.most_busy = 0
    News.validators = False
    News.missing = set()
    News.article = ARTICLE
    with site(News) as base:
        yield base

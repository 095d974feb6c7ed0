"""How long the web app takes to fetch and read the articles of a news feed given in its add form.

    .venv/bin/python benchmarks/bench_fetch_job.py [--articles 50] [--repeat 3] [--latency S]

A local web server (127.0.0.1) serves an RSS feed listing ``--articles`` pages of 40 sentences
each, every page different. The app (uvicorn, ``--review --fetch-internal``, since the pages are
on this machine) gets the feed's address in the add form, and the time is taken from the post
until the job's page says it is done: the feed and every page fetched, read by the rules
reader and stored. Each repeat uses a fresh store. Prints the median and each run, and the
time per article.

``--latency S`` makes the site wait S seconds before each article, as a server across the
internet does; the job is then timed twice in the same run, fetching ahead (the default:
``pourparler.evidence.prefetch``, two pages at a time from one host) and one page at a time,
and the ratio is printed.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from pourparler.evidence import prefetch
from pourparler.evidence.store import Store
from pourparler.web import create_app
from pourparler.web.local import serving

SENTENCES = (
    "Kyiv insists on an unconditional 30-day ceasefire on land, air and sea.",
    "The Kremlin rejected the ceasefire.",
    "Russia demanded that Ukraine renounce NATO membership.",
    "Ukraine proposed an exchange of all prisoners of war.",
)


def page(k: int) -> bytes:
    body = "".join(f"<p>{SENTENCES[(k + i) % 4]} Report {k}, paragraph {i}.</p>" for i in range(40))
    head = f"<html><head><title>Talks, day {k}</title></head>"
    return f"{head}<body><article>{body}</article></body></html>".encode()


def feed(base: str, n: int) -> bytes:
    items = "".join(
        f"<item><title>Talks, day {k}</title><link>{base}/news/{k}.html</link>"
        f"<pubDate>Tue, 20 May 2025 08:00:00 +0000</pubDate></item>"
        for k in range(n)
    )
    channel = f"<channel><title>Wire</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--latency", type=float, default=0.0)
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_: object) -> None:
            pass

        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/feed.xml":
                body, kind = feed(base, args.articles), "application/rss+xml"
            else:
                time.sleep(args.latency)
                body, kind = page(int(self.path.rsplit("/", 1)[1].split(".")[0])), "text/html"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    site = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{site.server_address[1]}/feed.xml"
    try:
        ahead, claims = _time_jobs(address, args.articles, args.repeat)
        one = None
        if args.latency > 0:
            workers, window = prefetch.WORKERS, prefetch.WINDOW
            prefetch.WORKERS, prefetch.WINDOW = 1, 0
            try:
                one, _ = _time_jobs(address, args.articles, args.repeat)
            finally:
                prefetch.WORKERS, prefetch.WINDOW = workers, window
    finally:
        site.shutdown()
        site.server_close()
    wait = f", the site waiting {args.latency:g} s before each" if args.latency else ""
    print(f"a feed of {args.articles} articles (40 sentences each{wait}), {claims} claims stored")
    for label, runs in (("fetching ahead", ahead), ("one page at a time", one)):
        if runs is None:
            continue
        median = statistics.median(runs)
        each = median / args.articles * 1000
        print(
            f"{label}: post to done, median of {len(runs)}: {median:.2f} s "
            f"({each:.0f} ms an article); runs: " + ", ".join(f"{s:.2f} s" for s in runs)
        )
    if one is not None:
        ratio = statistics.median(one) / statistics.median(ahead)
        print(f"one page at a time takes {ratio:.1f} times as long")


def _time_jobs(address: str, articles: int, repeat: int) -> tuple[list[float], int]:
    """Seconds from the post to the job's end, each in a fresh store; the claims stored."""
    runs: list[float] = []
    claims = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as folder:
            db = Path(folder) / "evidence.db"
            Store(db).close()
            app = create_app(db=db, review=True, fetch_internal=True)
            with serving(app) as url, httpx.Client(base_url=url, timeout=60) as client:
                t0 = time.perf_counter()
                r = client.post(
                    "/evidence/add",
                    data={"addresses": address},
                    files=[("file", ("", b"", "application/octet-stream"))],
                    headers={"origin": url},
                )
                assert r.status_code == 303, r.text
                while 'data-finished="true"' not in client.get(r.headers["location"]).text:
                    time.sleep(0.05)
                runs.append(time.perf_counter() - t0)
            with Store(db) as store:
                claims = len(store.claims())
                documents = len(store.documents())
            assert documents == articles, documents
    return runs, claims


if __name__ == "__main__":
    main()

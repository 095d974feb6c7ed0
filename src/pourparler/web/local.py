"""The app served by uvicorn on a loopback port in a background thread, and a driver that
sends many concurrent requests to it: what the load test and ``benchmarks/bench_serve.py``
use. The server stops when the block ends, waiting at most ``stop_seconds``."""

from __future__ import annotations

import asyncio
import contextlib
import socket
import statistics
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@contextlib.contextmanager
def serving(app: Any, *, start_seconds: float = 30.0, stop_seconds: float = 30.0) -> Iterator[str]:
    """Serve ``app`` on ``127.0.0.1`` at a free port; yields the base URL
    (``http://127.0.0.1:PORT``)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="on", backlog=512)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_seconds
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            sock.close()
            raise RuntimeError("the web server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(stop_seconds)
        if thread.is_alive():
            server.force_exit = True
            thread.join(5.0)
        sock.close()


@dataclass(frozen=True)
class Outcome:
    """One request: its kind, status (0 when it failed without an answer) and seconds."""

    kind: str
    status: int
    seconds: float
    error: str = ""


Request = Callable[[Any], Any]  # an httpx.AsyncClient -> awaitable httpx.Response


async def _timed(kind: str, request: Request, client: Any) -> Outcome:
    t0 = time.perf_counter()
    try:
        response = await request(client)
    except Exception as exc:  # a refused or dropped connection is an outcome to report
        return Outcome(kind, 0, time.perf_counter() - t0, f"{type(exc).__name__}: {exc}")
    return Outcome(kind, response.status_code, time.perf_counter() - t0)


def burst(
    base_url: str,
    kind: str,
    requests: Sequence[Request],
    *,
    timeout: float = 120.0,
) -> list[Outcome]:
    """Send ``requests`` all at once (one connection each) and wait for every answer."""
    import httpx

    async def run() -> list[Outcome]:
        limits = httpx.Limits(max_connections=len(requests), max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=base_url, timeout=timeout, limits=limits) as client:
            tasks = [_timed(kind, request, client) for request in requests]
            return list(await asyncio.wait_for(asyncio.gather(*tasks), timeout + 10.0))

    return asyncio.run(run())


def percentiles(seconds: Sequence[float]) -> dict[str, float]:
    """p50, p90 and p99 of ``seconds`` (inclusive method; with one value, that value)."""
    if len(seconds) == 1:
        return {"p50": seconds[0], "p90": seconds[0], "p99": seconds[0]}
    q = statistics.quantiles(seconds, n=100, method="inclusive")
    return {"p50": q[49], "p90": q[89], "p99": q[98]}


def request_kinds(
    key: str,
    upload_text: str,
    n: int,
    *,
    evidence: bool = True,
    review: Sequence[int] = (),
    article: str = "",
) -> dict[str, list[Request]]:
    """``n`` requests of each kind the app serves, for scenario ``key``: the home page, the
    scenario page, the forecast, the deals, the downloads (in turn YAML, forecast JSON and CSV,
    deals JSON and CSV), the evidence pages and the scenario's evidence updates (when
    ``evidence``) and uploads of ``upload_text`` (each with its own ``title:`` line, so each is
    read). With claim ids ``review`` (a server started with ``--review``): reviews accepting
    them in turn, and articles added (``article`` with its own first line, so each is
    stored)."""
    base = f"/scenario/{key}"
    downloads = [
        f"{base}/scenario.yaml",
        f"{base}/forecast.json",
        f"{base}/forecast.csv",
        f"{base}/deals.json",
        f"{base}/deals.csv",
    ]

    def get(path: str) -> Request:
        return lambda client: client.get(path)

    def post_upload(k: int) -> Request:
        text = upload_text.replace("\ntitle: ", f"\ntitle: variant {k} of ", 1)
        files = {"file": (f"scenario-{k}.yaml", text.encode("utf-8"), "application/yaml")}
        return lambda client: client.post("/upload", files=files)

    kinds: dict[str, list[Request]] = {
        "home": [get("/") for _ in range(n)],
        "scenario": [get(base) for _ in range(n)],
        "forecast": [get(f"{base}/forecast") for _ in range(n)],
        "deals": [get(f"{base}/deals") for _ in range(n)],
        "downloads": [get(downloads[k % len(downloads)]) for k in range(n)],
        "upload": [post_upload(k) for k in range(n)],
    }
    if evidence:
        kinds["evidence"] = [get(f"/evidence?page={1 + k % 2}") for k in range(n)]
        kinds["updates"] = [get(f"{base}/evidence?unreviewed=1") for _ in range(n)]
    if review:

        def post_review(claim: int) -> Request:
            data = {"action": "accept"}
            return lambda client: client.post(f"/evidence/claim/{claim}/review", data=data)

        def post_article(k: int) -> Request:
            files = {
                "file": (f"article-{k}.txt", f"Report {k}\n\n{article}".encode(), "text/plain")
            }
            return lambda client: client.post("/evidence/add", files=files)

        kinds["review"] = [post_review(review[k % len(review)]) for k in range(n)]
        kinds["add"] = [post_article(k) for k in range(n)]
    return kinds

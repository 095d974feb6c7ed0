"""``pourparler serve``: the web app for an analyst, or a team on a local network."""

from __future__ import annotations

import errno
import re
import socket
from pathlib import Path
from typing import Annotated

import typer

from pourparler.errors import InputError

HOST_OPT = typer.Option("--host", help="Address to listen on (0.0.0.0: every interface).")
PORT_OPT = typer.Option("--port", help="Port to listen on.")
DB_OPT = typer.Option("--db", help="Evidence store to browse (read by the server, never uploaded).")
REVIEW_OPT = typer.Option(
    "--review",
    help="Let the browser accept, reject and correct the claims of --db (written to it, "
    "with an audit trail).",
)
LLM_OPT = typer.Option(
    "--llm",
    help="With --review: let articles added in the browser be read by the language model "
    "(settings as for evidence add --reader llm).",
)
FETCH_INTERNAL_OPT = typer.Option(
    "--fetch-internal",
    help="With --review: let the browser's add form fetch pages from internal addresses too "
    "(this machine, its private networks): only for a server no one else can reach.",
)
READ_FEEDS_OPT = typer.Option(
    "--read-feeds-every",
    metavar="MINUTES",
    help="With --review: read the news feeds followed for the built-in scenarios at start-up "
    "and then every MINUTES (1 to a week's), fetching only what is not stored yet.",
)
READ_FEEDS_WITH_OPT = typer.Option(
    "--read-feeds-with",
    help="With --read-feeds-every: the reader of the scheduled reads, rules or llm (with --llm).",
)
ALLOW_HOST_OPT = typer.Option(
    "--allow-host",
    metavar="NAME",
    help="Also answer requests that call the server NAME (a name it is reached by on the "
    "network, or a proxy's); '*': any name. Addresses and localhost are always answered, and "
    "with --host 0.0.0.0 the machine's own name; other names are refused, so that no other "
    "site's page can reach the server under a name of its own.",
)
WEEK_MINUTES = 7 * 24 * 60
HOST_NAME = re.compile(r"[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?\.?")
WORKERS_OPT = typer.Option("--workers", help="Threads for the analyses.")
TIMEOUT_OPT = typer.Option("--timeout", help="Seconds a request waits for an analysis.")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    host: Annotated[str, HOST_OPT] = "127.0.0.1",
    port: Annotated[int, PORT_OPT] = 8000,
    db: Annotated[Path | None, DB_OPT] = None,
    review: Annotated[bool, REVIEW_OPT] = False,
    llm: Annotated[bool, LLM_OPT] = False,
    fetch_internal: Annotated[bool, FETCH_INTERNAL_OPT] = False,
    read_feeds_every: Annotated[float | None, READ_FEEDS_OPT] = None,
    read_feeds_with: Annotated[str, READ_FEEDS_WITH_OPT] = "rules",
    workers: Annotated[int, WORKERS_OPT] = 2,
    timeout: Annotated[float, TIMEOUT_OPT] = 60.0,
    allow_host: Annotated[list[str] | None, ALLOW_HOST_OPT] = None,
) -> None:
    """Serve the web app: pick or upload a scenario, change it, forecast it, analyse its deals,
    download the results, browse and review the evidence and update a scenario from it (needs
    the web extra: see docs/web.md)."""
    import importlib.util

    for module in ("starlette", "uvicorn", "jinja2", "python_multipart"):
        if importlib.util.find_spec(module) is None:
            raise InputError(f"serve needs the web extra: pip install 'pourparler[web]' ({module})")
    if not 0 < port < 65536:
        raise InputError(f"--port: must be between 1 and 65535, got {port}")
    if read_feeds_with not in ("rules", "llm"):
        raise InputError(f"--read-feeds-with: {read_feeds_with[:20]!r}: rules or llm")
    if read_feeds_with != "rules" and read_feeds_every is None:
        raise InputError("--read-feeds-with: only with --read-feeds-every")
    if read_feeds_every is not None and not 1 <= read_feeds_every <= WEEK_MINUTES:  # nan too
        raise InputError(
            f"--read-feeds-every: from 1 to {WEEK_MINUTES} minutes (a week), got {read_feeds_every}"
        )
    allowed = allowed_hosts(host, allow_host or [])
    import uvicorn

    from pourparler.web import create_app

    app = create_app(
        db=db,
        review=review,
        llm=llm,
        fetch_internal=fetch_internal,
        read_feeds_every=read_feeds_every * 60 if read_feeds_every is not None else None,
        read_feeds_with=read_feeds_with,
        workers=workers,
        timeout=timeout,
        allowed_hosts=allowed,
    )
    sock = bind(host, port)
    config = uvicorn.Config(app, log_level="warning", server_header=False)
    from pourparler.cli.common import plain

    shown = f"[{plain(host)}]" if ":" in host else plain(host)
    typer.echo(f"serving on http://{shown}:{port}/ (Ctrl-C to stop)", err=True)
    if db is not None:
        typer.echo(plain(f"evidence: {db}, {_mode(review, llm, fetch_internal)}"), err=True)
    if read_feeds_every is not None:
        typer.echo(
            f"followed feeds read now and every {read_feeds_every:g} minutes by the "
            f"{'language model' if read_feeds_with == 'llm' else 'rules reader'}",
            err=True,
        )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def allowed_hosts(host: str, extra: list[str]) -> frozenset[str] | None:
    """The names besides addresses and ``localhost`` that requests may call the server by:
    ``host`` itself, the machine's own names when it listens on every interface, and
    ``extra`` (``--allow-host``); None for any name (``*``)."""
    from pourparler.cli.common import plain
    from pourparler.web.security import host_name

    if "*" in extra:
        return None
    names = set()
    for name in extra:
        if not HOST_NAME.fullmatch(name.lower()):
            raise InputError(
                f"--allow-host: {plain(name)[:80]!r}: a host name such as analysis.example.org "
                "(no scheme, port or path), or '*'"
            )
        names.add(host_name(name))
    names.add(host_name(host))
    if host in ("0.0.0.0", "::"):  # every interface: reached by the machine's names too
        names |= {host_name(socket.gethostname()), host_name(socket.getfqdn())}
    return frozenset(names)


def _mode(review: bool, llm: bool, fetch_internal: bool = False) -> str:
    """What the browser may do with the evidence store, for the start-up line."""
    if not review:
        return "read only (--review lets the browser review claims and add articles)"
    reader = "rules reader"
    if llm:
        from pourparler.evidence.readers.llm_settings import LLMSettings

        reader = f"rules reader or the model {LLMSettings.load().model}"
    where = "any address, internal ones included" if fetch_internal else "public addresses only"
    return f"claims reviewed and articles added from the browser ({reader}; pages from {where})"


def bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host`` and ``port`` and listening (what uvicorn would bind, done
    first so that a busy port or an address not on this machine is bad input before anything
    is announced, and a request sent as soon as it is announced waits for the server instead of
    being refused)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except socket.gaierror:
        sock.close()
        raise InputError(f"--host: {host}: not an address or a known host name") from None
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise InputError(f"--port: {port}: address already in use on {host}") from None
        if exc.errno == errno.EACCES:
            raise InputError(f"--port: {port}: permission denied on {host}") from None
        reason = (exc.strerror or str(exc)).lower()
        raise InputError(f"--host: {host}: {reason}") from None
    sock.listen(2048)  # connections made once "serving on" is printed wait for the server
    sock.set_inheritable(True)
    return sock

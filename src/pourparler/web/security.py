"""ASGI middleware that makes every response safe by construction: security headers on all of
them, and request bodies bounded in size and in time before anything reads them."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# No scripts at all: the pages are plain HTML forms and one local style sheet.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every HTTP response, error pages included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [h for h in message.get("headers", []) if h[0].lower() not in names]
                message["headers"] = headers + list(SECURITY_HEADERS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    """A request body over the limit; the app answers 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over the limit of {limit:,} bytes")
        self.limit = limit


BODY_SECONDS = 30.0  # how long a request's whole body may take to arrive


class BodyTimeout(Exception):
    """A request body still incomplete ``seconds`` after the request began; the app answers
    408 and closes the connection."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"request body not received within {seconds:g} s")
        self.seconds = seconds


def _has_body(scope: Scope) -> bool:
    """Whether the request announces a body (a ``Content-Length`` over 0, or chunks)."""
    for name, value in scope.get("headers", []):
        name = name.lower()
        if name == b"transfer-encoding":
            return True
        if name == b"content-length" and value.strip() not in (b"0", b""):
            return True
    return False


class BodyLimit:
    """Refuses request bodies over ``limit`` bytes: at once when ``Content-Length`` says so
    (``too_large`` renders the answer for the
    limit and the request's scope), otherwise by raising :class:`BodyTooLarge` from
    ``receive`` as soon as more has arrived.

    The whole body must arrive within ``body_seconds`` of the request's start (its headers
    read): past that ``receive`` raises :class:`BodyTimeout`, so a client trickling its body
    (a byte a second, say) holds a connection and a reader for at most that long. A response
    sent before the announced body has been read closes the connection (``Connection:
    close``), so that the rest of it is not waited for either. ``paths`` gives the paths that
    take larger bodies their own limits (articles added to the evidence store)."""

    def __init__(
        self,
        app: ASGIApp,
        limit: int,
        too_large: Callable[[int, Scope], Awaitable[ASGIApp]],
        body_seconds: float = BODY_SECONDS,
        paths: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.default_limit = limit
        self.too_large = too_large
        self.body_seconds = body_seconds
        self.paths = dict(paths or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.paths.get(scope.get("path", ""), self.default_limit)
        seen = 0
        done = not _has_body(scope)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.body_seconds

        async def bounded_receive() -> Message:
            nonlocal seen, done
            if done:  # the body is in: later calls wait for the client to disconnect
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except TimeoutError:
                raise BodyTimeout(self.body_seconds) from None
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
                done = not message.get("more_body", False)
            else:
                done = True
            return message

        async def closing_send(message: Message) -> None:
            if message["type"] == "http.response.start" and not done:
                message["headers"] = [*message.get("headers", []), (b"connection", b"close")]
            await send(message)

        for name, value in scope.get("headers", []):
            if name.lower() == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    response = await self.too_large(limit, scope)
                    await response(scope, receive, closing_send)
                    return
        await self.app(scope, bounded_receive, closing_send)


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without its port, in lower case and without a final dot
    (``[::1]:8000`` gives ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header[1:]
    name = header.rsplit(":", 1)[0] if header.count(":") == 1 else header
    return name[:-1] if name.endswith(".") else name  # one final dot: the same name


def safe_host(name: str, allowed: frozenset[str]) -> bool:
    """Whether a request naming the server ``name`` can come from a page of this server only.

    A page's origin is the name in its address. A name the server does not know could be an
    attacker's name pointed at this machine after the page loaded (DNS rebinding): the
    browser then takes the attacker's page for this server's, and lets it read and post. An
    address (``127.0.0.1``, ``[::1]``) and ``localhost`` cannot be re-pointed like that; other
    names must be in ``allowed``."""
    import ipaddress

    try:
        ipaddress.ip_address(name)
    except ValueError:
        pass
    else:
        return True
    return name == "localhost" or name in allowed


class AllowedHosts:
    """Refuses a request whose ``Host`` names the server by a name it was not given (see
    :func:`safe_host`); ``refuse`` renders the answer for the name and the request's scope. A
    request without ``Host`` (HTTP/1.0; no browser sends one) is let through."""

    def __init__(
        self,
        app: ASGIApp,
        allowed: frozenset[str],
        refuse: Callable[[str, Scope], Awaitable[ASGIApp]],
    ) -> None:
        self.app = app
        self.allowed = frozenset(host_name(name) for name in allowed)
        self.refuse = refuse

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            for name, value in scope.get("headers", []):
                if name.lower() == b"host":
                    host = host_name(value.decode("latin-1"))
                    if not safe_host(host, self.allowed):
                        response = await self.refuse(host, scope)
                        await response(scope, receive, send)
                        return
                    break
        await self.app(scope, receive, send)

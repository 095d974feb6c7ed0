"""The middleware around the app, assembled: security headers on every response, requests that
call the server by a name it was not given refused (:class:`~pourparler.web.security.AllowedHosts`),
and request bodies bounded (:class:`~pourparler.web.security.BodyLimit`), each refusal answered
as the app answers its own failures (an error page, or JSON for a JSON download)."""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from starlette.routing import Match, Route

from pourparler.web.evidence_add import MAX_ARTICLES_BODY_BYTES
from pourparler.web.evidence_pages import NO_STORE, REVIEW_OFF
from pourparler.web.failures import error_for_path, too_large_message
from pourparler.web.security import AllowedHosts, BodyLimit, Scope, SecurityHeaders
from pourparler.web.upload import MAX_UPLOAD_BYTES

MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024  # an upload's file and its form's framing


def guarded(
    app: Any,
    routes: list[Route],
    changes: Collection[Callable[..., Any]],
    *,
    has_store: bool,
    review: bool,
    allowed_hosts: Collection[str] | None,
    body_timeout: float,
) -> Any:
    """``app`` inside its middleware. ``changes``: the endpoints that change the evidence
    store, which a server without ``review`` refuses whatever the size of their body;
    ``allowed_hosts``: the names besides addresses and localhost (None: any name)."""

    async def too_large(limit: int, scope: Scope) -> Any:
        path = scope.get("path", "")
        if not review and _endpoint(routes, scope) in changes:
            # refused whatever its size: say why, as the route would, not that it is large
            status, message = (403, REVIEW_OFF) if has_store else (404, NO_STORE)
            return error_for_path(path, status, message)
        return error_for_path(path, 413, too_large_message(limit))

    larger = {"/evidence/add": MAX_ARTICLES_BODY_BYTES} if review else {}
    bounded: Any = BodyLimit(app, MAX_BODY_BYTES, too_large, body_timeout, larger)
    if allowed_hosts is not None:
        bounded = AllowedHosts(bounded, frozenset(allowed_hosts), _unknown_host)
    return SecurityHeaders(bounded)


async def _unknown_host(name: str, scope: Scope) -> Any:
    message = (
        f"host: {name[:80]!r} is not a name of this server; start it with "
        f"--allow-host {name[:80]} if it is"
        if name
        else "host: empty: a request must name the server it asks"
    )
    return error_for_path(scope.get("path", ""), 400, message)


def _endpoint(routes: list[Route], scope: Scope) -> Any:
    """The endpoint of the route that answers a request's path and method (None: none)."""
    for route in routes:
        if route.matches(scope)[0] == Match.FULL:
            return route.endpoint
    return None

"""Failures as pages: one error page per failure, with its status and one line (and, for an
invalid scenario, its problems by field and line); never a traceback. A JSON download's
failures are the same in a JSON object."""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from pourparler.errors import InputError
from pourparler.scenario import ScenarioError
from pourparler.web import render as r
from pourparler.web.cache import Busy
from pourparler.web.security import BodyTooLarge

log = logging.getLogger("pourparler.web")


class PageError(Exception):
    """A failure shown as an error page with ``status`` and one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_page(status: int, message: str, problems: list[Any] | None = None) -> HTMLResponse:
    return HTMLResponse(
        r.render("error.html", status=status, message=message, problems=problems or []),
        status_code=status,
    )


def too_large_message(limit: int) -> str:
    """The refusal of a request body over ``limit`` bytes: it names the files' limit (articles
    added to the evidence, or a scenario), not the body's, which has room for the form's
    framing."""
    from pourparler.web.evidence_add import ARTICLES_TOO_LARGE, MAX_ARTICLES_BYTES
    from pourparler.web.upload import TOO_LARGE

    return ARTICLES_TOO_LARGE if limit > MAX_ARTICLES_BYTES else TOO_LARGE


def _failure(request: Request, exc: Exception) -> tuple[int, str, list[Any]]:
    """The status, the one line and the problems (an invalid scenario's) of a failure."""
    if isinstance(exc, PageError):
        return exc.status, exc.message, []
    if isinstance(exc, ScenarioError):
        return 422, f"invalid scenario: {exc}", r.problem_rows(exc.problems)
    from pourparler.forecast.budget import TooLong

    if isinstance(exc, TooLong):
        return 422, str(exc), []
    if isinstance(exc, InputError):
        return 400, str(exc), []
    if isinstance(exc, BodyTooLarge):
        return 413, too_large_message(exc.limit), []
    if isinstance(exc, ClientDisconnect):  # its body cut short: no one is left to answer
        return 400, "request body incomplete: the client closed the connection", []
    if isinstance(exc, Busy):
        return 503, f"server busy: {exc}; try again shortly", []
    if isinstance(exc, TimeoutError):
        return 503, "the analysis took too long for one request; it goes on, try again shortly", []
    if isinstance(exc, HTTPException):
        messages = {404: "no such page", 405: "method not allowed"}
        return exc.status_code, messages.get(exc.status_code, str(exc.detail)), []
    log.exception("internal error on %s", request.url.path)
    return 500, "internal error: the server could not answer this request", []


def error_response(
    request: Request, status: int, message: str, problems: list[Any] | None = None
) -> Response:
    """The error page, or for a JSON download ``{"error": {"status", "message", "problems"}}``
    with the same status."""
    return error_for_path(request.url.path, status, message, problems)


def error_for_path(
    path: str, status: int, message: str, problems: list[Any] | None = None
) -> Response:
    """:func:`error_response` for a request known by its path only (a body refused before the
    app reads the request). A JSON download (a path ending ``.json``) fails in JSON, so that a
    script reading it gets an object it can read, not an HTML page."""
    if path.endswith(".json"):
        body = {"status": status, "message": message, "problems": problems or []}
        return JSONResponse({"error": body}, status_code=status)
    return error_page(status, message, problems)


async def on_error(request: Request, exc: Exception) -> Response:
    return error_response(request, *_failure(request, exc))

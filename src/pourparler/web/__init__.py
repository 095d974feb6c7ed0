"""The web app (``pourparler serve``, extra ``pourparler[web]``): scenarios, what-if changes,
forecasts, deals, downloads and evidence in a browser. It imports the library; the library
never imports it."""

from __future__ import annotations

from typing import Any


def create_app(**options: Any) -> Any:
    """The ASGI app; see :func:`pourparler.web.app.create_app`."""
    from pourparler.web.app import create_app as build

    return build(**options)


__all__ = ["create_app"]

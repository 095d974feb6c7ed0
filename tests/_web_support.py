"""What the web app's tests share: importing this module skips the importing test module when
the ``web`` extra (and httpx, which Starlette's test client needs) is missing; then the test
client, and the one line of an error page."""

from __future__ import annotations

import re
import warnings

import pytest

for _module in ("starlette", "jinja2", "python_multipart", "httpx"):
    pytest.importorskip(_module)

with warnings.catch_warnings():  # starlette's test client on httpx warns of a successor
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

__all__ = ["TestClient", "error_message"]


def error_message(html: str) -> str:
    """The one line of an error page (``#error-message``), as the page escapes it."""
    m = re.search(r'id="error-message"[^>]*>([^<]*)<', html)
    assert m, "no error message on the page"
    return m.group(1)

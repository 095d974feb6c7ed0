"""What the web app's tests share: importing this module skips the importing test module when
the ``web`` extra (and httpx, which Starlette's test client needs) is missing; then the test
client, the one line of an error page, and a reading job's page once the job is done."""

from __future__ import annotations

import re
import time
import warnings
from typing import Any

import pytest

for _module in ("starlette", "jinja2", "python_multipart", "httpx"):
    pytest.importorskip(_module)

with warnings.catch_warnings():  # starlette's test client on httpx warns of a successor
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient as _StarletteClient


class TestClient(_StarletteClient):
    """Starlette's test client calling the app ``localhost``, a name every server answers to
    (``testserver``, its own default, is refused as a name the server was not given)."""

    __test__ = False  # not a test class, for pytest

    def __init__(self, *args: object, base_url: str = "http://localhost", **kw: object) -> None:
        super().__init__(*args, base_url=base_url, **kw)  # type: ignore[arg-type]


__all__ = ["TestClient", "error_message", "follow", "web_state"]

JOB_WAIT_S = 30.0


def web_state(client: TestClient) -> Any:
    """The app's ``WebState``, inside the middleware that wraps the Starlette app."""
    inner: Any = client.app
    while not hasattr(inner, "state"):
        inner = inner.app
    return inner.state.web


def error_message(html: str) -> str:
    """The one line of an error page (``#error-message``), as the page escapes it."""
    m = re.search(r'id="error-message"[^>]*>([^<]*)<', html)
    assert m, "no error message on the page"
    return m.group(1)


def follow(client: TestClient, location: str, wait_s: float = JOB_WAIT_S) -> str:
    """The reading job's page once the job is done (it looks again every 2 seconds until then)."""
    deadline = time.monotonic() + wait_s
    while True:
        page = client.get(location).text
        if 'data-finished="true"' in page:
            assert '<meta http-equiv="refresh"' not in page
            return page
        assert '<meta http-equiv="refresh" content="2">' in page
        assert time.monotonic() < deadline, "the reading job did not finish"
        time.sleep(0.05)

"""The web app's defences: CSV downloads safe in a spreadsheet, the icon browsers ask for,
deals refused before any work when too large for a shared server, slow request bodies cut off,
and evidence paged by the database."""

from __future__ import annotations

import warnings

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
pytest.importorskip("python_multipart")
pytest.importorskip("httpx")

with warnings.catch_warnings():  # starlette's test client on httpx warns of a successor
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from pourparler.web import create_app


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


# -- the icon ------------------------------------------------------------------------------------


def test_the_icon_is_served_as_a_valid_ico(client):
    r = client.get("/favicon.ico")
    assert r.status_code == 200 and r.headers["content-type"] == "image/x-icon"
    raw = r.content
    assert raw[:6] == b"\x00\x00\x01\x00\x01\x00"  # ICONDIR: an icon, one image
    width, height, size, offset = raw[6], raw[7], int.from_bytes(raw[14:18], "little"), raw[18]
    assert (width, height) == (16, 16) and offset + size == len(raw)
    assert r.headers["x-content-type-options"] == "nosniff"

"""The web app's defences: CSV downloads safe in a spreadsheet, the icon browsers ask for,
deals refused before any work when too large for a shared server, slow request bodies cut off,
and evidence paged by the database."""

from __future__ import annotations

import time
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


# -- deals too large for the server --------------------------------------------------------------


def upload(client, text: str, name: str) -> str:
    r = client.post("/upload", files={"file": (name, text.encode())}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"]


def test_deals_of_3000_actors_are_refused_before_any_work(client):
    rows = "".join(f"actor{k},1,{k % 100},50\n" for k in range(3000))
    page = upload(client, "Actor,Capability,Position,Salience\n" + rows, "big.csv")
    t0 = time.perf_counter()
    for path in ("/deals", "/deals.csv", "/deals.json"):
        r = client.get(page + path)
        assert r.status_code == 422, path
        assert "3,000 actors" in r.text and "pourparler deals" in r.text
    assert time.perf_counter() - t0 < 10  # the analysis itself takes about 30 s


def test_deals_with_an_empty_zone_among_many_parties_are_refused():
    from pourparler.deals.synthetic import random_scenario
    from pourparler.scenario.yaml_io import dump_yaml

    # 500 veto parties on 2 issues: the empty zone's MILPs take about 35 s
    sc = random_scenario(500, 2, 10, 1)
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        page = upload(c, dump_yaml(sc), "many.yaml")
        t0 = time.perf_counter()
        r = c.get(page + "/deals")
        assert r.status_code == 422 and "500 actors (500 of them parties)" in r.text
        assert time.perf_counter() - t0 < 10


def test_the_builtins_and_a_1000_actor_table_are_within_the_bound():
    from pourparler.deals.space import package_space_for_track
    from pourparler.scenario import load_scenario
    from pourparler.scenario.builtin import builtin_names
    from pourparler.web.deals_size import DEALS_SECONDS, check_deals_size, deals_seconds
    from pourparler.web.upload import scenario_from_upload

    for name in builtin_names():
        sc = load_scenario(name)
        check_deals_size(sc)
        assert deals_seconds(package_space_for_track(sc, None)) < DEALS_SECONDS / 10
    rows = "".join(f"actor{k},1,{k % 100},50\n" for k in range(1000))
    table = scenario_from_upload(("Actor,Capability,Position,Salience\n" + rows).encode(), "t.csv")
    check_deals_size(table)  # about 3 s on the development machine

"""The web app's defences: CSV downloads safe in a spreadsheet, the icon browsers ask for,
deals refused before any work when too large for a shared server, slow request bodies cut off,
and evidence paged by the database."""

from __future__ import annotations

import re
import socket
import time

import pytest

from _web_support import TestClient  # skips without the web extra
from pourparler.web import create_app


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


# -- CSV downloads -------------------------------------------------------------------------------


def test_csv_downloads_quote_text_a_spreadsheet_would_run(client):
    import csv
    import io

    import yaml

    from scenario_samples import base

    pytest.importorskip("pandas")
    doc = base()
    doc["issues"][0]["name"] = '=HYPERLINK("http://evil")'
    doc["issues"][0]["options"][0]["label"] = "@SUM(1+1)"
    doc["issues"][0]["options"][2]["label"] = "-2+3"
    page = upload(client, yaml.safe_dump(doc, sort_keys=False), "hostile.yaml")
    for path in ("/forecast.csv?draws=0", "/deals.csv"):
        r = client.get(page + path)
        assert r.status_code == 200, path
        cells = [c for row in csv.reader(io.StringIO(r.text)) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "@") or re.match(r"[-+]\D", c)], path
        assert {'\'=HYPERLINK("http://evil")', "'@SUM(1+1)", "'-2+3"} & set(cells), path


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
    if 'id="download-report"' in client.get(page).text:
        r = client.get(page + "/report.html")  # forecast, deals and more: the same bounds
        assert r.status_code == 422 and "3,000 actors" in r.text
    assert time.perf_counter() - t0 < 10  # the analysis itself: 3 s to 28 s, by load


def test_deals_with_an_empty_zone_among_many_parties_are_refused():
    from pourparler.deals.synthetic import random_scenario
    from pourparler.scenario.yaml_io import dump_yaml

    # 500 veto parties on 2 issues: the empty zone's MILPs take 15 s to 36 s, by load
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


# -- slow clients --------------------------------------------------------------------------------

BODY_SECONDS = 2.0  # the test server's limit (the default is 30 s)


@pytest.fixture(scope="module")
def live_url():
    pytest.importorskip("uvicorn")
    from pourparler.web.local import serving

    with serving(create_app(body_timeout=BODY_SECONDS)) as url:
        yield url


def trickle(url: str, head: str, give_up: float = 12.0) -> tuple[bytes, float, bool]:
    """Send ``head`` then one body byte every 0.2 s until the server answers (or ``give_up``
    seconds pass); returns what it sent back, when its answer began, and whether it then closed
    the connection."""
    host, port = url.removeprefix("http://").split(":")
    answer = b""
    started = time.monotonic()
    answered_at = -1.0
    closed = False
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(head.encode())
        sock.settimeout(0.2)
        while time.monotonic() - started < give_up:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                chunk = None
            except ConnectionResetError:
                closed = True
                break
            if chunk == b"":
                closed = True
                break
            if chunk:
                if not answer:
                    answered_at = time.monotonic() - started
                answer += chunk
                continue
            try:
                sock.sendall(b"x")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
    return answer, answered_at, closed


def test_a_body_trickled_a_byte_at_a_time_is_cut_off_with_408(live_url):
    port = live_url.rsplit(":", 1)[1]
    head = (
        "POST /upload HTTP/1.1\r\n"
        f"Host: 127.0.0.1:{port}\r\n"
        "Content-Type: multipart/form-data; boundary=xyz\r\n"
        "Content-Length: 100000\r\n\r\n"
        "--xyz\r\n"
        'Content-Disposition: form-data; name="file"; filename="s.yaml"\r\n\r\n'
    )
    answer, at, closed = trickle(live_url, head)  # then the file's bytes, one at a time
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert BODY_SECONDS - 0.5 <= at <= BODY_SECONDS + 3
    assert b"request too slow" in answer and b"connection: close" in answer.lower()
    assert closed


def test_a_body_the_app_does_not_read_does_not_hold_the_connection(live_url):
    port = live_url.rsplit(":", 1)[1]
    head = f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 100000\r\n\r\n"
    answer, at, closed = trickle(live_url, head)
    assert answer.startswith(b"HTTP/1.1 200 ") and at < 2
    assert closed


def test_a_prompt_upload_is_unaffected(live_url):
    import httpx

    from pourparler.scenario import load_scenario
    from pourparler.scenario.yaml_io import dump_yaml

    text = dump_yaml(load_scenario("istanbul-2022")).encode()
    r = httpx.post(live_url + "/upload", files={"file": ("s.yaml", text)}, timeout=30)
    assert r.status_code == 303


# -- evidence paged by the database --------------------------------------------------------------

N_CLAIMS = 5_000
ACTORS = ("RU", "UA", "US", "TR")
ISSUES = ("ceasefire", "nato", "pows")


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    """5,000 claims in 50 documents (some undated), built through the public Store API."""
    import datetime as dt

    from pourparler.evidence.store import Store

    folder = tmp_path_factory.mktemp("big-evidence")
    db = folder / "e.db"
    with Store(db) as store:
        for d in range(50):
            claims = [
                {
                    "actor": ACTORS[(d + k) % len(ACTORS)],
                    "issue": ISSUES[k % len(ISSUES)],
                    "stance": "support",
                    "negated": False,
                    "position": float(k % 101),
                    "confidence": 0.5,
                    "sentence": f"Sentence {k} of document {d} <b>x</b>.",
                    "start": 1000 - 10 * k,  # the store orders by place, not by insertion
                    "end": 1005 - 10 * k,
                    "raw_start": 0,
                    "raw_end": 5,
                    "cue": "insists",
                    "speaker": None,
                }
                for k in range(N_CLAIMS // 50)
            ]
            store.add_document(
                sha256=f"{d:064x}",
                path=folder / f"doc{d}.txt",
                fmt="text",
                title=f"Document {d}",
                outlet=None,
                locator=None,
                date=None if d % 7 == 0 else dt.date(2025, 1 + d % 12, 1 + d % 28),
                text="x",
                runs=[],
                scenario="istanbul-2025",
                claims=claims,
            )
        assert store.counts() == (50, N_CLAIMS)
    return db


def test_every_page_is_the_slice_of_the_stores_list(big_store):
    from pourparler.evidence.store import Store
    from pourparler.web.evidence_query import ClaimFilter, ClaimsQuery

    query = ClaimsQuery(big_store)
    with Store(big_store) as store:
        for actor, issue in ((None, None), ("UA", None), (None, "nato"), ("TR", "pows")):
            every = store.claims(None, actor, issue)
            filters = ClaimFilter(actor, issue)
            assert query.count(filters) == len(every)
            for offset in (0, 25, len(every) // 2, len(every) - 10):
                assert list(query.claims(filters, 25, offset)) == every[offset : offset + 25]
        assert query.distinct("actor") == tuple(store.distinct("actor"))
        assert query.distinct("issue") == tuple(store.distinct("issue"))


def test_the_evidence_page_reads_one_page_not_the_whole_list(big_store, monkeypatch):
    from pourparler.evidence.store import Store

    with Store(big_store) as store:
        expected = [c.id for c in store.claims(None, "UA", None)]
    with TestClient(create_app(db=big_store), raise_server_exceptions=False) as c:

        def whole_list(*args, **kwargs):
            raise AssertionError("the page loaded every matching claim")

        monkeypatch.setattr(Store, "claims", whole_list)
        pages = -(-len(expected) // 25)
        for page in (1, 17, pages):
            r = c.get(f"/evidence?actor=UA&page={page}")
            assert r.status_code == 200, r.text[:300]
            ids = [int(i) for i in re.findall(r'<tr class="claim" data-claim="(\d+)"', r.text)]
            assert ids == expected[(page - 1) * 25 : page * 25]
            assert f'data-total="{len(expected)}"' in r.text
            assert "&lt;b&gt;x&lt;/b&gt;" in r.text
        last = c.get(f"/evidence?actor=UA&page={pages + 1}")  # past the end: the last page
        assert f'data-page="{pages}"' in last.text


def test_the_evidence_connection_cannot_write(big_store):
    import sqlite3

    from pourparler.web.evidence_query import ClaimsQuery

    conn = ClaimsQuery(big_store)._connection()
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        conn.execute("DELETE FROM claims")

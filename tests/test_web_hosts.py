"""The server answers only to the names it is reached by (``serve --allow-host``): a page of
another site whose name was pointed at this machine after it loaded (DNS rebinding) calls the
server by that site's name, and is refused before it can read a page or post a change."""

from __future__ import annotations

import html
import socket

import pytest

from _web_support import TestClient, error_message  # skips without the web extra
from pourparler.cli.serve_command import allowed_hosts
from pourparler.errors import InputError
from pourparler.evidence.store import Store
from pourparler.web import create_app
from pourparler.web.security import host_name, safe_host


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ("localhost:8000", "localhost"),
        ("Analysis.LAN.", "analysis.lan"),
        ("[::1]:8000", "::1"),
        ("[::1]", "::1"),
        ("127.0.0.1", "127.0.0.1"),
        (" example.org:80 ", "example.org"),
        ("localhost..", "localhost."),  # one final dot is the same name, two are not
    ],
)
def test_the_name_of_a_host_header(header, name):
    assert host_name(header) == name


def test_addresses_and_localhost_are_safe_and_other_names_only_when_given():
    given = frozenset({"analysis.lan"})
    for name in ("127.0.0.1", "10.1.2.3", "::1", "localhost", "analysis.lan"):
        assert safe_host(name, given), name
    for name in ("attacker.example", "localhost.attacker.example", "analysis.lan.example", ""):
        assert not safe_host(name, given), name


def test_the_names_a_server_answers_to():
    assert allowed_hosts("127.0.0.1", []) == frozenset({"127.0.0.1"})
    assert allowed_hosts("127.0.0.1", ["Analysis.lan"]) == {"127.0.0.1", "analysis.lan"}
    every = allowed_hosts("0.0.0.0", [])
    assert every is not None and host_name(socket.gethostname()) in every
    assert allowed_hosts("127.0.0.1", ["*"]) is None  # any name (behind a checking proxy)
    for bad in ("http://analysis.lan", "analysis.lan:8000", "a/b", "", "a b"):
        with pytest.raises(InputError, match="--allow-host"):
            allowed_hosts("127.0.0.1", [bad])


@pytest.fixture
def guarded(db):
    app = create_app(db=db, review=True, allowed_hosts=frozenset({"analysis.lan"}))
    with TestClient(app, base_url="http://localhost:8000", raise_server_exceptions=False) as c:
        yield c


def test_a_request_naming_another_site_is_refused_in_one_line(guarded):
    r = guarded.get("/", headers={"host": "attacker.example:8000"})
    assert r.status_code == 400
    line = html.unescape(error_message(r.text))
    assert line == (
        "host: 'attacker.example' is not a name of this server; "
        "start it with --allow-host attacker.example if it is"
    )
    assert r.headers["content-security-policy"]  # the security headers still apply
    download = guarded.get("/evidence/claims.json", headers={"host": "attacker.example"})
    assert download.status_code == 400 and download.json()["error"]["status"] == 400
    empty = guarded.get("/", headers={"host": ""})
    assert empty.status_code == 400
    assert html.unescape(error_message(empty.text)) == (
        "host: empty: a request must name the server it asks"
    )
    assert guarded.get("/", headers={"host": "localhost.."}).status_code == 400
    for host in ("localhost:8000", "127.0.0.1:8000", "[::1]:8000", "analysis.lan:8000"):
        assert guarded.get("/", headers={"host": host}).status_code == 200, host


def test_a_rebound_page_cannot_post_a_change(guarded, db):
    with Store(db) as store:
        before = len(store.document_list())
    # the page's origin and the request's host agree: only the name gives it away
    site = "http://attacker.example:8000"
    r = guarded.post(
        "/evidence/add",
        headers={"host": "attacker.example:8000", "origin": site},
        files=[("file", ("a.txt", b"Russia demands a ceasefire.", "text/plain"))],
    )
    assert r.status_code == 400 and "not a name of this server" in r.text
    with Store(db) as store:
        assert len(store.document_list()) == before
    # the same post from the server's own page goes in
    ok = guarded.post(
        "/evidence/add",
        headers={"origin": "http://localhost:8000"},
        files=[("file", ("a.txt", b"Russia demands a ceasefire.", "text/plain"))],
    )
    assert ok.status_code == 200, ok.text[:300]
    with Store(db) as store:
        assert len(store.document_list()) == before + 1


def test_the_app_itself_answers_addresses_and_localhost_only_unless_told(db):
    """``uvicorn --factory pourparler.web:create_app`` builds the app with no names given."""
    with TestClient(create_app(db=db, review=True)) as c:
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 400
        assert c.get("/", headers={"host": "127.0.0.1:8000"}).status_code == 200
    with TestClient(create_app(db=db, allowed_hosts=None)) as c:  # names checked in front
        assert c.get("/", headers={"host": "attacker.example"}).status_code == 200

"""Fetching for others (``fetch(..., public_only=True)``, the web app's add form): only public
addresses are reached, whatever name, redirect or proxy setting leads elsewhere.

The test servers listen on loopback addresses, which are internal. Where a test needs a fetch to
go through, it declares 127.0.0.1 public (patching :func:`pourparler.evidence.fetch.is_public`),
so 127.0.0.2 stands for an internal host behind it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import ClassVar

import pytest

from local_site import Page
from local_site import site as serving
from pourparler.errors import InputError
from pourparler.evidence import fetch as fetch_module
from pourparler.evidence.fetch import fetch, is_public

PAGE = b"<html><body><p>Ukraine insists on a ceasefire.</p></body></html>"


class _Handler(Page):
    asked: ClassVar[list[str]] = []
    redirect_to: ClassVar[str] = ""

    def do_GET(self) -> None:
        _Handler.asked.append(f"{self.server.server_address[0]}{self.path}")
        if self.path == "/away":
            self.send_response(302)
            self.send_header("Location", _Handler.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send("text/html", PAGE)


@pytest.fixture
def site() -> Iterator[str]:
    _Handler.asked.clear()
    with serving(_Handler) as base:
        yield base


@pytest.fixture
def inside() -> Iterator[str]:
    try:
        with serving(_Handler, "127.0.0.2") as base:
            yield base
    except OSError as exc:  # pragma: no cover - a loopback without 127.0.0.2
        pytest.skip(f"cannot listen on 127.0.0.2: {exc}")


@pytest.fixture
def first_public(monkeypatch: pytest.MonkeyPatch) -> None:
    """127.0.0.1 counts as public, every other internal address stays internal."""
    monkeypatch.setattr(fetch_module, "is_public", lambda ip: ip == "127.0.0.1" or is_public(ip))


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("127.9.9.9", False),
        ("::1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # a cloud's metadata service
        ("100.64.0.1", False),  # shared address space
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("::ffff:127.0.0.1", False),  # loopback mapped into IPv6
        ("::ffff:8.8.8.8", True),
    ],
)
def test_public_addresses_are_told_from_internal_ones(address, public):
    assert is_public(address) is public


def test_an_internal_address_is_refused_before_anything_is_sent(site):
    with pytest.raises(InputError) as exc:
        fetch(f"{site}/page", 1 << 20, 5, public_only=True)
    assert str(exc.value) == (
        f"{site}/page: address: 127.0.0.1 is an internal address (127.0.0.1); "
        "this server fetches only public addresses"
    )
    assert _Handler.asked == []
    assert fetch(f"{site}/page", 1 << 20, 5).data == PAGE  # the analyst's own fetch still goes


def test_a_name_that_leads_inside_is_refused(site):
    port = site.rsplit(":", 1)[1]
    with pytest.raises(
        InputError, match=r"localhost is an internal address \((127\.0\.0\.1|::1)\)"
    ):
        fetch(f"http://localhost:{port}/page", 1 << 20, 5, public_only=True)
    assert _Handler.asked == []


def test_a_public_address_is_fetched(site, first_public):
    page = fetch(f"{site}/page", 1 << 20, 5, public_only=True)
    assert page.data == PAGE and _Handler.asked == ["127.0.0.1/page"]


def test_a_redirect_inside_is_refused(site, inside, first_public):
    _Handler.redirect_to = f"{inside}/secret"
    with pytest.raises(InputError, match=r"127\.0\.0\.2 is an internal address"):
        fetch(f"{site}/away", 1 << 20, 5, public_only=True)
    assert _Handler.asked == ["127.0.0.1/away"]  # the internal host was never asked
    assert fetch(f"{site}/away", 1 << 20, 5).data == PAGE  # followed without the guard


def test_a_proxy_in_the_environment_is_not_used(site, first_public, monkeypatch):
    monkeypatch.setenv("http_proxy", "http://127.0.0.2:9")  # nothing listens there
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.2:9")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert fetch(f"{site}/page", 1 << 20, 5, public_only=True).data == PAGE
    with pytest.raises(InputError, match="fetch:"):  # the analyst's own fetch uses the proxy
        fetch(f"{site}/page", 1 << 20, 5)


def test_a_redirect_to_ftp_is_refused(site, first_public):
    _Handler.redirect_to = "ftp://127.0.0.1:9/secret.txt"
    with pytest.raises(InputError, match="redirected to an ftp address, which is not fetched"):
        fetch(f"{site}/away", 1 << 20, 5, public_only=True)


def test_a_redirect_loop_is_one_line(site):
    _Handler.redirect_to = "/away"
    with pytest.raises(InputError) as exc:
        fetch(f"{site}/away", 1 << 20, 5)
    message = str(exc.value)
    assert "\n" not in message and "infinite loop. The last 30x error message was: Found" in message


class _Trickle(Page):
    def do_GET(self) -> None:  # 40 bytes announced, one every 0.1 s
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "40")
        self.end_headers()
        for _ in range(40):
            self.wfile.write(b"x")
            self.wfile.flush()
            time.sleep(0.1)


def test_a_page_trickled_past_the_whole_page_limit_is_refused():
    with serving(_Trickle) as base:
        started = time.monotonic()
        with pytest.raises(InputError, match=r"fetch: the page took longer than 1\.2 s to arrive"):
            fetch(f"{base}/slow", 1 << 20, 0.3)  # each byte well within 0.3 s
    assert time.monotonic() - started < 3.0


@pytest.mark.parametrize("public_only", [True, False], ids=["server", "command line"])
def test_a_name_that_takes_too_long_to_look_up_is_given_up(
    site, first_public, monkeypatch, public_only
):
    import socket

    real = socket.getaddrinfo

    def slow(*args: object, **kwargs: object) -> object:
        time.sleep(2.0)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    started = time.monotonic()
    with pytest.raises(InputError, match=r"fetch: timed out after 0\.3 s"):
        fetch(f"{site}/page", 1 << 20, 0.3, public_only=public_only)
    assert time.monotonic() - started < 1.5

"""Articles fetched from an address: ``evidence add http://…`` against a local web server
serving an HTML page, a PDF without a suffix, a redirect, and pages that cannot be had."""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import ClassVar

import pytest

from cli_run import run_cli
from local_site import QuietServer
from pourparler.evidence.fetch import ascii_url, is_url, page_name
from pourparler.evidence.ingest import scenario_source
from pourparler.scenario import load_scenario

PDF = next((Path(__file__).parent / "data" / "evidence_pdf").glob("a12_*.pdf"))
PAGE = b"""<!doctype html><html><head><title>Kyiv presses for a truce</title>
<meta property="article:published_time" content="2025-05-16T09:00:00Z"></head>
<body><nav>Home | World</nav><article><h1>Kyiv presses for a truce</h1>
<p>Ukraine insists on an unconditional 30-day ceasefire before any talks on territory.</p>
<p>The Kremlin rejected the ceasefire on Friday.</p></article></body></html>"""

TURN = b"""<html><head><title>A turn in Moscow</title></head><body><article>
<p>Russia demands an unconditional 30-day ceasefire, its foreign ministry said.</p>
</article></body></html>"""

CYRILLIC = (
    "<html><head><title>Переговоры в Стамбуле</title></head><body><article>"
    "<p>Россия отвергла перемирие. The Kremlin rejected the ceasefire on Friday.</p>"
    "</article></body></html>"
)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example wire</title>
<item><title>Kyiv presses for a truce (wire)</title><link>/news/truce.html</link>
<pubDate>Tue, 20 May 2025 08:00:00 +0000</pubDate></item>
<item><title>Moscow's turn</title><link>http://127.0.0.1:{port}/news/turn.html</link></item>
<item><title>Kyiv presses again</title><link>/news/truce.html</link></item>
<item><title>Gone</title><link>/news/gone.html</link></item>
<item><title>No link</title></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
<entry><title>The statement</title><link rel="self" href="/atom"/><link href="/statement"/>
<updated>2025-06-09T10:00:00Z</updated><published>2025-06-02T10:00:00Z</published></entry>
</feed>"""

ODD_FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Odd</title>
<item><title>Broken</title><link>http://[::1/broken</link></item>
<item><title>Moscow's turn</title><link>/news/turn.html</link></item>
</channel></rss>"""


class _Handler(BaseHTTPRequestHandler):
    asked: ClassVar[list[str]] = []  # the paths asked for, in order

    def log_message(self, *args: object) -> None:  # keep the test output clean
        pass

    def _send(self, status: int, kind: str, body: bytes, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        _Handler.asked.append(self.path)
        if self.path == "/news/truce.html":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/news/turn.html":
            self._send(200, "text/html", TURN)
        elif self.path == "/ru/news.html":  # a page in windows-1251, named by the server
            self._send(200, "text/html; charset=windows-1251", CYRILLIC.encode("cp1251"))
        elif self.path == "/consent":
            self._send(200, "text/html", b"<html><body><p>We value your privacy.</p></body></html>")
        elif self.path == "/feed.xml":
            port = self.server.server_address[1]
            self._send(200, "application/rss+xml", RSS.replace(b"{port}", str(port).encode()))
        elif self.path == "/atom":
            self._send(200, "application/atom+xml", ATOM)
        elif self.path == "/broken-feed.xml":
            self._send(200, "application/rss+xml", RSS[: len(RSS) // 2])
        elif self.path == "/statement":  # a PDF served without a .pdf in its address
            self._send(200, "application/pdf", PDF.read_bytes())
        elif self.path == "/old":
            self.send_response(301)
            self.send_header("Location", "/news/truce.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-ftp":  # a redirect to ftp is never followed
            self.send_response(302)
            self.send_header("Location", "ftp://127.0.0.1:9/x")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/novosti/%D0%BC%D0%B8%D1%80.html":  # "мир", as it goes on the wire
            self._send(200, "text/html", TURN)
        elif self.path == "/odd-feed.xml":  # one link no address can be made of, one good
            self._send(200, "application/rss+xml", ODD_FEED)
        elif self.path == "/huge":
            self._send(200, "text/html", b"", length=10**9)
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", PAGE)
        elif self.path == "/binary":
            self._send(200, "application/octet-stream", b"\x00\x01\x02" * 100)
        else:
            self._send(404, "text/html", b"<p>not here</p>")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = QuietServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _documents(db: Path) -> list[tuple[str, str, str | None, str | None, str | None]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT file_name, format, locator, outlet, date FROM documents ORDER BY id"
        ).fetchall()
    finally:
        conn.close()


def test_addresses_are_told_from_files_and_named():
    assert is_url("https://example.org/a.html") and is_url("HTTP://example.org")
    assert not is_url("news/https.txt") and not is_url("ftp://example.org/a.txt")
    assert page_name("https://example.org/news/a%20b.html?x=1") == "a b.html"
    assert page_name("https://www.example.org/") == "www.example.org"


def test_a_page_and_a_pdf_are_fetched_read_and_stored(server, tmp_path, capsys):
    db = tmp_path / "e.db"
    code, out, err = run_cli(
        capsys,
        ["evidence", "add", f"{server}/news/truce.html", f"{server}/statement", "--db", str(db)],
    )
    assert code == 0, err
    assert f"{server}/news/truce.html: document 1 added, " in out
    assert f"{server}/statement: document 2 added, " in out
    (page, pdf) = _documents(db)
    assert page == ("truce.html", "html", f"{server}/news/truce.html", "127.0.0.1", "2025-05-16")
    assert pdf[:4] == ("statement.pdf", "pdf", f"{server}/statement", "127.0.0.1")
    code, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(db), "--json"])
    claims = json.loads(out)["claims"]
    assert {(c["actor"], c["issue"], c["stance"]) for c in claims if c["document_id"] == 1} >= {
        ("UA", "ceasefire", "demand"),
        ("RU", "ceasefire", "reject"),
    }
    assert {c["page"] for c in claims if c["document_id"] == 2} == {1, 2, 3}
    # the same page again, through a redirect: already stored, nothing added
    code, out, _ = run_cli(capsys, ["evidence", "add", f"{server}/old", "--db", str(db)])
    assert code == 0 and "document 1 already stored, 0 claims added" in out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "fetch: HTTP 404"),
        ("/huge", "size: 1,000,000,000 bytes is over the limit"),
        ("/slow", "fetch: timed out after 0.5 s"),
        ("/binary", "content: binary file"),
        ("/to-ftp", "fetch: redirected to an ftp address, which is not fetched"),
    ],
)
def test_a_page_that_cannot_be_had_is_one_line_and_stores_nothing(
    server, tmp_path, capsys, path, message
):
    db = tmp_path / "e.db"
    assert (
        run_cli(capsys, ["evidence", "add", f"{server}/news/truce.html", "--db", str(db)])[0] == 0
    )
    url = f"{server}{path}"
    code, out, err = run_cli(capsys, ["evidence", "add", url, "--db", str(db), "--timeout", "0.5"])
    assert code == 2 and out == ""
    assert err.startswith(f"pourparler: error: {url}: {message}"), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert len(_documents(db)) == 1


def test_an_address_in_another_script_goes_on_the_wire_encoded(server, tmp_path, capsys):
    assert ascii_url("http://пример.рф/статья?q=мир#x") == (
        "http://xn--e1afmkfd.xn--p1ai/%D1%81%D1%82%D0%B0%D1%82%D1%8C%D1%8F?q=%D0%BC%D0%B8%D1%80#x"
    )
    assert ascii_url("http://user:pw@пример.рф:8080/a%20b/п") == (
        "http://user:pw@xn--e1afmkfd.xn--p1ai:8080/a%20b/%D0%BF"
    )
    plain = "https://example.org/news/a%20b.html?x=1&y=2#top"
    assert ascii_url(plain) == plain
    url = f"{server}/novosti/мир.html"
    code, out, err = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 0, err
    assert out.startswith(f"{url}: document 1 added")
    assert _documents(tmp_path / "e.db")[0][:3] == ("мир.html", "html", url)  # as given
    code, out, _ = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 0 and "document 1 already stored" in out


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://[::1/page", "address: Invalid IPv6 URL"),
        ("http://example.org:99999/", "address: the port is not a number from 0 to 65535"),
        ("http://me:secret@127.0.0.1:9/", "address: a user name or password is not sent"),
        ("http://" + "а" * 70 + ".org/", "not a valid host name"),
    ],
)
def test_a_malformed_address_is_one_line(tmp_path, capsys, url, message):
    code, out, err = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 2 and out == "" and "Traceback" not in err
    assert err.startswith(f"pourparler: error: {url}: ") and message in err
    assert err.count("\n") == 1


def test_an_address_with_a_control_character_is_one_line_with_it_escaped(tmp_path, capsys):
    url = "http://127.0.0.1:9/a\x07b"
    code, out, err = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 2 and out == ""
    assert err == (
        "pourparler: error: http://127.0.0.1:9/a\\x07b: address: holds a control character "
        "('\\x07'), which no address can carry\n"
    )


def test_a_feed_link_no_address_can_be_made_of_is_passed_over(server, tmp_path, capsys):
    db = tmp_path / "e.db"
    code, _, err = run_cli(capsys, ["evidence", "add", f"{server}/odd-feed.xml", "--db", str(db)])
    assert code == 0, err
    assert [d[2] for d in _documents(db)] == [f"{server}/news/turn.html"]


def test_an_address_nothing_answers_is_one_line(tmp_path, capsys):
    url = "http://127.0.0.1:9/nothing-listens-here.html"  # the discard port: refused
    code, _, err = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 2 and err.startswith(f"pourparler: error: {url}: fetch: ")
    assert err.count("\n") == 1


def test_a_scenario_source_is_found_by_its_address():
    sc = load_scenario("istanbul-2025")
    [src] = [s for s in sc.sources if "https://kyivindependent.com" in s.locator]
    url = src.locator.split("; ")[1]
    assert scenario_source(sc, "anything.html", url) is src
    assert scenario_source(sc, "anything.html", url + "/") is src
    assert scenario_source(sc, "002_599243bc055256aa.txt", "https://example.org/x") is None
    assert scenario_source(sc, "002_599243bc055256aa.txt") is src


def test_an_update_from_a_fetched_page_cites_its_address(server, tmp_path, capsys):
    db, to = tmp_path / "e.db", tmp_path / "updated.yaml"
    url = f"{server}/news/turn.html"
    assert run_cli(capsys, ["evidence", "add", url, "--db", str(db)])[0] == 0
    args = ["evidence", "suggest", "istanbul-2025", "--db", str(db), "--include-unreviewed"]
    code, _, err = run_cli(capsys, [*args, "--apply", "--to", str(to)])
    assert code == 0, err
    updated = load_scenario(str(to))
    [cited] = [s for s in updated.sources if s.id.startswith("evidence-doc")]
    assert cited.locator == url and cited.outlet == "127.0.0.1"
    assert any(c.source == cited.id for st in updated.stances if st.actor == "RU" for c in st.cites)


def test_a_page_in_the_character_set_its_server_names_is_read(server, tmp_path, capsys):
    db = tmp_path / "e.db"
    code, _, err = run_cli(capsys, ["evidence", "add", f"{server}/ru/news.html", "--db", str(db)])
    assert code == 0, err
    _, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(db), "--json"])
    [claim] = json.loads(out)["claims"]
    assert (claim["actor"], claim["issue"], claim["stance"]) == ("RU", "ceasefire", "reject")
    assert claim["title"] == "Переговоры в Стамбуле"


def test_a_feed_stands_for_the_articles_it_lists(server, tmp_path, capsys):
    db = tmp_path / "e.db"
    code, out, err = run_cli(
        capsys, ["evidence", "add", f"{server}/feed.xml", f"{server}/atom", "--db", str(db)]
    )
    # the missing article is one line of error; the others are stored, each once
    assert code == 2 and err.count("\n") == 1 and f"{server}/news/gone.html: fetch: HTTP 404" in err
    assert out.count("document") == 3
    assert re.search(r"\ntotal: 3 added, 0 already stored, 1 failed; \d+ claims added\n$", out)
    docs = _documents(db)
    assert [d[2] for d in docs] == [
        f"{server}/news/truce.html",
        f"{server}/news/turn.html",
        f"{server}/statement",
    ]
    conn = sqlite3.connect(db)
    titles = conn.execute("SELECT title, date FROM documents ORDER BY id").fetchall()
    conn.close()
    # the feed's title and date where it gives them; else the page's own
    assert titles[0] == ("Kyiv presses for a truce (wire)", "2025-05-20")
    assert titles[1] == ("Moscow's turn", None)
    assert titles[2] == ("The statement", "2025-06-02")


def test_a_feeds_articles_read_before_are_not_fetched_again(server, tmp_path, capsys):
    db = tmp_path / "e.db"
    args = ["evidence", "add", f"{server}/feed.xml", "--db", str(db)]
    assert run_cli(capsys, args)[0] == 2  # one article of the feed is missing
    _Handler.asked.clear()
    code, out, _ = run_cli(capsys, args)
    # the feed itself and the article that failed are asked for again, the others are not
    assert sorted(_Handler.asked) == ["/feed.xml", "/news/gone.html"]
    assert code == 2 and "already stored (by its address, not fetched again)" in out
    assert len(_documents(db)) == 2
    # read by another reader, or about another scenario, they are fetched: nothing says so yet
    _Handler.asked.clear()
    run_cli(capsys, [*args, "--scenario", "istanbul-2022"])
    assert "/news/truce.html" in _Handler.asked


def test_a_broken_feed_is_one_line(server, tmp_path, capsys):
    url = f"{server}/broken-feed.xml"
    code, _, err = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 2 and err.startswith(f"pourparler: error: {url}: feed: not well-formed XML")
    assert err.count("\n") == 1


def test_what_is_a_feed():
    from pourparler.evidence.feeds import feed_items, looks_like_feed

    assert looks_like_feed(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- x --><rss version='2.0'>")
    assert looks_like_feed(b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>")
    assert not looks_like_feed(b"<?xml version='1.0'?><!DOCTYPE html><html>&nbsp;</html>")
    assert feed_items(PAGE, "http://x/") is None
    rdf = (
        b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
        b"xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        b"<item><title>T</title><link>https://x.org/a</link><dc:date>2025-03-11</dc:date></item>"
        b"</rdf:RDF>"
    )
    [item] = feed_items(rdf, "https://x.org/rss")
    assert (item.url, item.title, str(item.date)) == ("https://x.org/a", "T", "2025-03-11")


def test_a_page_with_almost_no_text_is_stored_with_a_warning(server, tmp_path, capsys):
    url = f"{server}/consent"
    code, out, err = run_cli(capsys, ["evidence", "add", url, "--db", str(tmp_path / "e.db")])
    assert code == 0 and "document 1 added, 0 claims added" in out
    assert err == (
        f"pourparler: warning: {url}: no claims in only 22 characters of article text (a "
        "consent or paywall page, or one its scripts fill in?)\n"
    )
    _, _, err = run_cli(
        capsys, ["evidence", "add", f"{server}/news/truce.html", "--db", str(tmp_path / "e.db")]
    )
    assert err == ""

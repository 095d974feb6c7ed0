"""``pourparler serve``: the address is bound before the server is announced, so a busy port
or an address not on this machine is one line of bad input (exit 2), and a free one serves."""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("jinja2")
pytest.importorskip("python_multipart")


def serve(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pourparler", "serve", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_busy_port_is_one_line_and_exit_2_before_serving_is_announced():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = serve("--port", str(port))
    assert out.returncode == 2, out.stderr
    assert "serving on" not in out.stderr and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines() == [
        f"pourparler: error: --port: {port}: address already in use on 127.0.0.1"
    ]


def test_review_without_a_store_is_one_line_and_exit_2():
    out = serve("--review", "--port", str(free_port()))
    assert out.returncode == 2, out.stderr
    assert out.stderr.strip().splitlines() == [
        "pourparler: error: --review: needs --db, the evidence store to review"
    ]


@pytest.mark.parametrize(
    ("host", "needle"),
    [("999.1.1.1", "not an address or a known host name"), ("192.0.2.1", "cannot assign")],
)
def test_a_host_not_on_this_machine_is_one_line_and_exit_2(host, needle):
    out = serve("--host", host, "--port", str(free_port()))
    assert out.returncode == 2, out.stderr
    assert "serving on" not in out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"pourparler: error: --host: {host}: ")
    assert needle in lines[0]


def test_a_free_port_is_announced_and_served():
    port = free_port()
    command = [sys.executable, "-m", "pourparler", "serve", "--port", str(port)]
    proc = subprocess.Popen(
        [*command, "--allow-host", "analysis.lan"], stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line == f"serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)\n"
        # announced once listening: a request sent at once waits for the server, not refused
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=60) as r:
            assert r.read() == b"ok\n"
        # a page of another site that calls the server by a name of its own is refused
        for host, status in [
            ("attacker.example:8000", 400),
            (f"localhost:{port}", 200),
            (f"analysis.lan:{port}", 200),
        ]:
            asked = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": host})
            try:
                with urllib.request.urlopen(asked, timeout=10) as r:
                    got = r.status
            except urllib.error.HTTPError as exc:
                got = exc.code
            assert got == status, host
    finally:
        proc.terminate()
        proc.wait(30)


def test_the_start_up_lines_say_what_the_browser_may_do_with_the_store(tmp_path):
    from pourparler.evidence.store import Store

    db = tmp_path / "e.db"
    with Store(db):
        pass
    for flags, says in (
        ((), "read only (--review lets the browser review claims and add articles)"),
        (
            ("--review",),
            "claims reviewed and articles added from the browser "
            "(rules reader; pages from public addresses only)",
        ),
        (
            ("--review", "--fetch-internal"),
            "claims reviewed and articles added from the browser "
            "(rules reader; pages from any address, internal ones included)",
        ),
    ):
        port = free_port()
        command = [sys.executable, "-m", "pourparler", "serve", "--port", str(port)]
        proc = subprocess.Popen(
            [*command, "--db", str(db), *flags],
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert proc.stderr is not None
            assert proc.stderr.readline().startswith("serving on http://127.0.0.1:")
            assert proc.stderr.readline() == f"evidence: {db}, {says}\n"
        finally:
            proc.terminate()
            proc.wait(30)

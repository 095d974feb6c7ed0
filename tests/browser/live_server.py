"""The web app served by ``pourparler serve`` (uvicorn) in a subprocess on 127.0.0.1 and a free
port, for the browser tests and ``scripts/screenshots.py``: started within a deadline, always
stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


class ServerFailed(RuntimeError):
    """The server exited or did not answer in time; the message carries its output."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status < 500)
    except urllib.error.HTTPError as exc:
        return exc.code < 500
    except OSError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=STOP_TIMEOUT_S)


@contextmanager
def live_server(*serve_args: str, cwd: Path | None = None) -> Iterator[str]:
    """Run ``pourparler serve SERVE_ARGS --host 127.0.0.1 --port PORT`` until the block ends and
    yield its base URL (no trailing slash), once ``/healthz`` answers. Its output goes to a
    temporary file, shown in the error when it fails to start."""
    port = free_port()
    command = [sys.executable, "-m", "pourparler", "serve", *serve_args]
    command += ["--host", "127.0.0.1", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=cwd, env=env)
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not _answers(base + "/healthz"):
                if process.poll() is not None or time.monotonic() > deadline:
                    _stop(process)
                    log.seek(0)
                    output = log.read().decode(errors="replace")[-4000:]
                    raise ServerFailed(f"{' '.join(command)} did not start:\n{output}")
                time.sleep(0.1)
            yield base
        finally:
            _stop(process)

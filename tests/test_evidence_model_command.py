"""``pourparler evidence model``: the language-model reader's settings with where each comes
from (never the key itself), and ``--check``: one reading of a test text by the server, against
the local chat-completions server of ``test_evidence_llm``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("httpx")

from cli_run import run_cli
from test_evidence_llm import FakeServer, server  # noqa: F401 - a fixture

KEY = "sekret-7f3a"


@pytest.fixture
def env(server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """Settings from a file (timeouts) and the environment (address, model, key); the cache
    in ``tmp_path / 'cache'``."""
    conf = tmp_path / "llm.toml"
    cache = tmp_path / "cache"
    conf.write_text(
        f'request_timeout = 0.5\nattempts = 2\nbackoff = 0.01\ncache_dir = "{cache}"\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("POURPARLER_LLM_SETTINGS", str(conf))
    monkeypatch.setenv("POURPARLER_LLM_URL", server.url)
    monkeypatch.setenv("POURPARLER_LLM_MODEL", "test-model")
    monkeypatch.setenv("POURPARLER_LLM_KEY", KEY)
    return conf


def test_the_settings_in_force_are_shown_with_where_each_comes_from(env, capsys, server):  # noqa: F811
    code, out, err = run_cli(capsys, ["evidence", "model"])
    assert code == 0 and err == ""
    assert f"settings file: {env}\n" in out
    assert f"url              {server.url}  (POURPARLER_LLM_URL)" in out
    assert f"request_timeout  0.5 s  ({env})" in out
    assert "max_tokens       2048  (default)" in out
    assert "key              set (not shown)  (POURPARLER_LLM_KEY)" in out
    assert server.bodies == []  # nothing asked without --check
    code, out, _ = run_cli(capsys, ["evidence", "model", "--json"])
    data = json.loads(out)
    assert data["settings"]["key"] == {"value": True, "from": "POURPARLER_LLM_KEY"}
    assert data["settings"]["attempts"] == {"value": 2, "from": str(env)}
    assert KEY not in out


def test_check_reads_the_test_text_once_and_says_what_came_back(env, capsys, server, tmp_path):  # noqa: F811
    server.script = ["echo"]  # one claim: UA ceasefire demand, quoting the text's start
    code, out, err = run_cli(capsys, ["evidence", "model", "--check"])
    assert code == 0, err
    assert len(server.bodies) == 1 and server.bodies[0]["model"] == "test-model"
    assert "; 1 claim(s) kept, none dropped" in out
    assert "  UA ceasefire demand 0.50  'Ukraine insists on an unconditional 30-d'" in out
    assert (
        "found 1 of the 2 claims a person finds in it "
        "(UA ceasefire demand or propose: found; RU ceasefire reject: missed)" in out
    )
    assert not (tmp_path / "cache").exists()  # the user's cache is left alone
    code, out, _ = run_cli(capsys, ["evidence", "model", "--check", "--json"])
    check = json.loads(out)["check"]
    assert len(server.bodies) == 2  # asked again: never answered from a cache
    assert check["error"] is None and check["requests"] == 1
    assert [e["found"] for e in check["expected"]] == [True, False]


def test_a_server_that_fails_the_check_is_exit_1_with_one_line(env, capsys, server):  # noqa: F811
    server.script = [("status", 500, {})]
    code, out, err = run_cli(capsys, ["evidence", "model", "--check"])
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("pourparler: error: evidence model --check: ")
    assert "failed after 2 attempts (HTTP 500" in err
    assert "check: the reader failed after" in out


def test_no_key_is_shown_as_not_set(env, capsys, monkeypatch):
    monkeypatch.delenv("POURPARLER_LLM_KEY")
    code, out, _ = run_cli(capsys, ["evidence", "model"])
    assert code == 0 and "key              not set  (default)" in out


def test_no_model_configured_is_one_line_saying_how(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("POURPARLER_LLM_SETTINGS", "")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    for var in ("POURPARLER_LLM_URL", "POURPARLER_LLM_MODEL"):
        monkeypatch.delenv(var, raising=False)
    code, out, err = run_cli(capsys, ["evidence", "model"])
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "POURPARLER_LLM_URL: not set" in err

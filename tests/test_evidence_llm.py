"""The language-model reader against a local chat-completions server (stdlib ``http.server`` on
127.0.0.1) that returns hand-written answers from ``tests/data/llm``: what is stored, dropped
and counted; the cache; retries, back-off and time limits; and the store left exactly as it
was when the reader fails."""

from __future__ import annotations

import email.utils
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("httpx")

import itertools

from pourparler.cli.app import main
from pourparler.errors import InputError
from pourparler.evidence.readers import ReaderError
from pourparler.evidence.readers.llm import LLMReader, find_quote
from pourparler.evidence.readers.llm_client import retry_after
from pourparler.evidence.readers.llm_prompt import chunks
from pourparler.evidence.readers.llm_settings import LLMSettings
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario

DATA = Path(__file__).parent / "data" / "llm"
ARTICLE = DATA / "article.txt"


class FakeServer:
    """Answers each POST with the next step of ``script`` (the last step repeats): a fixture
    name (its text is the message content), ``("status", code, headers)``, ``("sleep", s)`` or
    ``"echo"`` (one claim quoting the first 40 characters of the chunk)."""

    def __init__(self) -> None:
        self.script: list[Any] = ["good.json"]
        self.bodies: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                step = server.script[min(len(server.bodies), len(server.script) - 1)]
                server.bodies.append(body)
                server.headers.append(dict(self.headers))
                if isinstance(step, tuple) and step[0] == "sleep":
                    time.sleep(step[1])
                    step = "good.json"
                if isinstance(step, tuple) and step[0] == "status":
                    self.send_response(step[1])
                    for k, v in step[2].items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(step[3].encode() if len(step) > 3 else b'{"error": "busy"}')
                    return
                reason = "stop"
                if isinstance(step, tuple) and step[0] == "length":
                    step, reason = step[1], "length"
                if step == "echo":
                    chunk = body["messages"][1]["content"]
                    item = {"actor": "UA", "issue": "ceasefire", "stance": "demand"}
                    item |= {"position": None, "quote": chunk.strip()[:40], "speaker": None}
                    content = json.dumps({"claims": [item | {"confidence": 0.5}]})
                else:
                    content = (DATA / step).read_text(encoding="utf-8")
                message = {"role": "assistant", "content": content}
                answer = {"choices": [{"message": message, "finish_reason": reason}]}
                data = json.dumps(answer).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()

    @property
    def requests(self) -> int:
        return len(self.bodies)

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server() -> Iterator[FakeServer]:
    s = FakeServer()
    yield s
    s.close()


@pytest.fixture
def settings(server: FakeServer, tmp_path: Path) -> LLMSettings:
    return LLMSettings(
        url=server.url,
        model="test-model",
        request_timeout=2.0,
        total_timeout=20.0,
        attempts=3,
        backoff=0.01,
        max_backoff=2.0,
        cache_dir=tmp_path / "cache",
    )


@pytest.fixture
def env(server: FakeServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The command line pointed at the server; returns the store's path."""
    conf = tmp_path / "llm.toml"
    conf.write_text("request_timeout = 0.5\nattempts = 2\nbackoff = 0.01\n", encoding="utf-8")
    monkeypatch.setenv("POURPARLER_LLM_SETTINGS", str(conf))
    monkeypatch.setenv("POURPARLER_LLM_URL", server.url)
    monkeypatch.setenv("POURPARLER_LLM_MODEL", "test-model")
    monkeypatch.setenv("POURPARLER_LLM_KEY", "sekret")
    monkeypatch.setenv("POURPARLER_LLM_CACHE", str(tmp_path / "cache"))
    return tmp_path / "ev.db"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def add(capsys: pytest.CaptureFixture[str], db: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "evidence", "add", str(ARTICLE), "--db", str(db), "--reader", "llm", *extra)


def dump(db: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_a_good_answer_is_stored_with_its_reader_model_and_exact_offsets(
    server: FakeServer, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = add(capsys, env)
    assert code == 0, err
    assert "3 claims added; dropped 1 (duplicate 1)" in out
    with Store(env) as store:
        claims = store.claims()
        assert len(store.documents()) == 1
        text = store.conn.execute("SELECT text FROM documents").fetchone()[0]
    raw = ARTICLE.read_text(encoding="utf-8")
    assert {(c.actor, c.issue, c.stance, c.position) for c in claims} == {
        ("UA", "ceasefire", "demand", 0.0),
        ("RU", "ceasefire", "reject", None),
        ("RU", "nato", "demand", 100.0),
    }
    for c in claims:
        assert (c.reader, c.model, c.status) == ("llm", "test-model", "pending")
        assert text[c.start : c.end] == c.sentence == raw[c.raw_start : c.raw_end]
    assert {c.speaker for c in claims} == {"Zelensky", "Kremlin", None}
    # the request: schema output, the scenario's vocabulary, the key, the chunk as written
    (body,) = server.bodies
    assert body["model"] == "test-model"
    assert body["response_format"]["type"] == "json_schema"
    schema = body["response_format"]["json_schema"]["schema"]
    assert "RU" in schema["properties"]["claims"]["items"]["properties"]["actor"]["enum"]
    system = body["messages"][0]["content"]
    for word in ("RU: Russia", "Kremlin", "ceasefire: Ceasefire terms", "option 25", "reject"):
        assert word in system
    assert body["messages"][1]["content"] == text
    assert server.headers[0]["Authorization"] == "Bearer sekret"


def test_a_terminal_gets_a_progress_bar_from_the_first_file_for_the_llm_reader(
    server: FakeServer,
    env: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A model may take a minute a file, so the bar naming the file shows from one file (the
    rules reader waits for a batch of PROGRESS_FROM); logs and pipes never get one."""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # stderr counts as a terminal
    code, _, err = add(capsys, env)
    assert code == 0 and f"reading {ARTICLE.name}" in err
    code, _, err = run(capsys, "evidence", "add", str(ARTICLE), "--db", str(env.with_suffix(".2")))
    assert code == 0 and "reading" not in err  # the rules reader, one file
    monkeypatch.setenv("TTY_COMPATIBLE", "0")
    code, _, err = add(capsys, env.with_suffix(".3"))
    assert code == 0 and err == ""


def test_a_second_run_reads_the_cache_and_makes_no_request(
    server: FakeServer, env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert add(capsys, env)[0] == 0
    assert server.requests == 1
    other = tmp_path / "other.db"
    code, out, _ = add(capsys, other)
    assert code == 0 and "3 claims added" in out
    assert server.requests == 1
    with Store(env) as a, Store(other) as b:

        def key(s: Store) -> list[tuple[Any, ...]]:
            return [(c.actor, c.issue, c.stance, c.start, c.end) for c in s.claims()]

        assert key(a) == key(b)
    # the same document in the same store is not read again either
    assert add(capsys, env)[0] == 0 and server.requests == 1


@pytest.mark.parametrize(
    ("fixture", "kept", "dropped"),
    [
        ("schema.json", 1, {"invalid": 3}),
        ("quotes.json", 1, {"quote": 2}),
        ("unknown.json", 1, {"unknown_actor": 1, "unknown_issue": 1}),
    ],
)
def test_items_that_fail_are_dropped_and_counted(
    server: FakeServer, settings: LLMSettings, fixture: str, kept: int, dropped: dict[str, int]
) -> None:
    server.script = [fixture]
    reading = LLMReader(settings).read(ARTICLE.read_text(), load_scenario("istanbul-2025"))
    assert len(reading.claims) == kept
    assert reading.dropped == dropped
    assert reading.requests == 1 and not reading.cached


def test_dropped_counts_in_the_json_output(
    server: FakeServer, env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script = ["unknown.json"]
    code, out, _ = add(capsys, env, "--json")
    assert code == 0
    (doc,) = json.loads(out)["documents"]
    assert doc["claims_added"] == 1
    assert doc["reader"] == {
        "name": "llm",
        "model": "test-model",
        "claims": 1,
        "dropped": {"unknown_actor": 1, "unknown_issue": 1},
        "requests": 1,
        "cached": False,
    }


@pytest.mark.parametrize(
    ("script", "message", "requests"),
    [
        (["malformed.txt"], "the answer is not JSON", 1),
        (["wrong_shape.json"], "not an object with a 'claims' list", 1),
        ([("status", 500, {})], "failed after 2 attempts (HTTP 500", 2),
        ([("sleep", 1.5)], "no answer within 0.5 s", 2),
        ([("status", 401, {})], "HTTP 401", 1),
    ],
)
def test_a_failed_read_leaves_the_store_as_it_was(
    server: FakeServer,
    env: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    script: list[Any],
    message: str,
    requests: int,
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Russia rejects the ceasefire, the Kremlin said.\n", encoding="utf-8")
    rules = run(capsys, "evidence", "add", str(other), "--db", str(env))
    assert rules[0] == 0
    before = dump(env)
    server.script = script
    code, out, err = add(capsys, env)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert f"{ARTICLE}: llm reader: chunk 1 of 1: " in err and message in err
    assert server.requests == requests
    assert dump(env) == before
    assert not list((tmp_path / "cache").glob("*.json")), "a failed read is not cached"
    server.script, server.bodies = ["good.json"], []
    assert add(capsys, env)[0] == 0 and server.requests == 1


def test_429_then_success_waits_for_retry_after(server: FakeServer, settings: LLMSettings) -> None:
    server.script = [("status", 429, {"Retry-After": "0.3"}), "good.json"]
    t0 = time.monotonic()
    reading = LLMReader(settings).read(ARTICLE.read_text(), load_scenario("istanbul-2025"))
    assert time.monotonic() - t0 >= 0.3
    assert server.requests == reading.requests == 2
    assert len(reading.claims) == 3


def test_a_retry_after_past_the_limit_fails_at_once(
    server: FakeServer, settings: LLMSettings
) -> None:
    server.script = [("status", 503, {"Retry-After": "3600"})]
    with pytest.raises(ReaderError, match="Retry-After 3600 s is over the 2 s limit"):
        LLMReader(settings).read(ARTICLE.read_text(), load_scenario("istanbul-2025"))
    assert server.requests == 1


class FakeClock:
    """Monotonic time that moves only when the client sleeps: the pauses it asked for."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.pauses: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.pauses.append(seconds)
        self.now += seconds


def test_back_off_doubles_and_the_overall_limit_holds(
    server: FakeServer, settings: LLMSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataclasses

    from pourparler.evidence.readers import llm, llm_client

    clock = FakeClock()
    monkeypatch.setattr(llm, "time", clock)
    monkeypatch.setattr(llm_client, "time", clock)
    server.script = [("status", 502, {})]
    slow = dataclasses.replace(settings, attempts=20, backoff=0.1, total_timeout=1.0)
    with pytest.raises(ReaderError, match=r"overall time limit reached \(HTTP 502"):
        LLMReader(slow).read(ARTICLE.read_text(), load_scenario("istanbul-2025"))
    # pauses 0.1, 0.2 and 0.4 fit in the second; the next (0.8) would not
    assert clock.pauses == [0.1, 0.2, 0.4]
    assert server.requests == 4
    server.script, server.bodies = [("status", 503, {})], []
    capped = dataclasses.replace(settings, attempts=6, backoff=1.0, max_backoff=3.0)
    with pytest.raises(ReaderError, match="failed after 6 attempts"):
        LLMReader(capped).read(ARTICLE.read_text(), load_scenario("istanbul-2025"))
    assert clock.pauses[3:] == [1.0, 2.0, 3.0, 3.0, 3.0]


def test_long_texts_go_in_chunks_with_offsets_kept(
    server: FakeServer, settings: LLMSettings
) -> None:
    import dataclasses

    server.script = ["echo"]
    text = "".join(f"Sentence number {i} says Ukraine wants a ceasefire now. " for i in range(60))
    small = dataclasses.replace(settings, chunk_chars=500)
    reading = LLMReader(small).read(text, load_scenario("istanbul-2025"))
    spans = chunks(text, 500)
    assert len(spans) == server.requests > 5
    assert [c.start for c in reading.claims] == [
        a + len(text[a:b]) - len(text[a:b].lstrip()) for a, b in spans
    ]
    for c in reading.claims:
        assert text[c.start : c.end] == c.quote


def test_chunks_cover_the_text_within_the_budget() -> None:
    text = ("A short one. " * 20) + ("x" * 1200) + " tail words here. " + "Last sentence."
    spans = chunks(text, 300)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(b - a <= 300 for a, b in spans)


def test_find_quote_exact_first_then_with_other_spacing() -> None:
    text = "One. Russia rejects the ceasefire.\nLater: Russia  rejects\nthe truce."
    assert find_quote(text, "Russia rejects the ceasefire", 0, len(text)) == (5, 33)
    a, b = find_quote(text, "Russia rejects the truce", 30, len(text)) or (0, 0)
    assert text[a:b] == "Russia  rejects\nthe truce"
    assert find_quote(text, "Russia accepts the truce", 0, len(text)) is None
    assert find_quote(text, "   ", 0, len(text)) is None


def test_retry_after_reads_seconds_and_dates() -> None:
    assert retry_after("2") == 2.0
    assert retry_after(None) is None and retry_after("soon") is None
    when = email.utils.formatdate(1_000_030.0, usegmt=True)
    assert retry_after(when, now=1_000_000.0) == pytest.approx(30.0)
    assert retry_after(email.utils.formatdate(0, usegmt=True)) == 0.0


def test_no_endpoint_is_bad_input_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for var in ("POURPARLER_LLM_URL", "POURPARLER_LLM_MODEL", "POURPARLER_LLM_KEY"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("POURPARLER_LLM_SETTINGS", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("", encoding="utf-8")
    db = tmp_path / "ev.db"
    code, out, err = add(capsys, db)
    assert code == 2 and out == ""
    assert err.startswith("pourparler: error: POURPARLER_LLM_URL: not set") and err.count("\n") == 1
    assert not db.exists()
    code, _, err = run(capsys, "evidence", "add", str(ARTICLE), "--db", str(db), "--reader", "x")
    assert code == 2 and "--reader: 'x': unknown reader (known: rules, llm)" in err


def test_settings_file_and_environment(tmp_path: Path) -> None:
    conf = tmp_path / "llm.toml"
    conf.write_text('url = "http://127.0.0.1:8080/v1"\nmodel = "a"\nchunk_chars = 900\n')
    env = {"POURPARLER_LLM_SETTINGS": str(conf)}
    s = LLMSettings.load(env)
    assert (s.url, s.model, s.chunk_chars, s.key) == ("http://127.0.0.1:8080/v1", "a", 900, None)
    s = LLMSettings.load(env | {"POURPARLER_LLM_MODEL": "b", "POURPARLER_LLM_KEY": "k"})
    assert (s.model, s.key) == ("b", "k")
    for text, message in (
        ('url = "ftp://x"\nmodel = "a"\n', "url: 'ftp://x': not an http"),
        ('url = "http://x"\nmodel = "a"\ncolour = 1\n', "colour: unknown setting"),
        ('url = "http://x"\nmodel = "a"\nattempts = "3"\n', "attempts: '3': wrong type"),
        ('url = "http://x"\nmodel = "a"\nattempts = 0\n', "attempts: 0: not between 1 and 20"),
        (
            'url = "http://x"\nmodel = "a"\nresponse_format = "grammar"\n',
            "response_format: 'grammar': not one of json_schema, json_object",
        ),
        ("url = \n", "not TOML"),
    ):
        conf.write_text(text)
        with pytest.raises(InputError, match=message):
            LLMSettings.load(env)


def test_the_schema_is_asked_for_in_the_form_the_server_speaks(
    server: FakeServer, settings: LLMSettings
) -> None:
    """The OpenAI form by default; llama-cpp-python's server takes the same schema as
    ``{"type": "json_object", "schema": ...}`` (``response_format = "json_object"``, or
    POURPARLER_LLM_FORMAT) and the answer is read the same way."""
    from dataclasses import replace

    from pourparler.evidence.readers.llm_prompt import answer_schema

    sc = load_scenario("istanbul-2025")
    text = ARTICLE.read_text(encoding="utf-8")
    first = LLMReader(settings).read(text, sc)
    other = replace(settings, response_format="json_object", cache_dir=settings.cache / "2")
    second = LLMReader(other).read(text, sc)
    assert second.claims == first.claims and len(first.claims) == 3
    openai, plain = (b["response_format"] for b in server.bodies)
    assert openai["type"] == "json_schema" and openai["json_schema"]["strict"] is True
    assert plain == {"type": "json_object", "schema": answer_schema(sc)}
    assert openai["json_schema"]["schema"] == plain["schema"]
    env = {"POURPARLER_LLM_URL": "http://x", "POURPARLER_LLM_MODEL": "m"}
    assert LLMSettings.load(env | {"POURPARLER_LLM_SETTINGS": ""}).response_format == "json_schema"
    loaded = LLMSettings.load(env | {"POURPARLER_LLM_FORMAT": "json_object"})
    assert loaded.response_format == "json_object"


# What llama-cpp-python's server (0.3.36) answers a request in the OpenAI json_schema form.
JSON_SCHEMA_REFUSED = (
    "{\"error\":{\"message\":\"1 validation error: {'type': 'literal_error', 'loc': "
    "('body', 'response_format', 'type'), 'msg': \\\"Input should be 'text' or 'json_object'"
    '\\", \'input\': \'json_schema\'}","type":"internal_server_error"}}'
)


def test_an_answer_cut_at_max_tokens_keeps_the_items_finished_before_the_cut(
    server: FakeServer, settings: LLMSettings
) -> None:
    sc = load_scenario("istanbul-2025")
    text = ARTICLE.read_text(encoding="utf-8")
    server.script = [("length", "cut.txt")]
    first = LLMReader(settings).read(text, sc)
    assert [(c.actor, c.stance) for c in first.claims] == [("UA", "demand"), ("RU", "reject")]
    assert first.dropped == {"cut": 1}
    again = LLMReader(settings).read(text, sc)  # the salvaged answer is what was cached
    assert again.cached and again.claims == first.claims and again.dropped == {"cut": 1}
    assert server.requests == 1


def test_a_cut_answer_without_finish_reason_length_still_fails(
    server: FakeServer, settings: LLMSettings
) -> None:
    """Only the server's word that the token limit cut the answer makes it salvageable."""
    server.script = ["cut.txt"]
    with pytest.raises(ReaderError, match="the answer is not JSON"):
        LLMReader(settings).read(
            ARTICLE.read_text(encoding="utf-8"), load_scenario("istanbul-2025")
        )


def test_a_server_that_wants_json_object_is_named_in_one_try(
    server: FakeServer, settings: LLMSettings
) -> None:
    server.script = [("status", 500, {}, JSON_SCHEMA_REFUSED)]
    with pytest.raises(ReaderError, match="set POURPARLER_LLM_FORMAT=json_object"):
        LLMReader(settings).read(
            ARTICLE.read_text(encoding="utf-8"), load_scenario("istanbul-2025")
        )
    assert server.requests == 1  # not retried: the same request would be refused again


@pytest.mark.parametrize("which", ["rules", "llm"])
def test_every_reader_keeps_the_reader_contract(
    server: FakeServer, settings: LLMSettings, which: str
) -> None:
    """Claims of the scenario's actors and issues, one of the five stances, positions on the
    scale, quotes that are the text at their offsets, confidences in [0, 1], the reader's name
    and model on each."""
    from pourparler.evidence.readers import STANCES, Extractor
    from pourparler.evidence.readers.rules import RulesReader

    sc = load_scenario("istanbul-2025")
    reader: Extractor = RulesReader() if which == "rules" else LLMReader(settings)
    text = ARTICLE.read_text()
    reading = reader.read(text, sc)
    assert reading.claims
    for c in reading.claims:
        assert c.actor in {a.id for a in sc.actors} and c.issue in {i.id for i in sc.issues}
        assert c.stance in STANCES
        assert c.position is None or 0.0 <= c.position <= 100.0
        assert 0 <= c.start < c.end <= len(text) and text[c.start : c.end] == c.quote
        assert 0.0 <= c.confidence <= 1.0
        assert (c.reader, c.model) == (reader.name, reader.model)
    again = reader.read(text, sc)  # the same claims again (the llm reader: from its cache)
    assert again.claims == reading.claims and again.requests == 0


def test_score_reads_with_the_llm_reader_and_rescores_the_recorded_answers(
    server: FakeServer, env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = ARTICLE.read_text(encoding="utf-8")
    first = "Ukraine demands a full ceasefire before any further talks"
    second = "Russia rejects the ceasefire and insists on neutrality for Ukraine"
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / ARTICLE.name).write_text(raw, encoding="utf-8")
    claims = [
        {"start": raw.index(first), "end": raw.index(first) + len(first), "actor": "UA"},
        {"start": raw.index(second), "end": raw.index(second) + len(second), "actor": "RU"},
    ]
    for c in claims:
        c.update(issue="ceasefire", stance="demand" if c["actor"] == "UA" else "reject")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": [{"file": ARTICLE.name, "claims": claims}]}))
    args = ("evidence", "score", str(gold), "--articles", str(folder), "--json")
    code, out, err = run(capsys, *args, "--reader", "llm")
    assert code == 0, err
    got = json.loads(out)
    # the model's three claims: both gold claims and RU nato demand, which gold does not hold
    assert (got["true_positives"], got["predicted"], got["gold_found"]) == (2, 3, 2)
    assert server.requests == 1
    assert json.loads(run(capsys, *args, "--reader", "llm")[1]) == got
    assert server.requests == 1  # the second score read the recorded answers
    assert run(capsys, *args)[0] == 0  # the default reader, rules, asks no server
    assert server.requests == 1


def test_score_with_a_failing_llm_reader_is_one_line_and_exit_1(
    server: FakeServer, env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.script = [("status", 401, {})]
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": [{"file": ARTICLE.name, "claims": []}]}))
    code, out, err = run(
        capsys, "evidence", "score", str(gold), "--articles", str(ARTICLE.parent), "--reader", "llm"
    )
    assert code == 1 and out == ""
    assert err.startswith("pourparler: error: llm reader: ") and err.count("\n") == 1

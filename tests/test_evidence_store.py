"""The evidence store and `pourparler evidence add`: bad files, duplicates, crashes and Ctrl-C
mid-ingest, concurrent ingests, migrations, the default location."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.errors import InputError
from pourparler.evidence.ingest import MAX_BYTES, add_article
from pourparler.evidence.store import MIGRATIONS, Store
from pourparler.scenario import load_scenario

# files in the concurrency and kill tests: a batch long enough that two ingests overlap and a
# signal lands mid-batch even on a loaded machine
N_BATCH = 200

ARTICLE = (
    "Talks Resume in Istanbul\n\nKyiv insists on an unconditional 30-day ceasefire on land, air "
    "and sea.\nThe Kremlin rejected the ceasefire.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def run(*args: str):
    return CliRunner().invoke(build_app(), list(args))


def run_main(capsys, *args: str) -> tuple[int, str]:
    """Run the real entry point (which turns bad input into one line and exit 2)."""
    from pourparler.cli.app import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


def counts(db: Path) -> tuple[int, int]:
    with Store(db) as s:
        return s.counts()


@pytest.mark.parametrize(("first", "second"), [("a.txt", "a.md"), ("crlf.txt", "a.txt")])
def test_the_same_text_in_another_file_is_read_from_the_stored_text(tmp_path, first, second):
    """A ``.md`` copy (cleaned otherwise) or a copy with other line ends has the hash of the
    stored document: the claims it adds for another scenario point into the stored text and
    the first file."""
    text = "# Talks\n\n**Moscow** said: Russia rejected the ceasefire proposal.\n"
    for name in ("a.txt", "a.md"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    db = tmp_path / "e.db"
    for name, scenario in [(first, "istanbul-2025"), (second, "istanbul-2022")]:
        r = run("evidence", "add", str(tmp_path / name), "--db", str(db), "--scenario", scenario)
        assert r.exit_code == 0, r.output
    with Store(db) as store:
        assert store.counts()[0] == 1
        stored = store.conn.execute("SELECT text FROM documents").fetchone()[0]
        rows = store.conn.execute(
            "SELECT scenario, sentence, start, end, raw_start, raw_end FROM claims"
        ).fetchall()
    assert {row[0] for row in rows} == {"istanbul-2025", "istanbul-2022"}
    raw = (tmp_path / first).read_bytes().decode()
    for _, sentence, start, end, raw_start, raw_end in rows:
        assert stored[start:end] == sentence
        assert raw[raw_start:raw_end] == sentence  # the first file's characters


def test_a_document_stored_meanwhile_with_another_text_is_refused(tmp_path, article):
    db = tmp_path / "e.db"
    add_article(Store(db), article, load_scenario("istanbul-2025"))
    with Store(db) as store:
        sha = store.conn.execute("SELECT sha256 FROM documents").fetchone()[0]
        before = store.counts()
        with pytest.raises(InputError, match="stored meanwhile as document 1"):
            store.add_document(
                sha256=sha,
                path=article,
                fmt="markdown",
                title=None,
                outlet=None,
                locator=None,
                date=None,
                text="another cleaning of it",
                runs=[],
                scenario="istanbul-2022",
                claims=[{"actor": "RU"}],
                reader="rules",
            )
        assert store.counts() == before


def test_add_stores_document_and_claims_once(tmp_path, article):
    db = tmp_path / "e.db"
    r = run("evidence", "add", str(article), "--db", str(db), "--date", "2025-05-16", "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    assert out["documents"][0]["new"] and out["documents"][0]["claims_added"] == 2
    copy = tmp_path / "copy.txt"
    copy.write_text(ARTICLE, encoding="utf-8")
    r = run("evidence", "add", str(article), str(copy), "--db", str(db))
    assert r.exit_code == 0
    assert counts(db) == (1, 2)
    r = run("evidence", "claims", "--db", str(db), "--actor", "RU", "--json")
    (claim,) = json.loads(r.stdout)["claims"]
    assert (claim["issue"], claim["stance"], claim["date"]) == ("ceasefire", "reject", "2025-05-16")
    assert ARTICLE[claim["raw_start"] : claim["raw_end"]] == "The Kremlin rejected the ceasefire."


def test_a_long_batch_into_a_pipe_writes_nothing_on_stderr(tmp_path, capsys):
    files = []
    for i in range(25):  # more than PROGRESS_FROM: a terminal would get a progress bar
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Kyiv proposed a ceasefire on day {i}.\n", encoding="utf-8")
        files.append(str(p))
    code, err = run_main(capsys, "evidence", "add", *files, "--db", str(tmp_path / "e.db"))
    assert code == 0 and err == ""
    assert counts(tmp_path / "e.db")[0] == 25


def test_a_file_named_by_a_scenario_source_takes_its_title_outlet_and_date(tmp_path):
    # istanbul-2025 lists seeds/002_599243bc055256aa.txt as source seed2 (2025-05-30)
    named = tmp_path / "002_599243bc055256aa.txt"
    named.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "e.db"
    r = run("evidence", "add", str(named), "--db", str(db), "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["documents"][0]["scenario_source"] == "seed2"
    with Store(db) as s:
        (doc,) = s.documents()
    assert doc["date"] == "2025-05-30" and doc["title"].startswith("Few Expect Breakthrough")
    claims = json.loads(run("evidence", "claims", "--db", str(db), "--json").stdout)["claims"]
    assert {c["date"] for c in claims} == {"2025-05-30"}
    # an explicit --date still wins; a file no source names keeps what its text gives
    other = tmp_path / "other" / "002_599243bc055256aa.txt"
    other.parent.mkdir()
    other.write_text(ARTICLE + "More text.\n", encoding="utf-8")
    r = run("evidence", "add", str(other), "--db", str(db), "--date", "2025-06-01", "--json")
    with Store(db) as s:
        assert [d["date"] for d in s.documents()] == ["2025-05-30", "2025-06-01"]
    unnamed = tmp_path / "unnamed.txt"
    unnamed.write_text(ARTICLE + "Other.\n", encoding="utf-8")
    r = run("evidence", "add", str(unnamed), "--db", str(db), "--json")
    assert json.loads(r.stdout)["documents"][0]["scenario_source"] is None
    with Store(db) as s:
        assert s.documents()[-1]["date"] is None


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n ", "empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
        ("latin1.txt", "Kyiv r\xe9jected the ceasefire".encode("latin-1"), "not UTF-8"),
        ("furniture.txt", b"- Get link\n- Other Apps\nLeave a Comment\n", "no article text"),
    ],
)
def test_bad_files_fail_with_one_line_and_exit_2_while_the_rest_goes_in(
    tmp_path, article, name, content, message
):
    bad = tmp_path / name
    bad.write_bytes(content)
    db = tmp_path / "e.db"
    r = run("evidence", "add", str(bad), str(article), "--db", str(db))
    assert r.exit_code == 2
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and name in lines[0] and message in lines[0]
    assert "Traceback" not in r.output
    assert counts(db) == (1, 2)


def test_huge_file_is_refused(tmp_path, article):
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: size is all that is checked first
    r = run("evidence", "add", str(big), str(article), "--db", str(tmp_path / "e.db"))
    assert r.exit_code == 2 and "big.txt: size:" in r.stderr and len(r.stderr.splitlines()) == 1
    assert counts(tmp_path / "e.db") == (1, 2)


def test_missing_file_and_bad_date(tmp_path, article, capsys):
    r = run("evidence", "add", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "e.db"))
    assert r.exit_code == 2 and "nope.txt" in r.stderr
    code, err = run_main(capsys, "evidence", "add", str(article), "--date", "16/05/2025")
    assert code == 2 and "--date" in err and len(err.splitlines()) == 1
    db = tmp_path / "future.db"
    code, err = run_main(
        capsys, "evidence", "add", str(article), "--db", str(db), "--date", "9999-12-31"
    )
    assert code == 2 and len(err.splitlines()) == 1
    assert "--date: 9999-12-31: after today" in err and not db.exists()


def test_a_given_date_may_be_tomorrow_but_not_later() -> None:
    import datetime as dt

    from pourparler.evidence.clean import given_date

    today = dt.date(2025, 5, 16)
    assert given_date("2025-05-17", "--date", today) == dt.date(2025, 5, 17)
    assert given_date("2022-03-29", "--date", today) == dt.date(2022, 3, 29)
    with pytest.raises(InputError, match="after today"):
        given_date("2025-05-18", "--date", today)


def test_crash_mid_document_leaves_the_store_as_before(tmp_path, article, monkeypatch):
    db = tmp_path / "e.db"
    sc = load_scenario("istanbul-2025")
    with Store(db) as s:
        add_article(s, article, sc)
    other = tmp_path / "b.txt"
    other.write_text(ARTICLE.replace("Kremlin", "Moscow"), encoding="utf-8")
    calls = {"n": 0}
    real = sqlite3.Connection.execute

    class Boom(KeyboardInterrupt):
        pass

    def flaky(self, sql, *args):
        if sql.startswith("INSERT INTO claims"):
            calls["n"] += 1
            if calls["n"] == 2:
                raise Boom
        return real(self, sql, *args)

    with Store(db) as s:
        monkeypatch.setattr(s, "conn", _Proxy(s.conn, flaky))
        with pytest.raises(Boom):
            add_article(s, other, sc)
    assert counts(db) == (1, 2)
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        add_article(s, other, sc)
        assert s.counts() == (2, 4)


class _Proxy:
    def __init__(self, conn, execute):
        self._conn, self._execute = conn, execute

    def execute(self, sql, *args):
        return self._execute(self._conn, sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


GATED_MAIN = (
    "import sys, time; from pathlib import Path; "
    "ready, gate = Path(sys.argv.pop(1)), Path(sys.argv.pop(1)); "
    "from pourparler.cli.app import main; ready.touch(); "
    "exec('while not gate.exists(): time.sleep(0.005)'); main()"
)


def _open_after(barrier, db, errors):
    barrier.wait()
    try:
        Store(db).close()
    except Exception as exc:
        errors.put(str(exc))


@pytest.mark.skipif(sys.platform == "win32", reason="uses fork to start processes quickly")
def test_processes_opening_a_new_store_at_once(tmp_path):
    """Switching a new file to the WAL journal needs an exclusive lock; two processes that open
    it together must wait for each other, not fail with 'database is locked'. Without the retry
    about one pair in ten failed, so fifty pairs start, each pair at a barrier."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    errors = ctx.Queue()
    for k in range(50):
        db = tmp_path / f"new{k}.db"
        barrier = ctx.Barrier(2)
        procs = [ctx.Process(target=_open_after, args=(barrier, db, errors)) for _ in range(2)]
        for p in procs:
            p.start()
        for p in procs:
            p.join(timeout=120)
        assert [p.exitcode for p in procs] == [0, 0]
        assert errors.empty(), errors.get()
        with Store(db) as s:
            assert s.version == len(MIGRATIONS)


def test_two_processes_ingesting_at_once(tmp_path):
    """Both processes start together on a fresh store (both run the migration) and work through
    the same files in opposite orders: each document is stored exactly once, by one of them."""
    import time

    db = tmp_path / "e.db"
    files = []
    for i in range(N_BATCH):
        p = tmp_path / f"art{i}.txt"
        p.write_text(f"Report {i}\n\nKyiv proposed a ceasefire on day {i}.\nMoscow rejected it.\n")
        files.append(str(p))
    gate = tmp_path / "go"
    procs, ready = [], []
    for n, chunk in enumerate((files, files[::-1])):
        ready.append(tmp_path / f"ready{n}")
        argv = [str(ready[-1]), str(gate), "evidence", "add", *chunk, "--db", str(db), "--json"]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", GATED_MAIN, *argv],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        )
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    gate.touch()
    new_by = []
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
        new_by.append({d["file"] for d in json.loads(out)["documents"] if d["new"]})
    # the runs overlapped (each stored some documents first) and no document was stored twice
    assert new_by[0] and new_by[1] and not new_by[0] & new_by[1]
    assert len(new_by[0] | new_by[1]) == N_BATCH
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert s.counts() == (N_BATCH, 2 * N_BATCH)
        assert s.version == len(MIGRATIONS)
        assert s.conn.execute("SELECT COUNT(*) FROM schema_version").fetchone()[0] == len(
            MIGRATIONS
        )


def test_older_schema_is_migrated_keeping_its_data(tmp_path, article):
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)  # a store written by a version that knew only migration 1
    conn.executescript(MIGRATIONS[0])
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.execute("INSERT INTO schema_version (version) VALUES (1)")
    conn.execute(
        "INSERT INTO documents (sha256, file_name, path, format, text, offset_runs, added_at) "
        "VALUES ('x', 'old.txt', 'old.txt', 'text', 'Old text.', '[]', '2025-01-01')"
    )
    conn.commit()
    conn.close()
    with Store(db) as s:
        assert s.version == len(MIGRATIONS) > 1
        names = {r[0] for r in s.conn.execute("SELECT name FROM sqlite_master")}
        assert {"claims_actor_issue", "claims_document"} <= names
        assert [d["file_name"] for d in s.documents()] == ["old.txt"]
        add_article(s, article, load_scenario("istanbul-2025"))
        assert s.counts() == (2, 2)


def test_default_store_is_in_the_user_data_directory(tmp_path, article, monkeypatch):
    import platformdirs

    monkeypatch.delenv("POURPARLER_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    expected = Path(platformdirs.user_data_dir("pourparler")) / "evidence.sqlite3"
    assert tmp_path in expected.parents
    assert run("evidence", "add", str(article)).exit_code == 0
    assert expected.is_file() and counts(expected) == (1, 2)


def test_schema_is_migrated_in_order_and_newer_schemas_refused(tmp_path, capsys):
    db = tmp_path / "e.db"
    with Store(db) as s:
        assert s.version == len(MIGRATIONS)
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (len(MIGRATIONS) + 1,))
    conn.commit()
    conn.close()
    code, err = run_main(capsys, "evidence", "claims", "--db", str(db))
    assert code == 2 and "schema_version" in err


def test_a_newer_store_is_refused_without_a_byte_changed(tmp_path, capsys):
    db = tmp_path / "e.db"
    with Store(db):
        pass
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a newer version might leave it
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (len(MIGRATIONS) + 1,))
    conn.commit()
    conn.close()
    before = db.read_bytes()
    code, err = run_main(capsys, "evidence", "claims", "--db", str(db))
    assert code == 2 and f"schema_version: {len(MIGRATIONS) + 1} is newer" in err
    assert db.read_bytes() == before
    assert not (tmp_path / "e.db-wal").exists()


def test_not_a_database_is_refused_untouched(tmp_path, capsys):
    db = tmp_path / "e.db"
    db.write_bytes(b"this is not sqlite" * 100)
    before = db.read_bytes()
    code, err = run_main(capsys, "evidence", "claims", "--db", str(db))
    assert code == 2 and "not a usable evidence store" in err
    assert db.read_bytes() == before


def test_env_var_chooses_the_store(tmp_path, article, monkeypatch):
    db = tmp_path / "env.db"
    monkeypatch.setenv("POURPARLER_DB", str(db))
    assert run("evidence", "add", str(article)).exit_code == 0
    assert counts(db) == (1, 2)


def test_human_output_of_claims_and_timeline(tmp_path, article):
    db = tmp_path / "e.db"
    run("evidence", "add", str(article), "--db", str(db), "--date", "2025-05-16")
    r = run("evidence", "claims", "--db", str(db), "--issue", "ceasefire")
    assert r.exit_code == 0 and "reject" in r.stdout and "demand" in r.stdout
    r = run("evidence", "timeline", "RU", "ceasefire", "--db", str(db))
    assert r.exit_code == 0 and r.stdout.startswith("2025-05-16") and "reject" in r.stdout
    r = run("evidence", "timeline", "CN", "ceasefire", "--db", str(db))
    assert "no claims of CN on ceasefire" in r.stdout


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGINT"])
def test_killed_ingest_leaves_only_whole_documents(tmp_path, sig):
    """SIGKILL or Ctrl-C (SIGINT) mid-batch: every stored document has all of its claims, and
    the store takes the rest of the batch afterwards."""
    import signal
    import time

    db = tmp_path / "e.db"
    files = []
    for i in range(N_BATCH):
        p = tmp_path / f"k{i}.txt"
        p.write_text(f"Item {i}\n\nKyiv proposed a ceasefire on day {i}.\nMoscow rejected it.\n")
        files.append(str(p))
    code = "from pourparler.cli.app import main; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "evidence", "add", *files, "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(600):  # wait until a few documents are in, then kill mid-batch
        if db.exists():
            try:
                with Store(db) as s:
                    if s.counts()[0] >= 3:
                        break
            except Exception:
                pass
        time.sleep(0.05)
    proc.send_signal(getattr(signal, sig))
    assert proc.wait(timeout=60) != 0
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_doc = s.conn.execute(
            "SELECT d.id, COUNT(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
            "GROUP BY d.id"
        ).fetchall()
    assert 0 < len(per_doc) < N_BATCH  # stopped mid-batch
    assert all(n == 2 for _, n in per_doc)
    assert run("evidence", "add", *files, "--db", str(db)).exit_code == 0
    assert counts(db) == (N_BATCH, 2 * N_BATCH)


def test_a_version_3_store_gains_stated_on_page_feeds_jobs_and_voices_keeping_its_claims(
    tmp_path, article
):
    db = tmp_path / "v3.db"
    conn = sqlite3.connect(db)  # a store written by a version that knew migrations 1-3
    for sql in MIGRATIONS[:3]:
        conn.executescript(sql)
    conn.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    conn.executemany("INSERT INTO schema_version (version) VALUES (?)", [(1,), (2,), (3,)])
    conn.execute(
        "INSERT INTO documents (sha256, file_name, path, format, date, text, offset_runs, "
        "added_at) VALUES ('x', 'old.txt', 'old.txt', 'text', '2025-05-01', 'Kyiv demands a "
        "ceasefire.', '[]', '2025-05-02')"
    )
    conn.execute(
        "INSERT INTO claims (document_id, scenario, actor, issue, stance, negated, position, "
        "confidence, sentence, start, end, raw_start, raw_end, cue, speaker, status) VALUES "
        "(1, 'istanbul-2025', 'UA', 'ceasefire', 'demand', 0, NULL, 0.8, "
        "'Kyiv demands a ceasefire.', 0, 25, 0, 25, 'demands', NULL, 'accepted')"
    )
    conn.commit()
    conn.close()
    with Store(db) as s:
        assert s.version == 9 == len(MIGRATIONS)
        assert s.rows("SELECT COUNT(*) FROM feeds") == [(0,)]  # migration 6: followed feeds
        assert s.rows("SELECT COUNT(*) FROM reading_jobs") == [(0,)]  # 7: the web's jobs
        assert s.rows("SELECT etag, modified FROM feeds") == []  # 8: the feeds' validators
        assert s.rows("SELECT voice FROM feeds") == []  # 9: the feeds' voices
        # and the readings its claims show: the document is not read again by that reader
        assert s.rows("SELECT document_id, scenario, reader, model FROM readings") == [
            (1, "istanbul-2025", "rules", "")
        ]
        assert s.has_read("x", "istanbul-2025", "rules", None)
        assert not s.has_read("x", "istanbul-2025", "llm", "some-model")
        (old,) = s.claims()
        assert (old.actor, old.status, old.date, old.stated_on, old.page) == (
            "UA",
            "accepted",
            "2025-05-01",
            None,
            None,
        )
        assert old.place == "1:0"


def test_claims_and_timeline_order_by_the_date_the_text_gives(tmp_path):
    # the later document tells of a rejection in March: it comes before the May document
    may = tmp_path / "may.txt"
    may.write_text("Kyiv insists on a 30-day ceasefire.\n", encoding="utf-8")
    june = tmp_path / "june.txt"
    june.write_text("In March, the Kremlin rejected the ceasefire.\n", encoding="utf-8")
    db = tmp_path / "e.db"
    run("evidence", "add", str(may), "--db", str(db), "--date", "2025-05-16")
    run("evidence", "add", str(june), "--db", str(db), "--date", "2025-06-20")
    with Store(db) as s:
        got = [(c.actor, c.stated_on, c.date) for c in s.claims(issue="ceasefire")]
    assert got == [("RU", "2025-03", "2025-06-20"), ("UA", None, "2025-05-16")]
    r = run("evidence", "claims", "--db", str(db), "--json")
    assert [c["stated_on"] for c in json.loads(r.stdout)["claims"]] == ["2025-03", None]
    r = run("evidence", "timeline", "RU", "ceasefire", "--db", str(db))
    assert r.exit_code == 0 and r.stdout.startswith("2025-03 ")
    r = run("evidence", "claims", "--db", str(db), "--csv")
    assert r.stdout.splitlines()[0].endswith(",stated_on,page,locator")
    # the timeline's downloads carry stated_on beside the date they sort by
    (event,) = json.loads(
        run("evidence", "timeline", "RU", "ceasefire", "--db", str(db), "--json").stdout
    )["timeline"]
    assert (event["date"], event["stated_on"]) == ("2025-03", "2025-03")
    (event,) = json.loads(
        run("evidence", "timeline", "UA", "ceasefire", "--db", str(db), "--json").stdout
    )["timeline"]
    assert (event["date"], event["stated_on"]) == ("2025-05-16", None)
    r = run("evidence", "timeline", "RU", "ceasefire", "--db", str(db), "--csv")
    assert "stated_on" in r.stdout.splitlines()[0].split(",")
    # a filter nothing matches says so
    r = run("evidence", "claims", "--db", str(db), "--text", "memorandum")
    assert r.exit_code == 0 and r.stdout == "no claims\n"

"""The evidence store and `pourparler evidence add`: bad files, duplicates, crashes mid-ingest,
concurrent ingests, migrations."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.evidence.ingest import MAX_BYTES, add_article
from pourparler.evidence.store import MIGRATIONS, Store
from pourparler.scenario import load_scenario

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
    r = run("evidence", "add", str(big), "--db", str(tmp_path / "e.db"))
    assert r.exit_code == 2 and "size" in r.stderr


def test_missing_file_and_bad_date(tmp_path, article, capsys):
    r = run("evidence", "add", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "e.db"))
    assert r.exit_code == 2 and "nope.txt" in r.stderr
    code, err = run_main(capsys, "evidence", "add", str(article), "--date", "16/05/2025")
    assert code == 2 and "--date" in err and len(err.splitlines()) == 1


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


def test_two_processes_ingesting_at_once(tmp_path):
    db = tmp_path / "e.db"
    files = []
    for i in range(12):
        p = tmp_path / f"art{i}.txt"
        p.write_text(f"Report {i}\n\nKyiv proposed a ceasefire on day {i}.\nMoscow rejected it.\n")
        files.append(str(p))
    code = "from pourparler.cli.app import main; main()"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, "evidence", "add", *chunk, "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for chunk in (files, files[::-1])
    ]
    for p in procs:
        _out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        docs, claims = s.counts()
    assert docs == 12 and claims == 24


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


def test_killed_ingest_leaves_only_whole_documents(tmp_path):
    """SIGKILL at an arbitrary moment: every stored document has all of its claims."""
    import signal
    import time

    db = tmp_path / "e.db"
    files = []
    for i in range(60):
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
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        per_doc = s.conn.execute(
            "SELECT d.id, COUNT(c.id) FROM documents d LEFT JOIN claims c ON c.document_id = d.id "
            "GROUP BY d.id"
        ).fetchall()
    assert per_doc and all(n == 2 for _, n in per_doc)

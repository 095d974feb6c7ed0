"""Which evidence commands may create a store: only ``evidence add``. The commands that read or
review claims, given a path where no store exists (a mistyped ``--db``, ``$POURPARLER_DB``, or
the default before the first ``add``), end with one line naming it and exit code 2, and leave
nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from cli_run import run_cli

READ_COMMANDS = [
    ["evidence", "claims"],
    ["evidence", "claims", "--json"],
    ["evidence", "timeline", "RU", "ceasefire"],
    ["evidence", "timeline", "RU", "ceasefire", "--json"],
    ["evidence", "suggest", "istanbul-2025"],
    ["evidence", "review"],
    ["evidence", "review", "--list", "--json"],
    ["evidence", "review", "--accept", "--reader", "rules"],
    ["evidence", "review", "--history", "1"],
]
ARTICLE = "Russia rejected the ceasefire. Ukraine demanded a ceasefire.\n"


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_mistyped_db_is_bad_input_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db = tmp_path / "nonexist.db"
    code, out, err = run_cli(capsys, [*command, "--db", str(db)])
    assert (code, out, err) == (2, "", f"pourparler: error: --db: {db}: no evidence store there\n")
    assert _files(tmp_path) == []


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_a_missing_default_store_is_bad_input_and_is_not_created(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    from pourparler.evidence.store import default_db

    monkeypatch.delenv("POURPARLER_DB", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    expected = default_db()
    assert tmp_path in expected.parents
    code, out, err = run_cli(capsys, command)
    assert code == 2 and out == ""
    assert err.startswith(f"pourparler: error: --db: {expected} (default): no evidence store")
    assert err.count("\n") == 1
    assert _files(tmp_path) == [] and not (tmp_path / "home").exists()


def test_a_missing_store_named_by_the_environment_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("POURPARLER_DB", str(db))
    code, out, err = run_cli(capsys, ["evidence", "claims"])
    assert (code, out) == (2, "")
    assert err == f"pourparler: error: $POURPARLER_DB: {db}: no evidence store there\n"
    assert not db.exists()


def test_add_creates_the_store_the_read_commands_then_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "sub" / "e.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    code, _, err = run_cli(capsys, ["evidence", "add", str(article), "--db", str(db)])
    assert code == 0, err
    assert db.is_file()
    code, out, err = run_cli(capsys, ["evidence", "timeline", "RU", "ceasefire", "--db", str(db)])
    assert code == 0 and "reject" in out, err
    code, out, err = run_cli(capsys, ["evidence", "review", "--list", "--db", str(db)])
    assert code == 0 and "ceasefire" in out, err


def test_an_article_on_standard_input(tmp_path, capsys, monkeypatch):
    import io
    import sqlite3

    text = "Kyiv insists on an unconditional 30-day ceasefire.\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    db = tmp_path / "e.db"
    args = [
        "evidence",
        "add",
        "-",
        "-",
        "--db",
        str(db),
        "--title",
        "Pasted",
        "--date",
        "2025-05-20",
    ]
    code, out, err = run_cli(capsys, args)
    assert code == 0, err
    assert out == "-: document 1 added, 1 claims added\n"  # given twice, read once
    conn = sqlite3.connect(db)
    row = conn.execute("SELECT file_name, title, date, text FROM documents").fetchone()
    conn.close()
    assert row == ("stdin.txt", "Pasted", "2025-05-20", text.strip())
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01binary")))
    code, out, err = run_cli(capsys, ["evidence", "add", "-", "--db", str(db)])
    assert (
        code == 2
        and err == "pourparler: error: -: content: binary file (NUL bytes), not an article\n"
    )


def test_reading_an_empty_file_as_a_store_is_refused_and_leaves_it_empty(tmp_path, capsys):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for args in (
        ["evidence", "claims"],
        ["evidence", "timeline", "UA", "ceasefire"],
        ["evidence", "review", "--list"],
        ["evidence", "suggest", "istanbul-2025"],
        ["report", "istanbul-2025", "--to", str(tmp_path / "r.html")],
    ):
        code, _, err = run_cli(capsys, [*args, "--db", str(empty)])
        assert code == 2 and f"--db: {empty}: an empty file, not an evidence store" in err, args
        assert err.count("\n") == 1
    assert empty.read_bytes() == b"" and [p.name for p in tmp_path.iterdir()] == ["empty.db"]

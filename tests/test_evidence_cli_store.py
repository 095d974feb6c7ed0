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
    assert out == "-: document 1 added, 1 claim added\n"  # given twice, read once
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


def test_documents_are_listed_and_removed_with_their_claims(tmp_path, capsys):
    import json
    import sqlite3

    db = tmp_path / "e.db"
    for name, text in (
        ("a.txt", "Kyiv insists on an unconditional 30-day ceasefire.\n"),
        ("b.txt", "The Kremlin rejected the ceasefire on Friday.\n"),
        ("c.txt", "Russia demands an unconditional 30-day ceasefire.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert run_cli(capsys, ["evidence", "add", str(tmp_path / name), "--db", str(db)])[0] == 0
    code, out, _ = run_cli(capsys, ["evidence", "documents", "--db", str(db), "--json"])
    docs = json.loads(out)["documents"]
    assert code == 0 and [(d["id"], d["file_name"], d["claims"]) for d in docs] == [
        (1, "a.txt", 1),
        (2, "b.txt", 1),
        (3, "c.txt", 1),
    ]
    code, out, _ = run_cli(capsys, ["evidence", "documents", "--db", str(db), "--csv"])
    assert code == 0 and out.splitlines()[0].startswith("id,file_name,format,")
    # a reviewed claim guards its document; an unknown id stops the whole command
    assert (
        run_cli(capsys, ["evidence", "review", "--accept", "--claim", "2", "--db", str(db)])[0] == 0
    )
    code, _, err = run_cli(capsys, ["evidence", "remove", "1", "9", "--db", str(db)])
    assert code == 2 and "document 9: no such document" in err
    code, _, err = run_cli(capsys, ["evidence", "remove", "1", "2", "--db", str(db)])
    assert code == 2 and "document 2: 1 of its claims have been reviewed; --force" in err
    assert (
        len(
            json.loads(run_cli(capsys, ["evidence", "documents", "--db", str(db), "--json"])[1])[
                "documents"
            ]
        )
        == 3
    )
    code, out, _ = run_cli(capsys, ["evidence", "remove", "1", "2", "--force", "--db", str(db)])
    assert code == 0 and out == (
        "removed document 1 (a.txt) and its 1 claims\nremoved document 2 (b.txt) and its 1 claims\n"
    )
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT id FROM documents").fetchall() == [(3,)]
    assert conn.execute("SELECT document_id FROM claims").fetchall() == [(3,)]
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone() == (0,)
    conn.close()
    # removed, a document can be added again
    assert run_cli(capsys, ["evidence", "add", str(tmp_path / "a.txt"), "--db", str(db)])[0] == 0


def test_claims_of_one_document(tmp_path, capsys):
    import json

    db = tmp_path / "e.db"
    for name, text in (
        ("a.txt", "Kyiv insists on an unconditional 30-day ceasefire.\n"),
        ("b.txt", "The Kremlin rejected the ceasefire on Friday.\n"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert run_cli(capsys, ["evidence", "add", str(tmp_path), "--db", str(db)])[0] == 0
    code, out, _ = run_cli(
        capsys, ["evidence", "claims", "--document", "2", "--db", str(db), "--json"]
    )
    assert code == 0 and [(c["document_id"], c["actor"]) for c in json.loads(out)["claims"]] == [
        (2, "RU")
    ]
    code, _, err = run_cli(capsys, ["evidence", "claims", "--document", "7", "--db", str(db)])
    assert code == 2 and err == (
        "pourparler: error: --document: 7: no such document (see 'evidence documents')\n"
    )
    huge = str(2**70)  # no id SQLite can hold
    code, _, err = run_cli(capsys, ["evidence", "claims", "--document", huge, "--db", str(db)])
    assert code == 2 and err == (
        f"pourparler: error: --document: {huge}: no such document (see 'evidence documents')\n"
    )

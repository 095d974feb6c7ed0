"""Actor and issue names on the `evidence claims` and `evidence timeline` command lines: ids,
names and aliases resolve to ids; unknown names are bad input (one line, exit code 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pourparler.cli.app import main
from pourparler.evidence.ingest import add_article
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario


@pytest.fixture
def db(tmp_path: Path) -> Path:
    art = tmp_path / "a.txt"
    art.write_text("Talks\n\nKyiv insists on a ceasefire.\nThe Kremlin rejected the ceasefire.\n")
    path = tmp_path / "e.db"
    with Store(path) as s:
        add_article(s, art, load_scenario("istanbul-2025"))
    return path


def cli(capsys, *args: str) -> tuple[int, str, str]:
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize(
    ("args", "where", "value"),
    [
        (("claims", "--actor", "Narnia"), "--actor", "Narnia"),
        (("claims", "--issue", "fishing_rights"), "--issue", "fishing_rights"),
        (("timeline", "Narnia", "ceasefire"), "ACTOR", "Narnia"),
        (("timeline", "RU", "fishing_rights"), "ISSUE", "fishing_rights"),
    ],
)
def test_unknown_actor_or_issue_is_bad_input(capsys, db, args, where, value):
    code, out, err = cli(capsys, "evidence", *args, "--db", str(db))
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"pourparler: error: {where}: {value!r}: not an")
    assert "istanbul-2025" in line and "Traceback" not in err


def test_names_and_aliases_resolve_to_ids(capsys, db):
    code, out, _ = cli(capsys, "evidence", "timeline", "kremlin", "Ceasefire", "--db", str(db))
    assert code == 0 and "reject" in out
    code, out, _ = cli(
        capsys, "evidence", "timeline", "Russia", "ceasefire", "--db", str(db), "--json"
    )
    events = json.loads(out)
    assert (events["actor"], events["issue"]) == ("RU", "ceasefire")
    assert [e["stance"] for e in events["timeline"]] == ["reject"]
    code, out, _ = cli(capsys, "evidence", "claims", "--actor", "Kyiv", "--db", str(db), "--json")
    assert [(c["actor"], c["stance"]) for c in json.loads(out)["claims"]] == [("UA", "demand")]


def test_known_actor_without_claims_is_not_an_error(capsys, db):
    code, out, err = cli(capsys, "evidence", "timeline", "CN", "ceasefire", "--db", str(db))
    assert code == 0 and "no claims of CN on ceasefire" in out and err == ""


def test_empty_store_checks_names_against_the_default_scenario(capsys, tmp_path):
    db = str(tmp_path / "new.db")
    Store(db).close()  # an empty store (only `evidence add` creates one from the CLI)
    assert cli(capsys, "evidence", "timeline", "UA", "ceasefire", "--db", db)[0] == 0
    assert cli(capsys, "evidence", "timeline", "Narnia", "ceasefire", "--db", db)[0] == 2


def test_scenario_option_checks_names_against_that_scenario(capsys, db):
    code, _, err = cli(
        capsys, "evidence", "claims", "--scenario", "nowhere", "--actor", "RU", "--db", str(db)
    )
    assert code == 2 and "nowhere" in err and len(err.splitlines()) == 1
    code, out, _ = cli(
        capsys, "evidence", "claims", "--scenario", "istanbul-2022", "--db", str(db), "--json"
    )
    assert code == 0 and json.loads(out)["claims"] == []  # the claims are about istanbul-2025

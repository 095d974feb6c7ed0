"""Hostile scenario input: each attack ends with exit code 2 and one line on stderr naming the
file, the field and what is wrong, within 20 s and 1 GB, and never loses a stored file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from pourparler.cli.app import main
from pourparler.deals.genius import write_genius
from pourparler.deals.space import build_space
from pourparler.deals.synthetic import random_scenario
from pourparler.scenario import load_scenario
from scenario_samples import base

LIMIT_S = 20
LIMIT_BYTES = 1 << 30


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out = capsys.readouterr()
    return int(info.value.code or 0), out.out, out.err


def _limit_memory() -> None:  # in the child, before it runs
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


def _run_bounded(args: list[str]) -> tuple[int, str, str, float]:
    """The command in a child process limited to 1 GiB of address space and 20 s: an attack that
    hangs or balloons fails the test instead of hanging it."""
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pourparler", *args],
            capture_output=True,
            text=True,
            timeout=LIMIT_S,
            preexec_fn=_limit_memory,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"pourparler {' '.join(args)!r} ran past {LIMIT_S} s")
    return done.returncode, done.stdout, done.stderr, time.monotonic() - start


def _one_line(err: str) -> str:
    assert "Traceback" not in err, err
    assert err.count("\n") == 1 and err.endswith("\n"), err
    return err


def _write(path: Path, data: object) -> Path:
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


# -- YAML bombs and shapes ------------------------------------------------------------------------


def _laughs(levels: int = 9) -> str:
    lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
    names = "abcdefghijklmnop"
    for k in range(1, levels):
        lines.append(f"{names[k]}: &{names[k]} [{','.join(['*' + names[k - 1]] * 9)}]")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_quickly_and_small(tmp_path: Path) -> None:
    bomb = tmp_path / "laughs.yaml"
    bomb.write_text(_laughs(), encoding="utf-8")
    assert bomb.stat().st_size < 400
    code, _, err, _ = _run_bounded(["validate", str(bomb)])
    assert code == 2
    assert f"{bomb}: (document): aliases (*name) expand the document" in _one_line(err)


def test_alias_bomb_in_a_field_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _laughs(7) + "id: x\ntitle: *g\n"
    path = tmp_path / "s.yaml"
    path.write_text(doc, encoding="utf-8")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and "aliases" in _one_line(err)


def test_a_few_aliases_still_load(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = yaml.safe_dump(base(), sort_keys=False)
    text = text.replace(
        "  - source: s1\n    note: demands neutrality", "  - &c {source: s1, note: x}"
    )
    text = text.replace("salience: 0.3\n", "salience: 0.3\n  cites: [*c]\n")
    path = tmp_path / "aliases.yaml"
    path.write_text(text, encoding="utf-8")
    assert "*c" in text and "&c" in text
    code, out, _ = _run(["validate", str(path)], capsys)
    assert code == 0 and "ok" in out


def test_recursive_alias_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "loop.yaml"
    path.write_text("id: x\ntitle: t\nactors: &a [*a]\n", encoding="utf-8")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2
    assert f"{path}:3: (document): an alias refers to a node that contains it" in _one_line(err)


def test_deep_nesting_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("id: x\ndescription: " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and f"{path}:2: (document): nested more than" in _one_line(err)


def test_too_many_values_are_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "wide.yaml"
    path.write_text("id: x\ntitle: t\ndescription: [" + "1," * 1_500_000 + "1]\n")
    code, _, err, seconds = _run_bounded(["validate", str(path)])
    assert code == 2 and f"{path}:3: (document): too many values" in _one_line(err)
    assert seconds < 10


@pytest.mark.parametrize(
    ("text", "kind"), [("- 1\n- 2\n", "list"), ("just words\n", "str"), ("42\n", "int")]
)
def test_a_document_that_is_not_a_mapping(
    tmp_path: Path, text: str, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and f"expected a mapping of scenario fields at the top, found {kind}" in err
    _one_line(err)


# -- values YAML cannot build ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("date", "2025-02-30", "date: not a valid date: '2025-02-30' (day is out of range"),
        ("title", "!!float abc", "title: not a valid number: 'abc'"),
        ("title", "9" * 5000, "title: integer too large"),
        ("title", "0x" + "f" * 5000, "title: integer too large"),
        ("title", "!!binary abc", "title: failed to decode base64 data"),
        ("title", "!!timestamp nope", "title: not a valid date: 'nope'"),
    ],
)
def test_unbuildable_values_name_file_line_and_field(
    tmp_path: Path, key: str, value: str, words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = yaml.safe_dump(base(), sort_keys=False)
    doc = "\n".join(line for line in doc.splitlines() if not line.startswith(f"{key}:"))
    path = tmp_path / "values.yaml"
    path.write_text(f"{doc}\n{key}: {value}\n", encoding="utf-8")
    line = doc.count("\n") + 2
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2
    assert f"{path}:{line}: {words}" in _one_line(err)


def test_unbuildable_value_deep_in_a_stance(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = yaml.safe_dump(base(), sort_keys=False).replace("salience: 0.3", "salience: !!float x")
    path = tmp_path / "s.yaml"
    path.write_text(doc, encoding="utf-8")
    code, _, err = _run(["validate", str(path)], capsys)
    line = doc.splitlines().index("  salience: !!float x") + 1
    assert code == 2 and f"{path}:{line}: stances[3].salience: not a valid number" in err
    _one_line(err)


# -- special files --------------------------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
@pytest.mark.parametrize("command", ["show", "validate", "forecast", "export"])
def test_devices_are_refused(device: str, command: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    code, _, err, _ = _run_bounded([command, device])
    assert code == 2
    assert f"{device}: (document): is a device, not a regular file" in _one_line(err)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    code, _, err, _ = _run_bounded(["show", str(fifo)])
    assert code == 2
    assert f"{fifo}: (document): is a FIFO (named pipe), not a regular file" in _one_line(err)


def _genius_folder(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    write_genius(build_space(random_scenario(3, 3, 3, 2)), folder)
    return folder


@pytest.mark.parametrize("command", ["show", "deals"])
def test_fifo_in_a_genius_folder_is_refused_without_blocking(tmp_path: Path, command: str) -> None:
    folder = _genius_folder(tmp_path / "g")
    fifo = folder / "zz-profile.xml"
    os.mkfifo(fifo)
    code, _, err, _ = _run_bounded([command, str(folder)])
    assert code == 2
    assert f"{fifo}: (document): is a FIFO (named pipe), not a regular file" in _one_line(err)


def test_genius_domain_that_is_a_device_is_refused(tmp_path: Path) -> None:
    folder = _genius_folder(tmp_path / "g")
    (folder / "dev.xml").symlink_to("/dev/zero")
    code, _, err, _ = _run_bounded(["show", str(folder)])
    assert code == 2 and f"{folder / 'dev.xml'}: (document): is a device" in _one_line(err)


def test_genius_entity_declarations_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _genius_folder(tmp_path / "g")
    profile = next(f for f in sorted(folder.glob("*.xml")) if "domain" not in f.name)
    laughs = '<!DOCTYPE u [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>\n'
    profile.write_text(laughs + profile.read_text(encoding="utf-8"), encoding="utf-8")
    code, _, err = _run(["show", str(folder)], capsys)
    assert code == 2
    assert f"{profile}: (document): XML document type declarations are not read" in err
    _one_line(err)


def test_genius_bad_item_label_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "g"
    folder.mkdir()
    (folder / "d.xml").write_text(
        '<negotiation_template><utility_space><objective name="root">'
        '<issue name="" type="discrete" index="1"><item index="1" value="low"/>'
        '<item index="2" value="high"/></issue></objective></utility_space></negotiation_template>'
    )
    (folder / "buyer.xml").write_text(
        '<utility_space><objective name="root"><issue name="" index="1" type="discrete">'
        '<item index="1" value="low" evaluation="4"/><item index="2" value="high" evaluation="2"/>'
        '</issue><weight index="1" value="1.0"/></objective></utility_space>'
    )
    code, _, err = _run(["deals", str(folder)], capsys)
    assert code == 2 and f"{folder / 'd.xml'}: issues[0].name:" in _one_line(err)


def test_genius_weights_whose_sum_overflows_are_one_line(tmp_path: Path) -> None:
    folder = _genius_folder(tmp_path / "g")
    profile = next(f for f in sorted(folder.glob("*.xml")) if not f.name.endswith("-domain.xml"))
    text = profile.read_text()
    start = text.index("<weight ")
    end = text.index("</objective>")
    weights = "".join(f'<weight index="{k}" value="1e308" />\n' for k in (1, 2, 3))
    profile.write_text(text[:start] + weights + text[end:])
    code, out, err, _ = _run_bounded(["show", str(folder)])  # a child: warnings reach stderr
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"pourparler: error: {profile}: weights: too large: their sum is not a finite number\n"
    )


# -- CSV and Decide -------------------------------------------------------------------------------


def test_bdm_table_with_carriage_return_line_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"Actor,Capability,Position,Salience\rA,1,20,50\rB,2,80,60\r")
    code, out, err = _run(["validate", str(path)], capsys)
    assert code == 0, err
    assert "ok (2 actors, 1 issue, 2 stances)" in out


def test_bdm_table_errors_count_carriage_return_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"Actor,Capability,Position,Salience\rA,1,20,50\rB,x,80,60\r")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and f"{path}:3: Capability: expected a number, got 'x'" in _one_line(err)


def test_bdm_table_with_a_huge_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Actor,Capability,Position,Salience\nA,1,20,50\nB,2,80," + "6" * 140_000)
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2
    assert f"{path}:3: (document): not a readable CSV row: field larger than" in _one_line(err)


def test_bdm_table_with_a_huge_header(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Actor,Capability,Position,Salience" + "x" * 140_000 + "\nA,1,2,3\nB,1,3,4\n")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and f"{path}:1: (document): not a readable CSV header" in _one_line(err)


def test_bdm_table_after_blank_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_text("\n\n  \nActor;Capability;Position;Salience\nA;1;20;50\nB;2;80;60\n")
    code, _out, err = _run(["validate", str(path)], capsys)
    assert code == 0, err
    path.write_text("\n\nActor,Capability,Position,Salience\nA,1,20,50\nB,2,80,-6\n")
    code, _, err = _run(["validate", str(path)], capsys)
    assert code == 2 and f"{path}:5: Salience: must lie in 0–1 or 0–100" in _one_line(err)


def test_bdm_table_with_many_rows_of_one_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    rows = "".join(f"Same name,1,{k % 97},50\n" for k in range(3000))
    path.write_text("Actor,Capability,Position,Salience\n" + rows)
    start = time.monotonic()
    code, _out, err = _run(["validate", str(path)], capsys)
    assert code == 2 and f"{path}:3: Actor: duplicate actor 'Same name'" in err
    assert time.monotonic() - start < 10


def test_bdm_table_with_too_many_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    rows = "".join(f"a{k},1,{k % 97},50\n" for k in range(5001))
    path.write_text("Actor,Capability,Position,Salience\n" + rows)
    code, _, err = _run(["validate", str(path)], capsys)
    assert code == 2 and f"{path}:5002: (document): more than 5,000 actor rows" in err


def test_decide_record_with_a_huge_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.txt"
    path.write_text("#A\tA\tAlpha\n#P\tp\tp\n#A\tB\t" + "b" * 140_000 + "\n")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and f"{path}:3: record: not a readable record: field larger" in err
    _one_line(err)


@pytest.mark.parametrize("sep", ["\t", ";"])
def test_decide_quote_left_open_is_named_at_its_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sep: str
) -> None:
    path = tmp_path / "d.txt"
    rows = ["'#A'", "'A", "'Alpha'"], ["'#A'", "'B'", "'Beta'"], ["'#P'", "'p'", "'p'"]
    records = [sep.join(r) for r in rows]
    records += [
        sep.join(["'#D'", a, "'p'", x, "50", "1"]) for a, x in (("'A'", "10"), ("'B'", "90"))
    ]
    path.write_text("\n".join(records) + "\n")
    code, _, err = _run(["validate", str(path)], capsys)
    assert code == 2 and f"{path}:1: record: field 2: " in err and "a quote is not closed" in err
    _one_line(err)
    path.write_text(path.read_text().replace("'A" + sep, "'A'" + sep))
    assert _run(["validate", str(path)], capsys)[0] == 0


def test_decide_with_carriage_return_line_ends(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(
        b"#A\tA\tAlpha\r#A\tB\tBeta\r#P\tp\tp\r#D\tA\tp\t10\t50\t1\r#D\tB\tp\t90\t50\t2\r"
    )
    code, _out, err = _run(["validate", str(path)], capsys)
    assert code == 0, err


# -- existing files are not overwritten ---------------------------------------------------------


def test_export_onto_its_own_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "mine.yaml"
    text = "# my notes\n" + yaml.safe_dump(base(), sort_keys=False)
    path.write_text(text, encoding="utf-8")
    code, _, err = _run(["export", str(path), "--to", str(path)], capsys)
    assert code == 2 and f"{path}: file exists (use --force to overwrite)" in _one_line(err)
    assert path.read_text(encoding="utf-8") == text


def test_export_onto_an_existing_file_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "a.yaml", base())
    dst = tmp_path / "b.yaml"
    dst.write_text("kept\n", encoding="utf-8")
    code, _, err = _run(["export", str(src), "--to", str(dst)], capsys)
    assert code == 2 and "file exists" in _one_line(err)
    assert dst.read_text(encoding="utf-8") == "kept\n"
    code, _, _ = _run(["export", str(src), "--to", str(dst), "--force"], capsys)
    assert code == 0 and "kept" not in dst.read_text(encoding="utf-8")


def test_export_never_replaces_a_special_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "a.yaml", base())
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = _run(["export", str(src), "--to", str(fifo), "--force"], capsys)
    assert code == 2 and f"{fifo}: cannot write: is not a regular file" in _one_line(err)
    assert fifo.is_fifo()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args", [["forecast", "--draws", "0"], ["export", "istanbul-2025"], ["schema"]]
)
def test_output_on_a_full_disk_is_one_line(args: list[str]) -> None:
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "pourparler", *args],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=LIMIT_S,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 2
    assert "cannot write (No space left on device)" in _one_line(done.stderr)


def test_a_link_is_followed_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "a.yaml", base())
    kept = tmp_path / "shared"
    kept.mkdir()
    real = kept / "real.yaml"
    real.write_text("kept\n", encoding="utf-8")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    to_folder = tmp_path / "to-folder"
    to_folder.symlink_to(kept)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    to_fifo = tmp_path / "stdout"  # like /dev/stdout on a pipe
    to_fifo.symlink_to(fifo)
    for args in (["export", str(src)], ["init", "istanbul-2025"], ["schema"]):
        code, _, err = _run([*args, "--to", str(link)], capsys)
        assert code == 2 and f"{link}: file exists (use --force" in _one_line(err)
        for target, why in ((to_folder, "a folder"), (to_fifo, "not a regular file")):
            code, _, err = _run([*args, "--to", str(target)], capsys)
            assert code == 2 and "file exists" in _one_line(err)
            code, _, err = _run([*args, "--to", str(target), "--force"], capsys)
            assert code == 2 and f"{target}: cannot write: is {why}" in _one_line(err)
    code, _, err = _run(["report", str(src), "--to", str(to_fifo), "--force"], capsys)
    assert code == 2 and f"--to: {to_fifo}: not a regular file" in _one_line(err)
    assert real.read_text(encoding="utf-8") == "kept\n" and fifo.is_fifo()
    assert to_folder.is_symlink() and to_fifo.is_symlink() and list(kept.iterdir()) == [real]
    code, _, err = _run(["export", str(src), "--to", str(link), "--force"], capsys)
    assert code == 0, err  # the file the link names is written; the link stays
    assert link.is_symlink() and load_scenario(real).id == "mini"
    report = tmp_path / "report.html"
    report.symlink_to(real)
    code, _, err = _run(["report", str(src), "--to", str(report), "--force"], capsys)
    assert code == 0, err
    assert report.is_symlink() and real.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_report_db_that_is_a_folder_or_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "a.yaml", base())
    for db, why in ((tmp_path, "is a folder, not an evidence store"), (tmp_path / "no.db", "no")):
        code, _, err = _run(["report", str(src), "--db", str(db)], capsys)
        assert code == 2 and f"--db: {db}: {why}" in _one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_report_never_replaces_a_special_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "a.yaml", base())
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = _run(["report", str(src), "--to", str(fifo), "--force"], capsys)
    assert code == 2 and f"--to: {fifo}: not a regular file" in _one_line(err)
    assert fifo.is_fifo()


def test_report_into_a_folder_it_cannot_write(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import tempfile

    def refused(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    src = _write(tmp_path / "a.yaml", base())
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "out.html"
    code, _, err = _run(["report", str(src), "--to", str(target)], capsys)
    assert code == 2 and f"--to: {target}: cannot write here (Permission denied)" in _one_line(err)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_schema_onto_an_existing_file_needs_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = _write(tmp_path / "mine.yaml", base())
    before = mine.read_bytes()
    code, _, err = _run(["schema", "--to", str(mine)], capsys)
    assert code == 2 and f"{mine}: file exists (use --force to overwrite)" in _one_line(err)
    assert mine.read_bytes() == before
    code, _, _ = _run(["schema", "--to", str(mine), "--force"], capsys)
    assert code == 0 and mine.read_text(encoding="utf-8").startswith("{")


def test_written_files_get_the_usual_permissions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "a.yaml", base())
    mask = os.umask(0o022)
    try:
        for args in (
            ["init", "istanbul-2025", "--to", str(tmp_path / "copy.yaml")],
            ["export", str(src), "--to", str(tmp_path / "out.yaml")],
            ["schema", "--to", str(tmp_path / "schema.json")],
        ):
            code, _, err = _run(args, capsys)
            assert code == 0, err
    finally:
        os.umask(mask)
    for name in ("copy.yaml", "out.yaml", "schema.json"):
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644, name


# -- option utilities and bounds ----------------------------------------------------------------


def test_option_utility_keys_that_are_one_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = yaml.safe_dump(base(), sort_keys=False)
    old = "  option_utilities:\n    0: 0.0\n    100: 1.0\n"
    assert old in doc
    path = tmp_path / "s.yaml"
    path.write_text(doc.replace(old, "  option_utilities: {100: 1.0, 100.0: 0.5, 0x64: 0.2}\n"))
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2
    assert "stances[4].option_utilities.100.0: duplicate key (the same key as '100'" in err
    assert "(and 1 more problem)" in _one_line(err)


def test_option_utility_keys_that_are_one_number_once_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = yaml.safe_dump(base(), sort_keys=False)
    old = "  option_utilities:\n    0: 0.0\n    100: 1.0\n"
    path = tmp_path / "s.yaml"
    path.write_text(doc.replace(old, "  option_utilities: {'100': 1.0, 100: 0.5}\n"))
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2
    assert "stances[4].option_utilities: keys '100' and 100 name the same option value 100" in err
    _one_line(err)


def test_option_utility_key_off_the_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base()
    data["stances"][4]["option_utilities"] = {0: 0.0, 25: 0.5, 100: 1.0}
    path = _write(tmp_path / "s.yaml", data)
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2
    assert "stances[4].option_utilities: 25 is not an option value of issue 'pows'" in err
    _one_line(err)


@pytest.mark.parametrize(
    ("where", "value", "field"),
    [
        (("actors", 0, "capability"), 1e308, "actors[0].capability"),
        (("actors", 0, "capability_sd"), 1e7, "actors[0].capability_sd"),
        (("actors", 0, "no_deal", "monthly_cost"), 5.0, "actors[0].no_deal.monthly_cost"),
        (("stances", 0, "uncertainty", "position"), 1e300, "stances[0].uncertainty.position"),
        (("stances", 0, "uncertainty", "salience"), 2.0, "stances[0].uncertainty.salience"),
        (("stances", 1, "uncertainty"), 101, "stances[1].uncertainty.position"),
    ],
)
def test_numbers_are_bounded(
    tmp_path: Path,
    where: tuple[str | int, ...],
    value: float,
    field: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = base()
    node = data
    for part in where[:-1]:
        node = node[part]
    node[where[-1]] = value
    path = _write(tmp_path / "s.yaml", data)
    code, _, err = _run(["forecast", str(path), "--draws", "0"], capsys)
    assert code == 2 and f"{field}: Input should be less than or equal to" in _one_line(err)


def test_bdm_capability_is_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Actor,Capability,Position,Salience\nA,1e308,20,50\nB,2,80,60\n")
    code, _, err = _run(["forecast", str(path)], capsys)
    assert code == 2 and f"{path}:2: Capability: must be at most 1e+06" in _one_line(err)


def test_bdm_positions_spanning_all_floats_are_rescaled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Actor,Capability,Position,Salience\nA,1,1e308,50\nB,2,-1e308,60\n")
    code, _out, err = _run(["show", str(path), "--json"], capsys)
    assert code == 0, err


def test_decide_power_is_bounded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.txt"
    path.write_text("#A\tA\tAlpha\n#A\tB\tBeta\n#P\tp\tp\n#D\tA\tp\t10\t50\t1e308\n")
    code, _, err = _run(["forecast", str(path)], capsys)
    assert code == 2 and f"{path}:4: #D power: must be non-negative and at most 1e+06" in err
    _one_line(err)


def test_decide_with_too_many_actors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.txt"
    path.write_text("".join(f"#A\ta{k}\tA\n" for k in range(5001)) + "#P\tp\tp\n")
    code, _, err = _run(["show", str(path)], capsys)
    assert code == 2 and f"{path}:5001: #A: more than 5,000 records" in _one_line(err)


def test_decide_scale_spanning_all_floats(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.txt"
    path.write_text(
        "#A\tA\tAlpha\n#A\tB\tBeta\n#P\tp\tp\n#M\tp\t-1e308\tlow\n#M\tp\t1e308\thigh\n"
        "#D\tA\tp\t1e308\t50\t1\n#D\tB\tp\t-1e308\t50\t2\n"
    )
    code, _out, err = _run(["show", str(path), "--json"], capsys)
    assert code == 0 and err == ""


# -- GENIUS folders through every command -------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [["show"], ["validate"], ["forecast", "--draws", "0"], ["sensitivity"], ["export"]],
)
def test_genius_folder_is_read_by_every_command(
    tmp_path: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _genius_folder(tmp_path / "g")
    code, out, err = _run([*args[:1], str(folder), *args[1:]], capsys)
    assert code == 0, err
    assert out


def test_genius_domain_file_is_read_by_show(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _genius_folder(tmp_path / "g")
    (domain,) = folder.glob("*-domain.xml")
    code, out, err = _run(["show", str(domain), "--json"], capsys)
    assert code == 0, err
    assert len(yaml.safe_load(out)["actors"]) == 3


# -- displayed text -----------------------------------------------------------------------------


def test_show_prints_markup_and_escapes_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = base()
    data["title"] = "Talks [/] \x1b[31mred[bold]"
    data["description"] = "line one\nline [/i] two"
    data["actors"][0]["name"] = "Russia [/]"
    data["issues"][0]["options"][0]["label"] = "member\x1b[2J[/]"
    path = _write(tmp_path / "s.yaml", data)
    code, out, err = _run(["show", str(path)], capsys)
    assert code == 0, err
    assert "\x1b" not in out
    assert "Talks [/] \\x1b[31mred[bold]" in out
    assert "line one\\nline [/i] two" in out
    assert "Russia [/]" in out and "member\\x1b[2J[/]" in out


def test_validate_lines_stay_one_line_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write(tmp_path / "good\nname.yaml", base())
    bad = tmp_path / "bad\nname\x1b[31m.yaml"
    bad.write_text("id: x\n- y\n", encoding="utf-8")
    code, out, err = _run(["validate", str(good), str(bad)], capsys)
    assert code == 2
    assert out.count("\n") == 1 and "good\\nname.yaml: ok" in out
    assert err.count("\n") == 1 and "bad\\nname\\x1b[31m.yaml:2: (document): not valid YAML" in err


def _undecodable(folder: Path, name: bytes) -> Path:
    """A path in ``folder`` whose name's bytes are not UTF-8 (Python keeps them as lone
    surrogates); skipped where the file system refuses such names."""
    path = folder / os.fsdecode(name)
    try:
        path.touch()
        path.unlink()
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    return path


def test_file_names_that_are_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    war = base() | {
        "battlefield": {"side_a": "RU", "side_b": "UA", "steps": 10, "start": 5, "p": 0.55},
    }  # the report shows the command that simulates it, naming the file
    yaml_file = _write(_undecodable(tmp_path, b"mine\xfe.yaml"), war)
    bdm = _undecodable(tmp_path, b"table\xfe.csv")
    bdm.write_text("Actor,Capability,Position,Salience\nA,0.5,10,80\nB,0.4,90,60\n")
    decide = _undecodable(tmp_path, b"decide\xfe.txt")
    decide.write_text(
        "#A\tA\tAlpha\n#A\tB\tBeta\n#P\tp\tp\n#D\tA\tp\t10\t50\t1\n#D\tB\tp\t90\t50\t2\n"
    )
    genius = _undecodable(tmp_path, b"domain\xfe")
    files = write_genius(build_space(random_scenario(3, 2, 3, 2)), genius)
    files[1].rename(genius / os.fsdecode(b"profile\xfb.xml"))
    for path, title in (
        (bdm, "Imported from table\\xfe.csv"),
        (decide, "Imported from decide\\xfe.txt"),
        (genius, "GENIUS domain domain\\xfe"),
    ):
        code, out, err = _run(["show", str(path)], capsys)
        assert code == 0 and err == "" and out.startswith(title), (path, err)
    code, out, _ = _run(["export", str(genius)], capsys)
    assert code == 0 and "name: profile\\xfb" in out
    code, out, _ = _run(["validate", str(yaml_file)], capsys)  # names printed as \xNN
    assert code == 0 and out == f"{tmp_path}/mine\\xfe.yaml: ok (3 actors, 2 issues, 5 stances)\n"
    changed = ["compare", str(yaml_file), "--set", "RU.capability=0.5", "--runs", "100"]
    code, out, _ = _run([*changed, "--draws", "0", "--json"], capsys)  # JSON escapes them
    assert code == 0 and json.loads(out)["a"]["label"] == str(yaml_file)
    for path in (yaml_file, bdm, decide, genius):  # the report names its scenario's file
        target = tmp_path / "report.html"
        args = ["report", str(path), "--to", str(target), "--force", "--runs", "100"]
        code, _, err = _run(args, capsys)
        assert code == 0 and "Traceback" not in err, err
        assert "\\xfe" in target.read_text(encoding="utf-8")


def test_unusable_file_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["show", "x" * 5000], capsys)
    assert code == 2 and "File name too long" in _one_line(err)
    code, _, err = _run(["show", "a\x00b.yaml"], capsys)
    assert code == 2 and "a\\x00b.yaml: (document): no such file" in _one_line(err)


@pytest.mark.parametrize(
    ("command", "most"),
    [("compare", "1,000,000"), ("simulate", "1,000,000"), ("report", "100,000")],
)
@pytest.mark.parametrize("runs", ["0", "1000001"])
def test_runs_out_of_range_is_worded_alike_by_every_command(
    command: str, most: str, runs: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    extra = {
        "compare": ["--set", "RU.capability=0.5"],
        "report": ["--to", str(tmp_path / "r.html")],
    }
    code, out, err = _run(
        [command, "istanbul-2025", *extra.get(command, []), "--runs", runs], capsys
    )
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"pourparler: error: --runs: {runs}: expected a whole number from 1 to {most}\n"
    )
    assert not (tmp_path / "r.html").exists()


@pytest.mark.parametrize("change", ["RU.capability=1e-320", "RU.nato.salience=1e-320"])
def test_a_weight_near_zero_prints_no_numpy_warning(
    change: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the exchange model divides by the weight: the move overflows to inf, which no exchange
    # can make; numpy's overflow warning used to reach the terminal (two lines)
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        args = ["forecast", "istanbul-2025", "--set", change, "--draws", "0"]
        code, out, err = _run(args, capsys)
    assert code == 0 and "nato" in out
    assert err == "" and [str(w.message) for w in caught] == []


@pytest.mark.parametrize(
    ("args", "command", "option"),
    [
        (["deals", "--track", "ceasefire", "--track", "security"], "deals", "--track"),
        (["forecast", "--seed", "1", "--draws", "0", "--seed=2"], "forecast", "--seed"),
        (["evidence", "claims", "--actor", "RU", "--actor", "UA"], "evidence claims", "--actor"),
    ],
)
def test_an_option_of_one_value_given_twice_is_refused(
    args: list[str], command: str, option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # the parser kept the last value without a word (deals analysed the security track only)
    code, out, err = _run(args, capsys)
    assert code == 2 and out == ""
    assert _one_line(err) == (
        f"pourparler: error: {command}: {option}: given more than once; give it once "
        f"(see 'pourparler {command} --help')\n"
    )


def test_options_that_take_many_values_and_flags_may_repeat(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["show", "istanbul-2025", "--set", "RU.capability=0.5", "--set", "UA.capability=0.4"]
    code, out, err = _run([*args, "--json", "--json"], capsys)
    assert code == 0 and err == ""
    assert json.loads(out)["actors"]

"""``evidence review --list`` fits the terminal: at 80 and 60 columns no line is wider, each long
sentence is cut at a word with ``…`` (whole with ``--full``, and always in ``--json``), and the
claims come one document at a time, in the order the documents were added, each document's
claims in the order of its text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len

from pourparler.cli.app import main
from pourparler.cli.evidence_review import cut_to_cells

LATER = (
    "Ukraine rejects the withdrawal of its troops from the four regions, which its negotiators "
    "described at length in Istanbul as a demand that no government in Kyiv could accept.\n\n"
    "Russia demands that Ukraine withdraw from the four regions before any ceasefire, a "
    "condition its delegation repeated on every day of the talks and to the press afterwards.\n"
)
EARLIER = (
    "The United States offered security guarantees to Ukraine, in a plan its envoys presented "
    "to European and Ukrainian representatives in Paris and then again in London in April.\n"
)
HEADING = re.compile(r"^#(\d+) \[pending\] .*@(\d+)$")


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int, *args: str
) -> str:
    from pourparler.cli import common

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(common, "_console", None)
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    assert exc.value.code == 0, out.err
    return out.out


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    """Two documents, the later-dated one added first (the store lists claims by date)."""
    path = tmp_path / "e.db"
    for name, text, date in (
        ("later.txt", LATER, "2025-06-01"),
        ("earlier.txt", EARLIER, "2025-01-01"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
        args = ("evidence", "add", str(tmp_path / name), "--db", str(path), "--date", date)
        _run(capsys, monkeypatch, 200, *args)
    return path


def _claims(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[dict[str, Any]]:
    out = _run(capsys, monkeypatch, 80, "evidence", "review", "--list", "--json", "--db", str(db))
    claims: list[dict[str, Any]] = json.loads(out)["claims"]
    return claims


@pytest.mark.parametrize("width", [80, 60])
def test_list_fits_the_width_with_sentences_cut_at_a_word(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    claims = _claims(db, capsys, monkeypatch)
    assert len({c["document_id"] for c in claims}) == 2 and len(claims) >= 3
    out = _run(capsys, monkeypatch, width, "evidence", "review", "--list", "--db", str(db))
    lines = out.splitlines()
    wide = [line for line in lines if cell_len(line) > width]
    assert not wide, wide
    shown = [line.split(": ", 1)[1] for line in lines if line.startswith("  sentence: ")]
    assert len(shown) == len(claims)
    sentences = {c["sentence"] for c in claims}
    assert all(cell_len(s) > width for s in sentences)  # every one needs cutting
    for text in shown:
        assert text.endswith(" …")
        head = text[: -len(" …")]
        assert any(s.startswith(head) and s[len(head)] == " " for s in sentences), text


def test_list_goes_document_by_document_in_the_order_of_the_text(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = {c["id"]: c for c in _claims(db, capsys, monkeypatch)}
    out = _run(capsys, monkeypatch, 80, "evidence", "review", "--list", "--db", str(db))
    listed = [HEADING.match(line) for line in out.splitlines()]
    order = [int(m.group(1)) for m in listed if m]
    assert sorted(order) == sorted(claims)
    keys = [(claims[i]["document_id"], claims[i]["raw_start"]) for i in order]
    assert keys == sorted(keys)
    assert [claims[i]["raw_start"] for i in order] == [int(m.group(2)) for m in listed if m]
    # the store's own order (by date) puts the earlier-dated document, added second, first
    assert list(claims) != order
    documents = [line for line in out.splitlines() if line.startswith("doc ")]
    assert [d.split()[:3] for d in documents] == [
        ["doc", "1", "2025-06-01"],
        ["doc", "2", "2025-01-01"],
    ]


def test_full_shows_whole_sentences_wrapped_to_the_width(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = _claims(db, capsys, monkeypatch)
    out = _run(capsys, monkeypatch, 60, "evidence", "review", "--list", "--full", "--db", str(db))
    assert all(cell_len(line) <= 60 for line in out.splitlines())
    flat = " ".join(out.split())
    assert "…" not in out
    for c in claims:
        assert " ".join(c["sentence"].split()) in flat


def test_cut_to_cells_keeps_words_whole_and_counts_wide_characters() -> None:
    assert cut_to_cells("short enough", 12) == "short enough"
    assert cut_to_cells("one two three four", 12) == "one two …"
    assert cut_to_cells("abcdefghijklmnop", 8) == "abcdef …"  # one long word: cut inside it
    cut = cut_to_cells("戦争 と 平和 の 交渉 は 続く", 12)
    assert cut == "戦争 と …"  # "戦争 と 平和 …" would take 14 cells

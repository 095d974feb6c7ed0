"""What the ``pourparler deals`` tables say, on small hand-made agendas: tied obstacles shown as
ties, tiny concessions not printed as 0.000, actors without stances shown as "—", and no
obstacle named when the zone exists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from pourparler.cli.app import main

BORDER = Path(__file__).parent / "data" / "deals" / "border.yaml"
OPTS = [{"value": 0, "label": "low"}, {"value": 100, "label": "high"}]


def _logroll(d_p: float, d_q: float, bystander: bool = False) -> dict[str, Any]:
    """P values A twice as much as B and wants both high; Q the mirror image, wanting both low:
    u_P = 2/3 [A high] + 1/3 [B high], u_Q = 1/3 [A low] + 2/3 [B low]."""
    actors = [
        {"id": "P", "name": "P", "capability": 1, "veto": True, "no_deal": {"utility": d_p}},
        {"id": "Q", "name": "Q", "capability": 1, "veto": True, "no_deal": {"utility": d_q}},
    ]
    if bystander:
        actors.append({"id": "G", "name": "G", "capability": 0.5, "veto": False})
    return {
        "id": "logroll",
        "title": "Logrolling",
        "actors": actors,
        "issues": [
            {"id": "A", "name": "A", "status_quo": 0, "options": OPTS},
            {"id": "B", "name": "B", "status_quo": 0, "options": OPTS},
        ],
        "stances": [
            {"actor": "P", "issue": "A", "position": 100, "salience": 1.0},
            {"actor": "P", "issue": "B", "position": 100, "salience": 0.5},
            {"actor": "Q", "issue": "A", "position": 0, "salience": 0.5},
            {"actor": "Q", "issue": "B", "position": 0, "salience": 1.0},
        ],
    }


def _deals(tmp_path: Path, capsys, doc: dict[str, Any], *args: str) -> str:
    path = tmp_path / "s.yaml"
    path.write_text(yaml.safe_dump(doc))
    with pytest.raises(SystemExit) as exc:
        main(["deals", str(path), *args])
    assert exc.value.code == 0
    return capsys.readouterr().out


def test_tied_obstacles_are_listed_as_ties(tmp_path, capsys):
    # d = 0.7 for both: no package gives both 0.7 (the trades give 2/3 each); either side lowering
    # its no-deal value by the same 0.7 opens the zone: a tie, not a principal obstacle
    doc = _logroll(0.7, 0.7)
    r = json.loads(_deals(tmp_path, capsys, doc, "--json"))
    ob = r["obstacle"]
    assert r["zone"]["empty"] and ob["kind"] == "no_deal" and ob["actor"] == "P"
    assert [(t["kind"], t["actor"]) for t in ob["tied_with"]] == [("no_deal", "Q")]
    assert ob["tied_with"][0]["fraction_of_range"] == ob["fraction_of_range"]
    out = " ".join(_deals(tmp_path, capsys, doc).split())
    assert "Principal obstacle: no deal of P" in out and "tied with: no deal of Q" in out


def test_an_untied_obstacle_lists_no_ties(tmp_path, capsys):
    doc = _logroll(0.7, 0.75)
    r = json.loads(_deals(tmp_path, capsys, doc, "--json"))
    assert r["obstacle"]["tied_with"] == []
    assert "tied with" not in _deals(tmp_path, capsys, doc)


def test_a_tiny_concession_is_not_printed_as_zero(tmp_path, capsys):
    # P asks 0.0002 more than the best trade (2/3) gives it: it must give up 0.0002 and B
    doc = _logroll(2 / 3 + 0.0002, 0.5)
    r = json.loads(_deals(tmp_path, capsys, doc, "--json"))
    [p] = [c for c in r["concessions"] if c["actor"] == "P"]
    assert p["utility"] == pytest.approx(0.0002, abs=1e-9) and p["issues"]
    out = _deals(tmp_path, capsys, doc)
    [row] = [line for line in out.splitlines() if line.strip("│ ").startswith("P ")]
    assert "< 0.001" in row and "0.000" not in row


def test_an_actor_without_stances_shows_a_dash_not_a_utility(tmp_path, capsys):
    doc = _logroll(0.2, 0.2, bystander=True)
    out = _deals(tmp_path, capsys, doc)
    [row] = [line for line in out.splitlines() if line.startswith("│ G ")]
    assert "—" in row and "0.000" not in row.split("│")[3:]
    [row_p] = [line for line in out.splitlines() if line.startswith("│ P* ")]
    assert "0.667" in row_p  # parties keep their numbers


def test_no_obstacle_is_named_when_the_zone_exists(capsys):
    with pytest.raises(SystemExit):
        main(["deals", str(BORDER)])
    out = " ".join(capsys.readouterr().out.split())
    assert "Principal obstacle: none (the agreement zone is not empty)." in out
    assert "Principal obstacle: red line" not in out and "Principal obstacle: no deal" not in out
    assert "Widening the zone:" in out


def test_an_empty_zone_names_its_obstacle(tmp_path, capsys):
    out = " ".join(_deals(tmp_path, capsys, _logroll(0.7, 0.75)).split())
    assert "Principal obstacle: no deal of" in out and "opens the zone" in out
    assert "Widening the zone" not in out

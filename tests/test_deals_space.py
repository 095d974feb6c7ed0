"""Package space utilities (worked example), GENIUS XML import/export, and the deals command."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from pourparler.cli.app import main
from pourparler.deals import build_space
from pourparler.deals.genius import scenario_from_genius, write_genius
from pourparler.deals.synthetic import random_scenario
from pourparler.errors import InputError
from pourparler.scenario import Scenario
from scenario_samples import base

BORDER = Path(__file__).parent / "data" / "deals" / "border.yaml"


def test_utilities_worked_example():
    space = build_space(Scenario.model_validate(base()))
    # RU: nato position 100, salience .9 -> .9 * (0, .5, 1); pows position 60, salience .3 ->
    # .3 * (.4, .6) - .3 * .4 = (0, .06); span .96
    np.testing.assert_allclose(space.utility[0], np.array([0, 0.45, 0.9, 0, 0.06]) / 0.96)
    # UA: nato position 10, salience .8 -> .8 * (.9, .6, .1) - .08 = (.64, .4, 0);
    # pows option_utilities (0, 1) * .7; span 1.34
    np.testing.assert_allclose(space.utility[1], np.array([0.64, 0.4, 0, 0, 0.7]) / 1.34)
    # RU's red line [80, 100] on nato leaves only the 100 option
    assert space.allowed[0].tolist() == [False, False, True, True, True]
    assert space.reservation.tolist() == [0.4, 0.0, 0.0]
    assert space.parties.tolist() == [True, True, False]
    assert space.size == 6


def test_package_utilities_span_zero_to_one():
    space = build_space(random_scenario(4, 5, (2, 5), 11, explicit_share=0.5))
    for a in range(space.n_actors):
        lo = sum(
            space.utility[a, s:e].min()
            for s, e in zip(space.offsets[:-1], space.offsets[1:], strict=True)
        )
        hi = sum(
            space.utility[a, s:e].max()
            for s, e in zip(space.offsets[:-1], space.offsets[1:], strict=True)
        )
        assert lo == pytest.approx(0.0) and hi == pytest.approx(1.0)


def test_quadratic_loss_and_perceived_reservation():
    data = base()
    data["actors"][0]["no_deal"] = {"utility": 0.4, "trend": 0.01, "horizon_months": 10}
    sc = Scenario.model_validate(data)
    lin = build_space(sc)
    quad = build_space(sc, loss="quadratic", reservation="perceived")
    assert not np.allclose(lin.utility, quad.utility)
    assert quad.reservation[0] == pytest.approx(sc.actors[0].no_deal.perceived_utility())
    with pytest.raises(InputError, match=r"^loss: 'cubic'"):  # the parameter, not a flag
        build_space(sc, loss="cubic")  # type: ignore[arg-type]


def test_genius_round_trip_keeps_utilities_and_reservations(tmp_path):
    space = build_space(random_scenario(3, 4, (2, 5), 5, explicit_share=0.5))
    write_genius(space, tmp_path)
    again = build_space(scenario_from_genius(tmp_path))
    np.testing.assert_allclose(again.utility, space.utility, atol=1e-12)
    np.testing.assert_allclose(again.reservation, space.reservation, atol=1e-12)
    assert again.issue_ids == space.issue_ids
    assert again.option_labels == space.option_labels


def test_genius_reservation_is_mapped_onto_the_package_scale(tmp_path):
    (tmp_path / "d.xml").write_text(
        '<negotiation_template><utility_space><objective name="root">'
        '<issue name="Price" type="discrete" index="1"><item index="1" value="low"/>'
        '<item index="2" value="high"/></issue></objective></utility_space></negotiation_template>'
    )
    (tmp_path / "buyer.xml").write_text(
        '<utility_space><objective name="root"><issue name="Price" index="1" type="discrete">'
        '<item index="1" value="low" evaluation="4"/><item index="2" value="high" evaluation="2"/>'
        '</issue><weight index="1" value="1.0"/></objective><reservation value="0.75"/>'
        "</utility_space>"
    )
    sc = scenario_from_genius(tmp_path)
    # GENIUS utilities: low 1.0, high 0.5; reservation .75 sits half-way on the package scale
    assert sc.actors[0].no_deal.utility == pytest.approx(0.5)
    assert sc.stances[0].option_utilities == {0.0: 1.0, 100.0: 0.5}
    assert sc.actors[0].veto is True


def test_genius_folder_without_domain_is_bad_input(tmp_path):
    (tmp_path / "p.xml").write_text("<utility_space><objective/></utility_space>")
    with pytest.raises(InputError, match="domain"):
        scenario_from_genius(tmp_path)


def _run(args: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 0


def test_cli_json_has_the_documented_shape(capsys):
    _run(["deals", str(BORDER), "--json"])
    out = json.loads(capsys.readouterr().out)
    for key in ("scenario_hash", "version", "parameters", "zone", "frontier", "points"):
        assert key in out
    assert out["zone"]["size"] == 4 and out["zone"]["method"] == "enumeration"
    assert set(out["points"]) == {
        "nash",
        "weighted_nash",
        "kalai_smorodinsky",
        "utilitarian",
        "egalitarian",
    }
    assert out["points"]["nash"]["package"]["line"] == "current front"
    assert out["spoilers"][0]["actor"] == "X"


def test_cli_milp_and_enumeration_agree(capsys):
    _run(["deals", str(BORDER), "--json", "--method", "milp"])
    milp = json.loads(capsys.readouterr().out)
    _run(["deals", str(BORDER), "--json", "--method", "enumeration"])
    enum = json.loads(capsys.readouterr().out)
    assert milp["zone"]["size"] == enum["zone"]["size"] == 4
    assert milp["zone"]["size_method"] == "enumeration"
    for name in ("nash", "weighted_nash", "utilitarian"):
        assert milp["points"][name]["package"] == enum["points"][name]["package"]
        assert milp["points"][name]["method"] != enum["points"][name]["method"]


def test_cli_reads_a_genius_folder_and_prints_tables(tmp_path, capsys):
    write_genius(build_space(random_scenario(3, 3, 3, 2)), tmp_path)
    _run(["deals", str(tmp_path)])
    out = capsys.readouterr().out
    assert "Agreement zone" in out and "Bargaining points" in out


def test_cli_tables_state_each_method_and_what_a_spoiler_changes(capsys):
    _run(["deals", str(BORDER)])
    out = capsys.readouterr().out
    # the principal obstacle and the spoiler's joined zone name their method (literal brackets,
    # not swallowed as console markup)
    assert "enlarges the zone most (+3 packages) [enumeration]" in " ".join(out.split())
    assert "the zone and weighted Nash point by enumeration" in out
    spoiler_rows = out[out.index("Spoilers") :].splitlines()
    assert any(line.startswith("│ X ") and " 2 │" in line for line in spoiler_rows)
    assert "Best packages in the zone" in out and "method: enumeration" in out
    assert "changes on army" in out


def test_spoiler_joining_reports_the_issues_its_point_changes(capsys):
    _run(["deals", str(BORDER), "--json"])
    r = json.loads(capsys.readouterr().out)
    [x] = r["spoilers"]
    joined = x["if_at_table"]["weighted_nash"]["package"]
    chosen = r["points"]["weighted_nash"]["package"]
    assert x["if_at_table"]["changed_issues"] == [i for i in chosen if joined[i] != chosen[i]]
    assert x["if_at_table"]["changed_issues"] == ["army"]
    assert joined["guarantees"] in ("consultative", "binding")  # X's red line now binds
    assert x["if_at_table"]["weighted_nash"]["utility"]["X"] >= 0.3  # so does its no-deal value
    # concessions of a zone that exists are known from the zone itself
    assert {c["method"] for c in r["concessions"]} == {r["zone"]["method"]}


def test_cli_bad_method_exits_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", str(BORDER), "--method", "guess"])
    assert exc.value.code == 2
    assert "--method" in capsys.readouterr().err


def test_cli_broken_genius_folder_exits_2(tmp_path, capsys):
    (tmp_path / "domain.xml").write_text("<negotiation_template><utility_space>")
    with pytest.raises(SystemExit) as exc:
        main(["deals", str(tmp_path)])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert "domain.xml" in err and len(err.strip().splitlines()) == 1


def _genius_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "g"
    write_genius(build_space(random_scenario(2, 2, 3, 4)), folder)
    return folder  # domain-domain.xml, a0.xml, a1.xml; issues i0, i1; values o0, o1, o2


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _break_genius(case: str, folder: Path) -> Path:
    """Damage a good GENIUS folder in one way; returns the path to pass to ``deals``."""
    if case == "missing folder":
        return folder / "absent"
    if case == "empty folder":
        for f in folder.iterdir():
            f.unlink()
    elif case == "no profiles":
        for f in folder.glob("a*.xml"):
            f.unlink()
    elif case == "malformed profile":
        (folder / "a1.xml").write_text("<utility_space><objective")
    elif case == "profile issue not in domain":
        _edit(folder / "a0.xml", 'name="i1"', 'name="bogus"')
    elif case == "profile value not in domain":
        _edit(folder / "a0.xml", 'value="o2"', 'value="zzz"')
    elif case == "extra issue in profile":
        extra = (
            '<issue index="9" type="discrete" name="bogus"><item index="1" value="x" '
            'evaluation="1" /></issue><weight index="9" value="0.5" /></objective>'
        )
        _edit(folder / "a0.xml", "</objective>", extra)
    elif case == "two domains":
        (folder / "other-domain.xml").write_text((folder / "domain-domain.xml").read_text())
    elif case == "reservation not a number":
        _edit(folder / "a1.xml", '<reservation value="', '<reservation value="x')
    elif case == "reservation above the best outcome":
        text = (folder / "a1.xml").read_text()
        start = text.index('<reservation value="') + len('<reservation value="')
        end = text.index('"', start)
        (folder / "a1.xml").write_text(text[:start] + "1.5" + text[end:])
    elif case == "profile file given":
        return folder / "a0.xml"
    return folder


GENIUS_DAMAGE = {
    "missing folder": ("absent", "no such file"),
    "empty folder": ("(folder)", "no GENIUS domain"),
    "no profiles": ("(folder)", "no GENIUS utility profile"),
    "malformed profile": ("a1.xml", "not readable GENIUS XML"),
    "profile issue not in domain": ("a0.xml", "'bogus': not an issue of the domain"),
    "profile value not in domain": ("a0.xml", "'zzz' is not in the domain"),
    "extra issue in profile": ("a0.xml", "'bogus': not an issue of the domain"),
    "two domains": ("(folder)", "more than one GENIUS domain"),
    "reservation not a number": ("a1.xml", "reservation: not a number"),
    "reservation above the best outcome": ("a1.xml", "above the profile's best outcome"),
    "profile file given": ("a0.xml", "not a GENIUS domain"),
}


@pytest.mark.parametrize("case", sorted(GENIUS_DAMAGE))
def test_cli_bad_genius_input_exits_2_with_one_line(tmp_path, capsys, case):
    target = _break_genius(case, _genius_folder(tmp_path))
    with pytest.raises(SystemExit) as exc:
        main(["deals", str(target), "--json"])
    assert exc.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.strip().splitlines()
    where, what = GENIUS_DAMAGE[case]
    assert where in line and what in line
    assert "Traceback" not in captured.err


def test_genius_domain_file_reads_like_its_folder(tmp_path):
    folder = _genius_folder(tmp_path)
    by_folder = scenario_from_genius(folder)
    by_file = scenario_from_genius(folder / "domain-domain.xml")
    assert by_file.digest() == by_folder.digest()
    # with a second domain beside it, naming one picks it
    (folder / "other-domain.xml").write_text((folder / "domain-domain.xml").read_text())
    assert scenario_from_genius(folder / "other-domain.xml").digest() == by_folder.digest()


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("id: x\nactors: [\n", "not valid YAML"),
        ("id: x\ntitle: t\nactors: []\nissues: []\nstances: []\n", "actors"),
    ],
)
def test_cli_bad_scenario_file_exits_2_with_one_line(tmp_path, capsys, text, what):
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(SystemExit) as exc:
        main(["deals", str(path), "--json"])
    assert exc.value.code == 2
    [line] = capsys.readouterr().err.strip().splitlines()
    assert "bad.yaml" in line and what in line


def test_forced_enumeration_of_a_huge_space_is_refused():
    from pourparler.deals import analyse_space

    space = build_space(random_scenario(2, 12, 6, 1))  # 6^12 = 2.2e9 packages, no red lines
    with pytest.raises(InputError, match=r"^method: enumeration: .* use method milp"):
        analyse_space(space, method="enumeration")


def test_auto_never_enumerates_past_the_ceiling_whatever_the_limit():
    from pourparler.deals.points import ENUMERATION_CEILING, choose_method

    space = build_space(random_scenario(2, 12, 6, 1))  # 2.2e9 packages inside the red lines
    assert space.size > ENUMERATION_CEILING
    assert choose_method(space, "auto", limit=10**15) == "milp"


def test_a_zone_too_large_to_keep_is_counted_exactly():
    from pourparler.deals.enumeration import count_zone, enumerate_zone

    space = build_space(random_scenario(3, 5, 6, 8, reservation=(0.1, 0.3)))
    full = enumerate_zone(space, space.parties)
    assert full.stored and full.size > 1000
    capped = enumerate_zone(space, space.parties, chunk=1 << 10, max_rows=1000)
    assert not capped.stored and capped.size == full.size and len(capped.choices) == 0
    assert count_zone(space, space.parties) == full.size


def _logroll() -> Scenario:
    """Two parties, two issues, each caring twice as much about a different one."""
    opts = [{"value": 0, "label": "low"}, {"value": 100, "label": "high"}]
    return Scenario.model_validate(
        {
            "id": "logroll",
            "title": "Logrolling",
            "actors": [
                {
                    "id": "P",
                    "name": "P",
                    "capability": 1,
                    "veto": True,
                    "no_deal": {"utility": 0.2},
                },
                {
                    "id": "Q",
                    "name": "Q",
                    "capability": 1,
                    "veto": True,
                    "no_deal": {"utility": 0.2},
                },
            ],
            "issues": [
                {"id": "A", "name": "A", "status_quo": 0, "options": opts},
                {"id": "B", "name": "B", "status_quo": 0, "options": opts},
            ],
            "stances": [
                {"actor": "P", "issue": "A", "position": 100, "salience": 1.0},
                {"actor": "P", "issue": "B", "position": 100, "salience": 0.5},
                {"actor": "Q", "issue": "A", "position": 0, "salience": 0.5},
                {"actor": "Q", "issue": "B", "position": 0, "salience": 1.0},
            ],
        }
    )


@pytest.mark.parametrize("method", ["enumeration", "milp"])
def test_logrolling_worked_example(method):
    # u_P(A, B) = 2/3 [A high] + 1/3 [B high]; u_Q = 1/3 [A low] + 2/3 [B low]; d = 0.2.
    # Zone: (high, low) -> (2/3, 2/3) and (low, high) -> (1/3, 1/3); every solution trades A for B.
    from pourparler.deals import analyse_space

    r = analyse_space(build_space(_logroll()), method=method).to_data()
    assert r["zone"]["empty"] is False
    assert r["zone"]["size"] == 2
    for name, point in r["points"].items():
        assert point["package"] == {"A": "high", "B": "low"}, name
        assert point["utility"]["P"] == pytest.approx(2 / 3)
    assert r["points"]["egalitarian"]["objective"] == pytest.approx(2 / 3 - 0.2)
    assert r["points"]["kalai_smorodinsky"]["objective"] == pytest.approx(1.0)
    assert r["frontier"]["overall"]["size"] == 3  # (low, high) is dominated
    assert r["frontier"]["zone"]["size"] == 1

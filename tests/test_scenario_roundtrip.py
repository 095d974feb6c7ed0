"""Import -> export -> import is lossless, for generated scenarios and for every input format."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pourparler.scenario import Scenario, load_scenario
from pourparler.scenario.yaml_io import dump_yaml, loads_yaml_scenario
from scenario_samples import base

ids = st.from_regex(r"[A-Za-z][A-Za-z0-9_.\-]{0,11}", fullmatch=True)
texts = st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=20).filter(
    lambda s: s.strip() != ""
)
unit = st.floats(0, 1, allow_nan=False)
point = st.floats(0, 100, allow_nan=False)


@st.composite
def scenarios(draw: st.DrawFn) -> dict[str, Any]:
    n_sources = draw(st.integers(0, 3))
    source_ids = draw(st.lists(ids, min_size=n_sources, max_size=n_sources, unique=True))
    sources = [
        {
            "id": s,
            "title": draw(texts),
            "date": draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
            "confidence": draw(unit),
            "hindsight": draw(st.sampled_from(["", "a later report of a document held then"])),
        }
        for s in source_ids
    ]

    def cites() -> list[dict[str, str]]:
        if not source_ids:
            return []
        chosen = draw(st.lists(st.sampled_from(source_ids), max_size=2))
        return [{"source": s, "note": draw(texts)} for s in chosen]

    actor_ids = draw(st.lists(ids, min_size=1, max_size=5, unique=True))
    actors = [
        {
            "id": a,
            "name": draw(texts),
            "aliases": draw(st.lists(texts, max_size=2)),
            "kind": draw(st.sampled_from(["belligerent", "mediator", "bloc", "state"])),
            "capability": draw(st.floats(0.01, 10)),
            "capability_sd": draw(st.floats(0, 1)),
            "at_table": draw(st.booleans()),
            "veto": draw(st.booleans()),
            "no_deal": {
                "utility": draw(unit),
                "trend": draw(st.floats(-1, 1)),
                "optimism": draw(unit),
                "cites": cites(),
            },
            "cites": cites(),
        }
        for a in actor_ids
    ]
    issue_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    issues, stances = [], []
    for i in issue_ids:
        values = sorted(draw(st.lists(point, min_size=2, max_size=5, unique=True)))
        options = [{"value": v, "label": f"option {k} {draw(texts)}"} for k, v in enumerate(values)]
        issues.append(
            {
                "id": i,
                "name": draw(texts),
                "track": draw(st.sampled_from(["ceasefire", "settlement", "humanitarian"])),
                "status_quo": draw(point),
                "options": options,
                "cites": cites(),
            }
        )
        for k, a in enumerate(actors):
            if not (a["veto"] or k == 0 or draw(st.booleans())):
                continue
            x = draw(point)
            stance: dict[str, Any] = {
                "actor": a["id"],
                "issue": i,
                "position": x,
                "salience": draw(st.floats(0.01, 1)) if k == 0 else draw(unit),
                "uncertainty": {"position": draw(st.floats(0, 30)), "salience": draw(unit)},
                "cites": cites(),
            }
            if draw(st.booleans()):
                stance["red_line"] = [draw(st.floats(0, x)), draw(st.floats(x, 100))]
            if draw(st.booleans()):
                stance["option_utilities"] = {v: draw(unit) for v in values}
            stances.append(stance)
    date = draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)))
    for src in sources:  # the as-of rule: a later source needs a hindsight note
        if date is not None and src["date"] is not None and src["date"] > date:
            src["hindsight"] = src["hindsight"] or "used with hindsight"
    return {
        "id": draw(ids),
        "title": draw(texts),
        "date": date,
        "description": draw(st.text(max_size=40)),
        "sources": sources,
        "actors": actors,
        "issues": issues,
        "stances": stances,
    }


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
def test_yaml_round_trip_is_lossless(data: dict[str, Any]) -> None:
    sc = Scenario.model_validate(data)
    text = dump_yaml(sc)
    again = loads_yaml_scenario(text)
    assert again == sc
    assert again.digest() == sc.digest()
    assert dump_yaml(again) == text


def test_digest_changes_with_content() -> None:
    a = Scenario.model_validate(base())
    doc = base()
    doc["stances"][1]["position"] = 11
    b = Scenario.model_validate(doc)
    assert a.digest() != b.digest()
    assert a.digest() == Scenario.model_validate(base()).digest()


def test_builtins_round_trip() -> None:
    from pourparler.scenario.builtin import builtin_names

    names = builtin_names()
    if not names:
        pytest.skip("no built-in scenario yet")
    for name in names:
        sc = load_scenario(name)
        assert loads_yaml_scenario(dump_yaml(sc)) == sc


def test_decide_files_round_trip(decide_files: list[Path], tmp_path: Path) -> None:
    for path in decide_files:
        sc = load_scenario(path)
        out = tmp_path / (path.stem + ".yaml")
        out.write_text(dump_yaml(sc), encoding="utf-8")
        assert load_scenario(out) == sc


def test_bdm_csv_round_trip(tmp_path: Path) -> None:
    sc = load_scenario(Path(__file__).parent / "data" / "bdm_ec_emissions.csv")
    out = tmp_path / "ec.yaml"
    out.write_text(dump_yaml(sc), encoding="utf-8")
    assert load_scenario(out) == sc


@pytest.mark.parametrize("written", [{"utility": 0.0}, {}, {"utility": 0.0, "trend": 0.0}])
def test_a_no_deal_outlook_written_at_its_defaults_survives_export(
    written: dict[str, float],
) -> None:
    from pourparler.report.stances import why

    doc = base()
    doc["actors"][1]["no_deal"] = dict(written)  # UA: the defaults, written out
    sc = Scenario.model_validate(doc)
    assert why(sc, "UA", "nato").no_deal_given is True
    text = dump_yaml(sc)
    again = loads_yaml_scenario(text)
    assert why(again, "UA", "nato").no_deal_given is True
    assert again.to_data()["actors"][1]["no_deal"] == written
    assert why(again, "TR", "nato").no_deal_given is False  # none written: none exported
    assert "no_deal" not in again.to_data()["actors"][2]
    # writing the defaults out changes nothing the models see, nor the digest
    del doc["actors"][1]["no_deal"]
    assert again.digest() == sc.digest() == Scenario.model_validate(doc).digest()
    assert dump_yaml(again) == text

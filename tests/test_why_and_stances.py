"""``pourparler show --stances`` (the actor × issue matrix of positions) and ``pourparler why``
(one stance with its sources), their JSON, and bad names refused with close matches."""

from __future__ import annotations

import json

import pytest

from cli_run import run_cli
from pourparler.cli.app import main
from pourparler.errors import InputError
from pourparler.report.stances import find_actor, find_issue, stance_matrix, why
from pourparler.scenario import load_scenario


def _run(capsys: pytest.CaptureFixture[str], args: list[str], code: int = 0) -> tuple[str, str]:
    got, out, err = run_cli(capsys, args)
    assert got == code, err
    return out, err


def test_matrix_json_holds_every_stance(capsys: pytest.CaptureFixture[str]) -> None:
    sc = load_scenario("istanbul-2022")
    data = json.loads(_run(capsys, ["show", "istanbul-2022", "--stances", "--json"])[0])
    assert data["scenario_hash"] == sc.digest()
    assert data["actors"] == [a.id for a in sc.actors]
    assert len(data["stances"]) == len(sc.stances)
    ru = next(s for s in data["stances"] if s["actor"] == "RU" and s["issue"] == "nato")
    st = sc.stance("RU", "nato")
    assert st is not None
    assert ru["position"] == st.position and ru["salience"] == st.salience
    assert ru["red_line"] == (None if st.red_line is None else list(st.red_line))


def test_matrix_cells_mark_salience_and_red_lines() -> None:
    sc = load_scenario("istanbul-2025")
    m = stance_matrix(sc)
    table = m.table()
    st = sc.stance("RU", "recognition")
    assert st is not None and st.red_line is not None and st.salience >= 0.5
    row = next(r for r in table.rows if r[0] == "recognition")
    col = [c.header for c in table.columns].index("RU")
    assert row[col] == f"{st.position:g}*!"
    # an actor without a stance on an issue is shown as a dash
    missing = [(a.id, i.id) for a in sc.actors for i in sc.issues if sc.stance(a.id, i.id) is None]
    a, i = missing[0]
    row = next(r for r in table.rows if r[0] == i)
    assert row[[c.header for c in table.columns].index(a)] == "—"


def test_matrix_is_split_into_blocks_of_actors_on_a_narrow_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pourparler.cli import common

    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.setattr(common, "_console", None)
    out = _run(capsys, ["show", "istanbul-2025", "--stances"])[0]
    assert "(1/2)" in out and "(2/2)" in out
    assert max(len(line) for line in out.splitlines()) <= 60
    sc = load_scenario("istanbul-2025")
    for a in sc.actors:  # every actor's column is somewhere
        assert any(f" {a.id} " in line for line in out.splitlines() if "┃" in line)


def test_why_explains_the_stance_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    sc = load_scenario("istanbul-2025")
    st = sc.stance("RU", "recognition")
    assert st is not None
    data = json.loads(_run(capsys, ["why", "istanbul-2025", "Russia", "recognition", "--json"])[0])
    assert data["actor"]["id"] == "RU" and data["issue"]["id"] == "recognition"
    stance = data["stance"]
    assert stance["position"] == st.position and stance["salience"] == st.salience
    issue = next(i for i in sc.issues if i.id == "recognition")
    assert stance["nearest_option"] == issue.nearest_option(st.position).label
    assert stance["red_line"] == list(st.red_line or ())
    lo, hi = st.red_line or (0, 100)
    assert stance["excluded_options"] == [
        f"{o.value:g} {o.label}" for o in issue.options if not lo <= o.value <= hi
    ]
    sources = {s.id: s for s in sc.sources}
    assert [c["source"] for c in stance["cites"]] == [c.source for c in st.cites]
    first = stance["cites"][0]
    src = sources[first["source"]]
    assert first["title"] == src.title and first["confidence"] == src.confidence
    ru = next(a for a in sc.actors if a.id == "RU")
    assert data["no_deal"]["utility"] == ru.no_deal.utility
    assert data["no_deal"]["perceived_utility"] == pytest.approx(ru.no_deal.perceived_utility())
    assert len(data["no_deal"]["cites"]) == len(ru.no_deal.cites)
    text = " ".join(_run(capsys, ["why", "istanbul-2025", "RU", "recognition"])[0].split())
    assert src.title in text and st.cites[0].note in text


def test_why_without_a_stance_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    sc = load_scenario("istanbul-2025")
    a, i = next((a.id, i.id) for a in sc.actors for i in sc.issues if sc.stance(a.id, i.id) is None)
    assert why(sc, a, i).to_data()["stance"] is None
    assert "No stance" in _run(capsys, ["why", "istanbul-2025", a, i])[0]


@pytest.mark.parametrize(
    ("args", "want"),
    [
        (["Rusia", "nato"], "actor: 'Rusia': unknown; close matches: RU"),
        (["RU", "territory"], "issue: 'territory': unknown; close matches: recognition"),
        (["RU", "zzz"], "issue: 'zzz': unknown; the scenario's issues: ceasefire, nato"),
        (["RU", ""], "issue: '': empty; the scenario's issues: ceasefire, nato"),
        (["", "nato"], "actor: '': empty; the scenario's actors: RU, UA"),
    ],
)
def test_unknown_names_are_one_line_with_close_matches(
    capsys: pytest.CaptureFixture[str], args: list[str], want: str
) -> None:
    err = _run(capsys, ["why", "istanbul-2025", *args], code=2)[1]
    [line] = err.strip().splitlines()
    assert want in line


def test_names_resolve_by_id_name_or_alias_in_any_case() -> None:
    sc = load_scenario("istanbul-2025")
    assert find_actor(sc, "ru") == find_actor(sc, "Russia") == "RU"
    assert find_issue(sc, "RECOGNITION OF ANNEXED TERRITORY") == "recognition"
    with pytest.raises(InputError):
        find_issue(sc, "")


def test_why_says_when_the_no_deal_outlook_is_only_the_defaults() -> None:
    from pourparler.report.stances import why
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2025")
    assert why(sc, "RU", "nato").to_data()["no_deal"]["given"] is True
    assert why(sc, "TR", "ceasefire").no_deal_given is True  # TR states one in the YAML
    data = sc.to_data()
    del data["actors"][0]["no_deal"]
    bare = type(sc).model_validate(data)
    report = why(bare, data["actors"][0]["id"], "nato")
    assert report.no_deal_given is False and report.to_data()["no_deal"]["given"] is False


def test_show_why_and_scenarios_take_csv(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    from pourparler.report.stances import why
    from pourparler.scenario import load_scenario
    from pourparler.scenario.builtin import builtin_names

    sc = load_scenario("istanbul-2025")

    def rows(args: list[str]) -> list[dict[str, str]]:
        with pytest.raises(SystemExit) as exc:
            main(args)
        out = capsys.readouterr().out
        assert exc.value.code == 0
        return list(csv.DictReader(io.StringIO(out)))

    stances = rows(["show", "istanbul-2025", "--csv"])
    assert len(stances) == len(sc.stances)
    first = sc.stances[0]
    assert (stances[0]["actor"], float(stances[0]["position"])) == (first.actor, first.position)
    report = why(sc, "RU", "nato")
    cited = rows(["why", "istanbul-2025", "RU", "nato", "--csv"])
    assert len(cited) == len(report.stance_cites) + len(report.no_deal_cites) > 0
    assert {r["cited_for"] for r in cited} == {"stance", "no_deal"}
    assert [r["name"] for r in rows(["scenarios", "--csv"])] == list(builtin_names())


def _named_doc(tmp_path, edit) -> str:  # type: ignore[no-untyped-def]
    import yaml

    from scenario_samples import base

    doc = base()
    edit(doc)
    path = tmp_path / "named.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return str(path)


def test_an_exact_id_wins_over_an_earlier_entry_matching_in_another_case_or_by_alias(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    def lower(doc):  # type: ignore[no-untyped-def]
        doc["actors"].insert(1, {"id": "ru", "name": "Lowercase ru", "capability": 0.1})

    data = json.loads(_run(capsys, ["why", _named_doc(tmp_path, lower), "ru", "nato", "--json"])[0])
    assert data["actor"]["id"] == "ru"

    def alias(doc):  # type: ignore[no-untyped-def]
        doc["actors"][0]["aliases"] = ["UA"]

    path = _named_doc(tmp_path, alias)
    data = json.loads(_run(capsys, ["why", path, "UA", "nato", "--json"])[0])
    assert data["actor"]["id"] == "UA"
    warn = _run(capsys, ["validate", path])[1]
    assert "actors[0].aliases[0]: alias 'UA' of RU is also the id, name or alias of UA" in warn

    def issue_name(doc):  # type: ignore[no-untyped-def]
        doc["issues"][0]["name"] = "pows"

    data = json.loads(
        _run(capsys, ["why", _named_doc(tmp_path, issue_name), "RU", "pows", "--json"])[0]
    )
    assert data["issue"]["id"] == "pows"


def test_a_name_two_entries_share_is_refused_naming_both(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    def shared(doc):  # type: ignore[no-untyped-def]
        doc["actors"][0]["aliases"] = ["Shared"]
        doc["actors"][1]["name"] = "SHARED"

    path = _named_doc(tmp_path, shared)
    err = _run(capsys, ["why", path, "shared", "nato"], code=2)[1]
    [line] = err.strip().splitlines()
    assert "actor: 'shared': ambiguous: names RU, UA; give the id" in line
    # the exact spelling is one entry's: no ambiguity
    data = json.loads(_run(capsys, ["why", path, "SHARED", "nato", "--json"])[0])
    assert data["actor"]["id"] == "UA"


def test_claim_names_and_model_answers_take_the_exact_id_first(tmp_path) -> None:
    from pourparler.evidence.names import resolve
    from pourparler.evidence.readers.llm import _ids
    from pourparler.scenario import Scenario
    from scenario_samples import base

    doc = base()
    doc["actors"][1]["aliases"] = ["ru"]  # UA, listed after RU
    sc = Scenario.model_validate(doc)
    assert resolve("actor", "RU", "--actor", [sc], []) == "RU"
    assert resolve("actor", "ru", "--actor", [sc], []) == "UA"  # UA's exact alias
    with pytest.raises(InputError, match="--actor: 'Ru': ambiguous: names RU, UA"):
        resolve("actor", "Ru", "--actor", [sc], [])
    actors, _ = _ids(sc)  # a model's answer, matched ignoring case: the id first
    assert actors["ru"] == "RU"


def test_a_name_ending_in_a_backslash_prints_it_once_everywhere(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    def backslashes(doc):  # type: ignore[no-untyped-def]
        doc["title"] = "Talks \\"
        doc["actors"][0]["name"] = "Russia \\"
        doc["issues"][1]["options"][0]["label"] = "none \\\\"  # two of them
        doc["issues"][1]["name"] = "[bold]POWs\\"  # markup stays text

    path = _named_doc(tmp_path, backslashes)
    out = _run(capsys, ["why", path, "RU", "pows"])[0]
    assert out.splitlines()[0] == "[bold]POWs\\ (pows)".join(["Russia \\ (RU) on ", ""])
    assert "none \\\\" in out and "none \\\\\\" not in out
    for command in (["deals", path], ["show", path]):
        out = _run(capsys, command)[0]
        assert "Talks \\" in out and "Talks \\\\" not in out, command
    assert "Russia \\ " in out and "Russia \\\\" not in out

"""The built-in scenarios: complete, cited, and faithful to the facts their sources report.

The substantive checks pin facts from the seed articles and the dated facts behind the scenarios
(e.g. Russia demands neutrality, Ukraine refuses to recognise annexation, the 2022 army caps), so an
edit that contradicts a source fails here, not only one that breaks the schema. Each scenario is as
of its date: no source, figure or option from after it (``pourparler.scenario.checks``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.scenario import Scenario, Stance, load_scenario
from pourparler.scenario.builtin import builtin_names
from pourparler.scenario.checks import find_warnings, hindsight_note, sources_after_date
from pourparler.scenario.model import cited_source_ids, iter_citations

NAMES = ("istanbul-2025", "istanbul-2022")

REQUIRED_ACTORS = {
    "istanbul-2025": {"RU", "UA", "US", "EU", "UK", "FR", "DE", "TR", "NATO", "CN"},
    "istanbul-2022": {"RU", "UA", "US", "UK", "FR", "DE", "TR", "CN"},
}
ISSUES_2025 = {
    "ceasefire",
    "nato",
    "guarantees",
    "recognition",
    "withdrawal",
    "army_limits",
    "foreign_troops",
    "sanctions",
    "military_aid",
    "mobilisation",
    "eu_membership",
    "prisoners",
    "nato_russia",
    "elections",
    "language",
}
REQUIRED_ISSUES = {
    "istanbul-2025": ISSUES_2025,
    "istanbul-2022": {
        "ceasefire",
        "nato",
        "guarantees",
        "recognition",
        "withdrawal",
        "army_limits",
        "foreign_troops",
        "sanctions",
        "eu_membership",
        "language",
    },
}
COUNTS = {  # actors, issues, stances
    "istanbul-2025": (10, 15, 78),
    "istanbul-2022": (8, 10, 36),
}
# Sources published after the scenario's date, each used only for what was held or known at the
# date and each with a hindsight note.
RETROSPECTIVE = {
    "istanbul-2025": set(),
    "istanbul-2022": {"wsj-draft-2022", "seed0", "seed3", "seed4"},
}


@pytest.fixture(scope="module", params=NAMES)
def scenario(request: pytest.FixtureRequest) -> Scenario:
    return load_scenario(request.param)


@pytest.fixture(scope="module")
def sc2025() -> Scenario:
    return load_scenario("istanbul-2025")


@pytest.fixture(scope="module")
def sc2022() -> Scenario:
    return load_scenario("istanbul-2022")


def _stance(sc: Scenario, actor: str, issue: str) -> Stance:
    st = sc.stance(actor, issue)
    assert st is not None, f"{sc.id}: no stance of {actor} on {issue}"
    return st


# -- structure ------------------------------------------------------------------------------------
def test_both_are_listed_as_builtins() -> None:
    assert set(NAMES) <= set(builtin_names())


def test_required_actors_and_issues_are_present(scenario: Scenario) -> None:
    assert REQUIRED_ACTORS[scenario.id] <= {a.id for a in scenario.actors}
    assert REQUIRED_ISSUES[scenario.id] <= {i.id for i in scenario.issues}


def test_counts(scenario: Scenario) -> None:
    got = (len(scenario.actors), len(scenario.issues), len(scenario.stances))
    assert got == COUNTS[scenario.id]


# -- as of the scenario's date --------------------------------------------------------------------
def test_as_of_rule_passes(scenario: Scenario) -> None:
    """No source after the date unless it is one of the known retrospective sources, each with a
    hindsight note; the 2025 scenario has none at all."""
    assert scenario.date is not None
    late = {s.id for s in scenario.sources if s.date is not None and s.date > scenario.date}
    assert late == RETROSPECTIVE[scenario.id]
    assert sources_after_date(scenario) == []
    assert {scenario.sources[int(p.loc[1])].id for p in find_warnings(scenario)} == late
    for src in scenario.sources:
        if src.id in late:
            assert len(hindsight_note(src).split()) >= 8, f"{src.id}: no hindsight note"


def test_2025_is_as_of_the_second_istanbul_round(sc2025: Scenario) -> None:
    assert sc2025.date == dt.date(2025, 6, 2)
    assert all(s.date is not None and s.date <= sc2025.date for s in sc2025.sources)
    assert sources_after_date(sc2025) == [] and find_warnings(sc2025) == []


def test_no_option_comes_from_the_november_2025_plans(scenario: Scenario) -> None:
    """The 600,000 and 800,000 army caps and the Donetsk buffer were proposed in November 2025;
    a forecast that lands on them would be circular."""
    labels = " ".join(o.label for i in scenario.issues for o in i.options)
    for later in ("600,000", "800,000", "buffer", "rest of Donetsk"):
        assert later not in labels, later


def test_every_stance_cites_a_source_with_a_note(scenario: Scenario) -> None:
    sources = {s.id for s in scenario.sources}
    for st in scenario.stances:
        assert st.cites, f"{scenario.id}: stance {st.actor}/{st.issue} cites nothing"
        for cite in st.cites:
            assert cite.source in sources
            assert len(cite.note.split()) >= 4, f"{st.actor}/{st.issue}: note too thin"


def test_every_actor_issue_and_outlook_is_cited(scenario: Scenario) -> None:
    for actor in scenario.actors:
        assert actor.cites, actor.id
        assert actor.no_deal.cites, actor.id
    for issue in scenario.issues:
        assert issue.cites, issue.id


def test_every_source_is_cited_at_least_once(scenario: Scenario) -> None:
    assert {s.id for s in scenario.sources} == cited_source_ids(scenario)
    assert all(c.note.strip() for _, c in iter_citations(scenario))


def test_every_veto_actor_has_a_stance_on_every_issue(scenario: Scenario) -> None:
    vetoes = [a.id for a in scenario.actors if a.veto]
    assert {"RU", "UA", "US"} <= set(vetoes)
    for actor in vetoes:
        for issue in scenario.issues:
            assert scenario.stance(actor, issue.id) is not None, (actor, issue.id)


def test_issues_have_three_to_six_labelled_options(scenario: Scenario) -> None:
    for issue in scenario.issues:
        assert 3 <= len(issue.options) <= 6, issue.id
        assert issue.options[0].value == 0 and issue.options[-1].value == 100, issue.id
        assert "0 =" in issue.description and "100 =" in issue.description, issue.id


def test_scales_run_from_kyivs_end_to_moscows(scenario: Scenario) -> None:
    """Every scale is oriented the same way: Russia stands above Ukraine on each issue."""
    for issue in scenario.issues:
        assert (
            _stance(scenario, "RU", issue.id).position > _stance(scenario, "UA", issue.id).position
        )


def test_aliases_resolve_each_name_to_one_actor(scenario: Scenario) -> None:
    owner: dict[str, str] = {}
    for actor in scenario.actors:
        for name in [actor.name, *actor.aliases]:
            key = name.casefold()
            assert owner.setdefault(key, actor.id) == actor.id, f"{name!r} names two actors"
    expected = {
        "kremlin": "RU",
        "putin": "RU",
        "medinsky": "RU",
        "kyiv": "UA",
        "kiev": "UA",
        "zelenskyy": "UA",
        "washington": "US",
        "u.s.": "US",
        "ankara": "TR",
        "erdogan": "TR",
        "türkiye": "TR",
    }
    for alias, actor in expected.items():
        assert owner.get(alias) == actor, alias


def test_aggregator_sources_have_low_confidence(scenario: Scenario) -> None:
    for source in scenario.sources:
        if "(agg.)" in source.outlet:
            assert source.confidence <= 0.5, source.id


def test_seed_locators_name_existing_articles(scenario: Scenario, shared_dir: Path) -> None:
    seeds = [s for s in scenario.sources if s.locator.startswith("seeds/")]
    assert seeds
    for source in seeds:
        assert (shared_dir / source.locator.split(";")[0].strip()).is_file(), source.locator


def test_shared_issues_keep_the_same_scale_across_scenarios(
    sc2025: Scenario, sc2022: Scenario
) -> None:
    shared = {i.id for i in sc2025.issues} & {i.id for i in sc2022.issues}
    assert shared == REQUIRED_ISSUES["istanbul-2022"]  # every 2022 issue recurs in 2025
    for issue_id in shared:
        a, b = sc2025.issue(issue_id), sc2022.issue(issue_id)
        assert a.options == b.options, issue_id
        assert a.description == b.description, issue_id


# -- facts from the sources -----------------------------------------------------------------------
def test_russia_demands_neutrality(scenario: Scenario) -> None:
    nato = _stance(scenario, "RU", "nato")
    assert nato.position >= 75
    assert nato.red_line is not None and nato.red_line[0] >= 75  # membership path excluded


def test_ukraine_refuses_to_recognise_annexation(scenario: Scenario) -> None:
    rec = _stance(scenario, "UA", "recognition")
    assert rec.red_line is not None
    de_jure = [o.value for o in scenario.issue("recognition").options if "de jure" in o.label]
    assert de_jure and all(v > rec.red_line[1] for v in de_jure)


def test_2025_memoranda_positions(sc2025: Scenario) -> None:
    # Ukraine: unconditional monitored ceasefire, no caps on its forces; Russia: caps, no ceasefire
    ua_cf, ru_cf = _stance(sc2025, "UA", "ceasefire"), _stance(sc2025, "RU", "ceasefire")
    assert ua_cf.position == 0 and ru_cf.red_line is not None and ru_cf.red_line[0] > 0
    ua_army = _stance(sc2025, "UA", "army_limits")
    assert ua_army.position == 0 and ua_army.red_line is not None and ua_army.red_line[1] <= 25
    assert _stance(sc2025, "RU", "army_limits").position >= 75
    assert _stance(sc2025, "RU", "withdrawal").position == 100  # all four regions


def test_2022_army_caps_are_the_draft_treaty_figures(sc2022: Scenario) -> None:
    labels = {o.value: o.label for o in sc2022.issue("army_limits").options}
    for figure in ("85,000", "250,000", "342 tanks", "1,900 artillery"):
        assert any(figure in label for label in labels.values()), figure
    assert "85,000" in labels[_stance(sc2022, "RU", "army_limits").position]
    assert "250,000" in labels[_stance(sc2022, "UA", "army_limits").position]
    assert _stance(sc2022, "UA", "nato").position == 75  # neutrality in return for guarantees


def test_ukraine_rejects_neutrality_in_2025(sc2025: Scenario, sc2022: Scenario) -> None:
    """The June 2025 memorandum rejects any neutrality obligation: both neutrality options lie
    outside Ukraine's red line, unlike in 2022."""
    neutral = [o.value for o in sc2025.issue("nato").options if "neutrality" in o.label]
    assert neutral == [75, 100]
    ua = _stance(sc2025, "UA", "nato")
    assert ua.red_line is not None and all(v > ua.red_line[1] for v in neutral)
    assert ua.red_line[1] == 50  # a pause in the bid, with no treaty obligation, stays inside
    assert any(c.source == "ua-memo-2025" and "neutrality" in c.note for c in ua.cites)
    ua22 = _stance(sc2022, "UA", "nato")
    assert ua22.red_line is not None and ua22.red_line[1] >= 75


@pytest.mark.parametrize(
    ("issue", "demand"),
    [("elections", "within 100 days"), ("language", "Russian a second official state language")],
)
def test_russian_memorandum_demands_are_issues(sc2025: Scenario, issue: str, demand: str) -> None:
    memo = next(s for s in sc2025.sources if s.id == "ru-memo-2025")
    assert memo.date == dt.date(2025, 6, 2) and "1967385" in memo.locator
    top = sc2025.issue(issue).options[-1]
    assert top.value == 100 and demand in top.label
    assert any(c.source == "ru-memo-2025" for c in sc2025.issue(issue).cites)
    ru = _stance(sc2025, "RU", issue)
    assert ru.position == 100 and any(c.source == "ru-memo-2025" for c in ru.cites)
    assert _stance(sc2025, "UA", issue).position == sc2025.issue(issue).status_quo == 0


def test_blocs_and_their_members_count_each_state_once(sc2025: Scenario) -> None:
    """The EU's weight is shared with France and Germany, NATO carries only members modelled
    nowhere else, so Europe and NATO together weigh less than Russia."""
    cap = {a.id: a.capability for a in sc2025.actors}
    assert cap["EU"] + cap["FR"] + cap["DE"] == pytest.approx(0.6)
    assert cap["UK"] == cap["FR"] == cap["DE"]
    assert cap["NATO"] <= 0.05
    west = sum(cap[a] for a in ("EU", "UK", "FR", "DE", "NATO"))
    assert west == pytest.approx(0.8) and west < cap["RU"]
    assert "counts each state once" in " ".join(sc2025.description.split())


def test_security_outranks_territory_for_both_belligerents(scenario: Scenario) -> None:
    security_issues = ("nato", "guarantees", "army_limits")
    for actor in ("RU", "UA"):
        security = sum(_stance(scenario, actor, i).salience for i in security_issues) / 3
        assert security > _stance(scenario, actor, "recognition").salience, actor
        assert _stance(scenario, actor, "guarantees").salience >= 0.7, actor


def test_europe_is_not_at_the_table_but_can_block(sc2025: Scenario) -> None:
    at_table = {a.id for a in sc2025.actors if a.at_table}
    assert {"RU", "UA", "TR", "US"} <= at_table
    assert not at_table & {"EU", "UK", "FR", "DE", "NATO", "CN"}
    assert sc2025.actor("EU").veto and not sc2025.actor("TR").veto


def test_western_guarantors_were_absent_in_2022(sc2022: Scenario) -> None:
    assert {a.id for a in sc2022.actors if a.at_table} == {"RU", "UA", "TR"}
    us = _stance(sc2022, "US", "guarantees")
    ua = _stance(sc2022, "UA", "guarantees")
    assert us.red_line is not None and ua.red_line is not None
    assert us.red_line[0] > ua.red_line[1]  # the guarantee Kyiv needed, Washington would not give


def test_battlefield_optimism_switched_sides(sc2025: Scenario, sc2022: Scenario) -> None:
    ru25, ua25 = sc2025.actor("RU").no_deal, sc2025.actor("UA").no_deal
    assert ru25.optimism > ua25.optimism and ru25.trend > 0 > ua25.trend
    ru22, ua22 = sc2022.actor("RU").no_deal, sc2022.actor("UA").no_deal
    assert ua22.optimism > ru22.optimism and ua22.trend > 0 > ru22.trend


# -- command line ---------------------------------------------------------------------------------
@pytest.fixture
def wide_cli(monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    """A runner whose rich console is wide enough not to wrap names."""
    import pourparler.cli.common as common

    monkeypatch.setenv("COLUMNS", "250")
    monkeypatch.setattr(common, "_console", None)
    return CliRunner()


def test_show_prints_the_actor_names(wide_cli: CliRunner, sc2025: Scenario) -> None:
    result = wide_cli.invoke(build_app(), ["show", "istanbul-2025"])
    assert result.exit_code == 0, result.output
    for actor in sc2025.actors:
        assert actor.name in result.output, actor.name
    assert f"{len(sc2025.stances)} stances" in result.output


def test_scenarios_lists_both(wide_cli: CliRunner) -> None:
    result = wide_cli.invoke(build_app(), ["scenarios"])
    assert result.exit_code == 0, result.output
    for name in NAMES:
        assert name in result.output

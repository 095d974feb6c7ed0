"""The report's section on the talks over time: its numbers equal the simulation's for the same
seed and runs, every battlefield number links to the sources it cites, the durability box's
figures equal the shipped fit's, hostile text in the battlefield is escaped, a scenario without
a battlefield gets a line instead of the section, and ``--runs`` reaches the simulation."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("jinja2")
pytest.importorskip("vl_convert")

from pourparler.dynamics.simulate import simulate
from pourparler.report import html as report_html
from pourparler.report.dynamics_section import MONTHS, SERIES
from pourparler.scenario import load_scenario
from pourparler.scenario.model import Scenario
from simulate_samples import doc

RUNS = 1000
SEED = 5
XSS = "<script>alert(1)</script>"


class Elements(HTMLParser):
    """Every start tag's attributes, in order, and the text inside each element with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.open: list[tuple[str, str]] = []  # (tag, id) of the elements with an id
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if "id" in a:
            self.open.append((tag, a["id"]))
            self.text.setdefault(a["id"], "")

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.open) - 1, -1, -1):
            if self.open[k][0] == tag:
                del self.open[k]
                return

    def handle_data(self, data: str) -> None:
        for _, ident in self.open:
            self.text[ident] += data


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    p.close()
    return p


def section(html: str) -> str:
    start = html.index('<section id="dynamics">')
    return html[start : html.index("</section>", start)]


def cited_scenario(meaning: str = "the front at its low end") -> Scenario:
    data = doc()
    data["sources"] = [
        {"id": "s1", "title": f"War report {XSS}", "locator": "https://example.org/war"},
        {"id": "s2", "title": "Talks report", "locator": "javascript:alert(1)"},
    ]
    data["battlefield"]["meaning"] = {"low": meaning, "high": "B defeated", "step": "a town"}
    data["battlefield"]["cites"] = [{"source": "s1", "note": f"p and costs {XSS}"}]
    data["talks"]["cites"] = [{"source": "s2", "note": "sequencing"}]
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def istanbul() -> tuple[Scenario, Any]:
    sc = load_scenario("istanbul-2022")
    return sc, report_html.render_report(sc, seed=SEED, runs=RUNS)


@pytest.fixture(scope="module")
def small() -> tuple[Scenario, Any]:
    sc = cited_scenario(meaning=f"A routed {XSS}")
    return sc, report_html.render_report(sc, seed=1, runs=200)


def test_the_months_equal_the_simulation_for_the_same_seed_and_runs(istanbul):
    sc, report = istanbul
    data = simulate(sc, months=MONTHS, runs=RUNS, seed=SEED).to_data()
    cells = {
        (a["data-month"], a["data-series"]): a
        for tag, a in parse(section(report.html)).tags
        if "data-series" in a and tag == "td"
    }
    assert len(cells) == MONTHS * (len(SERIES) + 1)
    for m in data["months"]:
        for key, _ in SERIES:
            cell = cells[(str(m["month"]), key)]
            assert float(cell["data-value"]) == m[key]["p"]
            assert [float(cell["data-low"]), float(cell["data-high"])] == m[key]["interval"]
        ripe = cells[(str(m["month"]), "ripeness")]
        mean = m["ripeness"]["mean"]
        assert (float(ripe["data-value"]) if ripe["data-value"] else None) == mean
    assert any(m["settlement_signed"]["p"] > 0 for m in data["months"])  # not all zeros


def test_medians_terms_drivers_and_provenance_equal_the_simulation(istanbul):
    sc, report = istanbul
    result = simulate(sc, months=MONTHS, runs=RUNS, seed=SEED)
    data = result.to_data()
    tags = parse(section(report.html)).tags
    summary = {a["data-summary"]: a["data-value"] for _, a in tags if "data-summary" in a}
    for key, text in summary.items():
        assert (float(text) if text else None) == data["summary"][key], key
    assert {"median_months_to_settlement", "p_defeat_a", "p_defeat_b"} <= set(summary)
    shown = {
        (a["data-track"], a["data-issue"])
        for _, a in tags
        if "data-track" in a and "data-issue" in a
    }
    assert shown == {(t["track"], t["issue"]) for t in data["terms"]}
    options = [float(a["data-value"]) for _, a in tags if "data-option" in a]
    assert sorted(options) == sorted(s for t in data["terms"] for s in t["shares"].values())
    inputs = [a["data-input"] for _, a in tags if "data-input" in a]
    assert inputs == [d["input"] for d in data["drivers"]["inputs"]]
    split = {a["data-split"]: float(a["data-value"]) for _, a in tags if "data-split" in a}
    assert split == {k: v for k, v in data["rational_split"].items() if k in split}
    assert set(split) == {"a_keeps_offering", "b_keeps_offering", "fight_value_a", "fight_value_b"}
    assert report.parts["simulation"] == result.provenance
    footer = parse(report.html).text["provenance"]
    assert "simulation" in footer and f'"runs": {RUNS}' in footer


def test_a_few_batches_give_no_bands_and_a_note_saying_so(small):
    """200 runs are 2 batches, too few for an 80% interval: no band (not 0–0), and a note."""
    _sc, report = small
    part = section(report.html)
    cells = [a for tag, a in parse(part).tags if tag == "td" and "data-series" in a]
    shares = [a for a in cells if a["data-series"] != "ripeness"]
    assert shares and all(a["data-low"] == a["data-high"] == "" for a in shares)
    assert "no 80% intervals" in part
    assert '<td class="n">–</td>' in part
    # the ripeness band is the runs' spread, headed as such, and the drivers are caveated
    assert '<th class="n">runs\' 10–90%</th>' in part
    assert '<th class="n">ripeness</th><th class="n">80%</th>' not in part
    if 'id="drivers-note"' in part:  # with a correlation to caveat
        assert "rank correlations over only 2 full batches of 100 runs" in part


def test_drivers_from_too_few_batches_are_caveated(istanbul):
    """istanbul-2022's report runs enough batches for no caveat; 300 runs are three."""
    sc, report = istanbul
    assert 'id="drivers-note"' not in section(report.html)
    few = section(report_html.render_report(sc, seed=SEED, runs=300).html)
    assert 'id="drivers-note"' in few
    assert "rank correlations over only 3 full batches of 100 runs (fewer than 10)" in few


def test_a_marked_share_and_its_band_get_the_digits_that_show_the_gap():
    """0.0064 beside a band 0–0.006 shows as 0.006‡ beside 0.000–0.006 with 3 decimals; the
    cell gets 4; a share at its band's end but for a quantile's rounding is not marked."""
    import dataclasses

    from pourparler.report.dynamics_section import dynamics_part
    from pourparler.report.simulation import Share

    sc = cited_scenario()
    result = simulate(sc, months=MONTHS, runs=100, seed=SEED)
    first = dataclasses.replace(
        result.months[0],
        signed=Share(0.0064, 0.0, 0.006),
        silenced=Share(0.006, 0.0, 0.0059999999999999784),
    )
    result = dataclasses.replace(result, months=(first, *result.months[1:]))
    part = dynamics_part(sc, result, lambda spec: "chart", lambda sc, cites: [])
    cells = {c["series"]: c for c in part["months"][0]["cells"]}
    signed, stopped = cells["settlement_signed"], cells["fighting_stopped"]
    assert signed["outside"] and signed["digits"] == 4
    shown, lo, hi = (float(f"{x:.{signed['digits']}f}") for x in (0.0064, 0.0, 0.006))
    assert not lo <= shown <= hi
    assert not stopped["outside"] and stopped["digits"] == 3


def test_the_chart_draws_the_three_series_with_their_bands(istanbul):
    sc, report = istanbul
    data = simulate(sc, months=MONTHS, runs=RUNS, seed=SEED).to_data()
    raw = report.html.split('<script type="application/json" id="pp-charts">', 1)[1]
    specs = json.loads(raw.split("</script>", 1)[0])
    key = next(a["data-chart"] for _, a in parse(section(report.html)).tags if "data-chart" in a)
    rows = specs[key]["data"]["values"]
    labels = dict(SERIES)
    for m in data["months"]:
        for series, label in labels.items():
            (row,) = [r for r in rows if r["month"] == m["month"] and r["series"] == label]
            assert row["value"] == m[series]["p"]
            assert [row["low"], row["high"]] == m[series]["interval"]
    marks = {layer["mark"]["type"] for layer in specs[key]["layer"]}
    assert marks == {"line", "area"}


def test_every_battlefield_number_links_to_the_titles_of_its_sources(small):
    sc, report = small
    page = parse(report.html)
    bf = sc.battlefield
    assert bf is not None
    links = [(a, tag) for tag, a in page.tags if "data-battlefield" in a]
    fields = {a["data-battlefield"]: float(a["data-value"]) for a, _ in links}
    for name in ("steps", "start", "p", "p_sd", "cost_a", "cost_b", "discount", "belief_strength"):
        assert fields[name] == float(getattr(bf, name)), name
    for t in bf.territory:
        assert fields[f"territory.{t.issue}.at_low"] == t.at_low
        assert fields[f"territory.{t.issue}.at_high"] == t.at_high
    titles = {s.id: s.title for s in sc.sources}
    for a, tag in links:
        assert tag == "a" and a["href"] == "#cite-battlefield"
    for c in bf.cites:
        assert titles[c.source] in page.text["cite-battlefield"]
        assert c.note in page.text["cite-battlefield"]
    talks = [a for _, a in page.tags if "data-talks" in a]
    assert talks and all(a["href"] == "#cite-talks" for a in talks)
    assert "Talks report" in page.text["cite-talks"]
    hrefs = {a.get("href") for tag, a in page.tags if tag == "a"}
    assert "https://example.org/war" in hrefs
    assert not any(h and h.startswith("javascript:") for h in hrefs)  # shown, never linked


def test_hostile_text_in_the_battlefield_is_escaped(small):
    _, report = small
    body = section(report.html)
    assert XSS not in report.html.split("<script type=")[0]  # no live markup before the scripts
    assert "A routed &lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "p and costs &lt;script&gt;" in body
    assert parse(report.html).text["dynamics"].count(XSS) == 3  # meaning, title, note as text


def test_the_durability_box_gives_the_fitted_survival_and_hazard_ratios(small):
    from pourparler.dynamics.durability import shipped_fit
    from pourparler.report.durability import durability_report

    _, report = small
    tags = parse(section(report.html)).tags
    survival = {a["data-survival"]: float(a["data-value"]) for _, a in tags if "data-survival" in a}
    overall = durability_report(by=()).curves[0]
    assert survival == {str(s.months): s.survival for s in overall.at if s.months in (12, 60)}
    provisions = {a["data-provision"] for _, a in tags if "data-provision" in a}
    ratios = {a["data-hazard-ratio"]: a for _, a in tags if "data-hazard-ratio" in a}
    assert set(ratios) == provisions
    fitted = {c.code: c.hazard_ratio for c in shipped_fit().coefficients}
    # a ceasefire package carries cease, which implies mil_prov
    assert {"cease", "mil_prov"} <= set(provisions)
    for code, cell in ratios.items():
        assert float(cell["data-value"]) == fitted[code], code
    assert "docs/durability.md" in section(report.html)


def test_a_scenario_override_of_a_coefficient_is_shown_as_the_scenarios():
    from pourparler.report.dynamics_section import durability_box

    data = cited_scenario().model_dump(mode="json", exclude_none=True)
    data["talks"]["durability"] = {"coefficients": {"cease": -0.5}}
    box = durability_box(Scenario.model_validate(data))
    (row,) = [r for r in box["rows"] if r["code"] == "cease"]
    assert row["override"] == -0.5 and row["override_ratio"] == pytest.approx(0.6065306597)


@pytest.mark.filterwarnings("error")
def test_an_override_past_the_largest_hazard_ratio_is_inf_without_a_warning():
    from pourparler.report.dynamics_section import durability_box

    data = cited_scenario().model_dump(mode="json", exclude_none=True)
    data["talks"]["durability"] = {"coefficients": {"cease": 1e6}}  # the largest allowed
    box = durability_box(Scenario.model_validate(data))
    (row,) = [r for r in box["rows"] if r["code"] == "cease"]
    assert row["override_ratio"] == float("inf")
    assert box["tracks"]["ceasefire"]["ratio"][1] == float("inf")


def test_no_battlefield_no_section_but_a_line_saying_how_to_add_one():
    data = doc()
    del data["battlefield"]
    sc = Scenario.model_validate(data)
    report = report_html.render_report(sc, seed=0)
    page = parse(report.html)
    assert "dynamics" not in page.text
    assert "simulation" not in report.parts
    line = page.text["no-battlefield"]
    assert "battlefield" in line and "docs/scenario-format.md" in line
    assert 'href="#dynamics"' not in report.html


def test_runs_out_of_range_are_bad_input():
    from pourparler.errors import InputError

    with pytest.raises(InputError, match=r"runs: 0: expected"):
        report_html.render_report(cited_scenario(), runs=0)


def run_main(capsys, *args: str) -> tuple[int, str]:
    from pourparler.cli.app import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    return code, capsys.readouterr().err


def test_the_command_passes_runs_to_the_simulation(tmp_path: Path, capsys):
    import yaml

    path = tmp_path / "front.yaml"
    data = cited_scenario().model_dump(mode="json", exclude_none=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "out.html"
    code, err = run_main(capsys, "report", str(path), "--to", str(target), "--runs", "150")
    assert code == 0, err
    footer = parse(target.read_text(encoding="utf-8")).text["provenance"]
    assert '"runs": 150' in footer
    code, err = run_main(
        capsys, "report", str(path), "--to", str(tmp_path / "x.html"), "--runs", "0"
    )
    assert code == 2 and "--runs" in err and err.count("\n") == 1
    assert not (tmp_path / "x.html").exists()


def test_same_seed_and_runs_same_bytes_another_seed_other_numbers(small):
    sc, report = small
    again = report_html.render_report(sc, seed=1, runs=200)
    assert again.to_bytes() == report.to_bytes()
    other = report_html.render_report(sc, seed=2, runs=200)
    assert section(other.html) != section(report.html)


def test_a_package_on_several_lines_of_the_front_is_counted_once() -> None:
    from pourparler.dynamics.setup import prepare
    from pourparler.report.dynamics_section import _zone_provisions

    sc = load_scenario("istanbul-2025")  # its ceasefire holds the line the front stands at
    setup = prepare(sc, 1, lambda provisions, months, override: np.zeros(months))
    front = setup.ceasefire.frontier
    assert setup.ceasefire.variants > 1
    distinct = {tuple(row) for row in front.choice[:, front.issues].tolist()}
    assert len(distinct) < front.size  # the same ceasefire on several lines
    boxed = _zone_provisions(sc)["ceasefire"]
    assert boxed["packages"] == len(distinct)
    assert boxed["counts"]["cease"] == len(distinct)  # every ceasefire package has it, once

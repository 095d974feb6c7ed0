"""The HTML report (`pourparler report`, `render_report`): its sections, numbers equal to the
analyses' reports, citation links that resolve to their sources, escaping of hostile text, a
Content-Security-Policy matching the inlined scripts, no remote scripts or styles, same bytes
for the same seed, and the command's file handling and bad input."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2")
pytest.importorskip("vl_convert")

from pourparler.forecast.budget import DRAWS_BUDGET
from pourparler.forecast.scenario_forecast import forecast_scenario
from pourparler.report import html as report_html
from pourparler.report import html_parts
from pourparler.report.forecast import forecast_report
from pourparler.scenario import load_scenario
from pourparler.scenario.model import Scenario

DECIDE = Path(__file__).resolve().parents[2] / "shared" / "data" / "decide" / "copenhagen.csv"
XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"
VOID = {"meta", "br", "img", "input", "link", "hr", "col", "source", "wbr", "area", "base"}


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs = tag, attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        yield self
        for c in self.children:
            if isinstance(c, Node):
                yield from c.walk()


class TreeParser(HTMLParser):
    """The document as a tree of :class:`Node` (the stdlib parser, no browser)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse(html: str) -> Node:
    p = TreeParser()
    p.feed(html)
    p.close()
    return p.root


def by_id(root: Node) -> dict[str, Node]:
    return {n.attrs["id"]: n for n in root.walk() if n.attrs.get("id")}


@pytest.fixture(scope="module")
def istanbul() -> tuple[Scenario, Any]:
    sc = load_scenario("istanbul-2025")
    return sc, report_html.render_report(sc, seed=3)


def hostile_data() -> dict[str, Any]:
    return {
        "id": "hostile",
        "title": f"Talks {XSS_SCRIPT}",
        "date": "2025-06-02",
        "description": f"A description {XSS_IMG} with \u2028 a line separator",
        "sources": [
            {
                "id": "s1",
                "title": f"Report {XSS_IMG}",
                "outlet": "Outlet",
                "date": "2025-05-16",
                "locator": "javascript:alert(1)",
            },
            {"id": "s2", "title": "Second report", "locator": "https://example.org/a?b=1&c=2"},
        ],
        "actors": [
            {"id": "A", "name": f"Alpha {XSS_SCRIPT}", "capability": 1.0, "veto": True},
            {
                "id": "B",
                "name": "Beta",
                "capability": 0.6,
                "veto": True,
                "no_deal": {"utility": 0.3, "cites": [{"source": "s2", "note": "outlook"}]},
            },
            {"id": "C", "name": "Gamma", "capability": 0.3},
        ],
        "issues": [
            {
                "id": "one",
                "name": f"Issue {XSS_IMG}",
                "status_quo": 40,
                "options": [
                    {"value": 0, "label": f"none {XSS_SCRIPT}"},
                    {"value": 50, "label": "half"},
                    {"value": 100, "label": "all"},
                ],
            },
            {
                "id": "two",
                "name": "Second issue",
                "status_quo": 30,
                "options": [{"value": 0, "label": "no"}, {"value": 100, "label": "yes"}],
            },
        ],
        "stances": [
            {
                "actor": "A",
                "issue": "one",
                "position": 90,
                "salience": 0.8,
                "red_line": [60, 100],
                "uncertainty": 5,
                "cites": [{"source": "s1", "note": f"note {XSS_SCRIPT}"}],
            },
            {
                "actor": "B",
                "issue": "one",
                "position": 10,
                "salience": 0.7,
                "uncertainty": 5,
                "cites": [{"source": "s2", "note": "plain"}],
            },
            {"actor": "C", "issue": "one", "position": 50, "salience": 0.4},
            {"actor": "A", "issue": "two", "position": 20, "salience": 0.5},
            {
                "actor": "B",
                "issue": "two",
                "position": 100,
                "salience": 0.9,
                "cites": [{"source": "s1", "note": "n"}, {"source": "s2", "note": "m"}],
            },
        ],
    }


@pytest.fixture(scope="module")
def hostile() -> tuple[Scenario, Any]:
    sc = Scenario.model_validate(hostile_data())
    return sc, report_html.render_report(sc, seed=0)


# -- sections and numbers ------------------------------------------------------------------------
def assert_sections(html: str, sc: Scenario, evidence: bool = False) -> Node:
    root = parse(html)
    ids = by_id(root)
    for name in ("scenario", "forecasts", "sensitivity", "deals", "provenance"):
        assert ids[name].tag == "section", name
    assert ("evidence" in ids) is evidence
    assert sc.title in ids["scenario"].text() or sc.title in root.text()
    for issue in sc.issues:
        assert issue.name in ids["scenario"].text()
        assert issue.name in ids["forecasts"].text()
    for actor in sc.actors:
        assert actor.name in ids["scenario"].text()
    assert sc.digest() in ids["provenance"].text()
    return root


def forecast_values(root: Node) -> dict[tuple[str, str], float]:
    return {
        (n.attrs["data-issue"] or "", n.attrs["data-model"] or ""): float(
            n.attrs["data-value"] or ""
        )
        for n in root.walk()
        if n.tag == "a" and "data-model" in n.attrs and "data-value" in n.attrs
    }


def expected_forecasts(sc: Scenario, seed: int) -> dict[tuple[str, str], float]:
    result = forecast_scenario(
        sc,
        ["all"],
        rounds=report_html.ROUNDS,
        draws=report_html.DRAWS,
        seed=seed,
        budget=DRAWS_BUDGET,
    )
    report = forecast_report(sc, result, seed)
    return {(i.id, m.model): m.forecast for i in report.issues for m in i.models}


def test_istanbul_report_has_every_section_and_the_forecast_reports_numbers(istanbul):
    sc, doc = istanbul
    root = assert_sections(doc.html, sc)
    got = forecast_values(root)
    want = expected_forecasts(sc, 3)
    assert got == want
    assert len(got) == len(sc.issues) * 6  # five models and the ensemble
    assert set(doc.parts) == {"forecast", "sensitivity", "deals", "simulation"}
    assert doc.parts["forecast"].seed == 3
    assert doc.parts["forecast"].scenario_hash == sc.digest()
    assert doc.size == len(doc.html.encode("utf-8"))


def test_every_stance_number_links_to_the_titles_of_its_sources(istanbul):
    sc, doc = istanbul
    root = parse(doc.html)
    ids = by_id(root)
    titles = {s.id: s.title for s in sc.sources}
    linked = 0
    for n in root.walk():
        if n.tag != "a" or "data-stance" not in n.attrs:
            continue
        href = n.attrs["href"] or ""
        assert href.startswith("#")
        target = ids[href[1:]]
        stance = sc.stances[int(n.attrs["data-stance"] or "")]
        assert stance.actor in [a.id for a in sc.actors]
        for cite in stance.cites:
            assert titles[cite.source] in target.text()
        if stance.cites:
            linked += 1
    assert linked >= len([s for s in sc.stances if s.cites])


def test_forecast_numbers_link_to_the_positions_that_feed_them(istanbul):
    sc, doc = istanbul
    root = parse(doc.html)
    ids = by_id(root)
    for n in root.walk():
        if n.tag == "a" and "data-model" in n.attrs:
            target = ids[(n.attrs["href"] or "#")[1:]]
            issue = sc.issue(n.attrs["data-issue"] or "")
            actors = {s.actor for s in sc.stances if s.issue == issue.id}
            names = [sc.actor(a).name for a in actors]
            assert all(name in target.text() for name in names)


def test_disagreeing_models_are_flagged_in_words(istanbul):
    sc, doc = istanbul
    root = parse(doc.html)
    text = by_id(root)["forecasts"].text()
    want = expected_forecasts(sc, 3)
    base = ("compromise", "median", "nash", "bdm", "exchange")
    flagged = [
        i.name
        for i in sc.issues
        if max(want[i.id, m] for m in base) - min(want[i.id, m] for m in base)
        > report_html.DISAGREEMENT
    ]
    assert flagged, "istanbul-2025 has issues on which the models disagree"
    assert f"on {len(flagged)} of {len(sc.issues)} issues" in " ".join(text.split())
    rows = [n for n in root.walk() if n.tag == "tr" and "disagree" in (n.attrs.get("class") or "")]
    assert len(rows) == len(flagged)


def test_the_scenario_built_here_has_every_section_and_its_numbers(hostile):
    sc, doc = hostile
    root = assert_sections(doc.html, sc)
    assert forecast_values(root) == expected_forecasts(sc, 0)


@pytest.mark.skipif(not DECIDE.is_file(), reason="Decide sample data not present")
def test_a_decide_file_gets_a_full_report():
    sc = load_scenario(str(DECIDE))
    doc = report_html.render_report(sc, seed=1)
    root = assert_sections(doc.html, sc)
    assert forecast_values(root) == expected_forecasts(sc, 1)


# -- safety -----------------------------------------------------------------------------------
def test_hostile_text_is_escaped_everywhere(hostile):
    _, doc = hostile
    html = doc.html
    assert XSS_SCRIPT not in html
    assert XSS_IMG not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    root = parse(html)
    assert not [n for n in root.walk() if n.tag == "img"]
    scripts = [n for n in root.walk() if n.tag == "script"]
    assert [s.attrs.get("type") for s in scripts] == ["application/json", "module", "module"]
    assert not any("onerror" in n.attrs for n in root.walk())
    # a javascript: locator is shown as text, never linked; a web address is linked
    hrefs = [n.attrs.get("href") or "" for n in root.walk() if n.tag == "a"]
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert "https://example.org/a?b=1&c=2" in hrefs


def test_chart_data_in_its_script_block_escapes_markup_and_line_separators(hostile):
    sc, doc = hostile
    block = re.search(
        r'<script type="application/json" id="pp-charts">(.*?)</script>', doc.html, re.S
    )
    assert block is not None
    body = block.group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in body
    specs = json.loads(body)
    titles = {spec["title"]["text"] for spec in specs.values()}
    assert sc.issue("one").name in titles  # the escapes read back as the original text


def test_script_json_round_trips_every_character_it_escapes():
    text = "</script><!-- & \u2028\u2029 <b>x</b>"
    out = report_html.script_json({"t": text})
    assert not set(out) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(out) == {"t": text}


def test_the_content_security_policy_allows_exactly_the_inline_scripts(hostile):
    _, doc = hostile
    root = parse(doc.html)
    meta = [n for n in root.walk() if n.tag == "meta" and n.attrs.get("http-equiv")]
    assert len(meta) == 1
    policy = meta[0].attrs["content"] or ""
    assert "default-src 'none'" in policy
    script_src = re.search(r"script-src ([^;]*)", policy)
    assert script_src is not None
    allowed = set(script_src.group(1).split())
    assert "'unsafe-inline'" not in allowed and "'unsafe-eval'" not in allowed
    bodies = re.findall(r'<script type="module">(.*?)</script>', doc.html, re.S)
    assert len(bodies) == 2
    hashes = {
        "'sha256-" + base64.b64encode(hashlib.sha256(b.encode()).digest()).decode() + "'"
        for b in bodies
    }
    assert allowed == hashes


def test_the_file_is_self_contained(istanbul):
    _, doc = istanbul
    root = parse(doc.html)
    for n in root.walk():
        if n.tag == "script":
            assert "src" not in n.attrs
        if n.tag == "link":
            assert not (n.attrs.get("href") or "").lower().startswith(("http:", "https:", "//"))
    assert not re.search(
        r"""<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?//""", doc.html
    )
    assert "@import" not in doc.html


def test_same_seed_same_bytes(hostile):
    sc, doc = hostile
    again = report_html.render_report(Scenario.model_validate(hostile_data()), seed=0)
    assert again.to_bytes() == doc.to_bytes()
    other = report_html.render_report(sc, seed=1)
    assert other.to_bytes() != doc.to_bytes()  # the seed drives the intervals


# -- evidence --------------------------------------------------------------------------------
def test_an_evidence_store_adds_stated_positions_over_time(tmp_path):
    from pourparler.evidence.ingest import add_article
    from pourparler.evidence.store import Store

    sc = load_scenario("istanbul-2025")
    small = sc.model_copy(deep=True)
    article = tmp_path / "a.txt"
    article.write_text(
        "Talks Resume in Istanbul\n\nKyiv insists on an unconditional 30-day ceasefire on land, "
        "air and sea.\nThe Kremlin rejected the ceasefire.\n",
        encoding="utf-8",
    )
    db = tmp_path / "ev.sqlite3"
    with Store(db) as store:
        add_article(store, article, small, date=dt.date(2025, 5, 16))
        claims = store.claims(sc.id)
    assert claims
    data = _small_istanbul(sc)
    doc = report_html.render_report(Scenario.model_validate(data), seed=0, db=db)
    root = assert_sections(doc.html, Scenario.model_validate(data), evidence=True)
    text = " ".join(by_id(root)["evidence"].text().split())
    assert f"{len(claims)} claims" in text
    assert "Talks Resume in Istanbul" in text
    assert "evidence" in doc.parts

    # a claim rejected in review is left out; one accepted is shown as reviewed
    from pourparler.evidence import review

    ru = next(c for c in claims if c.actor == "RU")
    ua = next(c for c in claims if c.actor == "UA")
    with Store(db) as store:
        review.apply(store, [ru], "reject")
        review.apply(store, [ua], "accept")
    doc = report_html.render_report(Scenario.model_validate(data), seed=0, db=db)
    section = by_id(assert_sections(doc.html, Scenario.model_validate(data), evidence=True))
    text = " ".join(section["evidence"].text().split())
    assert f"{len(claims) - 1} claims" in text and "1 of them reviewed" in text
    assert "1 rejected in review are left out" in text
    assert "The Kremlin rejected the ceasefire." not in text
    assert "Kyiv insists" in text
    assert re.findall(r'<td class="review">(\w+)</td>', doc.html) == ["accepted"]


def _small_istanbul(sc: Scenario) -> dict[str, Any]:
    """istanbul-2025 cut to its ceasefire issue (same id, so the store's claims match)."""
    dumped = copy.deepcopy(sc.model_dump(mode="json"))
    keys = ("id", "title", "date", "description", "sources", "actors", "issues", "stances")
    data = {k: dumped[k] for k in keys}
    data["issues"] = [i for i in data["issues"] if i["id"] == "ceasefire"]
    data["stances"] = [s for s in data["stances"] if s["issue"] == "ceasefire"]
    return data


def test_a_missing_store_is_bad_input(tmp_path):
    from pourparler.errors import InputError

    with pytest.raises(InputError, match=r"db: .*no evidence store"):
        report_html.render_report(load_scenario("istanbul-2025"), db=tmp_path / "none.sqlite3")


# -- the command ------------------------------------------------------------------------------
def run_main(capsys, *args: str) -> tuple[int, str, str]:
    from pourparler.cli.app import main

    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def hostile_file(tmp_path: Path) -> Path:
    import yaml

    path = tmp_path / "hostile.yaml"
    path.write_text(yaml.safe_dump(hostile_data(), allow_unicode=True), encoding="utf-8")
    return path


def test_command_writes_the_report_and_refuses_to_overwrite_without_force(
    tmp_path, capsys, hostile_file, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    code, out, err = run_main(capsys, "report", str(hostile_file))
    target = tmp_path / "hostile-report.html"
    assert code == 0, err
    assert target.is_file()
    assert "hostile-report.html" in out and "kB" in out
    first = target.read_bytes()
    assert b'id="forecasts"' in first
    code, out, err = run_main(capsys, "report", str(hostile_file))
    assert code == 2
    assert err.count("\n") == 1 and "exists" in err and "--force" in err
    assert target.read_bytes() == first
    code, _, err = run_main(capsys, "report", str(hostile_file), "--force", "--seed", "0")
    assert code == 0, err
    assert target.read_bytes() == first
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_command_to_a_named_file(tmp_path, capsys, hostile_file):
    target = tmp_path / "out.html"
    code, _, err = run_main(capsys, "report", str(hostile_file), "--to", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["no-such-scenario.yaml"], "no-such-scenario.yaml"),
        (["istanbul-2025", "--seed", "-1"], "--seed"),
        (["istanbul-2025", "--db", "missing.sqlite3"], "--db"),
        (["istanbul-2025", "--to", "no/such/folder/x.html"], "--to"),
    ],
)
def test_command_bad_input_is_one_line_and_exit_2(tmp_path, capsys, monkeypatch, args, needle):
    monkeypatch.chdir(tmp_path)
    code, _, err = run_main(capsys, "report", *args)
    assert code == 2
    assert err.startswith("pourparler: error:") and err.count("\n") == 1
    assert needle in err
    assert "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_a_bad_scenario_file_names_the_file_and_field(tmp_path, capsys, hostile_file):
    data = hostile_data()
    data["stances"][0]["salience"] = 1.5
    import yaml

    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, _, err = run_main(capsys, "report", str(bad), "--to", str(tmp_path / "x.html"))
    assert code == 2
    assert "bad.yaml" in err and "salience" in err and err.count("\n") == 1


# -- deals: either result shape, or none ------------------------------------------------------
def test_deals_read_from_the_json_shape_whether_typed_or_a_dict(hostile, monkeypatch):
    import pourparler.deals as deals

    sc, doc = hostile
    real = deals.analyse_space

    def as_dict(*args: Any, **kwargs: Any) -> dict[str, Any]:
        result = real(*args, **kwargs)
        return result.to_data() if hasattr(result, "to_data") else result

    monkeypatch.setattr(deals, "analyse_space", as_dict)
    again = report_html.render_report(sc, seed=0)
    assert again.html == doc.html


def test_an_agenda_too_large_for_deals_leaves_the_section_saying_why(hostile, monkeypatch):
    import pourparler.deals as deals
    from pourparler.errors import InputError

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise InputError("agenda too large: 10^12 packages inside the red lines")

    monkeypatch.setattr(deals, "analyse_space", refuse)
    sc, _ = hostile
    doc = report_html.render_report(sc, seed=0)
    section = by_id(parse(doc.html))["deals"].text()
    assert "Not analysed: agenda too large: 10^12 packages" in " ".join(section.split())
    assert "deals" not in doc.parts
    assert set(doc.parts) == {"forecast", "sensitivity"}


def test_frontier_projection_marks_bargaining_points_only_when_there_are_some():
    from pourparler.report import charts

    dots = [{"x": 0.6, "y": 0.7, "kind": "frontier", "point": False}]
    plain = charts.frontier_pair("A", "B", (0.4, 0.5), dots)
    assert [layer["mark"]["type"] for layer in plain["layer"]] == ["rule", "rule", "point"]
    nash = {"x": 0.6, "y": 0.7, "kind": "Nash", "point": True}
    marked = charts.frontier_pair("A", "B", (0.4, 0.5), [*dots, nash])
    assert marked["layer"][-1]["mark"]["shape"] == "cross"
    assert marked["data"]["values"][-1] == nash


def test_a_position_map_draws_the_actors_of_most_weight_and_the_table_lists_all(monkeypatch):
    monkeypatch.setattr(html_parts, "MAP_ACTORS", 5)
    n = 8
    actors = [
        {"id": f"A{k}", "name": f"Actor {k}", "capability": 1.0 + k, "veto": k < 2}
        for k in range(n)
    ]
    actors[1]["name"] = actors[0]["name"]  # two actors of one name stay two bands
    stances = [
        {"actor": f"A{k}", "issue": issue, "position": float(k % 101), "salience": 0.5}
        for k in range(n)
        for issue in ("one", "two")
    ]
    data = {
        "id": "crowd",
        "title": "Many actors",
        "actors": actors,
        "issues": [
            {
                "id": i,
                "name": f"Issue {i}",
                "status_quo": 50,
                "options": [{"value": 0, "label": "no"}, {"value": 100, "label": "yes"}],
            }
            for i in ("one", "two")
        ],
        "stances": stances,
    }
    sc = Scenario.model_validate(data)
    doc = report_html.render_report(sc, seed=0)
    body = re.search(r'id="pp-charts">(.*?)</script>', doc.html, re.S)
    assert body is not None
    maps = [s for s in json.loads(body.group(1)).values() if "red_low" in json.dumps(s["data"])]
    assert len(maps) == 2
    heaviest = {f"Actor {k}" for k in range(n - html_parts.MAP_ACTORS, n)}
    for spec in maps:
        drawn = {row["actor"] for row in spec["data"]["values"]}
        assert drawn == heaviest
        assert f"the {html_parts.MAP_ACTORS} of {n} actors" in spec["title"]["subtitle"]
    stance_links = [n for n in parse(doc.html).walk() if "data-stance" in n.attrs]
    assert len({n.attrs["data-stance"] for n in stance_links}) == len(stances)
    assert html_parts.chart_labels(sc)["A1"] == "Actor 0 (A1)"


def test_draws_cut_to_the_time_budget_are_said_per_model(hostile, monkeypatch):
    import dataclasses

    sc, _ = hostile
    real = report_html._forecast

    def cut(*args: Any, **kwargs: Any):
        report = real(*args, **kwargs)
        params = dict(report.provenance.parameters)
        params["draws_per_model"] = {"compromise": 200, "bdm": 0, "exchange": 50}
        prov = dataclasses.replace(report.provenance, parameters=params)
        return dataclasses.replace(report, provenance=prov)

    monkeypatch.setattr(report_html, "_forecast", cut)
    doc = report_html.render_report(sc, seed=0)
    text = " ".join(by_id(parse(doc.html))["forecasts"].text().split())
    assert "time budget (bdm: none, exchange: 50 draws;" in text
    assert "compromise: 200" not in text


def test_actor_numbers_link_to_their_sources_and_those_of_their_no_deal_outlook(hostile):
    sc, doc = hostile
    root = parse(doc.html)
    ids = by_id(root)
    titles = {s.id: s.title for s in sc.sources}
    links = [n for n in root.walk() if n.tag == "a" and "data-actor" in n.attrs]
    assert len(links) == 2 * len(sc.actors)  # capability and no-deal utility
    for n in links:
        actor = sc.actors[int(n.attrs["data-actor"] or "")]
        target = ids[(n.attrs["href"] or "#")[1:]].text()
        for cite in [*actor.cites, *actor.no_deal.cites]:
            assert titles[cite.source] in target
    assert "Second report" in ids["cite-actor-1"].text()


# -- control characters, the simulate command, the months table ---------------------------------
CONTROLS = "\x1b[31mRED\x1b[0m \x07bell \x9b \u202eevil\u202c"
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def controlled_scenario() -> Scenario:
    """istanbul-2022 (a battlefield, settlement-first) with control characters in its title, an
    actor's name, an issue's name and an option's label."""
    data = load_scenario("istanbul-2022").model_dump(mode="json")
    data["title"] = f"Talks {CONTROLS}"
    data["actors"][0]["name"] = f"Actor {CONTROLS}"
    data["issues"][0]["name"] = f"Issue {CONTROLS}"
    data["issues"][0]["options"][0]["label"] = f"Option {CONTROLS}"
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def controlled() -> tuple[Scenario, Any]:
    sc = controlled_scenario()
    return sc, report_html.render_report(sc, seed=0, runs=5_000)


def test_control_characters_are_shown_as_escapes_never_written_raw(controlled):
    _, doc = controlled
    raw = doc.to_bytes()
    assert not [b for b in raw if b < 0x20 and b not in (0x09, 0x0A, 0x0D)]
    assert not RAW_CONTROL.search(doc.html)
    assert "Talks \\x1b[31mRED\\x1b[0m \\x07bell \\x9b \\u202eevil\\u202c" in doc.html
    root = parse(doc.html)
    assert "Actor \\x1b[31mRED" in root.text()


def test_chart_labels_show_the_escapes_too(controlled):
    _, doc = controlled
    m = re.search(r'<script type="application/json" id="pp-charts">(.*?)</script>', doc.html, re.S)
    assert m
    strings: list[str] = []

    def collect(obj: Any) -> None:
        if isinstance(obj, str):
            strings.append(obj)
        elif isinstance(obj, dict):
            for k, v in obj.items():
                collect(k)
                collect(v)
        elif isinstance(obj, list):
            for v in obj:
                collect(v)

    collect(json.loads(m.group(1)))
    assert any("Issue \\x1b[31mRED" in t for t in strings)  # a backslash, not ESC
    assert not [t for t in strings if RAW_CONTROL.search(t)]


def simulate_command(html: str) -> str:
    m = re.search(r'<code id="simulate-command">(.*?)</code>', html)
    assert m, "no simulate command"
    return m.group(1)


def test_the_simulate_command_names_a_builtin_by_name_and_a_changed_scenario_by_its_yaml(
    istanbul, controlled
):
    sc, doc = istanbul
    assert simulate_command(doc.html) == (
        f"pourparler simulate {sc.id} --runs 5000 --months 36 --seed 3"
    )
    _, changed = controlled  # no command line named it: only a saved copy does
    cmd = simulate_command(changed.html)
    assert cmd.startswith("pourparler simulate SCENARIO.yaml --runs 5000 ")
    assert "saved as YAML" in changed.html


def test_the_command_line_report_shows_the_file_it_was_made_from(tmp_path, capsys):
    from pourparler.scenario.yaml_io import dump_yaml

    path = tmp_path / "my talks.yaml"
    path.write_text(dump_yaml(load_scenario("istanbul-2022")), encoding="utf-8")
    target = tmp_path / "out.html"
    code, _, err = run_main(capsys, "report", str(path), "--to", str(target), "--runs", "200")
    assert code == 0, err
    cmd = simulate_command(target.read_text(encoding="utf-8"))
    assert cmd == f"pourparler simulate &#39;{path}&#39; --runs 200 --months 36 --seed 0"
    assert "istanbul-2022 --runs" not in cmd


def month_cells(html: str) -> dict[tuple[int, str], Node]:
    root = parse(html)
    table = next(
        n for n in root.walk() if n.tag == "table" and "months" in n.attrs.get("class", "")
    )
    return {
        (int(n.attrs["data-month"] or 0), n.attrs["data-series"] or ""): n
        for n in table.walk()
        if n.tag == "td" and "data-series" in n.attrs and n.attrs["data-series"] != "ripeness"
    }


def test_fighting_stopped_stands_beside_a_ceasefire_that_comes_with_the_settlement(controlled):
    sc, doc = controlled
    assert sc.talks.sequencing == "settlement-first"
    cells = month_cells(doc.html)
    stopped = [
        float(c.attrs["data-value"] or 0) for (_, s), c in cells.items() if s == "fighting_stopped"
    ]
    ceasefire = [
        float(c.attrs["data-value"] or 0)
        for (_, s), c in cells.items()
        if s == "ceasefire_in_force"
    ]
    assert len(stopped) == 36 and max(stopped) > 0.5 and max(ceasefire) == 0.0
    note = by_id(parse(doc.html))["months-columns"].text()
    assert "Fighting stopped by then" in note and "settlement-first" in note


def test_a_share_outside_its_band_of_batch_shares_is_marked(controlled):
    _, doc = controlled
    cells = month_cells(doc.html)
    marked = 0
    for (month, series), c in cells.items():
        p, low, high = (float(c.attrs[k] or "nan") for k in ("data-value", "data-low", "data-high"))
        outside = p < low or p > high
        assert ("‡" in c.text()) == outside, (month, series)
        assert (c.attrs.get("data-outside-band") == "true") == outside
        marked += outside
    c = cells[(1, "settlement_signed")]  # 2% of the runs, all in few batches: band 0–0
    assert "‡" in c.text() and float(c.attrs["data-high"] or 1) == 0.0
    assert (
        marked
        and "few batches carry the event" in by_id(parse(doc.html))["outside-band-note"].text()
    )


def test_the_terminal_table_of_pourparler_simulate_marks_the_same_shares(capsys):
    args = ("simulate", "istanbul-2022", "--seed", "0", "--runs", "5000")
    code, out, err = run_main(capsys, *args, "--json")
    assert code == 0, err
    months = {m["month"]: m for m in json.loads(out)["months"]}
    code, out, err = run_main(capsys, *args)
    assert code == 0, err
    rows = [line.split() for line in out.splitlines() if re.match(r"^\s*\d+\s+\d+%", line)]
    assert [int(r[0]) for r in rows] == [1, 3, 6, 12, 24, 36]
    marked = 0
    for row in rows:
        m = months[int(row[0])]
        for cell, series in zip(
            row[1:7:2], ("fighting_stopped", "settlement_signed", "broken_down"), strict=True
        ):
            p, (low, high) = m[series]["p"], m[series]["interval"]
            assert cell.endswith("‡") == (p < low or p > high), (row[0], series)
            marked += cell.endswith("‡")
    assert rows[0][3] == "2%‡" and marked
    assert "few batches carry the event" in " ".join(out.split())


def test_a_report_without_parties_says_what_the_zone_is_and_claims_no_point() -> None:
    from scenario_samples import base

    data = base()
    for actor in data["actors"]:
        actor["at_table"] = False
    doc = report_html.render_report(Scenario.model_validate(data), seed=0)
    text = " ".join(by_id(parse(doc.html))["deals"].text().split())
    assert "Parties (no actor at the table): none." in text
    assert "The zone holds all 6 packages. No party must consent, so no reservation" in text
    assert "which is empty" not in text
    assert "None: a Pareto frontier compares the parties' utilities" in text
    assert "None: no party must consent, and bargaining points compare" in text


def _links_to_an_anchor(node: Node, ids: set[str]) -> bool:
    links = [n for n in node.walk() if n.tag == "a" and (n.attrs.get("href") or "").startswith("#")]
    return bool(links) and all((a.attrs["href"] or "")[1:] in ids for a in links)


def test_every_stated_number_and_forecast_links_to_an_anchor_in_the_file(
    istanbul: tuple[Scenario, Any],
) -> None:
    sc, doc = istanbul
    root = parse(doc.html)
    ids = {n.attrs["id"] for n in root.walk() if n.attrs.get("id")}
    header = " ".join(next(n for n in root.walk() if n.tag == "header").text().split())
    assert (
        "Every number the scenario states (the actors', the stances', each issue's status" in header
    )
    sections = by_id(root)
    numeric = re.compile(r"\d")
    checked = 0
    # the scenario's numbers: every number in a cell of a table, and the status quo
    for table in (n for n in sections["scenario"].walk() if n.tag == "table"):
        for cell in (
            n for n in table.walk() if n.tag == "td" and "n" in (n.attrs.get("class") or "").split()
        ):
            if numeric.search(cell.text()):
                assert _links_to_an_anchor(cell, ids), cell.text()
                checked += 1
    for article in (n for n in sections["scenario"].walk() if n.tag == "article"):
        para = next(p for p in article.walk() if p.tag == "p" and "Status quo:" in p.text())
        quo = next(n for n in para.walk() if n.tag == "a")
        assert _links_to_an_anchor(quo, ids) and numeric.search(quo.text())
        target = next(n for n in root.walk() if n.attrs.get("id") == quo.attrs["href"][1:])
        issue = next(i for i in sc.issues if i.id == quo.attrs["data-issue"])
        if issue.cites:  # the block lists the issue's own sources
            assert "no source cited" not in target.text()
        checked += 1
    # the forecasts table: status quo and each model's forecast (not the computed range)
    table = next(n for n in sections["forecasts"].walk() if n.tag == "table")
    for tr in (n for n in table.walk() if n.tag == "tr" and n.children):
        cells = [c for c in tr.children if isinstance(c, Node) and c.tag == "td"]
        for cell in cells[1:-2]:
            assert _links_to_an_anchor(cell, ids), cell.text()
            checked += 1
    # the battlefield's and the talks' numbers (0, where the front starts, is no input; the
    # rows "front at ..." hold the scenario's words for the ends, not numbers)
    if "dynamics" in sections:
        table = next(n for n in sections["dynamics"].walk() if n.tag == "table")
        for tr in (n for n in table.walk() if n.tag == "tr"):
            if tr.children and tr.text().startswith("front at"):
                continue
            for td in (n for n in tr.walk() if n.tag == "td"):
                for piece in td.children:
                    if isinstance(piece, str):
                        assert not re.search(r"(?<![\w.])(?!0\b)\d", piece), piece
                    elif piece.tag == "a" and numeric.search(piece.text()):
                        assert _links_to_an_anchor(piece, ids)
                        checked += 1
    assert checked > 100
    # no list inside a paragraph (invalid HTML: the browser closes the paragraph)
    for p in (n for n in root.walk() if n.tag == "p"):
        assert not any(n.tag in ("ul", "ol", "div", "table") for n in p.walk() if n is not p)

"""The web app (``pourparler serve``): pages, uploads, what-if changes, downloads, evidence,
error pages and security headers, through Starlette's test client."""

from __future__ import annotations

import ast
import asyncio
import json
import re
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from _web_support import TestClient, web_state  # skips without the web extra
from pourparler.deals.analysis import analyse_scenario
from pourparler.forecast.budget import DRAWS_BUDGET
from pourparler.forecast.scenario_forecast import forecast_scenario
from pourparler.report.forecast import forecast_report
from pourparler.scenario import load_scenario
from pourparler.scenario.yaml_io import dump_yaml
from pourparler.web import create_app
from pourparler.web.cache import Busy, ResultCache, ScenarioStore
from pourparler.web.upload import MAX_UPLOAD_BYTES, display_name

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "pourparler"
SMALL = "istanbul-2022"
HOSTILE = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def key_of(name: str) -> str:
    return load_scenario(name).digest()


def attr(html: str, element_id: str, name: str) -> str:
    m = re.search(rf'<[^>]*\bid="{re.escape(element_id)}"[^>]*>', html)
    assert m, f"no element #{element_id}"
    v = re.search(rf'\b{name}="([^"]*)"', m.group(0))
    assert v, f"#{element_id} has no {name}"
    return v.group(1)


def upload(client, text: str | bytes, name: str = "s.yaml"):
    raw = text.encode() if isinstance(text, str) else text
    return client.post("/upload", files={"file": (name, raw)}, follow_redirects=False)


# -- the library never imports the app ---------------------------------------------------------


def test_only_the_web_package_and_serve_command_import_the_web_app():
    allowed = {SRC / "cli" / "serve_command.py"}
    offenders = []
    for path in SRC.rglob("*.py"):
        if SRC / "web" in path.parents or path in allowed:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "pourparler.web" or n.startswith("pourparler.web.") for n in names):
                offenders.append(str(path.relative_to(SRC)))
    assert offenders == []


def test_library_imports_load_no_web_framework():
    code = (
        "import sys, pourparler.scenario, pourparler.forecast.scenario_forecast, "
        "pourparler.deals, pourparler.report.forecast, pourparler.evidence.store, "
        "pourparler.cli.app; pourparler.cli.app.build_app(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('starlette', 'uvicorn', 'python_multipart', 'pourparler') and "
        "(m.startswith('pourparler.web') or not m.startswith('pourparler'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.strip() == "[]"


# -- pages and headers -------------------------------------------------------------------------


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/no/such/page", f"/scenario/{key_of(SMALL)}/scenario.yaml"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "same-origin"


def test_pages_have_no_scripts_and_a_local_stylesheet(client):
    r = client.get(f"/scenario/{key_of(SMALL)}")
    assert "<script" not in r.text.lower()
    assert 'href="/static/style.css"' in r.text
    css = client.get("/static/style.css")
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")


def test_home_links_every_builtin_scenario(client):
    from pourparler.scenario.builtin import builtin_names

    r = client.get("/")
    assert r.status_code == 200
    for name in builtin_names():
        assert attr(r.text, f"builtin-{name}", "href") == f"/scenario/{key_of(name)}"
    go = client.get(f"/builtin/{SMALL}", follow_redirects=False)
    assert go.status_code == 303 and go.headers["location"] == f"/scenario/{key_of(SMALL)}"


def test_scenario_page_shows_actors_issues_and_exact_positions(client):
    sc = load_scenario(SMALL)
    r = client.get(f"/scenario/{sc.digest()}")
    assert r.status_code == 200
    assert attr(r.text, "scenario-title", "data-key") == sc.digest()
    for st in sc.stances:
        field = f"position-{st.actor}-{st.issue}"
        assert float(attr(r.text, field, "value")) == st.position
        assert attr(r.text, field, "name") == f"position:{st.actor}:{st.issue}"
        assert float(attr(r.text, f"salience-{st.actor}-{st.issue}", "value")) == st.salience
    for a in sc.actors:
        assert f'<tr data-actor="{a.id}">' in r.text
    for i in sc.issues:
        assert f'<tr data-issue="{i.id}">' in r.text


def test_unknown_pages_and_scenarios_give_one_line_404(client):
    for path in ("/nope", "/scenario/abc", f"/scenario/{'0' * 64}/forecast", "/builtin/nope"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert re.search(r'<p id="error-message">[^<\n]+</p>', r.text)
        assert "Traceback" not in r.text


# -- uploads -----------------------------------------------------------------------------------


def test_upload_yaml_keeps_the_scenario_under_its_digest(client):
    sc = load_scenario(SMALL)
    text = dump_yaml(sc).replace(f"title: {sc.title}", "title: Uploaded copy")
    r = upload(client, text)
    assert r.status_code == 303
    key = r.headers["location"].rsplit("/", 1)[1]
    page = client.get(r.headers["location"])
    assert "Uploaded copy" in page.text
    assert key != sc.digest() and re.fullmatch("[0-9a-f]{64}", key)


def test_upload_bdm_csv(client):
    csv = (ROOT / "tests" / "data" / "bdm_ec_emissions.csv").read_bytes()
    r = upload(client, csv, "table.csv")
    assert r.status_code == 303
    assert client.get(r.headers["location"]).status_code == 200


def test_the_same_table_under_another_name_takes_that_name(client):
    # a table's id and title come from its file name: a second user uploading the same bytes
    # sees their own file's name, never the first user's
    csv = (ROOT / "tests" / "data" / "bdm_ec_emissions.csv").read_bytes()
    first = client.get(upload(client, csv, "alice_plan.csv").headers["location"]).text
    second = client.get(upload(client, csv, "bob.csv").headers["location"]).text
    assert "alice_plan" in first
    assert "bob" in second and "alice_plan" not in second


DECIDE = (
    "'#A'\t'A1'\t'Alpha <b>'\t''\n"
    "'#A'\t'B2'\t'Beta'\t''\n"
    "'#P'\t'tax'\t'tax'\t'Tax level'\n"
    "'#M'\t'tax'\t2\t'low'\n"
    "'#M'\t'tax'\t10\t'high'\n"
    "'#D'\t'A1'\t'tax'\t4.0\t0.5\t1.0\n"
    "'#D'\t'B2'\t'tax'\t10.0\t1.0\t3.0\n"
)


def test_upload_decide_file_equals_the_library_reading(client):
    from pourparler.scenario.interop_decide import scenario_from_decide

    r = upload(client, DECIDE, "model.txt")
    assert r.status_code == 303
    expected = scenario_from_decide(DECIDE, "model.txt")
    assert r.headers["location"] == f"/scenario/{expected.digest()}"
    page = client.get(r.headers["location"]).text
    assert "Alpha &lt;b&gt;" in page


def test_upload_problems_are_listed_by_field_and_line(client):
    text = dump_yaml(load_scenario(SMALL))
    lines = text.splitlines()
    n = next(k for k, line in enumerate(lines) if line.strip().startswith("salience:"))
    lines[n] = lines[n].split(":")[0] + ": 1.5"
    r = upload(client, "\n".join(lines) + "\n")
    assert r.status_code == 422
    rows = re.findall(r'<tr class="problem" data-field="([^"]*)" data-line="(\d*)">', r.text)
    assert rows and rows[0][0].startswith("stances[") and rows[0][0].endswith(".salience")
    assert rows[0][1] == str(n + 1)
    assert "less than or equal to 1" in r.text


def test_upload_refusals(client):
    assert upload(client, b"\xff\xfe\x00bad").status_code == 422
    assert "not UTF-8" in upload(client, b"\xffbad").text
    assert upload(client, b"   \n").status_code == 422
    big = b"#" * (MAX_UPLOAD_BYTES + 1)
    r = upload(client, big)
    assert r.status_code == 413
    assert "too large" in r.text
    none = client.post("/upload", data={"x": "1"})
    assert none.status_code == 400


def test_a_streamed_body_over_the_limit_is_cut_off(client):
    def body():
        yield (
            b"--b\r\nContent-Disposition: form-data; name=file; filename=a.yaml\r\n"
            b"Content-Type: text/plain\r\n\r\n"
        )
        for _ in range(30):
            yield b"x" * 100_000
        yield b"\r\n--b--\r\n"

    r = client.post(
        "/upload", content=body(), headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert r.status_code == 413
    assert "over the limit" in r.text


def test_upload_name_is_only_shown_never_used_as_a_path(client, tmp_path):
    assert display_name("../../etc/passwd") == "passwd"
    assert display_name("..\\..\\a b<i>.yaml") == "a_b_i_.yaml"
    assert display_name(None) == "upload"
    r = upload(client, "id: x\n", f"../../{HOSTILE}.yaml")
    assert r.status_code == 422
    assert "<script" not in r.text


def test_scenario_strings_are_escaped_everywhere(client):
    sc = load_scenario(SMALL)
    data = sc.to_data()
    data["title"] = HOSTILE
    data["description"] = '"><img src=x onerror=alert(1)>'
    data["actors"][0]["name"] = HOSTILE
    data["issues"][0]["options"][0]["label"] = HOSTILE
    import yaml

    r = upload(client, yaml.safe_dump(data, allow_unicode=True))
    assert r.status_code == 303
    key = r.headers["location"].rsplit("/", 1)[1]
    for path in ("", "/forecast?draws=0", "/deals", "/analysis?draws=0"):
        page = client.get(f"/scenario/{key}{path}")
        assert page.status_code == 200, path
        assert "<script" not in page.text.lower() and "<img" not in page.text.lower()
        assert "&lt;script&gt;" in page.text


def test_a_post_from_another_site_is_refused(client):
    r = client.post(
        "/upload",
        files={"file": ("s.yaml", b"id: x\n")},
        headers={"origin": "http://evil.example"},
    )
    assert r.status_code == 403
    opaque = client.post(f"/scenario/{key_of(SMALL)}/whatif", headers={"origin": "null"})
    assert opaque.status_code == 403
    own = client.post(
        f"/scenario/{key_of(SMALL)}/whatif",
        data={},
        headers={"origin": "http://localhost"},
        follow_redirects=False,
    )
    assert own.status_code == 303


# -- what-if -----------------------------------------------------------------------------------


def whatif(client, key: str, fields: dict[str, str]):
    return client.post(f"/scenario/{key}/whatif", data=fields, follow_redirects=False)


def test_whatif_changes_the_forecast(client):
    sc = load_scenario(SMALL)
    st = sc.stances[0]
    before = client.get(f"/scenario/{sc.digest()}/analysis?draws=0")
    moved = 0.0 if st.position > 50 else 100.0
    r = whatif(client, sc.digest(), {f"position:{st.actor}:{st.issue}": str(moved)})
    assert r.status_code == 303
    new_key = r.headers["location"].split("/")[2]
    assert new_key != sc.digest()
    after = client.get(r.headers["location"].replace("analysis?", "analysis?draws=0&"))
    assert after.status_code == 200
    changed = sc.model_copy(
        update={
            "stances": [
                s.model_copy(update={"position": moved}) if s is st else s for s in sc.stances
            ]
        }
    )
    expected = forecast_report(changed, forecast_scenario(changed, draws=0, seed=0), 0)
    issue = next(i for i in expected.issues if i.id == st.issue)
    ens = next(m for m in issue.models if m.model == "ensemble")
    row = re.search(rf'<tr id="forecast-{st.issue}".*?</tr>', after.text, re.S).group(0)
    cell = re.search(r'data-model="ensemble" data-value="([^"]*)"', row).group(1)
    assert float(cell) == ens.forecast
    old_row = re.search(rf'<tr id="forecast-{st.issue}".*?</tr>', before.text, re.S).group(0)
    assert old_row != row
    # the analysis shows the forecast before the change beside it, and the change
    old_cell = re.search(r'data-model="ensemble" data-value="([^"]*)"', old_row).group(1)
    shown = re.search(r'data-field="before" data-value="([^"]*)"', row).group(1)
    change = re.search(r'data-field="change" data-value="([^"]*)"', row).group(1)
    assert float(shown) == float(old_cell) and float(change) == float(cell) - float(old_cell)
    assert 'data-field="before"' not in before.text  # no parent: no comparison


def test_an_analysis_from_another_scenario_is_no_what_if(client):
    key = key_of(SMALL)
    other = client.get("/builtin/istanbul-2025", follow_redirects=False).headers["location"]
    other_key = other.rstrip("/").split("/")[-1]
    assert other_key != key
    page = client.get(f"/scenario/{key}/analysis?from={other_key}&draws=0").text
    assert 'id="whatif-note"' not in page and 'data-field="before"' not in page
    assert 'id="forecast' in page  # the analysis itself is shown


def test_whatif_unchanged_form_keeps_the_scenario(client):
    key = key_of(SMALL)
    page = client.get(f"/scenario/{key}").text
    fields = dict(re.findall(r'name="((?:position|salience):[^"]+)" value="([^"]*)"', page))
    assert fields
    r = whatif(client, key, fields)
    assert r.headers["location"].split("/")[2] == key
    # nothing changed: "what-if: nothing was changed", and no columns of differences
    page = client.get(r.headers["location"] + "&draws=0").text
    assert 'id="whatif-note"' in page and 'data-field="change"' not in page


def test_whatif_veto_and_table_change_the_deals(client):
    sc = load_scenario(SMALL)
    before = client.get(f"/scenario/{sc.digest()}/deals").text
    parties = attr(before, "deals-parties", "data-parties").split()
    outsider = next(a for a in sc.actors if a.id not in parties)
    r = whatif(
        client, sc.digest(), {f"veto:{outsider.id}": "yes", f"at_table:{outsider.id}": "yes"}
    )
    assert r.status_code == 303
    after = client.get(r.headers["location"]).text
    assert outsider.id in attr(after, "deals-parties", "data-parties").split()
    # the zone before the change is shown beside the new one
    for name in ("data-empty", "data-size"):
        assert attr(after, "deals-before", name) == attr(before, "deals-zone", name)
    assert 'id="deals-before"' not in before


def test_deals_with_nobody_at_the_table_show_the_zone_note_not_an_empty_zone(client):
    sc = load_scenario(SMALL)
    r = whatif(client, sc.digest(), {f"at_table:{a.id}": "no" for a in sc.actors})
    assert r.status_code == 303
    key = r.headers["location"].split("/")[2]
    data = client.get(f"/scenario/{key}/deals.json").json()
    note = data["zone"]["note"]
    assert data["parties"] == [] and not data["zone"]["empty"] and note
    for page in ("deals", "analysis?draws=0"):
        text = client.get(f"/scenario/{key}/{page}").text
        shown = re.search(r'<p id="deals-zone-note">([^<]*)</p>', text)
        assert shown and shown[1] == note.replace("'", "&#39;") + ".", page
        points = re.search(r'<p id="deals-no-points">([^<]*)</p>', text)
        assert points and points[1] == "None: no party must consent.", page
        assert "no package is acceptable" not in text, page
    # with parties, no note
    assert 'id="deals-zone-note"' not in client.get(f"/scenario/{sc.digest()}/deals").text


def test_whatif_bad_values_name_the_field_and_store_nothing(client):
    app_state = web_state(client)
    count = len(app_state.scenarios)
    key = key_of(SMALL)
    st = load_scenario(SMALL).stances[0]
    bad = whatif(client, key, {f"position:{st.actor}:{st.issue}": "150"})
    assert bad.status_code == 422
    assert f"position:{st.actor}:{st.issue}" in bad.text
    assert whatif(client, key, {f"salience:{st.actor}:{st.issue}": "lots"}).status_code == 400
    assert whatif(client, key, {"position:NOBODY:nato": "1"}).status_code == 400
    assert whatif(client, key, {f"veto:{st.actor}": "maybe"}).status_code == 400
    assert whatif(client, key, {"colour:RU": "red"}).status_code == 400
    assert len(app_state.scenarios) == count


def test_whatif_position_outside_a_red_line_names_the_position_field(client):
    sc = load_scenario("istanbul-2025")
    st = next(s for s in sc.stances if s.red_line is not None and s.red_line[0] > 0)
    client.get("/builtin/istanbul-2025")  # the built-in scenario is known by its digest
    bad = whatif(client, sc.digest(), {f"position:{st.actor}:{st.issue}": "0"})
    assert bad.status_code == 422
    assert "red line" in bad.text and f"(form field position:{st.actor}:{st.issue})" in bad.text


# -- analyses and downloads --------------------------------------------------------------------


def test_forecast_json_is_the_library_report(client):
    sc = load_scenario(SMALL)
    r = client.get(f"/scenario/{sc.digest()}/forecast.json?seed=3&draws=50")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    result = forecast_scenario(sc, draws=50, seed=3, budget=DRAWS_BUDGET)
    expected = json.loads(json.dumps(forecast_report(sc, result, 3).to_data()))
    assert r.json() == expected


def test_forecast_page_numbers_match_the_report(client):
    sc = load_scenario(SMALL)
    page = client.get(f"/scenario/{sc.digest()}/forecast?seed=3&draws=50").text
    data = client.get(f"/scenario/{sc.digest()}/forecast.json?seed=3&draws=50").json()
    for issue in data["issues"]:
        ens = issue["models"]["ensemble"]
        row = re.search(rf'<tr id="forecast-{issue["id"]}".*?</tr>', page, re.S).group(0)
        assert (
            float(re.search(r'data-model="ensemble" data-value="([^"]*)"', row)[1])
            == ens["forecast"]
        )
        low, high = ens["interval"]
        assert float(re.search(r'data-low="([^"]*)"', row)[1]) == low
        assert float(re.search(r'data-high="([^"]*)"', row)[1]) == high
    assert attr(page, "forecast-parameters", "data-seed") == "3"


def parameters_line(page: str) -> str:
    m = re.search(r'<p[^>]*\bid="forecast-parameters"[^>]*>(.*?)</p>', page, re.S)
    assert m, "no #forecast-parameters"
    return m.group(1)


def test_a_forecast_without_draws_says_why_it_has_no_intervals(client):
    csv = (ROOT / "tests" / "data" / "bdm_ec_emissions.csv").read_bytes()
    key = upload(client, csv, "bdm_ec_emissions.csv").headers["location"].split("/")[2]
    data = client.get(f"/scenario/{key}/forecast.json?seed=7&draws=50").json()
    reason = data["parameters"]["no_draws_reason"]
    assert reason and data["parameters"]["draws"] == 0
    for page in ("forecast", "analysis"):
        text = parameters_line(client.get(f"/scenario/{key}/{page}?seed=7&draws=50").text)
        assert f"No intervals: the {reason}" in text and "none was made" in text, page
        assert "central 80%" not in text, page
    # none asked for
    small = key_of(SMALL)
    for page in ("forecast", "analysis"):
        text = parameters_line(client.get(f"/scenario/{small}/{page}?draws=0").text)
        assert "No intervals: none were asked for (draws=0)" in text and "central 80%" not in text
    # with draws, the interval is described
    text = parameters_line(client.get(f"/scenario/{small}/forecast?seed=3&draws=50").text)
    assert "50 draws" in text and "central 80%" in text and "No intervals" not in text


def test_a_forecast_cut_to_the_time_budget_says_so():
    """As pourparler forecast's note does: the draws the expensive models ran on."""
    from types import SimpleNamespace

    from pourparler.web.render import forecast_note

    params = {"draws": 200, "draws_per_model": {"compromise": 200, "exchange": 37, "bdm": 0}}
    report = SimpleNamespace(provenance=SimpleNamespace(parameters=params, seed=4))
    note = forecast_note(report)  # type: ignore[arg-type]
    assert note.startswith("Seed 4, 200 draws; the interval is the central 80%")
    assert "Draws cut to the time budget at this size: exchange 37 of 200, bdm none;" in note
    params.pop("draws_per_model")
    assert "time budget" not in forecast_note(report)  # type: ignore[arg-type]


def test_forecast_csv_and_scenario_yaml(client):
    sc = load_scenario(SMALL)
    csv = client.get(f"/scenario/{sc.digest()}/forecast.csv?draws=0")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    expected = forecast_report(sc, forecast_scenario(sc, draws=0, seed=0), 0).to_frame()
    assert csv.text == expected.to_csv(index=False)
    y = client.get(f"/scenario/{sc.digest()}/scenario.yaml")
    from pourparler.scenario.yaml_io import loads_yaml_scenario

    assert loads_yaml_scenario(y.text).digest() == sc.digest()


def test_deals_json_and_page_match_the_library(client):
    sc = load_scenario(SMALL)
    got = client.get(f"/scenario/{sc.digest()}/deals.json").json()
    expected = json.loads(json.dumps(analyse_scenario(sc, seed=0).to_data()))
    assert got == expected and got["scenario_hash"] == sc.digest()
    page = client.get(f"/scenario/{sc.digest()}/deals").text
    assert attr(page, "deals-zone", "data-empty") == str(expected["zone"]["empty"]).lower()
    assert attr(page, "deals-zone", "data-size") == str(expected["zone"]["size"])
    nash = expected["points"]["weighted_nash"]["package"]
    for issue, option in nash.items():
        cell = re.search(
            rf'<tr data-issue="{issue}">.*?<td data-point="weighted_nash">([^<]*)</td>',
            page,
            re.S,
        )
        assert cell and cell[1] == option.replace("'", "&#39;").replace('"', "&#34;")
    csv = client.get(f"/scenario/{sc.digest()}/deals.csv")
    assert csv.status_code == 200
    frame = analyse_scenario(sc, seed=0).to_frame()
    assert csv.text == frame.to_csv(index=False)


def test_the_html_report_is_linked_exactly_when_it_can_be_made(client):
    import importlib.util

    key = key_of(SMALL)
    available = all(
        importlib.util.find_spec(m) is not None
        for m in ("pourparler.report.html", "vl_convert", "jinja2")
    )
    page = client.get(f"/scenario/{key}").text
    assert ('id="download-report"' in page) == available
    r = client.get(f"/scenario/{key}/report.html")
    if not available:
        assert r.status_code == 404
        return
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert r.text.lstrip().lower().startswith("<!doctype html")
    assert key in r.text


def test_bad_forecast_parameters_give_400(client):
    key = key_of(SMALL)
    for query in ("seed=-1", "seed=x", "draws=100000", "draws=1.5", "draws=3"):
        r = client.get(f"/scenario/{key}/forecast?{query}")
        assert r.status_code == 400, query
        assert query.split("=")[0] in r.text


def test_a_scenario_too_large_for_the_server_is_refused_before_any_work(client):
    rows = "".join(f"actor{k},1,{k % 100},50\n" for k in range(3000))
    r = upload(client, "Actor,Capability,Position,Salience\n" + rows, "big.csv")
    assert r.status_code == 303
    t0 = time.perf_counter()
    page = client.get(r.headers["location"] + "/forecast")
    assert page.status_code == 422
    assert "3,000 actors" in page.text and "command line" in page.text
    assert time.perf_counter() - t0 < 10


def test_an_analysis_over_the_time_limit_gives_an_error_page():
    with TestClient(create_app(timeout=0.001), raise_server_exceptions=False) as c:
        r = c.get(f"/scenario/{key_of(SMALL)}/forecast?draws=500&seed=11")
        assert r.status_code == 503
        assert "too long" in r.text


# -- evidence ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def evidence_db(tmp_path_factory):
    from pourparler.evidence.ingest import add_article
    from pourparler.evidence.store import Store

    folder = tmp_path_factory.mktemp("evidence")
    sc = load_scenario("istanbul-2025")
    with Store(folder / "e.db") as store:
        for k in range(3):
            art = folder / f"a{k}.txt"
            sentences = "".join(
                f"Kyiv insists on an unconditional 30-day ceasefire {HOSTILE} number {k}-{j}.\n"
                f"The Kremlin rejected the ceasefire in round {k}-{j}.\n"
                for j in range(12)
            )
            art.write_text(f"Talks {k} <b>resume</b>\n\n{sentences}", encoding="utf-8")
            add_article(store, art, sc)
        total = len(store.claims())
    return folder / "e.db", total


def test_evidence_pages_filter_paginate_and_escape(evidence_db):
    db, total = evidence_db
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        first = c.get("/evidence")
        assert first.status_code == 200
        assert int(attr(first.text, "claims-count", "data-total")) == total
        assert "<script" not in first.text.lower() and "&lt;script&gt;" in first.text
        pages = int(attr(first.text, "claims-count", "data-pages"))
        assert pages >= 2
        ids = set()
        for p in range(1, pages + 1):
            page = c.get(f"/evidence?page={p}").text
            ids |= set(re.findall(r'data-claim="(\d+)"', page))
        assert len(ids) == total
        actors = re.findall(r'<tr class="claim" data-claim="\d+" data-actor="([^"]+)"', first.text)
        one = actors[0]
        only = c.get(f"/evidence?actor={one}").text
        assert set(re.findall(r'data-actor="([^"]+)" data-issue', only)) == {one}
        # past the end (a stale link; a filtered list reviews have shortened): the last page
        past = c.get(f"/evidence?page={pages + 1}")
        assert past.status_code == 200
        assert attr(past.text, "claims-count", "data-page") == str(pages)
        assert c.get("/evidence?page=x").status_code == 400


def test_no_evidence_store_gives_404(client):
    assert client.get("/evidence").status_code == 404


# -- the bounded stores ------------------------------------------------------------------------


def test_scenario_store_keeps_the_most_recent_and_the_pinned():
    sc = load_scenario(SMALL)
    store = ScenarioStore(limit=2)
    pinned = store.pin(load_scenario("istanbul-2025"))
    keys = []
    for k in range(3):
        copy = sc.model_copy(update={"title": f"copy {k}"})
        keys.append(store.add(copy))
    assert store.get(keys[0]) is None
    assert store.get(keys[1]) is not None and store.get(keys[2]) is not None
    assert store.get(pinned) is not None and len(store) == 3


def test_result_cache_computes_once_forgets_failures_and_bounds_its_queue():
    calls = []
    gate = threading.Event()

    def slow() -> int:
        calls.append(1)
        gate.wait(5)
        return 7

    with ThreadPoolExecutor(2) as pool:
        cache = ResultCache(pool, limit=4, pending=1)

        async def run() -> list[int]:
            tasks = [asyncio.create_task(cache.get("k", slow, 5)) for _ in range(10)]
            await asyncio.sleep(0.05)
            with pytest.raises(Busy):
                await cache.get("other", slow, 5)
            gate.set()
            return list(await asyncio.gather(*tasks))

        assert asyncio.run(run()) == [7] * 10 and len(calls) == 1

        def boom() -> int:
            raise RuntimeError("x")

        with pytest.raises(RuntimeError):
            asyncio.run(cache.get("bad", boom, 5))
        time.sleep(0.05)
        assert asyncio.run(cache.get("bad", lambda: 3, 5)) == 3
        for k in range(10):
            asyncio.run(cache.get(("n", k), lambda: 1, 5))
        assert len(cache) <= 4


# -- the command -------------------------------------------------------------------------------


def test_serve_refuses_bad_options_in_one_line(tmp_path):
    for args in (["--port", "0"], ["--db", str(tmp_path / "missing.db")], ["--workers", "0"]):
        out = subprocess.run(
            [sys.executable, "-m", "pourparler", "serve", *args],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert out.returncode == 2, args
        assert out.stderr.count("\n") == 1 and "Traceback" not in out.stderr


# -- sizes, unknown filters, control characters, the simulation's marks --------------------------


def test_every_upload_refusal_names_the_file_limit_not_the_body_limit(client):
    from pourparler.web.app import MAX_BODY_BYTES

    shown, hidden = f"{MAX_UPLOAD_BYTES:,} bytes", f"{MAX_BODY_BYTES:,}"
    answers = [
        upload(client, b"#" * (MAX_UPLOAD_BYTES + 1)),  # read, then refused by its size
        upload(client, b"#" * 3_000_000),  # refused by its Content-Length before reading
    ]

    def body():  # no Content-Length: cut off once the body passes its limit
        yield b"--b\r\nContent-Disposition: form-data; name=file; filename=a.yaml\r\n\r\n"
        for _ in range(30):
            yield b"x" * 100_000

    answers.append(
        client.post(
            "/upload", content=body(), headers={"content-type": "multipart/form-data; boundary=b"}
        )
    )
    for r in answers:
        assert r.status_code == 413
        assert shown in r.text and hidden not in r.text
    assert shown in client.get("/").text


def test_an_unknown_evidence_actor_or_issue_is_refused_naming_the_known_ones(evidence_db):
    db, _ = evidence_db
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        known = re.findall(r'data-actor="([^"]+)" data-issue', c.get("/evidence").text)
        assert known
        r = c.get("/evidence?actor=XX")
        assert r.status_code == 400
        assert "actor: &#39;XX&#39;" in r.text and "known: " in r.text
        assert all(a in r.text for a in set(known))
        assert "claims; page" not in r.text
        r = c.get("/evidence?issue=nothing-like-it")
        assert r.status_code == 400 and "issue: &#39;nothing-like-it&#39;" in r.text
        assert c.get(f"/evidence?actor={known[0]}").status_code == 200


CONTROLS = "\x1b[31mRED\x1b[0m \x07bell \x9b \u202eevil\u202c"
RAW_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def test_control_characters_in_scenario_text_are_shown_as_escapes_on_every_page(client):
    sc = load_scenario(SMALL)
    data = sc.model_dump(mode="json")
    data["title"] = f"Talks {CONTROLS}"
    data["actors"][0]["name"] = f"Actor {CONTROLS}"
    data["issues"][0]["name"] = f"Issue {CONTROLS}"
    data["issues"][0]["options"][0]["label"] = f"Option {CONTROLS}"
    changed = type(sc).model_validate(data)
    r = upload(client, dump_yaml(changed))
    assert r.status_code == 303
    base = r.headers["location"]
    paths = ["", "/forecast", "/deals", "/analysis", "/simulate?runs=200"]
    if 'id="download-report"' in client.get(base).text:
        paths.append("/report.html")
    for path in paths:
        page = client.get(base + path)
        assert page.status_code == 200, path
        raw = page.content
        assert not [b for b in raw if b < 0x20 and b not in (0x09, 0x0A, 0x0D)], path
        assert not RAW_CONTROL.search(page.text), path
        assert "\\x1b[31mRED" in page.text, path
    if "/report.html" in paths:  # no command line named it: the saved copy does
        report = client.get(base + "/report.html").text
        assert "pourparler simulate SCENARIO.yaml --runs 5000" in report


def test_the_simulation_page_marks_a_share_outside_its_band(client):
    page = client.get(f"/scenario/{key_of(SMALL)}/simulate?seed=0&runs=5000").text
    cells = re.findall(r"<td[^>]*\bdata-series=\"(\w+)\"[^>]*>.*?</td>", page)
    assert cells
    marked = 0
    for m in re.finditer(r"(<td[^>]*\bdata-series=\"(\w+)\"[^>]*>)(.*?)</td>", page):
        tag, series, content = m.groups()
        if series == "ripeness":
            continue
        values = dict(re.findall(r'data-(value|low|high)="([^"]*)"', tag))
        p, low, high = (float(values[k]) for k in ("value", "low", "high"))
        outside = p < low or p > high
        assert ("‡" in content) == outside == ('data-outside-band="true"' in tag)
        marked += outside
    assert marked
    assert 'data-month="1" data-series="settlement_signed"' in page
    month1 = re.search(r'data-month="1" data-series="settlement_signed"[^>]*>([^<]*)<span', page)
    assert month1, "month 1's settlement share (2% of the runs, band 0–0) is not marked"
    assert "few batches carry the event" in page and "settlement-first" in page


def large_scenario_yaml(n_actors: int = 300, n_issues: int = 8) -> str:
    import yaml

    data = {
        "schema_version": 1,
        "id": "large",
        "title": "Large",
        "date": "2025-01-01",
        "actors": [
            {"id": f"A{k:03d}", "name": f"Actor {k}", "capability": 0.1 + (k % 9) / 10}
            for k in range(n_actors)
        ],
        "issues": [
            {
                "id": f"i{j}",
                "name": f"Issue {j}",
                "status_quo": 50,
                "options": [{"value": 0, "label": "no"}, {"value": 100, "label": "yes"}],
            }
            for j in range(n_issues)
        ],
        "stances": [
            {"actor": f"A{k:03d}", "issue": f"i{j}", "position": (7 * k + j) % 101, "salience": 0.5}
            for k in range(n_actors)
            for j in range(n_issues)
        ],
    }
    return yaml.safe_dump(data)


def test_the_report_download_is_refused_like_the_forecast_of_a_large_scenario(client):
    r = upload(client, large_scenario_yaml(), "large.yaml")
    assert r.status_code == 303
    base = r.headers["location"]
    assert client.get(base + "/forecast").status_code == 422
    t0 = time.perf_counter()
    report = client.get(base + "/report.html")
    if 'id="download-report"' not in client.get(base).text:
        assert report.status_code == 404
        return
    assert report.status_code == 422
    assert "300 actors" in report.text and "command line" in report.text
    assert time.perf_counter() - t0 < 10  # the report itself takes over 30 s


def test_evidence_page_names_the_page_of_a_pdf_claim(tmp_path):
    pytest.importorskip("pypdf")
    from pourparler.evidence.ingest import add_article
    from pourparler.evidence.store import Store

    pdf = next((Path(__file__).parent / "data" / "evidence_pdf").glob("a12_*.pdf"))
    with Store(tmp_path / "e.db") as store:
        add_article(store, pdf, load_scenario("istanbul-2025"))
    with TestClient(create_app(db=tmp_path / "e.db"), raise_server_exceptions=False) as c:
        text = c.get("/evidence").text
    assert re.search(r'<td class="source">[^<]*, p\. [123]</td>', text)


def test_evidence_page_links_a_claim_to_the_address_of_its_page(tmp_path):
    from pourparler.evidence.ingest import add_article
    from pourparler.evidence.store import Store

    page = tmp_path / "saved.html"
    page.write_text(
        '<html><head><link rel="canonical" href="https://news.example/a?x=1&y=2"></head><body>'
        "<p>Kyiv insists on an unconditional 30-day ceasefire.</p></body></html>",
        encoding="utf-8",
    )
    with Store(tmp_path / "e.db") as store:
        add_article(store, page, load_scenario("istanbul-2025"))
    with TestClient(create_app(db=tmp_path / "e.db"), raise_server_exceptions=False) as c:
        text = c.get("/evidence").text
    assert '<a href="https://news.example/a?x=1&amp;y=2" rel="noopener noreferrer">' in text

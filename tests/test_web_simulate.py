"""The web app's simulation page (``/scenario/{key}/simulate``): its numbers equal the library's
for the same seed and runs, what-if changes reach it, bad parameters and a scenario without a
battlefield give the app's error page, scenario text is escaped, and the JSON and CSV downloads
have the shapes of ``pourparler simulate --json`` and ``--csv``."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from _web_support import TestClient  # skips without the web extra
from pourparler.dynamics.simulate import simulate
from pourparler.report._data import json_ready
from pourparler.report.simulation import FRAME_COLUMNS
from pourparler.scenario import load_scenario
from pourparler.web import create_app
from pourparler.web.simulation import MAX_RUNS, MONTHS, SERIES, SHOWN_MONTHS
from simulate_samples import doc

NAME = "istanbul-2022"
RUNS = 1000
SEED = 4
HOSTILE = "<script>alert(1)</script>"
CELL = re.compile(r"<td[^>]*\bdata-series=\"[^\"]+\"[^>]*>")


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="module")
def library() -> dict:
    return simulate(load_scenario(NAME), months=MONTHS, runs=RUNS, seed=SEED).to_data()


def attrs(tag: str) -> dict[str, str]:
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def cells(html: str) -> dict[tuple[int, str], dict[str, str]]:
    out = {}
    for tag in CELL.findall(html):
        a = attrs(tag)
        out[(int(a["data-month"]), a["data-series"])] = a
    return out


def page(client, key: str, query: str = f"runs={RUNS}&seed={SEED}"):
    return client.get(f"/scenario/{key}/simulate?{query}")


def upload(client, data: dict) -> str:
    raw = yaml.safe_dump(data, allow_unicode=True).encode()
    r = client.post("/upload", files={"file": ("s.yaml", raw)}, follow_redirects=False)
    assert r.status_code == 303, r.text
    return r.headers["location"].rsplit("/", 1)[-1]


def test_the_page_shows_the_librarys_numbers(client, library):
    r = page(client, load_scenario(NAME).digest())
    assert r.status_code == 200
    got = cells(r.text)
    assert {m for m, _ in got} == set(SHOWN_MONTHS)
    for m in library["months"]:
        if m["month"] not in SHOWN_MONTHS:
            continue
        for key, _ in SERIES:
            a = got[(m["month"], key)]
            assert float(a["data-value"]) == m[key]["p"]
            assert [float(a["data-low"]), float(a["data-high"])] == m[key]["interval"]
        ripe = got[(m["month"], "ripeness")]
        assert (float(ripe["data-value"]) if ripe["data-value"] else None) == m["ripeness"]["mean"]
    summary = dict(re.findall(r'data-summary="(\w+)" data-value="([^"]*)"', r.text))
    for key, text in summary.items():
        assert (float(text) if text else None) == library["summary"][key], key
    shares = sorted(
        float(v) for v in re.findall(r'data-option="[^"]*" data-value="([^"]*)"', r.text)
    )
    assert shares == sorted(s for t in library["terms"] for s in t["shares"].values())
    assert shares  # the 2022 settlement zone is open: some runs sign
    assert "<script" not in r.text.lower()


def test_the_scenario_page_links_the_simulation_only_with_a_battlefield(client):
    key = load_scenario(NAME).digest()
    assert f'href="/scenario/{key}/simulate"' in client.get(f"/scenario/{key}").text
    data = doc()
    del data["battlefield"]
    bare = upload(client, data)
    assert "link-simulate" not in client.get(f"/scenario/{bare}").text
    r = page(client, bare)
    assert r.status_code == 400
    assert "battlefield: missing" in r.text and 'id="error-message"' in r.text
    assert "Traceback" not in r.text


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("runs=0", "runs: 0"),
        (f"runs={MAX_RUNS + 1}", f"runs: {MAX_RUNS + 1}"),
        ("runs=many", "runs: &#39;many&#39;: not a whole number"),
        # digits other than ASCII, and "_", as the command line reads numbers (Python takes both)
        ("runs=%D9%A5", "runs: &#39;٥&#39;: not a whole number"),
        ("seed=1_0", "seed: &#39;1_0&#39;: not a whole number"),
        # more digits than Python reads a number from (4,300): out of range, not "not a number"
        ("runs=" + "9" * 5000, f"runs: a number of 5,000 digits: must be between 1 and {MAX_RUNS}"),
        ("runs=2.5", "runs: &#39;2.5&#39;"),
        ("seed=-1", "seed: -1"),
    ],
)
def test_bad_parameters_give_the_error_page(client, query, needle):
    key = load_scenario(NAME).digest()
    for path in ("simulate", "simulation.csv"):
        r = client.get(f"/scenario/{key}/{path}?{query}")
        assert r.status_code == 400, path
        message = re.search(r'<p id="error-message">(.*?)</p>', r.text, re.S)
        assert message and needle in message.group(1), (path, r.text[:300])
    # the JSON download fails in JSON, with the same line
    r = client.get(f"/scenario/{key}/simulation.json?{query}")
    assert r.status_code == 400
    assert needle.replace("&#39;", "'") in r.json()["error"]["message"], r.text[:300]


def test_a_whatif_change_reaches_the_simulation(client, library):
    from pourparler.web.whatif_form import apply_form

    sc = load_scenario(NAME)
    form = {"at_table:US": "yes"}  # a veto actor seated: no settlement inside its red lines
    r = client.post(f"/scenario/{sc.digest()}/whatif", data=form, follow_redirects=False)
    assert r.status_code == 303
    new_key = r.headers["location"].split("/")[2]
    changed = apply_form(sc, list(form.items()))
    assert changed.digest() == new_key != sc.digest()
    want = simulate(changed, months=MONTHS, runs=RUNS, seed=SEED).to_data()
    assert want["summary"]["p_settlement_by_12"] != library["summary"]["p_settlement_by_12"]
    text = page(client, new_key).text
    got = cells(text)
    for m in want["months"]:
        if m["month"] in SHOWN_MONTHS:
            cell = got[(m["month"], "settlement_signed")]
            assert float(cell["data-value"]) == m["settlement_signed"]["p"]
    assert "the settlement track has no package" in text


def test_json_download_is_the_librarys_object(client, library):
    key = load_scenario(NAME).digest()
    r = client.get(f"/scenario/{key}/simulation.json?runs={RUNS}&seed={SEED}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert f'filename="{NAME}-simulation.json"' in r.headers["content-disposition"]
    assert r.json() == json.loads(json.dumps(json_ready(library)))
    assert len(r.json()["months"]) == MONTHS


def test_a_few_batches_show_no_band_and_say_so(client):
    r = page(client, load_scenario(NAME).digest(), f"runs=300&seed={SEED}")
    assert r.status_code == 200
    got = cells(r.text)
    shares = [a for (_, series), a in got.items() if series != "ripeness"]
    assert shares and all(a["data-low"] == a["data-high"] == "" for a in shares)
    assert "no 80% intervals" in r.text
    assert '<td class="num">–</td>' in r.text


def test_the_ripeness_band_is_labelled_a_spread_over_runs_and_few_batches_caveat_the_drivers(
    client,
):
    key = load_scenario(NAME).digest()
    text = page(client, key, "runs=500&seed=3").text
    assert "no 80% intervals" in text
    # the ripeness band is the runs' 10%–90% spread, not an 80% interval over batches
    head = re.search(r"<thead>(.*?)</thead>", text, re.S).group(1)
    labels = re.findall(r"<th[^>]*>([^<]*)</th>", head)
    assert labels[-2:] == ["ripeness", "runs' 10–90%"]
    got = cells(text)
    ripe = got[(12, "ripeness")]
    assert ripe["data-low"] != "" and float(ripe["data-low"]) <= float(ripe["data-high"])
    assert "a spread over runs, not an interval over batches" in text
    # the drivers' correlations rest on 5 full batches only: said beside them
    note = re.search(r'<p class="note" id="drivers-note">([^<]*)</p>', text)
    assert note and note[1] == (
        "drivers: rank correlations over only 5 full batches of 100 runs (fewer than 10): "
        "with so few, chance alone can make them large."
    )
    assert 'id="drivers-note"' not in page(client, key).text  # 1,000 runs: ten batches


def test_a_marked_share_and_its_band_get_the_digits_that_show_the_gap() -> None:
    """3 significant digits would show 0.123‡ beside 0.1–0.123; the page's cell shows more."""
    import dataclasses

    from pourparler.report.simulation import Share
    from pourparler.web.simulation import simulation_view

    sc = load_scenario(NAME)
    result = simulate(sc, months=MONTHS, runs=100, seed=SEED)
    first = dataclasses.replace(result.months[0], signed=Share(0.1234, 0.1, 0.1232))
    result = dataclasses.replace(result, months=(first, *result.months[1:]))
    view = simulation_view(sc, result)
    (cell,) = [c for c in view["rows"][0]["cells"] if c["series"] == "settlement_signed"]
    assert cell["outside"] and cell["digits"] == 4
    shown, lo, hi = (float(f"{x:.{cell['digits']}g}") for x in (0.1234, 0.1, 0.1232))
    assert not lo <= shown <= hi


def test_csv_download_has_one_row_per_month_and_the_librarys_columns(client, library):
    pytest.importorskip("pandas")
    key = load_scenario(NAME).digest()
    r = client.get(f"/scenario/{key}/simulation.csv?runs={RUNS}&seed={SEED}")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert list(rows[0]) == FRAME_COLUMNS
    assert [int(row["month"]) for row in rows] == list(range(1, MONTHS + 1))
    for row, m in zip(rows, library["months"], strict=True):
        assert float(row["signed"]) == m["settlement_signed"]["p"]
        assert float(row["broken_high"]) == m["broken_down"]["interval"][1]


def test_scenario_text_on_the_page_is_escaped(client):
    data = doc()
    data["title"] = f"Front {HOSTILE}"
    for issue in data["issues"]:
        for option in issue["options"]:
            option["label"] = f"{option['label']} {HOSTILE}"
    for actor in data["actors"]:
        actor["name"] = f"{actor['name']} {HOSTILE}"
    key = upload(client, data)
    r = page(client, key, "runs=200&seed=1")
    assert r.status_code == 200
    assert HOSTILE not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<script" not in r.text.lower()

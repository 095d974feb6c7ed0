"""One self-contained HTML report of a scenario: the scenario, the forecasts, their sensitivity,
the package deals, the talks month by month (with a battlefield section) and, with an evidence
store, the stated positions over time.

:func:`render_report` runs the analyses and renders ``templates/report.html.j2`` (Jinja2 with
autoescaping on). Charts are Vega-Lite specifications (:mod:`pourparler.report.charts`) drawn in
the browser by the Vega bundle that ``vl-convert-python`` ships, inlined, so the file opens
offline. A Content-Security-Policy allows exactly the inlined scripts (by their SHA-256 hashes);
the chart data travels in a JSON block whose ``<``, ``>``, ``&``, U+2028 and U+2029 are escaped.
Needs the ``report`` extra (jinja2, vl-convert-python); nothing imports it at module level.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError
from pourparler.report import dynamics_section as dynamics
from pourparler.report._data import json_ready
from pourparler.report.html_parts import (
    DISAGREEMENT,
    FRONTIER_LISTED,
    SENSITIVITY_MODEL,
    TOP_INPUTS,
    Charts,
    deals_part,
    evidence_part,
    forecast_part,
    scenario_part,
    sensitivity_part,
    source_entries,
)
from pourparler.report.provenance import Provenance
from pourparler.text import page_text, printable_strings

if TYPE_CHECKING:
    from pourparler.forecast.progress import ProgressSink
    from pourparler.report.forecast import ForecastReport
    from pourparler.report.sensitivity import SensitivityReport
    from pourparler.scenario import Scenario

ROUNDS = 10  # rounds of the iterative models, as `pourparler forecast`
DRAWS = 200  # Monte Carlo draws for the intervals, as `pourparler forecast`
SECTIONS = ("scenario", "forecasts", "sensitivity", "deals", "dynamics", "evidence", "provenance")
LIBRARY = "vl-convert-python (Vega, Vega-Lite, Vega-Embed)"
INSTALL_HINT = "the report needs the report extra: pip install 'pourparler[report]'"

RENDER_SCRIPT = """\
const specs = JSON.parse(document.getElementById("pp-charts").textContent);
for (const el of document.querySelectorAll("[data-chart]")) {
  window.vegaEmbed(el, specs[el.dataset.chart], {
    renderer: "svg", actions: false, ast: true, defaultStyle: false,
    tooltip: {disableDefaultStyle: true}
  }).catch((err) => { el.textContent = "Chart not drawn: " + err.message; });
}
"""


@dataclass(frozen=True)
class ReportDocument:
    """A rendered report: the HTML text and the provenance of each part (``forecast``,
    ``sensitivity``, ``deals``, ``simulation``, ``evidence``; ``deals`` is absent when the agenda
    was too large to analyse, ``simulation`` without a battlefield, ``evidence`` without a
    store)."""

    html: str
    parts: Mapping[str, Provenance] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "parts", MappingProxyType(dict(self.parts)))

    def to_bytes(self) -> bytes:
        """The file's bytes (UTF-8)."""
        return self.html.encode("utf-8")

    @property
    def size(self) -> int:
        """Size of the file in bytes."""
        return len(self.to_bytes())


def script_json(obj: Any) -> str:
    """``obj`` as JSON safe inside an HTML ``<script>`` element: ``<``, ``>`` and ``&`` are
    written as ``\\u003c``, ``\\u003e``, ``\\u0026`` (no ``</script>`` or ``<!--`` can end or
    change the element) and U+2028/U+2029 as escapes (line terminators in older JavaScript).
    These characters only occur inside JSON strings, where the escapes mean the same."""
    text = json.dumps(json_ready(obj), ensure_ascii=False, sort_keys=True, allow_nan=False)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(ch, esc)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def csp_hash(script: str) -> str:
    """The CSP source expression allowing exactly the inline script ``script``."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str]) -> str:
    """Nothing may load from anywhere; only these inline scripts run; inline styles and data:
    images are allowed (Vega sets styles on the SVG it draws)."""
    hashes = " ".join(csp_hash(s) for s in scripts)
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=1)
def chart_library() -> tuple[str, str]:
    """The Vega, Vega-Lite and Vega-Embed bundle (JavaScript) and vl-convert's version."""
    try:
        import vl_convert
    except ImportError:  # pragma: no cover - depends on the environment
        raise InputError(INSTALL_HINT) from None
    make_bundle: Any = vl_convert.javascript_bundle  # its stubs require the optional snippet
    bundle = str(make_bundle())
    if "</script" in bundle.lower() or "<!--" in bundle:  # cannot sit in an inline script
        bundle = bundle.replace("</", "<\\/").replace("<!--", "<\\!--")
    return bundle, str(getattr(vl_convert, "__version__", ""))


def render_report(
    scenario: Scenario,
    *,
    seed: int = 0,
    db: str | Path | None = None,
    full: bool = False,
    progress: ProgressSink | Callable[[int], None] | None = None,
    runs: int = dynamics.RUNS,
    source: str | None = None,
) -> ReportDocument:
    """The report of ``scenario``: forecasts (every model, ``DRAWS`` draws from ``seed``),
    sensitivity of the ensemble, package deals (Monte Carlo estimates from ``seed``), with a
    battlefield section the simulation of the talks (``runs`` runs of
    :data:`~pourparler.report.dynamics_section.MONTHS` months from ``seed``) and, when
    ``db`` names an evidence store, the positions stated in its articles. ``full`` lifts the
    time budgets of the forecast and sensitivity (see ``pourparler forecast --full``).
    ``progress`` is told of the slow parts; ``source`` is how a command line names the scenario
    (a built-in name or a file path), for the command the simulation section shows. An agenda
    too large for the deal analysis leaves the deals section saying why; a missing store is
    :class:`InputError`."""
    from pourparler.forecast.progress import as_sink

    if seed < 0:
        raise InputError(f"seed: must be non-negative, got {seed}")
    dynamics.check_runs(runs)
    store = _check_store(db)
    bundle, library_version = chart_library()
    sink = as_sink(progress)
    forecast = _forecast(scenario, seed, full, sink)
    sensitivity = _sensitivity(scenario, full, sink)
    deals, deals_prov, deals_note = _deals(scenario, seed, sink)
    simulated = dynamics.simulation(scenario, runs, seed, sink)
    parts = {"forecast": forecast.provenance, "sensitivity": sensitivity.provenance}
    if deals_prov is not None:
        parts["deals"] = deals_prov
    if simulated is not None:
        parts["simulation"] = simulated.provenance
    figures = Charts()
    context: dict[str, Any] = {
        "sc": scenario,
        "scenario": scenario_part(scenario, figures),
        "forecast": forecast_part(scenario, forecast, figures),
        "sensitivity": sensitivity_part(sensitivity, figures),
        "deals": None if deals is None else deals_part(scenario, deals, figures),
        "deals_note": deals_note,
        "dynamics": None
        if simulated is None
        else dynamics.dynamics_part(scenario, simulated, figures.add, source_entries, source),
        "evidence": None,
        "library": {"name": LIBRARY, "version": library_version},
        "disagreement": DISAGREEMENT,
    }
    if store is not None:
        context["evidence"] = evidence_part(scenario, store, figures)
        parts["evidence"] = Provenance.of(
            scenario, method="evidence", store=store.name, claims=context["evidence"]["count"]
        )
    context["parts"] = [(name, p, p.to_data()) for name, p in parts.items()]
    context["charts_json"] = script_json(printable_strings(figures.specs, lines=True))
    context["bundle"] = bundle
    context["render_script"] = RENDER_SCRIPT
    context["csp"] = content_security_policy([bundle, RENDER_SCRIPT])
    html = _template().render(**context)
    return ReportDocument(html=html, parts=parts)


@lru_cache(maxsize=1)
def _template() -> Any:
    try:
        import jinja2
    except ImportError:  # pragma: no cover - depends on the environment
        raise InputError(INSTALL_HINT) from None
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("pourparler.report", "templates"),
        autoescape=True,
        undefined=jinja2.Undefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=page_text,  # control characters in scenario text shown as escapes
    )
    env.filters["num"] = fmt_number
    env.filters["exact"] = exact_number
    return env.get_template("report.html.j2")


def fmt_number(x: Any, spec: str = ".3g") -> str:
    """``x`` formatted with ``spec``; "–" for None and NaN."""
    if x is None or (isinstance(x, float) and x != x):
        return "–"
    if isinstance(x, bool):
        return "yes" if x else "no"
    return format(x, spec)


def exact_number(x: Any) -> str:
    """``x`` as the shortest text that reads back as the same float (for ``data-value``)."""
    return "" if x is None else repr(float(x))


# -- the analyses ------------------------------------------------------------------------------
def _check_store(db: str | Path | None) -> Path | None:
    if db is None:
        return None
    path = Path(db)
    if not path.is_file():
        raise InputError(f"db: {path}: no evidence store there")
    return path


def _forecast(sc: Scenario, seed: int, full: bool, sink: ProgressSink) -> ForecastReport:
    from pourparler.forecast.budget import DRAWS_BUDGET
    from pourparler.forecast.scenario_forecast import forecast_scenario
    from pourparler.report.forecast import forecast_report

    try:
        result = forecast_scenario(
            sc,
            ["all"],
            rounds=ROUNDS,
            draws=DRAWS,
            seed=seed,
            progress=sink,
            budget=None if full else DRAWS_BUDGET,
        )
    except ValueError as exc:  # the models' own checks on the scenario's numbers
        raise InputError(f"{sc.id}: {exc}") from None
    return forecast_report(sc, result, seed)


def _sensitivity(sc: Scenario, full: bool, sink: ProgressSink) -> SensitivityReport:
    from pourparler.forecast import sensitivity as sens
    from pourparler.report.sensitivity import sensitivity_report

    try:
        result = sens.scenario_sensitivity(
            sc,
            model=SENSITIVITY_MODEL,
            rounds=ROUNDS,
            budget=None if full else sens.SCREEN_BUDGET,
            progress=sink,
        )
    except ValueError as exc:
        raise InputError(f"{sc.id}: {exc}") from None
    return sensitivity_report(sc, result, model=SENSITIVITY_MODEL, rounds=ROUNDS, top=TOP_INPUTS)


def _deals(
    sc: Scenario, seed: int, sink: ProgressSink
) -> tuple[dict[str, Any] | None, Provenance | None, str | None]:
    """The deals data (``pourparler deals --json``'s shape) and its provenance, or why there
    is none (an agenda too large to analyse)."""
    from pourparler.deals import analyse_space, build_space

    params = {"method": "auto", "frontier_listed": FRONTIER_LISTED}

    def step(name: str) -> None:
        sink.finish()
        sink.start(f"deals: {name}", 1, None)

    try:
        space = build_space(sc)
        result: Any = analyse_space(space, seed=seed, frontier_listed=FRONTIER_LISTED, step=step)
    except InputError as exc:
        return None, None, str(exc)
    finally:
        sink.finish()
    data = result.to_data() if hasattr(result, "to_data") else json_ready(dict(result))
    return data, Provenance.from_parameters(sc, params, seed=seed, method="deals"), None

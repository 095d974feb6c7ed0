"""Vega-Lite specifications of the report's charts, as plain dicts (Satyanarayan et al. 2017,
"Vega-Lite: A Grammar of Interactive Graphics", IEEE TVCG 23(1)).

Each function takes JSON-ready rows and returns one self-contained specification with its data
inlined (``data.values``); nothing here renders or imports a chart library. Text from the
scenario reaches the charts only as data, never as markup: Vega draws it as SVG text.
"""

from __future__ import annotations

from typing import Any

WIDTH = 520  # px: fits an A4 page's text width at print scale
ROW = 22  # px per band (actor, model, input)
SCALE_DOMAIN = [0, 100]
ENSEMBLE = "ensemble"

Spec = dict[str, Any]


def _frame(title: str, subtitle: str | None, n_rows: int) -> Spec:
    head: dict[str, Any] = {"text": title, "anchor": "start"}
    if subtitle:
        head["subtitle"] = subtitle
    return {
        "title": head,
        "width": WIDTH,
        "height": max(1, n_rows) * ROW,
        "config": {"view": {"stroke": None}, "axis": {"labelLimit": 220}},
    }


def _scale_x(title: str) -> dict[str, Any]:
    return {"scale": {"domain": SCALE_DOMAIN, "nice": False}, "title": title}


def position_map(
    issue: str,
    low_end: str,
    high_end: str,
    status_quo: float,
    rows: list[dict[str, Any]],
    note: str = "",
) -> Spec:
    """Actors on one issue's 0–100 scale: a dot at each position sized by salience, a bar over
    each red line's acceptable interval, a rule at the status quo. ``rows``: ``actor`` (a
    distinct label), ``position``, ``salience``, ``red_low``, ``red_high`` (None without a red
    line); ``note`` is added to the subtitle (e.g. which actors are drawn)."""
    order = [r["actor"] for r in rows]
    y = {"field": "actor", "type": "nominal", "sort": order, "title": None}
    x_title = f"0 = {low_end} · 100 = {high_end}"
    subtitle = f"status quo {status_quo:g}" + (f"; {note}" if note else "")
    spec = _frame(issue, subtitle, len(rows))
    spec["data"] = {"values": rows}
    spec["layer"] = [
        {
            "transform": [{"filter": "datum.red_low != null"}],
            "mark": {"type": "bar", "height": 8, "opacity": 0.25, "color": "#c0392b"},
            "encoding": {
                "x": {"field": "red_low", "type": "quantitative", **_scale_x(x_title)},
                "x2": {"field": "red_high"},
                "y": y,
                "tooltip": [
                    {"field": "actor", "title": "actor"},
                    {"field": "red_low", "title": "red line from"},
                    {"field": "red_high", "title": "to"},
                ],
            },
        },
        {
            "mark": {"type": "rule", "color": "#777", "strokeDash": [4, 3]},
            "data": {"values": [{"status_quo": status_quo}]},
            "encoding": {"x": {"field": "status_quo", "type": "quantitative"}},
        },
        {
            "mark": {"type": "point", "filled": True, "color": "#1f4e79"},
            "encoding": {
                "x": {"field": "position", "type": "quantitative", **_scale_x(x_title)},
                "y": y,
                "size": {
                    "field": "salience",
                    "type": "quantitative",
                    "scale": {"domain": [0, 1], "range": [10, 260]},
                    "title": "salience",
                },
                "tooltip": [
                    {"field": "actor", "title": "actor"},
                    {"field": "position", "title": "position"},
                    {"field": "salience", "title": "salience"},
                ],
            },
        },
    ]
    return spec


def forecast_dots(issue: str, status_quo: float, rows: list[dict[str, Any]]) -> Spec:
    """Each model's forecast of one issue as a dot with its 80% interval as a bar, the ensemble
    in its own colour, a rule at the status quo. ``rows``: ``model``, ``forecast``, ``low``,
    ``high`` (None without an interval)."""
    order = [r["model"] for r in rows]
    y = {"field": "model", "type": "nominal", "sort": order, "title": None}
    colour = {
        "condition": {"test": f"datum.model == '{ENSEMBLE}'", "value": "#b35806"},
        "value": "#1f4e79",
    }
    spec = _frame(issue, f"status quo {status_quo:g}; bars: 80% interval", len(rows))
    spec["data"] = {"values": rows}
    spec["layer"] = [
        {
            "transform": [{"filter": "datum.low != null"}],
            "mark": {"type": "rule", "strokeWidth": 2},
            "encoding": {
                "x": {"field": "low", "type": "quantitative", **_scale_x("forecast (0–100)")},
                "x2": {"field": "high"},
                "y": y,
                "color": colour,
            },
        },
        {
            "mark": {"type": "rule", "color": "#777", "strokeDash": [4, 3]},
            "data": {"values": [{"status_quo": status_quo}]},
            "encoding": {"x": {"field": "status_quo", "type": "quantitative"}},
        },
        {
            "mark": {"type": "point", "filled": True, "size": 70},
            "encoding": {
                "x": {"field": "forecast", "type": "quantitative", **_scale_x("forecast (0–100)")},
                "y": y,
                "color": colour,
                "tooltip": [
                    {"field": "model", "title": "model"},
                    {"field": "forecast", "title": "forecast", "format": ".3g"},
                    {"field": "low", "title": "80% from", "format": ".3g"},
                    {"field": "high", "title": "to", "format": ".3g"},
                ],
            },
        },
    ]
    return spec


def tornado(issue: str, forecast: float, rows: list[dict[str, Any]]) -> Spec:
    """The inputs that move one issue's forecast most: per input a bar from the nominal
    forecast to the forecast at input − δ and one to the forecast at input + δ, largest effect
    on top. ``rows``: ``label``, ``side`` ("− δ" or "+ δ"), ``from``, ``to``."""
    order: list[str] = []
    for r in rows:
        if r["label"] not in order:
            order.append(r["label"])
    spec = _frame(
        issue, f"forecast {forecast:.3g}; bars: forecast with the input at ±δ", len(order)
    )
    spec["data"] = {"values": rows}
    spec["layer"] = [
        {
            "mark": {"type": "bar", "height": 12},
            "encoding": {
                "x": {"field": "from", "type": "quantitative", "title": "forecast"},
                "x2": {"field": "to"},
                "y": {"field": "label", "type": "nominal", "sort": order, "title": None},
                "color": {
                    "field": "side",
                    "type": "nominal",
                    "scale": {"domain": ["− δ", "+ δ"], "range": ["#4575b4", "#d73027"]},
                    "title": "input",
                },
                "tooltip": [
                    {"field": "label", "title": "input"},
                    {"field": "side", "title": "change"},
                    {"field": "to", "title": "forecast", "format": ".3g"},
                ],
            },
        },
        {
            "mark": {"type": "rule", "color": "#333"},
            "data": {"values": [{"forecast": forecast}]},
            "encoding": {"x": {"field": "forecast", "type": "quantitative"}},
        },
    ]
    return spec


def frontier_pair(
    x_party: str, y_party: str, reservation: tuple[float, float], rows: list[dict[str, Any]]
) -> Spec:
    """Frontier packages projected on two parties' utilities, with the bargaining points marked
    and dashed rules at each party's no-deal value. ``rows``: ``x``, ``y``, ``kind`` ("frontier",
    "zone frontier" or a bargaining point's name)."""
    spec = _frame(f"{x_party} × {y_party}", "utility of each package (0 worst, 1 best)", 1)
    spec["height"] = 260
    spec["width"] = 300
    axis = {"scale": {"zero": False, "nice": True}}
    spec["data"] = {"values": rows}
    spec["layer"] = [
        {
            "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#777"},
            "data": {"values": [{"d": reservation[0]}]},
            "encoding": {"x": {"field": "d", "type": "quantitative"}},
        },
        {
            "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#777"},
            "data": {"values": [{"d": reservation[1]}]},
            "encoding": {"y": {"field": "d", "type": "quantitative"}},
        },
        {
            "mark": {"type": "point", "filled": True, "size": 40},
            "transform": [{"filter": "datum.point == false"}],
            "encoding": {
                "x": {"field": "x", "type": "quantitative", "title": x_party, **axis},
                "y": {"field": "y", "type": "quantitative", "title": y_party, **axis},
                "color": {"field": "kind", "type": "nominal", "title": "package"},
                "tooltip": [
                    {"field": "kind", "title": "package"},
                    {"field": "x", "title": x_party, "format": ".3f"},
                    {"field": "y", "title": y_party, "format": ".3f"},
                ],
            },
        },
    ]
    if not any(r["point"] for r in rows):  # no bargaining points (empty zone): no empty layer
        return spec
    spec["layer"].append(
        {
            "mark": {"type": "point", "shape": "cross", "size": 140, "color": "#000"},
            "transform": [{"filter": "datum.point == true"}],
            "encoding": {
                "x": {"field": "x", "type": "quantitative", **axis},
                "y": {"field": "y", "type": "quantitative", **axis},
                "shape": {"field": "kind", "type": "nominal", "title": "bargaining point"},
                "tooltip": [
                    {"field": "kind", "title": "point"},
                    {"field": "x", "title": x_party, "format": ".3f"},
                    {"field": "y", "title": y_party, "format": ".3f"},
                ],
            },
        }
    )
    return spec


def evidence_timeline(issue: str, rows: list[dict[str, Any]]) -> Spec:
    """Each actor's stated positions on one issue over time (dots joined per actor). ``rows``:
    ``date`` (ISO), ``actor``, ``position``, ``title``."""
    spec = _frame(issue, "stated positions from the evidence store", 1)
    spec["height"] = 200
    spec["data"] = {"values": rows}
    spec["mark"] = {"type": "line", "point": True}
    spec["encoding"] = {
        "x": {"field": "date", "type": "temporal", "title": "date"},
        "y": {"field": "position", "type": "quantitative", **_scale_x("position (0–100)")},
        "color": {"field": "actor", "type": "nominal", "title": "actor"},
        "tooltip": [
            {"field": "actor", "title": "actor"},
            {"field": "date", "type": "temporal", "title": "date"},
            {"field": "position", "title": "position"},
            {"field": "title", "title": "article"},
        ],
    }
    return spec


def month_bands(title: str, subtitle: str, rows: list[dict[str, Any]], y_title: str) -> Spec:
    """Month-by-month series, each a line with its 80% band as a shaded area. ``rows``:
    ``month``, ``series`` (a label), ``value``, ``low``, ``high`` (``value`` None: no point
    that month, e.g. ripeness when no run is at war)."""
    order: list[str] = []
    for r in rows:
        if r["series"] not in order:
            order.append(r["series"])
    spec = _frame(title, subtitle, 1)
    spec["height"] = 240
    spec["data"] = {"values": rows}
    x = {"field": "month", "type": "quantitative", "title": "month", "scale": {"nice": False}}
    colour = {"field": "series", "type": "nominal", "sort": order, "title": None}
    spec["layer"] = [
        {
            "transform": [{"filter": "datum.low != null"}],
            "mark": {"type": "area", "opacity": 0.18},
            "encoding": {
                "x": x,
                "y": {"field": "low", "type": "quantitative", "title": y_title},
                "y2": {"field": "high"},
                "color": colour,
            },
        },
        {
            "transform": [{"filter": "datum.value != null"}],
            "mark": {"type": "line", "point": {"size": 14}},
            "encoding": {
                "x": x,
                "y": {
                    "field": "value",
                    "type": "quantitative",
                    "title": y_title,
                    "scale": {"domain": [0, 1]},
                },
                "color": colour,
                "tooltip": [
                    {"field": "series", "title": "series"},
                    {"field": "month", "title": "month"},
                    {"field": "value", "title": "value", "format": ".3f"},
                    {"field": "low", "title": "80% from", "format": ".3f"},
                    {"field": "high", "title": "to", "format": ".3f"},
                ],
            },
        },
    ]
    return spec

"""Two scenarios side by side: each issue's ensemble forecast with its 80% interval, the zone
of agreement (empty or not, size, bargaining points, principal obstacle) and, when both have a
battlefield section, the simulated probabilities of a ceasefire, a settlement and a breakdown.

Both sides run with the same seed (common random numbers), so a scenario compared with itself
shows no difference at all, and a difference between two scenarios comes from the scenarios, not
from the draws. ``to_data()`` is the object ``pourparler compare --json`` prints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    import pandas as pd

    from pourparler.scenario import Scenario

METHOD = "compare"
LEAD_MODEL = "ensemble"
SIMULATED_MONTHS = 36
# the simulated quantities shown side by side (key in the simulation's summary, label)
SIMULATED = (
    ("p_ceasefire_by_12", "P(ceasefire by 12 months)"),
    ("p_settlement_by_12", "P(settlement by 12 months)"),
    ("p_breakdown_by_36", "P(breakdown by 36 months)"),
    ("median_months_to_ceasefire", "median months to ceasefire"),
    ("median_months_to_settlement", "median months to settlement"),
)
POINTS = ("nash", "weighted_nash", "kalai_smorodinsky", "utilitarian", "egalitarian")


def difference(a: float | None, b: float | None) -> float | None:
    """``b − a``, or None when either is missing (or not a number)."""
    if a is None or b is None or a != a or b != b:
        return None
    return b - a


def _int_difference(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else b - a


@dataclass(frozen=True)
class IssueForecastSide:
    """One side's ensemble forecast of an issue, its 80% interval (None without draws), the
    nearest labelled option and whether the forecast lies outside its own interval (None
    without draws), as ``forecast`` flags it."""

    forecast: float
    interval: tuple[float, float] | None
    option: str | None
    outside_interval: bool | None = None

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "forecast": self.forecast,
                "interval": None if self.interval is None else list(self.interval),
                "option": self.option,
                "outside_interval": self.outside_interval,
            }
        )


@dataclass(frozen=True)
class IssueComparison:
    """One issue, matched by id: its forecast on each side (None where the scenario lacks it)."""

    id: str
    name: str
    a: IssueForecastSide | None
    b: IssueForecastSide | None

    @property
    def only_in(self) -> str | None:
        """``"a"`` or ``"b"`` for an issue only one scenario has; None when both have it."""
        if self.a is None:
            return "b"
        return "a" if self.b is None else None

    @property
    def difference(self) -> float | None:
        """B's forecast minus A's (None unless both have the issue)."""
        if self.a is None or self.b is None:
            return None
        return difference(self.a.forecast, self.b.forecast)

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "id": self.id,
                "name": self.name,
                "only_in": self.only_in,
                "a": None if self.a is None else self.a.to_data(),
                "b": None if self.b is None else self.b.to_data(),
                "difference": self.difference,
            }
        )


@dataclass(frozen=True)
class ZoneSide:
    """One side's zone of agreement: whether it is empty, its size in packages and its share of
    all packages (None when too many to count: ``estimated_size`` then holds the sampled
    estimate with its interval), each bargaining point's package (issue -> option label; None
    when the point does not exist), the principal obstacle (the cheapest relaxation that opens
    an empty zone; None when the zone is not empty) and, zone not empty, ``widening``: the
    relaxation that would enlarge it most, as ``pourparler deals`` reports them."""

    empty: bool
    size: int | None
    share: float | None
    packages: int
    points: Mapping[str, Mapping[str, str] | None]
    obstacle: Mapping[str, Any] | None
    estimated_size: Mapping[str, Any] | None = None
    widening: Mapping[str, Any] | None = None

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "empty": self.empty,
                "size": self.size,
                "estimated_size": None
                if self.estimated_size is None
                else dict(self.estimated_size),
                "share": self.share,
                "packages": self.packages,
                "points": {k: None if v is None else dict(v) for k, v in self.points.items()},
                "obstacle": None if self.obstacle is None else dict(self.obstacle),
                "widening": None if self.widening is None else dict(self.widening),
            }
        )


@dataclass(frozen=True)
class CompareReport:
    """Scenario A and scenario B side by side, each with its provenance (B's records the
    what-if changes that made it, when it was made that way). ``simulation_a``/``_b`` are the
    simulations' summaries (None when not simulated; ``simulation_note`` says why, e.g. ``"A has
    no battlefield section"``)."""

    provenance_a: Provenance
    provenance_b: Provenance
    label_a: str
    label_b: str
    issues: tuple[IssueComparison, ...]
    zone_a: ZoneSide
    zone_b: ZoneSide
    simulation_a: Mapping[str, float | None] | None = None
    simulation_b: Mapping[str, float | None] | None = None
    simulation_note: str | None = None

    def point_differences(self) -> dict[str, list[str] | None]:
        """Per bargaining point, the issues both packages have whose option differs between A's
        package and B's (empty: the same package on every issue both have; an issue only one
        scenario has is not a difference of the point); None when the point exists on one side
        only or on none."""
        out: dict[str, list[str] | None] = {}
        for name in POINTS:
            pa, pb = self.zone_a.points.get(name), self.zone_b.points.get(name)
            if pa is None or pb is None:
                out[name] = [] if pa is None and pb is None else None
                continue
            out[name] = [i for i in pa if i in pb and pa[i] != pb[i]]
        return out

    def simulation_differences(self) -> dict[str, float | None] | None:
        if self.simulation_a is None or self.simulation_b is None:
            return None
        keys = dict.fromkeys([*self.simulation_a, *self.simulation_b])
        return {k: difference(self.simulation_a.get(k), self.simulation_b.get(k)) for k in keys}

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler compare --json`` prints, as plain JSON-ready data."""
        sim = None
        if self.simulation_a is not None and self.simulation_b is not None:
            sim = {
                "months": SIMULATED_MONTHS,
                "a": dict(self.simulation_a),
                "b": dict(self.simulation_b),
                "difference": self.simulation_differences(),
            }
        return json_ready(
            {
                "a": {"label": self.label_a, **self.provenance_a.to_data()},
                "b": {"label": self.label_b, **self.provenance_b.to_data()},
                "issues": [i.to_data() for i in self.issues],
                "zone": {
                    "a": self.zone_a.to_data(),
                    "b": self.zone_b.to_data(),
                    "difference": {
                        "size": _int_difference(self.zone_a.size, self.zone_b.size),
                        "share": difference(self.zone_a.share, self.zone_b.share),
                        "points": self.point_differences(),
                    },
                },
                "simulation": sim,
                "simulation_note": self.simulation_note,
            }
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per compared number (needs pandas): ``section`` (forecast, zone,
        simulation), ``item`` (the issue, ``zone`` or the simulated quantity), ``measure``
        (forecast, low, high; empty, size, estimated_size, share, obstacle, widening; value;
        ``estimated_size`` is the sampled estimate of a zone too large to count, where ``size``
        is empty, and is empty where the zone was counted), A's value, B's
        value, ``difference`` (B − A) and ``seed``, the seed both sides ran with (the same on
        every row). The obstacle and widening rows hold the relaxation in
        words (:func:`obstacle_text`; obstacle ``none`` when the zone is not empty, widening
        empty when it is)."""
        import pandas as pd

        rows: list[dict[str, Any]] = []

        def add(section: str, item: str, measure: str, a: Any, b: Any) -> None:
            num = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (a, b))
            diff = difference(a, b) if num else None
            rows.append(
                {
                    "section": section,
                    "item": item,
                    "measure": measure,
                    "a": a,
                    "b": b,
                    "difference": diff,
                    "seed": self.provenance_a.seed,
                }
            )

        for issue in self.issues:
            sides = [issue.a, issue.b]
            add("forecast", issue.id, "forecast", *(s and s.forecast for s in sides))
            lows = [s.interval[0] if s and s.interval else None for s in sides]
            highs = [s.interval[1] if s and s.interval else None for s in sides]
            add("forecast", issue.id, "low", *lows)
            add("forecast", issue.id, "high", *highs)
        for measure in ("empty", "size", "share"):
            add(
                "zone",
                "zone",
                measure,
                getattr(self.zone_a, measure),
                getattr(self.zone_b, measure),
            )
        zones = (self.zone_a, self.zone_b)
        add("zone", "zone", "estimated_size", *(_estimate(z) for z in zones))
        add("zone", "zone", "obstacle", *(obstacle_text(z.obstacle) for z in zones))
        add("zone", "zone", "widening", *(widening_text(z) for z in zones))
        if self.simulation_a is not None and self.simulation_b is not None:
            for key, _label in SIMULATED:
                add(
                    "simulation",
                    key,
                    "value",
                    self.simulation_a.get(key),
                    self.simulation_b.get(key),
                )
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def _estimate(zone: ZoneSide) -> float | None:
    """The sampled estimate of a zone's size (None when it was counted)."""
    value = (zone.estimated_size or {}).get("value")
    return None if value is None else float(value)


FRAME_COLUMNS = ["section", "item", "measure", "a", "b", "difference", "seed"]


# -- building ------------------------------------------------------------------------------


def compare_scenarios(
    a: Scenario,
    b: Scenario,
    *,
    label_a: str,
    label_b: str,
    seed: int,
    draws: int,
    runs: int,
    rounds: int = 10,
) -> CompareReport:
    """Forecast, analyse the deals of and (when both have a battlefield) simulate ``a`` and
    ``b`` with the same ``seed``; ``draws`` Monte Carlo draws asked for the forecast intervals,
    ``runs`` simulated runs of :data:`SIMULATED_MONTHS` months. Each side's parameters record
    the draws its forecast made, as ``forecast`` does: ``draws`` (made), ``draws_requested``,
    ``no_draws_reason`` (none made: the inputs state no uncertainty) and ``draws_per_model``
    (models given fewer, cut to the time budget)."""
    params = {"runs": runs, "rounds": rounds, "models": [LEAD_MODEL]}
    forecasts = [_forecast(sc, seed=seed, draws=draws, rounds=rounds) for sc in (a, b)]
    zones = [_zone(sc, seed=seed) for sc in (a, b)]
    sims, note = _simulations(a, b, seed=seed, runs=runs)
    pa, pb = ({**drawn, **params} for _sides, drawn in forecasts)
    return CompareReport(
        provenance_a=Provenance.of(a, seed=seed, method=METHOD, **pa),
        provenance_b=Provenance.of(b, seed=seed, method=METHOD, **pb),
        label_a=label_a,
        label_b=label_b,
        issues=_match_issues(a, b, forecasts[0][0], forecasts[1][0]),
        zone_a=zones[0],
        zone_b=zones[1],
        simulation_a=None if sims is None else sims[0],
        simulation_b=None if sims is None else sims[1],
        simulation_note=note,
    )


DRAW_PARAMETERS = ("draws", "draws_requested", "no_draws_reason", "draws_per_model")


def _forecast(
    sc: Scenario, *, seed: int, draws: int, rounds: int
) -> tuple[dict[str, IssueForecastSide], dict[str, Any]]:
    """Each issue's ensemble forecast, and the draws made (:data:`DRAW_PARAMETERS`, as the
    forecast records them)."""
    from pourparler.errors import InputError
    from pourparler.forecast.budget import DRAWS_BUDGET, TooLong
    from pourparler.forecast.scenario_forecast import forecast_scenario
    from pourparler.report.forecast import issue_forecasts

    try:
        result = forecast_scenario(
            sc, [LEAD_MODEL], rounds=rounds, draws=draws, seed=seed, budget=DRAWS_BUDGET
        )
    except TooLong as exc:
        raise InputError(f"{sc.id}: {exc}") from None
    except ValueError as exc:  # the models' own checks on the scenario's numbers
        raise InputError(f"{sc.id}: {exc}") from None
    out = {}
    for row in issue_forecasts(sc, result):
        m = next(m for m in row.models if m.model == LEAD_MODEL)
        out[row.id] = IssueForecastSide(m.forecast, m.interval, m.option, m.outside_interval)
    return out, {k: result.parameters.get(k) for k in DRAW_PARAMETERS}


def lead_draws(parameters: Mapping[str, Any]) -> int:
    """The draws behind the ensemble's interval on one side: those made, or, when the time
    budget cut some models' draws, the fewest a model that drew got (as ``forecast`` says)."""
    made = int(parameters.get("draws") or 0)
    per_model = parameters.get("draws_per_model")
    if made and per_model:
        drawn = [int(d) for d in per_model.values() if d > 0]
        return int(per_model.get(LEAD_MODEL, min(drawn, default=0)))
    return made


def _match_issues(
    a: Scenario,
    b: Scenario,
    fa: Mapping[str, IssueForecastSide],
    fb: Mapping[str, IssueForecastSide],
) -> tuple[IssueComparison, ...]:
    """A's issues in A's order, then those only B has, in B's order."""
    names = {i.id: i.name for i in b.issues} | {i.id: i.name for i in a.issues}
    ids = dict.fromkeys([*(i.id for i in a.issues), *(i.id for i in b.issues)])
    return tuple(IssueComparison(k, names[k], fa.get(k), fb.get(k)) for k in ids)


def _zone(sc: Scenario, *, seed: int) -> ZoneSide:
    """The zone, its bargaining points and the principal obstacle, as ``pourparler deals``
    finds them (same solver, same seed), without the Pareto frontiers, concessions and
    spoilers, which compare does not show (a frontier can take most of a deals run)."""
    from pourparler.deals.obstacles import principal_obstacle
    from pourparler.deals.points import ENUMERATION_LIMIT
    from pourparler.deals.solver import make_solver
    from pourparler.deals.space import package_space_for_track

    space = package_space_for_track(sc, None)
    solver = make_solver(space, "auto", ENUMERATION_LIMIT)
    zone = json_ready(solver.zone(1, seed=seed))
    points: dict[str, Mapping[str, str] | None] = {}
    for name, point in json_ready(solver.point_reports()).items():
        points[name] = None if point is None else dict(point["package"])
    obstacle = json_ready(principal_obstacle(space, zone["empty"], zone["size"], seed=seed))
    if obstacle is not None:
        obstacle = {k: v for k, v in obstacle.items() if k not in ("alternatives", "tied_with")}
    size = zone.get("size")
    estimate = zone.get("estimated_size") if size is None else None
    # as in ``deals``: with a zone there is no obstacle, only what would widen the zone most
    widening = None if zone["empty"] else obstacle
    return ZoneSide(
        empty=bool(zone["empty"]),
        size=None if size is None else int(size),
        share=zone.get("share"),
        packages=int(space.size),
        points=points,
        obstacle=obstacle if zone["empty"] else None,
        estimated_size=None if estimate is None else dict(estimate),
        widening=widening,
    )


def _simulations(
    a: Scenario, b: Scenario, *, seed: int, runs: int
) -> tuple[Sequence[Mapping[str, float | None]] | None, str | None]:
    missing = [label for label, sc in (("A", a), ("B", b)) if sc.battlefield is None]
    verb = "have" if len(missing) > 1 else "has"
    if missing:
        return None, f"{' and '.join(missing)} {verb} no battlefield section"
    try:
        from pourparler.dynamics.simulate import simulate
    except ImportError:
        return None, "the simulation is not available in this installation"
    out = [
        dict(simulate(sc, months=SIMULATED_MONTHS, runs=runs, seed=seed).summary) for sc in (a, b)
    ]
    return out, None


def obstacle_text(obstacle: Mapping[str, Any] | None) -> str:
    """The principal obstacle (or a widening relaxation) in words: whose red line or which
    issue, by how much and, widening, how many packages it adds."""
    if obstacle is None:
        return "none"
    kind = obstacle.get("kind")
    size = obstacle.get("size")
    unit = obstacle.get("unit", "")
    notes = [f"{size:g} {unit}"] if isinstance(size, int | float) else []
    gain = obstacle.get("enlargement")
    if isinstance(gain, int | float):  # a widening relaxation: the packages it adds
        approx = "about " if obstacle.get("method") == "monte-carlo" else ""
        notes.append(f"+{approx}{gain:,.0f} packages")
    by = f" ({', '.join(notes)})" if notes else ""
    option = obstacle.get("option")
    towards = f" towards '{option}'" if option else ""
    if kind == "red_line":
        return f"{obstacle.get('actor')}'s red line on {obstacle.get('issue')}{towards}{by}"
    if kind == "issue":
        return f"issue {obstacle.get('issue')}{towards}{by}"
    if kind == "no_deal":
        return f"{obstacle.get('actor')}'s no-deal value{by}"
    if kind is not None:
        who = " ".join(str(obstacle[k]) for k in ("actor", "issue") if obstacle.get(k))
        return f"{kind} {who}{by}".strip()
    return str(obstacle.get("effect") or "none")


def widening_text(zone: ZoneSide) -> str | None:
    """What would widen a non-empty zone most, in words (None when the zone is empty)."""
    if zone.empty:
        return None
    return obstacle_text(zone.widening) if zone.widening else "none"

"""The analyses the web app runs, with the limits it runs them under.

The forecast keeps the Monte Carlo within its draw budget (:data:`DRAWS_BUDGET` reference
seconds) and refuses a scenario whose nominal run alone would take too long; the deals analysis
keeps its enumeration and frontier MILP limits. On top of both, the app stops waiting after
:data:`ANALYSIS_SECONDS` (see :class:`~pourparler.web.cache.ResultCache`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.forecast.bdm import DEFAULT_ROUNDS
from pourparler.forecast.budget import MIN_DRAWS

if TYPE_CHECKING:
    from pourparler.report.deals import DealsReport
    from pourparler.report.forecast import ForecastReport
    from pourparler.scenario import Scenario

ANALYSIS_SECONDS = 60.0  # how long a request waits for an analysis before an error page
MAX_DRAWS = 2_000
DEFAULT_DRAWS = 200
MAX_SEED = 2**63 - 1


@dataclass(frozen=True)
class ForecastParams:
    """What a forecast request may choose: the seed and the number of Monte Carlo draws."""

    seed: int = 0
    draws: int = DEFAULT_DRAWS

    @classmethod
    def parse(cls, query: dict[str, str]) -> ForecastParams:
        """From a request's query string; bad values raise :class:`InputError` naming them."""
        seed = _int(query, "seed", 0, 0, MAX_SEED)
        draws = _int(query, "draws", DEFAULT_DRAWS, 0, MAX_DRAWS)
        if 0 < draws < MIN_DRAWS:
            raise InputError(
                f"draws: {draws}: an 80% interval needs at least {MIN_DRAWS} draws (0 for none)"
            )
        return cls(seed=seed, draws=draws)

    def query(self) -> str:
        return f"seed={self.seed}&draws={self.draws}"


def _int(query: dict[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    value = whole_number(raw)
    if value is None:
        raise InputError(f"{name}: {raw[:40]!r}: not a whole number")
    if not low <= value <= high:
        raise InputError(f"{name}: {shown_number(raw, value)}: must be between {low} and {high}")
    return value


HUGE = 10**30  # a whole number of more digits stands for all of them: beyond every bound


def whole_number(raw: str) -> int | None:
    """``raw`` as a whole number written in ASCII digits, with a sign or not (as the command
    line reads numbers: not "٥" nor "1_0", which Python would read), else None. Past 30
    digits it is ``±HUGE`` (Python reads at most 4,300 digits from a string)."""
    text = raw.strip()
    digits = text[1:] if text[:1] in "+-" else text
    if not (digits.isascii() and digits.isdigit()):
        return None
    value = int(digits) if len(digits) <= 30 else HUGE
    return -value if text.startswith("-") else value


def shown_number(raw: str, value: int) -> str:
    """A number as an error names it: itself, or its count of digits past 30 of them."""
    if abs(value) < HUGE:
        return str(value)
    return f"a number of {len(raw.strip().lstrip('+-')):,} digits"


NOMINAL_SECONDS = 10.0  # reference seconds one run of every model may take in the web app


def check_size(sc: Scenario, rounds: int = DEFAULT_ROUNDS) -> None:
    """Refuse, before any work, a scenario whose single run of every model would cost more than
    :data:`NOMINAL_SECONDS` reference seconds (the command line runs it; a shared server
    should not spend minutes of a worker on one request)."""
    from pourparler.forecast.budget import TooLong
    from pourparler.forecast.registry import REGISTRY, reference_seconds

    n_actors, n_issues = len(sc.actors), len(sc.issues)
    cost = {
        m: reference_seconds(m, n_actors, n_issues, rounds)
        for m, entry in REGISTRY.items()
        if not entry.requires
    }
    if sum(cost.values()) > NOMINAL_SECONDS:
        worst = max(cost, key=lambda m: cost[m])
        raise TooLong(
            f"{n_actors:,} actors × {n_issues:,} issues: one run of every model takes about "
            f"{sum(cost.values()):,.0f} s (the {worst} model {cost[worst]:,.0f} s), more than "
            f"this server gives one request; use pourparler forecast on the command line"
        )


def run_forecast(sc: Scenario, params: ForecastParams) -> ForecastReport:
    """Every model's forecast with intervals, within the draw budget (as ``pourparler
    forecast`` without ``--full``) and within :data:`NOMINAL_SECONDS`."""
    from pourparler.forecast.budget import DRAWS_BUDGET
    from pourparler.forecast.scenario_forecast import forecast_scenario
    from pourparler.report.forecast import forecast_report

    check_size(sc)
    try:
        result = forecast_scenario(
            sc, ["all"], draws=params.draws, seed=params.seed, budget=DRAWS_BUDGET
        )
    except InputError:
        raise
    except ValueError as exc:  # the models' own checks on the scenario's numbers
        raise InputError(f"{sc.id}: {exc}") from None
    return forecast_report(sc, result, params.seed)


DEALS_SEED = 0


def run_deals(sc: Scenario) -> DealsReport:
    """The package-deal report (as ``pourparler deals --json``: default limits, seed 0)."""
    from pourparler.deals.analysis import analyse_scenario

    return analyse_scenario(sc, seed=DEALS_SEED)

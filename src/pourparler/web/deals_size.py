"""The deals analysis's size check: a scenario whose package-deal analysis would take a worker
thread for long is refused before any work (422), as a forecast too large is.

The analysis's cost is dominated by the principal obstacle (:mod:`pourparler.deals.obstacles`):

* when the zone is not empty, one count of the zone per candidate relaxation (each party's
  no-deal value, each excluded option): about ``actors × (parties + options) × packages
  counted`` utilities, the packages counted being those inside the red lines, at most
  :data:`COUNT_LIMIT` (past that the obstacle is estimated from a sample of that size);
* when it is empty, one MILP per candidate over every party's constraint: about
  ``actors × parties × options`` in MILP work.

Whether the zone is empty is known at no real cost when the packages inside the red lines are
few (they are counted: at most :data:`PROBE_VALUES` utilities); otherwise the larger of the two
estimates is taken. The seconds per unit were measured on the development machine (2 cores
at a load average of about 4, as a shared server runs): there the estimate is within about a
factor of two of the measured times of random scenarios and BDM tables from 30 to 3,000 actors
(plus about a second of fixed cost). On the idle machine the analyses ran 2 to 10 times faster
(``benchmarks/bench_deals_size.py``), so the bound errs on the side of refusing. A scenario over
:data:`DEALS_SECONDS` estimated seconds is refused; ``pourparler deals`` on the command line
runs it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pourparler.deals.space import PackageSpace
    from pourparler.report.deals import DealsReport
    from pourparler.scenario import Scenario

DEALS_SECONDS = 20.0  # estimated seconds one deals analysis may take in the web app
COUNT_LIMIT = 300_000  # principal_obstacle's count_limit: packages counted exactly
COUNT_SECONDS = 3e-8  # seconds per utility compared while counting zones
MILP_SECONDS = 1.5e-5  # seconds per actor × party × option in the empty zone's MILPs
PROBE_VALUES = 20_000_000  # utilities the emptiness probe may compare


def deals_seconds(space: PackageSpace) -> float:
    """Estimated seconds of :func:`~pourparler.deals.analysis.analyse_space` on ``space``."""
    from pourparler.deals.enumeration import count_zone, open_size

    parties = space.parties
    n_parties = int(parties.sum())
    if n_parties == 0:
        return 0.0
    n_actors, n_options = space.n_actors, int(space.n_options.sum())
    n_open = open_size(space, parties)
    counting = COUNT_SECONDS * n_actors * (n_parties + n_options) * min(n_open, COUNT_LIMIT)
    opening = MILP_SECONDS * n_actors * n_parties * n_options
    if n_open == 0:
        return opening
    if n_open * n_actors <= PROBE_VALUES:
        return opening if count_zone(space, parties) == 0 else counting
    return max(counting, opening)


def check_deals_size(sc: Scenario) -> None:
    """Refuse (:class:`~pourparler.forecast.budget.TooLong`, a 422 page) a scenario whose deals
    analysis is estimated to take more than :data:`DEALS_SECONDS`."""
    from pourparler.deals.space import package_space_for_track
    from pourparler.forecast.budget import TooLong

    space = package_space_for_track(sc, None)
    seconds = deals_seconds(space)
    if seconds > DEALS_SECONDS:
        raise TooLong(
            f"{space.n_actors:,} actors ({int(space.parties.sum()):,} of them parties) × "
            f"{int(space.n_options.sum()):,} options: the deals analysis would take about "
            f"{seconds:,.0f} s, more than this server gives one request; use pourparler deals "
            f"on the command line"
        )


def checked_deals(sc: Scenario) -> DealsReport:
    """The deals report of :func:`~pourparler.web.analyses.run_deals`, after
    :func:`check_deals_size`."""
    from pourparler.web.analyses import run_deals

    check_deals_size(sc)
    return run_deals(sc)

"""The package space: one labelled option per issue, and every actor's additive utility over it.

Representation (offset-indexed, ragged across issues): the options of issue ``i`` are the columns
``offsets[i]:offsets[i + 1]`` of two actors × options matrices,

* ``utility[a, k]``: what option ``k`` adds to actor ``a``'s package utility. Utilities are
  additive over issues (Keeney & Raiffa 1976, ch. 6; Raiffa 1982, *The Art and Science of
  Negotiation*, ch. 10), salience-weighted, and normalised per actor so that its best package is
  worth 1 and its worst 0: the contribution of an option is its salience-weighted value minus the
  issue's least value, divided by the sum over issues of each issue's range.
* ``allowed[a, k]``: whether option ``k`` lies inside actor ``a``'s red line.

An option's value to an actor comes from the stance's ``option_utilities`` when given (options
it leaves out fall back to distance), otherwise from the distance between the option and the
actor's position: ``1 - |x - p| / 100`` (linear loss) or ``1 - ((x - p) / 100) ** 2`` (quadratic).
An actor without a stance on an issue is indifferent to it.

The reservation utility ``d`` of an actor is ``no_deal.utility`` (its no-deal outlook today), or
``no_deal.perceived_utility()`` (what it expects war to be worth over its horizon, bent by its
optimism) when ``reservation="perceived"``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np
from numpy.typing import NDArray

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]
Loss = Literal["linear", "quadratic"]
Reservation = Literal["utility", "perceived"]


@dataclass(frozen=True)
class PackageSpace:
    """Actors' additive utilities and red lines over the options of every issue."""

    actor_ids: tuple[str, ...]
    issue_ids: tuple[str, ...]
    option_labels: tuple[tuple[str, ...], ...]
    option_values: tuple[tuple[float, ...], ...]
    utility: FloatArray  # (n_actors, n_total_options), rows sum over issues to [0, 1]
    allowed: BoolArray  # (n_actors, n_total_options): inside the actor's red line
    reservation: FloatArray  # (n_actors,)
    capability: FloatArray  # (n_actors,)
    veto: BoolArray  # (n_actors,)
    at_table: BoolArray  # (n_actors,)
    red_line: FloatArray | None = None  # (n_actors, n_issues, 2): [low, high]; [0, 100] if none
    offsets: IntArray = field(init=False)

    def __post_init__(self) -> None:
        counts = [len(labels) for labels in self.option_labels]
        object.__setattr__(self, "offsets", np.concatenate([[0], np.cumsum(counts)]).astype(int))

    @property
    def n_actors(self) -> int:
        return len(self.actor_ids)

    @property
    def n_issues(self) -> int:
        return len(self.issue_ids)

    @property
    def n_options(self) -> IntArray:
        return np.diff(self.offsets)

    @property
    def size(self) -> int:
        """Number of packages (an exact Python integer; it may exceed 2**63)."""
        n = 1
        for k in self.n_options.tolist():
            n *= int(k)
        return n

    @property
    def parties(self) -> BoolArray:
        """Actors whose consent the deal needs: veto and at the table; when no actor at the table
        has a veto (as in imported Decide or BDM files), every actor at the table."""
        binding = self.veto & self.at_table
        return binding if binding.any() else self.at_table.copy()

    @property
    def parties_rule(self) -> str:
        if (self.veto & self.at_table).any():
            return "veto and at the table"
        if not self.at_table.any():
            return "no actor at the table"
        return "no veto actor at the table: every actor at the table"

    @property
    def spoilers(self) -> BoolArray:
        """Actors able to block implementation who are not at the table."""
        return self.veto & ~self.at_table

    def issue_of_column(self) -> IntArray:
        return np.repeat(np.arange(self.n_issues), self.n_options)

    def columns(self, choice: IntArray) -> IntArray:
        """Global option columns of packages given as per-issue option indices (..., n_issues)."""
        return np.asarray(choice) + self.offsets[:-1]

    def package_utility(self, choice: IntArray) -> FloatArray:
        """Utilities (..., n_actors) of packages given as per-issue option indices."""
        return self.utility[:, self.columns(choice)].sum(axis=-1).T

    def labels(self, choice: IntArray) -> dict[str, str]:
        """``{issue id: option label}`` of one package."""
        return {
            iid: self.option_labels[i][int(k)]
            for i, (iid, k) in enumerate(zip(self.issue_ids, choice, strict=True))
        }

    def with_binding(self, parties: BoolArray) -> PackageSpace:
        """The same space where ``parties`` (veto and at the table) are exactly the given actors."""
        import dataclasses

        veto = self.veto | parties
        return dataclasses.replace(self, veto=veto, at_table=(self.at_table & ~veto) | parties)


def option_values_for(
    position: float, options: list[float], override: dict[float, float] | None, loss: Loss
) -> list[float]:
    """One actor's value (0–1) of each option of one issue, before salience and normalisation."""
    out = []
    for x in options:
        if override is not None and x in override:
            out.append(float(override[x]))
            continue
        gap = abs(x - position) / 100.0
        out.append(1.0 - gap if loss == "linear" else 1.0 - gap * gap)
    return out


def build_space(
    scenario: Scenario, *, loss: Loss = "linear", reservation: Reservation = "utility"
) -> PackageSpace:
    """The package space of a scenario (see the module docstring for the conventions)."""
    if loss not in ("linear", "quadratic"):
        raise InputError(f"loss: {loss!r}: expected 'linear' or 'quadratic'")
    if reservation not in ("utility", "perceived"):
        raise InputError(f"reservation: {reservation!r}: expected 'utility' or 'perceived'")
    n_a = len(scenario.actors)
    values = [[o.value for o in issue.options] for issue in scenario.issues]
    total = sum(len(v) for v in values)
    raw = np.zeros((n_a, total))
    allowed = np.ones((n_a, total), dtype=bool)
    red_line = np.tile([0.0, 100.0], (n_a, len(values), 1))
    start = 0
    for i, (issue, opts) in enumerate(zip(scenario.issues, values, strict=True)):
        cols = slice(start, start + len(opts))
        for a, actor in enumerate(scenario.actors):
            st = scenario.stance(actor.id, issue.id)
            if st is None:
                continue
            v = np.array(option_values_for(st.position, opts, st.option_utilities, loss))
            raw[a, cols] = st.salience * (v - v.min())
            if st.red_line is not None:
                lo, hi = st.red_line
                allowed[a, cols] = [lo <= x <= hi for x in opts]
                red_line[a, i] = lo, hi
        start += len(opts)
    offsets = np.concatenate([[0], np.cumsum([len(v) for v in values])])
    span = sum(raw[:, offsets[i] : offsets[i + 1]].max(axis=1) for i in range(len(values)))
    span = np.where(np.asarray(span) > 0, span, 1.0)
    d = np.array(
        [
            a.no_deal.utility if reservation == "utility" else a.no_deal.perceived_utility()
            for a in scenario.actors
        ],
        dtype=float,
    )
    return PackageSpace(
        actor_ids=tuple(a.id for a in scenario.actors),
        issue_ids=tuple(i.id for i in scenario.issues),
        option_labels=tuple(tuple(o.label for o in i.options) for i in scenario.issues),
        option_values=tuple(tuple(v) for v in values),
        utility=raw / span[:, None],
        allowed=allowed,
        reservation=d,
        capability=np.array([a.capability for a in scenario.actors], dtype=float),
        veto=np.array([a.veto for a in scenario.actors], dtype=bool),
        at_table=np.array([a.at_table for a in scenario.actors], dtype=bool),
        red_line=red_line,
    )


def canonical_track(track: str) -> str:
    """The track ``track`` names ignoring case and surrounding spaces (``Settlement`` is
    ``settlement``: tracks are a fixed list); anything else as given."""
    from typing import get_args

    from pourparler.scenario.model import Track

    return next((t for t in get_args(Track) if t == track.strip().casefold()), track)


def package_space_for_track(
    scenario: Scenario,
    track: str | None,
    *,
    reservation: Reservation = "utility",
    loss: Loss = "linear",
) -> PackageSpace:
    """The package space of one track's issues (``issue.track``), the other issues held at
    their status quo; ``track=None``: every issue (:func:`build_space`).

    An issue off the track drops out of the package: each actor gets from it, whatever the
    package, what it gets from the option nearest the issue's status quo, on the same scale as
    in the whole space (utilities normalised over every issue, so they stay comparable with
    the no-deal values). That constant is added to every option of the track's first issue,
    which keeps utilities additive and leaves every comparison between packages unchanged. Red
    lines on issues off the track do not bind: those issues are not negotiated.
    The track is matched ignoring case (:func:`canonical_track`). An unknown track, or one
    without issues, is bad input naming the scenario's tracks."""
    full = build_space(scenario, loss=loss, reservation=reservation)
    if track is None:
        return full
    track = canonical_track(track)
    tracks = sorted({issue.track for issue in scenario.issues})
    keep = [i for i, issue in enumerate(scenario.issues) if issue.track == track]
    if not keep:
        raise InputError(
            f"track: {track!r}: no issue on that track; the scenario's tracks: {', '.join(tracks)}"
        )
    held = np.zeros(full.n_actors)
    columns: list[NDArray[np.int64]] = []
    for i, issue in enumerate(scenario.issues):
        start = int(full.offsets[i])
        if i in keep:
            columns.append(np.arange(start, int(full.offsets[i + 1])))
            continue
        sq = issue.options.index(issue.nearest_option(issue.status_quo))
        held += full.utility[:, start + sq]
    cols = np.concatenate(columns)
    utility = full.utility[:, cols].copy()
    utility[:, : len(full.option_labels[keep[0]])] += held[:, None]
    return PackageSpace(
        actor_ids=full.actor_ids,
        issue_ids=tuple(full.issue_ids[i] for i in keep),
        option_labels=tuple(full.option_labels[i] for i in keep),
        option_values=tuple(full.option_values[i] for i in keep),
        utility=utility,
        allowed=full.allowed[:, cols],
        reservation=full.reservation,
        capability=full.capability,
        veto=full.veto,
        at_table=full.at_table,
        red_line=None if full.red_line is None else full.red_line[:, keep],
    )

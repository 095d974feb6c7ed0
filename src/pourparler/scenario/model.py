"""The scenario: who negotiates, over what, wanting what, and what war is worth to each side.

One document describes a negotiation at a date. Every actor–issue *stance* places an actor on the
issue's ordered 0–100 scale (the spatial models read these positions) and the issue's labelled
*options* are the choices a package deal picks from (the deal analysis reads those). Any value may
cite the sources that support it.

Structural rules (types, ranges) live on the fields; rules that relate one part of the document to
another (ids, red lines, citations, completeness) are in :mod:`pourparler.scenario.checks` and run
whenever a :class:`Scenario` is built.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cached_property
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

if TYPE_CHECKING:
    from pourparler.scenario.arrays import ScenarioArrays

SCALE_MIN = 0.0
SCALE_MAX = 100.0
SCHEMA_VERSION = 1

# Bounds on what a document may hold, so that no input can make the models overflow or run away.
MAX_CAPABILITY = 1e6
MAX_ACTORS = 5_000
MAX_ISSUES = 200
MAX_OPTIONS = 5_000  # a BDM table has one option per distinct position
MAX_STANCES = 20_000
MAX_SOURCES = 10_000
MAX_ITEMS = 100  # cites and aliases of one entry

Id = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_.\-]*$",
        max_length=64,
        description="Identifier: a letter, then letters, digits, '_', '.', '-'.",
    ),
]
Number = Annotated[float, Field(strict=True, allow_inf_nan=False)]
ScalePoint = Annotated[float, Field(strict=True, ge=SCALE_MIN, le=SCALE_MAX, allow_inf_nan=False)]
Unit = Annotated[float, Field(strict=True, ge=0.0, le=1.0, allow_inf_nan=False)]
Capability = Annotated[float, Field(strict=True, ge=0.0, le=MAX_CAPABILITY, allow_inf_nan=False)]
ScaleSd = Annotated[float, Field(strict=True, ge=0.0, le=SCALE_MAX, allow_inf_nan=False)]
Text = Annotated[str, Field(min_length=1)]

ActorKind = Literal[
    "belligerent", "guarantor", "mediator", "bloc", "alliance", "state", "organisation", "other"
]
Track = Literal["ceasefire", "settlement", "security", "humanitarian", "economic", "political"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Citation(_Strict):
    """A pointer to a source and what in it supports the value it is attached to."""

    source: Id
    note: Text


class Cited(_Strict):
    """Anything that may cite sources."""

    cites: list[Citation] = Field(default_factory=list, max_length=MAX_ITEMS)


class Source(_Strict):
    """A document the scenario's numbers come from."""

    id: Id
    title: Text
    outlet: str = ""
    date: dt.date | None = None
    locator: str = Field("", description="URL, file name or other way to find the source.")
    confidence: Unit = Field(
        1.0, description="Trust in the source: 1 primary, low for leaks/aggregators."
    )
    hindsight: str = Field(
        "",
        description="Why a source dated after the scenario's date may be used (e.g. a later "
        "report of a document the parties held at the date); empty: not marked.",
    )


class NoDealOutlook(Cited):
    """What continued fighting is worth to an actor: its BATNA, on the package-utility scale.

    ``utility`` is the reservation utility today, where 0 is the actor's worst package and 1 its
    best. ``trend`` is the signed monthly drift of that value from the battlefield, ``monthly_cost``
    the utility the war costs it each month, and ``optimism`` (0.5 = realistic) how far it
    overweights good news and underweights bad news about the trend.
    """

    utility: Unit = 0.0
    trend: Annotated[float, Field(strict=True, ge=-1.0, le=1.0)] = 0.0
    monthly_cost: Unit = 0.0
    optimism: Unit = 0.5
    horizon_months: Annotated[float, Field(strict=True, gt=0.0, le=600.0)] = 12.0

    def perceived_utility(self, horizon_months: float | None = None) -> float:
        """The no-deal value the actor expects after ``horizon_months`` (default: its own)."""
        h = self.horizon_months if horizon_months is None else horizon_months
        bias = 2.0 * self.optimism if self.trend >= 0 else 2.0 * (1.0 - self.optimism)
        value = self.utility + h * (self.trend * bias - self.monthly_cost)
        return min(1.0, max(0.0, value))


class Actor(Cited):
    """A party with a stake in the negotiation."""

    id: Id
    name: Text
    aliases: list[Text] = Field(default_factory=list, max_length=MAX_ITEMS)
    kind: ActorKind = "state"
    capability: Capability = Field(description="Clout: relative power to shape the outcome.")
    capability_sd: Capability = Field(0.0, description="Standard deviation of capability.")
    at_table: StrictBool = True
    veto: StrictBool = Field(False, description="Can block the deal or its implementation.")
    no_deal: NoDealOutlook = Field(default_factory=NoDealOutlook)


class Option(_Strict):
    """A labelled point on an issue's scale: one choice a package deal can make."""

    value: ScalePoint
    label: Text
    description: str = ""


class Issue(Cited):
    """A disputed question, on an ordered 0–100 scale with labelled options."""

    id: Id
    name: Text
    track: Track = "settlement"
    description: str = ""
    options: list[Option] = Field(min_length=2, max_length=MAX_OPTIONS)
    status_quo: ScalePoint

    def nearest_option(self, x: float) -> Option:
        """The labelled option closest to ``x`` (the lower one on a tie)."""
        return min(self.options, key=lambda o: (abs(o.value - x), o.value))


class Uncertainty(_Strict):
    """Standard deviations of a stance's position (scale points) and salience."""

    position: ScaleSd = 0.0
    salience: Unit = 0.0

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, data: Any) -> Any:
        if isinstance(data, int | float) and not isinstance(data, bool):
            return {"position": data}
        return data


class Stance(Cited):
    """Where an actor stands on an issue, how much it cares, and what it cannot accept."""

    actor: Id
    issue: Id
    position: ScalePoint
    salience: Unit
    red_line: tuple[ScalePoint, ScalePoint] | None = Field(
        None,
        description="Acceptable interval [low, high] on the scale; outside it the actor blocks.",
    )
    uncertainty: Uncertainty = Field(default_factory=Uncertainty)
    option_utilities: dict[float, Unit] | None = Field(
        None, description="Explicit utility (0–1) of each option value, overriding distance."
    )

    @field_validator("option_utilities", mode="before")
    @classmethod
    def _distinct_values(cls, v: Any) -> Any:
        if not isinstance(v, dict):
            return v
        seen: dict[float, Any] = {}
        for key in v:
            if isinstance(key, bool) or not isinstance(key, int | float | str):
                raise ValueError(f"key {key!r} is not an option value (a number)")
            try:
                value = float(key)
            except (ValueError, OverflowError):
                continue  # reported by the type check
            if value in seen:
                raise ValueError(
                    f"keys {seen[value]!r} and {key!r} name the same option value {value:g}"
                )
            seen[value] = key
        return v

    @field_validator("red_line")
    @classmethod
    def _ordered(cls, v: tuple[float, float] | None) -> tuple[float, float] | None:
        if v is not None and v[0] > v[1]:
            raise ValueError(f"red line low end {v[0]:g} is above its high end {v[1]:g}")
        return v


class Scenario(_Strict):
    """A negotiation at a date. Build with :func:`pourparler.scenario.load_scenario` or directly."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    schema_version: Literal[1] = 1
    id: Id
    title: Text
    date: dt.date | None = None
    description: str = ""
    sources: list[Source] = Field(default_factory=list, max_length=MAX_SOURCES)
    actors: list[Actor] = Field(min_length=1, max_length=MAX_ACTORS)
    issues: list[Issue] = Field(min_length=1, max_length=MAX_ISSUES)
    stances: list[Stance] = Field(min_length=1, max_length=MAX_STANCES)

    @model_validator(mode="after")
    def _consistent(self) -> Scenario:
        from pourparler.scenario.checks import find_problems
        from pourparler.scenario.errors import ScenarioError

        problems = find_problems(self)
        if problems:
            raise ScenarioError(problems)  # not a ValueError: it leaves pydantic unchanged
        return self

    # -- lookups ---------------------------------------------------------------------------
    def actor(self, actor_id: str) -> Actor:
        return self._actors_by_id[actor_id]

    def issue(self, issue_id: str) -> Issue:
        return self._issues_by_id[issue_id]

    def stance(self, actor_id: str, issue_id: str) -> Stance | None:
        return self._stances_by_key.get((actor_id, issue_id))

    @cached_property
    def _actors_by_id(self) -> dict[str, Actor]:
        return {a.id: a for a in self.actors}

    @cached_property
    def _issues_by_id(self) -> dict[str, Issue]:
        return {i.id: i for i in self.issues}

    @cached_property
    def _stances_by_key(self) -> dict[tuple[str, str], Stance]:
        return {(s.actor, s.issue): s for s in self.stances}

    # -- views -----------------------------------------------------------------------------
    def arrays(self) -> ScenarioArrays:
        """The numbers as numpy arrays (actors × issues), for the models."""
        from pourparler.scenario.arrays import ScenarioArrays

        return ScenarioArrays.from_scenario(self)

    def to_data(self) -> dict[str, Any]:
        """Plain data (JSON types, dates as ISO strings), defaults left out."""
        return self.model_dump(mode="json", exclude_defaults=True)

    def digest(self) -> str:
        """SHA-256 of the canonical JSON form: equal scenarios have equal digests."""
        data = _no_negative_zero(self.model_dump(mode="json"))
        canonical = json.dumps(data, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(canonical.encode()).hexdigest()

    def summary(self) -> dict[str, int]:
        """Counts: actors, issues, stances, sources cited."""
        return {
            "actors": len(self.actors),
            "issues": len(self.issues),
            "stances": len(self.stances),
            "sources": len(self.sources),
            "sources_cited": len(cited_source_ids(self)),
        }


def _no_negative_zero(obj: Any) -> Any:
    """-0.0 and 0.0 are the same value; make them hash alike."""
    if isinstance(obj, float):
        return obj + 0.0
    if isinstance(obj, dict):
        return {k: _no_negative_zero(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_no_negative_zero(v) for v in obj]
    return obj


def iter_citations(scenario: Scenario) -> list[tuple[tuple[str | int, ...], Citation]]:
    """Every citation in the document with its location."""
    found: list[tuple[tuple[str | int, ...], Citation]] = []
    for section in ("actors", "issues", "stances"):
        for k, item in enumerate(getattr(scenario, section)):
            for c, cite in enumerate(item.cites):
                found.append(((section, k, "cites", c, "source"), cite))
            if isinstance(item, Actor):
                for c, cite in enumerate(item.no_deal.cites):
                    found.append(((section, k, "no_deal", "cites", c, "source"), cite))
    return found


def cited_source_ids(scenario: Scenario) -> set[str]:
    return {cite.source for _, cite in iter_citations(scenario)}

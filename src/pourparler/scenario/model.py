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


# Provisions an agreement can contain, named after the columns of the UCDP Peace Agreement Dataset
# (Pettersson, Högbladh & Öberg 2019, JPR 56(4)); the durability model's hazards are fitted on them.
PROVISIONS: dict[str, str] = {
    "cease": "ceasefire",
    "withd": "withdrawal of foreign forces",
    "pko": "peacekeeping operation",
    "third_party": "third-party signatory",
    "intarmy": "integration into the army",
    "ddr": "disarmament, demobilisation and reintegration",
    "mil_prov": "military provisions",
    "pris": "prisoner release",
    "amn": "amnesty",
    "demarcation": "border demarcation",
    "terr_prov": "territorial provisions",
    "ref": "referendum",
    "aut": "autonomy",
    "elections": "elections",
    "interim": "interim government",
    "shagov": "power sharing in government",
    "recon": "reconciliation",
    "return": "return of refugees",
    "co_impl": "commission to implement the agreement",
    "pol_prov": "political provisions",
    "justice_prov": "justice provisions",
}
Provision = Literal[
    "cease",
    "withd",
    "pko",
    "third_party",
    "intarmy",
    "ddr",
    "mil_prov",
    "pris",
    "amn",
    "demarcation",
    "terr_prov",
    "ref",
    "aut",
    "elections",
    "interim",
    "shagov",
    "recon",
    "return",
    "co_impl",
    "pol_prov",
    "justice_prov",
]


class Option(_Strict):
    """A labelled point on an issue's scale: one choice a package deal can make."""

    value: ScalePoint
    label: Text
    description: str = ""
    provides: list[Provision] = Field(
        default_factory=list,
        max_length=len(PROVISIONS),
        description="Provisions an agreement choosing this option contains (UCDP codes); they "
        "set its breakdown hazard in the simulation.",
    )


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


Probability = Annotated[float, Field(strict=True, gt=0.0, lt=1.0, allow_inf_nan=False)]
NonNegative = Annotated[float, Field(strict=True, ge=0.0, le=1e6, allow_inf_nan=False)]


class FrontMeaning(_Strict):
    """What the ends of the front and one step along it mean, in words."""

    low: str = ""
    high: str = ""
    step: str = ""


class TerritoryLink(_Strict):
    """An issue whose status quo follows the front: ``at_low`` when the front is at 0,
    ``at_high`` when it is at ``steps``, linear between."""

    issue: Id
    at_low: ScalePoint
    at_high: ScalePoint


class Battlefield(Cited):
    """The war between two belligerents as a random walk of the front (Slantchev 2003, "The
    Principle of Convergence in Wartime Negotiations", APSR 97(4), pp. 622–623).

    The front ``k`` runs over 0…``steps``; each month ``side_a`` wins the battle with probability
    ``p`` (moving the front up) or loses it (down). ``k = steps`` defeats ``side_b``, ``k = 0``
    defeats ``side_a``. Fighting costs each side ``cost_a``/``cost_b`` a month, in units of the
    monthly value of everything at stake. Each side's belief about ``p`` is a Beta prior worth
    ``belief_strength`` battles, biased by its actor's ``no_deal.optimism``.
    """

    side_a: Id
    side_b: Id
    steps: Annotated[int, Field(strict=True, ge=2, le=1000)]
    start: Annotated[int, Field(strict=True, ge=1, le=999)]
    p: Probability
    p_sd: Annotated[float, Field(strict=True, ge=0.0, lt=0.5, allow_inf_nan=False)] = 0.0
    discount: Probability = 0.99
    cost_a: NonNegative = 0.0
    cost_b: NonNegative = 0.0
    belief_strength: Annotated[float, Field(strict=True, gt=0.0, le=1e6, allow_inf_nan=False)] = (
        12.0
    )
    meaning: FrontMeaning = Field(default_factory=FrontMeaning)
    territory: list[TerritoryLink] = Field(default_factory=list, max_length=MAX_ISSUES)


class DurabilityOverride(_Strict):
    """A scenario's overrides of the fitted agreement-durability model."""

    baseline_monthly_hazard: (
        Annotated[float, Field(strict=True, ge=0.0, le=1.0, allow_inf_nan=False)] | None
    ) = None
    coefficients: dict[Provision, Number] = Field(
        default_factory=dict, description="Provision code -> log hazard ratio."
    )


Sequencing = Literal["ceasefire-first", "settlement-first", "together"]


class Talks(Cited):
    """How the talks run over time: the order of the ceasefire and settlement tracks, what a
    ceasefire saves, how readily absent veto actors spoil, and durability overrides."""

    sequencing: Sequencing = "together"
    ceasefire_cost_factor: Unit = 0.25
    spoiler_scale: NonNegative = 1.0
    durability: DurabilityOverride = Field(default_factory=DurabilityOverride)


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
    battlefield: Battlefield | None = None
    talks: Talks = Field(default_factory=Talks)

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
        """Plain data (JSON types, dates as ISO strings), defaults left out, but for a no-deal
        outlook the document wrote (its fields as written, even at their defaults): whether an
        actor states one is part of what the scenario says (``why`` reports it), and it does
        not change the digest."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        for actor, out in zip(self.actors, data.get("actors", []), strict=True):
            if "no_deal" not in actor.model_fields_set:
                continue
            nd = actor.no_deal
            written = nd.model_dump(mode="json", include=set(nd.model_fields_set))
            kept = {**written, **out.get("no_deal", {})}
            out["no_deal"] = {k: kept[k] for k in type(nd).model_fields if k in kept}
        return data

    def digest(self) -> str:
        """SHA-256 of the canonical JSON form: equal scenarios have equal digests. Sections added
        to the format after its first version are left out while they hold their defaults, so a
        document that does not use them keeps the digest it had."""
        data = _no_negative_zero(self.model_dump(mode="json"))
        if data.get("battlefield") is None:
            data.pop("battlefield", None)
        if data.get("talks") == Talks().model_dump(mode="json"):
            data.pop("talks", None)
        for issue in data["issues"]:
            for option in issue["options"]:
                if not option.get("provides"):
                    option.pop("provides", None)
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
    for section in ("battlefield", "talks"):
        part = getattr(scenario, section)
        for c, cite in enumerate(part.cites if part is not None else []):
            found.append(((section, "cites", c, "source"), cite))
    return found


def cited_source_ids(scenario: Scenario) -> set[str]:
    return {cite.source for _, cite in iter_citations(scenario)}

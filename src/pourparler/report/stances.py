"""What a scenario says about its actors' stances, shaped for output: the actor × issue matrix
of positions (``show --stances``) and one stance explained with its sources (``why``)."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError
from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance
from pourparler.report.table import Column, TextTable

if TYPE_CHECKING:
    from pourparler.scenario import Scenario
    from pourparler.scenario.model import Citation

HIGH_SALIENCE = 0.5  # marked with * in the matrix


@dataclass(frozen=True)
class StanceCell:
    """One actor's stance on one issue: position, salience and red line ([low, high])."""

    actor: str
    issue: str
    position: float
    salience: float
    red_line: tuple[float, float] | None

    def label(self) -> str:
        """``62*!``: the position, ``*`` when salience is at least :data:`HIGH_SALIENCE`,
        ``!`` when the actor has a red line on the issue."""
        mark = "*" if self.salience >= HIGH_SALIENCE else ""
        return f"{self.position:g}{mark}{'!' if self.red_line is not None else ''}"


@dataclass(frozen=True)
class StanceMatrix:
    """Every stance of a scenario, issues as rows and actors as columns."""

    provenance: Provenance
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    cells: tuple[StanceCell, ...]

    def cell(self, actor: str, issue: str) -> StanceCell | None:
        for c in self.cells:
            if c.actor == actor and c.issue == issue:
                return c
        return None

    def to_frame(self) -> Any:
        """One row per stance (needs pandas): scenario, actor, issue, position, salience and
        the red line's ends (empty without one)."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "scenario": self.provenance.scenario,
                    "actor": c.actor,
                    "issue": c.issue,
                    "position": c.position,
                    "salience": c.salience,
                    "red_line_low": None if c.red_line is None else c.red_line[0],
                    "red_line_high": None if c.red_line is None else c.red_line[1],
                }
                for c in self.cells
            ],
            columns=[
                "scenario",
                "actor",
                "issue",
                "position",
                "salience",
                "red_line_low",
                "red_line_high",
            ],
        )

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler show --stances --json`` prints."""
        head = {k: v for k, v in self.provenance.to_data().items() if k != "seed"}
        return json_ready(
            {
                **head,
                "actors": list(self.actors),
                "issues": list(self.issues),
                "stances": [
                    {
                        "actor": c.actor,
                        "issue": c.issue,
                        "position": c.position,
                        "salience": c.salience,
                        "red_line": None if c.red_line is None else list(c.red_line),
                    }
                    for c in self.cells
                ],
            }
        )

    def table(self) -> TextTable:
        """Issues as rows, actors as columns, cells as :meth:`StanceCell.label` (``—``: no
        stance)."""
        index = {(c.actor, c.issue): c for c in self.cells}
        rows = tuple(
            (
                issue,
                *[index[(a, issue)].label() if (a, issue) in index else "—" for a in self.actors],
            )
            for issue in self.issues
        )
        return TextTable(
            title="Positions (0–100) by issue and actor",
            columns=(Column("issue", whole=True), *[Column(a, numeric=True) for a in self.actors]),
            rows=rows,
            notes=(
                f"* salience at least {HIGH_SALIENCE:g}; ! red line on the issue; "
                "— no stance (indifferent)",
            ),
        )


def stance_matrix(sc: Scenario) -> StanceMatrix:
    return StanceMatrix(
        provenance=Provenance.from_parameters(sc, {}, method="stances"),
        actors=tuple(a.id for a in sc.actors),
        issues=tuple(i.id for i in sc.issues),
        cells=tuple(
            StanceCell(st.actor, st.issue, st.position, st.salience, st.red_line)
            for st in sc.stances
        ),
    )


# --- why -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class CitedSource:
    """A citation with its source's title, outlet, date, locator, confidence and hindsight."""

    source: str
    note: str
    title: str
    outlet: str
    date: str | None
    locator: str
    confidence: float
    hindsight: str

    def to_data(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class WhyReport:
    """One actor's stance on one issue explained: position with the nearest labelled option,
    salience, red line (with the options it excludes), uncertainty, option utilities, each
    citation with its source; and the actor's no-deal outlook with its citations."""

    provenance: Provenance
    actor: str
    actor_name: str
    issue: str
    issue_name: str
    position: float | None
    nearest_option: str | None
    scale: tuple[tuple[float, str], ...]
    salience: float | None
    red_line: tuple[float, float] | None
    excluded: tuple[str, ...]
    uncertainty: Mapping[str, float] | None
    option_utilities: tuple[tuple[float, float], ...] | None
    stance_cites: tuple[CitedSource, ...]
    no_deal: Mapping[str, float]
    no_deal_perceived: float
    no_deal_cites: tuple[CitedSource, ...]
    no_deal_given: bool = True  # False: the scenario gives none, the values are the defaults

    def to_frame(self) -> Any:
        """One row per citation behind the stance and the no-deal outlook (needs pandas), each
        with the stance's position and salience: what ``why --csv`` prints."""
        import pandas as pd

        rows = [
            {
                "scenario": self.provenance.scenario,
                "actor": self.actor,
                "issue": self.issue,
                "position": self.position,
                "salience": self.salience,
                "cited_for": cited_for,
                **c.to_data(),
            }
            for cited_for, cites in (("stance", self.stance_cites), ("no_deal", self.no_deal_cites))
            for c in cites
        ]
        columns = ["scenario", "actor", "issue", "position", "salience", "cited_for"]
        columns += list(CitedSource.__dataclass_fields__)
        return pd.DataFrame(rows, columns=columns)

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler why --json`` prints."""
        head = {k: v for k, v in self.provenance.to_data().items() if k != "seed"}
        stance = None
        if self.position is not None:
            stance = {
                "position": self.position,
                "nearest_option": self.nearest_option,
                "salience": self.salience,
                "red_line": None if self.red_line is None else list(self.red_line),
                "excluded_options": list(self.excluded),
                "uncertainty": None if self.uncertainty is None else dict(self.uncertainty),
                "option_utilities": None
                if self.option_utilities is None
                else [{"value": v, "utility": u} for v, u in self.option_utilities],
                "cites": [c.to_data() for c in self.stance_cites],
            }
        return json_ready(
            {
                **head,
                "actor": {"id": self.actor, "name": self.actor_name},
                "issue": {
                    "id": self.issue,
                    "name": self.issue_name,
                    "options": [{"value": v, "label": lab} for v, lab in self.scale],
                },
                "stance": stance,
                "no_deal": {
                    **dict(self.no_deal),
                    "perceived_utility": self.no_deal_perceived,
                    "given": self.no_deal_given,
                    "cites": [c.to_data() for c in self.no_deal_cites],
                },
            }
        )


def _close(kind: str, value: str, known: list[tuple[str, list[str]]]) -> InputError:
    """Bad input naming ``value`` and the close matches among ``known`` (id, other names)."""
    everything = ", ".join(i for i, _ in known)
    if not value.strip():  # every name holds the empty string: no match is close
        return InputError(f"{kind}: {value!r}: empty; the scenario's {kind}s: {everything}")
    low = value.casefold()
    hits = [i for i, names in known if any(low in n.casefold() for n in [i, *names])]
    by_id = {n.casefold(): i for i, names in known for n in [i, *names]}
    hits += [by_id[m] for m in difflib.get_close_matches(low, list(by_id), n=5, cutoff=0.6)]
    hits = list(dict.fromkeys(hits))
    if hits:
        return InputError(f"{kind}: {value!r}: unknown; close matches: {', '.join(hits)}")
    return InputError(f"{kind}: {value!r}: unknown; the scenario's {kind}s: {everything}")


def match_name(kind: str, value: str, known: list[tuple[str, list[str]]]) -> str | None:
    """The id among ``known`` (id, other names) that ``value`` names, or None when none does.

    An exact id wins, then an exact name or alias, then an id, name or alias that differs only
    in case; two entries matched at the first level that matches any are bad input naming
    both."""
    low = value.casefold()
    levels = (
        [i for i, _ in known if i == value],
        [i for i, names in known if value in names],
        [i for i, names in known if any(low == n.casefold() for n in [i, *names])],
    )
    for hits in levels:
        hits = list(dict.fromkeys(hits))
        if len(hits) == 1:
            return hits[0]
        if hits:
            raise InputError(f"{kind}: {value!r}: ambiguous: names {', '.join(hits)}; give the id")
    return None


def find_actor(sc: Scenario, value: str) -> str:
    """The id of the actor named ``value``: its id, else its name or an alias, else any of
    these in another case (:func:`match_name`)."""
    known = [(a.id, [a.name, *a.aliases]) for a in sc.actors]
    found = match_name("actor", value, known)
    if found is None:
        raise _close("actor", value, known)
    return found


def find_issue(sc: Scenario, value: str) -> str:
    """The id of the issue named ``value``: its id, else its name, else either in another
    case (:func:`match_name`)."""
    known = [(i.id, [i.name]) for i in sc.issues]
    found = match_name("issue", value, known)
    if found is None:
        raise _close("issue", value, known)
    return found


def _cited(sc: Scenario, cites: list[Citation]) -> tuple[CitedSource, ...]:
    sources = {s.id: s for s in sc.sources}
    out = []
    for c in cites:
        s = sources.get(c.source)
        out.append(
            CitedSource(
                source=c.source,
                note=c.note,
                title=s.title if s else "",
                outlet=s.outlet if s else "",
                date=s.date.isoformat() if s and s.date else None,
                locator=s.locator if s else "",
                confidence=s.confidence if s else 0.0,
                hindsight=s.hindsight if s else "",
            )
        )
    return tuple(out)


def why(sc: Scenario, actor: str, issue: str) -> WhyReport:
    """Explain ``actor``'s stance on ``issue`` (ids, names or aliases; unknown ones are bad
    input listing close matches)."""
    aid, iid = find_actor(sc, actor), find_issue(sc, issue)
    a = next(x for x in sc.actors if x.id == aid)
    i = next(x for x in sc.issues if x.id == iid)
    st = sc.stance(aid, iid)
    nd = a.no_deal
    excluded: tuple[str, ...] = ()
    if st is not None and st.red_line is not None:
        lo, hi = st.red_line
        excluded = tuple(f"{o.value:g} {o.label}" for o in i.options if not lo <= o.value <= hi)
    return WhyReport(
        provenance=Provenance.from_parameters(sc, {"actor": aid, "issue": iid}, method="why"),
        actor=aid,
        actor_name=a.name,
        issue=iid,
        issue_name=i.name,
        position=None if st is None else st.position,
        nearest_option=None if st is None else i.nearest_option(st.position).label,
        scale=tuple((o.value, o.label) for o in i.options),
        salience=None if st is None else st.salience,
        red_line=None if st is None else st.red_line,
        excluded=excluded,
        uncertainty=None
        if st is None
        else {"position": st.uncertainty.position, "salience": st.uncertainty.salience},
        option_utilities=None
        if st is None or st.option_utilities is None
        else tuple(sorted(st.option_utilities.items())),
        stance_cites=() if st is None else _cited(sc, st.cites),
        no_deal={
            "utility": nd.utility,
            "trend": nd.trend,
            "monthly_cost": nd.monthly_cost,
            "optimism": nd.optimism,
            "horizon_months": nd.horizon_months,
        },
        no_deal_perceived=nd.perceived_utility(),
        no_deal_cites=_cited(sc, nd.cites),
        no_deal_given="no_deal" in a.model_fields_set,
    )

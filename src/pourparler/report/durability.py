"""How long agreements last, shaped for output: Kaplan–Meier survival overall and with and
without chosen provisions, and the shipped proportional-hazards fit; ``to_data()`` is the
object ``pourparler durability --json`` prints."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.report._data import json_ready

if TYPE_CHECKING:
    import pandas as pd

    from pourparler.dynamics.durability import Coefficient, DurabilityFit
    from pourparler.dynamics.ucdp import AgreementData

METHOD = "durability"
TIMES = (6, 12, 24, 60)
LEVEL = 0.95
DEFAULT_BY = ("cease", "pko", "third_party")


@dataclass(frozen=True)
class DataProvenance:
    """Where a result computed from a dataset comes from: the file, its SHA-256 and version,
    the package version, the library that fitted the model and its version, the parameters."""

    data: str
    data_sha256: str
    data_version: str
    version: str
    library: str
    library_version: str
    parameters: Mapping[str, Any] = field(default_factory=dict, hash=False)
    method: str = METHOD

    def __post_init__(self) -> None:
        object.__setattr__(self, "parameters", MappingProxyType(dict(self.parameters)))

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "data": self.data,
                "data_sha256": self.data_sha256,
                "data_version": self.data_version,
                "version": self.version,
                "library": self.library,
                "library_version": self.library_version,
                "parameters": dict(self.parameters),
            }
        )


@dataclass(frozen=True)
class SurvivalAt:
    """The Kaplan–Meier survival at ``months`` and its 95% (log-log) interval."""

    months: int
    survival: float
    low: float
    high: float


@dataclass(frozen=True)
class Curve:
    """One group's Kaplan–Meier curve: all agreements (``provision`` None) or those with
    (``has``) or without a provision; ``held`` is the share not ended by the censoring date;
    the median (months) and its interval are None where the curve stays above one half."""

    label: str
    provision: str | None
    has: bool | None
    n: int
    events: int
    held: float
    at: tuple[SurvivalAt, ...]
    median: float | None
    median_low: float | None
    median_high: float | None

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "label": self.label,
                "provision": self.provision,
                "has": self.has,
                "n": self.n,
                "events": self.events,
                "held": self.held,
                "survival": [
                    {"months": s.months, "survival": s.survival, "low": s.low, "high": s.high}
                    for s in self.at
                ],
                "median": {"months": self.median, "low": self.median_low, "high": self.median_high},
            }
        )


@dataclass(frozen=True)
class DurabilityReport:
    """Kaplan–Meier curves and the proportional-hazards fit, with the data's odd rows and the
    provenance."""

    provenance: DataProvenance
    n: int
    events: int
    odd_rows: Mapping[str, int]
    curves: tuple[Curve, ...]
    coefficients: tuple[Coefficient, ...]
    dropped: tuple[tuple[str, str], ...]
    fit: Mapping[str, Any]

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler durability --json`` prints, as plain JSON-ready data."""
        return json_ready(
            {
                **self.provenance.to_data(),
                "agreements": {"n": self.n, "events": self.events, "odd_rows": dict(self.odd_rows)},
                "kaplan_meier": [c.to_data() for c in self.curves],
                "cox": {
                    **dict(self.fit),
                    "coefficients": [vars(c) for c in self.coefficients],
                    "dropped": [{"code": c, "reason": r} for c, r in self.dropped],
                },
            }
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per estimate (needs pandas): ``section`` "cox" (a hazard ratio), "survival"
        (S at ``months``) or "median" (months), with its interval, p-values (cox: of the
        coefficient and of the proportional-hazards test), n and events."""
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for c in self.coefficients:
            rows.append(
                {
                    "section": "cox",
                    "label": c.name,
                    "provision": c.code,
                    "coef": c.coef,
                    "estimate": c.hazard_ratio,
                    "low": c.low,
                    "high": c.high,
                    "p": c.p,
                    "ph_p": c.ph_p,
                    "n": c.n_with,
                    "events": c.events_with,
                }
            )
        for curve in self.curves:
            common = {
                "label": curve.label,
                "provision": curve.provision,
                "has": curve.has,
                "n": curve.n,
                "events": curve.events,
            }
            for s in curve.at:
                rows.append(
                    {
                        "section": "survival",
                        **common,
                        "months": s.months,
                        "estimate": s.survival,
                        "low": s.low,
                        "high": s.high,
                    }
                )
            rows.append(
                {
                    "section": "median",
                    **common,
                    "estimate": curve.median,
                    "low": curve.median_low,
                    "high": curve.median_high,
                }
            )
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)


FRAME_COLUMNS = [
    "section",
    "label",
    "provision",
    "has",
    "months",
    "coef",
    "estimate",
    "low",
    "high",
    "p",
    "ph_p",
    "n",
    "events",
]


def curve(
    label: str,
    months: np.ndarray,
    ended: np.ndarray,
    provision: str | None = None,
    has: bool | None = None,
) -> Curve:
    """The Kaplan–Meier curve of one group at :data:`TIMES`."""
    from pourparler.dynamics.kaplan_meier import product_limit

    km = product_limit(months, ended)
    times = np.asarray(TIMES, dtype=float)
    s = km.at(times)
    low, high = km.interval(times, LEVEL)
    median, median_low, median_high = km.median(LEVEL)
    return Curve(
        label=label,
        n=int(months.size),
        events=int(ended.sum()),
        held=float(1.0 - ended.mean()),
        at=tuple(
            SurvivalAt(t, float(v), float(lo), float(hi))
            for t, v, lo, hi in zip(TIMES, s, low, high, strict=True)
        ),
        median=median,
        median_low=median_low,
        median_high=median_high,
        provision=provision,
        has=has,
    )


def durability_report(
    by: Sequence[str] = DEFAULT_BY,
    among: str | None = None,
    data: AgreementData | None = None,
    fit: DurabilityFit | None = None,
) -> DurabilityReport:
    """Kaplan–Meier curves of all agreements (or those containing ``among``) and of those with
    and without each provision of ``by`` (a provision named twice counts once), with the
    shipped proportional-hazards fit."""
    from pourparler import __version__
    from pourparler.dynamics.durability import TAIL_EVENTS, shipped_fit
    from pourparler.dynamics.ucdp import CENSOR_DATE, VERSION, read_agreements

    by = tuple(dict.fromkeys(by))  # as given, once each
    data = read_agreements() if data is None else data
    fit = shipped_fit() if fit is None else fit
    keep = np.ones(data.n, dtype=bool) if among is None else data.has(among)
    for code in by:
        data.has(code)  # unknown codes fail before any work
    months, ended = data.months[keep], data.ended[keep]
    everyone = "all" if among is None else f"all with {among}"
    curves = [curve(everyone, months, ended)]
    for code in by:
        has = data.has(code)[keep]
        for flag, word in ((True, "with"), (False, "no")):
            group = has if flag else ~has
            if group.any():
                curves.append(
                    curve(f"{word} {code}", months[group], ended[group], provision=code, has=flag)
                )
    info = dict(fit.info)
    provenance = DataProvenance(
        data=data.source,
        data_sha256=data.sha256,
        data_version=VERSION,
        version=__version__,
        library=str(info.get("library", "")),
        library_version=str(info.get("library_version", "")),
        parameters={
            "by": list(by),
            "among": among,
            "censor_date": CENSOR_DATE.isoformat(),
            "times": list(TIMES),
            "level": LEVEL,
            "penalizer": info.get("penalizer"),
            "min_events": info.get("min_events"),
            "tail_events": TAIL_EVENTS,
        },
    )
    fit_fields = ("model", "variance", "ph_test", "n", "events", "concordance", "log_likelihood")
    return DurabilityReport(
        provenance=provenance,
        n=data.n,
        events=data.events,
        odd_rows=MappingProxyType(dict(data.odd_rows)),
        curves=tuple(curves),
        coefficients=fit.coefficients,
        dropped=fit.dropped,
        fit=MappingProxyType({k: info.get(k) for k in fit_fields}),
    )

"""How long agreements last: a proportional-hazards model (Cox 1972, JRSS B 34(2)) of the
UCDP Peace Agreement Dataset v22.1 (Pettersson, Högbladh & Öberg 2019, JPR 56(4)), shipped
as its fitted baseline and coefficients so that it runs without a survival library.

An agreement containing provisions x survives t months with S(t | x) = S0(t)^exp(β·x); S0 is
the Breslow baseline (Breslow 1972, discussion of Cox 1972) at monthly steps up to the data's
longest follow-up, after which the baseline's hazard stays at the mean monthly hazard of its
last :data:`TAIL_EVENTS` events (the fitted curve is flat after its last event, which would
otherwise say that an old agreement never breaks down).

A package's provisions are read as the dataset codes them: one of the specific provisions
implies its umbrella code (:data:`IMPLIES`: a ceasefire is a military provision), so a package
listing ``cease`` also carries ``mil_prov``'s coefficient.

``python -m pourparler.dynamics.durability --refit`` refits the model (needs
``pourparler[survival]``) and rewrites the shipped ``data/durability_fit.json``.
"""

from __future__ import annotations

import functools
import json
import math
import sys
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.errors import InputError
from pourparler.scenario.model import PROVISIONS

if TYPE_CHECKING:
    from pourparler.scenario.model import DurabilityOverride

FIT_FILE = "durability_fit.json"
TAIL_EVENTS = 10

# Umbrella code -> the specific provisions the dataset counts under it (each implies its
# umbrella in at least 95% of the agreements that contain it; pko only in 88%, so not listed).
IMPLIES: dict[str, frozenset[str]] = {
    "mil_prov": frozenset({"cease", "withd", "intarmy", "ddr"}),
    "terr_prov": frozenset({"demarcation", "ref", "aut"}),
    "pol_prov": frozenset({"elections", "interim", "shagov"}),
    "justice_prov": frozenset({"amn", "pris", "recon", "return"}),
}


@dataclass(frozen=True)
class Coefficient:
    """One provision's fitted log hazard ratio with its (robust) standard error, hazard ratio
    and 95% interval, p-value, how many agreements contain it and how many of them ended, and
    the p-value of the test that its hazard ratio stays the same over time (``ph_p``)."""

    code: str
    name: str
    coef: float
    se: float
    hazard_ratio: float
    low: float
    high: float
    p: float
    n_with: int
    events_with: int
    ph_p: float


@dataclass(frozen=True)
class DurabilityFit:
    """The fitted model as shipped: coefficients, the provisions left out and why, the monthly
    baseline survival S0(0..M) and the tail's monthly hazard, and how it was fitted."""

    coefficients: tuple[Coefficient, ...]
    dropped: tuple[tuple[str, str], ...]
    baseline_survival: np.ndarray
    tail_hazard: float
    info: Mapping[str, Any]

    @property
    def beta(self) -> dict[str, float]:
        """Provision code -> log hazard ratio (codes left out of the fit are absent)."""
        return {c.code: c.coef for c in self.coefficients}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> DurabilityFit:
        """The fit from its JSON data (as :func:`pourparler.dynamics.durability_fit.fit_data`
        writes it)."""
        baseline = np.asarray(data["baseline"]["survival"], dtype=float)
        baseline.setflags(write=False)
        return cls(
            coefficients=tuple(Coefficient(**c) for c in data["coefficients"]),
            dropped=tuple((d["code"], d["reason"]) for d in data["dropped"]),
            baseline_survival=baseline,
            tail_hazard=float(data["baseline"]["tail_hazard"]),
            info={
                k: v for k, v in data.items() if k not in ("coefficients", "dropped", "baseline")
            },
        )


def fit_path() -> Path:
    """The shipped fit."""
    return Path(str(resources.files("pourparler") / "data" / FIT_FILE))


@functools.cache
def shipped_fit() -> DurabilityFit:
    """The model fitted on the shipped data (read once)."""
    return DurabilityFit.from_data(json.loads(fit_path().read_text(encoding="utf-8")))


def expand(provisions: Collection[str]) -> frozenset[str]:
    """``provisions`` with the umbrella codes they imply (:data:`IMPLIES`); an unknown code is
    an :class:`InputError` naming it."""
    if isinstance(provisions, str):
        raise InputError(f"provisions: {provisions!r}: expected a collection of codes, not one")
    codes = frozenset(provisions)
    unknown = sorted(c for c in codes if c not in PROVISIONS)
    if unknown:
        raise InputError(f"provision: {unknown[0]}: unknown (known: {', '.join(PROVISIONS)})")
    return codes | {u for u, parts in IMPLIES.items() if codes & parts}


def _override_key(override: DurabilityOverride | None) -> tuple[float | None, tuple[Any, ...]]:
    if override is None:
        return None, ()
    coefficients = tuple(sorted(dict(override.coefficients).items()))
    for code, value in coefficients:
        if code not in PROVISIONS:
            raise InputError(f"talks.durability.coefficients: {code}: unknown provision")
        if not math.isfinite(value):
            raise InputError(f"talks.durability.coefficients: {code}: {value}: not finite")
    hazard = override.baseline_monthly_hazard
    if hazard is not None and not 0.0 <= hazard <= 1.0:
        raise InputError(f"talks.durability.baseline_monthly_hazard: {hazard}: not in [0, 1]")
    return hazard, coefficients


def log_hazard_ratio(
    provisions: Collection[str], coefficients: Mapping[str, float] | None = None
) -> float:
    """β·x for a package with ``provisions`` (umbrella codes implied); ``coefficients``
    replace the fitted ones code by code."""
    beta = shipped_fit().beta | dict(coefficients or {})
    return float(sum(beta.get(code, 0.0) for code in sorted(expand(provisions))))


def baseline_log_ratios(months: int, hazard: float | None = None) -> np.ndarray:
    """log(S0(m) / S0(m − 1)) for m = 1..months: the fitted baseline with its tail, or a
    constant monthly ``hazard`` (where it is 1, −inf)."""
    if hazard is not None:
        with np.errstate(divide="ignore"):
            return np.full(months, np.log1p(-hazard))
    fit = shipped_fit()
    log_s = np.log(fit.baseline_survival)
    steps = np.diff(log_s)[:months]
    if months <= steps.size:
        return steps
    with np.errstate(divide="ignore"):
        tail = np.full(months - steps.size, np.log1p(-fit.tail_hazard))
    return np.concatenate([steps, tail])


@functools.lru_cache(maxsize=4096)
def _probabilities(
    provisions: frozenset[str],
    hazard: float | None,
    coefficients: tuple[tuple[str, float], ...],
    months: int,
) -> np.ndarray:
    ratio = math.exp(min(log_hazard_ratio(provisions, dict(coefficients)), 700.0))
    steps = baseline_log_ratios(months, hazard)
    if ratio == 0.0:
        # a log hazard ratio below about -745 rounds the ratio to 0: no breakdown, even against
        # a baseline hazard of 1 (log step -inf), where 0 x -inf would be NaN
        p = np.zeros(months)
    else:
        p = np.clip(-np.expm1(ratio * steps), 0.0, 1.0)
    p.setflags(write=False)
    return p


def breakdown_probabilities(
    provisions: Collection[str], months: int, override: DurabilityOverride | None = None
) -> np.ndarray:
    """P(an agreement with ``provisions`` breaks down in month m | it held until m − 1), for
    m = 1..months: 1 − S(m | x) / S(m − 1 | x) with S(t | x) = S0(t)^exp(β·x).

    ``override`` (a scenario's ``talks.durability``) replaces the baseline with a constant
    monthly hazard and the coefficients it names. A hazard ratio exp(β·x) that rounds to 0
    (β·x below about -745) gives no breakdown, also against a baseline hazard of 1 (0 · inf is
    taken as 0); β·x above 700 is taken as 700. The result is read-only and cached per
    (provisions, override, months); the product of (1 − p) over the first m months is
    S(m | x)."""
    if isinstance(months, bool) or not isinstance(months, int | np.integer):
        raise InputError(f"months: {months!r}: not a whole number")
    if months < 0:
        raise InputError(f"months: {months}: negative")
    hazard, coefficients = _override_key(override)
    return _probabilities(expand(provisions), hazard, coefficients, int(months))


def survival(
    provisions: Collection[str], months: int, override: DurabilityOverride | None = None
) -> np.ndarray:
    """S(m | x) for m = 0..months (S(0) = 1)."""
    p = breakdown_probabilities(provisions, months, override)
    return np.concatenate(([1.0], np.cumprod(1.0 - p)))


def main(argv: list[str] | None = None) -> int:
    """``--refit``: refit on the shipped data and rewrite the shipped JSON; ``--check``:
    refit and say whether the shipped JSON equals the fresh fit (to 1e-9)."""
    args = sys.argv[1:] if argv is None else argv
    if args not in (["--refit"], ["--check"]):
        sys.stderr.write("usage: python -m pourparler.dynamics.durability --refit | --check\n")
        return 2
    from pourparler.dynamics.durability_fit import differences, fit_data, write_fit

    try:
        fresh = fit_data()
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    if args == ["--refit"]:
        write_fit(fresh, fit_path())
        sys.stdout.write(f"wrote {fit_path()}\n")
        return 0
    shipped = json.loads(fit_path().read_text(encoding="utf-8"))
    diffs = differences(shipped, fresh, tol=1e-9)
    for d in diffs:
        sys.stdout.write(d + "\n")
    sys.stdout.write("shipped fit equals a fresh fit\n" if not diffs else "")
    return 1 if diffs else 0


if __name__ == "__main__":
    raise SystemExit(main())

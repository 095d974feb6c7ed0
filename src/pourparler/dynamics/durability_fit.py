"""Fitting the agreement-durability model with lifelines (Davidson-Pilon 2019, JOSS 4(40)):
a Cox proportional-hazards model (Efron's ties) of agreement length on the provisions, with
a small ridge penalty (some provisions are rare) and standard errors robust to the clustering
of agreements within conflicts (Lin & Wei 1989, JASA 84(408)). Needs ``pourparler[survival]``.

A provision is left out when fewer than :data:`MIN_EVENTS` agreements that contain it ended,
or fewer than that that do not (its coefficient would rest on a handful of breakdowns).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from pourparler.dynamics.durability import TAIL_EVENTS
from pourparler.dynamics.ucdp import CENSOR_DATE, VERSION, AgreementData, read_agreements
from pourparler.errors import InputError
from pourparler.scenario.model import PROVISIONS

PENALIZER = 0.01
MIN_EVENTS = 5


def _library() -> Any:
    try:
        import lifelines
    except ImportError:
        raise InputError("refit: needs lifelines: pip install 'pourparler[survival]'") from None
    return lifelines


def selected_codes(data: AgreementData) -> tuple[list[str], list[tuple[str, str]]]:
    """The provisions fitted, and those left out with the reason."""
    kept: list[str] = []
    dropped: list[tuple[str, str]] = []
    for code in data.codes:
        has = data.has(code)
        with_, without = int(data.ended[has].sum()), int(data.ended[~has].sum())
        if with_ < MIN_EVENTS or without < MIN_EVENTS:
            side = "containing it" if with_ < MIN_EVENTS else "without it"
            count = with_ if with_ < MIN_EVENTS else without
            dropped.append(
                (
                    code,
                    f"{count} of the {int((has if with_ < MIN_EVENTS else ~has).sum())} "
                    f"agreements {side} ended (fewer than {MIN_EVENTS})",
                )
            )
        else:
            kept.append(code)
    return kept, dropped


def breslow_baseline(
    months: np.ndarray, ended: np.ndarray, x: np.ndarray, beta: np.ndarray
) -> np.ndarray:
    """Breslow's cumulative baseline hazard H0 (at x = 0) at each whole month 0..M, M the
    longest follow-up rounded up: H0(t) = Σ_{event times s ≤ t} d(s) / Σ_{T_j ≥ s} exp(β·x_j)."""
    risk = np.exp(x @ beta)
    order = np.argsort(months, kind="stable")
    t, e, r = months[order], ended[order], risk[order]
    times, first = np.unique(t, return_index=True)
    at_risk = np.cumsum(r[::-1])[::-1][first]
    deaths = np.add.reduceat(e.astype(float), first)
    steps = np.cumsum(deaths / at_risk)
    grid = np.arange(math.ceil(t.max()) + 1, dtype=float)
    idx = np.searchsorted(times, grid, side="right") - 1
    return np.where(idx < 0, 0.0, steps[np.maximum(idx, 0)])


def tail_hazard(survival: np.ndarray, event_months: np.ndarray) -> float:
    """The mean monthly hazard of ``survival`` (monthly, 0..M) from the month of the
    :data:`TAIL_EVENTS`-th last event to M."""
    start = int(np.sort(event_months)[-min(TAIL_EVENTS, event_months.size)])
    end = survival.size - 1
    if end <= start:
        return float(1.0 - survival[end] / survival[end - 1])
    return float(-np.expm1(math.log(survival[end] / survival[start]) / (end - start)))


def proportionality_p(lifelines: Any, frame: Any, penalizer: float) -> dict[str, float]:
    """Per provision, the p-value of Grambsch & Therneau's (1994, Biometrika 81(3)) test of
    proportional hazards (scaled Schoenfeld residuals against the rank of time), on the same
    model with its model-based variance."""
    from lifelines.statistics import proportional_hazard_test

    cph = lifelines.CoxPHFitter(penalizer=penalizer)
    cph.fit(frame, duration_col="months", event_col="ended")
    test = proportional_hazard_test(cph, frame, time_transform="rank").summary
    return {str(code): float(p) for code, p in test["p"].items()}


def fit_data(data: AgreementData | None = None, penalizer: float = PENALIZER) -> dict[str, Any]:
    """The fitted model as JSON-ready data (what ``data/durability_fit.json`` holds)."""
    lifelines = _library()
    import pandas as pd

    data = read_agreements() if data is None else data
    codes, dropped = selected_codes(data)
    x = data.provisions[:, [data.codes.index(c) for c in codes]].astype(float)
    frame = pd.DataFrame(x, columns=codes)
    frame["months"] = data.months
    frame["ended"] = data.ended.astype(int)
    frame["conflict"] = list(data.conflict)
    cph = lifelines.CoxPHFitter(penalizer=penalizer)
    cph.fit(frame, duration_col="months", event_col="ended", cluster_col="conflict")
    s = cph.summary
    ph_p = proportionality_p(lifelines, frame.drop(columns="conflict"), penalizer)
    beta = s["coef"].to_numpy(dtype=float)
    coefficients = []
    for code in codes:
        has = data.has(code)
        row = s.loc[code]
        coefficients.append(
            {
                "code": code,
                "name": PROVISIONS[code],
                "coef": float(row["coef"]),
                "se": float(row["se(coef)"]),
                "hazard_ratio": float(row["exp(coef)"]),
                "low": float(row["exp(coef) lower 95%"]),
                "high": float(row["exp(coef) upper 95%"]),
                "p": float(row["p"]),
                "n_with": int(has.sum()),
                "events_with": int(data.ended[has].sum()),
                "ph_p": ph_p[code],
            }
        )
    survival = np.exp(-breslow_baseline(data.months, data.ended, x, beta))
    return {
        "data": data.source,
        "data_sha256": data.sha256,
        "data_version": VERSION,
        "censor_date": CENSOR_DATE.isoformat(),
        "odd_rows": dict(data.odd_rows),
        "library": "lifelines",
        "library_version": lifelines.__version__,
        "model": "Cox proportional hazards, Efron ties, Breslow baseline",
        "penalizer": penalizer,
        "variance": "robust (sandwich), clustered by UCDP conflict",
        "ph_test": "Grambsch-Therneau, scaled Schoenfeld residuals on the rank of time",
        "min_events": MIN_EVENTS,
        "n": data.n,
        "events": data.events,
        "concordance": float(cph.concordance_index_),
        "log_likelihood": float(cph.log_likelihood_),
        "coefficients": coefficients,
        "dropped": [{"code": c, "reason": r} for c, r in dropped],
        "baseline": {
            "step_months": 1,
            "survival": [float(v) for v in survival],
            "tail_events": TAIL_EVENTS,
            "tail_hazard": tail_hazard(survival, data.months[data.ended]),
        },
    }


def write_fit(data: Mapping[str, Any], path: Path) -> None:
    """Write the fit as JSON (floats as Python writes them: they read back exactly)."""
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def differences(a: Any, b: Any, tol: float, where: str = "") -> list[str]:
    """Where two fits' data differ: keys, strings, or numbers further apart than ``tol``."""
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        out = [f"{where}/{k}: only in one" for k in sorted(set(a) ^ set(b))]
        for k in sorted(set(a) & set(b)):
            out += differences(a[k], b[k], tol, f"{where}/{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{where}: {len(a)} items != {len(b)}"]
        return [
            d
            for i, (u, v) in enumerate(zip(a, b, strict=True))
            for d in differences(u, v, tol, f"{where}/{i}")
        ]
    numbers = (int, float)
    if isinstance(a, numbers) and isinstance(b, numbers) and not isinstance(a, bool):
        return [] if abs(a - b) <= tol else [f"{where}: {a!r} != {b!r}"]
    return [] if a == b else [f"{where}: {a!r} != {b!r}"]

"""Read the plain actor table used by expected-utility (BDM) models: one issue, one row per actor,
columns ``Actor, Capability, Position, Salience`` (any order, any case; extra columns ignored).

Positions already on 0–100 are kept; otherwise they are mapped linearly from their range onto
0–100 (said in the issue's description). Saliences given on 0–100 are divided by 100.
"""

from __future__ import annotations

import csv
import io

from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.interop_common import rescale, slug
from pourparler.scenario.model import Scenario

REQUIRED = ("actor", "capability", "position", "salience")


def scenario_from_bdm_csv(text: str, file: str = "<csv>") -> Scenario:
    """A one-issue scenario; the status quo is the capability × salience weighted mean."""
    from pourparler.scenario.yaml_io import scenario_from_data

    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = [h.strip().lower() for h in next(reader)]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ScenarioError(
            [
                Problem(
                    (missing[0].capitalize(),),
                    "required column is missing "
                    f"(need {', '.join(c.capitalize() for c in REQUIRED)})",
                    file=file,
                    line=1,
                )
            ]
        )
    col = {c: header.index(c) for c in REQUIRED}
    rows: list[tuple[str, float, float, float, int]] = []
    for n, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < len(header):
            raise ScenarioError(
                [
                    Problem(
                        (), f"row has {len(row)} cells, header has {len(header)}", file=file, line=n
                    )
                ]
            )
        values = []
        for c in ("capability", "position", "salience"):
            cell = row[col[c]].strip()
            try:
                x = float(cell)
            except ValueError:
                raise ScenarioError(
                    [
                        Problem(
                            (c.capitalize(),), f"expected a number, got {cell!r}", file=file, line=n
                        )
                    ]
                ) from None
            if x != x or x in (float("inf"), float("-inf")):
                raise ScenarioError(
                    [Problem((c.capitalize(),), "not a finite number", file=file, line=n)]
                )
            values.append(x)
        cap, pos, sal = values
        if cap < 0:
            raise ScenarioError(
                [Problem(("Capability",), f"must be non-negative, got {cap:g}", file=file, line=n)]
            )
        if not 0 <= sal <= 100:
            raise ScenarioError(
                [
                    Problem(
                        ("Salience",), f"must lie in 0–1 or 0–100, got {sal:g}", file=file, line=n
                    )
                ]
            )
        name = row[col["actor"]].strip()
        if not name:
            raise ScenarioError([Problem(("Actor",), "empty actor name", file=file, line=n)])
        rows.append((name, cap, pos, sal, n))
    if len(rows) < 2:
        raise ScenarioError([Problem((), "needs at least two actor rows", file=file)])
    sal_scale = 100.0 if max(r[3] for r in rows) > 1.0 else 1.0
    lo, hi = min(r[2] for r in rows), max(r[2] for r in rows)
    keep = 0.0 <= lo and hi <= 100.0
    name = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    issue_id = slug(name, set())
    taken: set[str] = set()
    ids = [slug(actor, taken) for actor, *_ in rows]
    positions = [pos if keep else rescale(pos, lo, hi) for _, _, pos, _, _ in rows]
    saliences = [sal / sal_scale for _, _, _, sal, _ in rows]
    weights = [cap * s for (_, cap, *_), s in zip(rows, saliences, strict=True)]
    total = sum(weights)
    sq = sum(w * x for w, x in zip(weights, positions, strict=True)) / total if total > 0 else 50.0
    actors = [
        {"id": aid, "name": actor, "capability": cap, "veto": False}
        for aid, (actor, cap, *_) in zip(ids, rows, strict=True)
    ]
    stances = [
        {
            "actor": aid,
            "issue": issue_id,
            "position": x,
            "salience": s,
            "cites": [{"source": "input", "note": f"line {row[4]}"}],
        }
        for aid, x, s, row in zip(ids, positions, saliences, rows, strict=True)
    ]
    values = sorted(set(positions))
    if len(values) < 2:
        values = sorted({0.0, 100.0, *values})
    options = [{"value": float(p), "label": f"{p:g}"} for p in values]
    scale = "" if keep else f" Positions {lo:g}–{hi:g} mapped to 0–100."
    data = {
        "id": issue_id,
        "title": f"Imported from {file.rsplit('/', 1)[-1]}",
        "description": "Imported from a BDM actor table." + scale,
        "sources": [{"id": "input", "title": f"BDM actor table {file}", "locator": file}],
        "actors": actors,
        "issues": [{"id": issue_id, "name": name, "options": options, "status_quo": sq}],
        "stances": stances,
    }
    return scenario_from_data(data, file)

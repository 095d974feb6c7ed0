"""Read the input format of the Decide exchange model (Stokman's equal-gain model).

One record per line, tab-separated (``;`` also accepted), strings quoted with ``'``:

- ``#A id fullname comment``: an actor;
- ``#P name description``: an issue;
- ``#M issue position [meaning]``: a scale point (bounds = min/max, default 0–100);
- ``#D actor issue position salience power [comment]``: a stance;
- ``#/`` and ``#O``: comments.

Positions are rescaled to 0–100 from the issue bounds."""

from __future__ import annotations

import csv
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.interop_common import (
    number,
    one_salience_scale,
    remember_notes,
    rescale,
    shown,
    slug,
    slugs,
)
from pourparler.scenario.model import (
    MAX_ACTORS,
    MAX_CAPABILITY,
    MAX_ISSUES,
    MAX_OPTIONS,
    MAX_STANCES,
    Scenario,
)
from pourparler.text import utf8_text

FloatArray = NDArray[np.float64]


@dataclass(frozen=True)
class DecideData:
    """The raw content of a Decide file, as arrays in file order (actors × issues)."""

    actor_ids: tuple[str, ...]
    actor_names: tuple[str, ...]
    issue_ids: tuple[str, ...]
    issue_descriptions: tuple[str, ...]
    bounds: FloatArray  # (n_issues, 2): scale minimum and maximum
    scale_points: tuple[tuple[tuple[float, str], ...], ...]  # per issue: (raw value, meaning)
    present: NDArray[np.bool_]
    position_raw: FloatArray  # as in the file (NaN where absent)
    position: FloatArray  # rescaled to 0–100
    salience_raw: FloatArray  # as in the file (0 where absent)
    power_raw: FloatArray  # as in the file (0 where absent)
    rows: NDArray[np.int64]  # line number of each #D record (0 where absent)

    @property
    def salience(self) -> FloatArray:
        """Salience on 0–1 (files give 0–1 or 0–100)."""
        return self.salience_raw / 100.0 if self.salience_raw.max() > 1.0 else self.salience_raw


def _fields(line: str, file: str, n: int) -> list[str]:
    delimiter = "\t" if "\t" in line else ";"
    try:
        row = next(csv.reader([line], delimiter=delimiter, quotechar="'"), [])
    except csv.Error as exc:
        raise ScenarioError(
            [Problem(("record",), f"not a readable record: {exc}", file=file, line=n)]
        ) from None
    for k, value in enumerate(row):
        if delimiter in value:  # a quote left open took in the separator and the next field
            sep = "a tab" if delimiter == "\t" else "a ';'"
            raise ScenarioError(
                [
                    Problem(
                        ("record",),
                        f"field {k + 1}: {value[:40]!r} holds {sep}: a quote is not closed",
                        file=file,
                        line=n,
                    )
                ]
            )
    return [f.strip().strip("'").strip() for f in row] or [""]


def _too_many(what: str, limit: int, file: str, n: int) -> ScenarioError:
    return ScenarioError([Problem((what,), f"more than {limit:,} records", file=file, line=n)])


def _number(value: str, file: str, line: int, field: str) -> float:
    try:
        x = number(value)
    except ValueError:
        raise ScenarioError(
            [Problem((field,), f"expected a number, got {value!r}", file=file, line=line)]
        ) from None
    if not np.isfinite(x):
        raise ScenarioError(
            [Problem((field,), f"not a finite number: {value!r}", file=file, line=line)]
        )
    return x


def read_decide(text: str, file: str = "<decide>") -> DecideData:
    """Parse Decide input; :class:`ScenarioError` names the line and field at fault."""
    actors: dict[str, tuple[str, int]] = {}
    issues: dict[str, tuple[str, int]] = {}
    points: dict[str, list[tuple[float, str]]] = {}
    data: list[tuple[str, str, float, float, float, int]] = []
    seen_actor: dict[str, int] = {}  # an actor's id (any case) → the line it was first given on
    point_lines: dict[tuple[str, float], tuple[int, str]] = {}  # (issue, value) → line, meaning
    for n, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        f = _fields(raw, file, n)
        tag = f[0]
        if tag in ("#/", "#O"):
            continue
        if not tag.startswith("#"):
            raise ScenarioError(
                [
                    Problem(
                        ("record",),
                        f"{tag[:40]!r} starts no record (records start with '#A', '#P', "
                        "'#M' or '#D')",
                        file=file,
                        line=n,
                    )
                ]
            )
        need = {"#A": 2, "#P": 2, "#M": 3, "#D": 6}.get(tag)
        if need is None:
            raise ScenarioError(
                [Problem(("record",), f"unknown record type {tag!r}", file=file, line=n)]
            )
        if len(f) < need:
            raise ScenarioError(
                [Problem((tag,), f"needs {need - 1} fields, found {len(f) - 1}", file=file, line=n)]
            )
        if tag == "#A":
            if len(actors) >= MAX_ACTORS:
                raise _too_many("#A", MAX_ACTORS, file, n)
            first = seen_actor.setdefault(f[1].casefold(), n)
            if first != n:  # names compared ignoring case, as the BDM reader compares them
                raise ScenarioError(
                    [
                        Problem(
                            ("#A",),
                            f"duplicate actor {f[1]!r} (first on line {first})",
                            file=file,
                            line=n,
                        )
                    ]
                )
            actors[f[1]] = (f[2] if len(f) > 2 and f[2] else f[1], n)
        elif tag == "#P":
            if len(issues) >= MAX_ISSUES:
                raise _too_many("#P", MAX_ISSUES, file, n)
            if f[1] in issues:
                raise ScenarioError(
                    [Problem(("#P",), f"duplicate issue {f[1]!r}", file=file, line=n)]
                )
            issues[f[1]] = (f[3] if len(f) > 3 else f[2] if len(f) > 2 else "", n)
        elif tag == "#M":
            if len(points.get(f[1], ())) >= MAX_OPTIONS:
                raise _too_many("#M", MAX_OPTIONS, file, n)
            if f[1] not in points and len(points) >= MAX_ISSUES:
                raise _too_many("#M", MAX_ISSUES, file, n)
            value, meaning = _number(f[2], file, n, "#M position"), f[3] if len(f) > 3 else ""
            first_m = point_lines.setdefault((f[1], value), (n, meaning))
            if first_m[0] != n and first_m[1] != meaning:
                raise ScenarioError(
                    [
                        Problem(
                            ("#M position",),
                            f"{shown(value)} is already a scale point of {f[1]!r} (line "
                            f"{first_m[0]}, {first_m[1]!r}): one meaning per point",
                            file=file,
                            line=n,
                        )
                    ]
                )
            points.setdefault(f[1], []).append((value, meaning))
        else:
            if len(data) >= MAX_STANCES:
                raise _too_many("#D", MAX_STANCES, file, n)
            data.append(
                (
                    f[1],
                    f[2],
                    _number(f[3], file, n, "#D position"),
                    _number(f[4], file, n, "#D salience"),
                    _number(f[5], file, n, "#D power"),
                    n,
                )
            )
    if not actors or not issues or not data:
        missing = "actors (#A)" if not actors else "issues (#P)" if not issues else "data (#D)"
        raise ScenarioError(
            [Problem((), f"no {missing} records: not a Decide input file", file=file)]
        )
    a_ids, i_ids = list(actors), list(issues)
    a_index = {a: k for k, a in enumerate(a_ids)}
    i_index = {i: k for k, i in enumerate(i_ids)}
    for issue in issues:
        if issue not in points:
            points[issue] = [(0.0, ""), (100.0, "")]
    unknown_m = sorted(set(points) - set(issues))
    if unknown_m:
        raise ScenarioError(
            [Problem(("#M",), f"scale points for unknown issue {unknown_m[0]!r}", file=file)]
        )
    bounds = np.array([[min(p for p, _ in points[i]), max(p for p, _ in points[i])] for i in i_ids])
    for name, (lo, hi) in zip(i_ids, bounds, strict=True):
        if lo == hi:
            line = min(n for (issue, _), (n, _) in point_lines.items() if issue == name)
            raise ScenarioError(
                [
                    Problem(
                        ("#M",),
                        f"issue {name!r} needs two distinct scale points, has only {shown(lo)}",
                        file=file,
                        line=line,
                    )
                ]
            )
    one_salience_scale(((r[3], r[5]) for r in data), "#D salience", "the saliences mix", file)
    shape = (len(a_ids), len(i_ids))
    present = np.zeros(shape, dtype=bool)
    pos_raw = np.full(shape, np.nan)
    sal = np.zeros(shape)
    power = np.zeros(shape)
    rows = np.zeros(shape, dtype=np.int64)
    for actor, issue, x, s, c, n in data:
        if actor not in a_index:
            raise ScenarioError(
                [Problem(("#D actor",), f"unknown actor {actor!r}", file=file, line=n)]
            )
        if issue not in i_index:
            raise ScenarioError(
                [Problem(("#D issue",), f"unknown issue {issue!r}", file=file, line=n)]
            )
        a, i = a_index[actor], i_index[issue]
        if present[a, i]:
            raise ScenarioError(
                [Problem(("#D",), f"second record for {actor!r} on {issue!r}", file=file, line=n)]
            )
        lo, hi = bounds[i]
        if not lo <= x <= hi:
            raise ScenarioError(
                [
                    Problem(
                        ("#D position",),
                        f"{shown(x)} is outside the scale [{lo:g}, {hi:g}] of {issue!r}",
                        file=file,
                        line=n,
                    )
                ]
            )
        if s < 0 or s > 100:
            raise ScenarioError(
                [Problem(("#D salience",), f"must lie in 0–100, got {shown(s)}", file=file, line=n)]
            )
        if not 0 <= c <= MAX_CAPABILITY:
            raise ScenarioError(
                [
                    Problem(
                        ("#D power",),
                        f"must be non-negative and at most {MAX_CAPABILITY:g}, got {shown(c)}",
                        file=file,
                        line=n,
                    )
                ]
            )
        present[a, i], pos_raw[a, i], sal[a, i], power[a, i], rows[a, i] = True, x, s, c, n
    with np.errstate(over="ignore", invalid="ignore"):
        position = np.where(
            present,
            (pos_raw - bounds[:, 0]) * 100.0 / np.maximum(np.ptp(bounds, axis=1), 1e-300),
            np.nan,
        )
    for a, i in zip(*np.nonzero(present & ~np.isfinite(position)), strict=True):
        position[a, i] = rescale(pos_raw[a, i], *bounds[i])  # an intermediate overflowed
    return DecideData(
        actor_ids=tuple(a_ids),
        actor_names=tuple(actors[a][0] for a in a_ids),
        issue_ids=tuple(i_ids),
        issue_descriptions=tuple(issues[i][0] for i in i_ids),
        bounds=bounds,
        scale_points=tuple(tuple(sorted(points[i])) for i in i_ids),
        present=present,
        position_raw=pos_raw,
        position=position,
        salience_raw=sal,
        power_raw=power,
        rows=rows,
    )


def scenario_from_decide(text: str, file: str = "<decide>") -> Scenario:
    """A scenario from Decide input. Each actor's capability is its power (the mean where it
    varies by issue, said in one warning for the file in
    :func:`~pourparler.scenario.interop_common.import_notes`); the status quo is the power ×
    salience weighted mean of the positions, each issue's with that issue's powers."""
    from pourparler.scenario.yaml_io import scenario_from_data

    file = utf8_text(file)  # a file name that is not UTF-8 still makes a valid title

    d = read_decide(text, file)
    sal = d.salience
    actor_slugs = slugs(d.actor_ids)
    issue_slugs = slugs(d.issue_ids)
    source = {"id": "input", "title": f"Decide input file {file}", "locator": file}
    actors = []
    for a, aid in enumerate(actor_slugs):
        powers = d.power_raw[a][d.present[a]]
        actors.append(
            {
                "id": aid,
                "name": d.actor_names[a],
                "aliases": [d.actor_ids[a]] if d.actor_ids[a] != d.actor_names[a] else [],
                "capability": float(powers.mean()) if powers.size else 0.0,
                "at_table": True,
                "veto": False,
            }
        )
    issues = []
    for i, iid in enumerate(issue_slugs):
        lo, hi = d.bounds[i]
        w = sal[:, i] * d.power_raw[:, i]
        x = np.where(d.present[:, i], d.position[:, i], 0.0)
        sq = float((w * x).sum() / w.sum()) if w.sum() > 0 else 50.0
        options = _options(d.scale_points[i], lo, hi)
        issues.append(
            {
                "id": iid,
                "name": d.issue_ids[i],
                "description": (
                    d.issue_descriptions[i] + f" (scale {lo:g}–{hi:g} mapped to 0–100)"
                ).strip(),
                "options": options,
                "status_quo": min(100.0, max(0.0, sq)),
            }
        )
    stances = [
        {
            "actor": actor_slugs[a],
            "issue": issue_slugs[i],
            "position": float(min(100.0, max(0.0, d.position[a, i]))),
            "salience": float(sal[a, i]),
            "cites": [{"source": "input", "note": f"line {int(d.rows[a, i])}"}],
        }
        for a in range(len(actor_slugs))
        for i in range(len(issue_slugs))
        if d.present[a, i]
    ]
    name = file.rsplit("/", 1)[-1]
    data = {
        "id": slug(name.rsplit(".", 1)[0], set()),
        "title": f"Imported from {name}",
        "description": "Imported from the Decide exchange-model format.",
        "sources": [source],
        "actors": actors,
        "issues": issues,
        "stances": stances,
    }
    scenario = scenario_from_data(data, file)
    remember_notes(scenario, _power_notes(d, file))
    return scenario


POWER_EXAMPLES = 3  # actors named in the warning about powers that vary by issue


def _power_notes(d: DecideData, file: str) -> list[Problem]:
    """One warning for the file when some actor's power differs between issues (the scenario
    holds one capability per actor, so every model uses the mean): how many actors, the first
    few met in the file with their range and mean (to 3 significant digits, or as many as tell
    the range's ends apart), on the line of the first differing power."""
    varied = []  # (line of the first differing power, actor, its powers)
    for a, name in enumerate(d.actor_ids):
        powers = d.power_raw[a][d.present[a]]
        if powers.size < 2 or powers.min() == powers.max():
            continue
        rows = d.rows[a][d.present[a]]
        varied.append((int(rows[np.argmax(powers != powers[0])]), name, powers))
    if not varied:
        return []
    varied.sort(key=lambda v: v[0])
    tail = (
        "as the capability on every issue (the status quo alone weights each issue's "
        "positions by that issue's power)"
    )

    def told(powers: FloatArray) -> tuple[str, str]:
        digits = _distinct_digits(float(powers.min()), float(powers.max()))
        low, high, mean = (
            _figures(float(x), digits) for x in (powers.min(), powers.max(), powers.mean())
        )
        return f"{low} to {high}", mean

    if len(varied) == 1:
        _, name, powers = varied[0]
        spread, mean = told(powers)
        message = (
            f"actor {name!r}: power varies by issue ({spread}); every model uses its mean, "
            f"{mean}, {tail}"
        )
    else:
        named = ", ".join(
            "{!r} ({}, mean {})".format(name, *told(powers))
            for _, name, powers in varied[:POWER_EXAMPLES]
        )
        more = len(varied) - POWER_EXAMPLES
        if more > 0:
            named += f" and {more:,} more"
        message = (
            f"{len(varied):,} actors' power varies by issue: {named}; every model uses each "
            f"actor's mean {tail}"
        )
    return [Problem(("#D power",), message, file=file, line=varied[0][0])]


def _figures(x: float, digits: int = 3) -> str:
    """``x`` to ``digits`` significant digits, written plainly (``0.569``, ``1000000``)."""
    return shown(float(f"{x:.{digits}g}"))


def _distinct_digits(low: float, high: float) -> int:
    """3, or as many more significant digits as tell ``low`` and ``high`` apart."""
    return next((k for k in range(3, 17) if _figures(low, k) != _figures(high, k)), 17)


def _options(
    points: tuple[tuple[float, str], ...], lo: float, hi: float
) -> list[dict[str, object]]:
    seen: dict[float, str] = {}
    for raw, meaning in points:
        value = round(rescale(raw, lo, hi), 9)
        if value not in seen or (meaning and not seen[value]):
            seen[value] = meaning or f"{raw:g}"
    if len(seen) < 2:
        seen.setdefault(0.0, f"{lo:g}")
        seen.setdefault(100.0, f"{hi:g}")
    labels: set[str] = set()
    out = []
    for value in sorted(seen):
        label = seen[value]
        if label in labels:
            label = f"{label} ({value:g})"
        labels.add(label)
        out.append({"value": value, "label": label})
    return out

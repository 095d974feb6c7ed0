"""Read the plain actor table used by expected-utility (BDM) models: one issue, one row per actor,
columns ``Actor, Capability, Position, Salience`` (any order, any case; extra columns ignored).
An actor named twice (names compared ignoring case and surrounding spaces) is refused, as the
Decide reader refuses it.

Positions already on 0–100 are kept; otherwise they are mapped linearly from their range onto
0–100 (said in the issue's description). Each distinct position is an option labelled with the
position as the file writes it (``1990``, ``0.5``), whether or not it was mapped. Saliences given
on 0–100 are divided by 100.
"""

from __future__ import annotations

import csv
import io

from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.interop_common import (
    number,
    one_salience_scale,
    rescale,
    shown,
    slug,
    slugs,
)
from pourparler.scenario.model import MAX_ACTORS, MAX_CAPABILITY, Scenario
from pourparler.text import utf8_text

REQUIRED = ("actor", "capability", "position", "salience")


def _header(line: str) -> tuple[list[str], str]:
    """The header cells and the delimiter (``,``, ``;`` or tab) that yields the required columns,
    else the one that yields the most columns."""
    best: tuple[list[str], str] | None = None
    for delimiter in (",", ";", "\t"):
        cells = [h.strip().lower() for h in next(csv.reader([line], delimiter=delimiter))]
        if all(c in cells for c in REQUIRED):
            return cells, delimiter
        if best is None or len(cells) > len(best[0]):
            best = (cells, delimiter)
    assert best is not None
    return best


def _read(text: str, delimiter: str, file: str) -> list[tuple[int, list[str]]]:
    """Every non-blank row with its first line number; LF, CRLF and a lone CR all end a line."""
    lines = io.StringIO(text, newline=None)  # universal newlines
    reader = csv.reader(lines, delimiter=delimiter)
    out: list[tuple[int, list[str]]] = []
    start = 0
    try:
        for row in reader:
            if any(cell.strip() for cell in row):
                out.append((start + 1, row))
            start = reader.line_num
    except csv.Error as exc:
        raise ScenarioError(
            [Problem((), f"not a readable CSV row: {exc}", file=file, line=reader.line_num)]
        ) from None
    return out


def scenario_from_bdm_csv(text: str, file: str = "<csv>") -> Scenario:
    """A one-issue scenario; the status quo is the capability × salience weighted mean."""
    from pourparler.scenario.yaml_io import scenario_from_data

    file = utf8_text(file)  # a file name that is not UTF-8 still makes a valid title

    lines = io.StringIO(text, newline=None)
    first = next(((k, line) for k, line in enumerate(lines, start=1) if line.strip()), None)
    if first is None:
        raise ScenarioError([Problem((), "file is empty", file=file)])
    header_line = first[0]
    try:
        header, delimiter = _header(first[1])
    except csv.Error as exc:
        raise ScenarioError(
            [Problem((), f"not a readable CSV header: {exc}", file=file, line=header_line)]
        ) from None
    twice = next((c for c in REQUIRED if header.count(c) > 1), None)
    if twice is not None:
        raise ScenarioError(
            [
                Problem(
                    (twice.capitalize(),),
                    "the column is named twice in the header: which one to read is not clear",
                    file=file,
                    line=header_line,
                )
            ]
        )
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ScenarioError(
            [
                Problem(
                    (missing[0].capitalize(),),
                    "required column is missing "
                    f"(need {', '.join(c.capitalize() for c in REQUIRED)})",
                    file=file,
                    line=header_line,
                )
            ]
        )
    col = {c: header.index(c) for c in REQUIRED}
    rows: list[tuple[str, float, float, float, int]] = []
    written: list[str] = []  # each row's position as the file writes it
    seen: dict[str, int] = {}  # an actor's name (any case) → the line it was first given on
    for n, row in _read(text, delimiter, file):
        if n <= header_line:
            continue
        if len(row) < len(header):
            raise ScenarioError(
                [
                    Problem(
                        (), f"row has {len(row)} cells, header has {len(header)}", file=file, line=n
                    )
                ]
            )
        if len(rows) >= MAX_ACTORS:
            raise ScenarioError(
                [Problem((), f"more than {MAX_ACTORS:,} actor rows", file=file, line=n)]
            )
        values = []
        for c in ("capability", "position", "salience"):
            cell = row[col[c]].strip()
            try:  # "1,5" where cells are not separated by commas: a decimal comma
                x = number(cell, decimal_comma=delimiter != ",")
            except ValueError:
                raise ScenarioError(
                    [
                        Problem(
                            (c.capitalize(),),
                            f"expected a number, got {cell[:40]!r}",
                            file=file,
                            line=n,
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
                [
                    Problem(
                        ("Capability",),
                        f"must be non-negative, got {shown(cap)}",
                        file=file,
                        line=n,
                    )
                ]
            )
        if cap > MAX_CAPABILITY:
            raise ScenarioError(
                [
                    Problem(
                        ("Capability",),
                        f"must be at most {MAX_CAPABILITY:g}, got {shown(cap)}",
                        file=file,
                        line=n,
                    )
                ]
            )
        if not 0 <= sal <= 100:
            raise ScenarioError(
                [
                    Problem(
                        ("Salience",),
                        f"must lie in 0–1 or 0–100, got {shown(sal)}",
                        file=file,
                        line=n,
                    )
                ]
            )
        name = row[col["actor"]].strip()
        if not name:
            raise ScenarioError([Problem(("Actor",), "empty actor name", file=file, line=n)])
        first_line = seen.setdefault(name.casefold(), n)
        if first_line != n:
            raise ScenarioError(
                [
                    Problem(
                        ("Actor",),
                        f"duplicate actor {name[:40]!r} (first on line {first_line}); "
                        "the table has one row per actor",
                        file=file,
                        line=n,
                    )
                ]
            )
        rows.append((name, cap, pos, sal, n))
        written.append(row[col["position"]].strip())
    if len(rows) < 2:
        raise ScenarioError([Problem((), "needs at least two actor rows", file=file)])
    sal_scale = 100.0 if max(r[3] for r in rows) > 1.0 else 1.0
    if sal_scale == 100.0:
        one_salience_scale(((r[3], r[4]) for r in rows), "Salience", "the column mixes", file)
    lo, hi = min(r[2] for r in rows), max(r[2] for r in rows)
    keep = 0.0 <= lo and hi <= 100.0
    name = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    issue_id = slug(name, set())
    ids = slugs(actor for actor, *_ in rows)
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
    options = _options(positions, written, keep)
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


def _options(positions: list[float], written: list[str], kept: bool) -> list[dict[str, object]]:
    """One option per distinct position (on 0–100), labelled with the position as the file
    writes it (the first row's text where rows write one value two ways, ``50`` and ``50.0``),
    as the Decide reader labels a scale point with its own number, not the mapped one. Where
    every actor stands at one point, the scale's ends are added: ``0`` and ``100`` when the
    positions were kept, else ``below X`` and ``above X`` (a single point maps to 50 and says
    nothing about the ends)."""
    labels: dict[float, str] = {}
    for x, text in zip(positions, written, strict=True):
        labels.setdefault(float(x), text)
    if len(labels) < 2:
        (only,) = labels.values()
        labels.setdefault(0.0, "0" if kept else f"below {only}")
        labels.setdefault(100.0, "100" if kept else f"above {only}")
    return [{"value": x, "label": labels[x]} for x in sorted(labels)]

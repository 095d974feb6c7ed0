"""GENIUS XML negotiation domains (Lin et al. 2014, *Genius: an integrated environment for
supporting the design of generic automated negotiators*), the format GENIUS and NegMAS read and
write: one domain file (root ``negotiation_template``) listing the issues and their values, and one
linear-additive utility profile per party (root ``utility_space``) with a discrete evaluator per
issue, issue weights and a reservation value.

A profile's utility of an outcome is ``Σ_i w_i · eval_i(v_i) / max_v eval_i(v)`` (GENIUS's
``EvaluatorDiscrete``; NegMAS reads evaluations as written, the same when they peak at 1).
On import every profile becomes a veto actor at the table; each issue's values become options
spread evenly over 0–100 in file order; the stance's position is the actor's best option, its
salience the issue weight (divided by the actor's largest weight), its ``option_utilities`` the
evaluations divided by their maximum. The reservation value is mapped onto the package scale
(0 = worst package, 1 = best) by the same affine map that normalises the profile, so the
agreement zone, Pareto frontier and Nash point are those the profile defines. Red lines cannot
be expressed in GENIUS and are not exported.

Files are read as regular files of at most :data:`MAX_FILE_BYTES` (a folder: at most
:data:`MAX_FILES` ``.xml`` files, :data:`MAX_FOLDER_BYTES` in all); document type declarations
(``<!DOCTYPE``, ``<!ENTITY``), which GENIUS files never need, are refused.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import numpy as np

from pourparler.deals.space import PackageSpace
from pourparler.files import UnreadableFile, read_regular_file
from pourparler.scenario import Scenario
from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.model import MAX_ACTORS, MAX_ISSUES, MAX_OPTIONS, MAX_STANCES
from pourparler.text import utf8_text

MAX_FILE_BYTES = 5_000_000
MAX_FOLDER_BYTES = 50_000_000
MAX_FILES = 1_000
_ID_BAD = re.compile(r"[^A-Za-z0-9_.\-]")
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


def _error(path: Path | str, where: str, message: str) -> ScenarioError:
    """``path: where: message`` as a :class:`ScenarioError` (an ``InputError``)."""
    return ScenarioError([Problem((where,), message, file=str(path))])


def _ident(text: str, prefix: str) -> str:
    out = _ID_BAD.sub("_", text.strip())[:60]
    return out if out[:1].isalpha() else f"{prefix}{out}"[:64]


def _read(path: Path) -> bytes:
    try:
        return read_regular_file(path, MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise _error(path, "(document)", str(exc)) from None


def _parse(path: Path, raw: bytes | None = None) -> ET.Element:
    raw = _read(path) if raw is None else raw
    if _DECLARATION.search(raw):
        raise _error(path, "(document)", "XML document type declarations are not read")
    try:
        return ET.fromstring(raw)
    except ET.ParseError as exc:
        raise _error(path, "(document)", f"not readable GENIUS XML: {exc}") from None


def _objective(root: ET.Element, path: Path) -> ET.Element:
    node = root.find(".//objective")
    if node is None:
        raise _error(path, "objective", "missing <objective> element")
    return node


def _domain_issues(path: Path, root: ET.Element) -> list[tuple[str, list[str]]]:
    issues = []
    for node in _objective(root, path).iter("issue"):
        name = node.get("name", "")
        kind = node.get("type") or node.get("etype") or "discrete"
        if kind != "discrete":
            raise _error(path, f"issue {name!r}", f"type {kind!r}: only discrete issues are read")
        values = [item.get("value", "").strip() for item in node.iter("item")]
        if len(values) < 2 or len(set(values)) != len(values) or "" in values:
            raise _error(path, f"issue {name!r}", "needs two or more distinct item values")
        if len(values) > MAX_OPTIONS:
            raise _error(path, f"issue {name!r}", f"more than {MAX_OPTIONS:,} item values")
        issues.append((name, values))
        if len(issues) > MAX_ISSUES:
            raise _error(path, "objective", f"more than {MAX_ISSUES:,} issues")
    if not issues:
        raise _error(path, "objective", "no issues")
    return issues


def _profile(
    path: Path, root: ET.Element, issues: list[tuple[str, list[str]]]
) -> tuple[list[float], list[list[float]], float]:
    """Weights, evaluations (per issue, per value, in domain order) and reservation value."""
    obj = _objective(root, path)
    by_name = {n.get("name"): n for n in obj.iter("issue")}
    index_of = {n.get("name"): n.get("index") for n in obj.iter("issue")}
    weights_by_index = {w.get("index"): w.get("value") for w in obj.iter("weight")}
    domain_values = dict(issues)
    for name, issue_node in by_name.items():
        if name not in domain_values:
            raise _error(path, f"issue {name!r}", "not an issue of the domain")
        extra = [
            v
            for v in (_value(item) for item in issue_node.iter("item"))
            if v not in domain_values[name]
        ]
        if extra:
            raise _error(path, f"issue {name!r}", f"value {extra[0]!r} is not in the domain")
    weights, evals = [], []
    for name, values in issues:
        node = by_name.get(name)
        if node is None:
            raise _error(path, f"issue {name!r}", "missing from the profile")
        found = {_value(item): item.get("evaluation") for item in node.iter("item")}
        try:
            ev = [float(found[v] or "nan") for v in values]
            w = float(weights_by_index.get(index_of[name]) or "nan")
        except (KeyError, ValueError):
            raise _error(path, f"issue {name!r}", "missing or bad evaluation/weight") from None
        if not all(np.isfinite(ev)) or min(ev) < 0 or not np.isfinite(w) or w < 0:
            raise _error(path, f"issue {name!r}", "evaluations and weight must be finite, >= 0")
        weights.append(w)
        evals.append(ev)
    res = root.find("reservation")
    try:
        reservation = float(res.get("value", "0")) if res is not None else 0.0
    except ValueError:
        raise _error(path, "reservation", "not a number") from None
    if not np.isfinite(reservation):
        raise _error(path, "reservation", "must be finite")
    return weights, evals, reservation


def _value(item: ET.Element) -> str:
    return item.get("value", "").strip()


def find_genius_files(path: Path) -> tuple[Path, list[Path]]:
    """The domain file and the profile files (by root element, as NegMAS reads them) of a GENIUS
    folder, or of the folder holding a given domain file."""
    (domain, _), profiles = _genius_roots(path)
    return domain, [f for f, _ in profiles]


Parsed = tuple[Path, ET.Element]


def _genius_roots(path: Path) -> tuple[Parsed, list[Parsed]]:
    """The parsed domain file and profiles of a GENIUS folder or of a domain file's folder."""
    named = path if not path.is_dir() else None
    folder = path.parent if named is not None else path
    named_root = _parse(named) if named is not None else None
    if named is not None and named_root is not None and named_root.tag != "negotiation_template":
        raise _error(
            named,
            "(document)",
            "not a GENIUS domain (root <negotiation_template>); pass the domain file or the "
            "folder holding it and its profiles",
        )
    try:
        files = sorted(f for f in folder.glob("*.xml") if not f.name.endswith("pareto.xml"))
    except OSError as exc:
        raise _error(folder, "(folder)", f"cannot list: {exc.strerror or exc}") from None
    if len(files) > MAX_FILES:
        raise _error(folder, "(folder)", f"more than {MAX_FILES:,} .xml files")
    domains: list[Parsed] = []
    profiles: list[Parsed] = []
    total = 0
    for f in files:
        if named is not None and f.resolve() == named.resolve():
            continue
        raw = _read(f)
        total += len(raw)
        if total > MAX_FOLDER_BYTES:
            raise _error(folder, "(folder)", f"over {MAX_FOLDER_BYTES:,} bytes of .xml files")
        root = _parse(f, raw)
        if root.tag == "negotiation_template":
            domains.append((f, root))
        elif root.tag == "utility_space":
            profiles.append((f, root))
            if len(profiles) > MAX_ACTORS:
                raise _error(folder, "(folder)", f"more than {MAX_ACTORS:,} utility profiles")
    if named is None and len(domains) > 1:
        names = ", ".join(f.name for f, _ in domains)
        raise _error(
            folder, "(folder)", f"more than one GENIUS domain file ({names}); pass one of them"
        )
    if named is not None and named_root is not None:
        domain: Parsed | None = (named, named_root)
    else:
        domain = domains[0] if domains else None
    if domain is None:
        raise _error(
            folder,
            "(folder)",
            "no GENIUS domain file (an .xml file with root <negotiation_template>)",
        )
    if not profiles:
        raise _error(
            folder,
            "(folder)",
            "no GENIUS utility profile (an .xml file with root <utility_space>) beside the domain",
        )
    return domain, profiles


def scenario_from_genius(path: str | Path) -> Scenario:
    """A scenario from a folder holding a GENIUS domain and its profiles, or from a domain file
    and the profiles beside it (see the module doc)."""
    from pourparler.scenario.yaml_io import scenario_from_data

    (domain, domain_root), profiles = _genius_roots(Path(path))
    folder = domain.parent
    issues = _domain_issues(domain, domain_root)
    if len(issues) * len(profiles) > MAX_STANCES:
        raise _error(folder, "(folder)", f"more than {MAX_STANCES:,} profile × issue stances")
    issue_ids = [_ident(n, "i_") for n, _ in issues]
    if len(set(issue_ids)) != len(issue_ids):
        raise _error(domain, "issue names", "not distinct once made identifiers")
    scales = [np.linspace(0.0, 100.0, len(v)).round(9).tolist() for _, v in issues]
    actors: list[dict[str, Any]] = []
    stances: list[dict[str, Any]] = []
    for f, root in profiles:
        weights, evals, reservation = _profile(f, root, issues)
        w = np.array(weights)
        norm = [np.array(e) / max(e) if max(e) > 0 else np.zeros(len(e)) for e in evals]
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is refused below
            u_min = float(sum(wi * n.min() for wi, n in zip(w, norm, strict=True)))
            u_max = float(sum(wi * n.max() for wi, n in zip(w, norm, strict=True)))
        if not np.isfinite(u_max - u_min):
            raise _error(f, "weights", "too large: their sum is not a finite number")
        if u_max - u_min <= 0:
            raise _error(f, "weights", "the profile is indifferent between all outcomes")
        if reservation > u_max + 1e-12:
            raise _error(
                f,
                "reservation",
                f"{reservation:g} is above the profile's best outcome ({u_max:g}), so no "
                "agreement is acceptable to it",
            )
        d = min(1.0, max(0.0, (reservation - u_min) / (u_max - u_min)))
        aid = _ident(f.stem, "p_")
        actors.append(
            {
                "id": aid,
                "name": utf8_text(f.stem),  # a file name that is not UTF-8 still makes a name
                "capability": 1.0,
                "veto": True,
                "no_deal": {"utility": d},
            }
        )
        top = w.max()
        for iid, values, n, wi in zip(issue_ids, scales, norm, w, strict=True):
            stances.append(
                {
                    "actor": aid,
                    "issue": iid,
                    "position": values[int(np.argmax(n))],
                    "salience": float(wi / top),
                    "option_utilities": {v: float(x) for v, x in zip(values, n, strict=True)},
                }
            )
    if len({a["id"] for a in actors}) != len(actors):
        raise _error(folder, "profiles", "file names not distinct once made identifiers")
    data = {
        "id": _ident(folder.name, "g_"),
        "title": f"GENIUS domain {utf8_text(folder.name)}",
        "actors": actors,
        "issues": [
            {
                "id": iid,
                "name": name,
                "status_quo": 0.0,
                "options": [{"value": v, "label": lab} for v, lab in zip(sc, labels, strict=True)],
            }
            for iid, (name, labels), sc in zip(issue_ids, issues, scales, strict=True)
        ],
        "stances": stances,
    }
    return scenario_from_data(data, utf8_text(str(domain)))


def write_genius(space: PackageSpace, folder: str | Path, name: str = "domain") -> list[Path]:
    """Write the space as a GENIUS domain and one profile per actor; returns the files written.

    Each actor's profile reproduces its package utility exactly (weights = the share of its
    utility range each issue spans, evaluations scaled to a maximum of 1) and its reservation."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    esc = _xml_attr
    lines = [
        "<negotiation_template>",
        f'<utility_space number_of_issues="{space.n_issues}">',
        '<objective description="" etype="objective" index="0" name="root" type="objective">',
    ]
    for i, iid in enumerate(space.issue_ids):
        lines.append(
            f'<issue etype="discrete" index="{i + 1}" name="{esc(iid)}" type="discrete" '
            'vtype="discrete">'
        )
        for j, label in enumerate(space.option_labels[i]):
            lines.append(f'<item index="{j + 1}" value="{esc(label)}" cost="0" description="" />')
        lines.append("</issue>")
    lines += ["</objective>", "</utility_space>", "</negotiation_template>"]
    domain = folder / f"{name}-domain.xml"
    domain.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written = [domain]
    for a, aid in enumerate(space.actor_ids):
        body = [
            f'<utility_space number_of_issues="{space.n_issues}">',
            '<objective index="0" etype="objective" type="objective" description="" name="root">',
        ]
        weights = []
        for i, iid in enumerate(space.issue_ids):
            u = space.utility[a, space.offsets[i] : space.offsets[i + 1]]
            span = float(u.max() - u.min())
            ev = (u - u.min()) / span if span > 0 else np.ones(len(u))
            weights.append(span)
            body.append(
                f'<issue index="{i + 1}" etype="discrete" type="discrete" vtype="discrete" '
                f'name="{esc(iid)}">'
            )
            for j, label in enumerate(space.option_labels[i]):
                body.append(
                    f'<item index="{j + 1}" value="{esc(label)}" evaluation="{float(ev[j])!r}" />'
                )
            body.append("</issue>")
        for i, w in enumerate(weights):
            body.append(f'<weight index="{i + 1}" value="{w!r}" />')
        body += [
            "</objective>",
            f'<reservation value="{float(space.reservation[a])!r}" />',
            '<discount_factor value="1.0" />',
            "</utility_space>",
        ]
        f = folder / f"{aid}.xml"
        f.write_text("\n".join(body) + "\n", encoding="utf-8")
        written.append(f)
    return written


def _xml_attr(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )

"""Reading an uploaded scenario from its bytes: YAML, Decide or BDM CSV, never a file path.

The upload's own file name is used only for its suffix (to tell a CSV table) and, shortened to
safe characters, to name the upload in error messages.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from pourparler.scenario import Problem, Scenario, ScenarioError

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # 2 MiB: the largest scenario file accepted
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9_.\-]+")
TOO_LARGE = f"file: too large (over the limit of {MAX_UPLOAD_BYTES:,} bytes)"  # every refusal


def display_name(filename: str | None) -> str:
    """The upload's base name reduced to letters, digits, ``_ . -`` (at most 80), or
    ``upload`` when nothing is left."""
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    name = _UNSAFE_NAME.sub("_", base).strip("._")[:80]
    return name or "upload"


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text of the upload (a byte-order mark dropped), or a :class:`ScenarioError`."""
    if len(raw) > MAX_UPLOAD_BYTES:
        raise ScenarioError(
            [Problem((), f"file is too large (over the limit of {MAX_UPLOAD_BYTES:,} bytes)", name)]
        )
    from pourparler.scenario.yaml_io import decode_text

    return decode_text(raw, name)


def scenario_from_upload(raw: bytes, filename: str | None) -> Scenario:
    """The scenario in an uploaded file's bytes; :class:`ScenarioError` lists every problem with
    its field and line."""
    from pourparler.scenario.resolve import detect_format

    name = display_name(filename)
    text = decode(raw, name)
    fmt = detect_format(Path(name), text)  # the name only: its suffix, never opened
    if fmt == "genius":
        raise ScenarioError(
            [Problem((), "GENIUS domains need their profile files: convert them first", name)]
        )
    if fmt == "decide":
        from pourparler.scenario.interop_decide import scenario_from_decide

        return scenario_from_decide(text, name)
    if fmt == "bdm-csv":
        from pourparler.scenario.interop_bdm import scenario_from_bdm_csv

        return scenario_from_bdm_csv(text, name)
    from pourparler.scenario.yaml_io import parse_yaml, scenario_from_data

    data, lines = parse_yaml(text, name)
    return scenario_from_data(data, name, lines)

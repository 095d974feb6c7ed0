"""Plain data for JSON: non-finite floats become None, tuples become lists."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any


def json_ready(obj: Any) -> Any:
    """``obj`` as plain JSON-ready data: mappings become dicts, tuples and lists become lists,
    NaN and infinities become None (as ``--json`` prints them)."""
    if isinstance(obj, float):
        return obj if math.isfinite(obj) else None
    if isinstance(obj, Mapping):
        return {k: json_ready(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [json_ready(v) for v in obj]
    return obj


def without_negative_zero(obj: Any) -> Any:
    """``obj`` with every ``-0.0`` in it (within mappings, lists and tuples) made ``0.0``: a
    parameter given as ``-0`` (``--q -0``) is recorded as the 0 it means, not as ``-0.0``."""
    if isinstance(obj, float):
        return 0.0 if obj == 0.0 else obj
    if isinstance(obj, Mapping):
        return {k: without_negative_zero(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [without_negative_zero(v) for v in obj]
    if isinstance(obj, tuple):
        return tuple(without_negative_zero(v) for v in obj)
    return obj


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(obj: Any) -> str:
    """``obj`` as the JSON text ``--json`` prints and the web app's downloads serve: indented,
    non-ASCII kept, NaN as null, ending in a newline. A lone surrogate (a byte of a file name
    that is not UTF-8) is written as its JSON escape (``\\udcfe``), so the text is UTF-8."""
    text = json.dumps(json_ready(obj), indent=2, ensure_ascii=False) + "\n"
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)

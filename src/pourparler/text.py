"""Text shown to a reader (a terminal line, an HTML page): control characters made visible.

C0 and C1 control characters, DEL, and the bidirectional marks, overrides and isolates (which can
make displayed text read differently from what is stored; Boucher & Anderson 2023, "Trojan
Source") are shown as Python-style escapes: ``\\x1b``, ``\\n``, ``\\u202e``. Stored text is never
changed; only what is displayed.
"""

from __future__ import annotations

import re
from typing import Any

# lone surrogates (\ud800-\udfff) are the bytes of a file name that is not UTF-8: no terminal
# or page can show them, and writing them as UTF-8 fails
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
UNSAFE_IN_LINES = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    if "\udc80" <= ch <= "\udcff":  # a byte that was not UTF-8, as the file system gave it
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")


def printable(text: object, *, lines: bool = False) -> str:
    """``str(text)`` with every control character, bidi control and lone surrogate (a byte of a
    file name that is not UTF-8, written ``\\xfe``) written as its escape; with ``lines``,
    tabs, line feeds and carriage returns stay (text laid out on a page)."""
    return (UNSAFE_IN_LINES if lines else UNSAFE).sub(_escape_char, str(text))


def utf8_text(text: str) -> str:
    """``text`` that can be written as UTF-8: a file name's bytes that are not UTF-8, which
    Python keeps as lone surrogates (``\\udcfe``), written as escapes (``\\xfe``)."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def printable_strings(obj: Any, *, lines: bool = False) -> Any:
    """``obj`` (JSON-like: dicts, lists, tuples, scalars) with :func:`printable` applied to
    every string in it, keys included; other values as they are."""
    if isinstance(obj, str):
        return printable(obj, lines=lines)
    if isinstance(obj, dict):
        return {
            printable_strings(k, lines=lines): printable_strings(v, lines=lines)
            for k, v in obj.items()
        }
    if isinstance(obj, list | tuple):
        return type(obj)(printable_strings(v, lines=lines) for v in obj)
    return obj


def page_text(value: Any) -> Any:
    """A Jinja ``finalize`` hook: every string a template outputs (escaped markup included, as
    the same markup type) with its control characters shown as escapes, line breaks and tabs
    kept; other values as they are."""
    if not isinstance(value, str) or not UNSAFE_IN_LINES.search(value):
        return value
    shown = printable(value, lines=True)
    return type(value)(shown) if hasattr(value, "__html__") else shown  # markup stays markup

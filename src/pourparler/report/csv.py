"""CSV text that a spreadsheet opens as data, never as formulas.

A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read
by Excel, LibreOffice and Google Sheets as a formula ("CSV injection"): a scenario label or an
article sentence could then run one on the analyst's machine. Following OWASP's advice
(https://owasp.org/www-community/attacks/CSV_Injection), such text cells are written with a
leading ``'``, which spreadsheets show as text. Numbers are left alone: a negative number, in
a numeric column or written out as text (``"-3.5"``), stays a number. Line breaks inside a cell
are written as ``\\n``, in quotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from pourparler.text import utf8_text

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` if it is text a spreadsheet would run as a formula, and
    its carriage returns as line feeds (Python's CSV writer quotes a cell holding ``\\n`` but
    not one holding a lone ``\\r``, which spreadsheets read as the end of the row); the bytes of
    a file name that are not UTF-8 as ``\\xNN`` (see :func:`pourparler.text.utf8_text`)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        value = "'" + value
    return utf8_text(value.replace("\r\n", "\n").replace("\r", "\n"))


def csv_text(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text (no index), its text cells and column names made safe by
    :func:`safe_cell`; numeric columns are written as pandas writes them."""
    import pandas as pd

    out = frame.copy()
    for name in out.columns:
        column = out[name]
        if column.dtype == object or isinstance(
            column.dtype, (pd.StringDtype, pd.CategoricalDtype)
        ):
            out[name] = column.astype(object).map(safe_cell)
    out.columns = [safe_cell(name) for name in out.columns]
    text: str = out.to_csv(index=False)
    return text

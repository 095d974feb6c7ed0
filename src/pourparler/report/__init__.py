"""Results shaped for output: each analysis's result as a frozen report with its
:class:`Provenance`, plain JSON-ready data (``to_data()``) and, with pandas, a table
(``to_frame()``). The command line only renders these."""

from __future__ import annotations

from pourparler.report.provenance import Provenance

__all__ = ["Provenance"]

"""pourparler: model, analyse and forecast multi-party negotiations.

The package imports nothing heavy at start-up; see :mod:`pourparler.scenario` for the data model
and :mod:`pourparler.forecast` for the spatial models.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]

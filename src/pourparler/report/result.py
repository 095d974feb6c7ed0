"""What every typed result offers its renderers."""

from __future__ import annotations

from typing import Any, Protocol


class Result(Protocol):
    """A typed result: plain JSON-ready data (``--json``) and a pandas DataFrame (``--csv``)."""

    def to_data(self) -> dict[str, Any]: ...
    def to_frame(self) -> Any: ...

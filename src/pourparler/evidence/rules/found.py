"""A claim as one sentence gives it, before the extractor places it in the document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Found:
    """A claim of one sentence, before it is placed in the document."""

    actor: str
    issue: str
    cue: str
    stance: str
    confidence: float
    position: float | None
    source: str | None
    negated: bool
    stated_on: str | None = None

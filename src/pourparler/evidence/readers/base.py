"""What every evidence reader gives: claims anchored to exact spans of the text it was given.

A reader turns a document's cleaned text and a scenario (its actors with names and aliases, its
issues with their scales and labelled options) into claims: who takes which stance on which
issue, the position on the issue's scale the text implies (or None), the exact span the claim
rests on, who said it, how sure the reader is, and which reader and model made it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

STANCES = ("demand", "propose", "accept", "reject", "condition")


class ReaderError(Exception):
    """A reader could not read a document (its service failed, timed out or answered
    nonsense). ``str(exc)`` is one line; nothing of the document is stored."""


@dataclass(frozen=True)
class ReadClaim:
    """One claim a reader found: ``text[start:end]`` is the quote it rests on."""

    actor: str
    issue: str
    stance: str
    position: float | None
    start: int
    end: int
    quote: str
    speaker: str | None
    confidence: float
    reader: str
    model: str | None = None
    cue: str = ""
    negated: bool = False
    stated_on: str | None = None  # the date the text gives the stance ("2025-03"), if any


@dataclass(frozen=True)
class Reading:
    """A reader's claims in one document, and what it dropped and why (reason -> count:
    ``invalid`` answer items, ``quote`` not in the text, ``unknown_actor``, ``unknown_issue``).
    ``requests`` is the number of requests made (0 when read from the cache or by rules)."""

    claims: tuple[ReadClaim, ...]
    dropped: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    cached: bool = False

    def to_data(self) -> dict[str, Any]:
        return {
            "claims": len(self.claims),
            "dropped": dict(self.dropped),
            "requests": self.requests,
            "cached": self.cached,
        }


class Extractor(Protocol):
    """A reader: text and scenario in, a :class:`Reading` out. ``name`` and ``model`` are
    stored with every claim it makes."""

    name: str
    model: str | None

    def read(self, text: str, scenario: Scenario, *, voice: str | None = None) -> Reading:
        """The claims about ``scenario``'s actors and issues in ``text``. ``voice``, when the
        caller knows it, is the actor the text speaks for: whose "we", "our" and "I" they are
        (a government's statement, a readout of its leader's call)."""
        ...

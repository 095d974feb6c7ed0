"""The rules reader: :mod:`pourparler.evidence.extract` behind the reader interface.

Deterministic and offline; its confidence comes from the cue's strength, lowered for hedges,
pronouns and issues taken from context (see :class:`pourparler.evidence.extract.Extractor`).
The quote is the claim's sentence.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from pourparler.evidence.readers.base import ReadClaim, Reading

if TYPE_CHECKING:
    from pourparler.scenario import Scenario


class RulesReader:
    """Pattern-based claims (KEDS/TABARI-style event coding) as a reader named "rules"."""

    name = "rules"
    model: str | None = None

    def read(
        self,
        text: str,
        scenario: Scenario,
        published: dt.date | None = None,
        *,
        voice: str | None = None,
    ) -> Reading:
        """The claims of ``text``; ``published`` (the document's date) gives a year to dates
        the text gives by month or day only; ``voice`` is the actor "we" stand for where the
        text names no voice of its own."""
        from pourparler.evidence.extract import extract_claims

        return Reading(
            tuple(
                ReadClaim(
                    actor=c.actor,
                    issue=c.issue,
                    stance=c.stance,
                    position=c.position,
                    start=c.start,
                    end=c.end,
                    quote=c.sentence,
                    speaker=c.source,
                    confidence=c.confidence,
                    reader=self.name,
                    cue=c.cue,
                    negated=c.negated,
                    stated_on=c.stated_on,
                )
                for c in extract_claims(text, scenario, published, voice=voice)
            )
        )

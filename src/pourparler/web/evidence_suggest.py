"""Scenario updates from the evidence, in the web app: for a scenario open in the app, the
proposals of ``pourparler evidence suggest`` (:mod:`pourparler.evidence.suggest`), each with
the claims behind it, and the updated scenario, citing its documents, opened for analysis
beside the one it came from.

The claims are those of the store the server was started with (``--db``) about the scenario's
id, read on the evidence pages' read-only connection; by default only reviewed claims (accepted
or corrected) count, as on the command line. Only the claims a proposal can rest on (those
that count and imply a position) are read; the others are only counted.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.store import StoredClaim
    from pourparler.evidence.suggest import Proposal
    from pourparler.scenario import Scenario
    from pourparler.web.evidence_view import EvidenceReader


@dataclass(frozen=True)
class SuggestParams:
    """Which claims count: reviewed ones, and with ``unreviewed`` pending ones of at least
    ``min_confidence``."""

    unreviewed: bool = False
    min_confidence: float = 0.0

    @classmethod
    def parse(cls, values: Mapping[str, str]) -> SuggestParams:
        """The parameters in a query or form: ``unreviewed`` (``1``, ``on`` or ``true``) and
        ``min_confidence`` (0 to 1); anything else is bad input naming the field."""
        flag = values.get("unreviewed", "").strip().lower()
        if flag not in ("", "0", "1", "on", "true", "false", "off"):
            raise InputError(f"unreviewed: {flag[:20]!r}: expected 1 or 0")
        raw = values.get("min_confidence", "").strip() or "0"
        try:
            least = float(raw)
        except ValueError:
            raise InputError(f"min_confidence: {raw[:20]!r}: not a number") from None
        if not (math.isfinite(least) and 0.0 <= least <= 1.0):
            raise InputError(f"min_confidence: {raw[:20]!r}: not a confidence between 0 and 1")
        return cls(flag in ("1", "on", "true"), least)


@dataclass(frozen=True)
class Suggestions:
    """The proposals for a scenario and what they rest on: how many of the store's claims
    about it are not rejected (``claims``), how many are rejected in review (``rejected``), and
    how many of the former count (``used``)."""

    proposals: tuple[Proposal, ...]
    claims: int
    rejected: int
    used: int
    params: SuggestParams


def suggestions(reader: EvidenceReader, sc: Scenario, params: SuggestParams) -> Suggestions:
    """The updates to ``sc`` that the store's claims about it support."""
    from pourparler.evidence.suggest import propose_updates

    # proposals rest only on claims that count and imply a position: the others are counted
    claims: list[StoredClaim] = list(
        reader.update_claims(sc.id, params.unreviewed, params.min_confidence)
    )
    proposals = propose_updates(
        sc,
        claims,
        include_unreviewed=params.unreviewed,
        min_confidence=params.min_confidence,
    )
    kept, rejected, used = reader.scenario_counts(sc.id, params.unreviewed, params.min_confidence)
    return Suggestions(tuple(proposals), kept, rejected, used, params)


def updated_scenario(sc: Scenario, found: Suggestions) -> Scenario:
    """``sc`` with the proposals applied, citing the documents behind each change; no
    proposal is bad input."""
    from pourparler.evidence.suggest import apply_updates

    if not found.proposals:
        raise InputError("evidence: the claims about this scenario propose no update to apply")
    return apply_updates(sc, list(found.proposals), f"{sc.id} updated from the evidence")

"""The stance a cue gives: its own, flipped by negation ("did not reject"), a demand for "no"
made a rejection, an acceptance of something to give made an offer, and an acceptance or offer
on a condition made a condition."""

from __future__ import annotations

import re

from pourparler.evidence import vocabulary as V
from pourparler.evidence.rules.agency import Agents, View
from pourparler.evidence.rules.cues import Cue, negated
from pourparler.evidence.rules.scope import Scope

_OFFER_AFTER = re.compile(
    r"\s+(?:send|provide|host|contribute|deploy|supply|give|offer|fund|guarantee|station|hold|"
    r"halt|pause|stop|return|release|free|monitor|police|underwrite|back|put|commit|train)\b"
)
_CONDITION_AFTER = re.compile(r"\b(?:if|unless|after|once|when|provided)\b")


def is_negated(s: View, cue: Cue, agents: Agents) -> bool:
    """A negator before the cue, or "neither" before a named subject ("Neither Russia nor
    Ukraine accepted ...")."""
    return negated(s.text, cue) or bool(
        agents.named
        and re.search(r"\bneither\b", s.text[agents.region_start : cue.start], re.IGNORECASE)
    )


def base_stance(cue: Cue, neg: bool, after: str) -> str | None:
    """The cue's stance, flipped when negated (a negated condition gives none); "demands no
    ..." (``after``: the cue's object) rejects."""
    if neg:
        return V.NEGATED_STANCE[cue.stance]
    if cue.stance == "demand" and re.match(r"\s+no\b", after):
        return "reject"
    return cue.stance


def offer(s: View, cue: Cue, stance: str) -> str:
    """ "Ready to send troops": accepting to give something offers it."""
    if stance == "accept" and _OFFER_AFTER.match(s.text, cue.end):
        return "propose"
    return stance


def on_condition(s: View, cue: Cue, stance: str, scope: Scope, region: str) -> str:
    """An acceptance or offer with a requirement in its object, "only" before it and a
    condition after, "only if/after ..." or "provided that ..." after it: a condition."""
    sent = s.text
    if stance in ("accept", "propose") and (
        (scope.condition is not None and scope.required)
        or (re.search(r"\bonly\b", region) and _CONDITION_AFTER.search(sent, cue.end))
        or re.search(r"\bonly\s+(?:if|after|once|when|provided)\b", sent[cue.end :])
        or re.search(r"\b(?:on condition that|provided that)\b", sent[cue.end :])
    ):
        return "condition"
    return stance


def hedged(region: str) -> bool:
    """A hedge before the cue in its clause ("may", "could", "reportedly")."""
    return any(re.search(rf"\b{h}\b", region.lower()) for h in V.HEDGES)

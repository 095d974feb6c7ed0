"""What one actor is asked, pressed, obliged or counted on to do (event coding's "target" of
a request, CAMEO 02 "appeal": the request is the asker's act, the requested act is nobody's
yet): "press Ukraine to accept" is neither's stance, "the memorandum would oblige Kyiv to
withdraw" is its author's demand, "Ukraine could count on the UK to continue to support it" is
the UK's act."""

from __future__ import annotations

import re

from pourparler.evidence.rules.agent_types import SKIP, Agents, Context, View
from pourparler.evidence.rules.cues import Cue

__all__ = ["asked_of", "counted_on"]

# "press Ukraine to accept", "force Kyiv to cede": the cue is asked of its object, by another
_ASKED_OF = re.compile(
    r"\b(?:press|push|force|pressur|urg|ask|persuad|convinc|encourag|compel|coerc|"
    r"call\w*\s+(?:up)?on|appeal\w*\s+to|invit)\w*\s+"
    r"(?:[\w'’.-]+\s+){1,5}?to\s+(?:\w+\s+)?$",  # "call on the Russian Federation once more to"
    re.IGNORECASE,
)


# "the memorandum would oblige Kyiv to withdraw ... and to recognise": a document's terms
_OBLIGED_TO = re.compile(
    r"\b(?:oblig|requir|bind|bound)\w*\s+(?:[\w'’.-]+\s+){1,3}?to\s+(?:[^;]*\bto\s+)?(?:\w+\s+)?$",
    re.IGNORECASE,
)


def asked_of(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Observers expect him to press Ukraine to accept concessions": what one actor presses
    another to do is neither's stance taken; no claim. What a document obliges another to do
    ("would oblige Kyiv to withdraw ... and to recognise them") is its author's demand, as
    for the first cue."""
    if ctx.earlier_agents and _OBLIGED_TO.search(s.text, max(0, cue.start - 200), cue.start):
        return Agents(ctx.earlier_agents, 0.85, lo, demand=True)
    return SKIP if _ASKED_OF.search(s.text, max(0, cue.start - 80), cue.start) else None


# "Ukraine could count on the UK to continue to support it": the one counted on acts
_COUNTED_ON = re.compile(
    r"\b(?:count|counts|counted|counting|rely|relies|relied|relying|depend|depends|depended)"
    r"\s+on\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_TO_CUE = re.compile(r"\s+to\s+(?:(?:continue|keep|go\s+on)\s+(?:to\s+)?)?$", re.IGNORECASE)


def counted_on(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Kyiv can count on Britain to continue to support it": the actor counted or relied
    on to do what the cue says is its agent, not the subject who counts on it."""
    for m in s.mentions:
        if (
            lo <= m.start
            and m.end <= cue.start
            and _TO_CUE.fullmatch(s.text, m.end, cue.start)
            and _COUNTED_ON.search(s.text, max(0, m.start - 40), m.start)
        ):
            return Agents([m.actor], 0.9, lo, True)
    return None

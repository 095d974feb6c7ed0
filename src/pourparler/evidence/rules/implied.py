"""Stances a sentence implies without an agent beside a cue: an actor's readiness spoken of by
another ("welcomes Ukraine's readiness to accept ...") and a list item under its header."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.found import Found

__all__ = ["QUESTION", "list_item", "readiness"]

# "Ukraine's readiness to accept", "the readiness of Ukraine to agree to": the owner accepts
_READINESS = re.compile(
    r"\b(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+|the\s+)(?:readiness|willingness|"
    r"preparedness)\s+(?:of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+)?to\s+"
    r"(?:accept|agree\s+to|sign|implement|observe)\b"
)
_LACK = re.compile(r"\b(?:no|lack\s+of|without|little|any)\s+(?:\w+\s+)?$", re.IGNORECASE)
QUESTION = re.compile(r"\?[\"”’)]*\s*$")


def readiness(s: agency.View, known: set[tuple[str, str]], issues: IssueMatcher) -> list[Found]:
    """ "welcomes Ukraine's readiness to accept an immediate ceasefire", "the readiness of
    Ukraine to agree to ...": the actor whose readiness is welcomed accepts."""
    out: list[Found] = []
    if QUESTION.search(s.text):
        return out
    for m in _READINESS.finditer(s.text):
        owner = [x for x in s.mentions if m.start() <= x.start < m.end()]
        if not owner or _LACK.search(s.text, max(0, m.start() - 20), m.start()):
            continue  # "showed no readiness to accept": no acceptance
        for issue in dict.fromkeys(i[2] for i in s.issues if i[0] >= m.end()):
            if (owner[0].actor, issue) not in known:
                pos = issues.position(issue, s.text[m.end() :])
                out.append(
                    Found(owner[0].actor, issue, m.group(0), "accept", 0.6, pos, None, False)
                )
        break
    return out


def list_item(s: agency.View, header: tuple[str, str], issues: IssueMatcher) -> list[Found]:
    """A list item with no cue of its own ("- a ceasefire") takes the actor and stance of
    its header ("These demands include:"); a header's condition asks for its items."""
    actor, st = header
    st = "demand" if st == "condition" else st
    out = []
    for issue in dict.fromkeys(i[2] for i in s.issues):
        pos = issues.position(issue, s.text) if st != "reject" else None
        out.append(Found(actor, issue, "(list)", st, 0.6, pos, None, False))
    return out

"""An act a text names as an actor's own claims what it does: "Russia's sham referenda and
attempted illegal annexation of ...", "Russia's illegal attempts to annex Ukrainian territory",
"the illegal attempted annexation by Russia of ...". The owner of an annexation (or of the
referenda staged for it) demands that its claim be recognised, however the text judges it;
the owner of efforts or progress towards an issue ("President Trump's efforts to secure a
ceasefire") seeks it (the possessor or "by"-agent of a nominalised act as its source:
NomBank, Meyers et al. 2004; PETRARCH's noun-phrase actors, Norris et al. 2017)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.found import Found

__all__ = ["owned_acts", "owned_efforts"]

# the act as a noun, or as the verb of "attempts to annex" (not "illegally annexed Crimea")
_ACT = re.compile(r"(?:annexations?|referend(?:a|ums?))\b|(?<=\bto )annex\b", re.IGNORECASE)
# between the owner's possessive and the act: up to five lowercase words ("sham referenda
# and attempted illegal", "illegal attempts to")
_BETWEEN = re.compile(r"\s+(?:(?!(?:in|on|at|of|from|for|with|by|into)\b)[a-z][\w-]*,?\s+){0,5}")
# "the illegal attempted annexation by Russia of ...": its agent after "by"
_BY = re.compile(r"\s+by\s+(?:the\s+)?")


def owned_acts(s: agency.View, known: set[tuple[str, str]], issues: IssueMatcher) -> list[Found]:
    """Demands of the owners of annexations and referenda; none already in ``known``."""
    out: list[Found] = []
    text = s.text
    for a, b, issue in s.issues:
        if not _ACT.match(text, a):
            continue
        owner = next(
            (
                m
                for m in reversed(s.mentions)
                if m.end <= a
                and text[m.end - 2 : m.end] in ("'s", "’s")
                and _BETWEEN.fullmatch(text, m.end, a)
            ),
            None,
        )
        if owner is None:
            by = _BY.match(text, b)
            owner = next((m for m in s.mentions if by and m.start == by.end()), None)
        if owner is None or (owner.actor, issue) in known:
            continue
        known.add((owner.actor, issue))
        pos = issues.position(issue, text[a:])
        out.append(Found(owner.actor, issue, text[a:b], "demand", 0.6, pos, None, False))
    return out


# "President Trump's efforts to secure a ceasefire", "the progress Washington has made towards
# a ceasefire", "Kyiv's push for an exchange": the owner works for what follows
_EFFORT = re.compile(
    r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}?(?:efforts?|push|drive|bid|work)\s+"
    r"(?:to\s+(?:secure|achieve|reach|bring\s+about|broker|deliver|get)|towards?|for)\s"
    r"|\s+(?:has|have)\s+made\s+(?:[a-z]+\s+)?towards?\s"
)
_PROGRESS_BEFORE = re.compile(r"\bprogress\s+(?:that\s+)?(?:[A-Z][\w.]*\s+){0,2}$")
_CLAUSE_END = re.compile(r"[;.!?]|,\s+(?:and|but|which)\s")


def owned_efforts(s: agency.View, known: set[tuple[str, str]], issues: IssueMatcher) -> list[Found]:
    """Demands of the actors whose efforts or progress towards an issue the text names
    ("President Trump's efforts to secure a ceasefire"); none already in ``known``."""
    out: list[Found] = []
    text = s.text
    for m in s.mentions:
        e = _EFFORT.match(text, m.end - 2 if text[m.end - 2 : m.end] in ("'s", "’s") else m.end)
        if e is None:
            continue
        made = e.group(0).lstrip().startswith(("has", "have"))
        if made and not _PROGRESS_BEFORE.search(text, max(0, m.start - 40), m.start):
            continue  # "Washington has made towards": only "the progress ... has made"
        stop = _CLAUSE_END.search(text, e.end())
        end = stop.start() if stop else len(text)
        first = next((x for x in s.issues if e.end() <= x[0] < end), None)
        if first is None or first[0] - e.end() > 30:
            continue
        a, _b, issue = first
        if (m.actor, issue) in known:
            continue
        known.add((m.actor, issue))
        pos = issues.position(issue, text[a:])
        out.append(Found(m.actor, issue, e.group(0).strip(), "demand", 0.6, pos, None, False))
    return out

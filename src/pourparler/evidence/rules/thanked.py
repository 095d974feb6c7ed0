"""The one thanked for an instrument gives it: "I thanked him for the UK's tangible leadership
in security support", "We thank the United States for its military aid package". Gratitude
for support names its giver, who offers what the thanks are for (the recipient of the thanks
as the source of the thanked act: PETRARCH's "thank ... for" pattern, Norris et al. 2017;
CAMEO 018 "make empathetic comment" carries its target's act, Gerner et al. 2002)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.found import Found

__all__ = ["thanked_claims"]

# "thanked him for", "thank the UK for", "grateful to the United States for"; the thanked
# words between (group 1) run to "for"
_THANKS = re.compile(
    r"\b(?:[Tt]hank(?:s|ed|ing)?|(?:grateful|gratitude)\s+to)\s+([^.;:!?]{1,80}?)\s+for\s+"
)
_PRONOUN = re.compile(r"(?:him|her|them)$")
# the head noun of an instrument one party gives another
_GIVEN = re.compile(
    r"(?:sanctions|support|assistance|aid|weapons|arms|guarantees|package|packages|funding|"
    r"equipment)$",
    re.IGNORECASE,
)
# what makes the instrument no head of what the thanks are for: a gerund after "for" ("for
# hosting the talks"), a preposition before it ("the discussion about aid")
_GERUND = re.compile(r"[a-z]+ing\b")
_NOT_HEAD = re.compile(r"\b(?:on|about|regarding|concerning|over|to|with|at)\b")
_CLAUSE_END = re.compile(r"[;.!?]|,\s+(?:and|but)\s")


def thanked_claims(
    s: agency.View,
    last_actor: str | None,
    known: set[tuple[str, str]],
    issues: IssueMatcher,
) -> list[Found]:
    """Offers of the actors thanked for an instrument; none already in ``known``."""
    out: list[Found] = []
    text = s.text
    for t in _THANKS.finditer(text):
        lo, hi = t.span(1)
        named = [m.actor for m in s.mentions if lo <= m.start < hi]
        if not named and _PRONOUN.fullmatch(t.group(1)) and last_actor:
            named = [last_actor]
        stop = _CLAUSE_END.search(text, t.end())
        end = stop.start() if stop else len(text)
        owner = next((m for m in s.mentions if t.end() <= m.start < t.end() + 8), None)
        if owner is not None and text[owner.end - 2 : owner.end] in ("'s", "’s"):
            named = [owner.actor]  # "for the UK's support": the owner
        for a, b, issue in s.issues:
            if not (t.end() <= a < end and _GIVEN.search(text, a, b)):
                continue
            if _GERUND.match(text, t.end()) or _NOT_HEAD.search(text, t.end(), a):
                continue
            for actor in dict.fromkeys(named):
                if (actor, issue) in known:
                    continue
                known.add((actor, issue))
                pos = issues.position(issue, text[a:])
                cue = t.group(0).strip()
                out.append(Found(actor, issue, cue, "propose", 0.6, pos, None, False))
    return out

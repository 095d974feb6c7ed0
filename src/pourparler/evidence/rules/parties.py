"""An agreement or an exchange binds the parties that made it: "Russia and Ukraine's exchange of
prisoners", "the agreement, by both Russia and Ukraine, to exchange prisoners", "an exchange
agreed between Moscow and Kyiv" — every party named accepts what the agreement is to do. An
agreement with no party named ("The agreement to a further prisoner exchange is a step towards
confidence") binds the parties of the talks, when the text names both. Event coding records a
joint agreement as an event of each of its parties (CAMEO 057 "sign formal agreement", Gerner
et al. 2002; PETRARCH's compound actors, Norris et al. 2017)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher, Mention
from pourparler.evidence.rules.agent_types import View
from pourparler.evidence.rules.found import Found

__all__ = ["agreement_parties"]

_NOUN = r"(?:agreements?|deals?|accords?|exchanges?|swaps?)"
# "Russia and Ukraine's (recent) exchange of ...": the owners of the noun (an owner's "deal"
# is as often its plan: "Trump's deal would ...")
_OWNED = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:agreements?|accords?|exchanges?|swaps?)\b", re.IGNORECASE
)
# "the agreement, by both Russia and Ukraine,", "an exchange agreed between Moscow and Kyiv"
_BY = re.compile(
    r"\b" + _NOUN + r"(?:\s+(?:of|on)\s+(?:[\w“”\"'-]+\s+){0,3}?[\w“”\"'-]+)?"
    r",?\s+(?:(?:reached|agreed|struck|signed|made|concluded)\s+)?"
    r"(?:by|between)\s+(?:both\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
# "The agreement to a further exchange", "the agreement on the return of": no party named
_UNNAMED = re.compile(
    r"(?:(?:^|[,;:]\s+|\s(?:and|welcome[sd]?|of)\s+)\W*(?:[Tt]he|[Tt]his|[Tt]hat)\s+"
    r"|\b(?:produced|reached|struck|secured|yielded)\s+an?\s+)"  # "It produced an agreement to"
    r"(?:(?:recent|latest|new|further)\s+)?agreement\s+(?:to|on)\s+"
)
_LIST_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")
# what is not (yet) an agreement: "no agreement to", "if an agreement on ... were reached"
_NOT_MADE = re.compile(
    r"\b(?:no|not|any|without|if|unless|until|once|before|whether|fail\w*|hope\w*|seek\w*|"
    r"reach|towards?)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)
# "an agreement on X would help": a modal for the agreement's verb (not one of a later clause,
# "... is an indication of what might be possible")
_UNREAL = re.compile(
    r"^(?:(?!\b(?:is|was|are|were|has|have|had)\b)[^.;]){0,60}?\b(?:would|could|might|may)\b",
    re.IGNORECASE,
)
# "an exchange of views": no exchange of people
_NOT_PEOPLE = re.compile(
    r"\s+of\s+(?:views|opinions|fire|blows|letters|notes|information|words|ideas|messages|"
    r"greetings|visits|data|intelligence|experience|territory|land)\b",
    re.IGNORECASE,
)
_STOP = re.compile(r"[.;:!?]")


def _listed_after(text: str, mentions: list[Mention], at: int) -> list[Mention]:
    """The mentions of a list starting at ``at`` ("Russia and Ukraine", "Moscow, Kyiv and ...")."""
    first = next((m for m in mentions if m.start == at), None)
    if first is None:
        return []
    out = [first]
    for m in mentions:
        if m.start > out[-1].end and _LIST_GAP.fullmatch(text, out[-1].end, m.start):
            out.append(m)
    return out


def _listed_before(text: str, mentions: list[Mention], m: Mention) -> list[Mention]:
    """``m`` and the mentions listed before it ("Russia and Ukraine's")."""
    out = [m]
    for x in reversed([x for x in mentions if x.end <= m.start]):
        if _LIST_GAP.fullmatch(text, x.end, out[0].start):
            out.insert(0, x)
        else:
            break
    return out


def _parties_at(
    s: View, parties: tuple[str, ...], both_named: bool
) -> list[tuple[list[str], int, int, str]]:
    """(actors, start, end, words) of each agreement or exchange the sentence names with its
    parties; the span is the noun phrase read for issues."""
    text = s.text
    out: list[tuple[list[str], int, int, str]] = []
    for m in s.mentions:
        if text[m.end - 2 : m.end] not in ("'s", "’s"):
            continue
        owned = _OWNED.match(text, m.end)
        if owned and not _NOT_PEOPLE.match(text, owned.end()):
            who = _listed_before(text, s.mentions, m)
            if _NOT_MADE.search(text, max(0, who[0].start - 40), who[0].start):
                continue
            out.append(([x.actor for x in who], m.end, owned.end(), owned.group(0).strip()))
    for by in _BY.finditer(text):
        if _NOT_PEOPLE.search(by.group(0)):
            continue
        who = _listed_after(text, s.mentions, by.end())
        if who and not _NOT_MADE.search(text, max(0, by.start() - 40), by.start()):
            out.append(([x.actor for x in who], by.start(), who[-1].end, by.group(0).strip()))
    if both_named and len(parties) == 2:
        for u in _UNNAMED.finditer(text):
            before = text[: u.end()]
            if any(x.end <= u.end() for x in s.mentions if x.start >= u.start()):
                continue  # an actor names the agreement ("the US-Russia agreement")
            if _NOT_MADE.search(before, max(0, u.start() - 40), u.start() + 1):
                continue
            out.append((list(parties), u.start(), u.end(), "agreement"))
    return out


def agreement_parties(
    s: View,
    parties: tuple[str, ...],
    both_named: bool,
    known: set[tuple[str, str]],
    issues: IssueMatcher,
) -> list[Found]:
    """Claims of the parties of the sentence's agreements and exchanges: each accepts the
    issues named in the agreement's phrase, up to the end of its clause; none already in
    ``known``. ``both_named``: the text names both parties of the talks (``parties``)."""
    out: list[Found] = []
    text = s.text
    for who, start, end, words in _parties_at(s, parties, both_named):
        stop = _STOP.search(text, end)
        hi = min(stop.start() if stop else len(text), end + 160)
        if _UNREAL.match(text[end:hi]):
            continue  # "an agreement on X would ...": not made
        for a, b, issue in s.issues:
            if a < hi and b > start:  # the issue phrase overlaps the agreement's
                for actor in dict.fromkeys(who):
                    if (actor, issue) in known:
                        continue
                    known.add((actor, issue))
                    pos = issues.position(issue, text[a:hi])
                    out.append(Found(actor, issue, words, "accept", 0.6, pos, None, False))
    return out

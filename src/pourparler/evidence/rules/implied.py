"""Stances a sentence implies without an agent beside a cue: an actor's readiness spoken of by
another ("welcomes Ukraine's readiness to accept ..."), an actor's support for what excludes an
issue ("the United States' support for Ukraine's territorial integrity", "must fully respect
...") and a list item under its header."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher, Mention
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.found import Found

__all__ = ["QUESTION", "list_item", "owned_support", "readiness"]

# "Ukraine's readiness to accept", "the readiness of Ukraine to agree to": the owner accepts
_READINESS = re.compile(
    r"\b(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+|the\s+)(?:readiness|willingness|"
    r"preparedness)\s+(?:of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+)?to\s+"
    r"(?:accept|agree\s+to|sign|implement|observe)\b"
)
_LACK = re.compile(r"\b(?:no|lack\s+of|without|little|any)\s+(?:\w+\s+)?$", re.IGNORECASE)
QUESTION = re.compile(r"\?[\"”’)]*\s*$")
# a verb ends the noun phrase: "the UK's support for the talks was clear, and Ukraine's ..."
_VERB = (
    r"(?:is|are|was|were|be|been|has|have|had|will|would|shall|should|must|can|could|may|might"
    r"|does|do|did|said|says)\b"
)
# after an owner's possessive: "(the United States') steadfast commitment to (Ukraine's ...)",
# "(the EU's) unwavering support for (the ...)"; not "lack of support", "disregard for"
_SUPPORT_OF = re.compile(
    r"\s*(?:(?!(?:lack|absence|disregard|violation|contempt|erosion)\b)[\w-]+,?\s+){0,3}?"
    r"(?P<noun>support|commitment|respect|backing)\s+(?:for|to)\s+(?:the\s+)?"
    r"(?:(?!" + _VERB + r"|[\w'’-]*ing\b)[\w'’-]+,?\s+(?:and\s+)?){0,4}?$",
    re.IGNORECASE,
)

# after a subject: "(The United Kingdom) remains firmly committed to (Ukraine's ...)", "(The
# Council) reaffirms its support for (the ...)"; not "does not respect", "violates"
_SUBJECT_SUPPORT = re.compile(
    r"\s+(?:(?!(?:that|not|never|no|lack|violat\w*|undermin\w*|disregard\w*|threat\w*"
    r"|against)\b)[\w-]+,?\s+){0,6}?"
    r"(?P<noun>committed\s+to|supports?|backs?|respects?|upholds?|(?:its|their)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:support|commitment|respect|backing)\s+(?:for|to))\s+(?:the\s+)?"
    r"(?:(?!" + _VERB + r"|[\w'’-]*ing\b)[\w'’-]+,?\s+(?:and\s+)?){0,4}?$",
    re.IGNORECASE,
)
# the speaker's demand that it be kept: "any settlement must fully respect (Ukraine's ...)",
# "demand that Russia ... fully respects (...)"
_MUST_RESPECT = re.compile(
    r"\b(?:must|should|has\s+to|have\s+to|needs?\s+to|demand\w*\s+that\s+[\w\s,]{0,160}?)"
    r"\s*(?:\w+ly\s+)?(?P<noun>respects?|safeguards?|upholds?|preserves?|guarantees?|protects?"
    r"|restores?)\s+(?:the\s+)?(?:(?!" + _VERB + r"|[\w'’-]*ing\b)[\w'’-]+,?\s+(?:and\s+)?){0,4}?$",
    re.IGNORECASE,
)
# kept whatever happens: "(sovereignty, territorial integrity ...) are not negotiable"
_KEPT = re.compile(
    r"[^.;:]{0,80}?\b(?:is|are|remains?)\s+(?P<noun>not\s+negotiable|non-negotiable|inviolable"
    r"|sacrosanct|not\s+up\s+for\s+(?:negotiation|discussion|debate)|not\s+for\s+sale)\b",
    re.IGNORECASE,
)
_OUR = re.compile(r"\b[Oo]ur\b")
_WE = re.compile(r"\b[Ww]e\b")
# what may open a sentence before its subject
_OPENERS = re.compile(
    r"[\s\"“‘]*(?:(?:and|but|today|also|moreover|meanwhile|however|the|once again|again),?\s+)*",
    re.IGNORECASE,
)


def readiness(
    s: agency.View,
    known: set[tuple[str, str]],
    issues: IssueMatcher,
    voice: str | None = None,
) -> list[Found]:
    """ "welcomes Ukraine's readiness to accept an immediate ceasefire", "the readiness of
    Ukraine to agree to ...": the actor whose readiness is welcomed accepts; and the stances
    of :func:`owned_support` (``voice``: who "we" and "our" are, when known)."""
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
    return out + owned_support(s, known | {(f.actor, f.issue) for f in out}, issues, voice)


def owned_support(
    s: agency.View,
    known: set[tuple[str, str]],
    issues: IssueMatcher,
    voice: str | None = None,
) -> list[Found]:
    """ "The United States' steadfast commitment to Ukraine's sovereignty and territorial
    integrity", "the EU's unwavering support for Ukraine's independence, sovereignty and ...",
    "The United Kingdom remains firmly committed to Ukraine's ... territorial integrity":
    the owner of the support (or the sentence's subject) rejects the issue its object excludes
    (recognition of annexed land; :meth:`~pourparler.evidence.mentions.IssueMatcher.opposed`),
    a stance held in a noun phrase, as event coding reads the nominal forms of its verbs
    (PETRARCH, Norris et al. 2017). The speaker's demand that they be kept ("any settlement
    must fully respect ...", "... are not negotiable") rejects it in the reporter's name or the
    ``voice``'s (who "we" and "our" are, when known: "our support for ...", "We remain
    committed to ..." are the voice's too).
    """
    out: list[Found] = []
    if QUESTION.search(s.text):
        return out
    owners = [
        (m, _SUPPORT_OF)
        for m in s.mentions
        if s.text[m.end - 2 : m.end] in ("'s", "’s") or s.text[m.end - 1 : m.end] in ("'", "’")
    ]
    first = s.mentions[0] if s.mentions else None
    if voice:  # "our resolute support for", "We remain committed to"
        owners += [(Mention(m.start(), m.end(), voice), _SUPPORT_OF) for m in _OUR.finditer(s.text)]
        we = _WE.search(s.text)
        if (
            we
            and _OPENERS.fullmatch(s.text, 0, we.start())
            and not (first and first.start < we.start())
        ):
            first = Mention(we.start(), we.end(), voice)
    if first and _OPENERS.fullmatch(s.text, 0, first.start) and (first, _SUPPORT_OF) not in owners:
        owners.append((first, _SUBJECT_SUPPORT))  # the sentence's subject
    speaker = s.report.actor or voice
    for a, b, issue in issues.opposed(s.text):
        kept = _kept(s.text, a, b) if speaker else None
        if speaker and kept and (speaker, issue) not in known | {(f.actor, f.issue) for f in out}:
            out.append(Found(speaker, issue, kept, "reject", 0.6, None, None, False))
        for m, support in owners:
            held = support.fullmatch(s.text, m.end, a) if 0 <= a - m.end <= 120 else None
            if held and (m.actor, issue) not in known | {(f.actor, f.issue) for f in out}:
                cue = held.group("noun")
                out.append(Found(m.actor, issue, cue, "reject", 0.6, None, None, False))
    return out


def _kept(text: str, a: int, b: int) -> str | None:
    """The cue of a demand that what ``text[a:b]`` names be kept ("must fully respect ...",
    "... are not negotiable"), if the sentence makes one."""
    must = _MUST_RESPECT.search(text, max(0, a - 220), a)
    if must and not re.search(r"\bnot\b|n['’]t\b", text[must.start() : a]):
        return must.group("noun")
    held = _KEPT.match(text, b)
    return held.group("noun") if held else None


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

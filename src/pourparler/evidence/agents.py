"""Agents that are not plain actor mentions: groups ("the two sides"), documents ("the
Russian memorandum", "The document also seeks ..."), and mentions that cannot be an agent
(inside an issue phrase, "NATO membership"; inside a relative clause, "X, whose countries
help Ukraine, offered ...")."""

from __future__ import annotations

import re

from pourparler.evidence.attribution import listed
from pourparler.evidence.mentions import Mention

# the parties of the talks as a group: the scenario's first two actors
GROUP = re.compile(
    r"\b(?:the\s+two|both)\s+(?:sides|parties|delegations|countries|governments|camps)\b"
    r"|\bthe\s+(?:warring\s+)?parties\b",
    re.IGNORECASE,
)
_DOCUMENT = r"(?:memorandum|document|draft|text|paper|proposal|plan|terms|blueprint)"
# "The document also seeks ...", "the memorandum rejects ...": the last named document
DOCUMENT_SUBJECT = re.compile(r"^\W*(?:the|this|that)\s+" + _DOCUMENT + r"\b", re.IGNORECASE)
# what stands for its owner: "Ukraine's own memorandum", "Russia's delegation"
_SELF_NOUN = re.compile(
    r"\s*(?:own\s+)?(?:(?:peace|draft|written)\s+)?(?:" + _DOCUMENT[3:-1] + r"|delegation|"
    r"negotiators|team|side|government|leadership|foreign\s+ministry)\s*"
    r"(?:,\s+(?:[a-z]+ed|which|who)\b[^,]{0,80},\s*)?$",  # "memorandum, published by TASS,"
    re.IGNORECASE,
)
_NAMED_DOCUMENT = re.compile(
    r"^\s*(?:(?:own|so-called)\s+)?(?:[\"“‘']?(?:peace|draft|written)\s+)?" + _DOCUMENT + r"\b",
    re.IGNORECASE,
)
# "the United States presented a 28-point peace plan": the subject authors the document
# ... and "The Russian delegation, headed by X, handed over to the other side a memorandum"
_PRESENTED = re.compile(
    r"(?:\s+(?:delegation|side|government|team|negotiators))?(?:,[^,]{1,80},)?"
    r"\s+(?:has\s+|had\s+)?(?:presented|proposed|put\s+forward|unveiled|submitted|drafted|"
    r"tabled|published|issued|handed\s+over|set\s+out|laid\s+out|outlined|circulated)\s+"
    r"(?:[\w'’\"“-]+\s+){0,6}?[\"“‘']?(?:counter-?)?" + _DOCUMENT + r"\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r",\s+(?:who|whose|which)\b[^,]*,")
# "Medinsky, speaking after meeting Witkoff, demanded ...": an aside of a participle
_PARTICIPIAL = re.compile(r",\s+(?:[a-z]+ing|[a-z]+ed)\b[^,]*,")


# "Russia's failure to agree to", "Ukraine's readiness to accept": the owner of a noun
# that takes the cue as its infinitive is the cue's subject
_OWNER_TO = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}?(?:failure|refusal|readiness|willingness|unwillingness|decision|"
    r"commitment|determination|attempts?|efforts?|offer|pledge|promise|plans?|intention|bid|"
    r"reluctance|inability|ability|wish|desire|resolve|intent)\s+to\s+(?:\w+\s+)?",
    re.IGNORECASE,
)


def owner_before_cue(sentence: str, m: Mention, cue_start: int) -> bool:
    """``m`` is a possessive whose noun stands for its owner right before the cue, or whose
    noun takes the cue as its infinitive ("Russia's failure to agree to a ceasefire")."""
    if sentence[m.end - 2 : m.end] not in ("'s", "’s"):
        return False
    between = sentence[m.end : cue_start]
    return bool(_SELF_NOUN.fullmatch(between) or _OWNER_TO.fullmatch(between))


_PROPOSAL_NOUN = re.compile(
    r"\b(?:plan|proposal|draft|blueprint|framework|offer|communiqu[eé])s?\b", re.I
)
_DOCUMENT_WORDS = (
    r"\b(?:memorandum|document|draft|text|paper|proposal|plan|terms|blueprint|framework|"
    r"communiqu[eé])"
)


_AUTHORED = r"(?:presented|proposed|put\s+forward|drafted|tabled|submitted|wrote|written|unveiled)"
# "the framework that US envoys presented", "the communiqué, drafted by Ukraine's negotiators"
_DOCUMENT_THAT = re.compile(_DOCUMENT_WORDS + r"\s+(?:that|which)\s+(?:the\s+)?$", re.I)
_AUTHORED_AFTER = re.compile(r"(?:['’]s)?\s+(?:[a-z]+\s+){0,2}?" + _AUTHORED + r"\b")
_DOCUMENT_BY = re.compile(
    _DOCUMENT_WORDS + r"\b[^.;]{0,50}?,?\s+" + _AUTHORED + r"\s+by\s+(?:the\s+)?$", re.I
)


def document_terms(sentence: str, mentions: list[Mention]) -> tuple[tuple[str, ...], str] | None:
    """The authors of the document the sentence names and the stance its terms take: a plan,
    proposal or draft proposes them ("the American plan", "the framework that US envoys
    presented", "the communiqué, drafted by Ukraine's negotiators", "Britain, France and
    Germany had circulated their own counter-proposal"), a memorandum or terms demand them."""
    for m in mentions:
        rest = sentence[m.end :]
        d = _NAMED_DOCUMENT.match(rest) or _PRESENTED.match(rest)
        if d is None and _AUTHORED_AFTER.match(rest):
            d = _DOCUMENT_THAT.search(sentence, max(0, m.start - 60), m.start)
        if d is None:
            d = _DOCUMENT_BY.search(sentence, max(0, m.start - 120), m.start)
        if d:
            authors = listed(sentence, mentions, m)
            return authors, "propose" if _PROPOSAL_NOUN.search(d.group(0)) else "demand"
    return None


def document_owner(sentence: str, mentions: list[Mention]) -> str | None:
    """The actor whose document the sentence names ("the Russian memorandum", "the United
    States presented a 28-point peace plan")."""
    for m in mentions:
        if _NAMED_DOCUMENT.match(sentence[m.end :]) or _PRESENTED.match(sentence[m.end :]):
            return m.actor
    terms = document_terms(sentence, mentions)  # "the document tabled by the Russian side"
    return terms[0][0] if terms else None


def excluded(
    sentence: str, issue_spans: list[tuple[int, int, str]], cue_start: int
) -> list[tuple[int, int]]:
    """Spans whose mentions are not the agent of a cue at ``cue_start``: issue phrases,
    relative clauses and participial asides closed before it."""
    out = [(s, e) for s, e, _ in issue_spans]
    out += [(r.start(), r.end()) for r in _RELATIVE.finditer(sentence, 0, cue_start)]
    out += [(r.start(), r.end()) for r in _PARTICIPIAL.finditer(sentence, 0, cue_start)]
    return out

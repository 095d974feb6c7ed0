"""The issues a cue is about: those named in its object (up to the next cue or a clause that
stops it), what a condition in it asks for ("... until Russia withdraws"), else an issue named
before the cue or the one the sentence or text was already about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pourparler.evidence.rules.agency import View
from pourparler.evidence.rules.cues import Cue, clause_start, negated

_STOP_SCOPE = re.compile(
    r"\b(?:if|unless|until|because|since|although|though|while|but|whereas|once)\b|;|\s[—–]\s"
    r"|,\s+and\b(?!\s+\w+ing\b)|\band\s+(?=(?:was|were|is|are|has|have|had)\b)"
    r"|\s+and\s+that\b"
    r"|\b(?:in order )?to\s+(?:help\s+)?"
    r"(?:uphold|enforce|secure|protect|monitor|ensure|keep|maintain|make)\b"
    r"|,?\s+(?:that|which)\s+(?:would|will|could|might|may|should|lets?|allows?)\b"
    r"|,\s+(?:which|whose)\b|,\s+should\b"
    r"|\bso\s+that\b"
    # a participle of saying or proposing with the subject's own act: ", proposing instead ..."
    r"|,\s+(?:proposing|saying|arguing|insisting|adding|calling|demanding|offering|suggesting"
    r"|warning|noting|stressing)\b"
    # a participle describing the noun before it: ", deployed away from the line of contact"
    r"|,\s+(?!(?:including|such)\b)[a-z]+(?:ed|en)\s+(?:away\s+)?"
    r"(?:by|from|along|in|on|at|to|near|across|behind|under|with)\b"
)
_PARTICIPLE = re.compile(r",\s+[a-z]+(?:ed|en)\s.*", re.DOTALL)
# ", and we talked about ...": a clause with a pronoun subject of its own
_OWN_SUBJECT = re.compile(r",\s+(?:and|but)\s+(?:we|I|they|he|she)\s+(?!\w+ing\b)\w+", re.I)
# "repeated that X was a red line and said ...": a verb of saying with the same subject starts
# a clause of its own
_AND_SAID = re.compile(
    r"\band\s+(?:also\s+)?(?:said|says|told|added|warned|insisted|stressed|noted|argued)\b"
)
# another item of the same object after "; " or ", and": "to renounce ...", "that ..."
_PARALLEL = re.compile(r"\s*(?:and\s+|or\s+)?(?:to\s+(?!be\b)[a-z]\w*\s|that\s)")
_NOUN_ITEM = re.compile(
    r"\s+(?!(?:then|also|so|yet|now|thus|later|still|even|instead|only|we|I|you|he|she|it"
    r"|they|this|that|these|those|there|here)\b)[a-z][\w'’-]*"
    r"(?<!ed)\s",
    re.IGNORECASE,
)
_FINITE = re.compile(
    r"\b(?:will|would|shall|should|must|can|could|may|might|is|are|was|were|has|have|had"
    r"|did|does|do|said|says|told|wants?|wanted)\b|n['’]t\b",
    re.IGNORECASE,
)
# a time frame, not an object: "after a ceasefire", "during the truce", "in the event of a ..."
# ("only after" is a condition: REQUIREMENT)
_WHEN = re.compile(
    r"(?<!only )\b(?:after|during|following|throughout|in\s+the\s+event\s+of|in\s+case\s+of)\s+"
    r"(?:(?:a|an|the|any|its|their)\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
# a place, not an object: "truces on certain sections of the line of contact", "a force
# stationed away from the front line"
_WHERE = re.compile(
    r"\b(?:on|along|at|across|in)\s+(?:(?:certain|some|specific|several|other|all)\s+)?"
    r"(?:sections?|stretches|segments?|points?)\s+of\s+(?:the\s+)?$"
    r"|\b(?:away\s+from|behind|near|close\s+to|far\s+from)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# what a rejection puts first is not rejected: "rejects a truce before talks on territory"
_BEFORE = re.compile(r"\s(?:before|ahead of|prior to)\s", re.I)
_VERB_ISSUE = re.compile(
    r"(?:\b(?:not|never|to|will|would|could|can|must|may|might|shall|should)|n't|n’t)\s+$"
)
REQUIREMENT = re.compile(
    r"\b(?:only\s+(?:if|after|once|when)|until|unless|provided(?:\s+that)?|(?:as|so)\s+long\s+as"
    r"|in\s+(?:exchange|return)\s+for|on\s+condition\s+that|subject\s+to)\b",
    re.IGNORECASE,
)
# after an accepting cue, a plain "if" also makes the acceptance conditional
_IF_REQUIREMENT = re.compile(r"\bif\b", re.IGNORECASE)
# an object that refers back to what was named before: "rejected it", "welcomed that
# proposal", "we support that.", "accepts those terms", "will not agree to this." A
# demonstrative before a noun of its own ("to end this conflict", "such ambitions") refers
# back only when that noun is a proposal's ("this offer", "such a deal").
_ANAPHORIC_OBJECT = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:it|them)\b(?!\s+at\s+(?:its|their)\s+word)"
    r"|\s+(?:\w+\s+){0,2}?(?:that|this|these|those|such)\s*(?:[.,;:!?\"”]|$)"
    # a time adverbial ends the object: "agree to this without further delay", "accept that now"
    r"|\s+(?:\w+\s+){0,2}?(?:it|that|this)\s+(?:without\s+(?:any\s+)?(?:further\s+)?delay"
    r"|now|immediately|at\s+once|today|as\s+soon\s+as\s+possible)\s*(?:[.,;:!?\"”]|$)"
    r"|\s+(?:\w+\s+){0,2}?(?:that|the|this|those|these|such\s+an?|such|its|their|his|her"
    r"|[A-Z][\w.-]*(?:'s|’s))\s+(?:[\w'’-]+\s+)?"
    r"(?:proposals?|offers?|plans?|ideas?|requests?|terms|demands?|conditions?|positions?"
    r"|initiatives?|arrangements?|approach|options?|package|call|deal|steps?|moves?"
    r"|measures?|schemes?|outcomes?|suggestions?|ultimatum|formula)\b"
    # a noun with its own content names what it is about: "Kyiv's initiative for a just peace",
    # "the proposal to hold talks"
    r"(?!\s+(?:for|towards?)\b|\s+to\s+(?:this\s+end|(?!(?:the|an?|his|her|its|their|our)\b)"
    r"[a-z]+\b))"
    # "refused to do so", "has not done so"
    r"|\s+(?:\w+\s+){0,2}?(?:do|does|did|done|doing)\s+so\b"
    # no object before a condition or contrast: "Ukraine accepted, pending Russia's agreement"
    r"|\s*,\s+(?:pending|provided|but|though|although|while|unless|as\s+long\s+as)\b",
    re.I,
)

_ANAPHORIC_SUBJECT = re.compile(
    r"(?:\b(?:that|the|this|those|these|such|his|her)|\b[A-Z][\w.-]*(?:'s|’s))\s+"
    r"(?:[\w'’-]+\s+)?"
    r"(?:proposals?|offers?|plans?|ideas?|requests?|terms|demands?|conditions?"
    r"|initiatives?|arrangements?|package|suggestions?|ultimatum)\b",
    re.I,
)

Span = tuple[int, int, str]


@dataclass
class Scope:
    """The object of a cue: its issues, the issues a condition in it requires, the condition
    word ("until", "if") and where the object ends."""

    issues: list[str]
    required: list[str]
    condition: re.Match[str] | None
    end: int
    spans: list[Span] = field(default_factory=list)


def object_end(s: View, cues: list[Cue], j: int) -> int:
    """The object of cue ``j`` runs to the next cue, skipping nouns that are its own object
    ("rejected Russian proposals for ...", "ready to accept a US proposal for ...")."""
    sent, cue, nxt = s.text, cues[j], j + 1
    while nxt < len(cues) and cues[nxt].noun:
        between = sent[cue.end : cues[nxt].start]
        if len(between.split()) > (4 if not re.search(r"[,;:]|\band\b", between) else 2):
            break
        nxt += 1
    return cues[nxt].start if nxt < len(cues) else len(sent)


def issues_in_object(s: View, cue: Cue, end: int) -> list[Span]:
    """Issue phrases starting in the object; one ending at the cue counts when the cue is the
    issue's own verb ("would never recognise", "we have sanctioned"); one that only says when
    ("a force after a ceasefire", "relief during a truce") or where ("truces on certain
    sections of the line of contact") does not."""
    sent = s.text
    verb_issue = _VERB_ISSUE.search(sent[max(0, cue.start - 12) : cue.start]) is not None or any(
        0 < cue.start - m.end <= 1 for m in s.mentions
    )
    return [
        i
        for i in s.issues
        if cue.start <= i[0] < end
        and (i[1] > cue.end or (i[1] == cue.end and (verb_issue or i[0] == cue.start)))
        and not _WHEN.search(sent, max(cue.end, i[0] - 40), i[0])
        and not _WHERE.search(sent, max(cue.end, i[0] - 40), i[0])
    ]


def requirement(s: View, cue: Cue, end: int, spans: list[Span]) -> Scope:
    """A condition in the object ("only if", "until", "unless", "provided that", "as long as",
    "in exchange for", "on condition that", "subject to";
    a plain "if" after an acceptance or offer): the issues after it are required, those before
    it stay the object. A negated condition clause asks for nothing."""
    sent = s.text
    required: list[str] = []
    cond = REQUIREMENT.search(sent, cue.end, end)
    if cond is None and cue.stance in ("accept", "propose") and not negated(sent, cue):
        cond = _IF_REQUIREMENT.search(sent, cue.end, end)
    if cond and not re.search(r"n't|n’t|\bnot\b", sent[cond.end() : end]):
        required = [i[2] for i in spans if i[0] >= cond.end()]
        if any(i[0] < cond.start() for i in spans):
            spans = [i for i in spans if i[0] < cond.start()]
    if cue.stance == "condition":
        required += [i[2] for i in spans]
    return Scope([], required, cond, end, spans)


def list_goes_on(sent: str, stop: re.Match[str], actors: tuple[int, ...] = ()) -> bool:
    """A "; " or ", and" that joins another item of the same object, not a clause: a parallel
    infinitive or "that" clause ("to withdraw from ...; to renounce any alliance; and to
    shrink ...", "..., and that all sanctions be lifted") or a noun phrase
    with no finite verb before the next comma and no actor (at ``actors``, offsets of actor
    mentions) at its start ("a ceasefire, the return of children, and no restrictions on its
    army", "A, B, and limits on the army"; not ", and the United States restored ...", ",
    and Russia will ..."). The compound objects of event coding (TABARI, Schrodt 2001)."""
    if not (stop.group(0) == ";" or re.fullmatch(r",\s+and", stop.group(0))):
        return False
    rest = sent[stop.end() : stop.end() + 120]
    if _PARALLEL.match(rest):
        return True
    if stop.group(0) == ";":  # "; an all-for-all exchange; and the return of ..."
        rest = re.sub(r"^\s*and\b", "", rest)
    item = _NOUN_ITEM.match(rest)
    if item is None or stop.end() + item.end() in actors:
        return False
    return not _FINITE.search(re.split(r"[,;:.]", rest, maxsplit=1)[0])


def stop_at_clause(s: View, cue: Cue, scope: Scope) -> None:
    """The object ends at a clause of its own ("because", "; ", ", and", "to ensure", ", which
    would ...") once it has an issue before it, and at a clause with a subject of its own
    (", and we talked about ..."), at "and said" or, after a rejection, at "before" in any
    case."""
    own = _OWN_SUBJECT.search(s.text, cue.end, scope.end) or _AND_SAID.search(
        s.text, cue.end, scope.end
    )
    if cue.stance == "reject":  # "rejects a ceasefire before any talks on territory"
        own = own or _BEFORE.search(s.text, cue.end, scope.end)
    if own:
        scope.spans = [i for i in scope.spans if i[0] < own.start()]
        scope.end = own.start()
    actors = tuple(m.start for m in s.mentions)
    aside_end = -1
    that_object = re.match(r"\s+that\b", s.text[cue.end : cue.end + 8]) is not None
    for stop in _STOP_SCOPE.finditer(s.text, cue.end, scope.end):
        if stop.start() < aside_end or list_goes_on(s.text, stop, actors):
            continue
        if that_object and re.fullmatch(r"\s+and\s+that", stop.group(0)):
            continue  # "demands that Kyiv withdraw and that sanctions be lifted"
        if any(i[0] < stop.start() for i in scope.spans):
            resume = next_item(s.text, stop, scope.end, actors)
            if resume is not None:  # "a ceasefire, monitored by the US; an exchange of ..."
                scope.spans = [i for i in scope.spans if not stop.start() <= i[0] < resume]
                aside_end = resume
                continue
            scope.spans = [i for i in scope.spans if i[0] < stop.start()]
            scope.end = stop.start()
            break


def next_item(sent: str, stop: re.Match[str], end: int, actors: tuple[int, ...]) -> int | None:
    """After a participle describing an item of the object (", monitored by the United
    States"), where the next item of the same object starts ("; an all-for-all exchange"),
    if one does before ``end``; the participle's own words are no item."""
    if not _PARTICIPLE.fullmatch(stop.group(0)):
        return None
    for later in _STOP_SCOPE.finditer(sent, stop.end(), end):
        if list_goes_on(sent, later, actors):
            return later.end()
    return None


def issue_from_context(
    s: View,
    cue: Cue,
    used: set[int],
    earlier_issues: list[str],
    last_issue: str | None,
    after: str,
) -> tuple[list[str], float]:
    """With no issue in the object: an unused issue named before the cue in its clause, else
    the issues of the sentence's previous cue (short or anaphoric object), else the last issue
    of the text ("rejected it", "the proposal was rejected"); with the confidence factor of
    each."""
    sent = s.text
    before = [
        i
        for i in s.issues
        if i[1] <= cue.start and i[0] not in used and i[0] >= clause_start(sent, cue.start)
    ]
    if before:
        return [before[-1][2]], 0.8
    # "a ceasefire proposed by the US": a participle with its agent describes the noun before
    reduced = cue.text.endswith("ed") and re.match(r"\s+by\s", sent[cue.end :]) is not None
    compound = [i for i in s.issues if (cue.noun or reduced) and not sent[i[1] : cue.start].strip()]
    if compound:  # "the ceasefire proposal", even when another cue took the issue
        return [compound[-1][2]], 0.8
    if earlier_issues and (len(after.split()) < 4 or _ANAPHORIC_OBJECT.match(after)):
        return earlier_issues, 0.8
    # "Ukraine needs security guarantees, and we stand ready to contribute to them": a
    # pronoun refers to the sentence's own issue before the text's earlier one
    prior = [i for i in s.issues if i[1] <= cue.start]
    if prior and _ANAPHORIC_OBJECT.match(after):
        return [prior[-1][2]], 0.8
    if last_issue and _ANAPHORIC_OBJECT.match(after):
        return [last_issue], 0.7
    # "The proposal was rejected by Moscow", "That offer, Kyiv accepted": a subject that
    # refers back to the issue named before
    if last_issue and _ANAPHORIC_SUBJECT.search(sent, clause_start(sent, cue.start), cue.start):
        return [last_issue], 0.7
    return [], 1.0


def find_scope(s: View, cues: list[Cue], j: int) -> Scope:
    """The object of cue ``j``: :func:`object_end`, :func:`issues_in_object`,
    :func:`requirement` and :func:`stop_at_clause` in turn."""
    cue = cues[j]
    end = object_end(s, cues, j)
    scope = requirement(s, cue, end, issues_in_object(s, cue, end))
    stop_at_clause(s, cue, scope)
    scope.issues = list(dict.fromkeys(i[2] for i in scope.spans))
    return scope


def conditioned_issue(s: View, cue: Cue, scope: Scope) -> None:
    """A condition cue ("only after", "conditions X on Y") conditions the issue before it ("a
    ceasefire only after Kyiv halts mobilisation"); with none, it requires nothing."""
    sent = s.text
    split = cue.start
    if re.fullmatch(r"condition(?:s|ed|ing)?", cue.text, re.IGNORECASE):
        on = re.search(r"\s(?:up)?on\b", sent[cue.end : scope.end])
        split = cue.end + on.start() if on else split
    before_cue = [i[2] for i in s.issues if i[1] <= split and i[0] >= clause_start(sent, cue.start)]
    if before_cue:
        scope.issues = list(dict.fromkeys(before_cue))
    else:
        scope.required = []


def demanded_before(s: View, cue: Cue, scope: Scope) -> list[str]:
    """ "Demands that arms supplies end before a truce": the issues after "before" are
    conditioned, not demanded (removed from the scope's issues and returned)."""
    before_kw = re.search(r"\bbefore\b", s.text[cue.end : scope.end])
    if not (before_kw and scope.issues):
        return []
    cut = cue.end + before_kw.start()
    later = [i[2] for i in s.issues if cut <= i[0] < scope.end]
    scope.issues = [c for c in scope.issues if c not in later]
    return later

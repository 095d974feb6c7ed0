"""The stance a cue gives: its own, flipped by negation ("did not reject"), a demand for "no"
made a rejection, an acceptance of something to give made an offer, and an acceptance or offer
on a condition made a condition; and how the object's issues divide between the stance and
what it requires ("as the price of", "rather than", "without", "from Washington").

The classes follow CAMEO's negotiation codes (demand, propose, accept, reject; Schrodt 2012)
with *condition* for a conditional acceptance; how a cue's object and its qualifiers change
the code follows the verb-phrase patterns of PETRARCH (Norris et al. 2017)."""

from __future__ import annotations

import re

from pourparler.evidence import vocabulary as V
from pourparler.evidence.rules.agency import Agents, View
from pourparler.evidence.rules.cues import Cue, clause_end, clause_start, cue_at, negated
from pourparler.evidence.rules.scope import Scope

_OFFER_AFTER = re.compile(
    r"\s+(?:send|provide|host|contribute|deploy|supply|give|offer|fund|guarantee|station|hold|"
    r"halt|pause|stop|return|release|free|monitor|police|underwrite|back|put|commit|train|"
    r"increase|boost|step\s+up|ramp\s+up|expand|strengthen|tighten|intensify|keep|maintain|"
    r"sustain)\b"
)
# what one is ready to do oneself ("stands ready to lead", "is ready to transfer")
_OWN_ACTION = re.compile(
    r"\s+(?:(?:also|further|now|then|jointly)\s+)?"
    r"(?:work(?:ing)?\s+(?:together\s+|closely\s+|jointly\s+)?(?:with\s+[\w'’-]+\s+)?to\s+)?"
    r"(?:send|provide|host|contribute|deploy|supply|give|offer|fund|guarantee|station|"
    r"monitor|police|underwrite|commit|train|transfer|hand|lead|increase|raise|step|tighten|"
    r"intensify|impose|strengthen|deliver|take\s+part|participate|help|play|adopt|introduce)"
    r"(?:ing)?\b"
)
# the object of an offer that is itself a demand: "put forward (its) 'unacceptable' demands",
# "presented a memorandum demanding that ..."
_DEMAND_OBJECT = re.compile(
    r"\s+(?:(?:a|an|the|its|their|his|her|new|further|several|[\"“'‘]?\w+[\"”'’]?)\s+){0,3}?"
    r"(?:demands|conditions|preconditions|ultimatum|ultimatums|[\w-]+\s+(?:demanding|requiring|"
    r"insisting))\b",
    re.IGNORECASE,
)
# condition cues that may have nothing before them to condition
_FROM = re.compile(r"\s+(?:[\w-]+\s+)?from\s+(?:the\s+)?", re.IGNORECASE)
_OTHER_CLAUSE = re.compile(
    r"\b(?:but|whereas|(?:al)?though)\b(?!\s+(?:also|only)\b)"
    # "by refusing to discuss X or by trumping up plans for Y": another act of the subject
    r"|\b(?:or|and)\s+(?:also\s+)?(?:by|through)\s+[a-z]+ing\b",
    re.IGNORECASE,
)
# ", but only if ...": the condition of the clause before
_BUT_ONLY = re.compile(r",?\s*but\s+only\s+(?:if|after|once|when|provided|on\s+condition)\b", re.I)
_INSTEAD = re.compile(r"\b(?:rather\s+than|instead\s+of|in\s+place\s+of)\b", re.IGNORECASE)
_PRICE = re.compile(
    r"\b(?:as\s+(?:the|a)\s+price\s+(?:of|for)|in\s+(?:return|exchange)\s+for)\b", re.IGNORECASE
)
_WITHOUT = re.compile(r"\bwithout\b", re.IGNORECASE)
_THAT = re.compile(r"\bthat\b", re.IGNORECASE)
# a cue whose subject is the issue: "a ceasefire is not on the agenda", "remains off the table"
_PREDICATE = re.compile(r"(?:is|are|was|were|remains?|remained)\s", re.IGNORECASE)
_CLAUSE_OPENER = re.compile(r",|\b(?:that|but|and|said|says|while|whereas)\b", re.IGNORECASE)
_ON_CONDITION = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+that|provided\s+that|subject\s+to)\b", re.IGNORECASE
)
_ONLY = re.compile(r"(?:only|solely|would|will|depend|hinge|conditional)", re.IGNORECASE)
# "tied a Black Sea deal to sanctions relief", "links any ceasefire to ..."
_TIED = re.compile(r"(?:tie|tying|link)", re.IGNORECASE)
_TO = re.compile(r"\sto\s", re.IGNORECASE)
# a rejection until something else happens: "there can be no ceasefire until ..."
_UNTIL = re.compile(r"(?:until|unless)", re.IGNORECASE)
_THERE = re.compile(r"there\b", re.IGNORECASE)
# "subject to Russia's acceptance", "on condition that Moscow reciprocates": only the other
# side's doing the same, no condition of one's own
_RECIPROCITY = re.compile(
    r"\s*(?:subject\s+to|(?:up)?on\s+(?:the\s+)?condition\s+that|provided(?:\s+that)?|if)\s+"
    r"(?:(?:the\s+)?[\w'’.-]+\s+){0,3}?(?:acceptance|reciprocat\w*|(?:also\s+)?(?:accepts?|"
    r"accepted|agrees?|agreed|does|did)(?:\s+(?:the\s+same|so|likewise|it|too))?\b[\s.,;]*$|"
    r"acceptance\s+by\b|agreement\s+by\b)",
    re.IGNORECASE,
)
# "for as long as it takes": no condition
_AS_LONG_AS_IT_TAKES = re.compile(
    r"as\s+long\s+as\s+(?:it\s+takes|(?:is\s+)?(?:necessary|needed|required))", re.I
)
# "not against a ceasefire, but not one that lets Kyiv rearm": accepted on a condition
_BUT_NOT_ONE = re.compile(
    r",?\s*but\s+not\s+(?:one|any|a|an)\b(?:\s+[\w-]+){0,3}?\s+(?:that|which)\b", re.IGNORECASE
)
# "lift its pause on intelligence sharing": to resume what was paused
_RESUME = re.compile(
    r"\s+(?:its|the|their|a|this)\s+(?:pause|suspension|freeze|halt|ban|hold)\b", re.I
)
_AGREE = re.compile(r"agree", re.IGNORECASE)
_COMMITMENT_TO_A = re.compile(r"(?:\s+of(?:\s+[\w'’-]+){1,6}?)?\s+to\s+(?:a|an|the)\s", re.I)
_AGREE_THAT = re.compile(r"^agree\w*\s.*\bthat$", re.IGNORECASE)
# a "that" clause whose verb is "be": a judgement agreed with, not terms agreed
_COPULA = re.compile(r"\s+(?:[\w'’-]+\s+){1,10}?(?:is|was|are|were|remains?|remained)\b", re.I)
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
    if cue.stance in ("demand", "accept") and re.match(r"\s+no\b", after):
        return "reject"  # "demands no ...", "will accept no limits"
    return cue.stance


def demands_put_forward(s: View, cue: Cue, stance: str) -> str:
    """ "Put forward unacceptable demands", "set out its conditions": offering demands is
    demanding."""
    if stance == "propose" and _DEMAND_OBJECT.match(s.text, cue.end):
        return "demand"
    return stance


# support one gives: "military support", "support for Ukraine" (an actor, not its cause)
_GIVING = re.compile(
    r"\b(?:military|defen[cs]e|security|financial|economic|humanitarian|material|practical|"
    r"lethal)\b",
    re.IGNORECASE,
)
_ARMS = re.compile(
    r"\b(?:military|defen[cs]e|defending|weapons?|arms|ammunition|missiles?|equipment|security)\b",
    re.I,
)
_SUPPORT = re.compile(r"(?:.*\s)?support(?:s|ed|ing)?$", re.IGNORECASE)
_FOR_ACTOR = re.compile(
    r"\s+(?:(?:for|to)\s+)?(?:the\s+)?(?:(?:government|people|armed\s+forces|president)\s+"
    r"(?:and\s+people\s+)?of\s+)?",
    re.IGNORECASE,
)
# "agreed on further restrictive measures": new measures of one's own
_NEW_MEASURES = re.compile(
    r"\s+(?:(?:a|an|the)\s+)?(?:further|new|additional|more|fresh|tougher|another)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:restrictive\s+measures|sanctions|measures|package)\b",
    re.IGNORECASE,
)
# "Biden signed the supplemental": a measure of one's own signed into force
_OWN_MEASURE = re.compile(
    r"\s+(?:(?:a|an|the|its|his|her|their|new)\s+)?(?:[\w-]+\s+){0,2}?(?:bill|law|act|supplemental|"
    r"decree|executive\s+order|order|package|legislation)\b",
    re.IGNORECASE,
)


# "agreed to finalise talks on security arrangements": work on a text still to be written,
# an offer of one's own, no acceptance of another's
_WORK_ON = re.compile(
    r"\s+(?:(?:\w+ly|also|jointly|further)\s+)?(?:(?:finali[sz]e|conclude|complete|intensify|"
    r"accelerate|advance|step\s+up)\s+(?:(?:the|their|its|our|[\w-]+al|[\w-]+-term)\s+){0,2}"
    r"(?:talks|negotiations|discussions|consultations|work)|work\s+(?:on|towards?|together))\b",
    re.IGNORECASE,
)
# "over 40 countries signed a call to action to tackle ...": a call signed is a demand
_CALL_SIGNED = re.compile(
    r"\s+(?:(?:a|an|the|this|that|their|its|our)\s+)?(?:[\w-]+\s+){0,2}?[\"“'‘]?"
    r"(?:calls?|appeals?)\s+(?:to\s+action|for)\b",
    re.IGNORECASE,
)


# "we need to step up the pressure", "it is vital that we step up ...": what the speakers say
# they must do themselves is their offer
_WE_BEFORE = re.compile(r"\bwe\s+(?:(?:\w+ly|all|also|still|now|collectively)\s+)?$", re.IGNORECASE)
_THAT_WE = re.compile(r"\s+that\s+we(?:\s+(?:\w+ly|all|also|now|collectively))?", re.IGNORECASE)
_ACT = re.compile(r"\s+act\b", re.IGNORECASE)


def own_duty(s: View, cue: Cue) -> bool:
    """A demand the speakers put on themselves ("we must increase our support", "it is
    vital that we step up this pressure"): an act of their own, so an offer."""
    if not cue.voiced:
        return False
    at = cue.end if _WE_BEFORE.search(s.text, max(0, cue.start - 30), cue.start) else None
    if at is None and (that := _THAT_WE.match(s.text, cue.end)):
        at = that.end()
    return at is not None and bool(_OWN_ACTION.match(s.text, at) or _ACT.match(s.text, at))


def support_given(s: View, cue: Cue) -> bool:
    """ "The UK's unwavering military support", "our support for Ukraine", "we support
    Ukraine in ...", "support for its right of self-defence": support with a word of giving,
    for an actor (not for a possession of one: "support for Ukraine's bid" backs the bid) or
    for what arms give, is aid offered, not a plan backed."""
    if not _SUPPORT.match(cue.text):
        return False
    if _GIVING.search(cue.text):
        return True
    end = clause_end(s.text, cue.end)
    if any(cue.start <= a < end and _ARMS.search(s.text, a, b) for a, b, _ in s.issues):
        return True  # "support for its right of self-defence": arms given
    at = _FOR_ACTOR.match(s.text, cue.end)
    if at is None:
        return False
    return any(  # "Ukraine", "the Government of Ukraine" (a mention of its own or not)
        cue.end < m.start <= at.end() <= m.end and s.text[m.end - 2 : m.end] not in ("'s", "’s")
        for m in s.mentions
    )


_DIRECTIVE = re.compile(r"(?:urg|call|press|push|encourag|ask|appeal)", re.IGNORECASE)
_URGED = re.compile(r"(?:\s+(?:[\w'’.-]+\s+){0,5}?to)?\s+(?:(?:\w+ly|also|firmly|jointly)\s+)?")


def urged_rejection(s: View, cue: Cue, stance: str) -> str:
    """ "We urge all states to reject (condemn, oppose) the annexation": a rejection asked of
    others is the asker's rejection."""
    if stance != "demand" or not _DIRECTIVE.match(cue.text):
        return stance
    m = _URGED.match(s.text, cue.end)
    if m is None or re.search(r"\bnot\b|n['’]t\b", m.group(0)):
        return stance  # "urge Russia not to reject a ceasefire": a demand
    nxt = cue_at(s.text, m.end())
    return "reject" if nxt is not None and nxt[0] == "reject" else stance


def offer(s: View, cue: Cue, stance: str) -> str:
    """ "Ready to send troops", "agreed to send troops", "stands ready to increase pressure":
    accepting to give something, or being ready to do something oneself, offers it, and so
    does support one gives (:func:`support_given`) and a bill or decree one signs (agreeing
    to a deal's terms, "agreed to exchange prisoners", accepts it, but agreeing to finalise
    talks on one offers it); offering demands (:func:`demands_put_forward`) and signing a
    call to action demand."""
    if stance == "propose" and _AGREE_THAT.search(cue.text):
        copula = _COPULA.match(s.text, cue.end)
        if copula and not any(cue.end <= m.start < copula.end() for m in s.mentions):
            return "accept"  # "agreed that a ceasefire was the only first step": shares a view
    if stance == "propose" and _COMMITMENT_TO_A.match(s.text, cue.end) and "ommitment" in cue.text:
        return "accept"  # "reaffirmed its commitment to a ceasefire": to what another offers
    if stance == "demand" and own_duty(s, cue):
        return "propose"
    if stance != "accept":
        return demands_put_forward(s, cue, urged_rejection(s, cue, stance))
    if _RESUME.match(s.text, cue.end) and re.match(r"(?:lift|eas)", cue.text, re.IGNORECASE):
        return "propose"
    if _AGREE.match(cue.text) and _NEW_MEASURES.match(s.text, cue.end):
        return "propose"  # "agree in principle on further restrictive measures": its own
    if (
        _AGREE.match(cue.text)
        and cue.text.lower().endswith("to")
        and _WORK_ON.match(s.text, cue.end)
    ):
        return "propose"
    if re.match(r"sign", cue.text, re.IGNORECASE) and _CALL_SIGNED.match(s.text, cue.end):
        return "demand"
    if support_given(s, cue) or (
        re.match(r"sign", cue.text, re.IGNORECASE) and _OWN_MEASURE.match(s.text, cue.end)
    ):
        return "propose"
    if _OFFER_AFTER.match(s.text, cue.end) or (
        not _AGREE.match(cue.text) and _OWN_ACTION.match(s.text, cue.end)
    ):
        return "propose"
    return stance


def required_without(s: View, cue: Cue, stance: str, scope: Scope) -> None:
    """ "Will not sign a deal that leaves it without security guarantees": what a rejection
    refuses to go without is demanded (the issues after "without" move to the required)."""
    if stance != "reject":
        return
    without = _WITHOUT.search(s.text, cue.end, scope.end)
    if without is None:
        return
    after = [i[2] for i in scope.spans if i[0] >= without.end()]
    before = {i[2] for i in scope.spans if i[0] < without.start()}
    scope.required += [x for x in after if x not in scope.required]
    scope.issues = [x for x in scope.issues if x not in after or x in before]


def conditioned_next(s: View, cue: Cue, stance: str, scope: Scope) -> None:
    """ "Demanded that a ceasefire begin only after ...": the issue of the clause a condition
    cue follows is conditioned by it, not demanded; "did not rule out a meeting but said a
    ceasefire was not on the agenda": the subject of a cue of the kind "X is off the table"
    is not the object of the cue before."""
    nxt = cue_at(s.text, scope.end)
    if nxt is None:
        return
    if _PREDICATE.match(nxt[1]):
        opener = list(_CLAUSE_OPENER.finditer(s.text, cue.end, scope.end))
        if opener:
            subject = {i[2] for i in scope.spans if i[0] >= opener[-1].end()}
            scope.issues = [x for x in scope.issues if x not in subject]
        return
    if stance != "demand" or nxt[0] != "condition":
        return
    thats = list(_THAT.finditer(s.text, cue.start, scope.end))
    if not thats:
        return
    that = thats[-1]
    later = {i[2] for i in scope.spans if i[0] >= that.end()}
    earlier = {i[2] for i in scope.spans if i[0] < that.start()}
    scope.issues = [x for x in scope.issues if x not in later or x in earlier]


def price_of(s: View, cue: Cue, stance: str, scope: Scope) -> str:
    """ "Demands that Kyiv pull out of four regions as the price of a ceasefire", "in return
    for": what a demand is the price of is conditioned on it, the rest of the object is
    demanded."""
    if stance != "demand":
        return stance
    price = _PRICE.search(s.text, cue.end, scope.end)
    if price is None:
        return stance
    inside = [i for i in s.issues if cue.end <= i[0] < scope.end]
    demanded = [i[2] for i in inside if i[1] <= price.start()]
    conditioned = [i[2] for i in inside if i[0] >= price.end() and i[2] not in demanded]
    if not conditioned:
        return stance
    scope.issues = list(dict.fromkeys(conditioned))
    scope.required = list(dict.fromkeys(demanded + scope.required))
    return "condition"


def rather_than(s: View, cue: Cue, stance: str, scope: Scope) -> str:
    """ "The best way to end the war is a full peace agreement rather than a ceasefire":
    what is wanted instead of X rejects X (what comes before it is demanded)."""
    if stance not in ("demand", "propose", "accept"):
        return stance
    instead = _INSTEAD.search(s.text, cue.end, scope.end)
    if instead is None:
        return stance
    inside = [i for i in s.issues if cue.end <= i[0] < scope.end]
    wanted = [i[2] for i in inside if i[1] <= instead.start()]
    rejected = [i[2] for i in inside if i[0] >= instead.end() and i[2] not in wanted]
    if not rejected or (wanted and stance != "demand"):
        return stance
    scope.issues = list(dict.fromkeys(rejected))
    scope.required = list(dict.fromkeys(wanted + scope.required))
    return "reject"


def own_clause(s: View, cue: Cue, scope: Scope) -> None:
    """ "Moscow says it is ready for talks, but officials doubt it wants a ceasefire": an
    object ends at "but", "whereas" or "though", and at "or by" or "and by" before another
    gerund ("by refusing X or by inflating Y"); the issues past it are another clause's."""
    stop = _OTHER_CLAUSE.search(s.text, cue.end, scope.end)
    if stop is None:
        return
    keep = {i[2] for i in scope.spans if i[0] < stop.start()}
    past = {i[2] for i in scope.spans if i[0] >= stop.start()}
    scope.issues = [x for x in scope.issues if x in keep or x not in past]
    scope.required = [x for x in scope.required if x in keep or x not in past]


def asked_from(s: View, cue: Cue, stance: str, scope: Scope) -> None:
    """ "Tabled their own draft: ..., a guarantee from Washington": what an offer asks from
    another actor is demanded of it, not offered."""
    if stance != "propose":
        return
    wanted = []
    for _start, end, issue in scope.spans:
        m = _FROM.match(s.text, end)
        if m and any(x.start == m.end() for x in s.mentions):
            wanted.append(issue)
    if wanted:
        offered = {i[2] for i in scope.spans if i[2] not in wanted}
        scope.issues = [x for x in scope.issues if x not in wanted or x in offered]
        scope.required = list(dict.fromkeys(scope.required + wanted))


def on_condition(s: View, cue: Cue, stance: str, scope: Scope, region: str) -> str:
    """An acceptance or offer with a requirement in its object, "only" before it and a
    condition after, "only if/after ..." or "provided that ..." after it in its clause (not in
    a clause of its own: "Kyiv accepted, while Moscow said only if ..."): a condition; a
    condition with nothing to condition demands (:func:`only_on_condition`). The object's
    issues are settled here too (:func:`required_without`, :func:`conditioned_next`)."""
    own_clause(s, cue, scope)
    if scope.condition is not None and _AS_LONG_AS_IT_TAKES.match(s.text, scope.condition.start()):
        scope.condition, scope.required = None, []
    asked_from(s, cue, stance, scope)
    stance = only_on_condition(s, cue, stance, scope)
    required_without(s, cue, stance, scope)
    conditioned_next(s, cue, stance, scope)
    stance = price_of(s, cue, stance, scope)
    stance = tied_to(s, cue, stance, scope)
    stance = no_until(cue, stance, scope)
    stance = rather_than(s, cue, stance, scope)
    sent = s.text
    end = clause_end(sent, cue.end)
    if _BUT_ONLY.match(sent, end) or _BUT_ONLY.match(sent, max(cue.end, end - 2)):
        end = clause_end(sent, end + 4)
    rest = sent[cue.end : end]
    if stance == "accept" and _BUT_NOT_ONE.match(sent, end):
        return "condition"
    if reciprocal(rest) and not scope.required:
        return stance
    if stance in ("accept", "propose") and (
        (scope.condition is not None and scope.required)
        or (re.search(r"\bonly\b", region) and _CONDITION_AFTER.search(rest))
        or re.search(r"\bonly\s+(?:if|after|once|when|provided)\b", rest)
        or (not cue.noun and _ON_CONDITION.search(rest))
    ):
        return "condition"
    return stance


def only_on_condition(s: View, cue: Cue, stance: str, scope: Scope) -> str:
    """ "Only if Kyiv halts mobilisation ..." with no issue before it in its clause: nothing
    named is conditioned, what the condition asks for (an issue of its own) is demanded."""
    if stance != "condition" or not _ONLY.match(cue.text) or not scope.spans:
        return stance
    lo = clause_start(s.text, cue.start)
    if any(lo <= i[0] and i[1] <= cue.start for i in s.issues):
        return stance
    return "demand"


_HEDGE = re.compile(r"\b(?:" + "|".join(V.HEDGES) + r")\b")


def hedged(region: str) -> bool:
    """A hedge before the cue in its clause ("may", "could", "reportedly")."""
    return _HEDGE.search(region.lower()) is not None


def tied_to(s: View, cue: Cue, stance: str, scope: Scope) -> str:
    """ "Moscow tied a Black Sea deal to sanctions relief", "links any truce to a withdrawal":
    the issues before "to" are conditioned on those after it, which are demanded."""
    if stance != "demand" or not _TIED.match(cue.text):
        return stance
    to = _TO.search(s.text, cue.end, scope.end)
    if to is None:
        return stance
    before = [i[2] for i in scope.spans if i[1] <= to.start()]
    after = [i[2] for i in scope.spans if i[0] >= to.end() and i[2] not in before]
    if not before:
        return stance
    scope.issues = list(dict.fromkeys(before))
    scope.required = list(dict.fromkeys(after + scope.required))
    return "condition"


def no_until(cue: Cue, stance: str, scope: Scope) -> str:
    """ "There can be no ceasefire until a settlement is reached", "there's no truce unless
    ...": X said not to be until Y depends on Y, a condition (Y is demanded). A refusal with
    "until" ("will not lift sanctions until ...") stays a rejection."""
    if (
        stance == "reject"
        and _THERE.match(cue.text)
        and scope.condition is not None
        and _UNTIL.match(scope.condition.group(0))
        and scope.issues
    ):
        return "condition"
    return stance


def reciprocal(rest: str) -> bool:
    """ "Agreed to a truce, subject to Russia's acceptance", "on the condition that Russia
    reciprocated": asking only that the other side do the same sets no condition."""
    for m in re.finditer(r"\b(?:subject|on|upon|provided|if)\b", rest, re.IGNORECASE):
        if re.search(r"\bonly\s+$", rest[: m.start()], re.IGNORECASE):
            continue  # "only if Russia agrees": a condition
        if _RECIPROCITY.match(rest, m.start() - 1 if m.start() else 0):
            return True
    return False

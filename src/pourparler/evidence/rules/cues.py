"""Stance cues of a sentence (verbs and nouns from :data:`stance_cues.STANCE_CUES`), the clause
each stands in, and negation before it (pattern-based event coding: KEDS/TABARI, Schrodt 2001;
PETRARCH, Norris et al. 2017)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pourparler.evidence import vocabulary as V
from pourparler.evidence.mentions import Mention, fold, literal_prefixes, required_literals
from pourparler.evidence.rules.no_stance import by_someone_else, no_such_thing, nobodys
from pourparler.evidence.stance_cues import STANCE_CUES

MAX_CUES = 8  # per sentence; a real one has one or two, a string of cue words is not prose

_BOUNDARY = re.compile(
    r";|\s[—–]\s?|—|\bbut\b|\bwhile\b|\bwhereas\b|\b(?:al)?though\b|,\s+and\b(?!\s+\w+ing\b)"
    r"|\band\s+(?=(?:was|were|is|are|has|have|had|will|would)\b)|,\s+yet\b"
    r"|\b(?:which|that|this)\s+is\s+why\b"
    r"|\band\s+(?=(?:said|says|added|warned|stressed|noted|insisted)\s+(?:that\b|it\b|the\b))"
)
# between a noun cue and the verb cue it is the subject of: "proposal would also require"
_SUBJECT_OF_NEXT = re.compile(r"\s+(?:(?:would|will|also|could|does|did|has|have)\s+){1,3}")
_HYPOTHESIS = re.compile(r"\W*(?:(?:[Ee]ven\s+)?[Ii]f|[Ss]hould|[Ww]ere|[Hh]ad)\s")
# "it is uncertain whether ...", "unclear if ...": an open question, no stance taken
_OPEN_QUESTION = re.compile(
    r"\b(?:whether|(?:uncertain|unclear|doubtful|not\s+clear|not\s+certain)\s+(?:that|if))\b",
    re.IGNORECASE,
)
# a hope or guess about a stance ("we hope Russia will accept", "expects that Kyiv will")
_GUESS = re.compile(
    r"\b(?:hope[sd]?|hoping|doubt(?:s|ed)?|predict(?:s|ed)?|speculat\w+|"
    r"expect(?:s|ed)?\s+(?:that\b|[\w'’-]+\s+(?:will|would)\b|(?:[\w'’-]+\s+){1,3}?to\b))",
    re.IGNORECASE,
)
_MODAL_BEFORE = re.compile(r"\b(?:can|could|may|might)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_OR = re.compile(r",\s*or\s+", re.IGNORECASE)
# a negator inside a cue of readiness: "is not ready for", "was never willing to"
_BE_NOT = re.compile(
    r"(?:is|are|was|were|been|be|remains?|remained)\s+(?:not|never)\s+(?!only\b)", re.I
)
# "beyond what Washington was willing to provide": more than it would
_BEYOND_WHAT = re.compile(r"\b(?:beyond|more\s+than)\s+what\s+(?:[\w'’-]+\s+){0,5}$")
# "has yet to accept", "is yet to agree": not (yet) done
_YET_TO = re.compile(r"\b(?:has|have|had|is|are|was|were)\s+yet\s+to\s+$")
# "failed to agree to", "Russia's failure to accept": not done
_FAILED_TO = re.compile(r"\bfail(?:s|ed|ing|ure)?\s+(?:\w+\s+){0,2}?to\s+$")
# a question tabled in Parliament ("To ask His Majesty's Government what plans ..."): it asks
_TABLED_QUESTION = re.compile(r"\W*To\s+ask\b")
# a form of "be" before a past participle: the passive ("sanctions were lifted")
_BE_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been|being)\s+(?:(?:not|never|also|already|then|now|all|\w+ly)\s+)?$",
    re.IGNORECASE,
)
# participles after "be" that say the subject's own state ("is committed to", "are opposed to")
_STATE_PARTICIPLES = frozenset("committed opposed prepared determined inclined".split())
# a determiner, possessive or adjective before "support", "sign": the noun, not the verb
_NOUN_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|no|any|every|its|their|our|his|her|your|my|of|for|with|on|in|military|"
    r"financial|continued|unwavering|steadfast|strong|full|such|this|that|political|public|"
    r"defen[cs]e|economic|humanitarian|sufficient|sustained|"
    r"clear|first|iron-clad|ironclad)|['’]s)\s+$",
    re.IGNORECASE,
)
_NOUN_OR_VERB = frozenset("support supports sign signs surrender".split())
_OWNER_BEFORE = re.compile(r"[A-Z][\w.-]*['’]s\s+(?:(?:full|strong|continued)\s+)?$")
# "within its internationally recognised borders": a participle describing a noun
_ADJECTIVAL = re.compile(
    r"\b(?:the|its|their|our|his|her|a|an|within|with|of|in)\s+\w+ly\s+$"
    r"|\b(?:internationally|universally|widely|mutually|commonly)\s+$",
    re.I,
)
_SUBORDINATOR = re.compile(r"\b(?:until|unless|if|once|whether|before)\b", re.IGNORECASE)
# the same for a sentence's first cue, without "before" and "once" that open no clause
_OPENING_SUBORDINATOR = re.compile(
    r"\b(?:until|unless|if|whether|once(?!\s+(?:again|more)\b))\b", re.IGNORECASE
)
NOUN_CUES = frozenset(
    "proposal proposals counterproposal counterproposals counter-proposal demand demands "
    "plan plans offer offers reluctance unwillingness "
    "disregard refusal precondition preconditions insistence readiness willingness "
    "preparedness".split()
)
# before a word that is a noun or a verb ("demand", "offers"), what makes it the verb
_VERB_BEFORE = re.compile(
    r"(?:\b(?:not|never|will|would|could|should|may|might|must|can|cannot|do|does|did|we|i|"
    r"you|they|who|which|that|to)|n't|n’t)\s+$",
    re.IGNORECASE,
)
_INFINITIVE_OBJECT = re.compile(
    r"\b(?:to\s+[a-z]+|of|for|from|with|against|on|in|by|into)\s+(?:the\s+)?$"
)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be)\s+(?:\w+\s+){0,2}$")
_CUES = [
    (
        re.compile(r"(?<![\w-])(?:" + pat + r")(?![\w-])", re.IGNORECASE),
        stance,
        strength,
        required_literals(pat) if nominal is not None else literal_prefixes(pat),
        voiced,
        nominal,
    )
    for pat, stance, strength, voiced, nominal in (
        (
            r"only\s+(?:be\s+)?(?:considered|accepted|agreed)\s+(?:if|under|after|once|when)",
            "condition",
            0.85,
            False,
            None,
        ),
        *((p, s, w, False, None) for p, s, w in V.SPOKEN_CONDITIONS),
        *((p, s, w, False, adjectival) for p, s, w, adjectival in V.NOMINAL_CUES),
        *((p, s, w, False, None) for p, s, w in STANCE_CUES),
        (r"obtain(?:s|ing)?", "demand", 0.5, False, None),
        *((p, s, w, True, None) for p, s, w in V.VOICE_CUES),
    )
]
# "a first package of sanctions will be formally tabled": an offer announced in the passive
_FUTURE_PASSIVE = re.compile(
    r"\b(?:(?:will|shall)\s+(?:(?:now|then|also|soon|\w+ly)\s+)?be|(?:is|are)\s+(?:being|to\s+be))"
    r"\s+(?:(?:\w+ly|also|now|then|soon)\s+)?$",
    re.IGNORECASE,
)
_FIRST_PERSON_BEFORE = re.compile(r"\b(?:our|my)\s$", re.IGNORECASE)
# a possessive right before a noun phrase: "the UK's", "our", "its"
_POSSESSIVE_BEFORE = re.compile(r"(?:['’]s|s['’]|\b(?:our|its|their|my|his|her))\s$", re.IGNORECASE)


_VERB_FORM = re.compile(r"[a-z]+(?:ed|ing)\b")


def owned(sentence: str, start: int, mentions: list[Mention], adjectival: bool) -> bool:
    """A possessive right before ``start`` ("the UK's unwavering support", "our calls for"), or
    with ``adjectival``, an actor's name used as an adjective ("U.S. commitment to", "UK, US
    and EU sanctions"): the owner of a noun phrase holding a stance."""
    if _POSSESSIVE_BEFORE.search(sentence, max(0, start - 6), start):
        return True
    if _VERB_FORM.match(sentence, start):
        return False  # "the US paused military aid": a verb after its subject, no adjective
    return adjectival and any(start - 2 <= m.end < start for m in mentions)


@dataclass
class Cue:
    """A stance cue found in a sentence, with its span, stance and strength (0-1)."""

    start: int
    end: int
    stance: str
    strength: float
    text: str
    noun: bool = False  # "proposals", "its demands": the agent stands right before it
    voiced: bool = False  # "must", "need to": the speaker's stance, whatever the subject


_TOPIC = re.compile(r"\b(?:question|issue|matter|topic|subject)s?\s+of\b", re.IGNORECASE)
_RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who)\s+(?:would\s+|will\s+)?$", re.IGNORECASE)
# verbs whose object is asked of another actor: "urge Russia to", "call on Moscow to"
_DIRECTIVE = re.compile(
    r"(?:urg|call|press|push|encourag|ask|requir|oblig|bind|forc|compel|want|wish)", re.IGNORECASE
)


@functools.lru_cache(maxsize=512)
def clause_start(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (after ";", a dash, "but", ", and" ...)."""
    start = 0
    for m in _BOUNDARY.finditer(sentence, 0, pos):
        start = m.end()
    return start


def passive(sentence: str, start: int, end: int) -> bool:
    """A cue verb in the passive without its agent ("sanctions were lifted", "a truce has
    been agreed") or a participle describing a noun ("its internationally recognised
    borders"): the subject undergoes it and takes no stance (states such as "is committed to"
    and "are opposed to" excepted; "proposed by Kyiv" names its agent)."""
    first = sentence[start:end].split()[0].lower()
    if not first.endswith("ed") or first in _STATE_PARTICIPLES:
        return False
    if re.match(r"\s+by\b", sentence[end:]):
        return False
    window = max(0, start - 40)
    return bool(
        _BE_PASSIVE.search(sentence, window, start) or _ADJECTIVAL.search(sentence, window, start)
    )


def _is_noun(sentence: str, start: int, word: str) -> bool:
    """ "Military support", "no sign that": a word that is a verb cue read as a noun (but
    "Germany's support for Ukraine's bid" is its owner's stance)."""
    if word.lower() not in _NOUN_OR_VERB:
        return False
    if _OWNER_BEFORE.search(sentence, max(0, start - 20), start) and re.match(
        r"\s+for\b", sentence[start + len(word) :]
    ):
        return False
    return bool(_NOUN_BEFORE.search(sentence, max(0, start - 20), start))


def stance_at(sentence: str, pos: int) -> str | None:
    """The stance of a cue starting at ``pos``, if one does."""
    found = cue_at(sentence, pos)
    return found[0] if found else None


def cue_at(sentence: str, pos: int) -> tuple[str, str] | None:
    """The stance and text of a cue starting at ``pos``, if one does."""
    for pat, stance, _strength, _literals, _voiced, _nominal in _CUES:
        m = pat.match(sentence, pos)
        if m:
            return stance, m.group(0)
    return None


def clause_end(sentence: str, pos: int) -> int:
    """Where the clause holding ``pos`` ends (the next ";", dash, "but", ", and" ...)."""
    m = _BOUNDARY.search(sentence, pos)
    return m.start() if m else len(sentence)


def _matches(sentence: str, mentions: list[Mention]) -> list[Cue]:
    """Every cue match, first come first kept where two overlap, at most :data:`MAX_CUES`;
    without passives (:func:`passive`) and nouns read as verbs (:func:`_is_noun`). A noun
    phrase with its owner before it (:data:`vocabulary.NOMINAL_CUES`) is a noun cue."""
    found: list[Cue] = []
    folded = fold(sentence)
    for pat, stance, strength, literals, voiced, adjectival in _CUES:
        if literals and not any(x in folded for x in literals):
            continue
        nominal = adjectival is not None
        for m in pat.finditer(sentence):
            if len(found) == MAX_CUES:
                break
            if nominal and not owned(sentence, m.start(), mentions, bool(adjectival)):
                continue
            if not any(c.start < m.end() and m.start() < c.end for c in found):
                announced = False  # "sanctions will be tabled": the speaker announces its own
                if not nominal and (
                    (stance != "condition" and passive(sentence, m.start(), m.end()))
                    or _is_noun(sentence, m.start(), m.group(0))
                ):
                    announced = stance == "propose" and bool(
                        _FUTURE_PASSIVE.search(sentence, max(0, m.start() - 40), m.start())
                    )
                    if not announced:
                        continue
                noun = nominal or (
                    m.group(0).lower() in NOUN_CUES
                    and not _VERB_BEFORE.search(sentence[max(0, m.start() - 12) : m.start()])
                )
                # "our unwavering support": the speaker's, whatever the clause's subject
                ours = nominal and _FIRST_PERSON_BEFORE.search(
                    sentence, max(0, m.start() - 4), m.start()
                )
                found.append(
                    Cue(
                        m.start(),
                        m.end(),
                        stance,
                        strength,
                        m.group(0),
                        noun,
                        voiced or bool(ours) or announced,
                    )
                )
    found.sort(key=lambda c: c.start)
    return found


def is_participle(sentence: str, cue: Cue) -> bool:
    """An -ing cue not after a form of "be": a participle ("Ukraine embracing neutrality"), not
    a stance taken (a noun cue's modifier, "unwavering support", is none)."""
    return (
        not cue.noun
        and cue.text.split()[0].lower().endswith("ing")
        and not _BE_BEFORE.search(sentence[: cue.start])
    )


# "by proposing a ceasefire", "in agreeing to the exchange": how the subject acts
_MEANS = re.compile(r"\b(?:by|in|through)\s+(?:(?:also|again|first|publicly|\w+ly)\s+)?$", re.I)


def means_gerund(sentence: str, cue: Cue) -> bool:
    """An -ing cue after "by", "in" or "through" ("has shown it wants peace by proposing a
    ceasefire"): a gerund telling what the clause's subject does, its stance (a verb phrase
    of the main event in PETRARCH's reading, Norris et al. 2017)."""
    return cue.text.split()[0].lower().endswith("ing") and (
        _MEANS.search(sentence, max(0, cue.start - 30), cue.start) is not None
    )


def in_object_of(sentence: str, prev: Cue, c: Cue, mentions: list[Mention]) -> bool:
    """Cue ``c`` belongs to the object of the earlier cue ``prev`` ("unwilling to offer ...",
    "insisted on Ukraine renouncing ... and accepting ...", "demands that Kyiv withdraw"):
    a gerund, a subjunctive after a demand, or a cue of the same clause with no new subject.
    A condition ("demanded that a truce begin only after ...") is a stance of its own."""
    between = sentence[prev.end : c.start]
    if c.stance == "condition" and prev.stance != "condition" and not c.noun:
        # "will not accept that a truce should depend on ...": what is (not) accepted
        return (
            prev.stance in ("accept", "reject")
            and re.match(r"\s+that\b", between) is not None
            and clause_start(sentence, c.start) <= prev.start
        )
    same_clause = clause_start(sentence, c.start) <= prev.start
    first = c.text.split()[0].lower()
    gerund = is_participle(sentence, c)
    infinitive = bool(re.search(r"\bto\s+(?:\w+\s+)?$", between))
    no_subject = not any(
        prev.end <= m.start
        and m.end <= c.start
        and (
            (
                sentence[m.end - 2 : m.end] not in ("'s", "’s")
                and not _INFINITIVE_OBJECT.search(sentence, max(0, m.start - 30), m.start)
            )
            or (c.noun and len(sentence[m.end : c.start].split()) <= 1)
        )
        for m in mentions
    )
    after_relative = re.search(
        r",\s+(?:(?:has|have|had|is|are|was|were|will|would|does|did)\s+(?:\w+\s+){0,3})?$",
        between,
    ) and re.search(r",\s+(?:who|whose|which)\b", sentence[: prev.start])
    if after_relative:
        return False  # "Merz, who urged a truce, has declined ...": the main verb
    if (
        c.voiced
        and not prev.voiced
        and (prev.text.lower().endswith("that") or re.match(r"\s+that\b", between))
    ):
        return True  # "agreed that Ukraine is on an irreversible path to ...": what was agreed
    if re.match(r"\s+by\b", between) and re.search(r"ed$", prev.text):
        return False  # "the truce proposed by Kyiv was rejected": the main verb
    if re.search(r"\b(?:and|but)\s+(?:also\s+)?$", between) and re.search(r"(?:ed|s)$", first):
        return False  # "rejected these demands and called for ...": a second predicate
    if re.search(r"ed$", c.text) and re.match(r"\s+by\s", sentence[c.end :]):
        return False  # "agreed to a ceasefire proposed by the US": the proposal is the US's
    asked = re.match(r"\s*(?:[\w'’.-]+\s+){1,4}?to\s", between)
    if (
        same_clause
        and asked
        and _DIRECTIVE.match(prev.text)
        and not any(prev.end + asked.end() <= m.start < c.start for m in mentions)
    ):
        return True  # "we urge Russia to ... agree to a ceasefire": what is urged
    subjunctive = (
        prev.stance in ("demand", "propose")
        and (re.search(r"\bthat\b", between) is not None or prev.text.lower().endswith("that"))
        and not re.search(r"(?:s|ed|ing)$", first)
    )
    return bool(
        gerund
        or subjunctive
        or (same_clause and infinitive and no_subject)
        or (
            same_clause
            and no_subject
            and not re.search(r"\b(?:and|or)\s+(?:was|were|is|are|has|have|had)\b", between)
        )
    )


def agenda_topic(sentence: str, cue: Cue) -> bool:
    """ "The question of who would police a ceasefire was not on the agenda": what a meeting
    did or did not take up, a topic, is nobody's stance on it."""
    return "agenda" in cue.text.lower() and (
        _TOPIC.search(sentence, clause_start(sentence, cue.start), cue.start) is not None
    )


def find_cues(sentence: str, mentions: list[Mention]) -> list[Cue]:
    """Stance cues, without participles opening the sentence's cues, participles with an agent
    that is no actor (:func:`by_someone_else`) and those inside the object of an earlier kept
    cue (:func:`in_object_of`), or inside the object of a relative clause that is itself in
    that object ("would not agree to any deal that requires Kyiv to give up territory")."""
    kept: list[Cue] = []
    inner: Cue | None = None  # the last cue read as part of a kept cue's object
    for c in _matches(sentence, mentions):
        if (
            by_someone_else(sentence, c, mentions)
            or no_such_thing(sentence, c)
            or agenda_topic(sentence, c)
            or nobodys(sentence, c, mentions)
        ):
            continue
        if kept and kept[-1].noun and _SUBJECT_OF_NEXT.fullmatch(sentence[kept[-1].end : c.start]):
            kept.pop()  # "Putin's proposal would also require ...": the noun is the subject
        if kept:
            if in_object_of(sentence, kept[-1], c, mentions) or (
                inner is not None
                and _RELATIVE_BEFORE.search(sentence, max(0, inner.start - 12), inner.start)
                and in_object_of(sentence, inner, c, mentions)
            ):
                inner = c
                continue
        elif is_participle(sentence, c) and not means_gerund(sentence, c):
            continue
        kept.append(c)
        inner = None
    return kept


def hypothetical(sentence: str, cue: Cue) -> bool:
    """A cue of a sentence opening with a condition ("If a ceasefire were agreed, the coalition
    would send troops", "Should Russia reject it, ..."): in the condition, or after "would" in
    the consequence; a cue in a "whether" clause ("questioned whether Trump would lift
    sanctions"). Neither is a stance taken."""
    lo = clause_start(sentence, cue.start)
    if _OPEN_QUESTION.search(sentence, lo, cue.start):
        return True
    if not cue.voiced and _GUESS.search(sentence, lo, cue.start):
        return True  # "we hope the Russians will say yes": a hope, not their stance
    opening = _HYPOTHESIS.match(sentence)
    if opening is None:
        return False
    comma = sentence.find(",", opening.end())
    if comma < 0 or cue.start < comma:
        return True
    return re.search(r"\bwould\b", sentence[comma : cue.end]) is not None


def main_cues(sentence: str, cues: list[Cue]) -> list[Cue]:
    """The first cue and those not in a subordinate clause ("until", "unless", "if", "once",
    "whether", "before" earlier in their clause), without :func:`hypothetical` ones: the
    stances the sentence takes. A question tabled in Parliament ("To ask ...") takes none."""
    if _TABLED_QUESTION.match(sentence):
        return []
    options = alternatives(sentence, cues)
    return [c for c in cues if c not in options and not subordinate(sentence, c, c is cues[0])]


def alternatives(sentence: str, cues: list[Cue]) -> list[Cue]:
    """ "Zelensky can refuse the plan ..., or accept it ...": options after "can", "could",
    "may" or "might" set apart by ", or" are a choice described, neither a stance taken."""
    out: list[Cue] = []
    for i, a in enumerate(cues):
        if not _MODAL_BEFORE.search(sentence, max(0, a.start - 20), a.start):
            continue
        other = _OR.search(sentence, a.end)
        if other is not None:
            out.append(a)
            out += [b for b in cues[i + 1 :] if b.start >= other.end()][:1]
    return out


def subordinate(sentence: str, cue: Cue, first: bool) -> bool:
    """A cue after "until", "unless", "if", "once", "whether" or "before" in its clause ("...
    pressure on Moscow until Russia agrees to a ceasefire"), unless it is the sentence's first
    cue after a comma that closes an opening condition ("If Russia comes to the table, we
    must ..."); or :func:`hypothetical`."""
    lo = clause_start(sentence, cue.start)
    sub = (_OPENING_SUBORDINATOR if first else _SUBORDINATOR).search(sentence, lo, cue.start)
    if sub and not (first and (sub.start() == lo or "," in sentence[sub.end() : cue.start])):
        return True
    return hypothetical(sentence, cue)


def negated(sentence: str, cue: Cue) -> bool:
    """A negator ("not", "never", "n't", "unlikely" ...) in the few words of the clause before
    the cue ("did not reject", "has never been willing to")."""
    if cue.stance == "accept" and cue.text.lower().startswith("not"):
        return False
    lo = clause_start(sentence, cue.start)
    colon = sentence.rfind(":", lo, cue.start)  # "have not changed: Ukraine must ..."
    region = sentence[max(lo, colon + 1) : cue.start].lower()
    before = re.findall(r"[\w']+|n't|n’t", re.sub(r"\bnot\s+only\b", " ", region))
    window = before[-V.NEGATION_WINDOW :]
    if _BEYOND_WHAT.search(region):
        return True  # "went far beyond what Washington was willing to provide"
    if _YET_TO.search(region) or (cue.stance == "accept" and _BE_NOT.match(cue.text)):
        return True  # "Russia has yet to accept": not so far; "is not ready for"
    failed = _FAILED_TO.search(region)
    if failed and not re.search(r"(?:\bnot|\bnever|n['’]t)\s+$", region[: failed.start()]):
        return True  # "Russia's failure to agree to a ceasefire", "failed to accept"
    return any(w in V.NEGATORS or w.endswith(("n't", "n’t")) for w in window)

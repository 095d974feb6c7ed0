"""Who takes the stance a cue expresses: rules tried in turn, the first that answers wins —
the subject left of the cue in its clause, "the two sides", a document standing for its author,
a pronoun, the speaker of reported speech, an earlier agent of the same sentence."""

from __future__ import annotations

import dataclasses
import re

from pourparler.evidence import agents as A
from pourparler.evidence import vocabulary as V
from pourparler.evidence.mentions import Mention
from pourparler.evidence.rules.agent_types import SKIP, Agents, Context, View
from pourparler.evidence.rules.asked import asked_of, counted_on
from pourparler.evidence.rules.cues import Cue, clause_start
from pourparler.evidence.rules.document_agents import (
    document_authors,
    document_cue,
    document_relative,
    noun_authored_by,
    the_document,
)

# "Kyiv arrived with one central demand", "Moscow has made its demands": a noun cue's agent
_LIGHT_VERB = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:with|has|have|had|made|makes|make|tabled|issued|voiced|set\s+out|"
    r"put\s+forward|presented|repeated)\s+(?:[\w-]+\s+){0,3}",
    re.IGNORECASE,
)
_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|to|for|from|with|against|on|in|by|into|toward|towards|alongside|including|among|"
    r"between|about|via|despite|without|amid|beside)\s+"
    r"(?:(?:the|both|either)\s+)?(?:(?:President|Chancellor|Prime\s+Minister|Minister|"
    r"Secretary|Mr\.?|Mrs\.?|Ms\.?)\s+)*$"
    r"|\bto\s+[a-z]+\s+(?:the\s+)?$"  # the object of an infinitive ("to force Putin")
)
_FIRST_PERSON = re.compile(
    # "First, we", "Since then, we", "On banks, we", "Together with our allies, we"
    r"^\W*(?:[A-Za-z]+(?:\s+[A-Za-z]+){0,3},\s+)?"
    r"(?:(?:and|also|then|so|instead|however|today|now|here|again|together|yesterday),?\s+)*"
    r"(?:we|i|our|my|us|let['’]s)\b",
    re.I,
)
# "let the guns fall silent, ... stop and agree to a ceasefire now": an order, no subject
_IMPERATIVE = re.compile(
    r"(?:^|[:;,–—]\s*)(?:so,?\s+)?(?:let|stop|agree|end|withdraw|accept|come|return|release|"
    r"halt|pull|give)\b(?!\s+(?:to|that)\b)",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"^\W*(?:(?:and|also|then|so|instead|however|furthermore),?\s+)*(?:"
    + "|".join(V.ANAPHORA)
    + r")\b",
    re.IGNORECASE,
)

_PLURAL = re.compile(
    r"^\W*(?:(?:and|also|then|so|instead|however|furthermore),?\s+)*(?:they|their)\b", re.I
)


_TITLE_WORDS = (
    r"(?:President|Prime\s+Minister|Chancellor|(?:Foreign\s+)?Secretary|(?:Foreign\s+)?Minister"
    r"|Mr\.?|Mrs\.?|Ms\.?|Dr\.?)\s+"
)
# "visited Kyiv", "thanked President Trump": the object of a verb in the past, no subject
_OBJECT_OF_VERB = re.compile(
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)"
    r"\b(?:[a-z]{2,}ed|met|told|left|saw|gave|sent|brought|rang|won|lost|hit|struck)\s+"
    rf"(?:the\s+)?(?:{_TITLE_WORDS})*$"
)
_OBJECT_GAP = re.compile(rf"\s*,?\s*(?:and|or)\s+(?:the\s+)?(?:{_TITLE_WORDS})*")


def subject_mentions(sentence: str, mentions: list[Mention], lo: int, cue: Cue) -> list[Mention]:
    """Mentions between ``lo`` and the cue that can be its agent: not the object of a
    preposition ("allies of the United States") nor a possessive far from the cue
    ("Ukraine's Western backers were unwilling")."""
    out = []
    object_end = -1  # the end of the last object of a verb ("visited Kyiv and demanded ...")
    for m in mentions:
        if not (lo <= m.start and m.end <= cue.start):
            continue
        noun_cue = cue.noun
        adjacent_noun_cue = noun_cue and (
            len(sentence[m.end : cue.start].split()) <= 1
            or bool(_LIGHT_VERB.fullmatch(sentence[m.end : cue.start]))
        )
        if not adjacent_noun_cue and (
            _OBJECT_OF_VERB.search(sentence, max(0, m.start - 60), m.start)
            or (object_end >= 0 and _OBJECT_GAP.fullmatch(sentence, object_end, m.start))
        ):
            object_end = m.end
            continue
        if noun_cue and not adjacent_noun_cue:
            continue  # a noun's agent stands right before it ("U.S. peace proposals")
        if not adjacent_noun_cue and _AFTER_PREPOSITION.search(
            sentence[max(0, m.start - 20) : m.start]
        ):
            continue
        if (
            sentence[m.end - 2 : m.end] in ("'s", "’s")
            and len(sentence[m.end : cue.start].split()) > 1
            and not A.owner_before_cue(sentence, m, cue.start)
        ):
            continue
        out.append(m)
    return out


def coordinated(sentence: str, mentions: list[Mention], m: Mention) -> list[Mention]:
    """``m`` and the mentions joined to it by "and", "or", "nor", "&" and the commas of such a
    list ("Russia, Ukraine and Turkey agreed ..."; not "After meeting Rubio, Lavrov said")."""
    group, i = [m], mentions.index(m)
    conjoined = False  # a bare comma joins a list only left of its "and" ("A, B and C")
    while i > 0:
        prev = mentions[i - 1]
        gap = sentence[prev.end : group[-1].start]
        if prev.start == group[-1].start:  # a group's members: one span, several actors
            group.append(prev)
            i -= 1
        elif (
            _AND_GAP.fullmatch(gap)
            or (conjoined and _COMMA_GAP.fullmatch(gap))
            or (gap == ", " and not sentence[: prev.start].strip(" \"“'‘"))
        ):  # "Russia, Ukraine agree ...": a headline's comma opening the sentence joins
            conjoined = True
            group.append(prev)
            i -= 1
        else:
            break
    return group


def list_of(sentence: str, mentions: list[Mention], m: Mention) -> list[str]:
    """The actors of the list ``m`` belongs to ("Britain, France and Germany"), in order."""
    i = mentions.index(m)
    while i + 1 < len(mentions):
        nxt = mentions[i + 1]
        gap = sentence[mentions[i].end : nxt.start]
        if not (
            nxt.start == mentions[i].start
            or _AND_GAP.fullmatch(gap)
            or (_COMMA_GAP.fullmatch(gap) and re.match(r"[^.;:]*?\band\b", sentence[nxt.end :]))
        ):
            break
        i += 1
    group = coordinated(sentence, mentions, mentions[i])
    return list(dict.fromkeys(x.actor for x in reversed(group)))


def _agentive(s: View, cue: Cue) -> list[Mention]:
    covered = bytearray(len(s.text) + 1)
    for a, b in A.excluded(s.text, s.issues, cue.start):
        covered[a:b] = b"\x01" * (b - a)
    return [m for m in s.mentions if not covered[m.start]]


_SERIAL_AND = re.compile(r",\s+and\s*$")
# a list item that is no actor of the scenario ("France, Poland and the UK")
_ITEM = r"(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
_LIST_TAIL = re.compile(rf"(?:\s*,\s*{_ITEM})*\s*,\s+and\s*")
_AND_GAP = re.compile(rf"(?:\s*,\s*{_ITEM})*\s*,?\s*(?:and|or|nor|&)\s*(?:the\s+)?")
_COMMA_GAP = re.compile(rf"\s*,\s*(?:{_ITEM}\s*,\s*)*(?:the\s+)?")


def region_start(s: View, cue: Cue, agentive: list[Mention]) -> int:
    """Start of the text searched for the cue's agent: its clause, after a reporting verb; a
    clause ending in "and" before it holds a list of subjects ("countries like Germany,
    Italy, and Poland reluctant to ...") and is taken in."""
    rep_end = s.report.end
    lo = max(clause_start(s.text, cue.start), rep_end if cue.start >= rep_end else 0)
    while _SERIAL_AND.search(s.text, 0, lo) and (
        listed := [m for m in agentive if _LIST_TAIL.fullmatch(s.text, m.end, lo)]
    ):  # "France, Germany, and the UK called ...": the serial comma is no clause boundary
        lo = clause_start(s.text, listed[-1].start)
    if (
        not subject_mentions(s.text, agentive, lo, cue)
        and re.search(r"\band\s*$", s.text[:lo])
        and not _FIRST_PERSON.match(s.text[lo : cue.start])
    ):  # "..., and we stand ready to": the clause has its own subject
        lo = clause_start(s.text, s.text.rfind("and", 0, lo))
    return lo


# a singular pronoun as the cue's subject: "he's prepared to", "she would", "he has"
_THIRD_PERSON_BEFORE = re.compile(
    r"\b(?:he|she)(?:['’](?:s|d|ll))?\s+(?:(?:is|was|has|had|would|will|also|not|now|)\s+){0,2}$",
    re.IGNORECASE,
)


# a people named in the plural ("the Russians", "the Ukrainians"): no antecedent of "he"
_PLURAL_NAME = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+(?:ans|ese|s)$")


def named_subject(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """The actors named left of the cue in its clause, with those coordinated to the last
    ("Russia and Ukraine agreed")."""
    agentive = _agentive(s, cue)
    left = subject_mentions(s.text, agentive, lo, cue)
    if not left:
        return None
    if (ctx.voice or ctx.group) and re.search(
        r"\b(?:we|I)\s+(?:\w+\s+){0,3}$", s.text[left[-1].end : cue.start]
    ):  # "If Russia comes to the table, we must be ready": the voice, or a joint text's authors
        return Agents([ctx.voice] if ctx.voice else list(ctx.group), 0.85, lo)
    plural = _PLURAL_NAME.search(s.text, max(0, left[-1].start - 4), left[-1].end)
    if plural and _THIRD_PERSON_BEFORE.search(s.text, left[-1].end, cue.start):
        # "if the Russians aren't serious, sanctions are an option he's prepared to use": the
        # pronoun is the subject, not the actor before it; in reported speech, the speaker
        speakers = _reported(s, cue)
        return Agents(speakers, 0.85, lo) if speakers else SKIP
    inside = [m for m in agentive if m.start >= lo]
    return Agents([m.actor for m in coordinated(s.text, inside, left[-1])], 1.0, lo, True)


def _reported(s: View, cue: Cue) -> list[str]:
    """The speakers of the reporting clause the cue is said in; none outside one."""
    rep = s.report
    if rep.actor and (
        (rep.end and cue.start >= rep.end) or (rep.start is not None and cue.end <= rep.start)
    ):
        return rep.speakers
    return []


def _speaker(s: View, cue: Cue, ctx: Context) -> list[str]:
    """Who speaks the cue: the reporting clause's speakers ("Britain and France said ..."),
    else the text's voice."""
    return _reported(s, cue) or ([ctx.voice] if ctx.voice else list(ctx.group))


_WITH_PARTNER = re.compile(rf"\bwith\s+(?:the\s+)?(?:{_TITLE_WORDS})*$")


def together(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "X stood in Kyiv with Y and Z, and together they called for ...": everyone named as
    a subject or a partner before "together they"."""
    t = _TOGETHER.search(s.text, clause_start(s.text, cue.start), cue.start)
    if t is None:
        return None
    named = []
    for m in _agentive(s, cue):
        before = s.text[max(0, m.start - 40) : m.start]
        if m.end <= t.start() and (
            _WITH_PARTNER.search(before) or not _AFTER_PREPOSITION.search(before)
        ):
            named.append(m.actor)
    return Agents(list(dict.fromkeys(named)), 1.0, lo, True) if len(set(named)) > 1 else None


# "..., including by supporting the delivery of ...": a gerund after "by" is the act of the
# subject of the clause it modifies, not of the nearest actor named before it
_BY_GERUND = re.compile(r"\b(?:by|through)\s+$", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:can|could|would|should|must|may|might)\b", re.IGNORECASE)


def by_gerund(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "The EU ... stands with them in firm solidarity, including by supporting the delivery
    of military equipment": the sentence's first subject (with those listed with it), when
    the main clause holds no modal ("Russia can choose to end it by stopping ..." is no act)."""
    word = cue.text.split()[0].lower()
    if not word.endswith("ing") or not _BY_GERUND.search(s.text, max(0, cue.start - 12), cue.start):
        return None
    if _MODAL.search(s.text, 0, cue.start) or _FIRST_PERSON.match(s.text):
        return None
    agentive = _agentive(s, cue)
    first = subject_mentions(s.text, agentive, 0, cue)
    if not first or len(s.text[: first[0].start].split()) > 3:
        return None  # no subject opens the sentence
    return Agents(list_of(s.text, agentive, first[0]), 0.9, lo, True)


def passive_agent(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "The ceasefire proposed by Washington", "was rejected by Moscow": the actor after
    "by" is the agent."""
    by = re.match(r"\s+by\s+(?:the\s+)?", s.text[cue.end :])
    if by is None or not re.search(r"(?:ed|[Pp]ut|[Ss]et)(?:\s+(?:forward|out|up))?$", cue.text):
        return None
    at = cue.end + by.end()
    after = [m for m in s.mentions if m.start == at]
    return Agents([after[0].actor], 1.0, lo, True) if after else None


def voiced_cue(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Russia must withdraw", "countries need to ramp up pressure": the stance is the
    speaker's (a reporting clause's, else the text's voice), never the subject's; no claim
    when no speaker is known."""
    if not cue.voiced:
        return None
    who = _speaker(s, cue, ctx)
    return Agents(who, 1.0, lo) if who else SKIP


def imperative(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Stop the attacks and agree to a ceasefire now": an order in a sentence without a
    subject is the speaker's demand."""
    word = cue.text.split()[0].lower()
    if word.endswith(("s", "ed", "ing")) or not _IMPERATIVE.search(s.text, 0, cue.end):
        return None
    if subject_mentions(s.text, _agentive(s, cue), lo, cue):
        return None
    if not re.search(r"(?:^|[:;,–—]|\band)\s*$", s.text[: cue.start]):
        return None  # "we agree to", "will agree to": not an order
    who = _speaker(s, cue, ctx)
    return Agents(who, 1.0, lo, demand=True) if who else SKIP


# "The two agreed", "Both leaders discussed": the two persons the sentence before named
_TWO = re.compile(
    r"^\W*(?:(?:and|then|also),?\s+)?(?:the\s+two|both)(?:\s+(?:leaders|ministers|foreign\s+"
    r"ministers|presidents|men|women|officials|secretaries|heads\s+of\s+state))?\s+"
    r"(?!(?:the|of|a|an|sides|parties|delegations|countries|governments)\b)[a-z]",
    re.IGNORECASE,
)


def the_two_sides(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "The two sides agreed ...", "both parties": the scenario's first two actors; "The two
    agreed", "Both leaders discussed": the two actors the sentence before named ("X spoke
    with Y ... The two agreed to ...")."""
    two = _TWO.match(s.text, lo) if ctx.pair else None
    if two and two.end() <= cue.start + 1:
        return Agents(list(ctx.pair), 0.9, lo)
    if A.GROUP.search(s.text[lo : cue.start]) and len(ctx.parties) == 2:
        return Agents(list(ctx.parties), 1.0, lo)
    return None


def pronoun(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """A pronoun opening the clause ("He rejected ..."): the speaker of the sentence, else its
    first subject, else the topic of the previous sentences; no agent if none is known."""
    rep = s.report
    in_report = (rep.end and cue.start >= rep.end) or (
        rep.start is not None and cue.end <= rep.start
    )
    speaker = rep.actor if in_report else None  # "We want X, and Kyiv has said yes": not Kyiv's
    region = s.text[lo : cue.start]
    if not speaker and _FIRST_PERSON.match(region):
        # "we", "I" in a government's statement; outside a quotation, nobody's when the
        # text's voice is unknown (inside one, the quoted speaker's: the topic below)
        if ctx.voice or ctx.group:
            return Agents([ctx.voice] if ctx.voice else list(ctx.group), 0.85, lo)
        if not re.search(r"[\"“”]", s.text):
            return SKIP
    if not (_ANAPHOR.match(region) and (speaker or ctx.last_actor or lo)):
        return None
    if (
        ctx.last_document
        and ctx.it_document
        and not speaker
        and re.match(r"\W*it\b", region, re.IGNORECASE)
    ):
        return document_authors(ctx, 0.85, lo)  # "Russia's proposal ... It demands"
    earlier = subject_mentions(s.text, _agentive(s, cue), 0, cue)
    if not (speaker or earlier) and ctx.last_group and _PLURAL.match(region):
        return Agents(list(ctx.last_group), 0.85, lo)  # "Britain and France ... They also"
    ref = speaker or (earlier[0].actor if earlier else ctx.last_actor)
    return SKIP if ref is None else Agents([ref], 0.85, lo)


def speaker_before(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Rubio said a truce is needed": after a reporting verb with no other actor, the
    speaker's own stance."""
    rep = s.report
    if rep.end and cue.start >= rep.end and rep.actor:
        return Agents(rep.speakers, 1.0, lo)
    return None


def speaker_after(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "A truce is out of the question, the Kremlin said.": the trailing speaker's stance."""
    rep = s.report
    if rep.start is not None and cue.end <= rep.start and rep.actor:
        return Agents(rep.speakers, 1.0, lo)
    return None


def earlier_agent(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Russia rejected X and proposed Y": the agents of the sentence's previous cue."""
    if ctx.earlier_agents:
        return Agents(ctx.earlier_agents, 0.9, lo)
    return None


AGENT_RULES = (
    together,
    asked_of,
    counted_on,
    by_gerund,
    passive_agent,
    noun_authored_by,
    document_relative,
    document_cue,
    voiced_cue,
    imperative,
    named_subject,
    the_two_sides,
    the_document,
    pronoun,
    speaker_before,
    speaker_after,
    earlier_agent,
)


# "alongside France", "together with Germany", "with our French and German colleagues, we":
# partners named as acting with the agent act too
_COMPANION = re.compile(
    r"\b(?:[Aa]longside|[Tt]ogether\s+with|[Aa]long\s+with|[Jj]ointly\s+with)\s+"
    r"|(?:^|[,;:]\s*)[Ww]ith\s+(?=[^,]{0,80},\s*(?:we|they|together)\b)"
)
# "X met Y and Z, and together they called ...": everyone named in the sentence before
_TOGETHER = re.compile(r"\b(?:together|jointly),?\s+they\b|\bthey\s+(?:together|jointly)\b", re.I)
_CLAUSE_END = re.compile(r"[;.!?]|\s[—–]\s|\bbut\b|,\s+(?:while|whereas|which|who)\b")


# "alongside France", "alongside our partners in the EU, United States, Canada and Japan"
_PARTNERS_GAP = re.compile(
    r"(?:our|the|their|his|her)?\s*(?:(?:partners|allies|friends|colleagues)\s+(?:in|from|"
    r"such\s+as|including|like)\s+(?:the\s+)?)?"
)


_ITEM_GAP = re.compile(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?")


def companions(s: View, cue: Cue, who: Agents) -> list[str]:
    """Actors named as partners of the agents in the cue's clause ("The UK stands ready to
    lead it alongside France", "alongside partners in the EU and the United States"; "with
    our French and German colleagues, we have set out ...";
    "X stood in Kyiv with Y and Z, and together they called for ...")."""
    end = _CLAUSE_END.search(s.text, cue.end)
    stop = end.start() if end else len(s.text)
    out: list[str] = []
    for c in _COMPANION.finditer(s.text, clause_start(s.text, cue.start), stop):
        listed = [m for m in s.mentions if c.end() <= m.start <= c.end() + 60]
        if listed and _PARTNERS_GAP.fullmatch(s.text, c.end(), listed[0].start):
            out += [listed[0].actor, *list_of(s.text, s.mentions, listed[0])]
            last = listed[0]  # "partners in the EU, United States, Canada and Japan"
            for m in listed[1:]:
                if not _ITEM_GAP.fullmatch(s.text, last.end, m.start):
                    break
                out.append(m.actor)
                last = m
    return list(dict.fromkeys(out))


def find_agents(s: View, cue: Cue, ctx: Context) -> Agents | None:
    """The agents of ``cue`` by the first of :data:`AGENT_RULES` that answers, with the
    partners named as acting with them (:func:`companions`); None: none."""
    lo = region_start(s, cue, _agentive(s, cue))
    for rule in AGENT_RULES:
        found = rule(s, cue, lo, ctx)
        if found is SKIP:
            return None
        if found is not None:
            more = [a for a in companions(s, cue, found) if a not in found.actors]
            if more:
                found = dataclasses.replace(found, actors=found.actors + more)
            return found
    return None

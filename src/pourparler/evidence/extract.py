"""Rule-based claim extraction: who takes which stance on which issue, in each sentence.

A claim is (actor, issue, stance[, position]) anchored to a sentence. The rules are those of
pattern-based event coding (KEDS/TABARI, Schrodt 2001; PETRARCH, Norris et al. 2017): a stance
cue (verb or noun) with its agent to the left in the same clause, its object (the issue) to the
right, negation just before the cue, and reporting verbs ("X said ...") that make X the source
of what follows rather than its actor. Deterministic and offline.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pourparler.evidence import agents as A
from pourparler.evidence import vocabulary as V
from pourparler.evidence.attribution import reporting_clause
from pourparler.evidence.mentions import (
    ActorMatcher,
    IssueMatcher,
    Mention,
    fold,
    literal_prefixes,
    split_sentences,
)
from pourparler.scenario import Scenario

_BOUNDARY = re.compile(
    r";|\s[—–]\s?|—|\bbut\b|\bwhile\b|\bwhereas\b|\b(?:al)?though\b|,\s+and\b(?!\s+\w+ing\b)"
    r"|\band\s+(?=(?:was|were|is|are|has|have|had|will|would)\b)"
)
_SUBORDINATOR = re.compile(r"\b(?:until|unless|if|once|whether|before)\b", re.IGNORECASE)
_STOP_SCOPE = re.compile(
    r"\b(?:if|unless|until|because|since|although|though|while|but|whereas)\b|;|\s[—–]\s"
    r"|,\s+and\b(?!\s+\w+ing\b)|\band\s+(?=(?:was|were|is|are|has|have|had)\b)"
    r"|\b(?:in order )?to\s+(?:uphold|enforce|secure|protect|monitor|ensure|keep|maintain|make)\b"
    r"|,?\s+(?:that|which)\s+(?:would|will|could|might|may|should|lets?|allows?)\b"
)
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_NOUN_CUES = frozenset(
    "proposal proposals demand demands plan plans offer offers reluctance unwillingness".split()
)
# before a word that is a noun or a verb ("demand", "offers"), what makes it the verb
_VERB_BEFORE = re.compile(
    r"(?:\b(?:not|never|will|would|could|should|may|might|must|can|cannot|do|does|did|we|i|"
    r"you|they|who|which|that)|n't|n’t)\s+$",
    re.IGNORECASE,
)
_REQUIREMENT = re.compile(
    r"\b(?:only\s+(?:if|after|once|when)|until|unless|provided(?:\s+that)?|(?:as|so)\s+long\s+as)\b",
    re.IGNORECASE,
)
# after an accepting cue, a plain "if" also makes the acceptance conditional
_IF_REQUIREMENT = re.compile(r"\bif\b", re.IGNORECASE)
_OFFER_AFTER = re.compile(
    r"\s+(?:send|provide|host|contribute|deploy|supply|give|offer|fund|guarantee|station|hold|"
    r"halt|pause|stop|return|release|free)\b"
)
_CONDITION_AFTER = re.compile(r"\b(?:if|unless|after|once|when|provided)\b")
# "Kyiv arrived with one central demand", "Moscow has made its demands": a noun cue's agent
_LIGHT_VERB = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:with|has|have|had|made|makes|make|tabled|issued|voiced|set\s+out|"
    r"put\s+forward|presented|repeated)\s+(?:[\w-]+\s+){0,3}",
    re.IGNORECASE,
)
_VERB_ISSUE = re.compile(
    r"(?:\b(?:not|never|to|will|would|could|can|must|may|might|shall|should)|n't|n’t)\s+$"
)
_ANAPHOR = re.compile(
    r"^\W*(?:(?:and|also|then|so|instead|however|furthermore),?\s+)*(?:"
    + "|".join(V.ANAPHORA)
    + r")\b",
    re.IGNORECASE,
)
_ANAPHORIC_OBJECT = re.compile(r"\s+(?:\w+\s+){0,2}?(?:such|this|it|these|them)\b", re.I)
_CUES = [
    (
        re.compile(r"(?<![\w-])" + pat + r"(?![\w-])", re.IGNORECASE),
        stance,
        strength,
        literal_prefixes(pat),
    )
    for pat, stance, strength in (
        (
            r"only\s+(?:be\s+)?(?:considered|accepted|agreed)\s+(?:if|under|after|once|when)",
            "condition",
            0.85,
        ),
        *V.STANCE_CUES,
        (r"obtain(?:s|ing)?", "demand", 0.5),
    )
]


MAX_CUES = 8  # per sentence; a real one has one or two, a string of cue words is not prose


@dataclass(frozen=True)
class Claim:
    """One stance of one actor on one issue, anchored to a sentence of a document."""

    actor: str
    issue: str
    stance: str
    confidence: float
    sentence: str
    start: int  # offsets of the sentence in the cleaned document text
    end: int
    cue: str
    negated: bool = False
    position: float | None = None
    source: str | None = None  # who said it, when reported ("Rubio"); None: the article


@dataclass
class _Cue:
    start: int
    end: int
    stance: str
    strength: float
    text: str
    noun: bool = False  # "proposals", "its demands": the agent stands right before it


def _cues(sentence: str, mentions: list[Mention]) -> list[_Cue]:
    """Stance cues, without those inside the object of an earlier cue of the same clause
    ("unwilling to offer ...", "insisted on Ukraine renouncing ... and accepting ...")."""
    found: list[_Cue] = []
    folded = fold(sentence)
    for pat, stance, strength, literals in _CUES:
        if literals and not any(x in folded for x in literals):
            continue
        for m in pat.finditer(sentence):
            if len(found) == MAX_CUES:
                break
            if not any(c.start < m.end() and m.start() < c.end for c in found):
                noun = m.group(0).lower() in _NOUN_CUES and not _VERB_BEFORE.search(
                    sentence[max(0, m.start() - 12) : m.start()]
                )
                found.append(_Cue(m.start(), m.end(), stance, strength, m.group(0), noun))
    found.sort(key=lambda c: c.start)
    kept: list[_Cue] = []
    for c in found:
        if kept:
            prev = kept[-1]
            between = sentence[prev.end : c.start]
            same_clause = _clause_start(sentence, c.start) <= prev.start
            first = c.text.split()[0].lower()
            gerund = first.endswith("ing") and not re.search(
                r"\b(?:is|are|was|were|been|be)\s+(?:\w+\s+){0,2}$", sentence[: c.start]
            )
            infinitive = bool(re.search(r"\bto\s+(?:\w+\s+)?$", between))
            noun = c.noun
            no_subject = not any(
                prev.end <= m.start
                and m.end <= c.start
                and (
                    sentence[m.end - 2 : m.end] not in ("'s", "’s")
                    or (noun and len(sentence[m.end : c.start].split()) <= 1)
                )
                for m in mentions
            )
            after_relative = re.search(
                r",\s+(?:has|have|had|is|are|was|were|will|would|does|did)\s+(?:\w+\s+){0,3}$",
                between,
            ) and re.search(r",\s+(?:who|whose|which)\b", sentence[: prev.start])
            subjunctive = (
                prev.stance == "demand"
                and re.search(r"\bthat\b", between) is not None
                and not re.search(r"(?:s|ed|ing)$", first)
            )
            if after_relative:
                pass
            elif (
                gerund
                or subjunctive
                or (same_clause and infinitive and no_subject)
                or (
                    same_clause
                    and no_subject
                    and not re.search(r"\b(?:and|or)\s+(?:was|were|is|are|has|have|had)\b", between)
                )
            ):
                continue
        elif c.text.split()[0].lower().endswith("ing") and not re.search(
            r"\b(?:is|are|was|were|been|be)\s+(?:\w+\s+){0,2}$", sentence[: c.start]
        ):
            continue  # a participle ("Ukraine embracing neutrality"), not a stance taken
        kept.append(c)
    return kept


@functools.lru_cache(maxsize=512)
def _clause_start(sentence: str, pos: int) -> int:
    start = 0
    for m in _BOUNDARY.finditer(sentence, 0, pos):
        start = m.end()
    return start


def _coordinated(sentence: str, mentions: list[Mention], m: Mention) -> list[Mention]:
    group, i = [m], mentions.index(m)
    while i > 0:
        prev = mentions[i - 1]
        gap = sentence[prev.end : group[-1].start]
        if re.fullmatch(r"\s*(?:,|,?\s*and|,?\s*or|,?\s*nor|&)\s*(?:the\s+)?", gap):
            group.append(prev)
            i -= 1
        else:
            break
    return group


def _subject_mentions(sentence: str, mentions: list[Mention], lo: int, cue: _Cue) -> list[Mention]:
    """Mentions between ``lo`` and the cue that can be its agent: not the object of a
    preposition ("allies of the United States") nor a possessive far from the cue
    ("Ukraine's Western backers were unwilling")."""
    out = []
    for m in mentions:
        if not (lo <= m.start and m.end <= cue.start):
            continue
        noun_cue = cue.noun
        adjacent_noun_cue = noun_cue and (
            len(sentence[m.end : cue.start].split()) <= 1
            or bool(_LIGHT_VERB.fullmatch(sentence[m.end : cue.start]))
        )
        if noun_cue and not adjacent_noun_cue:
            continue  # a noun's agent stands right before it ("U.S. peace proposals")
        if not adjacent_noun_cue and re.search(
            r"\b(?:of|to|for|from|with|against|on|in|by|into|toward|towards)\s+"
            r"(?:(?:the|both|either)\s+)?$",
            sentence[max(0, m.start - 20) : m.start],
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


def _negated(sentence: str, cue: _Cue) -> bool:
    if cue.stance == "accept" and cue.text.lower().startswith("not"):
        return False
    before = re.findall(
        r"[\w']+|n't|n’t", sentence[_clause_start(sentence, cue.start) : cue.start].lower()
    )
    window = before[-V.NEGATION_WINDOW :]
    return any(w in V.NEGATORS or w.endswith(("n't", "n’t")) for w in window)


_Found = tuple[str, str, str, str, float, float | None, str | None, bool]


class Extractor:
    """Claims of a scenario's actors on its issues, sentence by sentence."""

    def __init__(self, scenario: Scenario) -> None:
        self.actors = ActorMatcher(scenario)
        self.issues = IssueMatcher(scenario)
        self.parties = tuple(a.id for a in scenario.actors[:2])
        self.last_document: str | None = None

    def claims(self, text: str) -> list[Claim]:
        out: list[Claim] = []
        last_actor: str | None = None
        last_issue: str | None = None
        list_ctx: tuple[str, str] | None = None
        self.last_document = None
        for s0, s1 in split_sentences(text):
            sent = text[s0:s1]
            is_item = bool(_BULLET.match(sent))
            if not is_item:
                list_ctx = None
            found, agents, issues = self._sentence(
                sent, last_actor, last_issue, list_ctx if is_item else None
            )
            for actor, issue, cue, stance, conf, pos, src, neg in found:
                out.append(
                    Claim(actor, issue, stance, round(conf, 3), sent, s0, s1, cue, neg, pos, src)
                )
            if sent.rstrip().endswith(":") and agents:
                list_ctx = agents[0]
            owner = A.document_owner(sent, self.actors.find(sent))
            if A.DOCUMENT_SUBJECT.match(sent) and self.last_document:
                last_actor = self.last_document  # "The document ... It wants ..."
            else:
                last_actor = self._topic(sent, agents) or last_actor
            self.last_document = owner or self.last_document
            if issues:
                last_issue = issues[-1]
        return out

    def _topic(self, sent: str, agents: list[tuple[str, str]]) -> str | None:
        """The actor later pronouns refer to: the sentence's first subject, unless a pronoun
        comes before it (then the first cue's agent, if any)."""
        mentions = self.actors.find(sent)
        end = _Cue(len(sent), len(sent), "", 0.0, "")
        subjects = _subject_mentions(sent, mentions, 0, end)
        pronoun = re.search(r"\b(?:he|she|they|his|her|their)\b", sent, re.IGNORECASE)
        if subjects and not (pronoun and pronoun.start() < subjects[0].start):
            return subjects[0].actor
        return agents[0][0] if agents else None

    def _sentence(
        self,
        sent: str,
        last_actor: str | None,
        last_issue: str | None,
        list_ctx: tuple[str, str] | None,
    ) -> tuple[list[_Found], list[tuple[str, str]], list[str]]:
        mentions = self.actors.find(sent)
        issue_spans = self.issues.find(sent)
        report = reporting_clause(sent, mentions)
        rep_end, who, speaker = report.end, report.who, report.actor
        if report.aside:
            mentions = [x for x in mentions if not report.aside[0] <= x.start < report.aside[1]]
        cues = _cues(sent, mentions)
        found: list[_Found] = []
        agents: list[tuple[str, str]] = []
        seen: set[tuple[str, str, str]] = set()
        prev_agents: list[str] = []
        prev_issues: list[str] = []
        used: set[int] = set()
        live = [
            c
            for c in cues
            if not _SUBORDINATOR.search(sent[_clause_start(sent, c.start) : c.start])
            or c is cues[0]
        ]
        for j, cue in enumerate(live):
            region0 = max(_clause_start(sent, cue.start), rep_end if cue.start >= rep_end else 0)
            region = sent[region0 : cue.start]
            conf = cue.strength
            skip = A.excluded(sent, issue_spans, cue.start)
            covered = bytearray(len(sent) + 1)
            for a, b in skip:
                covered[a:b] = b"\x01" * (b - a)
            agentive = [m for m in mentions if not covered[m.start]]
            left = _subject_mentions(sent, agentive, region0, cue)
            if not left and re.search(r"\band\s*$", sent[:region0]):
                # "countries like Germany, Italy, and Poland reluctant to ...": a list of subjects
                region0 = _clause_start(sent, sent.rfind("and", 0, region0))
                left = _subject_mentions(sent, agentive, region0, cue)
            region = sent[region0 : cue.start]
            if left:
                inside = [m for m in agentive if m.start >= region0]
                actors = [m.actor for m in _coordinated(sent, inside, left[-1])]
            elif A.GROUP.search(region) and len(self.parties) == 2:
                actors = list(self.parties)  # "The two sides agreed to ..."
            elif A.DOCUMENT_SUBJECT.match(region) and self.last_document:
                actors = [self.last_document]  # "The document also seeks ..."
            elif _ANAPHOR.match(region) and (speaker or last_actor or region0):
                earlier = _subject_mentions(sent, mentions, 0, cue)
                ref = speaker or (earlier[0].actor if earlier else last_actor)
                if ref is None:
                    continue
                actors, conf = [ref], conf * 0.85
            elif rep_end and cue.start >= rep_end and speaker:
                actors = [speaker]
            elif report.start is not None and cue.end <= report.start and speaker:
                actors = [speaker]  # "A truce is out of the question, the Kremlin said."
            elif prev_agents:
                actors, conf = prev_agents, conf * 0.9
            else:
                continue
            prev_agents = actors
            nxt = j + 1
            while (  # "rejected Russian proposals for ...": the noun is the verb's object
                nxt < len(live)
                and live[nxt].noun
                and len(sent[cue.end : live[nxt].start].split()) <= 2
            ):
                nxt += 1
            scope_end = live[nxt].start if nxt < len(live) else len(sent)
            verb_issue = _VERB_ISSUE.search(
                sent[max(0, cue.start - 12) : cue.start]
            ) is not None or any(
                0 < cue.start - m.end <= 1 for m in mentions
            )  # "would never recognise": the cue names the issue itself
            in_scope = [
                i
                for i in issue_spans
                if cue.start <= i[0] < scope_end
                and (i[1] > cue.end or (verb_issue and i[1] == cue.end))
            ]
            required: list[str] = []  # what a condition asks for ("... until Russia withdraws")
            cond = _REQUIREMENT.search(sent, cue.end, scope_end)
            if cond is None and cue.stance in ("accept", "propose") and not _negated(sent, cue):
                cond = _IF_REQUIREMENT.search(sent, cue.end, scope_end)
            if cond and not re.search(r"n't|n’t|\bnot\b", sent[cond.end() : scope_end]):
                required = [i[2] for i in in_scope if i[0] >= cond.end()]
                if any(i[0] < cond.start() for i in in_scope):
                    in_scope = [i for i in in_scope if i[0] < cond.start()]
            if cue.stance == "condition":
                required += [i[2] for i in in_scope]
            for stop in _STOP_SCOPE.finditer(sent, cue.end, scope_end):
                if any(i[0] < stop.start() for i in in_scope):
                    in_scope = [i for i in in_scope if i[0] < stop.start()]
                    scope_end = stop.start()
                    break
            chosen = list(dict.fromkeys(i[2] for i in in_scope))
            used.update(i[0] for i in in_scope)
            after = sent[cue.end : scope_end]
            if not chosen:
                before = [
                    i
                    for i in issue_spans
                    if i[1] <= cue.start
                    and i[0] not in used
                    and i[0] >= _clause_start(sent, cue.start)
                ]
                if before:
                    chosen, conf = [before[-1][2]], conf * 0.8
                elif prev_issues and (len(after.split()) < 4 or _ANAPHORIC_OBJECT.match(after)):
                    chosen, conf = prev_issues, conf * 0.8
                elif last_issue and _ANAPHORIC_OBJECT.match(after):
                    chosen, conf = [last_issue], conf * 0.7
            prev_issues = chosen or prev_issues
            neg = _negated(sent, cue) or bool(
                left and re.search(r"\bneither\b", sent[region0 : cue.start], re.IGNORECASE)
            )
            stance: str | None = cue.stance
            if neg:
                stance = V.NEGATED_STANCE[cue.stance]
            elif cue.stance == "demand" and re.match(r"\s+no\b", after):
                stance = "reject"
            if stance is None:
                continue
            if stance == "accept" and _OFFER_AFTER.match(sent, cue.end):
                stance = "propose"  # "ready to send troops" offers something
            if stance in ("accept", "propose") and (
                (cond is not None and required)
                or (re.search(r"\bonly\b", region) and _CONDITION_AFTER.search(sent, cue.end))
                or re.search(r"\bonly\s+(?:if|after|once|when|provided)\b", sent[cue.end :])
                or re.search(r"\b(?:on condition that|provided that)\b", sent[cue.end :])
            ):
                stance = "condition"
            if any(re.search(rf"\b{h}\b", region.lower()) for h in V.HEDGES):
                conf *= 0.8
            agents += [(a, stance) for a in actors]
            src = who if rep_end and cue.start >= rep_end else None
            if (report.start is not None and cue.end <= report.start) or (
                report.aside and cue.start >= report.aside[1]
            ):
                src = who
            if cue.stance == "condition":
                split = cue.start
                if re.fullmatch(r"condition(?:s|ed|ing)?", cue.text, re.IGNORECASE):
                    on = re.search(r"\s(?:up)?on\b", sent[cue.end : scope_end])
                    split = cue.end + on.start() if on else split
                before_cue = [
                    i[2]
                    for i in issue_spans
                    if i[1] <= split and i[0] >= _clause_start(sent, cue.start)
                ]
                if before_cue:  # "a ceasefire only after Kyiv halts mobilisation"
                    chosen = list(dict.fromkeys(before_cue))
                else:
                    required = []
            before_kw = re.search(r"\bbefore\b", sent[cue.end : scope_end])
            if stance == "demand" and before_kw and chosen:
                # "demands that arms supplies end before a truce": the truce is conditioned
                cut = cue.end + before_kw.start()
                later = [i[2] for i in issue_spans if cut <= i[0] < scope_end]
                chosen = [c for c in chosen if c not in later]
                conditioned = later
            else:
                conditioned = []
            pairs = [(issue, stance) for issue in chosen]
            pairs += [(issue, "condition") for issue in dict.fromkeys(conditioned)]
            pairs += [(issue, "demand") for issue in dict.fromkeys(required) if issue not in chosen]
            for actor in actors:
                for issue, stance in pairs:
                    key = (actor, issue, stance)
                    if key in seen:
                        continue
                    seen.add(key)
                    pos = None
                    if stance in ("demand", "propose", "accept", "condition"):
                        pos = self.issues.position(issue, after)
                    found.append((actor, issue, cue.text, stance, conf, pos, src, neg))
        if not found and list_ctx and issue_spans:
            actor, stance = list_ctx
            stance = "demand" if stance == "condition" else stance
            for issue in dict.fromkeys(i[2] for i in issue_spans):
                pos = self.issues.position(issue, sent) if stance != "reject" else None
                found.append((actor, issue, "(list)", stance, 0.6, pos, None, False))
        return found, agents, [i[2] for i in issue_spans]


def extract_claims(text: str, scenario: Scenario) -> list[Claim]:
    """All claims in ``text`` about ``scenario``'s actors and issues."""
    return Extractor(scenario).claims(text)

"""Rule-based claim extraction: who takes which stance on which issue, in each sentence.

A claim is (actor, issue, stance[, position]) anchored to a sentence. The rules are those of
pattern-based event coding (KEDS/TABARI, Schrodt 2001; PETRARCH, Norris et al. 2017): a stance
cue (verb or noun) with its agent to the left in the same clause, its object (the issue) to the
right, negation just before the cue, and reporting verbs ("X said ...") that make X the source
of what follows rather than its actor. Each rule is a small function of
:mod:`pourparler.evidence.rules`; :class:`Extractor` applies them in turn. Deterministic and
offline.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from pourparler.errors import InputError
from pourparler.evidence import agents as A
from pourparler.evidence.attribution import Report, reporting_clause
from pourparler.evidence.mentions import ActorMatcher, IssueMatcher, Mention, split_sentences
from pourparler.evidence.rules import (
    agency,
    answers,
    commitments,
    dates,
    documents,
    ellipsis,
    implied,
    owned_acts,
    parties,
    relative,
    scope,
    stance,
    thanked,
)
from pourparler.evidence.rules import voice as rules_voice
from pourparler.evidence.rules.cues import Cue, find_cues, main_cues
from pourparler.evidence.rules.found import Found
from pourparler.evidence.rules.names import DocumentNames
from pourparler.scenario import Scenario

__all__ = ["Claim", "Extractor", "Found", "extract_claims", "split_sentences"]

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their)\b", re.IGNORECASE)
_PRONOUN_SAID = re.compile(
    r"[,\"”]\s*[\"”]?\s*\b(he|she|they|we|I)\s+(?:said|says|added|told\s+\w+|stated|noted|warned)"
    r"\W*$",
    re.IGNORECASE,
)
_OPENS_QUOTE = re.compile(r"\s*[\"“]")
_CLOSES_QUOTE = re.compile(r"[,.!?][\"”]")
# a sentence whose subject is a named body that is no actor: "In response, the General
# Assembly has met six times. It has called for ...": "it" is that body, no actor
_OTHER_SUBJECT = re.compile(
    r"^\W*(?:(?:[A-Z]\w*|In\s+\w+),\s+)?(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[A-Z][\w-]*\s+){1,4}"
    r"(?:(?:has|have|had|is|are|was|were|will|would|also|now|again|then)\b|[a-z]+(?:ed|s)\b)"
)
# a sentence opening with a subordinate clause or a phrase before its main clause's subject
_FRONTED = re.compile(
    r"^\W*(?:In|Since|After|When|While|Whilst|Although|Though|As|If|Because|Following|Despite|"
    r"Before|Until|Once|Over|During|Throughout|Amid|Given)\b"
)
# "Putin is trying to delay – saying there must be ...": the subject speaks
_SAYING = re.compile(r"(?:,|\s[–—-])\s+(?:saying|insisting|arguing|adding|warning)\b")


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
    stated_on: str | None = None  # when, as the text dates it ("2025-03"); None: the document's


@dataclass
class Reading:
    """What one sentence gives: its claims, the (actor, stance) of each cue read, its issues."""

    found: list[Found] = field(default_factory=list)
    agents: list[tuple[str, str]] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)


def source_of(s: agency.View, cue: Cue) -> str | None:
    """Who said it: the speaker of a reporting clause before the cue ("Rubio said ..."), after
    it ("..., the Kremlin said.") or around it ("Russia, Rubio said, rejects ...")."""
    rep = s.report
    src = rep.who if rep.end and cue.start >= rep.end else None
    if (rep.start is not None and cue.end <= rep.start) or (
        rep.aside and cue.start >= rep.aside[1]
    ):
        src = rep.who
    return src


class Extractor:
    """Claims of a scenario's actors on its issues, sentence by sentence."""

    def __init__(self, scenario: Scenario) -> None:
        self.scenario_id = scenario.id
        self.actor_ids = frozenset(a.id for a in scenario.actors)
        self.actors = ActorMatcher(scenario)
        self.issues = IssueMatcher(scenario)
        self.parties = tuple(a.id for a in scenario.actors[:2])
        self.last_document: str | None = None
        self.it_document = True  # whether "it" opening a sentence may be the last document
        self.document: tuple[tuple[str, ...], str] | None = None  # its authors and stance
        self.voice: str | None = None
        self.published: dt.date | None = None
        self.names = DocumentNames(scenario, self.actors)
        self.both_parties = False  # the text names both parties of the talks
        self.pair: tuple[str, ...] = ()  # the previous sentence's two actors ("The two agreed")

    def mentions(self, sent: str) -> list[Mention]:
        """Actor mentions: aliases and the document's own names for actors
        (:class:`~pourparler.evidence.rules.names.DocumentNames`)."""
        return self.names.find(sent, self.voice)

    def claims(
        self, text: str, published: dt.date | None = None, voice: str | None = None
    ) -> list[Claim]:
        """The claims of ``text``; ``published`` (the document's date) completes dates the
        text gives without a year ("In March, Russia rejected ..."). ``voice``: the actor id
        of the text's publisher, whom "we", "our", "I" and the government's titles stand for
        where the text names no voice itself (a speaker turn or quoted speaker it names keeps
        its own); an id that is no actor of the scenario raises InputError."""
        if voice is not None and voice not in self.actor_ids:
            raise InputError(f"voice: {voice}: not an actor of {self.scenario_id}")
        self.published = published
        out: list[Claim] = []
        last_actor: str | None = None
        last_group: tuple[str, ...] = ()
        last_issue: str | None = None
        list_ctx: tuple[str, str] | None = None
        committed: commitments.Commitment | None = None  # the list of commitments read
        in_item = False  # the paragraph read is an item of that list
        item_named: set[str] = set()  # the actors the item names itself
        previous: list[tuple[str, str]] = []  # the agents of the sentence before
        terms: tuple[tuple[str, ...], str] | None = None  # the paragraph's document's terms
        self.document = None
        end = 0
        self.last_document = None
        self.it_document = True
        in_text = {m.actor for m in self.actors.find(text)}
        self.both_parties = len(self.parties) == 2 and all(p in in_text for p in self.parties)
        turns = rules_voice.turns(text, self.actors.find, voice)
        self.names.read(text, turns[0].actor if len(turns) == 1 else None)
        self.pair = ()
        starts = [t.start for t in turns]
        spans = list(split_sentences(text))
        quoted: dict[int, str] = {}  # sentence start -> speaker of the quote it is in
        turn, question = -1, ""  # the turn read, the last question put by no actor's voice
        for k, (s0, s1) in enumerate(spans):
            s0 = rules_voice.after_label(
                turns, s0, s1, starts
            )  # "MR X: We ...": the sentence is "We ..."
            sent = text[s0:s1]
            self.voice = rules_voice.voice_at(turns, s1 - 1, starts)
            here = bisect.bisect_right(starts, s1 - 1)
            opens_turn, turn = here != turn, here
            asked, question = (
                question,
                (
                    (sent if implied.QUESTION.search(sent) else question)
                    if self.voice is None
                    else ""
                ),
            )
            if _OPENS_QUOTE.match(sent) and s0 not in quoted:
                quoted.update(self._quote_speaker(text, spans, k, last_actor))
            self.voice = quoted.get(s0, self.voice)
            is_item = bool(_BULLET.match(sent))
            if not is_item:
                list_ctx = None
            if "\n" in text[end:s0]:
                terms = None  # a new paragraph
                in_item = bool(committed) and commitments.opens_item(sent, self.mentions(sent))
                committed = committed if in_item else None
                item_named = set()
            end = s1
            named = A.document_terms(sent, self.mentions(sent))
            if named is None and self.document and documents.opens_with_document(sent):
                named = self.document  # "That text would set ...": the last document's terms
            terms = named or terms
            r = self._sentence(
                sent, last_actor, last_issue, list_ctx if is_item else None, last_group, terms
            )
            if in_item and committed:  # "This would include commitments to:" - "Provide ..."
                item_named.update(m.actor for m in self.mentions(sent))
                r.found = commitments.item_claims(
                    sent, r.found, r.issues, item_named, committed, self.issues
                )
            if opens_turn and asked and self.voice and rules_voice.ADOPTS.match(sent):
                known = {(f.actor, f.issue) for f in r.found}
                r.found += answers.adopted(asked, known, self.voice, self._read)
            for f in r.found:
                out.append(
                    Claim(
                        f.actor,
                        f.issue,
                        f.stance,
                        round(f.confidence, 3),
                        sent,
                        s0,
                        s1,
                        f.cue,
                        f.negated,
                        f.position,
                        f.source,
                        f.stated_on,
                    )
                )
            if sent.rstrip().endswith(":") and r.agents:
                list_ctx = r.agents[0]
            if not in_item:
                committed = commitments.header(sent, r.agents, previous)
            previous = r.agents
            owner = A.document_owner(sent, self.mentions(sent))
            if A.DOCUMENT_SUBJECT.match(sent) and self.last_document:
                last_actor = self.last_document  # "The document ... It wants ..."
                self.it_document = True
            else:
                topic = self._topic(sent, r.agents)
                if topic:
                    last_actor, last_group = topic[0], topic
                elif _OTHER_SUBJECT.match(sent):
                    last_actor, last_group = None, ()  # "the General Assembly has ... It has"
                # "The Council welcomes the plan put forward by X. It calls ...": the Council
                self.it_document = not (owner and topic) or owner in topic
            self.last_document = owner or self.last_document
            if owner:
                self.document = A.document_terms(sent, self.mentions(sent))
            if r.issues:
                last_issue = r.issues[-1]
            actors = tuple(dict.fromkeys(m.actor for m in self.mentions(sent)))
            self.pair = actors if len(actors) == 2 else () if actors else self.pair
        return out

    def _read(self, sent: str) -> list[Found]:
        """The claims of ``sent`` read alone, with no earlier sentence to lean on."""
        return self._sentence(sent, None, None, None).found

    def _quote_speaker(
        self, text: str, spans: list[tuple[int, int]], k: int, last_actor: str | None
    ) -> dict[int, str]:
        """'"We will never recognise it. The line of contact is the start," the President
        stressed.': the sentences of a quote closed by a reporting clause in a later sentence
        are its speaker's (the starts of those sentences, to the speaker)."""
        out: dict[int, str] = {}
        for j in range(k, min(k + 8, len(spans))):
            a, b = spans[j]
            close = _CLOSES_QUOTE.search(text, a + (1 if j == k else 0), b)
            if close is None:
                out[a] = ""
                continue
            if j == k:
                return {}  # a quote within one sentence: its own reporting clause tells
            sent = text[a:b]
            rep = self._view(sent, last_actor).report
            if rep.actor and rep.start is not None and rep.start >= close.end() - a - 3:
                return {start: rep.actor for start in out}
            return {}
        return {}

    def _topic(self, sent: str, agents: list[tuple[str, str]]) -> tuple[str, ...]:
        """The actors later pronouns refer to: the sentence's first subject with the list it
        belongs to ("Britain, France and Germany said ... They also said"), unless a pronoun
        comes before it (then the first cue's agent, if any)."""
        mentions = self.mentions(sent)
        end = Cue(len(sent), len(sent), "", 0.0, "")
        subjects = agency.subject_mentions(sent, mentions, 0, end)
        pronoun = _PRONOUN.search(sent)
        both = A.GROUP.search(sent)  # "the two delegations exchanged ... They also agreed"
        if both and len(self.parties) == 2:
            first_word = min([both.start(), *[m.start for m in subjects[:1]]])
            if first_word == both.start() and not (pronoun and pronoun.start() < both.start()):
                return self.parties
        if _FRONTED.match(sent):  # "In the months since Ukraine agreed, ..., Putin has ...":
            main = [m for m in subjects if "," in sent[: m.start]]  # the main clause's subject
            subjects = main or subjects
        if subjects and not (pronoun and pronoun.start() < subjects[0].start):
            group = agency.list_of(sent, mentions, subjects[0])
            first = subjects[0].actor
            return (first, *[a for a in group if a != first]) if len(group) > 1 else (first,)
        return (agents[0][0],) if agents else ()

    def _view(self, sent: str, last_actor: str | None = None) -> agency.View:
        mentions = self.mentions(sent)
        report = reporting_clause(sent, mentions)
        if report.actor is None and report.who:
            report = self._pronoun_speaker(report, last_actor)
        elif not (report.who or report.actor):
            said = _PRONOUN_SAID.search(sent)
            if said:  # '"...," he said.'
                report = Report(0, said.group(1), None, said.start(1))
                report = self._pronoun_speaker(report, last_actor)
            else:
                report = self._participle_speaker(sent, mentions, last_actor) or report
        if report.aside:
            mentions = [x for x in mentions if not report.aside[0] <= x.start < report.aside[1]]
        return agency.View(sent, mentions, self.issues.find(sent), report)

    def _sentence(
        self,
        sent: str,
        last_actor: str | None,
        last_issue: str | None,
        list_ctx: tuple[str, str] | None,
        last_group: tuple[str, ...] = (),
        terms: tuple[tuple[str, ...], str] | None = None,
    ) -> Reading:
        s = self._view(sent, last_actor)
        cues = main_cues(sent, find_cues(sent, s.mentions))
        if implied.QUESTION.search(sent):
            cues = []  # a question asks, it takes no stance (docs/evidence-annotation.md)
        out = Reading(issues=[i[2] for i in s.issues])
        seen: set[tuple[str, str, str]] = set()
        earlier_agents: list[str] = []
        earlier_issues: list[str] = []
        used: set[int] = set()
        for j, cue in enumerate(cues):
            ctx = agency.Context(
                earlier_agents,
                last_actor,
                self.last_document,
                self.parties,
                self.voice,
                () if self.voice else self.names.members,
                last_group if len(last_group) > 1 else (),
                self.document,
                self.it_document,
                self.pair,
            )
            who = agency.find_agents(s, cue, ctx)
            if who is None:
                continue
            conf = cue.strength
            if who.factor != 1.0:
                conf *= who.factor
            earlier_agents = who.actors
            obj = scope.find_scope(s, cues, j)
            used.update(i[0] for i in obj.spans)
            after = sent[cue.end : obj.end]
            if not obj.issues:
                obj.issues, factor = scope.issue_from_context(
                    s, cue, used, earlier_issues, last_issue, after
                )
                if factor != 1.0:
                    conf *= factor
            earlier_issues = obj.issues or earlier_issues
            neg = stance.is_negated(s, cue, who)
            taken = stance.base_stance(cue, neg, after)
            if who.demand and taken is not None:
                taken = "demand"
            if taken is None:
                continue
            region = sent[who.region_start : cue.start]
            taken = stance.on_condition(s, cue, stance.offer(s, cue, taken), obj, region)
            if stance.hedged(region):
                conf *= 0.8
            out.agents += [(a, taken) for a in who.actors]
            src = source_of(s, cue)
            when = dates.stated_on(sent, cue, self.published)
            if cue.stance == "condition":
                scope.conditioned_issue(s, cue, obj)
            conditioned = scope.demanded_before(s, cue, obj) if taken == "demand" else []
            pairs = [(issue, taken) for issue in obj.issues]
            pairs += [(issue, "condition") for issue in dict.fromkeys(conditioned)]
            pairs += [
                (issue, "demand")
                for issue in dict.fromkeys(obj.required)
                if issue not in obj.issues
            ]
            for actor in who.actors:
                for issue, st in pairs:
                    if (actor, issue, st) in seen:
                        continue
                    seen.add((actor, issue, st))
                    pos = None
                    if st in ("demand", "propose", "accept", "condition"):
                        pos = self.issues.position(issue, after)
                    out.found.append(Found(actor, issue, cue.text, st, conf, pos, src, neg, when))
        out.found += implied.readiness(
            s, {(f.actor, f.issue) for f in out.found}, self.issues, self.voice
        )
        if not implied.QUESTION.search(sent):
            known = {(f.actor, f.issue) for f in out.found}
            out.found += relative.relative_claims(s, self.voice, known, self.issues)
            out.found += relative.agreement_claims(s, self.parties, known, self.issues)
            out.found += parties.agreement_parties(
                s, self.parties, self.both_parties, known, self.issues
            )
            out.found += ellipsis.elided_claims(s, self.voice, known, self.issues)
            out.found += thanked.thanked_claims(s, last_actor, known, self.issues)
            out.found += owned_acts.owned_acts(s, known, self.issues)
            out.found += owned_acts.owned_efforts(s, known, self.issues)
        if not out.found and list_ctx and s.issues:
            out.found = implied.list_item(s, list_ctx, self.issues)
        if not out.found and s.issues:
            out.found = documents.under_document(s, self.last_document, self.issues)
        if not (out.found or cues or s.report.who) and s.issues and terms:
            out.found = documents.terms(s, terms, self.issues)
        elif terms and not s.report.who and documents.opens_with_document(sent, pronoun=False):
            # "That text would set a ceiling ... and seek a guarantee": the terms a cue leaves
            claimed = {f.issue for f in out.found}
            out.found += [
                f for f in documents.terms(s, terms, self.issues) if f.issue not in claimed
            ]
        return out

    def _pronoun_speaker(self, report: Report, last_actor: str | None) -> Report:
        """'"...", he said': the speaker is the topic of the previous sentences; "we said",
        "I said": the voice of the text."""
        who = (report.who or "").lower()
        if who in ("he", "she", "they"):
            actor = last_actor
        elif who in ("we", "i"):
            actor = self.voice
        else:
            return report
        return Report(report.end, report.who, actor, report.start, report.aside)

    def _participle_speaker(
        self, sent: str, mentions: list[Mention], last_actor: str | None
    ) -> Report | None:
        """ "Putin is trying to delay – saying there must be a study": the sentence's subject
        (else the previous topic) says what follows the participle."""
        m = _SAYING.search(sent)
        if m is None or find_cues(sent[: m.start()], mentions):
            return None  # the main clause takes a stance of its own
        end = Cue(m.start(), m.start(), "", 0.0, "")
        subjects = agency.subject_mentions(sent, mentions, 0, end)
        actor = (
            subjects[0].actor if subjects and len(sent[: subjects[0].start].split()) <= 2 else None
        )
        if actor is None and not mentions[:1] and _PRONOUN.match(sent.lstrip()):
            actor = last_actor
        return Report(m.end(), actor, actor) if actor else None


def extract_claims(
    text: str, scenario: Scenario, published: dt.date | None = None, voice: str | None = None
) -> list[Claim]:
    """All claims in ``text`` about ``scenario``'s actors and issues; ``published`` is the
    document's date, which dates claims the text dates by month or day only; ``voice`` the
    actor the text speaks for where it names none (see :meth:`Extractor.claims`)."""
    return Extractor(scenario).claims(text, published, voice)

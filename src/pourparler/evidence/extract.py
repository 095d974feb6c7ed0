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
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field

from pourparler.evidence import agents as A
from pourparler.evidence.attribution import Report, reporting_clause
from pourparler.evidence.mentions import ActorMatcher, IssueMatcher, Mention, split_sentences
from pourparler.evidence.rules import agency, dates, scope, stance, voice
from pourparler.evidence.rules.cues import Cue, find_cues, main_cues
from pourparler.evidence.rules.names import DocumentNames
from pourparler.scenario import Scenario

__all__ = ["Claim", "Extractor", "extract_claims", "split_sentences"]

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their)\b", re.IGNORECASE)
_PRONOUN_SAID = re.compile(
    r"[,\"”]\s*[\"”]?\s*\b(he|she|they|we|I)\s+(?:said|says|added|told\s+\w+|stated|noted|warned)"
    r"\W*$",
    re.IGNORECASE,
)
# a sentence opening with the last document as its subject: "That text would ...", "It would"
_DOCUMENT_OPENS = re.compile(
    r"^\W*(?:(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:memorandum|document|draft|text|paper|"
    r"proposal|plan|terms|blueprint|framework)|it)\b",
    re.IGNORECASE,
)
# what asks the minister rather than says: "Does the Minister agree that", "Will he confirm"
_QUESTION_FRAME = re.compile(
    r"^.*?\b(?:[Dd]oes|[Dd]o|[Ww]ill|[Cc]an|[Ww]ould|[Ss]hould)\s+"
    r"(?:the\s+(?:noble\s+\w+\s+the\s+)?Minister|he|she|you|my\s+(?:right\s+)?(?:hon\.|noble)\s+"
    r"(?:Friend|Lord|Baroness)|the\s+Government)\s+(?:not\s+)?((?:agree|accept|confirm|"
    r"share\s+my\s+view|assure\s+(?:the\s+House|me|us))\s+(?:that\s+)?)?"
)
_ASKED_AGAIN = re.compile(
    r"\b(will|would|can)\s+(?:he|she|you|the\s+Minister|the\s+Government)\b", re.IGNORECASE
)
# "Ukraine's readiness to accept", "the readiness of Ukraine to agree to": the owner accepts
_READINESS = re.compile(
    r"\b(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['’]s\s+|the\s+)(?:readiness|willingness|"
    r"preparedness)\s+(?:of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?\s+)?to\s+"
    r"(?:accept|agree\s+to|sign|implement|observe)\b"
)
_LACK = re.compile(r"\b(?:no|lack\s+of|without|little|any)\s+(?:\w+\s+)?$", re.IGNORECASE)
_OPENS_QUOTE = re.compile(r"\s*[\"“]")
_CLOSES_QUOTE = re.compile(r"[,.!?][\"”]")
_CONDITIONAL = re.compile(r"\bwould\b", re.IGNORECASE)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|we|We|our|Our|my|My)\b")
_QUESTION = re.compile(r"\?[\"”’)]*\s*$")
_UNDER = re.compile(
    r"^\W*(?:[Uu]nder|[Aa]ccording to)\s+(?:the|this|that|its|their|[\w'’. -]{1,30}?)\s*"
    r"(?:[\w'’-]+\s+){0,3}?(?:plan|proposal|memorandum|draft|framework|terms|blueprint|deal)s?\b"
    r"[^,]{0,60},"
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


@dataclass(frozen=True)
class Found:
    """A claim of one sentence, before it is placed in the document."""

    actor: str
    issue: str
    cue: str
    stance: str
    confidence: float
    position: float | None
    source: str | None
    negated: bool
    stated_on: str | None = None


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
        self.actors = ActorMatcher(scenario)
        self.issues = IssueMatcher(scenario)
        self.parties = tuple(a.id for a in scenario.actors[:2])
        self.last_document: str | None = None
        self.document: tuple[tuple[str, ...], str] | None = None  # its authors and stance
        self.voice: str | None = None
        self.published: dt.date | None = None
        self.names = DocumentNames(scenario, self.actors)

    def mentions(self, sent: str) -> list[Mention]:
        """Actor mentions: aliases and the document's own names for actors
        (:class:`~pourparler.evidence.rules.names.DocumentNames`)."""
        return self.names.find(sent, self.voice)

    def claims(self, text: str, published: dt.date | None = None) -> list[Claim]:
        """The claims of ``text``; ``published`` (the document's date) completes dates the
        text gives without a year ("In March, Russia rejected ...")."""
        self.published = published
        out: list[Claim] = []
        last_actor: str | None = None
        last_group: tuple[str, ...] = ()
        last_issue: str | None = None
        list_ctx: tuple[str, str] | None = None
        terms: tuple[tuple[str, ...], str] | None = None  # the paragraph's document's terms
        self.document = None
        end = 0
        self.last_document = None
        self.names.read(text)
        turns = voice.turns(text, self.actors.find)
        starts = [t.start for t in turns]
        spans = list(split_sentences(text))
        quoted: dict[int, str] = {}  # sentence start -> speaker of the quote it is in
        turn, question = -1, ""  # the turn read, the last question put by no actor's voice
        for k, (s0, s1) in enumerate(spans):
            s0 = voice.after_label(
                turns, s0, s1, starts
            )  # "MR X: We ...": the sentence is "We ..."
            sent = text[s0:s1]
            self.voice = voice.voice_at(turns, s1 - 1, starts)
            here = bisect.bisect_right(starts, s1 - 1)
            opens_turn, turn = here != turn, here
            asked, question = (
                question,
                ((sent if _QUESTION.search(sent) else question) if self.voice is None else ""),
            )
            if _OPENS_QUOTE.match(sent) and s0 not in quoted:
                quoted.update(self._quote_speaker(text, spans, k, last_actor))
            self.voice = quoted.get(s0, self.voice)
            is_item = bool(_BULLET.match(sent))
            if not is_item:
                list_ctx = None
            if "\n" in text[end:s0]:
                terms = None  # a new paragraph
            end = s1
            named = A.document_terms(sent, self.mentions(sent))
            if named is None and self.document and _DOCUMENT_OPENS.match(sent):
                named = self.document  # "That text would set ...": the last document's terms
            terms = named or terms
            r = self._sentence(
                sent, last_actor, last_issue, list_ctx if is_item else None, last_group, terms
            )
            if opens_turn and asked and self.voice and voice.ADOPTS.match(sent):
                r.found += self._adopted(asked, {(f.actor, f.issue) for f in r.found})
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
            owner = A.document_owner(sent, self.mentions(sent))
            if A.DOCUMENT_SUBJECT.match(sent) and self.last_document:
                last_actor = self.last_document  # "The document ... It wants ..."
            else:
                topic = self._topic(sent, r.agents)
                if topic:
                    last_actor, last_group = topic[0], topic
            self.last_document = owner or self.last_document
            if owner:
                self.document = A.document_terms(sent, self.mentions(sent))
            if r.issues:
                last_issue = r.issues[-1]
        return out

    def _readiness(self, s: agency.View, known: set[tuple[str, str]]) -> list[Found]:
        """ "welcomes Ukraine's readiness to accept an immediate ceasefire", "the readiness of
        Ukraine to agree to ...": the actor whose readiness is welcomed accepts."""
        out: list[Found] = []
        if _QUESTION.search(s.text):
            return out
        for m in _READINESS.finditer(s.text):
            owner = [x for x in s.mentions if m.start() <= x.start < m.end()]
            if not owner or _LACK.search(s.text, max(0, m.start() - 20), m.start()):
                continue  # "showed no readiness to accept": no acceptance
            for issue in dict.fromkeys(i[2] for i in s.issues if i[0] >= m.end()):
                if (owner[0].actor, issue) not in known:
                    pos = self.issues.position(issue, s.text[m.end() :])
                    out.append(
                        Found(owner[0].actor, issue, m.group(0), "accept", 0.6, pos, None, False)
                    )
            break
        return out

    def _adopted(self, question: str, known: set[tuple[str, str]]) -> list[Found]:
        """ "Will the Minister press for the return of the children?" — "Yes.": a minister's
        answer that adopts a member's question makes its content the minister's government's
        stance (docs/evidence-annotation.md, Parliament), read as if the minister said it."""
        asked = question.strip().rstrip('?"”’) ')
        frame = _QUESTION_FRAME.match(asked)
        if frame is None:
            return []
        # "Will the Minister press for X" -> "We press for X"; "... agree that X" -> "X"
        said = ("" if frame.group(1) else "We ") + asked[frame.end() :] + "."
        said = _ASKED_AGAIN.sub(r"we \1", said)  # "... and will he rule out X" -> "we will"
        out: dict[tuple[str, str], Found] = {}  # the first stance on each issue answers
        for f in self._sentence(said, None, None, None).found:
            if f.actor == self.voice and (f.actor, f.issue) not in known:
                out.setdefault((f.actor, f.issue), dataclasses.replace(f, confidence=0.6))
        return list(out.values())

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
        if _QUESTION.search(sent):
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
        out.found += self._readiness(s, {(f.actor, f.issue) for f in out.found})
        if not out.found and list_ctx and s.issues:
            out.found = self._list_item(sent, s, list_ctx)
        if not out.found and s.issues:
            out.found = self._under_document(s)
        if not (out.found or cues or s.report.who) and s.issues and terms:
            out.found = self._terms(s, terms)
        return out

    def _terms(self, s: agency.View, terms: tuple[tuple[str, ...], str]) -> list[Found]:
        """ "When the American plan leaked ... Kyiv would write into its constitution that it
        will never join NATO. Its army would be capped at 600,000.": in the paragraph that
        names a document, a sentence in the conditional without a stance of its own tells
        its terms, its author's (:func:`~pourparler.evidence.agents.document_terms`)."""
        if not _CONDITIONAL.search(s.text) or _FIRST_PERSON_WORD.search(s.text):
            return []
        authors, st = terms
        return [
            Found(
                actor, issue, "(terms)", st, 0.5, self.issues.position(issue, s.text), None, False
            )
            for issue in dict.fromkeys(i[2] for i in s.issues)
            for actor in authors
        ]

    def _under_document(self, s: agency.View) -> list[Found]:
        """ "Under the Russian plan, Ukraine would withdraw from Donetsk": the terms a document
        sets are its author's demands (the author named in the phrase, else the last document
        named); what they make wait for a requirement ("a ceasefire only once ...") is a
        condition."""
        m = _UNDER.match(s.text)
        if m is None:
            return []
        owners = [x for x in s.mentions if x.end <= m.end()]
        actor = owners[-1].actor if owners else self.last_document
        if actor is None:
            return []
        rest = s.text[m.end() :]
        cond = scope.REQUIREMENT.search(s.text, m.end())
        cut = cond.start() if cond else len(s.text)
        pairs = dict.fromkeys(
            (i[2], "condition" if cond and i[0] < cut else "demand")
            for i in s.issues
            if i[0] >= m.end()
        )
        return [
            Found(actor, issue, "under", st, 0.6, self.issues.position(issue, rest), None, False)
            for issue, st in pairs
        ]

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

    def _list_item(self, sent: str, s: agency.View, list_ctx: tuple[str, str]) -> list[Found]:
        """A list item with no cue of its own ("- a ceasefire") takes the actor and stance of
        its header ("These demands include:"); a header's condition asks for its items."""
        actor, st = list_ctx
        st = "demand" if st == "condition" else st
        out = []
        for issue in dict.fromkeys(i[2] for i in s.issues):
            pos = self.issues.position(issue, sent) if st != "reject" else None
            out.append(Found(actor, issue, "(list)", st, 0.6, pos, None, False))
        return out


def extract_claims(text: str, scenario: Scenario, published: dt.date | None = None) -> list[Claim]:
    """All claims in ``text`` about ``scenario``'s actors and issues; ``published`` is the
    document's date, which dates claims the text dates by month or day only."""
    return Extractor(scenario).claims(text, published)

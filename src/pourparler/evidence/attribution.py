"""Reported speech: the reporting clause of a sentence ("Rubio said ...", "..., Rubio said.",
"according to Rubio", "Russia, Rubio said, rejects ...") and who speaks in it, so that a claim
is about the actor taking the stance and sourced to the speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pourparler.evidence import vocabulary as V
from pourparler.evidence.mentions import Mention
from pourparler.evidence.stance_cues import STANCE_CUES

_REPORTING = re.compile(r"\b(?:" + V.REPORTING + r")\b")
_NAME = re.compile(r"(?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+")
_CUE = re.compile(
    r"(?<![\w-])(?:" + "|".join(p for p, _, _ in STANCE_CUES) + r")(?![\w-])", re.IGNORECASE
)


@dataclass(frozen=True)
class Report:
    """A reporting clause: ``end`` of the verb (claims after it are reported speech), or, for a
    trailing one (", Rubio said." / "according to Rubio."), ``start``: claims before it."""

    end: int = 0
    who: str | None = None  # the speaker's words ("Rubio", "Ukraine's foreign minister")
    actor: str | None = None  # the speaker's actor id
    start: int | None = None
    aside: tuple[int, int] | None = None  # "Russia, Rubio said, rejects ...": the clause's span
    group: tuple[str, ...] = ()  # "Britain, France and Germany said": every speaker, in order

    @property
    def speakers(self) -> list[str]:
        """The actors who speak: the group of a listed subject, else the one speaker."""
        return list(self.group) if self.group else [self.actor] if self.actor else []


# "Russian officials have stated": the actor of the adjective speaks
_GROUP_SPEAKER = re.compile(
    r"\s+(?:officials|diplomats|negotiators|authorities|leaders|sources)\s+(?:have\s+|has\s+)?"
    r"(?:\w+\s+)?"
)


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|&)\s*(?:the\s+)?")


def listed(sentence: str, mentions: list[Mention], m: Mention) -> tuple[str, ...]:
    """The actors of the list that ends with ``m`` ("Britain, France and Germany"), in order;
    one actor when ``m`` stands alone."""
    i = mentions.index(m)
    out = [m.actor]
    and_seen = False
    while i > 0:
        prev = mentions[i - 1]
        gap = sentence[prev.end : mentions[i].start]
        joined = "and" in gap or "&" in gap
        if prev.start != mentions[i].start and not (
            _LIST_GAP.fullmatch(gap) and (joined or and_seen)
        ):
            break  # a bare comma joins a list only left of its "and"
        and_seen = and_seen or joined
        out.insert(0, prev.actor)
        i -= 1
    return tuple(dict.fromkeys(out))


# who is told: "told Trump", "told reporters", "told the Ukrainian president"
_ADDRESSEE = re.compile(
    r"\s+(?:(?:him|her|them|us|me|reporters|journalists|parliament|lawmakers|"
    r"(?:the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
    r"(?:\s+(?:president|leader|counterpart|envoy|delegation|minister|side|team|negotiators))?)"
    r"(?=\s+(?:that\b|he\b|she\b|"
    r"they\b|it\b|[a-z]))"
)


def _noun_clause(sentence: str, m: re.Match[str]) -> bool:
    """ "a group of European states, not ...", "the regions Moscow claims, to ...": a word
    before a comma that no aside opens ("Russia, Rubio said, rejects") reports nothing."""
    return bool(
        re.match(r"\s*,", sentence[m.end() :])
        and not re.search(
            r"[,\"”]\s*(?:[\w'’.-]+\s+){1,5}$", sentence[max(0, m.start() - 60) : m.start()]
        )
        and not m.group(0).lower().startswith("according")
    )


# a sentence that opens with a quotation: '"We are not against a ceasefire," Vladimir Medinsky,
# the Kremlin aide who led Russia's delegation, told reporters afterwards.'
_OPENING_QUOTE = re.compile(r"^\W{0,3}[\"“][^\"“”]{10,}?[,.!?]\s*[\"”]\s+")
_AFTER_VERB = re.compile(r"(?:\s+[\w'’-]+){0,3}\s*[.!?]?\s*$")


def _after_quote(sentence: str, m: re.Match[str], mentions: list[Mention]) -> Report | None:
    """The speaker of a quotation that opens the sentence, named however long after it (an
    apposition or relative clause between the name and the verb), when the reporting verb
    ends the sentence: the first actor named after the quotation."""
    q = _OPENING_QUOTE.match(sentence)
    if q is None or m.start() < q.end() or not _AFTER_VERB.fullmatch(sentence, m.end()):
        return None
    between = sentence[q.end() : m.start()]
    if len(between.split()) > 16 or re.search(r"[\"“”]", between):
        return None
    named = [x for x in mentions if q.end() <= x.start and x.end <= m.start()]
    if not named:
        return None
    name = _NAME.match(sentence, q.end())
    who = name.group(0) if name else sentence[named[0].start : named[0].end]
    return Report(0, who, named[0].actor, q.end() - 1)


def reporting_clause(sentence: str, mentions: list[Mention]) -> Report:
    """The last reporting clause of ``sentence`` and who speaks in it."""
    matches = [m for m in _REPORTING.finditer(sentence) if not _noun_clause(sentence, m)]
    if not matches:
        return Report()
    m = matches[-1]
    if (opening := _after_quote(sentence, m, mentions)) is not None:
        return opening
    according = m.group(0).lower().startswith("according")
    lo = max(0, m.start() - 40)
    inverted = bool(  # '..., said Rubio.'
        re.search(r"[,\"”]\s*$", sentence[lo : m.start()])
        and re.match(
            r"\s*" + _NAME.pattern + r"(?:\s*[,;:]|(?:\s+[\w'’-]+){0,4}\s*[.!?]?[\"”]?\s*$)",
            sentence[m.end() :],
        )
        and not _CUE.search(sentence, m.end())
    )
    end, clause = m.end(), m.start()
    by = re.match(r"\s+by\s+(?:the\s+)?", sentence[m.end() :])
    passive = [x for x in mentions if by and x.start == m.end() + by.end()]
    if passive:  # "described by Washington as its final offer": the one after "by" speaks
        return Report(passive[0].end, sentence[passive[0].start : passive[0].end], passive[0].actor)
    if according or inverted:  # the speaker follows the verb
        name = re.match(r"\s*(" + _NAME.pattern + r")", sentence[m.end() :])
        near = [x for x in mentions if 0 <= x.start - m.end() <= 2]
        if not near and inverted:  # '"...," said Yuri Ushakov, a Kremlin aide.'
            near = [x for x in mentions if 0 <= x.start - m.end() <= 60][:1]
        end += name.end() if name else 0
    else:
        name = re.search(
            r"(" + _NAME.pattern + r")(?:,[^,]{0,40},)?\s+(?:has\s+|have\s+)?$",
            sentence[lo : m.start()],
        )
        near = [
            x
            for x in mentions
            if 0 <= m.start() - x.end <= 14 or _GROUP_SPEAKER.fullmatch(sentence[x.end : m.start()])
        ]
        if name and not near:  # "Some in the US Administration have said": the name's actor
            near = [x for x in mentions if lo + name.start(1) <= x.start < lo + name.end(1)][:1]
        clause = lo + name.start(1) if name else (near[0].start if near else clause)
        told = _ADDRESSEE.match(sentence, m.end()) if m.group(0) in ("told", "tells") else None
        if told:  # "Putin told Trump he wanted ...": the one told is no actor of what follows
            end = told.end()
    who = name.group(1) if name else None
    if who is None and not near and not (according or inverted):  # "Kyiv's envoy said"
        owner = [
            x
            for x in mentions
            if sentence[x.end - 2 : x.end] in ("'s", "’s")
            and re.fullmatch(r"\s+(?:[a-z][\w-]*\s+){1,3}", sentence[x.end : m.start()])
        ]
        if owner:
            near, clause = owner[-1:], owner[-1].start
            who = sentence[clause : m.start()].strip()
    actor = near[0].actor if near else None
    group = listed(sentence, mentions, near[-1]) if near and not (according or inverted) else ()
    group = group if len(group) > 1 and actor in group else ()
    if who is None and actor is None:
        return Report()
    comma = re.match(r"\s*,", sentence[end:])
    end += comma.end() if comma else 0
    tail = sentence[end:]
    if re.search(r"[,\"”]\s*(?:the\s+|an?\s+)?$", sentence[:clause]):
        quoted = re.search(r"[,.!?][\"”]\s*(?:the\s+|an?\s+)?$", sentence[:clause])
        if len(re.findall(r"\w+", tail)) <= (12 if quoted else 4) and not _CUE.search(tail):
            # the clause closes the sentence ("..., Rubio said."): what comes before was said
            return Report(0, who or actor, actor, clause, group=group)
        if comma:  # an aside between the subject and its verb
            return Report(0, who or actor, actor, aside=(clause, end), group=group)
    end = end if comma is None or according else end - comma.end()
    return Report(end, who or actor, actor, group=group)

"""The stance of an actor told in a relative clause on an issue: "the ceasefire that Ukraine has
accepted", "a truce, which Moscow rejected", "the exchange the two sides agreed", "an agreement
on prisoners, which we welcome". The relative clause's subject takes the stance of its verb on
the noun the clause hangs on (its antecedent), as event coders read an embedded clause as an
event of its own (PETRARCH, Norris et al. 2017)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.cues import cue_at
from pourparler.evidence.rules.found import Found
from pourparler.evidence.vocabulary import NEGATED_STANCE

__all__ = ["relative_claims"]

# after the antecedent: ", which ", " that " or nothing (a zero relative: "the truce Kyiv took")
_MARKER = re.compile(r"(?:,\s*which|\s+(?:that|which))?\s+")
# between the subject and the verb: "has already", "had not", "still hasn't", "also"
_AUX = re.compile(
    r"\s+(?:(?:still|also|already|first|now|repeatedly|since)\s+)?"
    r"(?:(?:has|have|had|did|does|do)(?:\s*n['’]t|\s+not|\s+never)?\s+)?"
    r"(?:(?:already|also|first|now|since|repeatedly|once\s+again)\s+)?"
)
_NEGATED = re.compile(r"n['’]t|\bnot\b|\bnever\b")
_FIRST_PERSON = re.compile(r"(?:we|I)\b")
_VERB = re.compile(r"[a-z]+(?:ed|s)\b|agreed|welcome|support|accept|reject|back|oppose")


def relative_claims(
    s: agency.View, voice: str | None, known: set[tuple[str, str]], issues: IssueMatcher
) -> list[Found]:
    """Claims of relative clauses on the sentence's issues: the clause's subject (an actor
    named, or "we"/"I" as the text's voice) takes its verb's stance on the issue just before
    it; none already in ``known`` (actor, issue)."""
    out: list[Found] = []
    text = s.text
    for a, b, issue in s.issues:
        m = _MARKER.match(text, b)
        if m is None:
            continue
        at = m.end()
        marked = bool(m.group(0).strip())
        actor = next((x for x in s.mentions if x.start == at), None)
        if actor is not None:
            who, end = actor.actor, actor.end
        elif marked and voice and _FIRST_PERSON.match(text, at):
            who, end = voice, at + (2 if text[at] == "w" else 1)
        else:
            continue
        if not marked and text[b:at].strip():
            continue
        aux = _AUX.match(text, end)
        if aux is None:
            continue
        verb = aux.end()
        found = cue_at(text, verb)
        if found is None or not _VERB.match(text, verb):
            continue
        st: str | None = found[0]
        if _NEGATED.search(aux.group(0)):
            st = NEGATED_STANCE.get(found[0])
        if st not in ("accept", "reject", "propose", "demand") or (who, issue) in known:
            continue
        known.add((who, issue))
        pos = issues.position(issue, text[a:]) if st != "reject" else None
        out.append(Found(who, issue, found[1], st, 0.6, pos, None, st == "reject"))
    return out

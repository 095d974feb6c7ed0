"""The stance of an actor told in a relative clause on an issue: "the ceasefire that Ukraine has
accepted", "a truce, which Moscow rejected", "the exchange the two sides agreed", "an agreement
on prisoners, which we welcome". The relative clause's subject takes the stance of its verb on
the noun the clause hangs on (its antecedent), as event coders read an embedded clause as an
event of its own (PETRARCH, Norris et al. 2017)."""

from __future__ import annotations

import re

from pourparler.evidence import agents as A
from pourparler.evidence.mentions import IssueMatcher
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.cues import clause_end, cue_at
from pourparler.evidence.rules.found import Found
from pourparler.evidence.vocabulary import NEGATED_STANCE

__all__ = ["agreement_claims", "relative_claims"]

# after the antecedent: ", which ", " that " or nothing (a zero relative: "the truce Kyiv took")
_MARKER = re.compile(
    r"(?:(?:\s+(?:in|on|at|since|from)\s+[A-Z0-9][\w-]*(?:\s+[A-Z0-9][\w-]*){0,2}){1,3}"
    r"(?=,\s*which\b))?"
    r"(?:,\s*which|\s+(?:that|which))?\s+(?:the\s+)?"
)
# between the subject and the verb: "has already", "had not", "still hasn't", "also"
_AUX = re.compile(
    r"\s+(?:(?:still|also|already|first|now|repeatedly|since)\s+)?"
    r"(?:(?:has|have|had|did|does|do)(?:\s*n['’]t|\s+not|\s+never)?\s+)?"
    r"(?:(?:already|also|first|now|since|repeatedly|once\s+again)\s+)?"
)
_RELATIVE_WORD = re.compile(r"\b(?:which|that)\b")
_NEGATED = re.compile(r"n['’]t|\bnot\b|\bnever\b")
_FIRST_PERSON = re.compile(r"(?:we|I)\b")
_VERB = re.compile(r"[a-z]+(?:ed|s)\b|agreed|welcome|support|accept|reject|back|oppose")


def _clause_at(s: agency.View, b: int, voice: str | None) -> tuple[str, str, str, int] | None:
    """The relative clause after an antecedent ending at ``b``: (subject, stance, cue text,
    where its verb ends), if one is there."""
    text = s.text
    m = _MARKER.match(text, b)
    if m is None:
        return None
    at = m.end()
    marked = _RELATIVE_WORD.search(m.group(0)) is not None
    actor = next((x for x in s.mentions if x.start == at), None)
    if actor is not None:
        who, end = actor.actor, actor.end
    elif marked and voice and _FIRST_PERSON.match(text, at):
        who, end = voice, at + (2 if text[at] == "w" else 1)
    else:
        return None
    if not marked and text[b:at].strip() not in ("", "the"):
        return None
    aux = _AUX.match(text, end)
    if aux is None:
        return None
    verb = aux.end()
    found = cue_at(text, verb)
    if found is None or not _VERB.match(text, verb):
        return None
    st = NEGATED_STANCE.get(found[0]) if _NEGATED.search(aux.group(0)) else found[0]
    if st not in ("accept", "reject", "propose", "demand"):
        return None
    return who, str(st), found[1], verb + len(found[1])


def relative_claims(
    s: agency.View, voice: str | None, known: set[tuple[str, str]], issues: IssueMatcher
) -> list[Found]:
    """Claims of relative clauses on the sentence's issues: the clause's subject (an actor
    named, or "we"/"I" as the text's voice) takes its verb's stance on the issue just before
    it, and a second clause on the same antecedent ("the ceasefire the United States
    proposed in March, which Ukraine accepted") likewise; none already in ``known``."""
    out: list[Found] = []
    for a, b, issue in s.issues:
        for _ in range(2):
            clause = _clause_at(s, b, voice)
            if clause is None:
                break
            who, st, cue, b = clause
            if (who, issue) in known:
                continue
            known.add((who, issue))
            pos = issues.position(issue, s.text[a:]) if st != "reject" else None
            out.append(Found(who, issue, cue, st, 0.6, pos, None, st == "reject"))
    return out


# "the agreement the two delegations reached to exchange ...", "the deal that Russia and Ukraine
# struck on ...": what the parties of an agreement agreed to
_AGREEMENT = re.compile(r"\b(?:agreement|deal|accord|arrangement)\s+(?:that\s+|which\s+)?")
_REACHED = re.compile(
    r"\s+(?:(?:had|have|has)\s+)?(?:reached|struck|made|concluded|signed|agreed)\s+(?:to|on)\b"
)


def agreement_claims(
    s: agency.View, parties: tuple[str, ...], known: set[tuple[str, str]], issues: IssueMatcher
) -> list[Found]:
    """ "We welcome the agreement the two delegations reached to exchange all prisoners": the
    parties named as reaching an agreement (actors listed, or "the two sides" for the talks'
    parties) accept what it is to do, up to the end of that clause."""
    out: list[Found] = []
    text = s.text
    for m in _AGREEMENT.finditer(text):
        group = A.GROUP.match(text, m.end())
        if group and len(parties) == 2:
            who, end = list(parties), group.end()
        else:
            first = next((x for x in s.mentions if x.start == m.end()), None)
            if first is None:
                continue
            listed = [first]
            for x in s.mentions:
                if x.start > listed[-1].end and re.fullmatch(
                    r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", text[listed[-1].end : x.start]
                ):
                    listed.append(x)
            who, end = list(dict.fromkeys(x.actor for x in listed)), listed[-1].end
        reached = _REACHED.match(text, end)
        if reached is None:
            continue
        stop = clause_end(text, reached.end())
        for a, _b, issue in s.issues:
            if reached.end() <= a < stop:
                for actor in who:
                    if (actor, issue) not in known:
                        known.add((actor, issue))
                        pos = issues.position(issue, text[a:stop])
                        out.append(
                            Found(
                                actor,
                                issue,
                                reached.group(0).strip(),
                                "accept",
                                0.6,
                                pos,
                                None,
                                False,
                            )
                        )
    return out

"""Cues that are nobody's stance: a participle whose agent is no actor ("a peace backed by strong
guarantees"), a proposal said not to exist ("made no demands"), and a cue whose subject is no
one in particular ("there have been calls for", "everyone who has supported this") or a
relative clause's antecedent that is no actor ("Japan and Singapore, which have put sanctions
on"). :func:`pourparler.evidence.rules.cues.find_cues` drops them (event coding keeps only
stances with a source actor: PETRARCH, Norris et al. 2017)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pourparler.evidence.mentions import Mention
    from pourparler.evidence.rules.cues import Cue

__all__ = ["by_someone_else", "no_such_thing", "nobodys"]

_ABSENT_NOUNS = frozenset("proposal counterproposal counter-proposal offer demand".split())
_NO_ANY = re.compile(r"\b(?:no|any)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+|its\s+|their\s+)?")


def by_someone_else(sentence: str, cue: Cue, mentions: list[Mention]) -> bool:
    """ "A peace backed by strong guarantees", "measures imposed by unfriendly states": a
    participle whose agent after "by" is no actor describes its noun; nobody's stance."""
    by = _BY_AGENT.match(sentence, cue.end)
    return (
        by is not None
        and cue.text.lower().endswith("ed")
        and not any(m.start == by.end() for m in mentions)
    )


def no_such_thing(sentence: str, cue: Cue) -> bool:
    """ "Had not received any proposal", "made no demands": a proposal, offer or demand said
    not to exist is nobody's stance."""
    return (
        cue.noun
        and cue.text.lower().rstrip("s") in _ABSENT_NOUNS
        and _NO_ANY.search(sentence, max(0, cue.start - 30), cue.start) is not None
    )


# "there have been calls for", "everyone who has supported this", "resolutions that it
# supported.": a noun with no owner, a subject that is no one in particular, an object that is
# the antecedent of a relative clause ending the sentence
_NOBODYS = re.compile(
    r"\bthere\s+(?:(?:have|has|had)\s+been|are|were|is|was)\s+(?:\w+\s+)?$"
    r"|\b(?:everyone|everybody|anyone|anybody|those|all|others|many|people)\s+who\s+"
    r"(?:(?:has|have|had|also|already|ever)\s+){0,2}$",
    re.IGNORECASE,
)
# ", which have put sanctions on": the antecedent is the subject
_WHICH_BEFORE = re.compile(
    r",\s+(?:which|who)\s+(?:(?:have|has|had|will|would|can|could|also|already|now|since|then)"
    r"\s+){0,2}$",
    re.I,
)
# an antecedent that is a measure or a text, its authors' ("the act signed by Biden, which
# provides funding for ...")
_MEASURE_BEFORE = re.compile(
    r"\b(?:act|law|bill|package|plan|proposal|agreement|deal|measures?|decision|regulations?|"
    r"fund|facility|initiative|programme|program|supplemental|declaration|statement|framework|"
    r"text|memorandum|resolution)\b[^,;]*$",
    re.I,
)
_RELATIVE_SUBJECT = re.compile(
    r"\b(?:that|which)\s+(?:it|they|we|he|she|I)\s+(?:(?:has|have|had|also|already|once)\s+)"
    r"{0,2}$"
)


def nobodys(sentence: str, cue: Cue, mentions: list[Mention]) -> bool:
    """ "There have been calls for the release of ...", "I am grateful to everyone who has
    supported this", "Japan and Singapore, which have put sanctions on" (an antecedent that is
    no actor, nor a measure or text of one; a cue of the speaker's voice excepted),
    "resolutions that it supported.": no actor's stance in the cue's clause (the last, an
    antecedent before the cue, is :mod:`~pourparler.evidence.rules.relative`'s)."""
    window = sentence[max(0, cue.start - 40) : cue.start]
    if _NOBODYS.search(window):
        return True
    which = (
        None if cue.voiced else _WHICH_BEFORE.search(sentence, max(0, cue.start - 40), cue.start)
    )
    if (
        which
        and not any(which.start() - 1 <= m.end <= which.start() for m in mentions)
        and not _MEASURE_BEFORE.search(sentence, max(0, which.start() - 120), which.start())
    ):
        return True
    return bool(_RELATIVE_SUBJECT.search(window) and re.fullmatch(r"\W*", sentence[cue.end :]))

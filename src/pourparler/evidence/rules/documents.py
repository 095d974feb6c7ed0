"""Stances a document carries: the terms a plan sets ("Under the Russian plan, Ukraine would
withdraw ...") and the conditional sentences that tell them in the paragraph naming it. As in
event coding (PETRARCH, Norris et al. 2017), a document is the source of its authors' demands."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher, Mention
from pourparler.evidence.rules import agency, scope
from pourparler.evidence.rules.found import Found

__all__ = ["opens_with_document", "terms", "under_document"]

# a sentence opening with the last document as its subject: "That text would ...", "It would"
_DOCUMENT_OPENS = re.compile(
    r"^\W*(?:(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:memorandum|document|draft|text|paper|"
    r"proposal|plan|terms|blueprint|framework)|it)\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\bwould\b", re.IGNORECASE)
# a document as the subject of what it sets out: "It further provides for ...", "The text
# also envisaged ..."
_SETS_OUT = re.compile(
    r"^\W*(?:it|(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:memorandum|document|draft|text|paper|"
    r"proposal|plan|blueprint|framework)|the\s+(?:first|second|third|former|latter)"
    r"(?:\s+(?:section|part|option|chapter))?)\s+(?:(?:also|further|then|still)\s+)?"
    r"(?:provides?\s+for|provided\s+for|envisag(?:es?|ed)|foresees?|foresaw|stipulates?|"
    r"stipulated|includes?|included|sets?\s+out|lays?\s+out|laid\s+out)\b",
    re.IGNORECASE,
)
_FIRST_PERSON_WORD = re.compile(r"\b(?:I|we|We|our|Our|my|My)\b")
_UNDER = re.compile(
    r"^\W*(?:[Uu]nder|[Aa]ccording to)\s+(?:the|this|that|its|their|[\w'’. -]{1,30}?)\s*"
    r"(?:[\w'’-]+\s+){0,3}?(?:plan|proposal|memorandum|draft|framework|terms|blueprint|deal)s?\b"
    r"[^,]{0,60},"
    # "Under the first, the ceasefire would ...": one of the options the last document set out
    r"|^\W*[Uu]nder\s+the\s+(?:first|second|third|former|latter)"
    r"(?:\s+(?:option|variant|scenario|path|route|track))?\s*,"
)


def opens_with_document(sent: str, pronoun: bool = True) -> bool:
    """ "That text would set ...", "The plan would ...", "It would ..." (``pronoun``): the
    sentence's subject is the last document; without ``pronoun``, only a demonstrative ("That
    text", "This draft") points back to it for certain."""
    m = _DOCUMENT_OPENS.match(sent)
    if m is None:
        return pronoun and _SETS_OUT.match(sent) is not None  # "The first sets out ..."
    return pronoun or re.match(r"\W*(?:this|that)\s", m.group(0), re.IGNORECASE) is not None


def terms(s: agency.View, named: tuple[tuple[str, ...], str], issues: IssueMatcher) -> list[Found]:
    """ "When the American plan leaked ... Kyiv would write into its constitution that it
    will never join NATO. Its army would be capped at 600,000.": in the paragraph that
    names a document, a sentence in the conditional without a stance of its own tells
    its terms, its author's (:func:`~pourparler.evidence.agents.document_terms`), and so does
    one with the document as the subject of what it sets out ("It further provides for
    ...")."""
    if not (_CONDITIONAL.search(s.text) or _SETS_OUT.match(s.text)) or _FIRST_PERSON_WORD.search(
        s.text
    ):
        return []
    authors, st = named
    return [
        Found(actor, issue, "(terms)", st, 0.5, issues.position(issue, s.text), None, False)
        for issue in dict.fromkeys(i[2] for i in s.issues)
        for actor in authors
    ]


def under_document(s: agency.View, last_document: str | None, issues: IssueMatcher) -> list[Found]:
    """ "Under the Russian plan, Ukraine would withdraw from Donetsk", "Under the second
    option, ...": the terms a document sets are its author's demands (the author named in the
    phrase, else the last document named); what they make wait for a requirement ("a
    ceasefire only once ...") is a condition."""
    m = _UNDER.match(s.text)
    if m is None:
        return []
    owners: list[Mention] = [x for x in s.mentions if x.end <= m.end()]
    actor = owners[-1].actor if owners else last_document
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
        Found(actor, issue, "under", st, 0.6, issues.position(issue, rest), None, False)
        for issue, st in pairs
    ]

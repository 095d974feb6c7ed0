"""Agent rules for documents: a document standing for its author ("The memorandum requires
...", "the Russian plan, which demands ...", "the proposal put forward by the United States",
"The document also seeks ..."). As in PETRARCH (Norris et al. 2017), a document's terms are
its author's stance."""

from __future__ import annotations

import re

from pourparler.evidence import agents as A
from pourparler.evidence.rules.agent_types import SKIP, Agents, Context, View
from pourparler.evidence.rules.cues import Cue, clause_start

__all__ = [
    "document_authors",
    "document_cue",
    "document_relative",
    "noun_authored_by",
    "the_document",
]

# "the proposal for a ceasefire put forward by the United States": the noun's author after it
_AUTHORED_BY = re.compile(
    r"[^.;:!?()\[\]]{0,80}?\b(?:put\s+forward|proposed|presented|tabled|made|submitted|offered|"
    r"drafted|advanced|floated|set\s+out)\s+by\s+(?:the\s+)?"
)


def noun_authored_by(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "welcomes the proposal for a ceasefire put forward by the United States": a noun cue
    whose author is named after it ("... by X") is X's, not the subject's of the clause."""
    if not cue.noun:
        return None
    by = _AUTHORED_BY.match(s.text, cue.end)
    if by is None:
        return None
    after = [m for m in s.mentions if m.start == by.end()]
    return Agents([after[0].actor], 1.0, lo, True) if after else None


_DOCUMENT_NOUN = re.compile(
    r"\b(?:memorandum|document|draft|text|paper|proposal|plan|terms|blueprint|deal|agreement|"
    r"framework|treaty|accord)s?\b",
    re.IGNORECASE,
)


# "it" opening the clause, after a participial phrase ("Published by TASS, it would oblige")
_IT_SUBJECT = re.compile(r"\W*(?:(?:[A-Z][a-z]+ed|[A-Z][a-z]+ing)\b[^,]{0,80},\s*)?it\b", re.I)


def document_authors(ctx: Context, factor: float, lo: int) -> Agents | None:
    """The authors of the last document named ("Britain, France and Germany circulated a
    counter-proposal. That text would seek ...": all three)."""
    if ctx.document:
        return Agents(list(ctx.document[0]), factor, lo)
    return Agents([ctx.last_document], factor, lo) if ctx.last_document else None


def document_cue(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "The memorandum requires ...", "the plan would bind Kyiv to ...": a document's terms,
    the demand of its author (named with it, or the last document named when the clause opens
    with "it" or "the document"); these cues have no other agent."""
    if not re.match(r"(?:requir|bind|oblig)", cue.text, re.IGNORECASE):
        return None
    region = s.text[lo : cue.start]
    doc = _DOCUMENT_NOUN.search(region)
    if doc:
        owners = [m for m in s.mentions if lo <= m.start and m.end <= doc.start()]
        if owners:
            return Agents([owners[-1].actor], 1.0, lo, True)
    if ctx.last_document and (doc or (ctx.it_document and _IT_SUBJECT.match(region))):
        return document_authors(ctx, 0.85, lo)
    return SKIP


# "its memorandum, which demands", "the memorandum of the Russian side, which would require"
_WHICH_BEFORE = re.compile(r"\b(?:which|that)\s+(?:(?:would|will|also|still|now|again)\s+){0,2}$")
_OF_OWNER = re.compile(r"\s+(?:of|by|from)\s+(?:the\s+)?")
_ITS = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def document_relative(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "Russia's delegation presented its memorandum, which demands that Ukraine withdraw",
    "the memorandum of the Russian side, which would require ...": the verb of a relative
    clause on a document is its author's: the actor named with the document (before it, or
    after "of"), or for "its memorandum" the first actor of the clause."""
    which = _WHICH_BEFORE.search(s.text, max(0, cue.start - 40), cue.start)
    if which is None:
        return None
    head = s.text[: which.start()].rstrip(" ,")
    docs = list(_DOCUMENT_NOUN.finditer(head, max(0, len(head) - 80)))
    if not docs:
        return None
    doc = docs[-1]
    clause = clause_start(s.text, doc.start())
    before = [m for m in s.mentions if clause <= m.start and m.end <= doc.start()]
    if before and len(s.text[before[-1].end : doc.start()].split()) <= 3:
        owner = before[-1].actor  # "Russia's memorandum", "the Russian draft"
    elif (of := _OF_OWNER.match(s.text, doc.end())) and (
        after := [m for m in s.mentions if m.start == of.end()]
    ):
        owner = after[0].actor
    elif before and _ITS.search(s.text, max(0, doc.start() - 40), doc.start()):
        owner = before[0].actor  # "Russia's delegation presented its memorandum, which"
    else:
        return None
    return Agents([owner], 1.0, lo, True)


def the_document(s: View, cue: Cue, lo: int, ctx: Context) -> Agents | None:
    """ "The document also seeks ...": the author of the last document named."""
    if A.DOCUMENT_SUBJECT.match(s.text[lo : cue.start]) and ctx.last_document:
        return document_authors(ctx, 1.0, lo)
    return None

"""The items of a list of commitments: "Both the US and European leaders committed to work
together ... This would include commitments to:" followed by paragraphs that each state one
commitment ("Provide sustained support to Ukraine ...", "A European-led force ..."). Each item
is what the committed actors take on, in the stance of the commitment, whatever modal the item
itself uses; an actor the item names itself keeps its own reading ("... supported by the US").
A list header passes its source and verb to the items it governs (the enumerated-predicate
case of KEDS/TABARI's compound-sentence handling, Schrodt 2001)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher, Mention
from pourparler.evidence.rules.found import Found

__all__ = ["HEADER", "Commitment", "header", "item_claims", "opens_item"]

# a header that refers back to the last commitment: "This would include commitments to:",
# "These include:", "They commit to the following:"
HEADER = re.compile(
    r"^\W*(?:This|These|They|It|Those|That)\s+(?:(?:would|will|shall|also|further)\s+){0,2}"
    r"(?:include[sd]?|comprise[sd]?|cover(?:s|ed)?|mean[st]?|commit(?:s|ted)?\s+to|"
    r"consist(?:s|ed)?\s+of)\b[^:]{0,60}:\s*$"
)
_COMMITTING = frozenset({"propose", "accept"})
# what opens a paragraph that is an item: a bare verb ("Provide", "Ensure") or an indefinite
# noun phrase ("A European-led force ..."); not "The", "We", a name, "Work will ..."
_ITEM_OPENS = re.compile(
    r"^\W*(?:(?:A|An)\s+|(?!(?:The|This|These|That|Those|It|Its|They|Their|We|Our|I|In|On|At|"
    r"As|For|With|By|If|When|While|Since|After|Before|However|But|And|Leaders|President|"
    r"Prime|Chancellor|Minister|Secretary)\b)[A-Z][a-z]+(?<![^s]s)(?<!ed)(?<!ing)\s+"
    r"(?!(?:will|would|should|must|shall|can|could|may|might|is|are|was|were|has|have|had|"
    r"does|do|did)\b)[a-z])"
)

Commitment = tuple[tuple[str, ...], str]


def header(
    sent: str, agents: list[tuple[str, str]], previous: list[tuple[str, str]]
) -> Commitment | None:
    """The actors and stance a header ending in ':' hands to its items: its own agents, or,
    for "This would include commitments to:", those of the sentence before it; None when
    neither committed to anything."""
    if not sent.rstrip().endswith(":"):
        return None
    pairs = agents or (previous if HEADER.match(sent) else [])
    pairs = [(a, st) for a, st in pairs if st in _COMMITTING]
    if not pairs:
        return None
    return tuple(dict.fromkeys(a for a, _ in pairs)), pairs[0][1]


def opens_item(sent: str, mentions: list[Mention]) -> bool:
    """Whether a paragraph opening with ``sent`` is an item of the list before it."""
    return bool(_ITEM_OPENS.match(sent)) and not any(m.start < 3 for m in mentions)


def item_claims(
    sent: str,
    found: list[Found],
    issue_ids: list[str],
    named: set[str],
    commitment: Commitment,
    issues: IssueMatcher,
) -> list[Found]:
    """The claims of an item: the committed actors' stance on each of its issues, in place of
    their own readings of the item; others' claims and those of the committed actors the item
    names itself (``named``) stay as read."""
    actors, st = commitment
    taking = [a for a in actors if a not in named]
    out = [f for f in found if f.actor not in taking]
    for actor in taking:
        for issue in dict.fromkeys(issue_ids):
            pos = issues.position(issue, sent)
            out.append(Found(actor, issue, "(commitment)", st, 0.6, pos, None, False))
    return out

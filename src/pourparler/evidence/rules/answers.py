"""A minister's answer that adopts the question put ("Will the Minister press for the return of
the children?" — "Yes."): the question's content becomes the answering government's stance
(docs/evidence-annotation.md, Parliament), read as if the minister had said it."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from pourparler.evidence.rules.found import Found

__all__ = ["adopted"]

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


def adopted(
    question: str,
    known: set[tuple[str, str]],
    speaker: str | None,
    read: Callable[[str], list[Found]],
) -> list[Found]:
    """The claims of ``speaker`` that answering ``question`` with assent adopts: the question
    turned into the speaker's statement ("Will the Minister press for X" -> "We press for X";
    "... agree that X" -> "X") and read by ``read``; the first stance on each issue answers,
    and none already in ``known``."""
    asked = question.strip().rstrip('?"”’) ')
    frame = _QUESTION_FRAME.match(asked)
    if frame is None:
        return []
    said = ("" if frame.group(1) else "We ") + asked[frame.end() :] + "."
    said = _ASKED_AGAIN.sub(r"we \1", said)  # "... and will he rule out X" -> "we will"
    out: dict[tuple[str, str], Found] = {}
    for f in read(said):
        if f.actor == speaker and (f.actor, f.issue) not in known:
            out.setdefault((f.actor, f.issue), dataclasses.replace(f, confidence=0.6))
    return list(out.values())

"""The text around a claim's sentence in its document, for a person reviewing the claim: who
"he" is, what "this offer" was, whether the sentence reports or quotes. Read from the stored
document text by the claim's offsets (``evidence review`` at a terminal, the web app's claim
page)."""

from __future__ import annotations

import re

CONTEXT_CHARS = 700  # characters of the document read on each side of a claim's sentence

# The text before the sentence (at most ? characters), the sentence, the text after (at most ?),
# of the claim with id ?, from the stored document text (the offsets are characters).
CONTEXT_SQL = (
    "SELECT substr(d.text, max(1, c.start + 1 - ?), min(c.start, ?)), "
    'substr(d.text, c.start + 1, c."end" - c.start), '
    'substr(d.text, c."end" + 1, ?) '
    "FROM claims c JOIN documents d ON d.id = c.document_id WHERE c.id = ?"
)

_PARAGRAPH_BREAK = re.compile(r"\n+")


def context_args(claim_id: int, chars: int = CONTEXT_CHARS) -> list[int]:
    """The parameters of :data:`CONTEXT_SQL`."""
    return [chars, chars, chars, claim_id]


def context_of(row: tuple[object, ...] | None, read: int = CONTEXT_CHARS) -> tuple[str, str, str]:
    """The text shown around a sentence from a :data:`CONTEXT_SQL` row (None: no such claim):
    before it from the start of the paragraph before the sentence's own, the sentence, and after
    it to the end of the paragraph after its own. Where the ``read`` characters run out first,
    the text is cut at a word and marked with "…"."""
    if row is None:
        return "", "", ""
    before, sentence, after = (v if isinstance(v, str) else "" for v in row)
    head, tail = around(before, after, read)
    return head, sentence, tail


def around(before: str, after: str, read: int = CONTEXT_CHARS) -> tuple[str, str]:
    """``before`` from the start of the paragraph before the sentence's own, ``after`` to the
    end of the paragraph after its own; cut at a word with "…" where ``read`` characters run
    out first."""
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(before)]
    if len(breaks) >= 2:
        head = before[breaks[-2] :]
    elif len(before) >= read and " " in before:
        head = "…" + before[before.find(" ") + 1 :]
    else:
        head = before
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(after)]
    if len(breaks) >= 2:
        tail = after[: breaks[1]]
    elif len(after) >= read and " " in after:
        tail = after[: after.rfind(" ")] + "…"
    else:
        tail = after
    return head, tail

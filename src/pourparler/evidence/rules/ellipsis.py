"""A stance told by verb-phrase ellipsis: "Ukraine accepted the ceasefire; Russia still hasn't",
"Putin should agree to a full ceasefire, as Ukraine has done". The actor of the elided clause
takes the stance of the last cue before it on that cue's issues, flipped when the elided verb
is negated; in event coding the second subject of a gapped clause is a source of its own
(KEDS/TABARI compound-subject handling, Schrodt 2001)."""

from __future__ import annotations

import re

from pourparler.evidence.mentions import IssueMatcher
from pourparler.evidence.rules import agency
from pourparler.evidence.rules.cues import clause_start, cue_at
from pourparler.evidence.rules.found import Found
from pourparler.evidence.vocabulary import NEGATED_STANCE

__all__ = ["elided_claims"]

# what opens the elided clause: "; Russia", ", but Moscow", ", as Ukraine"
_OPENS = re.compile(r"(?:[;,]\s*(?:(?:but|and|while|whereas|yet)\s+)?|\s(?:but|while|whereas)\s+)$")
_AS = re.compile(r"(?:,|\s[–—-])\s*(?:just\s+)?as\s+$")  # ", as Ukraine has" or "– as ... –"
# the elided verb phrase, ending its clause: "still hasn't", "has not yet", "has done so too"
_AUX_END = re.compile(
    r"\s+(?:(?:still|also|already|now)\s+)?(?:has|have|had|did|does|do)"
    r"(?P<neg>\s*n['’]t|\s+not|\s+never)?"
    r"(?P<same>(?:\s+(?:yet|too|so|already|done|the\s+same|as\s+well|likewise))*)"
    r"\s*(?:[.;,!]|\s[–—-]\s|$)"
)
_MODAL = re.compile(r"(?:should|must|need|has\s+to|have\s+to|ought)\b", re.IGNORECASE)
_WORD = re.compile(r"\b[a-zA-Z]")


def _last_cue(text: str, lo: int, hi: int) -> tuple[int, str, str] | None:
    """The last stance cue that is no modal starting between ``lo`` and ``hi``: (start, stance,
    text)."""
    best = None
    for w in _WORD.finditer(text, lo, hi):
        found = cue_at(text, w.start())
        if found and found[0] != "condition" and not _MODAL.match(found[1]):
            best = (w.start(), found[0], found[1])
    return best


def elided_claims(
    s: agency.View, voice: str | None, known: set[tuple[str, str]], issues: IssueMatcher
) -> list[Found]:
    """Claims of the subjects of elided verb phrases; none already in ``known``."""
    out: list[Found] = []
    text = s.text
    for m in s.mentions:
        aux = _AUX_END.match(text, m.end)
        if aux is None or text[m.end - 2 : m.end] in ("'s", "’s"):
            continue
        before = text[: m.start]
        as_done = _AS.search(before)
        if not (as_done or _OPENS.search(before)):
            continue
        negated = bool(aux.group("neg"))
        if not (negated or as_done or aux.group("same").strip()):
            continue  # "..., and Russia has.": no mark of a repeated stance
        opener = as_done or _OPENS.search(before)
        lo = min(clause_start(text, max(0, m.start - 2)), opener.start() if opener else m.start)
        cue = _last_cue(text, clause_start(text, lo - 1) if lo else 0, m.start)
        if cue is None:
            continue
        start, stance, cue_text = cue
        st = NEGATED_STANCE.get(stance) if negated else stance
        if st is None or st not in ("accept", "reject", "propose", "demand"):
            continue
        for a, _b, issue in s.issues:
            if start < a < m.start and (m.actor, issue) not in known:
                known.add((m.actor, issue))
                pos = issues.position(issue, text[a:]) if st != "reject" else None
                out.append(Found(m.actor, issue, cue_text, st, 0.6, pos, None, negated))
    return out

"""When a stance was taken, as the text dates it: "In March, Russia rejected ..." is dated to
that March, not to the article's date. Only stances told in the past tense are dated; a month
without a year is the latest such month not after the document's date."""

from __future__ import annotations

import datetime as dt
import re

from pourparler.evidence.rules.cues import Cue, clause_start

_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_MONTH = "|".join(_MONTHS)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH})"
    rf"|(?P<m2>{_MONTH})(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?)(?:,?\s+(?P<y1>(?:19|20)\d\d))?\b"
    r"|\b(?i:in|since|during)\s+(?P<y2>(?:19|20)\d\d)\b"
    r"|\b(?P<last>[Ll]ast|[Tt]his)\s+(?P<unit>year|month)\b"
)
_PAST_AUX = re.compile(
    r"\b(?:did|had|was|were)\s+(?:not\s+|never\s+|n['’]t\s+)?(?:\w+\s+)?$|n['’]t\s+$", re.IGNORECASE
)
_IRREGULAR = frozenset(
    "sought made put set gave took rejected said told stood kept sent held brought drew chose "
    "withdrew".split()
)
_RELATIVE = re.compile(r",\s+(?:who|whose|which)\b[^,]*,")  # another verb's dates
_END = re.compile(r"[;—–]|,\s+(?:and|but|while|whereas)\b")


def past(sentence: str, cue: Cue) -> bool:
    """The cue tells a stance in the past tense ("rejected", "did not accept", "had sought")."""
    first = cue.text.split()[0].lower()
    region = sentence[clause_start(sentence, cue.start) : cue.start]
    return first.endswith("ed") or first in _IRREGULAR or bool(_PAST_AUX.search(region))


def _iso(m: re.Match[str], published: dt.date | None) -> str | None:
    last = (m.group("last") or "").lower()
    if last:
        if published is None:
            return None
        if m.group("unit") == "year":
            return f"{published.year - (last == 'last'):04d}"
        back = last == "last"
        y, mo = (published.year, published.month - 1) if back else (published.year, published.month)
        if mo == 0:
            y, mo = y - 1, 12
        return f"{y:04d}-{mo:02d}"
    if m.group("y2"):
        return m.group("y2")
    month = _MONTHS.index(m.group("m1") or m.group("m2")) + 1
    day = m.group("d1") or m.group("d2")
    given = m.group("y1")
    if given is None and published is None:
        return None
    later = (month, int(day or 0)) > (published.month, published.day) if published else False
    year = given or f"{published.year - later:04d}" if published else given
    out = f"{year}-{month:02d}"
    return f"{out}-{int(day):02d}" if day and 1 <= int(day) <= 31 else out


def stated_on(sentence: str, cue: Cue, published: dt.date | None) -> str | None:
    """The date (ISO 8601: "2025-03-11", "2025-03" or "2025") the sentence gives for the
    stance of ``cue`` when it is told in the past: a date in the cue's clause, the nearest
    before the cue first ("In March, Russia rejected ...", "agreed on 10 July that"), else
    one after it in the clause ("Russia rejected the plan on 10 July"); None when there is
    none."""
    if not past(sentence, cue):
        return None
    lo = clause_start(sentence, cue.start)
    end = _END.search(sentence, cue.end)
    hi = end.start() if end else len(sentence)
    asides = [(r.start(), r.end()) for r in _RELATIVE.finditer(sentence)]
    found = [
        m
        for m in _DATE.finditer(sentence)
        if lo <= m.start() and m.end() <= hi and not any(a <= m.start() < b for a, b in asides)
    ]
    before = [m for m in found if m.end() <= cue.start]
    after = [m for m in found if m.start() >= cue.end]
    inside = [m for m in found if cue.start <= m.start() and m.end() <= cue.end]
    for m in inside[:1] + before[-1:] + after[:1]:
        iso = _iso(m, published)
        if iso:
            return iso
    return None

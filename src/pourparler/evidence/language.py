"""Whether an article is in English, which the rules reader reads (its cues, names and issue
terms are English words): a text mostly in another script (Cyrillic, say: a Kremlin transcript
or a Ukrainian ministry's page) or in Latin script with few of the commonest English words
(French, German) gets a short description of why it seems not to be English, so that an
analyst who adds it learns why it gave no claims instead of guessing. Short texts are not
judged."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_LETTERS = 200  # fewer letters than this: not judged
MIN_WORDS = 60  # Latin-script words needed to judge by the commonest English words
ENGLISH_SHARE = 0.08  # English prose has 25-40% of these words; French or German under 3%
_LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B; IPA and other scripts from here
_WORD = re.compile(r"[A-Za-z]+")
_COMMONEST = frozenset(
    "the of and to in is that for on it with as was be by are this at from not have has had "
    "will would its their which or an were been they he she we our his her who said also".split()
)


def not_english(text: str) -> str | None:
    """Why ``text`` seems not to be in English ("mostly Cyrillic script", "few common English
    words"); None when it is, or too short to judge."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    other = [c for c in letters if c >= _LATIN_END]
    if len(other) * 2 > len(letters):
        scripts = Counter(unicodedata.name(c, "OTHER ?").split()[0] for c in other)
        script = scripts.most_common(1)[0][0]
        return f"mostly {script if script == 'CJK' else script.title()} script"
    words = _WORD.findall(text)
    if len(words) < MIN_WORDS:
        return None
    share = sum(w.lower() in _COMMONEST for w in words) / len(words)
    if share < ENGLISH_SHARE:
        return f"few common English words ({share:.0%} of its words)"
    return None

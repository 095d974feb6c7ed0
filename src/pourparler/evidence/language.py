"""Whether an article is in English, which the rules reader reads (its cues, names and issue
terms are English words): a text mostly in another script (Cyrillic, say: a Kremlin transcript
or a Ukrainian ministry's page), or in Latin script with few of the commonest English words and
many of another language's (French, German), gets a short description of what it seems to be,
so that an analyst who adds it learns why it gave no claims instead of guessing. Short texts,
and texts with few common words of any language (a list of names), are not judged."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_LETTERS = 200  # fewer letters than this: not judged
MIN_WORDS = 60  # Latin-script words needed to judge by the commonest words
COMMON_SHARE = 0.08  # English prose has 20-40% of its commonest words; other languages under 3%
_LATIN_END = "\u0250"  # Basic Latin to Latin Extended-B; IPA and other scripts from here
_WORD = re.compile(r"[^\W\d_]+")
# The commonest words of each language (function words), lower case.
COMMONEST: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "English": "the of and to in is that for on it with as was be by are this at from not "
        "have has had will would its their which or an were been they he she we our his her "
        "who said also",
        "German": "der die das und ist nicht mit sich auf für dem den des ein eine einen zu von "
        "im auch wird sie es bei nach wie aus noch",
        "French": "de le la les des et est une un du pour que qui dans pas sur au aux ce cette il "
        "elle ont sont par avec plus ne se",
        "Spanish": "de el la los las y que en por para con una un del se no es al lo como más su "
        "sus pero este esta",
        "Italian": "il di che non per una un del della le gli con sono è nel alla anche come "
        "più ha dei delle questo",
        "Portuguese": "o os as que não em uma um do da dos das para com por se é mais ao como "
        "foi pelo pela",
        "Dutch": "de het een en van is niet op te dat die met voor zijn ook aan er maar om "
        "worden wordt",
        "Polish": "i w z na się nie że to do jest o od po jak za przez oraz ale już tak jego jej",
    }.items()
}
# Letters that tell Ukrainian from Russian in Cyrillic text.
_UKRAINIAN, _RUSSIAN = frozenset("іїєґІЇЄҐ"), frozenset("ыэъёЫЭЪЁ")


def not_english(text: str) -> str | None:
    """What ``text`` seems to be when it is not English ("mostly Cyrillic script, likely
    Russian", "mostly French words"); None when it is English, or cannot be judged."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    other = [c for c in letters if c >= _LATIN_END]
    if len(other) * 2 > len(letters):
        scripts = Counter(unicodedata.name(c, "OTHER ?").split()[0] for c in other)
        script = scripts.most_common(1)[0][0]
        named = script if script == "CJK" else script.title()
        if script == "CYRILLIC":
            uk = sum(c in _UKRAINIAN for c in other)
            ru = sum(c in _RUSSIAN for c in other)
            if uk != ru:
                return f"mostly Cyrillic script, likely {'Ukrainian' if uk > ru else 'Russian'}"
        return f"mostly {named} script"
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    shares = {
        language: sum(w in common for w in words) / len(words)
        for language, common in COMMONEST.items()
    }
    english = shares.pop("English")
    language, share = max(shares.items(), key=lambda kv: kv[1])
    if english < COMMON_SHARE <= share and share > 2 * english:
        return f"mostly {language} words ({share:.0%} of its words are its commonest)"
    return None

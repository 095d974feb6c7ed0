"""Sentences, and mentions of a scenario's actors, issues and options in them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from pourparler.evidence import vocabulary as V
from pourparler.evidence.issue_terms import ISSUE_CONCEPTS, OPPOSITE_CONCEPTS
from pourparler.evidence.option_terms import OPTION_PHRASES
from pourparler.scenario import Scenario
from pourparler.scenario.model import Option

_ABBREV = frozenset(
    "u.s u.k e.u mr mrs ms dr st gen sen rep gov prof jan feb mar apr jun jul aug sep sept "
    "oct nov dec no vs e.g i.e etc a.m p.m hon rt lt col".split()
)


# the only characters outside ASCII that a case-insensitive pattern matches with an ASCII
# letter: folded to that letter (with ``str.lower``) before looking for a pattern's literal
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """``text`` in lower case for :func:`literal_prefix` tests: every substring a
    case-insensitive pattern matches contains the pattern's literal, lower-cased, here."""
    return text.translate(_FOLD).lower()


def _alternatives(pattern: str, start: int = 0) -> tuple[list[str], int]:
    """The alternatives of ``pattern[start:]`` up to the ``)`` closing the group it is in
    (or the end), and the index of that ``)`` (or the length)."""
    parts: list[str] = []
    depth, first, escaped, in_class = 0, start, False, False
    for i in range(start, len(pattern)):
        ch = pattern[i]
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return [*parts, pattern[first:i]], i
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[first:i])
            first = i + 1
    return [*parts, pattern[first:]], len(pattern)


@functools.lru_cache(maxsize=4096)
def literal_prefixes(pattern: str) -> tuple[str, ...]:
    """Letters one of which every match of ``pattern`` starts with (lower-cased), or ``()``
    when unknown: a quick test that skips patterns which cannot match a sentence."""
    out: list[str] = []
    for branch in _alternatives(pattern)[0]:
        if branch.startswith("(?:"):  # a group of alternatives, not optional
            group, close = _alternatives(branch, 3)
            if close == len(branch) or branch[close + 1 : close + 2] in ("?", "*", "{"):
                return ()
            found = [literal_prefixes(x) for x in group]
            if not all(found):
                return ()
            out += [x for f in found for x in f]
            continue
        i = 0
        while i < len(branch) and branch[i].isascii() and branch[i].isalpha():
            i += 1
        if i < len(branch) and branch[i] in "?*{":
            i -= 1  # the last letter is optional
        if i <= 0:
            return ()
        out.append(branch[:i].lower())
    return tuple(out)


_GROUP_OPENERS = ("(?:", "(?-i:", "(?<!", "(?<=", "(?!", "(?=")


@functools.lru_cache(maxsize=4096)
def required_literals(pattern: str) -> tuple[str, ...]:
    """Letters one of which every match of ``pattern`` contains (lower-cased), or ``()`` when
    unknown: of the pattern's mandatory parts (a run of letters, a group of alternatives each
    starting with letters) the one whose shortest literal is longest — "exchange" rather than
    "the" in "(?:the|an?) (?:exchanges?|swaps?)" — a sharper quick test than
    :func:`literal_prefixes`."""
    candidates = [literal_prefixes(pattern)]
    if len(_alternatives(pattern)[0]) > 1:
        return candidates[0]
    i = 0
    while i < len(pattern):
        opener = next((o for o in _GROUP_OPENERS if pattern.startswith(o, i)), None)
        if opener is not None:
            parts, close = _alternatives(pattern, i + len(opener))
            optional = pattern[close + 1 : close + 2] in ("?", "*", "{")
            if opener in ("(?:", "(?-i:") and not optional:
                found = [literal_prefixes(x) for x in parts]
                if all(found):
                    candidates.append(tuple(x for f in found for x in f))
            i = close + 1
        elif pattern[i] == "\\":
            i += 2
        elif pattern[i] == "[":
            i = pattern.find("]", i + 1) + 1 or len(pattern)
        elif pattern[i] == "(":
            return candidates[0]  # a capturing or other group: not read
        elif pattern[i].isascii() and pattern[i].isalpha():
            j = i
            while j < len(pattern) and pattern[j].isascii() and pattern[j].isalpha():
                j += 1
            run = pattern[i:j]
            if j < len(pattern) and pattern[j] in "?*{":
                run = run[:-1]  # the last letter is optional
            if run:
                candidates.append((run.lower(),))
            i = j
        else:
            i += 1
    known = [c for c in candidates if c]
    return max(known, key=lambda c: min(map(len, c))) if known else ()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


MAX_SENTENCE = 600  # characters; a longer run without a sentence end is cut at spaces
_END = re.compile(r"(?<![.!?])[.!?]+[\"”’)]*(?:\[\d{1,3}\])*\s+(?=[\"“‘(]?[A-Z0-9])")
_LAST_WORD = re.compile(r"\S+$")
_WORD_WINDOW = 40  # characters before a full stop searched for the word it ends


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """Sentence spans: lines are paragraphs; inside them, split at . ! ? before a capital.
    A span longer than :data:`MAX_SENTENCE` is cut at spaces, which keeps extraction linear
    in the length of any text."""
    for a, b in _sentences(text):
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + 1, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            if text[a:cut].strip():
                yield a, cut
            a = cut
            while a < b and text[a].isspace():
                a += 1
        if a < b:
            yield a, b


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    for para in re.finditer(r"[^\n]+", text):
        p0, s = para.start(), para.group(0)
        start = 0
        for m in _END.finditer(s):
            lo = max(start, m.start() - _WORD_WINDOW)
            word = _LAST_WORD.search(s, lo, m.start() + 1)
            if word and word.start() == lo > start and not s[lo - 1].isspace():
                token = ""  # longer than the window: not an abbreviation
            else:
                token = word.group(0).lower().rstrip(".").lstrip('("“') if word else ""
            if token == "no" and not s[m.end() : m.end() + 1].isdigit():
                pass  # "No. We resumed ...": an answer, not "No. 10"
            elif token in _ABBREV or re.fullmatch(r"[a-z]", token):
                continue
            end = m.start() + len(m.group(0).rstrip())
            if s[start:end].strip():
                yield p0 + start, p0 + end
            start = m.end()
        if s[start:].strip():
            yield p0 + start, p0 + len(s.rstrip())


class ActorMatcher:
    """Finds mentions of the scenario's actors by id, name and aliases (case-sensitive; a name
    of several words also with each word capitalised: "the Biden Administration")."""

    def __init__(self, scenario: Scenario) -> None:
        names: list[tuple[str, str]] = []
        for a in scenario.actors:
            for n in {a.id, a.name, *a.aliases}:
                if len(n) >= 2:
                    names.append((n, a.id))
                    capitalised = " ".join(w[:1].upper() + w[1:] for w in n.split(" "))
                    if " " in n and capitalised != n:
                        names.append((capitalised, a.id))
        names.sort(key=lambda x: (-len(x[0]), x[0], x[1]))  # longest first, deterministic
        self._actor = {n: aid for n, aid in names}
        alt = "|".join(re.escape(n) for n, _ in names)
        self._re = re.compile(r"(?<![\w])(" + alt + r")(?:['’]s?)?(?![\w])")
        self._last: tuple[str | None, list[Mention]] = (None, [])

    def find(self, text: str) -> list[Mention]:
        if text != self._last[0]:  # a sentence is looked at several times in a row
            self._last = (
                text,
                [
                    Mention(m.start(), m.end(), self._actor[m.group(1)])
                    for m in self._re.finditer(text)
                ],
            )
        return list(self._last[1])


@functools.cache
def _phrase(pattern: str) -> re.Pattern[str]:
    """A dictionary phrase compiled once per process: the hundreds of issue and option phrases
    outnumber the ``re`` module's own cache, and a reader is built for every document."""
    return re.compile(pattern, re.I)


class IssueMatcher:
    """Finds mentions of the scenario's issues and the option a passage names."""

    def __init__(self, scenario: Scenario) -> None:
        pats: list[tuple[re.Pattern[str], str]] = []
        self._implied: dict[str, list[tuple[re.Pattern[str], float]]] = {}
        self._opposed: list[tuple[re.Pattern[str], str]] = []
        for issue in scenario.issues:
            label = f"{issue.id} {issue.name}".lower().replace("_", " ")
            for concept, (keys, phrases) in ISSUE_CONCEPTS.items():
                if issue.id == concept or (
                    not any(i.id == concept for i in scenario.issues)
                    and any(k in label for k in keys)
                ):
                    pats += [(_phrase(r"(?<!\w)" + p + r"(?!\w)"), issue.id) for p in phrases]
                    self._opposed += [
                        (_phrase(r"(?<!\w)" + p + r"(?!\w)"), issue.id)
                        for p in OPPOSITE_CONCEPTS.get(concept, ())
                    ]
                    self._implied.setdefault(issue.id, []).extend(
                        implied_options(OPTION_PHRASES.get(concept, ()), issue.options)
                    )
            words = [
                w
                for w in re.findall(r"[a-z][a-z-]{3,}", issue.name.lower())
                if w not in V.STOPWORDS
            ]
            if not any(i == issue.id for _, i in pats) and words:
                pats.append(
                    (
                        re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")\w*", re.I),
                        issue.id,
                    )
                )
        self._pats = [
            (pat, iid, required_literals(pat.pattern[len("(?<!\\w)") :])) for pat, iid in pats
        ]
        self._index()
        self._last: tuple[str | None, list[tuple[int, int, str]]] = (None, [])
        self._options: dict[str, list[tuple[float, set[str]]]] = {}
        for issue in scenario.issues:
            toks = [set(_tokens(o.label)) for o in issue.options]
            common = {t for t in set().union(*toks) if sum(t in s for s in toks) > 1}
            self._options[issue.id] = [
                (o.value, s - common) for o, s in zip(issue.options, toks, strict=True)
            ]

    def _index(self) -> None:
        """Every literal once: a sentence is searched for each of them once, not once a
        pattern, and only the patterns of the literals found are tried."""
        self._by_literal: dict[str, list[int]] = {}
        for k, (_, _, lits) in enumerate(self._pats):
            for x in lits:
                self._by_literal.setdefault(x, []).append(k)
        self._always = [k for k, (_, _, lits) in enumerate(self._pats) if not lits]
        self._indexed = self._pats

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Issue mentions in ``text``, the longest where phrases overlap (:func:`longest`);
        a pattern is tried only when ``text`` holds one of its required literals."""
        if text == self._last[0]:  # a sentence is looked at several times in a row
            return list(self._last[1])
        if self._indexed is not self._pats:
            self._index()
        spans: list[tuple[int, int, str]] = []
        folded = fold(text)
        tried = set(self._always)
        for x, ks in self._by_literal.items():
            if x in folded:
                tried.update(ks)
        for k in sorted(tried):
            pat, iid, _ = self._pats[k]
            spans += [(m.start(), m.end(), iid) for m in pat.finditer(text)]
        found = sorted(longest(spans))
        self._last = (text, found)
        return list(found)

    def opposed(self, text: str) -> list[tuple[int, int, str]]:
        """Mentions of what excludes an issue (:data:`~pourparler.evidence.issue_terms.
        OPPOSITE_CONCEPTS`: "territorial integrity" excludes recognition), in order."""
        return sorted(
            (m.start(), m.end(), iid) for pat, iid in self._opposed for m in pat.finditer(text)
        )

    def position(self, issue: str, text: str) -> float | None:
        """The value of the option ``text`` names (two or more of its distinctive words), else
        of the option the first phrase of :data:`~pourparler.evidence.option_terms.OPTION_PHRASES`
        found near the issue's mention implies ("capped at 600,000", "a staged lifting")."""
        for a, b in self.near(issue, text):
            for pat, value in self._implied.get(issue, ()):
                if pat.search(text, a, b):
                    return value
        present = set(_tokens(text))
        scored = sorted(
            ((len(words & present), v) for v, words in self._options[issue]), reverse=True
        )
        if scored and scored[0][0] >= 2 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            return float(scored[0][1])
        return None

    def near(self, issue: str, text: str) -> list[tuple[int, int]]:
        """Where ``text`` speaks of ``issue``: around each of its mentions (60 characters
        before, 100 after), not past the mentions of other issues on either side; the whole
        text when it names the issue nowhere (an object that refers back to it)."""
        spans = self.find(text)
        out = []
        for a, b, i in spans:
            if i != issue:
                continue
            lo = max([e for s, e, j in spans if j != issue and e <= a] + [a - _BEFORE])
            hi = min([e for s, e, j in spans if j != issue and s >= b] + [b + _AFTER])
            out.append((max(0, lo), min(len(text), hi)))
        return out or [(0, len(text))]


_BEFORE, _AFTER = 60, 100  # characters around an issue's mention that speak of it
_IMPLIED_MIN = 0.3  # overlap (Jaccard) of a phrase's option words with the option's label


def implied_options(
    phrases: tuple[tuple[str, str], ...], options: Sequence[Option]
) -> list[tuple[re.Pattern[str], float]]:
    """Each phrase with the value of the option whose label its words fit best (Jaccard
    overlap of their words, at least :data:`_IMPLIED_MIN`, no tie); phrases that fit no
    option are left out."""
    labels = [(o.value, set(_tokens(o.label))) for o in options]
    out = []
    for pattern, words in phrases:
        target = set(_tokens(words))
        fit = sorted(
            ((len(target & toks) / len(target | toks), v) for v, toks in labels if toks),
            reverse=True,
        )
        if fit and fit[0][0] >= _IMPLIED_MIN and (len(fit) == 1 or fit[1][0] < fit[0][0]):
            out.append((_phrase(r"(?<!\w)(?:" + pattern + ")"), float(fit[0][1])))
    return out


def longest(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Issue spans, the longest where phrases overlap: overlapping phrases of one issue are one
    mention, from the first start to the last end; a span inside a longer span of another
    issue is dropped. The longest dictionary phrase wins, as in KEDS/TABARI (Schrodt 2001):
    "recognise any part of our land as Russian" is recognition, not the land; "the ceasefire
    line" is the line."""
    kept: list[tuple[int, int, str]] = []
    last: dict[str, int] = {}  # issue -> index in kept of its latest span
    for a, b, i in sorted(set(spans), key=lambda x: (x[0], -x[1], x[2])):
        k = last.get(i)
        if k is not None and a < kept[k][1]:  # overlaps: one mention, as far as either reaches
            kept[k] = (kept[k][0], max(b, kept[k][1]), i)
        else:
            last[i] = len(kept)
            kept.append((a, b, i))
    return [
        (a, b, i)
        for a, b, i in kept
        if not any(s <= a and b <= e and e - s > b - a and j != i for s, e, j in kept)
    ]


def _tokens(s: str) -> list[str]:
    s = s.lower().replace("-", " ").replace("cease fire", "ceasefire")
    return [t for t in re.findall(r"[a-z0-9]+", s) if t not in V.STOPWORDS]

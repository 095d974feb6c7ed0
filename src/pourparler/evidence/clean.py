"""Article text without page furniture, with every character traced back to the file.

Plain text, Markdown and HTML become one cleaned text: share buttons, comment prompts, tag
lists, bylines and photo captions are dropped, hard-wrapped lines are rejoined, and an offset
map keeps, for each character of the cleaned text, its position in the original file, so a
claim can always be located in what was actually published.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pourparler.errors import InputError

TERMINAL = '.!?:;"”’)]'

_FURNITURE = re.compile(
    r"""^(?:[-*•]\s*)?(?:
        get\ link|x|other\ apps|share(?:\ this)?(?:\ on\ \w+)?|tweet|facebook|twitter|email|
        print|whatsapp|linkedin|reddit|telegram|copy\ link|pin\ it|
        comments?|\d+\ comments?|leave\ a\ (?:comment|reply)|post\ a\ comment|add\ comment|
        \*|read\ more|related(?:\ articles)?|advertisement|subscribe.*|sign\ up.*|
        for\ updates\ click\ .*|click\ here.*|follow\ us.*|
        your\ email\ address\ will\ not\ be\ published.*|required\ fields\ are\ marked.*|
        tags?:.*|topics?:.*|filed\ under:.*|categor(?:y|ies):.*|
        by\ [A-Z][\w.'’-]+(?:\ [A-Z][\w.'’-]+)*(?:\ and\ co-workers)?|
        photo:.*|image:.*|credit:.*|source:.*
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_CAPTION_BRACKET = re.compile(r"reuters|ap|afp|getty|pool|tass|photo|epa|anadolu", re.I)
_CAPTION_PAREN = re.compile(r"reuters|getty|afp|/\s*x|tass|photo|epa", re.I)
_CAPTION_SLASH = ("tass", "reuters", "afp", "getty images", "ap", "epa")
_FUNCTION_WORDS = frozenset(
    "a an the of on in at to for with by from and or but as than that which who".split()
)
_SLUG = re.compile(r"^[\w]+(?:-[\w]+){3,}$")
_SOURCE = re.compile(r"^source:\s*(.+)$", re.IGNORECASE)  # on a stripped line
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?P<mon>" + "|".join(m[:3] + r"[a-z]*\.?" for m in _MONTHS) + ")"
_DATE_PATTERNS = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"),
    re.compile(_MONTH + r",?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})", re.IGNORECASE),
    re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>\d{4})", re.I),
)
_DATE_LINE = re.compile(
    r"^(?:(?:published|posted|updated|date|dated)\s*(?:on)?:?\s*)?(?:\w+day,?\s+)?(?P<rest>.{6,40})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class CleanText:
    """Cleaned text, its map back to the file, and what the page said about itself."""

    text: str
    runs: tuple[tuple[int, int, int], ...]  # (clean start, raw start, length), sorted
    title: str | None = None
    date: dt.date | None = None
    outlet: str | None = None
    locator: str | None = None

    def raw_offset(self, i: int) -> int:
        """Position in the original file of cleaned character ``i`` (or the nearest before)."""
        lo, hi = 0, len(self.runs) - 1
        best = (0, 0, 0)
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.runs[mid][0] <= i:
                best, lo = self.runs[mid], mid + 1
            else:
                hi = mid - 1
        c, r, n = best
        return r + min(i - c, max(n - 1, 0))

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        return self.raw_offset(start), self.raw_offset(max(end - 1, start)) + 1


@dataclass
class TextBuilder:
    chars: list[str] = field(default_factory=list)
    index: list[int] = field(default_factory=list)

    def add(self, text: str, raw_index: Sequence[int]) -> None:
        self.chars.append(text)
        self.index.extend(raw_index)

    def text(self) -> str:
        return "".join(self.chars)

    def runs(self) -> tuple[tuple[int, int, int], ...]:
        out: list[tuple[int, int, int]] = []
        for i, r in enumerate(self.index):
            if out and out[-1][1] + out[-1][2] == r and out[-1][0] + out[-1][2] == i:
                c0, r0, n = out[-1]
                out[-1] = (c0, r0, n + 1)
            else:
                out.append((i, r, 1))
        return tuple(out)


@dataclass(frozen=True)
class _Line:
    text: str
    index: list[int]  # raw position of every character

    @property
    def stripped(self) -> str:
        return self.text.strip()


def _lines(text: str, index: list[int]) -> list[_Line]:
    out, start = [], 0
    for m in re.finditer(r"\r?\n|\r", text):
        out.append(_Line(text[start : m.start()], index[start : m.start()]))
        start = m.end()
    out.append(_Line(text[start:], index[start:]))
    return out


def _is_caption(s: str) -> bool:
    """A photo credit closing the line: "[Reuters]", "(Photo: AFP)." or "/ TASS"."""
    t = s.rstrip()
    if t.endswith("]"):  # the bracket opened after the previous "]"
        lb = t.find("[", t.rfind("]", 0, len(t) - 1) + 1, len(t) - 1)
        if lb >= 0 and _CAPTION_BRACKET.search(t, lb + 1, len(t) - 1):
            return True
    u = t[:-1] if t.endswith(").") else t
    if u.endswith(")"):
        lp = u.rfind("(", 0, len(u) - 1)
        if lp >= 0 and ")" not in u[lp + 1 : -1] and _CAPTION_PAREN.search(u, lp + 1, len(u) - 1):
            return True
    low = t[-16:].lower()
    return any(
        low.endswith(w) and t[: len(t) - len(w)].rstrip().endswith("/") for w in _CAPTION_SLASH
    )


def _is_furniture(s: str) -> bool:
    return bool(_FURNITURE.match(s) or _is_caption(s) or _SLUG.match(s))


def _heading_like(s: str) -> bool:
    """A short title-cased line without final punctuation ("Far Horizon", "Two Fronts")."""
    words = s.split()
    if not words or len(words) > 10 or s[-1] in TERMINAL + ",":
        return False
    if words[-1].lower() in _FUNCTION_WORDS:
        return False  # a wrapped line ends mid-phrase ("... met on")
    long_words = [w for w in words if len(w.strip(",")) > 3]
    return all(w[0].isupper() for w in long_words) and words[0][0].isupper()


def parse_date(s: str) -> dt.date | None:
    """The publication date a page or feed gives in ``s`` (its first date): None when there is
    none, or when it lies after tomorrow (see :func:`published`)."""
    s = s[:200]  # a date is short; a huge attribute is not scanned
    for pat in _DATE_PATTERNS:
        m = pat.search(s)
        if not m:
            continue
        try:
            mon = m.group("mon") if "mon" in pat.groupindex else None
            month = (
                _MONTHS.index(next(x for x in _MONTHS if x[:3] == mon[:3].lower())) + 1
                if mon
                else int(m.group("m"))
            )
            return published(dt.date(int(m.group("y")), month, int(m.group("d"))))
        except (ValueError, StopIteration):
            continue
    return None


def published(date: dt.date | None, today: dt.date | None = None) -> dt.date | None:
    """``date`` as a publication date, None when it lies after tomorrow: a document cannot be
    published later than it is read (tomorrow is allowed for time zones ahead of this
    machine's), so a later date is a typo or an event announced, and the document's date is
    looked for elsewhere, as :func:`given_date` refuses such a date typed by an analyst."""
    if date is None or date > (today or dt.date.today()) + dt.timedelta(days=1):
        return None
    return date


def given_date(raw: str, field: str, today: dt.date | None = None) -> dt.date:
    """A publication date an analyst typed (YYYY-MM-DD), refused when it is not a date or lies
    after tomorrow (a typo: a document cannot be published later than it is read; tomorrow is
    allowed for time zones ahead of this machine's)."""
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError:
        raise InputError(f"{field}: {raw[:20]!r}: not a date (YYYY-MM-DD)") from None
    latest = (today or dt.date.today()) + dt.timedelta(days=1)
    if date > latest:
        raise InputError(f"{field}: {raw}: after today; a document's date is when it was published")
    return date


def clean_plain(
    text: str, index: list[int] | None = None, markdown: bool = False, *, name: str = "text"
) -> CleanText:
    """Clean plain text or Markdown; ``index`` maps ``text`` to the file (identity if None).
    ``name`` (the file) is named in the error raised for text over :data:`MAX_CHARS`."""
    _check_size(text, name)
    if index is None:
        index = list(range(len(text)))
    lines = _lines(text, index)
    title = outlet = locator = None
    date: dt.date | None = None
    if markdown:
        meta, lines = _front_matter(lines)
        lines = [_strip_markdown(ln) for ln in lines]
        title, outlet = meta.get("title"), meta.get("source") or meta.get("outlet")
        date = parse_date(meta.get("date", ""))
    kept: list[_Line | None] = []  # None marks a paragraph break
    for ln in lines:
        s = ln.stripped
        if not s:
            kept.append(None)
            continue
        src = _SOURCE.match(s)
        if src:
            val = src.group(1)
            url = re.match(r"https?://(?:www\.)?([^/\s]+)", val)
            outlet = url.group(1) if url else val
            locator = val if url else locator
        if _is_furniture(s):
            kept.append(None)
            continue
        dl = _DATE_LINE.match(s) if date is None and len(s) <= 48 else None
        if dl and (d := parse_date(dl.group("rest"))):
            date = d
            kept.append(None)
            continue
        kept.append(ln)
    content = [ln for ln in kept if ln is not None]
    unpunctuated = sum(1 for ln in content if ln.stripped[-1] not in TERMINAL)
    wrapped = len(content) >= 5 and unpunctuated / len(content) > 0.4
    if title is None:
        title = _first_title(kept, wrapped)
    if date is None:
        date = _top_date(content, title)
    b = TextBuilder()
    prev: _Line | None = None
    for item in kept:
        if item is None:
            prev = None if prev is None else _Line("", [])
            continue
        ln = item
        lead = len(ln.text) - len(ln.text.lstrip())
        body, idx = ln.text.strip(), ln.index[lead : lead + len(ln.text.strip())]
        if b.chars and prev is not None and prev.text and _joins(prev.stripped, body, wrapped):
            b.add(" ", [idx[0]])
        elif b.chars:
            b.add("\n", [idx[0]])
        b.add(body, idx)
        prev = ln
    return CleanText(b.text(), b.runs(), title, date, outlet, locator)


TITLE_CHARS = 150  # a title is shorter; a longer first line is a standfirst or a paragraph
TITLE_WORDS = 25
TOP_LINES = 5  # content lines near the top searched for a date
WRAP_SHARE = 0.75  # of the widest line: a line this wide in a wrapped text may be a fragment
# a line naming the kind of page before its title (GOV.UK's document types, news labels)
_GENRE_LABELS = frozenset(
    """speech|news story|world news story|press release|statement|press statement|
    oral statement to parliament|written statement to parliament|policy paper|guidance|
    correspondence|transcript|research and analysis|corporate report|notice|readout|fact sheet|
    blog post|news|opinion|comment|analysis|editorial|op-ed|interview|feature|explainer|
    breaking news|exclusive|remarks""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_CLOSERS = '"”’)]»'


def _headline(s: str) -> bool:
    """A short line that does not end a sentence: no final full stop (nor ``!``, ``;``, ``:``
    or ``,``) before any closing quote or bracket, and no function word left hanging."""
    words = s.split()
    if not words or len(s) >= TITLE_CHARS or len(words) > TITLE_WORDS:
        return False
    body = s.rstrip(_CLOSERS)
    if not body or body[-1] in ".!;:,…" or words[-1].lower() in _FUNCTION_WORDS:
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] in "\"“‘'"


def _continued(s: str, nxt: _Line | None, wrapped: bool, width: int) -> bool:
    """Whether line ``s`` is a fragment of a hard-wrapped paragraph that ``nxt`` continues: the
    next line starts in lower case, or the text is wrapped and ``s`` is about as wide as its
    widest line (a line much shorter than the text's lines stands on its own)."""
    if nxt is None or not _joins(s, nxt.stripped, wrapped):
        return False
    first = nxt.stripped[0]
    return first.islower() or first in ",;)—–" or len(s) >= WRAP_SHARE * width


def _first_title(kept: list[_Line | None], wrapped: bool) -> str | None:
    """The title: the first content line, past a genre label ("Speech", "News story") and a
    byline, when it is heading-like, a question, or a short line of its own (not continued by
    the next line) that does not end a sentence."""
    width = max((len(ln.stripped) for ln in kept if ln is not None), default=0)
    for k, ln in enumerate(kept):
        if ln is None:
            continue
        s = ln.stripped
        if s.lower() in _GENRE_LABELS:
            continue
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        alone = not _continued(s, nxt, wrapped, width)
        if len(s) < TITLE_CHARS and not _BULLET.match(s):
            if _heading_like(s) or s[-1] == "?" or (alone and _headline(s)):
                return s
        if not s.lower().startswith("by "):
            return None
    return None


def _top_date(content: list[_Line], title: str | None) -> dt.date | None:
    """A date in the title, else in a short line near the top that does not end a sentence
    ("PM meeting: 4 September 2025", "Jeddah, March 11, 2025")."""
    if title and (d := parse_date(title)):
        return d
    for ln in content[:TOP_LINES]:
        if _headline(ln.stripped) and (d := parse_date(ln.stripped)):
            return d
    return None


def _front_matter(lines: list[_Line]) -> tuple[dict[str, str], list[_Line]]:
    """YAML front matter of a Markdown file (``---`` … ``---``) as simple key: value pairs."""
    if not lines or lines[0].stripped != "---":
        return {}, lines
    for k in range(1, len(lines)):
        if lines[k].stripped in ("---", "..."):
            meta = {}
            for ln in lines[1:k]:
                key, sep, value = ln.text.partition(":")
                if sep:
                    meta[key.strip().lower()] = value.strip().strip("'\"")
            return meta, lines[k + 1 :]
    return {}, lines


def _joins(prev: str, line: str, wrapped: bool) -> bool:
    """Whether ``line`` continues the paragraph of ``prev`` (a hard-wrapped line)."""
    if _BULLET.match(line) or _BULLET.match(prev) or prev.endswith(":"):
        return False
    if line[0].islower() or line[0] in ",;)—–":
        return True
    if _heading_like(prev):
        return False
    return wrapped


# link targets may hold one pair of parentheses; no bracket inside link text: every attempt
# stops at the next bracket or parenthesis, so a line is scanned in linear time
_MD_TARGET = r"\([^()]*(?:\([^()]*\)[^()]*)?\)"
_MD_INLINE = re.compile(
    r"!\[[^\[\]]*\]"
    + _MD_TARGET
    + r"|\[([^\[\]]*)\]"
    + _MD_TARGET
    + r"|\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)"
)


def _strip_markdown(ln: _Line) -> _Line:
    text, index = ln.text, ln.index
    m = re.match(r"^\s*(?:#{1,6}\s+|>\s?)", text)
    if m:
        text, index = text[m.end() :], index[m.end() :]
    out, idx, pos = [], [], 0
    for m in _MD_INLINE.finditer(text):
        out.append(text[pos : m.start()])
        idx.extend(index[pos : m.start()])
        if m.group(1) is not None:
            out.append(m.group(1))
            idx.extend(index[m.start(1) : m.end(1)])
        pos = m.end()
    out.append(text[pos:])
    idx.extend(index[pos:])
    return _Line("".join(out), idx)


MAX_CHARS = 5 * 1024 * 1024  # characters of text cleaned at most


def _check_size(text: str, name: str) -> None:
    if len(text) > MAX_CHARS:
        raise InputError(
            f"{name}: size: {len(text):,} characters is over the limit of {MAX_CHARS:,}"
        )


def clean_html(raw: str, *, name: str = "page") -> CleanText:
    """Visible article text of an HTML page (its articles' alone when it marks them), with the
    title, publication date, outlet and canonical address when marked up.
    ``name`` (the file) is named in the error raised for text over :data:`MAX_CHARS`."""
    from pourparler.evidence.html_text import HTMLText

    _check_size(raw, name)
    p = HTMLText()
    p.feed(raw)
    inner = clean_plain(*p.article())
    title = ("".join(p.h1) or "".join(p.title)).strip() or inner.title
    return CleanText(
        inner.text,
        inner.runs,
        " ".join(title.split()) if title else None,
        p.date or inner.date,
        inner.outlet or p.outlet,
        inner.locator or p.url,
    )

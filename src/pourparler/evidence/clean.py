"""Article text without page furniture, with every character traced back to the file.

Plain text, Markdown and HTML become one cleaned text: share buttons, comment prompts, tag
lists, bylines and photo captions are dropped, hard-wrapped lines are rejoined, and an offset
map keeps, for each character of the cleaned text, its position in the original file, so a
claim can always be located in what was actually published.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

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
_CAPTION = re.compile(
    r"""(?:\[[^\]]*(?:reuters|ap|afp|getty|pool|tass|photo|epa|anadolu)[^\]]*\]\s*$)|
        (?:\([^()]*(?:reuters|getty|afp|/\s*x|tass|photo|epa)[^()]*\)\.?\s*$)|
        (?:/\s*(?:tass|reuters|afp|getty\ images|ap|epa)\s*$)""",
    re.IGNORECASE | re.VERBOSE,
)
_FUNCTION_WORDS = frozenset(
    "a an the of on in at to for with by from and or but as than that which who".split()
)
_SLUG = re.compile(r"^[\w]+(?:-[\w]+){3,}$")
_SOURCE = re.compile(r"^source:\s*(.+?)\s*$", re.IGNORECASE)
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
class _Builder:
    chars: list[str] = field(default_factory=list)
    index: list[int] = field(default_factory=list)

    def add(self, text: str, raw_index: list[int]) -> None:
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


def _is_furniture(s: str) -> bool:
    return bool(_FURNITURE.match(s) or _CAPTION.search(s) or _SLUG.match(s))


def _heading_like(s: str) -> bool:
    """A short title-cased line without final punctuation ("Far Horizon", "Two Fronts")."""
    words = s.split()
    if not words or len(words) > 10 or s[-1] in TERMINAL + ",":
        return False
    if words[-1].lower() in _FUNCTION_WORDS:
        return False  # a wrapped line ends mid-phrase ("... met on")
    long_words = [w for w in words if len(w.strip(",")) > 3]
    return all(w[0].isupper() for w in long_words) and words[0][0].isupper()


def _parse_date(s: str) -> dt.date | None:
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
            return dt.date(int(m.group("y")), month, int(m.group("d")))
        except (ValueError, StopIteration):
            continue
    return None


def clean_plain(text: str, index: list[int] | None = None, markdown: bool = False) -> CleanText:
    """Clean plain text or Markdown; ``index`` maps ``text`` to the file (identity if None)."""
    if index is None:
        index = list(range(len(text)))
    lines = _lines(text, index)
    title = outlet = locator = None
    date: dt.date | None = None
    if markdown:
        meta, lines = _front_matter(lines)
        lines = [_strip_markdown(ln) for ln in lines]
        title, outlet = meta.get("title"), meta.get("source") or meta.get("outlet")
        date = _parse_date(meta.get("date", ""))
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
        dl = _DATE_LINE.match(s)
        if date is None and dl and len(s) <= 48 and (d := _parse_date(dl.group("rest"))):
            date = d
            kept.append(None)
            continue
        kept.append(ln)
    content = [ln for ln in kept if ln is not None]
    unpunctuated = sum(1 for ln in content if ln.stripped[-1] not in TERMINAL)
    wrapped = len(content) >= 5 and unpunctuated / len(content) > 0.4
    for ln in content if title is None else ():
        s = ln.stripped
        if len(s) < 150 and (_heading_like(s) or s[-1] == "?") and not _BULLET.match(s):
            title = s
            break
        if not s.lower().startswith("by "):
            break
    b = _Builder()
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


_MD_INLINE = re.compile(
    r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|\*\*|__|`|(?<!\w)[*_](?=\w)|(?<=\w)[*_](?!\w)"
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


_SKIP_TAGS = {
    "script",
    "style",
    "nav",
    "footer",
    "aside",
    "header",
    "form",
    "figure",
    "figcaption",
    "button",
    "noscript",
    "svg",
    "iframe",
    "select",
    "template",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "title",
    "time",
    "pre",
    "hr",
    "dd",
    "dt",
}


_VOID_TAGS = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "area", "col"}
_FURNITURE_CLASS = re.compile(
    r"\b(?:share|sharing|social|comments?|tags?|caption|related|byline|advert\w*|newsletter|"
    r"promo|breadcrumbs?|sidebar|menu)\b"
)


class _HTMLText(HTMLParser):
    """Visible text of a page, skipping furniture elements (navigation, share bars, captions,
    comments, related links) and remembering where each character came from."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", raw)]
        self.b = _Builder()
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, is furniture)
        self.title = ""
        self.h1 = ""
        self.date: dt.date | None = None

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    @property
    def skipping(self) -> bool:
        return any(skip for _, skip in self.stack)

    def _inside(self, tag: str) -> bool:
        return any(t == tag for t, _ in self.stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and self.date is None:
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if "published" in key or key in {"date", "dc.date", "datepublished"}:
                self.date = _parse_date(a.get("content", ""))
        if tag == "time" and self.date is None and a.get("datetime") and not self.skipping:
            self.date = _parse_date(a["datetime"])
        if tag in _VOID_TAGS:
            if tag == "br" and not self.skipping:
                self.b.add("\n", [self._pos()])
            return
        cls = (a.get("class", "") + " " + a.get("id", "")).lower()
        skip = tag in _SKIP_TAGS or bool(_FURNITURE_CLASS.search(cls))
        self.stack.append((tag, skip))
        if tag in _BLOCK_TAGS and not self.skipping:
            self.b.add("\n", [self._pos()])

    def handle_endtag(self, tag: str) -> None:
        if not self._inside(tag):
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break
        if tag in _BLOCK_TAGS and not self.skipping:
            self.b.add("\n", [self._pos()])

    def handle_data(self, data: str) -> None:
        if self._inside("title"):
            self.title += data
            return
        if self.skipping:
            return
        if self._inside("h1"):
            self.h1 += data
        start = self._pos()
        self.b.add(data, [start + i for i in range(len(data))])


def clean_html(raw: str) -> CleanText:
    """Visible article text of an HTML page, with title and publication date when marked up."""
    p = _HTMLText(raw)
    p.feed(raw)
    p.close()
    inner = clean_plain(p.b.text(), p.b.index)
    title = (p.h1 or p.title).strip() or inner.title
    return CleanText(
        inner.text,
        inner.runs,
        " ".join(title.split()) if title else None,
        p.date or inner.date,
        inner.outlet,
        inner.locator,
    )

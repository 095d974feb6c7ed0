"""The visible text of an HTML page, for :func:`pourparler.evidence.clean.clean_html`: a small
tokenizer in the manner of HTML5 that skips page furniture and remembers where each character
of the text came from, in time linear in the page's size."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from pourparler.evidence.clean import TextBuilder, parse_date

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


_TAG_NAME = re.compile(r"[a-zA-Z][^\t\n\f\r />]*")
_TAG_SPACE = re.compile(r"[\s/]*")
_ATTR_NAME = re.compile(r"=?[^\s/>=]*")
_ATTR_EQ = re.compile(r"\s*=\s*")
_ATTR_BARE = re.compile(r"[^\s>]*")
_CHARREF = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_RAW_TEXT = {"script", "style"}
# an inline style that keeps an element from being shown
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)


def _hidden(attrs: dict[str, str]) -> bool:
    """Whether an element is not shown to a reader of the page: the ``hidden`` attribute, or an
    inline style of ``display: none`` or ``visibility: hidden``. Its text is not the article's
    (a reader never sees it), so a claim must not come from it. ``aria-hidden`` text is shown,
    and read."""
    return "hidden" in attrs or bool(_HIDDEN_STYLE.search(attrs.get("style", "")[:2000]))


_RAW_END = {t: re.compile(rf"</{t}(?=[\s/>])", re.IGNORECASE) for t in _RAW_TEXT}


def _start_tag(raw: str, i: int) -> tuple[int, str, dict[str, str], bool] | None:
    """The start tag at ``raw[i] == "<"``: (end, name, attributes, self-closing), or None when
    the file ends inside it. One pass over the tag's characters."""
    m = _TAG_NAME.match(raw, i + 1)
    if m is None:
        return None
    name, j, n = m.group().lower(), m.end(), len(raw)
    attrs: dict[str, str] = {}
    while True:
        j = _TAG_SPACE.match(raw, j).end()  # type: ignore[union-attr]
        if j >= n:
            return None
        if raw[j] == ">":
            return j + 1, name, attrs, raw[j - 1] == "/"
        m = _ATTR_NAME.match(raw, j)
        key, j = m.group().lower(), m.end()  # type: ignore[union-attr]
        value = ""
        eq = _ATTR_EQ.match(raw, j)
        if eq is not None:
            j = eq.end()
            if j < n and raw[j] in "\"'":
                k = raw.find(raw[j], j + 1)
                if k < 0:
                    return None
                value, j = raw[j + 1 : k], k + 1
            else:
                m = _ATTR_BARE.match(raw, j)
                value, j = m.group(), m.end()  # type: ignore[union-attr]
        attrs.setdefault(key, html.unescape(value))


MAX_LINKED_DATA = 200_000  # characters of a JSON-LD block read for a date and a publisher
ARTICLE_CHARS = 200  # text in <article> elements that makes the rest of a page furniture
MAIN_SHARE = 0.5  # of the articles' text: one article this large is the page's only article


def _items(data: Any) -> list[dict[str, Any]]:
    """The objects of a JSON-LD document: itself, a list's items, an ``@graph``'s items."""
    if isinstance(data, list):
        return [x for x in data if isinstance(x, dict)]
    if isinstance(data, dict):
        graph = data.get("@graph")
        return [data, *_items(graph)] if isinstance(graph, list) else [data]
    return []


class HTMLText:
    """Visible text of a page, skipping furniture elements (navigation, share bars, captions,
    comments, related links) and remembering where each character came from.

    A small tokenizer in the manner of HTML5 (tags, attributes, comments, raw text of scripts
    and styles, character references): every character is looked at a bounded number of times,
    so any page, however malformed or deeply nested, is read in linear time. A construct the
    file ends inside (an unclosed comment, tag or quote) hides the rest, as in a browser."""

    def __init__(self) -> None:
        self.b = TextBuilder()
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, is furniture)
        self.open: dict[str, int] = {}  # how many of each tag are open
        self.skip_depth = 0  # how many open elements are furniture
        self.title: list[str] = []
        self.h1: list[str] = []
        self.date: dt.date | None = None
        self.outlet: str | None = None  # og:site_name, application-name, JSON-LD publisher
        self.url: str | None = None  # the page's canonical address (link rel=canonical, og:url)
        # where each outermost <article> (and <main>) element's text lies in the text built
        self.spans: dict[str, list[tuple[int, int]]] = {"article": [], "main": []}
        self._opened: dict[str, int] = {}

    def feed(self, raw: str) -> None:
        i, n = 0, len(raw)
        while i < n:
            j = raw.find("<", i)
            if j < 0:
                self._text(raw, i, n)
                return
            if j > i:
                self._text(raw, i, j)
            nxt = raw[j + 1 : j + 2]
            if nxt.isascii() and nxt.isalpha():
                tag = _start_tag(raw, j)
                if tag is None:
                    return
                i, name, attrs, closed = tag
                self.start(name, attrs, j)
                if closed:
                    self.end(name, j)
                elif name in _RAW_TEXT:  # script or style: text up to its end tag
                    m = _RAW_END[name].search(raw, i)
                    if m is None:
                        return
                    if name == "script" and "ld+json" in attrs.get("type", "").lower():
                        self._linked_data(raw[i : m.start()])
                    i = m.start()
            elif nxt == "/":
                m = _TAG_NAME.match(raw, j + 2)
                k = raw.find(">", j + 2)
                if k < 0:
                    return
                if m is not None:
                    self.end(m.group().lower(), j)
                i = k + 1
            elif raw.startswith("<!--", j):
                k = raw.find("-->", j + 4)
                if k < 0:
                    return
                i = k + 3
            elif nxt in ("!", "?"):  # doctype, CDATA, processing instruction
                k = raw.find(">", j + 2)
                if k < 0:
                    return
                i = k + 1
            else:
                self._text(raw, j, j + 1)
                i = j + 1

    def _text(self, raw: str, i: int, j: int) -> None:
        chunk = raw[i:j]
        if "&" not in chunk:
            self.data(chunk, range(i, j))
            return
        out: list[str] = []
        index: list[int] = []
        pos = 0
        for m in _CHARREF.finditer(chunk):
            out.append(chunk[pos : m.start()])
            index.extend(range(i + pos, i + m.start()))
            ch = html.unescape(m.group())
            out.append(ch)
            index.extend([i + m.start()] * len(ch))
            pos = m.end()
        out.append(chunk[pos:])
        index.extend(range(i + pos, j))
        self.data("".join(out), index)

    @property
    def skipping(self) -> bool:
        return self.skip_depth > 0

    def _linked_data(self, text: str) -> None:
        """Publication date and publisher of a JSON-LD block (schema.org NewsArticle)."""
        if len(text) > MAX_LINKED_DATA:
            return
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
            return
        for item in _items(data):
            if self.date is None and isinstance(item.get("datePublished"), str):
                self.date = parse_date(item["datePublished"])
            publisher = item.get("publisher")
            if self.outlet is None and isinstance(publisher, dict):
                name = publisher.get("name")
                self.outlet = name.strip() if isinstance(name, str) and name.strip() else None

    def start(self, tag: str, a: dict[str, str], pos: int) -> None:
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            content = a.get("content", "").strip()
            if self.date is None and (
                "published" in key or key in {"date", "dc.date", "datepublished"}
            ):
                self.date = parse_date(content)
            if key in {"og:site_name", "application-name"} and content and self.outlet is None:
                self.outlet = content
            if key == "og:url" and content.startswith(("http://", "https://")) and not self.url:
                self.url = content
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            href = a.get("href", "").strip()
            if href.startswith(("http://", "https://")):
                self.url = href
        if tag in self.spans and not self.skipping and not self.open.get(tag):
            self._opened[tag] = len(self.b.index)
        if tag == "time" and self.date is None and a.get("datetime") and not self.skipping:
            self.date = parse_date(a["datetime"])
        if tag in _VOID_TAGS:
            if tag == "br" and not self.skipping:
                self.b.add("\n", [pos])
            return
        cls = (a.get("class", "") + " " + a.get("id", "")).lower()
        skip = tag in _SKIP_TAGS or bool(_FURNITURE_CLASS.search(cls)) or _hidden(a)
        self.stack.append((tag, skip))
        self.open[tag] = self.open.get(tag, 0) + 1
        self.skip_depth += skip
        if tag in _BLOCK_TAGS and not self.skipping:
            self.b.add("\n", [pos])

    def end(self, tag: str, pos: int) -> None:
        if not self.open.get(tag):
            return
        while self.stack:
            t, skip = self.stack.pop()
            self.open[t] -= 1
            self.skip_depth -= skip
            if t in self._opened and not self.open.get(t):
                self.spans[t].append((self._opened.pop(t), len(self.b.index)))
            if t == tag:
                break
        if tag in _BLOCK_TAGS and not self.skipping:
            self.b.add("\n", [pos])

    def data(self, data: str, index: range | list[int]) -> None:
        if self.open.get("title"):
            self.title.append(data)
            return
        if self.skipping:
            return
        if self.open.get("h1"):
            self.h1.append(data)
        self.b.add(data, index)

    def article(self) -> tuple[str, list[int]]:
        """The page's text and its map to the file, from its articles alone when they hold it:
        the text of the outermost ``<article>`` elements (else of ``<main>``) when there are at
        least :data:`ARTICLE_CHARS` of it, only the longest article when it holds more than
        half of it (a story beside teasers of others), else every article (a live blog); the
        whole text when the page marks no article."""
        text, index = self.b.text(), self.b.index
        for tag, start in list(self._opened.items()):  # left open at the end of the file
            self.spans[tag].append((start, len(index)))
        spans = self.spans["article"] or self.spans["main"]
        total = sum(b - a for a, b in spans)
        if total < ARTICLE_CHARS:
            return text, index
        longest = max(spans, key=lambda s: s[1] - s[0])
        if longest[1] - longest[0] > MAIN_SHARE * total:
            spans = [longest]
        out: list[str] = []
        where: list[int] = []
        for a, b in spans:
            if out:
                out.append("\n")
                where.append(index[a])
            out.append(text[a:b])
            where.extend(index[a:b])
        return "".join(out), where

"""News feeds: an RSS 2.0, RSS 1.0 (RDF) or Atom feed given to ``evidence add`` stands for the
articles it lists, each with the title and date the feed gives it.

The feed is parsed with the standard library's ElementTree (expat refuses entity expansion
attacks and fetches no external entity). Items are taken in the feed's order, at most
:data:`MAX_ITEMS`, each once; an item's link is resolved against the feed's address.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import urllib.parse
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.evidence.clean import parse_date, published

if TYPE_CHECKING:
    from pourparler.evidence.fetch import Page

MAX_ITEMS = 50
_ROOTS = {"rss", "feed", "RDF"}
_FIRST_ELEMENT = re.compile(
    rb"^(?:\s|\xef\xbb\xbf|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*<([\w:.-]+)", re.S
)


@dataclass(frozen=True)
class FeedItem:
    """One article a feed lists: its address, and the title and date the feed gives it."""

    url: str
    title: str | None
    date: dt.date | None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child_text(el: ET.Element, *names: str) -> str | None:
    """The text of the first child named ``names[0]``, else ``names[1]``, …"""
    found = {}
    for child in el:
        name = _local(child.tag)
        if name in names and name not in found and child.text and child.text.strip():
            found[name] = " ".join(child.text.split())
    return next((found[n] for n in names if n in found), None)


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:  # RFC 822, as RSS 2.0 has it
        return published(email.utils.parsedate_to_datetime(text).date())
    except (TypeError, ValueError, IndexError):
        return parse_date(text)  # ISO 8601, as Atom and Dublin Core have it


def _link(el: ET.Element) -> str | None:
    for child in el:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href is not None:  # Atom: the alternate link is the article
            if child.get("rel", "alternate") == "alternate":
                return href.strip()
        elif child.text and child.text.strip():
            return child.text.strip()
    return _child_text(el, "guid")  # RSS: a permalink guid stands for a missing link


def looks_like_feed(data: bytes) -> bool:
    """Whether the first element of ``data`` (past an XML declaration, comments and a
    doctype) is a feed's: ``rss``, ``feed`` or ``rdf:RDF``."""
    m = _FIRST_ELEMENT.search(data[:4096])
    return m is not None and m.group(1).decode("ascii", "replace").split(":")[-1] in _ROOTS


def feed_items(data: bytes, base: str) -> list[FeedItem] | None:
    """The articles the feed ``data`` (fetched from ``base``) lists, or None when ``data`` is
    not a feed. A feed that cannot be parsed raises :class:`InputError` naming ``base``."""
    if not looks_like_feed(data):
        return None
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"{base}: feed: not well-formed XML ({exc})") from None
    items: list[FeedItem] = []
    seen: set[str] = set()
    for el in root.iter():
        if _local(el.tag) not in ("item", "entry"):
            continue
        link = _link(el)
        if not link:
            continue
        try:
            url = urllib.parse.urljoin(base, link)
        except ValueError:  # a malformed link ("http://[::1/"): not an article's address
            continue
        if url in seen or not url.lower().startswith(("http://", "https://")):
            continue
        seen.add(url)
        when = _child_text(el, "pubDate", "published", "date", "issued", "updated")
        items.append(FeedItem(url, _child_text(el, "title"), _date(when)))
        if len(items) == MAX_ITEMS:
            break
    if not items:
        raise InputError(f"{base}: feed: lists no article with an http(s) link")
    return items


@dataclass(frozen=True)
class AtAddress:
    """An article an address stands for: the page there (``page``, fetched already), or one
    the feed there lists (``listed``: fetched when it is read), with the title and date the
    feed gives it."""

    url: str
    page: Page | None = None
    title: str | None = None
    date: dt.date | None = None
    listed: bool = False


def articles_at(
    url: str,
    timeout: float,
    listed: set[str],
    public_only: bool = False,
    validators: tuple[str | None, str | None] | None = None,
    pages: dict[str, Page] | None = None,
) -> list[AtAddress]:
    """The page at ``url``, fetched once, or the articles of the feed it is: those not in
    ``listed`` already, which gains them (so a feed given twice, or two feeds listing one
    article, read it once). ``public_only``, ``validators``: as
    :func:`~pourparler.evidence.fetch.fetch` (:class:`~pourparler.evidence.fetch.NotModified`
    when the feed has not changed); ``pages`` gains the page fetched at ``url``."""
    from pourparler.evidence.fetch import fetch
    from pourparler.evidence.ingest import MAX_PACKED_BYTES

    page = fetch(url, MAX_PACKED_BYTES, timeout, public_only=public_only, validators=validators)
    if pages is not None:
        pages[url] = page
    items = feed_items(page.data, page.url)
    if items is None:
        return [AtAddress(url, page=page)]
    fresh = [i for i in items if i.url not in listed]
    listed.update(i.url for i in fresh)
    return [AtAddress(i.url, title=i.title, date=i.date, listed=True) for i in fresh]

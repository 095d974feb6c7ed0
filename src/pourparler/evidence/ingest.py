"""Reading article files: checks that they are text, decodes them and cleans them by format."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.evidence.clean import CleanText, clean_html, clean_plain
from pourparler.files import UnreadableFile, read_regular_file

if TYPE_CHECKING:
    from pourparler.evidence.store import Store
    from pourparler.scenario import Scenario
    from pourparler.scenario.model import Source

MAX_BYTES = 5 * 1024 * 1024
MAX_TEXT = 1_000_000  # characters of article text after cleaning: extraction takes seconds
_ENCODINGS = ("utf-8-sig", "utf-16")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Article:
    path: Path
    format: str  # text, markdown or html
    raw: str
    sha256: str  # of the decoded text with normalised line ends
    clean: CleanText


def detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm", ".xhtml"}:
        return "html"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|p|div)[\s>]", head):
        return "html"
    return "text"


def decode(path: Path, data: bytes) -> str:
    """The file's text; binary or undecodable files raise :class:`InputError`."""
    if not data.strip():
        raise InputError(f"{path}: content: file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: size: {len(data)} bytes is over the {MAX_BYTES} byte limit")
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if b"\x00" in data and not utf16:
        raise InputError(f"{path}: content: binary file (NUL bytes), not an article")
    for enc in _ENCODINGS if utf16 else _ENCODINGS[:1]:
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError as exc:
            err = exc
    else:
        raise InputError(f"{path}: encoding: not UTF-8 text (byte {err.start}: {err.reason})")
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > 0.01 * len(text):
        raise InputError(f"{path}: content: binary file (control characters), not an article")
    if not text.strip():
        raise InputError(f"{path}: content: file is empty")
    return text


def read_article(path: str | Path) -> Article:
    """Read, check, decode and clean one article file (regular files only, at most
    :data:`MAX_BYTES`: a device, FIFO or folder is refused without reading it)."""
    p = Path(path)
    try:
        data = read_regular_file(p, MAX_BYTES)
    except UnreadableFile as exc:
        field = "size" if "too large" in str(exc) else "path"
        raise InputError(f"{p}: {field}: {exc}") from None
    text = decode(p, data)
    fmt = detect_format(p, text)
    if fmt == "html":
        clean = clean_html(text, name=str(p))
    else:
        clean = clean_plain(text, markdown=fmt == "markdown", name=str(p))
    if not clean.text.strip():
        raise InputError(f"{p}: content: no article text left after removing page furniture")
    if len(clean.text) > MAX_TEXT:
        raise InputError(
            f"{p}: content: {len(clean.text):,} characters of article text is over the limit "
            f"of {MAX_TEXT:,}"
        )
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()
    return Article(p, fmt, text, digest, clean)


def scenario_source(scenario: Scenario, path: str | Path) -> Source | None:
    """The scenario's source whose locator names this file (a locator may list several places,
    separated by ``;``), or None. Its title, outlet and date then describe the document."""
    name = Path(path).name
    for src in scenario.sources:
        for place in re.split(r"[;\s]+", src.locator):
            if place and "://" not in place and Path(place).name == name:
                return src
    return None


def add_article(
    store: Store,
    path: str | Path,
    scenario: Scenario,
    *,
    date: dt.date | None = None,
    title: str | None = None,
    outlet: str | None = None,
    voice: str | None = None,
) -> tuple[int, bool, int]:
    """Read one article with the rules reader, extract its claims about ``scenario`` and store
    both (one transaction; :func:`pourparler.evidence.readers.document.add_read`).

    Title, outlet and date come from the arguments, else from the scenario's source that names
    the file (:func:`scenario_source`), else from the text. Returns (document id, whether the
    document was new, claims added)."""
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.readers.rules import RulesReader

    added = add_read(
        store, path, scenario, RulesReader(), date=date, title=title, outlet=outlet, voice=voice
    )
    return added.document, added.new, added.claims_added

"""Reading article files: checks that they are text, decodes them and cleans them by format."""

from __future__ import annotations

import bisect
import codecs
import dataclasses
import datetime as dt
import hashlib
import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from pourparler.errors import InputError
from pourparler.evidence.clean import CleanText, clean_html, clean_plain
from pourparler.files import UnreadableFile, read_regular_file

if TYPE_CHECKING:
    from pourparler.evidence.fetch import Page
    from pourparler.evidence.store import Store
    from pourparler.scenario import Scenario
    from pourparler.scenario.model import Source

MAX_BYTES = 5 * 1024 * 1024
MAX_PACKED_BYTES = 50 * 1024 * 1024  # a PDF or Word document, which may hold images
MAX_TEXT = 1_000_000  # characters of article text after cleaning: extraction takes seconds
THIN_PAGE = 1000  # characters: a fetched page this short without claims may not be the article
_ENCODINGS = ("utf-8-sig", "utf-16")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.I)


ARTICLE_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".pdf",
    ".docx",
)


def is_pdf(path: Path, head: bytes) -> bool:
    """Whether a file is a PDF: its name ends in ``.pdf`` or its first KiB holds ``%PDF-``."""
    return path.suffix.lower() == ".pdf" or b"%PDF-" in head[:1024]


def is_docx(path: Path) -> bool:
    """Whether a file is a Word document: its name ends in ``.docx`` (its content is checked
    when it is read)."""
    return path.suffix.lower() == ".docx"


@dataclass(frozen=True)
class Article:
    path: Path
    format: str  # text, markdown, html, pdf or docx
    raw: str  # the file's text (a PDF's: its pages' text layer, joined by form feeds; a Word
    # document's: its paragraphs, one a line)
    sha256: str  # of the decoded text with normalised line ends (a PDF's: of the file)
    clean: CleanText
    pages: tuple[int, ...] = ()  # a PDF's: where in ``raw`` each page starts
    url: str | None = None  # the address it was fetched from, for an article from the web
    scanned: bool = False  # a PDF without a text layer, read by OCR

    def page(self, raw_offset: int) -> int | None:
        """The page (from 1) a character of ``raw`` is on; None for a text without pages."""
        return bisect.bisect_right(self.pages, raw_offset) if self.pages else None


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


def declared_charset(data: bytes) -> str | None:
    """The character set an HTML page declares in its first KiB (``<meta charset=…>`` or an
    ``http-equiv`` content type), as Python names it; None when it declares none or one that
    Python does not know."""
    m = _META_CHARSET.search(data[:1024])
    if m is None:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode(path: Path | str, data: bytes, declared: str | None = None) -> str:
    """The file's text: UTF-8 (or UTF-16 with a byte order mark), else the character set the
    server (``declared``) or the page itself names (a ``windows-1251`` news page); binary or
    undecodable files raise :class:`InputError`."""
    if not data.strip():
        raise InputError(f"{path}: content: file is empty")
    if len(data) > MAX_BYTES:
        raise InputError(f"{path}: size: {len(data)} bytes is over the {MAX_BYTES} byte limit")
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if b"\x00" in data and not utf16:
        raise InputError(f"{path}: content: binary file (NUL bytes), not an article")
    named = declared or declared_charset(data)
    tried = list(_ENCODINGS if utf16 else _ENCODINGS[:1])
    if named and named not in ("utf-8", *tried):
        tried.append(named)
    errors: list[UnicodeDecodeError] = []
    for enc in tried:
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError as exc:
            errors.append(exc)
    else:
        err = errors[0]
        also = f"; nor {named} as declared" if len(tried) > 1 and named else ""
        raise InputError(f"{path}: encoding: not UTF-8 text (byte {err.start}: {err.reason}){also}")
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > 0.01 * len(text):
        raise InputError(f"{path}: content: binary file (control characters), not an article")
    if not text.strip():
        raise InputError(f"{path}: content: file is empty")
    return text


def article_files(path: Path) -> list[Path]:
    """``path`` itself, or for a folder the article files in it and its subfolders (by
    :data:`ARTICLE_SUFFIXES`, in name order, hidden files and folders left out); a folder
    without any raises :class:`InputError`."""
    if not path.is_dir():
        return [path]
    found = sorted(
        f
        for f in path.rglob("*")
        if f.suffix.lower() in ARTICLE_SUFFIXES
        and not any(part.startswith(".") for part in f.relative_to(path).parts)
        and f.is_file()
    )
    if not found:
        kinds = ", ".join(ARTICLE_SUFFIXES)
        raise InputError(f"{path}: path: a folder with no article files in it ({kinds})")
    return found


def read_article(path: str | Path) -> Article:
    """Read, check, decode and clean one article file (regular files only, at most
    :data:`MAX_BYTES`, a PDF or Word document :data:`MAX_PACKED_BYTES`: a device, FIFO or
    folder is refused without reading it)."""
    p = Path(path)
    packed = p.suffix.lower() in (".pdf", ".docx")
    try:
        data = read_regular_file(p, MAX_PACKED_BYTES if packed else MAX_BYTES)
    except UnreadableFile as exc:
        field = "size" if "too large" in str(exc) else "path"
        raise InputError(f"{p}: {field}: {exc}") from None
    return article_from_bytes(p, data)


STDIN_NAME = "stdin.txt"  # the name an article read from standard input is stored under


def read_stream(stream: BinaryIO, name: str = STDIN_NAME) -> Article:
    """The article on a stream (standard input: ``evidence add -``), at most
    :data:`MAX_PACKED_BYTES` of it, read like a file of that content."""
    data = stream.read(MAX_PACKED_BYTES + 1)
    if len(data) > MAX_PACKED_BYTES:
        raise InputError(f"-: size: over the limit of {MAX_PACKED_BYTES:,} bytes")
    try:
        return article_from_bytes(Path(name), data)
    except InputError as exc:  # name the input as the user gave it
        raise InputError(f"-{str(exc).removeprefix(name)}") from None


def read_url(
    url: str, timeout: float | None = None, page: Page | None = None, public_only: bool = False
) -> Article:
    """Fetch and read the article at ``url`` (:mod:`pourparler.evidence.fetch`, within
    ``timeout`` seconds, default :data:`~pourparler.evidence.fetch.TIMEOUT_S`; ``page``: the
    page when it has been fetched already; ``public_only``: only from a public address):
    HTML, text, PDF or Word, told apart as for files
    (a page over :data:`MAX_BYTES` must be a PDF or Word document). The page's address is its
    locator, its host the outlet where the page names none; the document is stored under the
    page's name."""
    from pourparler.evidence.fetch import TIMEOUT_S, fetch, page_name

    data, charset, final, *_ = page or fetch(
        url, MAX_PACKED_BYTES, timeout or TIMEOUT_S, public_only=public_only
    )
    name = Path(page_name(final))
    if name.suffix.lower() != ".pdf" and is_pdf(name, data):
        name = name.with_name(name.name + ".pdf")  # a PDF served without the suffix
    try:
        art = article_from_bytes(name, data, charset)
    except InputError as exc:  # name the address, not the page's file name
        raise InputError(f"{url}{str(exc).removeprefix(str(name))}") from None
    host = urllib.parse.urlsplit(final).hostname
    clean = dataclasses.replace(
        art.clean, locator=final, outlet=art.clean.outlet or (host or "").removeprefix("www.")
    )
    return dataclasses.replace(art, clean=clean, url=final)


def article_from_bytes(p: Path, data: bytes, charset: str | None = None) -> Article:
    """Check, decode and clean the content ``data`` of the article named ``p`` (``charset``:
    the one its server declared, if any)."""
    pdf, docx = is_pdf(p, data), is_docx(p)
    if (pdf or docx) and not data.strip():
        raise InputError(f"{p}: content: file is empty")
    if pdf:
        return _read_pdf(p, data)
    if docx:
        return _read_docx(p, data)
    text = decode(p, data, charset)
    fmt = detect_format(p, text)
    if fmt == "html":
        clean = clean_html(text, name=str(p))
    else:
        clean = clean_plain(text, markdown=fmt == "markdown", name=str(p))
    _check_clean(p, clean)
    digest = hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()
    return Article(p, fmt, text, digest, clean)


def _read_pdf(p: Path, data: bytes) -> Article:
    """A PDF article: its text layer, cleaned (:mod:`pourparler.evidence.pdf_text`); the title
    in the file's metadata stands in when the text shows none."""
    from pourparler.evidence.pdf_text import extract, paragraphs

    pdf = extract(p, data)
    text, index = paragraphs(pdf)
    clean = clean_plain(text, index, name=str(p))
    if clean.title is None and pdf.title:
        clean = dataclasses.replace(clean, title=pdf.title)
    _check_clean(p, clean)
    digest = hashlib.sha256(data).hexdigest()
    return Article(p, "pdf", pdf.raw, digest, clean, pdf.pages, scanned=pdf.scanned)


def _read_docx(p: Path, data: bytes) -> Article:
    """A Word document: its body's paragraphs (:mod:`pourparler.evidence.docx_text`), cleaned
    as plain text; the title in its properties stands in when the text shows none."""
    from pourparler.evidence.docx_text import extract

    text, title = extract(p, data)
    clean = clean_plain(text, name=str(p))
    if clean.title is None and title:
        clean = dataclasses.replace(clean, title=title)
    _check_clean(p, clean)
    return Article(p, "docx", text, hashlib.sha256(data).hexdigest(), clean)


def _check_clean(p: Path, clean: CleanText) -> None:
    if not clean.text.strip():
        raise InputError(f"{p}: content: no article text left after removing page furniture")
    if len(clean.text) > MAX_TEXT:
        raise InputError(
            f"{p}: content: {len(clean.text):,} characters of article text is over the limit "
            f"of {MAX_TEXT:,}"
        )


def scenario_source(scenario: Scenario, path: str | Path, url: str | None = None) -> Source | None:
    """The scenario's source whose locator names this file, or gives the address ``url`` the
    article was fetched from (a locator may list several places, separated by ``;``), or None.
    Its title, outlet and date then describe the document."""
    name = Path(path).name
    for src in scenario.sources:
        for place in re.split(r"[;\s]+", src.locator):
            if not place:
                continue
            if "://" in place:
                if url is not None and place.rstrip("/") == url.rstrip("/"):
                    return src
            elif url is None and Path(place).name == name:
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

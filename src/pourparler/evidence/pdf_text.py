"""Article text from a PDF: the text layer of each page, without the page's furniture.

The pages' text (extracted with pypdf, the ``pdf`` extra) is joined with form feeds, as
``pdftotext`` writes it; that extracted text is what a claim's raw offsets point into, and the
page a claim is on is found from the offsets where pages start. Before the text is cleaned like
plain text (:func:`pourparler.evidence.clean.clean_plain`):

* running headers and footers go: a line at a page's top or bottom that recurs, digits aside,
  at the edge of three pages (or of half the pages, if fewer), a bare page number ("3",
  "Page 3 of 9", "- 3 -"), and a browser's print header and footer (a time stamp with the page
  title; the page's address with "1/3");
* ligatures (``ﬁ``, ``ﬂ``, ``ﬀ``, ...) are spelled out and soft hyphens dropped;
* a word broken after a hyphen at a line end is rejoined: without the hyphen when the document
  spells the word whole elsewhere ("negoti-" / "ations") or it is a soft hyphen, with it when
  the document joins the parts with a hyphen elsewhere or the first is a number or a name
  ("30-" / "day"), and otherwise as the document's other breaks go (a typeset text that
  hyphenates words drops them; a text broken only at its compounds' hyphens keeps them);
* a space pypdf puts inside a word where the letters were set apart ("ne gotiations") is taken
  out, where its layout extraction reads the word whole (the pages are read again in layout
  mode when their plain text has letters standing alone that are no words, "T urkish");
* lines are joined into paragraphs: from where each line is set on its page (its height and
  font size, as pypdf reports them), a paragraph ends where the space to the next line is wider
  than the page's line spacing or the size changes; from the text, before a list item and after
  a line that ends a sentence well short of the page's width; it continues across a page break
  and into the next column.

Every character of the result keeps its position in the extracted text.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pourparler.errors import InputError

PAGE_BREAK = "\f"
EDGE_LINES = 3  # lines at the top and the bottom of a page searched for headers and footers
REPEATS = 3  # a line at a page's edge on this many pages (or half of them) is a running header
SHORT_LINE = 0.6  # of the page's line width: a line this short ends its paragraph
SENTENCE_END_LINE = 0.85  # a line ending a sentence and shorter than this ends its paragraph
GAP = 1.15  # a drop to the next line this many times the line spacing ends a paragraph

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_DROPPED = "\u00ad"  # soft hyphen
_PAGE_NUMBER = re.compile(
    r"(?:page\s+)?[-–—(\s]*(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:/|of)\s*\d{1,4})?[-–—)\s]*",
    re.IGNORECASE,
)
# a browser's print header ("12/5/26, 6:17 AM  Title") and footer ("https://… 1/3")
_PRINT_HEADER = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?\b.*", re.I)
_PRINT_FOOTER = re.compile(r"(?:[a-z][\w+.-]*://|www\.)\S*(?:\s+\d{1,4}\s*/\s*\d{1,4})?", re.I)
_TERMINAL = '.!?:;"”’)]'
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,3}[.)]|\([a-z\d]{1,3}\))\s")
_WORD_END = re.compile(r"([\w.]+?)[-\u2010]$")
_WORD_START = re.compile(r"\w+")
_WORDS = re.compile(r"[A-Za-z]+(?:[-\u2010][A-Za-z]+)*")
_LETTERS = re.compile(r"[^\W\d_]+")
# a Latin letter standing alone that is no word ("T urkish", "w ould"): not a, I or O, an initial
# ("U.S."), a letter after an apostrophe ("Russia's") or a list mark ("(b)")
_STRAY_LETTER = re.compile(r"(?<![\w’'(.])(?![aAIO]\b)[A-Za-z](?![\w.’')])")
# enough of them (and one in STRAY_SHARE characters) to read the words again in layout mode
STRAY_LETTERS = 3
STRAY_SHARE = 2000
_HYPHEN_BREAK = re.compile(r"(?<=[^\W\d_])[-\u2010]\n\s*(?=[^\W\d_])")
_LOOSE_PUNCTUATION = re.compile(r"(?<=[^\W\d_]) (?=[,;:!?](?:\s|$))|(?<=[^\W\d_][’']) (?=s\b)")
_BAD_TITLE = re.compile(r"^(?:untitled|microsoft \w+ - |document\d*$)|\.\w{2,4}$", re.I)


@dataclass(frozen=True)
class PdfText:
    """The extracted text (pages joined by :data:`PAGE_BREAK`), where each page starts in it,
    the title the file's metadata gives, if any, where each line was set (for the offset of a
    line's first character, its height on the page and its font size), and the words pypdf's
    layout extraction of the same pages reads."""

    raw: str
    pages: tuple[int, ...]
    title: str | None
    geometry: dict[int, tuple[float, float]] = field(default_factory=dict)
    words: frozenset[str] = frozenset()  # the words of the layout extraction (see mend_words)
    scanned: bool = False  # no text layer: the text was read by OCR (pourparler.evidence.ocr)


class _LineGeometry:
    """Collects, while pypdf extracts a page's text, the height and font size of each line's
    first piece of text (a visitor: pypdf passes every piece it writes, newlines included)."""

    def __init__(self) -> None:
        self.at = 0  # characters of the page's text so far
        self.line_start = 0
        self.lines: dict[int, tuple[float, float]] = {}

    def __call__(self, text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        y = float(tm[4]) * float(cm[1]) + float(tm[5]) * float(cm[3]) + float(cm[5])
        scale = math.hypot(float(tm[2]), float(tm[3])) * math.hypot(float(cm[2]), float(cm[3]))
        for k, piece in enumerate(text.split("\n")):
            if k:
                self.at += 1  # the newline
                self.line_start = self.at
            if piece.strip() and self.line_start not in self.lines:
                self.lines[self.line_start] = (y, float(size) * scale)
            self.at += len(piece)


def extract(path: Path, data: bytes) -> PdfText:
    """The text layer of the PDF ``data`` (the file ``path``); a PDF that cannot be read, is
    encrypted or has no text raises :class:`InputError` naming the file."""
    try:
        import pypdf
    except ImportError:
        raise InputError(
            f"{path}: format: a PDF; reading PDFs needs the pdf extra "
            "(pip install 'pourparler[pdf]')"
        ) from None
    if b"%PDF-" not in data[:1024]:
        raise InputError(f"{path}: content: not a PDF (no %PDF- header in its first KiB)")
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR + 1)  # pypdf logs each oddity of a file it still reads
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _opens_without_password(reader):
            raise InputError(f"{path}: content: the PDF is encrypted and needs a password")
        texts, shapes = [], []
        words: set[str] = set()
        for page in reader.pages:
            seen = _LineGeometry()
            texts.append(page.extract_text(visitor_text=seen) or "")
            shapes.append(seen.lines if seen.at == len(texts[-1]) else {})
        strays = sum(len(_STRAY_LETTER.findall(t)) for t in texts)
        if strays >= STRAY_LETTERS and strays * STRAY_SHARE >= sum(map(len, texts)):
            for page in reader.pages:  # letters set apart: read the words again
                laid_out = _expand(page.extract_text(extraction_mode="layout"))
                words.update(_LETTERS.findall(laid_out))
                words.update(_LETTERS.findall(_HYPHEN_BREAK.sub("", laid_out)))  # "govern-ments"
        meta = reader.metadata
        title = str(meta.title).strip() if meta is not None and meta.title else None
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many kinds of error on a damaged file
        detail = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else ""
        why = f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__
        raise InputError(f"{path}: content: not a readable PDF ({why})") from None
    finally:
        quiet.setLevel(level)
    texts = [t.replace(PAGE_BREAK, "\n") for t in texts]  # same length: the geometry holds
    scanned = not any(t.strip() for t in texts)
    if scanned:  # scanned pages: read by OCR where it is installed
        from pourparler.evidence import ocr

        if (need := ocr.missing()) is not None:
            raise InputError(
                f"{path}: content: the PDF has no text layer (scanned pages?); reading it by "
                f"OCR needs {need}"
            )
        texts = [t.replace(PAGE_BREAK, "\n") for t in ocr.page_texts(path, data)]
        shapes = [{} for _ in texts]
        if not any(t.strip() for t in texts):
            raise InputError(
                f"{path}: content: the PDF has no text layer (scanned pages?), and OCR found "
                "no text on its pages"
            )
    starts, at = [], 0
    geometry: dict[int, tuple[float, float]] = {}
    for t, shape in zip(texts, shapes, strict=True):
        starts.append(at)
        geometry.update({at + k: v for k, v in shape.items()})
        at += len(t) + len(PAGE_BREAK)
    good_title = title if title and not _BAD_TITLE.search(title) else None
    return PdfText(
        PAGE_BREAK.join(texts), tuple(starts), good_title, geometry, frozenset(words), scanned
    )


def looks_scanned(data: bytes) -> bool:
    """Whether the PDF ``data`` seems to need OCR: its first page has no text layer (a quick
    look, for choosing to read it in the background; :func:`extract` decides). A file pypdf
    cannot open does not: reading it will say why."""
    try:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        return not reader.is_encrypted and not (reader.pages[0].extract_text() or "").strip()
    except Exception:  # not a PDF, damaged, no pages: the reader reports it
        return False


def _opens_without_password(reader: object) -> bool:
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # an unsupported cipher is as good as a password here
        return False


@dataclass(frozen=True)
class _Line:
    text: str
    start: int  # offset of the line's first character in the extracted text
    page: int
    shape: tuple[float, float] | None  # height on the page and font size, when known
    spelled: str  # the text with ligatures spelled out and soft hyphens dropped


def _page_lines(pdf: PdfText) -> list[list[_Line]]:
    pages = []
    for k, start in enumerate(pdf.pages):
        end = pdf.pages[k + 1] - len(PAGE_BREAK) if k + 1 < len(pdf.pages) else len(pdf.raw)
        lines, at = [], start
        for text in pdf.raw[start:end].split("\n"):
            lead = len(text) - len(text.lstrip())
            if text.strip():
                body = text.strip()
                lines.append(_Line(body, at + lead, k, pdf.geometry.get(at), _expand(body)))
            at += len(text) + 1
        pages.append(lines)
    return pages


def _expand(text: str) -> str:
    return "".join(LIGATURES.get(ch, ch) for ch in text if ch not in _DROPPED)


def _edge_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _edges(lines: list[_Line], n: int) -> set[int]:
    """The numbers of the first and the last ``n`` lines."""
    return set(range(min(n, len(lines)))) | set(range(max(len(lines) - n, 0), len(lines)))


def _furniture(pages: list[list[_Line]]) -> set[tuple[int, int]]:
    """(page, line number) of each header, footer and page number line: a line that looks
    like one among a page's first or last :data:`EDGE_LINES`, and a line repeated at the
    edge of several pages (on a short page, only its first and last fifth are edges)."""
    repeated = [_edges(ls, max(1, min(EDGE_LINES, len(ls) // 5))) for ls in pages]
    seen: Counter[str] = Counter()
    for ls, edge in zip(pages, repeated, strict=True):
        seen.update({_edge_key(ls[i].spelled) for i in edge})
    need = min(max(2, math.ceil(0.5 * len(pages))), REPEATS)
    out = set()
    for p, (ls, edge) in enumerate(zip(pages, repeated, strict=True)):
        for i in _edges(ls, EDGE_LINES):
            s = ls[i].spelled
            if (
                (i in edge and seen[_edge_key(s)] >= need)
                or _PAGE_NUMBER.fullmatch(s)
                or _PRINT_HEADER.fullmatch(s)
                or _PRINT_FOOTER.fullmatch(s)
            ):
                out.add((p, i))
    return out


def _spelled(lines: list[_Line]) -> tuple[set[str], set[tuple[str, str]]]:
    """The words the document spells whole, and the pairs of words it joins with a hyphen
    ("all-for-all": ("all", "for") and ("for", "all"))."""
    whole: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for ln in lines:
        for w in _WORDS.findall(ln.spelled):
            parts = w.lower().replace("\u2010", "-").split("-")
            if len(parts) == 1:
                whole.add(parts[0])
            pairs.update(itertools.pairwise(parts))
    return whole, pairs


def _hyphen_breaks(body: list[_Line]) -> dict[int, bool]:
    """For each line (by its place in ``body``) that ends in a word broken after a hyphen,
    whether the hyphen stays: a soft hyphen never does; a hyphen stays where the document
    joins the two parts with a hyphen elsewhere or the first part is a number or a name
    ("30-" / "day", "U.S.-" / "led"), and goes where it spells the word whole elsewhere
    ("negoti-" / "ations"). The other breaks follow the document's habit: a typeset text
    that hyphenates words at line ends drops them, a text that breaks lines only at the
    hyphens of its compounds keeps them (and, with no evidence either way, they stay)."""
    whole, pairs = _spelled(body)
    known: dict[int, bool] = {}
    votes: list[bool] = []  # what the lowercase words broken with evidence say
    open_: list[int] = []
    for k, (ln, nxt) in enumerate(itertools.pairwise(body)):
        start = _WORD_START.match(nxt.spelled)
        if start is None or ln.text[-1] not in "-\u2010\u00ad":
            continue
        if ln.text[-1] == "\u00ad":
            known[k] = False
            continue
        end = _WORD_END.search(ln.spelled)
        if end is None:
            continue
        head, tail = end.group(1), start.group(0)
        if (head.lower(), tail.lower()) in pairs:
            known[k] = True
        elif (head + tail).lower() in whole:
            known[k] = False
        elif not head.isalpha() or not tail.islower():  # "30-" / "day", "U.S.-" / "led"
            known[k] = True
            continue
        else:
            open_.append(k)
            continue
        if head.islower():
            votes.append(known[k])
    habit = sum(votes) >= len(votes) - sum(votes)  # True: keep (also with no votes)
    return {**known, **dict.fromkeys(open_, habit)}


def _width(lines: list[_Line]) -> int:
    """The width of a page's lines, in characters: the widest but for a stray long line."""
    sizes = sorted(len(ln.text) for ln in lines)
    return sizes[int(0.9 * (len(sizes) - 1))] if sizes else 0


def _spacing(lines: list[_Line]) -> dict[float, float]:
    """A page's line spacing for each font size: the median drop from one line to the next
    set in that size."""
    drops: dict[float, list[float]] = {}
    for a, b in itertools.pairwise(lines):
        if a.shape and b.shape and abs(a.shape[1] - b.shape[1]) < 0.05 * a.shape[1]:
            if (drop := a.shape[0] - b.shape[0]) > 0:
                drops.setdefault(round(a.shape[1], 1), []).append(drop)
    return {size: statistics.median(d) for size, d in drops.items()}


def _ends_paragraph(
    line: _Line, nxt: _Line | None, width: int, spacings: dict[float, float]
) -> bool:
    """Whether a paragraph ends after ``line``: before a list item; not before a line starting
    in lower case; where the next line is set in another size or further down than the page's
    line spacing for that size (when the text's positions are known); after a short line that
    ends a sentence or, without positions, is followed by a full line (a heading or a speaker's
    name before the text); after a line that ends a sentence well short of the page's width."""
    if nxt is None or _LIST_ITEM.match(nxt.text):
        return True
    if nxt.text[0].islower() or nxt.text[0] in ",;)":
        return False
    n, short = len(line.text), SHORT_LINE * width
    sentence_end = line.text[-1] in _TERMINAL
    placed = line.shape is not None and nxt.shape is not None and line.page == nxt.page
    if placed and line.shape and nxt.shape:
        (y, size), (next_y, next_size) = line.shape, nxt.shape
        if abs(size - next_size) > 0.1 * max(size, next_size):
            return True
        drop, spacing = y - next_y, spacings.get(round(size, 1), 0.0)
        if spacing and drop > GAP * spacing:
            return True
        if spacing and 0 < drop:  # the next line in the same block: only a sentence ends it
            return sentence_end and n < SENTENCE_END_LINE * width
    if n < short:
        return sentence_end or len(nxt.text) >= short
    return sentence_end and n < SENTENCE_END_LINE * width


def paragraphs(pdf: PdfText) -> tuple[str, list[int]]:
    """The PDF's article text, one paragraph a line, and for each of its characters the offset
    in ``pdf.raw`` it comes from (for :func:`pourparler.evidence.clean.clean_plain`)."""
    pages = _page_lines(pdf)
    drop = _furniture(pages)
    body = [ln for p, ls in enumerate(pages) for i, ln in enumerate(ls) if (p, i) not in drop]
    by_page: list[list[_Line]] = [[] for _ in pages]
    for ln in body:
        by_page[ln.page].append(ln)
    widths = [_width(lines) for lines in by_page]
    spacings = [_spacing(lines) for lines in by_page]
    breaks = _hyphen_breaks(body)
    chars: list[str] = []
    index: list[int] = []
    for k, ln in enumerate(body):
        nxt = body[k + 1] if k + 1 < len(body) else None
        text = ln.text
        joined_word = k in breaks  # a word broken after a hyphen: joined without a space
        if joined_word and not breaks[k]:
            text = text[:-1]
        for j, ch in enumerate(text):
            if ch in _DROPPED:
                continue
            spelled = LIGATURES.get(ch, ch)
            chars.append(spelled)
            index.extend([ln.start + j] * len(spelled))
        if nxt is None:
            break
        if joined_word:
            continue
        # the character after the line (its newline or page break) stands for the separator
        after = ln.start + len(ln.text)
        if _ends_paragraph(ln, nxt, max(widths[ln.page], 1), spacings[ln.page]):
            chars.append("\n")
        else:
            chars.append(" ")
        index.append(after)
    return mend_words("".join(chars), index, pdf.words)


def mend_words(text: str, index: list[int], words: frozenset[str]) -> tuple[str, list[int]]:
    """``text`` (and its ``index``) with the spaces taken out that pypdf's plain extraction puts
    where a typesetter kerned or placed letters apart: inside a word ("ne gotiations",
    "T urkish", "w ould"; two neighbours joined by one space are made one word when together
    they are a word of ``words``, the words of the layout extraction and those the text spells
    whole, and one of them alone is not: "a way" stays), before a comma, semicolon, colon,
    question or exclamation mark ("Monday ,") and after an apostrophe ("Russia’ s")."""
    cut: set[int] = {m.start() for m in _LOOSE_PUNCTUATION.finditer(text)}
    tokens = list(_LETTERS.finditer(text))
    known = words | {t.group() for t in tokens}
    seen_whole = Counter(t.group() for t in tokens)
    for a, b in itertools.pairwise(tokens):
        if b.start() != a.end() + 1 or text[a.end()] != " ":
            continue
        left, right = a.group(), b.group()
        joined = left + right
        if joined not in words and not (seen_whole[joined] and joined in known):
            continue
        if left not in words or right not in words:
            cut.add(a.end())
    if not cut:
        return text, index
    kept = [k for k in range(len(text)) if k not in cut]
    return "".join(text[k] for k in kept), [index[k] for k in kept]

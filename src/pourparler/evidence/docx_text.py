"""Article text from a Word document (``.docx``): the paragraphs of its body, one a line.

A ``.docx`` file is a zip of XML parts; the body is ``word/document.xml``, whose paragraphs
(``w:p``, in tables too) hold runs of text (``w:t``), tabs and breaks; hidden runs
(``w:vanish``) are left out, as Word does not show them. Headers, footers,
footnotes and comments are parts of their own and are left out, like a page's furniture. The
title comes from the document's properties (``docProps/core.xml``) when the text shows none.
Read with the standard library only (``zipfile`` and ElementTree, whose expat refuses entity
expansion attacks); a part larger than :data:`MAX_PART_BYTES` unpacked is refused before it
is read, so a zip bomb costs nothing.
"""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
import zipfile
import zlib
from pathlib import Path

from pourparler.errors import InputError

MAX_PART_BYTES = 50 * 1024 * 1024
BODY = "word/document.xml"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"


def _part(z: zipfile.ZipFile, name: str, path: Path) -> bytes | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise InputError(
            f"{path}: size: its {name} unpacks to {info.file_size:,} bytes, over the limit of "
            f"{MAX_PART_BYTES:,}"
        )
    with z.open(info) as f:
        return f.read(MAX_PART_BYTES + 1)[:MAX_PART_BYTES]


def _paragraphs(el: ET.Element) -> list[str]:
    """The text of each paragraph under ``el``, in document order; a paragraph inside another
    (a text box) comes after the one that holds it."""
    out: list[str] = []
    for child in el:
        if child.tag == f"{_W}p":
            out += _paragraph(child)
        else:
            out += _paragraphs(child)
    return out


def _hidden(run: ET.Element) -> bool:
    """Whether a run's text is hidden (``w:vanish`` in its properties, not turned off): Word
    does not show it, so it is not the document's text."""
    props = run.find(f"{_W}rPr")
    vanish = props.find(f"{_W}vanish") if props is not None else None
    return vanish is not None and vanish.get(f"{_W}val", "true") not in ("0", "false", "off")


def _paragraph(p: ET.Element) -> list[str]:
    text: list[str] = []
    inner: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag == f"{_W}p":
                inner.extend(_paragraph(child))
            elif tag == f"{_W}r" and _hidden(child):
                continue
            elif tag == f"{_W}t":
                text.append(child.text or "")
            elif tag == f"{_W}tab":
                text.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                text.append(" ")
            else:
                walk(child)

    walk(p)
    return [" ".join("".join(text).split()), *inner]


def extract(path: Path, data: bytes) -> tuple[str, str | None]:
    """The body text of the Word document ``data`` (the file ``path``), a paragraph a line,
    and the title its properties give; a file that is not a readable Word document raises
    :class:`InputError` naming the file."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            body = _part(z, BODY, path)
            if body is None:
                raise InputError(f"{path}: content: not a Word document (no {BODY} in it)")
            core = _part(z, "docProps/core.xml", path)
            root = ET.fromstring(body)
            title_el = ET.fromstring(core).find(_DC_TITLE) if core else None
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ET.ParseError, OSError, EOFError) as exc:
        raise InputError(f"{path}: content: not a readable Word document ({exc})") from None
    except (zlib.error, NotImplementedError, RuntimeError) as exc:  # damaged, encrypted
        raise InputError(f"{path}: content: not a readable Word document ({exc})") from None
    try:
        text = "\n".join(line for line in _paragraphs(root) if line)
    except RecursionError:
        raise InputError(f"{path}: content: elements nested too deeply to be a document") from None
    if not text.strip():
        raise InputError(f"{path}: content: the Word document has no text")
    title = title_el.text.strip() if title_el is not None and title_el.text else None
    return text, title or None

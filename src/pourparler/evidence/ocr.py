"""The text of a PDF without a text layer (scanned pages: a signed letter, a photographed
memorandum) by optical character recognition: each page is rendered by PDFium (``pypdfium2``,
the ``ocr`` extra) at :data:`DPI` dots per inch (less for a page too large for
:data:`MAX_PIXELS`), in grey, and read by Tesseract, a program
installed apart (``apt-get install tesseract-ocr``; ``tesseract-ocr-rus``, ``-ukr`` … for other
languages). The languages read are ``$POURPARLER_OCR_LANGUAGES`` (Tesseract's names joined by
``+``, e.g. ``eng+rus+ukr``), else English.

Recognised text can be wrong where the scan is poor, so a document read this way is flagged
when it is added. At most :data:`MAX_PAGES` pages are read, each within
:data:`PAGE_TIMEOUT_S` seconds.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
import shutil
import subprocess
from pathlib import Path

from pourparler.errors import InputError

DPI = 300
MAX_PIXELS = 40_000_000  # a page's image at most (an A4 page at 300 dpi is 8.7 million)
MAX_PAGES = 60  # scanned pages one document may have
PAGE_TIMEOUT_S = 120.0  # seconds Tesseract may take over one page
LANGUAGES_VAR = "POURPARLER_OCR_LANGUAGES"
_LANGUAGES = re.compile(r"[A-Za-z_]{3,16}(?:\+[A-Za-z_]{3,16}){0,7}")


def missing() -> str | None:
    """What must be installed before a scanned PDF can be read (None: nothing)."""
    if importlib.util.find_spec("pypdfium2") is None:
        return "the ocr extra (pip install 'pourparler[ocr]') and Tesseract"
    if shutil.which("tesseract") is None:
        return "the Tesseract program (apt-get install tesseract-ocr, brew install tesseract)"
    return None


def languages() -> str:
    """The languages Tesseract reads (``$POURPARLER_OCR_LANGUAGES``, else ``eng``); a value
    that is not Tesseract language names joined by ``+`` is bad input."""
    value = os.environ.get(LANGUAGES_VAR, "").strip() or "eng"
    if not _LANGUAGES.fullmatch(value):
        raise InputError(
            f"{LANGUAGES_VAR}: {value[:40]!r}: not Tesseract language names joined by + "
            "(e.g. eng+rus+ukr)"
        )
    return value


def page_texts(path: Path, data: bytes) -> list[str]:
    """The text Tesseract reads on each page of the PDF ``data`` (the file ``path``); a page
    it cannot read, a language not installed, or more than :data:`MAX_PAGES` pages is bad
    input naming the file."""
    import pypdfium2 as pdfium

    langs = languages()
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{path}: content: not a readable PDF for OCR ({exc})") from None
    try:
        if len(doc) > MAX_PAGES:
            raise InputError(
                f"{path}: content: {len(doc)} scanned pages, over the {MAX_PAGES} read by OCR"
            )
        return [_read_page(path, doc[k], k + 1, langs) for k in range(len(doc))]
    finally:
        doc.close()


def render_scale(width: float, height: float) -> float:
    """The scale a page of ``width`` by ``height`` points is rendered at: :data:`DPI`, less
    for a page so large that its image would pass :data:`MAX_PIXELS` (a poster, or a page
    size set to the limit of the format)."""
    scale = DPI / 72
    area = max(width, 1.0) * max(height, 1.0) * scale * scale
    return scale if area <= MAX_PIXELS else scale * math.sqrt(MAX_PIXELS / area)


def _read_page(path: Path, page: object, number: int, langs: str) -> str:
    width, height = page.get_size()  # type: ignore[attr-defined]
    scale = render_scale(width, height)
    bitmap = page.render(scale=scale, grayscale=True)  # type: ignore[attr-defined]
    pixels = bitmap.to_numpy()
    height, width = pixels.shape[:2]
    image = f"P5 {width} {height} 255\n".encode() + pixels.reshape(height, width).tobytes()
    dpi = max(round(72 * scale), 1)
    command = ["tesseract", "stdin", "stdout", "-l", langs, "--dpi", str(dpi)]
    try:
        done = subprocess.run(
            command,
            input=image,
            capture_output=True,
            timeout=PAGE_TIMEOUT_S,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one page at a time, one thread
        )
    except subprocess.TimeoutExpired:
        raise InputError(
            f"{path}: content: OCR of page {number} took longer than {PAGE_TIMEOUT_S:g} s"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: content: OCR could not run Tesseract ({exc})") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        why = said[-1][:160] if said else f"exit code {done.returncode}"
        raise InputError(f"{path}: content: OCR of page {number} failed (tesseract: {why})")
    return done.stdout.decode("utf-8", "replace").replace("\f", "\n")

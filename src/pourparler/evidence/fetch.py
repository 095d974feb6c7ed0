"""Articles from the web: ``evidence add https://…`` fetches the page (HTML, plain text or PDF)
and reads it like a file, with the address as the document's locator and its host as the
outlet when the page names none.

Only ``http`` and ``https`` addresses are fetched, with a time limit and a size limit (those of
files: :data:`~pourparler.evidence.ingest.MAX_BYTES`, a PDF's or Word document's
:data:`~pourparler.evidence.ingest.MAX_PACKED_BYTES`); redirects are followed. A page that cannot
be had (no such host, refused, timed out, an HTTP error status, too large) raises
:class:`~pourparler.errors.InputError` naming the address and what went wrong.
"""

from __future__ import annotations

import codecs
import re
import urllib.parse
from pathlib import PurePosixPath
from typing import NamedTuple

from pourparler import __version__
from pourparler.errors import InputError

TIMEOUT_S = 30.0
_URL = re.compile(r"^https?://", re.IGNORECASE)
_CHUNK = 1 << 16


def is_url(text: str) -> bool:
    """Whether ``text`` is an ``http`` or ``https`` address (not a file path)."""
    return bool(_URL.match(text))


def page_name(url: str) -> str:
    """A file name for the page at ``url``: the last part of its path, else its host."""
    parts = urllib.parse.urlsplit(url)
    name = PurePosixPath(urllib.parse.unquote(parts.path)).name
    return name or parts.hostname or "page"


class Page(NamedTuple):
    """A fetched page: its body, the character set its server declared (as Python names it;
    None if none or unknown) and the address it was finally fetched from (after redirects)."""

    data: bytes
    charset: str | None
    url: str


def fetch(url: str, max_bytes: int, timeout: float = TIMEOUT_S) -> Page:
    """The page at ``url``, at most ``max_bytes`` of it."""
    import http.client  # here: only a command that fetches pays for loading them
    import urllib.error
    import urllib.request

    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: address: not an http or https address with a host")
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"pourparler/{__version__} (evidence reader)",
            "Accept": "text/html, application/xhtml+xml, text/plain, application/pdf;q=0.9, "
            "*/*;q=0.1",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(
                    f"{url}: size: {int(declared):,} bytes is over the limit of {max_bytes:,}"
                )
            chunks: list[bytes] = []
            total = 0
            while chunk := response.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(f"{url}: size: over the limit of {max_bytes:,} bytes")
                chunks.append(chunk)
            charset = _known(response.headers.get_content_charset())
            final = response.geturl()
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: fetch: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        timed_out = isinstance(reason, TimeoutError)
        why = f"timed out after {timeout:g} s" if timed_out else str(reason)
        raise InputError(f"{url}: fetch: {why}") from None
    except TimeoutError:
        raise InputError(f"{url}: fetch: timed out after {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, malformed reply
        raise InputError(f"{url}: fetch: {type(exc).__name__}: {exc}") from None
    return Page(b"".join(chunks), charset, final)


def _known(charset: str | None) -> str | None:
    try:
        return codecs.lookup(charset).name if charset else None
    except LookupError:
        return None

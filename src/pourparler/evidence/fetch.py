"""Articles from the web: ``evidence add https://…`` fetches the page (HTML, plain text or PDF)
and reads it like a file, with the address as the document's locator and its host as the
outlet when the page names none.

Only ``http`` and ``https`` addresses are fetched, with a time limit (for each answer, and
:data:`WHOLE_PAGE_TIMEOUTS` times it for the whole page) and a size limit (those of
files: :data:`~pourparler.evidence.ingest.MAX_BYTES`, a PDF's or Word document's
:data:`~pourparler.evidence.ingest.MAX_PACKED_BYTES`); redirects are followed. A page that cannot
be had (no such host, refused, timed out, an HTTP error status, too large) raises
:class:`~pourparler.errors.InputError` naming the address and what went wrong.

A server that fetches for others (the web app's add form) fetches with ``public_only``: every
connection, the first and each redirect's, goes straight to an address on the public internet,
checked after the name is resolved and before anything is sent. Loopback, private, link-local,
shared and reserved addresses are refused, whatever name leads to them, and proxies set in the
environment are not used (a proxy would make the check meaningless). Either way the name lookup
has the time limit too: the system resolver has none of its own.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import socket
import time
import urllib.parse
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, NamedTuple

from pourparler import __version__
from pourparler.errors import InputError

if TYPE_CHECKING:
    from urllib.request import OpenerDirector

TIMEOUT_S = 30.0
WHOLE_PAGE_TIMEOUTS = 4  # the whole page must arrive within this many time limits
_URL = re.compile(r"^https?://", re.IGNORECASE)
_CHUNK = 1 << 16


def is_url(text: str) -> bool:
    """Whether ``text`` is an ``http`` or ``https`` address (not a file path)."""
    return bool(_URL.match(text))


def page_name(url: str) -> str:
    """A file name for the page at ``url``: the last part of its path, else its host."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:  # a malformed address: its fetch says what is wrong with it
        return "page"
    name = PurePosixPath(urllib.parse.unquote(parts.path)).name
    return name or parts.hostname or "page"


def ascii_url(url: str) -> str:
    """``url`` as it goes on the wire: a host in another script in its IDNA form
    (``пример.рф`` → ``xn--e1afmkfd.xn--p1ai``), other characters outside ASCII in the path,
    query and fragment percent-encoded (as UTF-8); an address that is ASCII already is
    unchanged."""
    if url.isascii():
        return url
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise InputError(f"{url}: address: {host}: not a valid host name") from None
    netloc = host if ":" not in host else f"[{host}]"
    if parts.port is not None:
        netloc += f":{parts.port}"
    if parts.username is not None:
        user = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{urllib.parse.quote(user, safe=':%')}@{netloc}"
    keep = "/%:@!$&'()*+,;=?~"  # reserved and already-encoded characters stay as they are
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=keep),
            urllib.parse.quote(parts.query, safe=keep),
            urllib.parse.quote(parts.fragment, safe=keep),
        )
    )


class Page(NamedTuple):
    """A fetched page: its body, the character set its server declared (as Python names it;
    None if none or unknown), the address it was finally fetched from (after redirects), and
    what its server said would tell a later request whether it changed (``ETag``,
    ``Last-Modified``; None when it said nothing)."""

    data: bytes
    charset: str | None
    url: str
    etag: str | None = None
    modified: str | None = None


class NotModified(Exception):
    """The page has not changed since the request's ``validators`` were given (HTTP 304)."""


def is_public(address: str) -> bool:
    """Whether the IP ``address`` is one on the public internet (not loopback, private,
    link-local, shared, multicast or reserved; an IPv4 address mapped into IPv6 as itself)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class InternalAddress(OSError):
    """A public-only fetch was led to an address that is not public."""

    def __init__(self, host: str, address: str) -> None:
        super().__init__(f"{host} is an internal address ({address})")
        self.host, self.address = host, address


def _resolve(host: str, port: int, timeout: float) -> list[Any]:
    """``socket.getaddrinfo`` for a stream to ``host``, within ``timeout`` seconds: the system
    resolver has no time limit of its own, so it runs on a thread of its own, left to finish
    by itself when it takes too long."""
    import threading

    found: list[Any] = []
    failed: list[OSError] = []

    def look_up() -> None:
        try:
            found.extend(socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
        except OSError as exc:
            failed.append(exc)

    thread = threading.Thread(target=look_up, name="pourparler-resolve", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise TimeoutError(f"looking up {host} took longer than {timeout:g} s")
    if failed:
        raise failed[0]
    return found


def _connect(
    address: tuple[str, int],
    timeout: object = None,
    source_address: object = None,
    *,
    public_only: bool = False,
) -> socket.socket:
    """``socket.create_connection`` whose name lookup has the time limit too (the system
    resolver has none of its own). With ``public_only``, to a public address of ``host`` only:
    the name is resolved once, and the socket connects to the address that was checked (so a
    name cannot resolve to one address for the check and another for the connection)."""
    host, port = address
    infos = _resolve(host, port, timeout if isinstance(timeout, (int, float)) else TIMEOUT_S)
    refused: str | None = None
    error: OSError | None = None
    for family, kind, proto, _, sockaddr in infos:
        ip = str(sockaddr[0])
        if public_only and not is_public(ip):
            refused = refused or ip
            continue
        sock = socket.socket(family, kind, proto)
        try:
            if isinstance(timeout, (int, float)):
                sock.settimeout(timeout)
            if source_address is not None:
                sock.bind(source_address)  # type: ignore[arg-type]
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            error = exc
    if error is not None:
        raise error
    if public_only:
        raise InternalAddress(host, refused or "no address")
    raise OSError(f"{host} has no address")


def _opener(public_only: bool) -> OpenerDirector:
    """A ``urllib`` opener whose name lookups have the time limit, which never follows a
    redirect to ftp. With ``public_only``, its connections go only to public addresses, with
    no proxy; otherwise the environment's proxies are used, as by any other program."""
    import functools
    import http.client
    import urllib.error
    import urllib.request

    connect = functools.partial(_connect, public_only=public_only)

    class HTTP(http.client.HTTPConnection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = connect

    class HTTPS(http.client.HTTPSConnection):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._create_connection = connect

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(HTTP, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(HTTPS, req)

    class NoFTP(urllib.request.FTPHandler):  # a redirect may lead to ftp://, never checked
        def ftp_open(self, req: urllib.request.Request) -> Any:
            raise urllib.error.URLError("redirected to an ftp address, which is not fetched")

    if not public_only:
        return urllib.request.build_opener(HTTPHandler(), HTTPSHandler(), NoFTP())
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), HTTPHandler(), HTTPSHandler(), NoFTP()
    )


def address_problem(url: str) -> str | None:
    """What is wrong with ``url`` as an address to fetch (None: nothing): not ``http`` or
    ``https`` with a host, a port that is not a number from 0 to 65535, a user name or password
    (never sent: pages are read as the public sees them), a control character (a NUL, a tab:
    no request can carry it)."""
    control = next((ch for ch in url if ord(ch) < 32 or ord(ch) == 127), None)
    if control is not None:
        return f"holds a control character ({control!r}), which no address can carry"
    try:
        parts = urllib.parse.urlsplit(url)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            problem: str | None = "not an http or https address with a host"
        elif parts.username is not None or parts.password is not None:
            problem = "a user name or password is not sent (save the page and add the file)"
        else:
            parts.port  # noqa: B018 - checked: a port that is not a number from 0 to 65535
            problem = None
    except ValueError as exc:  # "Invalid IPv6 URL", or the port
        problem = (
            "the port is not a number from 0 to 65535" if "port" in str(exc).lower() else str(exc)
        )
    return problem


def fetch(
    url: str,
    max_bytes: int,
    timeout: float = TIMEOUT_S,
    public_only: bool = False,
    validators: tuple[str | None, str | None] | None = None,
) -> Page:
    """The page at ``url``, at most ``max_bytes`` of it; with ``public_only``, only from
    addresses on the public internet (the module's docstring). ``validators``: the ETag and
    Last-Modified of an earlier answer, sent back; :class:`NotModified` when the server says
    the page has not changed since."""
    import http.client  # here: only a command that fetches pays for loading them
    import urllib.error
    import urllib.request

    if (problem := address_problem(url)) is not None:
        raise InputError(f"{url}: address: {problem}")
    wire = ascii_url(url)
    request = urllib.request.Request(
        wire,
        headers={
            "User-Agent": f"pourparler/{__version__} (evidence reader)",
            "Accept": "text/html, application/xhtml+xml, text/plain, application/pdf;q=0.9, "
            "*/*;q=0.1",
        },
    )
    etag, modified = validators or (None, None)
    if etag:
        request.add_header("If-None-Match", etag)
    if modified:
        request.add_header("If-Modified-Since", modified)
    opener = _opener(public_only)
    try:
        with opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputError(
                    f"{url}: size: {int(declared):,} bytes is over the limit of {max_bytes:,}"
                )
            chunks: list[bytes] = []
            total = 0
            deadline = time.monotonic() + WHOLE_PAGE_TIMEOUTS * timeout
            while chunk := response.read1(_CHUNK):  # what has come, not a full chunk
                total += len(chunk)
                if total > max_bytes:
                    raise InputError(f"{url}: size: over the limit of {max_bytes:,} bytes")
                if time.monotonic() > deadline:  # a server trickling its page
                    raise InputError(
                        f"{url}: fetch: the page took longer than "
                        f"{WHOLE_PAGE_TIMEOUTS * timeout:g} s to arrive"
                    )
                chunks.append(chunk)
            charset = _known(response.headers.get_content_charset())
            said = (response.headers.get("ETag"), response.headers.get("Last-Modified"))
            final = response.geturl()
            final = url if final == wire else final  # not redirected: the address as given
    except InputError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and validators is not None:
            raise NotModified(url) from None
        raise InputError(f"{url}: fetch: HTTP {exc.code} {_one_line(exc.reason)}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, InternalAddress):
            raise InputError(
                f"{url}: address: {reason}; this server fetches only public addresses"
            ) from None
        timed_out = isinstance(reason, TimeoutError)
        why = f"timed out after {timeout:g} s" if timed_out else _one_line(reason)
        raise InputError(f"{url}: fetch: {why}") from None
    except TimeoutError:
        raise InputError(f"{url}: fetch: timed out after {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:  # reset, malformed reply
        raise InputError(f"{url}: fetch: {type(exc).__name__}: {_one_line(exc)}") from None
    return Page(b"".join(chunks), charset, final, *(_short_header(v) for v in said))


def _one_line(reason: object) -> str:
    """A library's reason on one line: urllib's for a redirect loop spans three ("... infinite
    loop.\nThe last 30x error message was:\nFound")."""
    return " ".join(str(reason).split())


def _short_header(value: str | None) -> str | None:
    """A validator header as kept (None when absent or unreasonably long)."""
    return value.strip() if value and len(value) <= 400 and value.isprintable() else None


def _known(charset: str | None) -> str | None:
    try:
        return codecs.lookup(charset).name if charset else None
    except LookupError:
        return None

"""Reading and writing user files safely: regular files only, never more than a stated number
of bytes read, never half a file written.

A path may name a device (``/dev/zero``), a FIFO or a socket whose ``st_size`` is 0 or
meaningless; reading it whole would hang or exhaust memory. :func:`read_regular_file` refuses
anything that is not a regular file (checked before and after opening, without blocking on a
FIFO) and stops reading one byte past its limit. :func:`write_text_atomically` writes beside the
target and renames, and never replaces a folder, device, FIFO or socket (writing to a FIFO would
block until something reads it).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from pourparler.errors import InputError


class UnreadableFile(Exception):
    """A file that cannot or may not be read; ``str(exc)`` says why in a few words
    (without the file name, which the caller adds in its own error type)."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a directory, not a file"
    if stat.S_ISFIFO(mode):
        return "is a FIFO (named pipe), not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    return "is not a regular file"


def read_regular_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    Raises :class:`UnreadableFile` when the path is missing, unreadable, not a regular file or
    larger than ``max_bytes``.
    """
    p = Path(path)
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise UnreadableFile("no such file") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    if not stat.S_ISREG(st.st_mode):
        raise UnreadableFile(_kind(st.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(p, flags)
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped between the two checks
            raise UnreadableFile(_kind(st.st_mode))
        chunks: list[bytes] = []
        total = 0
        while total <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:
            raise UnreadableFile(f"file is too large (over the limit of {max_bytes:,} bytes)")
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or type(exc).__name__}") from None
    finally:
        os.close(fd)


def refuse_existing(path: Path, force: bool) -> None:
    """An existing file (or a link, whatever it points to) is overwritten only when asked
    (``force``)."""
    try:
        exists = path.is_file() or path.is_symlink()
    except (OSError, ValueError):
        exists = False
    if exists and not force:
        raise InputError(f"{path}: file exists (use --force to overwrite)")


def write_text_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and rename, so a failure never leaves half a file. Only a
    regular file is ever replaced: never a folder, device, FIFO or socket. A link is followed:
    the file it names is replaced and the link kept (a link to a device, ``/dev/stdout`` to a
    pipe, is refused like the device). The file gets the usual permissions (0666 less the
    umask), not the temporary file's 0600."""

    try:
        real = Path(os.path.realpath(path)) if os.path.islink(path) else path
        mode = os.stat(path).st_mode  # of what a link points to
    except FileNotFoundError:
        mode = None
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot write ({getattr(exc, 'strerror', None) or exc})"
        ) from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise InputError(f"{path}: cannot write: is {kind}")
    if real.parent and not real.parent.exists():
        raise InputError(f"{path}: folder {real.parent} does not exist")
    try:
        replace_atomically(real, text.encode("utf-8"))
    except CannotCreate as exc:
        raise InputError(f"{path}: cannot write here ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None


class CannotCreate(OSError):
    """No temporary file can be made beside the target (the folder is not writable)."""


def replace_atomically(real: Path, data: bytes, sync: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``real`` and rename it over ``real`` (after an
    ``fsync`` with ``sync``), with the usual permissions (0666 less the umask); the temporary
    file is removed on any failure. :class:`CannotCreate` when no temporary file can be made,
    another :class:`OSError` when writing or renaming fails."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=real.parent or ".", prefix=f".{real.name}.", suffix=".tmp")
    except OSError as exc:
        raise CannotCreate(exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            if sync:
                out.flush()
                os.fsync(out.fileno())
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        os.replace(tmp, real)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""The one exception type the command line turns into a one-line message and exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Bad input from the user: a file, field or value. ``str(exc)`` is the one-line message,
    which names the file (or argument), the field and what is wrong."""

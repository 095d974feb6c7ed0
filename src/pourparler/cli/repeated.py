"""Options that take one value, given more than once.

The option parser keeps the last of them without a word (``deals --track ceasefire --track
security`` analysed the security track only); the command line refuses them instead, before
any work.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def repeated_option(command: Any, argv: Sequence[str]) -> tuple[str, str] | None:
    """(the command's path, the option) of the first option taking one value that ``argv``
    gives twice, else None; ``command`` is the command line's tree
    (``typer.main.get_command``). Options are read as the parser reads them (``--opt value``
    or ``--opt=value``; ``--`` ends them); anything else is left to the parser to report."""
    args = list(argv)
    path: list[str] = []
    while hasattr(command, "commands"):  # a group: the next word names its subcommand
        if not args or args[0] not in command.commands:
            return None
        path.append(args[0])
        command = command.commands[args.pop(0)]
    takes_value: dict[str, Any] = {}
    for param in getattr(command, "params", ()):
        if getattr(param, "param_type_name", "") != "option":
            continue
        if not (getattr(param, "is_flag", False) or getattr(param, "count", False)):
            takes_value.update({name: param for name in param.opts})
    seen: set[str] = set()
    k = 0
    while k < len(args):
        word = args[k]
        k += 1
        if word == "--":
            break
        name, has_value, _ = word.partition("=")
        param = takes_value.get(name)
        if param is None:
            continue
        if not has_value:
            k += 1  # its value
        if getattr(param, "multiple", False):
            continue
        if param.name in seen:
            return " ".join(path), max(param.opts, key=len)
        seen.add(param.name)
    return None

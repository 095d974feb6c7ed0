"""Entry point: builds the typer app from the command modules and turns bad input into exit 2.

Each module in :data:`COMMAND_MODULES` defines ``register(app)``; modules import their heavy
dependencies inside the commands, so ``pourparler --help`` stays fast.
"""

from __future__ import annotations

import errno
import importlib
import inspect
import re
import sys

import typer

from pourparler import __version__
from pourparler.errors import InputError

COMMAND_MODULES = (
    "pourparler.cli.scenario_commands",
    "pourparler.cli.forecast_command",
    "pourparler.cli.sensitivity_command",
    "pourparler.cli.deals_command",
    "pourparler.cli.evidence_command",
    "pourparler.cli.durability_command",
    "pourparler.cli.serve_command",
    "pourparler.cli.report_command",
    "pourparler.cli.simulate_command",
    "pourparler.cli.compare_command",
)

EXIT_BAD_INPUT = 2
OUTPUT_FULL = frozenset(
    {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
)  # a full disk, a file too large, a quota


def _drop_stdout() -> None:
    """Point stdout at the null device, so that flushing what is left of it at exit does not
    fail a second time with a message of its own."""
    import os

    try:
        sys.stdout.flush()
    except OSError:
        pass
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (stdout replaced in-process)
        pass


def _version(value: bool) -> None:
    if value:
        typer.echo(f"pourparler {__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    app = typer.Typer(
        name="pourparler",
        help="Model, analyse and forecast multi-party negotiations.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )

    @app.callback()
    def _root(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ) -> None:
        """Model, analyse and forecast multi-party negotiations."""

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(app)
    _tidy_help(app)
    return app


_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z(])")


def reflow(text: str) -> str:
    """``text`` (a docstring) with the line breaks inside each paragraph turned into spaces,
    so that rich wraps it to the terminal's width; paragraphs stay apart."""
    paragraphs = re.split(r"\n\s*\n", inspect.cleandoc(text))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def summary(text: str) -> str:
    """The first sentence of ``text``'s first paragraph (a full stop outside parentheses and
    followed by a capital), for the one-line summary in a command list."""
    first = reflow(text).split("\n\n", 1)[0]
    depth = 0
    for k, ch in enumerate(first):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth <= 0 and _SENTENCE_END.match(first, k):
            return first[: k + 1]
    return first


def _tidy_help(app: typer.Typer) -> None:
    """Give each command (and those of each group) its help reflowed and, for the command
    list, a summary of one sentence, instead of the docstring's hard line breaks."""
    for info in app.registered_commands:
        text = info.help if isinstance(info.help, str) else inspect.getdoc(info.callback)
        if text:
            info.help = reflow(text)
            if not isinstance(info.short_help, str):
                info.short_help = summary(text)
    for group in app.registered_groups:
        sub = group.typer_instance
        if isinstance(sub, typer.Typer):
            if isinstance(sub.info.help, str):
                sub.info.help = reflow(sub.info.help)
                if not isinstance(sub.info.short_help, str):
                    sub.info.short_help = summary(sub.info.help)
            _tidy_help(sub)


def main(argv: list[str] | None = None) -> None:
    """Run the command line; bad input, including a malformed option, ends with one line on
    stderr and exit code 2. A command group given no subcommand prints its help (exit 2)."""
    from typer.exceptions import TyperException

    from pourparler.cli.repeated import repeated_option

    # the command tree is built once (about 25 ms), for the check and for the run; typer's
    # own call would build it again only to set its pretty tracebacks, which are off here
    cli = typer.main.get_command(build_app())
    twice = repeated_option(cli, sys.argv[1:] if argv is None else argv)
    if twice is not None:
        command, option = twice
        sys.stderr.write(
            f"pourparler: error: {command}: {option}: given more than once; give it once "
            f"(see 'pourparler {command} --help')\n"
        )
        sys.exit(EXIT_BAD_INPUT)
    try:
        code = cli(args=argv, prog_name="pourparler", standalone_mode=False)
    except InputError as exc:
        from pourparler.cli.common import plain

        sys.stderr.write(f"pourparler: error: {plain(exc)}\n")
        sys.exit(EXIT_BAD_INPUT)
    except typer.Abort:
        sys.stderr.write("Aborted!\n")
        sys.exit(1)
    except OSError as exc:  # the output could not be written: stdout on a full disk, say
        if exc.errno not in OUTPUT_FULL:
            raise
        _drop_stdout()
        where = exc.filename or "the output"
        sys.stderr.write(f"pourparler: error: {where}: cannot write ({exc.strerror})\n")
        sys.exit(EXIT_BAD_INPUT)
    except TyperException as exc:  # typer's usage errors (bad option values, unknown options)
        show = getattr(exc, "show", None)
        if type(exc).__name__ == "NoArgsIsHelpError" or not hasattr(exc, "format_message"):
            if callable(show):
                show()
            sys.exit(int(getattr(exc, "exit_code", EXIT_BAD_INPUT)))
        ctx = getattr(exc, "ctx", None)
        path = str(ctx.command_path) if ctx is not None else "pourparler"
        command = path.partition(" ")[2]
        message = " ".join(str(exc.format_message()).split())
        where = f"{command}: " if command else ""
        sys.stderr.write(f"pourparler: error: {where}{message} (see '{path} --help')\n")
        sys.exit(int(getattr(exc, "exit_code", EXIT_BAD_INPUT)))
    sys.exit(code if isinstance(code, int) else 0)

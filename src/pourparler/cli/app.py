"""Entry point: builds the typer app from the command modules and turns bad input into exit 2.

Each module in :data:`COMMAND_MODULES` defines ``register(app)``; modules import their heavy
dependencies inside the commands, so ``pourparler --help`` stays fast.
"""

from __future__ import annotations

import importlib
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
)

EXIT_BAD_INPUT = 2


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
    return app


def main(argv: list[str] | None = None) -> None:
    """Run the command line; bad input ends with one line on stderr and exit code 2.

    Usage errors (unknown options, missing arguments) are reported by typer, also with exit 2.
    """
    app = build_app()
    try:
        app(args=argv, prog_name="pourparler")
    except InputError as exc:
        sys.stderr.write(f"pourparler: error: {exc}\n")
        sys.exit(EXIT_BAD_INPUT)

"""The what-if options every command that takes a scenario offers: ``--set PATH=VALUE``,
``--drop ACTOR``, ``--seat ACTOR`` and ``--unseat ACTOR`` (each repeatable).

A command adopts them with four parameters and one call::

    from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt

    def command(
        scenario: ...,
        set_: SetOpt = None,
        drop: DropOpt = None,
        seat: SeatOpt = None,
        unseat: UnseatOpt = None,
    ) -> None:
        from pourparler.cli.whatif_options import load_with_changes

        sc = load_with_changes(scenario, set_, drop, seat, unseat)

The changes are applied by :mod:`pourparler.scenario.whatif`; the result's provenance records
them (``parameters.what_if``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

PANEL = "What-if (changes to the scenario, not to its file)"

SetOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="PATH=VALUE",
        help="Change one value: ACTOR.ISSUE.position=50, ACTOR.ISSUE.red_line=20,60 (or none), "
        "ACTOR.capability=0.8, ACTOR.no_deal.utility=0.3, ISSUE.status_quo=40, "
        "battlefield.p=0.55, talks.sequencing=together. Repeatable.",
        rich_help_panel=PANEL,
    ),
]
DropOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--drop",
        metavar="ACTOR",
        help="Remove an actor and its stances. Repeatable.",
        rich_help_panel=PANEL,
    ),
]
SeatOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--seat",
        metavar="ACTOR",
        help="Put an actor at the table (at_table: true). Repeatable.",
        rich_help_panel=PANEL,
    ),
]
UnseatOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--unseat",
        metavar="ACTOR",
        help="Take an actor away from the table (at_table: false). Repeatable.",
        rich_help_panel=PANEL,
    ),
]


def load_with_changes(
    spec: str,
    set_: Sequence[str] | None = None,
    drop: Sequence[str] | None = None,
    seat: Sequence[str] | None = None,
    unseat: Sequence[str] | None = None,
    *,
    loader: Callable[[str], Scenario] | None = None,
) -> Scenario:
    """The scenario ``spec`` names (read by ``loader``, default :func:`cli.common.load`) with
    the what-if options applied. The options are parsed before the file is read, so a
    malformed one fails first; a bad path or value raises ``InputError`` naming the option."""
    from pourparler.scenario.whatif import apply_changes, parse_changes

    changes = parse_changes(set_ or (), drop or (), seat or (), unseat or ())
    if loader is None:
        from pourparler.cli.common import load

        loader = load
    return apply_changes(loader(spec), changes)


def has_changes(*options: Sequence[str] | None) -> bool:
    """Whether any what-if option was given."""
    return any(options)

"""Render a :class:`~pourparler.report.table.TextTable` to the console's width: as a rich table
whose numeric columns are never cut (text columns wrap), or, when even that does not fit, as
one block per row (``header: value`` lines), so that no number is ever cut."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pourparler.cli.common import console, inert

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

    from pourparler.report.table import TextTable

TEXT_MIN = 12  # narrowest a wrapped text column may become before the table is stacked


def fits(table: TextTable, width: int) -> bool:
    """Whether ``table`` fits ``width`` columns with its numeric cells whole and each text
    column at least :data:`TEXT_MIN` wide (or its widest cell, if narrower)."""
    need = 1
    gap = 2 if table.compact else 3
    for k, col in enumerate(table.columns):
        cells = [len(col.header)] + [len(row[k]) for row in table.rows]
        widest = max(cells)
        kept = col.numeric or col.whole
        need += gap + (widest if kept else min(widest, max(TEXT_MIN, len(col.header))))
    return need <= width


def print_table(table: TextTable, out: Console | None = None) -> None:
    """Print ``table`` fitted to the console's width (see the module docstring)."""
    out = out or console()
    if fits(table, out.width):
        out.print(as_rich(table))
    else:
        print_stacked(table, out)
    for note in table.notes:
        out.print(f"[dim]{inert(note)}[/dim]")


def as_rich(table: TextTable) -> Table:
    """A rich Table: numeric columns right-aligned and never wrapped, text columns folded."""
    from rich import box
    from rich.table import Table

    t = Table(title=inert(table.title) or None, title_justify="left")
    if table.compact:
        t = Table(
            title=inert(table.title) or None,
            title_justify="left",
            box=box.SIMPLE_HEAD,
            padding=(0, 0, 0, 1),
            pad_edge=False,
        )
    for k, col in enumerate(table.columns):
        if col.numeric or col.whole:
            widest = max([len(col.header)] + [len(row[k]) for row in table.rows])
            t.add_column(
                inert(col.header),
                justify="right" if col.numeric else "left",
                no_wrap=True,
                min_width=widest,
            )
        else:
            t.add_column(inert(col.header), overflow="fold")
    for n, row in enumerate(table.rows):
        if n in table.sections and n > 0:
            t.add_section()
        t.add_row(*[inert(c) for c in row])
    return t


def print_stacked(table: TextTable, out: Console) -> None:
    """One block per row: the first cell as the block's heading, then ``header: value``."""
    if table.title:
        out.print(f"[bold]{inert(table.title)}[/bold]")
    first, *rest = table.columns
    for row in table.rows:
        head = f"{first.header}: {row[0]}" if first.header else row[0]
        out.print(f"[bold]{inert(head)}[/bold]", overflow="fold")
        for col, cell in zip(rest, row[1:], strict=True):
            out.print(f"  {inert(col.header)}: {inert(cell)}", overflow="fold")


def column_blocks(table: TextTable, width: int, keep: int = 1) -> list[TextTable]:
    """``table`` split into tables that each fit ``width``: the first ``keep`` columns repeated
    in every block, the other columns shared out in order. One block when it fits whole;
    a column too wide to fit even alone with the kept ones gets a block of its own."""
    from dataclasses import replace

    if fits(table, width):
        return [table]
    head = list(range(keep))
    blocks: list[list[int]] = []
    current: list[int] = []
    for k in range(keep, len(table.columns)):
        trial = [*current, k]
        if current and not fits(_pick(table, head + trial), width):
            blocks.append(current)
            trial = [k]
        current = trial
    if current:
        blocks.append(current)
    out = []
    for n, cols in enumerate(blocks, 1):
        part = _pick(table, head + cols)
        title = f"{table.title} ({n}/{len(blocks)})" if table.title else ""
        out.append(replace(part, title=title, notes=table.notes if n == len(blocks) else ()))
    return out


def _pick(table: TextTable, cols: list[int]) -> TextTable:
    from dataclasses import replace

    return replace(
        table,
        columns=tuple(table.columns[k] for k in cols),
        rows=tuple(tuple(row[k] for k in cols) for row in table.rows),
    )


def print_in_blocks(table: TextTable, out: Console | None = None, keep: int = 1) -> None:
    """Print ``table`` as column blocks that fit the console (see :func:`column_blocks`); a
    block that still does not fit is stacked."""
    out = out or console()
    for part in column_blocks(table, out.width, keep):
        print_table(part, out)

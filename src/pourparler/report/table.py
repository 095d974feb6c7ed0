"""A table as rows of strings, ready for any renderer: a title, column headers (each marked
numeric or not), the rows, and notes printed under it. Numeric cells are never cut by a
renderer; text cells may be wrapped."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    """A column's header; ``numeric`` cells (numbers, counts) are kept whole and right-aligned,
    ``whole`` ones (ids, codes) kept whole and left-aligned; other text may wrap."""

    header: str
    numeric: bool = False
    whole: bool = False  # a text column kept on one line (ids, codes), left-aligned


@dataclass(frozen=True)
class TextTable:
    """A table of strings: ``rows`` each have one cell per column; ``sections`` are the row
    indices before which a separating rule goes; ``notes`` are printed under the table."""

    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()
    sections: tuple[int, ...] = ()
    compact: bool = False  # no vertical rules: one space between columns

    def __post_init__(self) -> None:
        n = len(self.columns)
        for row in self.rows:
            if len(row) != n:
                raise ValueError(f"row {row!r}: {len(row)} cells, expected {n}")

    def natural_width(self) -> int:
        """Width of the table with every cell on one line, with rich's default box (one
        space of padding each side and a rule between columns)."""
        widths = [
            max([len(c.header)] + [len(row[k]) for row in self.rows])
            for k, c in enumerate(self.columns)
        ]
        return sum(widths) + (2 if self.compact else 3) * len(widths) + 1

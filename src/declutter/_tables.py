"""Which tables hold data: one rule, decided once per page for the body text, the select
stage (`Options.include_tables`) and the renderers (which read it on each `Block`).

A data table is a grid: its cells (after a leading caption) sit in two rows and two columns
or more, all at one list depth, none a heading, code or list item, none longer than
`Options.data_table_max_cell_chars`, not scattered by spans beyond
`Options.data_table_max_spread` places per cell; and its cells are short on average
(`Options.data_table_max_cell_length`): a table that lays out a page has a long cell of text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from ._options import Options

__all__ = ["data_tables"]

_NOT_IN_GRID = frozenset(("heading", "code", "list-item"))


class _Cell(Protocol):
    """What the rule reads of a block (a working block or a public `Block`)."""

    @property
    def table_id(self) -> int: ...
    @property
    def table_row(self) -> int: ...
    @property
    def table_column(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def list_depth(self) -> int: ...
    @property
    def length(self) -> int: ...


def data_tables(blocks: Iterable[_Cell], options: Options) -> set[int]:
    """Ids of the tables of `blocks` that hold data (see the module's documentation)."""
    tables: dict[int, list[_Cell]] = {}
    for block in blocks:
        if block.table_id >= 0:
            tables.setdefault(block.table_id, []).append(block)
    return {tid for tid, members in tables.items() if _is_data(members, options)}


def _is_data(members: Sequence[_Cell], options: Options) -> bool:
    start = 0
    while start < len(members) and members[start].table_row < 0:  # a caption first
        start += 1
    cells = members[start:]
    if not cells or any(
        b.table_row < 0 or b.kind in _NOT_IN_GRID or b.list_depth != cells[0].list_depth
        for b in cells
    ):
        return False
    sizes: dict[tuple[int, int], int] = {}
    for b in cells:
        key = (b.table_row, b.table_column)
        sizes[key] = sizes.get(key, 0) + len(b.text)
    rows = {r for r, _ in sizes}
    columns = {c for _, c in sizes}
    return (
        len(rows) >= 2 and len(columns) >= 2
        and max(sizes.values()) <= options.data_table_max_cell_chars
        and len(rows) * len(columns) <= options.data_table_max_spread * len(sizes)
        and sum(b.length for b in members) / len(members) <= options.data_table_max_cell_length
    )  # fmt: skip

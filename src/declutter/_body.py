"""Stage 8, body: the kept blocks as the article's plain text (`Article.body`)."""

from __future__ import annotations

from collections.abc import Sequence

from ._options import DEFAULT_OPTIONS
from ._segment import RawBlock, data_table_ids

__all__ = ["to_text"]


def to_text(
    blocks: Sequence[RawBlock], max_cell_length: float = DEFAULT_OPTIONS.data_table_max_cell_length
) -> str:
    """Plain text: one paragraph per kept block, paragraphs separated by one blank line; a
    data table is one paragraph, a line per row, its cells separated by tabs (a layout
    table's cells are paragraphs like any other)."""
    kept = [b for b in blocks if b.kept]
    data = data_table_ids(kept, max_cell_length)
    paragraphs: list[str] = []
    table, row = -1, -1
    for b in kept:
        if b.table_id in data and b.table_id == table:
            paragraphs[-1] += ("\t" if b.table_row == row else "\n") + b.text
        else:
            paragraphs.append(b.text)
        table, row = b.table_id, b.table_row
    return "\n\n".join(paragraphs)

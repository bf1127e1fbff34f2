"""Stage 8, body: the kept blocks as the article's plain text (`Article.body`)."""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from ._segment import RawBlock

__all__ = ["to_text"]


def to_text(blocks: Sequence[RawBlock], data: AbstractSet[int] = frozenset()) -> str:
    """Plain text: one paragraph per kept block, paragraphs separated by one blank line; a
    table of `data` (`_tables.data_tables` of the kept blocks) is one paragraph, a line per
    row, its cells separated by tabs (a layout table's cells are paragraphs like any other)."""
    kept = [b for b in blocks if b.kept]
    paragraphs: list[str] = []
    table, row = -1, -1
    for b in kept:
        if b.table_id in data and b.table_id == table:
            paragraphs[-1] += ("\t" if b.table_row == row else "\n") + b.text
        else:
            paragraphs.append(b.text)
        table, row = b.table_id, b.table_row
    return "\n\n".join(paragraphs)

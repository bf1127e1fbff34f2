"""The kept blocks as a small document tree, which the markdown and HTML renderers share.

Blocks are flat, in document order; each carries where it sits in lists, quotes and tables
(`Block.list_depth`, `Block.quote_depth`, `Block.table_id`...). `build` regroups them:

* consecutive blocks inside a ``<blockquote>`` become a `Quote`;
* consecutive blocks of one ``<table>`` become a `Table` when they form a grid (two rows and
  two columns or more, one short text per cell); otherwise (a layout table) their blocks are
  rendered one by one;
* consecutive blocks inside lists become `ListNode`s of `Item`s, nested by list depth (a
  nested list whose parent item was dropped hangs from the nearest kept item);
* every other block is a `Heading`, `Paragraph`, `Code` or `Figure` (a caption, and the
  images met before a block).

Only the structure is decided here; the text is each block's `text`, unchanged. Links and
image addresses are resolved against the page's URL and pass `safe_url`, or are left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .._reasons import Reason
from ._urls import safe_url

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Block, Image

__all__ = [
    "Cell", "Code", "Figure", "Heading", "Inline", "Item", "ListNode", "Node", "Paragraph",
    "Quote", "Span", "Table", "build", "segments",
]  # fmt: skip

MAX_NESTING = 8
"""Deeper lists and quotes are rendered at this depth (a page nested 10,000 deep stays
readable and the renderers' recursion stays bounded)."""
_MAX_CELL_CHARS = 400
"""A table cell with more text than this is a layout table's column, not data."""
_MAX_GRID_SPREAD = 4
"""A grid has at most this many places (rows x columns) per cell that holds text; a sparser
one (cells scattered by spans) is rendered as paragraphs, so that a table's output stays
within a small factor of its cells."""
_NOT_IN_GRID = frozenset(("heading", "code", "list-item"))
_Predicate = Callable[["Block"], bool]


@dataclass(frozen=True, slots=True)
class Span:
    """A link over ``text[start:end]`` of an `Inline`."""

    start: int
    end: int
    url: str


@dataclass(frozen=True, slots=True)
class Inline:
    """A block's text (``\\n`` for ``<br>``) and its links."""

    text: str
    links: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: Inline


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: Inline


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Figure:
    """Images (safe, absolute URLs) and the caption that follows them, if any."""

    images: tuple[Image, ...]
    caption: Inline | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Item:
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class ListNode:
    ordered: bool
    start: int
    items: tuple[Item, ...]


@dataclass(frozen=True, slots=True)
class Cell:
    text: Inline
    header: bool = False


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of equal length (short rows are padded with empty cells)."""

    caption: Inline | None
    rows: tuple[tuple[Cell, ...], ...]


Node = Heading | Paragraph | Code | Figure | Quote | ListNode | Table


def build(blocks: Sequence[Block], base_url: str | None) -> tuple[Node, ...]:
    """The tree of the kept blocks (and of the images of captions left out only for being
    captions, so a figure keeps its picture when `Options.include_captions` is off)."""
    shown = [b for b in blocks if b.kept or (b.images and b.reason == Reason.CAPTION)]
    return _Builder(base_url).nodes(shown, 0, 0, frozenset())


def segments(inline: Inline) -> Iterator[tuple[str, str | None]]:
    """The text of `inline` in pieces, each with the URL it links to (or None)."""
    at = 0
    for span in inline.links:
        if span.start > at:
            yield inline.text[at : span.start], None
        yield inline.text[span.start : span.end], span.url
        at = span.end
    if at < len(inline.text):
        yield inline.text[at:], None


def _quote(block: Block) -> int:
    return min(block.quote_depth, MAX_NESTING)


def _depth(block: Block) -> int:
    return min(block.list_depth, MAX_NESTING)


class _Builder:
    def __init__(self, base_url: str | None) -> None:
        self.base_url = base_url
        self.table_in_item: dict[tuple[int, int], bool] = {}
        """(table id, list level): the table sits inside one list item."""

    def nodes(
        self, blocks: Sequence[Block], quote: int, lists: int, flat: frozenset[int]
    ) -> tuple[Node, ...]:
        """`blocks` (all at least `quote` quotes and `lists` lists deep) as nodes; tables in
        `flat` were found not to be grids."""
        out: list[Node] = []
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if _quote(block) > quote:
                j = self._quote_end(blocks, i, quote)
                out.append(Quote(self.nodes(blocks[i:j], quote + 1, lists, flat)))
            elif self._claims_table(blocks, i, lists, flat):
                j = _run_end(blocks, i, _same_table(block.table_id, quote))
                out.extend(self._table(blocks[i:j], quote, lists, flat))
            elif _depth(block) > lists:
                j = self._list_end(blocks, i, quote, lists, flat)
                out.extend(self._lists(blocks[i:j], quote, flat))
            else:
                j = i + 1
                out.extend(self._leaf(block))
            i = j
        return tuple(out)

    @staticmethod
    def _quote_end(blocks: Sequence[Block], i: int, quote: int) -> int:
        """End of the quote that begins at `i`: deeper blocks, until the next quote at the
        same depth that is another element."""
        first = blocks[i].quote_id if _quote(blocks[i]) == quote + 1 else None
        j = i + 1
        while j < len(blocks) and _quote(blocks[j]) > quote:
            if _quote(blocks[j]) == quote + 1:
                if first is not None and blocks[j].quote_id != first:
                    break
                first = blocks[j].quote_id
            j += 1
        return j

    def _claims_table(
        self, blocks: Sequence[Block], i: int, lists: int, flat: frozenset[int]
    ) -> bool:
        """Whether a table begins at `i` as the outer structure: not one found to be a
        layout table, and not one inside a single list item (there the list is outer)."""
        table = blocks[i].table_id
        if table < 0 or table in flat:
            return False
        key = (table, lists)
        if key not in self.table_in_item:
            j = _run_end(blocks, i, lambda b: b.table_id == table)
            items = {(b.list_item, _depth(b)) for b in blocks[i:j]}
            self.table_in_item[key] = len(items) == 1 and _depth(blocks[i]) > lists
        return not self.table_in_item[key]

    def _list_end(
        self, blocks: Sequence[Block], i: int, quote: int, lists: int, flat: frozenset[int]
    ) -> int:
        """End of the lists that begin at `i`: deeper blocks, up to a table that is the outer
        structure of what follows (a list inside a table's cell)."""
        table = blocks[i].table_id
        j = i + 1
        while j < len(blocks) and _depth(blocks[j]) > lists and _quote(blocks[j]) <= quote:
            if blocks[j].table_id != table and self._claims_table(blocks, j, lists, flat):
                break
            j += 1
        return j

    def _table(
        self, run: Sequence[Block], quote: int, lists: int, flat: frozenset[int]
    ) -> tuple[Node, ...]:
        caption: list[Block] = []
        while len(caption) < len(run) and run[len(caption)].table_row < 0:
            caption.append(run[len(caption)])
        cells = run[len(caption) :]
        if not _is_grid(cells) or any(b.kind != "caption" for b in caption):
            return self.nodes(run, quote, lists, flat | {run[0].table_id})
        title = self._inline(caption[0]) if caption and caption[0].kept else None
        return (Table(title, self._rows(cells)),)

    def _rows(self, cells: Sequence[Block]) -> tuple[tuple[Cell, ...], ...]:
        grid: dict[tuple[int, int], list[Block]] = {}
        for b in cells:
            grid.setdefault((b.table_row, b.table_column), []).append(b)
        rows = sorted({r for r, _ in grid})
        # the columns that hold a cell: a colspan of 1000 spans no columns that hold nothing
        columns = sorted({c for _, c in grid})
        return tuple(tuple(self._cell(grid.get((r, c), [])) for c in columns) for r in rows)

    def _cell(self, blocks: list[Block]) -> Cell:
        if not blocks:
            return Cell(Inline(""))
        if len(blocks) == 1:
            return Cell(self._inline(blocks[0]), blocks[0].table_header)
        return Cell(
            Inline(" ".join(b.text.replace("\n", " ") for b in blocks)), blocks[0].table_header
        )

    def _lists(self, run: Sequence[Block], quote: int, flat: frozenset[int]) -> tuple[Node, ...]:
        """Lists of the blocks in `run`, whose shallowest blocks set the list level."""
        base = min(_depth(b) for b in run)
        lists: list[list[list[Block]]] = []  # lists of items of blocks
        list_id = item_id = None
        for b in run:
            if _depth(b) == base:
                if not lists or b.list_id != list_id:
                    lists.append([[b]])
                elif b.list_item < 0 or b.list_item != item_id:
                    lists[-1].append([b])
                else:
                    lists[-1][-1].append(b)
                list_id, item_id = b.list_id, b.list_item
            elif lists:
                lists[-1][-1].append(b)
            else:  # nested items before any item of this level
                lists.append([[b]])
        return tuple(self._list(items, quote, base, flat) for items in lists)

    def _list(
        self, items: list[list[Block]], quote: int, base: int, flat: frozenset[int]
    ) -> ListNode:
        head = items[0][0]
        ordered = head.list_ordered and _depth(head) == base
        return ListNode(
            ordered=ordered,
            start=max(head.list_number, 0) if ordered else 0,
            items=tuple(Item(self.nodes(blocks, quote, base, flat)) for blocks in items),
        )

    def _leaf(self, block: Block) -> tuple[Node, ...]:
        images = tuple(self._images(block))
        figure = (Figure(images),) if images else ()
        if not block.kept:
            return figure
        if block.kind == "caption":
            return (Figure(images, self._inline(block)),)
        if block.kind == "heading" and block.heading_level:
            return (*figure, Heading(block.heading_level, self._inline(block)))
        if block.kind == "code":
            return (*figure, Code(block.text))
        return (*figure, Paragraph(self._inline(block)))

    def _images(self, block: Block) -> Iterator[Image]:
        for image in block.images:
            url = safe_url(image.url, self.base_url)
            if url is not None:
                yield replace(image, url=url)

    def _inline(self, block: Block) -> Inline:
        """The block's text and the spans of its links (found in order in the text)."""
        spans: list[Span] = []
        at = 0
        for link in block.links:
            start = block.text.find(link.text, at)
            if start < 0:
                continue
            end = start + len(link.text)
            url = safe_url(link.url, self.base_url)
            if url is not None:
                spans.append(Span(start, end, url))
            at = end
        return Inline(block.text, tuple(spans))


def _run_end(blocks: Sequence[Block], i: int, same: _Predicate) -> int:
    j = i + 1
    while j < len(blocks) and same(blocks[j]):
        j += 1
    return j


def _same_table(table: int, quote: int) -> _Predicate:
    return lambda b: b.table_id == table and _quote(b) <= quote


def _is_grid(cells: Sequence[Block]) -> bool:
    """Data, not layout: every block in a cell, two rows and columns, short cells."""
    if not cells or any(
        b.table_row < 0 or b.kind in _NOT_IN_GRID or _depth(b) != _depth(cells[0]) for b in cells
    ):
        return False
    sizes: dict[tuple[int, int], int] = {}
    for b in cells:
        key = (b.table_row, b.table_column)
        sizes[key] = sizes.get(key, 0) + len(b.text)
    rows = {r for r, _ in sizes}
    columns = {c for _, c in sizes}
    return (
        len(rows) >= 2 and len(columns) >= 2 and max(sizes.values()) <= _MAX_CELL_CHARS
        and len(rows) * len(columns) <= _MAX_GRID_SPREAD * len(sizes)
    )  # fmt: skip

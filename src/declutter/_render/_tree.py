"""The kept blocks as a small document tree, which the markdown and HTML renderers share.

Blocks are flat, in document order; each carries where it sits in lists, quotes and tables
(`Block.list_depth`, `Block.quote_depth`, `Block.table_id`...). `build` regroups them:

* consecutive blocks inside a ``<blockquote>`` become a `Quote`;
* consecutive blocks of one ``<table>`` become a `Table` when they are cells of a data table
  (`Block.table_data`: the one rule of `_tables`, which the body text follows too);
  otherwise (a layout table) their blocks are rendered one by one;
* consecutive blocks inside lists become `ListNode`s of `Item`s, nested by list depth (a
  nested list whose parent item was dropped hangs from the nearest kept item);
* every other block is a `Heading`, `Paragraph`, `Code` or `Figure` (a caption, and the
  images met before a block).

`comment_nodes` makes the readers' comments (`Article.comments`) nodes of the same kinds,
for after the body.

Only the structure is decided here; the text is each block's `text`, unchanged. Links and
image addresses are resolved against the page's URL and pass `safe_url`, or are left out.

Inside a block, links and formatting (`Block.marks`) are `Span`s over the text; `runs`
nests them into a tree and `walk` hands that tree to a format's `Writer`, the one walk of
inline content that markdown and HTML share.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Protocol

from .._reasons import Reason
from .._textstats import without_controls
from ._urls import safe_url

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Block, Comment, Image

__all__ = [
    "Cell", "Code", "Figure", "Heading", "Inline", "Item", "ListNode", "Node", "Paragraph",
    "COMMENTS_TITLE", "Quote", "Run", "Span", "Styled", "Table", "Writer", "build", "comment_nodes", "runs",
    "walk",
]  # fmt: skip

MAX_NESTING = 8
"""Deeper lists and quotes are rendered at this depth (a page nested 10,000 deep stays
readable and the renderers' recursion stays bounded)."""
_Predicate = Callable[["Block"], bool]


@dataclass(frozen=True, slots=True)
class Span:
    """A link (`kind` ``link``, to `url`) or formatting (a `Mark.kind`) over
    ``text[start:end]`` of an `Inline`."""

    start: int
    end: int
    kind: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Inline:
    """A block's text (``\\n`` for ``<br>``), its links and its formatting."""

    text: str
    spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Styled:
    """A run of inline content under one span: a link (to `url`) or formatting."""

    kind: str
    url: str
    children: tuple[Run, ...]


Run = str | Styled
"""Inline content: text, or a `Styled` run of it."""


class Writer(Protocol):
    """What a format does with inline content, called by `walk` in document order."""

    def text(self, text: str) -> None:
        """Write `text` (``\\n`` for ``<br>``)."""

    def open(self, run: Styled, following: Run | None) -> None:
        """Begin `run`; `following` is what comes after it in its parent (None: the end)."""

    def close(self, run: Styled) -> None:
        """End the run begun last."""


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


COMMENTS_TITLE = "Comments"
"""The heading of the comments, after the body."""


def comment_nodes(comments: Sequence[Comment]) -> tuple[Node, ...]:
    """The comments as a level-2 heading and, for each, its signature (the author in bold,
    then the date, when the page gives them) and its text as a quote, a paragraph a line;
    nothing when there are none."""
    if not comments:
        return ()
    nodes: list[Node] = [Heading(2, Inline(COMMENTS_TITLE))]
    for comment in comments:
        author, date = without_controls(comment.author or ""), without_controls(comment.date or "")
        signature = ", ".join(part for part in (author, date) if part)
        if signature:
            bold = (Span(0, len(author), "bold"),) if author else ()
            nodes.append(Paragraph(Inline(signature, bold)))
        lines = [line for line in without_controls(comment.text).split("\n") if line.strip()]
        nodes.append(Quote(tuple(Paragraph(Inline(line)) for line in lines)))
    return tuple(nodes)


def walk(content: Sequence[Run], writer: Writer) -> None:
    """Hand `content` (from `runs`) to `writer`: text, and each run opened and closed around
    its children. The tree is at most one run of each kind deep (`runs`)."""
    for i, run in enumerate(content):
        if isinstance(run, str):
            writer.text(run)
        else:
            writer.open(run, content[i + 1] if i + 1 < len(content) else None)
            walk(run.children, writer)
            writer.close(run)


_RANK = {"link": 0, "bold": 1, "italic": 2, "sub": 3, "sup": 4, "code": 5}
"""Which of two spans over the same text goes outside: links outermost, code innermost
(code holds nothing: markdown cannot format or link inside a code span)."""


@dataclass(slots=True)
class _Open:
    kind: str
    url: str
    end: int
    children: list[Run] = field(default_factory=list)


def runs(inline: Inline) -> tuple[Run, ...]:
    """The text of `inline` as a tree of runs. Formatting spans lose the whitespace at their
    edges and merge with a touching span of their kind; a span that crosses the end of the
    one it begins in is split there; a span inside one of its own kind is dropped; code is
    split around any other span inside it (which then holds that code). So runs nest
    properly, at most one of each kind deep, and the tree's size stays within a few times
    the number of spans."""
    text = inline.text
    heap: list[tuple[int, int, int, str, str]] = []
    for span in _merged(inline.spans):
        _push(heap, text, span.start, span.end, span.kind, span.url)
    stack = [_Open("", "", len(text))]
    at = 0
    while heap:
        start, negative_end, _, kind, url = heapq.heappop(heap)
        end = -negative_end
        at = _close_until(stack, text, at, start)
        top = stack[-1]
        if end > top.end:  # the part outside the enclosing run waits its turn
            _push(heap, text, top.end, end, kind, url)
            end = _trimmed_end(text, start, top.end, kind)
        if end <= start or any(o.kind == kind for o in stack):
            continue
        if top.kind == "code":  # code stops here and goes on inside the span, then after it
            _end_code(stack)
            for piece in (
                (start, end, "code", ""),
                (end, top.end, "code", ""),
                (start, end, kind, url),
            ):
                _push(heap, text, *piece)
            continue
        stack.append(_Open(kind, url, end))
    _close_until(stack, text, at, len(text))
    return tuple(stack[0].children)


def _end_code(stack: list[_Open]) -> None:
    """Close the code run on top of `stack` where its text is written up to, whitespace
    at its end left outside it (code holds text only)."""
    code = stack.pop()
    written = "".join(str(child) for child in code.children)
    kept = written.rstrip()
    parent = stack[-1].children
    if kept:
        parent.append(Styled("code", "", (kept,)))
    if len(written) > len(kept):
        parent.append(written[len(kept) :])


def _merged(spans: Sequence[Span]) -> list[Span]:
    """`spans` with formatting spans that touch or overlap one of their kind merged."""
    out: list[Span] = []
    last: dict[str, int] = {}  # kind -> index in out of its latest span
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        i = last.get(span.kind)
        if span.kind != "link" and i is not None and span.start <= out[i].end:
            out[i] = replace(out[i], end=max(out[i].end, span.end))
            continue
        last[span.kind] = len(out)
        out.append(span)
    return out


def _trimmed_end(text: str, start: int, end: int, kind: str) -> int:
    """Where a span of `kind` from `start` to `end` ends without its trailing whitespace."""
    if kind != "link":
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


def _push(
    heap: list[tuple[int, int, int, str, str]], text: str, start: int, end: int, kind: str, url: str
) -> None:
    """Queue a span, formatting without the whitespace at its edges; empty ones are left out."""
    if kind != "link":
        while start < end and text[start].isspace():
            start += 1
    end = _trimmed_end(text, start, end, kind)
    if start < end:
        heapq.heappush(heap, (start, -end, _RANK[kind], kind, url))


def _close_until(stack: list[_Open], text: str, at: int, start: int) -> int:
    """Close the open runs that end by `start`, adding the text up to it (`text` is written
    up to `at`); returns where the text is written up to."""
    while len(stack) > 1 and stack[-1].end <= start:
        top = stack.pop()
        if top.end > at:
            top.children.append(text[at : top.end])
        at = max(at, top.end)
        if top.children:
            stack[-1].children.append(Styled(top.kind, top.url, tuple(top.children)))
    if start > at:
        stack[-1].children.append(text[at:start])
    return max(at, start)


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
        if (
            not cells
            or not all(b.table_data for b in cells)
            or any(b.kind != "caption" for b in caption)
        ):
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
        """The block's text, the spans of its links (found in order in the text) and those
        of its formatting."""
        spans: list[Span] = []
        at = 0
        for link in block.links:
            start = block.text.find(link.text, at)
            if start < 0:
                continue
            end = start + len(link.text)
            url = safe_url(link.url, self.base_url)
            if url is not None:
                spans.append(Span(start, end, "link", url))
            at = end
        spans.extend(Span(m.start, m.end, m.kind) for m in block.marks)
        return Inline(block.text, tuple(spans))


def _run_end(blocks: Sequence[Block], i: int, same: _Predicate) -> int:
    j = i + 1
    while j < len(blocks) and same(blocks[j]):
        j += 1
    return j


def _same_table(table: int, quote: int) -> _Predicate:
    return lambda b: b.table_id == table and _quote(b) <= quote

"""Stage 4, segment: walk the DOM once and cut its text into blocks with features.

A block is a run of text between two block-level boundaries (``<p>``, ``<div>``, ``<li>``,
``<td>``, a double ``<br>``...). Each block records its measures (text and link length,
punctuation, inline tags) and the block-level element ("container") that holds it.
Containers form a tree whose blocks are contiguous in document order, so any subtree's text
is a slice of the block list; the score and select stages work on that tree instead of
the DOM.

The walk is iterative (an explicit stack, never recursion), so a page nested 100,000
elements deep costs the same as a flat one. Pruned subtrees become one ``pruned`` block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _prune, _textstats, _vocab
from ._compiled import compiled_module
from ._deadline import NO_DEADLINE, Deadline
from ._model import Image, Link
from ._options import DEFAULT_OPTIONS
from ._prune import PrunePlan
from ._reasons import Pruned, Reason

__all__ = [
    "DEADLINE_CHECK_EVERY",
    "KERNEL",
    "SKIP",
    "Container",
    "Kernel",
    "RawBlock",
    "Segmentation",
    "home",
    "segment",
    "visible_text",
]

_BR = "\u2028"  # stands for <br> until blocks are cut; source newlines are only spaces
_KIND_BY_TAG = {
    "li": "list-item", "dd": "list-item", "dt": "list-item", "td": "cell", "th": "cell",
    "pre": "code", "figcaption": "caption", "caption": "caption", "blockquote": "quote",
}  # fmt: skip
DEADLINE_CHECK_EVERY = 2048
"""Nodes walked between two checks of the walk's budget (nodes, blocks, time)."""
_CAPTION_CLASS = _vocab.ClassVocabulary(_vocab.CAPTION_CLASS)
_IMAGE_CLASS = _vocab.ClassVocabulary(_vocab.IMAGE_CLASS)
_FEW_INVISIBLE = 8  # cutting this many script texts out of a region's text costs less than a walk
_INVISIBLE_TAGS = _vocab.SKIP_TAGS - {"head", "title", "meta", "link"}
_INVISIBLE_TEXT = ", ".join(sorted(_INVISIBLE_TAGS))
_ITEM_TAGS = frozenset(("li", "dt", "dd"))
_STRUCTURE_TAGS = _vocab.LIST_TAGS | _ITEM_TAGS | {"blockquote", "table", "tr", "td", "th", "thead"}
_IMAGE_SOURCES = ("src", "data-src", "data-original", "data-lazy-src", "data-url")
_MAX_COLSPAN = 1000
_MARK_KIND = {
    "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "code": "code", "kbd": "code",
    "samp": "code", "tt": "code", "sub": "sub", "sup": "sup",
}  # fmt: skip
"""Inline elements recorded as `Mark`s (`Options.include_formatting`), by the kind they mark."""
_INVISIBLE_CHARS = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u00ad]+")
"""What a block's text may lose on its way out (whitespace, controls, soft hyphens): marks
are anchored on the other characters, which no normalisation removes."""


@dataclass(slots=True)
class Container:
    """A block-level element of the page and the slice of blocks it holds."""

    id: int
    parent: int
    tag: str
    classes: str
    depth: int
    node: LexborNode | None
    class_name: str = ""
    """The ``class`` attribute alone (``classes`` also holds the id): what a kind of
    element is called across a page, where ids tell its instances apart."""
    composition: bool = False
    """``<article>`` or ``itemprop=articleBody``: a self-contained composition."""
    first: int = 0
    """Index of the first block inside the element."""
    end: int = 0
    """One past the index of the last block inside the element."""
    children: list[int] = field(default_factory=list)


@dataclass(slots=True)
class RawBlock:
    """A block while the pipeline works on it; `_pipeline` freezes it into a `Block`."""

    index: int
    text: str
    tag: str
    kind: str
    container: int
    depth: int
    length: int
    link_length: int
    punctuation: int
    element_count: int
    heading_level: int = 0
    list_depth: int = 0
    pruned: Pruned | None = None
    pruned_id: int = 0
    """``mem_id`` of the pruned element, for pruned blocks."""
    marks: tuple[tuple[str, int, int], ...] = ()
    """Formatting (kind, first, end), counted in visible characters (not `_INVISIBLE_CHARS`)
    of the text; `_blocks` turns them into `Mark`s over the final text."""
    visible: int = 0
    """Visible characters of the raw text, when there are marks (`_blocks` checks the final
    text has as many before trusting the marks)."""
    score: float = 0.0
    kept: bool = False
    reason: Reason = Reason.OUTSIDE_ARTICLE
    # Structure for the renderers (see `Block`); never read by the heuristics.
    list_ordered: bool = False
    list_number: int = 0
    list_id: int = -1
    list_item: int = -1
    quote_id: int = -1
    quote_depth: int = 0
    table_id: int = -1
    table_row: int = -1
    table_column: int = -1
    table_header: bool = False
    links: tuple[Link, ...] = ()
    images: tuple[Image, ...] = ()

    @property
    def link_ratio(self) -> float:
        return self.link_length / self.length if self.length else 0.0


@dataclass(slots=True)
class Segmentation:
    blocks: list[RawBlock]
    containers: list[Container]
    truncated: bool = False
    nodes: int = 0
    container_scores: list[float] = field(default_factory=list)
    """The score stage's candidate score per container id, as select ranked them (empty
    when the caller's include selectors named the article): the document score reads it."""


@dataclass(slots=True)
class _InlineRun:
    """The inline text collected since the last block boundary (one per walk, emptied at
    each boundary, so the walk's hot loop can hold on to its lists)."""

    parts: list[str] = field(default_factory=list)
    link_parts: list[str] = field(default_factory=list)
    element_count: int = 0
    links: list[Link] | None = None
    """Links of the run, when they are recorded and there are some."""
    marks: list[tuple[str, int, int]] | None = None
    """Formatting of the run, (kind, first part, end part), when recorded and some."""

    def reset(self) -> None:
        self.parts.clear()
        self.link_parts.clear()
        self.element_count = 0
        self.links = None
        self.marks = None


@dataclass(slots=True)
class _ListFrame:
    id: int
    ordered: bool
    number: int
    """Number of the last item opened (ordered lists)."""
    step: int = 1


@dataclass(slots=True)
class _ItemFrame:
    id: int
    list_id: int
    number: int


@dataclass(slots=True)
class _TableFrame:
    id: int
    row: int = -1
    column: int = 0
    """Column of the next cell in the current row."""
    head: int = 0
    """Depth of ``<thead>`` elements open."""


@dataclass(slots=True)
class _CellFrame:
    table_id: int
    row: int
    column: int
    header: bool


@dataclass(slots=True)
class _OpenLink:
    href: str | None
    start: int
    """Index in the current run's parts where the link's text begins."""


class _Skip:
    """What `_Walker.enter` returns for an element whose content is not walked."""

    __slots__ = ()


SKIP = _Skip()


class _Exit:
    __slots__ = ("container",)

    def __init__(self, container: Container | None) -> None:
        self.container = container  # None: leaving an <a> (or formatting: `_OpenMark`)


_LEAVE_LINK = _Exit(None)


class _OpenMark(_Exit):
    """A formatting element being walked: its exit, which closes the mark."""

    __slots__ = ("kind", "start")

    def __init__(self, kind: str, start: int) -> None:
        super().__init__(None)
        self.kind = kind
        self.start = start
        """Index in the current run's parts where the element's text begins."""


Kernel = Callable[["_Walker", LexborNode], Sequence[object]]
"""A compiled walk below a node, for a walker: what `_Walker._walk_children` does."""


class _Walker:
    """One walk over one DOM; holds the state of that walk only."""

    def __init__(
        self, plan: PrunePlan, max_nodes: int, deadline: Deadline, max_blocks: int | None,
        shown: frozenset[str], links: bool = False, images: bool = False, formatting: bool = False,
    ) -> None:  # fmt: skip
        self.plan = plan
        self.shown = shown
        self.skip = plan.structural
        self.max_nodes = max_nodes
        self.max_blocks = max_blocks
        self.deadline = deadline
        self.blocks: list[RawBlock] = []
        self.containers: list[Container] = []
        self.run = _InlineRun()
        self.link_depth = 0
        self.pre_depth = 0
        self.quote_depth = 0
        self.list_depth = 0
        self.figure_depth = 0
        self.nodes = 0
        self.truncated = False
        self.current: Container | None = None
        # Structure recorded for the renderers only (never read by the heuristics).
        self.record_links = links
        self.record_images = images
        self.lists: list[_ListFrame] = []
        self.items: list[_ItemFrame] = []
        self.quotes: list[int] = []
        self.tables: list[_TableFrame] = []
        self.cells: list[_CellFrame] = []
        self.open_links: list[_OpenLink] = []
        self.pending_images: list[Image] = []
        self.record_formatting = formatting
        self.open_marks: list[_OpenMark] = []

    def walk(self, root: LexborNode, kernel: Kernel | None) -> Segmentation:
        attrs = root.attributes if root.is_element_node else {}
        top = self._open(root, None, attrs, _classes(attrs))
        left_open = self._walk_children(root) if kernel is None else kernel(self, root)
        self._flush(top)
        for item in left_open:  # a cut-short walk still closes its open containers
            if isinstance(item, _Exit) and item.container is not None:
                item.container.end = len(self.blocks)
        top.end = len(self.blocks)
        return Segmentation(self.blocks, self.containers, self.truncated, self.nodes)

    def _walk_children(self, root: LexborNode) -> list[LexborNode | _Exit]:
        """The walk below `root` in Python (see `Kernel` for the compiled one); returns what
        was left on the stack when it stopped early."""
        stack: list[LexborNode | _Exit] = []
        if root.child is not None:
            stack.append(root.child)
        # The hot loop: locals for what every node touches; text nodes, two in three, are
        # handled here, elements in `enter`.
        pop, push, enter, leave = stack.pop, stack.append, self.enter, self.leave
        parts, link_parts = self.run.parts, self.run.link_parts
        nodes = 0
        while stack:
            item = pop()
            if isinstance(item, _Exit):
                leave(item)
                continue
            # The next sibling waits below the node's subtree: the stack holds one node per
            # level, not every child of a node with a million children.
            following = item.next
            if following is not None:
                push(following)
            nodes += 1
            if nodes % DEADLINE_CHECK_EVERY == 0:
                self.nodes = nodes
                if self.out_of_budget():
                    self.truncated = True
                    break
            tag = item.tag
            if tag == "-text":
                text = item.text_content
                if text:
                    parts.append(text)
                    if self.link_depth:
                        link_parts.append(text)
                continue
            action = enter(item, tag)
            if isinstance(action, _Skip):
                continue
            if action is not None:
                push(action)
            child = item.child
            if child is not None:
                push(child)
        self.nodes = nodes
        return stack

    def out_of_budget(self) -> bool:
        if self.nodes >= self.max_nodes:
            return True
        if self.max_blocks is not None and len(self.blocks) >= self.max_blocks:
            return True
        return self.deadline.past()

    def plain_inline(self, tag: str | None) -> bool:
        """Whether entering an element named `tag` only counts one inline tag (unless the
        element is hidden, when it is skipped): what the compiled walk does without calling
        `enter`."""
        return tag is not None and not (
            self._ignored(tag)
            or tag == "br"
            or tag in _vocab.VOID_SKIP_TAGS
            or tag == "a"
            or _is_block(tag)
            or (self.record_formatting and tag in _MARK_KIND)
        )

    def skipped_quietly(self, tag: str | None) -> bool:
        """Whether entering an element named `tag` only skips it, touching nothing (scripts,
        styles and the like, void elements but a recorded image): what the compiled walk
        does without calling `enter`."""
        return (
            tag is None
            or self._ignored(tag)
            or (tag in _vocab.VOID_SKIP_TAGS and not (tag == "img" and self.record_images))
        )

    def _ignored(self, tag: str) -> bool:
        """Comments, doctype, scripts and the like: skipped with their content."""
        return tag[0] in "-_!" or (tag in _vocab.SKIP_TAGS and tag not in self.shown)

    def enter(self, node: LexborNode, tag: str | None) -> _Exit | _Skip | None:
        """Enter the element `node` (named `tag`): `SKIP` when its content is not walked,
        else what to do on leaving it (None: nothing)."""
        if tag is None or self._ignored(tag):
            return SKIP
        if tag == "br":
            self._line_break()
            return SKIP
        if tag in _vocab.VOID_SKIP_TAGS:
            if tag == "img" and self.record_images:
                self._image(node)
            return SKIP
        is_block = _is_block(tag)
        mem_id = node.mem_id
        if self.skip:
            reason = self.skip.get(mem_id)
            if reason is not None and mem_id not in self.plan.overruled:
                if is_block:  # a hidden inline element just disappears from its sentence
                    self._flush(self.current)
                    self._pruned(node, reason)
                return SKIP
        if is_block:
            attrs = node.attributes
            classes = _classes(attrs)
            reason = (
                self.plan.vocabulary(mem_id, tag, classes) if classes or tag == "form" else None
            )
            self._flush(self.current)
            if reason is not None:
                self._pruned(node, reason)
                return SKIP
            return _Exit(self._open(node, self.current, attrs, classes))
        self.run.element_count += 1
        if tag != "a":
            return self._open_mark(tag) if self.record_formatting else None
        self.link_depth += 1
        if self.record_links:
            self.open_links.append(_OpenLink(node.attributes.get("href"), len(self.run.parts)))
        return _LEAVE_LINK

    def _open(
        self, node: LexborNode, parent: Container | None, attrs: dict[str, str | None], classes: str
    ) -> Container:
        tag = node.tag or "body"
        itemprop = attrs.get("itemprop")
        container = Container(
            id=len(self.containers),
            parent=parent.id if parent else -1,
            tag=tag,
            classes=classes,
            depth=parent.depth + 1 if parent else 0,
            node=node,
            class_name=attrs.get("class") or "",
            composition=tag == "article" or (itemprop is not None and "articleBody" in itemprop),
            first=len(self.blocks),
        )
        self.containers.append(container)
        if parent is not None:
            parent.children.append(container.id)
        self.current = container
        self._count(container, +1)
        if tag in _STRUCTURE_TAGS:
            self._open_structure(container, attrs)
        return container

    def _open_mark(self, tag: str) -> _OpenMark | None:
        """A mark for a formatting element, unless one of its kind (or code, which holds no
        formatting) is already open: nested alike they say nothing more, and so marks stay
        a handful deep however deep the page nests them."""
        kind = _MARK_KIND.get(tag)
        if kind is None or any(m.kind == kind or m.kind == "code" for m in self.open_marks):
            return None
        mark = _OpenMark(kind, len(self.run.parts))
        self.open_marks.append(mark)
        return mark

    def _close_mark(self, mark: _OpenMark) -> None:
        end = len(self.run.parts)
        if mark.start < end:
            if self.run.marks is None:
                self.run.marks = []
            self.run.marks.append((mark.kind, mark.start, end))

    def leave(self, item: _Exit) -> None:
        if isinstance(item, _OpenMark):
            self.open_marks.remove(item)
            self._close_mark(item)
            return
        container = item.container
        if container is None:
            self.link_depth -= 1
            if self.run.link_parts:  # separate links are separate words ("News Sports Weather")
                self.run.link_parts.append(" ")
            if self.open_links:
                self._close_link(self.open_links.pop())
            return
        self._flush(container)
        container.end = len(self.blocks)
        self._count(container, -1)
        if container.tag in _STRUCTURE_TAGS:
            self._close_structure(container)
        self.current = self.containers[container.parent] if container.parent >= 0 else None

    def _line_break(self) -> None:
        """A ``<br>`` is a line break; two in a row end the block, as a paragraph would."""
        parts = self.run.parts
        i = len(parts) - 1
        while i >= 0 and parts[i].isspace() and parts[i] != _BR:
            i -= 1
        if i >= 0 and parts[i] == _BR:
            del parts[i:]
            self._flush(self.current)
        else:
            parts.append(_BR)

    def _count(self, container: Container, step: int) -> None:
        """Context counters: inside <pre>, a quote, a list, a figure, a caption."""
        tag = container.tag
        if tag == "pre" or tag == "listing" or tag == "xmp":
            self.pre_depth += step
        elif tag == "blockquote":
            self.quote_depth += step
        elif tag in _vocab.LIST_TAGS:
            self.list_depth += step
        elif tag == "figure":
            self.figure_depth += step

    def _open_structure(self, container: Container, attrs: dict[str, str | None]) -> None:
        """Record lists, items, quotes and table cells for the renderers."""
        tag, cid = container.tag, container.id
        if tag in _vocab.LIST_TAGS:
            self.lists.append(_list_frame(container, attrs))
        elif tag in _ITEM_TAGS:
            self.items.append(self._item_frame(container, attrs))
        elif tag == "blockquote":
            self.quotes.append(cid)
        elif tag == "table":
            self.tables.append(_TableFrame(cid))
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            table.row, table.column = table.row + 1, 0
        elif tag == "td" or tag == "th":
            self.cells.append(self._cell_frame(tag, attrs))
        elif tag == "thead" and self.tables:
            self.tables[-1].head += 1

    def _close_structure(self, container: Container) -> None:
        tag = container.tag
        if tag in _vocab.LIST_TAGS:
            self.lists.pop()
        elif tag in _ITEM_TAGS:
            self.items.pop()
        elif tag == "blockquote":
            self.quotes.pop()
        elif tag == "table":
            self.tables.pop()
        elif tag == "td" or tag == "th":
            self.cells.pop()
        elif tag == "thead" and self.tables:
            self.tables[-1].head -= 1

    def _item_frame(self, container: Container, attrs: dict[str, str | None]) -> _ItemFrame:
        if not self.lists:
            return _ItemFrame(container.id, -1, 0)
        owner = self.lists[-1]
        number = 0
        if owner.ordered and container.tag == "li":
            value = _int_attribute(attrs, "value")
            owner.number = value if value is not None else owner.number + owner.step
            number = owner.number
        return _ItemFrame(container.id, owner.id, number)

    def _cell_frame(self, tag: str, attrs: dict[str, str | None]) -> _CellFrame:
        if not self.tables:
            return _CellFrame(-1, -1, -1, tag == "th")
        table = self.tables[-1]
        column = table.column
        span = _int_attribute(attrs, "colspan") or 1
        table.column += min(max(span, 1), _MAX_COLSPAN)
        return _CellFrame(table.id, max(table.row, 0), column, tag == "th" or table.head > 0)

    def _record_structure(self, block: RawBlock) -> None:
        """The block's place in lists, quotes and tables (see `Block`)."""
        if self.lists:
            owner = self.lists[-1]
            block.list_ordered, block.list_id = owner.ordered, owner.id
            if self.items and self.items[-1].list_id == owner.id:
                block.list_item, block.list_number = self.items[-1].id, self.items[-1].number
        if self.quotes:
            block.quote_id, block.quote_depth = self.quotes[-1], len(self.quotes)
        if self.tables:
            block.table_id = self.tables[-1].id
            if self.cells and self.cells[-1].table_id == block.table_id:
                cell = self.cells[-1]
                block.table_row, block.table_column = cell.row, cell.column
                block.table_header = cell.header

    def _close_link(self, link: _OpenLink) -> None:
        """The text of `link` in the current run becomes a `Link` of the run's block."""
        if not link.href or link.start >= len(self.run.parts):
            return
        raw = _without_soft_hyphens("".join(self.run.parts[link.start :]))
        text = (
            raw.replace(_BR, "\n").strip()
            if self.pre_depth
            else _textstats.normalise_space(raw, _BR)
        )
        if text:
            if self.run.links is None:
                self.run.links = []
            self.run.links.append(Link(text, link.href.strip()))

    def _image(self, node: LexborNode) -> None:
        if self.skip and node.mem_id in self.skip and node.mem_id not in self.plan.overruled:
            return  # hidden
        attrs = node.attributes
        if attrs.get("width") in ("0", "1") or attrs.get("height") in ("0", "1"):
            return  # a tracking pixel
        url = _image_url(attrs)
        if url:
            self.pending_images.append(Image(url, attrs.get("alt") or "", attrs.get("title") or ""))

    def _pruned(self, node: LexborNode, reason: Pruned) -> None:
        """Record a pruned subtree as one block, so the decision can be inspected."""
        text = _textstats.normalise_space(_without_soft_hyphens(visible_text(node)))
        if text:
            self._emit(text, "", 0, self.current, pruned=reason, pruned_id=node.mem_id)

    def _flush(self, owner: Container | None) -> None:
        run = self.run
        if not run.parts:
            return
        if self.open_links:  # a link around block boundaries: each part is a link
            for link in self.open_links:
                self._close_link(link)
                link.start = 0
        for mark in self.open_marks:  # so is formatting
            self._close_mark(mark)
            mark.start = 0
        raw = _without_soft_hyphens("".join(run.parts))
        link_raw = _without_soft_hyphens("".join(run.link_parts)) if run.link_parts else ""
        element_count = run.element_count
        links = tuple(run.links) if run.links else ()
        marks, visible = _anchored_marks(run.parts, run.marks) if run.marks else ((), 0)
        run.reset()
        if self.pre_depth:
            text = raw.replace(_BR, "\n").strip("\n")
            if text.strip():
                self._emit(
                    text, link_raw, element_count, owner, links=links, marks=marks, visible=visible
                )
            return
        if raw.isspace():
            return
        self._emit(
            _textstats.normalise_space(raw, _BR), link_raw, element_count, owner, links=links, marks=marks,
            visible=visible,
        )  # fmt: skip

    def _emit(
        self,
        text: str,
        link_raw: str,
        element_count: int,
        owner: Container | None,
        pruned: Pruned | None = None,
        pruned_id: int = 0,
        links: tuple[Link, ...] = (),
        marks: tuple[tuple[str, int, int], ...] = (),
        visible: int = 0,
    ) -> None:
        if not text:
            return
        if self.max_blocks is not None and len(self.blocks) >= self.max_blocks:
            self.truncated = True  # the walk stops at its next check
            return
        length = _textstats.measure(text)
        if length == 0 and not pruned:
            return
        tag = owner.tag if owner else "body"
        kind = "pruned" if pruned else self._kind(tag, owner)
        images: tuple[Image, ...] = ()
        if self.pending_images and not pruned:
            images = tuple(self.pending_images)
            self.pending_images.clear()
        block = RawBlock(
            index=len(self.blocks),
            text=text,
            tag=tag,
            kind=kind,
            container=owner.id if owner else 0,
            depth=owner.depth if owner else 0,
            length=length,
            link_length=_textstats.measure(link_raw) if link_raw else 0,
            punctuation=_textstats.punctuation_count(text),
            element_count=element_count,
            heading_level=int(tag[1]) if kind == "heading" else 0,
            list_depth=self.list_depth,
            pruned=pruned,
            pruned_id=pruned_id,
            links=links,
            images=images,
            marks=marks,
            visible=visible,
        )
        self._record_structure(block)
        self.blocks.append(block)

    def _kind(self, tag: str, owner: Container | None) -> str:
        if tag in _vocab.HEADING_TAGS:
            return "heading"
        if self.pre_depth:
            return "code"
        kind = _KIND_BY_TAG.get(tag)
        if kind is not None:
            return kind
        if self.quote_depth:
            return "quote"
        if self.figure_depth:
            return "caption"
        if self.list_depth and tag in ("p", "div", "span"):
            return "list-item"
        return "paragraph"


_SOFT_HYPHEN = "\u00ad"


def _without_soft_hyphens(text: str) -> str:
    """`text` without U+00AD: a soft hyphen (``&shy;``) only marks where a word may break
    at a line's end, so "Mit\u00adglied" is the one word "Mitglied" (and measures as one)."""
    return text.replace(_SOFT_HYPHEN, "") if _SOFT_HYPHEN in text else text


def _anchored_marks(
    parts: list[str], marks: list[tuple[str, int, int]]
) -> tuple[tuple[tuple[str, int, int], ...], int]:
    """`marks` over part indices as (kind, first, end) in visible characters of the parts'
    text (none empty), and the text's count of visible characters."""
    counts = [0]
    for part in parts:
        counts.append(counts[-1] + len(part) - sum(map(len, _INVISIBLE_CHARS.findall(part))))
    n = len(parts)
    anchored = ((kind, counts[min(start, n)], counts[min(end, n)]) for kind, start, end in marks)
    return tuple(m for m in anchored if m[1] < m[2]), counts[-1]


def _classes(attrs: dict[str, str | None]) -> str:
    """The element's ``class`` and ``id`` values, the empty ones left out, one space apart."""
    names, ident = attrs.get("class"), attrs.get("id")
    if names and ident:
        return f"{names} {ident}"
    return names or ident or ""


def _is_block(tag: str) -> bool:
    """Block-level: the element ends the text before it (custom elements count as blocks)."""
    return tag in _vocab.BLOCK_TAGS or "-" in tag


def visible_text(node: LexborNode) -> str:
    """The text of a subtree without its scripts, styles and other invisible elements
    (Lexbor's ``text()`` includes script source): that ``text()`` with the few invisible
    texts cut out, or, when there are many, a walk that skips them, so the cost stays
    linear in the subtree however many there are."""
    if _TEXT_AND_HIDDEN is not None:
        text, sources = _TEXT_AND_HIDDEN(node, _INVISIBLE_TAGS, _FEW_INVISIBLE)
    else:
        hidden = node.css(_INVISIBLE_TEXT)
        text = node.text(separator=" ") or ""
        few = len(hidden) <= _FEW_INVISIBLE
        sources = [element.text(separator=" ") for element in hidden] if few else None
    if sources is not None:
        for source in sources:
            if source:
                text = text.replace(source, " ", 1)
        return text
    parts: list[str] = []
    stack = [node.child] if node.child is not None else []
    while stack:
        current = stack.pop()
        if current.next is not None:
            stack.append(current.next)
        if current.is_text_node:
            parts.append(current.text_content or "")
        elif current.tag not in _INVISIBLE_TAGS and current.child is not None:
            stack.append(current.child)
    return " ".join(parts)


def _mark_captions(
    blocks: list[RawBlock], containers: list[Container], box_blocks: int, box_length: int
) -> None:
    """Captions by class: ``caption``/``credit`` on the text's element or its parent, or an
    image word on either when it holds little more than a caption (not on an article that
    merely has pictures: "js-social-images" around a paragraph and six photos)."""

    named: dict[tuple[str, bool], bool] = {}  # (classes, image words?) -> a match: asked once

    def has(box: Container, image: bool) -> bool:
        found = named.get((box.classes, image))
        if found is None:
            found = named[box.classes, image] = _has(box, _IMAGE_CLASS if image else _CAPTION_CLASS)
        return found

    def caption_box(box: Container, block: RawBlock) -> bool:
        small = box.end - box.first <= box_blocks and block.length <= box_length
        return has(box, False) or (small and has(box, True))

    for block in blocks:
        if block.kind not in ("paragraph", "list-item") or block.pruned:
            continue
        owner = containers[block.container]
        parent = containers[owner.parent] if owner.parent >= 0 else None
        if caption_box(owner, block) or (parent is not None and caption_box(parent, block)):
            block.kind = "caption"


def _list_frame(container: Container, attrs: dict[str, str | None]) -> _ListFrame:
    """A list; an ``<ol>`` numbers its items from ``start`` (downwards when ``reversed``)."""
    if container.tag != "ol":
        return _ListFrame(container.id, False, 0)
    step = -1 if "reversed" in attrs else 1
    start = _int_attribute(attrs, "start")
    if start is None:
        start = _count_items(container.node) if step < 0 else 1
    return _ListFrame(container.id, True, start - step, step)


def _count_items(node: LexborNode | None) -> int:
    return 0 if node is None else sum(1 for child in node.iter() if child.tag == "li")


def _int_attribute(attrs: dict[str, str | None], name: str) -> int | None:
    value = (attrs.get(name) or "").strip()
    if not value or len(value) > 9:
        return None
    try:
        return int(value)
    except ValueError:
        return None


def _image_url(attrs: dict[str, str | None]) -> str:
    """The image's address: ``src``, or a lazy loader's attribute when ``src`` is a
    placeholder (``data:`` URI), or the first ``srcset`` candidate."""
    for name in _IMAGE_SOURCES:
        value = (attrs.get(name) or "").strip()
        if value and value[:5].lower() != "data:":
            return value
    srcset = (attrs.get("srcset") or "").strip()
    return srcset.split(",", 1)[0].split(None, 1)[0] if srcset else ""


def _has(container: Container, vocabulary: _vocab.ClassVocabulary) -> bool:
    return (
        bool(container.classes)
        and vocabulary.match(_vocab.class_tokens(container.classes)) is not None
    )


_PARAGRAPH_TAGS = frozenset(
    ("p", "li", "dd", "dt", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
     "figcaption", "tr", "caption")
)  # fmt: skip


def home(containers: list[Container], cid: int) -> int:
    """The box a block's text lives in: its element, or for a paragraph-level element
    (``<p>``, ``<li>``, a heading...) the element that holds the paragraphs."""
    c = containers[cid] if containers else None
    if c is None:
        return cid
    return c.parent if c.tag in _PARAGRAPH_TAGS and c.parent >= 0 else cid


def segment(
    root: LexborNode, *, plan: PrunePlan, max_nodes: int, deadline: Deadline,
    max_blocks: int | None = None, shown: frozenset[str] = frozenset(),
    links: bool = False, images: bool = False, compiled: bool = True, formatting: bool = False,
    caption_box_blocks: int = DEFAULT_OPTIONS.caption_box_max_blocks,
    caption_box_length: int = DEFAULT_OPTIONS.caption_box_max_length,
) -> Segmentation:  # fmt: skip
    """Blocks and containers of the subtree at `root` (normally ``<body>``).

    The walk stops, marking the result truncated, after `max_nodes` nodes, past `deadline`
    (checked every few thousand nodes) or with `max_blocks` blocks.
    `shown` names skipped elements (`SKIP_TAGS`) whose content is walked anyway. `links` and
    `images` record the links and images of the text on the blocks (for the renderers), and
    `formatting` its bold, italic, code, sub- and superscript; they change nothing else.
    `compiled` walks with the compiled kernel when it is built and passed its self-test
    (`KERNEL`); the result is the same either way. `caption_box_blocks` and
    `caption_box_length` are `Options.caption_box_max_blocks` and `caption_box_max_length`."""
    walker = _Walker(plan, max_nodes, deadline, max_blocks, shown, links, images, formatting)
    seg = walker.walk(root, KERNEL if compiled else None)
    _mark_captions(seg.blocks, seg.containers, caption_box_blocks, caption_box_length)
    return seg


_SELF_TEST_PAGE = """<html><body><div class="main" id="m"><h1>Title <b>bold</b></h1>
<p>One <a href="/x">link <i>text</i></a> here.<br>line<br><br>next para</p><!-- c -->
<ol reversed><li>a</li><li value="7">b <span hidden>no</span></li></ol>
<table><thead><tr><th colspan="2">h</th></tr></thead><tr><td>1</td><td>2</td></tr></table>
<blockquote>q <em>e</em></blockquote><pre>a\n  b</pre><img src="i.png" alt="i">
<nav>menu <a href="/">home</a></nav><div class="share">share this</div><my-el>custom</my-el>
<figure><img src="f.png"><figcaption>cap</figcaption></figure><script>var x;</script>
<section hidden>gone</section>text&nbsp;&amp; \u4e2d\u6587 tail</div></body></html>"""


def _tested_kernel() -> Kernel | None:
    """The compiled walk (`declutter._walk`) if it is built, not disabled by
    ``DECLUTTER_PURE_PYTHON=1``, and gives exactly the Python walk's result on a page that
    exercises every kind of element; else None (the Python walk is used)."""
    _walk = compiled_module()
    if _walk is None:
        return None
    tree = LexborHTMLParser(_SELF_TEST_PAGE)
    body = tree.body
    text = tree.css_first("b")
    if body is None or text is None or text.child is None:
        return None
    try:
        _walk.calibrate(body, text.child)
        if _walk.node_of(body, text.child.mem_id).text_content != text.child.text_content:
            return None
        kernel: Kernel = _walk.walk
        for flags in ((False, False, False), (True, True, True)):
            plan = _prune.plan(tree)
            python = _Walker(plan, 10**6, NO_DEADLINE, None, frozenset(), *flags).walk(body, None)
            fast = _Walker(_prune.plan(tree), 10**6, NO_DEADLINE, None, frozenset(), *flags).walk(
                body, kernel
            )
            if fast != python or not python.blocks:
                return None
    except Exception:  # noqa: BLE001 (a layout the mirrored declarations do not match: any error)
        return None
    return kernel


_TextAndHidden = Callable[[LexborNode, frozenset[str], int], tuple[str, list[str] | None]]
_TEXT_AND_HIDDEN: _TextAndHidden | None = None
"""A subtree's text and its hidden elements' texts, read in one compiled walk (None: with
Lexbor's ``text()`` and ``css()``, as while the walk is self-tested)."""
KERNEL: Kernel | None = _tested_kernel()
"""The compiled walk `segment` uses, or None when the pure-Python walk is used."""


def _tested_text_and_hidden() -> _TextAndHidden | None:
    """The compiled `visible_text` reading (`_walk.text_and_hidden`) when the compiled walk
    is in use and it reads what Lexbor's ``text()`` and ``css()`` give on every element of
    the self-test page; else None."""
    if KERNEL is None:
        return None
    _walk = compiled_module()
    if _walk is None:
        return None
    tree = LexborHTMLParser(_SELF_TEST_PAGE)
    try:
        for node in tree.root.traverse() if tree.root is not None else ():
            hidden = [e.text(separator=" ") for e in node.css(_INVISIBLE_TEXT)]
            for most in (0, len(hidden)):
                fast = _walk.text_and_hidden(node, _INVISIBLE_TAGS, most)
                if fast != (
                    node.text(separator=" ") or "",
                    hidden if len(hidden) <= most else None,
                ):
                    return None
    except Exception:  # noqa: BLE001 (as in `_tested_kernel`)
        return None
    found: _TextAndHidden = _walk.text_and_hidden
    return found


_TEXT_AND_HIDDEN = _tested_text_and_hidden()

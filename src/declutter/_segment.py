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

import time
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from . import _textstats, _vocab
from ._prune import PrunePlan

__all__ = ["RawBlock", "Container", "Segmentation", "segment"]

_BR = "\u2028"  # stands for <br> until blocks are cut; source newlines are only spaces
_KIND_BY_TAG = {
    "li": "list-item", "dd": "list-item", "dt": "list-item", "td": "cell", "th": "cell",
    "pre": "code", "figcaption": "caption", "caption": "caption", "blockquote": "quote",
}  # fmt: skip
_DEADLINE_CHECK_EVERY = 2048
_CAPTION_CLASS = _vocab.ClassVocabulary(_vocab.CAPTION_CLASS)
_IMAGE_CLASS = _vocab.ClassVocabulary(_vocab.IMAGE_CLASS)
_MAX_IMAGE_BOX_BLOCKS = 2  # an image box holds a caption and perhaps a credit line
_INVISIBLE_TAGS = _vocab.SKIP_TAGS - {"head", "title", "meta", "link"}
_INVISIBLE_TEXT = ", ".join(sorted(_INVISIBLE_TAGS))


@dataclass(slots=True)
class Container:
    """A block-level element of the page and the slice of blocks it holds."""

    id: int
    parent: int
    tag: str
    classes: str
    depth: int
    node: LexborNode | None
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
    tags: int
    heading_level: int = 0
    list_depth: int = 0
    pruned: str = ""
    pruned_id: int = 0
    """``mem_id`` of the pruned element, for pruned blocks."""
    score: float = 0.0
    kept: bool = False
    reason: str = ""

    @property
    def link_ratio(self) -> float:
        return self.link_length / self.length if self.length else 0.0


@dataclass(slots=True)
class Segmentation:
    blocks: list[RawBlock]
    containers: list[Container]
    truncated: bool = False
    nodes: int = 0


@dataclass(slots=True)
class _Run:
    """The inline text collected since the last block boundary."""

    parts: list[str] = field(default_factory=list)
    link_parts: list[str] = field(default_factory=list)
    tags: int = 0


class _Exit:
    __slots__ = ("container",)

    def __init__(self, container: Container | None) -> None:
        self.container = container  # None: leaving an <a>


_LEAVE_LINK = _Exit(None)


class _Walker:
    """One walk over one DOM; holds the state of that walk only."""

    def __init__(
        self, plan: PrunePlan, max_nodes: int, deadline: float | None, max_blocks: int | None,
        shown: frozenset[str],
    ) -> None:  # fmt: skip
        self.plan = plan
        self.shown = shown
        self.skip = plan.structural
        self.max_nodes = max_nodes
        self.max_blocks = max_blocks
        self.deadline = deadline
        self.blocks: list[RawBlock] = []
        self.containers: list[Container] = []
        self.run = _Run()
        self.link_depth = 0
        self.pre_depth = 0
        self.quote_depth = 0
        self.list_depth = 0
        self.figure_depth = 0
        self.nodes = 0
        self.truncated = False
        self.current: Container | None = None

    def walk(self, root: LexborNode) -> Segmentation:
        attrs = root.attributes if root.is_element_node else {}
        top = self._open(root, None, attrs, " ".join(v for v in (attrs.get("class"), attrs.get("id")) if v))
        stack: list[LexborNode | _Exit] = [_Exit(top)]
        if root.child is not None:
            stack.append(root.child)
        while stack:
            item = stack.pop()
            if item.__class__ is _Exit:
                self._leave(item)
                continue
            node: LexborNode = item  # type: ignore[assignment]
            # The next sibling waits below the node's subtree: the stack holds one node per
            # level, not every child of a node with a million children.
            following = node.next
            if following is not None:
                stack.append(following)
            self.nodes += 1
            if self.nodes % _DEADLINE_CHECK_EVERY == 0 and self._out_of_budget():
                self.truncated = True
                break
            self._enter(node, stack)
        self._flush(top)
        while stack:  # a cut-short walk still closes its open containers
            item = stack.pop()
            if item.__class__ is _Exit and item.container is not None:
                item.container.end = len(self.blocks)
        top.end = len(self.blocks)
        _mark_captions(self.blocks, self.containers)
        return Segmentation(self.blocks, self.containers, self.truncated, self.nodes)

    def _out_of_budget(self) -> bool:
        if self.nodes >= self.max_nodes:
            return True
        if self.max_blocks is not None and len(self.blocks) >= self.max_blocks:
            return True
        return self.deadline is not None and time.monotonic() > self.deadline

    def _enter(self, node: LexborNode, stack: list[LexborNode | _Exit]) -> None:
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text:
                self.run.parts.append(text)
                if self.link_depth:
                    self.run.link_parts.append(text)
            return
        if tag is None or tag[0] in "-_!" or (tag in _vocab.SKIP_TAGS and tag not in self.shown):
            return  # comments, doctype, scripts and the like
        if tag == "br":
            self._line_break()
            return
        if tag in _vocab.VOID_SKIP_TAGS:
            return
        is_block = tag in _vocab.BLOCK_TAGS or "-" in tag
        if self.skip:
            reason = self.skip.get(node.mem_id)
            if reason is not None and node.mem_id not in self.plan.overruled:
                if is_block:  # a hidden inline element just disappears from its sentence
                    self._flush(self.current)
                    self._pruned(node, reason)
                return
        if is_block:
            attrs = node.attributes
            classes = " ".join(v for v in (attrs.get("class"), attrs.get("id")) if v)
            reason = self.plan.vocabulary(node.mem_id, tag, classes) if classes else None
            self._flush(self.current)
            if reason is not None:
                self._pruned(node, reason)
                return
            container = self._open(node, self.current, attrs, classes)
            stack.append(_Exit(container))
        else:
            self.run.tags += 1
            if tag == "a":
                self.link_depth += 1
                stack.append(_LEAVE_LINK)
        child = node.child
        if child is not None:
            stack.append(child)

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
            composition=tag == "article" or (itemprop is not None and "articleBody" in itemprop),
            first=len(self.blocks),
        )
        self.containers.append(container)
        if parent is not None:
            parent.children.append(container.id)
        self.current = container
        self._count(container, +1)
        return container

    def _leave(self, item: _Exit) -> None:
        container = item.container
        if container is None:
            self.link_depth -= 1
            return
        self._flush(container)
        container.end = len(self.blocks)
        self._count(container, -1)
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

    def _pruned(self, node: LexborNode, reason: str) -> None:
        """Record a pruned subtree as one block, so the decision can be inspected."""
        text = _textstats.normalise_space(_visible_text(node))
        if text:
            self._emit(text, "", 0, self.current, pruned=reason, pruned_id=node.mem_id)

    def _flush(self, owner: Container | None) -> None:
        run = self.run
        if not run.parts:
            return
        raw = "".join(run.parts)
        link_raw = "".join(run.link_parts) if run.link_parts else ""
        tags = run.tags
        self.run = _Run()
        if self.pre_depth:
            text = raw.replace(_BR, "\n").strip("\n")
            if text.strip():
                self._emit(text, link_raw, tags, owner)
            return
        if raw.isspace():
            return
        self._emit(_textstats.normalise_space(raw, _BR), link_raw, tags, owner)

    def _emit(
        self, text: str, link_raw: str, tags: int, owner: Container | None, pruned: str = "",
        pruned_id: int = 0,
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
        self.blocks.append(
            RawBlock(
                index=len(self.blocks),
                text=text,
                tag=tag,
                kind=kind,
                container=owner.id if owner else 0,
                depth=owner.depth if owner else 0,
                length=length,
                link_length=_textstats.measure(link_raw) if link_raw else 0,
                punctuation=_textstats.punctuation_count(text),
                tags=tags,
                heading_level=int(tag[1]) if kind == "heading" else 0,
                list_depth=self.list_depth,
                pruned=pruned,
                pruned_id=pruned_id,
            )
        )

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


def _visible_text(node: LexborNode) -> str:
    """The text of a subtree without its scripts, styles and other invisible elements
    (Lexbor's ``text()`` includes script source): that ``text()`` when there are none,
    else a walk that skips them, so the cost stays linear in the subtree however many."""
    if node.css_first(_INVISIBLE_TEXT) is None:
        return node.text(separator=" ") or ""
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


def _mark_captions(blocks: list[RawBlock], containers: list[Container]) -> None:
    """Captions by class: ``caption``/``credit`` on the text's element or its parent, or an
    image word on a parent that holds little more than the caption (not on an article that
    merely has a picture)."""
    for block in blocks:
        if block.kind not in ("paragraph", "list-item") or block.pruned:
            continue
        owner = containers[block.container]
        if _has(owner, _CAPTION_CLASS) or _has(owner, _IMAGE_CLASS):
            block.kind = "caption"
        elif owner.parent >= 0:
            parent = containers[owner.parent]
            if _has(parent, _CAPTION_CLASS) or (
                parent.end - parent.first <= _MAX_IMAGE_BOX_BLOCKS and _has(parent, _IMAGE_CLASS)
            ):
                block.kind = "caption"


def _has(container: Container, vocabulary: _vocab.ClassVocabulary) -> bool:
    return bool(container.classes) and vocabulary.match(_vocab.class_tokens(container.classes)) is not None


def segment(
    root: LexborNode, *, plan: PrunePlan, max_nodes: int, deadline: float | None,
    max_blocks: int | None = None, shown: frozenset[str] = frozenset(),
) -> Segmentation:
    """Blocks and containers of the subtree at `root` (normally ``<body>``).

    The walk stops, marking the result truncated, after `max_nodes` nodes, past `deadline`
    (``time.monotonic()``, checked every few thousand nodes) or with `max_blocks` blocks.
    `shown` names skipped elements (`SKIP_TAGS`) whose content is walked anyway."""
    return _Walker(plan, max_nodes, deadline, max_blocks, shown).walk(root)

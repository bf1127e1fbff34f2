"""Which block shows an element or a printed value: the locators behind `Article.sources`.

The metadata stage reads the DOM, the blocks come from the segment stage's walk of the same
DOM; a `BlockLocator` maps one onto the other so that the HTML report can mark the block
that gave the title, the date and the byline, without finding them again.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

from ._segment import Segmentation

__all__ = ["BlockLocator"]


class BlockLocator:
    """Block indices of elements and printed values of one `Segmentation`."""

    def __init__(self, seg: Segmentation) -> None:
        self._seg = seg
        self._owners: dict[int, tuple[bool, int]] | None = None  # mem_id: (pruned, id)

    def element(self, node: LexborNode | None) -> int:
        """Index of the block that holds `node`'s text: the pruned region around it, else
        the first block of the nearest container around it; -1 when no block does."""
        owners = self._index()
        seen = 0
        while node is not None and seen <= len(self._seg.containers):  # the depth at most
            owner = owners.get(node.mem_id)
            if owner is not None:
                pruned, at = owner
                return at if pruned else self._first_block(at)
            node, seen = node.parent, seen + 1
        return -1

    def printed(
        self,
        accept: Callable[[str], bool],
        *,
        start: int = 0,
        end: int | None = None,
        max_chars: int | None = None,
    ) -> int:
        """Index of the first block of ``blocks[start:end]`` whose text `accept` takes,
        looking no further than `max_chars` characters of text past `start` (no limit:
        None); -1."""
        read = 0
        blocks = self._seg.blocks
        for i in range(max(start, 0), len(blocks) if end is None else min(end, len(blocks))):
            if max_chars is not None and read > max_chars:
                break
            text = blocks[i].text
            if accept(text):
                return i
            read += len(text)
        return -1

    def _index(self) -> dict[int, tuple[bool, int]]:
        if self._owners is None:
            seg = self._seg
            owners = {c.node.mem_id: (False, c.id) for c in seg.containers if c.node is not None}
            owners.update(
                (b.pruned_id, (True, b.index)) for b in seg.blocks if b.pruned is not None
            )
            self._owners = owners
        return self._owners

    def _first_block(self, cid: int) -> int:
        c = self._seg.containers[cid]
        blocks = self._seg.blocks
        for i in range(c.first, min(c.end, len(blocks))):
            if blocks[i].container == cid:
                return i
        return c.first if c.first < c.end else -1

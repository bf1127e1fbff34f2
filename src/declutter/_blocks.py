"""The segmentation's working blocks turned into the public, immutable `Block`s."""

from __future__ import annotations

from ._model import Block
from ._segment import Container, Segmentation

__all__ = ["public_blocks"]

_PATH_LEVELS = 6


def public_blocks(seg: Segmentation) -> tuple[Block, ...]:
    """Every block of `seg` as a `Block`, with its tag path and relative position."""
    n = len(seg.blocks) or 1
    containers = seg.containers
    paths: dict[int, str] = {}
    out = []
    for b in seg.blocks:
        path = paths.get(b.container)
        if path is None:
            path = paths[b.container] = _path(containers, b.container) if containers else ""
        classes = containers[b.container].classes if containers else ""
        out.append(
            Block(
                b.index, b.text, b.tag, b.kind, path, b.depth, b.length, b.link_length,
                b.punctuation, b.element_count, round(b.index / n, 4), round(b.score, 3), b.kept,
                b.reason, b.heading_level, classes, b.list_depth, b.list_ordered, b.list_number,
                b.list_id, b.list_item, b.quote_depth, b.quote_id, b.table_id, b.table_row,
                b.table_column, b.table_header, b.links, b.images,
            )
        )
    return tuple(out)


def _path(containers: list[Container], cid: int) -> str:
    parts: list[str] = []
    while cid >= 0 and len(parts) < _PATH_LEVELS:
        c = containers[cid]
        words = c.classes.split(None, 1)
        parts.append(f"{c.tag}.{words[0]}" if words else c.tag)
        cid = c.parent
    if cid >= 0:
        parts.append("\u2026")
    return ">".join(reversed(parts))

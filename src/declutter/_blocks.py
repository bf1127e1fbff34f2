"""The result as the caller sees it: the working blocks turned into public, immutable
`Block`s, and no control character in any text that leaves the library."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Set as AbstractSet
from operator import attrgetter, itemgetter
from typing import Any

from ._model import Article, Block, Image, Link, Mark, Region
from ._options import Options
from ._segment import Container, Segmentation
from ._textstats import without_controls

__all__ = ["outgoing", "public_blocks", "public_regions"]

_DERIVED = (
    "text",
    "path",
    "position",
    "score",
    "classes",
    "pruned_by",
    "table_data",
    "links",
    "images",
    "marks",
)
"""`Block` fields made here; every other field is the working block's of the same name."""
_COPIED_NAMES = tuple(name for name in Block._fields if name not in _DERIVED)
_COPIED = attrgetter(*_COPIED_NAMES)
_IN_FIELD_ORDER = itemgetter(
    *(
        _COPIED_NAMES.index(name)
        if name in _COPIED_NAMES
        else len(_COPIED_NAMES) + _DERIVED.index(name)
        for name in Block._fields
    )
)
"""The copied values, then the derived ones (in `_DERIVED`'s order), in `Block`'s order."""


def public_blocks(
    seg: Segmentation, options: Options, data_tables: AbstractSet[int]
) -> tuple[Block, ...]:
    """Every block of `seg` as a `Block`, with its tag path, relative position and whether it
    is a cell of one of the `data_tables`; class
    names cut to `Options.block_classes_max_chars` (they are repeated on every block of
    their container)."""
    max_class_chars, levels = options.block_classes_max_chars, options.block_path_levels
    n = len(seg.blocks) or 1
    containers = seg.containers
    boxes: dict[int, tuple[str, str]] = {}  # container id -> its blocks' path and classes
    pieces: dict[int, str] = {}  # container id -> its piece of a path
    out = []
    for b in seg.blocks:
        box = boxes.get(b.container)
        if box is None:
            box = boxes[b.container] = (
                (
                    without_controls(
                        _path(containers, b.container, max_class_chars, levels, pieces)
                    ),
                    without_controls(containers[b.container].classes[:max_class_chars]),
                )
                if containers
                else ("", "")
            )
        path, classes = box
        text = without_controls(b.text)
        # built positionally (by keyword costs five times as much), in `_DERIVED`'s order
        derived = (
            text, path, round(b.index / n, 4), round(b.score, 3), classes,
            without_controls(str(b.pruned)) if b.pruned else "",
            b.kept and b.table_id in data_tables, _clean_links(b.links),
            _clean_images(b.images), _marks(text, b.marks, b.visible) if b.marks else (),
        )  # fmt: skip
        out.append(Block._make(_IN_FIELD_ORDER(_COPIED(b) + derived)))
    return tuple(out)


def public_regions(seg: Segmentation, options: Options) -> tuple[Region, ...]:
    """The containers of `seg` that hold blocks, in document order, as `Region`s (classes
    cut to `Options.block_classes_max_chars`); the best-scoring one is marked `best`."""
    scores = seg.container_scores
    best = max(range(len(scores)), key=scores.__getitem__) if scores else -1
    cut = options.block_classes_max_chars
    return tuple(
        Region(
            c.first, c.end, c.depth, c.tag, without_controls(c.classes[:cut]),
            round(scores[c.id], 3) if scores else 0.0, c.id == best,
        )
        for c in seg.containers
        if c.end > c.first
    )  # fmt: skip


def outgoing(article: Article) -> Article:
    """The article as it leaves the library: no control characters in any text field
    (`public_blocks` does the same for the blocks' text, paths, classes, links and images)."""
    changes: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = getattr(article, name)
        if isinstance(value, str):
            cleaned: Any = without_controls(value)
        elif isinstance(value, tuple):
            cleaned = tuple(map(without_controls, value))
        else:
            continue
        if cleaned != value:
            changes[name] = cleaned
    return dataclasses.replace(article, **changes) if changes else article


_TEXT_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(Article)
    if str(f.type) in ("str", "str | None", "tuple[str, ...]")
)


def _path(
    containers: list[Container], cid: int, max_chars: int, levels: int, pieces: dict[int, str]
) -> str:
    """The tag path up to `levels` containers up; `pieces` caches each container's piece."""
    parts: list[str] = []
    while cid >= 0 and len(parts) < levels:
        piece = pieces.get(cid)
        c = containers[cid]
        if piece is None:
            words = c.classes[: max_chars + 1].split(None, 1)
            piece = pieces[cid] = f"{c.tag}.{words[0][:max_chars]}" if words else c.tag
        parts.append(piece)
        cid = c.parent
    if cid >= 0:
        parts.append("\u2026")
    return ">".join(reversed(parts))


_VISIBLE_RUN = re.compile(r"[^\s\x00-\x1f\x7f-\x9f\u00ad]+")
"""The characters marks are anchored on (`_segment._INVISIBLE_CHARS`: all but these)."""


def _marks(text: str, anchored: tuple[tuple[str, int, int], ...], visible: int) -> tuple[Mark, ...]:
    """The working block's marks, anchored on its visible characters, as offsets in `text`
    (ordered by start); none when `text` lost a visible character (a Unicode composition)."""
    runs = [m.span() for m in _VISIBLE_RUN.finditer(text)]
    if sum(end - start for start, end in runs) != visible:
        return ()
    wanted = sorted({n for _, first, end in anchored for n in (first, end - 1)})
    where: dict[int, int] = {}  # visible character number -> its offset in text
    seen = i = 0
    for start, end in runs:
        while i < len(wanted) and wanted[i] < seen + end - start:
            where[wanted[i]] = start + wanted[i] - seen
            i += 1
        seen += end - start
    marks = (Mark(kind, where[first], where[end - 1] + 1) for kind, first, end in anchored)
    return tuple(sorted(marks, key=lambda m: (m.start, -m.end)))


def _clean_links(links: tuple[Link, ...]) -> tuple[Link, ...]:
    return (
        tuple(Link(without_controls(k.text), without_controls(k.url)) for k in links)
        if links
        else links
    )


def _clean_images(images: tuple[Image, ...]) -> tuple[Image, ...]:
    return tuple(
        Image(without_controls(i.url), without_controls(i.alt), without_controls(i.title)) for i in images
    ) if images else images  # fmt: skip

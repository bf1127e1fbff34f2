"""The segmentation's working blocks turned into the public, immutable `Block`s."""

from __future__ import annotations

from operator import attrgetter

from ._model import Block
from ._segment import Container, Segmentation

__all__ = ["public_blocks"]

_PATH_LEVELS = 6
_DERIVED = ("path", "position", "score", "classes")
"""`Block` fields made here; every other field is the working block's of the same name."""
_COPIED = attrgetter(*(name for name in Block._fields if name not in _DERIVED))
_DERIVED_AT = tuple(sorted(Block._fields.index(name) for name in _DERIVED))


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
        values = list(_COPIED(b))
        # fields by name, built positionally: by keyword costs five times as much
        derived = {
            "path": path, "position": round(b.index / n, 4), "score": round(b.score, 3),
            "classes": classes,
        }  # fmt: skip
        for at in _DERIVED_AT:
            values.insert(at, derived[Block._fields[at]])
        out.append(Block._make(values))
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

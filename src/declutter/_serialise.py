"""Stage 8, serialise: the kept blocks as text."""

from __future__ import annotations

from collections.abc import Iterable

from ._segment import RawBlock

__all__ = ["to_text"]


def to_text(blocks: Iterable[RawBlock]) -> str:
    """Plain text: one paragraph per kept block, paragraphs separated by one blank line."""
    return "\n\n".join(b.text for b in blocks if b.kept)

"""Stage 6, dedup: one copy of the article, each paragraph once.

Portals ship the article twice (desktop and mobile copy, print copy) and templates repeat
paragraphs (a teaser that repeats the lead). Among the kept blocks, in document order:

* a run of consecutive blocks that repeats an earlier run and holds at least
  `Options.dedup_min_run_length` of text is a second copy: all of it goes, short lines
  (subheads, "* * *") included, and so do the short lines in the copy's boxes (its own
  headline and byline, which the first copy may not have);
* outside such runs, a block at least `Options.dedup_min_length` long that repeats an
  earlier kept block goes. Shorter blocks stay: a refrain or a one-word line that occurs
  twice in the article is text, not duplication.

A repeat counts only when it sits in another box than the original (the element holding
the paragraphs, see `_segment.home`): a second copy of an article lives in its own
container, while a meal plan or a refrain the author repeats sits among the article's own
paragraphs, and stays. Comparison is exact after whitespace and case normalisation: no
fuzzy hashing, so the result never depends on anything but this page.
"""

from __future__ import annotations

from ._deadline import NO_DEADLINE, STRIDE, Deadline
from ._options import Options
from ._reasons import Reason
from ._segment import Container, RawBlock, home

__all__ = ["dedup", "text_key"]


def text_key(text: str) -> str:
    """What two blocks compare equal on: the text without whitespace, case-folded."""
    return "".join(text.split()).casefold()


def dedup(
    blocks: list[RawBlock], containers: list[Container], options: Options,
    deadline: Deadline = NO_DEADLINE,
) -> None:  # fmt: skip
    """Drop duplicate kept blocks in place (`kept=False`, reason ``duplicate...``)."""
    kept = [b for b in blocks if b.kept]
    keys = [text_key(b.text) for b in kept]
    homes = [home(containers, b.container) for b in kept]
    first_seen: dict[str, int] = {}
    copy_homes: set[int] = set()
    i = 0
    while i < len(kept):
        if i % STRIDE == 0 and deadline.past():
            break  # the blocks left stay as selected
        earlier = first_seen.get(keys[i])
        if earlier is None or homes[earlier] == homes[i]:
            first_seen.setdefault(keys[i], i)
            i += 1
            continue
        run = _run_length(keys, earlier, i)
        if sum(b.length for b in kept[i : i + run]) >= options.dedup_min_run_length:
            for block in kept[i : i + run]:
                block.kept, block.reason = False, Reason.DUPLICATE_COPY
            copy_homes.update(homes[i : i + run])
            i += run
            continue
        if kept[i].length >= options.dedup_min_length:
            kept[i].kept, kept[i].reason = False, Reason.DUPLICATE
        i += 1
    # once for all copies: a pass per copy would cost copies times blocks
    _drop_copy_furniture(kept, homes, copy_homes, options)
    _retrim_edges([b for b in kept if b.kept])


def _retrim_edges(kept: list[RawBlock]) -> None:
    """A short line kept for standing between two paragraphs is at the edge once the copy
    after it is gone."""
    for order in (kept, kept[::-1]):
        for block in order:
            if block.reason != Reason.SHORT_BETWEEN_CONTENT:
                break
            block.kept, block.reason = False, Reason.SHORT_AT_EDGE


def _drop_copy_furniture(
    kept: list[RawBlock], homes: list[int], copy_homes: set[int], options: Options
) -> None:
    """The short lines that sit in a copy's own boxes (its headline, its byline) go with it."""
    for block, box in zip(kept, homes):
        if block.kept and box in copy_homes and block.length < options.dedup_min_length:
            block.kept, block.reason = False, Reason.DUPLICATE_COPY


def _run_length(keys: list[str], earlier: int, start: int) -> int:
    """How many blocks from `start` on repeat, one for one, those from `earlier` on."""
    n = 0
    while start + n < len(keys) and earlier + n < start and keys[earlier + n] == keys[start + n]:
        n += 1
    return n

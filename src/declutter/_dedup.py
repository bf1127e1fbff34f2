"""Stage 6, dedup: one copy of the article, each paragraph once.

Portals ship the article twice (desktop and mobile copy, print copy) and templates repeat
paragraphs (a teaser that repeats the lead). Among the kept blocks, in document order:

* a run of consecutive blocks that repeats an earlier run and holds at least
  `Options.dedup_min_run_length` of text is a second copy: all of it goes, short lines
  (subheads, "* * *") included;
* outside such runs, a block at least `Options.dedup_min_length` long that repeats an
  earlier kept block goes. Shorter blocks stay: a refrain or a one-word line that occurs
  twice in the article is text, not duplication.

Comparison is exact after whitespace and case normalisation: no fuzzy hashing, so the result
never depends on anything but this page.
"""

from __future__ import annotations

from ._options import Options
from ._segment import RawBlock

__all__ = ["dedup"]

def _key(text: str) -> str:
    return "".join(text.split()).casefold()


def dedup(blocks: list[RawBlock], options: Options) -> None:
    """Drop duplicate kept blocks in place (`kept=False`, reason ``duplicate...``)."""
    kept = [b for b in blocks if b.kept]
    keys = [_key(b.text) for b in kept]
    first_seen: dict[str, int] = {}
    i = 0
    while i < len(kept):
        earlier = first_seen.get(keys[i])
        if earlier is None:
            first_seen[keys[i]] = i
            i += 1
            continue
        run = _run_length(keys, earlier, i)
        if sum(b.length for b in kept[i : i + run]) >= options.dedup_min_run_length:
            for block in kept[i : i + run]:
                block.kept, block.reason = False, "duplicate-copy"
            i += run
            continue
        if kept[i].length >= options.dedup_min_length:
            kept[i].kept, kept[i].reason = False, "duplicate"
        i += 1


def _run_length(keys: list[str], earlier: int, start: int) -> int:
    """How many blocks from `start` on repeat, one for one, those from `earlier` on."""
    n = 0
    while start + n < len(keys) and earlier + n < start and keys[earlier + n] == keys[start + n]:
        n += 1
    return n

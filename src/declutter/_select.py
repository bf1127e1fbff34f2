"""Stage 5b, select: choose the article region and classify the blocks in it.

1. The best-scoring container is the core of the article.
2. Its siblings join when they score well themselves and are not link-dense (an article
   split over several containers), and so do loose paragraphs of the parent; inside an
   ``<article>`` this goes on level by level up to the ``<article>`` itself.
3. Every block in the region is classified: link-dense blocks and captions are dropped,
   long ones kept, and short blocks and headings are judged by their neighbours, as jusText
   does: a short line between two kept paragraphs is part of the text, one at the edge of
   the article is a byline or a "share" label.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from . import _vocab
from ._options import Options
from ._score import Ranking
from ._segment import Container, RawBlock, Segmentation

__all__ = ["Selection", "select"]


@dataclass(slots=True)
class Selection:
    best: int
    """Id of the best-scoring container (-1 when the page has no text)."""
    containers: list[int]
    """Ids of the containers that make up the article region, in document order."""
    best_score: float


def select(
    seg: Segmentation, ranking: Ranking, options: Options, headline: int = -1,
    *, lenient: bool = False,
) -> Selection:  # fmt: skip
    """Mark `kept`/`reason` on every block; return the chosen region.

    `headline` is the index of the block that repeats the page's title (-1 if none): it is
    the title, so never part of the body. `lenient` keeps every block of the region that
    is not pruned (the fallback for pages where nothing reads as an article).
    """
    blocks = seg.blocks
    for block in blocks:
        block.kept = False
        block.reason = f"pruned:{block.pruned}" if block.pruned else "outside-article"
    scores = ranking.scores
    if not blocks or not scores:
        return Selection(-1, [], 0.0)
    best = _best_container(seg.containers, scores)
    in_region = [False] * len(blocks)
    region = _region(seg, ranking, best, options, in_region)
    for i in _nested_articles(seg, best, region):
        if in_region[i]:
            in_region[i] = False
            blocks[i].reason = "nested-article"
    if headline >= 0:
        in_region[headline] = False
        blocks[headline].reason = "headline"
    if lenient:
        for block, inside in zip(blocks, in_region):
            if inside and not block.pruned:
                block.kept, block.reason = True, "fallback"
        return Selection(best, region, scores[best])
    _classify([b for b, inside in zip(blocks, in_region) if inside], options)
    _extend(blocks, in_region, options)
    return Selection(best, region, scores[best])


def _region(
    seg: Segmentation, ranking: Ranking, best: int, options: Options, in_region: list[bool]
) -> list[int]:
    """Containers of the article: the best one, then qualifying siblings level by level.

    Outside a composition root (``<article>``, ``itemprop=articleBody``) only the first
    level of siblings is considered, and a sibling must score a good share of the best
    container. Inside one, every level up to the root is, and any sibling that is not
    link-dense joins: the author put it in the article, the block classifier sorts out
    what in it is text.
    """
    containers = seg.containers
    boundary = _composition_root(containers, best)
    node = _climb_wrappers(containers, ranking.wrapper, best)
    region = [node]
    threshold = max(options.sibling_min_score, options.sibling_score_ratio * ranking.scores[best])
    while True:
        parent_id = containers[node].parent
        if parent_id < 0:
            break
        liberal = boundary >= 0 and containers[parent_id].depth >= containers[boundary].depth
        for cid in containers[parent_id].children:
            if cid != node and _sibling_joins(ranking, cid, liberal, threshold, options):
                region.append(cid)
        _mark_loose_paragraphs(seg, parent_id, options, in_region)
        if not liberal or parent_id == boundary:
            break
        node = parent_id
    for cid in region:
        c = containers[cid]
        for i in range(c.first, c.end):
            in_region[i] = True
    return sorted(region)


def _sibling_joins(
    ranking: Ranking, cid: int, liberal: bool, threshold: float, options: Options
) -> bool:
    text = ranking.text[cid]
    if not text or ranking.links[cid] / text >= options.sibling_max_link_ratio:
        return False
    return liberal or ranking.scores[cid] >= threshold


def _composition_root(containers: list[Container], cid: int) -> int:
    """Nearest ancestor-or-self marked as a self-contained composition, or -1."""
    while cid >= 0:
        if containers[cid].composition:
            return cid
        cid = containers[cid].parent
    return -1


def _mark_loose_paragraphs(
    seg: Segmentation, parent_id: int, options: Options, in_region: list[bool]
) -> None:
    """Blocks held directly by `parent_id` that read like paragraphs join the region."""
    for i in _direct_blocks(seg, seg.containers[parent_id]):
        block = seg.blocks[i]
        if (
            block.container == parent_id
            and not block.pruned
            and block.length >= options.paragraph_min_length
            and block.link_ratio < options.sibling_max_link_ratio
        ):
            in_region[i] = True


def _direct_blocks(seg: Segmentation, parent: Container) -> Iterator[int]:
    """Indices of the blocks in `parent` outside its child containers (whose blocks are
    contiguous slices): walking up a deep tree level by level then costs linear time."""
    start = parent.first
    for cid in parent.children:
        child = seg.containers[cid]
        yield from range(start, child.first)
        start = max(start, child.end)
    yield from range(start, parent.end)


def _extend(blocks: list[RawBlock], in_region: list[bool], options: Options) -> None:
    """Carry the article on across the region's edges while the text goes on alike.

    A lead paragraph in its own box above the body, or a closing section in the next
    container, sits outside the region the tree gave. Walking the block sequence outwards,
    paragraphs of the same tag as the body's that read as prose join, with the short lines
    and subheads between them; a pruned region with text, a link-heavy block or another
    headline ends the walk.
    """
    kept = [i for i, b in enumerate(blocks) if b.kept]
    if not kept:
        return
    tags: dict[str, int] = {}
    for i in kept:
        tags[blocks[i].tag] = tags.get(blocks[i].tag, 0) + blocks[i].length
    body_tag = max(tags, key=tags.__getitem__)
    _walk_out(blocks, range(kept[0] - 1, -1, -1), body_tag, in_region, options)


def _walk_out(
    blocks: list[RawBlock], order: range, body_tag: str, in_region: list[bool], options: Options
) -> None:
    pending: list[RawBlock] = []
    for i in order:
        block = blocks[i]
        if block.pruned and block.length < options.extension_barrier_length:
            continue  # a "Tweet" button or a photo credit between lead and body
        if in_region[i] or block.pruned or block.heading_level == 1 or block.reason == "headline":
            return
        verdict = _own_verdict(block, options)
        if verdict is not None and not verdict[0]:
            return
        if (
            verdict is not None
            and block.tag == body_tag
            and block.length >= options.extension_min_length
            and block.link_ratio <= options.extension_max_link_ratio
            and block.punctuation
        ):
            for held in pending:
                if not _is_metadata_line(held.text):
                    held.kept, held.reason = True, "between-extension"
            pending.clear()
            block.kept, block.reason = True, "extension"
            continue
        pending.append(block)
        if len(pending) > options.extension_max_gap:
            return


def _climb_wrappers(containers: list[Container], wrapper: list[bool], cid: int) -> int:
    """The outermost container that holds exactly the text of `cid`."""
    while containers[cid].parent >= 0 and wrapper[containers[cid].parent]:
        cid = containers[cid].parent
    return cid


def _nested_articles(seg: Segmentation, best: int, region: list[int]) -> list[int]:
    """Blocks of ``<article>`` elements nested in the article that holds the best container.

    HTML marks each self-contained composition with ``<article>``; one inside the article
    being read is a teaser, a related story or a comment, never part of it.
    """
    containers = seg.containers
    lineage = set()
    cid = best
    while cid >= 0:
        lineage.add(cid)
        cid = containers[cid].parent
    if not any(containers[c].tag == "article" for c in lineage):
        return []
    out: list[int] = []
    for rid in region:
        for c in containers[rid : _last_descendant(containers, rid) + 1]:
            if c.tag == "article" and c.id not in lineage and c.first < c.end:
                out.extend(range(c.first, c.end))
    return out


def _last_descendant(containers: list[Container], cid: int) -> int:
    """Containers are numbered in document order, so a subtree is a contiguous id range."""
    while containers[cid].children:
        cid = containers[cid].children[-1]
    return cid


def _best_container(containers: list[Container], scores: list[float]) -> int:
    """Highest score; on a tie the deeper container, which holds less chrome."""
    best = 0
    for cid in range(1, len(containers)):
        s, b = scores[cid], scores[best]
        if s > b or (s == b and containers[cid].depth > containers[best].depth):
            best = cid
    return best


def _classify(region: list[RawBlock], options: Options) -> None:
    """Decide each block of the region: on its own, at the edges, then by its neighbours."""
    for block in region:
        verdict = _own_verdict(block, options)
        if verdict is None:
            block.reason = "short" if block.kind != "heading" else "heading"
        else:
            block.kept, block.reason = verdict
    _trim_metadata_lines(region, options)
    _trim_metadata_lines(region[::-1], options)
    _judge_by_neighbours(region)


def _own_verdict(block: RawBlock, options: Options) -> tuple[bool, str] | None:
    """(kept, reason), or None when only the neighbours can tell."""
    if block.pruned:
        return False, f"pruned:{block.pruned}"
    if block.kind == "caption" and not options.include_captions:
        return False, "caption"
    if block.heading_level == 1:
        return False, "headline"
    ratio = block.link_ratio
    if ratio > options.max_link_ratio and not (
        block.length >= options.long_block_length and ratio < options.long_block_max_link_ratio
    ):
        return False, "link-dense"
    if block.kind == "heading" or block.length < options.short_block_length:
        return None
    return True, "content"


def _trim_metadata_lines(blocks: list[RawBlock], options: Options) -> None:
    """Drop bylines, datelines and copyright lines between the region's edge and its text.

    Walks from one edge inwards and stops at the first block long enough to be a paragraph.
    """
    for block in blocks:
        if block.reason in _UNDECIDED or block.kept:
            if block.length > options.edge_metadata_max_length:
                return
            if _is_metadata_line(block.text):
                block.kept, block.reason = False, "metadata-line"


def _is_metadata_line(text: str) -> bool:
    if _vocab.CREDIT_LINE.search(text):
        return True
    return _vocab.DATE_IN_LINE.search(text) is not None and not _vocab.SENTENCE_END.search(text)


_UNDECIDED = ("short", "heading")


def _judge_by_neighbours(region: list[RawBlock]) -> None:
    """Short blocks stay between kept blocks; headings stay when kept text follows them."""
    decided = [b.kept if b.reason not in _UNDECIDED else None for b in region]
    n = len(region)
    next_kept: list[bool | None] = [None] * (n + 1)
    for i in range(n - 1, -1, -1):
        next_kept[i] = decided[i] if decided[i] is not None else next_kept[i + 1]
    previous: bool | None = None
    for i, block in enumerate(region):
        if decided[i] is not None:
            previous = decided[i]
            continue
        following = next_kept[i + 1]
        if block.reason == "heading":
            block.kept = bool(following)
            block.reason = "heading" if block.kept else "heading-without-text"
        else:
            block.kept = bool(previous) and bool(following)
            block.reason = "short-between-content" if block.kept else "short-at-edge"

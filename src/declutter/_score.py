"""Stage 5a, score: a content score for every block and every container.

A block's score rewards text outside links and sentence punctuation, and charges every
block a fixed cost and every linked word a penalty, so prose scores high and menus, tag
lists and teaser titles score low or negative.

A container's score gathers the positive scores of the blocks below it, a block's own
container and its parent at full weight, higher ancestors at a falling share (as in
Readability), and is then scaled by the share of the container's text that is not in links.
The container that scores highest is where the article is. Containers that lie within the
article the page's ``<title>`` names (after its headline, before the next headline) get a
bonus, so an article appended below by infinite scroll does not win over the page's own.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._deadline import NO_DEADLINE, Deadline
from ._headline import TitleKeys
from ._options import Options
from ._segment import Container, Segmentation

__all__ = ["Ranking", "find_headline", "score_blocks", "score_containers"]


@dataclass(slots=True)
class Ranking:
    scores: list[float]
    """Candidate score per container id."""
    wrapper: list[bool]
    """Per container id: all its text sits in one child container."""
    text: list[int]
    """Per container id: text measure of its non-pruned blocks."""
    links: list[int]
    """Per container id: text measure inside links of its non-pruned blocks."""


def score_blocks(seg: Segmentation, options: Options, deadline: Deadline = NO_DEADLINE) -> None:
    """Set `RawBlock.score` for every block (pruned blocks score 0).

    Text counts in full only when it has about as much punctuation as prose: a long run of
    words without a single comma or full stop is a tag cloud or a menu, not a paragraph.
    """
    cost, link_weight, punct = options.block_cost, options.link_weight, options.punctuation_weight
    rate = options.prose_punctuation_rate
    for block in deadline.every(seg.blocks):  # cut short, the blocks left score 0
        if block.pruned:
            block.score = 0.0
            continue
        text: float = block.length if options.count_link_text else block.length - block.link_length
        expected = block.length * rate
        if expected > block.punctuation + 1:
            text *= (block.punctuation + 1) / expected
        block.score = text + punct * block.punctuation - link_weight * block.link_length - cost


_BELOW_HEADINGS = 7  # the rank of text that is no heading: after <h6>


def find_headline(seg: Segmentation, title: TitleKeys, options: Options) -> tuple[int, int]:
    """The block that repeats the page's title, and where its article ends.

    Returns ``(headline, zone_end)`` block indices, or ``(-1, -1)``. The zone runs to the
    next block held by the same kind of element as the headline: the article that the
    title names, not the next one appended below it. Among matches the one accounting for
    most of the title wins (not the site name in it), then a heading, then the first.
    """
    longest = options.headline_key_slack * title.longest / options.headline_min_coverage
    best, best_rank = -1, (0, 0)
    for block in seg.blocks:
        if block.pruned or block.length > options.headline_max_length or len(block.text) > longest:
            continue
        matched = title.match(block.text)
        rank = (matched, -(block.heading_level or _BELOW_HEADINGS))
        if matched and rank > best_rank:
            best, best_rank = block.index, rank
    if best < 0:
        return -1, -1
    return best, _zone_end(seg, best)


def _zone_end(seg: Segmentation, headline: int) -> int:
    """The next block held by the same kind of element, in the same kind of box, as the
    headline (the next story's headline); the story's subheads are other elements or sit
    in the story's body, not in a header box like the headline's."""
    blocks, containers = seg.blocks, seg.containers
    signature = _signature(containers, blocks[headline].container)
    for block in blocks[headline + 1 :]:
        if _signature(containers, block.container) == signature:
            return block.index
    return len(blocks)


def _signature(containers: list[Container], cid: int) -> tuple[str, str, str, str]:
    c = containers[cid]
    p = containers[c.parent] if c.parent >= 0 else c
    return c.tag, c.class_name, p.tag, p.class_name


def score_containers(
    seg: Segmentation, options: Options, headline: tuple[int, int] = (-1, -1)
) -> Ranking:
    """Candidate score of every container, indexed by container id.

    Wrappers (a container whose only text is one child container) do not count as a level:
    pages that wrap every paragraph in two or three ``<div>``s would otherwise hide the
    article's container behind a steep decay. A score stops climbing at its ``<article>``:
    each composition competes on its own text, so a box of related-story teasers does not
    outscore the story.
    """
    containers = seg.containers
    raw = [0.0] * len(containers)
    shares = _ancestor_shares(options, len(containers))
    wrapper = wrappers(seg)
    for block in seg.blocks:
        if block.score <= 0:
            continue
        cid, level, hops = block.container, 0, 0
        while cid >= 0 and level < len(shares) and hops < options.max_ancestor_hops:
            raw[cid] += block.score * shares[level]
            if containers[cid].tag == "article":
                break
            cid = containers[cid].parent
            hops += 1
            if cid >= 0 and not wrapper[cid]:
                level += 1
    text, links = _subtree_lengths(seg)
    penalty = options.container_link_penalty
    scores = [
        score * (1.0 - penalty * links[i] / text[i]) if text[i] else 0.0
        for i, score in enumerate(raw)
    ]
    start, end = headline
    if start >= 0:
        reach = start + options.headline_reach
        in_zone = [start <= c.first <= reach and c.first < c.end <= end for c in containers]
        zone_best = max((s for s, z in zip(scores, in_zone) if z), default=0.0)
        overall = max(scores, default=0.0)
        boost = options.headline_zone_bonus
        if zone_best >= options.headline_zone_share * overall > 0:
            # the article the title names beats longer ones appended after it
            boost = max(boost, options.headline_zone_win_margin * overall / zone_best)
        scores = [s * boost if z else s for s, z in zip(scores, in_zone)]
    return Ranking(scores, wrapper, text, links)


def wrappers(seg: Segmentation) -> list[bool]:
    """Per container: True when all its text sits in exactly one child container."""
    containers = seg.containers
    direct = [0] * len(containers)
    for block in seg.blocks:
        if not block.pruned:
            direct[block.container] += 1
    text, _ = _subtree_lengths(seg)
    children_with_text = [0] * len(containers)
    for c in containers:
        if c.parent >= 0 and text[c.id]:
            children_with_text[c.parent] += 1
    return [not direct[i] and children_with_text[i] == 1 for i in range(len(containers))]


def _ancestor_shares(options: Options, containers: int) -> list[float]:
    """Weights for the block's own container, its parent, grandparent and further up (no
    further than a page of `containers` containers can reach)."""
    shares = [1.0, 1.0, options.grandparent_share]
    for level in range(3, min(options.ancestor_levels, options.max_ancestor_hops, containers) + 1):
        shares.append(1.0 / ((level - 1) * options.distant_ancestor_divisor))
    return shares[: options.ancestor_levels + 1]


def _subtree_lengths(seg: Segmentation) -> tuple[list[int], list[int]]:
    """Total and linked text measure below each container (pruned blocks left out)."""
    text_prefix = [0]
    link_prefix = [0]
    for block in seg.blocks:
        length = 0 if block.pruned else block.length
        text_prefix.append(text_prefix[-1] + length)
        link_prefix.append(link_prefix[-1] + (0 if block.pruned else block.link_length))
    text = [text_prefix[c.end] - text_prefix[c.first] for c in seg.containers]
    links = [link_prefix[c.end] - link_prefix[c.first] for c in seg.containers]
    return text, links

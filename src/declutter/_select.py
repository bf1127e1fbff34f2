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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from . import _vocab
from ._deadline import NO_DEADLINE, Deadline
from ._options import Options
from ._reasons import Reason
from ._score import Ranking
from ._segment import Container, RawBlock, Segmentation
from ._tables import data_tables

__all__ = ["Selection", "select", "select_included"]


@dataclass(slots=True)
class Selection:
    best: int
    """Id of the best-scoring container (-1 when the page has no text)."""
    containers: list[int]
    """Ids of the containers that make up the article region, in document order."""
    best_score: float


def select(
    seg: Segmentation, ranking: Ranking, options: Options, headline: int = -1,
    *, lenient: bool = False, deadline: Deadline = NO_DEADLINE,
) -> Selection:  # fmt: skip
    """Mark `kept`/`reason` on every block; return the chosen region.

    `headline` is the index of the block that repeats the page's title (-1 if none): it is
    the title, so never part of the body. `lenient` keeps every block of the region that
    is not pruned (the fallback for pages where nothing reads as an article).
    """
    blocks = seg.blocks
    for block in blocks:
        block.kept = False
        block.reason = Reason.PRUNED if block.pruned else Reason.OUTSIDE_ARTICLE
    scores = ranking.scores
    if not blocks or not scores:
        return Selection(-1, [], 0.0)
    best = _best_container(seg.containers, scores)
    in_region = [False] * len(blocks)
    region = _region(seg, ranking, best, options, in_region)
    for i in _nested_articles(seg, best, region):
        if in_region[i]:
            in_region[i] = False
            blocks[i].reason = Reason.NESTED_ARTICLE
    added = [] if lenient else _same_structure(seg, best, in_region, options)
    if headline >= 0:
        _drop_headline_copies(blocks, headline, in_region)
    if lenient:
        for block, inside in zip(blocks, in_region):
            if inside and not block.pruned:
                block.kept, block.reason = True, Reason.FALLBACK
        return Selection(best, region, scores[best])
    inside_blocks = [b for b, inside in zip(blocks, in_region) if inside]
    _classify(inside_blocks, seg.containers, options, deadline)
    _keep_essay_captions(inside_blocks, options)
    for i in added:
        if blocks[i].kept and blocks[i].reason == Reason.CONTENT:
            blocks[i].reason = Reason.SAME_STRUCTURE
    _extend(blocks, in_region, options)
    _take_lead(seg, headline, options)
    return Selection(best, region, scores[best])


def _take_lead(seg: Segmentation, headline: int, options: Options) -> None:
    """Keep the lead: a paragraph a few blocks above the body, between the headline and the
    body or named a lead by its class, that the region left out (it sits in the header box,
    or apart from the body with a byline, date or picture between them).

    Walking up from the first kept block over at most `Options.lead_max_distance` blocks;
    bylines, datelines, captions, labels and links are not leads; a pruned region with
    text, another headline or kept text ends the walk. A pruned byline or dateline does
    not: it sits between the standfirst and the body on most article templates.
    """
    blocks, containers = seg.blocks, seg.containers
    first = next((b.index for b in blocks if b.kept), -1)
    candidates: list[tuple[RawBlock, bool]] = []  # (block, its class names a lead)
    reached_headline, seen = False, 0
    for block in reversed(blocks[:first] if first > 0 else []):
        if block.pruned and (
            block.length < options.extension_barrier_length or _is_metadata_line(block.text)
        ):
            continue
        if block.index == headline or block.heading_level == 1:
            reached_headline = True
            break
        seen += 1
        if (
            block.pruned
            or block.kept
            or seen > options.lead_max_distance
            or (
                block.link_ratio > options.max_link_ratio
                and block.length > options.extension_link_line_length
            )
        ):  # other stories' links between it and the body: not this story's lead
            break
        if _is_lead_like(block, options):
            candidates.append(
                (block, _names_lead(containers, block.container, options.lead_class_levels))
            )
    taken = [b for b, named in candidates if named or reached_headline]
    for block in taken[: options.lead_max_blocks]:
        block.kept, block.reason = True, Reason.LEAD


def _keep_essay_captions(region: list[RawBlock], options: Options) -> None:
    """A photo essay tells its story in the captions: when the region's captions hold most
    of its text (`Options.essay_caption_share`, at least `essay_min_captions` of them), they
    are the article, not furniture beside it."""
    captions = [b for b in region if b.reason == Reason.CAPTION]
    if len(captions) < options.essay_min_captions:
        return
    told = sum(b.length for b in captions)
    if told < options.essay_caption_share * (told + sum(b.length for b in region if b.kept)):
        return
    for block in captions:
        if block.link_ratio <= options.max_link_ratio:
            block.kept, block.reason = True, Reason.PHOTO_ESSAY_CAPTION


def _is_lead_like(block: RawBlock, options: Options) -> bool:
    return (
        block.kind in ("paragraph", "heading")
        and block.length >= options.lead_min_length
        and block.link_ratio <= options.extension_max_link_ratio
        and _own_verdict(block, options) in _TEXT_VERDICTS
        and not _is_metadata_line(block.text)
        and not _vocab.CALL_TO_ACTION.search(block.text)
    )


def _names_lead(containers: list[Container], cid: int, levels: int) -> bool:
    """The block's element or one of its `levels` - 1 nearest ancestors has a lead's class
    ("lead", "intro", "chapo": `<div class="chapo"><div><p>` holds one two levels up)."""
    for _ in range(levels):
        if cid < 0:
            break
        c = containers[cid]
        if c.classes and _LEAD.match(_vocab.class_tokens(c.classes)):
            return True
        cid = c.parent
    return False


_LEAD = _vocab.ClassVocabulary(_vocab.LEAD_CLASS)


Signature = tuple[tuple[str, str], ...]


def _signature(containers: list[Container], cid: int, steps: int) -> Signature:
    """Tag and class of the block's element and of its `steps - 1` nearest ancestors."""
    out: list[tuple[str, str]] = []
    while cid >= 0 and len(out) < steps:
        c = containers[cid]
        out.append((c.tag, c.class_name))
        cid = c.parent
    return tuple(out)


def _story_of(containers: list[Container], cid: int) -> int:
    """The nearest ``<article>`` around a container, or -1. (An ``itemprop=articleBody``
    does not set stories apart: an article split by an inline box carries it on each part.)"""
    while cid >= 0 and containers[cid].tag != "article":
        cid = containers[cid].parent
    return cid


def _same_structure(
    seg: Segmentation, best: int, in_region: list[bool], options: Options
) -> list[int]:
    """Blocks outside the region built as the region's text is (the same last path steps),
    reading as text and not link-dense, join it: the rest of an article that an ad box, a
    pull quote or a page builder's column split from the part the tree chose.

    Only between the headlines around the region (an ``<h1>``, the next story of an infinite
    scroll), and in the same ``<article>`` as the best container. Returns the joined blocks.
    """
    blocks, containers = seg.blocks, seg.containers
    steps = options.structure_steps
    weights: dict[Signature, int] = {}
    region_text = 0
    for block, inside in zip(blocks, in_region):
        if inside and _own_verdict(block, options) == (True, Reason.CONTENT):
            sig = _signature(containers, block.container, steps)
            weights[sig] = weights.get(sig, 0) + block.length
            region_text += block.length
    wanted = {s for s, w in weights.items() if w >= options.structure_min_share * region_text}
    if not wanted:
        return []
    inside_at = [i for i, inside in enumerate(in_region) if inside]
    home = _story_of(containers, best)
    added = []
    for order in (range(inside_at[0] - 1, -1, -1), range(inside_at[-1] + 1, len(blocks))):
        for i in order:
            block = blocks[i]
            if block.heading_level == 1:
                break  # another story's headline, or this one's: the article ends there
            if (
                in_region[i] or block.pruned or block.link_ratio > options.extension_max_link_ratio
                or _signature(containers, block.container, steps) not in wanted
                or _story_of(containers, block.container) != home
                or _own_verdict(block, options) not in _TEXT_VERDICTS
            ):  # fmt: skip
                continue
            in_region[i] = True
            added.append(i)
    return added


_TEXT_VERDICTS = (None, (True, Reason.CONTENT))


def select_included(
    seg: Segmentation, nodes: Sequence[LexborNode], options: Options, headline: int = -1,
    *, deadline: Deadline = NO_DEADLINE,
) -> Selection:  # fmt: skip
    """Mark `kept`/`reason` on every block when the caller named the article
    (`Options.include`): the blocks of `nodes` (an element that does not hold blocks of its
    own stands for the block-level element around it) are the region, classified as a
    chosen region is; every other block is ``not-included``."""
    blocks = seg.blocks
    for block in blocks:
        block.kept = False
        block.reason = Reason.PRUNED if block.pruned else Reason.NOT_INCLUDED
    region = _containers_of(seg.containers, nodes)
    in_region = [False] * len(blocks)
    for cid in region:
        for i in range(seg.containers[cid].first, seg.containers[cid].end):
            in_region[i] = True
    if headline >= 0:
        _drop_headline_copies(blocks, headline, in_region)
    _classify(
        [b for b, inside in zip(blocks, in_region) if inside], seg.containers, options, deadline
    )
    return Selection(region[0] if region else -1, region, 0.0)


def _containers_of(containers: list[Container], nodes: Sequence[LexborNode]) -> list[int]:
    by_node = {c.node.mem_id: c.id for c in containers if c.node is not None}
    found: set[int] = set()
    for node in nodes:
        current: LexborNode | None = node
        while current is not None and current.mem_id not in by_node:
            current = current.parent
        if current is not None:
            found.add(by_node[current.mem_id])
    return sorted(found)


def _region(
    seg: Segmentation, ranking: Ranking, best: int, options: Options, in_region: list[bool]
) -> list[int]:
    """Containers of the article: the best one, then qualifying siblings level by level.

    Outside a root that holds the article as a whole (``<article>``, ``itemprop=articleBody``,
    ``<main>`` or a content-named box a few levels up) only the first level of siblings is
    considered, and a sibling must score a good share of the best container. Inside one,
    every level up to the root is, and any sibling that is not link-dense joins: the author
    put it in the article, the block classifier sorts out what in it is text.
    """
    containers = seg.containers
    boundary = _composition_root(containers, ranking.wrapper, best, options.content_root_max_levels)
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
        if not liberal:
            break
        node = _climb_wrappers(containers, ranking.wrapper, parent_id)
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


def _composition_root(
    containers: list[Container], wrapper: list[bool], cid: int, levels: int
) -> int:
    """The nearest ancestor-or-self that holds the article as a whole, or -1: an
    ``<article>`` or ``itemprop=articleBody`` at any height, or within `levels` (wrappers do
    not count) ``<main>`` or a box whose class names content ("entry-content", "post-body")."""
    up = 0
    while cid >= 0:
        c = containers[cid]
        if c.composition or (up <= levels and _names_content(c)):
            return cid
        if not wrapper[cid]:
            up += 1
        cid = c.parent
    return -1


def _names_content(c: Container) -> bool:
    return c.tag == "main" or (
        bool(c.classes) and _CONTENT.match(_vocab.class_tokens(c.classes)) is not None
    )


_CONTENT = _vocab.ClassVocabulary(_vocab.CONTENT_CLASS)


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


def _drop_headline_copies(blocks: list[RawBlock], headline: int, in_region: list[bool]) -> None:
    """The headline is the title, not body text; so is every heading that repeats it."""
    key = "".join(blocks[headline].text.split()).casefold()
    for i, block in enumerate(blocks):
        if i == headline or (
            block.kind == "heading" and "".join(block.text.split()).casefold() == key
        ):
            in_region[i] = False
            block.reason = Reason.HEADLINE


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
    """Carry the article back over the region's top edge while the text goes on alike.

    A lead paragraph in its own box above the body sits outside the region the tree gave.
    Walking the block sequence backwards from the first kept block, paragraphs of the same
    tag as the body's that read as prose join, with the short lines and subheads between
    them, stepping over one-line "read more" links; a pruned region with text, a link-heavy
    block of some length or another headline ends the walk.
    (Not forwards: what follows an article's last paragraph is, far more often than not,
    its disclaimer, author box or newsletter pitch.)
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
    crossed = 0  # "Read more" links stepped over: part of the gap, never kept
    for i in order:
        block = blocks[i]
        if block.pruned and block.length < options.extension_barrier_length:
            continue  # a "Tweet" button or a photo credit between lead and body
        if (
            in_region[i]
            or block.pruned
            or block.heading_level == 1
            or block.reason == Reason.HEADLINE
        ):
            return
        verdict = _own_verdict(block, options)
        if verdict is not None and not verdict[0]:
            if verdict[1] != Reason.LINK_DENSE or block.length > options.extension_link_line_length:
                return
            crossed += 1
            if len(pending) + crossed > options.extension_max_gap:
                return
            continue
        if (
            verdict is not None
            and block.tag == body_tag
            and block.length >= options.extension_min_length
            and block.link_ratio <= options.extension_max_link_ratio
            and block.punctuation
        ):
            for held in pending:
                if not _is_metadata_line(held.text):
                    held.kept, held.reason = True, Reason.BETWEEN_EXTENSION
            pending.clear()
            crossed = 0
            block.kept, block.reason = True, Reason.EXTENSION
            continue
        if not pending and not crossed and _is_standfirst(block, options):
            block.kept, block.reason = True, Reason.STANDFIRST
            continue
        pending.append(block)
        if len(pending) + crossed > options.extension_max_gap:
            return


def _is_standfirst(block: RawBlock, options: Options) -> bool:
    """A subtitle styled as a heading, right above the body: a sentence, not a label."""
    return (
        block.kind == "heading"
        and block.length >= options.lone_heading_min_length
        and not block.link_length
        and not _is_metadata_line(block.text)
    )


def _climb_wrappers(containers: list[Container], wrapper: list[bool], cid: int) -> int:
    """The outermost container that holds exactly the text of `cid`."""
    while containers[cid].parent >= 0 and wrapper[containers[cid].parent]:
        cid = containers[cid].parent
    return cid


def _nested_articles(seg: Segmentation, best: int, region: list[int]) -> list[int]:
    """Blocks of ``<article>`` elements nested in the article that holds the best container.

    HTML marks each self-contained composition with ``<article>``; one inside the article
    being read is a teaser, a related story or a comment, never part of it. Unless the
    best container sits in such an inner article itself: then those of its class are the
    sections of one composition.
    """
    containers = seg.containers
    lineage = set()
    articles: list[Container] = []  # of the lineage, innermost first
    cid = best
    while cid >= 0:
        lineage.add(cid)
        if containers[cid].tag == "article":
            articles.append(containers[cid])
        cid = containers[cid].parent
    if not articles:
        return []
    # The best text in an article inside an article: the inner ones are the outer one's
    # sections (or the outer one is a page wrapper), and its like are read with it.
    sections = articles[0].class_name if len(articles) > 1 else None
    out: list[int] = []
    for rid in region:
        for c in containers[rid : _last_descendant(containers, rid) + 1]:
            if (
                c.tag == "article" and c.id not in lineage and c.first < c.end
                and c.class_name != sections
            ):  # fmt: skip
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


def _classify(
    region: list[RawBlock], containers: list[Container], options: Options, deadline: Deadline
) -> None:
    """Decide each block of the region: on its own, at the edges, then by its neighbours."""
    dropped_tables = set() if options.include_tables else data_tables(region, options)
    for block in deadline.every(region):  # cut short, the blocks left stay dropped
        verdict = (
            (False, Reason.TABLE)
            if block.table_id in dropped_tables
            else _own_verdict(block, options)
        )
        if verdict is None:
            block.reason = Reason.SHORT if block.kind != "heading" else Reason.HEADING
        else:
            block.kept, block.reason = verdict
    _trim_metadata_lines(region, options)
    _trim_metadata_lines(region[::-1], options)
    _trim_calls_to_action(region[::-1], options)
    _judge_by_neighbours(region, containers, options)


def _own_verdict(block: RawBlock, options: Options) -> tuple[bool, Reason] | None:
    """(kept, reason), or None when only the neighbours can tell."""
    if block.pruned:
        return False, Reason.PRUNED
    if block.kind == "caption" and not options.include_captions:
        return False, Reason.CAPTION
    if _vocab.is_label_line(block.text):
        return False, Reason.LABEL
    if block.length <= options.photo_credit_max_length and _vocab.PHOTO_CREDIT.search(block.text):
        return False, Reason.PHOTO_CREDIT
    ratio = block.link_ratio
    if ratio > options.max_link_ratio and not (
        block.length >= options.long_block_length and ratio < options.long_block_max_link_ratio
    ):
        return False, Reason.LINK_DENSE
    if block.kind == "heading" or block.length < options.short_block_length:
        return None
    return True, Reason.CONTENT


def _trim_metadata_lines(blocks: list[RawBlock], options: Options) -> None:
    """Drop headlines, bylines, datelines and copyright lines between the region's edge and
    its text.

    Walks from one edge inwards and stops at the first block long enough to be a paragraph.
    """
    for block in blocks:
        if block.reason in _UNDECIDED or block.kept:
            if block.heading_level == 1:  # a leading <h1> is the title; later ones are subheads
                block.kept, block.reason = False, Reason.HEADLINE
                continue
            if block.length > options.edge_metadata_max_length:
                return
            if _is_metadata_line(block.text):
                block.kept, block.reason = False, Reason.METADATA_LINE


def _trim_calls_to_action(blocks: list[RawBlock], options: Options) -> None:
    """From the end of the region inwards, drop the newsletter pitches, "follow us" lines,
    desk credits and copyright notices that close so many articles, up to the first
    ordinary paragraph."""
    for block in blocks:
        if not block.kept and block.reason not in _UNDECIDED:
            continue
        if block.length > options.closing_line_max_length or not (
            _vocab.CALL_TO_ACTION.search(block.text) or _vocab.COPYRIGHT.search(block.text)
        ):
            return
        block.kept, block.reason = False, Reason.CALL_TO_ACTION


def _is_metadata_line(text: str) -> bool:
    if _vocab.CREDIT_LINE.search(text):
        return True
    return _vocab.DATE_IN_LINE.search(text) is not None and not _vocab.SENTENCE_END.search(text)


_UNDECIDED = (Reason.SHORT, Reason.HEADING)
_NOT_REMARK = (":", "\uff1a", "?", "\uff1f", "/")


def _judge_by_neighbours(
    region: list[RawBlock], containers: list[Container], options: Options
) -> None:
    """Short blocks stay between kept blocks; headings stay when kept text follows them.

    Five refinements of jusText's rule: a long heading is kept before kept text even
    with a pruned box (share buttons) between them; a list of short items (ingredients, facts) next to
    kept text is kept whole, even at the edge, and so is a table of short cells (a wine's
    ageing times, a product's data); a long heading after kept text is kept even when
    nothing follows it (a closing line styled as a heading); a short line without links
    right after a kept paragraph of the same box is kept even when no text follows it (a
    sign-off, a closing remark, "Happy Monday!"), since the chrome after an article sits in
    boxes of its own.
    """
    decided = [b.kept if b.reason not in _UNDECIDED else None for b in region]
    n = len(region)
    next_kept: list[bool | None] = [None] * (n + 1)
    next_unpruned: list[bool | None] = [None] * (n + 1)  # the same, over pruned boxes
    for i in range(n - 1, -1, -1):
        next_kept[i] = decided[i] if decided[i] is not None else next_kept[i + 1]
        skip = decided[i] is None or region[i].pruned
        next_unpruned[i] = next_unpruned[i + 1] if skip else decided[i]
    short_list = _short_runs(region, decided, _list_run, options.short_list_min_items)
    short_table = _short_runs(region, decided, _table_run, options.short_table_min_cells)
    previous: bool | None = None
    for i, block in enumerate(region):
        if decided[i] is not None:
            previous = decided[i]
            continue
        following = next_kept[i + 1]
        if block.reason == Reason.HEADING:
            long = block.length >= options.lone_heading_min_length
            # A long heading (a dek, a subhead sentence) belongs to the text after it even
            # across a pruned share box; a short one ("Other stories") may label that box.
            block.kept = bool(following or (long and next_unpruned[i + 1])) or (
                bool(previous) and long
            )
            block.reason = Reason.HEADING if block.kept else Reason.HEADING_WITHOUT_TEXT
        elif short_list[i] and (previous or following):
            block.kept, block.reason = True, Reason.SHORT_LIST_ITEM
        elif short_table[i] and (previous or following):
            block.kept, block.reason = True, Reason.SHORT_TABLE_CELL
        elif not following and i > 0 and _closes_paragraph(region[i - 1], block, containers):
            block.kept, block.reason = True, Reason.SHORT_CLOSING_LINE
        else:
            block.kept = bool(previous) and bool(following)
            block.reason = Reason.SHORT_BETWEEN_CONTENT if block.kept else Reason.SHORT_AT_EDGE


def _closes_paragraph(before: RawBlock, block: RawBlock, containers: list[Container]) -> bool:
    """`block`, without links, follows the kept `before` in the same box (the same element
    or one of its siblings), and reads as a remark: not a label ("Photos: ...", "More
    information:"), a prompt ("Read this too?"), a line in capitals or a credit."""
    text = block.text
    if not before.kept or block.link_length or any(mark in text for mark in _NOT_REMARK):
        return False
    if text.upper() == text or _is_metadata_line(text):
        return False
    if before.container == block.container:
        return True
    return containers[before.container].parent == containers[block.container].parent


def _list_run(first: RawBlock, block: RawBlock) -> bool:
    return block.kind == "list-item"


def _table_run(first: RawBlock, block: RawBlock) -> bool:
    return block.kind == "cell" and block.table_id >= 0 and block.table_id == first.table_id


def _short_runs(
    region: list[RawBlock], decided: list[bool | None],
    same_run: Callable[[RawBlock, RawBlock], bool], min_items: int,
) -> list[bool]:  # fmt: skip
    """Per block: part of a run of at least `min_items` undecided blocks that `same_run`
    (given the run's first block and the next) holds together."""
    marks = [False] * len(region)
    start = 0
    while start < len(region):
        end = start
        while end < len(region) and decided[end] is None and same_run(region[start], region[end]):
            end += 1
        if end - start >= min_items:
            marks[start:end] = [True] * (end - start)
        start = end + 1 if end == start else end
    return marks

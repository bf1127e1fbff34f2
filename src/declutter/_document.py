"""Stage 11, document score: how far to trust the body, 0 to 1.

The score is a small logistic model over *doubts*, each a number from 0 (no doubt) to 1,
read off what the earlier stages decided (the segmentation's blocks and containers and the
blocks select kept):

    p = 1 / (1 + exp(-(bias - sum(weight * doubt))))     score = p / (1 / (1 + exp(-bias)))

p is the model's probability that the body is right (F1 >= 0.5), fitted with both outcomes
weighed alike (failures are rare in the dev sets, not in a crawl); the score is p as a share
of a doubt-free page's, so such a page scores 1.0. Every weight is a field of `Options` (``document_*_weight``, fitted by
``benchmarks/fit_document_score.py`` on part of the dev sets and checked on the rest) and
is not negative, so each doubt can only lower the score. `Article.score_parts` holds the
doubts with their weights, and ``--explain`` prints them. How to read the score (what share
of pages in each band are failed extractions) is in ``docs/document-score.md``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from . import _vocab
from ._model import ScorePart
from ._options import Options
from ._segment import Container, RawBlock, Segmentation

__all__ = ["DOUBTS", "DocumentScore", "document_score", "doubts", "scaled_probability"]

DOUBTS: dict[str, str] = {
    "short": "the body is short (log of its length, up to `document_full_length`)",
    "few-paragraphs": "few blocks long enough to be paragraphs",
    "no-punctuation": "little sentence punctuation for its length: not prose",
    "links": "share of the body's text inside links",
    "span-links": "share of link text over the stretch of the page the body spans",
    "teasers": "share of the body from a row of look-alike cards with a dropped headline link",
    "runner-up": "another region, apart from the chosen one, scores nearly as high",
    "outside-best": "share of the body outside the best-scoring container",
    "page-share": "the body is a small part of the page's text (under `document_full_page_share`)",
    "short-blocks": "share of the body in blocks too short to be paragraphs (a list, an index)",
    "fallback": "nothing read as an article: the page's best text was taken leniently",
    "comment-region": "share of the body inside a box whose class or id names reader comments",
    "datelines": "short dated lines repeat through the body: a stream of posts or comments",
}
"""Name of each doubt -> what it measures (the names `Article.score_parts` uses)."""


@dataclass(frozen=True, slots=True)
class DocumentScore:
    """The document score and the doubts it is made of."""

    score: float
    parts: tuple[ScorePart, ...]


def document_score(seg: Segmentation, options: Options) -> DocumentScore:
    """Confidence, 0 to 1, that the page holds an article and the kept blocks are it
    (0 when nothing is kept)."""
    values = doubts(seg, options)
    if values is None:
        return DocumentScore(0.0, ())
    weights = _weights(options)
    parts = tuple(ScorePart(name, round(values[name], 4), weights[name]) for name in DOUBTS)
    return DocumentScore(round(scaled_probability(options.document_bias, parts), 4), parts)


def scaled_probability(bias: float, parts: tuple[ScorePart, ...]) -> float:
    """The model's probability of a good extraction, as a share of a page without doubts'
    (so such a page scores 1.0)."""
    doubt = sum(p.value * p.weight for p in parts)
    return (1.0 + math.exp(-bias)) / (1.0 + math.exp(doubt - bias))


def _weights(options: Options) -> dict[str, float]:
    return {
        "short": options.document_short_weight,
        "few-paragraphs": options.document_few_paragraphs_weight,
        "no-punctuation": options.document_no_punctuation_weight,
        "links": options.document_links_weight,
        "span-links": options.document_span_links_weight,
        "teasers": options.document_teaser_weight,
        "runner-up": options.document_runner_up_weight,
        "outside-best": options.document_outside_best_weight,
        "page-share": options.document_page_share_weight,
        "short-blocks": options.document_short_blocks_weight,
        "fallback": options.document_fallback_weight,
        "comment-region": options.document_comment_region_weight,
        "datelines": options.document_datelines_weight,
    }


def doubts(seg: Segmentation, options: Options) -> dict[str, float] | None:
    """Every doubt of `DOUBTS`, 0 to 1, or None when no block is kept."""
    kept = [b for b in seg.blocks if b.kept]
    length = sum(b.length for b in kept)
    if not length:
        return None
    body = {b.text for b in kept}
    # the page's text, a second rendering of the body (a mobile copy) not counted twice
    page = length + sum(b.length for b in seg.blocks if not (b.pruned or b.kept or b.text in body))
    paragraphs = sum(1 for b in kept if b.length >= options.document_paragraph_length)
    short = sum(b.length for b in kept if b.length < options.document_paragraph_length)
    punctuation_rate = sum(b.punctuation for b in kept) / (
        length * options.document_punctuation_rate
    )
    runner_up, outside = _rivals(seg, kept, body, length)
    return {
        "short": 1.0 - min(1.0, math.log1p(length) / math.log1p(options.document_full_length)),
        "few-paragraphs": 1.0 - min(1.0, paragraphs / options.document_full_paragraphs),
        "no-punctuation": 1.0 - min(1.0, punctuation_rate),
        "links": sum(b.link_length for b in kept) / length,
        "span-links": _span_links(seg, kept),
        "teasers": _teaser_share(seg, kept, length, options),
        "runner-up": runner_up,
        "outside-best": outside,
        "page-share": max(0.0, 1.0 - length / (page * options.document_full_page_share)),
        "short-blocks": short / length,
        "fallback": float(any(b.reason == "fallback" for b in kept)),
        "comment-region": _comment_share(seg, kept, length),
        "datelines": _datelines(kept, options),
    }


def _comment_share(seg: Segmentation, kept: list[RawBlock], length: int) -> float:
    """Share of the body below a container whose class or id names reader comments."""
    containers = seg.containers
    named: dict[int, bool] = {}

    def is_named(cid: int) -> bool:  # up the kept blocks' lineage only, each container once
        lineage = []
        while cid >= 0 and cid not in named:
            lineage.append(cid)
            cid = containers[cid].parent
        found = named.get(cid, False)
        for c in reversed(lineage):
            found = found or _vocab.names_comments(containers[c].classes)
            named[c] = found
        return named[lineage[0]] if lineage else found

    return sum(b.length for b in kept if is_named(b.container)) / length


_DIGIT = re.compile(r"\d")


def _datelines(kept: list[RawBlock], options: Options) -> float:
    """Short kept lines that carry a date and do not end as a sentence, beyond the first
    one (an article's own dateline), up to `Options.document_full_datelines`."""
    dated = sum(
        1
        for b in kept
        if b.length <= options.document_dateline_max_length
        and _DIGIT.search(b.text)  # every date has one: a cheap test before the full one
        and _vocab.DATE_IN_LINE.search(b.text)
        and not _vocab.SENTENCE_END.search(b.text)
    )
    return min(1.0, max(0, dated - 1) / options.document_full_datelines)


def _span_links(seg: Segmentation, kept: list[RawBlock]) -> float:
    """Link share of the unpruned text from the first kept block to the last."""
    span = [b for b in seg.blocks[kept[0].index : kept[-1].index + 1] if not b.pruned]
    text = sum(b.length for b in span)
    return sum(b.link_length for b in span) / text if text else 0.0


def _rivals(
    seg: Segmentation, kept: list[RawBlock], body: set[str], length: int
) -> tuple[float, float]:
    """(runner-up, outside-best): the best score of a container apart from the best one
    (sharing no block with it, and not mostly the body or a copy of it, so not a section
    joined to the article nor the page's second rendering of it) as a share of the best;
    and the share of the body outside the best one."""
    scores = seg.container_scores
    if not scores:
        return 0.0, 0.0
    best = max(range(len(scores)), key=scores.__getitem__)
    top = seg.containers[best]
    if scores[best] <= 0:
        return 0.0, 1.0
    rival = 0.0
    for c, score in zip(seg.containers, scores):
        if (
            score > rival
            and (c.end <= top.first or c.first >= top.end)
            and not _holds_body(c, seg.blocks, body)
        ):
            rival = score
    inside = sum(b.length for b in kept if top.first <= b.index < top.end)
    return min(1.0, rival / scores[best]), 1.0 - inside / length


def _holds_body(c: Container, blocks: list[RawBlock], body: set[str]) -> bool:
    """Most of the container's text is kept, or repeats kept text."""
    text = copied = 0
    for block in blocks[c.first : c.end]:
        text += block.length
        if block.kept or block.text in body:
            copied += block.length
    return 2 * copied > text


def _teaser_share(seg: Segmentation, kept: list[RawBlock], length: int, options: Options) -> float:
    """Share of the body from teaser cards: each from a row of look-alike boxes whose
    headline is a link that was dropped (a home or list page's summaries)."""
    blocks, containers = seg.blocks, seg.containers
    teaser = 0
    for block in kept:
        box = _card(containers, block.container)
        if (
            box.end - box.first <= options.teaser_card_max_blocks
            and any(_is_headline_link(b, options) for b in blocks[box.first : box.end])
            and _repeats(containers, box) >= options.teaser_min_cards
        ):
            teaser += block.length
    return teaser / length


def _is_headline_link(block: RawBlock, options: Options) -> bool:
    """A dropped block that is all link: the headline of a teaser card."""
    return (
        not block.kept
        and not block.pruned
        and block.length >= options.teaser_headline_min_length
        and block.link_length >= block.length * options.teaser_headline_link_ratio
    )


def _repeats(containers: list[Container], box: Container) -> int:
    """How many children of the box's parent look like the box (same tag and class)."""
    if box.parent < 0:
        return 1
    return sum(
        1
        for sibling in containers[box.parent].children
        if containers[sibling].tag == box.tag and containers[sibling].classes == box.classes
    )


def _card(containers: list[Container], cid: int) -> Container:
    """The smallest box around a block that holds more than that block."""
    c = containers[cid]
    while c.end - c.first <= 1 and c.parent >= 0:
        c = containers[c.parent]
    return c

"""Stages 5 to 8 on the parsed page: segment, score, select and dedup, once per attempt.

One attempt walks the DOM once (`_segment`), scores its blocks and containers once
(`_score`), selects the article (`_select`) and removes repeats (`_dedup`). Most pages need
one. The retry policy decides when another attempt may find the article the first missed:

* un-prune: a class word or ARIA role is a guess; when a region it removed holds more text
  than the body that is left (a theme that calls the article's wrapper "l-sidebar-fixed"),
  the page is walked again with that region kept, its inner chrome still pruned, and the
  attempt wins if it keeps clearly more text (`unprune_gain`). Page builders nest such
  wrappers ("widget" in "widget"), so this repeats up to `unprune_passes` times. A region
  named for reader comments is not a guess of that kind: under a short post, the comments
  are the most text on the page, and they are not the article;
* fallback: nothing read as an article (a link list, a gallery of one-line captions): the
  best attempt's blocks are scored and selected again, leniently;
* noscript: a page that read as no article, whose text may be in ``<noscript>`` (a post
  rendered by scripts, its fallback for readers without them), is read once more with it
  shown; that attempt wins if it keeps clearly more text than the fallback's
  (`unprune_gain`).
"""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _prune, _score, _select
from ._clock import NO_CLOCK, StageClock
from ._deadline import Deadline
from ._dedup import dedup
from ._headline import TitleKeys
from ._options import Options
from ._reasons import PruneKind
from ._segment import Segmentation, segment
from ._vocab import names_comments

__all__ = ["best_attempt"]


def best_attempt(
    tree: LexborHTMLParser, plan: _prune.PrunePlan, title: TitleKeys, options: Options,
    deadline: Deadline, clock: StageClock = NO_CLOCK, included: Sequence[LexborNode] = (),
) -> Segmentation:  # fmt: skip
    """The segmentation of the attempt that kept the article (see the module's policy);
    with `included` (the caller's include selectors matched), the one attempt on them."""
    root = tree.body or tree.root
    if root is None:
        return Segmentation([], [])
    if included:  # the caller named the article: no guessing, no other attempt
        return _attempt(root, plan, title, options, deadline, clock, included=included)
    best = seg = _attempt(root, plan, title, options, deadline, clock)
    for _ in range(options.unprune_passes):
        suspects = _suspect_prunes(seg, options)
        if not suspects:
            break
        if deadline.past():  # the passes left would change the result: say it is cut short
            break
        plan.overruled |= suspects
        seg = _attempt(root, plan, title, options, deadline, clock)
        if _kept_length(seg) > options.unprune_gain * _kept_length(best):
            best = seg
    if not _kept_length(best):
        _fallback(best, title, options)
        if tree.css_first("noscript") is not None:
            shown = _noscript_attempt(root, plan, title, options, deadline)
            if shown is not None and _kept_length(shown) > options.unprune_gain * _kept_length(
                best
            ):
                best = shown
    clock.lap("select")  # the fallbacks, rare, are selection again
    return best


def _attempt(
    root: LexborNode, plan: _prune.PrunePlan, title: TitleKeys, options: Options,
    deadline: Deadline, clock: StageClock = NO_CLOCK, shown: frozenset[str] = frozenset(),
    included: Sequence[LexborNode] = (),
) -> Segmentation:  # fmt: skip
    """One walk of the DOM, scored, selected (the `included` elements, when given) and
    deduplicated."""
    seg = segment(
        root, plan=plan, max_nodes=options.max_nodes, deadline=deadline,
        max_blocks=options.max_blocks, shown=shown,
        links=options.include_links, images=options.include_images,
        formatting=options.include_formatting, compiled=options.compiled_walk,
        caption_box_blocks=options.caption_box_max_blocks,
        caption_box_length=options.caption_box_max_length,
    )  # fmt: skip
    clock.lap("segment")
    _score.score_blocks(seg, options, deadline)
    headline = _score.find_headline(seg, title, options)
    if included:
        _select.select_included(seg, included, options, headline[0], deadline=deadline)
    else:
        ranking = _score.score_containers(seg, options, headline)
        seg.container_scores = ranking.scores
        clock.lap("score")
        _select.select(seg, ranking, options, headline[0], deadline=deadline)
    clock.lap("select")
    dedup(seg.blocks, seg.containers, options, deadline)
    clock.lap("dedup")
    return seg


def _noscript_attempt(
    root: LexborNode, plan: _prune.PrunePlan, title: TitleKeys, options: Options,
    deadline: Deadline,
) -> Segmentation | None:  # fmt: skip
    """A page whose only text is in ``<noscript>`` (rendered by scripts, with a fallback for
    readers without them): that text, read as the page. None if it has none either."""
    seg = _attempt(root, plan, title, options, deadline, shown=_NOSCRIPT)
    if not _kept_length(seg):
        _fallback(seg, title, options)
    return seg if _kept_length(seg) else None


_NOSCRIPT = frozenset(("noscript",))


def _fallback(seg: Segmentation, title: TitleKeys, options: Options) -> None:
    """Nothing read as an article (a link list, a gallery of one-line captions, a bare
    fragment): keep the container with the most text, every block of it, so the caller
    gets the page's best meaningful text; the document score says how little to trust it."""
    lenient = options.replace(
        link_weight=0.0,
        block_cost=0.0,
        prose_punctuation_rate=0.0,
        container_link_penalty=0.0,
        count_link_text=True,
    )
    _score.score_blocks(seg, lenient)
    headline = _score.find_headline(seg, title, lenient)
    ranking = _score.score_containers(seg, lenient, headline)
    seg.container_scores = ranking.scores
    _select.select(seg, ranking, lenient, headline[0], lenient=True)


def _suspect_prunes(seg: Segmentation, options: Options) -> set[int]:
    """Elements pruned on a guess (class word, ARIA role) that hold more text than the body
    kept without them: prose when there is a body, any text when there is none. Comments
    after kept text are the readers' and stay out; where no text is kept before them (a
    forum thread, a page of readers' views), they may be the page's content."""
    kept = _kept_length(seg)
    floor = max(options.unprune_min_length, options.unprune_ratio * kept)
    first_kept = next((i for i, b in enumerate(seg.blocks) if b.kept), len(seg.blocks))
    return {
        b.pruned_id
        for i, b in enumerate(seg.blocks)
        if b.pruned is not None
        and b.pruned.guessed
        and b.length >= floor
        and (not kept or b.punctuation >= b.length * options.prose_punctuation_rate)
        and (
            i < first_kept
            or not (b.pruned.kind is PruneKind.CLASS and names_comments(b.pruned.detail))
        )
    }


def _kept_length(seg: Segmentation) -> int:
    return sum(b.length for b in seg.blocks if b.kept)

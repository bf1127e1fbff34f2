"""The orchestrator: one page in, one `Article` out.

Stages, in order (one module each):

1. decode    `_decode`    bytes to text (BOM, declared charset, page charset, detection)
2. parse     `_parse`     text to a Lexbor DOM, once
3. prune     `_prune`     plan which subtrees are chrome or invisible (the DOM is kept whole)
4. segment   `_segment`   one walk: blocks of text with features, and their containers
5. score     `_score`     a content score per block and per container
   select    `_select`    the article region, and kept/dropped for every block
6. dedup     `_dedup`     one copy of the article, each paragraph once
7. metadata  `_metadata`  title, dates, authors and the rest, from the whole page
8. serialise `_serialise` the kept blocks as text
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import _decode, _parse, _prune, _score, _select, _selectors, _serialise
from ._deadline import Deadline
from ._dedup import dedup
from ._errors import InputTypeError
from ._headline import TitleKeys, title_keys
from ._metadata import Metadata, extract_metadata
from ._model import Article, Block, Image, Link
from ._options import DEFAULT_OPTIONS, Options
from ._segment import Container, Segmentation, segment
from ._textstats import without_controls

__all__ = ["StageClock", "extract", "timed_extract"]

Input = bytes | bytearray | memoryview | str


def extract(
    html: Input, *, url: str | None = None, options: Options | None = None,
    encoding: str | None = None, reference_time: datetime | None = None,
) -> Article:  # fmt: skip
    """Extract the article of one page.

    `html` is the page as bytes (any encoding; `encoding` is a charset stated by the
    transport, such as an HTTP header, and outranks the page's own declaration) or as str.
    `url` is the page's address. `reference_time` is "now" for the page: relative dates
    ("3 hours ago") resolve only against it, and dates after it are rejected.

    Raises `TypeError` (`InputTypeError` for `html`) for arguments of the wrong type, and
    nothing else: a page it cannot make sense of gives an `Article` with an empty body.
    """
    options = _check_arguments(html, url, options, encoding)
    if reference_time is not None and not isinstance(reference_time, datetime):
        raise TypeError(
            f"reference_time must be a datetime or None, not {type(reference_time).__name__}"
        )
    return timed_extract(html, url, options, encoding, reference_time, _NO_CLOCK)


class StageClock:
    """Seconds spent in each stage, summed over every page run with it (`bench --speed`)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._mark = time.perf_counter()

    def start(self) -> None:
        self._mark = time.perf_counter()

    def lap(self, stage: str) -> None:
        """Charge the time since the last mark to `stage`."""
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._mark
        self._mark = now


class _NoClock(StageClock):
    def start(self) -> None:
        pass

    def lap(self, stage: str) -> None:
        pass


_NO_CLOCK = _NoClock()
_NO_METADATA = Metadata()


def timed_extract(
    html: Input, url: str | None, options: Options, encoding: str | None,
    reference_time: datetime | None, clock: StageClock,
) -> Article:  # fmt: skip
    """`extract` on checked arguments, each stage's time charged to `clock`."""
    clock.start()
    deadline = Deadline(options.time_budget)  # one for every stage
    data, cut = _bounded(html, options.max_bytes)
    decoded = _decode.decode(data, declared=encoding, tolerated=options.utf8_tolerated_errors)
    clock.lap("decode")
    # a NUL search on bytes is a memchr; on the decoded str it costs as much as parsing
    may_hold_nul = not isinstance(data, bytes) or b"\x00" in data
    parse_deadline = deadline.share(options.parse_budget_share)
    tree, parse_cut = _parse.parse(
        decoded.text, _parse.Limits.of(options), may_hold_nul=may_hold_nul, deadline=parse_deadline,
        utf8=decoded.utf8,
    )
    clock.lap("parse")
    seg = _extract_body(tree, url, options, deadline, clock)
    body = _serialise.to_text(seg.blocks, options.data_table_max_cell_length)
    clock.lap("serialise")
    meta = (
        extract_metadata(
            tree, url=url, body=body, options=options, reference_time=reference_time, deadline=deadline
        )
        if not options.body_only
        else _NO_METADATA
    )
    clock.lap("metadata")
    article = Article(
        body=body,
        title=meta.title,
        authors=meta.authors,
        date=meta.date,
        date_modified=meta.date_modified,
        date_source=meta.date_source,
        url=url or meta.canonical_url,
        canonical_url=meta.canonical_url,
        site_name=meta.site_name,
        description=meta.description,
        language=meta.language,
        image=meta.image,
        tags=meta.tags,
        categories=meta.categories,
        score=_score.document_score(seg, options),
        truncated=cut or parse_cut or seg.truncated or deadline.hit or parse_deadline.hit,
        encoding=decoded.encoding,
        blocks=_freeze(seg, options.block_classes_max_chars),
    )
    article = _outgoing(article)
    clock.lap("serialise")
    return article


def _outgoing(article: Article) -> Article:
    """The article as it leaves the library: no control characters in any text field
    (`_freeze` does the same for the blocks' text, paths, classes, links and images)."""
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
    f.name for f in dataclasses.fields(Article) if str(f.type) in ("str", "str | None", "tuple[str, ...]")
)


def _bounded(html: Input, max_bytes: int) -> tuple[bytes | str, bool]:
    """The first `max_bytes` bytes of the input (only they are copied), and whether that cut
    it; a str is left whole here and cut after decoding, in `_parse`."""
    if isinstance(html, memoryview):
        html = _as_bytes_view(html)
    if isinstance(html, str):
        return html, False  # `_parse` cuts text, after decoding
    return bytes(html[:max_bytes]), len(html) > max_bytes


def _as_bytes_view(view: memoryview) -> memoryview | bytes:
    """A memoryview of bytes, whatever the item format or shape of `view`."""
    try:
        return view.cast("B") if view.c_contiguous else view.tobytes()
    except ValueError as exc:  # a released memoryview
        raise InputTypeError(f"extract() cannot read this memoryview: {exc}") from None


def _check_arguments(
    html: object, url: object, options: object, encoding: object
) -> Options:
    if not isinstance(html, (bytes, bytearray, memoryview, str)):
        raise InputTypeError(
            f"extract() takes the page as bytes or str, not {type(html).__name__}"
        )
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
    if options is None:
        return DEFAULT_OPTIONS
    if not isinstance(options, Options):
        raise TypeError(f"options must be a declutter.Options, not {type(options).__name__}")
    return options


def _extract_body(
    tree: LexborHTMLParser, url: str | None, options: Options, deadline: Deadline,
    clock: StageClock = _NO_CLOCK,
) -> Segmentation:  # fmt: skip
    """Stages 3 to 6, and a second pass when class pruning looks to have hit the article.

    A class word is a guess; when a region it removed holds more text than the body that is
    left (a theme that calls the article's wrapper "l-sidebar-fixed"), the region is walked
    again, its inner chrome still pruned, and the pass wins if it keeps clearly more text
    (`unprune_gain`). Page builders nest such wrappers ("widget" in "widget"), so this
    repeats a few times.
    """
    root = tree.body or tree.root
    if root is None:
        return Segmentation([], [])
    title = title_keys(
        tree, url=url, min_chars=options.headline_min_chars,
        min_coverage=options.headline_min_coverage,
    )  # fmt: skip
    clock.lap("score")  # the title's words, which the headline search uses
    included = _selectors.matches(root, options.include)
    plan = _prune.plan(
        tree, use_vocabulary=options.prune_by_class, title=title,
        excluded=_selectors.matches(root, options.exclude), included=included,
    )  # fmt: skip
    clock.lap("prune")
    if included:  # the caller named the article: no guessing, no second pass
        return _body_pass(root, plan, title, options, deadline, clock, included=included)
    best = seg = _body_pass(root, plan, title, options, deadline, clock)
    for _ in range(options.unprune_passes):
        suspects = _suspect_prunes(seg, options)
        if not suspects:
            break
        if deadline.past():  # the passes left would change the result: say it is cut short
            break
        plan.overruled |= suspects
        seg = _body_pass(root, plan, title, options, deadline, clock)
        if _kept_length(seg) > options.unprune_gain * _kept_length(best):
            best = seg
    if not _kept_length(best):
        _fallback(best, title, options)
    if not _kept_length(best) and tree.css_first("noscript") is not None:
        best = _noscript_pass(root, plan, title, options, deadline) or best
    clock.lap("select")  # the fallbacks, rare, are selection again
    return best


def _noscript_pass(
    root: LexborNode, plan: _prune.PrunePlan, title: TitleKeys, options: Options,
    deadline: Deadline,
) -> Segmentation | None:  # fmt: skip
    """A page whose only text is in ``<noscript>`` (rendered by scripts, with a fallback for
    readers without them): that text, read as the page. None if it has none either."""
    seg = _body_pass(root, plan, title, options, deadline, shown=_NOSCRIPT)
    if not _kept_length(seg):
        _fallback(seg, title, options)
    return seg if _kept_length(seg) else None


_NOSCRIPT = frozenset(("noscript",))


def _fallback(seg: Segmentation, title: TitleKeys, options: Options) -> None:
    """Nothing read as an article (a link list, a gallery of one-line captions, a bare
    fragment): keep the container with the most text, every block of it, so the caller
    gets the page's best meaningful text; the document score says how little to trust it."""
    lenient = options.replace(
        link_weight=0.0, block_cost=0.0, prose_punctuation_rate=0.0, container_link_penalty=0.0,
        count_link_text=True,
    )
    _score.score_blocks(seg, lenient)
    headline = _score.find_headline(seg, title, lenient)
    _select.select(seg, _score.score_containers(seg, lenient, headline), lenient, headline[0], lenient=True)


def _suspect_prunes(seg: Segmentation, options: Options) -> set[int]:
    """Elements pruned on a guess (class word, ARIA role) that hold more text than the body
    kept without them: prose when there is a body, any text when there is none."""
    kept = _kept_length(seg)
    floor = max(options.unprune_min_length, options.unprune_ratio * kept)
    return {
        b.pruned_id
        for b in seg.blocks
        if b.pruned.startswith(_GUESSED_PRUNES)
        and b.length >= floor
        and (not kept or b.punctuation >= b.length * options.prose_punctuation_rate)
    }


_GUESSED_PRUNES = ("class:", "role:", "form")


def _body_pass(
    root: LexborNode, plan: _prune.PrunePlan, title: TitleKeys, options: Options,
    deadline: Deadline, clock: StageClock = _NO_CLOCK, shown: frozenset[str] = frozenset(),
    included: Sequence[LexborNode] = (),
) -> Segmentation:  # fmt: skip
    seg = segment(
        root, plan=plan, max_nodes=options.max_nodes, deadline=deadline,
        max_blocks=options.max_blocks, shown=shown,
        links=options.include_links, images=options.include_images,
        compiled=options.compiled_walk,
    )  # fmt: skip
    clock.lap("segment")
    _score.score_blocks(seg, options, deadline)
    headline = _score.find_headline(seg, title, options)
    if included:
        _select.select_included(seg, included, options, headline[0], deadline=deadline)
    else:
        ranking = _score.score_containers(seg, options, headline)
        clock.lap("score")
        _select.select(seg, ranking, options, headline[0], deadline=deadline)
    clock.lap("select")
    dedup(seg.blocks, seg.containers, options, deadline)
    clock.lap("dedup")
    return seg


def _kept_length(seg: Segmentation) -> int:
    return sum(b.length for b in seg.blocks if b.kept)


_PATH_LEVELS = 6


def _path(containers: list[Container], cid: int, max_chars: int) -> str:
    parts: list[str] = []
    while cid >= 0 and len(parts) < _PATH_LEVELS:
        c = containers[cid]
        words = c.classes[: max_chars + 1].split(None, 1)
        parts.append(f"{c.tag}.{words[0][:max_chars]}" if words else c.tag)
        cid = c.parent
    if cid >= 0:
        parts.append("\u2026")
    return ">".join(reversed(parts))


def _clean_links(links: tuple[Link, ...]) -> tuple[Link, ...]:
    return tuple(Link(without_controls(k.text), without_controls(k.url)) for k in links) if links else links


def _clean_images(images: tuple[Image, ...]) -> tuple[Image, ...]:
    return tuple(
        Image(without_controls(i.url), without_controls(i.alt), without_controls(i.title)) for i in images
    ) if images else images  # fmt: skip


def _freeze(seg: Segmentation, max_class_chars: int) -> tuple[Block, ...]:
    """The blocks as the caller sees them; class names cut to `max_class_chars` (they are
    repeated on every block of their container)."""
    n = len(seg.blocks) or 1
    containers = seg.containers
    paths: dict[int, str] = {}
    out = []
    for b in seg.blocks:
        path = paths.get(b.container)
        if path is None:
            path = paths[b.container] = (
                without_controls(_path(containers, b.container, max_class_chars)) if containers else ""
            )
        classes = without_controls(containers[b.container].classes[:max_class_chars]) if containers else ""
        out.append(
            Block(
                b.index, without_controls(b.text), b.tag, b.kind, path, b.depth, b.length, b.link_length,
                b.punctuation, b.tags, round(b.index / n, 4), round(b.score, 3), b.kept,
                b.reason, b.heading_level, classes, b.list_depth, b.list_ordered, b.list_number,
                b.list_id, b.list_item, b.quote_depth, b.quote_id, b.table_id, b.table_row,
                b.table_column, b.table_header, _clean_links(b.links), _clean_images(b.images),
            )
        )
    return tuple(out)

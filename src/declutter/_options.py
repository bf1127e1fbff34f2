"""`Options`: every threshold, weight and limit of the pipeline, in one frozen object.

Lengths are in the text measure of `_textstats.measure`: CJK characters plus words of other
scripts. The defaults were tuned on the development sets (see README, "Benchmark").
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

__all__ = ["Options", "DEFAULT_OPTIONS"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How declutter extracts. Immutable; derive variants with `Options.replace`.

    >>> Options(max_link_ratio=0.4).max_link_ratio
    0.4
    """

    # --- limits (robustness) -------------------------------------------------------------
    max_bytes: int = 32_000_000
    """Input beyond this many bytes (characters for ``str`` input) is cut off before parsing;
    the result is marked ``truncated``."""
    max_nodes: int = 2_000_000
    """The DOM holds at most about this many nodes: the input is cut after ``max_nodes / 2``
    tags before parsing (a tag makes at most an element and a text node), and the DOM walk
    stops after this many nodes. Either marks the result ``truncated``."""
    max_blocks: int = 100_000
    """The DOM walk stops once it has cut this many blocks of text (each costs about a
    kilobyte until the result is returned; real pages have a few thousand); the result is
    marked ``truncated``."""
    max_depth: int = 512
    """Elements are nested at most this deep: a start tag that would go deeper is dropped
    before parsing, its text kept in the enclosing element (browsers cap their trees at 512
    too). The HTML parser's time grows with depth times elements. Checked on pages with more
    than ``16 * max_depth`` tags, where it can matter; marks the result ``truncated``."""
    max_open_formatting: int = 64
    """At most this many formatting elements (``<b>``, ``<font>``... with different
    attributes) stay open at once; more are dropped before parsing (the parser re-opens each
    inside every later paragraph, so n of them cost n * n elements). Checked on pages with
    more than ``8 * max_open_formatting`` of them; marks the result ``truncated``."""
    max_attributes: int = 128
    """Attributes beyond this many on one element are dropped before parsing (the parser
    checks each against all before it), on pages where such elements would slow the parser
    down: more, in all, than one element with ``16 * max_attributes``. Marks the result
    ``truncated``."""
    max_select_options: int = 256
    """Options beyond this many in one ``<select>`` are dropped before parsing (the parser
    walks the whole list for each new one). Checked on pages with more than
    ``16 * max_depth`` tags; marks the result ``truncated``."""
    time_budget: float | None = 20.0
    """Seconds one document may take, checked during the DOM walk and before each further
    pass over the DOM; past it, `extract` stops and returns what it has, marked
    ``truncated``. A soft limit: the stages before the walk are linear in the bounded input
    and are not interrupted, those after it in the blocks already cut. ``None`` for none."""

    # --- prune ---------------------------------------------------------------------------
    prune_by_class: bool = True
    """Remove containers whose class/id names page chrome (``share``, ``related``...)."""
    unprune_ratio: float = 1.5
    """A class-pruned region holding this many times the kept body's text is suspected to be
    the article's wrapper: the page is walked again with that region kept."""
    unprune_min_length: int = 60
    """...and it must hold at least this much text (text measure)."""
    unprune_passes: int = 3
    """At most this many extra passes un-prune suspected wrappers (nested page-builder
    wrappers need one pass per level)."""

    # --- score: block content score ------------------------------------------------------
    block_cost: float = 5.0
    """Subtracted from every block's score: many tiny blocks (menus, tag clouds) add up to a
    negative score even without links."""
    link_weight: float = 1.5
    """Score lost per unit of text inside links."""
    punctuation_weight: float = 1.0
    """Score gained per sentence punctuation mark: prose has commas, chrome has none."""
    count_link_text: bool = False
    """Count text inside links as text in block scores (the fallback pass does, for pages
    that are nothing but a list of links)."""
    container_link_penalty: float = 1.0
    """A container's score is scaled by (1 - this * its share of text in links)."""
    prose_punctuation_rate: float = 0.03
    """Punctuation marks per unit of text below which a block's text counts only in
    proportion (a tag cloud of 100 words without a comma is not prose)."""
    ancestor_levels: int = 5
    """How many container levels above a block receive (decayed) parts of its score."""
    grandparent_share: float = 0.5
    """Share of a block's score given to the container two levels up."""
    distant_ancestor_divisor: float = 3.0
    """Containers three or more levels up get score / (levels * this)."""
    max_ancestor_hops: int = 64
    """Bound on the containers a block's score climbs through (wrappers included), so an
    absurdly deep DOM costs linear time."""

    headline_zone_bonus: float = 1.5
    """Score factor for containers that begin between the headline that repeats the page's
    ``<title>`` and the next headline."""
    headline_zone_share: float = 0.1
    """When the best container in that zone scores at least this share of the best on the
    page, it wins outright (the page's own article over ones appended below it)."""
    headline_min_chars: int = 8
    """A headline and the title must share at least this many word characters."""
    headline_min_coverage: float = 0.5
    """The headline must cover at least this share of the title's characters (or the title
    this share of the headline's): a site name alone is not the headline."""
    headline_max_length: int = 60
    """Longer blocks are never taken for the headline."""

    # --- select: region and block classes ------------------------------------------------
    sibling_score_ratio: float = 0.2
    """A sibling container of the best one joins the article when its score reaches this
    share of the best score..."""
    sibling_min_score: float = 10.0
    """...and at least this absolute score."""
    sibling_max_link_ratio: float = 0.33
    """Siblings more link-dense than this never join."""
    paragraph_min_length: int = 15
    """A loose sibling paragraph joins when at least this long and not link-dense."""
    max_link_ratio: float = 0.5
    """Blocks inside the article region with more of their text in links are dropped..."""
    long_block_length: int = 40
    """...unless they are at least this long and under `long_block_max_link_ratio`."""
    long_block_max_link_ratio: float = 0.8
    """Link ratio up to which a long block stays in spite of its links."""
    edge_metadata_max_length: int = 15
    """Blocks up to this long between the edge of the article region and its first (or
    last) paragraph are dropped when they read as a byline, dateline or copyright line."""
    short_block_length: int = 6
    """Blocks shorter than this are judged by their neighbours (kept only between kept
    blocks), as jusText does."""

    extension_min_length: int = 8
    """Outside the region, a paragraph this long, of the body's tag, with punctuation and
    few links continues the article (a lead in its own box, a closing section)."""
    extension_max_link_ratio: float = 0.2
    """Link ratio up to which such a paragraph continues the article."""
    extension_barrier_length: int = 5
    """A pruned region with at least this much text ends the walk; smaller ones (a share
    button, a photo credit) are stepped over."""
    extension_max_gap: int = 2
    """Short lines or subheads the walk may cross between two such paragraphs."""

    # --- document score ------------------------------------------------------------------
    document_full_length: int = 150
    """Body length from which the document score no longer grows with length."""
    document_paragraph_length: int = 20
    """Blocks at least this long count as paragraphs for the document score."""
    document_full_paragraphs: int = 3
    """Number of paragraphs from which structure no longer adds to the document score."""
    document_punctuation_rate: float = 0.05
    """Punctuation marks per unit of text from which a body counts as full prose."""
    document_full_share: float = 0.5
    """Share of the page's text in the body from which that share no longer adds."""

    # --- dedup ---------------------------------------------------------------------------
    dedup_min_length: int = 10
    """Blocks at least this long are removed when an earlier kept block has the same text;
    shorter ones only as part of a repeated run."""
    dedup_min_run_length: int = 60
    """A run of consecutive blocks that repeats an earlier run and totals at least this much
    text is removed whole, short blocks included (a second copy of the article)."""

    # --- output --------------------------------------------------------------------------
    include_captions: bool = False
    """Keep figure captions inside the article body."""
    include_tables: bool = True
    """Keep tables that belong to the article."""

    # --- decode --------------------------------------------------------------------------
    utf8_tolerated_errors: float = 0.002
    """Share of undecodable bytes under which a page is still read as UTF-8."""

    def replace(self, **changes: Any) -> Options:
        """A copy with `changes` applied (fields are validated as in the constructor)."""
        return replace(self, **changes)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not _has_type(value, str(f.type)):
                raise TypeError(f"Options.{f.name} must be {f.type}, not {type(value).__name__}")
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, (int, float)) and value < 0:
                raise ValueError(f"Options.{f.name} must not be negative, got {value!r}")


_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,), "float": (int, float), "bool": (bool,), "float | None": (int, float, type(None)),
}  # fmt: skip


def _has_type(value: object, annotation: str) -> bool:
    """Whether `value` fits a field annotated `annotation` (bool is no number here)."""
    expected = _FIELD_TYPES.get(annotation)
    if expected is None:
        return True
    return isinstance(value, expected) and isinstance(value, bool) == (annotation == "bool")


DEFAULT_OPTIONS = Options()

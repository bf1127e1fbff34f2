"""`Options`: every threshold, weight and limit of the pipeline, in one frozen object.

Lengths are in the text measure of `_textstats.measure`: CJK characters plus words of other
scripts. The defaults were tuned on the development sets (see README, "Benchmark").
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace
from typing import Any

from . import _selectors

__all__ = ["DEFAULT_OPTIONS", "Options"]


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
    attribute_min_chars: int = 20
    """A page of more than 64 K characters with more than one ``=`` per this many characters
    is attribute-dense (real pages have one per 25 or more; a page of 120 short attributes
    per element, one per 8): before parsing, its elements keep only the attributes some
    stage reads, since Lexbor keeps some 150 bytes per attribute. Marks the result
    ``truncated``. 0: never."""
    max_select_options: int = 256
    """Options beyond this many in one ``<select>`` are dropped before parsing (the parser
    walks the whole list for each new one). Checked on pages with more than
    ``16 * max_depth`` tags; marks the result ``truncated``."""
    time_budget: float | None = 20.0
    """Seconds one document may take. Every stage that loops over page-sized input checks
    it (the parse guard, the DOM walk, scoring, selection, dedup, the metadata's element
    lists); past it, each stops and `extract` returns what it has, marked ``truncated``.
    A soft limit: Lexbor's parse and the linear steps between checks are not interrupted
    (the issue's hostile pages end within 1.5x of it). ``None`` for none."""
    parse_budget_share: float = 0.5
    """Share of `time_budget` the parse guard (which rewrites pages of too many tags) may
    use before it drops the rest of the page: the parse and the stages after it need the
    remainder."""

    # --- prune ---------------------------------------------------------------------------
    prune_by_class: bool = True
    """Remove containers whose class/id names page chrome (``share``, ``related``...)."""
    unprune_ratio: float = 1.5
    """A class-pruned region holding this many times the kept body's text is suspected to be
    the article's wrapper: the page is walked again with that region kept."""
    unprune_min_length: int = 60
    """...and it must hold at least this much text (text measure)."""
    unprune_gain: float = 1.5
    """The pass with the region kept wins when its body holds more than this many times the
    text of the body before: a little more text is the region moving to another box (a
    form's fine print), not the article found."""
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
    """Score factor for containers that lie between the headline that repeats the page's
    ``<title>`` and the next headline."""
    headline_reach: int = 40
    """...and that begin at most this many blocks after the headline (the story follows its
    headline; a box far down the page is something else)."""
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
    content_root_max_levels: int = 5
    """Containers at most this many levels above the best one count as the article's root
    when they are ``<main>`` or their class names content; the region then grows level by
    level up to the root (``<article>`` roots count at any height)."""
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
    edge_metadata_max_length: int = 20
    """Blocks up to this long between the edge of the article region and its first (or
    last) paragraph are dropped when they read as a byline, dateline or copyright line."""
    closing_line_max_length: int = 40
    """Blocks up to this long at the end of the region are dropped while they read as a call
    to action ("Subscribe to...", "Follow us on...") or a desk credit ("Reporting by...")."""
    photo_credit_max_length: int = 10
    """Blocks up to this long that read as a picture credit ("Photo: ...", "AFP / ...",
    "Getty Images") are dropped wherever they stand."""
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
    extension_link_line_length: int = 12
    """A link-dense line up to this long (a "Read more: ..." pointer between lead and body)
    counts in that gap and is stepped over; a longer one ends the walk."""

    lead_max_distance: int = 6
    """A lead (standfirst) is looked for among this many blocks above the body's first kept
    block..."""
    lead_min_length: int = 10
    """...at least this long, with few links; it is taken when it sits between the headline
    and the body, or when its class names a lead ("lead", "intro", "standfirst"...)."""
    lead_max_blocks: int = 2
    """At most this many blocks are taken as the lead."""
    structure_steps: int = 3
    """Outside the region, a block joins the article when the last this many elements of
    its path (tag and class) are those of the region's text: the article's other sections,
    split by an ad, a page-builder column or a pull quote."""
    structure_min_share: float = 0.25
    """Paths that carry at least this share of the region's content text are matched."""

    # --- document score ------------------------------------------------------------------
    document_full_length: int = 150
    """Body length from which the document score no longer grows with length."""
    document_paragraph_length: int = 20
    """Blocks at least this long count as paragraphs for the document score."""
    document_full_paragraphs: int = 3
    """Number of paragraphs from which structure no longer adds to the document score."""
    document_punctuation_rate: float = 0.05
    """Punctuation marks per unit of text from which a body counts as full prose."""
    document_base_weight: float = 0.5
    """Part of the prose factor every body gets."""
    document_prose_weight: float = 0.25
    """Part of the prose factor earned by punctuation at `document_punctuation_rate`."""
    document_structure_weight: float = 0.25
    """Part of the prose factor earned by `document_full_paragraphs` paragraphs."""
    document_teaser_weight: float = 0.9
    """How much it costs when all the kept text comes from teaser cards (a box whose
    headline is a dropped link)."""
    teaser_card_max_blocks: int = 6
    """A teaser card holds at most this many blocks (headline, summary, date, byline...)."""
    teaser_min_cards: int = 3
    """Cards are teasers only in a row of at least this many look-alikes."""
    teaser_headline_min_length: int = 2
    """A teaser card's headline link is at least this long..."""
    teaser_headline_link_ratio: float = 0.9
    """...and at least this much of it is link text."""

    lone_heading_min_length: int = 8
    """A heading at least this long, after kept text, stays even when no text follows it."""
    short_list_min_items: int = 3
    """A run of at least this many short list items next to kept text is kept whole."""

    # --- dedup ---------------------------------------------------------------------------
    dedup_min_length: int = 10
    """Blocks at least this long are removed when an earlier kept block has the same text;
    shorter ones only as part of a repeated run."""
    dedup_min_run_length: int = 60
    """A run of consecutive blocks that repeats an earlier run and totals at least this much
    text is removed whole, short blocks included (a second copy of the article)."""

    # --- what the body includes (these do change the text) ------------------------------
    include_captions: bool = False
    """Keep figure captions inside the article body."""
    include_tables: bool = True
    """Keep data tables inside the article body. Off, tables of short cells in two or more
    columns are dropped; tables that lay out the page (an old portal's article in a
    ``<td>``) always stay."""
    data_table_max_cell_length: float = 12.0
    """A table whose cells hold on average at most this much text is a data table."""

    include: str | None = None
    """CSS selectors (a comma-separated list) of the article itself, for a site whose
    markup you know: when they match, the matched elements are the article region and only
    their text can be kept (the block classifier still drops link lists and credit lines
    in them); when they match nothing, the page is extracted as usual. Metadata still come
    from the whole page. Invalid selectors raise ValueError."""
    exclude: str | None = None
    """CSS selectors of subtrees that are never part of the body, pruned before scoring as
    chrome is (their blocks read ``pruned:excluded``). Invalid selectors raise ValueError."""

    # --- output (these never change the text) ---------------------------------------------
    include_links: bool = False
    """Record the links inside the text (`Block.links`), for the markdown and HTML formats.
    Never changes the text or which blocks are kept."""
    include_images: bool = False
    """Record the images inside the article (`Block.images`), for the markdown and HTML
    formats. Never changes the text or which blocks are kept."""
    body_only: bool = False
    """Extract the body only: the metadata fields (title, dates, authors, site name...) stay
    empty (None, ``()``) and that stage's cost is skipped; the body, the blocks and the
    score are the same either way."""
    block_classes_max_chars: int = 200
    """`Block.classes`, and each class word in `Block.path`, are cut to this many characters:
    they repeat on every block of their container, and a 100,000-character class would make
    the block reports (JSON with blocks, ``--explain-html``) gigabytes."""
    compiled_walk: bool = True
    """Walk the DOM with the compiled kernel (``declutter._walk``) when it is built and
    passed its self-test; False walks in Python. The result is identical either way (for
    tests and speed comparisons)."""

    # --- decode --------------------------------------------------------------------------
    utf8_tolerated_errors: float = 0.002
    """Share of undecodable bytes under which a page is still read as UTF-8."""

    # --- metadata ------------------------------------------------------------------------
    meta_max_value_chars: int = 2000
    """Meta and link values are cut to this many characters (guards against huge attributes)."""
    meta_max_elements: int = 1000
    """At most this many ``<meta>`` and ``<link>`` elements are read per page (real pages
    have a few dozen; 300,000 ``article:tag`` metas would cost seconds)."""
    jsonld_max_chars: int = 1_000_000
    """JSON-LD scripts longer than this are not parsed."""
    jsonld_max_objects: int = 500
    """At most this many JSON-LD objects are visited per page."""
    title_max_chars: int = 300
    """A heading longer than this (characters) is not a headline candidate."""
    title_max_candidates: int = 60
    """At most this many heading elements are compared with the title references."""
    title_max_copies: int = 3
    """Bylines and dates are searched after at most this many copies of the headline."""
    byline_window: int = 300
    """Characters of text after each headline copy (and after the article) searched for the
    byline."""
    date_window: int = 500
    """Characters of text after each headline copy searched for the printed date (a standfirst
    may come between the headline and the dateline)."""
    byline_window_before: int = 120
    """Characters of text just before the headline searched for a date (kicker lines)."""
    byline_max_nodes: int = 400
    """Nodes the walk after (or before) a headline may visit."""
    body_byline_window: int = 300
    """Characters at the start and at the end of the body searched for a credit line."""
    body_end_probe_chars: int = 16
    """Characters of the body's last line looked up in the page to find where the article
    ends (the credit line after it is searched too)."""
    body_end_scope_levels: int = 5
    """The article's end is looked for under the headline's ancestor this many levels up
    (the whole page when there is no headline)."""
    body_end_probes: int = 2
    """How many pieces of that last line are looked up before giving up."""
    author_max_names: int = 8
    """Names kept from one credit."""
    author_max_han: int = 10
    """Han characters an author or account name may have."""
    author_max_words: int = 5
    """Words a name in other scripts may have."""
    author_max_chars: int = 60
    """Characters an author name may have."""
    author_max_elements: int = 30
    """Author-marked elements (class/itemprop/rel) examined per page."""
    date_min_year: int = 1990
    """Dates before this year are rejected as implausible."""
    date_clock_skew_hours: float = 14.0
    """A date without zone may lie this far after `reference_time` (time zones differ)."""
    date_max_elements: int = 30
    """Date-marked elements (``time``, class/id with date/time) examined per page."""
    language_sample_chars: int = 2000
    """Characters of title and body whose script decides the language when none is declared."""
    language_min_script_share: float = 0.1
    """Share of the sample's letters a script needs to decide the language (kana first)."""
    date_element_max_chars: int = 120
    """A date-marked element with more text than this is a container, not a date."""
    date_label_scan_chars: int = 100_000
    """When no other source dates the page, this many characters of its text are searched for
    a date right after a publication label ("veröffentlicht am", "Posted on", "Datum:")."""
    date_label_window: int = 48
    """Characters after a publication label in which its date must start."""
    date_label_max_hits: int = 40
    """Publication labels tried per page before giving up."""
    max_tags: int = 30
    """Tags and categories kept per page."""

    def replace(self, **changes: Any) -> Options:
        """A copy with `changes` applied (fields are validated as in the constructor)."""
        return replace(self, **changes)

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not _has_type(value, str(f.type)):
                raise TypeError(f"Options.{f.name} must be {f.type}, not {type(value).__name__}")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                _check_range(f.name, value)
        for name in _SELECTORS:
            _selectors.check(name, getattr(self, name))


def _check_range(name: str, value: float) -> None:
    """`value` is a finite number inside the range declared for the field `name`."""
    if not math.isfinite(value):
        raise ValueError(f"Options.{name} must be a finite number, got {value!r}")
    low, high = _RANGES.get(name, _INT_RANGE if isinstance(value, int) else _FLOAT_RANGE)
    if value < low:
        raise ValueError(f"Options.{name} must not be negative, got {value!r}")
    if value > high:
        raise ValueError(f"Options.{name} must be at most {high:g}, got {value!r}")
    if name in _DIVISORS and not value > 0:
        raise ValueError(f"Options.{name} must be positive, got {value!r}")


_FLOAT_RANGE = (0.0, 1e6)
"""Weights, rates, lengths and seconds: far beyond any useful setting, and small enough that
a page's sums of them stay finite (an infinite weight makes inf - inf = NaN scores)."""
_INT_RANGE = (0, 2**63 - 1)
"""Counts and limits: any a machine can hold (beyond the page is no limit)."""
_SHARE = (0.0, 1.0)
_RANGES: dict[str, tuple[float, float]] = {
    **dict.fromkeys(
        ("grandparent_share", "headline_zone_share", "headline_min_coverage", "max_link_ratio",
         "long_block_max_link_ratio", "sibling_max_link_ratio", "extension_max_link_ratio",
         "teaser_headline_link_ratio", "utf8_tolerated_errors", "language_min_script_share",
         "parse_budget_share", "document_base_weight", "document_prose_weight",
         "document_structure_weight", "document_teaser_weight"),
        _SHARE,
    ),
    "date_clock_skew_hours": (0.0, 24.0 * 366),  # a timedelta of 1e300 hours overflows
}  # fmt: skip
"""Declared ranges, (lowest, highest): shares of a whole, and the few fields with a range of
their own; every other number is in `_FLOAT_RANGE` or `_INT_RANGE`."""


_SELECTORS = ("include", "exclude")
"""Fields that hold CSS selectors, checked by Lexbor when the options are made."""

_DIVISORS = frozenset(
    ("distant_ancestor_divisor", "headline_min_coverage", "document_full_length",
     "document_full_paragraphs")
)  # fmt: skip
"""Fields the scoring divides by."""

_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "int": (int,), "float": (int, float), "bool": (bool,), "float | None": (int, float, type(None)),
    "str | None": (str, type(None)),
}  # fmt: skip


def _has_type(value: object, annotation: str) -> bool:
    """Whether `value` fits a field annotated `annotation` (bool is no number here)."""
    expected = _FIELD_TYPES.get(annotation)
    if expected is None:
        return True
    return isinstance(value, expected) and isinstance(value, bool) == (annotation == "bool")


DEFAULT_OPTIONS = Options()

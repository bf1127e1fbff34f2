"""`Options`: every threshold, weight and limit of the pipeline, in one frozen object.

Lengths are in the text measure of `_textstats.measure`: CJK characters plus words of other
scripts. The defaults were tuned on the development sets (see README, "Benchmark").
"""

from __future__ import annotations

import math
from dataclasses import Field, dataclass, field, fields, replace
from typing import Any

from . import _selectors

__all__ = ["DEFAULT_OPTIONS", "SECTIONS", "Options", "help_of", "is_everyday", "section_of"]

SECTIONS: dict[str, str] = {
    "limits": "limits (robustness)",
    "prune": "prune",
    "score": "score: block content score",
    "select": "select: region and block classes",
    "document": "document score",
    "dedup": "dedup",
    "body": "what the body includes (these do change the text)",
    "output": "output (these never change the text)",
    "decode": "decode",
    "metadata": "metadata",
    "comments": "comments (Options.include_comments; these never change the body)",
}
"""The sections `Options` fields are declared in, with their titles (``--help`` groups)."""


def _option(default: Any, section: str, help: str, *, everyday: bool = False) -> Any:
    """A field of `Options`: its default, its section (a key of `SECTIONS`) and its help;
    `everyday` options are the few a user reaches for (``--help`` shows them, ``--help-all``
    every one), the rest are tuning knobs."""
    if section not in SECTIONS:
        raise ValueError(f"unknown Options section {section!r}")
    return field(default=default, metadata={"section": section, "help": help, "everyday": everyday})


def section_of(option: Field[Any]) -> str:
    """The section (a key of `SECTIONS`) an `Options` field is declared in."""
    return str(option.metadata["section"])


def is_everyday(option: Field[Any]) -> bool:
    """Whether an `Options` field is one a user reaches for (not a tuning knob)."""
    return bool(option.metadata["everyday"])


def help_of(option: Field[Any]) -> str:
    """What an `Options` field does, as one paragraph (the words of its help)."""
    return " ".join(str(option.metadata["help"]).split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How declutter extracts. Immutable; derive variants with `Options.replace`.

    >>> Options(max_link_ratio=0.4).max_link_ratio
    0.4
    """

    max_bytes: int = _option(
        32_000_000,
        "limits",
        """
    Input beyond this many bytes (characters for ``str`` input) is cut off before parsing;
    the result is marked ``truncated``.""",
        everyday=True,
    )
    max_nodes: int = _option(
        2_000_000,
        "limits",
        """
    The DOM holds at most about this many nodes: the input is cut after ``max_nodes / 2``
    tags before parsing (a tag makes at most an element and a text node), and the DOM walk
    stops after this many nodes. Either marks the result ``truncated``.""",
    )
    max_blocks: int = _option(
        100_000,
        "limits",
        """
    The DOM walk stops once it has cut this many blocks of text (each costs about a
    kilobyte until the result is returned; real pages have a few thousand); the result is
    marked ``truncated``.""",
    )
    max_depth: int = _option(
        512,
        "limits",
        """
    Elements are nested at most this deep: a start tag that would go deeper is dropped
    before parsing, its text kept in the enclosing element (browsers cap their trees at 512
    too). The HTML parser's time grows with depth times elements. Checked on pages with more
    than ``16 * max_depth`` tags, where it can matter; marks the result ``truncated``.""",
    )
    max_open_formatting: int = _option(
        64,
        "limits",
        """
    At most this many formatting elements (``<b>``, ``<font>``... with different
    attributes) stay open at once; more are dropped before parsing (the parser re-opens each
    inside every later paragraph, so n of them cost n * n elements). Checked on pages with
    more than ``8 * max_open_formatting`` of them; marks the result ``truncated``.""",
    )
    max_attributes: int = _option(
        128,
        "limits",
        """
    Attributes beyond this many on one element are dropped before parsing (the parser
    checks each against all before it), on pages where such elements would slow the parser
    down: more, in all, than one element with ``16 * max_attributes``. Marks the result
    ``truncated``.""",
    )
    attribute_min_chars: int = _option(
        20,
        "limits",
        """
    A page of more than 64 K characters with more than one ``=`` per this many characters
    is attribute-dense (real pages have one per 25 or more; a page of 120 short attributes
    per element, one per 8): before parsing, its elements keep only the attributes some
    stage reads, since Lexbor keeps some 150 bytes per attribute. Marks the result
    ``truncated``. 0: never.""",
    )
    max_select_options: int = _option(
        256,
        "limits",
        """
    Options beyond this many in one ``<select>`` are dropped before parsing (the parser
    walks the whole list for each new one). Checked on pages with more than
    ``16 * max_depth`` tags; marks the result ``truncated``.""",
    )
    time_budget: float | None = _option(
        20.0,
        "limits",
        """
    Seconds one document may take. Every stage that loops over page-sized input checks
    it (the parse guard, the DOM walk, scoring, selection, dedup, the metadata's element
    lists); past it, each stops and `extract` returns what it has, marked ``truncated``.
    A soft limit: Lexbor's parse and the linear steps between checks are not interrupted
    (the issue's hostile pages end within 1.5x of it). ``None`` for none.""",
        everyday=True,
    )
    parse_budget_share: float = _option(
        0.5,
        "limits",
        """
    Share of `time_budget` the parse guard (which rewrites pages of too many tags) may
    use before it drops the rest of the page: the parse and the stages after it need the
    remainder.""",
    )

    prune_by_class: bool = _option(
        True,
        "prune",
        """
    Remove containers whose class/id names page chrome (``share``, ``related``...).""",
        everyday=True,
    )
    unprune_ratio: float = _option(
        1.5,
        "prune",
        """
    A class-pruned region holding this many times the kept body's text is suspected to be
    the article's wrapper: the page is walked again with that region kept.""",
    )
    unprune_min_length: int = _option(
        60,
        "prune",
        """
    ...and it must hold at least this much text (text measure).""",
    )
    unprune_gain: float = _option(
        1.5,
        "prune",
        """
    The pass with the region kept wins when its body holds more than this many times the
    text of the body before: a little more text is the region moving to another box (a
    form's fine print), not the article found.""",
    )
    unprune_passes: int = _option(
        3,
        "prune",
        """
    At most this many extra passes un-prune suspected wrappers (nested page-builder
    wrappers need one pass per level).""",
    )

    block_cost: float = _option(
        5.0,
        "score",
        """
    Subtracted from every block's score: many tiny blocks (menus, tag clouds) add up to a
    negative score even without links.""",
    )
    link_weight: float = _option(
        1.5,
        "score",
        """
    Score lost per unit of text inside links.""",
    )
    punctuation_weight: float = _option(
        1.0,
        "score",
        """
    Score gained per sentence punctuation mark: prose has commas, chrome has none.""",
    )
    count_link_text: bool = _option(
        False,
        "score",
        """
    Count text inside links as text in block scores (the fallback pass does, for pages
    that are nothing but a list of links).""",
    )
    container_link_penalty: float = _option(
        1.0,
        "score",
        """
    A container's score is scaled by (1 - this * its share of text in links).""",
    )
    prose_punctuation_rate: float = _option(
        0.03,
        "score",
        """
    Punctuation marks per unit of text below which a block's text counts only in
    proportion (a tag cloud of 100 words without a comma is not prose).""",
    )
    ancestor_levels: int = _option(
        5,
        "score",
        """
    How many container levels above a block receive (decayed) parts of its score.""",
    )
    grandparent_share: float = _option(
        0.5,
        "score",
        """
    Share of a block's score given to the container two levels up.""",
    )
    distant_ancestor_divisor: float = _option(
        3.0,
        "score",
        """
    Containers three or more levels up get score / (levels * this).""",
    )
    max_ancestor_hops: int = _option(
        64,
        "score",
        """
    Bound on the containers a block's score climbs through (wrappers included), so an
    absurdly deep DOM costs linear time.""",
    )

    headline_zone_bonus: float = _option(
        1.5,
        "score",
        """
    Score factor for containers that lie between the headline that repeats the page's
    ``<title>`` and the next headline.""",
    )
    headline_reach: int = _option(
        40,
        "score",
        """
    ...and that begin at most this many blocks after the headline (the story follows its
    headline; a box far down the page is something else).""",
    )
    headline_zone_share: float = _option(
        0.1,
        "score",
        """
    When the best container in that zone scores at least this share of the best on the
    page, it wins outright (the page's own article over ones appended below it).""",
    )
    headline_min_chars: int = _option(
        8,
        "score",
        """
    A headline and the title must share at least this many word characters.""",
    )
    headline_min_coverage: float = _option(
        0.5,
        "score",
        """
    The headline must cover at least this share of the title's characters (or the title
    this share of the headline's): a site name alone is not the headline.""",
    )
    headline_max_segments: int = _option(
        8,
        "score",
        """
    A title reference is cut at its separators into at most this many segments, whose runs
    are headline keys: real titles have a handful, and the runs grow with the square.""",
    )
    site_name_min_chars: int = _option(
        4,
        "score",
        """
    A site name (``og:site_name``, the host's name) shorter than this many word characters
    names the site only as a whole title segment, never inside a longer text: short names
    (``zdf``) occur inside words. The headline keys, the title's site suffixes and the
    authors that are the site's name all use it.""",
    )
    headline_max_length: int = _option(
        60,
        "score",
        """
    Longer blocks are never taken for the headline.""",
    )
    headline_key_slack: float = _option(
        2.0,
        "score",
        """
    A block is the headline only if it is at most this many times as long (in characters,
    over `headline_min_coverage`) as the longest title key: the room its spaces and
    punctuation take beyond the key, which has neither.""",
    )
    headline_zone_win_margin: float = _option(
        1.01,
        "score",
        """
    The best container in the headline's zone is raised to this many times the best score on
    the page (just enough to make a tie a win).""",
    )

    content_root_max_levels: int = _option(
        5,
        "select",
        """
    Containers at most this many levels above the best one count as the article's root
    when they are ``<main>`` or their class names content; the region then grows level by
    level up to the root (``<article>`` roots count at any height).""",
    )
    sibling_score_ratio: float = _option(
        0.2,
        "select",
        """
    A sibling container of the best one joins the article when its score reaches this
    share of the best score...""",
    )
    sibling_min_score: float = _option(
        10.0,
        "select",
        """
    ...and at least this absolute score.""",
    )
    sibling_max_link_ratio: float = _option(
        0.33,
        "select",
        """
    Siblings more link-dense than this never join.""",
    )
    paragraph_min_length: int = _option(
        15,
        "select",
        """
    A loose sibling paragraph joins when at least this long and not link-dense.""",
    )
    max_link_ratio: float = _option(
        0.5,
        "select",
        """
    Blocks inside the article region with more of their text in links are dropped...""",
    )
    long_block_length: int = _option(
        40,
        "select",
        """
    ...unless they are at least this long and under `long_block_max_link_ratio`.""",
    )
    long_block_max_link_ratio: float = _option(
        0.8,
        "select",
        """
    Link ratio up to which a long block stays in spite of its links.""",
    )
    edge_metadata_max_length: int = _option(
        20,
        "select",
        """
    Blocks up to this long between the edge of the article region and its first (or
    last) paragraph are dropped when they read as a byline, dateline or copyright line.""",
    )
    closing_line_max_length: int = _option(
        40,
        "select",
        """
    Blocks up to this long at the end of the region are dropped while they read as a call
    to action ("Subscribe to...", "Follow us on...") or a desk credit ("Reporting by...").""",
    )
    photo_credit_max_length: int = _option(
        10,
        "select",
        """
    Blocks up to this long that read as a picture credit ("Photo: ...", "AFP / ...",
    "Getty Images") are dropped wherever they stand.""",
    )
    short_block_length: int = _option(
        6,
        "select",
        """
    Blocks shorter than this are judged by their neighbours (kept only between kept
    blocks), as jusText does.""",
    )

    extension_min_length: int = _option(
        8,
        "select",
        """
    Outside the region, a paragraph this long, of the body's tag, with punctuation and
    few links continues the article (a lead in its own box, a closing section).""",
    )
    extension_max_link_ratio: float = _option(
        0.2,
        "select",
        """
    Link ratio up to which such a paragraph continues the article.""",
    )
    extension_barrier_length: int = _option(
        5,
        "select",
        """
    A pruned region with at least this much text ends the walk; smaller ones (a share
    button, a photo credit) are stepped over.""",
    )
    extension_max_gap: int = _option(
        2,
        "select",
        """
    Short lines or subheads the walk may cross between two such paragraphs.""",
    )
    extension_link_line_length: int = _option(
        12,
        "select",
        """
    A link-dense line up to this long (a "Read more: ..." pointer between lead and body)
    counts in that gap and is stepped over; a longer one ends the walk.""",
    )

    lead_max_distance: int = _option(
        6,
        "select",
        """
    A lead (standfirst) is looked for among this many blocks above the body's first kept
    block...""",
    )
    lead_min_length: int = _option(
        10,
        "select",
        """
    ...at least this long, with few links; it is taken when it sits between the headline
    and the body, or when its class names a lead ("lead", "intro", "standfirst"...).""",
    )
    lead_class_levels: int = _option(
        3,
        "select",
        """
    A lead's class is looked for on the block's element and its ancestors, this many
    elements in all.""",
    )
    lead_max_blocks: int = _option(
        2,
        "select",
        """
    At most this many blocks are taken as the lead.""",
    )
    structure_steps: int = _option(
        3,
        "select",
        """
    Outside the region, a block joins the article when the last this many elements of
    its path (tag and class) are those of the region's text: the article's other sections,
    split by an ad, a page-builder column or a pull quote.""",
    )
    structure_min_share: float = _option(
        0.25,
        "select",
        """
    Paths that carry at least this share of the region's content text are matched.""",
    )

    document_full_length: int = _option(
        150,
        "document",
        """
    Body length from which the document score no longer doubts a body for being short
    (the doubt falls with the logarithm of the length).""",
    )
    document_paragraph_length: int = _option(
        20,
        "document",
        """
    Blocks at least this long count as paragraphs for the document score.""",
    )
    document_full_paragraphs: int = _option(
        3,
        "document",
        """
    Number of paragraphs from which a body is no longer doubted for having few.""",
    )
    document_punctuation_rate: float = _option(
        0.05,
        "document",
        """
    Punctuation marks per unit of text from which a body is no longer doubted for too
    little punctuation (for not being prose).""",
    )
    document_bias: float = _option(
        1.72,
        "document",
        """
    The document score's logit before any doubt: a page without doubts scores
    1 / (1 + exp(-bias)). Fitted with the weights below by
    ``benchmarks/fit_document_score.py``.""",
    )
    document_short_weight: float = _option(
        0.53,
        "document",
        """
    Weight in the document score's logit of the doubt that the body is short (its length,
    on a log scale). Each doubt is 0 to 1; docs/document-score.md lists them.""",
    )
    document_few_paragraphs_weight: float = _option(
        1.49,
        "document",
        """
    Weight of the doubt that the body has few paragraphs.""",
    )
    document_no_punctuation_weight: float = _option(
        0.13,
        "document",
        """
    Weight of the doubt that the body has too little sentence punctuation for prose.""",
    )
    document_links_weight: float = _option(
        0.43,
        "document",
        """
    Weight of the doubt from the share of the body's text inside links.""",
    )
    document_span_links_weight: float = _option(
        1.87,
        "document",
        """
    Weight of the doubt from the link share of the stretch of the page the body spans.""",
    )
    document_teaser_weight: float = _option(
        1.13,
        "document",
        """
    Weight of the doubt from the share of the body taken from teaser cards (a row of
    boxes alike whose headline is a dropped link).""",
    )
    document_runner_up_weight: float = _option(
        1.06,
        "document",
        """
    Weight of the doubt from a rival region apart from the chosen one that scores nearly
    as high (its score as a share of the best).""",
    )
    document_outside_best_weight: float = _option(
        1.53,
        "document",
        """
    Weight of the doubt from the share of the body outside the best container.""",
    )
    document_page_share_weight: float = _option(
        3.19,
        "document",
        """
    Weight of the doubt that the body is a small part of the page's text.""",
    )
    document_short_blocks_weight: float = _option(
        0.00,
        "document",
        """
    Weight of the doubt from the share of the body in blocks shorter than
    `document_paragraph_length` (a list or an index, not prose).""",
    )
    document_fallback_weight: float = _option(
        0.81,
        "document",
        """
    Weight of the doubt when nothing read as an article and the page's best text was
    taken leniently (the fallback).""",
    )
    document_comment_region_weight: float = _option(
        1.69,
        "document",
        """
    Weight of the doubt from the share of the body inside a box whose class or id names
    reader comments.""",
    )
    document_datelines_weight: float = _option(
        1.97,
        "document",
        """
    Weight of the doubt from short dated lines repeating through the body (a stream of
    posts or comments).""",
    )
    document_full_page_share: float = _option(
        0.5,
        "document",
        """
    Share of the page's text (outside pruned regions) from which the body is no longer
    doubted for being a small part of the page.""",
    )
    document_dateline_max_length: int = _option(
        20,
        "document",
        """
    A dated line at most this long, not ending as a sentence, is a dateline or byline.""",
    )
    document_full_datelines: int = _option(
        5,
        "document",
        """
    Dated lines beyond the first from which that doubt is full.""",
    )
    teaser_card_max_blocks: int = _option(
        6,
        "document",
        """
    A teaser card holds at most this many blocks (headline, summary, date, byline...).""",
    )
    teaser_min_cards: int = _option(
        3,
        "document",
        """
    Cards are teasers only in a row of at least this many look-alikes.""",
    )
    teaser_headline_min_length: int = _option(
        2,
        "document",
        """
    A teaser card's headline link is at least this long...""",
    )
    teaser_headline_link_ratio: float = _option(
        0.9,
        "document",
        """
    ...and at least this much of it is link text.""",
    )

    lone_heading_min_length: int = _option(
        8,
        "document",
        """
    A heading at least this long, after kept text, stays even when no text follows it.""",
    )
    short_list_min_items: int = _option(
        3,
        "document",
        """
    A run of at least this many short list items next to kept text is kept whole.""",
    )
    short_table_min_cells: int = _option(
        4,
        "select",
        """
    A run of at least this many short cells of one table next to kept text is kept whole
    (a table of data inside the article, whose cells are too short to stand alone).""",
    )

    dedup_min_length: int = _option(
        10,
        "dedup",
        """
    Blocks at least this long are removed when an earlier kept block has the same text;
    shorter ones only as part of a repeated run.""",
    )
    dedup_min_run_length: int = _option(
        60,
        "dedup",
        """
    A run of consecutive blocks that repeats an earlier run and totals at least this much
    text is removed whole, short blocks included (a second copy of the article).""",
    )

    caption_box_max_blocks: int = _option(
        2,
        "body",
        """
    Text inside an element whose class names an image (``photo``, ``figure``) is its
    caption when the element holds at most this many blocks (a caption and perhaps a
    credit line), not when it is an article that merely has a picture.""",
    )
    caption_box_max_length: int = _option(
        60,
        "body",
        """
    ...and when that text is at most this long (text measure): a paragraph longer than
    this, in a box named for its pictures, is the article's text, not a caption.""",
    )
    essay_caption_share: float = _option(
        0.6,
        "body",
        """
    Captions are kept when they hold at least this share of the article region's text
    (captions and kept text): a photo essay tells its story in them.""",
    )
    essay_min_captions: int = _option(
        3,
        "body",
        """
    ...and when the region holds at least this many (one long caption beside a short
    note is a picture's).""",
    )
    include_captions: bool = _option(
        False,
        "body",
        """
    Keep figure captions inside the article body.""",
        everyday=True,
    )
    include_tables: bool = _option(
        True,
        "body",
        """
    Keep data tables inside the article body. Off, tables of short cells in two or more
    columns are dropped; tables that lay out the page (an old portal's article in a
    ``<td>``) always stay.""",
        everyday=True,
    )
    data_table_max_cell_length: float = _option(
        12.0,
        "body",
        """
    A table whose cells hold on average at most this much text is a data table.""",
    )
    data_table_max_cell_chars: int = _option(
        400,
        "body",
        """
    A table with a cell of more characters than this is a layout table's column, not data.""",
    )
    data_table_max_spread: float = _option(
        4.0,
        "body",
        """
    A data table has at most this many places (rows x columns) per cell that holds text: a
    sparser one (cells scattered by spans) is laid out as paragraphs, so that a table's
    output stays within a small factor of its cells.""",
    )

    include: str | None = _option(
        None,
        "select",
        """
    CSS selectors (a comma-separated list) of the article itself, for a site whose
    markup you know: when they match, the matched elements are the article region and only
    their text can be kept (the block classifier still drops link lists and credit lines
    in them); when they match nothing, the page is extracted as usual. Metadata still come
    from the whole page. Invalid selectors raise ValueError.""",
        everyday=True,
    )
    exclude: str | None = _option(
        None,
        "select",
        """
    CSS selectors of subtrees that are never part of the body, pruned before scoring as
    chrome is (their blocks read reason ``pruned``, pruned_by ``excluded``). Invalid selectors
    raise ValueError.""",
        everyday=True,
    )
    target_language: str | None = _option(
        None,
        "output",
        """
    Languages wanted (comma-separated tags, ``en`` or ``de,fr``; a primary language matches
    its regional variants): the command line skips pages identified as another language
    (no output, counted in the summary) and keeps pages whose language is unknown. The
    library never skips: callers compare `Article.language` themselves.""",
        everyday=True,
    )
    include_links: bool = _option(
        False,
        "output",
        """
    Record the links inside the text (`Block.links`), for the markdown and HTML formats.
    Never changes the text or which blocks are kept.""",
        everyday=True,
    )
    include_images: bool = _option(
        False,
        "output",
        """
    Record the images inside the article (`Block.images`), for the markdown and HTML
    formats. Never changes the text or which blocks are kept.""",
        everyday=True,
    )
    include_formatting: bool = _option(
        False,
        "output",
        """
    Record bold, italic, inline code, sub- and superscript inside the text (`Block.marks`),
    for the markdown and HTML formats (``--formatting``). Never changes the text or which
    blocks are kept.""",
        everyday=True,
    )
    include_comments: bool = _option(
        False,
        "comments",
        """
    Fill `Article.comments` with the readers' comments on the page (text, and author and
    date where the page gives them). Never changes the body.""",
    )
    comments_max_count: int = _option(
        1000,
        "comments",
        """
    At most this many comments are returned.""",
    )
    comment_min_length: int = _option(
        2,
        "comments",
        """
    A comment holds at least this much text of its own.""",
    )
    comment_date_window: int = _option(
        300,
        "comments",
        """
    Characters at the start and at the end of a comment's text searched for a date (a
    signature line), when it has no element named as its date or author.""",
    )
    comment_date_max_length: int = _option(
        12,
        "comments",
        """
    An element named as a comment's date ("comment-date", "comment-meta") is one when its
    text has a date and is at most this long.""",
    )
    comment_author_max_length: int = _option(
        12,
        "comments",
        """
    An author's name is at most this long (longer, it is text, not a name).""",
    )
    comment_list_max_depth: int = _option(
        3,
        "comments",
        """
    Levels below a comment section searched for a run of look-alike items, when the page
    does not name its comments.""",
    )
    comment_min_items: int = _option(
        2,
        "comments",
        """
    Such a run has at least this many items.""",
    )
    body_only: bool = _option(
        False,
        "output",
        """
    Extract the body only: the metadata fields (title, dates, authors, site name...) stay
    empty (None, ``()``) and that stage's cost is skipped; the body, the blocks and the
    score are the same either way.""",
        everyday=True,
    )
    page_view: bool = _option(
        False,
        "output",
        """
    Fill `Article.regions` and `Article.sources` (the page's nesting of containers, and
    the blocks that show the title, date and byline): what the ``--explain-html`` report
    draws as a view of the page, which turns it on. Off, they stay empty and a page costs
    about 3% less; the other fields are the same either way.""",
    )
    block_classes_max_chars: int = _option(
        200,
        "output",
        """
    `Block.classes`, and each class word in `Block.path`, are cut to this many characters:
    they repeat on every block of their container, and a 100,000-character class would make
    the block reports (JSON with blocks, ``--explain-html``) gigabytes.""",
    )
    block_path_levels: int = _option(
        6,
        "output",
        """
    `Block.path` names at most this many levels of elements above the block (the nearest
    ones): enough to tell a page's regions apart, short enough to repeat on every block.""",
    )
    compiled_walk: bool = _option(
        True,
        "output",
        """
    Walk the DOM with the compiled kernel (``declutter._walk``) when it is built and
    passed its self-test; False walks in Python. The result is identical either way (for
    tests and speed comparisons).""",
    )

    utf8_tolerated_errors: float = _option(
        0.002,
        "decode",
        """
    Share of undecodable bytes under which a page is still read as UTF-8.""",
    )

    meta_max_value_chars: int = _option(
        2000,
        "metadata",
        """
    Meta and link values are cut to this many characters (guards against huge attributes).""",
    )
    meta_max_elements: int = _option(
        1000,
        "metadata",
        """
    At most this many ``<meta>`` and ``<link>`` elements are read per page (real pages
    have a few dozen; 300,000 ``article:tag`` metas would cost seconds).""",
    )
    jsonld_max_chars: int = _option(
        1_000_000,
        "metadata",
        """
    JSON-LD scripts longer than this are not parsed.""",
    )
    jsonld_max_objects: int = _option(
        500,
        "metadata",
        """
    At most this many JSON-LD objects are visited per page.""",
    )
    title_max_chars: int = _option(
        300,
        "metadata",
        """
    A heading longer than this (characters) is not a headline candidate.""",
    )
    title_max_candidates: int = _option(
        60,
        "metadata",
        """
    At most this many heading elements are compared with the title references.""",
    )
    title_h1_min_chars: int = _option(
        4,
        "metadata",
        """
    Letters and digits a lone ``<h1>`` (or a headline without its kicker) needs to be taken
    as the headline when the declared titles disagree with every displayed heading.""",
    )
    title_anchor_min_share: float = _option(
        0.6,
        "metadata",
        """
    When no element shows the headline as chosen, an h1 that holds it, or that it holds,
    with at least this share of its characters, is where bylines and dates are searched.""",
    )
    title_qualified_min_share: float = _option(
        0.6,
        "metadata",
        """
    A displayed heading that is the declared title without a qualifier after it ("Headline,
    Place", "Headline (2021/5)") is the headline when it has at least this share of the
    declared title's characters.""",
    )
    title_site_only_min_share: float = _option(
        0.5,
        "metadata",
        """
    A declared title that ends with a separator and nothing after it is the site's name
    alone (no title reference: "National Rail Enquiries -" on nationalrail.co.uk) when it
    starts with a site name that has at least this share of its characters.""",
    )
    title_body_lines: int = _option(
        3,
        "metadata",
        """
    Without any declared title, a heading that is one of the body's first this many lines
    is the headline before the page's first heading (a menu's or a sidebar's).""",
    )
    title_block_max_words: int = _option(
        25,
        "metadata",
        """
    Without any title reference or heading, the body's first line shown in large or bold
    type is the headline when it has at most this many words (CJK characters count as
    words).""",
    )
    title_site_hints: int = _option(
        1,
        "metadata",
        """
    Segments of the declared title beside the headline taken as site names (refused as
    authors), outermost first: the next one may be the blog's or its author's own name
    ("标题 - 好看的hk - 博客园").""",
    )
    title_max_copies: int = _option(
        3,
        "metadata",
        """
    Bylines and dates are searched after at most this many copies of the headline.""",
    )
    body_end_max_nodes: int = _option(
        3,
        "metadata",
        """
    At most this many places where the body's last line appears in the page are searched
    for a credit line after the article.""",
    )
    byline_window: int = _option(
        300,
        "metadata",
        """
    Characters of text after each headline copy (and after the article) searched for the
    byline.""",
    )
    date_window: int = _option(
        500,
        "metadata",
        """
    Characters of text after each headline copy searched for the printed date (a standfirst
    may come between the headline and the dateline).""",
    )
    date_window_before: int = _option(
        120,
        "metadata",
        """
    Characters of text just before the headline searched for a date (kicker lines).""",
    )
    byline_max_nodes: int = _option(
        400,
        "metadata",
        """
    Nodes the walk after (or before) a headline may visit.""",
    )
    byline_span_chars: int = _option(
        80,
        "metadata",
        """
    Characters after a byline label ("By", "Von") read for names when no stop (a line end,
    a date, a bar) ends the credit sooner.""",
    )
    byline_dated_name_lines: int = _option(
        3,
        "metadata",
        """
    An unlabelled name beside the date on its own line ("11.12.2019 - Amelie Loevenich")
    is the byline when it is among this many lines under the headline.""",
    )
    byline_dated_name_min_words: int = _option(
        2,
        "metadata",
        """
    ...and when it has at least this many words.""",
    )
    byline_date_prefix_chars: int = _option(
        40,
        "metadata",
        """
    A byline label after a date on its line ("Posted on September 21, 2020 by X") counts
    when the line up to it has at most this many characters and holds a full date.""",
    )
    byline_han_span_chars: int = _option(
        40,
        "metadata",
        """
    The same for a Chinese label ("作者：", "记者"), in characters.""",
    )
    byline_max_han_credit: int = _option(
        12,
        "metadata",
        """
    A Chinese credit longer than this many characters is a description ("XX中心研究部部长、
    研究员徐占忱"): only a name after a job title is taken from it.""",
    )
    byline_lower_label_min_words: int = _option(
        2,
        "metadata",
        """
    A lower-case preposition ("by", "von") labels a byline only before a name of at least
    this many words, or on a line of its own ("by Taboola" in a widget is none).""",
    )
    byline_prose_min_words: int = _option(
        2,
        "metadata",
        """
    A capitalised name that runs on into lower-case words ("Jane Doe reports") is kept only
    with at least this many words: "Von Kopf bis Fuß" is prose, not a credit of "Kopf".""",
    )
    site_brand_han_chars: int = _option(
        2,
        "metadata",
        """
    Two Chinese names that share their first this many characters are one brand ("新浪财经",
    "新浪网"): a credit of the site's brand is not an author.""",
    )
    body_byline_window: int = _option(
        300,
        "metadata",
        """
    Characters at the start and at the end of the body searched for a credit line.""",
    )
    body_end_probe_chars: int = _option(
        16,
        "metadata",
        """
    Characters of the body's last line looked up in the page to find where the article
    ends (the credit line after it is searched too).""",
    )
    body_end_scope_levels: int = _option(
        5,
        "metadata",
        """
    The article's end is looked for under the headline's ancestor this many levels up
    (the whole page when there is no headline).""",
    )
    body_end_probes: int = _option(
        2,
        "metadata",
        """
    How many pieces of that last line are looked up before giving up.""",
    )
    author_max_names: int = _option(
        8,
        "metadata",
        """
    Names kept from one credit.""",
    )
    author_max_han: int = _option(
        10,
        "metadata",
        """
    Han characters an author or account name may have.""",
    )
    author_max_words: int = _option(
        5,
        "metadata",
        """
    Words a name in other scripts may have.""",
    )
    author_max_chars: int = _option(
        60,
        "metadata",
        """
    Characters an author name may have.""",
    )
    author_max_elements: int = _option(
        30,
        "metadata",
        """
    Author-marked elements (class/itemprop/rel) whose text is read per page (those in
    comment, teaser or widget blocks are passed over and not counted).""",
    )
    date_min_year: int = _option(
        1990,
        "metadata",
        """
    Dates before this year are rejected as implausible.""",
    )
    date_clock_skew_hours: float = _option(
        14.0,
        "metadata",
        """
    A date without zone may lie this far after `reference_time` (time zones differ).""",
    )
    date_max_elements: int = _option(
        30,
        "metadata",
        """
    Date-marked elements (``time``, class/id with date/time) examined per page.""",
    )
    language_sample_chars: int = _option(
        2000,
        "metadata",
        """
    Characters of title and body whose script decides the language when none is declared.""",
    )
    language_min_script_share: float = _option(
        0.1,
        "metadata",
        """
    Share of the sample's letters a script needs to decide the language (kana first).""",
    )
    language_min_text: int = _option(
        8,
        "metadata",
        """
    Measure (words, CJK characters) the sample needs before py3langid (the ``language``
    extra) identifies its language; shorter samples fall back on the script.""",
    )
    language_mixed_script_share: float = _option(
        0.03,
        "metadata",
        """
    Share of the sample's letters a non-Latin script needs for py3langid to read only the
    sample's text outside ASCII (code and Latin terms outweigh Chinese in a code blog).""",
    )
    language_min_confidence: float = _option(
        0.8,
        "metadata",
        """
    py3langid's probability an identification needs to be trusted (when the markup declares
    no language, or to be compared with the declaration).""",
    )
    language_override_text: int = _option(
        40,
        "metadata",
        """
    Measure the sample needs before its identification replaces a declaration naming another
    language.""",
    )
    language_override_confidence: float = _option(
        0.99,
        "metadata",
        """
    py3langid's probability an identification needs to replace a declaration naming another
    language (templates copy ``lang="en"`` onto pages in any language).""",
    )
    date_element_max_chars: int = _option(
        120,
        "metadata",
        """
    A date-marked element with more text than this is a container, not a date.""",
    )
    date_label_scan_chars: int = _option(
        100_000,
        "metadata",
        """
    When no other source dates the page, this many characters of its text are searched for
    a date right after a publication label ("veröffentlicht am", "Posted on", "Datum:").""",
    )
    date_script_scan_chars: int = _option(
        500_000,
        "metadata",
        """
    When no other source dates the page, this many characters of its scripts are searched
    for a publication date in their JSON (``"createdAt": "2022-01-31T15:58:43+01:00"``).""",
    )
    date_line_max_chars: int = _option(
        60,
        "metadata",
        """
    A line near the headline at most this long that holds a date with its year is a
    dateline: the day it prints dates the page when the declared date names another day (a
    date in a longer line is prose or a caption).""",
    )
    date_context_levels: int = _option(
        6,
        "metadata",
        """
    Ancestors of a date element searched for a comment, a related list, a sidebar or an
    embedded post, whose dates are other posts' (a page wrapper named after its sidebar is
    further up).""",
    )
    date_label_window: int = _option(
        48,
        "metadata",
        """
    Characters after a publication label in which its date must start.""",
    )
    date_label_max_hits: int = _option(
        40,
        "metadata",
        """
    Publication labels tried per page before giving up.""",
    )
    max_keywords: int = _option(
        30,
        "metadata",
        """
    Keywords kept per page, for `Article.tags` and for `Article.categories` each.""",
    )

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
         "language_mixed_script_share", "language_min_confidence", "language_override_confidence",
         "parse_budget_share"),
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
     "document_full_paragraphs", "document_full_datelines", "document_full_page_share")
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

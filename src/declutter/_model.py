"""The values declutter returns: an `Article` and the `Block` decisions behind it."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Final, NamedTuple

from ._reasons import Reason

__all__ = [
    "DESCRIPTIVE_FIELDS", "MARK_KINDS", "METADATA_FIELDS", "RECORD_FIELDS", "Article", "Block", "Comment",
    "Image", "Link", "Mark", "Region", "ScorePart", "Source",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Link:
    """A link inside a block's text (recorded when `Options.include_links` is set)."""

    text: str
    """The linked words, as they appear in `Block.text`."""
    url: str
    """The ``href`` as written in the page (relative URLs are resolved when rendering)."""


@dataclass(frozen=True, slots=True)
class Image:
    """An image met before a block's text (recorded when `Options.include_images` is set)."""

    url: str
    """The image's ``src`` (or its lazy-loading ``data-src``), as written in the page."""
    alt: str = ""
    """The ``alt`` text."""
    title: str = ""
    """The ``title`` attribute."""


MARK_KINDS = ("bold", "italic", "code", "sub", "sup")
"""The inline formatting `Mark.kind` names: ``<b>``/``<strong>``, ``<i>``/``<em>``,
``<code>``/``<kbd>``/``<samp>``/``<tt>``, ``<sub>`` and ``<sup>``."""


@dataclass(frozen=True, slots=True)
class Mark:
    """Inline formatting over ``Block.text[start:end]`` (recorded when
    `Options.include_formatting` is set); the span never begins or ends with whitespace."""

    kind: str
    """One of `MARK_KINDS`."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Comment:
    """One reader comment (`Article.comments`, with `Options.include_comments`)."""

    text: str
    """What the reader wrote, one line per paragraph, without the author, the date and the
    reply links."""
    author: str | None = None
    """The name the comment is signed with, when the page gives one."""
    date: str | None = None
    """When it was posted, as the page states it (a ``<time>``'s ``datetime`` when there is
    one, else the text: "March 3, 2012 at 9:20 am")."""


class ScorePart(NamedTuple):
    """One doubt behind `Article.score`: the score is
    ``1 / (1 + exp(-(Options.document_bias - sum(value * weight))))``."""

    name: str
    """What the doubt measures (see ``docs/document-score.md``), e.g. ``runner-up``."""
    value: float
    """How strong the doubt is on this page, 0.0 (none) to 1.0."""
    weight: float
    """Its weight in the score's logit (an `Options` field)."""


class Block(NamedTuple):
    """One run of text on the page and the decision taken about it.

    Blocks come in document order. Their features are what the scorer saw, so a caller can
    ask why a paragraph was kept or dropped (`kept`, `reason`, `score`). Immutable (a typed
    named tuple: pages have hundreds of blocks, and it is the cheapest immutable record).
    """

    index: int  # type: ignore[assignment]  # the field shadows tuple.index on purpose
    """Position among the page's blocks, in document order."""
    text: str
    """The block's text, whitespace normalised; lines broken by `<br>` are kept as ``\\n``."""
    tag: str
    """Tag of the element that holds the text (``p``, ``li``, ``h2``, ``td``, ``div``...)."""
    kind: str
    """``paragraph``, ``heading``, ``list-item``, ``quote``, ``code``, ``cell``, ``caption``
    or ``pruned`` (a whole region removed by the prune stage before scoring)."""
    path: str
    """Tag path from ``body``, with classes, e.g. ``body>div.main>article>p``."""
    depth: int
    """Number of elements between ``body`` and the block's element."""
    length: int
    """Text measure: CJK characters plus words of other scripts."""
    link_length: int
    """The same measure over the text inside links."""
    punctuation: int
    """Number of sentence punctuation marks (Latin and CJK)."""
    element_count: int
    """Number of elements inside the block (inline markup included)."""
    position: float
    """Where the block sits on the page, 0.0 (top) to 1.0 (bottom)."""
    score: float
    """Content score given by the score stage (positive: content-like)."""
    kept: bool
    """Whether the block is part of the extracted body."""
    reason: Reason
    """Why it was kept or dropped (a `Reason`: ``content``, ``link-dense``, ``pruned``...;
    ``reason.meaning`` says what it means in one sentence)."""
    heading_level: int = 0
    """1-6 for headings, else 0."""
    classes: str = ""
    """Class and id of the element that holds the text, as written in the page."""
    pruned_by: str = ""
    """For ``pruned`` blocks, what pruned them: ``<kind>:<detail>`` (``class:share``,
    ``role:navigation``, ``chrome:nav``, ``hidden``, ``form``, ``excluded``), else empty."""

    # Structure, for renderers (``-1``: not inside such an element). Ids are those of the
    # page's elements in one walk: equal ids mean the same element, within one `Article`.
    list_depth: int = 0
    """Number of lists (``ul``, ``ol``, ``dl``...) around the block."""
    list_ordered: bool = False
    """The innermost list is an ``<ol>``."""
    list_number: int = 0
    """Number of the block's item in an ordered list (``start``/``value`` honoured), else 0."""
    list_id: int = -1
    """Id of the innermost list."""
    list_item: int = -1
    """Id of the item (``li``, ``dt``, ``dd``) of the innermost list the block belongs to."""
    quote_depth: int = 0
    """Number of ``<blockquote>`` around the block."""
    quote_id: int = -1
    """Id of the innermost ``<blockquote>``."""
    table_id: int = -1
    """Id of the innermost ``<table>``."""
    table_row: int = -1
    """Row of the block's cell in that table, from 0 (``thead`` rows included)."""
    table_column: int = -1
    """Column of the block's cell, from 0 (earlier cells' ``colspan`` counted)."""
    table_header: bool = False
    """The cell is a ``<th>`` or sits in ``<thead>``."""
    table_data: bool = False
    """The block is a cell of a data table (one rule: the text writes its rows as lines of
    tab-separated cells, Markdown and HTML as a grid); else a layout table's or none."""
    links: tuple[Link, ...] = ()
    """Links inside the text, in order (only with `Options.include_links`)."""
    images: tuple[Image, ...] = ()
    """Images met since the previous block (only with `Options.include_images`)."""
    marks: tuple[Mark, ...] = ()
    """Bold, italic, code, sub- and superscript spans of the text, in order of their start
    (only with `Options.include_formatting`)."""

    @property
    def link_ratio(self) -> float:
        """Share of the block's text measure that sits inside links."""
        return self.link_length / self.length if self.length else 0.0

    @property
    def text_density(self) -> float:
        """Text measure per element (CETD's text density)."""
        return self.length / (self.element_count + 1)

    def to_dict(self) -> dict[str, Any]:
        """The block's fields and derived features as plain JSON-able values."""
        out = self._asdict()
        out["links"] = [asdict(link) for link in self.links]
        out["images"] = [asdict(image) for image in self.images]
        out["marks"] = [asdict(mark) for mark in self.marks]
        out["link_ratio"] = round(self.link_ratio, 4)
        out["text_density"] = round(self.text_density, 4)
        return out


class Region(NamedTuple):
    """A block-level element of the page that holds text (`Article.regions`): the nesting
    of the page's containers, which the HTML report draws."""

    first: int
    """Index of its first block (`Article.blocks`)."""
    end: int
    """One past the index of its last block: it holds ``blocks[first:end]``."""
    depth: int
    """Number of elements between ``body`` and the element (as `Block.depth`)."""
    tag: str
    """The element's tag."""
    classes: str
    """Its class and id, cut as `Block.classes` is."""
    score: float
    """The score stage's content score of the element as a candidate article (0.0 when the
    caller's include selectors named the article)."""
    best: bool
    """The best-scoring element: the core of the article region the select stage chose."""


class Source(NamedTuple):
    """Where the page shows a metadata value (`Article.sources`)."""

    field: str
    """The `Article` field: ``title``, ``date`` or ``authors``."""
    origin: str
    """What gave it: ``heading`` (a displayed heading that a declared title agrees with),
    ``declared`` (only a declared title), or for dates `Article.date_source`, for
    authors ``printed`` (the block prints the credited name)."""
    block: int
    """Index of the block that shows it (`Article.blocks`): the headline's, the ``<time>``
    element's, else the first block from the headline on that prints the value (a declared
    date's day, a credited name); -1 when no block does."""


_NOT_IN_RECORD = frozenset(("blocks", "score_parts", "regions", "sources"))
"""`Article` fields that `Article.to_dict` leaves out: the explanation, not the extraction."""


_FROM_METADATA: Final = "metadata"
"""`Article` field marker: the metadata stage finds the value (the rest come from the
pipeline: the body stage, the document score, the decoder)."""


def _field(
    default: Any, *, source: str = "pipeline", describes: bool = False, repr: bool = True
) -> Any:
    """An `Article` field: where its value comes from, and whether it `describes` the article
    (the formats show those fields as its metadata: a Markdown front matter, HTML meta)."""
    return field(default=default, repr=repr, metadata={"source": source, "describes": describes})


@dataclass(frozen=True, slots=True)
class Article:
    """The extracted article. Every field is set; absent metadata is ``None`` or empty.

    The fields are declared here once: the JSON, CSV and Dask schemas, the formats' metadata
    and the metadata stage's result are derived from this declaration.
    """

    body: str = _field("")
    """Plain text of the article body, paragraphs separated by one blank line."""
    title: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """The article's headline, without the site name."""
    authors: tuple[str, ...] = _field((), source=_FROM_METADATA, describes=True)
    """Credited authors, in page order."""
    date: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """Publication date, ISO 8601, as precise as the page states (``2025-06-21T06:34``)."""
    date_modified: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """Last modification date, ISO 8601, when the page states one apart from `date`."""
    date_source: str | None = _field(None, source=_FROM_METADATA)
    """Where `date` was found: ``json-ld``, ``meta``, ``time``, ``text``, ``url``."""
    url: str | None = _field(None, describes=True)
    """The URL the caller passed, else the page's canonical URL."""
    canonical_url: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """``<link rel=canonical>`` or ``og:url``."""
    site_name: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """Name of the publishing site."""
    description: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """The page's summary (``og:description``/``description`` meta)."""
    language: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """BCP 47 language tag: the markup's, the text's identified language (with the
    ``language`` extra), or the one of the text's script (see `language_source`)."""
    language_source: str | None = _field(None, source=_FROM_METADATA, describes=False)
    """Where `language` was found: ``markup``, ``text`` (identified by py3langid, which
    overrules a declaration the text clearly contradicts) or ``script``."""
    image: str | None = _field(None, source=_FROM_METADATA, describes=True)
    """URL of the lead image."""
    tags: tuple[str, ...] = _field((), source=_FROM_METADATA, describes=True)
    """Keywords/tags the page declares."""
    categories: tuple[str, ...] = _field((), source=_FROM_METADATA, describes=True)
    """Sections/categories the page declares."""
    score: float = _field(0.0)
    """Confidence that the page holds an article and the body is it, 0.0 to 1.0 (how to
    read it: ``docs/document-score.md``; its parts: `score_parts`)."""
    truncated: bool = _field(False)
    """True when a size, node or time limit in `Options` cut the work short."""
    encoding: str | None = _field(None)
    """The character encoding the input bytes were decoded with (``None`` for ``str`` input)."""
    comments: tuple[Comment, ...] = _field(())
    """Reader comments, in page order: only with `Options.include_comments`, else empty."""
    blocks: tuple[Block, ...] = _field((), repr=False)
    """Every text block of the page with its features and decision (see `Block`)."""
    score_parts: tuple[ScorePart, ...] = _field((), repr=False)
    """The doubts `score` is made of, with their weights (empty when nothing is kept)."""
    regions: tuple[Region, ...] = _field((), repr=False)
    """The page's block-level elements that hold text, in document order (see `Region`);
    only with `Options.page_view`, else empty."""
    sources: tuple[Source, ...] = _field((), source=_FROM_METADATA, repr=False)
    """Where the page shows its title, date and authors (see `Source`); only with
    `Options.page_view`, else empty."""

    @property
    def author(self) -> str | None:
        """All authors joined with ``", "``, or ``None`` when none is credited."""
        return ", ".join(self.authors) if self.authors else None

    def to_dict(self, *, include_blocks: bool = False) -> dict[str, Any]:
        """Plain, JSON-able dict of the article (blocks only on request)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name not in RECORD_FIELDS:
                continue
            value = getattr(self, f.name)
            if f.name == "comments":
                value = [asdict(c) for c in value]
            out[f.name] = list(value) if isinstance(value, tuple) else value
        out["author"] = self.author
        if include_blocks:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out

    def to_json(self, *, include_blocks: bool = False, indent: int | None = None) -> str:
        """`to_dict` as a JSON string (UTF-8 text, non-ASCII kept as is)."""
        return json.dumps(
            self.to_dict(include_blocks=include_blocks),
            ensure_ascii=False,
            indent=indent,
            allow_nan=False,
        )

    def to_markdown(self, *, metadata: bool = True) -> str:
        """The article as CommonMark: ``declutter.render(self, "markdown")``."""
        from ._render import render  # the renderers read Article: imported when used

        return render(self, "markdown", metadata=metadata)

    def to_html(self, *, metadata: bool = True) -> str:
        """The article as a clean, safe HTML document: ``declutter.render(self, "html")``."""
        from ._render import render

        return render(self, "html", metadata=metadata)


RECORD_FIELDS = tuple(f.name for f in fields(Article) if f.name not in _NOT_IN_RECORD)
"""The `Article` fields `Article.to_dict` writes, in order (it adds ``author``)."""

METADATA_FIELDS: Final = tuple(
    f.name for f in fields(Article) if f.metadata["source"] == _FROM_METADATA
)
"""The `Article` fields the metadata stage fills, in declaration order."""
DESCRIPTIVE_FIELDS: Final = tuple(f.name for f in fields(Article) if f.metadata["describes"])
"""The `Article` fields that describe the article: the formats' metadata, in their order."""

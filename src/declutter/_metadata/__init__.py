"""The metadata stage: title, dates, authors and the page's other descriptive fields.

Searched across the whole page (the DOM is never pruned), so a byline that sits only in a
second copy of the article is still found. One module per concern:

- `_jsonld`: what the page declares in schema.org JSON-LD (its meta and link tags and its
  <title> come read from the head stage, `.._head`);
- `_title`: the headline, checked against the displayed headings;
- `_zone`: the text printed around the headline, where bylines and dates are;
- `_dateparse`, `_dates`: date parsing and the choice among date sources;
- `_byline`, `_authors`: credit lines and the choice among author sources;
- `_language`, `_extras`: language, site name, description, URL, image, tags;
- `_validate`: plausibility checks, apart from the extractors.
"""

from __future__ import annotations

from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._deadline import NO_DEADLINE, Deadline
from .._head import PageMeta, host_names
from .._headline import split_segments
from .._model import Article
from .._options import Options
from .._text import fold
from . import _extras
from ._authors import find_authors
from ._dates import find_dates
from ._jsonld import read_jsonld
from ._language import find_language
from ._scan import scan
from ._sources import Locate, find_sources
from ._title import choose_title
from ._zone import body_end_nodes, node_lines, text_after, text_before

__all__ = ["extract_metadata"]

# Where dates are written month first (en-US) unless the page says otherwise.
_MONTH_FIRST = frozenset(("en", "en-US"))


def extract_metadata(
    tree: LexborHTMLParser,
    *,
    meta: PageMeta,
    url: str | None,
    body: str,
    options: Options,
    reference_time: datetime | None = None,
    deadline: Deadline = NO_DEADLINE,
    locate: Locate | None = None,
) -> Article:
    """Metadata of the page in `tree`, whose head stage read `meta`, as an `Article` with
    only its metadata fields (`METADATA_FIELDS`) set (`body` is the extracted text, for
    context); the page-sized element lists are read up to `deadline`, the rest is bounded
    by the caps of `options`; `locate` points at the blocks that show the title, date and
    authors (`Article.sources`, left empty without it)."""
    found = scan(tree, deadline)
    jsonld = read_jsonld(tree, max_chars=options.jsonld_max_chars, max_objects=options.jsonld_max_objects,
                         scripts=found.jsonld)  # fmt: skip
    declared_url = (
        next(iter(meta.links.get("canonical", ())), None) or meta.first("og:url") or jsonld.url
    )
    canonical = _extras.absolute(declared_url, url)
    sites = _extras.site_names(meta, jsonld)
    hosts = host_names(url or canonical)
    # (The page object's name last: the main object may be a video or an event on it.)
    references = [
        jsonld.headline, meta.first("og:title"), meta.first("twitter:title"), meta.title,
        meta.first("title", "dc.title", "headline", "sailthru.title", "parsely-title"), jsonld.page_name,
    ]  # fmt: skip
    choice = choose_title(
        tree, found.title, [r for r in references if r], sites + hosts, options, body
    )
    site_name = sites[0] if sites else next(iter(choice.site_hints), None)
    after, before = _headline_zones(choice.nodes, options)
    language = find_language(
        [
            meta.lang,
            meta.first("content-language", "dc.language", "language", "og:locale"),
            jsonld.language,
        ],
        f"{choice.title or ''} {body[: options.language_sample_chars]}",  # what is sampled
        options,
    )
    end_zones = _EndZones(tree, body, next(iter(choice.nodes), None), options)
    dates = find_dates(
        tree, time_elements=found.time, jsonld=jsonld, meta=meta, zones=after + before, end_zones=end_zones, url=url or canonical,
        day_first=language.without_text not in _MONTH_FIRST, options=options, reference_time=reference_time,
        headline=next(iter(choice.nodes), None),
    )  # fmt: skip
    # Host names are left out of the sites: a personal domain is often its author's name
    # ("Daniel Lemire" on lemire.me); only a credit that is the host's name itself is refused.
    known_sites = sites + choice.site_hints
    # No displayed heading shows the title as it is: the byline is still printed under the
    # heading that holds it with a kicker ("Eintracht Presse : <title>"), else under the
    # page's only h1 ("Eignet sich ...?" under a declared "... - Wann es sich lohnt").
    lone_h1 = None if choice.nodes else _anchor(found.title, choice.title, options)
    if lone_h1 is not None:
        after, before = _headline_zones([lone_h1], options)
    authors = find_authors(
        tree, headline_zones=[_cut(z, options.byline_window) for z in after], end_zones=end_zones, body=body, jsonld=jsonld, meta=meta,
        sites=known_sites, hosts=hosts, options=options, before_zones=before,
    )  # fmt: skip
    return Article(
        title=choice.title,
        authors=authors,
        date=dates.date,
        date_modified=dates.modified,
        date_source=dates.source,
        site_name=site_name,
        description=_extras.description(meta, jsonld),
        language=language.tag,
        language_source=language.source.value if language.source else None,
        canonical_url=canonical,
        image=_extras.absolute(_extras.image(meta, jsonld), url or canonical),
        tags=_extras.tags(found.tag_links, meta, jsonld, options),
        categories=_extras.categories(meta, jsonld, options),
        sources=()
        if locate is None
        else find_sources(
            locate,
            title=choice.title,
            headline=next(iter(choice.nodes), None),
            date=dates.date,
            date_source=dates.source,
            time_elements=found.time,
            authors=authors,
            day_first=language.without_text not in _MONTH_FIRST,
            options=options,
        ),
    )


class _EndZones:
    """The text at and after the article's end, found only when a source asks for it (the
    lookup queries the whole DOM; most pages are settled before)."""

    def __init__(
        self, tree: LexborHTMLParser, body: str, headline: LexborNode | None, options: Options
    ) -> None:
        self._tree, self._body, self._options = tree, body, options
        self._headline = headline
        self._zones: list[str] | None = None

    def __call__(self) -> list[str]:
        if self._zones is None:
            o = self._options
            scope = (
                _ancestor(self._headline, o.body_end_scope_levels)
                if self._headline is not None
                else None
            )
            scope = scope or self._tree.root
            ends = body_end_nodes(
                scope, self._body, probe_chars=o.body_end_probe_chars, probes=o.body_end_probes,
                max_nodes=o.body_end_max_nodes,
            ) if scope is not None else []  # fmt: skip
            self._zones = [
                # The element's own text ends with the signature line; the credit block follows.
                # (One line per text node: "...stock.adobe.com<br>Autor: X" is two lines.)
                node_lines(node, deep=False)[-o.byline_window :] + "\n"
                + text_after(node, max_chars=o.byline_window, max_nodes=o.byline_max_nodes)
                for node in ends
            ]  # fmt: skip
        return self._zones


def _headline_zones(nodes: list[LexborNode], options: Options) -> tuple[list[str], list[str]]:
    """The text after each headline node and before the first: where bylines and datelines
    are printed. A node can be listed twice (see `_scan`): its text is read once."""
    windows: dict[int, str] = {}
    after = [
        windows[node.mem_id] if node.mem_id in windows else windows.setdefault(
            node.mem_id, text_after(node, max_chars=options.date_window, max_nodes=options.byline_max_nodes)
        )
        for node in nodes
    ]  # fmt: skip
    before = [
        text_before(node, max_chars=options.date_window_before, max_nodes=options.byline_max_nodes)
        for node in nodes[:1]
    ]
    return after, before


def _anchor(
    headings: list[tuple[LexborNode, int]], title: str | None, options: Options
) -> LexborNode | None:
    """The first headline candidate whose text holds `title` (its longest segment: "Title -
    Section - Site"), else the page's only <h1>."""
    key = fold(max(split_segments(title) or [title], key=len)) if title else ""
    if key:
        for node, _ in headings[: options.title_max_candidates]:
            raw = node.text(deep=True)
            if len(raw) <= options.title_max_chars and key in fold(raw):
                return node
    h1s = {node.mem_id: node for node, _ in headings if node.tag == "h1"}
    return next(iter(h1s.values())) if len(h1s) == 1 else None


def _ancestor(node: LexborNode, levels: int) -> LexborNode | None:
    for _ in range(levels):
        parent = node.parent
        if parent is None or parent.tag in ("html", "#document"):
            break
        node = parent
    return node


def _cut(text: str, limit: int) -> str:
    """`text` cut after `limit` characters, at the end of the line reached (names stay whole)."""
    if len(text) <= limit:
        return text
    end = text.find("\n", limit)
    return text if end == -1 else text[:end]

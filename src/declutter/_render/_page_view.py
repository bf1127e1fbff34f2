"""The explain report's view of the page: its text in its own block structure, with every
decision drawn over it.

`page` nests the page's regions (`Article.regions`: the block-level elements that hold
text) as boxes around the blocks, in document order. Headings stay headings, list items
list items, table rows and cells a grid (CSS table display, which lays out even a row
whose wrapper the view leaves out). Each block is outlined in the colour of its decision
(kept, dropped, pruned; the headline as the title) and labelled with its reason; a region
whose blocks share one decision is outlined in its colour, the chosen container
(`Region.best`) in blue, and the blocks that show the title, date and byline
(`Article.sources`) carry a marker. Hovering a block or a region shows its features (a
``title`` tooltip: the report's policy forbids scripts). `summary` is the header above it:
the scores, the metadata and where each was found, and the legend.

Bounded: one box per region (wrappers around the same blocks are one box), none deeper
than `MAX_NESTING`; labels cut to `_LABEL_CHARS`, tooltips to `_TIP_CHARS`, dropped text
to `_MAX_SHOWN_CHARS`. The output is linear in the page's size.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .._reasons import PruneKind, Reason
from . import _meta
from ._html import escape

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article, Block, Region, Source

__all__ = ["MAX_NESTING", "STYLESHEET", "decision", "label", "legend", "page", "summary"]

MAX_NESTING = 24
"""Region boxes open at once, at most: deeper regions' blocks sit in the deepest box."""
_LABEL_CHARS = 60
"""A region's visible label (its tags and first class words), at most."""
_TIP_CHARS = 400
"""A tooltip (the features of a block or region), at most."""
_PATH_CHARS = 160
"""The end of a block's tag path that its tooltip shows."""
_MAX_SHOWN_CHARS = 600
"""Dropped text beyond this is cut in the report (a pruned footer can hold pages)."""
_META_CHARS = 300
"""A metadata value in the summary, at most."""
_MIN_BOX_BLOCKS = 2
"""A region around fewer blocks is drawn as its block (the block is its outline)."""
_PAGE_TAGS = frozenset(("html", "body"))
"""Regions that are the whole page: not drawn."""

# Region tags laid out as the page lays them out (the rest are plain boxes).
_DISPLAY = {
    "table": "tbl", "thead": "trg", "tbody": "trg", "tfoot": "trg", "tr": "tr", "td": "td",
    "th": "td", "ul": "list", "ol": "list", "dl": "list", "menu": "list", "li": "li",
    "dt": "li", "dd": "li", "blockquote": "quote",
}  # fmt: skip
_UNLABELLED = frozenset(("trg", "tr", "td", "li"))
"""Displays where a visible label would break the layout (the tooltip still says it)."""
_BLOCK_CLASS = {
    "list-item": " li",
    "cell": " td",
    "quote": " quote",
    "caption": " cap",
    "code": " code",
}

# kind of outline: (CSS class, colour, what it means); the colours are those of the
# previous card layout, which tests and habits know.
_KEYS = (
    ("k", "#1e8e3e", "kept", "Kept: part of the extracted body."),
    ("d", "#d93025", "dropped", "Dropped: on the page, not in the body."),
    ("x", "#80868b", "pruned", "Pruned: a region removed before scoring."),
    (
        "t",
        "#8e24aa",
        "title",
        "The element the title was taken from (the headline: the title, not body text).",
    ),
    (
        "best",
        "#1a73e8",
        "chosen container",
        "The best-scoring container: the core of the article region.",
    ),
    (
        "mk",
        "#b06000",
        "date / byline",
        "The block that shows the article's date or its credited author.",
    ),
)
STYLESHEET = (
    "body{margin:0;background:#f4f4f1;color:#1d1d1d;font:15px/1.45 system-ui,sans-serif}"
    "header.sum{background:#fff;border-bottom:1px solid #ccc;padding:12px 24px}"
    "header.sum h1{font-size:1.3em;margin:0 0 4px}"
    ".facts,.sum table,.lab,.why,.mk{font:12px/1.4 ui-monospace,monospace}"
    ".facts{margin:0 0 6px;color:#555}"
    ".sum table{border-collapse:collapse;color:#333}.sum td,.sum th{padding:1px 10px 1px 0;"
    "vertical-align:top;text-align:left}.sum td:first-child,.meta td:nth-child(2){white-space:nowrap}"
    ".key{display:inline-block;width:1.4em;height:.9em;vertical-align:middle;margin-right:4px;"
    "border:3px solid;background:#fff}"
    + "".join(f".key.{cls}{{border-color:{colour}}}" for cls, colour, _, _ in _KEYS)
    + ""
    "main.page{max-width:64em;margin:0 auto;padding:12px 24px 48px;background:#fff}"
    ".r{outline:1px dashed #bbb;outline-offset:-1px;margin:6px 0;padding:14px 6px 4px;"
    "position:relative}"
    ".r.rk{outline:2px solid #1e8e3e}.r.rd{outline:2px solid #d93025}"
    ".r.rx{outline:2px solid #80868b}"
    ".r.best{outline:4px solid #1a73e8;outline-offset:2px}"
    ".r:hover{background:#f5f9ff}"
    ".lab{position:absolute;top:0;left:4px;color:#666;white-space:nowrap;overflow:hidden;"
    "max-width:95%}"
    ".r.best>.lab{color:#1a73e8;font-weight:600}"
    ".tbl{display:table;border-collapse:separate;border-spacing:2px;padding:2px}"
    ".trg{display:table-row-group}.tr{display:table-row}.td{display:table-cell;"
    "vertical-align:top}"
    ".list{padding-left:1.6em}.li{display:list-item;list-style:disc outside;margin-left:1.2em}"
    ".r.li>.b.li{list-style:none;margin-left:0}"
    ".quote{margin-left:1.5em;font-style:italic}.cap{font-size:.9em}"
    ".code{font-family:ui-monospace,monospace;white-space:pre-wrap}"
    ".b{margin:4px 0;padding:2px 8px;border-left:6px solid;border-radius:2px}"
    ".b:hover{box-shadow:0 0 0 2px #1d1d1d}"
    ".b.k{border-color:#1e8e3e;background:#e6f4ea}"
    ".b.d{border-color:#d93025;background:#fce8e6;color:#5f2120}"
    ".b.x{border-color:#80868b;background:#ececec;color:#5f6368;font-size:.85em}"
    ".b.t{border-color:#8e24aa;background:#f3e5f5;outline:2px solid #8e24aa}"
    ".b.src{box-shadow:inset 0 0 0 2px #b06000}"
    ".why{display:inline-block;margin-right:6px;padding:0 4px;border-radius:2px;"
    "background:rgba(0,0,0,.07);font-style:normal;font-weight:400}"
    ".b.t>.why{background:#8e24aa;color:#fff}"
    ".mk{display:inline-block;margin-right:6px;padding:0 4px;border-radius:2px;"
    "background:#b06000;color:#fff;font-style:normal;font-weight:400}"
)
"""The report's only style: constants, so no page content ever reaches CSS."""


def label(block: Block) -> str:
    """The reason as the views show it: a pruned block's says what pruned it."""
    return f"{block.reason}:{block.pruned_by}" if block.pruned_by else str(block.reason)


def legend(article: Article) -> list[tuple[str, str]]:
    """The meaning of every reason and prune kind the page's blocks carry, in the order of
    their declaration."""
    reasons = {b.reason for b in article.blocks}
    kinds = {b.pruned_by.partition(":")[0] for b in article.blocks if b.pruned_by}
    return [(str(r), r.meaning) for r in Reason if r in reasons] + [
        (f"pruned:{k}", k.meaning) for k in PruneKind if k in kinds
    ]


def decision(block: Block) -> str:
    """``k`` (kept), ``d`` (dropped) or ``x`` (pruned): the block's outline."""
    if block.kind == "pruned":
        return "x"
    return "k" if block.kept else "d"


# ---------------------------------------------------------------- the summary


def summary(article: Article, doubts: str, reasons: list[tuple[str, str]]) -> list[str]:
    """The header: title, scores, metadata with where the page shows them, the legend."""
    counts = Counter(decision(b) for b in article.blocks)
    tally = " · ".join(
        f'<span class="key {cls}"></span>{name} {counts[cls]}' for cls, _, name, _ in _KEYS[:3]
    )
    where = {s.field: s for s in article.sources}
    return [
        '<header class="sum">',
        f"<h1>{escape(article.title or '(no title)')}</h1>",
        f'<p class="facts">document score {article.score:.3f} · {len(article.blocks)} blocks · {tally}'
        + (" · truncated" if article.truncated else "")
        + "</p>",
        f'<p class="facts">{escape(doubts)}</p>',
        '<table class="meta"><tr><th>field</th><th>on the page</th><th>value</th></tr>',
        *(
            f"<tr><td>{escape(name)}</td><td>{_where(where.get(name))}</td>"
            f"<td>{escape(_meta.as_text(value)[:_META_CHARS])}</td></tr>"
            for name, value in _meta.metadata(article)
        ),
        "</table>",
        '<details open><summary class="facts">legend</summary><table class="legend">',
        *(
            f'<tr><td><span class="key {cls}"></span>{name}</td><td>{meaning}</td></tr>'
            for cls, _, name, meaning in _KEYS
        ),
        *(
            f"<tr><td>{escape(name)}</td><td>{escape(meaning)}</td></tr>"
            for name, meaning in reasons
        ),
        "</table></details>",
        "</header>",
    ]


def _where(source: Source | None) -> str:
    if source is None:
        return ""
    if source.block < 0:
        return f"not shown ({escape(source.origin)})"
    return f'<a href="#b{source.block}">block #{source.block}</a> ({escape(source.origin)})'


# ---------------------------------------------------------------- the page


class _Box(NamedTuple):
    """Regions around the same blocks (a wrapper and what it wraps), drawn as one box."""

    first: int
    end: int
    regions: list[Region]

    @property
    def tags(self) -> str:
        return " › ".join(_name(r) for r in self.regions)

    @property
    def display(self) -> str:
        """The outermost layout among the regions (a table around its row group)."""
        return next((_DISPLAY[r.tag] for r in self.regions if r.tag in _DISPLAY), "")

    @property
    def best(self) -> bool:
        return any(r.best for r in self.regions)


def page(article: Article) -> list[str]:
    """The page's blocks inside boxes for its regions, in document order."""
    blocks = article.blocks
    marks = _marks(article)
    outline = _Outlines(blocks)
    out = ['<main class="page">']
    open_ends: list[int] = []  # the end of each open box, innermost last
    boxes = _boxes(article.regions, len(blocks))
    box = next(boxes, None)
    for b in blocks:
        while open_ends and open_ends[-1] <= b.index:
            out.append("</div>")
            open_ends.pop()
        while box is not None and box.first <= b.index:
            fits = not open_ends or box.end <= open_ends[-1]
            if box.first == b.index and fits and len(open_ends) < MAX_NESTING:
                out.append(_open_box(box, outline.of(box.first, box.end)))
                open_ends.append(box.end)
            box = next(boxes, None)
        out.append(_block(b, marks.get(b.index, ())))
    out.extend("</div>" for _ in open_ends)
    out.append("</main>")
    return out


def _boxes(regions: Sequence[Region], n: int) -> Iterator[_Box]:
    """The regions worth a box, in document order (`regions` come parents first)."""
    chain: list[Region] = []
    for r in regions:
        if chain and (r.first, r.end) == (chain[0].first, chain[0].end):
            chain.append(r)
            continue
        if chain:
            yield from _worth(chain, n)
        chain = [r]
    if chain:
        yield from _worth(chain, n)


def _worth(chain: list[Region], n: int) -> Iterator[_Box]:
    chain = [r for r in chain if r.tag not in _PAGE_TAGS]
    if not chain:
        return
    first, end = chain[0].first, min(chain[0].end, n)
    if end - first >= _MIN_BOX_BLOCKS or any(r.best for r in chain):
        yield _Box(first, end, chain)


class _Outlines:
    """Whether the blocks of a slice share one decision, in constant time per slice
    (running counts of each decision)."""

    def __init__(self, blocks: Sequence[Block]) -> None:
        self._counts = {cls: [0] for cls in ("k", "d", "x")}
        for b in blocks:
            mine = decision(b)
            for cls, running in self._counts.items():
                running.append(running[-1] + (cls == mine))

    def of(self, first: int, end: int) -> str:
        """``k``, ``d`` or ``x`` when every block of ``[first, end)`` has it, else ``""``."""
        for cls, running in self._counts.items():
            if running[end] - running[first] == end - first:
                return cls
        return ""


def _open_box(box: _Box, shared: str) -> str:
    region = box.regions[-1]
    scores = max(r.score for r in box.regions)
    classes = "r" + (f" r{shared}" if shared else "") + (" best" if box.best else "")
    if box.display:
        classes += f" {box.display}"
    decided = {"k": "all kept", "d": "all dropped", "x": "all pruned"}.get(shared, "mixed")
    tip = (
        f"{box.tags} · blocks {box.first}-{box.end - 1} · {decided} · container score {scores:.1f}"
        f" · depth {region.depth} · {' '.join(r.classes for r in box.regions if r.classes)}"
    )
    name = box.tags[:_LABEL_CHARS]
    if box.best:
        shown = f'<span class="lab">chosen container · {escape(name)} · score {scores:.1f}</span>'
    elif box.display in _UNLABELLED:
        shown = ""
    else:
        shown = f'<span class="lab">{escape(name)}{" · " + decided if shared else ""}</span>'
    return f'<div class="{classes}" title="{escape(tip[:_TIP_CHARS])}">{shown}'


def _name(region: Region) -> str:
    words = region.classes[:_LABEL_CHARS].split(None, 1)
    return f"{region.tag}.{words[0]}" if words else region.tag


def _marks(article: Article) -> dict[int, list[Source]]:
    out: dict[int, list[Source]] = {}
    for s in article.sources:
        if s.block >= 0:
            out.setdefault(s.block, []).append(s)
    return out


def _block(block: Block, marks: Sequence[Source]) -> str:
    shown = decision(block)
    why = label(block)
    is_title = any(s.field == "title" for s in marks)
    if is_title:
        shown, why = "t", f"title · {why}"
    classes = f"b {shown}{_BLOCK_CLASS.get(block.kind, '')}" + (" src" if marks else "")
    tag = _element(block)
    tip = (
        f"#{block.index} {label(block)} · {block.kind} <{block.tag}> · score {block.score:.1f} · "
        f"length {block.length} · links {block.link_ratio:.2f} · {block.path[-_PATH_CHARS:]}"
    )
    anchor = f' id="b{block.index}"' if marks else ""
    markers = "".join(
        f'<span class="mk">{_FIELD_NAMES[s.field]}</span>' for s in marks if s.field != "title"
    )
    number = f"{block.list_number}. " if block.list_ordered and block.list_number else ""
    return (
        f'<{tag}{anchor} class="{classes}" title="{escape(tip[:_TIP_CHARS])}">'
        f'<span class="why">{escape(why)}</span>{markers}{number}{_text(block)}</{tag}>'
    )


_FIELD_NAMES = {"title": "title", "date": "date", "authors": "byline"}


def _element(block: Block) -> str:
    if block.kind == "heading" and 1 <= block.heading_level <= 6:
        return f"h{block.heading_level}"
    return "pre" if block.kind == "code" else "div"


def _text(block: Block) -> str:
    text = block.text
    if not block.kept and len(text) > _MAX_SHOWN_CHARS:
        text = f"{text[:_MAX_SHOWN_CHARS]} … ({len(text) - _MAX_SHOWN_CHARS} more characters)"
    return escape(text).replace("\n", "<br>")

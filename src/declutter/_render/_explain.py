"""Why each block was kept or dropped: a text table, and a self-contained HTML report.

The report lists every block of the page in document order, coloured by the decision
(kept green, dropped red, pruned regions grey), with its reason, kind, score, length,
link ratio and path, and a bar for its score. It is one file: no script, no stylesheet
(only fixed inline ``style`` attributes that never hold page content), no image or font to
load, and a Content-Security-Policy that forbids all of them. The page's text is escaped.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .._reasons import PruneKind, Reason
from . import _meta
from ._html import escape, head

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article, Block

__all__ = ["CSP", "explain_html", "explain_table"]

CSP = "default-src 'none'; style-src 'unsafe-inline'"
_PREVIEW_CHARS = 70
_EXPLAIN_HEADER = (
    f"{'block':>5} {'':4} {'reason':24} {'kind':10} {'length':>6} {'links':>5} {'score':>8}  "
    f"{'path':40}  text"
)
_MAX_SHOWN_CHARS = 600
"""Dropped text beyond this is cut in the report (a pruned footer can hold pages)."""
_BAR_PX_PER_POINT = 2
_MAX_BAR_PX = 240


def explain_table(article: Article) -> str:
    """One line per block: decision, reason, features and the start of its text."""
    rows = [f"document score {article.score:.3f}", _EXPLAIN_HEADER]
    for b in article.blocks:
        preview = b.text.replace("\n", " ")[:_PREVIEW_CHARS]
        rows.append(
            f"{b.index:5d} {'KEEP' if b.kept else 'drop'} {_label(b)[:24]:24} {b.kind[:10]:10} "
            f"{b.length:6d} {b.link_ratio:5.2f} {b.score:8.1f}  {b.path[-40:]:40}  {preview}"
        )
    rows += ["", "reasons:", *(f"  {name:24} {meaning}" for name, meaning in _legend(article))]
    return "\n".join(rows) + "\n"


def _label(block: Block) -> str:
    """The reason as the views show it: a pruned block's says what pruned it."""
    return f"{block.reason}:{block.pruned_by}" if block.pruned_by else str(block.reason)


def _legend(article: Article) -> list[tuple[str, str]]:
    """The meaning of every reason and prune kind the page's blocks carry, in the order of
    their declaration."""
    reasons = {b.reason for b in article.blocks}
    kinds = {b.pruned_by.partition(":")[0] for b in article.blocks if b.pruned_by}
    return [(str(r), r.meaning) for r in Reason if r in reasons] + [
        (f"pruned:{k}", k.meaning) for k in PruneKind if k in kinds
    ]


# Fixed styles (constants only: no page content ever reaches a style attribute).
_PAGE = "margin:0;background:#f4f4f1;color:#1d1d1d;font:15px/1.45 system-ui,sans-serif"
_HEADER = "background:#fff;border-bottom:1px solid #ccc;padding:12px 24px"
_MAIN = "max-width:62em;margin:0 auto;padding:12px 24px 48px"
_LABEL = "font:12px/1.4 ui-monospace,monospace;color:#555"
_KEY = "display:inline-block;width:1em;height:1em;vertical-align:middle;margin:0 4px 0 12px"
_CELL = "padding:1px 10px 1px 0;vertical-align:top"
_COLOURS = {  # decision: (border, background, text colour, label)
    "kept": ("#1e8e3e", "#e6f4ea", "#1d1d1d", "KEPT"),
    "dropped": ("#d93025", "#fce8e6", "#5f2120", "DROPPED"),
    "pruned": ("#80868b", "#ececec", "#5f6368", "PRUNED"),
}
_TEXT_STYLE = {
    "heading": "font-weight:600;font-size:1.15em",
    "code": "font-family:ui-monospace,monospace;white-space:pre-wrap",
    "quote": "font-style:italic",
    "caption": "font-size:.9em",
}


def explain_html(article: Article) -> str:
    """The report as one HTML document (see the module docstring)."""
    title = f"declutter explain: {article.title or article.url or 'page'}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        *head(article, metadata=False, csp=CSP, title=title),
        "</head>",
        f'<body style="{_PAGE}">',
        f'<header style="{_HEADER}">',
        *_summary(article),
        "</header>",
        f'<main style="{_MAIN}">',
        *(_block(b) for b in article.blocks),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _decision(block: Block) -> str:
    if block.kind == "pruned":
        return "pruned"
    return "kept" if block.kept else "dropped"


def _summary(article: Article) -> list[str]:
    counts = Counter(_decision(b) for b in article.blocks)
    reasons = Counter((_decision(b), _label(b)) for b in article.blocks)
    legend = "".join(
        f'<span style="{_KEY};background:{colour[1]};border:2px solid {colour[0]}"></span>'
        f"{colour[3].lower()} {counts[decision]}"
        for decision, colour in _COLOURS.items()
    )
    lines = [
        f'<h1 style="font-size:1.3em;margin:0 0 4px">{escape(article.title or "(no title)")}</h1>',
        (
            f'<p style="{_LABEL};margin:0 0 6px">document score {article.score:.3f} · '
            f"{len(article.blocks)} blocks{legend}</p>"
        ),
        f'<table style="{_LABEL};border-collapse:collapse">',
        *(
            f'<tr><td style="{_CELL}">{escape(name)}</td><td style="{_CELL}">'
            f"{escape(_meta.as_text(value))[:300]}</td></tr>"
            for name, value in _meta.metadata(article)
        ),
        "</table>",
        (
            f'<p style="{_LABEL};margin:6px 0 0">reasons: '
            + ", ".join(f"{escape(r)} ({d}) {n}" for (d, r), n in reasons.most_common())
            + "</p>"
        ),
        f'<table style="{_LABEL};border-collapse:collapse;margin-top:4px">',
        *(
            f'<tr><td style="{_CELL}">{escape(name)}</td><td style="{_CELL}">{escape(meaning)}</td></tr>'
            for name, meaning in _legend(article)
        ),
        "</table>",
    ]
    return lines


def _block(block: Block) -> str:
    decision = _decision(block)
    border, background, colour, label = _COLOURS[decision]
    indent = min(block.list_depth + block.quote_depth, 6) * 1.5
    box = (
        f"border-left:6px solid {border};background:{background};color:{colour};"
        f"margin:6px 0 6px {indent}em;padding:4px 10px;border-radius:3px"
    )
    bar = min(int(abs(block.score) * _BAR_PX_PER_POINT), _MAX_BAR_PX)
    bar_colour = "#1e8e3e" if block.score >= 0 else "#d93025"
    features = (
        f"#{block.index} {label} {escape(_label(block))} · {escape(block.kind)} &lt;{escape(block.tag)}&gt; · "
        f"score {block.score:.1f} · length {block.length} · links {block.link_ratio:.2f} · "
        f"{escape(block.path)}"
    )
    return (
        f'<div style="{box}" title="{escape(block.classes)}">'
        f'<div style="{_LABEL}">{features} '
        f'<span style="display:inline-block;height:6px;width:{bar}px;background:{bar_colour};'
        f'vertical-align:middle"></span></div>'
        f'<div style="{_TEXT_STYLE.get(block.kind, "")}">{_text(block)}</div></div>'
    )


def _text(block: Block) -> str:
    text = block.text
    if not block.kept and len(text) > _MAX_SHOWN_CHARS:
        text = f"{text[:_MAX_SHOWN_CHARS]} … ({len(text) - _MAX_SHOWN_CHARS} more characters)"
    return escape(text).replace("\n", "<br>")

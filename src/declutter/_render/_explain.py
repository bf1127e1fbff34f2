"""Why each block was kept or dropped: a text table, and a self-contained HTML report.

The report is a view of the page itself (`_page_view`): its text laid out in its own block
structure, each block and region outlined and labelled with its decision, the chosen
container, title, date and byline marked, under a summary of the scores and a legend of
every reason shown. It is one file with a fixed stylesheet (constants only: no page content
reaches a style), no script, no image, font or link that loads, and a
Content-Security-Policy that forbids all of them. The page's text is escaped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _page_view
from ._html import head
from ._page_view import label, legend

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article

__all__ = ["CSP", "explain_html", "explain_table", "score_parts"]

CSP = "default-src 'none'; style-src 'unsafe-inline'"
_PREVIEW_CHARS = 70
_EXPLAIN_HEADER = (
    f"{'block':>5} {'':4} {'reason':24} {'kind':10} {'length':>6} {'links':>5} {'score':>8}  "
    f"{'path':40}  text"
)


def score_parts(article: Article) -> str:
    """The doubts that lowered the document score, each as value x weight, strongest first."""
    parts = sorted(article.score_parts, key=lambda p: -p.value * p.weight)
    shown = [f"{p.name} {p.value:.2f}x{p.weight:.2f}" for p in parts if p.value * p.weight >= 0.005]
    return "doubts: " + (", ".join(shown) if shown else "none")


def explain_table(article: Article) -> str:
    """One line per block: decision, reason, features and the start of its text."""
    rows = [f"document score {article.score:.3f}", f"  {score_parts(article)}", _EXPLAIN_HEADER]
    for b in article.blocks:
        preview = b.text.replace("\n", " ")[:_PREVIEW_CHARS]
        rows.append(
            f"{b.index:5d} {'KEEP' if b.kept else 'drop'} {label(b)[:24]:24} {b.kind[:10]:10} "
            f"{b.length:6d} {b.link_ratio:5.2f} {b.score:8.1f}  {b.path[-40:]:40}  {preview}"
        )
    rows += ["", "reasons:", *(f"  {name:24} {meaning}" for name, meaning in legend(article))]
    return "\n".join(rows) + "\n"


def explain_html(article: Article) -> str:
    """The report as one HTML document (see the module docstring)."""
    title = f"declutter explain: {article.title or article.url or 'page'}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        *head(article, metadata=False, csp=CSP, title=title),
        f"<style>{_page_view.STYLESHEET}</style>",
        "</head>",
        "<body>",
        *_page_view.summary(article, score_parts(article), legend(article)),
        *_page_view.page(article),
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"

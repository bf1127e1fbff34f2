"""The article as a clean, minimal, safe HTML document.

Nothing of the page's markup is copied: the document is written from the blocks' text,
escaped, with a fixed set of tags (`ALLOWED_TAGS`) and attributes (`ALLOWED_ATTRIBUTES`).
URLs pass `safe_url` (http, https and mailto only). So there is no script, style, frame,
object or event handler to sanitise away, whatever the page held; a Content-Security-Policy
that forbids scripts is declared as well. (A sanitiser library such as nh3 would be the
tool for cleaning the page's own markup; declutter never emits it, so it needs none.)
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from . import _meta, _tree
from ._tree import (
    Cell,
    Code,
    Figure,
    Heading,
    Inline,
    ListNode,
    Node,
    Paragraph,
    Quote,
    Run,
    Styled,
    Table,
)
from ._urls import safe_url

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article, Image

__all__ = ["ALLOWED_ATTRIBUTES", "ALLOWED_TAGS", "CSP", "escape", "render"]

ALLOWED_TAGS = frozenset(
    (
        "html", "head", "meta", "title", "link", "body", "article", "header", "h1", "h2", "h3",
        "h4", "h5", "h6", "p", "br", "a", "ul", "ol", "li", "blockquote", "pre", "code",
        "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img",
        "time", "b", "i", "sub", "sup", "section",
    )
)  # fmt: skip
ALLOWED_ATTRIBUTES = frozenset(
    ("lang", "charset", "name", "content", "http-equiv", "rel", "href", "src", "alt",
     "title", "start", "datetime")
)  # fmt: skip
CSP = "default-src 'none'; img-src http: https:"
"""No script, style, frame, font or connection: the document only shows text and images."""
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")
_REL = "nofollow noopener noreferrer"


def escape(text: str) -> str:
    """Text for an element or a double-quoted attribute value."""
    return html.escape(_CONTROL.sub("", text), quote=True)


def render(article: Article, *, metadata: bool = True) -> str:
    """The article as an HTML5 document, ending in one newline."""
    language = (
        article.language if article.language and _LANGUAGE.fullmatch(article.language) else None
    )
    lang = f' lang="{escape(language)}"' if language else ""
    body = "\n".join(_nodes(_tree.build(article.blocks, article.url)))
    comments = _nodes(_tree.comment_nodes(article.comments))
    parts = [
        "<!DOCTYPE html>",
        f"<html{lang}>",
        "<head>",
        *head(article, metadata=metadata, csp=CSP),
        "</head>",
        "<body>",
        "<article>",
        *(_header(article) if metadata else ()),
        body,
        *(["<section>", *comments, "</section>"] if comments else ()),
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def head(article: Article, *, metadata: bool, csp: str, title: str | None = None) -> list[str]:
    """The ``<head>`` lines: charset, CSP, title, and every metadata field as a ``meta``."""
    lines = [
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
    ]
    shown = title if title is not None else article.title
    if shown:
        lines.append(f"<title>{escape(shown)}</title>")
    if metadata:
        lines.extend(_meta_tags(article))
    return lines


def _meta_tags(article: Article) -> Iterator[str]:
    """``<meta name="declutter:FIELD">`` for every field (JSON for lists), and the usual
    ``author``/``description``/canonical link for other tools."""
    for name, value in _meta.metadata(article):
        content = (
            json.dumps(value, ensure_ascii=False, allow_nan=False)
            if isinstance(value, list)
            else _meta.as_text(value)
        )
        yield f'<meta name="declutter:{name}" content="{escape(content)}">'
    if article.author:
        yield f'<meta name="author" content="{escape(article.author)}">'
    if article.description:
        yield f'<meta name="description" content="{escape(article.description)}">'
    canonical = safe_url(article.canonical_url) if article.canonical_url else None
    if canonical:
        yield f'<link rel="canonical" href="{escape(canonical)}">'


def _header(article: Article) -> list[str]:
    lines = []
    if article.title:
        lines.append(f"<h1>{escape(article.title)}</h1>")
    byline = [escape(a) for a in article.authors]
    if article.date:
        byline.append(f'<time datetime="{escape(article.date)}">{escape(article.date)}</time>')
    if byline:
        lines.append(f"<p>{' · '.join(byline)}</p>")
    return ["<header>", *lines, "</header>"] if lines else []


def _nodes(nodes: Sequence[Node]) -> list[str]:
    return [line for node in nodes for line in _node(node)]


def _node(node: Node) -> list[str]:
    match node:
        case Paragraph():
            return [f"<p>{_inline(node.text)}</p>"] if node.text.text else []
        case Heading():
            return [f"<h{node.level}>{_inline(node.text)}</h{node.level}>"]
        case Code():
            return [f"<pre><code>{escape(node.text)}</code></pre>"]
        case Figure():
            return _figure(node)
        case Quote():
            return ["<blockquote>", *_nodes(node.children), "</blockquote>"]
        case ListNode():
            return _list(node)
        case Table():
            return _table(node)


def _figure(node: Figure) -> list[str]:
    lines = ["<figure>", *(_image(image) for image in node.images)]
    if node.caption is not None:
        lines.append(f"<figcaption>{_inline(node.caption)}</figcaption>")
    return [*lines, "</figure>"]


def _image(image: Image) -> str:
    title = f' title="{escape(image.title)}"' if image.title else ""
    return f'<img src="{escape(image.url)}" alt="{escape(image.alt)}"{title}>'


def _list(node: ListNode) -> list[str]:
    tag = "ol" if node.ordered else "ul"
    start = f' start="{node.start}"' if node.ordered and node.start != 1 else ""
    lines = [f"<{tag}{start}>"]
    for item in node.items:
        first, *rest = item.children or (Paragraph(Inline("")),)
        if isinstance(first, Paragraph) and not rest:
            lines.append(f"<li>{_inline(first.text)}</li>")
        elif isinstance(first, Paragraph):
            lines.extend([f"<li>{_inline(first.text)}", *_nodes(rest), "</li>"])
        else:
            lines.extend(["<li>", *_nodes(item.children), "</li>"])
    return [*lines, f"</{tag}>"]


def _table(node: Table) -> list[str]:
    lines = ["<table>"]
    if node.caption is not None:
        lines.append(f"<caption>{_inline(node.caption)}</caption>")
    rows = list(node.rows)
    if all(cell.header for cell in rows[0]):
        lines.extend(["<thead>", _row(rows.pop(0)), "</thead>"])
    lines.extend(["<tbody>", *(_row(row) for row in rows), "</tbody>", "</table>"])
    return lines


def _row(cells: Sequence[Cell]) -> str:
    return "<tr>" + "".join(_cell(cell) for cell in cells) + "</tr>"


def _cell(cell: Cell) -> str:
    tag = "th" if cell.header else "td"
    return f"<{tag}>{_inline(cell.text)}</{tag}>"


def _inline(inline: Inline) -> str:
    """Escaped text, its links as ``<a>``, its formatting as ``<b>``, ``<i>``, ``<code>``,
    ``<sub>`` and ``<sup>``, each ``<br>`` of the page a ``<br>``."""
    writer = _InlineWriter()
    _tree.walk(_tree.runs(inline), writer)
    return "".join(writer.pieces)


_TAG = {"bold": "b", "italic": "i", "code": "code", "sub": "sub", "sup": "sup"}
"""The element of each kind of formatting (``<b>`` and ``<i>`` rather than ``<strong>``
and ``<em>``: as short as the page's own, so the output stays within its bound)."""


class _InlineWriter:
    """HTML of inline runs (a `_tree.Writer`)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.closers: list[str] = []

    def text(self, text: str) -> None:
        self.pieces.append(escape(text).replace("\n", "<br>"))

    def open(self, run: Styled, following: Run | None) -> None:
        if run.kind == "link":
            opener, closer = (
                (f'<a href="{escape(run.url)}" rel="{_REL}">', "</a>") if run.url else ("", "")
            )
        else:
            opener, closer = f"<{_TAG[run.kind]}>", f"</{_TAG[run.kind]}>"
        self.pieces.append(opener)
        self.closers.append(closer)

    def close(self, run: Styled) -> None:
        self.pieces.append(self.closers.pop())

"""The output formats: a finished `Article` as text, Markdown, JSON or HTML.

`render` writes an `Article` as ``text``, ``markdown``, ``json``, ``jsonl`` or ``html``; it
only reads the article, so a format never changes what was extracted (the body text itself
is made by the pipeline's last stage, `_body`). One module per format:

* `_tree`      the kept blocks regrouped into lists, quotes, tables and figures
* `_markdown`  CommonMark (pipe tables from GitHub-flavoured markdown)
* `_html`      a clean HTML document, built from escaped text and an allow-list of tags
* `_explain`   the blocks and their decisions, as a text table or an HTML report
* `_meta`      the metadata fields every format carries
* `_csv`       one RFC 4180 row per article, the JSON fields as columns
* `_urls`      the one URL check every rendered link and image passes
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, get_args

from . import _csv, _html, _markdown, _meta
from ._csv import header as csv_header
from ._csv import row as csv_row
from ._explain import explain_html, explain_table

if TYPE_CHECKING:  # the renderers read an Article; _model imports them when asked to render
    from .._model import Article

__all__ = [
    "FORMATS", "Format", "csv_header", "csv_row", "explain_html", "explain_table",
    "render",
]  # fmt: skip

Format = Literal["text", "markdown", "json", "jsonl", "html", "csv"]
FORMATS: tuple[Format, ...] = get_args(Format)


def render(
    article: Article, format: Format = "text", *, metadata: bool = True, blocks: bool = False
) -> str:
    """`article` in `format`, as a str ending in a newline.

    ``text``: a header of ``field: value`` lines (every metadata field the article has,
    JSON names, ``author`` for the joined ``authors``), a blank line, then `Article.body`
    (and the comments, when there are some). ``markdown``: YAML front matter, the
    title as a level-1 heading, then the body's structure. ``json``: `Article.to_dict`,
    indented; ``jsonl``: the same on one line. ``html``: a minimal, safe HTML document.
    ``csv``: a header row and the article's row, the JSON fields in their order (RFC 4180;
    ``input`` empty, lists as JSON arrays).

    `metadata=False` leaves the header/front matter/``<head>`` fields out of text, markdown
    and HTML (JSON always has every field). `blocks=True` adds the blocks to JSON.
    """
    if format == "text":
        return text(article, metadata=metadata)
    if format == "markdown":
        return _markdown.render(article, metadata=metadata)
    if format == "html":
        return _html.render(article, metadata=metadata)
    if format == "json" or format == "jsonl":
        return json_record(article, blocks=blocks, indent=2 if format == "json" else None)
    if format == "csv":
        return _csv.header(article) + _csv.row(article)
    raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")


def text(article: Article, *, metadata: bool = True) -> str:
    """The body, after a ``field: value`` header when `metadata`."""
    lines = [
        f"{'author' if name == 'authors' else name}: {_meta.as_text(value)}"
        for name, value in _meta.metadata(article)
    ]
    body = article.body + _comments_text(article)
    if metadata and lines:
        return "\n".join(lines) + f"\n\n{body}\n"
    return f"{body}\n"


def _comments_text(article: Article) -> str:
    """The comments (`Options.include_comments`) after the body: a ``comments: N`` line,
    then each one's signature line (author, date) and text, a blank line between."""
    if not article.comments:
        return ""
    parts = [f"comments: {len(article.comments)}"]
    for c in article.comments:
        signature = ", ".join(p for p in (c.author, c.date) if p)
        parts.append(f"{signature}:\n{c.text}" if signature else c.text)
    return "\n\n" + "\n\n".join(parts)


def json_record(
    article: Article, *, blocks: bool = False, indent: int | None = None,
    extra: Mapping[str, Any] | None = None,
) -> str:  # fmt: skip
    """`Article.to_dict` as JSON and a newline; `extra` fields (the CLI's ``input``) first."""
    record = article.to_dict(include_blocks=blocks)
    if extra:
        record = {**extra, **record}
    return json.dumps(record, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"

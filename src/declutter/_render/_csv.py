"""CSV: one row per page, the fields of the JSON record in its order (RFC 4180).

Every value is one cell: text as is, ``null`` as an empty cell, booleans as ``true`` and
``false``, lists (``authors``, ``tags``, ``categories``) as JSON arrays, so a reader gets
back exactly what JSON holds. Rows end with CRLF; a cell with a comma, a quote or a line
break is quoted, its quotes doubled.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # rows read an Article; _model imports the renderers when asked to render
    from .._model import Article

__all__ = ["header", "row"]


def header(article: Article) -> str:
    """The header row of `article`'s rows (every article has the same): ``input`` (where the
    page came from), then `Article.to_dict`'s fields."""
    return _line(["input", *article.to_dict()])


def row(article: Article, *, input: str | None = None) -> str:
    """One page's row; `input` names the page (empty when None)."""
    record = {"input": input, **article.to_dict()}
    return _line([_cell(value) for value in record.values()])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()

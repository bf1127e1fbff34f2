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
from typing import Any

from .._model import Article

__all__ = ["FIELDS", "header", "row"]

FIELDS: tuple[str, ...] = ("input", *Article().to_dict())
"""The columns: ``input`` (where the page came from), then `Article.to_dict`'s fields."""


def header() -> str:
    """The header row."""
    return _line(FIELDS)


def row(article: Article, *, input: str | None = None) -> str:
    """One page's row; `input` names the page (empty when None)."""
    record = {"input": input, **article.to_dict()}
    return _line([_cell(record[name]) for name in FIELDS])


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _line(cells: tuple[str, ...] | list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow(cells)
    return out.getvalue()

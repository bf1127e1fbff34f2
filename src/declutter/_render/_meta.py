"""The article's metadata, the same fields in every format.

Metadata are the fields that describe the article (those `Article` declares so: title,
authors, dates, URLs, site, description, language, image, tags, categories). Text,
markdown and HTML carry them all, in the order of the declaration, leaving out only the absent ones (``None`` and empty lists).
JSON carries `Article.to_dict()` whole: the same fields under the same names, plus what
describes the extraction rather than the article (``score``, ``truncated``, ``encoding``,
``date_source``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article


__all__ = ["MetaValue", "as_text", "metadata"]

MetaValue = str | float | bool | list[str]


def metadata(article: Article) -> list[tuple[str, MetaValue]]:
    """(JSON field name, value) of every metadata field the article has."""
    record = article.to_dict()
    return [
        (f.name, record[f.name])
        for f in fields(article)
        if f.metadata["describes"] and record[f.name] not in (None, [])
    ]


def as_text(value: MetaValue) -> str:
    """One line of plain text: lists joined with ``", "``, numbers as JSON writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(" ".join(v.split()) for v in value)
    if isinstance(value, float):
        return repr(value)
    return " ".join(value.split())

"""The article's metadata, the same fields in every format.

Metadata are the fields that describe the article (`FIELDS`: title, authors, dates, URLs,
site, description, language, image, tags, categories). Text, markdown and HTML carry
them all, in this order, leaving out only the absent ones (``None`` and empty lists).
JSON carries `Article.to_dict()` whole: the same fields under the same names, plus what
describes the extraction rather than the article (``score``, ``truncated``, ``encoding``,
``date_source``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the renderers only read these (see _render/__init__)
    from .._model import Article


__all__ = ["FIELDS", "MetaValue", "metadata", "as_text"]

MetaValue = str | float | bool | list[str]
FIELDS = (
    "title", "authors", "date", "date_modified", "url", "canonical_url", "site_name",
    "description", "language", "image", "tags", "categories",
)  # fmt: skip
"""The metadata fields, by their JSON names, in the order every format writes them."""


def metadata(article: Article) -> list[tuple[str, MetaValue]]:
    """(JSON field name, value) of every metadata field the article has."""
    record = article.to_dict()
    return [(name, record[name]) for name in FIELDS if record[name] not in (None, [])]


def as_text(value: MetaValue) -> str:
    """One line of plain text: lists joined with ``", "``, numbers as JSON writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(" ".join(v.split()) for v in value)
    if isinstance(value, float):
        return repr(value)
    return " ".join(value.split())

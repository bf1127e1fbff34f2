"""The article's metadata, the same fields in every format.

JSON carries `Article.to_dict()` whole. Text, markdown and HTML carry the same fields,
in the same order, leaving out only the absent ones (``None`` and empty lists) and
``author`` (it is ``authors`` joined).
"""

from __future__ import annotations

from .._model import Article

__all__ = ["MetaValue", "as_text", "metadata"]

MetaValue = str | float | bool | list[str]
_SKIPPED = frozenset(("body", "author"))


def metadata(article: Article) -> list[tuple[str, MetaValue]]:
    """(JSON field name, value) of every metadata field the article has."""
    out: list[tuple[str, MetaValue]] = []
    for name, value in article.to_dict().items():
        if name in _SKIPPED or value is None or value == []:
            continue
        out.append((name, value))
    return out


def as_text(value: MetaValue) -> str:
    """One line of plain text: lists joined with ``", "``, numbers as JSON writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(" ".join(v.split()) for v in value)
    if isinstance(value, float):
        return repr(value)
    return " ".join(value.split())

"""Site name, description, canonical URL, lead image, tags and categories."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import regex
from selectolax.lexbor import LexborNode

from .._head import PageMeta
from .._options import Options
from .._text import clean, fold
from ._jsonld import JsonLd

__all__ = ["absolute", "categories", "description", "image", "site_names", "tags"]

# (?<!\s): a try starts only where a run of spaces starts, so a long run costs linear time.
_KEYWORD_SEPARATOR = regex.compile(r"(?<!\s)\s*[,，;；、|]\s*")


def absolute(link: str | None, base: str | None) -> str | None:
    """`link` resolved against `base` when it is relative (and `base` is known)."""
    if not link:
        return None
    link = link.strip()
    if (
        link.startswith(("http://", "https://"))
        and link.isascii()
        and "[" not in link
        and "]" not in link
    ):
        return link  # absolute, and urlsplit would not object (it raises only on brackets or non-ASCII)
    try:  # urlsplit and urljoin raise on malformed hosts ("http://[bad")
        if base and not urlsplit(link).scheme:
            return urljoin(base, link)
    except ValueError:
        return link
    return link


def site_names(meta: PageMeta, jsonld: JsonLd) -> list[str]:
    """Names the page gives itself, most explicit first."""
    names = [
        meta.first("og:site_name"), jsonld.site_name, jsonld.publisher,
        meta.first("application-name", "apple-mobile-web-app-title", "twitter:site"),
    ]  # fmt: skip
    return [n for n in dict.fromkeys(clean(n) for n in names if n) if n and not n.startswith("@")]


def description(meta: PageMeta, jsonld: JsonLd) -> str | None:
    return (
        meta.first("og:description", "description", "twitter:description", "dc.description")
        or jsonld.description
    )


def image(meta: PageMeta, jsonld: JsonLd) -> str | None:
    return (
        meta.first(
            "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"
        )
        or jsonld.image
    )


def tags(
    links: list[LexborNode], meta: PageMeta, jsonld: JsonLd, options: Options
) -> tuple[str, ...]:
    """`links`: the page's ``a[rel~=tag]`` elements."""
    values: list[str] = []
    # article:tag is one tag per element, but pages also put their whole list in one
    for raw in meta.all("article:tag", "og:article:tag", "keywords", "news_keywords"):
        values.extend(_KEYWORD_SEPARATOR.split(raw))
    values.extend(jsonld.keywords)
    values.extend(node.text(deep=True) for node in links[: options.max_keywords])
    return _unique(values, options.max_keywords)


def categories(meta: PageMeta, jsonld: JsonLd, options: Options) -> tuple[str, ...]:
    values = (
        meta.all("article:section", "og:article:section", "category", "section") + jsonld.sections
    )
    return _unique(values, options.max_keywords)


def _unique(values: list[str], limit: int) -> tuple[str, ...]:
    out: dict[str, str] = {}
    for value in values:
        if len(out) >= limit:
            break  # later values could only come after the kept ones
        text = clean(value)
        key = fold(text)
        if text and key and key not in out:
            out[key] = text
    return tuple(out.values())[:limit]

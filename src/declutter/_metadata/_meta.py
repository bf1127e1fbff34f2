"""The page's declared metadata: `<meta>` tags, `<link>` relations and `<html lang>`.

One pass over `meta` and one over `link`; keys are lower-cased ``name``, ``property``,
``itemprop`` or ``http-equiv`` values, so ``og:title``, ``OG:Title`` and ``og:title`` meet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._text import clean

__all__ = ["PageMeta", "read_meta"]

_KEY_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")
_LINK_RELS = frozenset(("canonical", "author", "tag"))


@dataclass(slots=True)
class PageMeta:
    """Values by lower-cased key, in page order (a key may repeat: ``article:tag``), as
    written: `first` and `all` clean them on access (most are never read)."""

    values: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    lang: str | None = None

    def first(self, *keys: str) -> str | None:
        """The first non-empty value of the first key present, in the order of `keys`."""
        for key in keys:
            for raw in self.values.get(key, ()):
                value = clean(raw)
                if value:
                    return value
        return None

    def all(self, *keys: str) -> list[str]:
        """Every non-empty value of `keys`, in that order."""
        return list(self.each(*keys))

    def each(self, *keys: str) -> Iterator[str]:
        """`all`, cleaned one at a time (for a search that stops at the first it takes)."""
        values = self.values
        for key in keys:
            if key in values:
                for raw in values[key]:
                    value = clean(raw)
                    if value:
                        yield value


def read_meta(tree: LexborHTMLParser, *, max_value_chars: int) -> PageMeta:
    """Collect meta values (each cut to `max_value_chars`), link rels and the html lang."""
    meta = PageMeta()
    metas, links = _in_head(tree)
    values = meta.values
    for node in metas:
        attrs = node.attributes
        value = (attrs.get("content") or "")[:max_value_chars]
        keys = [key for key in map(attrs.get, _KEY_ATTRIBUTES) if key]
        if len(keys) == 1:
            # The common case: one key of one word.
            key = keys[0].lower()
            if key.split() == [key]:
                values.setdefault(key, []).append(value)
                continue
        # name and property with the same key count once
        for k in dict.fromkeys(part for key in keys for part in key.lower().split()):
            values.setdefault(k, []).append(value)
    for node in links:
        attrs = node.attributes
        href = (attrs.get("href") or "").strip()
        for rel in (attrs.get("rel") or "").lower().split():
            if rel in _LINK_RELS and href:
                meta.links.setdefault(rel, []).append(href[:max_value_chars])
    root = tree.root
    if root is not None:
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
        meta.lang = clean(lang) or None
    return meta


_META = "meta[content]"
_LINK = "link[rel][href]"


def _in_head(tree: LexborHTMLParser) -> tuple[list[LexborNode], list[LexborNode]]:
    """The meta and the link elements in <head> (one short walk); for each, the whole page
    only when the head has none, as in pages whose head landed in the body (a wrapper
    element before <html>)."""
    head = tree.head
    found = head.css(f"{_META}, {_LINK}") if head is not None else []
    metas = [node for node in found if node.tag == "meta"]
    links = [node for node in found if node.tag != "meta"]
    return metas or tree.css(_META), links or tree.css(_LINK)

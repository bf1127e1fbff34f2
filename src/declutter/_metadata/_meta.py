"""The page's declared metadata: `<meta>` tags, `<link>` relations and `<html lang>`.

One pass over `meta` and one over `link`; keys are lower-cased ``name``, ``property``,
``itemprop`` or ``http-equiv`` values, so ``og:title``, ``OG:Title`` and ``og:title`` meet.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._deadline import NO_DEADLINE, Deadline
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
    head_title: LexborNode | None = None
    """The first <title> element in <head>."""

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


def read_meta(
    tree: LexborHTMLParser, *, max_value_chars: int, max_elements: int,
    deadline: Deadline = NO_DEADLINE,
) -> PageMeta:  # fmt: skip
    """Collect meta values (each cut to `max_value_chars`), link rels, the html lang and the
    head's <title> element.

    Meta and link elements are read in <head> (one short walk, with the title); for each
    kind, in the whole page only when the head has none, as in pages whose head landed in
    the body (a wrapper element before <html>). At most `max_elements` of each query are
    read, and none past `deadline`."""
    meta = PageMeta()
    head = tree.head
    has_meta = has_link = False

    def bounded(nodes: Iterable[LexborNode]) -> Iterator[LexborNode]:
        return deadline.every(itertools.islice(nodes, max_elements))

    for node in bounded(_head_elements(head)) if head is not None else ():
        tag = node.tag
        if tag == "meta":
            has_meta = True
            _add_meta(meta.values, node.attributes, max_value_chars)
        elif tag == "link":
            has_link = True
            _add_link(meta.links, node.attributes, max_value_chars)
        elif meta.head_title is None:
            meta.head_title = node
    if not has_meta:
        for node in bounded(tree.css(_META)):
            _add_meta(meta.values, node.attributes, max_value_chars)
    if not has_link:
        for node in bounded(tree.css(_LINK)):
            _add_link(meta.links, node.attributes, max_value_chars)
    root = tree.root
    if root is not None:
        lang = root.attributes.get("lang") or root.attributes.get("xml:lang")
        meta.lang = clean(lang) or None
    return meta


_META = "meta[content]"
_LINK = "link[rel][href]"


def _head_elements(head: LexborNode) -> Iterator[LexborNode]:
    """The head's elements that `_META`, `_LINK` or ``title`` select, in document order,
    walked lazily (a CSS query would build a list of all of them, however many)."""
    for node in head.traverse():
        tag = node.tag
        if tag == "title" or (tag == "meta" and "content" in node.attributes) or (
            tag == "link" and {"rel", "href"} <= node.attributes.keys()
        ):
            yield node


def _add_meta(values: dict[str, list[str]], attrs: dict[str, str | None], max_value_chars: int) -> None:
    value = (attrs.get("content") or "")[:max_value_chars]
    keys = [key for key in map(attrs.get, _KEY_ATTRIBUTES) if key]
    if len(keys) == 1:
        # The common case: one key of one word.
        key = keys[0].lower()
        if key.split() == [key]:
            values.setdefault(key, []).append(value)
            return
    # name and property with the same key count once
    for k in dict.fromkeys(part for key in keys for part in key.lower().split()):
        values.setdefault(k, []).append(value)


def _add_link(links: dict[str, list[str]], attrs: dict[str, str | None], max_value_chars: int) -> None:
    href = (attrs.get("href") or "").strip()
    for rel in (attrs.get("rel") or "").lower().split():
        if rel in _LINK_RELS and href:
            links.setdefault(rel, []).append(href[:max_value_chars])

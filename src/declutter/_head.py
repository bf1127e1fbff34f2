"""Stage 3, head: what the page declares about itself, read once for every later stage.

`<meta>` tags, `<link>` relations, `<html lang>` and the document's `<title>`, in one pass
over the head (the headline keys of prune and score and the metadata stage all read them
from here), and the site's names that a title may carry (`host_names`, `names_site`).
Meta keys are lower-cased ``name``, ``property``, ``itemprop`` or ``http-equiv`` values, so
``og:title``, ``OG:Title`` and ``og:title`` meet.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ._deadline import NO_DEADLINE, Deadline
from ._options import Options
from ._text import clean

__all__ = ["PageMeta", "host_names", "names_site", "read_head"]

_KEY_ATTRIBUTES = ("property", "name", "itemprop", "http-equiv")
_LINK_RELS = frozenset(("canonical", "author", "tag"))


@dataclass(slots=True)
class PageMeta:
    """Values by lower-cased key, in page order (a key may repeat: ``article:tag``), as
    written: `first` and `all` clean them on access (most are never read)."""

    values: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    lang: str | None = None
    title: str | None = None
    """The document's title: the text of the head's first <title>, else of the page's
    first <title> that is not an SVG's."""

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


def read_head(
    tree: LexborHTMLParser, options: Options, deadline: Deadline = NO_DEADLINE
) -> PageMeta:
    """Collect meta values (each cut to `Options.meta_max_value_chars`), link rels, the html
    lang and the document's title.

    Meta and link elements are read in <head> (one short walk, with the title); for each
    kind, in the whole page only when the head has none, as in pages whose head landed in
    the body (a wrapper element before <html>). At most `Options.meta_max_elements` of each query are
    read, and none past `deadline`."""
    max_value_chars, max_elements = options.meta_max_value_chars, options.meta_max_elements
    meta = PageMeta()
    head = tree.head
    head_title: LexborNode | None = None
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
        elif head_title is None:
            head_title = node
    if not has_meta:
        for node in bounded(tree.css(_META)):
            _add_meta(meta.values, node.attributes, max_value_chars)
    if not has_link:
        for node in bounded(tree.css(_LINK)):
            _add_link(meta.links, node.attributes, max_value_chars)
    meta.title = _title_text(tree, head_title)
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
        if (
            tag == "title"
            or (tag == "meta" and "content" in node.attributes)
            or (tag == "link" and {"rel", "href"} <= node.attributes.keys())
        ):
            yield node


def _add_meta(
    values: dict[str, list[str]], attrs: dict[str, str | None], max_value_chars: int
) -> None:
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


def _add_link(
    links: dict[str, list[str]], attrs: dict[str, str | None], max_value_chars: int
) -> None:
    href = (attrs.get("href") or "").strip()
    for rel in (attrs.get("rel") or "").lower().split():
        if rel in _LINK_RELS and href:
            links.setdefault(rel, []).append(href[:max_value_chars])


def _title_text(tree: LexborHTMLParser, in_head: LexborNode | None) -> str | None:
    nodes = [in_head] if in_head is not None else tree.css("title")
    for node in nodes:
        if not _inside_svg(node):
            return clean(node.text(deep=True)) or None
    return None


# An SVG <title> sits a few levels below its <svg> (svg > g > a > title); looking no higher
# keeps a page of many SVG titles linear.
_SVG_TITLE_DEPTH = 4


def _inside_svg(node: LexborNode) -> bool:
    parent = node.parent
    for _ in range(_SVG_TITLE_DEPTH):
        if parent is None:
            return False
        if parent.tag == "svg":
            return True
        parent = parent.parent
    return False


# Second-level labels under which a country code registers names ("sina" in sina.com.cn).
_REGISTRY_LABELS = frozenset(("com", "co", "net", "org", "gov", "edu", "ac"))
_COUNTRY_CODE_CHARS = 2


def host_names(url: str | None) -> list[str]:
    """``https://www.zeit.de/x`` -> ``["zeit.de", "zeit"]``: the host and the registered name
    (the label before the public suffix: "sina" in news.sina.com.cn), which a title may carry."""
    if not url:
        return []
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return []
    host = host.removeprefix("www.")
    labels = [label for label in host.split(".") if label]
    if len(labels) < 2:
        return [host] if host else []
    under_country = (
        len(labels) >= 3
        and len(labels[-1]) == _COUNTRY_CODE_CHARS
        and labels[-2] in _REGISTRY_LABELS
    )
    return [host, labels[-3] if under_country else labels[-2]]


def names_site(key: str, site_keys: Iterable[str], min_chars: int) -> bool:
    """The comparison key `key` (see `_text.fold`) names the site: it is one of `site_keys`,
    or holds or is held by one of at least `min_chars` (shorter names are common inside words)."""
    return bool(key) and any(
        key == s or (len(s) >= min_chars and (s in key or key in s)) for s in site_keys
    )

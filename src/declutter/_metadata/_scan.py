"""One query for the elements every page needs: headline candidates, JSON-LD scripts,
``rel=tag`` links and machine-readable dates.

Each CSS query walks the whole DOM, and each part of a selector is tested on every element:
one union of the parts walks once, where four queries walk four times, and the two
``itemprop`` tests are one (``[itemprop]``, its values compared in Python). A bare union
lists a node once per part it matches (``:is()`` would not, but costs more): repeats are
dropped, and the matches are sorted into the four kinds in Python by the tests Lexbor
applies: ``class``, ``id`` and ``itemprop`` values match case-sensitively unless the
selector says ``i``; ``type`` and ``rel`` values always match case-insensitively (HTML lists
them among the attributes whose values are case-insensitive).

Each list keeps the repetitions the separate queries had (a node once per part of its own
union it matches: `title_parts` counts them), so that their caps and the choices made on
them stay as they were.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .._deadline import NO_DEADLINE, Deadline

__all__ = ["TIME_SELECTOR", "TITLE_SELECTOR", "Scan", "scan"]

# The selectors the kinds stand for (tests compare the sorting with them).
TITLE_SELECTOR = (
    'h1, h2, h3, [itemprop="headline"], [class*="headline" i], [class*="title" i], [id*="title" i]'
)
TIME_SELECTOR = 'time[datetime], [itemprop="datePublished"]'
JSONLD_SELECTOR = 'script[type*="ld+json"]'
TAG_SELECTOR = 'a[rel~="tag"]'
_UNION = (
    'h1, h2, h3, [itemprop], [class*="headline" i], [class*="title" i], [id*="title" i], '
    f"{JSONLD_SELECTOR}, {TAG_SELECTOR}, time[datetime]"
)
_HEADINGS = frozenset(("h1", "h2", "h3"))
# CSS whitespace, which separates the words of `~=` (not Python's wider `str.split()`).
_CSS_SPACE = re.compile(r"[ \t\n\r\f]+")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(slots=True)
class Scan:
    """The matches of each kind in document order (`title` with its repetitions)."""

    title: list[tuple[LexborNode, int]] = field(default_factory=list)
    """Headline candidates and how many parts of `TITLE_SELECTOR` each matches."""
    jsonld: list[LexborNode] = field(default_factory=list)
    tag_links: list[LexborNode] = field(default_factory=list)
    time: list[LexborNode] = field(default_factory=list)
    """`TIME_SELECTOR` matches, a node twice when it matches both parts."""


def scan(tree: LexborHTMLParser, deadline: Deadline = NO_DEADLINE) -> Scan:
    """The matches, up to `deadline`."""
    out = Scan()
    last = 0
    for node in deadline.every(tree.css(_UNION)):
        ident = node.mem_id
        if ident == last:
            continue  # Lexbor lists a node's repeats one after the other
        last = ident
        tag = node.tag
        attrs = node.attributes
        itemprop = attrs.get("itemprop")
        if tag == "script":
            kind = attrs.get("type")
            if kind and "ld+json" in _lower(kind):
                out.jsonld.append(node)
        elif tag == "a":
            rel = attrs.get("rel")
            if rel and "tag" in _CSS_SPACE.split(_lower(rel)):
                out.tag_links.append(node)
        elif tag == "time" and "datetime" in attrs:
            out.time.append(node)
        if itemprop == "datePublished":
            out.time.append(node)
        parts = int(tag in _HEADINGS)
        parts += itemprop == "headline"
        names = attrs.get("class")
        if names:
            names = _lower(names)
            parts += "headline" in names
            parts += "title" in names
        node_id = attrs.get("id")
        if node_id:
            parts += "title" in _lower(node_id)
        if parts:
            out.title.append((node, parts))
    return out


def _lower(text: str) -> str:
    """ASCII lower case, as CSS compares case-insensitively."""
    return text.lower() if text.isascii() else text.translate(_ASCII_LOWER)

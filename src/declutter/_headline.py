"""Recognising the headline: which text on the page repeats the page's title.

The prune stage uses it to keep the headline's boxes (a theme may call them "header"), the
score stage to anchor the article zone. The references are the ``<title>`` and
``og:title``, and every run of their segments between separators ("Headline - Section |
Site") that holds the longest one, so a headline matches whatever the site put around it
and the site's name alone matches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex
from selectolax.lexbor import LexborHTMLParser

from ._options import Options
from ._textstats import has_han

__all__ = ["TitleKeys", "keys_of", "split_segments", "title_keys"]

# Separators between a headline and the site/section names in <title>: spaced dashes and
# bars, or unspaced bars, underscores, guillemets and double dashes.
# (?<!\s): a try starts only where a run of spaces starts, so a long run costs linear time.
_SEPARATOR = re.compile(r"(?<!\s)\s+[-–—|·•»«›‹:/~*⋆>]\s+|(?<!\s)\s*(?:[|_»«›‹]+|--+|::|\s[-–—]+\s)\s*")
# In CJK titles an unspaced hyphen also separates ("标题-新华网").
_CJK_SEPARATOR = regex.compile(r"(?<!\s)(?:\s*[-–—|_»«›‹·]+\s*|\s+[:/]\s+|\s*--+\s*)")


def split_segments(reference: str) -> list[str]:
    """`reference` cut at title separators (unspaced hyphens too when it is CJK)."""
    rx = _CJK_SEPARATOR if has_han(reference) else _SEPARATOR
    return [s for s in (p.strip() for p in rx.split(reference)) if s]

_NON_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return _NON_WORD.sub("", text).casefold()


@dataclass(frozen=True, slots=True)
class TitleKeys:
    """Comparison keys (word characters only, case-folded) of the title references."""

    keys: tuple[str, ...]
    min_chars: int
    min_coverage: float

    def match(self, text: str) -> int:
        """How many title characters `text` accounts for (0: it is not the headline).

        `text` matches a reference when one contains the other and the shorter covers at
        least `min_coverage` of the longer: a kicker glued to the headline still matches, a
        site name alone does not match the whole title.
        """
        if not self.keys or len(text) < self.min_chars:
            return 0
        key = _key(text)
        if len(key) < self.min_chars:
            return 0
        best = 0
        for ref in self.keys:
            short, long_ = sorted((len(key), len(ref)))
            # sizes first: a substring search of a block in a huge reference (or the other
            # way round) would cost their product, on every block of the page
            if short > best and short >= self.min_coverage * long_ and (key in ref or ref in key):
                best = short
        return best

    @property
    def longest(self) -> int:
        return max((len(k) for k in self.keys), default=0)


def title_keys(tree: LexborHTMLParser, *, url: str | None = None, options: Options) -> TitleKeys:
    """The title references of the page in `tree` (``<title>``, ``og:title``); the site's
    name (``og:site_name``, ``application-name``, the host name in `url`) is no headline."""
    node = (tree.head.css_first("title") if tree.head else None) or tree.css_first("title")
    refs = [node.text(strip=True)] if node is not None else []
    refs += _meta_contents(tree, 'meta[property="og:title"]')
    sites = _host_labels(url)
    sites += _meta_contents(tree, 'meta[property="og:site_name"], meta[name="application-name"]')
    return keys_of(refs, sites=sites, options=options)


def _meta_contents(tree: LexborHTMLParser, selector: str) -> list[str]:
    scope = tree.head or tree.root  # meta elements live in <head>; the body is much larger
    return [c for m in scope.css(selector) if (c := m.attributes.get("content"))] if scope else []


def _host_labels(url: str | None) -> list[str]:
    """"www.vinosytapas.de" gives "vinosytapas": the label that names the site."""
    if not url:
        return []
    host = urlsplit(url).hostname or ""
    labels = [label for label in host.split(".") if label not in _HOST_NOISE]
    return labels[:-1] if len(labels) > 1 else labels


_HOST_NOISE = frozenset(("www", "m", "mobile", "amp", "news", "blog", "com", "co", "org", "net"))


def keys_of(refs: Sequence[str], *, sites: Sequence[str] = (), options: Options) -> TitleKeys:
    """Keys of these title references and of the runs of their segments that can be a
    headline: the first or the longest segment, alone or with neighbours, unless it names
    the site (a segment alone that is a section or the site's name is no headline)."""
    site_keys = [k for k in (_key(s) for s in sites) if len(k) >= options.headline_min_site_chars]
    keys: set[str] = set()
    for ref in refs:
        segments = split_segments(ref)[: options.headline_max_segments] if ref else []
        if not segments:
            continue
        keys.add(_key(ref))
        longest = max(range(len(segments)), key=lambda i: len(segments[i]))
        for i in range(len(segments)):
            for j in range(i + 1, len(segments) + 1):
                run = _key(" ".join(segments[i:j]))
                if j - i > 1 or (i in (0, longest) and not _names_site(run, site_keys)):
                    keys.add(run)
    min_chars = options.headline_min_chars
    return TitleKeys(tuple(k for k in keys if len(k) >= min_chars), min_chars, options.headline_min_coverage)


def _names_site(key: str, site_keys: list[str]) -> bool:
    return any(site in key or key in site for site in site_keys)


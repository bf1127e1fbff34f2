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

import regex

from ._head import PageMeta, host_names, names_site
from ._options import Options
from ._text import fold
from ._textstats import has_han

__all__ = ["TitleKeys", "keys_of", "split_segments", "title_keys"]

# Separators between a headline and the site/section names in <title>: spaced dashes and
# bars, or unspaced bars, underscores, guillemets and double dashes.
# (?<!\s): a try starts only where a run of spaces starts, so a long run costs linear time.
_SEPARATOR = re.compile(
    r"(?<!\s)\s+[-–—|·•»«›‹:/~*⋆>]\s+|(?<!\s)\s*(?:[|_»«›‹]+|--+|::|\s[-–—]+\s)\s*"
)
# In CJK titles an unspaced hyphen also separates ("标题-新华网").
_CJK_SEPARATOR = regex.compile(r"(?<!\s)(?:\s*[-–—|_»«›‹·]+\s*|\s+[:/]\s+|\s*--+\s*)")


def split_segments(reference: str) -> list[str]:
    """`reference` cut at title separators (unspaced hyphens too when it is CJK)."""
    rx = _CJK_SEPARATOR if has_han(reference) else _SEPARATOR
    return [s for s in (p.strip() for p in rx.split(reference)) if s]


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
        key = fold(text)
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


def title_keys(meta: PageMeta, *, url: str | None = None, options: Options) -> TitleKeys:
    """The title references the head stage read (``<title>``, ``og:title``); the site's
    name (``og:site_name``, ``application-name``, the host name in `url`) is no headline."""
    refs = [meta.title] if meta.title else []
    refs += meta.all("og:title")
    sites = host_names(url) + meta.all("og:site_name", "application-name")
    return keys_of(refs, sites=sites, options=options)


def keys_of(refs: Sequence[str], *, sites: Sequence[str] = (), options: Options) -> TitleKeys:
    """Keys of these title references and of the runs of their segments that can be a
    headline: the first or the longest segment, alone or with neighbours, unless it names
    the site (a segment alone that is a section or the site's name is no headline)."""
    site_keys = {fold(s) for s in sites}
    keys: set[str] = set()
    for ref in refs:
        segments = split_segments(ref)[: options.headline_max_segments] if ref else []
        if not segments:
            continue
        keys.add(fold(ref))
        longest = max(range(len(segments)), key=lambda i: len(segments[i]))
        for i in range(len(segments)):
            for j in range(i + 1, len(segments) + 1):
                run = fold(" ".join(segments[i:j]))
                if j - i > 1 or (
                    i in (0, longest)
                    and not names_site(run, site_keys, options.site_name_min_chars)
                ):
                    keys.add(run)
    min_chars = options.headline_min_chars
    return TitleKeys(
        tuple(k for k in keys if len(k) >= min_chars), min_chars, options.headline_min_coverage
    )

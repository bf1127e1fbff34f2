"""Recognising the headline: which text on the page repeats the page's title.

The prune stage uses it to keep the headline's boxes (a theme may call them "header"), the
score stage to anchor the article zone. The references are the ``<title>`` and
``og:title``, and every run of their segments between separators ("Headline - Section |
Site") that holds the longest one, so a headline matches whatever the site put around it
and the site's name alone matches nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from ._metadata._title import split_segments

__all__ = ["TitleKeys", "keys_of", "title_keys"]

_NON_WORD = re.compile(r"[\W_]+")
_MAX_SEGMENTS = 8  # real titles have a handful; runs of segments grow with the square


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
            if key in ref or ref in key:
                short, long_ = sorted((len(key), len(ref)))
                if short >= self.min_coverage * long_:
                    best = max(best, short)
        return best

    @property
    def longest(self) -> int:
        return max((len(k) for k in self.keys), default=0)


def title_keys(tree: LexborHTMLParser, *, min_chars: int, min_coverage: float) -> TitleKeys:
    """The title references of the page in `tree` (``<title>``, ``og:title``)."""
    refs = []
    node = tree.css_first("head > title") or tree.css_first("title")
    if node is not None:
        refs.append(node.text(strip=True))
    meta = tree.css_first('meta[property="og:title"]')
    if meta is not None:
        refs.append(meta.attributes.get("content") or "")
    return keys_of(refs, min_chars=min_chars, min_coverage=min_coverage)


def keys_of(refs: list[str], *, min_chars: int, min_coverage: float) -> TitleKeys:
    """Keys of these title references and of every run of their segments."""
    keys: set[str] = set()
    for ref in refs:
        segments = split_segments(ref)[:_MAX_SEGMENTS] if ref else []
        if not segments:
            continue
        # a headline is the title's longest segment, alone or with its neighbours; a
        # shorter segment on its own is a section or the site's name
        longest = max(range(len(segments)), key=lambda i: len(segments[i]))
        for i in range(longest + 1):
            for j in range(longest + 1, len(segments) + 1):
                keys.add(_key(" ".join(segments[i:j])))
        keys.add(_key(ref))
    return TitleKeys(tuple(k for k in keys if len(k) >= min_chars), min_chars, min_coverage)

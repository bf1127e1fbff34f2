"""Stage 8b, site boilerplate: the lines a caller's `SiteMemory` knows as a host's furniture.

Pages of one site repeat furniture inside the article's own container (a "follow us" line, a
disclaimer, a signature box) that nothing on a single page tells from text. Seen across the
site's pages it stands out: the same line in the bodies of most of them. A `SiteMemory` learns
those lines from extracted pages (`SiteMemory.learn`), and `extract(..., site_memory=...)`
drops them from the body (reason ``site-boilerplate``), their features kept.

It is the caller's object, never global state: learn from a set of pages first, then extract
with it. The result depends only on the set of pages learned, not on their order:

* a line is a block of the body (a paragraph, a list item, a line of text), compared as
  `_dedup` compares blocks (whitespace and case aside), stored as an 8-byte hash;
* a page counts once however often it is learned: pages are told apart by a hash of their
  whole body, so two URLs of one article are one page;
* the memory is bounded (`SiteMemorySettings`' caps). Beyond them it keeps a fixed sample, the
  hosts and the pages whose hashes are lowest (order-independent, as a bottom-k sample is),
  and of a page with very many lines its first and last ones, where furniture sits.

Learning reads what extraction kept, so a page's lines are judged by the same options as the
pages they are removed from; headings are left alone (a recipe site's "Ingredients" is
structure, not furniture).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ._dedup import text_key
from ._model import Article
from ._reasons import Reason
from ._segment import RawBlock
from ._textstats import without_controls

__all__ = [
    "Boilerplate",
    "SiteMemory",
    "SiteMemorySettings",
    "drop_boilerplate",
    "learned",
    "site_of",
]

_DIGEST_BYTES = 8
"""Bytes of a line's hash: 2**64 values, so two different lines of one host never collide in
practice, at an eighth of the memory a short line's text takes."""


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteMemorySettings:
    """What a `SiteMemory` learns and removes, and its bounds. Immutable.

    Lengths are in the text measure of `Block.length`: words, CJK characters.
    """

    min_pages: int = 2
    """A line is a host's boilerplate only when the bodies of at least this many of its
    pages learned hold it (at least 2: never learned from a single page)."""
    min_share: float = 0.5
    """... and of at least this share of the host's pages learned."""
    min_length: int = 2
    """Lines shorter than this are neither learned nor removed (one word: a label the
    select stage already judges)."""
    max_length: int = 80
    """Lines longer than this are neither learned nor removed: a long paragraph in two
    articles is more likely quoted text than furniture."""
    max_removed_share: float = 0.5
    """A page loses its boilerplate lines only when they make up at most this share of its
    body (measured); more, and the match is more likely a copy of the same article, or a
    page made of furniture, than furniture in an article. Below 1, so a body never empties."""
    max_hosts: int = 1000
    """Hosts remembered at most; beyond, those whose name hashes lowest."""
    max_pages_per_host: int = 50
    """Pages remembered per host at most; beyond, those whose body hashes lowest (a sample
    that is the same whatever the order of the pages)."""
    max_lines_per_page: int = 100
    """Lines learned per page at most; a page with more gives its first and last halves.
    With the other caps: at most ``max_hosts * max_pages_per_host * max_lines_per_page``
    hashes of 8 bytes (40 MB with the defaults; a few hundred kB for a typical batch)."""

    def __post_init__(self) -> None:
        if self.min_pages < 2:
            raise ValueError(
                "SiteMemorySettings.min_pages must be at least 2 (never learn from one page)"
            )
        if not 0.0 < self.min_share <= 1.0:
            raise ValueError("SiteMemorySettings.min_share must be in (0, 1]")
        if not 0.0 <= self.max_removed_share < 1.0:
            raise ValueError("SiteMemorySettings.max_removed_share must be in [0, 1)")
        if not 1 <= self.min_length <= self.max_length:
            raise ValueError("SiteMemorySettings: need 1 <= min_length <= max_length")
        if (
            min(self.max_hosts, self.max_lines_per_page) < 1
            or self.max_pages_per_host < self.min_pages
        ):
            raise ValueError(
                "SiteMemorySettings: the caps must be positive, max_pages_per_host >= min_pages"
            )


_DEFAULT_SETTINGS = SiteMemorySettings()


def site_of(url: str | None) -> str:
    """The site a page belongs to: its URL's host, without ``www.``; pages without a URL
    (or with a URL without a host) are all of one unnamed site, ``""``."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # an unparsable URL (a bad port, an unclosed IPv6 bracket)
        return ""
    return host.removeprefix("www.")


def _digest(text: str) -> bytes:
    return hashlib.blake2b(
        text.encode("utf-8", "surrogatepass"), digest_size=_DIGEST_BYTES
    ).digest()


def _line_digest(text: str) -> bytes:
    return _digest(text_key(without_controls(text)))


def _eligible(length: int, heading_level: int, settings: SiteMemorySettings) -> bool:
    return not heading_level and settings.min_length <= length <= settings.max_length


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """What a `SiteMemory` has learned, frozen: per site, the hashes of its boilerplate
    lines; small, read-only, and what travels to worker processes."""

    settings: SiteMemorySettings
    lines: Mapping[str, frozenset[bytes]]


def learned(memory: SiteMemory | None) -> Boilerplate | None:
    """The boilerplate `memory` has learned so far (None for no memory); raises
    `TypeError` for anything but a `SiteMemory` or None."""
    if memory is None:
        return None
    if not isinstance(memory, SiteMemory):
        raise TypeError(f"site_memory must be a declutter.SiteMemory, not {type(memory).__name__}")
    return memory._boilerplate()


class SiteMemory:
    """Learns the lines repeated across the bodies of a site's pages, which
    ``extract(html, url=..., site_memory=memory)`` then removes (reason ``site-boilerplate``).

    The caller owns it: learn from every page of a batch first, then extract with it; the
    result is the same whatever the order of the pages. Picklable (for worker processes)
    and bounded in memory (`SiteMemorySettings`).

    >>> memory = SiteMemory()
    >>> memory.settings.min_pages
    2
    """

    __slots__ = ("_cache", "_hosts", "settings")

    def __init__(self, settings: SiteMemorySettings | None = None) -> None:
        if settings is not None and not isinstance(settings, SiteMemorySettings):
            raise TypeError(f"settings must be a SiteMemorySettings, not {type(settings).__name__}")
        self.settings = settings or _DEFAULT_SETTINGS
        self._hosts: dict[str, _Host] = {}
        self._cache: Boilerplate | None = None

    def learn(self, article: Article, url: str | None) -> bool:
        """Learn the lines of one extracted page (its kept blocks: extract it with its
        blocks, as `extract` and `extract_many` do by default). `url` is the URL the page is
        extracted with (its site is `url`'s host; pages without one are one unnamed site).
        Returns whether the memory changed: False for a page already learned, a page with
        no line to learn, or one outside the sample the caps keep."""
        if not isinstance(article, Article):
            raise TypeError(f"learn() takes an Article, not {type(article).__name__}")
        page = _page_lines(article, self.settings)
        if page is None:
            return False
        changed = self._add(site_of(url), *page)
        if changed:
            self._cache = None
        return changed

    def _add(self, site: str, fingerprint: bytes, lines: bytes) -> bool:
        host = self._hosts.get(site)
        if host is None:
            host = _Host(_digest(site))
            if len(self._hosts) >= self.settings.max_hosts:
                largest = max(self._hosts, key=lambda name: self._hosts[name].order)
                if self._hosts[largest].order < host.order:
                    return False  # outside the sample of hosts
                del self._hosts[largest]
            self._hosts[site] = host
        return host.add(fingerprint, lines, self.settings.max_pages_per_host)

    def pages(self, url: str | None = None) -> int:
        """Pages learned: of `url`'s site, or of every site when `url` is None."""
        if url is None:
            return sum(len(h.pages) for h in self._hosts.values())
        host = self._hosts.get(site_of(url))
        return len(host.pages) if host else 0

    def _boilerplate(self) -> Boilerplate:
        if self._cache is None:
            lines = {site: host.repeated(self.settings) for site, host in self._hosts.items()}
            self._cache = Boilerplate(self.settings, {s: v for s, v in lines.items() if v})
        return self._cache

    def __repr__(self) -> str:
        return f"SiteMemory({len(self._hosts)} sites, {self.pages()} pages)"

    def __getstate__(self) -> tuple[SiteMemorySettings, dict[str, _Host]]:
        return self.settings, self._hosts  # the cache is derived: rebuilt where it is needed

    def __setstate__(self, state: tuple[SiteMemorySettings, dict[str, _Host]]) -> None:
        self.settings, self._hosts = state
        self._cache = None


@dataclass(slots=True)
class _Host:
    """One site's pages learned: body hash -> its lines' hashes (sorted, concatenated)."""

    order: bytes
    """The host name's hash: which hosts a full memory keeps."""
    pages: dict[bytes, bytes] = field(default_factory=dict)

    def add(self, fingerprint: bytes, lines: bytes, cap: int) -> bool:
        if fingerprint in self.pages:
            return False
        if len(self.pages) >= cap:
            largest = max(self.pages)
            if largest < fingerprint:
                return False  # outside the sample of pages
            del self.pages[largest]
        self.pages[fingerprint] = lines
        return True

    def repeated(self, settings: SiteMemorySettings) -> frozenset[bytes]:
        """The lines in enough of the pages' bodies to be boilerplate."""
        floor = max(settings.min_pages, settings.min_share * len(self.pages))
        counts = Counter(line for lines in self.pages.values() for line in _chunks(lines))
        return frozenset(line for line, n in counts.items() if n >= floor)


def _chunks(lines: bytes) -> Iterable[bytes]:
    return (lines[i : i + _DIGEST_BYTES] for i in range(0, len(lines), _DIGEST_BYTES))


def _page_lines(article: Article, settings: SiteMemorySettings) -> tuple[bytes, bytes] | None:
    """(body hash, its learnable lines' hashes) of a page; None when it has none."""
    body = [b for b in article.blocks if b.kept or b.reason == Reason.SITE_BOILERPLATE]
    eligible = [b.text for b in body if _eligible(b.length, b.heading_level, settings)]
    if not eligible:
        return None
    half = settings.max_lines_per_page // 2
    if len(eligible) > settings.max_lines_per_page:  # the edges of the body, where furniture sits
        eligible = eligible[: settings.max_lines_per_page - half] + eligible[len(eligible) - half :]
    fingerprint = _digest("\n".join(text_key(without_controls(b.text)) for b in body))
    return fingerprint, b"".join(sorted({_line_digest(text) for text in eligible}))


def drop_boilerplate(
    blocks: list[RawBlock], boilerplate: Boilerplate | None, url: str | None
) -> None:
    """Drop in place the kept blocks that are boilerplate of `url`'s site (reason
    ``site-boilerplate``), unless they would take more than `max_removed_share` of the body."""
    if boilerplate is None:
        return
    lines, settings = boilerplate.lines.get(site_of(url)), boilerplate.settings
    if not lines:
        return
    kept = [b for b in blocks if b.kept]
    found = [
        b
        for b in kept
        if _eligible(b.length, b.heading_level, settings) and _line_digest(b.text) in lines
    ]
    removed = sum(b.length for b in found)
    if not found or removed > settings.max_removed_share * sum(b.length for b in kept):
        return
    for block in found:
        block.kept, block.reason = False, Reason.SITE_BOILERPLATE

"""Where the page shows its title, date and authors: `Article.sources`, for the report.

The choices are made elsewhere (`_title`, `_dates`, `_authors`); this only points at the
block that shows each chosen value, through a `Locate` the pipeline hands in (the metadata
stage reads the DOM and knows nothing of blocks). The headline is the element the title
was taken from; a date from a ``<time>`` is that element; a printed date or a credited name
is the first block from the headline on (then from the page's top) that prints it (a date
declared in JSON-LD or a meta tag too, when the page prints its day).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from selectolax.lexbor import LexborNode

from .._model import Source
from .._options import Options
from ._dateparse import parse_structured, search_text

__all__ = ["Locate", "find_sources"]

_DAY = len("2025-06-21")
_PRINTED = frozenset(("time", "text"))
"""Date sources the page prints (the others are declared: JSON-LD, meta, the URL)."""


class Locate(Protocol):
    """Block indices of elements and printed values (`_locate.BlockLocator`)."""

    def element(self, node: LexborNode | None) -> int: ...

    def printed(
        self,
        accept: Callable[[str], bool],
        *,
        start: int = 0,
        end: int | None = None,
        max_chars: int | None = None,
    ) -> int: ...


def find_sources(
    locate: Locate, *, title: str | None, headline: LexborNode | None, date: str | None, date_source: str | None,
    time_elements: list[LexborNode], authors: tuple[str, ...], day_first: bool, options: Options,
) -> tuple[Source, ...]:  # fmt: skip
    """A `Source` for each of title, date and authors the page has."""
    out: list[Source] = []
    at = locate.element(headline) if headline is not None else -1
    if title:
        out.append(Source("title", "heading" if at >= 0 else "declared", at))
    start = at + 1  # bylines and dates follow the headline (or, without one, start the page)
    if date and date_source:
        # A declared date is often printed as well: the block that prints its day shows it.
        block = (
            _date_element(locate, date, time_elements, day_first) if date_source == "time" else -1
        )
        if block < 0:
            block = _printed_date(
                locate, date, start, day_first, options, far=date_source in _PRINTED
            )
        out.append(Source("date", date_source, block))
    if authors:
        name = authors[0].casefold()  # bylines are often in capitals

        def shows(text: str) -> bool:
            return name in text.casefold()

        # near the headline, then after it, then before it (never the headline itself)
        block = locate.printed(shows, start=start, max_chars=options.byline_window)
        if block < 0:
            block = locate.printed(shows, start=start)
        if block < 0 and at > 0:
            block = locate.printed(shows, end=at)
        out.append(Source("authors", "printed", block))
    return tuple(out)


def _date_element(locate: Locate, date: str, nodes: list[LexborNode], day_first: bool) -> int:
    """The block of the first machine-readable date element that states `date`."""
    for node in nodes:
        attrs = node.attributes
        raw = attrs.get("datetime") or attrs.get("content")
        value = parse_structured(raw, day_first=day_first) if raw else None
        if value is not None and value.iso() == date:
            return locate.element(node)
    return -1


def _printed_date(
    locate: Locate, date: str, start: int, day_first: bool, options: Options, *, far: bool
) -> int:
    """The first block within `date_window` characters after the headline that prints the
    day of `date`; when `far` (the page printed the date somewhere), then the first after
    the headline, then before it, within `date_label_scan_chars` each."""
    day, year = date[:_DAY], int(date[:4])

    def prints(text: str) -> bool:
        head = text[: options.date_window]
        return any(
            v.iso()[:_DAY] == day for v in search_text(head, day_first=day_first, year_hint=year)
        )

    block = locate.printed(prints, start=start, max_chars=options.date_window)
    if block < 0 and far:
        block = locate.printed(prints, start=start, max_chars=options.date_label_scan_chars)
    if block < 0 and far and start > 1:
        block = locate.printed(prints, end=start - 1, max_chars=options.date_label_scan_chars)
    return block

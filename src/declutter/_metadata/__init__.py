"""Stage 7, metadata: title, dates, authors and the page's other descriptive fields.

Searched across the whole page (the DOM is never pruned), so a byline that sits only in a
second copy of the article is still found.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from .._options import Options

__all__ = ["Metadata", "extract_metadata"]


@dataclass(frozen=True, slots=True)
class Metadata:
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    date_modified: str | None = None
    date_source: str | None = None
    site_name: str | None = None
    description: str | None = None
    language: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


def extract_metadata(
    tree: LexborHTMLParser,
    *,
    url: str | None,
    body: str,
    options: Options,
    reference_time: datetime | None = None,
) -> Metadata:
    """Metadata of the page in `tree` (`body` is the extracted text, for context).

    PLACEHOLDER: only the first <h1> as title; the real extractors are being written.
    """
    node = tree.css_first("h1")
    title = node.text(strip=True) if node is not None else None
    return Metadata(title=title or None)

"""Shared helper of the metadata tests: run the stage on a snippet."""

from __future__ import annotations

from datetime import datetime

from selectolax.lexbor import LexborHTMLParser

from declutter._head import read_head
from declutter._metadata import extract_metadata
from declutter._model import Article
from declutter._options import DEFAULT_OPTIONS


def meta_of(
    html: str, *, url: str | None = None, body: str = "", reference_time: datetime | None = None
) -> Article:
    """The metadata stage alone on `html` (body given explicitly, as the pipeline would)."""
    tree = LexborHTMLParser(html)
    return extract_metadata(
        tree,
        meta=read_head(tree, DEFAULT_OPTIONS),
        url=url,
        body=body,
        options=DEFAULT_OPTIONS,
        reference_time=reference_time,
    )

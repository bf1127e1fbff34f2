"""Shared helpers of the metadata tests: run the stage on a snippet, find the shared data."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from declutter._metadata import Metadata, extract_metadata
from declutter._options import DEFAULT_OPTIONS


def meta_of(html: str, *, url: str | None = None, body: str = "", reference_time: datetime | None = None) -> Metadata:
    """The metadata stage alone on `html` (body given explicitly, as the pipeline would)."""
    return extract_metadata(
        LexborHTMLParser(html), url=url, body=body, options=DEFAULT_OPTIONS, reference_time=reference_time
    )


def shared_dir() -> Path | None:
    """The project's shared data: $DECLUTTER_SHARED, ../shared beside the clone, or /work/shared."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (os.environ.get("DECLUTTER_SHARED"), here.parent / "shared", "/work/shared"):
        if candidate and Path(candidate, "bench").is_dir():
            return Path(candidate)
    return None

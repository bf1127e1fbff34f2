"""`declutter.extract`: the public entry point, which checks its arguments and runs the
pipeline (`_pipeline.timed_extract`) on them."""

from __future__ import annotations

from datetime import datetime

from . import _site
from ._arguments import Input, checked_options
from ._clock import NO_CLOCK
from ._model import Article
from ._options import Options
from ._pipeline import timed_extract

__all__ = ["extract"]


def extract(
    html: Input, *, url: str | None = None, options: Options | None = None,
    encoding: str | None = None, reference_time: datetime | None = None,
    site_memory: _site.SiteMemory | None = None,
) -> Article:  # fmt: skip
    """Extract the article of one page.

    `html` is the page as bytes (any encoding; `encoding` is a charset stated by the
    transport, such as an HTTP header, and outranks the page's own declaration) or as str.
    `url` is the page's address. `reference_time` is "now" for the page: relative dates
    ("3 hours ago") resolve only against it, and dates after it are rejected.
    `site_memory` (a `SiteMemory` learned from pages of the site) removes the lines it knows
    as the site's boilerplate.

    Raises `TypeError` (`InputTypeError` for `html`) for arguments of the wrong type, and
    nothing else: a page it cannot make sense of gives an `Article` with an empty body.
    """
    options = checked_options(html, url, options, encoding, reference_time)
    site = _site.learned(site_memory)
    return timed_extract(html, url, options, encoding, reference_time, NO_CLOCK, site)

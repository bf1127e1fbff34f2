"""declutter: the clean title, date, author and body of the article on a web page.

>>> import declutter
>>> doc = declutter.extract(
...     "<html><head><title>Hi there, world</title></head><body><article><h1>Hi there, world</h1>"
...     "<p>A first paragraph, long enough to count as text and with a comma, as prose has.</p>"
...     "</article></body></html>"
... )
>>> doc.title
'Hi there, world'
>>> doc.body
'A first paragraph, long enough to count as text and with a comma, as prose has.'
"""

import logging as _logging

from ._api import extract
from ._batch import Extracted, extract_many
from ._errors import FetchError, InputTypeError
from ._fetch import Fetched, extract_url, fetch
from ._model import Article, Block, Comment, Image, Link, Mark, ScorePart
from ._options import DEFAULT_OPTIONS, Options
from ._reasons import PruneKind, Reason
from ._render import FORMATS, render
from ._site import SiteMemory, SiteMemorySettings
from ._version import __version__

__all__ = [
    "Article", "Block", "Comment", "DEFAULT_OPTIONS", "Extracted", "FORMATS", "FetchError", "Fetched",
    "Image", "InputTypeError", "Link", "Mark", "Options", "PruneKind", "Reason", "ScorePart",
    "SiteMemory", "SiteMemorySettings", "__version__", "extract", "extract_many", "extract_url",
    "fetch", "render",
]  # fmt: skip

_logging.getLogger(__name__).addHandler(_logging.NullHandler())

"""Exceptions declutter raises. Content never raises; only wrong argument types do (and
fetching a URL, `declutter.fetch`, raises `FetchError` when no page comes back).

    TypeError
     └── InputTypeError   extract()/extract_many() got something that is not bytes or str
    Exception
     └── FetchError       fetch()/extract_url(): network failure, HTTP error, not HTML
"""

from __future__ import annotations

__all__ = ["FetchError", "InputTypeError"]


class InputTypeError(TypeError):
    """The input is not ``bytes``, ``bytearray``, ``memoryview`` or ``str`` (or is a released
    ``memoryview``, which can no longer be read)."""


class FetchError(Exception):
    """A URL that gave no page: network failure, HTTP error status, too many redirects, or
    a response that is not HTML. ``str(error)`` is one line saying which."""

"""Exceptions declutter raises. Content never raises; only wrong argument types do.

    TypeError
     └── InputTypeError   extract()/extract_many() got something that is not bytes or str
"""

from __future__ import annotations

__all__ = ["InputTypeError"]


class InputTypeError(TypeError):
    """The input is not ``bytes``, ``bytearray``, ``memoryview`` or ``str`` (or is a released
    ``memoryview``, which can no longer be read)."""

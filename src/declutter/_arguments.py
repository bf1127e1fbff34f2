"""`extract`'s arguments: their types checked, and the input bounded to `Options.max_bytes`."""

from __future__ import annotations

from datetime import datetime

from ._errors import InputTypeError
from ._options import DEFAULT_OPTIONS, Options

__all__ = ["Input", "bounded", "checked_options"]

Input = bytes | bytearray | memoryview | str


def checked_options(
    html: object, url: object, options: object, encoding: object, reference_time: object
) -> Options:
    """The options to extract with, once every argument has the right type (raises
    `TypeError`, `InputTypeError` for `html`, otherwise)."""
    if not isinstance(html, (bytes, bytearray, memoryview, str)):
        raise InputTypeError(f"extract() takes the page as bytes or str, not {type(html).__name__}")
    if url is not None and not isinstance(url, str):
        raise TypeError(f"url must be a str or None, not {type(url).__name__}")
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(f"encoding must be a str or None, not {type(encoding).__name__}")
    if options is not None and not isinstance(options, Options):
        raise TypeError(f"options must be a declutter.Options, not {type(options).__name__}")
    if reference_time is not None and not isinstance(reference_time, datetime):
        raise TypeError(
            f"reference_time must be a datetime or None, not {type(reference_time).__name__}"
        )
    return DEFAULT_OPTIONS if options is None else options


def bounded(html: Input, max_bytes: int) -> tuple[bytes | str, bool]:
    """The first `max_bytes` bytes of the input (only they are copied), and whether that cut
    it; a str is left whole here and cut after decoding, in `_parse`."""
    if isinstance(html, memoryview):
        html = _as_bytes_view(html)
    if isinstance(html, str):
        return html, False  # `_parse` cuts text, after decoding
    return bytes(html[:max_bytes]), len(html) > max_bytes


def _as_bytes_view(view: memoryview) -> memoryview | bytes:
    """A memoryview of bytes, whatever the item format or shape of `view`."""
    try:
        return view.cast("B") if view.c_contiguous else view.tobytes()
    except ValueError as exc:  # a released memoryview
        raise InputTypeError(f"extract() cannot read this memoryview: {exc}") from None

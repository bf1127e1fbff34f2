"""Stage 2, parse: text to a DOM, once, with Lexbor (selectolax)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

__all__ = ["parse"]


def parse(text: str, *, max_chars: int) -> tuple[LexborHTMLParser, bool]:
    """The page's DOM, and whether the text was cut to `max_chars` first.

    NUL characters are dropped: the HTML tokenizer would turn them into U+FFFD anyway, and a
    page of NULs (a binary file) then parses to an empty document instead of a garbage one.
    """
    truncated = len(text) > max_chars
    if truncated:
        text = text[:max_chars]
    if "\x00" in text:
        text = text.replace("\x00", "")
    return LexborHTMLParser(text), truncated

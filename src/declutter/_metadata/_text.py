"""Small text helpers shared by the metadata extractors."""

from __future__ import annotations

import html
import re

import regex

__all__ = ["clean", "fold", "has_han"]

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_INVISIBLE = re.compile(r"[\u00ad\u200c\u200d\u2060]")
_HAN = regex.compile(r"\p{Han}")
# Case- and punctuation-insensitive key: letters, digits and Han only (stdlib `re` is
# faster here than `regex`, and its \W is Unicode-aware: what str.isalnum() rejects).
_NON_WORD = re.compile(r"[\W_]+")
# The same for ASCII text, as bytes to delete (much faster than the pattern).
_ASCII_NON_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


def clean(text: str | None) -> str:
    """Whitespace collapsed, entities decoded (JSON-LD and meta often carry `&amp;`)."""
    if not text:
        return ""
    if text.isascii() and "&" not in text:
        # No entity nor invisible character; str.split() splits where \s matches.
        return " ".join(text.split())
    if "&" in text:
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Comparison key: lower case, punctuation and spaces removed."""
    if text.isascii():
        return text.encode("ascii").lower().translate(None, _ASCII_NON_WORD).decode("ascii")
    return _NON_WORD.sub("", text.casefold())


def has_han(text: str) -> bool:
    return not text.isascii() and _HAN.search(text) is not None

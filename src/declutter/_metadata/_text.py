"""Small text helpers shared by the metadata extractors."""

from __future__ import annotations

import html
import re

import regex

__all__ = ["clean", "fold", "has_han", "is_name_char_run", "same_text"]

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_INVISIBLE = re.compile(r"[\u00ad\u200c\u200d\u2060]")
_HAN = regex.compile(r"\p{Han}")
# Case- and punctuation-insensitive key: letters, digits and Han only (stdlib `re` is
# faster here than `regex`, and its \W is Unicode-aware).
_NON_WORD = re.compile(r"[\W_]+")


def clean(text: str | None) -> str:
    """Whitespace collapsed, entities decoded (JSON-LD and meta often carry `&amp;`)."""
    if not text:
        return ""
    if "&" in text:
        text = html.unescape(text)
    text = _INVISIBLE.sub("", text)
    return _SPACE.sub(" ", text).strip()


def fold(text: str) -> str:
    """Comparison key: lower case, punctuation and spaces removed."""
    return _NON_WORD.sub("", text.casefold())


def same_text(a: str, b: str) -> bool:
    """Equal after folding (and both non-empty)."""
    fa = fold(a)
    return bool(fa) and fa == fold(b)


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def is_name_char_run(text: str) -> bool:
    """Only letters, marks, spaces, dots, hyphens and apostrophes: what names are made of."""
    return _NAME_CHARS.fullmatch(text) is not None


_NAME_CHARS = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M} .'’·\-]*")

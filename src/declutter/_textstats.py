"""Text measures that work for every script.

Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) are
measured in characters, all others in words, so one threshold serves Chinese and English
pages alike. Words are runs of letters, marks and digits (``regex`` script classes), never
whitespace-separated chunks.
"""

from __future__ import annotations

import re

import regex

__all__ = ["measure", "punctuation_count", "normalise_space", "is_cjk_char"]

_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
# One token per unspaced-script character, one per word elsewhere.
_TOKEN = regex.compile(rf"[{_UNSPACED}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_UNSPACED}]]+", regex.V1)
# ASCII text is by far the most common block: stdlib `re` is faster for it.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")
_PUNCTUATION = ".,;:!?\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u3001\u060c\u061b"
_SPACE = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r" ?\n[\s]*")
_CJK_SPACE = regex.compile(rf"(?<=[{_UNSPACED}\u3000-\u303f\uff00-\uffef]) (?=[{_UNSPACED}\u3000-\u303f\uff00-\uffef])")


def measure(text: str) -> int:
    """Characters of unspaced scripts plus words of the others."""
    if text.isascii():
        return len(_ASCII_WORD.findall(text))
    return len(_TOKEN.findall(text))


def punctuation_count(text: str) -> int:
    """Sentence punctuation marks (Latin, CJK full-width and Arabic)."""
    return sum(text.count(mark) for mark in _PUNCTUATION)


def normalise_space(text: str) -> str:
    """Collapse runs of spaces, keep line breaks, and drop spaces between CJK characters.

    Source HTML breaks lines inside Chinese sentences; a browser does not show those breaks
    as spaces between two CJK characters, so neither do we.
    """
    text = _SPACE.sub(" ", text)
    if "\n" in text:
        text = _NEWLINES.sub("\n", text)
    text = text.strip()
    if not text.isascii():
        text = _CJK_SPACE.sub("", text)
    return text


def is_cjk_char(char: str) -> bool:
    """True for one character of a script written without word spaces."""
    return _UNSPACED_CHAR.fullmatch(char) is not None


_UNSPACED_CHAR = regex.compile(rf"[{_UNSPACED}]")

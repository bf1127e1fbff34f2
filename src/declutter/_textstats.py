"""Text measures that work for every script.

Scripts written without spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar) are
measured in characters, all others in words, so one threshold serves Chinese and English
pages alike. Words are runs of letters, marks and digits (``regex`` script classes), never
whitespace-separated chunks.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

import regex

__all__ = [
    "has_han", "is_cjk_char", "measure", "normalise_space", "punctuation_count", "without_controls",
]  # fmt: skip

_UNSPACED = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}"
# One token per unspaced-script character, one per word elsewhere.
_TOKEN = regex.compile(rf"[{_UNSPACED}]|[[\p{{L}}\p{{N}}\p{{M}}]--[{_UNSPACED}]]+", regex.V1)
# Latin, Greek and Cyrillic text without combining marks is by far the most common: the
# stdlib `re` counts its words faster, and gets them right.
_SIMPLE_SCRIPTS_ONLY = re.compile(
    r"[\x00-\u024f\u0370-\u03ff\u0400-\u0482\u048a-\u04ff\u2000-\u206f\u20a0-\u20cf\u2100-\u214f]*"
)
_SIMPLE_WORD = re.compile(r"[^\W_]+")
_ASCII_WORD = re.compile(rb"[A-Za-z0-9]+")  # the same words, for ASCII text
_PUNCTUATION = ".,;:!?\u3002\uff0c\uff1b\uff1a\uff01\uff1f\u3001\u060c\u061b"
_PUNCTUATION_MARK = re.compile(f"[{re.escape(_PUNCTUATION)}]")
# Chinese and Japanese never put spaces between characters; Thai, Lao, Khmer and Myanmar
# do, between phrases, so their spaces stay.
_CJK_NEIGHBOUR = r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef]"
_CJK_SPACE = regex.compile(rf"(?<={_CJK_NEIGHBOUR}) (?={_CJK_NEIGHBOUR})")
_HAN = regex.compile(r"\p{Han}")


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]+")
"""C0 and C1 control characters but tab and newline: ESC, BEL, CSI... retitle or clear a
terminal, and no text needs them."""


def without_controls(text: str) -> str:
    """`text` without `_CONTROL` characters (the same object when it has none)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def measure(text: str) -> int:
    """Characters of unspaced scripts plus words of the others."""
    if len(text) > _LARGE:
        return sum(_count(piece) for piece in _pieces(text, _TOKEN_BOUNDARY))
    return _count(text)


def _count(text: str) -> int:
    if text.isascii():  # the commonest case: a bytes pattern runs twice as fast
        return len(_ASCII_WORD.findall(text.encode("ascii")))
    if _SIMPLE_SCRIPTS_ONLY.fullmatch(text):
        return len(_SIMPLE_WORD.findall(text))
    return len(_TOKEN.findall(text))


# A large text is measured and collapsed in pieces: a list of every word of a 10 MB block
# would take ten times its size. Pieces end before a space (or, to measure, an unspaced-script
# character), where no token continues, so the results add up exactly.
_LARGE = 1 << 16
_TOKEN_BOUNDARY = regex.compile(rf"[\s{_UNSPACED}]")
_SPACE = re.compile(r"\s")  # the characters str.split() splits on


def _pieces(text: str, boundaries: re.Pattern[str] | regex.Pattern[str]) -> Iterator[str]:
    start = 0
    while start < len(text):
        boundary = boundaries.search(text, start + _LARGE)
        end = boundary.start() if boundary is not None else len(text)
        yield text[start:end]
        start = end


def punctuation_count(text: str) -> int:
    """Sentence punctuation marks (Latin, CJK full-width and Arabic)."""
    return len(_PUNCTUATION_MARK.findall(text))


def normalise_space(text: str, line_break: str | None = None) -> str:
    """Collapse every run of whitespace to one space, drop spaces between CJK characters
    and compose the text to Unicode NFC (a page may spell a character either way); where
    `line_break` occurs (the marker a caller put for ``<br>``), a line break stays.

    Source HTML breaks lines inside Chinese sentences; a browser does not show those breaks
    as spaces between two CJK characters, so neither do we.
    """
    if line_break is not None and line_break in text:
        lines = (_collapse(line) for line in text.split(line_break))
        text = "\n".join(line for line in lines if line)
    else:
        text = _collapse(text)
    if not text.isascii():
        if " " in text:
            text = _CJK_SPACE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):  # one spelling per character
            text = unicodedata.normalize("NFC", text)
    return text


def _collapse(text: str) -> str:
    """Every whitespace run to one space, none at the ends."""
    if len(text) <= _LARGE:
        return " ".join(text.split())
    collapsed = (" ".join(piece.split()) for piece in _pieces(text, _SPACE))
    return " ".join(piece for piece in collapsed if piece)


def is_cjk_char(char: str) -> bool:
    """True for one character of a script written without word spaces."""
    return _UNSPACED_CHAR.fullmatch(char) is not None


_UNSPACED_CHAR = regex.compile(rf"[{_UNSPACED}]")


def has_han(text: str) -> bool:
    """Whether `text` holds a Han character."""
    return not text.isascii() and _HAN.search(text) is not None

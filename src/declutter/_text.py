"""Small text helpers shared by the stages: whitespace, invisible characters, comparison keys."""

from __future__ import annotations

import html
import re
import unicodedata

__all__ = ["clean", "clean_lines", "drop_invisible", "fold"]

_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
_INVISIBLE = re.compile(r"[\u00ad\u200c\u200d\u2060]")
# What `_SPACE` matches, but for the line feed.
_LINE_SPACE = re.compile(r"(?:[^\S\n]|[\u200b\ufeff])+")
# Case- and punctuation-insensitive key: letters, digits and Han only (stdlib `re` is
# faster here than `regex`, and its \W is Unicode-aware: what str.isalnum() rejects).
_NON_WORD = re.compile(r"[\W_]+")
# The same for ASCII text, as bytes to delete (much faster than the pattern).
_ASCII_NON_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


def clean(text: str | None) -> str:
    """Whitespace collapsed, entities decoded (JSON-LD and meta often carry `&amp;`),
    composed to Unicode NFC."""
    if not text:
        return ""
    if text.isascii() and "&" not in text:
        # No entity nor invisible character; str.split() splits where \s matches.
        return " ".join(text.split())
    if "&" in text:
        text = html.unescape(text)
    text = _SPACE.sub(" ", _INVISIBLE.sub("", text)).strip()
    # one spelling per character, as in the body (see _textstats.normalise_space)
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def drop_invisible(text: str) -> str:
    """Soft hyphens and zero-width joiners removed: "Mat\u00adthi\u00adas" is one word."""
    return _INVISIBLE.sub("", text) if not text.isascii() else text


def clean_lines(text: str) -> str:
    """Each line of `text` cleaned, empty lines dropped: ``"\\n".join`` of the non-empty
    ``clean(line)``, with one pass of each pattern over the whole text (element texts can
    run to hundreds of lines)."""
    if "&" in text:  # an entity may decode to a line feed, which `clean` makes a space
        return "\n".join(line for line in map(clean, text.split("\n")) if line)
    text = _LINE_SPACE.sub(" ", _INVISIBLE.sub("", text))
    return "\n".join(line for line in (part.strip() for part in text.split("\n")) if line)


def fold(text: str) -> str:
    """Comparison key: lower case, punctuation and spaces removed."""
    if text.isascii():
        return text.encode("ascii").lower().translate(None, _ASCII_NON_WORD).decode("ascii")
    return _NON_WORD.sub("", text.casefold())

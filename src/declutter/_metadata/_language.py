"""The page's language: declared in the markup, else guessed from the script of the text."""

from __future__ import annotations

import regex

from ._text import clean

__all__ = ["find_language", "normalise_tag"]

_TAG = regex.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
# Scripts that name one language well enough; Latin text is left undecided. Kana before
# Han (Japanese mixes both), Hangul before Han too.
_SCRIPTS = (
    ("ja", regex.compile(r"[\p{Hiragana}\p{Katakana}]")),
    ("ko", regex.compile(r"\p{Hangul}")),
    ("zh", regex.compile(r"\p{Han}")),
    ("th", regex.compile(r"\p{Thai}")),
    ("el", regex.compile(r"\p{Greek}")),
    ("he", regex.compile(r"\p{Hebrew}")),
    ("ar", regex.compile(r"\p{Arabic}")),
    ("hi", regex.compile(r"\p{Devanagari}")),
    ("bn", regex.compile(r"\p{Bengali}")),
    ("ru", regex.compile(r"\p{Cyrillic}")),  # the most common Cyrillic-script language
)


def normalise_tag(value: str | None) -> str | None:
    """``en_US`` -> ``en-US``; anything that is not a language tag -> None."""
    value = clean(value).split(",")[0].strip() if value else ""
    if not value or not _TAG.match(value):
        return None
    parts = value.replace("_", "-").split("-")
    return "-".join([parts[0].lower()] + [p.upper() if len(p) == 2 else p for p in parts[1:]])


def find_language(declared: list[str | None], text: str, *, sample_chars: int, min_share: float) -> str | None:
    """The first valid declared tag, else the language of the dominant non-Latin script."""
    for value in declared:
        tag = normalise_tag(value)
        if tag is not None:
            return tag
    sample = text[:sample_chars]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return None
    if min_share > 0 and _latin1(sample):
        return None  # no Latin-1 character belongs to the scripts above
    for code, rx in _SCRIPTS:
        if len(rx.findall(sample)) / letters >= min_share:
            return code
    return None


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True

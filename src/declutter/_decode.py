"""Stage 1, decode: page bytes to text.

Order of evidence: a byte-order mark, then the byte pattern of UTF-16 (every other byte
NUL), then the charset the transport stated (HTTP/WARC header), then the page's own
``<meta charset>``/``http-equiv``/XML declaration, then detection. A declaration is
believed only when the bytes agree with it: bytes that are valid, non-ASCII UTF-8 are UTF-8
whatever the page claims (GBK text is almost never valid UTF-8 by chance), and bytes that
do not decode under the declared charset go to the detector (charset-normalizer) instead of
being garbled. The detector sees a sample of a
large page (its start, middle and end), never all of it: its time grows fast with size.

Binary data (an image, a PDF, a compressed file: many control bytes, or a PDF header)
decodes to no text at all rather than to garbage that might read as an article.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

__all__ = ["Decoded", "decode"]


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str | None
    """Python codec name used, ``None`` when the input was already ``str`` or is binary."""
    source: str
    """Which evidence decided: ``str``, ``bom``, ``declared``, ``utf-8``, ``detected``,
    ``fallback``, ``binary``."""
    utf8: bytes | None = None
    """The input itself when it is exactly `text` encoded as UTF-8 (valid UTF-8, no BOM):
    the parser reads these bytes instead of encoding `text` again."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Where to look for a declaration: real pages put it after long <head> scripts now and then.
_DECLARATION_WINDOW = 32768
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
# Labels whose bytes are, in practice, a superset's (WHATWG Encoding Standard mapping).
_SUPERSETS = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "big5": "big5hkscs", "shift_jis": "cp932", "sjis": "cp932", "x-sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252", "latin1": "cp1252",
    "latin-1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252", "iso-8859-9": "cp1254",
    "tis-620": "cp874", "iso-8859-11": "cp874", "utf8": "utf-8", "unicode": "utf-16",
}  # fmt: skip
# Python codecs that are no web charset: a page or header naming them is ignored (they
# raise on any input, interpret backslash escapes, or decode domain names).
_NOT_CHARSETS = frozenset(
    ("undefined", "unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7", "mbcs",
     "oem", "charmap")
)  # fmt: skip
_UTF16_NUL_SHARE = 0.3
# Binary data: C0 control bytes other than whitespace, NUL (a stray one is stripped later) and
# ESC (ISO-2022 text), in a sample of the start, middle and end. Random or compressed bytes
# have about 10 %, text next to none.
_BINARY_SAMPLE = 4096
_BINARY_CONTROL_SHARE = 0.03
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\x00\t\n\x0b\x0c\r\x1b") + b"\x7f"
_BINARY_SIGNATURES = (b"%PDF-",)  # mostly ASCII at the start, so named
# Charset detection reads at most three windows of this size (start, middle, end).
_DETECTION_WINDOW = 65536


def decode(data: bytes | str, *, declared: str | None = None, tolerated: float = 0.002) -> Decoded:
    """Decode `data`; `declared` is a charset stated outside the page (HTTP, WARC).

    `tolerated` is the share of undecodable bytes under which a mostly-UTF-8 page (one bad
    ad snippet, a cut-off last character) is still read as UTF-8, the bad bytes replaced.
    """
    if isinstance(data, str):
        return Decoded(data, None, "str")
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(bom_codec, "replace"), bom_codec, "bom")
    if not data:
        return Decoded("", "utf-8", "utf-8")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, "replace"), utf16, "detected")
    if _is_binary(data):
        return Decoded("", None, "binary")
    codec = _codec(declared) or _codec(_declared_in_page(data))
    utf8 = _try(data, "utf-8")
    if utf8 is not None and (codec is None or codec == "utf-8" or not data.isascii()):
        return Decoded(utf8, "utf-8", "declared" if codec == "utf-8" else "utf-8", data)
    if codec is not None and codec != "utf-8":
        text = _try(data, codec)
        if text is not None:
            return Decoded(text, codec, "declared")
    return _detect(data, codec, tolerated)


def _declared_in_page(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, _DECLARATION_WINDOW)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def _codec(label: str | None) -> str | None:
    """Python codec for a charset label, or None for unknown and UTF-16 labels in ASCII pages."""
    if not label:
        return None
    label = label.strip().lower()
    label = _SUPERSETS.get(label, label)
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError, UnicodeError):  # unknown, or a NUL or surrogate in it
        return None
    name = info.name
    if not info._is_text_encoding or name in _NOT_CHARSETS:  # private, but the only flag
        return None
    # A page whose bytes hold an ASCII <meta charset=utf-16> cannot be UTF-16.
    return None if name.startswith(("utf-16", "utf-32")) else _SUPERSETS.get(name, name)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


def _detect(data: bytes, declared: str | None, tolerated: float) -> Decoded:
    utf8_text = data.decode("utf-8", "replace")
    bad = utf8_text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= tolerated * len(data) and (declared in (None, "utf-8") or bad <= 2):
        return Decoded(utf8_text, "utf-8", "utf-8")
    best = charset_normalizer.from_bytes(_sample(data)).best()
    if best is not None:
        codec = _codec(best.encoding) or best.encoding
        return Decoded(data.decode(codec, "replace"), codec, "detected")
    fallback = declared or "utf-8"
    return Decoded(data.decode(fallback, "replace"), fallback, "fallback")


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even_nul = sample[0::2].count(0) / half
    odd_nul = sample[1::2].count(0) / half
    if odd_nul > _UTF16_NUL_SHARE and even_nul < _UTF16_NUL_SHARE / 3:
        return "utf-16-le"
    if even_nul > _UTF16_NUL_SHARE and odd_nul < _UTF16_NUL_SHARE / 3:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    if data.startswith(_BINARY_SIGNATURES):
        return True
    sample = _windows(data, _BINARY_SAMPLE)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_CONTROL_SHARE * len(sample)


def _sample(data: bytes) -> bytes:
    """What the detector reads: all of a small page; of a large one, its start, middle and
    end, each cut after a line end or a ">" so that no multi-byte character is split (no
    legacy encoding uses those bytes inside a character)."""
    if len(data) <= 3 * _DETECTION_WINDOW:
        return data
    middle = len(data) // 2 - _DETECTION_WINDOW // 2
    window = _DETECTION_WINDOW
    parts = [data[:window], data[middle : middle + window], data[-window:]]
    return b"\n".join(_cut_at_boundaries(part, first=i == 0) for i, part in enumerate(parts))


def _cut_at_boundaries(part: bytes, *, first: bool) -> bytes:
    start = 0 if first else min(_found(part.find(b"\n")), _found(part.find(b">"))) + 1
    end = max(part.rfind(b"\n"), part.rfind(b">")) + 1
    return part[start:end] if end > start else part


def _found(index: int) -> int:
    return index if index >= 0 else 1 << 62


def _windows(data: bytes, size: int) -> bytes:
    if len(data) <= 3 * size:
        return data
    middle = len(data) // 2
    return data[:size] + data[middle : middle + size] + data[-size:]

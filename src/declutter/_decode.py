"""Stage 1, decode: page bytes to text.

Order of evidence: a byte-order mark, then the charset the transport stated (HTTP/WARC
header), then the page's own ``<meta charset>``/``http-equiv``/XML declaration, then
detection. A declaration is believed only when the bytes agree with it: bytes that are
valid, non-ASCII UTF-8 are UTF-8 whatever the page claims (GBK text is almost never valid
UTF-8 by chance), and bytes that do not decode under the declared charset go to the
detector (charset-normalizer) instead of being garbled.
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
    """Python codec name used, ``None`` when the input was already ``str``."""
    source: str
    """Which evidence decided: ``str``, ``bom``, ``declared``, ``utf-8``, ``detected``, ``fallback``."""


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
_UTF16_NUL_SHARE = 0.3


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
    codec = _codec(declared) or _codec(_declared_in_page(data))
    utf8 = _try(data, "utf-8")
    if utf8 is not None and (codec is None or codec == "utf-8" or not data.isascii()):
        return Decoded(utf8, "utf-8", "declared" if codec == "utf-8" else "utf-8")
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
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A page whose bytes hold an ASCII <meta charset=utf-16> cannot be UTF-16.
    return None if name.startswith(("utf-16", "utf-32")) else _SUPERSETS.get(name, name)


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes, declared: str | None, tolerated: float) -> Decoded:
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, "replace"), utf16, "detected")
    utf8_text = data.decode("utf-8", "replace")
    bad = utf8_text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= tolerated * len(data) and (declared in (None, "utf-8") or bad <= 2):
        return Decoded(utf8_text, "utf-8", "utf-8")
    best = charset_normalizer.from_bytes(data).best()
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

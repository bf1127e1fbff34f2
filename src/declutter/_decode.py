"""Stage 1, decode: page bytes to text, as a browser would read them.

The order of evidence is the HTML standard's encoding sniffing algorithm: a byte-order mark,
then the charset the transport stated (HTTP/WARC header, ``extract(encoding=...)``), then
the page's own declaration found by the standard's prescan, then detection. Labels mean
what the WHATWG Encoding Standard says (`_charsets`): ``iso-8859-1`` is windows-1252,
``gb2312`` is GBK, and a name outside its table (UTF-7, EBCDIC, ``rot13``) is ignored.

The prescan (`_prescan`) reads tags as the standard's does: comments are skipped, a
``<meta>`` counts with a ``charset`` attribute or with ``http-equiv="content-type"`` and a
``content`` holding ``charset=``, and attributes of other tags are read whole (so a
``title="<meta charset=...>"`` is no declaration). Two departures, both towards what a
browser ends up using: the text of ``<script>``, ``<style>`` and the other raw-text elements
is skipped as the tokenizer skips it, and the scan does not stop at the standard's 1024
bytes but goes on through the first 32 KB, where a browser's parser still obeys a
``<meta>`` (it re-reads the page in the new encoding). A page declaring UTF-16 is read as
UTF-8 (its bytes were ASCII enough to declare it); an XML declaration counts when no
``<meta>`` does.

Beyond the standard, a declaration is believed only when the bytes agree with it: bytes
that are valid, non-ASCII UTF-8 are UTF-8 whatever the page claims (GBK text is almost never
valid UTF-8 by chance), and bytes that do not decode under the declared charset go to the
detector (charset-normalizer, restricted to the encodings a page may declare) instead of
being garbled. The detector sees a sample of a large page (its start, middle and end),
never all of it: its time grows fast with size. When it cannot tell one Latin code page
from another (French decodes without error in windows-1250 too), windows-1252, a browser's
default for Western text, wins. UTF-32 byte-order marks and UTF-16 without a mark (every
other byte NUL) are recognised too, though browsers do not.

Binary data (an image, a PDF, a compressed file: many control bytes, or a PDF header)
decodes to no text at all rather than to garbage that might read as an article.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer

from ._charsets import UTF8, WINDOWS_1252, Charset, decode_replacing, decode_strict, lookup

__all__ = ["Decoded", "EMPTY", "decode", "not_a_page"]


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
_UTF16_NUL_SHARE = 0.3
# Binary data: C0 control bytes other than whitespace, NUL (a stray one is stripped later) and
# ESC (ISO-2022 text), in a sample of the start, middle and end. Random or compressed bytes
# have about 10 %, text next to none.
_BINARY_SAMPLE = 4096
_BINARY_CONTROL_SHARE = 0.03
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\x00\t\n\x0b\x0c\r\x1b") + b"\x7f"
# A page of bytes that are this share NUL, and not UTF-16 or UTF-32, is binary.
_BINARY_NUL_SHARE = 0.3
# Formats taken for pages now and then, by their magic numbers: (what, (offset, bytes)...).
_SIGNATURES: tuple[tuple[str, tuple[tuple[int, bytes], ...]], ...] = (
    ("PNG image data", ((0, b"\x89PNG\r\n\x1a\n"),)),
    ("JPEG image data", ((0, b"\xff\xd8\xff"),)),
    ("GIF image data", ((0, b"GIF87a"),)),
    ("GIF image data", ((0, b"GIF89a"),)),
    ("WebP image data", ((0, b"RIFF"), (8, b"WEBP"))),
    ("TIFF image data", ((0, b"II*\x00"),)),
    ("TIFF image data", ((0, b"MM\x00*"),)),
    ("ICO image data", ((0, b"\x00\x00\x01\x00"),)),
    ("ISO media (MP4, HEIF)", ((4, b"ftyp"),)),
    ("WAV audio data", ((0, b"RIFF"), (8, b"WAVE"))),
    ("MP3 audio data", ((0, b"ID3"), (4, b"\x00"))),
    ("Ogg data", ((0, b"OggS\x00"),)),
    ("PDF document", ((0, b"%PDF-"),)),
    ("Microsoft Office document", ((0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),)),
    ("Zip archive data", ((0, b"PK\x03\x04"),)),
    ("Zip archive data", ((0, b"PK\x05\x06"),)),
    ("gzip compressed data", ((0, b"\x1f\x8b"),)),
    ("bzip2 compressed data", ((0, b"BZh"), (4, b"1AY&SY"))),
    ("XZ compressed data", ((0, b"\xfd7zXZ\x00"),)),
    ("Zstandard compressed data", ((0, b"\x28\xb5\x2f\xfd"),)),
    ("7-zip archive data", ((0, b"7z\xbc\xaf\x27\x1c"),)),
    ("RAR archive data", ((0, b"Rar!\x1a\x07"),)),
    ("ELF executable", ((0, b"\x7fELF"),)),
    ("WebAssembly binary", ((0, b"\x00asm"),)),
    ("WOFF font", ((0, b"wOFF"),)),
    ("WOFF2 font", ((0, b"wOF2"),)),
    ("SQLite database", ((0, b"SQLite format 3\x00"),)),
)  # fmt: skip
EMPTY = "empty file"
# Charset detection reads at most three windows of this size (start, middle, end).
_DETECTION_WINDOW = 65536
# What the detector may answer: the standard's encodings that pages really use undeclared
# (Python codec names). Fewer candidates also mean fewer look-alike wrong answers.
_DETECTABLE = tuple(
    charset
    for label in (
        "utf-8", "windows-1252", "windows-1250", "windows-1251", "windows-1253", "windows-1254",
        "windows-1255", "windows-1256", "windows-1257", "windows-1258", "windows-874",
        "iso-8859-2", "iso-8859-5", "iso-8859-7", "koi8-r", "ibm866", "gb18030", "big5",
        "shift_jis", "euc-jp", "iso-2022-jp", "euc-kr",
    )
    if (charset := lookup(label)) is not None
)  # fmt: skip
_DETECTED = {charset.codec: charset for charset in _DETECTABLE}
# A page labelled with a Latin code page is not in one when more than this share of its
# non-ASCII bytes (no-break spaces aside) come in runs of four or more (`_not_latin`).
_NON_LATIN_RUN_SHARE = 0.5
_NON_ASCII_RUN = re.compile(rb"[\x80-\x9f\xa1-\xff]{4,}")
_ASCII_OR_NBSP = bytes(range(0x80)) + b"\xa0"
_LATIN_LABELS = frozenset(
    ("windows-1250", "windows-1252", "windows-1254", "windows-1257", "windows-1258", "macintosh",
     "ISO-8859-2", "ISO-8859-3", "ISO-8859-4", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14",
     "ISO-8859-15", "ISO-8859-16", "x-user-defined")
)  # fmt: skip
# Code pages of the Latin script: French or Spanish text decodes without error in any of
# them, so the detector's choice among them is a guess that windows-1252 outranks.
_LATIN = frozenset(
    ("windows-1250", "windows-1252", "windows-1254", "windows-1257", "windows-1258",
     "ISO-8859-2")
)  # fmt: skip


def decode(data: bytes | str, *, declared: str | None = None, tolerated: float = 0.002) -> Decoded:
    """Decode `data`; `declared` is a charset label stated outside the page (HTTP, WARC).

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
    if _binary_kind(data) is not None:
        return Decoded("", None, "binary")
    charset = _readable(lookup(declared)) or _prescan(data)
    utf8 = _try(data, "utf-8")
    if utf8 is not None and (charset is None or charset is UTF8 or not data.isascii()):
        return Decoded(utf8, "utf-8", "declared" if charset is UTF8 else "utf-8", data)
    if charset is not None and charset is not UTF8 and not _not_latin(data, charset):
        text = decode_strict(data, charset)
        if text is not None:
            return Decoded(text, charset.codec, "declared")
    return _detect(data, charset, tolerated)


def _not_latin(data: bytes, charset: Charset) -> bool:
    """Whether bytes labelled with a Latin code page cannot be in one: Latin text has its
    non-ASCII letters inside ASCII words, while GBK, Big5 or Cyrillic text (a server's
    default ``charset=iso-8859-1``) comes in long runs of them."""
    if charset.name not in _LATIN_LABELS:
        return False
    sample = _windows(data, _BINARY_SAMPLE)
    high = len(sample.translate(None, _ASCII_OR_NBSP))
    in_runs = sum(len(run) for run in _NON_ASCII_RUN.findall(sample))
    return in_runs > _NON_LATIN_RUN_SHARE * high


def _readable(charset: Charset | None) -> Charset | None:
    """UTF-16 named for bytes that are not UTF-16 (they were found to be ASCII-based
    before this) means UTF-8, as the standard reads a page declaring it."""
    return UTF8 if charset is not None and charset.utf16 else charset


def _try(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeError, LookupError):
        return None


def _detect(data: bytes, declared: Charset | None, tolerated: float) -> Decoded:
    utf8_text = data.decode("utf-8", "replace")
    bad = utf8_text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if bad <= tolerated * len(data) and (declared in (None, UTF8) or bad <= 2):
        return Decoded(utf8_text, "utf-8", "utf-8")
    found = _detected(data)
    if found is not None:
        return Decoded(decode_replacing(data, found), found.codec, "detected")
    fallback = declared or UTF8
    return Decoded(decode_replacing(data, fallback), fallback.codec, "fallback")


def _detected(data: bytes) -> Charset | None:
    """The detector's answer; windows-1252 when it fits the bytes as well as the Latin code
    page the detector picked (a tie, or the same text)."""
    matches = charset_normalizer.from_bytes(_sample(data), cp_isolation=list(_DETECTED))
    best = matches.best()
    if best is None:
        return None
    charset = _DETECTED.get(codecs.lookup(best.encoding).name)
    if charset is None or charset.name not in _LATIN or charset is WINDOWS_1252:
        return charset
    for match in matches:
        names = {codecs.lookup(n).name for n in (match.encoding, *match.could_be_from_charset)}
        if WINDOWS_1252.codec in names and match.chaos <= best.chaos:
            return WINDOWS_1252
    return charset


# --- the prescan -----------------------------------------------------------------------------

# Where to look for a declaration: the standard's prescan reads 1024 bytes, a browser's parser
# obeys a <meta> later in the head too (real pages put one after long scripts now and then).
_DECLARATION_WINDOW = 32768
_XML_WINDOW = 1024
_WHITESPACE = b"\t\n\f\r "
_MAY_DECLARE = re.compile(rb"<meta[\t\n\f\r /]", re.IGNORECASE)
_TAG = re.compile(rb"<(/?)([A-Za-z][^\t\n\f\r >]*)")
_ATTRIBUTE_NAME = re.compile(rb"[\t\n\f\r /]*([^\t\n\f\r />][^\t\n\f\r /=>]*)?")
_SPACES = re.compile(rb"[\t\n\f\r ]*")
_UNQUOTED = re.compile(rb"[^\t\n\f\r >]*")
_CONTENT_END = re.compile(rb"[\t\n\f\r ;]|$")
# Elements whose text the tokenizer does not read as tags (scripting on: noscript too).
_RAW_TEXT = frozenset(
    (b"script", b"style", b"title", b"textarea", b"xmp", b"iframe", b"noembed", b"noframes",
     b"noscript")
)  # fmt: skip
_RAW_TEXT_END = {
    name: re.compile(rb"</" + name + rb"[\t\n\f\r />]", re.IGNORECASE) for name in _RAW_TEXT
}
_OUT = -1
"""A position past the end of the bytes: the prescan ran out of them."""
_Attribute = tuple[bytes | None, bytes, int]


def _prescan(data: bytes) -> Charset | None:
    """The page's own declaration: the first <meta> that declares a known encoding, else the
    XML declaration's encoding."""
    window = data[:_DECLARATION_WINDOW]
    metas = list(_MAY_DECLARE.finditer(window))
    charset = _scan(window[: _tag_end(window, metas[-1].end())]) if metas else None
    return _readable(charset or _xml_encoding(data[:_XML_WINDOW]))


def _tag_end(data: bytes, start: int) -> int:
    end = data.find(b">", start)
    return len(data) if end < 0 else end + 1


def _scan(data: bytes) -> Charset | None:
    position = 0
    while (position := data.find(b"<", position)) >= 0:
        if data.startswith(b"<!--", position):
            close = data.find(b"-->", position + 2)  # "<!-->" is a whole comment
            position = _OUT if close < 0 else close + 3
        elif _MAY_DECLARE.match(data, position):
            charset, position = _meta(data, position + 5)
            if charset is not None:
                return charset
        elif tag := _TAG.match(data, position):
            position = _skip_tag(data, tag)
        elif data[position + 1 : position + 2] in (b"!", b"/", b"?"):
            close = data.find(b">", position + 1)
            position = _OUT if close < 0 else close + 1
        else:
            position += 1
        if position == _OUT:
            return None
    return None


def _skip_tag(data: bytes, tag: re.Match[bytes]) -> int:
    """Past a tag, its attributes read as the prescan reads them; past a raw-text element's
    text when it opens one."""
    position = tag.end()
    while True:
        name, _, position = _attribute(data, position)
        if name is None:
            break
    if position == _OUT:
        return _OUT
    element = tag.group(2).lower().split(b"/")[0]
    if tag.group(1) or element not in _RAW_TEXT:
        return position
    end = _RAW_TEXT_END[element].search(data, position)
    return _OUT if end is None else end.start()


def _meta(data: bytes, position: int) -> tuple[Charset | None, int]:
    """The encoding a <meta> declares (the standard's pragma rules), and where it ends."""
    seen: set[bytes] = set()
    got_pragma = False
    need_pragma: bool | None = None
    charset: Charset | None = None
    while True:
        name, value, position = _attribute(data, position)
        if name is None:
            break
        if name in seen:
            continue
        seen.add(name)
        if name == b"http-equiv":
            got_pragma = got_pragma or value == b"content-type"
        elif name == b"content" and need_pragma is None:
            charset = _charset_in_content(value)
            need_pragma = True if charset is not None else None
        elif name == b"charset":
            charset, need_pragma = lookup(value), False
    if position == _OUT or need_pragma is None or (need_pragma and not got_pragma):
        return None, position
    return charset, position


def _attribute(data: bytes, position: int) -> _Attribute:
    """The standard's "get an attribute": (name, value, position after it), lower-cased; the
    name is None at the tag's end (the position on its ">") or past the bytes (`_OUT`)."""
    if position == _OUT:
        return None, b"", _OUT
    match = _ATTRIBUTE_NAME.match(data, position)
    assert match is not None  # every part of the pattern is optional
    position = match.end()
    name = match.group(1)
    if position >= len(data):
        return None, b"", _OUT
    if name is None:  # the tag's ">"
        return None, b"", position
    name = name.lower()
    spaces = _SPACES.match(data, position)
    assert spaces is not None
    after = spaces.end()
    if after >= len(data):
        return None, b"", _OUT
    if data[after] != ord("="):
        return name, b"", after
    return _value(data, name, _SPACES.match(data, after + 1).end())  # type: ignore[union-attr]


def _value(data: bytes, name: bytes, position: int) -> _Attribute:
    if position >= len(data):
        return None, b"", _OUT
    quote = data[position : position + 1]
    if quote in (b'"', b"'"):
        close = data.find(quote, position + 1)
        if close < 0:
            return None, b"", _OUT
        return name, data[position + 1 : close].lower(), close + 1
    if quote == b">":
        return name, b"", position
    end = _UNQUOTED.match(data, position + 1).end()  # type: ignore[union-attr]
    if end >= len(data):
        return None, b"", _OUT
    return name, data[position:end].lower(), end


def _charset_in_content(value: bytes) -> Charset | None:
    """The standard's "extracting a character encoding from a meta element" (``content``)."""
    position = 0
    while (found := value.find(b"charset", position)) >= 0:
        position = _SPACES.match(value, found + 7).end()  # type: ignore[union-attr]
        if value[position : position + 1] != b"=":
            continue
        start = _SPACES.match(value, position + 1).end()  # type: ignore[union-attr]
        quote = value[start : start + 1]
        if not quote:
            return None
        if quote in (b'"', b"'"):
            close = value.find(quote, start + 1)
            return None if close < 0 else lookup(value[start + 1 : close])
        end = _CONTENT_END.search(value, start).start()  # type: ignore[union-attr]
        return lookup(value[start:end])
    return None


def _xml_encoding(data: bytes) -> Charset | None:
    """The standard's "get an XML encoding": ``<?xml ... encoding="..."`` at the start."""
    if not data.startswith(b"<?xml") or b">" not in data:
        return None
    found = data.find(b"encoding")
    if found < 0:
        return None
    position = _past_low_bytes(data, found + 8)
    if data[position : position + 1] != b"=":
        return None
    position = _past_low_bytes(data, position + 1)
    quote = data[position : position + 1]
    if quote not in (b'"', b"'"):
        return None
    close = data.find(quote, position + 1)
    label = data[position + 1 : close] if close >= 0 else b""
    if not label or min(label) <= 0x20:
        return None
    return lookup(label)


def _past_low_bytes(data: bytes, position: int) -> int:
    """Past the bytes up to 0x20 (spaces and controls), as the XML sniffing rule skips them."""
    while position < len(data) and data[position] <= 0x20:
        position += 1
    return position


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


def not_a_page(data: bytes | bytearray | str) -> str | None:
    """Why `data` is no web page at all, or None: `EMPTY`, or ``not HTML (PNG image data)``
    (a known format's magic number, or ``binary data``: many control or NUL bytes). One
    check for the command line, `extract_many` and the Dask API, which report it as the
    input's failure; `extract` itself gives such input an empty article."""
    if isinstance(data, str):
        return EMPTY if not data.lstrip("\ufeff") else None
    data = bytes(data)
    bom = next((len(b) for b, _ in _BOMS if data.startswith(b)), 0)
    if bom or not data:
        return EMPTY if len(data) == bom else None
    if _utf16_without_bom(data):
        return None
    kind = _binary_kind(data)
    return None if kind is None else f"not HTML ({kind})"


def _binary_kind(data: bytes) -> str | None:
    """What binary data `data` is (after a byte-order mark and UTF-16 were ruled out)."""
    for kind, parts in _SIGNATURES:
        if all(data.startswith(magic, offset) for offset, magic in parts):
            return kind
    sample = _windows(data, _BINARY_SAMPLE)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    # over the whole page (NUL padding stays a small share); most pages hold none, which
    # a memchr tells faster than a count
    nuls = data.count(0) if 0 in data else 0
    if controls > _BINARY_CONTROL_SHARE * len(sample) or nuls > _BINARY_NUL_SHARE * len(data):
        return "binary data"
    return None


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

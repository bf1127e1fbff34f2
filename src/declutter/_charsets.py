"""The WHATWG Encoding Standard's labels: which charset names a browser believes, and how.

`lookup` maps a label (an HTTP ``charset=``, a ``<meta charset>``, ``--encoding``) to the
encoding a browser uses for it, as a Python codec that decodes like the standard's decoder:
``latin1``, ``ascii`` and ``iso-8859-1`` are windows-1252, ``gb2312`` is GBK (read with the
gb18030 decoder, its superset), ``shift_jis`` is windows-31j (cp932), ``euc-kr`` is
windows-949, ``big5`` is Big5-HKSCS. A name outside the table is no encoding at all: a
browser ignores it, and so do we. That excludes every encoding a page may not declare:
UTF-7, EBCDIC (``cp037``, ``ibm500``), UTF-32, Python's own codecs (``rot13``,
``unicode_escape``), and the "replacement" labels (``iso-2022-kr``, ``hz-gb-2312``...),
which the standard decodes to one U+FFFD and which we treat as undeclared. Matching is
exact after trimming ASCII whitespace and lower-casing ASCII: ``utf_8`` and ``latin-1``
are Python spellings, not labels.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from types import MappingProxyType

__all__ = ["Charset", "UTF8", "WINDOWS_1252", "decode_replacing", "decode_strict", "lookup"]


@dataclass(frozen=True, slots=True)
class Charset:
    """One encoding of the standard."""

    name: str
    """Its name in the standard (``windows-1252``, ``GBK``)."""
    codec: str
    """The Python codec that decodes it (``cp1252``, ``gb18030``), as `codecs.lookup` names it."""
    single_byte: bool

    @property
    def utf16(self) -> bool:
        return self.name.startswith("UTF-16")


# name, Python codec, labels: the standard's table (UTF-16 has no Python twin here: a page
# declaring it is read as UTF-8, see `_decode`).
_TABLE = (
    ("UTF-8", "utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    ("IBM866", "cp866", "866 cp866 csibm866 ibm866"),
    ("ISO-8859-2", "iso8859-2",
     "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2"),
    ("ISO-8859-3", "iso8859-3",
     "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3"),
    ("ISO-8859-4", "iso8859-4",
     "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4"),
    ("ISO-8859-5", "iso8859-5",
     ("csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 "
      "iso_8859-5:1988")),
    ("ISO-8859-6", "iso8859-6",
     ("arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e "
      "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987")),
    ("ISO-8859-7", "iso8859-7",
     ("csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 "
      "iso_8859-7 iso_8859-7:1987 sun_eu_greek")),
    ("ISO-8859-8", "iso8859-8",
     ("csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 "
      "iso_8859-8 iso_8859-8:1988 visual")),
    ("ISO-8859-8-I", "iso8859-8", "csiso88598i iso-8859-8-i logical"),
    ("ISO-8859-10", "iso8859-10",
     "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("ISO-8859-13", "iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    ("ISO-8859-14", "iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    ("ISO-8859-15", "iso8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("ISO-8859-16", "iso8859-16", "iso-8859-16"),
    ("KOI8-R", "koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("KOI8-U", "koi8-u", "koi8-ru koi8-u"),
    ("macintosh", "mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    ("windows-874", "cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("windows-1250", "cp1250", "cp1250 windows-1250 x-cp1250"),
    ("windows-1251", "cp1251", "cp1251 windows-1251 x-cp1251"),
    ("windows-1252", "cp1252",
     ("ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
      "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252")),
    ("windows-1253", "cp1253", "cp1253 windows-1253 x-cp1253"),
    ("windows-1254", "cp1254",
     ("cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 "
      "latin5 windows-1254 x-cp1254")),
    ("windows-1255", "cp1255", "cp1255 windows-1255 x-cp1255"),
    ("windows-1256", "cp1256", "cp1256 windows-1256 x-cp1256"),
    ("windows-1257", "cp1257", "cp1257 windows-1257 x-cp1257"),
    ("windows-1258", "cp1258", "cp1258 windows-1258 x-cp1258"),
    ("x-mac-cyrillic", "mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    ("GBK", "gb18030",
     "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk"),
    ("gb18030", "gb18030", "gb18030"),
    ("Big5", "big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("EUC-JP", "euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("ISO-2022-JP", "iso2022_jp", "csiso2022jp iso-2022-jp"),
    ("Shift_JIS", "cp932",
     "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    ("EUC-KR", "cp949",
     ("cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 "
      "ksc_5601 windows-949")),
    ("UTF-16BE", "utf-16-be", "unicodefffe utf-16be"),
    ("UTF-16LE", "utf-16-le",
     "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le"),
    # x-user-defined maps bytes 0x80-0xFF to private-use characters; HTML reads a page
    # declaring it as windows-1252, and so do we wherever it is named
    ("x-user-defined", "cp1252", "x-user-defined"),
)  # fmt: skip
_MULTI_BYTE = frozenset(("UTF-8", "GBK", "gb18030", "Big5", "EUC-JP", "ISO-2022-JP", "Shift_JIS",
                         "EUC-KR", "UTF-16BE", "UTF-16LE"))  # fmt: skip
_ASCII_WHITESPACE = "\t\n\f\r "
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _charset(name: str, codec: str) -> Charset:
    return Charset(name, codecs.lookup(codec).name, name not in _MULTI_BYTE)


_ENCODINGS = {name: _charset(name, codec) for name, codec, _ in _TABLE}
_LABELS = MappingProxyType(
    {label: _ENCODINGS[name] for name, _, labels in _TABLE for label in labels.split()}
)
UTF8 = _LABELS["utf-8"]
WINDOWS_1252 = _LABELS["windows-1252"]


def lookup(label: str | bytes | None) -> Charset | None:
    """The encoding a browser uses for `label`, or None when it is no label of the standard."""
    if isinstance(label, bytes):
        label = label.decode("latin-1")  # labels are ASCII: any other byte matches none
    if not label:
        return None
    return _LABELS.get(label.strip(_ASCII_WHITESPACE).translate(_ASCII_LOWER))


def _table(codec: str) -> str:
    """The 256 characters of a single-byte codec as the standard's index has them: a byte
    Python leaves undefined in 0x80-0x9F is the C1 control of the same number (windows-1252's
    0x81, 0x8D...), any other undefined byte an error (U+FFFE, `charmap_decode`'s "undefined")."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes((byte,)).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(byte) if 0x80 <= byte <= 0x9F else "\ufffe")
    return "".join(chars)


_SINGLE_BYTE_TABLES = MappingProxyType(
    {c.codec: _table(c.codec) for c in _LABELS.values() if c.single_byte}
)


def decode_strict(data: bytes, charset: Charset) -> str | None:
    """`data` decoded as `charset` decodes it, or None when a byte is invalid there."""
    try:
        table = _SINGLE_BYTE_TABLES.get(charset.codec)
        if table is not None:
            return codecs.charmap_decode(data, "strict", table)[0]
        return data.decode(charset.codec)
    except UnicodeDecodeError:
        return None


def decode_replacing(data: bytes, charset: Charset) -> str:
    """`data` decoded as `charset`, an invalid byte replaced by U+FFFD."""
    table = _SINGLE_BYTE_TABLES.get(charset.codec)
    if table is not None:
        return codecs.charmap_decode(data, "replace", table)[0]
    return data.decode(charset.codec, "replace")

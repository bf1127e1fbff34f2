"""Stage 1, decode: page bytes to text."""

from __future__ import annotations

import codecs

import pytest

from declutter._decode import decode

ZH = "这是一个用于测试编码的中文句子，包含一些常见的汉字。"
ZH_TW = "這是一個用於測試編碼的繁體中文句子，包含一些常見的漢字。"
JA = "これは日本語の文章です。文字コードのテストに使います。"
KO = "이것은 한국어 문장입니다. 인코딩 테스트에 사용됩니다."
RU = "Привет, мир! Это тестовая страница на русском языке."


def page(text: str, head: str = "") -> str:
    return f"<html><head>{head}<title>t</title></head><body><p>{text}</p></body></html>"


def meta(charset: str) -> str:
    return f'<meta charset="{charset}">'


@pytest.mark.parametrize(
    ("bom", "codec", "expected"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_bom_decides_and_is_stripped(bom: bytes, codec: str, expected: str) -> None:
    # the page claims another charset: the byte-order mark outranks it
    data = bom + page(ZH, meta("gbk")).encode(codec)
    result = decode(data)
    assert (result.encoding, result.source) == (expected, "bom")
    assert result.text.startswith("<html>")  # no U+FEFF left at the start
    assert ZH in result.text


def test_utf32_le_bom_is_not_taken_for_utf16_le() -> None:
    """The UTF-32 LE mark starts with the UTF-16 LE one (FF FE 00 00)."""
    data = codecs.BOM_UTF32_LE + "<p>x</p>".encode("utf-32-le")
    assert decode(data).text == "<p>x</p>"


@pytest.mark.parametrize(
    ("text", "charset", "codec"),
    [
        (ZH, "gbk", "gb18030"),
        (ZH, "gb2312", "gb18030"),
        (ZH, "gb18030", "gb18030"),
        (ZH_TW, "big5", "big5hkscs"),
        (JA, "shift_jis", "cp932"),
        (JA, "euc-jp", "euc_jp"),
        (KO, "euc-kr", "cp949"),
        (RU, "windows-1251", "cp1251"),
        (RU, "koi8-r", "koi8-r"),
    ],
    ids=lambda v: v if v.isascii() else "",
)
def test_meta_charset_decodes_legacy_pages(text: str, charset: str, codec: str) -> None:
    result = decode(page(text, meta(charset)).encode(charset))
    assert text in result.text
    assert (result.encoding, result.source) == (codec, "declared")


@pytest.mark.parametrize(
    ("text", "charset"),
    [(ZH, "gbk"), (ZH, "gb18030"), (ZH_TW, "big5"), (JA, "shift_jis"), (KO, "euc-kr")],
    ids=lambda v: v if v.isascii() else "",
)
def test_undeclared_cjk_pages_are_detected(text: str, charset: str) -> None:
    result = decode(page(text * 3).encode(charset))
    assert text in result.text
    assert result.source == "detected"


def test_http_equiv_content_type_is_read() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    result = decode(page(ZH, head).encode("gbk"))
    assert (result.encoding, result.source) == ("gb18030", "declared")
    assert ZH in result.text


def test_xml_declaration_is_read() -> None:
    data = ('<?xml version="1.0" encoding="Shift_JIS"?>' + page(JA)).encode("shift_jis")
    result = decode(data)
    assert (result.encoding, result.source) == ("cp932", "declared")
    assert JA in result.text


def test_declaration_after_long_head_script_is_found() -> None:
    head = "<script>" + "var a = 1;\n" * 1500 + "</script>" + meta("koi8-r")
    assert RU in decode(page(RU, head).encode("koi8-r")).text


def test_declared_argument_outranks_meta() -> None:
    """The transport's charset (HTTP header) wins over a wrong page declaration when both
    decode the bytes without error (cp1252 decodes any KOI8-R byte, as garbage)."""
    data = page(RU, meta("windows-1252")).encode("koi8-r")
    assert RU not in decode(data).text  # the page's own (wrong) claim, believed
    result = decode(data, declared="koi8-r")
    assert (result.encoding, result.source) == ("koi8-r", "declared")
    assert RU in result.text


def test_unknown_declared_label_falls_back_to_meta() -> None:
    data = page(ZH, meta("gbk")).encode("gbk")
    result = decode(data, declared="x-no-such-charset")
    assert result.encoding == "gb18030"
    assert ZH in result.text


def test_lying_gbk_meta_on_utf8_bytes() -> None:
    result = decode(page(ZH, meta("gbk")).encode("utf-8"))
    assert result.encoding == "utf-8"
    assert ZH in result.text


def test_lying_utf8_meta_on_gbk_bytes() -> None:
    result = decode(page(ZH, meta("utf-8")).encode("gbk"))
    assert ZH in result.text
    assert "\ufffd" not in result.text


def test_lying_declared_argument_on_gbk_bytes() -> None:
    result = decode(page(ZH).encode("gbk"), declared="utf-8")
    assert ZH in result.text


def test_ascii_page_keeps_its_declared_charset() -> None:
    result = decode(page("plain ascii", meta("iso-8859-1")).encode("ascii"))
    assert result.encoding == "cp1252"
    assert "plain ascii" in result.text


def test_latin1_label_reads_as_windows_1252() -> None:
    """Browsers decode "iso-8859-1" as windows-1252: 0x93/0x94 are curly quotes."""
    data = page("\u201cquoted\u201d caf\u00e9", meta("iso-8859-1")).encode("cp1252")
    assert "\u201cquoted\u201d caf\u00e9" in decode(data).text


@pytest.mark.parametrize(
    ("codec", "expected"), [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")]
)
def test_utf16_without_bom_is_detected(codec: str, expected: str) -> None:
    result = decode(page(ZH + " and some English text").encode(codec))
    assert (result.encoding, result.source) == (expected, "detected")
    assert ZH in result.text


def test_utf16_meta_on_ascii_bytes_is_ignored() -> None:
    """A page whose bytes spell ``<meta charset=utf-16>`` in ASCII cannot be UTF-16."""
    result = decode(page("Hello there", meta("utf-16")).encode("ascii"))
    assert "Hello there" in result.text
    assert not result.encoding.startswith("utf-16")


def test_mostly_utf8_page_with_one_bad_byte_stays_utf8() -> None:
    data = page(ZH * 40).encode("utf-8") + b"\xff"
    result = decode(data)
    assert result.encoding == "utf-8"
    assert ZH * 40 in result.text


def test_str_passes_through() -> None:
    text = page(ZH, meta("gbk"))
    result = decode(text)
    assert result.text is text
    assert (result.encoding, result.source) == (None, "str")


def test_empty_bytes() -> None:
    result = decode(b"")
    assert result.text == ""
    assert result.encoding == "utf-8"


def test_bom_only() -> None:
    assert decode(codecs.BOM_UTF8).text == ""


def test_only_valid_utf8_without_bom_is_handed_on_as_bytes() -> None:
    data = page(ZH).encode("utf-8")
    assert decode(data).utf8 is data
    assert decode(codecs.BOM_UTF8 + data).utf8 is None
    assert decode(data[:-20] + b"\xff" + data[-20:]).utf8 is None  # one bad byte: replaced
    assert decode(page(ZH).encode("gb18030")).utf8 is None

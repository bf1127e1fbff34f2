"""Stage 1, decode: page bytes to text."""

from __future__ import annotations

import codecs
import re

import pytest

from _pages import FIXTURES, fixture_page
from declutter._charsets import UTF8, lookup
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
    decode the bytes without error (windows-1251 decodes any KOI8-R byte, as garbage)."""
    data = page(RU, meta("windows-1251")).encode("koi8-r")
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


# --- what a browser believes: the WHATWG label table and the HTML prescan -------------------

FR = "La crème brûlée est un dessert français. Nous l'avons dégustée à Noël, c'était très réussi."
KOI8 = meta("koi8-r")


@pytest.mark.parametrize(
    "head",
    [
        f"<script>document.write('{KOI8}');</script>",
        f"<script type=module>const tag = `{KOI8}`;</script>",
        f"<style>/* {KOI8} */</style>",
        f"<!-- {KOI8} -->",
        f"<!-- a comment --- with dashes {KOI8} -->",
        f"<noscript>{KOI8}</noscript>",
        f"<title>{KOI8}</title>",
        '<meta name="description" content="text/html; charset=koi8-r">',
        '<meta property="og:type" content="charset=koi8-r">',
        f"<link title='{KOI8}' rel=icon href=/favicon.ico>",
        '<meta name="HTTP-EQUIV" content="Content-Type: text/html; charset=koi8-r">',
        '<meta charset="koi8-r"',  # a tag cut off by the end of the page's head: not a tag
    ],
    ids=["script", "script-template", "style", "comment", "comment-dashes", "noscript", "title",
         "content-without-http-equiv", "og-content", "attribute-value", "http-equiv-as-name",
         "unclosed"],
)  # fmt: skip
def test_declarations_a_browser_ignores_are_ignored(head: str) -> None:
    """The label says KOI8-R where no browser reads it; the bytes are windows-1252."""
    data = page(FR, head).encode("cp1252")
    if head.endswith('"koi8-r"'):
        data = b"<html><head>" + head.encode() + b" " + FR.encode("cp1252") * 3
    result = decode(data)
    assert FR in result.text
    assert result.encoding == "cp1252"


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="koi8-r">',
        "<META CHARSET='KOI8-R'>",
        "<meta charset=koi8-r />",
        "<meta/charset=koi8-r>",
        '<meta charset="  koi8-r  ">',
        '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
        "<meta content='text/html;charset=\"koi8-r\"' http-equiv=content-type>",
        '<meta http-equiv="content-type" content="text/html; charset = koi8-r; x=y">',
        '<meta charset="x-no-such-charset"><meta charset="koi8-r">',
        '<meta charset="koi8-r" charset="windows-1252">',
        '<meta http-equiv=content-type content="text/html; charset=windows-1252" charset=koi8-r>',
        f"<!-->{KOI8}",
        f"<script>var a = '</scrip' + 't>';</script>{KOI8}",
        f"<a title='<b>'>x</a>{KOI8}",
        f'<?xml version="1.0" encoding="windows-1252"?>{KOI8}',
    ],
    ids=["charset", "upper-case", "self-closing", "slash", "spaces", "http-equiv",
         "content-first", "content-params", "unknown-then-known", "first-attribute-wins",
         "charset-outranks-content", "empty-comment", "after-script", "after-attribute",
         "meta-outranks-xml"],
)  # fmt: skip
def test_declarations_a_browser_reads_are_read(head: str) -> None:
    result = decode(page(RU, head).encode("koi8-r"))
    assert (result.encoding, result.source) == ("koi8-r", "declared")
    assert RU in result.text


@pytest.mark.parametrize(
    ("label", "codec"),
    [
        ("latin1", "cp1252"), ("ascii", "cp1252"), ("us-ascii", "cp1252"), ("iso-8859-1", "cp1252"),
        (" ISO_8859-1:1987 ", "cp1252"), ("x-user-defined", "cp1252"), ("iso-8859-9", "cp1254"),
        ("tis-620", "cp874"), ("gb2312", "gb18030"), ("x-gbk", "gb18030"), ("csgb2312", "gb18030"),
        ("big5", "big5hkscs"), ("sjis", "cp932"), ("windows-31j", "cp932"),
        ("ks_c_5601-1987", "cp949"), ("unicode-1-1-utf-8", "utf-8"), ("koi", "koi8-r"),
    ],
)  # fmt: skip
def test_labels_mean_what_the_encoding_standard_says(label: str, codec: str) -> None:
    charset = lookup(label)
    assert charset is not None and charset.codec == codec
    text = {"cp1252": "\u201cquoted\u201d caf\u00e9 \u0153uvre", "gb18030": ZH}.get(codec)
    if text is not None:  # in the page and from the transport, decoded as a browser does
        for data, declared in ((page(text, meta(label)), None), (page(text), label)):
            result = decode(data.encode(codec), declared=declared)
            assert result.encoding == codec and text in result.text


@pytest.mark.parametrize(
    "label", ["cp037", "ibm500", "ebcdic-cp-us", "utf-7", "utf-32", "iso-2022-kr", "hz-gb-2312",
              "replacement", "latin-1", "utf_8", "x-mac-japanese"],
)  # fmt: skip
def test_labels_a_page_may_not_declare_are_ignored(label: str) -> None:
    """EBCDIC would turn an ASCII page into garbage, the replacement labels into one U+FFFD:
    no browser believes these labels, the bytes decide."""
    data = page(FR, meta(label)).encode("cp1252")
    for result in (decode(data), decode(page(FR).encode("cp1252"), declared=label)):
        assert FR in result.text and result.encoding == "cp1252"


def test_a_page_declaring_utf16_is_read_as_utf8() -> None:
    result = decode(page(ZH, meta("utf-16le")).encode("utf-8"))
    assert (result.encoding, result.source) == ("utf-8", "declared")
    assert ZH in result.text


def test_windows_1252_bytes_python_leaves_undefined_decode_as_a_browser_does() -> None:
    """0x81 is undefined in Python's cp1252 and U+0081 in the standard's: the declaration
    stands instead of sending the page to the detector."""
    data = page(FR, meta("windows-1252")).encode("cp1252").replace(b"</p>", b"\x81</p>")
    result = decode(data)
    assert (result.encoding, result.source) == ("cp1252", "declared")
    assert FR + "\x81" in result.text


WESTERN = {
    "fr": FR,
    "es": "El niño comió una manzana en el jardín. ¿Dónde está la estación? Mañana iremos.",
    "de": "Die Straße führt über die Brücke. Schöne Grüße aus Köln, frohe Weihnachten.",
    "pt": "A informação não está disponível. São Paulo é a maior cidade do Brasil.",
}
CENTRAL = {
    "pl": "Zażółć gęślą jaźń. W Szczebrzeszynie chrząszcz brzmi w trzcinie i z tego słynie.",
    "cs": "Příliš žluťoučký kůň úpěl ďábelské ódy. Dnes je krásný den a všichni jsou šťastní.",
}


@pytest.mark.parametrize("lang", sorted(WESTERN))
def test_undeclared_western_text_is_windows_1252(lang: str) -> None:
    """French decodes without error as windows-1250 too ("crčme brűlée"): a browser's
    default for Western text wins the detector's tie."""
    result = decode(page(WESTERN[lang]).encode("cp1252"))
    assert (result.encoding, result.source) == ("cp1252", "detected")
    assert WESTERN[lang] in result.text


@pytest.mark.parametrize("lang", sorted(CENTRAL))
def test_undeclared_central_european_text_keeps_windows_1250(lang: str) -> None:
    result = decode(page(CENTRAL[lang] * 2).encode("cp1250"))
    assert result.encoding == "cp1250" and CENTRAL[lang] in result.text


def _zh_pages() -> list[str]:
    return sorted(p.parent.name for p in (FIXTURES / "pages").glob("zh-*/page.html"))


@pytest.mark.parametrize("name", _zh_pages())
def test_real_chinese_pages_decode_as_their_declaration_says(name: str) -> None:
    page = fixture_page(name)
    data, expected = page.html, page.expected
    result = decode(data)
    charset = lookup(expected["encoding"])
    assert charset is not None and result.encoding == charset.codec
    assert expected["title"] in result.text and "\ufffd" not in result.text


_GBK_PAGES = [
    n
    for n in _zh_pages()
    if (lookup(fixture_page(n).expected["encoding"]) or UTF8).codec == "gb18030"
]
_CHARSET_VALUE = re.compile(rb"(charset\s*=\s*[\"']?)(gb2312|gbk)", re.IGNORECASE)


@pytest.mark.parametrize("lie", [b"utf-8", b"windows-1252", b"cp037", b""])
def test_real_gbk_pages_survive_a_lying_or_missing_label(lie: bytes) -> None:
    """The page's own declaration replaced by a wrong one (or none): the bytes still decide
    GBK, windows-1252's preference for Western text never takes a Chinese page."""
    assert sum(bool(_CHARSET_VALUE.search(fixture_page(n).html)) for n in _GBK_PAGES) >= 5
    for name in _GBK_PAGES:
        page = fixture_page(name)
        data, expected = page.html, page.expected
        relabelled = _CHARSET_VALUE.sub(lambda m: m.group(1) + lie, data)
        result = decode(relabelled)
        assert result.encoding == "gb18030", name
        assert expected["title"] in result.text, name


@pytest.mark.parametrize(("text", "codec"), [(RU, "koi8-r"), (RU, "cp1251"), (ZH, "gbk")])
@pytest.mark.parametrize("label", ["iso-8859-1", "windows-1250"])
def test_a_latin_label_on_bytes_of_another_script_is_overruled(
    text: str, codec: str, label: str
) -> None:
    """A Latin code page decodes any byte, so the label cannot be refuted by an error; but
    Cyrillic or Chinese bytes come in long non-ASCII runs where Latin text has single
    accented letters (a server's default ``charset=iso-8859-1``, in both places)."""
    data = page(text * 2, meta(label)).encode(codec)
    for result in (decode(data), decode(data, declared=label)):
        assert text in result.text and result.source == "detected"

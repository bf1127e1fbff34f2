"""Text measures for every script: `measure`, `punctuation_count`, `normalise_space`."""

from __future__ import annotations

import unicodedata

import pytest

from declutter._textstats import _TOKEN, is_cjk_char, measure, normalise_space, punctuation_count

BR = "\u2028"  # the line-break marker the segment stage uses for <br>


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这是中文句子", 6),  # Han: one per character
        ("这是中文句子，好。", 7),  # punctuation is not text
        ("ひらがなとカタカナ", 9),  # kana: one per character
        ("漢字とかな", 5),
        ("ภาษาไทย", 7),  # Thai: one per character (code point)
        ("Hello world, this is English.", 5),
        ("Grüße aus München, schöne Straße", 5),  # umlauts and ß stay inside words
        ("Привет, мир! Как дела?", 4),
        ("Ελληνικό κείμενο εδώ", 3),
        ("हिन्दी भाषा में लिखा गया वाक्य", 6),  # combining vowel signs do not split words
        ("한국어 문장입니다", 2),  # Hangul is written with spaces: words
        ("مرحبا بالعالم", 2),
        ("中文 and English 混合", 6),  # 2 + 2 words + 2
        ("iPhone 15发布了", 5),  # 2 words + 3 characters
        ("naïve café", 2),
        ("e\u0301te\u0301", 1),  # decomposed accents (combining marks) stay in the word
        ("2024 年 5 月", 4),  # digits are words, 年 and 月 characters
        ("", 0),
        ("  \n\t ", 0),
        ("... , ; !? — «»", 0),
    ],
)
def test_measure(text: str, expected: int) -> None:
    assert measure(text) == expected


def test_measure_splits_words_at_punctuation_not_only_at_spaces() -> None:
    assert measure("one,two.three") == 3
    assert measure("snake_case") == 2


def test_measure_fast_path_agrees_with_the_general_rule() -> None:
    """Latin/Greek/Cyrillic text takes a faster path; it must count as the general rule
    (runs of letters, marks and digits) does, for every character of those blocks that is
    not a combining mark."""
    ranges = [(0x20, 0x250), (0x370, 0x400), (0x400, 0x500), (0x2000, 0x2070)]
    for lo, hi in ranges:
        for cp in range(lo, hi):
            char = chr(cp)
            if unicodedata.category(char) in ("Mn", "Me", "Cs"):
                continue
            for text in (f"ab{char}cd", f"{char}", f"x {char} y"):
                assert measure(text) == len(_TOKEN.findall(text)), (hex(cp), text)


def test_measure_cyrillic_combining_mark_stays_in_word() -> None:
    # Church Slavonic abbreviation with a titlo (U+0483): one word
    assert measure("бг\u0483ъ") == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a, b. c; d: e! f?", 6),
        ("中文，句子。好！吗？是：的；列、举", 7),  # full-width ，。！？：；and 、
        ("مرحبا، عالم؛", 2),  # Arabic comma and semicolon
        ("no punctuation here", 0),
        ("quotes 'and' \"dashes\" — (brackets)", 0),
        ("Wait...", 3),
    ],
)
def test_punctuation_count(text: str, expected: int) -> None:
    assert punctuation_count(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  one \n\t two   three ", "one two three"),
        ("a\u00a0b", "a b"),  # no-break space is whitespace
        ("Hello  world", "Hello world"),
        ("中 文  字", "中文字"),  # source line breaks inside a Chinese sentence
        ("这是\n    一个句子。", "这是一个句子。"),
        ("中文 ， 标点 。", "中文，标点。"),  # full-width punctuation counts as CJK neighbour
        ("\u3000\u3000段落开头", "段落开头"),  # ideographic spaces are whitespace
        ("日本語 の 文", "日本語の文"),
        ("中文 English 中文", "中文 English 中文"),  # a space next to Latin stays
        ("Version 2 版本", "Version 2 版本"),
        ("한국어 문장", "한국어 문장"),  # Hangul keeps its word spaces
    ],
)
def test_normalise_space(text: str, expected: str) -> None:
    assert normalise_space(text) == expected


def test_normalise_space_keeps_line_break_markers_as_newlines() -> None:
    text = f"  first   line {BR}  second\tline {BR}third"
    assert normalise_space(text, BR) == "first line\nsecond line\nthird"


def test_normalise_space_drops_empty_lines_between_markers() -> None:
    assert normalise_space(f"a {BR} \n {BR} b{BR}", BR) == "a\nb"


def test_normalise_space_without_marker_argument_treats_it_as_space() -> None:
    assert normalise_space(f"a{BR}b") == "a b"


def test_normalise_space_line_break_between_cjk_stays() -> None:
    assert normalise_space(f"第一行{BR}第二行", BR) == "第一行\n第二行"


def test_normalise_space_keeps_thai_phrase_spaces() -> None:
    # Thai has no spaces between words but does put one between phrases and sentences;
    # a browser shows it, and removing it runs two sentences together.
    assert normalise_space("สวัสดีครับ ยินดีต้อนรับ") == "สวัสดีครับ ยินดีต้อนรับ"


@pytest.mark.parametrize(
    ("char", "expected"),
    [
        ("中", True),
        ("カ", True),
        ("ひ", True),
        ("ก", True),
        ("a", False),
        ("한", False),
        ("1", False),
        ("，", False),
    ],
)
def test_is_cjk_char(char: str, expected: bool) -> None:
    assert is_cjk_char(char) is expected


def test_text_is_composed_to_nfc() -> None:
    """A page may spell a character precomposed or decomposed: the output picks one form."""
    decomposed = "Cafe\u0301 crème"  # e + combining acute
    assert normalise_space(decomposed) == "Café crème"
    bengali = "\u09df"  # a composition exclusion: NFC writes it as two code points
    assert normalise_space(f"{bengali} x") == "\u09af\u09bc x"

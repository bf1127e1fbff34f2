"""Language, site name, description, canonical URL, image, tags and categories."""

from __future__ import annotations

import pytest

from _metadata_helpers import meta_of

_HEAD = """<html lang="de-de"><head>
<link rel="canonical" href="/artikel/1">
<meta property="og:site_name" content="Beispiel Zeitung">
<meta property="og:description" content="Kurz &amp; gut.">
<meta property="og:image" content="/img/a.jpg">
<meta property="article:tag" content="Wetter"><meta name="keywords" content="Wetter, Klima；Regen">
<meta property="article:section" content="Panorama">
</head><body><h1>Titel</h1><a rel="tag" href="/t/sturm">Sturm</a></body></html>"""


def test_a_tag_list_in_one_article_tag_is_split_and_merged_with_the_keywords() -> None:
    head = """<head><meta property="article:tag" content="Higher education,Lecturers' pay">
    <meta name="keywords" content="Higher education, Lecturers' pay, Universities"></head>"""
    assert meta_of(head + "<body><h1>T</h1></body>").tags == (
        "Higher education", "Lecturers' pay", "Universities",
    )  # fmt: skip


def test_declared_fields() -> None:
    meta = meta_of(_HEAD, url="https://zeitung.example/x?y=1")
    assert meta.language == "de-DE"
    assert meta.site_name == "Beispiel Zeitung"
    assert meta.description == "Kurz & gut."
    assert meta.canonical_url == "https://zeitung.example/artikel/1"
    assert meta.image == "https://zeitung.example/img/a.jpg"
    assert meta.tags == ("Wetter", "Klima", "Regen", "Sturm")
    assert meta.categories == ("Panorama",)


@pytest.mark.parametrize(
    ("body", "language"),
    [
        ("这是一个中文句子，用于测试语言识别。", "zh"),
        ("これは日本語の文章です。漢字も使います。", "ja"),
        ("이것은 한국어 문장입니다.", "ko"),
        ("Это предложение на русском языке.", "ru"),
        ("هذه جملة باللغة العربية.", "ar"),
        ("A plain English sentence.", None),
    ],
)
def test_language_from_script_when_undeclared(body: str, language: str | None) -> None:
    assert meta_of("<html><body><p>x</p></body></html>", body=body).language == language


def test_json_ld_language_keywords_section_and_publisher() -> None:
    html = """<html><head><script type="application/ld+json">{"@type":"BlogPosting","headline":"H",
    "inLanguage":"fr_FR","keywords":["a","b"],"articleSection":"Tech","image":{"url":"https://x.org/i.png"},
    "publisher":{"@type":"Organization","name":"Le Site"}}</script></head><body><h1>H</h1></body></html>"""
    meta = meta_of(html)
    assert (meta.language, meta.tags, meta.categories, meta.image, meta.site_name) == (
        "fr-FR", ("a", "b"), ("Tech",), "https://x.org/i.png", "Le Site",
    )  # fmt: skip

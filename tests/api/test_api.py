"""The public API: `declutter.extract`, `Article`, `Block`."""

from __future__ import annotations

import dataclasses
import json
import random
from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import declutter
from _pages import fixture_page, snippet_bytes
from declutter import Article, Block, InputTypeError, Options

ARTICLE = (
    "<html><head><title>Hi there, reader</title></head><body><nav><a href=/>Home</a></nav>"
    "<article><h1>Hi there, reader</h1>"
    "<p>A first paragraph, long enough to count as text and with a comma, as prose has.</p>"
    "<p>A second paragraph follows it, also with a comma, and ends the short article.</p>"
    "</article></body></html>"
)
ARTICLE_BODY = (
    "A first paragraph, long enough to count as text and with a comma, as prose has.\n\n"
    "A second paragraph follows it, also with a comma, and ends the short article."
)


# --- what extract returns ---------------------------------------------------------------


def test_extract_returns_an_article_with_the_body() -> None:
    article = declutter.extract(ARTICLE)
    assert isinstance(article, Article)
    assert article.body == ARTICLE_BODY


def test_article_is_frozen() -> None:
    article = declutter.extract(ARTICLE)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.body = "changed"  # type: ignore[misc]


def test_blocks_are_a_tuple_of_frozen_blocks() -> None:
    blocks = declutter.extract(ARTICLE).blocks
    assert isinstance(blocks, tuple) and blocks
    assert all(isinstance(b, Block) for b in blocks)
    with pytest.raises(AttributeError):  # an immutable record
        blocks[0].kept = False  # type: ignore[misc]


def test_blocks_explain_the_body() -> None:
    blocks = declutter.extract(ARTICLE).blocks
    assert [b.index for b in blocks] == list(range(len(blocks)))
    assert "\n\n".join(b.text for b in blocks if b.kept) == ARTICLE_BODY
    nav = blocks[0]
    assert (nav.text, nav.kind, nav.kept, nav.reason, nav.pruned_by) == (
        "Home",
        "pruned",
        False,
        declutter.Reason.PRUNED,
        "chrome:nav",
    )
    assert blocks[-1].path == "body>article>p"
    assert all(0.0 <= b.position < 1.0 for b in blocks)


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview, lambda b: b.decode()])
def test_every_input_type_gives_the_same_body(wrap) -> None:
    assert declutter.extract(wrap(ARTICLE.encode())).body == ARTICLE_BODY


def test_str_input_has_no_encoding_and_bytes_report_theirs() -> None:
    assert declutter.extract(ARTICLE).encoding is None
    assert declutter.extract(ARTICLE.encode()).encoding == "utf-8"


def test_url_is_passed_through() -> None:
    assert declutter.extract(ARTICLE, url="https://example.com/a").url == "https://example.com/a"


def test_encoding_argument_reaches_the_decoder() -> None:
    """The transport's charset outranks the page's wrong declaration (windows-1251 decodes
    any KOI8-R byte, as garbage)."""
    one = "Привет, мир! Это тестовая страница на русском языке, с запятыми."
    two = "Второй абзац продолжает текст, и в нём тоже есть знаки препинания."
    page = (
        '<html><head><meta charset="windows-1251"></head><body><article>'
        f"<p>{one}</p><p>{two}</p></article></body></html>"
    ).encode("koi8-r")
    assert one not in declutter.extract(page).body
    article = declutter.extract(page, encoding="koi8-r")
    assert article.encoding == "koi8-r"
    assert article.body == f"{one}\n\n{two}"


def test_real_gb2312_page() -> None:
    article = declutter.extract(snippet_bytes("163_nike_gb2312.html"))
    assert article.encoding == "gb18030"
    paragraphs = article.body.split("\n\n")
    assert paragraphs[1].startswith(
        "拥有一双售价千元左右的耐克气垫鞋，是不少喜爱运动的青少年梦寐以求的。"
    )
    assert paragraphs[-1].endswith("耐克由一个仿造别人产品的小公司，一下跃上世界鞋王宝座。")
    for chrome in ("免费邮箱", "商学院", "发表评论", "版权所有"):
        assert chrome not in article.body


# --- argument types ---------------------------------------------------------------------


@pytest.mark.parametrize("html", [1, None, ["<p>x</p>"], {"html": "x"}, 1.5, object()])
def test_wrong_html_type_raises_input_type_error(html: object) -> None:
    with pytest.raises(InputTypeError):
        declutter.extract(html)  # type: ignore[arg-type]


def test_input_type_error_is_a_type_error() -> None:
    assert issubclass(InputTypeError, TypeError)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"url": 1},
        {"url": b"https://example.com/"},
        {"options": {}},
        {"options": "fast"},
        {"encoding": 1},
        {"reference_time": "2024-05-01"},
    ],
)
def test_wrong_argument_types_raise_type_error(kwargs: dict) -> None:
    with pytest.raises(TypeError) as info:
        declutter.extract("<p>x</p>", **kwargs)
    assert not isinstance(info.value, InputTypeError)


def test_none_arguments_are_defaults() -> None:
    article = declutter.extract(ARTICLE, url=None, options=None, encoding=None, reference_time=None)
    assert article.body == ARTICLE_BODY


def test_reference_time_is_accepted() -> None:
    assert declutter.extract(ARTICLE, reference_time=datetime(2024, 5, 1)).body == ARTICLE_BODY


# --- content never raises ---------------------------------------------------------------

ODD_INPUTS = {
    "empty-str": "",
    "empty-bytes": b"",
    "whitespace": "  \n\t ",
    "lone-text": "just a few words",
    "nul-bytes": b"\x00" * 1000,
    "nul-in-text": "<p>a\x00b</p>",
    "binary": random.Random(0).randbytes(4000),
    "lone-lt": "<",
    "brackets": "<<<>>>",
    "comment-only": "<!-- nothing -->",
    "doctype-only": "<!DOCTYPE html>",
    "head-only": "<html><head><title>T</title></head></html>",
    "frameset": "<frameset><frame src=a></frameset>",
    "lone-surrogate": "<p>a\ud800b</p>",
    "xml-feed": '<?xml version="1.0"?><rss><item><title>x</title></item></rss>',
    "unclosed": "<div><p><b>text <i>more",
}


@pytest.mark.parametrize("html", ODD_INPUTS.values(), ids=ODD_INPUTS.keys())
def test_odd_content_gives_an_article(html: str | bytes) -> None:
    article = declutter.extract(html)
    assert isinstance(article, Article)
    assert isinstance(article.body, str)
    assert 0.0 <= article.score <= 1.0
    json.loads(article.to_json(include_blocks=True))


@pytest.mark.parametrize("html", ["", b"", "   ", b"\x00" * 100, "<!-- x -->", "<"])
def test_no_text_gives_an_empty_body(html: str | bytes) -> None:
    article = declutter.extract(html)
    assert (article.body, article.score, article.blocks) == ("", 0.0, ())


@settings(max_examples=60, deadline=None)
@given(st.one_of(st.binary(max_size=2000), st.text(max_size=2000)))
def test_arbitrary_input_never_raises(html: str | bytes) -> None:
    article = declutter.extract(html)
    assert 0.0 <= article.score <= 1.0


TAG_SOUP = [
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<br>",
    "<a href=x>",
    "</a>",
    "<article>",
    "<nav>",
    "<table><tr><td>",
    "</td></tr></table>",
    "<pre>",
    "</pre>",
    "<li>",
    "<h1>",
    "</h1>",
    "<script>",
    "</script>",
    "Some words, and more.",
    "中文句子。",
    "<div class=share>",
    "<span hidden>",
    "</span>",
    "<!--",
    "-->",
]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(TAG_SOUP), max_size=60))
def test_arbitrary_tag_soup_never_raises(parts: list[str]) -> None:
    article = declutter.extract("".join(parts))
    assert article.body == "\n\n".join(b.text for b in article.blocks if b.kept)


def test_input_bytes_are_not_mutated() -> None:
    data = bytearray(snippet_bytes("163_nike_gb2312.html"))
    copy = bytes(data)
    declutter.extract(data)
    assert data == copy
    frozen = bytes(copy)
    declutter.extract(frozen)
    assert frozen == copy


# --- limits -----------------------------------------------------------------------------


def test_max_bytes_truncates_and_says_so() -> None:
    page = "<p>" + "word, " * 1000 + "</p>"
    for html in (page, page.encode()):
        article = declutter.extract(html, options=Options(max_bytes=100))
        assert article.truncated
        assert article.body.count("word") < 30


def test_max_nodes_truncates_and_says_so() -> None:
    page = "<div>" + "<p>Some words, in a paragraph.</p>" * 3000 + "</div>"
    article = declutter.extract(page, options=Options(max_nodes=100))
    assert article.truncated
    assert not declutter.extract(page).truncated


# --- serialisation ----------------------------------------------------------------------


def test_to_dict_is_plain_and_round_trips_through_json() -> None:
    article = declutter.extract(ARTICLE, url="https://example.com/a")
    record = article.to_dict()
    assert "blocks" not in record
    assert record["body"] == ARTICLE_BODY
    assert record["url"] == "https://example.com/a"
    assert isinstance(record["authors"], list) and isinstance(record["tags"], list)
    assert json.loads(article.to_json()) == record
    assert json.loads(article.to_json(indent=2)) == record


def test_to_dict_lists_every_field_and_the_author() -> None:
    record = declutter.extract(ARTICLE).to_dict()
    fields = {f.name for f in dataclasses.fields(Article)} - {
        "blocks",
        "score_parts",
        "regions",
        "sources",
    }
    assert set(record) == fields | {"author"}


def test_to_json_keeps_non_ascii_as_is() -> None:
    article = declutter.extract(snippet_bytes("163_nike_gb2312.html"))
    assert "耐克" in article.to_json()
    assert json.loads(article.to_json())["body"] == article.body


def test_blocks_on_request_round_trip() -> None:
    article = declutter.extract(ARTICLE)
    record = json.loads(article.to_json(include_blocks=True))
    assert record["blocks"] == [b.to_dict() for b in article.blocks]
    assert [b["text"] for b in record["blocks"]] == [b.text for b in article.blocks]


def test_block_to_dict_has_derived_features() -> None:
    html = (
        "<body><div><p>Read <a href=/r>the full report</a> on the cleanup, today.</p></div></body>"
    )
    [b] = declutter.extract(html).blocks
    d = b.to_dict()
    assert (d["length"], d["link_length"], d["element_count"]) == (8, 3, 1)
    assert d["link_ratio"] == pytest.approx(3 / 8, abs=1e-4)
    assert d["text_density"] == pytest.approx(8 / 2, abs=1e-4)
    assert set(Block._fields) <= set(d)


def test_block_ratios_of_an_empty_block() -> None:
    b = Block(
        index=0,
        text="",
        tag="p",
        kind="paragraph",
        path="body>p",
        depth=1,
        length=0,
        link_length=0,
        punctuation=0,
        element_count=0,
        position=0.0,
        score=0.0,
        kept=False,
        reason="short",
    )
    assert (b.link_ratio, b.text_density) == (0.0, 0.0)


# --- the AMZ123 fixture: the article is on the page twice --------------------------------


@pytest.fixture(scope="module")
def amz123() -> tuple[Article, dict]:
    fixture = fixture_page("amz123-xiaohongshu")
    page, expected = fixture.html, fixture.expected
    return declutter.extract(page, url=expected["url"]), expected


def test_amz123_body_comes_out_once(amz123: tuple[Article, dict]) -> None:
    article, expected = amz123
    paragraphs = expected["body"].split("\n\n")
    assert len(paragraphs) > 10
    for paragraph in paragraphs:
        assert article.body.count(paragraph) == 1, paragraph[:30]
    assert article.body.startswith(paragraphs[0])
    assert article.body.endswith(paragraphs[-1])


@pytest.mark.parametrize("index", range(9))
def test_amz123_chrome_stays_out(amz123: tuple[Article, dict], index: int) -> None:
    article, expected = amz123
    assert len(expected["must_not_contain"]) == 9
    assert expected["must_not_contain"][index] not in article.body


def test_body_only_callers_get_the_same_body_and_no_metadata() -> None:
    html = fixture_page("amz123-xiaohongshu").html
    full = declutter.extract(html)
    body_only = declutter.extract(html, options=declutter.Options(body_only=True))
    assert full.title and body_only.title is None and body_only.authors == ()
    assert body_only.date is None and body_only.site_name is None
    assert (body_only.body, body_only.blocks, body_only.score) == (
        full.body,
        full.blocks,
        full.score,
    )

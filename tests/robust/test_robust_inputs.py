"""Every kind of broken page gives an `Article`: never an exception, a hang or a blow-up.

The hostile pages come from `robust_hostile` (shared with `benchmarks/robustness.py`), at a
small scale here; the sizes the robustness issue names (100,000 deep, 10 MB text node,
1,000,000 elements, 50 MB) run under the ``slow`` marker (``pytest -m slow``), except
deep nesting, which is fast.
"""

from __future__ import annotations

import pytest

import declutter
import robust_hostile as hostile
from declutter import Article
from declutter._body import to_text
from robust_hostile import EDGE_CASES, FAMILIES, PARAGRAPH

_SMALL = 0.05  # scale of the hostile families in the fast tests


def _check(article: Article) -> Article:
    """Invariants every result keeps, whatever the input."""
    assert isinstance(article, Article)
    assert isinstance(article.body, str)
    assert 0.0 <= article.score <= 1.0
    assert article.body == to_text(
        article.blocks, {b.table_id for b in article.blocks if b.table_data}
    )  # type: ignore[arg-type]  # the kept blocks, nothing else
    assert "\x00" not in article.body
    return article


@pytest.mark.parametrize("name", sorted(EDGE_CASES))
def test_edge_case_gives_an_article(name: str) -> None:
    _check(declutter.extract(EDGE_CASES[name]))


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_hostile_family_gives_an_article(name: str) -> None:
    _check(declutter.extract(FAMILIES[name](_SMALL)))


@pytest.mark.parametrize(
    "name", ["empty_bytes", "empty_str", "whitespace", "whitespace_str", "bom_only", "nul_only"]
)
def test_nothing_gives_an_empty_article(name: str) -> None:
    article = _check(declutter.extract(EDGE_CASES[name]))
    assert article.body == "" and article.score == 0.0 and not article.truncated


@pytest.mark.parametrize(
    ("name", "text"),
    [("lone_text", "just some words, nothing else."), ("lone_text_str", PARAGRAPH),
     ("fragment", PARAGRAPH), ("fragment_div", PARAGRAPH)],
)  # fmt: skip
def test_fragments_keep_their_text(name: str, text: str) -> None:
    assert text in _check(declutter.extract(EDGE_CASES[name])).body


@pytest.mark.parametrize("name", ["png", "pdf", "gzip", "zip_like"])
def test_binary_formats_give_no_text(name: str) -> None:
    article = _check(declutter.extract(EDGE_CASES[name]))
    assert article.body == "" and article.score == 0.0 and article.encoding is None


def test_random_bytes_give_no_text() -> None:
    article = _check(declutter.extract(hostile.random_bytes(0.1)))
    assert article.body == "" and article.encoding is None


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("utf16_le_bom", "utf-16-le"), ("utf16_be_bom", "utf-16-be"), ("utf16_le_nobom", "utf-16-le"),
        ("utf16_be_nobom", "utf-16-be"), ("utf32_bom", "utf-32-le"), ("utf16_odd_length", "utf-16-le"),
    ],
)  # fmt: skip
def test_utf16_and_utf32_with_and_without_bom(name: str, encoding: str) -> None:
    article = _check(declutter.extract(EDGE_CASES[name]))
    assert article.encoding == encoding
    assert "The council met on Tuesday" in article.body


def test_utf16_page_in_a_script_without_latin_letters() -> None:
    page = hostile.article("<p>市议会周二开会讨论新的预算，该预算已经推迟了几个月。</p>" * 5)
    article = _check(declutter.extract(page.encode("utf-16-le")))
    assert article.encoding == "utf-16-le" and "市议会周二开会" in article.body


def test_lying_charset_declarations_are_overruled() -> None:
    gbk = _check(declutter.extract(EDGE_CASES["gbk_labelled_utf8"]))
    assert gbk.encoding == "gb18030" and "市议会周二开会" in gbk.body
    utf8 = _check(declutter.extract(EDGE_CASES["utf8_labelled_gbk"]))
    assert utf8.encoding == "utf-8" and "市议会周二开会" in utf8.body


def test_mixed_encodings_keep_the_utf8_part() -> None:
    article = _check(declutter.extract(EDGE_CASES["mixed_encodings"]))
    assert "市议会周二开会" in article.body


def test_invalid_utf8_keeps_the_text() -> None:
    article = _check(declutter.extract(EDGE_CASES["invalid_utf8"]))
    assert "Tuesday to discuss the new budget" in article.body


@pytest.mark.parametrize(
    "label",
    ["undefined", "base64", "rot13", "unicode_escape", "idna", "utf-7", "cp037", "ibm500",
     "replacement", "x-klingon", "utf\x00-8",
     "latin-1\ud800", "utf-16", "x" * 100_000],
)  # fmt: skip
def test_charset_labels_that_are_no_charset_are_ignored(label: str) -> None:
    """Python codecs that raise on any input, undo backslash escapes or are no charset at
    all, named by the caller or by the page: ignored (the bytes decide)."""
    page = hostile.article(f"<p>{PARAGRAPH} Caf\u00e9 \\u0041.</p>").replace(
        'charset="utf-8"', 'charset="x"'
    )
    data = page.encode("cp1252")
    in_page = data.replace(b'"x"', label.encode("utf-8", "replace"))
    for article in (declutter.extract(data, encoding=label), declutter.extract(in_page)):
        assert f"{PARAGRAPH} Caf" in _check(article).body and "\\u0041." in article.body


def test_legacy_encoding_of_a_large_page_is_detected_from_a_sample() -> None:
    data = hostile.undeclared_legacy(1)  # 2 MB, no declaration: the detector reads a sample
    article = _check(declutter.extract(data))
    assert article.encoding == "gb18030" and "市议会周二开会" in article.body


@pytest.mark.parametrize(
    "name", ["hebrew_windows_1255", "arabic_windows_1256_undeclared", "arabic"]
)
def test_right_to_left_pages(name: str) -> None:
    article = _check(declutter.extract(EDGE_CASES[name]))
    assert any(word in article.body for word in ("המועצה", "المجلس"))


def test_text_in_br_runs_and_pre() -> None:
    lines = _check(declutter.extract(EDGE_CASES["br_only"])).body.split("\n")
    assert len(lines) == 8 and lines[0] == PARAGRAPH
    pre = _check(declutter.extract(EDGE_CASES["pre_only"]))
    assert pre.body == f"{PARAGRAPH}\n\n{PARAGRAPH}"


def test_noscript_only_page_gives_its_text() -> None:
    article = _check(declutter.extract(hostile.noscript_only(0.01)))
    assert "The council met on Tuesday" in article.body


def test_noscript_post_beats_a_fallback_of_a_date_line() -> None:
    """A blog engine renders the post by script and ships it in <noscript>: the page's own
    text is a date line only, which the fallback would keep; the noscript post wins."""
    page = (
        '<html><body><div class="post"><h2>Enhanced protection</h2>'
        '<div class="published">May 19, 2020</div><div class="post-body">'
        f"<script>render()</script><noscript><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></noscript>"
        "</div></div></body></html>"
    )
    assert _check(declutter.extract(page)).body == f"{PARAGRAPH}\n\n{PARAGRAPH}"


def test_noscript_is_not_read_when_the_page_has_text() -> None:
    page = f"<html><body><noscript>Please enable JavaScript.</noscript><p>{PARAGRAPH}</p></body></html>"
    assert _check(declutter.extract(page)).body == PARAGRAPH


def test_frameset_page() -> None:
    article = _check(declutter.extract(hostile.frameset(1)))
    assert article.body == "" and not article.truncated


def test_one_giant_table() -> None:
    article = _check(declutter.extract(hostile.giant_table(0.05)))
    assert "The council met on Tuesday to discuss" in article.body


def test_xml_entities_are_never_resolved(tmp_path: pytest.TempPathFactory) -> None:
    secret = tmp_path / "secret.txt"  # type: ignore[operator]
    secret.write_text("TOP-SECRET-MARKER")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">'
        '<!ENTITY lol "lollollollol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>&xxe; &lol2; {PARAGRAPH}</p></body></html>'
    )
    article = _check(declutter.extract(page.encode()))
    assert "TOP-SECRET-MARKER" not in repr(article)
    assert "lollol" not in article.body and PARAGRAPH in article.body


def test_billion_laughs_stays_small() -> None:
    article = _check(declutter.extract(hostile.xml_entities(1)))
    assert len(article.body) < 100_000 and "lollol" not in article.body


def test_huge_attribute_value_and_class_list() -> None:
    article = _check(declutter.extract(hostile.huge_attribute(0.05)))
    assert PARAGRAPH in article.body


@pytest.mark.parametrize("name", ["unclosed_comment", "unclosed_tag", "unclosed_script"])
def test_unclosed_constructs_swallow_the_rest_as_the_parser_says(name: str) -> None:
    assert _check(declutter.extract(FAMILIES[name](_SMALL))).body == ""


def test_unclosed_everything() -> None:
    _check(declutter.extract(EDGE_CASES["unclosed_everything"]))


# --- the issue's sizes -------------------------------------------------------------------------


def test_nesting_100000_deep_is_cut_to_max_depth_and_keeps_its_text() -> None:
    article = _check(declutter.extract(hostile.deep_divs(16)))  # 100,000 <div>s
    assert article.truncated and article.body == PARAGRAPH


@pytest.mark.parametrize("tag", ["div", "span", "b", "ul", "table", "svg", "font", "section"])
def test_nesting_100000_deep_of_any_element(tag: str) -> None:
    page = hostile.article(f"<{tag}>x " * 100_000 + f"<p>{PARAGRAPH}</p>")
    assert PARAGRAPH in _check(declutter.extract(page)).body or tag in ("svg", "table")


def test_deep_formatting_elements_are_bounded() -> None:
    page = "<body>" + "".join(f"<p><b a={i}>word, {i}.</p>" for i in range(5_000))
    article = _check(declutter.extract(page))
    assert article.truncated and "word, 4999." in article.body


def test_many_attributes_are_bounded() -> None:
    article = _check(declutter.extract(hostile.many_attributes(1)))  # 50,000 on one element
    assert article.truncated and PARAGRAPH in article.body


def test_thousands_of_iframes_and_svgs() -> None:
    article = _check(declutter.extract(hostile.many_iframes_svgs(1)))
    assert PARAGRAPH in article.body


def test_limits_mark_the_result_truncated() -> None:
    page = hostile.gigantic_page(0.2)  # 3,000 paragraphs: the time budget is checked in the walk
    assert not declutter.extract(page).truncated
    for limit in (
        {"max_bytes": 10_000},
        {"max_nodes": 1_000},
        {"max_blocks": 10},
        {"time_budget": 0.0},
    ):
        article = _check(declutter.extract(page, options=declutter.Options(**limit)))
        assert article.truncated, limit


@pytest.mark.slow
@pytest.mark.parametrize(
    "name",
    [
        "gigantic_page",
        "huge_text_node",
        "many_tiny_elements",
        "many_tiny_blocks",
        "deep_divs_text_everywhere",
        "random_tags",
    ],
)
def test_issue_size_inputs(name: str) -> None:
    article = _check(declutter.extract(FAMILIES[name](16)))
    if name == "huge_text_node":
        assert len(article.body) > 9_000_000

"""Stage 2, parse: text to a Lexbor DOM."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from _pages import FIXTURES, fixture_page, read_page
from declutter import _parse
from declutter._compiled import compiled_module
from declutter._options import DEFAULT_OPTIONS
from declutter._parse import Limits, parse


def test_parse_gives_a_dom() -> None:
    tree, cut = parse(
        "<html><body><p class=x>Hello</p></body></html>", Limits.of(DEFAULT_OPTIONS, max_chars=1000)
    )
    assert not cut
    node = tree.css_first("p.x")
    assert node is not None and node.text() == "Hello"


def test_text_beyond_max_chars_is_cut() -> None:
    tree, cut = parse("<p>keep</p><p>drop</p>", Limits.of(DEFAULT_OPTIONS, max_chars=11))
    assert cut
    assert [p.text() for p in tree.css("p")] == ["keep"]


def test_exactly_max_chars_is_not_cut() -> None:
    assert parse("<p>x</p>", Limits.of(DEFAULT_OPTIONS, max_chars=8))[1] is False


def test_nul_characters_are_dropped() -> None:
    tree, _ = parse("<p>a\x00b\x00c</p>", Limits.of(DEFAULT_OPTIONS, max_chars=100))
    assert tree.css_first("p").text() == "abc"


def test_page_of_nuls_is_an_empty_document() -> None:
    tree, _ = parse("\x00" * 5000, Limits.of(DEFAULT_OPTIONS, max_chars=10_000))
    assert tree.body is not None
    assert tree.body.text(strip=True) == ""


def test_utf8_bytes_parse_to_the_same_dom_as_their_text() -> None:
    """The page's own UTF-8 bytes are parsed as they are; a cut, a NUL or a rewrite parses
    the cut text instead."""
    raw = fixture_page("amz123-xiaohongshu").html
    text = raw.decode("utf-8")
    limits = Limits.of(DEFAULT_OPTIONS)
    fast, cut = parse(text, limits, utf8=raw)
    assert not cut and fast.raw_html == raw
    assert fast.html == parse(text, limits)[0].html
    short, cut = parse(text, Limits.of(DEFAULT_OPTIONS, max_chars=5000), utf8=raw)
    assert cut and len(short.raw_html) < len(raw)
    held, _ = parse("<p>a\x00b</p>", limits, utf8=b"<p>a\x00b</p>")
    assert held.css_first("p").text() == "ab"


# --- the compiled scan for attribute floods (`_walk.long_tags`) -------------------------------

needs_kernel = pytest.mark.skipif(compiled_module() is None, reason="compiled kernel not built")


def test_the_compiled_scans_are_in_use_exactly_when_built() -> None:
    built = compiled_module() is not None
    assert (_parse._long_tags is not _parse._long_tags_python) == built
    assert (_parse._has_flood is not _parse._has_flood_python) == built


@needs_kernel
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="<>/=\"' \t\n\u3000\u2003aBz1-", max_size=80), st.integers(1, 6))
def test_the_compiled_scan_finds_what_the_regex_finds(text: str, items: int) -> None:
    kernel = compiled_module()
    assert kernel is not None
    assert kernel.long_tags(text, items) == _parse._long_tags_python(text, items)


@needs_kernel
def test_the_compiled_scan_on_a_real_page_and_a_flood() -> None:
    kernel = compiled_module()
    assert kernel is not None
    page = read_page(
        FIXTURES / "bench" / "trafilatura-dev" / "html" / "dailymail.co.uk.food.html.gz"
    )
    flood = "<div " + " ".join(f'a{i}="{i}"' for i in range(300)) + ">x</div>"
    for text in (page.decode("utf-8", "replace"), flood * 3, "\u4e2d" + flood):
        for items in (2, 16, 128):
            assert kernel.long_tags(text, items) == _parse._long_tags_python(text, items)
    assert kernel.long_tags(flood * 3, 128) == [0, len(flood), 2 * len(flood)]
    assert kernel.has_flood("<p " + "x" * 20_000, 20_000)
    assert not kernel.has_flood("<p " + "x" * 19_998 + ">", 20_000)


@needs_kernel
@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='<>=" \u3000aZ1\U0001f600', max_size=40), st.integers(1, 8))
def test_the_compiled_flood_search_finds_what_the_regex_finds(text: str, chars: int) -> None:
    kernel = compiled_module()
    assert kernel is not None
    assert kernel.has_flood(text, chars) == _parse._has_flood_python(text, chars)

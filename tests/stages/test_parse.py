"""Stage 2, parse: text to a Lexbor DOM."""

from __future__ import annotations

from _pages import fixture_page
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

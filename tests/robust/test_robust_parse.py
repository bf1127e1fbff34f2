"""The parse stage keeps Lexbor out of its quadratic cases, and leaves ordinary pages alone.

Each hostile shape is checked on the DOM Lexbor builds from the rewritten text (its depth,
attribute and option counts, its size), not on the sketch's own idea of it; the tricks
that could hide markup from a naive scanner (a ``<script>`` in a comment, in an attribute,
in a bogus comment, in SVG, in a ``<select>``, in a frameset) are each tried.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

import declutter
import robust_hostile as hostile
from declutter import _parse

_LIMITS = _parse.Limits(
    max_chars=10**9,
    max_tags=10**9,
    max_depth=512,
    max_formatting=64,
    max_attributes=128,
    max_options=256,
)
_N = 20_000
_BOMB_ATTRIBUTES = " ".join(f"a{i}" for i in range(_N))


def _depth(tree: LexborHTMLParser) -> int:
    best, stack = 0, [(tree.root, 0)]
    while stack:
        node, depth = stack.pop()
        best = max(best, depth)
        child = node.child
        while child is not None:
            if child.is_element_node:
                stack.append((child, depth + 1))
            child = child.next
    return best


def _elements(tree: LexborHTMLParser) -> list:
    return [n for n in tree.root.traverse() if n.is_element_node]


def _parsed(html: str) -> tuple[LexborHTMLParser, bool]:
    return _parse.parse("<html><body>" + html, _LIMITS)


# Depth of the resulting DOM may exceed max_depth by the root elements and by the formatting
# elements the parser re-opens (at most max_formatting); nested tables by a third, the
# <tbody> the parser adds to each table (the sketch does not count it).
_DEPTH_SLACK = 2 + 64
_DEEP = {
    "divs": "<div>x" * _N,
    "balanced_divs": "<div>" * _N + "x" + "</div>" * _N,
    "lists": "<ul><li>x" * _N,
    "items_in_sections": "<li><section>x" * _N,
    "blocks_in_formatting": "<b><div>x</b>" * _N,
    "tables": "<table><tr><td>x" * _N,
    "self_closed_divs": "<div/>x" * _N,
    "spans_then_paragraphs": "<span>" * _N + "<p>x</p>" * _N,
    "bold_then_paragraphs": "<b>" * _N + "<p>x</p>" * _N,
    "svg_groups": "<svg>" + "<g>" * _N + "</x>" * _N,
    "mathml_rows": "<math>" + "<mrow>" * _N + "<p>x</p>" * _N,
    "definition_lists": "<dl><dd><div>x" * _N,
    "templates": "<template>" * _N + "<div>x</div>" * _N,
    "unknown_elements": "<x-y>" * _N,
}


@pytest.mark.parametrize("name", sorted(_DEEP))
def test_deep_nesting_is_cut_to_max_depth(name: str) -> None:
    tree, rewritten = _parsed(_DEEP[name])
    assert rewritten
    limit = _LIMITS.max_depth * (4 / 3 if name == "tables" else 1) + _DEPTH_SLACK
    assert _depth(tree) <= limit
    if ">x" in _DEEP[name] and name != "templates":  # the text stays
        assert tree.body is not None and "x" in tree.body.text()


def test_open_formatting_elements_are_bounded() -> None:
    # n <b>s with distinct attributes are re-opened in each later paragraph: n * n elements
    tree, rewritten = _parsed("".join(f"<p><b a={i}>x</p>" for i in range(5_000)))
    assert rewritten and len(_elements(tree)) < 5_000 * (_LIMITS.max_formatting + 4)


@pytest.mark.parametrize(
    "html",
    [
        f"<div {_BOMB_ATTRIBUTES}>x</div>",
        f"<html {_BOMB_ATTRIBUTES}>",
        f"<svg><path {_BOMB_ATTRIBUTES}/></svg>",
        "".join(f"<body a{i}>" for i in range(_N)),  # repeated <body> tags merge attributes
        # markup a naive scanner would take for script text
        f"<select><style><option {_BOMB_ATTRIBUTES}>",
        f"<frameset><script><frame {_BOMB_ATTRIBUTES}>",
        f"</ <script><div {_BOMB_ATTRIBUTES}></script>",
        f'<p title="<script>"><div {_BOMB_ATTRIBUTES}></script>',
        f"<!-- <script> --><div {_BOMB_ATTRIBUTES}></script>",
        f"<svg><script><div {_BOMB_ATTRIBUTES}>",
        f"<svg><foreignObject><div></svg></div></foreignObject><script><div {_BOMB_ATTRIBUTES}>",
    ],
    ids=["element", "html", "svg", "body_merge", "select", "frameset", "bogus_comment",
         "in_attribute", "in_comment", "svg_script", "foreign_object"],
)  # fmt: skip
def test_attributes_are_bounded(html: str) -> None:
    tree, rewritten = _parsed(html)
    assert rewritten
    assert max(len(n.attributes) for n in _elements(tree)) <= _LIMITS.max_attributes


def test_attributes_of_a_tag_in_a_script_are_left_alone() -> None:
    script = f"<script>if (a <b {_BOMB_ATTRIBUTES}) {{}}</script><p>x</p>"
    tree, _ = _parsed(script + "<div>y</div>" * 10_000)  # enough tags to run the sketch
    assert _BOMB_ATTRIBUTES in tree.css_first("script").text()


@pytest.mark.parametrize("container", ["<select>", "<select><optgroup>", "<table><tr><td><select>"])
def test_options_in_one_select_are_bounded(container: str) -> None:
    tree, rewritten = _parsed(container + "<option>x" * _N)
    assert rewritten and len(tree.css("option")) <= _LIMITS.max_options


_ORDINARY = {
    "unclosed_paragraphs": "<p>x" * _N,
    "unclosed_items": "<ul>" + "<li>x" * _N + "</ul>",
    "unclosed_links": "<a href=x>y" * _N,
    "unclosed_font_same_attributes": "<p><font face=arial>x</p>" * _N,
    "unclosed_cells": "<table><tr>" + "<td>x" * _N + "</table>",
    "unclosed_rows": "<table>" + "<tr><td>x" * _N + "</table>",
    "unclosed_definitions": "<dl>" + "<dt>x<dd>y" * _N + "</dl>",
    "options": "<select>" + "<option>x" * 200 + "</select>" * 100,
    "balanced": "<div><p>x</p></div>" * _N,
    "closed_formatting": "<p><b>x</b> <i>y</i></p>" * _N,
    "buttons": "<button>x" * _N,
    "svg_icons": '<svg viewBox="0 0 9 9"><path d="M0 0L9 9"/><use href="#i"/></svg>' * _N,
    "scripts_with_tags": "<script>document.write('<div><div><div>')</script>" * _N,
    "comments_with_tags": "<!-- <div><div> -->" * _N,
}


@pytest.mark.parametrize("name", sorted(_ORDINARY))
def test_ordinary_markup_is_not_rewritten(name: str) -> None:
    text = "<html><body>" + _ORDINARY[name]
    out, rewritten = _parse._TreeSketch(_LIMITS).rewrite(text)
    assert not rewritten and out == text


def _real_pages() -> list[tuple[str, str]]:
    return [(name, data.decode("utf-8", "replace")) for name, data in hostile.real_pages()]


@pytest.mark.parametrize(("name", "text"), _real_pages(), ids=[name for name, _ in _real_pages()])
def test_real_pages_are_not_rewritten(name: str, text: str) -> None:
    out, rewritten = _parse._TreeSketch(_LIMITS).rewrite(text)
    assert not rewritten and out == text


def test_small_pages_are_not_sketched() -> None:
    assert not _parse._may_exceed("<p>x</p>" * 100, 200, _LIMITS)
    assert _parse._may_exceed("<p>x" * 9_000, 9_000, _LIMITS)
    assert _parse._may_exceed(f"<div {_BOMB_ATTRIBUTES}>", 1, _LIMITS)


def test_input_is_cut_after_max_tags() -> None:
    limits = _parse.Limits(
        max_chars=10**9,
        max_tags=1_000,
        max_depth=512,
        max_formatting=64,
        max_attributes=128,
        max_options=256,
    )
    tree, truncated = _parse.parse("<p>x</p>" * 5_000, limits)
    assert truncated and len(tree.css("p")) == 500


@pytest.mark.parametrize(("n", "chunk_crossing"), [(0, False), (5, False), (400_000, True)])
def test_nth_index(n: int, chunk_crossing: bool) -> None:
    text = "ab<" * 500_000
    assert _parse._nth_index(text, "<", n) == 3 * n + 2
    assert (3 * n + 2 >= 1 << 20) == chunk_crossing


def test_nth_index_past_the_end() -> None:
    assert _parse._nth_index("a<b<", "<", 5) == 4


def test_an_attribute_limit_beyond_any_page_is_no_limit() -> None:
    """A limit too large for a regex repeat count is simply never reached."""
    page = "<body>" + "<p class=a id=b>Some words, in a sentence.</p>" * 3000 + "</body>"
    options = declutter.Options(max_attributes=2**40)
    assert declutter.extract(page, options=options).body.startswith("Some words")


def test_attribute_dense_pages_keep_only_the_attributes_read() -> None:
    """120 short attributes per element (under `max_attributes`): Lexbor would keep ~150
    bytes per attribute, 30 times the page; only the attributes a stage reads are kept."""
    limits = _parse.Limits.of(declutter.Options())
    tree, rewritten = _parse.parse(hostile.many_attributes_each(0.1).decode(), limits)
    paragraphs = tree.css("p")
    assert rewritten and len(paragraphs) == 1000
    assert all(not p.attributes for p in paragraphs)
    page = hostile.many_attributes_each(0.1).decode().replace("<p ", '<p class="body" ')
    tree, _ = _parse.parse(page.replace("<h1>", '<h1><a href="/x">x</a>'), limits)
    assert tree.css_first("p").attributes == {"class": "body"}
    assert tree.css_first("a").attributes == {"href": "/x"}


def test_svg_self_closing_survives_the_attribute_filter() -> None:
    limits = _parse.Limits.of(declutter.Options())
    shapes = '<path a="1" b="2" c="3" d="M0 0"/>' * 5000
    tree, rewritten = _parse.parse(
        f"<html><body><svg>{shapes}</svg><p>after</p></body></html>", limits
    )
    assert rewritten and len(tree.css("path")) == 5000
    assert all(p.attributes == {} for p in tree.css("path")[:5])
    assert tree.css_first("p") is not None and tree.css_first("p").parent.tag == "body"


@pytest.mark.parametrize("name", [name for name, _ in hostile.real_pages()])
def test_real_pages_are_not_attribute_dense(name: str) -> None:
    page = dict(hostile.real_pages())[name].decode("utf-8", "replace")
    assert not _parse._attribute_dense(page, _parse.Limits.of(declutter.Options()))

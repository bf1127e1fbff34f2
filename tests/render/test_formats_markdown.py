"""Markdown output: CommonMark-valid, escaped, and read back (markdown-it-py) as the
structure the page had."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import declutter
from declutter import Article, Block
from declutter._model import DESCRIPTIVE_FIELDS as FIELDS
from outputs_helpers import all_kept, commonmark, inline_text, md_outline, strip_front_matter

PROSE = "with enough words, and commas, to read as prose"


def _md(page: str, **options: object) -> str:
    return strip_front_matter(all_kept(page, **options).to_markdown()).lstrip("\n")


def _body(page: str, **options: object) -> str:
    return declutter.render(all_kept(page, **options), "markdown", metadata=False)


def test_headings_and_paragraphs() -> None:
    page = f"<body><h2>Second level</h2><p>First {PROSE}.</p><h3>Third level</h3><p>Last {PROSE}.</p></body>"
    assert md_outline(_body(page)) == [
        "h2:Second level", f"paragraph:First {PROSE}.", "h3:Third level", f"paragraph:Last {PROSE}.",
    ]  # fmt: skip


def test_nested_lists_keep_depth_order_and_numbers() -> None:
    page = (
        "<body><ul><li>alpha<ul><li>alpha one</li><li>alpha two<ol start=4><li>deep four</li>"
        "<li>deep five</li></ol></li></ul></li><li>beta</li></ul>"
        "<ol start=7><li>seven</li><li value=10>ten</li><li>eleven</li></ol></body>"
    )
    md = _body(page)
    assert md_outline(md) == [
        "bullet_list", "list_item", "paragraph:alpha",
        "bullet_list", "list_item", "paragraph:alpha one", "/list_item",
        "list_item", "paragraph:alpha two",
        "ordered_list:4", "list_item", "paragraph:deep four", "/list_item",
        "list_item", "paragraph:deep five", "/list_item", "/ordered_list",
        "/list_item", "/bullet_list", "/list_item",
        "list_item", "paragraph:beta", "/list_item", "/bullet_list",
        "ordered_list:7", "list_item", "paragraph:seven", "/list_item",
        "list_item", "paragraph:ten", "/list_item", "list_item", "paragraph:eleven", "/list_item",
        "/ordered_list",
    ]  # fmt: skip


def test_simple_nested_lists_stay_tight() -> None:
    page = "<body><ul><li>a<ul><li>a1</li><li>a2<ol><li>n</li></ol></li></ul></li><li>b</li></ul></body>"
    tokens = commonmark().parse(_body(page))
    assert all(t.hidden for t in tokens if t.type == "paragraph_open"), _body(page)


def test_adjacent_lists_stay_separate() -> None:
    page = "<body><ul><li>one</li></ul><ul><li>two</li></ul><ol><li>x</li></ol><ol><li>y</li></ol></body>"
    outline = md_outline(_body(page))
    assert outline.count("bullet_list") == 2
    assert outline.count("ordered_list:1") == 2


def test_list_item_with_two_paragraphs_is_loose_and_whole() -> None:
    page = f"<body><ul><li><p>first para {PROSE}.</p><p>second para {PROSE}.</p></li><li>next</li></ul></body>"
    assert md_outline(_body(page)) == [
        "bullet_list", "list_item", f"paragraph:first para {PROSE}.", f"paragraph:second para {PROSE}.",
        "/list_item", "list_item", "paragraph:next", "/list_item", "/bullet_list",
    ]  # fmt: skip


def test_block_quotes_nested_and_separate() -> None:
    page = (
        f"<body><blockquote><p>outer one {PROSE}.</p><blockquote><p>inner {PROSE}.</p></blockquote>"
        f"<p>outer two.</p></blockquote><blockquote><p>another quote.</p></blockquote></body>"
    )
    assert md_outline(_body(page)) == [
        "blockquote", f"paragraph:outer one {PROSE}.",
        "blockquote", f"paragraph:inner {PROSE}.", "/blockquote",
        "paragraph:outer two.", "/blockquote",
        "blockquote", "paragraph:another quote.", "/blockquote",
    ]  # fmt: skip


def test_code_block_keeps_text_and_fences_around_backticks() -> None:
    code = "def f():\n    return '```'  # *not* emphasis\n\n<b>tag</b>"
    page = f"<body><p>Before {PROSE}.</p><pre>{code.replace('<', '&lt;')}</pre></body>"
    fences = [t for t in commonmark().parse(_body(page)) if t.type == "fence"]
    assert [f.content for f in fences] == [code + "\n"]


def test_table_as_pipe_table() -> None:
    page = (
        "<body><table><caption>Prices</caption><thead><tr><th>Item</th><th>Price | EUR</th></tr></thead>"
        "<tbody><tr><td>Tea *green*</td><td>3</td></tr><tr><td colspan=2>spans</td></tr>"
        "<tr><td>Cake</td><td>4</td></tr></tbody></table></body>"
    )
    md = _body(page)
    outline = md_outline(md)
    assert outline[0] == "paragraph:Prices"
    start = outline.index("table")
    cells = [o for o in outline[start:] if o.startswith(("th:", "td:"))]
    assert cells == [
        "th:Item", "th:Price | EUR", "td:Tea *green*", "td:3", "td:spans", "td:", "td:Cake", "td:4",
    ]  # fmt: skip


def test_layout_table_renders_as_paragraphs() -> None:
    page = (
        f"<body><table><tr><td><p>Nav</p></td><td><p>One {PROSE}.</p><p>Two {PROSE}.</p>"
        f"<p>Three {PROSE}.</p></td></tr></table></body>"
    )
    outline = md_outline(_body(page))
    assert "table" not in outline
    assert f"paragraph:Two {PROSE}." in outline


def test_links_and_images_on_request() -> None:
    page = (
        f"<body><p>See <a href='/docs/a (b)'>the docs</a> and <a href='mailto:x@example.org'>mail</a>,"
        f" {PROSE}.</p><figure><img src='/img/p.png' alt='A [pic]' title='Hi \"there\"'>"
        f"<figcaption>The *caption*</figcaption></figure></body>"
    )
    md = _body(page, include_captions=True)
    tokens = commonmark().parse(md)
    links = [
        (c.attrGet("href"), c.attrGet("src"))
        for t in tokens if t.type == "inline" for c in t.children or [] if c.type in ("link_open", "image")
    ]  # fmt: skip
    assert links == [
        ("https://example.org/docs/a%20(b)", None), ("mailto:x@example.org", None),
        (None, "https://example.org/img/p.png"),
    ]  # fmt: skip
    outline = md_outline(md)
    assert f"paragraph:See [the docs] and [mail], {PROSE}." in outline
    assert "paragraph:![A [pic]](https://example.org/img/p.png)" in outline
    assert "paragraph:_The *caption*_" in outline


def test_links_and_images_are_off_by_default() -> None:
    page = f"<body><article><h1>T</h1><p>See <a href='/a'>the docs</a> {PROSE}.</p><img src=/x.png alt=x><p>More {PROSE}.</p></article></body>"
    article = declutter.extract(page, url="https://example.org/")
    assert all(not b.links and not b.images for b in article.blocks)
    assert "](" not in article.to_markdown()


def test_front_matter_is_yaml_with_every_metadata_field() -> None:
    article = replace(
        all_kept(f"<body><p>Body {PROSE}.</p></body>"),
        title='A "quoted" title: with\u2028odd #chars', authors=("Ann", "Bo"), tags=("x",),
        date="2025-06-21", language="en",
    )  # fmt: skip
    md = article.to_markdown()
    assert md.startswith("---\n")
    front = yaml.safe_load(md[4 : md.index("\n---\n", 4)])
    expected = {k: v for k, v in article.to_dict().items() if k in FIELDS and v not in (None, [])}
    assert front == expected
    assert md_outline(strip_front_matter(md))[0] == 'h1:A "quoted" title: with odd #chars'


def _paragraph_article(text: str) -> Article:
    block = Block(
        index=0, text=text, tag="p", kind="paragraph", path="body>p", depth=1, length=1,
        link_length=0, punctuation=0, element_count=0, position=0.0, score=1.0, kept=True, reason="content",
    )  # fmt: skip
    return Article(body=text, blocks=(block,))


def _normalised(text: str) -> str:
    """As the walk makes block text: spaces collapsed, no empty line."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


SPECIALS = "\\`*_{}[]()<>#+-.!|~&;:='\"/ 0123456789aZ\u00e9\u4e2d"


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *SPECIALS,
                "\n",
                "&amp;",
                "&#42;",
                "1.",
                "- ",
                "# ",
                "```",
                "***",
                "<b>",
                "[x](y)",
                "http://a.b",
            ]
        ),
        min_size=1,
    ).map("".join)
)
def test_any_text_reads_back_as_itself(raw: str) -> None:
    text = _normalised(raw)
    if not text:
        return
    md = declutter.render(_paragraph_article(text), "markdown", metadata=False)
    tokens = commonmark().parse(md)
    assert [t.type for t in tokens] == ["paragraph_open", "inline", "paragraph_close"], md
    assert inline_text(tokens[1]) == text, md


@pytest.mark.parametrize("kind", ["heading", "caption", "cell"])
@settings(max_examples=60, deadline=None)
@given(raw=st.text(alphabet=st.sampled_from(list(SPECIALS)), min_size=1, max_size=30))
def test_text_in_headings_captions_and_cells_reads_back(kind: str, raw: str) -> None:
    text = _normalised(raw)
    if not text:
        return
    tag = {"heading": "h2", "caption": "figcaption", "cell": "td"}[kind]
    block = Block(
        index=0, text=text, tag=tag, kind=kind, path="", depth=1, length=1, link_length=0,
        punctuation=0, element_count=0, position=0.0, score=1.0, kept=True, reason="content",
        heading_level=2 if kind == "heading" else 0,
    )  # fmt: skip
    blocks = (block,)
    if kind == "cell":  # a 2x2 grid
        blocks = tuple(
            block._replace(
                index=i, table_id=1, table_row=i // 2, table_column=i % 2, table_data=True
            )
            for i in range(4)
        )
    md = declutter.render(Article(body=text, blocks=blocks), "markdown", metadata=False)
    outline = md_outline(md)
    expected = {"heading": f"h2:{text}", "caption": f"paragraph:_{text}_", "cell": f"th:{text}"}[
        kind
    ]
    assert outline[0 if kind != "cell" else 3] == expected, md


def test_real_pages_render_valid_markdown_with_the_body_text() -> None:
    from outputs_helpers import snippet_pages

    for name, data in snippet_pages():
        article = declutter.extract(
            data, options=declutter.Options(include_links=True, include_images=True)
        )
        md = declutter.render(article, "markdown", metadata=False)
        rendered = commonmark().render(md)
        assert "<script" not in rendered and "<html" not in rendered, name
        words = set(article.body.split()[:50])
        text_of_md = " ".join(inline_text(t) for t in commonmark().parse(md) if t.type == "inline")
        text_of_md += " ".join(t.content for t in commonmark().parse(md) if t.type == "fence")
        missing = [w for w in words if w not in text_of_md and "[" not in w]
        assert len(missing) <= len(words) // 10, (name, missing[:10])


def test_figure_keeps_its_image_when_captions_are_left_out() -> None:
    image = declutter.Image("/p.png", "A picture", "")
    caption = Block(
        index=0, text="The caption", tag="figcaption", kind="caption", path="", depth=1, length=2,
        link_length=0, punctuation=0, element_count=0, position=0.0, score=0.0, kept=False, reason="caption",
        images=(image,),
    )  # fmt: skip
    elsewhere = caption._replace(
        index=1, reason="outside-article", images=(declutter.Image("/ad.png"),)
    )
    article = Article(url="https://example.org/a/", blocks=(caption, elsewhere))
    md = declutter.render(article, "markdown", metadata=False)
    assert md == "![A picture](https://example.org/p.png)\n"
    assert (
        "The caption" not in article.to_html()
        and 'src="https://example.org/p.png"' in article.to_html()
    )


def test_table_inside_a_list_item_and_list_inside_a_table_cell() -> None:
    page = (
        "<body><ul><li>intro<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
        "</li><li>next</li></ul>"
        "<table><tr><td><ul><li>x</li><li>y</li></ul></td><td>z</td></tr><tr><td>q</td><td>r</td></tr></table>"
        "</body>"
    )
    outline = md_outline(_body(page))
    first_item = outline[outline.index("list_item") : outline.index("/list_item") + 1]
    assert "table" in first_item and "th:a" in first_item and "td:2" in first_item
    assert outline.count("table") == 1  # a list in a cell: not a grid, its text in order
    assert outline[-3:] == ["paragraph:z", "paragraph:q", "paragraph:r"]

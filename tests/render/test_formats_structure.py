"""The structure the walk records for the renderers, and what must not change with it."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import yaml
from lxml import html as lxml_html

import declutter
from declutter import Image, Link
from declutter._model import DESCRIPTIVE_FIELDS as FIELDS
from outputs_helpers import all_kept, md_outline, real_page, snippet_pages, strip_front_matter


def _blocks(page: str) -> dict[str, declutter.Block]:
    return {b.text: b for b in all_kept(page).blocks}


def test_list_structure() -> None:
    blocks = _blocks(
        "<body><ol start=5><li>five<ul><li>dot</li></ul></li><li>six</li></ol>"
        "<ol reversed><li>three</li><li>two</li><li value=9>nine</li><li>eight</li></ol>"
        "<dl><dt>term</dt><dd>definition</dd></dl><p>after</p></body>"
    )
    five, dot, six = blocks["five"], blocks["dot"], blocks["six"]
    assert (five.list_depth, five.list_ordered, five.list_number) == (1, True, 5)
    assert (six.list_number, six.list_id) == (6, five.list_id) and six.list_item != five.list_item
    assert (dot.list_depth, dot.list_ordered, dot.list_number) == (2, False, 0)
    assert [blocks[t].list_number for t in ("three", "two", "nine", "eight")] == [4, 3, 9, 8]
    assert (
        blocks["term"].list_depth == 1
        and blocks["definition"].list_item != blocks["term"].list_item
    )
    assert (blocks["after"].list_depth, blocks["after"].list_id, blocks["after"].list_item) == (
        0,
        -1,
        -1,
    )


def test_table_and_quote_structure() -> None:
    blocks = _blocks(
        "<body><table><thead><tr><th>h1</th><th colspan=2>h2</th><th>h3</th></tr></thead>"
        "<tbody><tr><td>a</td><td><p>b</p></td></tr></tbody></table>"
        "<blockquote><p>q1</p><blockquote><p>q2</p></blockquote></blockquote><p>out</p></body>"
    )
    assert [(blocks[t].table_row, blocks[t].table_column, blocks[t].table_header) for t in ("h1", "h2", "h3")] == [
        (0, 0, True), (0, 1, True), (0, 3, True),
    ]  # fmt: skip
    assert (blocks["b"].table_row, blocks["b"].table_column, blocks["b"].table_header) == (
        1,
        1,
        False,
    )
    assert blocks["a"].table_id == blocks["b"].table_id >= 0
    assert (blocks["q1"].quote_depth, blocks["q2"].quote_depth) == (1, 2)
    assert blocks["q1"].quote_id != blocks["q2"].quote_id
    assert (blocks["out"].quote_depth, blocks["out"].table_id) == (0, -1)


def test_links_and_images_recorded() -> None:
    blocks = _blocks(
        "<body><p>One <a href='/a'>first <b>link</b></a> and <a>no href</a> <a href='/b'>second</a>.</p>"
        "<a href='/card'><div>card title</div><div>card text</div></a>"
        "<img src='data:image/gif;base64,R0lGOD' data-src='/lazy.jpg' alt='lazy'>"
        "<img src='/pixel.gif' width=1 height=1><img src='/hidden.png' style='display:none'>"
        "<p>After the picture.</p></body>"
    )
    assert blocks["One first link and no href second."].links == (
        Link("first link", "/a"),
        Link("second", "/b"),
    )
    assert blocks["card title"].links == (Link("card title", "/card"),)
    assert blocks["card text"].links == (Link("card text", "/card"),)
    assert blocks["After the picture."].images == (Image("/lazy.jpg", "lazy", ""),)


def test_recording_changes_nothing_else_on_real_pages() -> None:
    on = declutter.Options(include_links=True, include_images=True)
    for name, data in snippet_pages():
        plain, recorded = declutter.extract(data), declutter.extract(data, options=on)
        strip = lambda b: b._replace(links=(), images=())
        assert [strip(b) for b in recorded.blocks] == list(plain.blocks), name
        assert replace(recorded, blocks=()) == replace(plain, blocks=()), name
        assert sum(len(b.links) for b in recorded.blocks) > 0, name


def test_rendering_changes_nothing() -> None:
    article = declutter.extract(real_page("flowfx.de.tmux.html"))
    before = article.to_dict(include_blocks=True)
    for fmt in declutter.FORMATS:
        declutter.render(article, fmt)
    assert article.to_dict(include_blocks=True) == before


def test_every_format_carries_the_same_metadata() -> None:
    article = replace(
        all_kept("<body><p>Body text, with words.</p></body>"),
        title="Title", authors=("Ann Lee", "Bo"), date="2025-06-21T06:34", date_modified="2025-06-22",
        date_source="meta", canonical_url="https://example.org/c", site_name="Example",
        description="A summary.", language="en", image="https://example.org/i.png", tags=("t1", "t2"),
        categories=("news",), score=0.75, truncated=True, encoding="utf-8",
    )  # fmt: skip
    expected = {k: v for k, v in article.to_dict().items() if k in FIELDS}
    assert len(expected) == len(FIELDS) == 12
    md = article.to_markdown()
    assert yaml.safe_load(md[4 : md.index("\n---\n", 4)]) == expected
    text = declutter.render(article, "text").split("\n\n", 1)[0]
    as_text = {k: ", ".join(v) if isinstance(v, list) else v for k, v in expected.items()}
    as_text["author"] = as_text.pop("authors")
    assert dict(line.split(": ", 1) for line in text.splitlines()) == as_text
    root = lxml_html.document_fromstring(article.to_html())
    metas = {
        m.get("name")[10:]: m.get("content")
        for m in root.findall(".//meta")
        if (m.get("name") or "").startswith("declutter:")
    }
    assert {
        k: json.loads(v) if k in ("authors", "tags", "categories") else v for k, v in metas.items()
    } == expected
    record = json.loads(declutter.render(article, "json"))
    assert {k: v for k, v in record.items() if k in FIELDS} == expected
    assert (record["score"], record["truncated"], record["encoding"]) == (0.75, True, "utf-8")


@pytest.mark.parametrize("tag", ["blockquote", "ul"])
def test_absurd_nesting_renders(tag: str) -> None:
    depth = 5000
    inner = "<li>" if tag == "ul" else ""
    page = "<body>" + f"<{tag}>{inner}" * depth + "deep text, with words." + "</body>"
    article = all_kept(page)
    md = strip_front_matter(article.to_markdown())
    assert "deep text, with words." in md
    assert "deep text, with words." in article.to_html()
    assert md_outline(md)

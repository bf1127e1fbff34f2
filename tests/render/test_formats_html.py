"""HTML output and the explain report: structure, metadata, and safety against known XSS
vectors (no script, handler, javascript:/data: URL, style, iframe or object gets out)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from lxml import html as lxml_html

import declutter
from declutter._model import DESCRIPTIVE_FIELDS as FIELDS
from declutter._render import _html, explain_html
from declutter._render._explain import CSP
from declutter._render._urls import safe_url
from outputs_helpers import (
    EXPLAIN,
    XSS_VECTORS,
    all_kept,
    commonmark,
    real_page,
    remote_references,
    snippet_pages,
    unsafe_parts,
    xss_page,
)  # fmt: skip

PROSE = "with enough words, and commas, to read as prose"
SAFE = {"tags": _html.ALLOWED_TAGS, "attributes": _html.ALLOWED_ATTRIBUTES}


def _tree(document: str) -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(document)


def test_structure_is_kept() -> None:
    page = (
        f"<body><h2>Sub</h2><p>Line one<br>line two, {PROSE}.</p><ol start=3><li>three<ul><li>inner</li>"
        f"</ul></li><li>four</li></ol><blockquote><p>quoted {PROSE}.</p></blockquote>"
        f"<pre>code &lt;x&gt;</pre><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"
        f"<figure><img src=/p.png alt=pic><figcaption>cap</figcaption></figure></body>"
    )
    root = _tree(all_kept(page, include_captions=True).to_html(metadata=False))
    article = root.find(".//article")
    assert [c.tag for c in article] == ["h2", "p", "ol", "blockquote", "pre", "table", "figure"]
    assert article.find("p").find("br") is not None
    assert article.find("ol").get("start") == "3"
    assert [li.text.strip() for li in article.find("ol").findall("li")] == ["three", "four"]
    assert article.find("ol/li/ul/li").text == "inner"
    assert article.find("pre/code").text == "code <x>"
    assert [th.text for th in article.findall("table/thead/tr/th")] == ["a", "b"]
    assert [td.text for td in article.findall("table/tbody/tr/td")] == ["1", "2"]
    assert article.find("figure/img").get("src") == "https://example.org/p.png"
    assert article.find("figure/figcaption").text == "cap"


def test_metadata_in_head_and_header() -> None:
    article = replace(
        all_kept(f"<body><p>Body {PROSE}.</p></body>"),
        title="The title", authors=("Ann", "Bo"), date="2025-06-21", language="de-AT",
        tags=("a", "b"), canonical_url="https://example.org/c",
    )  # fmt: skip
    root = _tree(article.to_html())
    assert root.get("lang") == "de-AT"
    metas = {m.get("name"): m.get("content") for m in root.findall(".//meta") if m.get("name")}
    for name, value in article.to_dict().items():
        if name not in FIELDS or value in (None, []):
            assert f"declutter:{name}" not in metas
            continue
        shown = metas[f"declutter:{name}"]
        assert (json.loads(shown) if isinstance(value, list) else shown) == value
    assert metas["author"] == "Ann, Bo"
    assert root.find(".//link[@rel='canonical']").get("href") == "https://example.org/c"
    assert root.find(".//article/header/h1").text == "The title"
    assert root.find(".//article/header/p/time").get("datetime") == "2025-06-21"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("/rel?q=1#f", "https://example.org/rel?q=1#f"),
        ("mailto:a@example.org", "mailto:a@example.org"),
        ("javascript:alert(1)", None),
        (" JAVASCRIPT:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("\x01javascript:alert(1)", None),
        ("data:text/html,x", None),
        ("vbscript:x", None),
        ("file:///etc/passwd", None),
        ("\\\\evil.example/x", None),
        ("", None),
    ],
)
def test_safe_url(raw: str, expected: str | None) -> None:
    assert safe_url(raw, "https://example.org/news/1") == expected


def test_vectors_are_in_the_page() -> None:
    """The vectors reach the renderers: kept text, links and images."""
    article = all_kept(xss_page())
    assert sum(len(b.links) for b in article.blocks) >= 12
    assert sum(len(b.images) for b in article.blocks) >= 5
    assert "click javascript" in article.body


def test_html_output_is_safe_against_xss_vectors() -> None:
    article = all_kept(xss_page(), include_captions=True)
    document = article.to_html()
    assert unsafe_parts(document, **SAFE) == []
    assert (
        "click javascript" in document and "<a href" in document
    )  # links kept, unsafe ones as text
    assert 'href="https://example.org/ok"' in document


def test_html_output_of_real_extraction_is_safe() -> None:
    options = declutter.Options(include_links=True, include_images=True, include_captions=True)
    article = declutter.extract(xss_page(), url="https://example.org/", options=options)
    assert unsafe_parts(article.to_html(), **SAFE) == []
    assert unsafe_parts(declutter.render(article, "html", metadata=False), **SAFE) == []


def test_explain_report_is_safe_against_xss_vectors() -> None:
    report = explain_html(declutter.extract(xss_page(), url="javascript:alert(1)"))
    assert unsafe_parts(report, **EXPLAIN) == []
    assert "Content-Security-Policy" in report


def test_markdown_of_xss_vectors_renders_safe_html() -> None:
    article = all_kept(xss_page(), include_captions=True)
    rendered = commonmark().render(article.to_markdown(metadata=False))
    tokens = commonmark().parse(article.to_markdown(metadata=False))
    assert not [t for t in tokens if t.type == "html_block"]
    assert not [c for t in tokens if t.children for c in t.children if c.type == "html_inline"]
    allowed = frozenset({"html", "body", "p", "a", "img", "ul", "ol", "li", "blockquote", "pre", "code",
                         "h1", "h2", "table", "thead", "tbody", "tr", "th", "td", "em", "br"})  # fmt: skip
    assert (
        unsafe_parts(
            f"<html><body>{rendered}</body></html>",
            tags=allowed,
            attributes=frozenset({"href", "src", "alt", "title", "start"}),
        )
        == []
    )


def test_every_vector_is_counted() -> None:
    assert len(XSS_VECTORS) >= 40


def test_real_pages_render_safe_html() -> None:
    options = declutter.Options(include_links=True, include_images=True)
    for name, data in snippet_pages():
        article = declutter.extract(data, url="https://example.org/", options=options)
        assert unsafe_parts(article.to_html(), **SAFE) == [], name
        assert unsafe_parts(explain_html(article), **EXPLAIN) == [], name


_PAGE_VIEW = declutter.Options(page_view=True)


def test_regions_and_sources_are_left_out_unless_asked_for() -> None:
    """They cost time on every page and only the page view uses them; without them the
    report still shows every block, just not inside its containers."""
    page = real_page("scrapinghub-14cc2a0c.html")
    plain, viewed = declutter.extract(page), declutter.extract(page, options=_PAGE_VIEW)
    assert plain.regions == () and plain.sources == ()
    assert any(r.best for r in viewed.regions)
    assert {s.field for s in viewed.sources} >= {"title"}
    assert replace(viewed, regions=(), sources=()) == plain
    root = _tree(explain_html(plain))
    assert len(root.xpath('.//main//*[contains(concat(" ", @class, " "), " b ")]')) == len(
        plain.blocks
    )
    assert not root.xpath('.//main//div[contains(concat(" ", @class, " "), " best ")]')


def test_explain_report_shows_every_block_and_decision() -> None:
    page = real_page("flowfx.de.tmux.html")
    article = declutter.extract(page, options=_PAGE_VIEW)
    root = _tree(explain_html(article))
    boxes = root.xpath('.//main//*[contains(concat(" ", @class, " "), " b ")]')
    assert len(boxes) == len(article.blocks)
    title = next(s.block for s in article.sources if s.field == "title")
    for box, block in zip(boxes, article.blocks):
        tip, why = box.get("title"), box[0].text_content()
        assert (
            f"#{block.index} " in tip and block.reason in tip and f"score {block.score:.1f}" in tip
        )
        assert block.reason in why
        decision = (
            "t"
            if block.index == title
            else "k"
            if block.kept
            else "x"
            if block.kind == "pruned"
            else "d"
        )
        assert decision in box.get("class").split()
        assert block.text.split()[0] in box.text_content()
    # the headline is the title, and its block is a heading
    assert boxes[title].tag == "h1" and boxes[title][0].text_content().startswith("title")
    assert (
        not root.findall(".//script") and not root.findall(".//link") and not root.findall(".//img")
    )


def test_explain_report_nests_the_page_regions() -> None:
    """Regions are boxes around their blocks, the chosen container among them."""
    article = declutter.extract(real_page("scrapinghub-14cc2a0c.html"), options=_PAGE_VIEW)
    root = _tree(explain_html(article))
    best = root.xpath('.//main//div[contains(concat(" ", @class, " "), " best ")]')
    assert len(best) == 1
    region = next(r for r in article.regions if r.best)
    inside = best[0].xpath('.//*[contains(concat(" ", @class, " "), " b ")]')
    assert len(inside) == region.end - region.first
    assert "chosen container" in best[0][0].text_content()
    assert best[0].xpath("ancestor::div[contains(@class, 'r')]"), (
        "the chosen container sits in its parents' boxes"
    )


def test_explain_report_loads_nothing() -> None:
    options = declutter.Options(include_links=True, include_images=True, include_captions=True)
    article = declutter.extract(xss_page(), url="https://example.org/", options=options)
    assert any(b.images for b in article.blocks) and any(b.links for b in article.blocks)
    report = explain_html(article)
    assert remote_references(report) == []
    assert f'content="{CSP}"'.replace("'", "&#x27;") in report

"""Content never makes the metadata stage raise: broken JSON-LD, huge values, deep DOMs."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from _metadata_helpers import meta_of
from declutter._metadata._jsonld import read_jsonld


def test_json_ld_with_trailing_commas_and_raw_newlines_is_read() -> None:
    html = """<html><head><script type="application/ld+json">
    <!-- {"@type": "Article", "headline": "Line one
    two", "author": {"name": "Ann"},} --></script></head><body></body></html>"""
    ld = read_jsonld(LexborHTMLParser(html), max_chars=10_000, max_objects=10)
    assert (ld.headline, ld.authors) == ("Line one two", ["Ann"])


def test_broken_json_ld_is_skipped() -> None:
    html = '<html><head><script type="application/ld+json">{"@type": "Article", "headline": </script></head><body><h1>T</h1></body></html>'
    assert meta_of(html).title == "T"


def test_deeply_nested_json_ld_is_bounded() -> None:
    nested = '{"a":' * 5000 + "1" + "}" * 5000
    html = f'<html><head><script type="application/ld+json">{nested}</script></head><body><h1>T</h1></body></html>'
    assert meta_of(html).title == "T"


def test_huge_attribute_and_deep_dom() -> None:
    html = (
        '<html><head><meta name="author" content="'
        + "A" * 1_000_000
        + '"></head><body>'
        + "<div>" * 20_000
        + "<h1>Deep</h1><p>By Jane Roe</p>"
        + "</div>" * 20_000
        + "</body></html>"
    )
    meta = meta_of(html)
    assert meta.title == "Deep"
    assert meta.authors == ("Jane Roe",)


def test_page_without_head_or_body() -> None:
    assert meta_of("").title is None
    assert meta_of("just text").authors == ()
    assert meta_of("<title>Only</title>").title == "Only"


def test_the_tree_is_not_modified() -> None:
    html = (
        "<html><head><title>A - Site</title></head><body><h1>A</h1><p>By Jo Doe</p></body></html>"
    )
    tree = LexborHTMLParser(html)
    before = tree.html
    from declutter._head import read_head
    from declutter._metadata import extract_metadata
    from declutter._options import DEFAULT_OPTIONS

    extract_metadata(
        tree, meta=read_head(tree, DEFAULT_OPTIONS), url=None, body="", options=DEFAULT_OPTIONS
    )
    assert tree.html == before


def test_absurd_relative_date_is_ignored_not_an_overflow() -> None:
    import datetime

    import declutter

    page = "<article><p>Posted 99999999999 days ago</p><p>Some text, with a comma, to read.</p></article>"
    doc = declutter.extract(page, reference_time=datetime.datetime(2025, 1, 1))
    assert doc.date is None


def test_malformed_image_url_is_kept_as_written() -> None:
    import declutter

    page = (
        '<html><head><meta property="og:image" content="http://[bad/x.png"></head>'
        "<body><p>Some text, with a comma, to read here.</p></body></html>"
    )
    assert declutter.extract(page, url="https://a.example/x").image == "http://[bad/x.png"
